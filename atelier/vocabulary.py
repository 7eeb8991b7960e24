"""The national digital-mediation vocabulary (La Coop de la médiation numérique).

Keys are the values the national reporting tool expects; labels are its French
labels. The file is shipped inside the package because the program runs offline.
"""

import tomllib
from datetime import date
from functools import cache
from pathlib import Path

from atelier.i18n import pgettext

_FILE = Path(__file__).with_name("vocabulary.toml")
SCREEN_CONTEXT = "vocabulaire national"

# Upper bounds (exclusive) of the national age brackets, in years of age.
_AGE_BRACKETS = (
    (12, "moins_de_douze"),
    (18, "douze_dix_huit"),
    (25, "dix_huit_vingt_quatre"),
    (40, "vingt_cinq_trente_neuf"),
    (60, "quarante_cinquante_neuf"),
    (70, "soixante_soixante_neuf"),
)
OLDEST_BRACKET = "soixante_dix_plus"
UNKNOWN = "non_communique"


@cache
def load_vocabulary() -> dict:
    """The whole vocabulary file as parsed, read once (do not mutate it)."""
    with _FILE.open("rb") as f:
        return tomllib.load(f)


def vocabulary() -> dict[str, dict[str, str]]:
    """The key → label sections (themes, age_brackets, gender, …), as fresh copies.

    Sections that describe documents rather than list choices (collective_workshop,
    attendance_sheet) are left out: their values are not labels.
    """
    return {
        name: dict(section)
        for name, section in load_vocabulary().items()
        if isinstance(section, dict) and all(isinstance(v, str) for v in section.values())
    }


def labels(section: str) -> dict[str, str]:
    """Key → label for one section; KeyError if the section does not exist."""
    return vocabulary()[section]


def shown_labels(section: str) -> dict[str, str]:
    """Key → label for a screen, in the program's language. Documents a funder reads
    keep the national French labels (``labels``); a screen speaks its user's language.
    tools/catalogue.py puts every label in the catalogue under this context."""
    return {key: pgettext(SCREEN_CONTEXT, text) for key, text in labels(section).items()}


def label(section: str, key: str) -> str:
    """The French label of a key, or the key itself if unknown (old data stays readable)."""
    return labels(section).get(key, key)


def age_bracket(birth_year: int | None, on: date) -> str:
    """The national age-bracket key of someone born in `birth_year`, on the day `on`.

    Only the birth year is kept (data minimisation), so the age is the one reached
    during the year of `on`. A missing or impossible year gives "non_communique".
    """
    if birth_year is None:
        return UNKNOWN
    age = on.year - birth_year
    if age < 0:
        return UNKNOWN
    for upper, key in _AGE_BRACKETS:
        if age < upper:
            return key
    return OLDEST_BRACKET
