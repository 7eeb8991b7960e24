"""drag: carry the fruit to the basket (or the pack's pictures: a file to its folder)
with the button held; the basket accepts it a little around its edges too (the
pack's ``tolerance``)."""

import random

from PySide6.QtCore import QPoint, QPointF, Qt, Signal

from atelier.i18n import _
from atelier.lessons.scoring import ClickScore, dropped_on
from ui.practice.kinds.click import Playground, fitted
from ui.practice.kinds.common import Exercise, Shape, capitalised, named


class Fruit(Shape):
    """Follows the pointer while the left button is held; says where it was let go."""

    moved = Signal(QPointF)     # its centre, in the area's coordinates
    dropped = Signal(QPointF, bool)   # centre, and whether it really travelled

    def __init__(self, *args):
        super().__init__(*args)
        self._grab: QPoint | None = None
        self._from = QPoint()

    def mousePressEvent(self, event):
        if event.button() != Qt.MouseButton.LeftButton:
            return event.ignore()
        self._grab = event.position().toPoint()
        self._from = self.pos()
        self.lit = True
        self.raise_()
        self.update()

    def mouseMoveEvent(self, event):
        if self._grab is None:
            return
        area = self.parentWidget()
        wanted = self.mapToParent(event.position().toPoint()) - self._grab
        x = max(0, min(wanted.x(), area.width() - self.width()))
        y = max(0, min(wanted.y(), area.height() - self.height()))
        self.move(x, y)
        self.moved.emit(QPointF(self.geometry().center()))

    def mouseReleaseEvent(self, event):
        if self._grab is None:
            return
        self._grab = None
        self.lit = False
        self.update()
        travelled = (self.pos() - self._from).manhattanLength() > 8
        self.dropped.emit(QPointF(self.geometry().center()), travelled)


class DragExercise(Exercise):
    def __init__(self, exercise, scale=1.0, parent=None):
        super().__init__(exercise, scale, parent)
        self.count = exercise.params["count"]
        self.area = Playground()
        self.layout_.addWidget(self.area, 1)
        self.add_feedback()
        p = exercise.params
        self.labels = (p.get("object_label"), p.get("target_label"))
        self.basket = Shape("basket", capitalised(named(p.get("target_label"), _("Panier"), "{label}")), self.area,
                            self.pack_picture("target_image"))
        self.fruit = Fruit("fruit", capitalised(named(p.get("object_label"), _("Fruit à ranger dans le panier"),
                                                      _("{label}, à glisser"))),
                           self.area, self.pack_picture("object_image"))
        self.fruit.moved.connect(self._moving)
        self.fruit.dropped.connect(self._dropped)
        self.area.pressed.connect(lambda _pos: None)   # a press beside the fruit: nothing
        self.area.resized.connect(self._relayout)
        self.tally = ClickScore(self.count)
        self._rounds = []

    def start(self) -> None:
        self.begin()
        self.tally = ClickScore(self.count)
        rng = random.Random(self.exercise.id)
        self._rounds = [(rng.random(), rng.random(), rng.random() < 0.5) for _ in range(self.count)]
        self._relayout()
        self.progressed.emit(0, self.count)

    def _relayout(self) -> None:
        if not self._rounds or self.tally.finished:
            return
        p = self.exercise.params
        self.fruit.resize(*(2 * [fitted(self.scaled(p["object_size"]), self.area)]))
        self.basket.resize(*(2 * [fitted(self.scaled(p["target_size"]), self.area)]))
        fy, by, fruit_left = self._rounds[self.tally.done]
        self.area.place(self.fruit, 0.05 if fruit_left else 0.95, fy)
        self.area.place(self.basket, 0.95 if fruit_left else 0.05, by)
        self.basket.lit = False
        self.fruit.show()
        self.basket.show()
        self.basket.update()

    def skip_label(self) -> str:
        return _("Passer ce fruit") if self.count > 1 else super().skip_label()

    def skip_item(self) -> bool:
        if not self.pass_over(self.tally, self.fruit):
            return False
        self._relayout()
        return True

    def _zone(self) -> tuple:
        g = self.basket.geometry()
        return (g.x(), g.y(), g.width(), g.height())

    def _on_basket(self, centre: QPointF) -> bool:
        return dropped_on(centre.x(), centre.y(), self._zone(),
                          self.scaled(self.exercise.params["tolerance"]))

    def _moving(self, centre: QPointF) -> None:
        lit = self._on_basket(centre)
        if lit != self.basket.lit:
            self.basket.lit = lit
            self.basket.update()

    def _dropped(self, centre: QPointF, travelled: bool) -> None:
        if self.tally.finished:
            return
        if not travelled:
            self.say(_("Gardez le bouton appuyé pendant que vous déplacez la souris."))
            return
        if not self._on_basket(centre):
            self.tally.miss()
            thing, place = self.labels
            self.say(_("Presque ! Amenez le fruit jusqu'au panier avant de relâcher.") if not (thing or place)
                     else _("Presque ! Relâchez quand {thing} est sur {place}.").format(
                         thing=thing or _("l'objet"), place=place or _("la cible")))
            self._relayout()
            return
        plain = not any(self.labels)
        if not self.count_hit(self.tally, _("Bravo, tous les fruits sont rangés !") if plain
                              else _("Bravo, tout est rangé !"),
                              _("Bravo ! Voici un autre fruit.") if plain else _("Bravo ! Encore une fois."),
                              self.fruit):
            self._relayout()
