"""The facilitator's code: typed in large digits, checked off the main thread.

``PinDialog`` asks for the code once (the practice mode guards its exit with it, see
``guard``); ``PinChangeDialog`` chooses or changes it: the current code first when
there is one, then the new code twice. Neither dialog writes anything itself: they
emit what was typed, the caller does the work through ``ops`` and answers with
``accept()`` or ``refuse(message)``. It lives among the widgets because both the
settings screen and practice mode ask for the code, and practice never imports a view.

After five wrong codes, each try waits a pause that doubles (the core's rule, see
``atelier.pin``): the dialog says how long and counts it down, the button asleep.
« Code oublié ? » asks for the recovery code shown when the first code was chosen.
"""

from PySide6.QtCore import QDeadlineTimer, QRegularExpression, Qt, QTimer, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QMessageBox, QVBoxLayout, QWidget

from atelier.i18n import _, plural
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
        self.message.setAccessibleName(_("Message"))
        self.message.hide()
        self.ok = big_button(action, primary=True, on_click=self._submit)
        self.ok.setDefault(True)
        self.cancel = big_button(_("Annuler"), name=_("Annuler, sans rien changer"), on_click=self.reject)
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
            self.fit()

    def fit(self) -> None:
        """Tall enough for every wrapped line, a message shown later included (within the screen)."""
        if not self.isVisible():
            return
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
        self.fit()

    def _problem(self) -> str | None:
        for field in self.fields:
            if not MIN_DIGITS <= len(field.text()) <= MAX_DIGITS:
                return _("Le code doit avoir de 4 à 8 chiffres.")
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
    """Asks for the facilitator's code once; ``entered(code)`` when it is typed (or the
    recovery code, after « Code oublié ? »)."""

    entered = Signal(str)

    def __init__(self, prompt: str | None = None, parent: QWidget | None = None):
        super().__init__(_("Code de l'animateur"), _("Valider"), parent)
        self.field = self.add_field(prompt or _("Tapez le code de l'animateur."))
        self.forgot = big_button(_("Code oublié ?"), name=_("Code oublié : taper le code de secours"),
                                 on_click=self.use_recovery)
        end = self.column.count() - 1  # before the closing stretch
        self.column.insertSpacing(end, px(8))
        self.column.insertWidget(end + 1, self.forgot, 0, Qt.AlignmentFlag.AlignLeft)
        self.setTabOrder(self.field, self.forgot)
        self.setTabOrder(self.forgot, self.ok)
        self.recovering = False
        self.paused = QTimer(self)  # the pause after too many wrong codes, counted down
        self.paused.setInterval(1000)
        self.paused.timeout.connect(self._tick)
        self._deadline = QDeadlineTimer(0)
        self._said = ""

    def use_recovery(self) -> None:
        """The code is forgotten: the recovery code goes in a field of its own."""
        self.recovering = True
        self.forgot.hide()
        self.field.hide()
        for label in self.findChildren(QLabel):
            if label.buddy() is self.field:
                label.setText(_("Tapez le code de secours (12 chiffres), noté quand le code a été choisi."))
        self.recovery = QLineEdit()
        self.recovery.setObjectName("pin")
        self.recovery.setAccessibleName(_("Code de secours"))
        self.recovery.setValidator(QRegularExpressionValidator(QRegularExpression(r"[\d \-.]{0,20}"), self.recovery))
        self.column.insertWidget(self.column.count() - 1, self.recovery)  # before the closing stretch
        self.fields = [self.recovery]
        self.setTabOrder(self.recovery, self.ok)
        self.recovery.show()  # shown now, so that it can take the keyboard at once
        self.recovery.setFocus()
        self.fit()

    def _problem(self) -> str | None:
        if self.recovering:
            return None if pin.recovery_digits(self.recovery.text()) else _(
                "Le code de secours a 12 chiffres, par exemple 4821-7730-1945.")
        return super()._problem()

    def _emit(self) -> None:
        self.entered.emit(self.recovery.text() if self.recovering else self.field.text())

    def pause_for(self, seconds: int, said: str) -> None:
        """Say ``said``, and hear no code for ``seconds``: the button and the field sleep."""
        self._said = said
        self._deadline = QDeadlineTimer(seconds * 1000)
        self._tick()
        if seconds > 0:
            self.paused.start()

    def _tick(self) -> None:
        left = (self._deadline.remainingTime() + 999) // 1000
        asleep = left > 0
        for widget in (self.ok, *self.fields):
            widget.setEnabled(not asleep)
        if asleep:
            self.message.setText(self._said + " " + plural(left, "Vous pourrez réessayer dans {n} seconde.",
                                                                 "Vous pourrez réessayer dans {n} secondes."))
            self.message.show()
        else:
            self.paused.stop()
            self.message.setText(_("Vous pouvez réessayer."))
            self.fields[0].setFocus()
        self.fit()


class PinChangeDialog(_CodeDialog):
    """``submitted(current, new)``: ``current`` is "" when no code was chosen yet."""

    submitted = Signal(str, str)

    def __init__(self, has_code: bool, parent: QWidget | None = None):
        title = _("Changer le code") if has_code else _("Choisir un code")
        super().__init__(title, _("Enregistrer le code"), parent)
        intro = QLabel(_("Le code a de 4 à 8 chiffres. Il protège la sortie des exercices."))
        intro.setWordWrap(True)
        self.column.insertWidget(1, intro)
        self.current = self.add_field(_("Code actuel")) if has_code else None
        self.new = self.add_field(_("Nouveau code"))
        self.again = self.add_field(_("Nouveau code, encore une fois"))

    def _problem(self) -> str | None:
        problem = super()._problem()
        if problem is None and self.new.text() != self.again.text():
            return _("Les deux nouveaux codes ne sont pas les mêmes. Tapez-les encore une fois.")
        return problem

    def _emit(self) -> None:
        self.submitted.emit(self.current.text() if self.current else "", self.new.text())


def change_pin(db, current: str, new: str) -> str | None:
    """Runs on the worker: the current code must be right before a new one is kept.
    Returns the recovery code to show once when this is the first code, else None."""
    if pin.has_pin(db) and not pin.check_pin(db, current):
        raise ValueError(_("Le code actuel n'est pas le bon. Rien n'a été changé."))
    return pin.choose_pin(db, new)


def guard(ops, parent: QWidget, on_ok, prompt: str | None = None) -> PinDialog | None:
    """Asks for the code and calls ``on_ok()`` once it is right (at once when no code
    was ever chosen). Returns the dialog, opened window-modal, or None."""
    if not ops.read(pin.has_pin):
        on_ok()
        return None
    dialog = PinDialog(prompt, parent)

    def checked(answer: pin.Answer) -> None:
        if answer.right:
            dialog.accept()
            on_ok()
            if answer.recovered:
                said_once(parent.window().parentWidget() or parent)
            return
        dialog.refuse(_("Ce n'est pas le bon code. Essayez encore."))
        if answer.wait_s:
            dialog.pause_for(answer.wait_s, _("Ce n'est pas le bon code."))

    dialog.entered.connect(lambda code: ops.run(pin.attempt, code, on_done=checked, parent=dialog))
    waiting = ops.read(pin.waiting_s)
    if waiting:  # a pause begun before this dialog (closed and opened again) goes on
        dialog.pause_for(waiting, _("Trop de codes faux de suite."))
    dialog.open()
    return dialog


def said_once(parent: QWidget) -> QMessageBox:
    """After the recovery code: the code is gone, and where to choose the next one."""
    box = QMessageBox(QMessageBox.Icon.Information, _("Code de l'animateur"),
                      _("Le code de secours a servi : le code de l'animateur est "
                                                 "effacé. Choisissez-en un nouveau dans Réglages ; un nouveau code de "
                                                 "secours sera montré."), parent=parent)
    box.addButton(_("J'ai compris"), QMessageBox.ButtonRole.AcceptRole)
    box.setObjectName("pinRecovered")
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
