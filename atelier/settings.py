"""Settings kept in the database, and the installation's identity.

Each installation has a ``device_id``, so that records from several PCs merge without
collisions. A file restored from a backup or copied to another place or PC gets a new
one: the identity is tied to a fingerprint of where the file lives.
"""

import os
import sys
from pathlib import Path

from atelier.db import Database

from atelier.clock import new_id
from atelier.i18n import LANGUAGES, SOURCE, _

ASSOCIATION = "association_name"
SITE = "site_name"
TOWN = "town"  # the association's town: « Fait à … » on the attestations (a site's name is no town)
FACILITATORS = "facilitators"
DEVICE_ID = "device_id"
_FINGERPRINT = "device_fingerprint"


def get(db: Database, key: str, default: str | None = None) -> str | None:
    row = db.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return row[0] if row else default


def put(db: Database, key: str, value: str) -> None:
    with db.atomic():
        db.wrote("settings")
        db.execute(
            "INSERT INTO settings(key, value) VALUES (?, ?) "
            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )


def fingerprint(path: Path) -> str:
    """Which PC (name and network card) and which folder the file lives in."""
    computer = os.uname().nodename if hasattr(os, "uname") else os.environ.get("COMPUTERNAME", "")
    return f"{computer}|{network_node():012x}|{path.resolve()}"


def network_node() -> int:
    """``uuid.getnode()``: on Linux read as uuid itself reads it first (libuuid's time-based
    UUID), without importing uuid, which loads `platform` there (1.4 ms at every start)."""
    if sys.platform.startswith("linux"):
        try:
            from _uuid import generate_time_safe
        except ImportError:
            pass
        else:
            return int.from_bytes(generate_time_safe()[0][10:], "big")  # UUID(bytes=…).node
    import uuid

    return uuid.getnode()


def device_id_stale(db: Database, path: Path) -> bool:
    """True when the file has no device_id yet, or was copied or restored since."""
    return get(db, DEVICE_ID) is None or get(db, _FINGERPRINT) != fingerprint(path)


def ensure_device_id(db: Database, path: Path) -> str:
    """The device_id, renewed when the file is no longer where it was made."""
    current = fingerprint(path)
    device_id = get(db, DEVICE_ID)
    if device_id is None or get(db, _FINGERPRINT) != current:
        copied = device_id is not None
        device_id = new_id()
        with db.atomic():
            put(db, DEVICE_ID, device_id)
            put(db, _FINGERPRINT, current)
            if copied:
                _raise_version_floor(db)
    return device_id


def renew_device_id(db: Database, path: Path) -> str:
    with db.atomic():
        put(db, DEVICE_ID, new_id())
        put(db, _FINGERPRINT, fingerprint(path))
        _raise_version_floor(db)
    return get(db, DEVICE_ID)


# A restored or copied file does not know the summary versions its original sent after
# the copy was made: from then on its versions start above a floor the original, which
# counts from 1 by one, never reaches, so the coordinator keeps the restored one's
# corrections. Two copies made from one file are concurrent: each draws its own floor
# at random within the step, so they never say two things under one version.
VERSION_FLOOR = "summary_version_floor"
VERSION_STEP = 1_000_000


def version_floor(db: Database) -> int:
    try:
        return int(get(db, VERSION_FLOOR, "0") or 0)
    except ValueError:
        return 0


def _raise_version_floor(db: Database) -> None:
    import secrets  # here, not at start-up: it loads OpenSSL (3 MB)

    highest = db.execute("SELECT coalesce(max(version), 0) FROM outbox").fetchone()[0]
    floor = max(version_floor(db), highest)
    put(db, VERSION_FLOOR, str((floor // VERSION_STEP + 1) * VERSION_STEP + secrets.randbelow(VERSION_STEP // 2)))


def treat_as_copy(db: Database) -> None:
    """The file turned out to be an older copy (it forgot an erasure made since): its
    summaries' versions go above a new floor, as a restored file's do."""
    with db.atomic():
        _raise_version_floor(db)


# Per installation: how the screens look on this PC (the text size and the contrast).
TEXT_SCALE = "text_scale"
HIGH_CONTRAST = "high_contrast"
TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


def facilitators(db: Database) -> list[str]:
    """The facilitators' names, one a line in the settings table."""
    return [name.strip() for name in (get(db, FACILITATORS, "") or "").splitlines() if name.strip()]


def set_facilitators(db: Database, names: list[str]) -> None:
    """Keeps the order, drops blanks and repeats (the same name typed twice)."""
    kept: list[str] = []
    for name in (n.strip() for n in names):
        if name and name.casefold() not in {k.casefold() for k in kept}:
            kept.append(name)
    put(db, FACILITATORS, "\n".join(kept))


def text_scale(db: Database) -> float:
    """The text size, 1.0 (100 %) to 2.0 (200 %); a damaged value reads as 100 %."""
    try:
        value = float(get(db, TEXT_SCALE, "1") or "1")
    except ValueError:
        return 1.0
    return min(2.0, max(1.0, value)) if value == value else 1.0  # NaN reads as 100 %


def set_text_scale(db: Database, scale: float) -> None:
    put(db, TEXT_SCALE, f"{min(2.0, max(1.0, float(scale))):g}")


def high_contrast(db: Database) -> bool:
    return (get(db, HIGH_CONTRAST, "0") or "0") == "1"


def set_high_contrast(db: Database, on: bool) -> None:
    put(db, HIGH_CONTRAST, "1" if on else "0")


# Per installation: the program's language (atelier.i18n.LANGUAGES), French when none is saved.
LANGUAGE = "language"


def language(db: Database) -> str:
    """The language chosen in Réglages; a damaged or unknown value reads as French."""
    value = get(db, LANGUAGE, SOURCE) or SOURCE
    return value if value in LANGUAGES else SOURCE


def set_language(db: Database, code: str) -> None:
    if code not in LANGUAGES:
        raise ValueError(_("Atelier parle {languages}.").format(languages=", ".join(LANGUAGES.values())))
    put(db, LANGUAGE, code)


def add_facilitator(db: Database, name: str) -> list[str]:
    with db.atomic():
        set_facilitators(db, [*facilitators(db), name])
        return facilitators(db)


def remove_facilitator(db: Database, name: str) -> list[str]:
    with db.atomic():
        set_facilitators(db, [n for n in facilitators(db) if n != name])
        return facilitators(db)


# The sync: the association's secret, shared once between its PCs, keys the hashes that
# stand for people in the summaries; named summaries are the association's explicit choice.
SYNC_SECRET = "sync_secret"
NAMED_SUMMARIES = "named_summaries"
LEARNER_PROGRESS = "learner_progress_summaries"  # "1": each learner's exercise progress is summarised too
SECRET_MIN_LENGTH = 16


def sync_secret(db: Database) -> str:
    """The association's secret; a new random one the first time it is asked for."""
    secret = get(db, SYNC_SECRET)
    if not secret:
        import secrets  # here, not at start-up: it loads OpenSSL (3 MB)

        secret = secrets.token_urlsafe(24)
        put(db, SYNC_SECRET, secret)
    return secret


def set_sync_secret(db: Database, text: str) -> str:
    """The secret typed from another PC of the association (spaces around it dropped).

    Summaries already queued keep the hashes they were made with; later ones use this one.
    """
    secret = text.strip()
    if len(secret) < SECRET_MIN_LENGTH:
        raise ValueError(_("Le code secret de l'association doit faire au moins {n} caractères.")
                         .format(n=SECRET_MIN_LENGTH))
    put(db, SYNC_SECRET, secret)
    return secret


def named_summaries(db: Database) -> bool:
    """True when the association chose to send first and last names with the summaries."""
    return (get(db, NAMED_SUMMARIES, "0") or "0") == "1"


def set_named_summaries(db: Database, on: bool) -> None:
    put(db, NAMED_SUMMARIES, "1" if on else "0")


# The hub, where this installation's summaries go: a folder or a WebDAV address, and the
# user name. The password is never stored: ATELIER_HUB_PASSWORD or asked once per run.
HUB_ADDRESS = "hub_address"
HUB_USER = "hub_user"
HUB_COORDINATOR = "hub_coordinator"


def hub_address(db: Database) -> str | None:
    return get(db, HUB_ADDRESS) or None


def hub_user(db: Database) -> str:
    return get(db, HUB_USER, "") or ""


def is_coordinator(db: Database) -> bool:
    return (get(db, HUB_COORDINATOR, "0") or "0") == "1"


def set_hub(db: Database, address: str, user: str | None = None, coordinator: bool | None = None) -> None:
    """Save the hub's address; the user and the coordinator's role only when given."""
    with db.atomic():
        put(db, HUB_ADDRESS, address)
        if user is not None:
            put(db, HUB_USER, user)
        if coordinator is not None:
            put(db, HUB_COORDINATOR, "1" if coordinator else "0")


# How long people who no longer come are kept before Atelier offers to anonymise them (GDPR).
RETENTION_YEARS = "retention_years"
RETENTION_CHOICES = (1, 2, 3, 4, 5, 10)
RETENTION_DEFAULT = 3


def retention_years(db: Database) -> int:
    """Years after their last session; a damaged value reads as the default."""
    value = get(db, RETENTION_YEARS, "")
    return int(value) if value and value.isdigit() and int(value) in RETENTION_CHOICES else RETENTION_DEFAULT


def set_retention_years(db: Database, years: int) -> None:
    if years not in RETENTION_CHOICES:
        *some, last = RETENTION_CHOICES
        raise ValueError(_("La durée de conservation est de {some} ou {last} ans.").format(
            some=", ".join(str(c) for c in some), last=last))
    put(db, RETENTION_YEARS, str(years))


# Reading aloud, per installation: the speed (Qt's rate, -1 slowest to 1 fastest; a little
# slow by default, for learners who read along) and the voice's name ("" = the system's).
SPEECH_RATE = "speech_rate"
SPEECH_VOICE = "speech_voice"
SPEECH_RATES = (-0.5, -0.25, 0.0, 0.25)
DEFAULT_SPEECH_RATE = -0.25


def speech_rate(db: Database) -> float:
    """One of SPEECH_RATES; a damaged or unknown value reads as the default."""
    try:
        value = float(get(db, SPEECH_RATE, str(DEFAULT_SPEECH_RATE)) or DEFAULT_SPEECH_RATE)
    except ValueError:
        return DEFAULT_SPEECH_RATE
    return value if value in SPEECH_RATES else DEFAULT_SPEECH_RATE


def set_speech_rate(db: Database, rate: float) -> None:
    if rate not in SPEECH_RATES:
        raise ValueError(_("Cette vitesse de lecture n'existe pas."))
    put(db, SPEECH_RATE, f"{rate:g}")


def speech_voice(db: Database) -> str:
    return get(db, SPEECH_VOICE, "") or ""


def set_speech_voice(db: Database, name: str) -> None:
    put(db, SPEECH_VOICE, name.strip())


def speech_preferences(db: Database) -> tuple[float, str]:
    """What the speech service needs when it starts: the speed and the voice."""
    return speech_rate(db), speech_voice(db)
