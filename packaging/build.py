"""``make bundle``: the one-folder bundle for this platform, checked, then archived.

1. the icon drawn from assets/icons/atelier.svg (build/icons/);
2. PyInstaller with packaging/atelier.spec → dist/atelier/;
3. on Linux, the menu entry (atelier.desktop, its icon, ajouter-au-menu.sh);
4. ``atelier --self-test`` run on the fresh bundle: the build fails if it fails;
5. the archive dist/atelier-<version>-<system>-<machine>.tar.xz (.zip on Windows).

Prints the bundle's and the archive's sizes. Usage: python packaging/build.py
"""

import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from windows_version import version  # noqa: E402

DIST = ROOT / "dist"
BUILD = ROOT / "build"
BUNDLE = DIST / "atelier"
WINDOWS = sys.platform.startswith("win")
DESKTOP = """[Desktop Entry]
Type=Application
Name=Atelier
GenericName=Ateliers numériques
Comment=Ateliers numériques pour les seniors : appel, guide de séance, exercices, feuilles d'émargement
Exec="{folder}/atelier"
Icon={folder}/atelier.png
Terminal=false
Categories=Education;Office;
Keywords=atelier;seniors;numérique;émargement;
StartupWMClass=atelier
"""
# Puts the menu entry (and a desktop icon) where this folder now is: run once after unpacking.
ADD_TO_MENU = """#!/bin/sh
# Ajoute Atelier au menu des applications (et une icône sur le Bureau), là où ce dossier se trouve.
set -e
folder=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" -eq 0 ]; then menus=/usr/share/applications; else menus="$HOME/.local/share/applications"; fi
mkdir -p "$menus"
sed "s|/opt/atelier|$folder|g" "$folder/atelier.desktop" > "$menus/atelier.desktop"
chmod 644 "$menus/atelier.desktop"
desktop=$(xdg-user-dir DESKTOP 2>/dev/null || echo "$HOME/Bureau")
if [ "$(id -u)" -ne 0 ] && [ -d "$desktop" ]; then
  cp "$menus/atelier.desktop" "$desktop/atelier.desktop"
  chmod 755 "$desktop/atelier.desktop"
  gio set "$desktop/atelier.desktop" metadata::trusted true 2>/dev/null || true
fi
echo "Atelier est dans le menu des applications."
"""


def run(*args, **kwargs) -> None:
    print("→", " ".join(str(a) for a in args), flush=True)
    started = time.perf_counter()
    subprocess.run([str(a) for a in args], check=True, **kwargs)
    print(f"  ({time.perf_counter() - started:.0f} s)", flush=True)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def add_menu_entry(bundle: Path) -> None:
    shutil.copy2(BUILD / "icons" / "atelier.png", bundle / "atelier.png")
    (bundle / "atelier.desktop").write_text(DESKTOP.format(folder="/opt/atelier"), encoding="utf-8")
    script = bundle / "ajouter-au-menu.sh"
    script.write_text(ADD_TO_MENU, encoding="utf-8")
    script.chmod(0o755)


def self_test(bundle: Path) -> None:
    report = BUILD / "autotest.txt"
    program = bundle / ("atelier.exe" if WINDOWS else "atelier")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ATELIER_HOME")}
    result = subprocess.run([str(program), "--self-test", "--report", str(report)], env=env)
    if result.returncode != 0:
        text = report.read_text(encoding="utf-8") if report.exists() else "(pas de rapport)"
        raise SystemExit(f"L'autotest du paquet a échoué (code {result.returncode}) :\n{text}")


def archive(bundle: Path) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    name = f"atelier-{version()}-{system}-{platform.machine().lower()}"
    if WINDOWS:
        target = DIST / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for path in sorted(bundle.rglob("*")):
                out.write(path, Path("atelier") / path.relative_to(bundle))
        return target
    target = DIST / f"{name}.tar.xz"
    if shutil.which("tar") and shutil.which("xz"):  # xz on every core: twice as quick as Python's lzma
        with open(target, "wb") as out:
            tar = subprocess.Popen(["tar", "-C", str(bundle.parent), "-cf", "-", bundle.name], stdout=subprocess.PIPE)
            subprocess.run(["xz", "-6", "-T0"], stdin=tar.stdout, stdout=out, check=True)
            tar.stdout.close()
            if tar.wait() != 0:
                raise SystemExit("tar a échoué")
        return target
    with tarfile.open(target, "w:xz", preset=6) as out:
        out.add(bundle, arcname="atelier")
    return target


def main() -> int:
    run(sys.executable, ROOT / "packaging" / "icons.py", BUILD / "icons")
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", DIST, "--workpath", BUILD / "pyinstaller", ROOT / "packaging" / "atelier.spec")
    if sys.platform.startswith("linux"):
        add_menu_entry(BUNDLE)
    self_test(BUNDLE)
    for old in DIST.glob("atelier-*"):
        old.unlink()
    started = time.perf_counter()
    packed = archive(BUNDLE)
    print(f"(archive en {time.perf_counter() - started:.0f} s)")
    print(f"Paquet prêt : {BUNDLE} ({folder_size(BUNDLE) / 1e6:.1f} Mo)")
    print(f"Archive : {packed} ({packed.stat().st_size / 1e6:.1f} Mo)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
