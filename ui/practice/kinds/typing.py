"""type: copy each text of the pack. The model is shown very large, with its spaces
made visible (␣) and its capitals, accents and @ underlined; the typed text sits below
it, and a letter that differs gets a soft colour under it. Nothing blocks: the learner
may erase and fix, or go on with "Suivant" once the whole text is typed. A text typed
exactly is praised at once and waits for Entrée (or « Suivant »): the Entrée a learner
gives every text then moves on with « Bravo », never a warning about the next one.

The key handler (TypingField.keyPressEvent and what it triggers) stays small: it is
timed by bench/typing_keys.py.
"""

import html

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter
from PySide6.QtWidgets import QLabel, QLineEdit

from atelier.i18n import _
from atelier.lessons.keystrokes import TypingScore, mistakes
from ui.practice.kinds.common import SOFT_EDGE, Exercise
from ui.theme import current_palette
from ui.widgets.buttons import big_button

SPACE = "\u2423"   # ␣
MODEL_POINTS = 36   # at 100 %, made smaller only when a long text would not fit


def special(ch: str) -> bool:
    """A character that asks for a special gesture: capital, accent, @."""
    return ch == "@" or ch.isupper() or (ch.isalpha() and not ch.isascii())


def model_html(text: str) -> str:
    accent, light = current_palette().accent, "#8A8A8A"
    parts = []
    for ch in text:
        if ch == " ":
            parts.append(f'<span style="color:{light}">{SPACE}</span>')
        elif special(ch):
            parts.append(f'<u style="color:{accent}">{html.escape(ch)}</u>')
        else:
            parts.append(html.escape(ch))
    return "".join(parts)


def tips(text: str) -> str:
    found = []
    if any(ch.isupper() for ch in text):
        found.append(_("Majuscule : gardez Maj appuyée et tapez la lettre."))
    if "@" in text:
        found.append(_("@ : gardez AltGr appuyée et tapez à."))
    if any(ch in "êâîôû" for ch in text):
        found.append(_("ê, â… : tapez ^ puis la lettre."))
    if any(ch in "éèàùç" for ch in text):
        found.append(_("é, è, à, ù, ç ont leur propre touche, en haut du clavier."))
    return "  ".join(found)


class TypingField(QLineEdit):
    """The learner's line. Paints a soft band under each letter that differs."""

    edited = Signal(str, str)   # text before, text after: keys, accents, a paste

    def __init__(self, parent=None):
        super().__init__(parent)
        self.expected = ""
        self.wrong: list[int] = []
        self._last = ""
        self.setAccessibleName(_("Votre texte"))
        self.textEdited.connect(self._user_edit)

    def _user_edit(self, after: str) -> None:
        before, self._last = self._last, after
        self.edited.emit(before, after)

    def reset(self) -> None:
        self._last = ""
        self.clear()
        self.mark([])

    def mark(self, wrong: list[int]) -> None:
        if wrong != self.wrong:
            self.wrong = wrong
            self.update()

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.wrong:
            return
        text = self.text()
        metrics = QFontMetricsF(self.font())
        cursor = self.cursorRect()
        base = cursor.center().x() - metrics.horizontalAdvance(text[:self.cursorPosition()])
        painter = QPainter(self)
        soft = QColor("#FFB347")
        soft.setAlpha(110)
        top, height = cursor.top(), cursor.height()
        for i in self.wrong:
            left = base + metrics.horizontalAdvance(text[:i])
            width = max(metrics.horizontalAdvance(text[i]), metrics.horizontalAdvance(" "))
            painter.fillRect(QRectF(left, top, width, height), soft)
            painter.fillRect(QRectF(left, top + height - 6, width, 6), QColor(SOFT_EDGE))


class TypingExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.texts = exercise.params["texts"]
        self.model = QLabel()
        self.model.setObjectName("model")
        self.model.setTextFormat(Qt.TextFormat.RichText)
        self.model.setWordWrap(True)
        self.field = TypingField()
        self.field.edited.connect(self._edited)
        self.field.returnPressed.connect(self._enter)
        self.next_button = big_button(_("Suivant"), primary=True)
        self.next_button.clicked.connect(self._next)
        self.layout_.addWidget(self.model)
        self.layout_.addWidget(self.field)
        self.layout_.addStretch(1)
        self.add_feedback(self.next_button)
        self.score = TypingScore(self.texts)
        self.tip = ""
        self._points = 0.0

    def start(self) -> None:
        self.begin()
        self.score = TypingScore(self.texts)
        self.field.setEnabled(True)
        self._show(self.score.current().expected)
        self.say(self.tip, "none")
        self.progressed.emit(0, len(self.texts))
        self.field.setFocus()

    def _show(self, text: str) -> None:
        self.model.setText(model_html(text))
        self.model.setAccessibleName(_("Texte à recopier : {text}").format(text=text))
        self.tip = tips(text)   # shown in the feedback line while nothing else is said
        self.field.expected = text
        self.field.reset()
        self.next_button.setEnabled(False)
        self._fit()

    def _fit(self) -> None:
        """The model and the line as large as they can be, up to MODEL_POINTS × scale."""
        text = self.field.expected or " "
        room = max(200, self.width() - 2 * self.layout_.contentsMargins().left() - 40)
        points = MODEL_POINTS * self.scale
        font = self.model.font()
        font.setPointSizeF(points)
        width = QFontMetricsF(font).horizontalAdvance(text + "  ")
        if width > room:
            points = max(24 * self.scale, points * room / width)
        if abs(points - self._points) > 0.4:
            self._points = points
            self.model.setStyleSheet(f"font-size: {points:.1f}pt;")
            self.field.setStyleSheet(f"font-size: {points:.1f}pt;")

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self._fit()

    def _edited(self, before: str, after: str) -> None:
        current = self.score.current()
        current.change(before, after)
        wrong = mistakes(current.expected, after)
        self.field.mark(wrong)
        self.next_button.setEnabled(len(after) >= len(current.expected))
        if after == current.expected:
            last = len(self.score.scores) >= len(self.texts)
            self.say(_("Bravo, c'est exactement ça ! Appuyez sur Entrée pour finir.") if last else
                     _("Bravo, c'est exactement ça ! Appuyez sur Entrée pour le texte suivant."), "good")
        elif wrong and self.feedback.property("tone") != "soft":
            self.say(_("Une lettre diffère, en couleur : effacez-la avec la touche Effacer, "
                        "ou continuez."))
        elif not wrong and self.feedback.property("tone") != "none":
            self.say(self.tip, "none")

    def skip_label(self) -> str:
        return _("Passer ce texte") if len(self.texts) > 1 else super().skip_label()

    def skip_item(self) -> bool:
        if len(self.texts) < 2 or not self.field.isEnabled():
            return False
        self._next()
        return True

    def _enter(self) -> None:
        if self.next_button.isEnabled():
            self._next()
        else:
            self.say(_("Recopiez tout le texte, puis appuyez sur Entrée ou sur « Suivant »."))

    def _next(self) -> None:
        current = self.score.current()
        done = len(self.score.scores)
        self.progressed.emit(done, len(self.texts))
        if not self.score.next_text():
            self.field.setEnabled(False)
            self.next_button.setEnabled(False)
            if current.done:
                self.say(_("Bravo, vous avez tout recopié !"), "good")
            else:
                self.say(_("C'est noté : c'était le dernier texte."), "none")
            self.end(self.score.outcome(self.elapsed_ms()))
            return
        praise = (_("Bravo ! Voici le texte suivant.") if current.done
                  else _("C'est noté. Voici le texte suivant."))
        self._show(self.score.current().expected)
        self.say(f"{praise} {self.tip}".strip(), "good")
        self.field.setFocus()
