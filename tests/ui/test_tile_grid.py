"""The learners' name tiles at 200 %, for any group: every name whole (no word cut in
its tile), and every tile in sight whenever the names fit at the learners' least text
size; only a very large group scrolls, drawn as compactly as the grid can."""

from hypothesis import HealthCheck, given, settings, strategies as st
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from atelier.people import Participant
from fit import in_sight
from ui.practice.learner_picker import LearnerPicker
from ui.practice.look import apply_learner_look
from ui.practice.tile_grid import fits_in_order, unbreakable
from ui.theme import apply_theme
from waits import laid_out

SIZE = (1366, 630)  # what the practice window leaves its page at 200 % on a 1366 × 768 screen

TWELVE = ["Odette", "Raymond", "Marie-Thérèse", "Lan", "Yvette", "André", "Simone", "Lucien", "Josiane", "Maurice",
          "Colette", "Jean-Christophe"]
first_names = st.text(alphabet="abcdeéèfghijklmnoprstuvyzAÉJLMN-", min_size=2, max_size=16).filter(
    lambda name: name.strip("-") == name and "--" not in name)


def shown_names(qtbot, names: list[str]):
    """The name tiles of ``names`` (and « Invité ») in the room the practice window leaves them."""
    page = QWidget()
    apply_learner_look(page)
    picker = LearnerPicker()
    QVBoxLayout(page).addWidget(picker)
    picker.set_people([Participant(name, f"N{n}", id=f"p{n}") for n, name in enumerate(names)])
    qtbot.addWidget(page)
    page.resize(*SIZE)
    page.show()
    qtbot.waitExposed(page)
    laid_out(qtbot, page)
    return page, picker, [*picker.tiles.values(), picker.guest_tile]


def names_whole(tiles) -> None:
    for tile in tiles:
        for label in tile.findChildren(QLabel, "learnerName"):
            widest = max(label.fontMetrics().horizontalAdvance(piece) for piece in unbreakable(label.text()))
            assert label.width() >= widest, f"« {label.text()} » coupé dans sa tuile"
            assert label.height() >= label.heightForWidth(label.width()), f"« {label.text()} » coupé en bas"


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(first_names, min_size=1, max_size=26, unique_by=str.casefold))
def test_every_name_is_whole_and_in_sight_when_it_can_be(qapp, qtbot, names):
    apply_theme(qapp, 2.0)
    try:
        page, picker, tiles = shown_names(qtbot, names)
        names_whole(tiles)
        if not all(in_sight(tile, page) for tile in tiles):
            assert picker.grid.verticalScrollBar().maximum() > 0, "des prénoms hors de vue, et rien pour les voir"
            assert picker.grid.fit == fits_in_order(2.0)[-1], "des prénoms hors de vue, la grille pouvait serrer encore"
    finally:
        apply_theme(qapp, 1.0)


def test_a_group_of_twelve_shows_every_name_at_200_percent(qapp, qtbot):
    apply_theme(qapp, 2.0)
    try:
        page, _picker, tiles = shown_names(qtbot, TWELVE)
        names_whole(tiles)
        assert [tile.accessibleName() for tile in tiles if not in_sight(tile, page)] == []
    finally:
        apply_theme(qapp, 1.0)


def test_a_live_change_of_text_size_fits_the_tiles_again(qapp, qtbot):
    apply_theme(qapp, 1.0)
    page, picker, tiles = shown_names(qtbot, TWELVE)
    try:
        apply_theme(qapp, 2.0)
        apply_learner_look(page)  # as the practice window does on the theme's signal
        names = [label for tile in tiles for label in tile.findChildren(QLabel, "learnerName")]
        qtbot.waitUntil(lambda: all(in_sight(tile, page) for tile in tiles), timeout=3000)
        laid_out(qtbot, page)
        assert min(label.font().pointSizeF() for label in names) >= 22  # the learners' least, at 200 %
        names_whole(tiles)
    finally:
        apply_theme(qapp, 1.0)
