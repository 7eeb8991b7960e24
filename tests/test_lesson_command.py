"""``atelier lessons pack`` and ``atelier lessons check``: zips another Atelier takes,
the FALC lint's errors and advice, French answers and exit codes."""

import zipfile
from pathlib import Path

from atelier.lessons import imports
from atelier.lessons.library import check_path
from tests.disks import read_only_disk  # noqa: F401 (fixture)
from tests.lesson_packs import module_files, write_module
from tests.test_cli import in_process, run


def test_pack_a_module_then_check_and_import_the_zip(capsys, home, tmp_path):
    folder = write_module(tmp_path / "src")
    (folder / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")   # litter stays out of the zip
    target = tmp_path / "essai.zip"
    code, out, err = in_process(capsys, "lessons", "pack", str(folder), "-o", str(target))
    assert (code, err) == (0, "") and "Zip prêt à partager" in out and "(1 module)" in out
    with zipfile.ZipFile(target) as archive:
        assert sorted(archive.namelist()) == sorted(f"essai/{name}" for name in module_files())
    assert check_path(target) == []
    unpacked = imports.unpack_zip(target, home / "lessons")
    assert not unpacked.refused and imports.install(unpacked, home / "lessons") == ["essai"]
    assert in_process(capsys, "lessons", "check", str(target))[0] == 0


def test_pack_a_folder_of_modules_gives_the_same_bytes_each_time(capsys, tmp_path):
    write_module(tmp_path / "src", "un")
    write_module(tmp_path / "src", "deux")
    first, second = tmp_path / "a.zip", tmp_path / "b.zip"
    assert in_process(capsys, "lessons", "pack", str(tmp_path / "src"), "-o", str(first))[0] == 0
    assert in_process(capsys, "lessons", "pack", str(tmp_path / "src"), "-o", str(second))[0] == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {name.split("/")[0] for name in archive.namelist()} == {"un", "deux"}


def test_pack_without_output_writes_the_folders_name_here(capsys, tmp_path, monkeypatch):
    folder = write_module(tmp_path / "src")
    monkeypatch.chdir(tmp_path)
    assert in_process(capsys, "lessons", "pack", str(folder))[0] == 0
    assert (tmp_path / "essai.zip").is_file()


def test_a_broken_module_is_not_packed(capsys, tmp_path):
    folder = write_module(tmp_path / "src")
    (folder / "images" / "rond.png").write_bytes(b"pas une image")
    (folder / "notes.docx").write_bytes(b"PK\3\4")
    code, out, err = in_process(capsys, "lessons", "pack", str(folder), "-o", str(tmp_path / "x.zip"))
    assert code == 1 and "Aucun zip n'a été écrit" in err
    assert "images/rond.png : ce n'est pas une image PNG" in out
    assert "notes.docx » n'a pas sa place dans un module" in out
    assert not (tmp_path / "x.zip").exists() and not list(tmp_path.glob(".x.zip*"))


def test_pack_refuses_a_zip_inside_the_module_and_a_name_without_zip(capsys, tmp_path):
    folder = write_module(tmp_path / "src")
    code, out, _err = in_process(capsys, "lessons", "pack", str(folder), "-o", str(folder / "essai.zip"))
    assert code == 1 and "hors du dossier" in out
    code, out, _err = in_process(capsys, "lessons", "pack", str(folder), "-o", str(tmp_path / "essai.tar"))
    assert code == 1 and "doit finir par .zip" in out
    assert in_process(capsys, "lessons", "pack", str(tmp_path / "absent"))[0] == 2


def test_pack_to_a_read_only_disk_exits_1_in_french(capsys, tmp_path, read_only_disk):
    folder = write_module(tmp_path / "src")
    code, _out, err = in_process(capsys, "lessons", "pack", str(folder), "-o", str(read_only_disk / "x.zip"))
    assert code == 1 and "lecture seule" in err and "Errno" not in err


def falc_module(parent: Path) -> Path:
    folder = write_module(parent)
    toml = folder / "module.toml"
    toml.write_text(toml.read_text("utf-8").replace(
        'instructions = "Cliquez sur les ronds."',
        'instructions = "Les ronds arrivent : cliquez dessus, un par un, vite, sans attendre, avec le bouton gauche de la souris."'),
        "utf-8")
    return folder


def test_check_says_falc_errors_with_their_line_and_exits_1(capsys, tmp_path):
    folder = falc_module(tmp_path)
    code, out, err = in_process(capsys, "lessons", "check", str(folder))
    assert code == 1 and err == "3 problèmes trouvés, 0 conseil.\n"
    lines = out.splitlines()
    assert "essai/module.toml, ligne 16 : la consigne doit commencer par un verbe" in lines[0]
    assert any("ligne 16 : phrase de 18 mots, 15 au plus" in line and "(règle FALC R1)" in line for line in lines)


def test_advice_on_the_guide_alone_exits_0(capsys, tmp_path):
    folder = write_module(tmp_path)
    with open(folder / "01-debut.md", "a", encoding="utf-8") as step:
        step.write("\n## Difficultés fréquentes\n\nQuand une personne n'arrive pas à viser le rond, "
                   "proposez-lui de poser la main à plat sur la souris, puis de ne bouger que le "
                   "poignet, doucement, sans lever le bras.\n")
    code, out, _err = in_process(capsys, "lessons", "check", str(folder))
    assert code == 0 and "conseil : phrase de 31 mots, 25 au plus" in out and "(1 conseil de lisibilité" in out


def test_check_in_a_subprocess_never_shows_a_traceback(home, tmp_path):
    folder = falc_module(tmp_path)
    (folder / "module.toml").write_text("a = " + "[" * 5000, "utf-8")
    result = run(home, "lessons", "check", str(folder))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "essai/module.toml, ligne 1 : trop de crochets" in result.stdout


def test_counts_agree_in_french_and_in_english(capsys, tmp_path, monkeypatch):
    folder = falc_module(tmp_path)
    monkeypatch.setenv("LANGUAGE", "en")
    assert in_process(capsys, "lessons", "check", str(folder))[2] == "3 problems found, 0 tips.\n"
    write_module(tmp_path / "two", "un")
    write_module(tmp_path / "two", "deux")
    out = in_process(capsys, "lessons", "pack", str(tmp_path / "two"), "-o", str(tmp_path / "two.zip"))[1]
    assert "(2 modules)" in out and out.startswith("Zip ready to share")
    monkeypatch.setenv("LANGUAGE", "fr")
    out = in_process(capsys, "lessons", "pack", str(tmp_path / "two"), "-o", str(tmp_path / "deux.zip"))[1]
    assert "(2 modules)" in out and out.startswith("Zip prêt à partager")
