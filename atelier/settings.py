"""Settings kept in the database, and the installation's identity.

Each installation has a ``device_id``, so that records from several PCs merge without
collisions. A file restored from a backup or copied to another place or PC gets a new
one: the identity is tied to a fingerprint of where the file lives.
"""

import hashlib
import platform
import uuid
from pathlib import Path

from sqlite_utils import Database

from atelier.clock import new_id

ASSOCIATION = "association_name"
SITE = "site_name"
FACILITATORS = "facilitators"
DEVICE_ID = "device_id"
_FINGERPRINT = "device_fingerprint"


def get(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def put(db: Database, key: str, value: str) -> None:
    with db.atomic():
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def fingerprint(path: Path) -> str:
    where = f"{platform.node()}|{uuid.getnode()}|{path.resolve()}"
    return hashlib.sha256(where.encode()).hexdigest()


def ensure_device_id(db: Database, path: Path) -> str:
    """The device_id, renewed when the file is no longer where it was made."""
    current = fingerprint(path)
    device_id = get(db, DEVICE_ID)
    if device_id is None or get(db, _FINGERPRINT) != current:
        device_id = new_id()
        with db.atomic():
            put(db, DEVICE_ID, device_id)
            put(db, _FINGERPRINT, current)
    return device_id


def renew_device_id(db: Database, path: Path) -> str:
    with db.atomic():
        put(db, DEVICE_ID, new_id())
        put(db, _FINGERPRINT, fingerprint(path))
    return get(db, DEVICE_ID)
