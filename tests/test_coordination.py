"""The coordinator's figures, from real summaries pushed by two real sites to a folder hub
and pulled: sessions held, different people (by keyed hash, across sites), hours and
attendances by month; cancelled and deleted sessions never count; a newer version
replaces the older one already pulled."""

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings as hypothesis_settings, strategies as st

from atelier import settings
from atelier.store import Store
from atelier.sync import coordination
from atelier.sync.coordination import EVERY_SITE, Tally
from tests.coordination_world import (
    FIRST, LAST, MEDIATHEQUE_FOLDER, TILLEULS, TILLEULS_FOLDER, close, correct_b2, make_coordinator, pull, push,
    pushed_sites,
)


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    """Both sites pushed and pulled once; then the Médiathèque's correction pushed and pulled."""
    root = tmp_path_factory.mktemp("coordination")
    hub, sites = pushed_sites(root)
    office = Store.open(root / "office")
    make_coordinator(office, hub)
    first = pull(office, hub)
    before = coordination.figures(office.db, FIRST, LAST)
    correct_b2(sites[1])
    push(sites[1], hub)
    second = pull(office, hub)
    yield {"office": office, "sites": sites, "hub": hub, "pulls": (first, second), "before": before}
    office.close()
    close(sites)


def test_every_site_by_month_with_people_counted_once_across_sites(world):
    found = coordination.figures(world["office"].db, FIRST, LAST)
    assert found.site is EVERY_SITE
    assert found.months == [
        Tally("2026-03", sessions=3, people=4, minutes=360, attendances=6),  # Hélène came to both sites
        Tally("2026-04", sessions=1, people=2, minutes=60, attendances=2),  # cancelled and deleted: not counted
    ]
    assert found.total == Tally("", sessions=4, people=4, minutes=420, attendances=8)
    assert found.total.hours == 7.0


def test_one_site_at_a_time(world):
    db = world["office"].db
    tilleuls_figures = coordination.figures(db, FIRST, LAST, TILLEULS_FOLDER)
    assert [(t.sessions, t.people, t.minutes, t.attendances) for t in tilleuls_figures.months] == [
        (2, 2, 240, 3), (0, 0, 0, 0)]
    mediatheque_figures = coordination.figures(db, FIRST, LAST, MEDIATHEQUE_FOLDER)
    assert mediatheque_figures.total == Tally("", sessions=2, people=3, minutes=180, attendances=5)
    # Sites add up, except people: Hélène is one person at two sites.
    assert tilleuls_figures.total.people + mediatheque_figures.total.people == 5
    assert coordination.figures(db, FIRST, LAST).total.people == 4


def test_a_newer_version_replaces_the_one_pulled_before(world):
    first, second = world["pulls"]
    assert (first.files_merged, first.summaries_new, second.files_merged, second.summaries_updated) == (2, 6, 1, 1)
    before = world["before"]
    assert before.months[1] == Tally("2026-04", sessions=1, people=1, minutes=60, attendances=1)
    version, payload = world["office"].db.execute(
        "SELECT version, payload FROM hub_summaries WHERE summary_id = ?", [world["sites"][1].sessions["b2"]]).fetchone()
    assert version == 2 and json.loads(payload)["present"] == 2


def test_cancelled_and_deleted_summaries_are_held_but_never_counted(world):
    db = world["office"].db
    tilleuls_site = world["sites"][0]
    payloads = {sid: json.loads(text) for sid, text in db.execute("SELECT summary_id, payload FROM hub_summaries")}
    assert payloads[tilleuls_site.sessions["a3"]]["status"] == "cancelled"
    assert payloads[tilleuls_site.sessions["a4"]]["deleted"] is True
    counted = {sid for (sid,) in db.execute(f"SELECT summary_id FROM hub_summaries s WHERE {coordination.held_sql('s')}")}
    assert tilleuls_site.sessions["a3"] not in counted and tilleuls_site.sessions["a4"] not in counted
    assert len(counted) == 4


def test_the_overview_gives_every_scope_from_one_pass_and_the_sites_names(world):
    db = world["office"].db
    seen = coordination.overview(db, FIRST, LAST)
    assert seen.sites == [TILLEULS_FOLDER, MEDIATHEQUE_FOLDER]
    for site in (EVERY_SITE, *seen.sites):
        assert seen.of(site) == coordination.figures(db, FIRST, LAST, site)
    assert seen.names == {MEDIATHEQUE_FOLDER: "Mediatheque jules verne", TILLEULS_FOLDER: "Maison des tilleuls"}
    assert [s["site"] for s in seen.status["sites"]] == seen.sites and seen.status["rejects"] == []
    assert seen.of("un-site-inconnu").total == Tally()


def test_this_installations_own_site_keeps_its_real_name(world, tmp_path):
    store = Store.open(tmp_path / "tilleuls-coordination")
    try:
        settings.put(store.db, settings.SITE, TILLEULS)
        store.db.execute("ATTACH ? AS office", [str(world["office"].path)])
        store.db.execute("INSERT INTO hub_checkpoints SELECT * FROM office.hub_checkpoints")
        store.db.execute("DETACH office")
        assert coordination.site_names(store.db)[TILLEULS_FOLDER] == TILLEULS
    finally:
        store.close()


def test_last_twelve_months_end_with_this_month():
    assert coordination.last_twelve_months(date(2026, 11, 27)) == (date(2025, 12, 1), date(2026, 11, 30))
    assert coordination.last_twelve_months(date(2026, 12, 3)) == (date(2026, 1, 1), date(2026, 12, 31))
    assert coordination.last_twelve_months(date(2024, 2, 10)) == (date(2023, 3, 1), date(2024, 2, 29))


# Open-ended input: summaries written straight into a coordinator's table, counted by hand.
visit = st.tuples(
    st.sampled_from(["nord", "sud", "est"]),  # site
    st.dates(date(2026, 1, 1), date(2026, 6, 30)),
    st.sampled_from(["done", "done", "planned", "cancelled", "deleted"]),
    st.integers(1, 240),  # minutes
    st.frozensets(st.integers(0, 7), max_size=5),  # who came
)


@hypothesis_settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(visit, max_size=25))
def test_the_figures_match_a_count_by_hand(store, summaries):
    db = store.db
    db.execute("DELETE FROM hub_summaries")
    for n, (site, day, status, minutes, who) in enumerate(summaries):
        people = [{"hash": f"{person:064x}"} for person in sorted(who)]
        payload = ({"summary_id": str(n), "deleted": True} if status == "deleted" else
                   {"summary_id": str(n), "date": day.isoformat(), "status": status, "duration_minutes": minutes,
                    "present": len(people), "participants": people})
        db.execute("INSERT INTO hub_summaries VALUES (?, ?, 'd', 'session-summary', 1, ?, 'f', 'now')",
                   [str(n), site, json.dumps(payload)])
    first, last = date(2026, 2, 1), date(2026, 5, 31)
    for scope in (EVERY_SITE, "nord", "sud"):
        counted = [v for v in summaries if first <= v[1] <= last and (scope is EVERY_SITE or v[0] == scope)
                   and (v[2] == "done" or v[2] == "planned" and v[4])]
        found = coordination.figures(db, first, last, scope)
        assert found.total == Tally("", len(counted), len(set().union(*(v[4] for v in counted))),
                                    sum(v[3] for v in counted), sum(len(v[4]) for v in counted))
        for tally in found.months:
            month = [v for v in counted if v[1].isoformat()[:7] == tally.month]
            assert (tally.sessions, tally.people) == (len(month), len(set().union(*(v[4] for v in month))))
