"""A zip of lesson packs, read as hostile until proven otherwise.

A zip comes from another association by e-mail or on a USB stick: it may be damaged,
or built to hurt (names that climb out of the folder, links, bombs that unpack to
gigabytes). ``unpack`` refuses the whole zip on the first sign from its directory,
before anything is written, then unpacks it into a folder the caller chose, counting
the bytes as they come (sizes written in a zip can lie) and checking each file for
what it claims to be. Every problem names the zip, or the file inside it.
"""

import os
import stat
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from atelier.files import WriteError, plain_os_error
from atelier.i18n import _
from atelier.lessons.file_checks import content_problem, is_litter, kind_problem
from atelier.lessons.pack import Problem

MAX_ZIP_BYTES = 64 * 1024 * 1024      # the zip itself
MAX_FILES = 400                       # sixteen modules of twenty files fit several times
MAX_FILE_BYTES = 16 * 1024 * 1024     # one unpacked file
MAX_TOTAL_BYTES = 64 * 1024 * 1024    # everything unpacked
MAX_RATIO = 100                       # unpacked / packed, over the whole zip past 1 MB
KNOWN_METHODS = {zipfile.ZIP_STORED: "store", zipfile.ZIP_DEFLATED: "deflate"}
_CHUNK = 64 * 1024
_FORBIDDEN = set('<>:"|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10)),
             *(f"LPT{n}" for n in range(1, 10))}
# What zipfile and zlib raise on damaged data (a wrong checksum, a cut stream, a bad header).
DAMAGE = (zipfile.BadZipFile, zlib.error, EOFError, ValueError, RuntimeError,
          NotImplementedError, OverflowError, IndexError)

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The person stopped the unpacking; what was written is the caller's to remove."""


def _name_problem(name: str) -> str | None:
    """Why an entry's name cannot be written inside the pack's folder, or None."""
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return _("« {name} » est un chemin absolu : un module ne peut écrire qu'à l'intérieur "
                 "de son dossier").format(name=name)
    parts = [p for p in name.split("/") if p not in ("", ".")]
    if not parts:
        return _("le zip contient un fichier sans nom : refusé")
    if ".." in parts:
        return _("« {name} » sort du dossier du module (« .. ») : refusé").format(name=name)
    for part in parts:
        if (any(ord(c) < 32 or c in _FORBIDDEN for c in part) or part.endswith((" ", "."))
                or part.split(".")[0].upper() in _RESERVED or len(part.encode()) > 200):
            return _("« {name} » n'est pas un nom de fichier possible sur tous les "
                     "ordinateurs").format(name=name)
    return None


def _type_problem(info: zipfile.ZipInfo, name: str) -> str | None:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode) if info.create_system == 3 else 0
    if kind == stat.S_IFLNK or info.external_attr & 0x400:   # Unix link, Windows reparse point
        return _("« {name} » est un lien vers un autre fichier : refusé").format(name=name)
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        return _("« {name} » est un fichier spécial du système : refusé").format(name=name)
    if info.flag_bits & 0x41:
        return _("« {name} » est protégé par un mot de passe : enregistrez le zip sans "
                 "mot de passe").format(name=name)
    if info.compress_type not in KNOWN_METHODS:
        method = zipfile.compressor_names.get(info.compress_type, str(info.compress_type))
        return _("« {name} » est compressé d'une façon inconnue ({method}) : refaites le zip "
                 "avec la compression habituelle").format(name=name, method=method)
    return None


def _directory_problems(archive: zipfile.ZipFile, size: int) -> list[str]:
    """Everything the zip's directory says is wrong, before any byte is unpacked."""
    infos = archive.infolist()
    if len(infos) > MAX_FILES:
        return [_("le zip contient {n} fichiers : {max} au plus").format(
            n=len(infos), max=MAX_FILES)]
    found, seen = [], {}
    for info in infos:
        name = info.filename.replace("\\", "/")
        message = _name_problem(name) or _type_problem(info, name)
        if message is None and not info.is_dir() and not is_litter(name):
            message = kind_problem(name)
            if info.file_size > MAX_FILE_BYTES:
                message = _("« {name} » ferait {mb} Mo une fois décompressé : {max} Mo au plus "
                            "par fichier").format(name=name, mb=info.file_size // 2**20,
                                                  max=MAX_FILE_BYTES // 2**20)
        key = name.rstrip("/").casefold()
        if message is None and key in seen:
            message = _("« {name} » est écrit deux fois dans le zip (les majuscules ne "
                        "comptent pas sous Windows)").format(name=name)
        seen[key] = info
        if message:
            found.append(message)
    files = [i for i in infos if not i.is_dir()]
    total = sum(i.file_size for i in files)
    packed = sum(i.compress_size for i in files)
    if total > MAX_TOTAL_BYTES:
        found.append(_("le zip ferait {mb} Mo une fois décompressé : {max} Mo au plus").format(
            mb=total // 2**20, max=MAX_TOTAL_BYTES // 2**20))
    elif total > 2**20 and total > MAX_RATIO * max(packed, 1):
        found.append(_("le zip se décompresse {n} fois plus gros qu'il n'est : c'est le signe "
                       "d'un zip piégé").format(n=total // max(packed, 1)))
    folders = {str(PurePosixPath(k).parent) for k in seen}
    for key, info in seen.items():
        if not info.is_dir() and key in folders:
            found.append(_("« {name} » est à la fois un fichier et un dossier").format(
                name=info.filename))
    ordered = sorted(files, key=lambda i: i.header_offset)
    for this, after in zip(ordered, ordered[1:]):
        if this.header_offset + 30 + this.compress_size > after.header_offset:
            found.append(_("des fichiers du zip se recouvrent : il est abîmé ou piégé"))
            break
    if ordered and ordered[-1].header_offset + ordered[-1].compress_size > size:
        found.append(_("le zip est coupé : il manque la fin de « {name} »").format(
            name=ordered[-1].filename))
    return found


def unpack(path: Path, target: Path, progress: Progress | None = None,
           cancelled: Callable[[], bool] | None = None) -> list[Problem]:
    """Unpack the zip at ``path`` into the existing empty folder ``target``.

    Returns every problem found; when there is one, ``target`` may hold part of the
    files and must be discarded. Raises WriteError (in French) when the target's own
    disk fails, and Cancelled when ``cancelled()`` turns true.
    """
    path, target = Path(path), Path(target)
    try:
        size = path.stat().st_size
        if size > MAX_ZIP_BYTES:
            return [Problem(path, None, _("le zip fait {mb} Mo : {max} Mo au plus").format(
                mb=size // 2**20, max=MAX_ZIP_BYTES // 2**20))]
        with zipfile.ZipFile(path) as archive:
            problems = [Problem(path, None, m) for m in _directory_problems(archive, size)]
            if problems:
                return problems
            return _unpack_files(archive, path, target, progress, cancelled)
    except OSError as error:
        return [Problem(path, None, _("lecture impossible : {error}").format(
            error=error.strerror or error))]
    except DAMAGE:
        return [Problem(path, None, _("archive zip illisible : elle est abîmée, coupée, "
                                      "ou ce n'est pas un zip"))]


def _unpack_files(archive: zipfile.ZipFile, path: Path, target: Path,
                  progress: Progress | None, cancelled) -> list[Problem]:
    wanted = [i for i in archive.infolist()
              if not is_litter(i.filename.replace("\\", "/"))]
    total, done, problems = sum(i.file_size for i in wanted if not i.is_dir()), 0, []
    for info in wanted:
        name = "/".join(p for p in info.filename.replace("\\", "/").split("/") if p not in ("", "."))
        destination = target.joinpath(*name.split("/"))
        if not Path(os.path.normpath(destination)).is_relative_to(target):
            raise AssertionError(name)   # never reached: every name was checked before
        if cancelled is not None and cancelled():
            raise Cancelled()
        if info.is_dir():
            _write(destination, None, target)
            continue
        data, message = _read(archive, info)
        done += len(data)
        if done > MAX_TOTAL_BYTES:   # counted, not taken from what the zip says
            return [Problem(path, None, _("le zip est plus gros une fois décompressé qu'il "
                                          "ne le dit : refusé"))]
        if message is None:
            found = content_problem(name, data)
            line, message = found if found else (None, None)
        else:
            line = None
        if message:
            problems.append(Problem(path / name, line, message))
            continue
        _write(destination, data, target)
        if progress is not None:
            progress(min(done, total), total)
    return problems


def _write(destination: Path, data: bytes | None, target: Path) -> None:
    """A folder (``data`` None) or a new file under ``target``; a disk error in French."""
    try:
        if data is None:
            destination.mkdir(parents=True, exist_ok=True)
            return
        destination.parent.mkdir(parents=True, exist_ok=True)
        with open(destination, "xb") as out:   # never through a name already there
            out.write(data)
    except OSError as error:
        raise WriteError(plain_os_error(error, target)) from None


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> tuple[bytes, str | None]:
    """The entry's bytes, counted as they come; or a message when they are not right."""
    data = bytearray()
    try:
        with archive.open(info) as source:
            while chunk := source.read(_CHUNK):
                data += chunk
                if len(data) > min(info.file_size, MAX_FILE_BYTES):
                    return b"", _("le fichier est plus gros que le zip ne le dit : refusé")
    except DAMAGE:
        return b"", _("les données de ce fichier sont abîmées dans le zip")
    if len(data) != info.file_size:
        return b"", _("les données de ce fichier sont abîmées dans le zip")
    return bytes(data), None
