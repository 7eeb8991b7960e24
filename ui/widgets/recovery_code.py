"""The recovery code of the facilitator's code, shown once, when the first code is chosen.

Only its hash is kept (``atelier.pin``): this is the one time it can be read. It opens
the practice screens once if the code is forgotten; ``atelier pin reset`` is the other
way back. A ConfirmDialog with one answer: its words scroll at 200 % on a small screen.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from atelier.i18n import _
from ui.theme import px
from ui.widgets.confirm import ConfirmDialog


class RecoveryCodeDialog(ConfirmDialog):
    def __init__(self, code: str, parent: QWidget | None = None):
        super().__init__(_("Votre code de secours"), _(
            "Notez-le sur papier et rangez-le à part, dans le classeur de l'association par exemple. "
            "Si le code de l'animateur est oublié, « Code oublié ? » l'accepte une fois à sa place ; "
            "il faudra ensuite choisir un nouveau code. Il ne sera plus jamais montré."),
            _("Je l'ai noté"), parent=parent, enter_confirms=True)
        self.code = QLabel(code)
        self.code.setStyleSheet(f"font-size: {px(30)}px; font-weight: bold; letter-spacing: {px(4)}px;")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAccessibleName(_("Code de secours : {code}").format(code=" ".join(code)))
        self.body.insertWidget(1, self.code)  # under the heading, before the words
        self.cancel_button.hide()  # one answer: it was noted
        self.done_button = self.confirm_button


def show_recovery_code(code: str, parent: QWidget) -> RecoveryCodeDialog:
    dialog = RecoveryCodeDialog(code, parent)
    dialog.open()
    return dialog
