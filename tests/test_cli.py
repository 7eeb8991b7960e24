"""The ``atelier`` command: plain French answers, exit codes, never a traceback."""

import argparse
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import make_newer
from atelier import __version__, backups, cli, paths, people
from atelier.people import Participant
from atelier.store import Store

ROOT = Path(__file__).resolve().parent.parent


def run(home: Path, *args: str, stdin=subprocess.DEVNULL) -> subprocess.CompletedProcess:
    env = {**os.environ, "ATELIER_HOME": str(home), "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-m", "atelier", *args],
        capture_output=True, text=True, env=env, cwd=ROOT, stdin=stdin, timeout=60,
    )


def in_process(capsys, *args: str) -> tuple[int, str, str]:
    try:
        code = cli.main(list(args))
    except SystemExit as exit_:
        code = exit_.code
    out, err = capsys.readouterr()
    return code, out, err


def command_paths(parser: argparse.ArgumentParser, prefix=()) -> list[tuple[str, ...]]:
    """Every sub-command of the parser, nested ones included."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found.append((*prefix, name))
                found += command_paths(sub, (*prefix, name))
    return found


COMMANDS = command_paths(cli.build_parser())


def test_the_window_starts_with_what_the_parser_makes_of_no_argument():
    """``atelier`` alone opens the window without building the parser: its stand-in says the same."""
    assert vars(cli.no_arguments()) == vars(cli.build_parser().parse_args([]))


def test_the_known_commands_are_all_there():
    assert {("check",), ("backup",), ("restore",), ("demo",), ("lessons",), ("lessons", "check")} <= set(COMMANDS)


def test_version_in_a_subprocess(home):
    result = run(home, "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"Atelier {__version__}"
    assert not list(home.iterdir())  # asking the version touches nothing


@pytest.mark.parametrize("command", [(), *COMMANDS], ids=lambda c: " ".join(c) or "atelier")
def test_every_help_exits_0_and_says_something(capsys, home, command):
    code, out, err = in_process(capsys, *command, "--help")
    assert code == 0
    assert "usage" in out.lower() and len(out.splitlines()) >= 3
    assert err == ""


def test_help_in_a_subprocess(home):
    result = run(home, "--help")
    assert result.returncode == 0
    assert "Atelier" in result.stdout and "restore" in result.stdout


BAD = [
    ("frobnicate",),
    ("restore",),
    ("backup", "effacer"),
    ("check", "--nimportequoi"),
    ("restore", "latest", "--oui"),
    ("lessons",),
]


@pytest.mark.parametrize("args", BAD, ids=" ".join)
def test_bad_arguments_exit_non_zero_in_french_without_traceback(capsys, home, args):
    code, out, err = in_process(capsys, *args)
    assert code == 2
    assert "Erreur" in err and "atelier --help" in err
    assert "Traceback" not in err


def test_bad_arguments_in_a_subprocess(home):
    result = run(home, "restore")
    assert result.returncode == 2
    assert "Erreur" in result.stderr and "Traceback" not in result.stderr


# --- check -------------------------------------------------------------------------------

def test_check_without_a_file_says_so(capsys, home):
    code, out, err = in_process(capsys, "check")
    assert code == 0 and "Aucun fichier de données" in out


def test_check_a_good_file(capsys, home):
    Store.open(home).close()
    code, out, err = in_process(capsys, "check")
    assert code == 0 and "intact" in out and err == ""


def _damaged_home(home: Path, damage) -> Path:
    store = Store.open(home)
    for n in range(300):
        people.add(store.db, Participant(f"P{n}", notes="x" * 200))
    store.backup("manual")
    store.close()
    path = paths.database_path(home)
    damage(path)
    return path


def test_check_a_damaged_file_in_a_subprocess(home, damage):
    path = _damaged_home(home, damage)
    before = path.read_bytes()
    result = run(home, "check")
    assert result.returncode == 3
    assert "abîmé" in result.stderr and "atelier restore" in result.stderr
    assert "Traceback" not in result.stderr
    assert path.read_bytes() == before


def test_check_a_file_that_is_not_a_database(capsys, home):
    Store.open(home).close()
    paths.database_path(home).write_bytes(b"\x00garbage" * 1000)
    code, out, err = in_process(capsys, "check")
    assert code == 3 and "abîmé" in err and "Traceback" not in err


def test_check_a_newer_file(capsys, home):
    Store.open(home).close()
    make_newer(paths.database_path(home))
    code, out, err = in_process(capsys, "check")
    assert code == 3 and "version plus récente" in err


# --- backup and restore ------------------------------------------------------------------

def test_backup_then_list_then_restore_latest(home):
    store = Store.open(home)
    kept = people.add(store.db, Participant("Gardée")).id
    store.close()

    result = run(home, "backup")
    assert result.returncode == 0, result.stderr
    assert "Sauvegarde faite" in result.stdout
    made = backups.list_backups(paths.backups_dir(home))
    assert len(made) == 1 and str(made[0].path) in result.stdout

    listing = run(home, "backup", "list")
    assert listing.returncode == 0 and str(made[0].path) in listing.stdout and "manual" in listing.stdout

    store = Store.open(home)
    people.add(store.db, Participant("Ajoutée après"))
    store.close()

    restored = run(home, "restore", "latest", "--yes")
    assert restored.returncode == 0, restored.stderr
    assert "remise en place" in restored.stdout
    store = Store.open(home)
    try:
        assert [p.id for p in people.every(store.db)] == [kept]
    finally:
        store.close()


def test_backup_list_when_there_is_none(capsys, home):
    code, out, err = in_process(capsys, "backup", "list")
    assert code == 0 and "Aucune sauvegarde" in out


def test_backup_in_process(capsys, home):
    code, out, err = in_process(capsys, "backup")
    assert code == 0 and len(backups.list_backups(paths.backups_dir(home))) == 1


def test_restore_a_missing_file(capsys, home, tmp_path):
    Store.open(home).close()
    code, out, err = in_process(capsys, "restore", str(tmp_path / "absente.db"))
    assert code == 1 and "introuvable" in err and "Traceback" not in err


def test_restore_latest_without_any_backup(capsys, home):
    code, out, err = in_process(capsys, "restore", "latest", "--yes")
    assert code == 1 and "Aucune sauvegarde" in err


def test_restore_a_damaged_backup_is_refused(capsys, home, damage):
    store = Store.open(home)
    for n in range(300):
        people.add(store.db, Participant(f"P{n}", notes="x" * 200))
    backup = store.backup()
    store.close()
    damage(backup.path)
    code, out, err = in_process(capsys, "restore", str(backup.path), "--yes")
    assert code == 1 and "abîmée" in err and "Traceback" not in err


def test_restore_without_yes_and_no_terminal_refuses(home):
    store = Store.open(home)
    people.add(store.db, Participant("Avant"))
    store.backup()
    people.add(store.db, Participant("Après"))
    store.close()
    before = paths.database_path(home).read_bytes()

    result = run(home, "restore", "latest")
    assert result.returncode == 1
    assert "--yes" in result.stderr and "Traceback" not in result.stderr
    assert paths.database_path(home).read_bytes() == before
    assert len(backups.list_backups(paths.backups_dir(home))) == 1


def test_restore_without_yes_in_process_refuses(capsys, home, monkeypatch):
    store = Store.open(home)
    store.backup()
    store.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO("o\n"))  # not a terminal
    code, out, err = in_process(capsys, "restore", "latest")
    assert code == 1 and "--yes" in err


def test_restore_asks_on_a_terminal_and_no_changes_nothing(capsys, home, monkeypatch):
    store = Store.open(home)
    store.backup()
    store.close()

    class Terminal(io.StringIO):
        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    code, out, err = in_process(capsys, "restore", "latest")
    assert code == 1 and "Rien n'a été changé" in out
    assert [b.reason for b in backups.list_backups(paths.backups_dir(home))] == ["manual"]
