"""The WebDAV password: in a working keyring when there is one, else in memory for the run;
the same rule for the command line and the window; never in a file, an output or an error.

"No keyring" is keyring's own ``fail`` backend (conftest sets it for every test and for
the commands they start); "a keyring that works" is tests/keyrings.py's."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import keyring
import pytest

from atelier import cli
from atelier.store import Store
from atelier.sync import passwords
from tests.hub_server import PASSWORD, USER, running_dav_server
from tests.keyrings import BrokenKeyring, MemoryKeyring
from tests.sync_helpers import closed_sessions

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def memory_keyring():
    backend = MemoryKeyring()
    keyring.set_keyring(backend)  # conftest puts the "fail" backend back afterwards
    return backend


ADDRESS = "https://nuage.example.org/dav/"


def test_without_a_keyring_the_password_lives_in_memory_for_the_run_only():
    assert passwords.working_keyring() is None
    run = passwords.Passwords(environ={})
    assert run.get(ADDRESS, "claire") == ""
    assert run.keep(ADDRESS, "claire", "secret-du-jour") is False
    assert run.get(ADDRESS, "claire") == "secret-du-jour"
    assert passwords.Passwords(environ={}).get(ADDRESS, "claire") == ""  # the next run knows nothing


def test_a_working_keyring_keeps_it_across_runs(memory_keyring):
    assert passwords.working_keyring() is memory_keyring
    assert passwords.Passwords(environ={}).keep(ADDRESS, "claire", "secret-du-jour") is True
    assert memory_keyring.kept == {(passwords.SERVICE, f"claire@{ADDRESS}"): "secret-du-jour"}
    assert passwords.Passwords(environ={}).get(ADDRESS, "claire") == "secret-du-jour"
    assert passwords.Passwords(environ={}).get(ADDRESS, "paul") == ""


def test_the_variable_comes_first_and_is_kept_nowhere(memory_keyring):
    run = passwords.Passwords(environ={passwords.VARIABLE: "de-la-variable"})
    assert run.get(ADDRESS, "claire") == "de-la-variable" and memory_keyring.kept == {}


def test_a_failing_keyring_is_no_keyring_and_its_words_go_nowhere():
    keyring.set_keyring(BrokenKeyring())
    run = passwords.Passwords(environ={})
    assert run.keep(ADDRESS, "claire", "secret-du-jour") is False  # no exception, nothing said of why
    assert run.get(ADDRESS, "claire") == "secret-du-jour"
    assert passwords.Passwords(environ={}).get(ADDRESS, "claire") == ""


def test_asked_once_a_run_where_someone_can_type_it():
    asked = []
    run = passwords.Passwords(environ={})
    for _ in range(3):
        assert run.ask(ADDRESS, "claire", ask=lambda prompt: asked.append(prompt) or "tapé") == "tapé"
    assert len(asked) == 1 and "claire" in asked[0]


def all_bytes_under(folder: Path) -> list[tuple[Path, bytes]]:
    return [(path, path.read_bytes()) for path in folder.rglob("*") if path.is_file()]


def assert_nowhere(secret: str, home: Path, outputs: list[str]) -> None:
    store = Store.open(home)
    try:
        store.db.execute("PRAGMA wal_checkpoint(FULL)").fetchall()
    finally:
        store.close()
    assert all(secret not in text for text in outputs)
    for path, data in all_bytes_under(home):
        assert secret.encode() not in data, path


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dav")
    with running_dav_server(folder) as url:
        yield url, folder


def command(capsys, *args: str) -> tuple[int, str]:
    code = cli.main(list(args))
    out = capsys.readouterr()
    return code, out.out + out.err


def test_hub_set_keeps_it_in_a_working_keyring_and_the_commands_find_it(home, served, memory_keyring, capsys, monkeypatch):
    store = Store.open(home)
    try:
        closed_sessions(store.db, 2)
    finally:
        store.close()
    wrong = f"faux-{uuid.uuid4().hex}"
    monkeypatch.setenv(passwords.VARIABLE, wrong)
    code, said = command(capsys, "hub", "set", served[0], "--user", USER, "--coordinator")
    assert code == 0 and "trousseau du système" in said
    monkeypatch.delenv(passwords.VARIABLE)  # from now on, only the keyring has it
    outputs = [said]
    for args in (("hub", "test"), ("sync",), ("hub", "pull")):
        code, said = command(capsys, *args)
        assert code == 1 and "mot de passe" in said and "Traceback" not in said, said
        outputs.append(said)

    monkeypatch.setenv(passwords.VARIABLE, PASSWORD)
    code, said = command(capsys, "hub", "set", served[0], "--user", USER)  # the right one replaces it
    assert code == 0 and "trousseau du système" in said
    monkeypatch.delenv(passwords.VARIABLE)
    outputs.append(said)
    for args in (("hub", "test"), ("sync",), ("hub", "pull")):
        code, said = command(capsys, *args)
        assert code == 0, said
        outputs.append(said)
    assert "2 résumés envoyés" in outputs[-2] and "1 fichier fusionné" in outputs[-1]
    assert list(memory_keyring.kept.values()) == [PASSWORD]
    for secret in (wrong, PASSWORD):
        assert_nowhere(secret, home, outputs)


def cli_run(home: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
    """The real entry point in its own process: no keyring (conftest's variable), no terminal."""
    env = {**os.environ, "ATELIER_HOME": str(home), "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop(passwords.VARIABLE, None)
    if password is not None:
        env[passwords.VARIABLE] = password
    assert env["PYTHON_KEYRING_BACKEND"] == "keyring.backends.fail.Keyring"
    return subprocess.run([sys.executable, "-m", "atelier", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, stdin=subprocess.DEVNULL, timeout=60)


def test_without_a_keyring_every_command_takes_it_from_the_variable_and_keeps_it_nowhere(home, served):
    store = Store.open(home)
    try:
        closed_sessions(store.db, 1)
    finally:
        store.close()
    wrong = f"faux-{uuid.uuid4().hex}"
    kept = cli_run(home, "hub", "set", served[0], "--user", USER, "--coordinator", password=PASSWORD)
    assert kept.returncode == 0 and "Aucun trousseau" in kept.stdout and passwords.VARIABLE in kept.stdout
    runs = [kept]
    for args in (("hub", "test"), ("sync",), ("hub", "pull")):
        missing = cli_run(home, *args)  # nothing kept: said, not asked (no terminal)
        assert missing.returncode == 1 and passwords.VARIABLE in missing.stderr, missing.stderr
        refused = cli_run(home, *args, password=wrong)
        assert refused.returncode == 1 and "mot de passe" in refused.stderr
        accepted = cli_run(home, *args, password=PASSWORD)
        assert accepted.returncode == 0, accepted.stderr
        runs += [missing, refused, accepted]
    outputs = [run.stdout + run.stderr for run in runs]
    assert all("Traceback" not in text for text in outputs)
    for secret in (wrong, PASSWORD):
        assert_nowhere(secret, home, outputs)
