"""The learners' look: text from 20 pt (scaled by the text-size setting), targets from
64 px, large tiles. Applied to the practice window only; the facilitator's screens
keep the main theme.
"""

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from ui.theme import Palette, current_palette, current_scale, spacing_factor
from ui.widgets.buttons import big_button
from ui.widgets.scroller import Scroller

LEARNER_POINTS = 20  # DESIGN.md: learners' screens, 20 pt at least
LEARNER_TARGET = 64  # px at 100 %: larger than the facilitator's 48
DONE_TEXT = "#1B5E20"  # dark green on white: 7.9:1
HELP_BG = "#FFE7A3"  # a warm yellow notice; dark text on it: 14:1


def learner_target(scale: float | None = None) -> int:
    return round(LEARNER_TARGET * spacing_factor(current_scale() if scale is None else scale))


def lpx(value: float) -> int:
    return round(value * spacing_factor(current_scale()))


def learner_stylesheet(scale: float, p: Palette) -> str:
    pt = lambda factor: f"{LEARNER_POINTS * factor * scale:.1f}pt"  # noqa: E731
    size = lambda value: f"{round(value * spacing_factor(scale))}px"  # noqa: E731
    target = learner_target(scale)
    pad_v, pad_h = round(8 * spacing_factor(scale)), round(20 * spacing_factor(scale))
    done = p.text if p.window == "#000000" else DONE_TEXT
    help_bg, help_text = (p.card, p.text) if p.window == "#000000" else (HELP_BG, "#1B1B1B")
    return f"""
* {{ font-size: {pt(1)}; }}
QWidget#practice, QWidget#learnerPage, QScrollArea#tiles > QWidget > QWidget {{ background: {p.window}; }}
QLabel#learnerTitle {{ font-size: {pt(1.3)}; font-weight: bold; }}
QLabel#learnerName {{ font-size: {pt(1.1)}; font-weight: bold; }}
QLabel#instructions {{ font-size: {pt(1.15)}; }}
QLabel#reminder {{ font-size: {pt(1)}; color: {p.muted}; }}
QLabel#done {{ color: {done}; font-weight: bold; }}
QLabel#bravo {{ font-size: {pt(1.6)}; font-weight: bold; }}
QLabel#helpNotice {{
    background: {help_bg}; color: {help_text}; font-weight: bold;
    border: 3px solid {p.focus}; border-radius: {size(10)}; padding: {size(10)} {size(16)};
}}
QWidget#topBar {{ background: {p.nav}; border-bottom: 2px solid {p.border}; }}
QWidget#topBar QLabel {{ background: {p.nav}; }}
QPushButton {{
    min-height: {target - 6 - 2 * pad_v}px; min-width: {target - 6 - 2 * pad_h}px;
    padding: {pad_v}px {pad_h}px;
}}
QPushButton:focus {{ padding: {pad_v - 1}px {pad_h - 1}px; }}
QPushButton#tile {{ background: {p.card}; border-radius: {size(16)}; padding: {size(14)}; }}
QPushButton#tile:focus {{ padding: {round(14 * spacing_factor(scale)) - 1}px; }}
QPushButton#tile QLabel {{ background: transparent; }}
QPushButton#tile[primary="true"] {{ background: {p.accent}; border-color: {p.accent}; }}
QPushButton#tile[primary="true"]:focus {{ border-color: {p.focus_on_accent}; }}
QPushButton#tile[primary="true"] QLabel {{ color: {p.accent_text}; }}
QPushButton#tile QLabel#initials {{
    font-size: {pt(1.5)}; font-weight: bold; color: {p.accent_text}; background: {p.accent};
    border-radius: {size(44)}; min-width: {size(88)}; min-height: {size(88)};
    max-width: {size(88)}; max-height: {size(88)};
}}
QPushButton#help {{ background: {help_bg}; color: {help_text}; border-color: {p.focus}; font-weight: bold; }}
"""


def apply_learner_look(widget: QWidget) -> None:
    widget.setStyleSheet(learner_stylesheet(current_scale(), current_palette()))


def learner_button(text: str, description: str = "", primary: bool = False) -> QPushButton:
    """The program's big button, without tooltips: a learner's pointer rests anywhere,
    and a box popping up under it would startle."""
    return big_button(text, description, primary, tooltip=False)


def learner_label(text: str = "", name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


class TextScroller(Scroller):
    """Words that may be long at 200 %: they scroll on their own, the buttons under them
    stay. It asks for little room, so the page around it never outgrows the screen."""

    def __init__(self, content: QWidget | None, name: str):
        super().__init__(content, name)
        self.setObjectName("tiles")

    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), learner_target() * 2)

    def minimumSizeHint(self) -> QSize:
        return QSize(learner_target(), learner_target())


def text_scroller(content: QWidget | None, name: str) -> QScrollArea:
    return TextScroller(content, name)


class Tile(QPushButton):
    """A large button holding wrapped lines of text (QPushButton itself never wraps).

    The lines are labels that let the mouse through: a click anywhere is the button's.
    """

    def __init__(self, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.setAccessibleName(accessible_name)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.column = QVBoxLayout(self)
        self.column.setSpacing(lpx(6))
        self.set_roomy(True)

    def add_line(self, text: str, name: str = "", align=Qt.AlignmentFlag.AlignLeft) -> QLabel:
        label = learner_label(text, name)
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.column.addWidget(label)
        return label

    def set_roomy(self, roomy: bool) -> None:
        """Roomy: wide margins and two targets high; else as compact as a target allows."""
        self.roomy = roomy
        if roomy:
            self.column.setContentsMargins(lpx(18), lpx(14), lpx(18), lpx(14))
        else:
            self.column.setContentsMargins(lpx(10), lpx(6), lpx(10), lpx(6))
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        return self.column.sizeHint().expandedTo(QSize(learner_target() * 3, self._least_height()))

    def minimumSizeHint(self) -> QSize:
        return QSize(learner_target(), learner_target())  # the height is heightForWidth's

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.column.totalHeightForWidth(width), self._least_height())

    def _least_height(self) -> int:
        return learner_target() * (2 if self.roomy else 1)
