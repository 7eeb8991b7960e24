"""Translated modules: a module in another language beside its original.

A translation is a whole module folder (it travels alone as a zip) with its original's
``id``, its own ``language`` and ``translation_of``, the original's language. It keeps
the original's exercise ids, so that a learner's progress and results are one record
whatever the language they practised in (lessons/README.md, « Traduire un module »).
"""

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from atelier.content import preference
from atelier.i18n import _
from atelier.lessons.pack import MODULE_FILE, Module, Problem
from atelier.lessons.tomllines import Locator

M = TypeVar("M")


def in_language(modules: Iterable[M], language: str | None) -> list[M]:
    """One module an id, in the order met: the one written in ``language`` when there is
    one, else the original (the one that is no translation). ``modules``: anything with
    ``id``, ``language`` and ``translation_of``; None as ``language``: the originals."""
    chosen: dict[str, M] = {}
    for module in modules:
        held = chosen.get(module.id)
        if held is None or (preference(module.language, module.translation_of, language)
                            < preference(held.language, held.translation_of, language)):
            chosen[module.id] = module
    return list(chosen.values())


def module_key(module_id: str, language: str | None, translation_of: str | None) -> str:
    """What tells a module from its translations: its id for an original, « id.language »
    for a translation, also the name of a translation's folder (« la-souris.en »)."""
    return module_id if translation_of is None else f"{module_id}.{language}"


def translation_problems(modules: list[Module],
                         elsewhere: Callable[[], list[Module]] = list) -> list[Problem]:
    """What is wrong with the translations among ``modules``: an exercise id their original
    does not have, or one they lack. The original is looked for among ``modules``, then
    in ``elsewhere()`` (the shipped library: a translation checked alone)."""
    translations = [m for m in modules if m.translation_of is not None]
    if not translations:
        return []
    known = {(m.id, m.language): m for m in modules}
    if any((t.id, t.translation_of) not in known for t in translations):
        for module in elsewhere():
            known.setdefault((module.id, module.language), module)
    problems = []
    for translation in translations:
        original = known.get((translation.id, translation.translation_of))
        if original is None:
            continue   # shared without its original: nothing to compare it with
        problems += _differences(translation, original)
    return problems


def _differences(translation: Module, original: Module) -> list[Problem]:
    toml = Path(translation.path) / MODULE_FILE
    line = Locator(toml.read_text("utf-8-sig")).line(("id",))
    ours = [e.id for e in translation.exercises]
    theirs = [e.id for e in original.exercises]
    problems = []
    extra = [i for i in ours if i not in theirs]
    missing = [i for i in theirs if i not in ours]
    if extra:
        problems.append(Problem(toml, line, _(
            "traduction : les exercices {ids} ne sont pas dans le module original ({folder}) ; "
            "une traduction garde les identifiants des exercices de l'original, pour que les "
            "progrès restent les mêmes dans les 2 langues").format(
            ids=_listed(extra), folder=Path(original.path).name)))
    if missing:
        problems.append(Problem(toml, line, _(
            "traduction : il manque les exercices {ids} du module original ({folder})").format(
            ids=_listed(missing), folder=Path(original.path).name)))
    return problems


def _listed(ids: list[str]) -> str:
    return ", ".join(f"« {i} »" for i in ids)
