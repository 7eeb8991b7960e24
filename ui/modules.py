"""The lesson library, loaded once per program run and shared by every screen.

Reading the packs means reading a few dozen small files; doing it once keeps the
screens quick. ``reload()`` reads them again (after a pack was imported).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from atelier.lessons.course import in_course_order
from atelier import paths
from atelier.i18n import current_language

if TYPE_CHECKING:  # loading and checking packs is imported only when a screen needs it
    from atelier.lessons.installed import Installed
    from atelier.lessons.pack import Module, Problem

_modules: dict[str, Module] | None = None
_problems: list[Problem] = []
_rows: list[Installed] = []


def user_lessons_dir() -> Path:
    """Where the trainer's own packs live: lessons/ in Atelier's home folder."""
    return paths.home() / "lessons"


def reload() -> None:
    replace(read_installed(user_lessons_dir()))


def read_installed(user_dir: Path) -> list[Installed]:
    """Every module, shipped and imported (broken ones too), after putting right what a
    cut import left; callable on any thread, handed to ``replace`` on the main one."""
    from atelier.lessons.imports import clean_leftovers
    from atelier.lessons.installed import installed

    clean_leftovers(user_dir)
    return installed(user_dir)


def replace(rows: list[Installed]) -> None:
    """The library is now ``rows`` (read again after an import or a removal); of a module
    and its translations, the one in the program's language (else the original)."""
    from atelier.lessons.translations import in_language

    global _modules, _problems, _titles, _rows
    _titles = None
    _rows = list(rows)
    _modules = {module.id: module for module in in_language(
        [row.module for row in rows if row.module is not None], current_language())}
    _problems = [problem for row in rows for problem in row.problems]


def language_changed() -> None:
    """The program speaks another language: from now on, each module in that one."""
    global _titles
    _titles = None
    if _modules is not None:
        replace(_rows)


def installed_rows() -> list[Installed]:
    """Each module folder met, shipped then imported, loaded or broken (the « Leçons » list)."""
    _library()
    return list(_rows)


def _library() -> dict[str, Module]:
    if _modules is None:
        reload()
    return _modules


def all_modules() -> list[Module]:
    """Every module that loaded: the beginners' course in its order, then the others by title."""
    return in_course_order(_library().values())


_titles: dict[str, str] | None = None


def title(module_id: str) -> str | None:
    """A module's title, without loading the whole library when it is not loaded yet."""
    global _titles
    if _modules is not None:
        module = _modules.get(module_id)
        return module.title if module else None
    if _titles is None:
        from atelier.content import lesson_dirs, module_titles

        _titles = module_titles(lesson_dirs(user_lessons_dir()), current_language())
    return _titles.get(module_id)


def module_by_id(module_id: str | None) -> Module | None:
    if not module_id:
        return None
    return _library().get(module_id)


def problems() -> list[Problem]:
    """What kept some packs from loading (for a settings or lessons screen)."""
    _library()
    return list(_problems)
