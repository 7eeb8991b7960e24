"""The program's words in the user's language: one catalogue for the core and the ui.

Every user-facing string, in ``atelier/`` and in ``ui/`` alike, goes through gettext
markers: ``_()`` (translated when shown), ``N_()`` (marked only, translated at use),
``ngettext()`` and ``plural()`` (real plural forms), ``pgettext()`` (a word that needs a
context). Babel extracts them all (``tools/catalogue.py``) into ``atelier/locale``.
French is the source language; English comes from ``en/LC_MESSAGES/atelier.po``
(compiled to ``.mo`` beside it). The language can change while the program runs, so
nothing keeps a translated string from import time.
"""

import gettext
import struct
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
DOMAIN = "atelier"
SOURCE = "fr"
LANGUAGES = {"fr": "Français", "en": "English"}  # the language's name in itself

_translation: gettext.NullTranslations = gettext.NullTranslations()
_language = SOURCE


def use_language(code: str) -> str:
    """Speak ``code`` from now on ("fr" or "en"; anything else, or a catalogue that is
    missing or damaged, falls back to French). Returns the language now spoken."""
    global _translation, _language
    code = code if code in LANGUAGES else SOURCE
    translation = gettext.NullTranslations()
    if code != SOURCE:
        try:
            translation = gettext.translation(DOMAIN, localedir=LOCALE_DIR, languages=[code])
        except (OSError, ValueError, IndexError, struct.error):  # catalogue missing or damaged: French, not a crash
            code = SOURCE
    _translation, _language = translation, code
    return code


def current_language() -> str:
    """The two-letter code of the language the program speaks (the lessons follow it)."""
    return _language


def language_from_environment(environ: dict) -> str:
    """The command line's language, the way gettext programs choose it: LANGUAGE,
    LC_ALL, LC_MESSAGES, LANG ("en_GB.UTF-8" → "en"); French when none names one we have."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        if value := environ.get(name):
            for wanted in value.split(":"):
                if (code := wanted.split("_")[0].split(".")[0].lower()) in LANGUAGES:
                    return code
            break
    return SOURCE


def _(message: str) -> str:
    return _translation.gettext(message)


def pgettext(context: str, message: str) -> str:
    return _translation.pgettext(context, message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """French is the source language, and French puts 0 and 1 in the singular (gettext's
    fallback would say « 0 passages »); a catalogue brings its own rule."""
    if _language == SOURCE:
        return singular if abs(n) <= 1 else plural
    return _translation.ngettext(singular, plural, n)


def plural(n: int, singular: str, many: str, **values) -> str:
    """``ngettext`` filled with ``n`` and ``values``: plural(2, "{n} présent", "{n} présents")."""
    return ngettext(singular, many, n).format(n=n, **values)


def N_(message: str) -> str:
    """Mark a string for extraction without translating it now."""
    return message
