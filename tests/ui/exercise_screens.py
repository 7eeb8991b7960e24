"""Screenshots of the nine exercise kinds, mid-exercise, at 100 % and 200 % text size:
each widget alone in a plain 1366 × 768 window, as the practice shell would show it.
Called by screenshot_app.py under Xvfb; the PNGs are named ``kind-<kind>-<percent>``."""

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from atelier.lessons.library import default_lesson_dirs, load_library
from ui.practice.kinds import widget_for
from ui.theme import apply_theme

SIZE = (1366, 768)


def _type(widget, text: str) -> None:
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def _midway(kind: str, widget) -> None:
    """Bring each kind to a telling moment: a try missed, a mistake shown, a menu open."""
    left = Qt.MouseButton.LeftButton
    if kind == "click":
        widget.target.hit.emit()
        corner = QPoint(5, 5) if not widget.target.geometry().contains(5, 5) else QPoint(widget.area.width() - 5, 5)
        QTest.mouseClick(widget.area, left, Qt.KeyboardModifier.NoModifier, corner)
    elif kind == "double-click":
        widget._press(1000, True)
        widget._press(3000, True)    # too slow: "Un peu plus vite…", the folder lit
    elif kind == "drag":
        fruit, basket = widget.fruit.geometry(), widget.basket.geometry()
        widget.fruit.move((fruit.x() + basket.x()) // 2, (fruit.y() + basket.y()) // 2)
        widget.fruit.lit = True
    elif kind == "scroll":
        viewport = widget.list.viewport()
        pos = QPointF(viewport.rect().center())
        QApplication.sendEvent(viewport, QWheelEvent(
            pos, viewport.mapToGlobal(pos), QPoint(), QPoint(0, -120 * 4), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False))
        widget.rows[1].click()
    elif kind == "right-click":
        widget._open_menu(widget.picture.rect().center())
    elif kind == "type":
        _type(widget.field, "bonjour")
        _type(widget.field, "Marie Dupomt")
    elif kind == "keys":
        QTest.keyClick(widget, Qt.Key.Key_Space)
        QTest.keyClick(widget, Qt.Key.Key_A)
    elif kind == "form":
        first, _prenom, _adresse, email = widget.fields[:4]
        _type(first.input, "Martin")
        _type(email.input, "jeanne.martin.exemple.fr")
        widget.submit.click()
        widget.scroller.verticalScrollBar().setValue(0)
    elif kind == "choice":
        widget.buttons[1].click()


def kinds_shots(app, out, sizes: dict, settle, save) -> None:
    modules, _problems = load_library(default_lesson_dirs())
    chosen = {}
    for module in modules:
        for exercise in module.exercises:
            chosen.setdefault(exercise.kind, (exercise, module.path))
    for scale, percent in ((1.0, 100), (2.0, 200)):
        apply_theme(app, scale)
        for kind, (exercise, base) in chosen.items():
            widget = widget_for(exercise, scale, base=base)
            widget.resize(*SIZE)
            widget.move(0, 0)
            widget.show()
            settle(widget, active=True)
            widget.start()
            settle(widget)  # what start() placed, laid out before it is played with
            _midway(kind, widget)
            save(widget, out, f"kind-{kind}-{percent}", sizes)
            if kind == "right-click":
                widget.menu.close()
            widget.close()
            widget.deleteLater()
    apply_theme(app, 1.0)
