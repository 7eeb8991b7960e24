"""Réglages, « Conservation des données »: how long people who no longer come are kept
(3 years by default), and who is past it now, with a way to anonymise them.

The choice is saved as it changes, through ``ops.run``. Past the period, the program
also asks at start-up (``ui.retention_offer``).
"""

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier import retention, settings
from ui.theme import px
from ui.views.look_setting import section
from ui.views.retention_dialog import offer
from ui.widgets.buttons import big_button
from ui.widgets.choice import BigChoice


def _years(n: int) -> str:
    if n == settings.RETENTION_DEFAULT:
        return plural(n, "{n} an (conseillé)", "{n} ans (conseillé)")
    return plural(n, "{n} an", "{n} ans")


class RetentionSetting(QWidget):
    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.found: list[retention.Inactive] = []
        self.dialog = None
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(6))

        section(column, _("Conservation des données"))
        question = QLabel(_("Garder les personnes qui ne viennent plus pendant :"))
        question.setWordWrap(True)
        self.years = BigChoice([(n, _years(n)) for n in settings.RETENTION_CHOICES])
        self.years.setAccessibleName(_("Durée de conservation après la dernière venue"))
        question.setBuddy(self.years)
        explained = QLabel(_(
            "Passé ce délai après leur dernière venue, Atelier propose au démarrage de les anonymiser : "
            "leur nom, leurs coordonnées et leurs notes sont effacés, leurs présences restent comptées "
            "dans les chiffres pour les financeurs."))
        explained.setObjectName("muted")
        explained.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.review_button = big_button(_("Voir et anonymiser…"),
                                        _("Voir les personnes qui ne viennent plus et les anonymiser"),
                                        on_click=self.review)
        row = QHBoxLayout()
        row.addWidget(self.years)
        row.addStretch(1)
        column.addWidget(question)
        column.addLayout(row)
        column.addWidget(explained)
        column.addSpacing(px(6))
        column.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addWidget(self.review_button)
        buttons.addStretch(1)
        column.addLayout(buttons)

        self.years.activated.connect(self._chosen)
        ops.watch(self, ("settings", "people", "attendance"), lambda _changes, _initiator: self.refresh())
        self.refresh()

    def controls(self) -> list[QWidget]:
        """In reading order, for the page's Tab chain."""
        return [self.years, self.review_button]

    def refresh(self) -> None:
        years = self.ops.read(settings.retention_years)
        self.years.set_key(years)
        self.found = self.ops.read(retention.inactive, self.ops.today(), years)
        if self.found:
            # Translators: {since} is « for more than 3 years »
            self.status.setText(plural(
                len(self.found), "{n} personne ne vient plus {since}.",
                "{n} personnes ne viennent plus {since}.", since=retention.gone_for(years)))
        else:
            self.status.setText(_("Personne ne dépasse ce délai pour l'instant."))
        self.review_button.setEnabled(bool(self.found))

    def _chosen(self, _index: int) -> None:
        self.ops.run(settings.set_retention_years, self.years.key(), parent=self)

    def review(self) -> None:
        if self.found:
            self.dialog = offer(self.ops, self, self.found, self.ops.read(settings.retention_years))
