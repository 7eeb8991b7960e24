"""What the home screen says of the sync: its state, apart from the runner (``ui.sync_runner``),
which loads the hub's code and starts after the first screen is painted."""

from typing import NamedTuple

NONE, SYNCED, OFFLINE, ERROR, NEVER = "none", "synced", "offline", "error", "never"


class SyncState(NamedTuple):  # not a dataclass: made at every start, a sixth of the cost
    kind: str  # NONE (no hub), SYNCED, NEVER (nothing sent yet), OFFLINE, ERROR
    pending: int = 0
    last_success: str | None = None  # ISO time
    message: str = ""  # the hub's French words, for ERROR and OFFLINE
    running: bool = False
