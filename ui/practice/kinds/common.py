"""What the exercise kinds share: the big instruction, the gentle feedback line, the
drawn things to point at, and the learner's large-print stylesheet.

Learner text is 20 pt × the text size at least (the facilitator screens use 16): the
stylesheet set on each exercise widget wins over the application's for its children.
"""

import re
import time

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy,
                               QVBoxLayout, QWidget)

from atelier.i18n import _
from atelier.lessons.scoring import Outcome
from ui.practice.base import ExerciseWidget
from ui.practice.kinds.picture import PictureFile
from ui.theme import current_palette, spacing_factor, target_px
from ui.widgets.listen_button import ListenButton

LEARNER_POINTS = 20
SOFT = "#FFE7B3"       # the gentle highlight: warm, never red
SOFT_EDGE = "#B36B00"
GOOD = "#D9F2DC"




def learner_stylesheet(scale: float) -> str:
    p = current_palette()
    pt = lambda f: f"{LEARNER_POINTS * f * scale:.1f}pt"  # noqa: E731
    gap = lambda v: f"{round(v * spacing_factor(scale))}px"  # noqa: E731
    target = round(target_px(scale) * 1.25)
    return f"""
* {{ font-size: {pt(1)}; }}
QScrollArea#exerciseScroll {{ border: none; }}
QLabel#instruction {{ font-size: {pt(1.1 if scale < 1.4 else 1)}; font-weight: bold; }}
QLabel#feedback {{ padding: {gap(8)} {gap(14)}; border-radius: {gap(10)}; }}
QLabel#feedback[tone="soft"] {{ background: {SOFT}; color: #1B1B1B; border: 2px solid {SOFT_EDGE}; }}
QLabel#feedback[tone="good"] {{ background: {GOOD}; color: #1B1B1B; border: 2px solid #2E7D32; }}
QLabel#feedback[tone="none"] {{ background: transparent; border: 2px solid transparent; }}
QPushButton {{ min-height: {target}px; padding: {gap(6)} {gap(20)}; }}
QLineEdit, QComboBox {{ min-height: {target}px; padding: 0 {gap(10)};
    background: {p.card}; color: {p.text}; border: 3px solid {p.border}; border-radius: {gap(6)}; }}
QLineEdit:focus, QComboBox:focus {{ border: 3px solid {p.focus}; }}
QComboBox QAbstractItemView {{ background: {p.card}; color: {p.text}; }}
QCheckBox {{ min-height: {target}px; }}
QCheckBox::indicator {{ width: {gap(36)}; height: {gap(36)}; }}
QRadioButton {{ min-height: {target}px; spacing: {gap(14)}; }}
QRadioButton::indicator {{ width: {gap(36)}; height: {gap(36)}; }}
QMenu {{ background: {p.card}; border: 3px solid {p.border}; padding: {gap(6)}; }}
QMenu::item {{ padding: {gap(12)} {gap(40)}; color: {p.text}; }}
QMenu::item:selected {{ background: {p.accent}; color: {p.accent_text}; }}
"""


class Exercise(ExerciseWidget):
    """An ExerciseWidget with the shared frame: title-free instruction on top, the
    kind's own area, the feedback line; a clock for the outcome's duration (never shown)."""

    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.folder = getattr(exercise, "folder", None)   # the module's, for its pictures
        self.setStyleSheet(learner_stylesheet(scale))
        self.setAccessibleName(exercise.title)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroller = QScrollArea()   # at 200 % on a small screen nothing is cut off
        self.scroller.setObjectName("exerciseScroll")
        self.scroller.setWidgetResizable(True)
        self.scroller.setFrameShape(QFrame.Shape.NoFrame)
        self.scroller.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.body = QWidget()
        self.scroller.setWidget(self.body)
        outer.addWidget(self.scroller)
        self.layout_ = QVBoxLayout(self.body)
        margin = round(24 * spacing_factor(scale))
        self.layout_.setContentsMargins(margin, round(16 * spacing_factor(scale)), margin, 0)
        self.layout_.setSpacing(round(14 * spacing_factor(scale)))
        self.instruction = QLabel(exercise.instructions)
        self.instruction.setObjectName("instruction")
        self.instruction.setWordWrap(True)
        self.instruction.setAccessibleName(exercise.instructions)
        self.layout_.addWidget(self.instruction)
        self.feedback = QLabel()
        self.feedback.setObjectName("feedback")
        self.feedback.setWordWrap(True)
        self.feedback.setProperty("tone", "none")
        # Under the scroll area, never in it: the feedback line and the way on stay on screen.
        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(margin, round(8 * spacing_factor(scale)), margin, round(12 * spacing_factor(scale)))
        self.bar.setSpacing(round(16 * spacing_factor(scale)))
        # « Écouter » reads the instruction, then the feedback of the moment; a click on
        # it leaves the keyboard to the exercise.
        self.listen_button = ListenButton(self.spoken_words, _("la consigne"), keep_focus=True)
        self.bar.addWidget(self.listen_button, 0, Qt.AlignmentFlag.AlignBottom)
        self.bar.addWidget(self.feedback, 1)
        outer.addLayout(self.bar)
        self._started = time.monotonic()
        self._ended = False

    def fits(self) -> bool:
        """The words, the target, the answers or the form all show, nothing to scroll."""
        return whole_in(self.scroller, self.layout_)

    def spoken_words(self) -> str:
        return f"{self.instruction.text()} {self.feedback.text()}".strip()

    def add_feedback(self, *buttons: QPushButton) -> None:
        """Put ``buttons`` (the way on, e.g. « Envoyer ») beside the feedback line, under
        the scroll area: never scrolled out of sight."""
        for button in buttons:
            self.bar.addWidget(button, 0, Qt.AlignmentFlag.AlignBottom)

    def say(self, text: str, tone: str = "soft") -> None:
        """Gentle immediate feedback: "soft" for "essayons encore", "good" for praise."""
        self.feedback.setText(text)
        self.feedback.setAccessibleName(text)
        self.feedback.setProperty("tone", tone if text else "none")
        self.feedback.style().unpolish(self.feedback)
        self.feedback.style().polish(self.feedback)

    def pack_picture(self, key: str):
        """The pack's picture named by the parameter ``key``, or None (the drawn one then)."""
        name = self.exercise.params.get(key)
        found = PictureFile(self.folder, name) if name else None
        return found if found is not None and found.valid else None

    def begin(self) -> None:
        self._started = time.monotonic()
        self._ended = False
        self.say("", "none")

    def elapsed_ms(self) -> int:
        return round((time.monotonic() - self._started) * 1000)

    def end(self, outcome: Outcome) -> None:
        if not self._ended:
            self._ended = True
            self.finished.emit(outcome)

    def pass_over(self, tally, shown: QWidget | None = None, **details) -> bool:
        """« Passer » on a kind of several items counted by ``tally``: the item on screen
        is put aside; False when there is only one (the whole exercise is passed)."""
        if tally.total < 2 or tally.finished:
            return False
        last = tally.skip()
        self.progressed.emit(tally.done, tally.total)
        if last:
            if shown is not None:
                shown.hide()
            self.say(_("C'est noté. C'était le dernier."), "none")
            self.end(tally.outcome(self.elapsed_ms(), **details))
        else:
            self.say(_("C'est noté. Voici le suivant."), "none")
        return True

    def count_hit(self, tally, done_text: str, next_text: str, shown: QWidget | None = None, **details) -> bool:
        """One more item done at last: praise it; after the last one, end the exercise.

        True when that was the last (``shown``, the item on screen, is then put away)."""
        last = tally.hit()
        self.progressed.emit(tally.done, tally.total)
        if last:
            if shown is not None:
                shown.hide()
            self.say(done_text, "good")
            self.end(tally.outcome(self.elapsed_ms(), **details))
            return True
        self.say(next_text, "good")
        return False


def whole_in(scroller: QScrollArea, layout) -> bool:
    """What ``layout`` holds shows whole in ``scroller``, nothing to scroll to.

    Measured with the words as narrow as a scroll bar makes them: a scroll area keeps a
    bar it has shown while the words it narrowed overflow, even when they would fit
    without it."""
    room = scroller.contentsRect()
    width = room.width() - scroller.verticalScrollBar().sizeHint().width()
    return layout.totalHeightForWidth(width) <= room.height()


def instruction_label(text: str = "") -> QLabel:
    """Words in the instruction's large bold print, wrapped: a question, a page's title."""
    label = QLabel(text)
    label.setObjectName("instruction")
    label.setWordWrap(True)
    return label


def named(label: str | None, default: str, with_label: str) -> str:
    """The kind's own words (``default``), or, when the pack names the thing, the words
    of ``with_label`` with its {label} (« le dossier Photos »)."""
    return with_label.format(label=label) if label else default


def unbroken(text: str) -> str:
    """French marks kept with their words in a narrow column: a no-break space before
    ? ! : ; and », after « (« Échap » never splits across two lines)."""
    return re.sub(r" ([?!:;»])", "\u00a0\\1", text).replace("« ", "«\u00a0")


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class Shape(QWidget):
    """A drawn thing to point at: "round" (a target), "folder", "fruit", "basket",
    "picture", or the pack's own picture (a PictureFile) in its place. It lights up
    softly under the pointer; mouse handling is the kind's."""

    def __init__(self, shape: str, name: str, parent=None, picture=None):
        super().__init__(parent)
        self.shape = shape
        self.picture = picture if picture is not None and picture.valid else None
        self.lit = False   # a soft glow: the object is held, or the drop zone is reached
        self.setAttribute(Qt.WidgetAttribute.WA_Hover)
        self.setMouseTracking(True)
        self.setAccessibleName(name)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

    def enterEvent(self, event):
        self.update()

    def leaveEvent(self, event):
        self.update()

    def paintEvent(self, event):
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        if self.lit or self.underMouse():
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(SOFT))
            painter.drawRoundedRect(QRectF(self.rect()), r.width() / 6, r.height() / 6)
            r = r.adjusted(r.width() * 0.06, r.height() * 0.06, -r.width() * 0.06, -r.height() * 0.06)
        if self.picture is not None:
            self.picture.paint(painter, self.picture.fitted(r))
        else:
            getattr(self, f"_draw_{self.shape.replace('-', '_')}")(painter, r)

    def _draw_round(self, p: QPainter, r: QRectF):
        colours = ("#0B4478", "#FFFFFF", "#0B4478", "#FFB347")
        for n, colour in enumerate(colours):
            inset = r.width() * 0.13 * n
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(colour))
            p.drawEllipse(r.adjusted(inset, inset, -inset, -inset))

    def _draw_folder(self, p: QPainter, r: QRectF):
        p.setPen(QPen(QColor("#7A5200"), max(2, r.width() / 40)))
        p.setBrush(QColor("#E8A317"))
        tab = QRectF(r.left(), r.top() + r.height() * 0.12, r.width() * 0.42, r.height() * 0.2)
        p.drawRoundedRect(tab, 6, 6)
        p.setBrush(QColor("#F6C343"))
        p.drawRoundedRect(r.adjusted(0, r.height() * 0.22, 0, -r.height() * 0.08), 10, 10)

    def _draw_fruit(self, p: QPainter, r: QRectF):
        body = r.adjusted(r.width() * 0.08, r.height() * 0.18, -r.width() * 0.08, 0)
        p.setPen(QPen(QColor("#7F1111"), max(2, r.width() / 40)))
        p.setBrush(QColor("#D32F2F"))
        p.drawEllipse(body)
        p.setPen(QPen(QColor("#5D3A1A"), max(3, r.width() / 25)))
        top = QPointF(r.center().x(), body.top() + r.height() * 0.06)
        p.drawLine(top, QPointF(top.x() + r.width() * 0.05, r.top() + r.height() * 0.04))
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#388E3C"))
        p.drawEllipse(QRectF(top.x() + r.width() * 0.04, r.top(), r.width() * 0.28, r.height() * 0.14))

    def _draw_basket(self, p: QPainter, r: QRectF):
        pen = QPen(QColor("#5D3A1A"), max(3, r.width() / 30))
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        handle = QRectF(r.left() + r.width() * 0.2, r.top(), r.width() * 0.6, r.height() * 0.7)
        p.drawArc(handle, 0, 180 * 16)
        body = QPainterPath()
        top, bottom = r.top() + r.height() * 0.38, r.bottom()
        body.moveTo(r.left(), top)
        body.lineTo(r.right(), top)
        body.lineTo(r.right() - r.width() * 0.12, bottom)
        body.lineTo(r.left() + r.width() * 0.12, bottom)
        body.closeSubpath()
        p.setBrush(QColor("#C68A4E"))
        p.drawPath(body)
        for n in range(1, 4):
            y = top + (bottom - top) * n / 4
            p.drawLine(QPointF(r.left() + r.width() * 0.05, y), QPointF(r.right() - r.width() * 0.05, y))

    def _draw_picture(self, p: QPainter, r: QRectF):
        draw_landscape(p, r)


def draw_landscape(p: QPainter, r: QRectF) -> None:
    """A little holiday picture: sky, sun, a green hill."""
    p.setPen(QPen(QColor("#3A3A3A"), max(3, r.width() / 40)))
    p.setBrush(QColor("#BFE3FF"))
    p.drawRect(r)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(QColor("#FFC107"))
    p.drawEllipse(QRectF(r.left() + r.width() * 0.62, r.top() + r.height() * 0.12,
                         r.width() * 0.2, r.width() * 0.2))
    hill = QPainterPath()
    hill.moveTo(r.left(), r.bottom())
    hill.quadTo(QPointF(r.left() + r.width() * 0.35, r.top() + r.height() * 0.3),
                QPointF(r.right(), r.bottom()))
    p.setBrush(QColor("#4CAF50"))
    p.drawPath(hill)


def quoted(text: str) -> str:
    """« text » (“text” in English), its marks kept on its line."""
    # Translators: quotation marks around a key's or a field's name; French keeps
    # no-break spaces inside « ».
    return _("\u00ab\u00a0{text}\u00a0\u00bb").format(text=text)
