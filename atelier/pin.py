"""The facilitator's PIN, which guards the way out of the learners' practice mode.

Stored hashed with scrypt and a random salt, never in clear. After five wrong tries in
a row, each further try waits a pause that doubles (30 s, 1 min, 2 min… up to 15 min),
kept in the settings so that restarting changes nothing. A forgotten code has two ways
back: the recovery code shown once when the first code is chosen (it opens once, and
the code must then be chosen again), and ``atelier pin reset`` on the command line:
whoever can run it on this PC already holds the data folder.
"""

import hashlib
import hmac
import os
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from atelier.db import Database

from atelier import settings
from atelier.i18n import _

KEY = "facilitator_pin"
RECOVERY = "facilitator_pin_recovery"
FAILURES = "facilitator_pin_failures"
PAUSED_UNTIL = "facilitator_pin_paused_until"
FREE_TRIES = 5  # wrong tries in a row before the first pause
FIRST_PAUSE_S, LONGEST_PAUSE_S = 30, 15 * 60
RECOVERY_DIGITS = 12  # shown in three groups of four: 4821-7730-1945
_N, _R, _P = 2**14, 8, 1


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def _stored(secret: str) -> str:
    salt = os.urandom(16)
    return f"scrypt${_N}${_R}${_P}${salt.hex()}${_hash(secret, salt).hex()}"


def _matches(stored: str | None, secret: str) -> bool:
    if stored is None:
        return False
    _scheme, n, r, p, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(secret.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    return hmac.compare_digest(candidate, bytes.fromhex(digest))


def set_pin(db: Database, pin: str) -> None:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValueError(_("Le code doit avoir de 4 à 8 chiffres."))
    settings.put(db, KEY, _stored(pin))


def has_pin(db: Database) -> bool:
    return settings.get(db, KEY) is not None


def check_pin(db: Database, pin: str) -> bool:
    return _matches(settings.get(db, KEY), pin)


def choose_pin(db: Database, pin: str) -> str | None:
    """Keep ``pin`` as the code; the first time (no code before), also a new recovery
    code, returned to be shown once (else None)."""
    with db.atomic():
        first = not has_pin(db)
        set_pin(db, pin)
        _forget_failures(db)
        if not first:
            return None
        code = "".join(secrets.choice("0123456789") for _ in range(RECOVERY_DIGITS))
        settings.put(db, RECOVERY, _stored(code))
        return "-".join(code[i:i + 4] for i in range(0, RECOVERY_DIGITS, 4))


def recovery_digits(text: str) -> str | None:
    """The digits of a recovery code as typed (spaces and dashes allowed), or None."""
    digits = re.sub(r"[\s\-.]", "", text or "")
    return digits if digits.isdigit() and len(digits) == RECOVERY_DIGITS else None


@dataclass(frozen=True)
class Answer:
    right: bool
    wait_s: int = 0  # seconds before the next try is heard (0: try again now)
    recovered: bool = False  # the recovery code was used: the code is gone, choose another


def _now(now: datetime | None) -> datetime:
    return now or datetime.now(timezone.utc)


def pause_s(failures: int) -> int:
    """The pause after ``failures`` wrong tries in a row: none for the first five."""
    if failures < FREE_TRIES:
        return 0
    return min(LONGEST_PAUSE_S, FIRST_PAUSE_S * 2 ** (failures - FREE_TRIES))


def waiting_s(db: Database, now: datetime | None = None) -> int:
    """Seconds left in the pause now under way (0 when a try is heard)."""
    until = settings.get(db, PAUSED_UNTIL)
    if not until:
        return 0
    try:
        left = (datetime.fromisoformat(until) - _now(now)).total_seconds()
    except ValueError:
        return 0
    return max(0, int(left + 0.999))


def attempt(db: Database, typed: str, now: datetime | None = None) -> Answer:
    """One try at the code (or at the recovery code). A try during a pause is not heard."""
    wait = waiting_s(db, now)
    if wait:
        return Answer(False, wait)
    if check_pin(db, typed):
        if settings.get(db, FAILURES):
            with db.atomic():
                _forget_failures(db)
        return Answer(True)
    digits = recovery_digits(typed)
    if digits is not None and _matches(settings.get(db, RECOVERY), digits):
        reset(db)  # opens once: the facilitator chooses a new code (and gets a new recovery code)
        return Answer(True, recovered=True)
    with db.atomic():
        failures = int(settings.get(db, FAILURES, "0") or 0) + 1
        settings.put(db, FAILURES, str(failures))
        pause = pause_s(failures)
        if pause:
            settings.put(db, PAUSED_UNTIL, (_now(now) + timedelta(seconds=pause)).isoformat(timespec="seconds"))
    return Answer(False, pause)


def _forget_failures(db: Database) -> None:
    db.wrote("settings")
    db.execute("DELETE FROM settings WHERE key IN (?, ?)", [FAILURES, PAUSED_UNTIL])


def reset(db: Database) -> bool:
    """Forget the code, its recovery code and any pause; True when there was a code."""
    with db.atomic():
        had = has_pin(db)
        db.wrote("settings")
        db.execute("DELETE FROM settings WHERE key IN (?, ?, ?, ?)", [KEY, RECOVERY, FAILURES, PAUSED_UNTIL])
        return had
