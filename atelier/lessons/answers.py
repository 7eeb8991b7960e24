"""Whether what a learner typed is what the form expected, forgiving what does not
matter on a real site: capitals, accents, spaces, the shape of an apostrophe, the way
a date or a number is written. A password and a code are compared as they are: there,
a capital does matter (the lesson about Verr. Maj).
"""

import math
import re
import unicodedata
from datetime import date

_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")
_LOOK_ALIKE = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u2013": "-",
                             "\u2014": "-", "\u2010": "-", "\u2011": "-", "\u0153": "oe", "\u0152": "oe",
                             "\u00e6": "ae", "\u00c6": "ae", "\u0131": "i"})


def parse_date(text: str) -> date | None:
    """A French date as people write it: 14/03/2025, 14-3-2025, 14.03.2025."""
    found = _DATE.match(text or "")
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_number(text) -> float | None:
    """12, "12", "1 200", "3,5": the number meant, or None."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text) if math.isfinite(text) else None
    cleaned = re.sub(r"[\s\u00a0\u202f]", "", str(text)).replace(",", ".")
    if not re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", cleaned):
        return None
    return float(cleaned)


def fold(text: str) -> str:
    """The text without what a comparison forgives: case, accents, spaces, look-alikes."""
    plain = unicodedata.normalize("NFKD", str(text).casefold()).translate(_LOOK_ALIKE)
    plain = "".join(ch for ch in plain if not unicodedata.combining(ch))
    return "".join(plain.casefold().split())


def digits(text) -> str:
    return re.sub(r"\s", "", str(text))


def same_answer(kind: str, given, expected) -> bool:
    """Whether ``given`` (the field's value) is the ``expected`` one of a field of ``kind``."""
    if kind == "checkbox":
        return bool(given) is bool(expected)
    if kind == "password":
        return str(given).strip() == str(expected).strip()
    if kind == "code":
        return digits(given) == digits(expected)
    if kind == "number":
        a, b = parse_number(given), parse_number(expected)
        if a is not None and b is not None:
            return math.isclose(a, b, rel_tol=0, abs_tol=1e-9)
    if kind == "date":
        a, b = parse_date(str(given)), parse_date(str(expected))
        if a is not None and b is not None:
            return a == b
    return fold(given) == fold(expected)
