"""The WebDAV hub against a real wsgidav server on 127.0.0.1, with basic auth."""

import uuid

import pytest

from atelier.sync.hub import ALREADY_THERE, STORED, HubAuthError, HubConflict, HubError
from atelier.sync.webdav import WebDavHub, checked_url
from tests.hub_server import PASSWORD, USER, running_dav_server


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """(base address, the folder the server serves)."""
    folder = tmp_path_factory.mktemp("dav")
    with running_dav_server(folder) as url:
        yield url, folder


@pytest.fixture
def hub(served):
    with WebDavHub(served[0], USER, PASSWORD, timeout=5) as opened:
        yield opened


@pytest.fixture
def parts():
    return ["site-nord", f"device-{uuid.uuid4().hex[:8]}"]  # each test its own device folder


def on_disk(served, parts) -> list[str]:
    folder = served[1].joinpath("atelier", *parts)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def test_a_file_is_stored_and_nothing_else_remains(hub, served, parts):
    assert hub.put_new(parts, "1-1-abc.json", b'{"a": 1}') == STORED
    assert served[1].joinpath("atelier", *parts, "1-1-abc.json").read_bytes() == b'{"a": 1}'
    assert on_disk(served, parts) == ["1-1-abc.json"]
    assert hub.read(parts, "1-1-abc.json") == b'{"a": 1}'


def test_the_same_bytes_twice_are_already_there(hub, served, parts):
    hub.put_new(parts, "f.json", b"same")
    assert hub.put_new(parts, "f.json", b"same") == ALREADY_THERE
    assert on_disk(served, parts) == ["f.json"]


def test_different_bytes_under_a_taken_name_are_a_conflict_and_the_first_stays(hub, served, parts):
    hub.put_new(parts, "f.json", b"first")
    with pytest.raises(HubConflict) as caught:
        hub.put_new(parts, "f.json", b"second")
    assert "Rien n'a été remplacé" in str(caught.value) and not caught.value.transient
    assert hub.read(parts, "f.json") == b"first"
    assert on_disk(served, parts) == ["f.json"]  # the .part went too


def test_list_decodes_names_and_leaves_out_the_folder_and_the_parts(hub, served, parts):
    hub.put_new(parts, "b été.json", b"b")
    hub.put_new(parts, "a.json", b"a")
    served[1].joinpath("atelier", *parts, "c.json.part-0123").write_bytes(b"cut sho")
    assert hub.list(parts) == ["a.json", "b été.json"]
    assert parts[1] in hub.list([parts[0]])
    assert hub.list(["nobody-here"]) == []


def test_stale_parts_of_the_device_are_cleaned(hub, served, parts):
    hub.put_new(parts, "a.json", b"a")
    served[1].joinpath("atelier", *parts, "b.json.part-0123").write_bytes(b"cut sho")
    served[1].joinpath("atelier", *parts, "b.json.part-4567").write_bytes(b"cut")
    assert hub.clean_partials(parts) == 2
    assert on_disk(served, parts) == ["a.json"]


def test_a_wrong_password_is_refused_in_french_without_the_password(served, parts):
    wrong = "mauvais-mot-de-passe-777"
    with WebDavHub(served[0], USER, wrong, timeout=5) as bad:
        for attempt in (bad.test, lambda: bad.put_new(parts, "f.json", b"x")):
            with pytest.raises(HubAuthError) as caught:
                attempt()
            message = str(caught.value)
            assert message == "Le nom d'utilisateur ou le mot de passe du serveur est refusé."
            assert wrong not in message and wrong not in repr(caught.value) and not caught.value.transient
        assert wrong not in repr(bad)


def test_the_connection_test_passes_and_keeps_nothing(hub, served):
    hub.test()
    assert [p.name for p in served[1].joinpath("atelier").iterdir() if ".part-" in p.name] == []


def test_plain_http_is_refused_off_loopback():
    for url in ("http://example.org/dav", "http://192.168.1.10/remote.php/dav", "ftp://example.org/"):
        with pytest.raises(ValueError) as caught:
            WebDavHub(url, USER, PASSWORD)
        assert "https://" in str(caught.value)
    for url in ("http://127.0.0.1:8080/", "http://localhost/dav", "http://[::1]:80/", "https://example.org/dav"):
        assert checked_url(url).endswith("/")
    with pytest.raises(ValueError) as caught:
        checked_url(f"https://{USER}:{PASSWORD}@example.org/")
    assert PASSWORD not in str(caught.value)


def test_a_server_that_is_not_there_is_a_transient_error(parts):
    with WebDavHub("http://127.0.0.1:9/", USER, PASSWORD, timeout=2) as nowhere:
        with pytest.raises(HubError) as caught:
            nowhere.put_new(parts, "f.json", b"x")
    assert caught.value.transient and "127.0.0.1" in str(caught.value)
