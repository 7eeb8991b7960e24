"""Libraries of lesson packs: folders of modules, zips, and the shipped lessons.

One broken module never stops the others from loading.
"""

import tempfile
import zipfile
from pathlib import Path, PurePosixPath

from atelier.content import lesson_dirs
from atelier.i18n import _
from atelier.lessons.pack import MODULE_FILE, Module, PackError, Problem, load_module, missing_toml
from atelier.lessons.tomllines import Locator


def _module_folders(root: Path) -> tuple[list[Path], list[Problem]]:
    steps = [p for p in root.glob("*.md") if not p.name.lower().startswith("readme")]
    if (root / MODULE_FILE).is_file() or steps:   # steps beside: a module, maybe broken
        return [root], []
    folders, problems = [], []
    for child in sorted(root.iterdir()):
        if not child.is_dir() or child.name.startswith((".", "_")):
            continue   # hidden folders, __MACOSX from zips made on a Mac
        if (child / MODULE_FILE).is_file():
            folders.append(child)
            continue
        problems.append(Problem(child, None, missing_toml(child)))
    if not folders and not problems:
        problems.append(Problem(root, None, _("aucun module ici : un module est un dossier "
                                              "qui contient un fichier module.toml")))
    return folders, problems


def load_library(folders: list[Path]) -> tuple[list[Module], list[Problem]]:
    """Load every module under `folders` (each a module folder or a folder of them).

    One broken module never stops the others; a second module with an id already
    loaded is a problem and is left out.
    """
    modules: list[Module] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for root in map(Path, folders):
        if not root.is_dir():
            problems.append(Problem(root, None, _("dossier introuvable")))
            continue
        found, trouble = _module_folders(root)
        problems += trouble
        for folder in found:
            try:
                module = load_module(folder)
            except PackError as error:
                problems += error.problems
                continue
            if module.id in seen:
                toml = folder / MODULE_FILE
                line = Locator(toml.read_text("utf-8-sig")).line(("id",))
                problems.append(Problem(toml, line, _(
                    "l'identifiant « {id} » est déjà pris par le module du dossier {other} ; "
                    "chaque module doit avoir le sien").format(id=module.id,
                                                               other=seen[module.id])))
                continue
            seen[module.id] = folder
            modules.append(module)
    return modules, problems


def check_path(path: Path) -> list[Problem]:
    """Every problem of a module folder, a folder of modules, or a .zip of either."""
    path = Path(path)
    if path.is_file() and path.name == MODULE_FILE:
        path = path.parent
    if path.is_dir():
        return load_library([path])[1]
    if not path.exists():
        return [Problem(path, None, _("introuvable"))]
    if path.suffix.lower() == ".zip":
        return _check_zip(path)
    return [Problem(path, None, _("il faut indiquer un dossier de module, un dossier de "
                                  "modules ou un fichier .zip"))]


def _check_zip(path: Path) -> list[Problem]:
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as tmp:
            names = archive.namelist()
            if any(PurePosixPath(n).is_absolute() or ".." in PurePosixPath(n).parts
                   for n in names):
                return [Problem(path, None, _("l'archive contient des chemins qui sortent "
                                              "de son dossier : elle est refusée"))]
            archive.extractall(tmp)
            root = Path(tmp)
            visible = [p for p in root.iterdir() if not p.name.startswith((".", "_"))]
            # a zip of a folder of modules: look inside that one folder
            if (len(visible) == 1 and visible[0].is_dir()
                    and not (visible[0] / MODULE_FILE).exists()):
                root = visible[0]
            problems = load_library([root])[1]
            return [Problem(path / p.file.relative_to(tmp), p.line, p.message)
                    if p.file.is_relative_to(tmp) else p for p in problems]
    except (zipfile.BadZipFile, OSError) as error:
        return [Problem(path, None, _("archive zip illisible : {error}").format(error=error))]


def default_lesson_dirs(user_dir: Path | None = None) -> list[Path]:
    """The shipped lessons folder, then `user_dir` (the trainer's own packs) if it exists.

    In the source tree the shipped folder is <repo>/lessons; an installed copy carries
    it as package data, atelier_content/lessons (found by atelier.content).
    """
    return lesson_dirs(user_dir)
