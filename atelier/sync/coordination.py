"""The coordinator's figures: what every site's session summaries add up to, by month.

Read from ``hub_summaries`` (the highest version of each summary the pull kept). A
session counts when it took place, by the house's rule (``attendance.held_sql``):
not cancelled, and closed or with someone present; a deleted session's tombstone
never counts, and a newer version replaces an older one since only the highest is
kept. People are counted once by their keyed hash, which is the same at every site
sharing the association's secret: "people" of a month or of a period are different
people, wherever they came. Attendances count a person once per session.

One pass over the period: SQLite's JSON functions read the few fields needed from each
payload (the document is parsed once per row), and Python gathers the hashes by site
and month, so that every site and all of them come out of the same pass. ``make bench``
(bench/coordination.py) measures it on 100 devices × 5,000 summaries of 8 people: for
the 124,000 of the last twelve months, 2 to 3 s for every site at once, a quarter of a
second for one site (its index), 1 to 1.4 times a bare SQLite read of the same fields.
The screen reads it on the database worker, never on the main thread.
"""

import json
from dataclasses import dataclass, field
from datetime import date, timedelta

from atelier import settings
from atelier.db import Database
from atelier.exports.report import months_of
from atelier.sync import coordinator
from atelier.sync.push import site_folder
from atelier.sync.summaries import KIND

EVERY_SITE = None  # the scope of every site together


def held_sql(alias: str = "s") -> str:
    """SQL for "the hub summary ``alias`` is of a session that took place"."""
    field_of = lambda name: f"json_extract({alias}.payload, '$.{name}')"  # noqa: E731 - reads as the payload's field
    return (f"{alias}.kind = '{KIND}' AND {field_of('deleted')} IS NULL AND {field_of('status')} != 'cancelled' "
            f"AND ({field_of('status')} = 'done' OR {field_of('present')} > 0)")


@dataclass(frozen=True)
class Tally:
    """Sessions held, different people, minutes and attendances: of one month, or of a period."""

    month: str = ""  # "2026-03"; empty for a whole period
    sessions: int = 0
    people: int = 0
    minutes: int = 0
    attendances: int = 0

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 1)


@dataclass(frozen=True)
class Figures:
    site: str | None  # a site's folder on the hub, or EVERY_SITE
    months: list[Tally]  # every month of the period, the empty ones too
    total: Tally  # its people counted once over the whole period


@dataclass(frozen=True)
class Overview:
    """What the Coordination screen shows, for every site and for all of them at once."""

    first: date
    last: date
    sites: list[str]  # folders of the hub, in order
    figures: dict  # site (or EVERY_SITE) → Figures
    names: dict[str, str] = field(default_factory=dict)  # site folder → the name to show
    status: dict = field(default_factory=dict)  # coordinator.status(): devices, rejects

    def of(self, site: str | None) -> Figures:
        return self.figures.get(site) or _figures(site, [], months_of(self.first, self.last))


def last_twelve_months(today: date) -> tuple[date, date]:
    """From the first day of the month eleven months back to the last day of this one."""
    year, month = (today.year, today.month - 11) if today.month == 12 else (today.year - 1, today.month + 1)
    end = (today.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return date(year, month, 1), end


def sites(db: Database) -> list[str]:
    """Every site folder the coordinator heard from: files merged, summaries or refusals."""
    rows = db.execute("SELECT site FROM hub_checkpoints UNION SELECT site FROM hub_summaries "
                      "UNION SELECT site FROM hub_rejects ORDER BY site")
    return [site for (site,) in rows]


def site_names(db: Database) -> dict[str, str]:
    """Site folder → the name to show. The hub keeps only a folder made from the name
    (accents and capitals gone): this installation's own site gets its real name back,
    the others their folder in words ("mediatheque-jules-verne" → "Mediatheque jules verne")."""
    own = settings.get(db, settings.SITE) or ""
    names = {}
    for folder in sites(db):
        words = folder.replace("-", " ").strip()
        names[folder] = own if own and site_folder(own) == folder else words[:1].upper() + words[1:]
    return names


def figures(db: Database, first: date, last: date, site: str | None = EVERY_SITE) -> Figures:
    """The figures of one site, or of every site, from ``first`` to ``last`` (both included)."""
    cells = _cells(db, first, last, site)
    chosen = [cell for (where, _month), cell in cells.items() if site is EVERY_SITE or where == site]
    return _figures(site, chosen, months_of(first, last))


def overview(db: Database, first: date, last: date) -> Overview:
    """Every site's figures and all of them together, from one pass; the devices and rejects."""
    cells = _cells(db, first, last, EVERY_SITE)
    every_month = months_of(first, last)
    names = site_names(db)
    by_site = {site: _figures(site, [c for (where, _m), c in cells.items() if where == site], every_month)
               for site in names}
    by_site[EVERY_SITE] = _figures(EVERY_SITE, list(cells.values()), every_month)
    return Overview(first, last, list(names), by_site, names, coordinator.status(db))


@dataclass
class _Cell:
    """One site's month, while the pass runs."""

    month: str
    sessions: int = 0
    minutes: int = 0
    attendances: int = 0
    people: set = field(default_factory=set)


def _cells(db: Database, first: date, last: date, site: str | None) -> dict[tuple[str, str], _Cell]:
    """(site, month) → its tallies and the hashes of who came, for the held sessions."""
    where, parameters = f"{held_sql('s')} AND json_extract(s.payload, '$.date') BETWEEN ? AND ?", [
        first.isoformat(), last.isoformat()]
    if site is not EVERY_SITE:
        where += " AND s.site = ?"
        parameters.append(site)
    rows = db.execute(
        f"""
        SELECT s.site, substr(json_extract(s.payload, '$.date'), 1, 7), json_extract(s.payload, '$.duration_minutes'),
               json_extract(s.payload, '$.present'), json_extract(s.payload, '$.participants')
        FROM hub_summaries s WHERE {where}
        """,
        parameters,
    )
    cells: dict[tuple[str, str], _Cell] = {}
    for where_from, month, minutes, present, people in rows:
        cell = cells.get((where_from, month))
        if cell is None:
            cell = cells[(where_from, month)] = _Cell(month)
        cell.sessions += 1
        cell.minutes += minutes or 0
        cell.attendances += present or 0
        add = cell.people.add  # a hash seen again in the same month is not kept twice
        for person in json.loads(people or "[]"):
            if isinstance(person, dict) and (key := person.get("hash")):
                add(key)
    return cells


def _figures(site: str | None, cells: list[_Cell], every_month: list[str]) -> Figures:
    by_month: dict[str, list[_Cell]] = {}
    for cell in cells:
        by_month.setdefault(cell.month, []).append(cell)
    tallies, everyone = [], set()
    for month in every_month:
        found = by_month.get(month, [])
        people = set().union(*(c.people for c in found))
        everyone |= people
        tallies.append(Tally(month, sum(c.sessions for c in found), len(people), sum(c.minutes for c in found),
                             sum(c.attendances for c in found)))
    total = Tally("", sum(t.sessions for t in tallies), len(everyone), sum(t.minutes for t in tallies),
                  sum(t.attendances for t in tallies))
    return Figures(site, tallies, total)
