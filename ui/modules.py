"""The lesson library, loaded once per program run and shared by every screen.

Reading the packs means reading a few dozen small files; doing it once keeps the
screens quick. ``reload()`` reads them again (after a pack was imported).
"""

from pathlib import Path

from atelier import paths
from atelier.lessons import Module, Problem
from atelier.library import default_lesson_dirs, load_library

_modules: dict[str, Module] | None = None
_problems: list[Problem] = []


def user_lessons_dir() -> Path:
    """Where the trainer's own packs live: lessons/ in Atelier's home folder."""
    return paths.home() / "lessons"


def reload() -> None:
    global _modules, _problems
    found, _problems = load_library(default_lesson_dirs(user_lessons_dir()))
    _modules = {module.id: module for module in found}


def _library() -> dict[str, Module]:
    if _modules is None:
        reload()
    return _modules


def all_modules() -> list[Module]:
    """Every module that loaded, sorted by title."""
    return sorted(_library().values(), key=lambda module: module.title.casefold())


def module_by_id(module_id: str | None) -> Module | None:
    if not module_id:
        return None
    return _library().get(module_id)


def problems() -> list[Problem]:
    """What kept some packs from loading (for a settings or lessons screen)."""
    _library()
    return list(_problems)
