"""The facilitator's PIN, which guards the way out of the learners' practice mode.

Stored hashed with scrypt and a random salt, never in clear.
"""

import hashlib
import hmac
import os

from atelier.db import Database

from atelier import settings
from atelier.i18n import _

KEY = "facilitator_pin"
_N, _R, _P = 2**14, 8, 1


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def set_pin(db: Database, pin: str) -> None:
    if not (pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValueError(_("Le code doit avoir de 4 à 8 chiffres."))
    salt = os.urandom(16)
    settings.put(db, KEY, f"scrypt${_N}${_R}${_P}${salt.hex()}${_hash(pin, salt).hex()}")


def has_pin(db: Database) -> bool:
    return settings.get(db, KEY) is not None


def check_pin(db: Database, pin: str) -> bool:
    stored = settings.get(db, KEY)
    if stored is None:
        return False
    _scheme, n, r, p, salt, digest = stored.split("$")
    candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32)
    return hmac.compare_digest(candidate, bytes.fromhex(digest))
