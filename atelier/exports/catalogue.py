"""The lesson modules as documents name them: title, themes and level by module id."""

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from atelier.vocabulary import label


@dataclass(frozen=True)
class ModuleInfo:
    id: str
    title: str
    themes: tuple[str, ...]  # national keys
    level: str | None  # national key
    exercises: dict[str, str]  # exercise id → title

    @property
    def theme_labels(self) -> list[str]:
        return [label("themes", key) for key in self.themes]

    @property
    def level_label(self) -> str:
        return label("workshop_level", self.level) if self.level else ""


def module_index(modules: Iterable | None = None) -> dict[str, ModuleInfo]:
    """module id → ModuleInfo, from loaded modules (or the shipped library when None)."""
    if modules is None:
        return dict(_installed(*_signature()))
    index = {}
    for module in modules:
        if isinstance(module, ModuleInfo):
            index[module.id] = module
            continue
        index[module.id] = ModuleInfo(
            id=module.id, title=module.title, themes=tuple(module.themes), level=module.level or None,
            exercises={e.id: e.title for e in module.exercises},
        )
    return index


def module_title(index: dict[str, ModuleInfo], module_id: str | None) -> str:
    """The module's title; an unknown module (pack removed) shows its id."""
    if not module_id:
        return ""
    info = index.get(module_id)
    return info.title if info else module_id


def _signature() -> tuple:
    """The installed packs' folders and each module.toml's size and time: what the index hangs on."""
    from atelier import paths
    from atelier.lessons.library import default_lesson_dirs

    folders = tuple(default_lesson_dirs(paths.home() / "lessons"))  # the trainer's packs too
    stamps = []
    for folder in folders:
        for toml in sorted([*folder.glob("module.toml"), *folder.glob("*/module.toml")]):
            try:
                stat = toml.stat()
            except OSError:
                continue
            stamps.append((str(toml), stat.st_mtime_ns, stat.st_size))
    return folders, tuple(stamps)


@lru_cache(maxsize=4)
def _installed(folders: tuple[Path, ...], _stamps: tuple) -> dict[str, ModuleInfo]:
    """The installed packs, loaded again only when a module.toml changed (summaries ask at every write)."""
    from atelier.lessons.library import load_library

    from atelier.lessons.translations import in_language

    # the originals' titles: what a French funder reads, whatever language the program speaks
    return module_index(in_language(load_library(list(folders))[0], None))
