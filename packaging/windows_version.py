"""The version information Windows shows in the executable's Properties (Détails tab)."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def version() -> str:
    """atelier.__version__, read from the source without importing the package."""
    text = (ROOT / "atelier" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__ = "([^"]+)"', text).group(1)


def numbers(text: str) -> tuple[int, int, int, int]:
    """"0.1.0" → (0, 1, 0, 0): Windows wants four numbers."""
    found = [int(n) for n in re.findall(r"\d+", text)[:4]]
    return tuple(found + [0] * (4 - len(found)))


def info():
    from PyInstaller.utils.win32.versioninfo import (FixedFileInfo, StringFileInfo, StringStruct, StringTable,
                                                     VarFileInfo, VarStruct, VSVersionInfo)

    text = version()
    four = numbers(text)
    strings = [
        StringStruct("CompanyName", "Atelier"),
        StringStruct("FileDescription", "Atelier : ateliers numériques pour les seniors"),
        StringStruct("FileVersion", text),
        StringStruct("InternalName", "atelier"),
        StringStruct("LegalCopyright", "GPL-3.0-or-later"),
        StringStruct("OriginalFilename", "atelier.exe"),
        StringStruct("ProductName", "Atelier"),
        StringStruct("ProductVersion", text),
    ]
    return VSVersionInfo(
        ffi=FixedFileInfo(filevers=four, prodvers=four),
        kids=[StringFileInfo([StringTable("040C04B0", strings)]), VarFileInfo([VarStruct("Translation", [0x040C, 1200])])],
    )
