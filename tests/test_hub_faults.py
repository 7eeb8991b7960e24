"""Faults between the WebDAV hub and a real server: whatever is cut, refused, delayed
or delivered twice, a retried put ends with exactly one final file with the right
bytes, and no .part once cleaned."""

import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atelier.sync.hub import ALREADY_THERE, STORED, HubError, HubAuthError, backoff_delay, with_retries
from atelier.sync.webdav import WebDavHub
from tests.hub_proxy import FaultProxy
from tests.hub_server import PASSWORD, USER, running_dav_server

DATA = b'{"summary": "' + b"x" * 50_000 + b'"}'  # large enough for a cut to land mid-body


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dav-faults")
    with running_dav_server(folder) as url:
        yield url, folder


@pytest.fixture(scope="module")
def proxy(served):
    port = int(served[0].rsplit(":", 1)[1].strip("/"))
    with FaultProxy(port, slow_seconds=0.8) as running:
        yield running


def put_through_faults(proxy, served, faults, timeout=5.0):
    """Plan the faults, put with retries, and check what the server really holds."""
    parts = ["site", f"device-{uuid.uuid4().hex[:8]}"]
    with WebDavHub(proxy.url, USER, PASSWORD, timeout=timeout) as hub:
        proxy.plan(*faults)
        outcome = with_retries(lambda: hub.put_new(parts, "1-1-abc.json", DATA),
                               attempts=len(faults) + 2, sleep=lambda seconds: None)
        put_requests = list(proxy.requests)
        proxy.plan()
        folder = served[1].joinpath("atelier", *parts)
        finals = [p.name for p in folder.iterdir() if ".part-" not in p.name]
        assert finals == ["1-1-abc.json"]
        assert (folder / "1-1-abc.json").read_bytes() == DATA
        hub.clean_partials(parts)
        assert sorted(p.name for p in folder.iterdir()) == ["1-1-abc.json"]
    return outcome, put_requests


@pytest.mark.parametrize("faults", [
    [("PUT", "503")], [("MOVE", "423")], [("PUT", "429")], [("MKCOL", "500")],
    [("PUT", "drop-before")], [("MOVE", "drop-before")],
    [("PUT", "cut-upload")],
    [("PUT", "twice")], [("MOVE", "twice")],
], ids=lambda faults: "-".join(f"{m}:{k}" for m, k in faults))
def test_a_transient_fault_is_retried_to_one_whole_file(proxy, served, faults):
    assert put_through_faults(proxy, served, faults)[0] in (STORED, ALREADY_THERE)


def test_a_connection_dropped_after_the_server_published_ends_already_there(proxy, served):
    """The client saw an error, but the file is there: the retry's MOVE gets 412 and the hash agrees."""
    outcome, requests = put_through_faults(proxy, served, [("MOVE", "drop-after")])
    assert outcome == ALREADY_THERE
    assert requests.count("PUT") == 2 and requests.count("MOVE") == 2 and "GET" in requests


def test_an_answer_later_than_the_timeout_is_retried(proxy, served):
    assert put_through_faults(proxy, served, [("MOVE", "slow")], timeout=0.4)[0] == ALREADY_THERE


def test_a_put_takes_two_requests_once_the_folder_exists(proxy, served):
    parts = ["site", f"device-{uuid.uuid4().hex[:8]}"]
    with WebDavHub(proxy.url, USER, PASSWORD, timeout=5) as hub:
        hub.ensure_folder(parts)
        proxy.plan()
        for number in range(3):
            assert hub.put_new(parts, f"1-{number}-abc.json", DATA) == STORED
        assert proxy.requests == ["PUT", "MOVE"] * 3


FAULTS = st.tuples(
    st.sampled_from(["MKCOL", "PUT", "MOVE", "GET", "DELETE"]),
    st.sampled_from(["500", "503", "423", "429", "drop-before", "drop-after", "twice"]),
) | st.just(("PUT", "cut-upload"))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(faults=st.lists(FAULTS, max_size=4))
def test_any_sequence_of_faults_ends_with_one_whole_file(proxy, served, faults):
    assert put_through_faults(proxy, served, faults)[0] in (STORED, ALREADY_THERE)


def test_only_transient_errors_are_retried_with_capped_jittered_backoff():
    waits, calls = [], []

    def flaky():
        calls.append(1)
        if len(calls) < 4:
            raise HubError("Le serveur est occupé.", transient=True)
        return "done"

    assert with_retries(flaky, attempts=5, base=1.0, cap=3.0, sleep=waits.append, random=lambda: 1.0) == "done"
    assert waits == [1.0, 2.0, 3.0]  # doubled, then capped

    def refused():
        calls.append(1)
        raise HubAuthError("Le nom d'utilisateur ou le mot de passe du serveur est refusé.")

    calls.clear()
    with pytest.raises(HubAuthError):
        with_retries(refused, sleep=waits.append)
    assert len(calls) == 1

    calls.clear()
    with pytest.raises(HubError):
        with_retries(lambda: calls.append(1) or flaky_forever(), attempts=3, sleep=lambda s: None)
    assert len(calls) == 3
    assert 0 <= backoff_delay(10, 0.2, 5.0, lambda: 0.5) == 2.5


def flaky_forever():
    raise HubError("Le serveur ne répond pas à temps.", transient=True)
