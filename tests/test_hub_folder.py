"""The folder hub: each file appears whole under its final name or not at all, and
never replaces another; full or read-only storage is said in plain French."""

import os
import subprocess
import sys
import textwrap

import pytest

from atelier.sync.folder import FolderHub, rename_without_replacing, write_durably
from atelier.sync.hub import ALREADY_THERE, STORED, HubConflict, HubError

PARTS = ["site-nord", "device-1"]


def files_in(hub: FolderHub, parts=PARTS) -> list[str]:
    return sorted(os.listdir(hub.folder(parts)))


def test_a_file_is_stored_under_its_final_name_and_nothing_else_remains(tmp_path):
    hub = FolderHub(tmp_path)
    assert hub.put_new(PARTS, "1-1-abc.json", b'{"a": 1}') == STORED
    assert (tmp_path / "atelier" / "site-nord" / "device-1" / "1-1-abc.json").read_bytes() == b'{"a": 1}'
    assert files_in(hub) == ["1-1-abc.json"]  # no .partial left
    assert hub.read(PARTS, "1-1-abc.json") == b'{"a": 1}'


def test_the_same_bytes_twice_are_already_there(tmp_path):
    hub = FolderHub(tmp_path)
    hub.put_new(PARTS, "f.json", b"same")
    assert hub.put_new(PARTS, "f.json", b"same") == ALREADY_THERE
    assert files_in(hub) == ["f.json"]


def test_different_bytes_under_a_taken_name_are_a_conflict_and_the_first_stays(tmp_path):
    hub = FolderHub(tmp_path)
    hub.put_new(PARTS, "f.json", b"first")
    with pytest.raises(HubConflict) as caught:
        hub.put_new(PARTS, "f.json", b"second")
    assert "Rien n'a été remplacé" in str(caught.value) and not caught.value.transient
    assert hub.read(PARTS, "f.json") == b"first"
    assert files_in(hub) == ["f.json"]


def test_list_shows_finished_files_and_folders_and_clean_partials_removes_the_rest(tmp_path):
    hub = FolderHub(tmp_path)
    hub.put_new(PARTS, "b.json", b"b")
    hub.put_new(PARTS, "a.json", b"a")
    (hub.folder(PARTS) / "c.json.0123.partial").write_bytes(b"cut sho")
    assert hub.list(PARTS) == ["a.json", "b.json"]
    assert hub.list(["site-nord"]) == ["device-1"]
    assert hub.list(["site-sud"]) == []
    assert hub.clean_partials(PARTS) == 1
    assert files_in(hub) == ["a.json", "b.json"]


def test_names_that_climb_out_of_the_hub_are_refused(tmp_path):
    hub = FolderHub(tmp_path)
    for bad in ("..", "a/b", ".hidden", ""):
        with pytest.raises(ValueError):
            hub.put_new(PARTS, bad, b"x")
        with pytest.raises(ValueError):
            hub.put_new(["site", bad], "f.json", b"x")


def test_the_rename_fallback_never_replaces_a_file(tmp_path):
    """The path FAT sticks take, where hard links are refused."""
    write_durably(tmp_path / "new.partial", b"new")
    (tmp_path / "taken").write_bytes(b"old")
    assert rename_without_replacing(tmp_path / "new.partial", tmp_path / "taken") is False
    assert (tmp_path / "taken").read_bytes() == b"old"
    assert rename_without_replacing(tmp_path / "new.partial", tmp_path / "free") is True
    assert (tmp_path / "free").read_bytes() == b"new" and not (tmp_path / "new.partial").exists()


def test_a_missing_folder_says_so_in_french(tmp_path):
    hub = FolderHub(tmp_path / "clé-débranchée")
    with pytest.raises(HubError) as caught:
        hub.test()
    assert "clé-débranchée" in str(caught.value) and "introuvable" in str(caught.value)
    FolderHub(tmp_path).test()  # a writable folder passes, and keeps nothing
    assert os.listdir(tmp_path / "atelier") == []


@pytest.fixture
def read_only_hub(tmp_path):
    """A hub whose device folder cannot be written: chmod 0o555, or, as root (whom a
    chmod does not stop), a real read-only tmpfs mounted there."""
    hub = FolderHub(tmp_path)
    hub.ensure_folder(PARTS)
    folder = hub.folder(PARTS)
    if getattr(os, "geteuid", lambda: 1)() != 0:  # Windows has no root
        folder.chmod(0o555)
        yield hub
        folder.chmod(0o755)
        return
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)],
                             capture_output=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip("root without mount: no way to make a folder read-only here")
    try:
        yield hub
    finally:
        subprocess.run(["umount", str(folder)], check=True, timeout=30)


def test_a_read_only_folder_gives_a_french_error_naming_it(read_only_hub):
    folder = read_only_hub.folder(PARTS)
    with pytest.raises(HubError) as caught:
        read_only_hub.put_new(PARTS, "f.json", b"x")
    assert str(folder) in str(caught.value) and "lecture seule" in str(caught.value)
    assert not caught.value.transient
    assert os.listdir(folder) == []


def test_a_full_disk_gives_a_french_error_and_leaves_nothing_half_written(tmp_path):
    """A real write refused half way: a child process may write no file larger than
    1 KiB (RLIMIT_FSIZE, as a full stick would refuse), even as root."""
    script = textwrap.dedent(f"""
        import os, resource, signal
        from pathlib import Path
        from atelier.sync.folder import FolderHub
        from atelier.sync.hub import HubError
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a refused write, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
        try:
            FolderHub(Path({str(tmp_path)!r})).put_new(["s", "d"], "big.json", b"x" * 100_000)
        except HubError as error:
            print(error)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert result.returncode == 0, result.stderr
    assert "le support est plein" in result.stdout and str(tmp_path / "atelier" / "s" / "d") in result.stdout
    assert os.listdir(tmp_path / "atelier" / "s" / "d") == []
