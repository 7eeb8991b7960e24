"""The Qt program. The core (atelier/) never imports this package."""

import builtins

import PySide6.QtCore  # noqa: F401  (first, so that its import hook is in place below)


def _plain_imports() -> None:
    """Put Python's own ``__import__`` back in place of PySide6's.

    PySide6 routes every later import through a hook for its opt-in
    ``from __feature__ import snake_case``, which Atelier never uses: the hook reads
    the source of each newly imported module to see whether it names PySide6, which
    cost the start-up about 15 ms and 3 MB of source lines kept in ``linecache``.
    With no module asking for a feature, PySide6 keeps its usual names everywhere.
    """
    hook = getattr(builtins, "__feature_import__", None)
    original = getattr(builtins, "__orig_import__", None)
    if hook is not None and original is not None and builtins.__import__ is hook:
        builtins.__import__ = original


_plain_imports()
