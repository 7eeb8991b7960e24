"""The question before a session is deleted: what goes with it, and when to cancel instead."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from atelier.session_removal import Removal
from atelier.sessions import Session
from ui.widgets.confirm import ConfirmDialog
from ui.words import french_date, plural


def tr(text: str) -> str:
    return QCoreApplication.translate("SessionRemoval", text)


def removal_words(removal: Removal) -> str:
    """What deleting takes away, in plain words."""
    parts = [tr("Seulement si elle n'a jamais eu lieu (prévue par erreur ou en double). "
                "Sinon, annulez-la : elle restera dans l'historique.")]
    if removal.marks:
        parts.append(plural(removal.marks, tr("L'appel noté ({n} personne) sera effacé."),
                            tr("L'appel noté ({n} personnes) sera effacé.")))
    if removal.summarised:
        parts.append(tr("La coordination sera prévenue que cette séance n'existe plus."))
    return " ".join(parts)


def removal_dialog(parent: QWidget, session: Session, removal: Removal) -> ConfirmDialog:
    when = tr("{day} à {time}").format(day=french_date(session.date, capital=False), time=session.start_time)
    dialog = ConfirmDialog(tr("Supprimer la séance du {when} ?").format(when=when), removal_words(removal),
                           tr("Supprimer la séance"), tr("Non, la garder"), danger=True, parent=parent)
    dialog.setObjectName("removeSession")
    return dialog
