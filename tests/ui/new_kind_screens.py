"""Screenshots of issue 12's exercises (the demo module of tests/demo_pack), mid-exercise,
at 100 % and 200 % text size: each widget alone in a plain 1366 × 768 window, as
exercise_screens.py does for the first kinds. Called by screenshot_app.py under Xvfb;
the PNGs are named ``new-<exercise id>-<percent>``."""

from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRectF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from atelier.lessons.pack import load_module
from ui.practice.kinds import widget_for
from ui.theme import apply_theme

DEMO = Path(__file__).resolve().parents[1] / "demo_pack" / "nouveautes"
SIZE = (1366, 768)
LEFT = Qt.MouseButton.LeftButton
SHOWN = ("trouver-cadenas", "carte-a-gratter", "changement-adresse", "changement-adresse-recap", "raccourcis",
         "ouvrir-photos", "ranger-lettre", "copier-chat")


def _hotspot(widget) -> None:
    shown = widget.spot_picture.shown()
    QTest.mouseClick(widget.spot_picture, LEFT, Qt.KeyboardModifier.NoModifier, shown.bottomRight().toPoint() - QPoint(4, 4))
    QTest.mouseClick(widget.spot_picture, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(2, 2))   # the place shown


def _hover(widget) -> None:
    card = widget.area.shown()
    for row in range(2):
        y = round(card.top() + card.height() * (0.25 + 0.4 * row))
        for step in range(11):
            QTest.mouseMove(widget.area, QPoint(round(card.left() + card.width() * step / 10), y))


def _form(widget, recap: bool) -> None:
    fields = {f.spec["label"]: f for f in widget.fields}
    QTest.keyClicks(fields["Nom"].input, "Martine")
    QTest.keyClicks(fields["Prénom"].input, "Jeanne")
    widget.submit.click()   # « Nom » named: not what the card says
    if not recap:
        return
    fields["Nom"].input.setText("Martin")
    QTest.keyClicks(fields["Date de naissance"].input, "02/05/1950")
    widget.submit.click()
    QTest.keyClicks(fields["Adresse e-mail"].input, "jeanne.martin@example.org")
    QTest.keyClicks(fields["Mot de passe"].input, "Lilas2025!")
    QTest.keyClicks(fields["Code reçu par SMS"].input, "482913")
    widget.submit.click()
    fields["Mode de livraison"].input.buttons[1].click()
    fields["Je certifie que ces informations sont exactes"].input.setChecked(True)
    widget.submit.click()


def _keys(widget) -> None:
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_C, Qt.KeyboardModifier.NoModifier, "c"))


def _midway(name: str, widget) -> None:
    """A telling moment: a try missed, a place shown, a card half uncovered, a field named."""
    if name == "trouver-cadenas":
        _hotspot(widget)
    elif name == "carte-a-gratter":
        _hover(widget)
    elif name.startswith("changement-adresse"):
        _form(widget, recap=name.endswith("recap"))
    elif name == "raccourcis":
        _keys(widget)
    elif name in ("ouvrir-photos", "ranger-lettre"):
        spot = QRectF(widget.area.rect()).bottomRight().toPoint() - QPoint(3, 3)
        QTest.mouseClick(widget.area, LEFT, Qt.KeyboardModifier.NoModifier, spot)


def new_kinds_shots(app, out, sizes: dict, settle, save) -> None:
    module = load_module(DEMO)
    by_id = {e.id: e for e in module.exercises}
    for scale, percent in ((1.0, 100), (2.0, 200)):
        apply_theme(app, scale)
        for name in SHOWN:
            widget = widget_for(by_id[name.removesuffix("-recap")], scale)
            widget.resize(*SIZE)
            widget.move(0, 0)
            widget.show()
            settle(widget, active=True)
            widget.start()
            settle(widget)
            _midway(name, widget)
            save(widget, out, f"new-{name}-{percent}", sizes)
            widget.close()
            widget.deleteLater()
    apply_theme(app, 1.0)
