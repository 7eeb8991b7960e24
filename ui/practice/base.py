"""What every exercise widget is to the practice shell.

A kind is a small widget class fed by the pack's parameters (``exercise.params``, with
defaults filled in by the lesson checker). Sizes in the pack are pixels at 100 % text
size: use ``scaled()``. The widget scores through ``atelier.lessons.scoring`` and ends by
emitting ``finished(Outcome)`` once; the shell shows the encouraging summary, retry,
skip and help — not the widget.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from atelier.i18n import _
from atelier.lessons.pack import Exercise


class ExerciseWidget(QWidget):
    finished = Signal(object)  # atelier.lessons.scoring.Outcome
    progressed = Signal(int, int)  # items done, items in all: "3 sur 5"

    def __init__(self, exercise: Exercise, scale: float = 1.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.exercise = exercise
        self.scale = scale

    def scaled(self, pixels: int) -> int:
        """A pack size (pixels at 100 %) at the current text size."""
        return round(pixels * self.scale)

    def fits(self) -> bool:
        """Everything shows in the room the widget has now, nothing to scroll to."""
        return True

    def start(self) -> None:
        """Called by the shell when the exercise is shown (again, for "Recommencer")."""
        raise NotImplementedError

    def skip_label(self) -> str:
        """What « Passer » says it passes over: « Passer cette touche », « Passer l'exercice »."""
        return _("Passer l'exercice")

    def skip_item(self) -> bool:
        """« Passer »: put the item on screen aside and show the next one (after the last
        one, the exercise ends as usual). False for a kind of one item: the shell then
        passes over the whole exercise."""
        return False
