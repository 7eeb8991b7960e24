"""``atelier hub pull`` and ``atelier hub status`` through the real entry point."""

import json
from datetime import date

from atelier import settings
from atelier.store import Store
from atelier.sync import push as pushing
from atelier.sync.folder import FolderHub
from tests.hub_server import PASSWORD, USER, running_dav_server
from tests.sync_helpers import closed_sessions
from tests.test_cli import COMMANDS
from tests.test_sync_cli import no_traceback, run


def pushed_devices(tmp_path, hub, count: int = 2) -> int:
    """``count`` devices push their closed sessions; the number of summaries sent."""
    sent = 0
    for index in range(count):
        store = Store.open(tmp_path / f"device-{index}")
        try:
            settings.put(store.db, settings.SITE, f"Site {index}")
            closed_sessions(store.db, 2, first_day=date(2026, 4, 1 + index))
            sent += pushing.push(store.db, hub, settings.get(store.db, settings.SITE), store.device_id).sent
        finally:
            store.close()
    return sent


def test_the_coordinator_commands_are_registered():
    assert {("hub", "pull"), ("hub", "status")} <= set(COMMANDS)


def test_only_the_coordinator_pulls_then_pull_and_status(home, tmp_path, monkeypatch):
    hub = tmp_path / "cle-usb"
    hub.mkdir()
    assert pushed_devices(tmp_path, FolderHub(hub)) == 4
    assert run(home, "hub", "set", str(hub)).returncode == 0
    refused = run(home, "hub", "pull")
    assert refused.returncode == 2 and "coordination" in refused.stderr and "--coordinator" in refused.stderr
    no_traceback(refused)

    assert run(home, "hub", "set", str(hub), "--coordinator").returncode == 0
    pulled = run(home, "hub", "pull")
    assert pulled.returncode == 0, pulled.stderr
    assert pulled.stdout.strip() == "2 fichiers fusionnés, 0 refusé, 4 résumés nouveaux, 0 mis à jour"
    again = run(home, "hub", "pull")
    assert again.stdout.strip() == "0 fichier fusionné, 0 refusé, 0 résumé nouveau, 0 mis à jour"

    (hub / "atelier" / "site-0" / "un-poste").mkdir()
    (hub / "atelier" / "site-0" / "un-poste" / "abc-0000000001-{}.json".format("0" * 64)).write_bytes(b"{}")
    with_reject = run(home, "hub", "pull")
    assert with_reject.returncode == 0 and "1 refusé," in with_reject.stdout

    state = json.loads(run(home, "hub", "status", "--json").stdout)
    assert [s["site"] for s in state["sites"]] == ["site-0", "site-1"]
    assert all(d["files"] == 1 and d["summaries"] == 2 and d["last_received_at"]
               for s in state["sites"] for d in s["devices"])
    assert state["summaries"] == 4 and state["coordinator"] is True
    [reject] = state["rejects"]
    assert reject["device_id"] == "un-poste" and "empreinte différente du nom" in reject["reason"]
    text = run(home, "hub", "status")
    assert text.returncode == 0 and "Résumés rassemblés : 4" in text.stdout and "empreinte" in text.stdout
    assert " : 1 fichier, 2 résumés, dernier reçu " in text.stdout
    no_traceback(text)
    monkeypatch.setenv("LANGUAGE", "en")
    assert ": 1 file, 2 summaries, last received " in run(home, "hub", "status").stdout
    assert run(home, "hub", "pull").stdout.strip() == "0 files merged, 0 rejected, 0 new summaries, 0 updated"


def test_a_pull_from_a_real_webdav_server_and_a_wrong_password(home, tmp_path):
    folder = tmp_path / "dav"
    folder.mkdir()
    with running_dav_server(folder) as url:
        from atelier.sync.webdav import WebDavHub

        with WebDavHub(url, USER, PASSWORD, timeout=5) as hub:
            assert pushed_devices(tmp_path, hub, 1) == 2
        assert run(home, "hub", "set", url, "--user", USER, "--coordinator").returncode == 0
        wrong = run(home, "hub", "pull", password="pas-le-bon")
        assert wrong.returncode == 1 and "Rassemblement impossible" in wrong.stderr
        assert "pas-le-bon" not in wrong.stdout + wrong.stderr
        no_traceback(wrong)
        missing = run(home, "hub", "pull")  # no variable, no terminal to ask on
        assert missing.returncode == 1 and "ATELIER_HUB_PASSWORD" in missing.stderr
        pulled = run(home, "hub", "pull", password=PASSWORD)
        assert pulled.returncode == 0, pulled.stderr
        assert pulled.stdout.startswith("1 fichier fusionné, 0 refusé, 2 résumés nouveaux")
