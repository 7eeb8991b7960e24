"""The kinds of exercise, and ``widget_for``: what the practice shell calls.

Each kind is a small ExerciseWidget fed by the pack's parameters (defaults filled in by
the lesson checker); its pictures come from the module's folder (``exercise.folder``,
or ``base`` when given).
"""

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QWidget

from atelier.lessons.pack import Exercise
from ui.practice.base import ExerciseWidget
from ui.practice.kinds.choice import ChoiceExercise
from ui.practice.kinds.click import ClickExercise
from ui.practice.kinds.double_click import DoubleClickExercise
from ui.practice.kinds.drag import DragExercise
from ui.practice.kinds.form import FormExercise
from ui.practice.kinds.hotspot import HotspotExercise
from ui.practice.kinds.hover import HoverExercise
from ui.practice.kinds.keys import KeysExercise
from ui.practice.kinds.right_click import RightClickExercise
from ui.practice.kinds.scroll import ScrollExercise
from ui.practice.kinds.typing import TypingExercise

KIND_WIDGETS: dict[str, type[ExerciseWidget]] = {
    "click": ClickExercise,
    "double-click": DoubleClickExercise,
    "drag": DragExercise,
    "scroll": ScrollExercise,
    "right-click": RightClickExercise,
    "type": TypingExercise,
    "keys": KeysExercise,
    "form": FormExercise,
    "choice": ChoiceExercise,
    "hotspot": HotspotExercise,
    "hover": HoverExercise,
}


def widget_for(exercise: Exercise, scale: float = 1.0, parent: QWidget | None = None,
               base: Path | None = None) -> ExerciseWidget:
    """The widget that runs ``exercise`` at text size ``scale``; call ``start()`` once shown."""
    if base is not None and getattr(exercise, "folder", None) is None:
        exercise = replace(exercise, folder=Path(base))
    return KIND_WIDGETS[exercise.kind](exercise, scale, parent)
