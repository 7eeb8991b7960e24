"""PySide6's support code, compiled at its first start and read back after (ui.qt_start):
the same code as PySide6 compiles, used only while the source is the same, and a missing,
damaged or unwritable cache costs time only. Each case is a real program started apart."""

from __future__ import annotations

import __future__
import marshal
import os
import subprocess
import sys
from importlib.util import MAGIC_NUMBER
from pathlib import Path

from atelier import paths
from tests.disks import fill, mounted_tmpfs
from ui.qt_start import CACHE_NAME, read

ROOT = Path(__file__).resolve().parents[2]
SUPPORT_MODULES = 13  # shibokensupport's modules, compiled by PySide6 at every start

START_PYSIDE_AND_SAY = """
import builtins, sys
compiled = []
sys.addaudithook(lambda event, args: compiled.append(str(args[1]))
                 if event == "compile" and str(args[1]).startswith("shibokensupport/") else None)
real = builtins.compile
import ui
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
try:
    QLabel().setText(3)
except TypeError as error:
    said = "Supported signatures" in str(error)  # PySide6's own signature support at work
print(len(compiled), said, builtins.compile is real)
"""


def started(cache_home: Path) -> tuple[int, bool, bool]:
    """How many support modules a program compiled, whether its signatures work, whether
    compile() is Python's own again."""
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    done = subprocess.run([sys.executable, "-c", START_PYSIDE_AND_SAY], env=env, capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    count, said, restored = done.stdout.split()
    return int(count), said == "True", restored == "True"


def test_compiled_at_the_first_start_then_read_back(tmp_path):
    assert started(tmp_path) == (SUPPORT_MODULES, True, True)
    cache = tmp_path / "atelier" / CACHE_NAME
    assert len(read(cache)) == SUPPORT_MODULES
    assert started(tmp_path) == (0, True, True)
    assert not [p for p in cache.parent.iterdir() if p != cache], "nothing else left beside it"


def test_the_kept_code_is_the_code_pyside_compiles(tmp_path):
    """PySide6's loader compiles each module with ``from __future__ import annotations`` in
    effect (its own): the kept code is that very code."""
    started(tmp_path)
    kept = read(tmp_path / "atelier" / CACHE_NAME)
    assert len(kept) == SUPPORT_MODULES
    for name, (source, code) in kept.items():
        own = compile(source, name, "exec", flags=__future__.annotations.compiler_flag, dont_inherit=True)
        assert code == own and code.co_flags == own.co_flags, name  # (their marshal bytes may share differently)


def test_a_damaged_or_foreign_cache_is_compiled_again(tmp_path):
    started(tmp_path)
    cache = tmp_path / "atelier" / CACHE_NAME
    whole = cache.read_bytes()
    for spoiled in (b"", b"pas du tout", whole[:len(whole) // 2], b"\0\0\0\0" + whole[4:],
                    MAGIC_NUMBER + marshal.dumps(["une", "liste"]), MAGIC_NUMBER + marshal.dumps({"x": (b"s", 3)})):
        cache.write_bytes(spoiled)
        assert started(tmp_path) == (SUPPORT_MODULES, True, True), spoiled[:20]
        assert len(read(cache)) == SUPPORT_MODULES


def test_a_module_whose_source_changed_is_compiled_again_alone(tmp_path):
    """Another PySide6 (an update): what it hands over differs, its code is not taken."""
    started(tmp_path)
    cache = tmp_path / "atelier" / CACHE_NAME
    kept = read(cache)
    name = "shibokensupport/signature/mapping.py"
    source, code = kept[name]
    kept[name] = (source + b"\n# another version\n", code)
    cache.write_bytes(MAGIC_NUMBER + marshal.dumps(kept))
    assert started(tmp_path) == (1, True, True)
    assert read(cache)[name][0] == source


def test_a_read_only_or_full_disk_only_costs_the_compiling(tmp_path):
    with mounted_tmpfs(tmp_path / "ro", size="64k", read_only=True) as read_only:
        assert started(read_only) == (SUPPORT_MODULES, True, True)
        assert started(read_only) == (SUPPORT_MODULES, True, True)
    with mounted_tmpfs(tmp_path / "full", size="64k") as full:
        (full / "atelier").mkdir()
        fill(full)
        assert started(full) == (SUPPORT_MODULES, True, True)
        assert sorted(p.name for p in (full / "atelier").iterdir()) == [], "no half-written file"


def test_the_cache_is_never_in_the_data_folder(monkeypatch, tmp_path):
    """People copy the data folder from PC to PC: compiled code must not travel with it."""
    monkeypatch.setenv("ATELIER_HOME", str(tmp_path / "donnees"))
    monkeypatch.setenv("HOME", "/home/josiane")
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    assert paths.cache_dir() == Path("/home/josiane/.cache/atelier")
    monkeypatch.setenv("XDG_CACHE_HOME", "/var/cache/josiane")
    assert paths.cache_dir() == Path("/var/cache/josiane/atelier")
    monkeypatch.setenv("XDG_CACHE_HOME", "relatif")
    assert paths.cache_dir() == Path("/home/josiane/.cache/atelier")
    monkeypatch.setenv("HOME", "/")
    assert paths.cache_dir() is None  # nowhere plain: nothing is kept
