"""The facilitator's Exercices section: opening practice for today's group or anyone,
and the group × exercise progress grid (checked with qtmodeltester)."""

from datetime import timedelta

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush

from atelier import groups, people, results, sessions
from atelier.groups import Group
from atelier.people import Participant
from atelier.lessons.scoring import Outcome
from atelier.sessions import Session
from conftest import TODAY
from people_helpers import check_targets
from ui import modules as library
from ui.models.progress_grid import CELL_ROLE, DONE, NOT_YET, TRIED, ProgressGridModel
from ui.theme import HIGH_CONTRAST, LIGHT, apply_theme, contrast_ratio

LEFT = Qt.MouseButton.LeftButton


def setup_day(store):
    souris = groups.add(store.db, Group("Premiers pas"))
    other = groups.add(store.db, Group("Tablette"))
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    bernard = people.add(store.db, Participant("Bernard", "Roux"))
    walker = people.add(store.db, Participant("Zoé", "Zed"))
    groups.add_members(store.db, souris.id, [helene.id, bernard.id])
    today = sessions.add(store.db, Session(TODAY.isoformat(), "09:30", "11:30", group_id=souris.id))
    sessions.add(store.db, Session((TODAY + timedelta(days=1)).isoformat(), "09:30", "11:30", group_id=other.id))
    return souris, today, helene, bernard, walker


def open_section(open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["exercises"], LEFT)
    return window, window.stack.currentWidget()


def test_the_grid_model_passes_the_model_tester_and_says_it_in_words(store, qtmodeltester):
    module = library.all_modules()[0]
    helene = people.add(store.db, Participant("Hélène", "Martin"))
    bernard = people.add(store.db, Participant("Bernard", "Roux"))
    first, second = module.exercises[:2]
    results.record(store.db, helene.id, module.id, first.id, Outcome(0.9, 5, 1000), store.device_id)
    results.record(store.db, helene.id, module.id, first.id, Outcome(0.4, 9, 1000), store.device_id)
    results.record(store.db, bernard.id, module.id, second.id, Outcome(0.5, 7, 1000), store.device_id)
    exercises = [(module, e) for e in module.exercises]
    model = ProgressGridModel()
    model.set_grid([helene, bernard], exercises,
                   results.grid(store.db, [helene.id, bernard.id], [(module.id, e.id) for e in module.exercises]))
    qtmodeltester.check(model)
    assert (model.rowCount(), model.columnCount()) == (2, len(module.exercises))
    cell = lambda r, c, role=Qt.ItemDataRole.DisplayRole: model.data(model.index(r, c), role)  # noqa: E731
    assert [cell(0, 0), cell(0, 1), cell(1, 0), cell(1, 1)] == ["✓ Réussi", "pas encore", "pas encore", "Commencé"]
    assert [cell(0, 0, CELL_ROLE), cell(1, 1, CELL_ROLE), cell(1, 0, CELL_ROLE)] == [DONE, TRIED, NOT_YET]
    assert cell(0, 0, Qt.ItemDataRole.ToolTipRole) == "Meilleur score : 90 % · fait 2 fois · 14 essais en tout"
    assert cell(0, 0, Qt.ItemDataRole.AccessibleTextRole).startswith(f"Hélène Martin, {first.title} : ✓ Réussi.")
    assert model.headerData(0, Qt.Orientation.Vertical) == "Hélène\nMartin"  # the columns keep the room
    assert model.headerData(0, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole) == "Hélène Martin"
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == first.title
    model.set_grid([], [], {})
    qtmodeltester.check(model)


def test_every_cell_colour_reads_at_7_to_1_on_both_themes(qapp):
    model = ProgressGridModel()
    model.set_grid([Participant("A", id="a")], [(library.all_modules()[0], library.all_modules()[0].exercises[0])], {})
    from ui.models.progress_grid import colours

    for contrast in (False, True):
        apply_theme(qapp, 1.0, high_contrast=contrast)
        palette = HIGH_CONTRAST if contrast else LIGHT
        for state in (DONE, TRIED, NOT_YET):
            text, background = colours(state)
            assert contrast_ratio(text, background) >= 7, (palette, state)
        brush = model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole)
        assert isinstance(brush, QBrush)
    apply_theme(qapp, 1.0)
    from ui.practice.look import DONE_TEXT, HELP_BG

    assert contrast_ratio(DONE_TEXT, LIGHT.card) >= 7 and contrast_ratio(LIGHT.text, HELP_BG) >= 7


def test_the_section_offers_todays_group_and_anyone(store, open_window, qtbot):
    souris, today, helene, bernard, walker = setup_day(store)
    window, view = open_section(open_window, qtbot)
    assert [b.text() for b in view.group_buttons] == ["Pour le groupe « Premiers pas »"]
    assert view.no_pin.isVisibleTo(view)
    check_targets(view)
    assert view.group_choice.currentText() == "Premiers pas"  # today's group first
    assert [p.first_name for p in view.model.people] == ["Hélène", "Bernard"]
    module = library.module_by_id(view.module_choice.currentData())
    results.record(store.db, helene.id, module.id, module.exercises[0].id, Outcome(1.0, 3, 1000), store.device_id)
    view.reload_grid()
    assert view.model.words(0, 0) == "✓ Réussi"
    assert all(view.table.rowHeight(r) >= 48 for r in range(view.model.rowCount()))

    qtbot.mouseClick(view.group_buttons[0], LEFT)
    shell = view.practice
    qtbot.waitExposed(shell)
    assert shell.isFullScreen() and shell.session_id == today.id
    assert set(shell.picker.tiles) == {helene.id, bernard.id}
    qtbot.mouseClick(shell.picker.tiles[bernard.id], LEFT)
    qtbot.mouseClick(shell.home.next_button, LEFT)
    assert shell.instructions.title.text() == library.all_modules()[0].exercises[0].title
    shell._leave()
    assert view.practice is None
    qtbot.mouseClick(view.anyone_button, LEFT)
    assert set(view.practice.picker.tiles) == {helene.id, bernard.id, walker.id}
    assert view.practice.session_id is None
    view.practice._leave()


def test_a_recorded_result_refreshes_the_grid(store, open_window, qtbot):
    souris, today, helene, bernard, walker = setup_day(store)
    window, view = open_section(open_window, qtbot)
    module = library.module_by_id(view.module_choice.currentData())

    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        window.ops.run(results.record, bernard.id, module.id, module.exercises[1].id, Outcome(0.5, 6, 1000),
                       store.device_id)
    assert view.model.words(1, 1) == "Commencé"


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_column_of_the_grid_is_in_sight_and_pas_encore_is_quiet(store, open_window, qtbot, qapp, scale):
    from PySide6.QtGui import QFont
    from waits import laid_out

    souris, today, helene, bernard, walker = setup_day(store)
    apply_theme(qapp, scale)
    try:
        window, view = open_section(open_window, qtbot)
        window.resize(1366, 768)
        view.module_choice.setCurrentIndex(view.module_choice.findData("la-souris"))
        module = library.module_by_id("la-souris")
        results.record(store.db, helene.id, module.id, module.exercises[0].id, Outcome(1.0, 1, 1000), store.device_id)
        results.record(store.db, bernard.id, module.id, module.exercises[1].id, Outcome(0.2, 6, 1000), store.device_id)
        view.reload_grid()
        laid_out(qtbot, window)
        table, model = view.table, view.model
        assert model.columnCount() == len(module.exercises) >= 6
        assert table.horizontalScrollBar().maximum() == 0  # nothing to scroll sideways to
        for column in range(model.columnCount()):
            left = table.columnViewportPosition(column)
            assert left >= 0 and left + table.columnWidth(column) <= table.viewport().width(), column
        if model.compact:  # numbered columns: the legend names them
            said = table.legend.text().replace("\u00a0", " ")
            assert table.legend.isVisible() and all(e.title in said for e in module.exercises)
            assert model.data(model.index(0, 0)) == "✓" and model.data(model.index(0, 1)) == "–"
        else:
            assert not table.legend.isVisible()
            assert model.data(model.index(0, 0)) == "✓ Réussi" and model.data(model.index(0, 1)) == "pas encore"
        font = lambda r, c: model.data(model.index(r, c), Qt.ItemDataRole.FontRole)  # noqa: E731
        colour = lambda r, c: model.data(model.index(r, c), Qt.ItemDataRole.ForegroundRole).color().name()  # noqa: E731
        assert isinstance(font(0, 0), QFont) and font(0, 0).bold() and font(1, 1).bold()  # the results stand out
        assert not font(0, 1).bold() and colour(0, 1).upper() == LIGHT.muted  # « pas encore », quietly
        assert colour(0, 0).upper() == LIGHT.text
    finally:
        apply_theme(qapp, 1.0)
