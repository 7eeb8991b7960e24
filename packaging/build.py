"""``make bundle``: the one-folder bundle for this platform, checked, then archived.

1. the icon drawn from assets/icons/atelier.svg (build/icons/);
2. PyInstaller with packaging/atelier.spec → dist/atelier/;
3. on Linux, the menu entry (atelier.desktop, its icon, ajouter-au-menu.sh);
4. ``atelier --self-test`` run on the fresh bundle: the build fails if it fails;
5. the archive dist/atelier-<version>-<system>-<machine>.tar.xz (.zip on Windows).

Prints the bundle's and the archive's sizes.
Usage: python packaging/build.py [--dist DIR] [--build DIR] [--no-archive]
"""

import argparse
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
# Puts the menu entry (and a desktop icon) for where the folder now is: run once after unpacking.
ADD_TO_MENU = """#!/bin/sh
# Ajoute Atelier au menu des applications (et une icône sur le Bureau), là où ce dossier
# se trouve. « --tous » (en administrateur) : pour toutes les personnes de l'ordinateur.
set -e
folder=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--tous" ]; then
  menus=/usr/share/applications
else
  menus="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
fi
mkdir -p "$menus"
sed "s|/opt/atelier|$folder|g" "$folder/atelier.desktop" > "$menus/atelier.desktop"
chmod 644 "$menus/atelier.desktop"
desktop=$(xdg-user-dir DESKTOP 2>/dev/null || echo "$HOME/Bureau")
if [ "${1:-}" != "--tous" ] && [ -d "$desktop" ]; then
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


def add_menu_entry(bundle: Path, icons: Path) -> None:
    shutil.copy2(icons / "atelier.png", bundle / "atelier.png")
    (bundle / "atelier.desktop").write_text(DESKTOP.format(folder="/opt/atelier"), encoding="utf-8")
    script = bundle / "ajouter-au-menu.sh"
    script.write_text(ADD_TO_MENU, encoding="utf-8")
    script.chmod(0o755)


def self_test(bundle: Path, report: Path) -> None:
    program = bundle / ("atelier.exe" if WINDOWS else "atelier")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "ATELIER_HOME")}
    result = subprocess.run([str(program), "--self-test", "--report", str(report)], env=env)
    if result.returncode != 0:
        text = report.read_text(encoding="utf-8") if report.exists() else "(pas de rapport)"
        raise SystemExit(f"L'autotest du paquet a échoué (code {result.returncode}) :\n{text}")


def archive(bundle: Path, dist: Path) -> Path:
    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, "linux")
    name = f"atelier-{version()}-{system}-{platform.machine().lower()}"
    if WINDOWS:
        target = dist / f"{name}.zip"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
            for path in sorted(bundle.rglob("*")):
                out.write(path, Path("atelier") / path.relative_to(bundle))
        return target
    target = dist / f"{name}.tar.xz"
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="packaging/build.py")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the bundle and its archive go")
    parser.add_argument("--build", type=Path, default=ROOT / "build", help="PyInstaller's work, the icon, the report")
    parser.add_argument("--no-archive", action="store_true", help="the checked bundle only")
    args = parser.parse_args(argv)
    dist, build = args.dist.resolve(), args.build.resolve()
    bundle, icons = dist / "atelier", build / "icons"
    run(sys.executable, ROOT / "packaging" / "icons.py", icons)
    run(sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
        "--distpath", dist, "--workpath", build / "pyinstaller", ROOT / "packaging" / "atelier.spec",
        # its own cache beside its work: "--clean" empties the cache, and two builds sharing
        # ~/.cache/pyinstaller (CI beside a developer's build) damage each other's files
        env=dict(os.environ, ATELIER_ICONS=str(icons), PYINSTALLER_CONFIG_DIR=str(build / "pyinstaller-cache")))
    if sys.platform.startswith("linux"):
        add_menu_entry(bundle, icons)
    self_test(bundle, build / "autotest.txt")
    print(f"Paquet prêt : {bundle} ({folder_size(bundle) / 1e6:.1f} Mo)")
    if args.no_archive:
        return 0
    for old in dist.glob("atelier-*"):
        old.unlink()
    started = time.perf_counter()
    packed = archive(bundle, dist)
    print(f"Archive : {packed} ({packed.stat().st_size / 1e6:.1f} Mo, faite en {time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
