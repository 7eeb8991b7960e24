"""Every command on a damaged, lost, foreign or read-only data file: a French message
naming the file and the latest good backup, a non-zero exit, the file untouched."""

import os
import subprocess
import sys

import pytest

from atelier import backups, cli, paths
from tests.damaged_files import DAMAGES, good_home, index_damaged, remount_read_only
from tests.disks import mounted_tmpfs

COMMANDS = [
    ("check",),
    ("backup",),
    ("export", "register", "--from", "2026-01-01", "--to", "2026-12-31", "--output", "{tmp}/registre.csv"),
    ("export", "report", "--from", "2026-01-01", "--to", "2026-12-31", "--output", "{tmp}/bilan.xlsx"),
    ("sync", "status"),
    ("sync",),
    ("hub", "status"),
    ("demo",),
]


def run(capsys, tmp_path, *args):
    args = [a.format(tmp=tmp_path) for a in args]
    try:
        code = cli.main(args)
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def state(home):
    """The data file's bytes and the folder's names: what must not change."""
    path = paths.database_path(home)
    return path.read_bytes(), sorted(p.name for p in home.iterdir())


@pytest.mark.parametrize("kind", sorted(DAMAGES))
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_refuses_a_bad_file_in_french(home, tmp_path, capsys, kind, command):
    path = good_home(home)
    (good,) = backups.list_backups(paths.backups_dir(home))
    DAMAGES[kind](path)
    before = state(home)
    code, out, err = run(capsys, tmp_path, *command)
    assert code == 3, (out, err)
    assert "Traceback" not in out + err
    assert str(path) in err and str(good.path) in err
    assert state(home) == before


def test_a_lost_file_says_its_content_was_lost(home, tmp_path, capsys):
    path = good_home(home)
    DAMAGES["zero_length"](path)
    code, _out, err = run(capsys, tmp_path, "check")
    assert code == 3 and "vide" in err and "perdu" in err
    assert path.read_bytes() == b""  # never rewritten as a new, empty installation


def test_an_empty_file_without_backups_is_a_new_installation(home, tmp_path, capsys):
    paths.database_path(home).write_bytes(b"")
    code, out, _err = run(capsys, tmp_path, "check")
    assert code == 0 and "intact" in out


def test_damage_quick_check_misses_is_found_by_check(home, tmp_path, capsys):
    path = good_home(home)
    index_damaged(path)
    code, _out, err = run(capsys, tmp_path, "check")
    assert code == 3 and "abîmé" in err and "sessions_date" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [("check",), ("backup",), ("sync", "status"), ("demo",)], ids=" ".join)
def test_a_read_only_disk_is_said_at_the_door(tmp_path, monkeypatch, capsys, command):
    with mounted_tmpfs(tmp_path / "disk", size="8m") as disk:
        home = disk / "home"
        home.mkdir()
        monkeypatch.setenv("ATELIER_HOME", str(home))
        good_home(home)
        remount_read_only(disk)
        before = state(home)
        code, out, err = run(capsys, tmp_path, *command)
        assert code == 3, (out, err)
        assert f"Atelier ne peut pas écrire dans « {home}" in err and "Traceback" not in err
        assert state(home) == before


def test_a_real_process_prints_no_traceback(home):
    path = good_home(home)
    DAMAGES["truncated"](path)
    done = subprocess.run([sys.executable, "-m", "atelier", "backup", "list"], capture_output=True,
                          text=True, env={**os.environ, "ATELIER_HOME": str(home)}, timeout=60)
    assert "Traceback" not in done.stdout + done.stderr


def test_a_disk_that_fills_up_during_a_command_says_so(tmp_path, monkeypatch, capsys):
    """SQLite's own « database or disk is full » at commit: French words, the file still good."""
    with mounted_tmpfs(tmp_path / "disk", size="400k") as disk:
        home = disk / "home"
        monkeypatch.setenv("ATELIER_HOME", str(home))
        code, out, err = run(capsys, tmp_path, "demo")
        assert code == 3, (out, err)
        assert err.startswith("Le disque est plein") and "Traceback" not in err
        code, out, _err = run(capsys, tmp_path, "check")
        assert code == 0 and "intact" in out
