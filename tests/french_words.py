"""The French words of the catalogue: what an English screen or command must not show.

A word counts as French when it appears in a French source string of the catalogue
and in none of its English translations (« date », « module », « session » are both).
Shared by the English tests of the command line and of the screens.
"""

import re
from functools import cache

from atelier.i18n import LOCALE_DIR

WORD = re.compile(r"[^\W\d_]{4,}")  # letters only, four or more: « les », « de » say little


def words(text: str) -> set[str]:
    return {w.casefold() for w in WORD.findall(text)}


@cache
def french_words() -> frozenset[str]:
    from babel.messages.pofile import read_po

    with (LOCALE_DIR / "en" / "LC_MESSAGES" / "atelier.po").open("rb") as handle:
        catalogue = read_po(handle)
    french, english = set(), set()
    for message in catalogue:
        if not message.id:
            continue
        for text in (message.id,) if isinstance(message.id, str) else message.id:
            french |= words(re.sub(r"\{[^}]*\}", " ", text))  # « {name} » is no word
        for text in (message.string,) if isinstance(message.string, str) else message.string:
            english |= words(text)
    return frozenset(french - english)


def french_in(text: str) -> set[str]:
    """The catalogue's French words found in ``text``."""
    return words(text) & french_words()

