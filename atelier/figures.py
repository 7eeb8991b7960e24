"""The anonymous figures of the national reporting: who came, counted by age bracket,
gender and social status, in the national keys.

Written once: the funders' report and the sync's session summaries both count with
these, so the two always say the same for the same session.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import date

from atelier import attendance
from atelier.db import Database
from atelier.vocabulary import UNKNOWN, age_bracket, labels


@dataclass(frozen=True)
class Visitor:
    """What the figures know of someone who came: their id and national keys' sources."""

    participant_id: str
    birth_year: int | None
    age_bracket: str | None  # national key, when only the bracket is known
    gender: str | None
    social_status: str | None

    def keys(self, on: date) -> tuple[str, str, str]:
        """(age bracket, gender, social status) national keys, the age reached on ``on``."""
        if self.birth_year is not None:
            age = age_bracket(self.birth_year, on)
        else:
            age = self.age_bracket or UNKNOWN
        return age, self.gender or UNKNOWN, self.social_status or UNKNOWN


@dataclass(frozen=True)
class Breakdown:
    """Counts by every national key (zeros included, in the national order)."""

    by_age: dict[str, int]
    by_gender: dict[str, int]
    by_status: dict[str, int]


def tally(keys, counter: Counter) -> dict[str, int]:
    counts = {key: 0 for key in keys}
    for key, n in counter.items():
        counts[key] = counts.get(key, 0) + n  # an old, unknown key stays visible
    return counts


def breakdown(keys: list[tuple[str, str, str]]) -> Breakdown:
    """The counts of a list of (age, gender, status) keys, one a person."""
    return Breakdown(
        by_age=tally(labels("age_brackets"), Counter(k[0] for k in keys)),
        by_gender=tally(labels("gender"), Counter(k[1] for k in keys)),
        by_status=tally(labels("social_status"), Counter(k[2] for k in keys)),
    )


_VISITOR_COLUMNS = "p.id, p.birth_year, p.age_bracket, p.gender, p.social_status"


def came_between(db: Database, first: date, last: date) -> dict[str, list[Visitor]]:
    """session id → who came, for the sessions held from ``first`` to ``last``."""
    rows = db.execute(
        f"""
        SELECT a.session_id, {_VISITOR_COLUMNS}
        FROM attendance a JOIN sessions s ON s.id = a.session_id JOIN participants p ON p.id = a.participant_id
        WHERE s.date BETWEEN ? AND ? AND {attendance.held_sql("s")} AND {attendance.came_sql("a")}
        ORDER BY p.id
        """,
        [first.isoformat(), last.isoformat()],
    ).fetchall()
    found: dict[str, list[Visitor]] = {}
    for session_id, *person in rows:
        found.setdefault(session_id, []).append(Visitor(*person))
    return found


def came_to(db: Database, session_id: str) -> list[Visitor]:
    """Who came to one session (present or late), whatever the session's status."""
    rows = db.execute(
        f"""
        SELECT {_VISITOR_COLUMNS} FROM attendance a JOIN participants p ON p.id = a.participant_id
        WHERE a.session_id = ? AND {attendance.came_sql("a")} ORDER BY p.id
        """,
        [session_id],
    ).fetchall()
    return [Visitor(*row) for row in rows]


def of_session(visitors: list[Visitor], on: date) -> Breakdown:
    """A session's counts: everyone who came, their age on the session's day."""
    return breakdown([visitor.keys(on) for visitor in visitors])
