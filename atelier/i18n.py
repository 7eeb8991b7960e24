"""Translation markers for the core.

Every user-facing string of the core goes through ``_()`` (translated when shown) or
``N_()`` (marked only, translated later), gettext-style, so that an English catalogue
can be added under ``atelier/locale`` without touching code. French is the source
language.
"""

import gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"
_translation = gettext.translation("atelier", localedir=_LOCALE_DIR, fallback=True)


def current_language() -> str:
    """The two-letter code of the language the program speaks (the lessons follow it)."""
    return "fr"


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """French is the source language, and French puts 0 and 1 in the singular (gettext's
    fallback would say « 0 passages »); a catalogue brings its own rule."""
    if type(_translation) is gettext.NullTranslations:
        return singular if abs(n) <= 1 else plural
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message
