"""``atelier hub set/test`` and ``atelier sync [status]`` through the real entry point."""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from atelier import cli
from atelier.store import Store
from tests.hub_server import PASSWORD, USER, running_dav_server
from tests.sync_helpers import closed_sessions
from tests.test_cli import COMMANDS

ROOT = Path(__file__).resolve().parent.parent


def run(home: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "ATELIER_HOME": str(home), "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ATELIER_HUB_PASSWORD", None)
    if password is not None:
        env["ATELIER_HUB_PASSWORD"] = password
    return subprocess.run([sys.executable, "-m", "atelier", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, stdin=subprocess.DEVNULL, timeout=60)


@pytest.fixture
def workshop(home):
    """Two closed sessions in the home's database, closed again before the commands run."""
    store = Store.open(home)
    try:
        closed_sessions(store.db, 2)
    finally:
        store.close()
    return home


def no_traceback(result):
    assert "Traceback" not in result.stdout + result.stderr, result.stderr


def test_the_sync_commands_are_registered():
    assert {("hub",), ("hub", "set"), ("hub", "test"), ("sync",)} <= set(COMMANDS)
    assert "hub" in cli._COMMANDS and "sync" in cli._COMMANDS


def test_plain_http_off_this_computer_is_refused_with_exit_2(home):
    result = run(home, "hub", "set", "http://example.org/dav")
    assert result.returncode == 2 and "https://" in result.stderr and "Adresse refusée" in result.stderr
    no_traceback(result)
    assert "example.org" not in run(home, "sync", "status", "--json").stdout


def test_a_folder_hub_from_set_to_sync_and_status(workshop, tmp_path):
    home, hub = workshop, tmp_path / "cle-usb"
    assert run(home, "hub", "test").returncode == 1  # nothing chosen yet
    result = run(home, "hub", "set", str(hub))
    assert result.returncode == 0 and "Partage enregistré" in result.stdout
    failed = run(home, "hub", "test")  # the stick is not plugged in
    assert failed.returncode == 1 and "introuvable" in failed.stderr
    no_traceback(failed)
    not_sent = run(home, "sync")
    assert not_sent.returncode == 1 and "Synchronisation impossible" in not_sent.stderr and "2 résumés" in not_sent.stderr
    state = json.loads(run(home, "sync", "status", "--json").stdout)
    assert state["pending"] == 2 and "introuvable" in state["last_error"] and state["last_success"] is None

    hub.mkdir()
    assert run(home, "hub", "test").returncode == 0
    sent = run(home, "sync")
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout.startswith("2 résumés envoyés dans ") and sent.stdout.strip().endswith(".json")
    delivered = [p for p in (hub / "atelier").rglob("*") if p.is_file()]
    assert [p.name for p in delivered] == [sent.stdout.split()[-1]]
    state = json.loads(run(home, "sync", "status", "--json").stdout)
    assert state["pending"] == 0 and state["last_error"] is None and state["last_success"]
    again = run(home, "sync")
    assert again.returncode == 0 and "Rien à envoyer" in again.stdout
    status = run(home, "sync", "status")
    assert status.returncode == 0 and "Résumés en attente : 0" in status.stdout and "Dernier envoi réussi" in status.stdout


def test_coordinator_is_remembered(home, tmp_path):
    assert run(home, "hub", "set", str(tmp_path), "--coordinator").returncode == 0
    assert json.loads(run(home, "sync", "status", "--json").stdout)["coordinator"] is True


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dav")
    with running_dav_server(folder) as url:
        yield url, folder


def test_webdav_wrong_password_says_so_in_french_and_leaves_no_trace_then_the_right_one_syncs(workshop, served):
    home, wrong = workshop, f"faux-{uuid.uuid4().hex}"
    assert run(home, "hub", "set", served[0], "--user", USER).returncode == 0
    outputs = []
    for command in (("hub", "test"), ("sync",)):
        result = run(home, *command, password=wrong)
        assert result.returncode == 1 and "mot de passe" in result.stderr
        no_traceback(result)
        outputs.append(result.stdout + result.stderr)
    missing = run(home, "sync")  # no variable and no terminal: said, not asked
    assert missing.returncode == 1 and "ATELIER_HUB_PASSWORD" in missing.stderr
    assert run(home, "hub", "test", password=PASSWORD).returncode == 0
    sent = run(home, "sync", password=PASSWORD)
    assert sent.returncode == 0 and "2 résumés envoyés" in sent.stdout
    outputs += [sent.stdout + sent.stderr, run(home, "sync", "status", "--json").stdout]
    for secret in (wrong, PASSWORD):
        assert all(secret not in text for text in outputs)
        for path in home.rglob("*"):
            if path.is_file():
                assert secret.encode() not in path.read_bytes(), path
