"""« Qui êtes-vous ? » — the learner picks their name from large tiles, or « Invité ».

No password: initials and first name (with the initial of the last name when two
people share a first name). A guest's results are not kept.
"""

from collections import Counter

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from atelier.i18n import _
from atelier.people import Participant
from ui.practice.look import Tile, learner_label, lpx
from ui.practice.tile_grid import TileGrid


def short_name(person: Participant, others: list[Participant] | None = None) -> str:
    """'Hélène', or 'Hélène M.' when another Hélène is in the list."""
    same = Counter(p.first_name.casefold() for p in (others or [person]))
    if person.last_name and same[person.first_name.casefold()] > 1:
        return f"{person.first_name} {person.last_name[0].upper()}."
    return person.first_name


def person_tile(initials: str, name: str, description: str) -> Tile:
    tile = Tile(name)
    tile.setAccessibleDescription(description)
    badge = tile.add_line(initials or "?", "initials", Qt.AlignmentFlag.AlignHCenter)
    badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
    tile.column.setAlignment(badge, Qt.AlignmentFlag.AlignHCenter)
    tile.add_line(name, "learnerName", Qt.AlignmentFlag.AlignHCenter)
    return tile


class LearnerPicker(QWidget):
    """``chosen(person)``: a Participant, or None for a guest."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("learnerPage")
        self.people: list[Participant] = []
        self.title = learner_label(_("Bonjour\u00a0! Qui êtes-vous\u00a0?"), "learnerTitle")
        self.hint = learner_label(_("Cliquez une fois sur votre prénom."))
        self.grid = TileGrid(_("Les prénoms"), columns=4)
        self.guest_tile: Tile | None = None
        self.tiles: dict[str, Tile] = {}
        column = QVBoxLayout(self)
        column.setContentsMargins(lpx(32), lpx(12), lpx(32), lpx(12))
        column.setSpacing(lpx(10))
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addWidget(self.grid, 1)
        self.setAccessibleName(_("Qui êtes-vous ?"))

    def set_people(self, people: list[Participant]) -> None:
        self.people = list(people)
        self.tiles = {}
        tiles = []
        for person in self.people:
            name = short_name(person, self.people)
            tile = person_tile(person.initials, name, _("Commencer l'entraînement"))
            tile.clicked.connect(lambda _checked=False, p=person: self.chosen.emit(p))
            self.tiles[person.id] = tile
            tiles.append(tile)
        self.guest_tile = person_tile("?", _("Invité"), _(
            "S'entraîner sans être sur la liste : les résultats ne sont pas gardés"))
        self.guest_tile.clicked.connect(lambda: self.chosen.emit(None))
        tiles.append(self.guest_tile)
        self.grid.set_tiles(tiles)

    def focus_first(self) -> None:
        self.grid.focus_first()
