"""« Commencer » a session planned for another day: it takes place today, or this PC's
date is wrong. One question, three short answers (they fit side by side at 200 %):
« Aujourd'hui » (the session's date becomes today's), its planned day (kept as it is),
or « Annuler »."""

from datetime import date

from PySide6.QtWidgets import QWidget

from atelier.i18n import _
from atelier.sessions import Session
from ui.widgets.buttons import big_button
from ui.widgets.confirm import ConfirmDialog
from ui.words import day_and_month, long_date

KEEP = 2  # the dialog's result for « its planned day »; Accepted (1) is « today »


class StartDayDialog(ConfirmDialog):
    def __init__(self, session: Session, today: date, parent: QWidget | None = None):
        planned = long_date(session.date, capital=False)
        super().__init__(
            _("Cette séance est prévue le {day}.").format(day=planned),
            _("Pour ce PC, nous sommes le {today}. Elle a lieu aujourd'hui ? Choisissez « Aujourd'hui » : "
                    "sa date changera. Le PC n'est pas à la bonne date ? Choisissez « {kept} » : "
                    "sa date ne changera pas.").format(today=long_date(today, capital=False), kept=self.kept(session)),
            _("Aujourd'hui"), parent=parent, enter_confirms=True)
        self.setObjectName("startDay")
        self.confirm_button.setAccessibleName(_("La séance a lieu aujourd'hui : changer sa date"))
        self.keep_button = big_button(self.kept(session), name=_("Garder la date prévue et ouvrir l'appel"),
                                      on_click=lambda: self.done(KEEP))
        self.buttons.insertWidget(self.buttons.indexOf(self.confirm_button), self.keep_button)

    @staticmethod
    def kept(session: Session) -> str:
        """'Le 1er décembre': the answer that keeps the planned day."""
        return _("Le {day}").format(day=day_and_month(session.date))  # without the weekday: a short button
