"""Importing a zip of modules into the trainer's folder (``<home>/lessons``), replacing
an older version of the same module, and removing an imported one.

A zip is unpacked into a hidden folder beside the target (atelier.lessons.archive
refuses a hostile one) and checked there like any pack; only when every module in it
loads is each one renamed into place, the older version moved aside first and deleted
after. A power cut at any moment leaves either the old module or the new one:
``clean_leftovers`` puts back a module that was moved aside and never replaced.
"""

import os
import re
import secrets
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from atelier.content import lesson_dirs
from atelier.files import WriteError, fsync_folder, plain_os_error
from atelier.i18n import _
from atelier.lessons.archive import Progress, unpack
from atelier.lessons.installed import imported_folders, read_raw
from atelier.lessons.library import library_entries, pack_root
from atelier.lessons.pack import MODULE_FILE, Module, Problem
from atelier.lessons.tomllines import Locator
from atelier.lessons.translations import module_key

STAGING = ".import-"   # hidden: the library never reads a folder starting with a dot
ASIDE = ".old-"


@dataclass(frozen=True)
class Incoming:
    module: Module
    installed_version: int | None   # the version imported before; None: a new module

    @property
    def replaces(self) -> bool:
        return self.installed_version is not None


@dataclass(frozen=True)
class Unpacked:
    """A zip unpacked beside the trainer's folder: what it holds, or why it is refused."""
    source: Path
    folder: Path                    # the hidden staging folder (gone once refused)
    modules: tuple[Incoming, ...]
    problems: tuple[Problem, ...]

    @property
    def refused(self) -> bool:
        return bool(self.problems)


def unpack_zip(source: Path, user_dir: Path, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None) -> Unpacked:
    """Unpack and check the zip ``source`` beside ``user_dir``; nothing is installed yet.

    Raises WriteError when the disk of ``user_dir`` cannot take it, Cancelled when
    ``cancelled()`` turned true; the staging folder is gone in both cases.
    """
    source, user_dir = Path(source), Path(user_dir)
    try:
        user_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=STAGING, dir=user_dir))
    except OSError as error:
        raise WriteError(plain_os_error(error, user_dir)) from None
    try:
        problems = unpack(source, staging, progress, cancelled)
        incoming = []
        if not problems:
            incoming, problems = _check(source, staging, user_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
    return Unpacked(source, staging, tuple(incoming), tuple(problems))


def _check(source: Path, staging: Path, user_dir: Path) -> tuple[list[Incoming], list[Problem]]:
    entries = library_entries([pack_root(staging)])
    problems = [replace(p, file=source / Path(p.file).relative_to(staging))
                if Path(p.file).is_relative_to(staging) else p
                for entry in entries for p in entry.problems]
    shipped = {_key(entry.module): entry.module.title for entry in library_entries(lesson_dirs())
               if entry.module is not None}
    imported = imported_folders(user_dir)
    incoming = []
    for module in (entry.module for entry in entries if entry.module is not None):
        toml = source / module.path.relative_to(staging) / MODULE_FILE
        key = _key(module)
        if key in shipped:
            line = Locator((module.path / MODULE_FILE).read_text("utf-8-sig")).line(("id",))
            problems.append(Problem(toml, line, _(
                "l'identifiant « {id} » est celui du module « {title} » fourni avec Atelier : "
                "un module importé ne peut pas le remplacer ; changez son « id »").format(
                id=module.id, title=shipped[key])))
            continue
        version = read_raw(imported[key] / MODULE_FILE).get("version") if key in imported else None
        installed = (version if isinstance(version, int) and not isinstance(version, bool)
                     else 0) if key in imported else None
        incoming.append(Incoming(module, installed))
    if not entries or not (incoming or problems):
        problems.append(Problem(source, None, _("aucun module dans ce zip : un module est un "
                                                "dossier qui contient un fichier module.toml")))
    return incoming, problems


def install(unpacked: Unpacked, user_dir: Path) -> list[str]:
    """Put every module of an accepted zip in place; the ids installed.

    Each older version is moved aside, the new one renamed in, then the old one
    deleted. Raises WriteError (in French) when the disk refuses.
    """
    if unpacked.refused:
        raise ValueError(_("ce zip a été refusé : rien n'a été importé"))
    user_dir, done = Path(user_dir), []
    imported = imported_folders(user_dir)
    try:
        for incoming in unpacked.modules:
            key = _key(incoming.module)
            target = imported.get(key, user_dir / key)
            _swap(incoming.module.path, target)
            done.append(incoming.module.id)
        fsync_folder(user_dir)
    except OSError as error:
        raise WriteError(plain_os_error(error, user_dir)) from None
    finally:
        shutil.rmtree(unpacked.folder, ignore_errors=True)
    return done


def discard(unpacked: Unpacked) -> None:
    """Forget an unpacked zip that will not be installed."""
    shutil.rmtree(unpacked.folder, ignore_errors=True)


def remove(user_dir: Path, module_id: str) -> None:
    """Delete the imported module ``module_id`` (a shipped module cannot be removed); a
    translation is named by its key, « id.language » (``Installed.key``)."""
    folder = imported_folders(user_dir).get(module_id)
    if folder is None:
        raise ValueError(_("le module « {id} » n'est pas un module importé").format(id=module_id))
    aside = _aside_name(folder)
    try:
        os.rename(folder, aside)   # gone at once for the library, even if deleting is slow
        fsync_folder(folder.parent)
    except OSError as error:
        raise WriteError(plain_os_error(error, folder)) from None
    shutil.rmtree(aside, ignore_errors=True)


def clean_leftovers(user_dir: Path) -> None:
    """After a cut: drop unpacked zips, put back a module moved aside and never replaced."""
    if not Path(user_dir).is_dir():
        return
    for leftover in sorted(Path(user_dir).iterdir()):
        name = leftover.name
        if name.startswith(STAGING):
            shutil.rmtree(leftover, ignore_errors=True)
        elif match := re.fullmatch(re.escape(ASIDE) + r"(.+)-[0-9a-f]{8}", name):
            home = leftover.with_name(match.group(1))
            try:
                if home.exists():
                    shutil.rmtree(leftover)
                else:
                    os.rename(leftover, home)
            except OSError:
                pass   # a read-only disk: the next start tries again


def _key(module: Module) -> str:
    return module_key(module.id, module.language, module.translation_of)


def _aside_name(folder: Path) -> Path:
    return folder.with_name(f"{ASIDE}{folder.name}-{secrets.token_hex(4)}")


def _swap(new: Path, target: Path) -> None:
    aside = None
    if target.exists():
        aside = _aside_name(target)
        os.rename(target, aside)
    os.rename(new, target)
    if aside is not None:
        shutil.rmtree(aside, ignore_errors=True)

