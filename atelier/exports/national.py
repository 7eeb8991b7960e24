"""The national reporting's words in a document written in another language: the rule, once.

A document's own words (titles, column headings, sentences) follow the program's
language. The national digital-mediation vocabulary never does: its labels
(``vocabulary.toml``: themes, levels, age brackets, gender, social status, « Non
communiqué ») are the French words of the national reporting tool, which a French
funder reads and copies as they are, and the feuille d'émargement keeps that name
beside its translated title, the name funders and training rules ask for. So:

- funders' report (PDF, XLSX): categories in French;
- sign-in sheet: « Feuille d'émargement » under its title;
- person's data (PDF): the person's categories in French, as they are recorded;
- register and attestation: no national word, wholly in the language.

A document that keeps French words in another language says so in one line: ``note()``.
"""

from atelier import i18n
from atelier.i18n import _

SHEET_NAME = "Feuille d'émargement"  # not marked: the same French in every language


def note() -> str:
    """The line a document that keeps the national words says, or "" in French."""
    if i18n.current_language() == i18n.SOURCE:
        return ""
    return _("Catégories et termes du compte rendu national en français, tels que les financeurs les lisent.")
