"""Libraries of lesson packs: folders of modules, zips, and the shipped lessons.

One broken module never stops the others from loading.
"""

import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from atelier import error_log
from atelier.content import lesson_dirs
from atelier.i18n import N_, _
from atelier.lessons.archive import MAX_FILE_BYTES, unpack
from atelier.lessons.file_checks import content_problem, is_litter, kind_problem
from atelier.lessons.pack import MODULE_FILE, Module, PackError, Problem, load_module, missing_toml
from atelier.lessons.tomllines import Locator
from atelier.lessons.translations import translation_problems


def _module_folders(root: Path) -> tuple[list[Path], list[Problem]]:
    try:
        steps = [p for p in root.glob("*.md") if not p.name.lower().startswith("readme")]
        if (root / MODULE_FILE).is_file() or steps:   # steps beside: a module, maybe broken
            return [root], []
        children = sorted(root.iterdir())
    except OSError as error:
        return [], [Problem(root, None, _("lecture impossible : {error}").format(
            error=error.strerror or error))]
    folders, problems = [], []
    for child in children:
        if not child.is_dir() or child.name.startswith((".", "_")):
            continue   # hidden folders, __MACOSX from zips made on a Mac
        if (child / MODULE_FILE).is_file():
            folders.append(child)
            continue
        try:
            problems.append(Problem(child, None, missing_toml(child)))
        except OSError as error:
            problems.append(Problem(child, None, _("lecture impossible : {error}").format(
                error=error.strerror or error)))
    if not folders and not problems:
        problems.append(Problem(root, None, _("aucun module ici : un module est un dossier "
                                              "qui contient un fichier module.toml")))
    return folders, problems


def pack_root(folder: Path) -> Path:
    """Where the modules of an unpacked zip are: the folder itself, or the one folder
    it holds when that folder is a folder of modules (a zip of « mes-modules/ »)."""
    folder = Path(folder)
    if (folder / MODULE_FILE).is_file():
        return folder
    visible = [p for p in folder.iterdir() if not p.name.startswith((".", "_"))]
    if len(visible) == 1 and visible[0].is_dir() and not (visible[0] / MODULE_FILE).exists():
        return visible[0]
    return folder


UNEXPECTED = N_("ce module n'a pas pu être vérifié jusqu'au bout : erreur inattendue du "
               "vérificateur (les détails sont dans le journal des erreurs d'Atelier)")


def _load(folder: Path) -> tuple[Module | None, list[Problem]]:
    """One module, or what keeps it from loading. A fault of the checker itself becomes
    a problem of that module: a pack never keeps the program from starting."""
    try:
        return load_module(folder), []
    except PackError as error:
        return None, error.problems
    except Exception as error:
        error_log.record(error)
        return None, [Problem(folder / MODULE_FILE, None, _(UNEXPECTED))]


@dataclass(frozen=True)
class Entry:
    """One folder met in a library: its module, or what keeps it from loading."""
    folder: Path
    root: Path                    # the library folder it was found in
    module: Module | None
    problems: tuple[Problem, ...]


def library_entries(folders: list[Path]) -> list[Entry]:
    """Every module folder under `folders` (each a module folder or a folder of them),
    loaded or not. A second module with an id already loaded in the same language is left
    out, with why: a translation shares its original's id (atelier.lessons.translations)."""
    entries: list[Entry] = []
    seen: dict[tuple[str, str], Path] = {}
    for root in map(Path, folders):
        if not root.is_dir():
            entries.append(Entry(root, root, None, (Problem(root, None, _("dossier introuvable")),)))
            continue
        found, trouble = _module_folders(root)
        entries += [Entry(Path(p.file), root, None, (p,)) for p in trouble]
        for folder in found:
            module, trouble = _load(folder)
            key = (module.id, module.language) if module is not None else None
            if key in seen:
                toml = folder / MODULE_FILE
                line = Locator(toml.read_text("utf-8-sig")).line(("id",))
                trouble = [Problem(toml, line, _(
                    "l'identifiant « {id} » est déjà pris par le module du dossier {other} ; "
                    "chaque module doit avoir le sien (une traduction garde l'identifiant de "
                    "l'original, dans une autre langue)").format(id=module.id, other=seen[key]))]
                module = None
            elif key is not None:
                seen[key] = folder
            entries.append(Entry(folder, root, module, tuple(trouble)))
    return entries


def load_library(folders: list[Path]) -> tuple[list[Module], list[Problem]]:
    """Load every module under `folders` (each a module folder or a folder of them), the
    translations too: ``translations.in_language`` keeps one module an id for a language.

    One broken module never stops the others; a second module with an id already
    loaded in the same language is a problem and is left out.
    """
    entries = library_entries(folders)
    return ([e.module for e in entries if e.module is not None],
            [p for e in entries for p in e.problems])


Lint = Callable[[Module], list[Problem]]


def check_path(path: Path, lint: Lint | None = None) -> list[Problem]:
    """Every problem of a module folder, a folder of modules, or a .zip of either;
    with ``lint``, what it says of each module that loads (the FALC lint)."""
    path = Path(path)
    if path.is_file() and path.name == MODULE_FILE:
        path = path.parent
    if path.is_dir():
        return _check_folder(path, lint)
    if not path.exists():
        return [Problem(path, None, _("introuvable"))]
    if path.suffix.lower() == ".zip":
        return _check_zip(path, lint)
    return [Problem(path, None, _("il faut indiquer un dossier de module, un dossier de "
                                  "modules ou un fichier .zip"))]


def _check_folder(root: Path, lint: Lint | None) -> list[Problem]:
    modules, problems = load_library([root])
    problems += translation_problems(modules, lambda: load_library(lesson_dirs())[0])
    for module in modules:
        problems += folder_file_problems(module.path)
        if lint is not None:
            problems += lint(module)
    return problems


def folder_file_problems(folder: Path) -> list[Problem]:
    """The files of a module folder that a zip of it would be refused for."""
    problems = []
    for file in sorted(Path(folder).rglob("*")):
        relative = file.relative_to(folder).as_posix()
        if file.is_dir() or is_litter(relative):
            continue
        if file.is_symlink() or not file.is_file():
            problems.append(Problem(file, None, _("un lien ou un fichier spécial ne peut pas "
                                                  "être partagé dans un zip")))
        elif message := kind_problem(relative):
            problems.append(Problem(file, None, message))
        elif file.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(file, None, _("fichier trop gros : {max} Mo au plus").format(
                max=MAX_FILE_BYTES // 2**20)))
        elif found := content_problem(relative, file.read_bytes()):
            problems.append(Problem(file, *found))
    return problems


def _check_zip(path: Path, lint: Lint | None) -> list[Problem]:
    with tempfile.TemporaryDirectory() as tmp:
        problems = unpack(path, Path(tmp))
        if problems:
            return problems
        found = _check_folder(pack_root(Path(tmp)), lint)
        return [replace(p, file=path / p.file.relative_to(tmp))
                if p.file.is_relative_to(tmp) else p for p in found]


def default_lesson_dirs(user_dir: Path | None = None) -> list[Path]:
    """The shipped lessons folder, then `user_dir` (the trainer's own packs) if it exists.

    In the source tree the shipped folder is <repo>/lessons; an installed copy carries
    it as package data, atelier_content/lessons (found by atelier.content).
    """
    return lesson_dirs(user_dir)
