#!/usr/bin/env bash
# The Debian packages Qt needs for a real window (xcb), a virtual screen for the
# screenshot tests (Xvfb), fonts, poppler for reading PDFs back, and what the bundle's
# build uses (binutils for PyInstaller, icu-devtools and gcc to trim ICU's data, xz),
# and reading aloud: speech-dispatcher with the espeak-ng voice, the libraries Qt's
# speechd plugin loads (libspeechd2, libpulse0), sox to measure the voice in the tests.
# Installs them when run as root; otherwise names them and stops.
set -euo pipefail
packages=(xvfb xauth libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxkbcommon-x11-0
  libxcb-image0 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0
  libxcb-xkb1 libegl1 libgl1 libfontconfig1 libdbus-1-3 fonts-dejavu-core poppler-utils
  binutils icu-devtools gcc xz-utils
  speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libspeechd2 libpulse0 sox)
[ $# -gt 0 ] && packages=("$@")  # a caller may ask for other packages (python3-venv)
if ! command -v dpkg-query >/dev/null; then
  echo "Système sans dpkg : installez vous-même Xvfb, les bibliothèques xcb de Qt et poppler-utils." >&2
  exit 0
fi
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Installation des paquets Debian manquants : ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Il manque des paquets Debian. Installez-les (en administrateur) puis relancez :" >&2
  echo "  sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
