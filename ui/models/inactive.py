"""The people past the retention period as a list of tick boxes: the name, and when
they last came."""

from atelier.i18n import _
from atelier.retention import Inactive
from ui.models.big_rows import BigRowsModel
from ui.words import short_date


class InactiveModel(BigRowsModel[Inactive]):
    def __init__(self, parent=None):
        super().__init__(checkable=True, parent=parent)

    def row_id(self, person: Inactive) -> str:
        return person.person_id

    def title(self, person: Inactive) -> str:
        return person.full_name

    def subtitle(self, person: Inactive) -> str:
        return _("dernière venue le {day}").format(day=short_date(person.last_seen))
