"""People who no longer come, listed for the facilitator to confirm their anonymisation.

Shown after start-up when someone is past the retention period of the Réglages, found on
the worker (``ui.retention_offer``: start-up never waits for it), and from the Réglages at
any time. One list of tick boxes (a row a person, all ticked: a model, not widgets, so
that five hundred people open as fast as five); « Anonymiser » anonymises the ticked
ones, on the worker. « Plus tard » is the default: at start-up it puts the question off
a week.
"""

from PySide6.QtWidgets import QHBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier import retention
from atelier.mentions import ERASED
from atelier.retention import Inactive
from ui.models.inactive import InactiveModel
from ui.theme import px
from ui.widgets.big_list import BigList
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ConfirmDialog

FEW = 5  # past this many people, « Tout cocher » / « Tout décocher » show
ROWS_IN_SIGHT = 4  # the list asks for this many rows' height; the rest scrolls


class RetentionDialog(ConfirmDialog):
    def __init__(self, found: list[Inactive], years: int, parent: QWidget | None = None):
        since = retention.gone_for(years)
        # Translators: {since} is « for more than 3 years »
        title = plural(len(found), "{n} personne ne vient plus {since}",
                       "{n} personnes ne viennent plus {since}", since=since)
        message = _(
            "Cochez celles à anonymiser : leur nom, leurs coordonnées et leurs notes seront effacés, "
            "et leur nom deviendra « {erased} » dans les textes. Leurs présences restent comptées, sans "
            "nom, dans les chiffres pour les financeurs. Cela ne peut pas être annulé."
        ).format(erased=ERASED) + "\n" + plural(years, "Ce délai d'un an se change dans les Réglages.",
                                                "Ce délai de {n} ans se change dans les Réglages.")
        super().__init__(title, message, _("Anonymiser"), _("Plus tard"), danger=True, parent=parent)
        self.setObjectName("retention")
        self.found = list(found)
        self.model = InactiveModel(self)
        self.model.set_rows(self.found)
        self.model.check_all(True)
        self.list = BigList(_("Personnes à anonymiser"), parent=self)
        self.list.setModel(self.model)
        self.list.show_rows(ROWS_IN_SIGHT)
        # The list scrolls by itself, under the words and above the answers: never inside
        # the words' scroll area, which would scroll it away.
        self.outer.insertWidget(1, self.list, 1)
        self.outer.setStretchFactor(self.scroll, 0)  # room to spare goes to the list
        order: list[QWidget] = [self.list]
        if len(self.found) > FEW:
            self.check_all_button = big_button(_("Tout cocher"), on_click=lambda: self.model.check_all(True))
            self.uncheck_all_button = big_button(_("Tout décocher"), on_click=lambda: self.model.check_all(False))
            row = QHBoxLayout()
            row.setSpacing(px(12))
            row.addWidget(self.check_all_button)
            row.addWidget(self.uncheck_all_button)
            row.addStretch(1)
            self.outer.insertLayout(1, row)
            order = [self.check_all_button, self.uncheck_all_button, self.list]
        order += [self.cancel_button, self.confirm_button]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)
        self.model.checked_changed.connect(self._ticked)
        self._ticked()

    def fit_to_screen(self) -> None:
        # The list measures its rows at its width, known once the dialog has its own.
        super().fit_to_screen()
        self.outer.activate()
        self.list.updateGeometry()
        super().fit_to_screen()
        # Where the dialog is shorter than everything: two whole rows of the list first
        # (as far as the screen allows), then the words get the lines they need (the
        # layout alone would size them by their unwrapped hint), and the list the rest.
        self.list.setMinimumHeight(0)
        self.scroll.setMinimumHeight(0)
        room = (self.height() - self.outer.totalMinimumSize().height()
                + self.list.minimumSizeHint().height() + self.scroll.minimumSizeHint().height())
        rows = min(self.list.rows_height(2), room)
        margins = self.outer.contentsMargins()
        inner = (self.width() - margins.left() - margins.right() - self.scroll.verticalScrollBar().sizeHint().width()
                 - 2 * self.scroll.frameWidth())
        words = self.body.totalHeightForWidth(inner) + 2 * self.scroll.frameWidth()
        self.list.setMinimumHeight(max(0, rows))
        self.scroll.setMinimumHeight(max(0, min(words, room - rows)))
        self.outer.activate()  # laid out now with these, not at the next turn of the loop

    def chosen(self) -> list[str]:
        """The ids of the people ticked, in the list's order."""
        return [person.person_id for person in self.found if self.model.is_checked(person.person_id)]

    def _ticked(self) -> None:
        n = len(self.chosen())
        self.confirm_button.setEnabled(n > 0)
        if len(self.found) > FEW:
            self.check_all_button.setEnabled(n < len(self.found))
            self.uncheck_all_button.setEnabled(n > 0)


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
