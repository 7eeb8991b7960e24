"""What each file of a pack must be: text in UTF-8, pictures that are the picture their
name says. Used on a zip being imported (atelier.lessons.archive), on a folder before
it is packed, and by ``atelier lessons check``.

A module holds only its module.toml, its steps, pictures and plain-text notes: any
other kind of file (a program, an office document) is refused rather than carried.
"""

import re
import xml.etree.ElementTree as ElementTree
from pathlib import PurePosixPath

from atelier.i18n import _
from atelier.lessons.tomllines import last_line

TEXTS = (".toml", ".md", ".txt")
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg")
# Files some systems add to a zip or a folder without being asked: left out, never refused.
LITTER = ("__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini", ".git")
PLAIN_NAMES = ("LICENSE", "LICENCE", "COPYING", "AUTHORS", "README")  # text without an ending

_PNG_END = b"IEND\xaeB`\x82"


def is_litter(relative: str) -> bool:
    """True for the files a Mac, Windows or git adds by themselves (and editors' backups)."""
    parts = PurePosixPath(relative).parts
    return (any(part in LITTER or part.startswith("._") for part in parts)
            or relative.endswith("~"))


def kind_problem(relative: str) -> str | None:
    """Why a file of this name has no place in a pack, or None."""
    name = PurePosixPath(relative).name
    suffix = PurePosixPath(name).suffix.lower()
    if suffix in TEXTS or suffix in PICTURES or (not suffix and name.upper() in PLAIN_NAMES):
        return None
    return _("« {name} » n'a pas sa place dans un module : un module contient seulement "
             "module.toml, des étapes .md, des images ({pictures}) et des notes .txt").format(
        name=relative, pictures=", ".join(PICTURES))


def content_problem(relative: str, data: bytes) -> tuple[int | None, str] | None:
    """(line, message) when ``data`` is not what the name ``relative`` says, else None."""
    suffix = PurePosixPath(relative).suffix.lower()
    if suffix in PICTURES and suffix != ".svg":
        return None if _is_picture(suffix, data) else (None, _(
            "ce n'est pas une image {kind} : le fichier est abîmé ou porte un faux nom").format(
            kind=suffix[1:].upper()))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        return line, _("le fichier n'est pas enregistré en UTF-8 : choisissez l'encodage "
                       "UTF-8 en l'enregistrant")
    if "\x00" in text:
        return text[:text.index("\x00")].count("\n") + 1, _(
            "le fichier contient un caractère nul : ce n'est pas un texte")
    if suffix == ".svg":
        return _svg_problem(text)
    return None


def _is_picture(suffix: str, data: bytes) -> bool:
    if suffix == ".png":
        return (data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR"
                and _PNG_END in data[-16:])
    if suffix in (".jpg", ".jpeg"):
        return data.startswith(b"\xff\xd8\xff") and data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if suffix == ".gif":
        return data[:6] in (b"GIF87a", b"GIF89a") and data.rstrip(b"\x00").endswith(b";")
    return data[:4] == b"RIFF" and data[8:12] == b"WEBP"   # .webp


def _svg_problem(text: str) -> tuple[int | None, str] | None:
    # A DOCTYPE is where entities are declared (a few lines can expand to gigabytes):
    # a drawing made for a pack needs none.
    if found := re.search(r"<!(DOCTYPE|ENTITY)", text, re.IGNORECASE):
        return text[:found.start()].count("\n") + 1, _(
            "image SVG refusée : elle contient une déclaration <!DOCTYPE> ou <!ENTITY>, "
            "inutile pour un dessin ; enregistrez-la en « SVG simple »")
    try:
        root = ElementTree.fromstring(text)
    except ElementTree.ParseError as error:
        line = min(error.position[0], last_line(text)) if error.position else None
        return line, _("ce n'est pas une image SVG lisible (le dessin est abîmé ou coupé)")
    except (RecursionError, ValueError):
        return None, _("ce n'est pas une image SVG lisible (le dessin est abîmé ou coupé)")
    if root.tag.rpartition("}")[2] != "svg":
        return 1, _("ce n'est pas une image SVG : le fichier ne commence pas par <svg>")
    return None
