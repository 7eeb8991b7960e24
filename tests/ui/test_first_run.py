"""Start-up: the first-run set-up, the demonstration kept apart, and the data-file messages.

``start(home, ask=...)`` runs everything before the event loop; ``ask`` stands in for
the person in front of the screen and answers the real widgets.
"""

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication

from tests.conftest import make_newer
from atelier import groups, settings
from atelier.groups import Group
from atelier.db import DamagedDatabaseError
from atelier.store import Store
from ui.main_window import MainWindow
from ui.app import launch, start
from ui.views.data_file_messages import DamagedFileDialog
from ui.views.first_run import FirstRunDialog
from ui.widgets.buttons import is_current


@pytest.fixture
def started(qtbot):
    """``started(result)``: registers a window returned by start(), closes it after."""
    opened = []

    def keep(result):
        if not isinstance(result, int):
            qtbot.addWidget(result)
            opened.append(result)
        return result

    yield keep
    for window in opened:
        window.close()
        window.store.close()


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)


def test_first_run_dialog_saves_the_answers(home, qtbot, started):
    def ask(dialog):
        assert isinstance(dialog, FirstRunDialog)
        show(qtbot, dialog)
        assert not dialog.start.isEnabled()  # the association's name comes first
        qtbot.keyClicks(dialog.association[1], "Les Amis du Quartier")
        qtbot.keyClicks(dialog.site[1], "Maison des Tilleuls")
        qtbot.keyClicks(dialog.facilitator[1], "Claire Martin, Karim Benali")
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)

    window = started(start(home, ask=ask))

    assert window.windowTitle() == "Atelier — Maison des Tilleuls"
    db = window.store.db
    assert settings.get(db, settings.ASSOCIATION) == "Les Amis du Quartier"
    assert settings.get(db, settings.SITE) == "Maison des Tilleuls"
    assert settings.get(db, settings.FACILITATORS) == "Claire Martin\nKarim Benali"


def test_a_person_who_reads_english_gets_through_the_first_run(home, qtbot, started):
    def ask(dialog):
        show(qtbot, dialog)
        assert dialog.title.text() == "Bienvenue dans Atelier" and dialog.start.text() == "Commencer"
        qtbot.keyClicks(dialog.association[1], "Riverside Friends")
        qtbot.keyClicks(dialog.site[1], "Elm Street Hall")
        qtbot.mouseClick(dialog.language.buttons["en"], Qt.MouseButton.LeftButton)
        assert dialog.title.text() == "Welcome to Atelier" and dialog.windowTitle() == "Welcome to Atelier"
        assert (dialog.start.text(), dialog.try_demo.text()) == ("Start", "Try the demo")
        assert dialog.association[0].text() == dialog.association[1].accessibleName() == (
            "Name of the organisation (required)")
        assert dialog.language.title.text() == "Language"
        assert is_current(dialog.language.buttons["en"]) and not is_current(dialog.language.buttons["fr"])
        assert dialog.association[1].text() == "Riverside Friends", "what was typed stays"
        assert dialog.site[1].text() == "Elm Street Hall"
        qtbot.keyClicks(dialog.facilitator[1], "Claire Martin")
        qtbot.mouseClick(dialog.start, Qt.MouseButton.LeftButton)

    window = started(start(home, ask=ask))

    db = window.store.db
    assert settings.language(db) == "en" and settings.get(db, settings.SITE) == "Elm Street Hall"
    assert window.buttons["settings"].text() == "Settings" and window.home.today_title.text() == "Today"
    assert window.windowTitle() == "Atelier — Elm Street Hall"


def test_choosing_french_again_says_the_dialog_in_french(qtbot):
    dialog = FirstRunDialog(demo=True)
    show(qtbot, dialog)
    dialog.language.buttons["en"].click()
    dialog.language.buttons["fr"].click()
    assert dialog.title.text() == "Bienvenue dans Atelier" and dialog.try_demo.text() == "Essayer avec la démonstration"
    assert dialog.spoken == "fr" and is_current(dialog.language.buttons["fr"])


def test_the_demonstration_speaks_the_language_chosen(home, qtbot, started):
    def ask(dialog):
        show(qtbot, dialog)
        dialog.language.buttons["en"].click()
        qtbot.mouseClick(dialog.try_demo, Qt.MouseButton.LeftButton)

    window = started(start(home, ask=ask))

    assert window.store.home == home / "demo" and settings.language(window.store.db) == "en"
    assert window.windowTitle() == "Atelier — demonstration"
    real = Store.open(home)
    try:
        assert settings.get(real.db, settings.LANGUAGE) is None, "the real data stays untouched"
    finally:
        real.close()


def test_first_run_dialog_is_large_and_named(qtbot):
    dialog = FirstRunDialog(demo=True)
    show(qtbot, dialog)
    for button in dialog.findChildren(QAbstractButton):
        assert button.width() >= 48 and button.height() >= 48
        assert button.accessibleName()
    for label, edit in (dialog.association, dialog.site, dialog.facilitator):
        assert edit.accessibleName() == label.text() and label.buddy() is edit
        assert edit.height() >= 48


def test_no_questions_once_set_up(home, started):
    first = Store.open(home)
    groups.add(first.db, Group("Débutants"))
    first.close()

    def ask(widget):
        raise AssertionError(f"nothing to ask, yet {widget!r}")

    window = started(start(home, ask=ask))
    assert window.windowTitle() == "Atelier"


def test_demo_leaves_the_real_database_empty(home, qtbot, started):
    def ask(dialog):
        show(qtbot, dialog)
        assert dialog.try_demo.isEnabled()
        qtbot.mouseClick(dialog.try_demo, Qt.MouseButton.LeftButton)

    window = started(start(home, ask=ask))

    assert window.windowTitle() == "Atelier — démonstration"
    assert window.store.home == home / "demo"
    assert not window.store.is_empty()
    real = Store.open(home)
    try:
        assert real.is_empty()
        assert settings.get(real.db, settings.ASSOCIATION) is None
    finally:
        real.close()


def _damaged_file(home: Path, with_backup: bool) -> Path:
    store = Store.open(home)
    settings.put(store.db, settings.ASSOCIATION, "Les Amis du Quartier")
    for n in range(40):  # enough rows for a file of several pages
        groups.add(store.db, Group(f"Groupe {n}", place="Salle " + "x" * 200))
    if with_backup:
        store.backup("manual")
    store.close()
    path = store.path
    assert path.stat().st_size > 8192
    with open(path, "r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xa5" * 4096)
    return path


def said(dialog) -> str:
    """What a message of the start says: its heading, then its words."""
    return dialog.heading.text() + "\n" + dialog.message.text()


def offered_backup(dialog) -> bool:
    """The damaged-file question offers to put the latest good backup back."""
    button = dialog.confirm_button
    return isinstance(dialog, DamagedFileDialog) and not button.isHidden() and button.text().startswith(
        "Remettre la sauvegarde du ")


@pytest.mark.parametrize("with_backup", [True, False])
def test_damaged_file_is_reported_and_left_as_it_is(home, with_backup, started, qtbot):
    path = _damaged_file(home, with_backup)
    before = path.read_bytes()
    shown = []

    def ask(dialog):
        assert isinstance(dialog, DamagedFileDialog)
        shown.append(dialog)
        dialog.cancel_button.click()  # « Quitter »

    # The window opens at once; the quick_check runs first thing on the worker.
    window = started(start(home, ask=ask))
    codes = []
    launch(window, ask, quit=codes.append)
    window.ops.run(settings.put, settings.SITE, "écrit après le contrôle",
                   on_error=lambda error: None)
    qtbot.waitUntil(lambda: bool(shown))
    assert not window.isVisible()
    assert codes == [3]

    (dialog,) = shown
    assert "abîmé" in said(dialog) and "rien n'a été effacé" in said(dialog)
    assert offered_backup(dialog) == with_backup
    assert path.read_bytes() == before
    assert sorted(p.name for p in home.iterdir() if p.is_file()) == ["atelier.db"]


def test_writes_are_refused_once_the_check_found_damage(home, started, qtbot):
    window = started(start(home, ask=lambda widget: None))
    window.store.damage = "*** in database main ***"  # what verify() records on damage
    refused = []
    window.ops.run(settings.put, settings.SITE, "ne doit pas être écrit",
                   on_error=refused.append)
    qtbot.waitUntil(lambda: bool(refused))
    assert isinstance(refused[0], DamagedDatabaseError)
    assert settings.get(window.store.db, settings.SITE) is None


def test_damaged_file_can_be_replaced_by_the_latest_backup(home, started, qtbot):
    path = _damaged_file(home, with_backup=True)
    damaged_bytes = path.read_bytes()

    def ask(dialog):
        assert offered_backup(dialog)
        dialog.confirm_button.click()  # « Remettre la sauvegarde du … »

    first = started(start(home, ask=ask))
    codes = []
    launch(first, ask, quit=codes.append)
    qtbot.waitUntil(lambda: not first.isVisible())
    assert codes == []
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    started(window)

    assert len(groups.every(window.store.db)) == 40
    (aside,) = home.glob("atelier-damaged-*.db")  # kept for a technician, not deleted
    assert aside.read_bytes() == damaged_bytes


def test_newer_file_is_refused_untouched(home, started):
    Store.open(home).close()
    path = home / "atelier.db"
    make_newer(path)
    before = path.read_bytes()
    shown = []

    def ask(box):
        shown.append(box)
        return box.buttons()[0]

    assert started(start(home, ask=ask)) == 3
    (box,) = shown
    assert "version plus récente" in box.text() and "pas été modifiées" in box.text()
    assert "Quitter" in [b.text() for b in box.buttons()]
    assert path.read_bytes() == before
