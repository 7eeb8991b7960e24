#!/usr/bin/env bash
# Builds dist/atelier/ with PyInstaller, then runs the frozen program once as a smoke
# test (its version and the check of the shipped lesson packs) before calling it good.
set -euo pipefail
cd "$(dirname "$0")/.."
make .venv/.installed-$(cat pyproject.toml | cksum | cut -d' ' -f1) >/dev/null
.venv/bin/python -m pip install --quiet pyinstaller
.venv/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/atelier.spec
dist/atelier/atelier --version
dist/atelier/atelier lessons check
echo "Paquet prêt : dist/atelier/"
