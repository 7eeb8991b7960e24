"""Identifiers and timestamps shared by every table: UUID keys, UTC ISO-8601 times."""

from datetime import date, datetime, timezone


def new_id() -> str:
    import uuid  # here: on Linux it loads `platform` too, 1.4 ms of every start that writes nothing

    return str(uuid.uuid4())


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def day_span(first: date | None, last: date | None) -> tuple[str, str]:
    """ISO bounds of a period, both days included, for ``BETWEEN ? AND ?``; a missing day leaves that side open."""
    return first.isoformat() if first else "0000-00-00", last.isoformat() if last else "9999-99-99"
