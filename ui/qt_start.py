"""How PySide6 starts inside Atelier: two costs of its own start taken away.

- PySide6 keeps its support code (``shibokensupport``, 13 modules) as source inside its
  binary and compiles it at every start: 12 ms of every Atelier start. Here the compiled
  code is kept in the user's cache folder (``atelier.paths.cache_dir``) and used again
  while PySide6 hands over the very same source, byte for byte; anything else is
  compiled as PySide6 would. A missing, damaged or unwritable cache only costs the 12 ms.
- PySide6 then routes every later import through a hook for its opt-in
  ``from __feature__ import snake_case``, which Atelier never uses: the hook reads the
  source of each newly imported module to see whether it names PySide6 (15 ms and 3 MB
  of source lines kept in ``linecache``). Python's own ``__import__`` is put back; with
  no module asking for a feature, PySide6 keeps its usual names everywhere.
"""

# The same future flags as PySide6's loader (signature_bootstrap.py), which calls
# compile(): compiling from here must give the code it would have given.
from __future__ import annotations

import builtins
import marshal
import sys
import types
from importlib.util import MAGIC_NUMBER
from pathlib import Path

from atelier import files, paths

CACHE_NAME = f"qt-support-code.{sys.implementation.cache_tag}"
SUPPORT = "shibokensupport/"  # the names PySide6 compiles its support modules under


def start_pyside() -> None:
    """Import PySide6 (its support code compiled once and kept), then put Python's own
    import back. A program that has imported PySide6 already (the tests' plugin) only
    has its import put back."""
    if "shiboken6" not in sys.modules:
        folder = paths.cache_dir()
        with_support_code_kept(folder / CACHE_NAME if folder is not None else None)
    plain_imports()


def with_support_code_kept(cache: Path | None) -> None:
    """``import PySide6.QtCore``, its support modules' code read from ``cache`` when their
    source is the one kept there; ``cache`` written again when something was compiled."""
    kept = read(cache) if cache is not None else {}
    used: dict[str, tuple[bytes, types.CodeType]] = {}
    compiled: dict[str, tuple[bytes, types.CodeType]] = {}
    real = builtins.compile

    def compile_once(source, filename, mode, flags=0, dont_inherit=False, optimize=-1, **more):
        if isinstance(source, bytes) and str(filename).startswith(SUPPORT) and mode == "exec" \
                and not flags and not dont_inherit and optimize == -1 and not more:
            known = kept.get(filename)
            if known is not None and known[0] == source:
                used[filename] = known
                return known[1]
            code = real(source, filename, mode)
            compiled[filename] = (source, code)
            return code
        return real(source, filename, mode, flags, dont_inherit, optimize, **more)

    builtins.compile = compile_once
    try:
        import PySide6.QtCore  # noqa: F401
    finally:
        builtins.compile = real
    if compiled and cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            files.write_bytes(cache, MAGIC_NUMBER + marshal.dumps({**used, **compiled}))
        except (OSError, files.WriteError, ValueError):
            pass  # a full or read-only disk: the next start compiles again, nothing else


def read(cache: Path) -> dict[str, tuple[bytes, types.CodeType]]:
    """What ``cache`` keeps: support module name → (its source, its code); nothing when the
    file is missing, cut, damaged or written by another Python."""
    try:
        data = cache.read_bytes()
        if not data.startswith(MAGIC_NUMBER):
            return {}
        kept = marshal.loads(data[len(MAGIC_NUMBER):])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(kept, dict):
        return {}
    return {name: entry for name, entry in kept.items()
            if isinstance(name, str) and isinstance(entry, tuple) and len(entry) == 2
            and isinstance(entry[0], bytes) and isinstance(entry[1], types.CodeType)}


def plain_imports() -> None:
    """Python's own ``__import__`` in place of PySide6's feature hook (see above)."""
    hook = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if hook is not None and original is not None and builtins.__import__ is hook:
        builtins.__import__ = original
