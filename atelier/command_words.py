"""argparse's own words (« usage: », « options », its error messages) in the command
line's language.

Python's argparse writes English through ``gettext.gettext``, which reads the system's
catalogues for the process's locale: none is shipped for Python's messages, and the
command's language is Atelier's (``atelier.i18n``), not the system's. So the words are
given here, French for argparse's English, and swapped in only while the command line
is read. These are argparse's strings, English at the source: they cannot go in
Atelier's catalogue, whose source is French.
"""

import argparse
from contextlib import contextmanager

from atelier import i18n

FRENCH = {
    "usage: ": "usage : ",
    "positional arguments": "arguments",
    "options": "options",
    "show this help message and exit": "afficher cette aide et quitter",
    "show program's version number and exit": "afficher la version du programme et quitter",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s : %(message)s",
    "unrecognized arguments: %s": "arguments inconnus : %s",
    "not allowed with argument %s": "impossible avec l'argument %s",
    "ignored explicit argument %r": "valeur %r ignorée",
    "the following arguments are required: %s": "ces arguments sont obligatoires : %s",
    "one of the arguments %s is required": "l'un de ces arguments est obligatoire : %s",
    "expected one argument": "une valeur est attendue",
    "expected at most one argument": "une valeur au plus est attendue",
    "expected at least one argument": "au moins une valeur est attendue",
    "ambiguous option: %(option)s could match %(matches)s": "option ambiguë : %(option)s peut être %(matches)s",
    "unexpected option string: %s": "option inattendue : %s",
    "invalid %(type)s value: %(value)r": "valeur invalide (%(type)s) : %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)": "choix invalide : %(value)r (possibles : %(choices)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s : erreur : %(message)s\n",
}
FRENCH_PLURALS = {("expected %s argument", "expected %s arguments"): ("%s valeur attendue", "%s valeurs attendues")}


def _words(message: str) -> str:
    return FRENCH.get(message, message) if i18n.current_language() == "fr" else message


def _plural_words(singular: str, plural: str, n: int) -> str:
    if i18n.current_language() == "fr" and (singular, plural) in FRENCH_PLURALS:
        singular, plural = FRENCH_PLURALS[singular, plural]
        return singular if abs(n) <= 1 else plural
    return singular if n == 1 else plural


@contextmanager
def argparse_speaks_our_language():
    """argparse in the current language while the block runs (parsers built and read in it)."""
    saved = argparse._, argparse.ngettext
    argparse._, argparse.ngettext = _words, _plural_words
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved
