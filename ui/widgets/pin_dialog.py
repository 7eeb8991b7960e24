"""The facilitator's code: typed in large digits, checked off the main thread.

``PinDialog`` asks for the code once (the practice mode guards its exit with it, see
``guard``); ``PinChangeDialog`` chooses or changes it: the current code first when
there is one, then the new code twice. Neither dialog writes anything itself: they
emit what was typed, the caller does the work through ``ops`` and answers with
``accept()`` or ``refuse(message)``. It lives among the widgets because both the
settings screen and practice mode ask for the code, and practice never imports a view.
"""

from PySide6.QtCore import QCoreApplication, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from atelier import pin
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.on_screen import fit_on_screen
from ui.widgets.scroller import Scroller

MIN_DIGITS, MAX_DIGITS = 4, 8


class PinField(QLineEdit):
    """Digits only, shown as large dots."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pin")  # large digits: see the theme
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{MAX_DIGITS}}}"), self))
        self.setMaxLength(MAX_DIGITS)
        self.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        self.setAccessibleName(name)


class _CodeDialog(QDialog):
    """Questions in a column, a message line, then "Annuler" and the main button."""

    def __init__(self, title: str, action: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setObjectName("pinDialog")
        self.fields: list[PinField] = []
        self.heading = QLabel(title)
        self.heading.setObjectName("section")
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Message"))
        self.message.hide()
        self.ok = big_button(action, primary=True, on_click=self._submit)
        self.ok.setDefault(True)
        self.cancel = big_button(self.tr("Annuler"), name=self.tr("Annuler, sans rien changer"), on_click=self.reject)
        questions = QWidget()
        questions.setObjectName("page")
        self.column = QVBoxLayout(questions)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(px(6))
        self.column.addWidget(self.heading)
        self.column.addStretch(1)
        self.scroll = Scroller(questions)  # on a short screen the questions scroll, the buttons stay
        buttons = QHBoxLayout()
        buttons.setSpacing(px(16))
        buttons.addWidget(self.cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(32), px(24), px(32), px(24))
        layout.setSpacing(px(12))
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(px(560))
        self._fitted = False

    def showEvent(self, event) -> None:
        # Measured once shown: before that, wrapped labels report a wrong height.
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            width = max(self.width(), px(560))
            m = self.layout().contentsMargins()
            words = self.column.totalHeightForWidth(width - m.left() - m.right())
            # The scroll area stands for the questions: their own height instead of its hint.
            height = (self.layout().totalSizeHint().height() - self.scroll.sizeHint().height() + words
                      + 2 * self.scroll.frameWidth())
            fit_on_screen(self, width, max(height, self.height()))

    def add_field(self, question: str) -> PinField:
        label = QLabel(question)
        label.setWordWrap(True)
        field = PinField(question)
        label.setBuddy(field)
        end = self.column.count() - 1  # before the closing stretch
        self.column.insertSpacing(end, px(8))
        self.column.insertWidget(end + 1, label)
        self.column.insertWidget(end + 2, field)
        if self.fields:
            self.setTabOrder(self.fields[-1], field)
        self.fields.append(field)
        self.setTabOrder(field, self.ok)
        self.setTabOrder(self.ok, self.cancel)
        self.fields[0].setFocus()
        return field

    def refuse(self, message: str) -> None:
        """Say what went wrong, empty the fields, and put the cursor back in the first one."""
        self.message.setText(message)
        self.message.show()
        self.ok.setEnabled(True)
        for field in self.fields:
            field.clear()
        self.fields[0].setFocus()

    def _problem(self) -> str | None:
        for field in self.fields:
            if not MIN_DIGITS <= len(field.text()) <= MAX_DIGITS:
                return self.tr("Le code doit avoir de 4 à 8 chiffres.")
        return None

    def _submit(self) -> None:
        problem = self._problem()
        if problem:
            self.refuse(problem)
            return
        self.ok.setEnabled(False)  # one answer at a time while the code is checked
        self.message.hide()
        self._emit()

    def _emit(self) -> None:
        raise NotImplementedError


class PinDialog(_CodeDialog):
    """Asks for the facilitator's code once; ``entered(code)`` when it is typed."""

    entered = Signal(str)

    def __init__(self, prompt: str | None = None, parent: QWidget | None = None):
        super().__init__(self.tr("Code de l'animateur"), self.tr("Valider"), parent)
        self.field = self.add_field(prompt or self.tr("Tapez le code de l'animateur."))

    def _emit(self) -> None:
        self.entered.emit(self.field.text())


class PinChangeDialog(_CodeDialog):
    """``submitted(current, new)``: ``current`` is "" when no code was chosen yet."""

    submitted = Signal(str, str)

    def __init__(self, has_code: bool, parent: QWidget | None = None):
        title = self.tr("Changer le code") if has_code else self.tr("Choisir un code")
        super().__init__(title, self.tr("Enregistrer le code"), parent)
        intro = QLabel(self.tr("Le code a de 4 à 8 chiffres. Il protège la sortie des exercices."))
        intro.setWordWrap(True)
        self.column.insertWidget(1, intro)
        self.current = self.add_field(self.tr("Code actuel")) if has_code else None
        self.new = self.add_field(self.tr("Nouveau code"))
        self.again = self.add_field(self.tr("Nouveau code, encore une fois"))

    def _problem(self) -> str | None:
        problem = super()._problem()
        if problem is None and self.new.text() != self.again.text():
            return self.tr("Les deux nouveaux codes ne sont pas les mêmes. Tapez-les encore une fois.")
        return problem

    def _emit(self) -> None:
        self.submitted.emit(self.current.text() if self.current else "", self.new.text())


def change_pin(db, current: str, new: str) -> None:
    """Runs on the worker: the current code must be right before a new one is kept."""
    if pin.has_pin(db) and not pin.check_pin(db, current):
        raise ValueError(QCoreApplication.translate("PinDialog", "Le code actuel n'est pas le bon. Rien n'a été changé."))
    pin.set_pin(db, new)


def guard(ops, parent: QWidget, on_ok, prompt: str | None = None) -> PinDialog | None:
    """Asks for the code and calls ``on_ok()`` once it is right (at once when no code
    was ever chosen). Returns the dialog, opened window-modal, or None."""
    if not ops.read(pin.has_pin):
        on_ok()
        return None
    dialog = PinDialog(prompt, parent)

    def checked(right: bool) -> None:
        if right:
            dialog.accept()
            on_ok()
        else:
            dialog.refuse(dialog.tr("Ce n'est pas le bon code. Essayez encore."))

    dialog.entered.connect(lambda code: ops.run(pin.check_pin, code, on_done=checked, parent=dialog))
    dialog.open()
    return dialog
