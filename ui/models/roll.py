"""The roll call as the screen holds it: one row per member, with their mark, and the
words for it.

The rows come from ``attendance.roll``; a mark the facilitator makes is shown at once
(``set_status``) while the worker writes it, and a reload from the database says which
rows changed, so that the screen redraws only those and the focus stays where it was.
The screen draws its own large rows: no Qt item view shows the roll, so it is a plain
class, not an item model.
"""


from atelier.i18n import N_, _, plural
from atelier import attendance
from atelier.attendance import ABSENT, EXCUSED, LATE, PRESENT, RollRow

# (masculine, feminine) — the roll says "Hélène Martin : présente".
_WORDS = {
    PRESENT: (N_("présent"), N_("présente")),
    ABSENT: (N_("absent"), N_("absente")),
    EXCUSED: (N_("excusé"), N_("excusée")),
    LATE: (N_("en retard"), N_("en retard")),
    None: (N_("pas encore pointé"), N_("pas encore pointée")),
}




def status_word(status: str | None, feminine: bool = False) -> str:
    return _(_WORDS[status][1 if feminine else 0])


def read_roll(db, session_id: str) -> tuple[list[RollRow], dict[str, str | None]]:
    """The roll and everyone's gender key, in one go (a quick read)."""
    return attendance.roll(db, session_id), attendance.genders(db, session_id)


def summary(counts: dict[str | None, int]) -> str:
    """'8 présents, 2 absents, 2 non pointés' (excused and late only when there are some)."""
    parts = [plural(counts[PRESENT], "{n} présent", "{n} présents")]
    if counts[LATE]:
        parts.append(plural(counts[LATE], "{n} en retard", "{n} en retard"))
    if counts[EXCUSED]:
        parts.append(plural(counts[EXCUSED], "{n} excusé", "{n} excusés"))
    parts.append(plural(counts[ABSENT], "{n} absent", "{n} absents"))
    parts.append(plural(counts[None], "{n} non pointé", "{n} non pointés"))
    return ", ".join(parts)


class Roll:
    def __init__(self):
        self._rows: list[RollRow] = []
        self._statuses: list[str | None] = []
        self._genders: dict[str, str | None] = {}

    def __len__(self) -> int:
        return len(self._rows)

    def reset(self, rows: list[RollRow], genders: dict[str, str | None]) -> list[int] | None:
        """New rows from the database: the rows that changed, or None if the people
        changed (the screen rebuilds its rows)."""
        self._genders = dict(genders)
        same_people = [r.participant_id for r in rows] == [r.participant_id for r in self._rows]
        changed = [i for i, r in enumerate(rows) if r != self._rows[i] or r.status != self._statuses[i]] \
            if same_people else None
        self._rows, self._statuses = list(rows), [r.status for r in rows]
        return changed

    def row(self, i: int) -> RollRow:
        return self._rows[i]

    def status(self, i: int) -> str | None:
        return self._statuses[i]

    def statuses(self) -> dict[str, str | None]:
        return {r.participant_id: s for r, s in zip(self._rows, self._statuses)}

    def row_of(self, participant_id: str) -> int:
        return next(i for i, r in enumerate(self._rows) if r.participant_id == participant_id)

    def set_status(self, i: int, status: str | None) -> bool:
        """Show a mark at once; True if it changed the row."""
        if self._statuses[i] == status:
            return False
        self._statuses[i] = status
        return True

    def feminine(self, i: int) -> bool:
        return self._genders.get(self._rows[i].participant_id) == "feminin"

    def spoken(self, i: int) -> str:
        """'Hélène Martin : présente'."""
        return _("{name} : {status}").format(
            name=self._rows[i].full_name, status=status_word(self._statuses[i], self.feminine(i)))

    def counts(self) -> dict[str | None, int]:
        counts: dict[str | None, int] = {s: 0 for s in (*attendance.STATUSES, None)}
        for status in self._statuses:
            counts[status] += 1
        return counts

    def summary(self) -> str:
        return summary(self.counts())
