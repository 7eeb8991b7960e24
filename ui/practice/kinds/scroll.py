"""scroll: a list of everyday words shows four lines at a time; the one to find is
further down. The learner turns the wheel until it shows, then clicks on it (the
click is what counts: "Quand vous voyez le chat, cliquez dessus")."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QPushButton, QScrollArea, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier.lessons.exercises import SCROLL_VISIBLE, scroll_labels
from atelier.lessons.scoring import ClickScore
from ui.practice.kinds.common import Exercise
from ui.theme import current_palette, spacing_factor


class ScrollExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.find = exercise.params["find"]
        self.labels = scroll_labels(exercise.params["items"], self.find, exercise.params.get("words"))
        p = current_palette()
        self.row_height = round(64 * spacing_factor(scale))   # a learner's target, four in sight
        self.list = QScrollArea()
        self.list.setObjectName("scrollList")
        self.list.setAccessibleName(_("Liste à faire défiler"))
        self.list.setWidgetResizable(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        self.rows: list[QPushButton] = []
        for n, label in enumerate(self.labels):
            row = QPushButton(label)
            row.setObjectName("row")
            row.setAccessibleName(label)
            row.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the wheel is the lesson here
            row.clicked.connect(lambda _checked=False, n=n: self._chosen(n))
            column.addWidget(row)
            self.rows.append(row)
        self.list.setWidget(inner)
        frame = 2 * 3
        shown = SCROLL_VISIBLE if scale < 1.4 else SCROLL_VISIBLE - 1   # large text: one line less
        self.list.setFixedHeight(shown * self.row_height + frame)
        self.list.setFixedWidth(round(520 * spacing_factor(scale)))
        bar = self.list.verticalScrollBar()
        bar.setSingleStep(max(1, self.row_height // 3))   # one notch: one line
        self.setStyleSheet(self.styleSheet() + f"""
QScrollArea#scrollList {{ border: 3px solid {p.border}; background: {p.card}; }}
QPushButton#row {{ text-align: left; min-height: {self.row_height - 1}px;
    max-height: {self.row_height - 1}px; border: none; border-bottom: 1px solid {p.border};
    border-radius: 0; background: {p.card}; padding: 0 {round(20 * spacing_factor(scale))}px; }}
QPushButton#row:hover {{ background: #FFE7B3; }}
""")
        self.layout_.addWidget(self.list, 0, Qt.AlignmentFlag.AlignHCenter)
        self.layout_.addStretch(1)
        self.add_feedback()
        self.list.viewport().installEventFilter(self)
        self.wheel_steps = 0
        self.tally = ClickScore(1)

    def start(self) -> None:
        self.begin()
        self.tally = ClickScore(1)
        self.wheel_steps = 0
        self.list.verticalScrollBar().setValue(0)
        self.progressed.emit(0, 1)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Wheel:
            self.wheel_steps += max(1, abs(event.angleDelta().y()) // 120)
        return False

    def _chosen(self, n: int) -> None:
        if self.tally.finished:
            return
        if self.labels[n] != self.find:
            self.tally.miss()
            self.say(_("Pas celle-ci : cherchez « {find} » plus bas.")
                     .format(find=self.find))
            return
        self.tally.hit()
        self.progressed.emit(1, 1)
        self.say(_("Bravo, vous avez trouvé « {find} » !").format(find=self.find), "good")
        self.end(self.tally.outcome(self.elapsed_ms(), wheel_steps=self.wheel_steps))
