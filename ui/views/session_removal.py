"""The question before a session is deleted: what goes with it, and when to cancel instead."""

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from atelier.session_removal import Removal
from ui.widgets.confirm import ConfirmDialog
from ui.words import plural


def tr(text: str) -> str:
    return QCoreApplication.translate("SessionRemoval", text)


def removal_words(removal: Removal) -> str:
    """What deleting takes away, in plain words."""
    parts = [tr("Supprimez une séance seulement si elle n'a jamais eu lieu (prévue par erreur ou en double). "
                "Une séance qui n'a pas eu lieu comme prévu peut être annulée : elle reste dans l'historique.")]
    if removal.marks:
        parts.append(plural(removal.marks, tr("L'appel noté ({n} personne) sera effacé."),
                            tr("L'appel noté ({n} personnes) sera effacé.")))
    if removal.summarised:
        parts.append(tr("La coordination sera prévenue que cette séance n'existe plus."))
    return "\n\n".join(parts)


def removal_dialog(parent: QWidget, when: str, removal: Removal) -> ConfirmDialog:
    dialog = ConfirmDialog(tr("Supprimer cette séance ?"), f"{when}\n\n{removal_words(removal)}",
                           tr("Supprimer la séance"), tr("Non, la garder"), danger=True, parent=parent)
    dialog.setObjectName("removeSession")
    return dialog
