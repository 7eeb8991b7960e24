"""The funders' activity report of every site, or of one, from what the coordinator gathered.

The same ``ActivityReport`` as this PC's (``report.activity_report``), so the same
spreadsheet and PDF are written from it, but read from the session summaries of
``hub_summaries`` instead of the sessions of this database. A session counts by the
same rule (``coordination.held_sql``): held, not cancelled, not deleted, at its
latest version. What the summaries allow differs in three places, said in the report:

- people are counted once by their keyed hash, across every site of the scope;
- "new" participants are those whose first session of the scope falls in the period
  (a person new here but known at another site is not new to all sites);
- the counts by age, gender and status are of attendances (a summary counts those who
  came to it, not who they are), so ``counted`` is ATTENDANCES.
"""

import json
from collections import Counter
from datetime import date

from atelier import settings
from atelier.db import Database
from atelier.exports.report import ATTENDANCES, ActivityReport, MonthCount, ReportSession, ReportTotals, months_of
from atelier.figures import tally
from atelier.i18n import _
from atelier.sync.coordination import EVERY_SITE, held_sql, site_names
from atelier.vocabulary import label, labels


def hub_activity_report(db: Database, first: date, last: date, site: str | None = EVERY_SITE,
                        today: date | None = None) -> ActivityReport:
    """The report of ``site`` (a site folder), or of every site, from ``first`` to ``last``."""
    names = site_names(db)
    ages, genders, statuses = labels("age_brackets"), labels("gender"), labels("social_status")
    scope, parameters = _scope(site)
    rows = db.execute(
        f"""
        SELECT s.site, s.payload FROM hub_summaries s
        WHERE {scope} AND json_extract(s.payload, '$.date') BETWEEN ? AND ?
        ORDER BY json_extract(s.payload, '$.date'), json_extract(s.payload, '$.start'), s.site, s.summary_id
        """,
        [*parameters, first.isoformat(), last.isoformat()],
    )
    sessions, months, people = [], {}, set()
    by_age, by_gender, by_status = Counter(), Counter(), Counter()
    for where, text in rows:
        payload = json.loads(text)
        row = _session(payload, names.get(where, where) if site is EVERY_SITE else "", ages, genders, statuses)
        sessions.append(row)
        people.update(_hashes(payload))
        by_age.update(row.by_age)
        by_gender.update(row.by_gender)
        by_status.update(row.by_status)
        count, came = months.get(payload["date"][:7], (0, 0))
        months[payload["date"][:7]] = (count + 1, came + row.participants)
    totals = ReportTotals(
        sessions=len(sessions), minutes=sum(r.duration_minutes for r in sessions),
        unique_participants=len(people), new_participants=len(people - _seen_before(db, first, site)),
        attendances=sum(r.participants for r in sessions),
        by_age=tally(ages, by_age), by_gender=tally(genders, by_gender), by_status=tally(statuses, by_status),
    )
    covered = sorted(names.values()) if site is EVERY_SITE else []
    return ActivityReport(
        association=settings.get(db, settings.ASSOCIATION, "") or "",
        site=names.get(site, site) if site is not EVERY_SITE else _("tous les sites"),
        first=first, last=last, sessions=sessions, totals=totals,
        months=[MonthCount(m, *months.get(m, (0, 0))) for m in months_of(first, last)],
        age_labels=ages, gender_labels=genders, status_labels=statuses,
        generated_on=today or date.today(), counted=ATTENDANCES, sites=covered,
    )


def _scope(site: str | None) -> tuple[str, list]:
    """SQL for "a held session of the scope", and its parameters."""
    if site is EVERY_SITE:
        return held_sql("s"), []
    return f"{held_sql('s')} AND s.site = ?", [site]


def _session(payload: dict, site_name: str, ages, genders, statuses) -> ReportSession:
    """One summary as a row of the report; the site's name before the place when several sites are covered."""
    themes, level = list(payload.get("themes") or []), payload.get("level")
    place = payload.get("place") or ""
    if site_name:
        place = f"{site_name} — {place}" if place else site_name
    title = payload.get("module_title") or ""
    return ReportSession(
        session_id=payload["session_id"], date=date.fromisoformat(payload["date"]), start=payload["start"],
        end=payload["end"], duration_minutes=payload["duration_minutes"], place=place, title=title,
        module_title=title, themes=themes, theme_labels=[label("themes", key) for key in themes],
        level=level, level_label=label("workshop_level", level) if level else "",
        participants=payload["present"],
        by_age=tally(ages, Counter(payload["by_age"])), by_gender=tally(genders, Counter(payload["by_gender"])),
        by_status=tally(statuses, Counter(payload["by_status"])),
    )


def _hashes(payload: dict) -> set[str]:
    return {p["hash"] for p in payload.get("participants") or [] if isinstance(p, dict) and p.get("hash")}


def _seen_before(db: Database, first: date, site: str | None) -> set[str]:
    """The hashes of those who came to a held session of the scope before ``first``."""
    scope, parameters = _scope(site)
    rows = db.execute(
        f"""
        SELECT DISTINCT json_extract(p.value, '$.hash')
        FROM hub_summaries s, json_each(s.payload, '$.participants') p
        WHERE {scope} AND json_extract(s.payload, '$.date') < ?
        """,
        [*parameters, first.isoformat()],
    )
    return {key for (key,) in rows}
