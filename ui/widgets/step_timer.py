"""An optional count-up stopwatch for the facilitator: off until asked, never a countdown.

A "Chronomètre" toggle button and, while it runs, the time since it was started
("07:42"; minutes keep counting past 60). The learners never see it.
"""

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from atelier.i18n import _
from ui.theme import px
from ui.widgets.buttons import big_button


def mm_ss(milliseconds: int) -> str:
    seconds = max(0, milliseconds) // 1000
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


class StepTimer(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(250)  # a quarter second: the seconds change on time
        self._tick.timeout.connect(self._show_time)

        self.button = big_button(_("Chronomètre"), _(
            "Démarre ou arrête un chronomètre qui compte le temps depuis son départ"), tooltip=False)
        self.button.setCheckable(True)
        self.button.toggled.connect(self.set_running)
        self.label = QLabel("00:00")
        self.label.setObjectName("section")
        self.label.setAccessibleName(_("Temps écoulé"))
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setMinimumWidth(self.label.fontMetrics().horizontalAdvance("000:00"))
        self.label.hide()

        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(px(10))
        row.addWidget(self.button)
        row.addWidget(self.label)

    def running(self) -> bool:
        return self.button.isChecked()

    def set_running(self, on: bool) -> None:
        if self.button.isChecked() != on:
            self.button.setChecked(on)  # comes back here through `toggled`
            return
        if on:
            self._clock.start()
            self._tick.start()
        else:
            self._tick.stop()
        self.label.setText("00:00")
        self.label.setVisible(on)
        # The theme's primary colour shows at a glance that it runs.
        self.button.setObjectName("primary" if on else "")
        self.button.style().unpolish(self.button)
        self.button.style().polish(self.button)
        self.button.setAccessibleDescription(_("Le chronomètre tourne") if on else _(
            "Démarre ou arrête un chronomètre qui compte le temps depuis son départ"))
        self._show_time()

    def elapsed_text(self) -> str:
        return mm_ss(self._clock.elapsed()) if self.running() else ""

    def _show_time(self) -> None:
        if self.running():
            text = self.elapsed_text()
            self.label.setText(text)
            self.label.setAccessibleDescription(text)
