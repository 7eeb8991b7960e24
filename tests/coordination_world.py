"""Two sites that push real closed sessions to a real folder hub, and a coordinator that
pulls them: the known world of the Coordination tests (figures, screen, exports).

Maison des Tilleuls (one PC) and Médiathèque Jules Verne (one PC) share the association's
secret; Hélène comes to both (the same person: the same id, so the same keyed hash).

    Tilleuls      2026-03-03 14:00-16:00  Hélène, Gérard                 held
                  2026-03-10 14:00-16:00  Gérard (Hélène absent)         held
                  2026-04-07 14:00-15:30  Hélène                         closed, then cancelled
                  2026-04-14 14:00-16:00  Gérard                         closed, then deleted
    Médiathèque   2026-03-05 10:00-12:00  Hélène, Bernard, Chantal (late) held
                  2026-04-02 10:00-11:00  Bernard, then Chantal added     held, corrected after a pull
"""

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from atelier import attendance, groups, people, sessions, settings
from atelier.store import Store
from atelier.sync import coordinator, push as pushing, summaries
from atelier.sync.folder import FolderHub

SECRET = "le-code-secret-des-amis-du-quartier"
HELENE_ID = "0c8a7d1e-4f5b-4a57-9d44-3a1f2b6c7e90"
TILLEULS, MEDIATHEQUE = "Maison des Tilleuls", "Médiathèque Jules Verne"
TILLEULS_FOLDER, MEDIATHEQUE_FOLDER = "maison-des-tilleuls", "mediatheque-jules-verne"
NO_WAIT = {"sleep": lambda _seconds: None}


@dataclass
class Site:
    store: Store
    people: dict[str, str] = field(default_factory=dict)  # first name → id
    sessions: dict[str, str] = field(default_factory=dict)  # short name → id


def open_site(folder: Path, name: str) -> Site:
    store = Store.open(folder)
    settings.put(store.db, settings.ASSOCIATION, "Les Amis du Quartier")
    settings.put(store.db, settings.SITE, name)
    settings.set_sync_secret(store.db, SECRET)
    return Site(store)


def person(site: Site, first: str, last: str, person_id: str | None = None, **details) -> None:
    made = people.Participant(first, last, **details) if person_id is None else people.Participant(
        first, last, id=person_id, **details)
    site.people[first] = people.add(site.store.db, made).id


def held(site: Site, key: str, day: str, start: str, end: str, marks: dict[str, str], module: str = "la-souris"):
    """A session of the site's group, marked and closed (its summary queued)."""
    db = site.store.db
    group = groups.every(db)[0]
    made = sessions.add(db, sessions.Session(day, start, end, group.id, module_id=module))
    attendance.set_statuses(db, made.id, {site.people[first]: status for first, status in marks.items()})
    summaries.close_session(db, made.id, "")
    site.sessions[key] = made.id


def delete_session(site: Site, key: str) -> None:
    """As erasure does it: the session goes, and its summary becomes a tombstone."""
    db, session_id = site.store.db, site.sessions[key]
    with db.atomic():
        db.wrote("sessions", "attendance", sessions=[session_id])
        db.execute("DELETE FROM attendance WHERE session_id = ?", [session_id])
        db.execute("DELETE FROM step_progress WHERE session_id = ?", [session_id])
        db.execute("DELETE FROM sessions WHERE id = ?", [session_id])


def tilleuls(folder: Path) -> Site:
    site = open_site(folder, TILLEULS)
    groups.add(site.store.db, groups.Group("Débutants", place="Salle informatique"))
    person(site, "Hélène", "Vasseur", HELENE_ID, birth_year=1950, gender="feminin", social_status="retraite")
    person(site, "Gérard", "Lemoine", birth_year=1948, gender="masculin", social_status="retraite")
    held(site, "a1", "2026-03-03", "14:00", "16:00", {"Hélène": "present", "Gérard": "present"})
    held(site, "a2", "2026-03-10", "14:00", "16:00", {"Gérard": "present", "Hélène": "absent"})
    held(site, "a3", "2026-04-07", "14:00", "15:30", {"Hélène": "present"})
    sessions.cancel(site.store.db, site.sessions["a3"])
    held(site, "a4", "2026-04-14", "14:00", "16:00", {"Gérard": "present"})
    delete_session(site, "a4")
    return site


def mediatheque(folder: Path) -> Site:
    site = open_site(folder, MEDIATHEQUE)
    groups.add(site.store.db, groups.Group("Tablettes", place="Salle du conte"))
    person(site, "Hélène", "Vasseur", HELENE_ID, birth_year=1950, gender="feminin", social_status="retraite")
    person(site, "Bernard", "Roux", birth_year=1960, gender="masculin", social_status="retraite")
    person(site, "Chantal", "Petit", age_bracket="soixante_dix_plus")
    held(site, "b1", "2026-03-05", "10:00", "12:00",
         {"Hélène": "present", "Bernard": "present", "Chantal": "late"}, module="le-clavier")
    held(site, "b2", "2026-04-02", "10:00", "11:00", {"Bernard": "present"}, module="le-clavier")
    return site


def push(site: Site, hub_root: Path) -> None:
    db = site.store.db
    report = pushing.push(db, FolderHub(hub_root), settings.get(db, settings.SITE), site.store.device_id, **NO_WAIT)
    assert report.error is None


def pushed_sites(root: Path) -> tuple[Path, list[Site]]:
    """The hub folder ``root/partage`` with both sites' files in it; the sites stay open."""
    hub = root / "partage"
    hub.mkdir()
    sites = [tilleuls(root / "tilleuls"), mediatheque(root / "mediatheque")]
    for site in sites:
        push(site, hub)
    return hub, sites


def close(sites: list[Site]) -> None:
    for site in sites:
        site.store.close()


def correct_b2(site: Site) -> None:
    """Chantal came after all: the summary's version 2 (present 2)."""
    attendance.mark(site.store.db, site.sessions["b2"], site.people["Chantal"], attendance.PRESENT)


def make_coordinator(store: Store, hub_root: Path) -> None:
    settings.put(store.db, settings.ASSOCIATION, "Les Amis du Quartier")
    settings.put(store.db, settings.SITE, "Bureau de l'association")
    settings.set_hub(store.db, str(hub_root), coordinator=True)


def pull(store: Store, hub_root: Path) -> coordinator.PullReport:
    return coordinator.pull(store.db, FolderHub(hub_root), **NO_WAIT)


FIRST, LAST = date(2026, 3, 1), date(2026, 4, 30)
