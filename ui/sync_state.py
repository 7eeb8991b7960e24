"""What the home screen says of the sync: its state, apart from the runner (``ui.sync_runner``),
which loads the hub's code and starts after the first screen is painted."""

from dataclasses import dataclass

NONE, SYNCED, OFFLINE, ERROR, NEVER = "none", "synced", "offline", "error", "never"


@dataclass(frozen=True)
class SyncState:
    kind: str  # NONE (no hub), SYNCED, NEVER (nothing sent yet), OFFLINE, ERROR
    pending: int = 0
    last_success: str | None = None  # ISO time
    message: str = ""  # the hub's French words, for ERROR and OFFLINE
    running: bool = False
