"""The beginners' course: the order its shipped modules are taught in.

The learner's menu, « Continuer » and the demonstration follow it, so that a new
learner starts with the mouse, not with whatever title comes first alphabetically.
Modules outside the course (a trainer's own packs) come after it, by title.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

COURSE = (
    "la-souris",
    "le-clavier",
    "l-ordinateur-et-ses-fenetres",
    "mes-documents-et-mes-photos",
    "aller-sur-internet",
    "chercher-et-verifier",
    "mes-e-mails-lire-ecrire",
    "mes-e-mails-pieces-jointes",
    "mots-de-passe-et-comptes",
    "dejouer-les-arnaques",
    "acheter-et-payer-en-ligne",
    "demarches-en-ligne",
    "ma-sante-en-ligne",
    "garder-le-contact",
    "prendre-soin-de-son-ordinateur",
    "mon-bilan-numerique",
)

M = TypeVar("M")


def in_course_order(modules: Iterable[M]) -> list[M]:
    """``modules`` (anything with ``id`` and ``title``): the course's first, in its order."""
    place = {module_id: n for n, module_id in enumerate(COURSE)}
    return sorted(modules, key=lambda m: (place.get(m.id, len(COURSE)), m.title.casefold()))
