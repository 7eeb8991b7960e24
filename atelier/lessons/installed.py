"""The modules this Atelier has: the shipped ones and those imported into its home,
each loaded or broken with its messages (the « Leçons » screen lists them).

A broken module is still named by what can be read of its module.toml (title,
version), so that the facilitator recognises it.
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from atelier.content import lesson_dirs
from atelier.lessons.course import in_course_order
from atelier.lessons.library import library_entries
from atelier.lessons.pack import MODULE_FILE, Module, Problem
from atelier.lessons.tomllines import editor_lines
from atelier.lessons.translations import module_key

SHIPPED, IMPORTED = "shipped", "imported"
_HEAD = re.compile(r"""^\s*(id|title|version|language|duration|translation_of)\s*=\s*("[^"\\]*"|\d+)\s*(#.*)?$""")


@dataclass(frozen=True)
class Installed:
    id: str
    title: str
    source: str                   # SHIPPED or IMPORTED
    version: int | None
    language: str | None
    duration: int | None          # minutes
    folder: Path
    module: Module | None         # None: broken
    problems: tuple[Problem, ...]
    translation_of: str | None = None   # a translation: its original's language

    @property
    def broken(self) -> bool:
        return self.module is None

    @property
    def key(self) -> str:
        """The id, or « id.language » for a translation (see imported_folders)."""
        return module_key(self.id, self.language, self.translation_of)


def installed(user_dir: Path) -> list[Installed]:
    """Every module folder, shipped then imported into ``user_dir``: the course first, in its order."""
    shipped = lesson_dirs()
    rows = []
    for entry in library_entries([*shipped, *([user_dir] if Path(user_dir).is_dir() else [])]):
        if (entry.folder == entry.root and entry.module is None and entry.root not in shipped
                and not (entry.root / MODULE_FILE).exists()):
            continue   # « aucun module ici »: nothing imported yet
        source = SHIPPED if entry.root in shipped else IMPORTED
        module = entry.module
        if module is not None:
            rows.append(Installed(module.id, module.title, source, module.version, module.language,
                                  module.duration, entry.folder, module, (), module.translation_of))
            continue
        raw = read_raw(entry.folder / MODULE_FILE)
        rows.append(Installed(_text(raw.get("id")) or entry.folder.name,
                              _text(raw.get("title")) or entry.folder.name, source,
                              _number(raw.get("version")), _text(raw.get("language")),
                              _number(raw.get("duration")), entry.folder, None, entry.problems,
                              _text(raw.get("translation_of"))))
    return in_course_order(sorted(rows, key=lambda row: row.source))  # the course's order, as the learners see it


def read_raw(toml: Path) -> dict:
    """What tomllib reads of a module.toml; when the whole cannot be read (the checker
    says why), the simple lines of its head that can: id, title, version…"""
    try:
        text = toml.read_text("utf-8-sig")
    except (OSError, ValueError):
        return {}
    try:
        return tomllib.loads(text)
    except (ValueError, RecursionError):
        pass
    found = {}
    for line in editor_lines(text):
        if line.lstrip().startswith("["):
            break
        if _HEAD.match(line):
            try:
                found.update(tomllib.loads(line))
            except (ValueError, RecursionError):
                continue
    return found


def imported_folders(user_dir: Path) -> dict[str, Path]:
    """Module key (its id, « id.language » for a translation) → its folder, for the modules
    imported into ``user_dir`` (even broken)."""
    found = {}
    if not Path(user_dir).is_dir():
        return found
    for toml in sorted(Path(user_dir).glob(f"*/{MODULE_FILE}")):
        if toml.parent.name.startswith((".", "_")):
            continue
        raw = read_raw(toml)
        module_id = _text(raw.get("id"))
        key = module_key(module_id, _text(raw.get("language")), _text(raw.get("translation_of"))) \
            if module_id else toml.parent.name
        found.setdefault(key, toml.parent)
    return found


def _text(value) -> str | None:
    return value.strip() if isinstance(value, str) and value.strip() else None


def _number(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None
