"""Files written whole or not at all (atelier.files), on real small disks."""

import os

import pytest
from hypothesis import given, settings, strategies as st

from atelier.files import WriteError, clean_partials, error_text, plain_os_error, whole_file, write_bytes
from atelier.sync.folder import folder_error
from tests.disks import fill, read_only_disk, small_disk  # noqa: F401 (fixtures)


def test_a_file_is_replaced_whole(tmp_path):
    target = tmp_path / "export.csv"
    write_bytes(target, b"old")
    write_bytes(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert sorted(os.listdir(tmp_path)) == ["export.csv"]


def test_a_full_disk_keeps_the_previous_file_and_leaves_nothing(small_disk):
    target = small_disk / "rapport.pdf"
    write_bytes(target, b"previous good file")
    fill(small_disk, leave=4096)
    with pytest.raises(WriteError) as caught:
        write_bytes(target, b"x" * 200_000)
    message = str(caught.value)
    assert message.startswith("Le disque est plein") and str(target) in message
    assert "Errno" not in message and "No space" not in message
    assert target.read_bytes() == b"previous good file"
    assert not [n for n in os.listdir(small_disk) if n.endswith(".partial")]


def test_a_read_only_disk_says_so_in_french(read_only_disk):
    with pytest.raises(WriteError) as caught:
        write_bytes(read_only_disk / "feuille.pdf", b"x")
    assert "lecture seule" in str(caught.value)
    assert os.listdir(read_only_disk) == []


def test_a_folder_is_not_a_file_name(tmp_path):
    (tmp_path / "Documents").mkdir()
    with pytest.raises(WriteError, match="est un dossier"):
        write_bytes(tmp_path / "Documents", b"x")
    assert os.listdir(tmp_path / "Documents") == []


def test_an_error_in_the_writer_leaves_the_target_untouched(tmp_path):
    target = tmp_path / "liste.xlsx"
    write_bytes(target, b"good")
    with pytest.raises(ZeroDivisionError):
        with whole_file(target) as partial:
            partial.write_bytes(b"half")
            1 / 0
    assert target.read_bytes() == b"good" and os.listdir(tmp_path) == ["liste.xlsx"]


def test_leftovers_of_interrupted_writes_are_cleaned(tmp_path):
    (tmp_path / ".rapport.pdf.1a2b.partial").write_bytes(b"half")
    (tmp_path / "rapport.pdf").write_bytes(b"whole")
    (tmp_path / "notes.partial").write_bytes(b"not ours: not hidden")
    removed = clean_partials(tmp_path)
    assert [p.name for p in removed] == [".rapport.pdf.1a2b.partial"]
    assert sorted(os.listdir(tmp_path)) == ["notes.partial", "rapport.pdf"]


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-5, max_value=200))
def test_no_system_error_text_in_english_ever(code):
    message = plain_os_error(OSError(code, "No space left on device"), "/x/y.pdf")
    assert "/x/y.pdf" in message and "No space" not in message and "Errno" not in message


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=-5, max_value=200))
def test_the_sync_folder_says_every_system_error_in_french_too(code):
    message = str(folder_error("/media/cle/partage", OSError(code, "Input/output error")))
    assert "/media/cle/partage" in message and "Input/output" not in message and "Errno" not in message


def test_error_text_names_the_file_the_system_named():
    assert error_text(OSError(28, "No space left on device", "/x/a.csv")).startswith("Le disque est plein : « /x/a.csv »")
    assert "/y/b.pdf" in error_text(OSError(30, "Read-only file system", "/x/a.csv"), "/y/b.pdf")
    assert "No space" not in error_text(OSError(28, "No space left on device"))  # no name known
    assert error_text(LookupError("Aucune séance sur cette période.")) == "Aucune séance sur cette période."
