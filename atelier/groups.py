"""Groups: a workshop series, with its members."""

from dataclasses import dataclass, field

from atelier.db import Database

from atelier import records
from atelier.clock import new_id, utc_now
from atelier.i18n import _
from atelier import people
from atelier.people import Participant


@dataclass(frozen=True)
class Group:
    name: str
    place: str = ""
    weekday: int | None = None  # 0 = Monday
    start_time: str | None = None  # "14:00", local time of the workshop
    end_time: str | None = None
    archived_at: str | None = None
    id: str = field(default_factory=new_id)
    created_at: str = ""
    updated_at: str = ""


_COLUMNS = records.columns(Group)


def _minutes(value: str) -> int:
    try:
        hours, minutes = map(int, value.split(":"))
        if not (0 <= hours < 24 and 0 <= minutes < 60):
            raise ValueError
    except ValueError:
        raise ValueError(_("Heure invalide : {value} (attendu : 14:00)").format(value=value)) from None
    return hours * 60 + minutes


def validate(group: Group) -> None:
    if not group.name.strip():
        raise ValueError(_("Le nom du groupe est obligatoire."))
    if group.weekday is not None and group.weekday not in range(7):
        raise ValueError(_("Jour invalide : {value}").format(value=group.weekday))
    times = [_minutes(t) for t in (group.start_time, group.end_time) if t]
    if len(times) == 2 and times[1] <= times[0]:
        raise ValueError(_("L'heure de fin doit être après l'heure de début."))


def add(db: Database, group: Group) -> Group:
    validate(group)
    return records.insert(db, "groups", group)


def update(db: Database, group: Group) -> Group:
    validate(group)
    with db.atomic():
        # its place is the place of its sessions that have none of their own: their summaries may change
        held = [row[0] for row in db.execute("SELECT id FROM sessions WHERE group_id = ?", [group.id])]
        db.wrote("groups", sessions=held)
        return records.update(db, "groups", group)


def get(db: Database, group_id: str) -> Group:
    return records.get(db, "groups", Group, group_id)


def every(db: Database, include_archived: bool = False) -> list[Group]:
    where = "" if include_archived else "WHERE archived_at IS NULL"
    rows = db.execute(f"SELECT {', '.join(_COLUMNS)} FROM groups {where} ORDER BY name COLLATE NOCASE").fetchall()
    return [records.from_row(Group, row) for row in rows]


def archive(db: Database, group_id: str) -> None:
    now = utc_now()
    with db.atomic():
        db.wrote("groups")
        db.execute("UPDATE groups SET archived_at = ?, updated_at = ? WHERE id = ?", [now, now, group_id])


def add_member(db: Database, group_id: str, participant_id: str) -> None:
    with db.atomic():
        db.wrote("group_members")
        db.execute(
            "INSERT OR IGNORE INTO group_members(group_id, participant_id, joined_at) VALUES (?, ?, ?)",
            [group_id, participant_id, utc_now()],
        )


def remove_member(db: Database, group_id: str, participant_id: str) -> None:
    with db.atomic():
        db.wrote("group_members")
        db.execute("DELETE FROM group_members WHERE group_id = ? AND participant_id = ?", [group_id, participant_id])


def members(db: Database, group_id: str) -> list[Participant]:
    columns = ", ".join(f"p.{c}" for c in people._COLUMNS)
    rows = db.execute(
        f"SELECT {columns} FROM participants p JOIN group_members m ON m.participant_id = p.id "
        "WHERE m.group_id = ? AND p.archived_at IS NULL "
        "ORDER BY p.last_name COLLATE NOCASE, p.first_name COLLATE NOCASE",
        [group_id],
    ).fetchall()
    return [records.from_row(Participant, row) for row in rows]


def unarchive(db: Database, group_id: str) -> None:
    with db.atomic():
        db.wrote("groups")
        db.execute("UPDATE groups SET archived_at = NULL, updated_at = ? WHERE id = ?", [utc_now(), group_id])


def member_counts(db: Database) -> dict[str, int]:
    """Group id → number of members still on the lists (archived people left out)."""
    rows = db.execute(
        "SELECT m.group_id, count(*) FROM group_members m JOIN participants p ON p.id = m.participant_id "
        "WHERE p.archived_at IS NULL GROUP BY m.group_id"
    ).fetchall()
    return dict(rows)


def add_members(db: Database, group_id: str, participant_ids: list[str]) -> None:
    """Several people join at once, all or none."""
    with db.atomic():
        for participant_id in participant_ids:
            add_member(db, group_id, participant_id)


def add_new_member(db: Database, group_id: str, person: Participant) -> Participant:
    """A person created on the spot joins the group, in one transaction."""
    with db.atomic():
        person = people.add(db, person)
        add_member(db, group_id, person.id)
    return person


def add_known_member(db: Database, group_id: str, participant_id: str) -> None:
    """A person already known joins the group, brought back from the archive if need be."""
    with db.atomic():
        if people.get(db, participant_id).archived_at:
            people.unarchive(db, participant_id)
        add_member(db, group_id, participant_id)


def named(db: Database, name: str) -> list[Group]:
    """The groups, archived ones too, called exactly ``name`` (case aside)."""
    rows = db.execute(
        f"SELECT {', '.join(_COLUMNS)} FROM groups WHERE name = ? COLLATE NOCASE ORDER BY name", [name]
    ).fetchall()
    return [records.from_row(Group, row) for row in rows]
