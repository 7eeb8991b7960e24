"""Importing a zip of modules into the trainer's folder, replacing an older version,
removing one (atelier.lessons.imports), and the list of installed modules
(atelier.lessons.installed): on real files, real zips and real small disks."""

import os
from pathlib import Path

import pytest

from atelier.files import WriteError
from atelier.lessons import imports
from atelier.lessons.archive import Cancelled
from atelier.lessons.installed import IMPORTED, SHIPPED, imported_folders, installed
from tests.disks import fill, mounted_tmpfs, read_only_disk  # noqa: F401 (fixture)
from tests.lesson_packs import module_files, module_zip, write_zip


def leftovers(user_dir: Path) -> list[str]:
    return sorted(p.name for p in user_dir.iterdir() if p.name.startswith("."))


def import_zip(zip_path: Path, user_dir: Path) -> list[str]:
    unpacked = imports.unpack_zip(zip_path, user_dir)
    assert not unpacked.refused, [str(p) for p in unpacked.problems]
    return imports.install(unpacked, user_dir)


def test_a_new_module_is_unpacked_beside_then_renamed_into_place(tmp_path):
    user_dir = tmp_path / "lessons"
    unpacked = imports.unpack_zip(module_zip(tmp_path / "essai.zip"), user_dir)
    assert [(i.module.id, i.installed_version, i.replaces) for i in unpacked.modules] == [("essai", None, False)]
    assert unpacked.folder.parent == user_dir and unpacked.folder.name.startswith(".import-")
    assert not (user_dir / "essai").exists()   # nothing in place before install
    assert imports.install(unpacked, user_dir) == ["essai"]
    assert (user_dir / "essai" / "module.toml").read_bytes() == module_files()["module.toml"]
    assert leftovers(user_dir) == []


def test_a_newer_version_replaces_the_older_one_whole(tmp_path):
    user_dir = tmp_path / "lessons"
    import_zip(module_zip(tmp_path / "v1.zip", extra={"essai/images/vieux.svg": b"<svg/>"}), user_dir)
    unpacked = imports.unpack_zip(module_zip(tmp_path / "v2.zip", version=2, title="Essai revu"), user_dir)
    (incoming,) = unpacked.modules
    assert incoming.replaces and incoming.installed_version == 1 and incoming.module.version == 2
    assert "version = 1" in (user_dir / "essai" / "module.toml").read_text()   # not yet
    imports.install(unpacked, user_dir)
    assert "version = 2" in (user_dir / "essai" / "module.toml").read_text()
    assert not (user_dir / "essai" / "images" / "vieux.svg").exists()   # the old files went with it
    assert leftovers(user_dir) == []


def test_a_module_copied_by_hand_under_another_folder_name_is_the_one_replaced(tmp_path):
    user_dir = tmp_path / "lessons"
    import_zip(module_zip(tmp_path / "v1.zip"), user_dir)
    (user_dir / "essai").rename(user_dir / "mon-essai")
    import_zip(module_zip(tmp_path / "v2.zip", version=2), user_dir)
    assert sorted(os.listdir(user_dir)) == ["mon-essai"]
    assert "version = 2" in (user_dir / "mon-essai" / "module.toml").read_text()


def test_a_broken_module_is_refused_with_the_checkers_messages_and_nothing_stays(tmp_path):
    user_dir = tmp_path / "lessons"
    import_zip(module_zip(tmp_path / "v1.zip"), user_dir)
    files = {f"essai/{k}": v for k, v in module_files(version=2).items()}
    files["essai/module.toml"] = files["essai/module.toml"].replace(b'"01-debut.md"', b'"02-absent.md"')
    zip_path = write_zip(tmp_path / "casse.zip", files)
    unpacked = imports.unpack_zip(zip_path, user_dir)
    assert unpacked.refused and unpacked.modules == ()
    (problem,) = unpacked.problems
    assert problem.file == zip_path / "essai" / "module.toml" and problem.line == 10
    assert "fichier introuvable « 02-absent.md »" in problem.message
    assert not unpacked.folder.exists() and leftovers(user_dir) == []
    assert "version = 1" in (user_dir / "essai" / "module.toml").read_text()
    with pytest.raises(ValueError):
        imports.install(unpacked, user_dir)


def test_a_shipped_module_cannot_be_replaced_by_an_import(tmp_path):
    unpacked = imports.unpack_zip(module_zip(tmp_path / "souris.zip", module_id="la-souris"), tmp_path / "lessons")
    (problem,) = unpacked.problems
    assert problem.line == 1 and "fourni avec Atelier" in problem.message and "La souris" in problem.message


def test_a_zip_without_a_module(tmp_path):
    unpacked = imports.unpack_zip(write_zip(tmp_path / "vide.zip", {"notes.txt": b"rien\n"}), tmp_path / "l")
    assert "aucun module" in " ".join(p.message for p in unpacked.problems)


def test_removing_an_imported_module(tmp_path):
    user_dir = tmp_path / "lessons"
    import_zip(module_zip(tmp_path / "essai.zip"), user_dir)
    imports.remove(user_dir, "essai")
    assert os.listdir(user_dir) == []
    for unknown in ("essai", "la-souris"):
        with pytest.raises(ValueError, match="n'est pas un module importé"):
            imports.remove(user_dir, unknown)


def test_after_a_cut_the_module_moved_aside_comes_back_and_unpacked_zips_go(tmp_path):
    user_dir = tmp_path / "lessons"
    import_zip(module_zip(tmp_path / "essai.zip"), user_dir)
    import_zip(module_zip(tmp_path / "autre.zip", module_id="autre"), user_dir)
    (user_dir / "essai").rename(user_dir / ".old-essai-0123abcd")    # cut between the two renames
    (user_dir / ".old-autre-89abcdef").mkdir()                        # cut after: the new one is in
    (user_dir / ".import-x1y2z3").mkdir()
    imports.clean_leftovers(user_dir)
    assert sorted(os.listdir(user_dir)) == ["autre", "essai"]
    assert (user_dir / "essai" / "module.toml").is_file()


def test_cancelling_leaves_nothing(tmp_path):
    user_dir = tmp_path / "lessons"
    zip_path = write_zip(tmp_path / "x.zip", {f"essai/{k}": v for k, v in module_files().items()})
    calls = []
    with pytest.raises(Cancelled):
        imports.unpack_zip(zip_path, user_dir, progress=lambda *a: calls.append(a), cancelled=lambda: bool(calls))
    assert calls and os.listdir(user_dir) == []


def test_a_full_disk_is_said_in_french_and_the_installed_module_stays(tmp_path):
    with mounted_tmpfs(tmp_path / "disk", size="256k") as disk:
        user_dir = disk / "lessons"
        import_zip(module_zip(tmp_path / "v1.zip"), user_dir)
        big = {"essai/images/grand.svg": b"<svg>" + b" " * 300_000 + b"</svg>"}
        fill(disk, leave=100_000)
        with pytest.raises(WriteError, match="Le disque est plein"):
            imports.unpack_zip(module_zip(tmp_path / "v2.zip", version=2, extra=big), user_dir)
        assert leftovers(user_dir) == []
        assert "version = 1" in (user_dir / "essai" / "module.toml").read_text()


def test_a_read_only_disk_is_said_in_french(tmp_path, read_only_disk):
    with pytest.raises(WriteError, match="lecture seule"):
        imports.unpack_zip(module_zip(tmp_path / "essai.zip"), read_only_disk / "lessons")


def test_installed_lists_shipped_imported_and_broken_modules(tmp_path):
    user_dir = tmp_path / "lessons"
    import_zip(module_zip(tmp_path / "essai.zip", title="Un essai", version=3), user_dir)
    broken = user_dir / "casse"
    broken.mkdir()
    (broken / "module.toml").write_text('id = "casse"\ntitle = "Module cassé"\nversion = 2\nsteps = [\n', "utf-8")
    rows = {row.id: row for row in installed(user_dir)}
    assert rows["la-souris"].source == SHIPPED and not rows["la-souris"].broken
    essai = rows["essai"]
    assert (essai.title, essai.source, essai.version, essai.language, essai.duration) == ("Un essai", IMPORTED, 3, "fr", 60)
    casse = rows["casse"]
    assert casse.broken and casse.title == "Module cassé" and casse.version == 2
    assert casse.problems[0].line == 4 and "TOML" in casse.problems[0].message
    assert imported_folders(user_dir) == {"essai": user_dir / "essai", "casse": broken}
    assert {row.id for row in installed(tmp_path / "absent")} >= {"la-souris", "le-clavier"}
