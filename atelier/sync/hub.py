"""The hub: the association's shared storage, where each device only ever appends.

Files live at ``<hub>/atelier/<site>/<device_id>/<name>``: the hub adds the
``atelier`` folder itself, callers pass ``parts = [site, device_id]``. Nobody
overwrites anybody and no file changes once it appears (restic's rule for dumb
storage), so every transport writes to a temporary name first and publishes under
the final name with an operation that refuses to replace: a reader sees either no
file or the whole file, never half of it.

Two transports share this small interface: ``FolderHub`` (``atelier.sync.folder``) and
``WebDavHub`` (``atelier.sync.webdav``). Errors carry a plain French message for the
facilitator, and say whether trying again later may help.
"""

from __future__ import annotations  # the hubs' method ``list`` shadows the builtin in annotations

import random as random_module
import time
from collections.abc import Callable
from typing import Protocol, TypeVar

from atelier.i18n import N_, _

STORED = "stored"
ALREADY_THERE = "already-there"  # the same bytes were delivered before: nothing to do
ROOT_FOLDER = "atelier"

T = TypeVar("T")


class HubError(Exception):
    """The hub could not do what was asked; ``message`` is plain French, for the screen."""

    def __init__(self, message: str, transient: bool = False):
        super().__init__(message)
        self.message = message
        self.transient = transient  # a timeout or a busy server: trying again may work


class HubConflict(HubError):
    """A different file already has the name: stop and report, never overwrite."""


class HubAuthError(HubError):
    """The server refused the user name or the password (401, 403)."""


AUTH_REFUSED = N_("Le nom d'utilisateur ou le mot de passe du serveur est refusé.")  # translated at use


class Hub(Protocol):
    def ensure_folder(self, parts: list[str]) -> None: ...

    def put_new(self, parts: list[str], name: str, data: bytes) -> str:
        """Publish ``data`` under a new name: STORED, or ALREADY_THERE if those very
        bytes are there; raises HubConflict if different bytes have the name."""

    def list(self, parts: list[str]) -> list[str]:
        """Names of the finished files and folders, sorted; temporary files left out."""

    def read(self, parts: list[str], name: str) -> bytes: ...

    def clean_partials(self, parts: list[str]) -> int:
        """Delete the temporary files a cut write left; call it when no write of this
        device is under way (at the start of a sync run). Returns how many went."""

    def test(self) -> None:
        """Check the hub answers and can be written; raises HubError otherwise."""

    def close(self) -> None: ...


def is_temporary(name: str) -> bool:
    """A write under way or cut short: ``*.partial`` (folder) or ``*.part-<random>`` (WebDAV)."""
    return name.endswith(".partial") or ".part-" in name


def checked_parts(parts: list[str]) -> list[str]:
    """Each part is one plain folder name: nothing can climb out of the hub's folder."""
    for part in parts:
        checked_name(part)
    return list(parts)


def checked_name(name: str) -> str:
    if not name or name in (".", "..") or any(c in name for c in "/\\\0") or name.startswith("."):
        raise ValueError(_("Nom de fichier ou de dossier refusé pour le serveur : « {name} ».").format(name=name))
    return name


def backoff_delay(attempt: int, base: float, cap: float, random: Callable[[], float]) -> float:
    """Full jitter (AWS's advice): a random wait up to a capped exponential, so that
    devices which failed together do not come back together."""
    return random() * min(cap, base * (2 ** attempt))


def with_retries(
    fn: Callable[[], T],
    attempts: int = 5,
    base: float = 0.2,
    cap: float = 5.0,
    sleep: Callable[[float], None] = time.sleep,
    random: Callable[[], float] = random_module.random,
) -> T:
    """Call ``fn`` until it succeeds, retrying only transient HubErrors (timeouts, lost
    connections, 5xx, 423, 429); anything else, or the last failure, goes up."""
    for attempt in range(attempts):
        try:
            return fn()
        except HubError as error:
            if not error.transient or attempt == attempts - 1:
                raise
            sleep(backoff_delay(attempt, base, cap, random))
    raise AssertionError("unreachable: the loop returns or raises")
