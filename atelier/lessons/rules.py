"""One rule per kind of parameter a pack writes: a number, a text, a list, a picture.

Each rule's ``check(key, value)`` returns a French message for a trainer, or None;
``default`` is used when the key is left out, and an ``optional`` rule left out gives
None instead of a complaint. The exercise checks (exercises.py, form_rules.py,
question_rules.py) are made of them.
"""

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath

from atelier.i18n import _, plural

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")   # ids: lowercase, digits, hyphens
PICTURE_TYPES = (".svg", ".png", ".jpg", ".jpeg")


@dataclass(frozen=True)
class Issue:
    where: tuple                 # key path inside the exercise table
    message: str
    exercise: int | None = None  # index of the [[exercises]] block


@dataclass(frozen=True)
class PackFiles:
    """What the checks may ask of the module's folder: why a file named by the pack is
    missing (None when it is there), and a picture's drawing area (picture_size.Box)."""

    problem: Callable[[str], str | None] = lambda path: None
    box: Callable[[str], tuple | None] = lambda path: None

    @classmethod
    def of(cls, files) -> "PackFiles":
        """``files`` itself, or a bare ``problem`` function (the first packs' checks)."""
        return files if isinstance(files, PackFiles) else cls(problem=files)


def suggest(word: str, possible) -> str:
    """' (vouliez-vous dire « x » ?)' when a close match exists, else ''."""
    if not isinstance(word, str):
        return ""
    lowered = {p.lower(): p for p in possible}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return _(" (vouliez-vous dire « {word} » ?)").format(word=lowered[close[0]]) if close else ""


def shown(value) -> str:
    """A value as the trainer typed it in TOML, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{…}"
    return str(value)


def unknown_key(key, kind_text, possible) -> str:
    return _("clé inconnue « {key} »{hint} pour {what} ; clés possibles : {keys}").format(
        key=key, hint=suggest(key, possible), what=kind_text, keys=", ".join(possible))


@dataclass(frozen=True)
class Int:
    low: int
    high: int
    default: int | None = None
    pixels: bool = False  # a size on screen: too big means "bigger than the screen"
    optional = False

    def check(self, key, value):
        if isinstance(value, bool) or not isinstance(value, int):
            return _("« {key} » doit être un nombre entier, sans guillemets ni virgule "
                     "(par exemple {key} = {example}), pas {value}").format(
                key=key, example=self.default or self.low, value=shown(value))
        if self.pixels and value > self.high:
            return _("« {key} » vaut {value} pixels : plus grand que l'écran "
                     "({high} pixels au plus)").format(key=key, value=value, high=self.high)
        if self.pixels and value < self.low:
            return _("« {key} » vaut {value} pixels : trop petit pour des débutants "
                     "({low} pixels au moins)").format(key=key, value=value, low=self.low)
        if not self.low <= value <= self.high:
            return _("« {key} » vaut {value} ; il faut un nombre entre {low} et {high}").format(
                key=key, value=value, low=self.low, high=self.high)
        return None


def Size(default):
    return Int(48, 600, default, pixels=True)


@dataclass(frozen=True)
class Share:
    """A part of a whole, between ``low`` and 1 (0.8 = four fifths)."""

    low: float
    default: float
    optional = False

    def check(self, key, value):
        if isinstance(value, bool) or not isinstance(value, int | float) or not self.low <= value <= 1:
            return _("« {key} » doit être un nombre entre {low} et 1, avec un point "
                     "(par exemple {key} = {example}), pas {value}").format(
                key=key, low=self.low, example=self.default, value=shown(value))
        return None


@dataclass(frozen=True)
class Interval:
    """The double-click's interval: milliseconds, or "system" (the computer's setting)."""

    default: int = 900
    low: int = 300
    high: int = 3000
    optional = False

    def check(self, key, value):
        if value == "system":
            return None
        if isinstance(value, bool) or not isinstance(value, int) or not self.low <= value <= self.high:
            return _("« {key} » vaut un nombre de millisecondes entre {low} et {high} "
                     "(par exemple {key} = 1200), ou \"system\" pour le réglage de "
                     "l'ordinateur ; pas {value}").format(
                key=key, low=self.low, high=self.high, value=shown(value))
        return None


@dataclass(frozen=True)
class Text:
    default: str | None = None
    optional: bool = False

    def check(self, key, value):
        if not isinstance(value, str) or not value.strip():
            return _("« {key} » doit être un texte entre guillemets, non vide, "
                     "pas {value}").format(key=key, value=shown(value))
        return None


@dataclass(frozen=True)
class Flag:
    default: bool = False
    optional = False

    def check(self, key, value):
        if not isinstance(value, bool):
            return _("« {key} » vaut true (oui) ou false (non), sans guillemets, "
                     "pas {value}").format(key=key, value=shown(value))
        return None


@dataclass(frozen=True)
class Picture:
    """A picture of the module: images/….svg (or .png, .jpg), inside its folder.
    Whether the file is there is asked of the pack (``check_file``), not here."""

    optional: bool = True
    default = None

    def check(self, key, value):
        if message := Text().check(key, value):
            return message
        if PurePosixPath(value).suffix.lower() not in PICTURE_TYPES:
            return _("« {key} » : « {path} » n'est pas une image ; il faut un fichier .svg, "
                     ".png ou .jpg, par exemple images/dossier.svg").format(key=key, path=value)
        return None


@dataclass(frozen=True)
class TextList:
    low: int = 1
    high: int | None = None
    allowed: tuple = ()  # when set, each entry must be one of these
    unique: bool = False  # when set, no entry may be written twice

    default = None
    optional = False

    def check(self, key, value):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            return _("« {key} » doit être une liste de textes non vides entre crochets, "
                     'par exemple {key} = ["un", "deux"]').format(key=key)
        if len(value) < self.low or (self.high is not None and len(value) > self.high):
            if self.high is None:
                return plural(self.low, "« {key} » doit contenir au moins {n} élément",
                              "« {key} » doit contenir au moins {n} éléments", key=key)
            has = plural(len(value), "« {key} » contient {n} élément", "« {key} » contient {n} éléments",
                         key=key)
            if self.high == self.low:
                # Translators: {has} is « "steps" contains 2 items »
                return _("{has} ; il en faut exactement {low}").format(has=has, low=self.low)
            return _("{has} ; il en faut entre {low} et {high}").format(has=has, low=self.low, high=self.high)
        for item in value:
            if self.allowed and item not in self.allowed:
                return _("« {key} » : touche inconnue « {item} »{hint} ; touches possibles : "
                         "{names}").format(key=key, item=item, hint=suggest(item, self.allowed),
                                           names=", ".join(self.allowed))
        if self.unique and len(set(value)) < len(value):
            twice = next(v for v in value if value.count(v) > 1)
            return _("« {key} » contient deux fois « {item} » : chaque choix doit être "
                     "différent").format(key=key, item=twice)
        return None


def table_list(value, key, example, header: str = "exercises") -> str | None:
    """Why ``value`` is not a non-empty list of tables, or None."""
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        return _("« {key} » doit être une liste non vide de tables, écrites "
                 "[[{header}.{key}]] ou {example}").format(key=key, header=header, example=example)
    return None


def required_texts(table, n, keys) -> list[Issue]:
    """Issues for the texts of ``keys`` that the ``n``th table lacks or leaves empty."""
    issues = []
    for key in keys:
        if key not in table:
            issues.append(Issue((n,), _("il manque « {key} »").format(key=key)))
        elif message := Text().check(key, table[key]):
            issues.append(Issue((n, key), message))
    return issues


def picture_issue(where: tuple, key: str, value, check_file) -> Issue | None:
    """The problem of a picture parameter (its type, or its file missing), or None."""
    message = Picture().check(key, value) or check_file(value)
    return Issue(where, message) if message else None
