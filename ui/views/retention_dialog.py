"""People who no longer come, listed for the facilitator to confirm their anonymisation.

Shown after start-up when someone is past the retention period of the Réglages, found on
the worker (``ui.retention_offer``: start-up never waits for it), and from the Réglages at
any time. Each person has a box, ticked; « Anonymiser » anonymises the ticked ones, on
the worker. « Plus tard » is the default: at start-up it puts the question off a week.
"""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from atelier.i18n import _, plural
from atelier import retention
from atelier.mentions import ERASED
from atelier.retention import Inactive
from ui.theme import px
from ui.widgets.check import BigCheckBox
from ui.widgets.confirm import ConfirmDialog
from ui.words import short_date


class RetentionDialog(ConfirmDialog):
    def __init__(self, found: list[Inactive], years: int, parent: QWidget | None = None):
        title = plural(len(found), "{n} personne ne vient plus depuis plus de {years} ans",
                       "{n} personnes ne viennent plus depuis plus de {years} ans", years=years)
        message = _(
            "Cochez celles à anonymiser : leur nom, leurs coordonnées et leurs notes seront effacés, "
            "et leur nom deviendra « {erased} » dans les textes. Leurs présences restent comptées, sans "
            "nom, dans les chiffres pour les financeurs. Cela ne peut pas être annulé.\n"
            "Ce délai de {years} ans se change dans les Réglages."
        ).format(years=years, erased=ERASED)
        super().__init__(title, message, _("Anonymiser"), _("Plus tard"), danger=True, parent=parent)
        self.setObjectName("retention")
        self.found = list(found)
        self.boxes: list[BigCheckBox] = []
        for person in self.found:
            # The name alone in the box (a box does not wrap its words); the date beside it
            # wraps under itself at 200 % rather than widen the dialog past the screen.
            box = BigCheckBox(person.full_name)
            seen = _("dernière venue le {day}").format(day=short_date(person.last_seen))
            box.setAccessibleDescription(seen)
            box.setChecked(True)
            box.toggled.connect(self._ticked)
            when = QLabel(seen)
            when.setObjectName("muted")
            when.setWordWrap(True)
            row = QHBoxLayout()
            row.setSpacing(px(12))
            row.addWidget(box)
            row.addWidget(when, 1)
            self.body.addLayout(row)
            self.boxes.append(box)
        order = [*self.boxes, self.cancel_button, self.confirm_button]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    def chosen(self) -> list[str]:
        """The ids of the people ticked."""
        return [person.person_id for person, box in zip(self.found, self.boxes) if box.isChecked()]

    def _ticked(self) -> None:
        self.confirm_button.setEnabled(bool(self.chosen()))


def offer(ops, parent: QWidget, found: list[Inactive], years: int, at_start: bool = False) -> RetentionDialog:
    """Open the dialog over ``parent``; anonymise what is confirmed. At start-up,
    « Plus tard » (or closing) puts the question off a week."""
    dialog = RetentionDialog(found, years, parent)

    def finished(result: int) -> None:
        dialog.deleteLater()
        if result == ConfirmDialog.DialogCode.Accepted:
            ops.run(retention.anonymise, dialog.chosen(), parent=parent)
        elif at_start:
            ops.run(retention.postpone, ops.today(), parent=parent)

    dialog.finished.connect(finished)
    dialog.open()
    return dialog
