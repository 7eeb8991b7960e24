"""The retention dialog as a list of tick rows: as light with five hundred people as
with five, ticked by a click or Space, all at once with « Tout cocher » / « Tout
décocher », and its period said right for one year too."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier.i18n import use_language
from atelier.retention import Inactive
from people_helpers import LEFT, click_row
from ui.models.inactive import InactiveModel
from ui.qt_language import install_qt_translations
from ui.views.retention_dialog import RetentionDialog

CHECKED, UNCHECKED = Qt.CheckState.Checked, Qt.CheckState.Unchecked


def gone(n: int) -> list[Inactive]:
    return [Inactive(f"id{i}", f"Personne{i} Ancienne", date(2021, 1, 1) + timedelta(days=i)) for i in range(n)]


def opened(qtbot, found: list[Inactive], years: int = 3) -> RetentionDialog:
    dialog = RetentionDialog(found, years)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def ticks(dialog: RetentionDialog) -> list:
    return [dialog.model.index(row).data(Qt.ItemDataRole.CheckStateRole) for row in range(dialog.model.rowCount())]


def test_five_hundred_people_make_no_more_widgets_than_five(qtbot):
    before = len(QApplication.allWidgets())
    few = opened(qtbot, gone(5))  # kept: qtbot holds it weakly
    between = len(QApplication.allWidgets())
    many = opened(qtbot, gone(500))
    with_few, with_many = between - before, len(QApplication.allWidgets()) - between
    # The list's rows are painted, not built: a count, whatever the number of people
    # (two widgets a person before: over a thousand for 500).
    assert with_many < 100
    assert with_many <= with_few + 2  # only « Tout cocher » and « Tout décocher » are added
    assert ticks(many) == [CHECKED] * 500 and len(many.chosen()) == 500 and few.isVisible()


def test_a_click_or_space_ticks_a_row_and_nobody_ticked_cannot_be_anonymised(qtbot):
    dialog = opened(qtbot, gone(2))
    assert not hasattr(dialog, "check_all_button")  # two people: no need
    click_row(qtbot, dialog.list, 0)
    assert ticks(dialog) == [UNCHECKED, CHECKED] and dialog.chosen() == ["id1"]
    index = dialog.model.index(1)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole) == "Personne1 Ancienne, dernière venue le 02/01/2021, coché"
    dialog.list.setFocus()
    dialog.list.setCurrentIndex(index)
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert ticks(dialog) == [UNCHECKED, UNCHECKED] and dialog.chosen() == []
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).endswith(", non coché")
    assert not dialog.confirm_button.isEnabled()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Space)
    assert dialog.confirm_button.isEnabled() and dialog.chosen() == ["id1"]


def test_all_ticked_or_none_at_once(qtbot):
    dialog = opened(qtbot, gone(12))
    assert not dialog.check_all_button.isEnabled() and dialog.uncheck_all_button.isEnabled()
    qtbot.mouseClick(dialog.uncheck_all_button, LEFT)
    assert ticks(dialog) == [UNCHECKED] * 12
    assert not dialog.confirm_button.isEnabled() and not dialog.uncheck_all_button.isEnabled()
    click_row(qtbot, dialog.list, 3)
    assert dialog.chosen() == ["id3"] and dialog.check_all_button.isEnabled() and dialog.uncheck_all_button.isEnabled()
    qtbot.mouseClick(dialog.check_all_button, LEFT)
    assert ticks(dialog) == [CHECKED] * 12 and dialog.confirm_button.isEnabled()
    assert dialog.cancel_button.isDefault() and dialog.confirm_button.objectName() == "danger"


@pytest.mark.parametrize("language, years, title, period", [
    ("fr", 1, "3 personnes ne viennent plus depuis plus d'un an", "Ce délai d'un an se change"),
    ("fr", 3, "3 personnes ne viennent plus depuis plus de 3 ans", "Ce délai de 3 ans se change"),
    ("en", 1, "3 people have not come for more than a year", "This period of one year can be changed"),
    ("en", 10, "3 people have not come for more than 10 years", "This period of 10 years can be changed"),
])
def test_the_period_is_said_right_for_one_year_too(language, years, title, period, qtbot, qapp):
    use_language(language)
    install_qt_translations(qapp, language)
    try:
        dialog = opened(qtbot, gone(3), years)
        assert dialog.windowTitle() == title
        assert period in dialog.message.text()
    finally:
        use_language("fr")
        install_qt_translations(qapp, "fr")


def test_the_model_passes_the_model_tester(qtmodeltester):
    model = InactiveModel()
    model.set_rows(gone(3))
    model.check_all(True)
    assert model.setData(model.index(1), UNCHECKED, Qt.ItemDataRole.CheckStateRole)
    qtmodeltester.check(model)
    assert model.checked_ids() == ["id0", "id2"]
    assert model.index(0).data(Qt.ItemDataRole.UserRole + 3) == "dernière venue le 01/01/2021"
