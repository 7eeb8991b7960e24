"""Dataclass records in and out of their tables.

The nouns (people, groups, sessions) keep their own rules and queries; the plain
INSERT, UPDATE and fetch-by-id they all need are written once here. Column names
are the dataclass's field names, which match the table's.
"""

from dataclasses import fields, replace
from functools import cache
from typing import TypeVar

from atelier.clock import utc_now
from atelier.db import Database

R = TypeVar("R")


@cache
def columns(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def from_row(cls: type[R], row) -> R:
    return cls(**dict(zip(columns(cls), row)))


def insert(db: Database, table: str, record: R) -> R:
    """Store a new record, stamped with its creation time."""
    now = utc_now()
    record = replace(record, created_at=now, updated_at=now)
    names = columns(type(record))
    with db.atomic():
        db.wrote(table)
        db.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [getattr(record, name) for name in names],
        )
    return record


def update(db: Database, table: str, record: R) -> R:
    """Store every field of an existing record but its id and creation time."""
    record = replace(record, updated_at=utc_now())
    editable = [name for name in columns(type(record)) if name not in ("id", "created_at")]
    with db.atomic():
        db.wrote(table)
        db.execute(
            f"UPDATE {table} SET {', '.join(name + ' = ?' for name in editable)} WHERE id = ?",
            [getattr(record, name) for name in editable] + [record.id],
        )
    return record


def get(db: Database, table: str, cls: type[R], record_id: str) -> R:
    row = db.execute(f"SELECT {', '.join(columns(cls))} FROM {table} WHERE id = ?", [record_id]).fetchone()
    if row is None:
        raise KeyError(record_id)
    return from_row(cls, row)
