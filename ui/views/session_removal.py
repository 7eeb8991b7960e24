"""The question before a session is deleted: what goes with it, and when to cancel instead."""

from PySide6.QtWidgets import QWidget

from atelier.i18n import _, plural
from atelier.session_removal import Removal
from atelier.sessions import Session
from ui.widgets.confirm import ConfirmDialog
from ui.words import long_date




def removal_words(removal: Removal) -> str:
    """What deleting takes away, in plain words."""
    parts = [_("Seulement si elle n'a jamais eu lieu (prévue par erreur ou en double). "
                "Sinon, annulez-la : elle restera dans l'historique.")]
    if removal.marks:
        parts.append(plural(removal.marks, "L'appel noté ({n} personne) sera effacé.",
                            "L'appel noté ({n} personnes) sera effacé."))
    if removal.summarised:
        parts.append(_("La coordination sera prévenue que cette séance n'existe plus."))
    return " ".join(parts)


def removal_dialog(parent: QWidget, session: Session, removal: Removal) -> ConfirmDialog:
    when = _("{day} à {time}").format(day=long_date(session.date, capital=False), time=session.start_time)
    dialog = ConfirmDialog(_("Supprimer la séance du {when} ?").format(when=when), removal_words(removal),
                           _("Supprimer la séance"), _("Non, la garder"), danger=True, parent=parent)
    dialog.setObjectName("removeSession")
    return dialog
