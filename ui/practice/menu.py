"""The learner's way in: « Bonjour Hélène », what comes next in one click, the modules;
then one module's exercises as large tiles, a ✓ on those already done.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier.lessons.pack import Exercise, Module
from ui.practice.look import Tile, learner_button, learner_label, lpx
from ui.practice.tile_grid import TileGrid


def _page(widget: QWidget) -> QVBoxLayout:
    widget.setObjectName("learnerPage")
    column = QVBoxLayout(widget)
    column.setContentsMargins(lpx(32), lpx(12), lpx(32), lpx(12))
    column.setSpacing(lpx(10))
    return column


class LearnerHome(QWidget):
    """``next_chosen(module, exercise)``, ``module_chosen(module)``, ``progress_asked()``."""

    next_chosen = Signal(object, object)
    module_chosen = Signal(object)
    progress_asked = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.next: tuple[Module, Exercise] | None = None
        self.title = learner_label("", "learnerTitle")
        self.next_button = Tile("")  # a title can be long: this button wraps its words
        self.next_button.setProperty("primary", True)
        self.next_label = self.next_button.add_line("", "learnerName")
        self.next_button.clicked.connect(self._next_clicked)
        self.all_done = learner_label(_("Vous avez fait tous les exercices. Bravo ! "
                                              "Vous pouvez en refaire un quand vous voulez."))
        self.choose = learner_label(_("Ou choisissez un thème :"))
        self.grid = TileGrid(_("Les thèmes"), columns=3)
        self.progress_button = learner_button(_("Mes progrès"), _("Voir ce que j'ai déjà fait"))
        self.progress_button.clicked.connect(self.progress_asked)
        column = _page(self)
        top = QHBoxLayout()  # the greeting and « Mes progrès » share a line: the themes keep the room
        top.setSpacing(lpx(16))
        top.addWidget(self.title, 1)
        top.addWidget(self.progress_button, 0, Qt.AlignmentFlag.AlignTop)
        column.addLayout(top)
        column.addWidget(self.next_button)
        column.addWidget(self.all_done)
        column.addWidget(self.choose)
        column.addWidget(self.grid, 1)
        QWidget.setTabOrder(self.progress_button, self.next_button)
        self.setAccessibleName(_("Accueil de l'entraînement"))

    def show_for(self, name: str, modules: list[Module], done: set[tuple[str, str]],
                 next_up: tuple[Module, Exercise] | None) -> None:
        self.title.setText(_("Bonjour {name}\u00a0!").format(name=name) if name else _("Bonjour\u00a0!"))
        self.next = next_up
        if next_up is not None:
            text = _("Continuer : {title}").format(title=next_up[1].title)
            self.next_label.setText(text)
            self.next_button.setAccessibleName(text)
        self.next_button.setVisible(next_up is not None)
        self.all_done.setVisible(next_up is None)
        self.progress_button.setVisible(bool(name))  # a guest has no progress kept
        tiles = []
        for module in modules:
            finished = sum((module.id, e.id) in done for e in module.exercises)
            tile = Tile(module.title)
            tile.add_line(module.title, "learnerName")
            count = plural(finished, "{done} exercice fait sur {all}",
                           "{done} exercices faits sur {all}", done=finished, all=len(module.exercises))
            tile.add_line(("✓ " if finished == len(module.exercises) else "") + count,
                          "done" if finished == len(module.exercises) else "")
            tile.setAccessibleDescription(count)
            tile.clicked.connect(lambda _checked=False, m=module: self.module_chosen.emit(m))
            tiles.append(tile)
        self.grid.set_tiles(tiles)

    def _next_clicked(self) -> None:
        if self.next is not None:
            self.next_chosen.emit(*self.next)

    def focus_first(self) -> None:
        if self.next_button.isVisibleTo(self):
            self.next_button.setFocus()
        else:
            self.grid.focus_first()


class ExerciseMenu(QWidget):
    """One module's exercises: ``exercise_chosen(module, exercise)``, ``back()``."""

    exercise_chosen = Signal(object, object)
    back = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.module: Module | None = None
        self.tiles: dict[str, Tile] = {}
        self.title = learner_label("", "learnerTitle")
        self.hint = learner_label(_("Choisissez un exercice :"))  # each tile says « ✓ Réussi » or « À faire »
        self.grid = TileGrid(_("Les exercices"), columns=3)
        self.back_button = learner_button(_("‹ Retour aux thèmes"), _("Revenir au choix des thèmes"))
        self.back_button.setAccessibleName(_("Retour aux thèmes"))
        self.back_button.clicked.connect(self.back)
        column = _page(self)
        top = QHBoxLayout()  # the way back, then the theme's name: the exercises keep the room
        top.setSpacing(lpx(24))
        top.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.title, 1)
        column.addLayout(top)
        column.addWidget(self.hint)
        column.addWidget(self.grid, 1)

    def show_module(self, module: Module, done: set[tuple[str, str]]) -> None:
        self.module = module
        self.title.setText(module.title)
        self.setAccessibleName(module.title)
        self.tiles = {}
        for exercise in module.exercises:
            tile = Tile(exercise.title)
            tile.add_line(exercise.title, "learnerName")
            finished = (module.id, exercise.id) in done
            state = _("✓ Réussi") if finished else _("À faire")
            tile.add_line(state, "done" if finished else "")
            tile.setAccessibleDescription(_("Réussi") if finished else _("À faire"))
            tile.clicked.connect(lambda _checked=False, e=exercise: self.exercise_chosen.emit(module, e))
            self.tiles[exercise.id] = tile
        self.grid.set_tiles(list(self.tiles.values()))

    def focus_first(self) -> None:
        self.grid.focus_first()
