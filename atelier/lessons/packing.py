"""``atelier lessons pack``: a module folder (or a folder of modules) as a zip to share.

The folder is checked first, as an import would check the zip (structure, files,
sizes): a zip is written only when another Atelier will take it. The zip is written
whole or not at all (atelier.files), one folder per module inside, in a fixed order
and with fixed dates, so that the same modules always give the same zip.
"""

import zipfile
from pathlib import Path

from atelier.files import whole_file
from atelier.i18n import _
from atelier.lessons.archive import MAX_FILES, MAX_TOTAL_BYTES
from atelier.lessons.file_checks import is_litter
from atelier.lessons.library import check_path, load_library
from atelier.lessons.pack import Problem

_DATE = (2000, 1, 1, 0, 0, 0)


def pack(source: Path, target: Path) -> tuple[int, list[Problem]]:
    """Zip the modules under ``source`` into ``target``: (modules packed, problems).

    Nothing is written when there is a problem. Raises WriteError (in French) when the
    target cannot be written.
    """
    source, target = Path(source).resolve(), Path(target).resolve()
    if target.suffix.lower() != ".zip":
        return 0, [Problem(target, None, _("le nom du fichier doit finir par .zip"))]
    if target.is_relative_to(source):
        return 0, [Problem(target, None, _("écrivez le zip hors du dossier des modules : "
                                           "sinon il se retrouverait dans le module"))]
    problems = [p for p in check_path(source) if not p.warning]
    if problems:
        return 0, problems
    modules = load_library([source])[0]
    entries = [(file, f"{module.path.name}/{file.relative_to(module.path).as_posix()}")
               for module in modules for file in sorted(module.path.rglob("*"))
               if file.is_file() and not is_litter(file.relative_to(module.path).as_posix())]
    total = sum(file.stat().st_size for file, _name in entries)
    if len(entries) > MAX_FILES or total > MAX_TOTAL_BYTES:
        return 0, [Problem(source, None, _(
            "trop gros pour un zip de modules : {n} fichiers et {mb} Mo ({files} fichiers et "
            "{max} Mo au plus) ; faites un zip par module").format(
            n=len(entries), mb=total // 2**20, files=MAX_FILES, max=MAX_TOTAL_BYTES // 2**20))]
    with whole_file(target) as partial:
        with zipfile.ZipFile(partial, "x", zipfile.ZIP_DEFLATED) as archive:
            for file, name in entries:
                info = zipfile.ZipInfo(name, _DATE)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = 0o100644 << 16   # a plain file, readable by all
                info.create_system = 3
                archive.writestr(info, file.read_bytes())
    return len(modules), []
