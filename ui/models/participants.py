"""Participants as a Qt list model: one large row each, optionally with a tick box."""

from typing import Any

from atelier.i18n import _
from atelier.people import Participant
from ui.models.big_rows import BigRowsModel
from ui.widgets.big_list import INITIALS_ROLE


class ParticipantsModel(BigRowsModel[Participant]):
    def person(self, row: int) -> Participant:
        return self.rows[row]

    def row_of(self, person_id: str) -> int:
        return next((i for i, p in enumerate(self.rows) if p.id == person_id), -1)

    def row_id(self, person: Participant) -> str:
        return person.id

    def title(self, person: Participant) -> str:
        return person.full_name

    def subtitle(self, person: Participant) -> str:
        return _("Fiche archivée") if person.archived_at else ""

    def extra(self, person: Participant, role: int) -> Any:
        return person.initials if role == INITIALS_ROLE else None
