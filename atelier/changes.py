"""What a piece of core work changed, said by the core itself (Anki's OpChanges).

Every write in the domain notes the tables it wrote (``Database.wrote``); the front
door ``perform`` runs one operation and hands back its result with the ``Changes``
that were committed. Screens refresh from that and never guess; the sync reads the
same notes to re-queue the summaries a write has altered.
"""

from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

T = TypeVar("T")

# Which kind of data each table holds, as screens and the sync see it.
KIND_OF_TABLE = {
    "participants": "people",
    "groups": "groups",
    "group_members": "groups",
    "sessions": "sessions",
    "attendance": "attendance",
    "step_progress": "lessons",
    "exercise_results": "results",
    "settings": "settings",
    "outbox": "outbox",
    "outbox_pending": "outbox",
    "hub_summaries": "hub",
    "hub_checkpoints": "hub",
    "hub_files": "hub",
    "hub_rejects": "hub",
}


# NamedTuples, not dataclasses: both are defined at every start, and a dataclass costs
# six times as much to define (half a millisecond each).
class Changes(NamedTuple):
    people: bool = False
    groups: bool = False
    sessions: bool = False
    attendance: bool = False
    results: bool = False
    settings: bool = False
    lessons: bool = False  # steps covered in a session, lesson packs
    outbox: bool = False
    hub: bool = False  # what the coordinator gathered from the sites' files

    @classmethod
    def of_tables(cls, tables) -> "Changes":
        return cls(**{KIND_OF_TABLE[table]: True for table in tables})

    def __or__(self, other: "Changes") -> "Changes":
        return Changes(*(mine or theirs for mine, theirs in zip(self, other)))

    def __bool__(self) -> bool:
        return any(self)

    def any_of(self, *kinds: str) -> bool:
        return any(getattr(self, kind) for kind in kinds)


class Done(NamedTuple, Generic[T]):
    """An operation's result and what it changed."""

    value: T
    changes: Changes


def perform(db, work: Callable[..., T], *args: Any) -> Done[T]:
    """Run ``work(db, *args)`` and say what it committed; nothing is announced if it fails."""
    db.take_changes()  # whatever an earlier, unannounced write left
    value = work(db, *args)
    return Done(value, db.take_changes())
