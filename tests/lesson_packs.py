"""Lesson packs for the tests: a small module that passes the checker, real pictures,
and zips written entry by entry (so that a test can make any entry hostile)."""

import stat
import struct
import zipfile
import zlib
from pathlib import Path

MODULE = """\
id = "{id}"
title = "{title}"
summary = "Un module pour essayer."
language = "fr"
version = {version}
duration = 60
level = "debutant"
themes = ["prendre_en_main_du_materiel"]
objectives = ["Cliquer sur un rond"]
steps = ["01-debut.md"]

[[exercises]]
id = "ronds"
kind = "click"
title = "Les ronds"
instructions = "Cliquez sur les ronds."

[[exercises]]
id = "quiz"
kind = "choice"
title = "Le quiz"
instructions = "Lisez la question. Cliquez sur la bonne réponse."

[[exercises.questions]]
question = "Quel bouton sert le plus ?"
answers = ["Le bouton gauche", "Le bouton droit"]
correct = 0
explanation = "Le bouton gauche sert presque tout le temps."
image = "images/rond.png"
"""
STEP = """\
# Début

## Ce que dit l'animateur

- « Aujourd'hui, on clique sur des ronds. »

## Ce que font les participants

L'exercice « Les ronds ».

![Un rond](images/rond.svg)
"""
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>\n'


def png() -> bytes:
    """A real 1 × 1 PNG (Qt and any viewer open it)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\xff\x00\x00")) + chunk(b"IEND", b""))


def module_files(module_id: str = "essai", title: str = "Essai", version: int = 1) -> dict[str, bytes]:
    """The files of a good module, by their path inside the module's folder."""
    return {"module.toml": MODULE.format(id=module_id, title=title, version=version).encode(),
            "01-debut.md": STEP.encode(), "images/rond.svg": SVG, "images/rond.png": png()}


def write_module(parent: Path, name: str = "essai", **options) -> Path:
    folder = Path(parent) / name
    for relative, data in module_files(**{"module_id": name, **options}).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_bytes(data)
    return folder


def write_zip(target: Path, files: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> Path:
    """A zip of ``files`` (name in the zip → bytes), each entry written as named."""
    with zipfile.ZipFile(target, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, (2024, 5, 1, 12, 0, 0))
            info.compress_type = method
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.create_system = 3
            archive.writestr(info, data)
    return target


def module_zip(target: Path, module_id: str = "essai", version: int = 1, title: str = "Essai",
               extra: dict[str, bytes] | None = None) -> Path:
    files = {f"{module_id}/{k}": v for k, v in module_files(module_id, title, version).items()}
    return write_zip(target, {**files, **(extra or {})})
