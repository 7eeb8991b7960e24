"""Zips of lesson packs are hostile until proven otherwise (atelier.lessons.archive):
each kind of harm is refused with a French message naming the zip or the file in it,
and nothing of a refused zip is left on the disk."""

import stat
import struct
import time
import zipfile
import zlib
from pathlib import Path

import pytest

from atelier.lessons import archive
from atelier.lessons.library import check_path
from tests.lesson_packs import SVG, module_files, module_zip, png, write_zip


def good_files(prefix: str = "essai/") -> dict[str, bytes]:
    return {prefix + name: data for name, data in module_files().items()}


def refused(zip_path: Path, tmp_path: Path) -> list:
    """Unpack into a fresh folder: the problems, after checking nothing was written."""
    target = tmp_path / "target"
    target.mkdir()
    problems = archive.unpack(zip_path, target)
    assert problems, "the zip should have been refused"
    assert all(Path(p.file) == zip_path or Path(p.file).is_relative_to(zip_path) for p in problems)
    return problems


def messages(problems) -> str:
    return " | ".join(p.message for p in problems)


def test_a_good_zip_unpacks_every_file_as_it_was(tmp_path):
    zip_path = module_zip(tmp_path / "bon.zip")
    target = tmp_path / "target"
    target.mkdir()
    seen = []
    assert archive.unpack(zip_path, target, progress=lambda done, total: seen.append((done, total))) == []
    for name, data in module_files().items():
        assert (target / "essai" / name).read_bytes() == data
    assert seen[-1][0] == seen[-1][1] == sum(map(len, module_files().values()))
    assert check_path(zip_path) == []


@pytest.mark.parametrize("name, expected", [
    ("../evil.md", "sort du dossier"),
    ("essai/../../evil.md", "sort du dossier"),
    ("..\\..\\evil.md", "sort du dossier"),
    ("/etc/evil.md", "chemin absolu"),
    ("C:/Windows/evil.md", "chemin absolu"),
    ("essai/CON.md", "pas un nom de fichier possible"),
    ("essai/a:b.md", "pas un nom de fichier possible"),
    ("essai/programme.exe", "n'a pas sa place dans un module"),
])
def test_names_that_leave_the_folder_or_cannot_exist_are_refused(tmp_path, name, expected):
    zip_path = write_zip(tmp_path / "x.zip", {**good_files(), name: b"# x\n"})
    problems = refused(zip_path, tmp_path)
    assert expected in messages(problems)
    assert not (tmp_path / "evil.md").exists() and not list((tmp_path / "target").iterdir())


def special_entry(tmp_path: Path, mode: int, flags: int = 0) -> Path:
    """A good zip plus one entry with this Unix ``mode`` and these flag bits."""
    zip_path = write_zip(tmp_path / "x.zip", good_files())
    with zipfile.ZipFile(zip_path, "a") as zipped:
        info = zipfile.ZipInfo("essai/images/lien.png")
        info.create_system = 3
        info.external_attr = mode << 16
        zipped.writestr(info, b"/etc/passwd")
    raw = bytearray(zip_path.read_bytes())
    local, central = raw.rindex(b"PK\x03\x04"), raw.rindex(b"PK\x01\x02")
    for flag_at in (local + 6, central + 8):   # zipfile writes no encryption flag itself
        raw[flag_at] |= flags
    zip_path.write_bytes(bytes(raw))
    return zip_path


def test_links_and_special_files_are_refused(tmp_path):
    assert "est un lien" in messages(refused(special_entry(tmp_path, stat.S_IFLNK | 0o777), tmp_path))
    (tmp_path / "b").mkdir()
    fifo = special_entry(tmp_path / "b", stat.S_IFIFO | 0o644)
    assert "fichier spécial" in messages(refused(fifo, tmp_path / "b"))


def test_encrypted_entries_are_refused_before_any_reading(tmp_path):
    zip_path = special_entry(tmp_path, stat.S_IFREG | 0o644, flags=0x1)
    assert "protégé par un mot de passe" in messages(refused(zip_path, tmp_path))


def test_an_unknown_compression_is_refused(tmp_path):
    zip_path = write_zip(tmp_path / "x.zip", good_files(), method=zipfile.ZIP_BZIP2)
    assert "compressé d'une façon inconnue (bzip2)" in messages(refused(zip_path, tmp_path))


def test_damaged_data_is_refused_and_names_the_file(tmp_path):
    files = good_files()
    zip_path = write_zip(tmp_path / "x.zip", files)
    raw = bytearray(zip_path.read_bytes())
    with zipfile.ZipFile(zip_path) as zipped:
        info = zipped.getinfo("essai/module.toml")
    start = info.header_offset + 30 + len(info.filename) + 10   # inside the packed data
    raw[start:start + 8] = b"\xff" * 8
    zip_path.write_bytes(bytes(raw))
    problems = refused(zip_path, tmp_path)
    assert [p.file for p in problems] == [zip_path / "essai/module.toml"]
    assert "abîmées" in problems[0].message


@pytest.mark.parametrize("cut", [0.3, 0.9])
def test_a_cut_zip_is_refused(tmp_path, cut):
    zip_path = write_zip(tmp_path / "x.zip", good_files())
    data = zip_path.read_bytes()
    zip_path.write_bytes(data[:int(len(data) * cut)])
    assert "archive zip illisible" in messages(refused(zip_path, tmp_path))


def test_too_many_files_are_refused_before_reading(tmp_path):
    many = {f"essai/notes/{n}.txt": b"note\n" for n in range(archive.MAX_FILES + 1)}
    zip_path = write_zip(tmp_path / "x.zip", {**good_files(), **many}, method=zipfile.ZIP_STORED)
    assert f"{archive.MAX_FILES} au plus" in messages(refused(zip_path, tmp_path))


def bomb(path: Path, size: int) -> Path:
    """A real zip bomb: ``size`` bytes of zeros in one entry, packed about a thousand
    times smaller. Built from one compressed megabyte repeated (each ends with a full
    flush, so each is the same bytes), not by compressing a gigabyte."""
    chunk, count = b"\0" * 2**20, size // 2**20
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = packer.compress(chunk) + packer.flush(zlib.Z_FULL_FLUSH)
    data = block * count + packer.flush()
    crc = 0
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    name = b"essai/notes.txt"
    fields = struct.pack("<HHHHHIII", 20, 0, 8, 0, 0x5821, crc, len(data), size)
    local = b"PK\x03\x04" + fields + struct.pack("<HH", len(name), 0) + name
    central = (b"PK\x01\x02" + struct.pack("<H", 3 << 8 | 20) + fields
               + struct.pack("<HHHHHII", len(name), 0, 0, 0, 0, 0o100644 << 16, 0) + name)
    end = b"PK\x05\x06" + struct.pack("<HHHHIIH", 0, 0, 1, 1, len(central), len(local) + len(data), 0)
    path.write_bytes(local + data + central + end)
    return path


@pytest.fixture(scope="module")
def gigabyte_bomb(tmp_path_factory) -> Path:
    return bomb(tmp_path_factory.mktemp("bomb") / "bombe.zip", 2**30)


def test_a_one_megabyte_zip_of_a_gigabyte_is_refused_at_once_without_writing(gigabyte_bomb, tmp_path):
    assert gigabyte_bomb.stat().st_size < 2 * 2**20
    started = time.perf_counter()
    target = tmp_path / "target"
    target.mkdir()
    written = []
    problems = archive.unpack(gigabyte_bomb, target, progress=lambda *a: written.append(a))
    elapsed = time.perf_counter() - started
    assert "ferait 1024 Mo une fois décompressé" in messages(problems)
    assert written == [] and list(target.iterdir()) == []
    assert elapsed < 1, f"{elapsed:.2f} s: only the zip's directory needs reading"


def test_sizes_that_lie_are_counted_while_reading(tmp_path):
    """A zip whose directory says 100 bytes for 8 MB of zeros: stopped at 100 bytes."""
    zip_path = bomb(tmp_path / "menteur.zip", 8 * 2**20)
    raw = bytearray(zip_path.read_bytes())
    central = raw.rindex(b"PK\x01\x02")
    raw[central + 24:central + 28] = (100).to_bytes(4, "little")   # the size it says
    zip_path.write_bytes(bytes(raw))
    with zipfile.ZipFile(zip_path) as zipped:
        assert zipped.infolist()[0].file_size == 100
    problems = refused(zip_path, tmp_path)
    assert [p.file for p in problems] == [zip_path / "essai/notes.txt"]
    assert "abîmées" in problems[0].message


def test_a_zip_that_unpacks_a_hundred_times_bigger_is_refused(tmp_path):
    zip_path = bomb(tmp_path / "x.zip", 4 * 2**20)
    assert "fois plus gros" in messages(refused(zip_path, tmp_path))


def test_entries_that_share_their_data_are_refused(tmp_path):
    """The overlapping trick of the « better zip bomb »: two names, one set of bytes."""
    zip_path = write_zip(tmp_path / "x.zip", {"essai/a.txt": b"a" * 5000, "essai/b.txt": b"b"})
    raw = bytearray(zip_path.read_bytes())
    second = raw.rindex(b"PK\x01\x02")
    raw[second + 42:second + 46] = (0).to_bytes(4, "little")   # b's data is a's
    zip_path.write_bytes(bytes(raw))
    assert "se recouvrent" in messages(refused(zip_path, tmp_path))


def test_two_names_that_windows_sees_as_one_are_refused(tmp_path):
    zip_path = write_zip(tmp_path / "x.zip", {**good_files(), "essai/Module.toml": b"x = 1\n"})
    assert "écrit deux fois" in messages(refused(zip_path, tmp_path))


@pytest.mark.parametrize("name, data, line, expected", [
    ("essai/01-debut.md", "# Debut\n\nCafé crème\n".encode("latin-1"), 3, "UTF-8"),
    ("essai/images/rond.png", b"<html>not a picture</html>", None, "pas une image PNG"),
    ("essai/images/rond.png", png()[:-12], None, "pas une image PNG"),
    ("essai/images/rond.svg", b"<svg xmlns='http://www.w3.org/2000/svg'>\n<circle\n", 2, "SVG lisible"),  # cut: its last line
    ("essai/images/rond.svg", b"<html></html>", 1, "ne commence pas par <svg>"),
    ("essai/images/rond.svg",
     b'<?xml version="1.0"?>\n<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>\n'
     b"<svg>&b;</svg>", 2, "<!DOCTYPE>"),
])
def test_files_that_are_not_what_they_claim_are_refused_with_their_line(tmp_path, name, data, line, expected):
    zip_path = write_zip(tmp_path / "x.zip", {**good_files(), name: data})
    problems = refused(zip_path, tmp_path)
    assert [(p.file, p.line) for p in problems] == [(zip_path / name, line)]
    assert expected in problems[0].message


def test_litter_from_a_mac_or_windows_is_left_out_quietly(tmp_path):
    files = {**good_files(), "__MACOSX/essai/._module.toml": b"\x00\x05\x16\x07",
             "essai/.DS_Store": b"\x00\x00\x00\x01Bud1", "essai/images/Thumbs.db": b"\xd0\xcf"}
    zip_path = write_zip(tmp_path / "x.zip", files)
    target = tmp_path / "target"
    target.mkdir()
    assert archive.unpack(zip_path, target) == []
    assert sorted(p.name for p in target.iterdir()) == ["essai"]
    assert not (target / "essai" / ".DS_Store").exists()
    assert check_path(zip_path) == []


def test_check_path_reports_a_hostile_zip_with_the_zip_named(tmp_path):
    zip_path = write_zip(tmp_path / "x.zip", {**good_files(), "../../evil.md": b"x"})
    (problem,) = check_path(zip_path)
    assert problem.file == zip_path and "sort du dossier" in problem.message
    assert str(problem).startswith(f"{tmp_path.name}/x.zip : ")


def test_pictures_of_every_kind_pass(tmp_path):
    files = {**good_files(), "essai/images/a.jpg": b"\xff\xd8\xff\xe0" + b"\x00" * 20 + b"\xff\xd9",
             "essai/images/b.gif": b"GIF89a" + b"\x00" * 20 + b";",
             "essai/images/c.webp": b"RIFF\x10\x00\x00\x00WEBPVP8 ", "essai/images/d.svg": SVG,
             "essai/LICENSE": b"CC BY-SA 4.0\n", "essai/notes.txt": "Notes de l'animateur\n".encode()}
    target = tmp_path / "target"
    target.mkdir()
    assert archive.unpack(write_zip(tmp_path / "x.zip", files), target) == []
