"""Identifiers and timestamps shared by every table: UUID keys, UTC ISO-8601 times."""

import uuid
from datetime import datetime, timezone


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
