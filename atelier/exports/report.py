"""The funders' activity report, in the shape of the national digital-mediation report.

Per session: date, duration in minutes, place, title, themes and level (from the
module), number of participants and anonymous counts by age bracket, gender and social
status, keyed by the national keys (labels alongside), so that the figures can be
copied into the national reporting without translation. Totals and attendance per
month for the one-page summary.

A session counts when it took place: not cancelled, and closed or with someone marked
present. A participant is someone marked present or late. Both rules, and who is new,
are the house's, in ``atelier.attendance``.
"""

from dataclasses import dataclass, field
from datetime import date

from atelier.db import Database

from atelier import attendance, figures, settings
from atelier.exports.catalogue import module_index, module_title
from atelier.i18n import _
from atelier.vocabulary import labels

PEOPLE, ATTENDANCES = "people", "attendances"  # what the counts by age, gender and status count


@dataclass(frozen=True)
class ReportSession:
    session_id: str
    date: date
    start: str
    end: str
    duration_minutes: int
    place: str
    title: str  # the workshop (group) name, or the module's title
    module_title: str
    themes: list[str]  # national keys
    theme_labels: list[str]
    level: str | None  # national key
    level_label: str
    participants: int
    by_age: dict[str, int]  # every national age-bracket key, in the national order
    by_gender: dict[str, int]
    by_status: dict[str, int]


@dataclass(frozen=True)
class MonthCount:
    month: str  # "2026-03": data; named where it is shown (the locale's name in a PDF, a date cell in the XLSX)
    sessions: int
    attendances: int  # participants counted once per session


@dataclass(frozen=True)
class ReportTotals:
    sessions: int
    minutes: int
    unique_participants: int
    new_participants: int  # first session ever attended falls in the period (attendance.new_between)
    attendances: int
    by_age: dict[str, int]  # unique participants, age on the last day of the period (or attendances: see counted)
    by_gender: dict[str, int]
    by_status: dict[str, int]

    @property
    def hours(self) -> float:
        return round(self.minutes / 60, 2)


@dataclass(frozen=True)
class ActivityReport:
    association: str
    site: str
    first: date
    last: date
    sessions: list[ReportSession]
    totals: ReportTotals
    months: list[MonthCount]
    age_labels: dict[str, str]  # key → label, national order
    gender_labels: dict[str, str]
    status_labels: dict[str, str]
    generated_on: date
    counted: str = PEOPLE  # the totals by age, gender and status: of PEOPLE, or of ATTENDANCES (all sites)
    sites: list[str] = field(default_factory=list)  # the sites' names, when it covers several

    @property
    def period_label(self) -> str:
        return _("du {first} au {last}").format(first=self.first.strftime("%d/%m/%Y"),
                                                 last=self.last.strftime("%d/%m/%Y"))


def activity_report(db: Database, first: date, last: date, modules=None, today: date | None = None) -> ActivityReport:
    """The report for the sessions from ``first`` to ``last`` (both included)."""
    index = module_index(modules)
    ages, genders, statuses = labels("age_brackets"), labels("gender"), labels("social_status")
    by_session = figures.came_between(db, first, last)
    person_keys = {visitor.participant_id: visitor.keys(last)
                   for visitors in by_session.values() for visitor in visitors}

    rows, months = [], {}
    for held in attendance.held_between(db, first, last):
        session = held.session
        on = date.fromisoformat(session.date)
        info = index.get(session.module_id) if session.module_id else None
        visitors = by_session.get(session.id, [])
        counts = figures.of_session(visitors, on)
        title_of_module = module_title(index, session.module_id)
        rows.append(ReportSession(
            session_id=session.id, date=on, start=session.start_time, end=session.end_time,
            duration_minutes=session.duration_minutes, place=held.place, title=held.group_name or title_of_module,
            module_title=title_of_module,
            themes=list(info.themes) if info else [], theme_labels=info.theme_labels if info else [],
            level=info.level if info else None, level_label=info.level_label if info else "",
            participants=len(visitors),
            by_age=counts.by_age, by_gender=counts.by_gender, by_status=counts.by_status,
        ))
        month = session.date[:7]
        sessions_n, attendances_n = months.get(month, (0, 0))
        months[month] = (sessions_n + 1, attendances_n + len(visitors))

    everyone = figures.breakdown(list(person_keys.values()))
    totals = ReportTotals(
        sessions=len(rows),
        minutes=sum(r.duration_minutes for r in rows),
        unique_participants=len(person_keys),
        new_participants=attendance.new_between(db, first, last),
        attendances=sum(r.participants for r in rows),
        by_age=everyone.by_age, by_gender=everyone.by_gender, by_status=everyone.by_status,
    )
    return ActivityReport(
        association=settings.get(db, settings.ASSOCIATION, "") or "",
        site=settings.get(db, settings.SITE, "") or "",
        first=first, last=last, sessions=rows, totals=totals,
        months=[MonthCount(m, *months.get(m, (0, 0))) for m in months_of(first, last)],
        age_labels=ages, gender_labels=genders, status_labels=statuses,
        generated_on=today or date.today(),
    )


def months_of(first: date, last: date) -> list[str]:
    """Every month of the period ("2026-03"), empty ones included, so that the chart has no holes."""
    found, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        found.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found

