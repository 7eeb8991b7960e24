"""The bundle against a plain PyInstaller bundle of a bare PySide6 window (``make bench-bundle``).

Sizes: dist/atelier/ (``make bundle``) against ``pyinstaller --windowed`` of
bench/bare_window.py with PyInstaller's defaults, and the archive against the 45 MB
goal. Start-up and peak memory: bench/atelier_window.py frozen by packaging/atelier.spec
(the program's modules and slimming, only the entry script differs) against the plain
bundle, both started as in bench/startup.py on the five-year database.
"""

import os
import subprocess
import sys
from pathlib import Path

from bench import Ratio, root, startup

ARCHIVE_GOAL_MB = 45
WINDOWS = sys.platform.startswith("win")


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def program(folder: Path, name: str) -> Path:
    return folder / (f"{name}.exe" if WINDOWS else name)


def freeze(out: Path, *args: str, env: dict | None = None) -> None:
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
               "--distpath", str(out / "dist"), "--workpath", str(out / "work"), *args]
    env = dict(env or os.environ, PYINSTALLER_CONFIG_DIR=str(out / "pyinstaller-cache"))  # see packaging/build.py
    subprocess.run(command, check=True, cwd=root(), env=env, capture_output=True)


def _with_marks(pythonpath: str | None) -> str:
    """PYTHONPATH with bench/ first: the measured scripts import marks.py as a top-level module
    (see bare_window.py), and PyInstaller only searches the folder above a package's scripts."""
    return os.pathsep.join(p for p in (str(root() / "bench"), pythonpath) if p)


def plain_bundle(out: Path) -> Path:
    """PyInstaller's defaults on the bare window: what a PySide6 program weighs untouched."""
    freeze(out, "--windowed", "--specpath", str(out), "--paths", str(root()), "--paths", str(root() / "bench"),
           "--name", "bare_window", str(root() / "bench" / "bare_window.py"))
    return out / "dist" / "bare_window"


def frozen_atelier(out: Path) -> Path:
    env = dict(os.environ, ATELIER_SPEC_ENTRY=str(root() / "bench" / "atelier_window.py"),
               ATELIER_SPEC_NAME="atelier_window", PYTHONPATH=_with_marks(os.environ.get("PYTHONPATH")))
    freeze(out, str(root() / "packaging" / "atelier.spec"), env=env)
    return out / "dist" / "atelier_window"


def run(home: Path) -> list[Ratio]:
    bundle = root() / "dist" / "atelier"
    archives = sorted((root() / "dist").glob("atelier-*.*"), key=lambda p: p.stat().st_mtime)
    if not program(bundle, "atelier").exists() or not archives:
        raise SystemExit("Construisez d'abord le paquet : make bundle")
    out = root() / "build" / "bench" / "bundles"
    print("\n== Paquet PyInstaller contre un paquet ordinaire d'une fenêtre PySide6 nue ==")
    plain = plain_bundle(out / "plain")
    frozen = frozen_atelier(out / "frozen")
    sizes = {"plain": folder_mb(plain), "atelier": folder_mb(bundle)}
    archive_mb = archives[-1].stat().st_size / 1e6
    print(f"{'Paquet ordinaire (fenêtre nue)':36}{sizes['plain']:>8.1f} Mo  {plain}")
    print(f"{'Paquet Atelier':36}{sizes['atelier']:>8.1f} Mo  {bundle}")
    print(f"{'Archive Atelier':36}{archive_mb:>8.1f} Mo  {archives[-1].name}")

    commands = {"bare": [str(program(plain, "bare_window"))],
                "atelier": [str(program(frozen, "atelier_window")), str(home)]}
    results = startup.measure(commands)
    time_ms, peak = startup.compare(results, {"bare": "Paquet de la fenêtre nue", "atelier": "Paquet Atelier (cinq ans)"},
                                    "Démarrage des paquets")
    startup.print_steps("Étapes du paquet de la fenêtre nue", results["bare"])
    startup.print_steps("Étapes du paquet Atelier", results["atelier"])
    checked = {name: startup.time_v_peak_mb(command) for name, command in commands.items()}
    if None not in checked.values():
        print(f"Contrôle par /usr/bin/time -v : fenêtre nue {checked['bare']:.0f} Mo, Atelier {checked['atelier']:.0f} Mo")
    return [
        Ratio("Paquet : taille", sizes["atelier"], sizes["plain"], "Mo", goal=0.7),
        Ratio("Paquet : archive", archive_mb, ARCHIVE_GOAL_MB, "Mo", goal=1.0),
        Ratio("Paquet : démarrage", time_ms["atelier"], time_ms["bare"], "ms"),
        Ratio("Paquet : mémoire max", peak["atelier"], peak["bare"], "Mo"),
    ]
