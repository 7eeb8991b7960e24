"""Réglages → Sauvegardes, driven by real clicks over real backups: the list and its
checks, « Faire une sauvegarde maintenant », « Copier la dernière sauvegarde… » to a
folder (and to a full stick), and « Restaurer… » through the whole program, which
opens again on the restored data."""

import os
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from atelier import backups, people
from atelier.people import Participant
from tests.backup_helpers import make_bad
from tests.disks import fill, small_disk  # noqa: F401 (fixture)
from tests.ui.test_documents import check_targets
from ui.app import launch, start
from ui.main_window import MainWindow
from ui.views.backup_setting import BackupRow
from ui.widgets.confirm import ConfirmDialog

LEFT = Qt.MouseButton.LeftButton
UTC = timezone.utc


def add(store, *names: str) -> None:
    with store.db.atomic():  # one transaction: a few milliseconds for thousands
        for name in names:
            people.add(store.db, Participant(name))


def backups_page(window, qtbot):
    """The Sauvegardes section of the shown Réglages, once every row is checked."""
    window.show_section("settings")
    page = window.page("settings").backups
    qtbot.waitUntil(lambda: page.rows and all(row.state.text() != "Vérification…" for row in page.rows), timeout=10000)
    return page


def test_the_list_says_when_how_big_and_checked_and_one_is_taken_now(store, open_window, qtbot):
    add(store, "Hélène", "José")
    for day in range(7):  # a week of daily backups, then a spoilt one on top
        backups.take(store.db, store.backups_dir, "auto", datetime(2026, 11, 20 + day, 9, 5, tzinfo=UTC))
    newest = backups.list_backups(store.backups_dir)[0].path
    make_bad(store.backups_dir, "damaged", 50, newest)
    window = open_window()
    page = backups_page(window, qtbot)

    assert len(page.rows) == 5 and page.more.isVisible() and page.more.text() == "Afficher les 3 autres sauvegardes"
    spoilt, good = page.rows[0], page.rows[1]
    assert spoilt.state.text().startswith("✗ Inutilisable : ") and "abîmée" in spoilt.state.text()
    assert not spoilt.restore.isVisibleTo(page)
    local = datetime(2026, 11, 26, 9, 5, tzinfo=UTC).astimezone()
    assert good.when == f"Jeudi 26 novembre 2026 à {local:%H:%M}"  # the date in words, the local time
    assert good.facts.text().startswith("Automatique · ") and good.facts.text().endswith("Ko")
    assert good.state.text() == "✓ Vérifiée : en bon état." and good.restore.isEnabled()
    check_targets(page)

    qtbot.mouseClick(page.more, LEFT)
    assert len(page.rows) == 8 and not page.more.isVisible()
    qtbot.mouseClick(page.take, LEFT)
    qtbot.waitUntil(lambda: page.message.text() == "Sauvegarde faite.", timeout=10000)
    made = backups.list_backups(store.backups_dir)[0]
    assert made.reason == "manual" and page.rows[0].backup == made
    assert page.rows[0].facts.text().startswith("Manuelle") and page.rows[0].restore.isEnabled()


def test_the_latest_good_backup_is_copied_to_the_chosen_folder(store, open_window, qtbot, tmp_path):
    add(store, *(f"P{n}" for n in range(50)))
    store.backup("manual")
    window = open_window()
    page = backups_page(window, qtbot)
    stick = tmp_path / "CLE"
    stick.mkdir()
    asked = []
    page.choose_folder = lambda parent, title: asked.append(title) or str(stick)
    values = []
    page.progress.valueChanged.connect(values.append)

    qtbot.mouseClick(page.copy, LEFT)
    qtbot.waitUntil(lambda: page.message.text().startswith("Copie terminée"), timeout=10000)

    latest = backups.latest_good(store.backups_dir).path
    assert asked == ["Où copier la dernière sauvegarde ?"]
    assert os.listdir(stick) == [latest.name] and (stick / latest.name).read_bytes() == latest.read_bytes()
    assert values and values[-1] == 100 and not page.progress.isVisible()
    assert "éjecter la clé USB" in page.message.text() and page.copy.isEnabled()


def test_a_full_stick_is_said_in_french_and_leaves_no_partial_file(store, open_window, qtbot, small_disk):
    add(store, *(f"P{n}" for n in range(2000)))
    store.backup("manual")
    fill(small_disk, leave=8 * 1024)
    window = open_window()
    page = backups_page(window, qtbot)
    page.choose_folder = lambda parent, title: str(small_disk)

    qtbot.mouseClick(page.copy, LEFT)
    qtbot.waitUntil(page.problem.isVisible, timeout=10000)

    assert page.problem.text().startswith("Le disque est plein") and "Errno" not in page.problem.text()
    assert not page.message.isVisible()
    assert os.listdir(small_disk) == ["filler.bin"] and page.copy.isEnabled()


def test_cancelling_the_restore_changes_nothing(store, open_window, qtbot):
    add(store, "Avant")
    store.backup("manual")
    window = open_window()
    page = backups_page(window, qtbot)
    emitted = []
    window.restore_requested.connect(emitted.append)
    qtbot.mouseClick(page.rows[0].restore, LEFT)
    dialog = page.confirm
    assert isinstance(dialog, ConfirmDialog) and dialog.isVisible()
    assert "gardées dans une nouvelle sauvegarde" in dialog.message.text()
    qtbot.waitExposed(dialog)
    assert dialog.scroll.verticalScrollBar().maximum() == 0, "the whole question shows, nothing to scroll"
    qtbot.keyClick(dialog.default_button, Qt.Key.Key_Return)  # a hasty Enter does not restore
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert emitted == [] and len(backups.list_backups(store.backups_dir)) == 1


@pytest.fixture
def restarted(qtbot):
    """After the test, every main window (the one a restore opened among them) closed
    and deleted, its store closed."""
    yield
    for window in QApplication.topLevelWidgets():
        if isinstance(window, MainWindow):
            window.close()
            window.store.close()
            window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def words(widget):
    """What a message asked of the person says (its whole text), else the widget itself."""
    if isinstance(widget, QMessageBox):
        return widget.text()
    if isinstance(widget, ConfirmDialog):
        return widget.accessibleDescription()
    return widget


def test_a_restore_reopens_the_program_on_the_restored_data(home, qtbot, restarted):
    said = []

    def ask(widget):
        said.append(words(widget))

    first = start(home, ask=ask)  # the first run's dialog is answered by nothing: an empty file
    add(first.store, "Josiane")
    kept = backups.take(first.store.db, first.store.backups_dir, "manual",
                        datetime.now(UTC) - timedelta(days=2))
    add(first.store, "Arrivée après")
    codes = []
    launch(first, ask, quit=codes.append)
    page = backups_page(first, qtbot)
    (row,) = [row for row in page.rows if row.backup.path == kept.path]

    qtbot.mouseClick(row.restore, LEFT)
    qtbot.mouseClick(page.confirm.confirm_button, LEFT)
    qtbot.waitUntil(lambda: any("remise en place" in text for text in said if isinstance(text, str)), timeout=20000)

    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert window is not first and codes == []
    assert [p.first_name for p in people.every(window.store.db)] == ["Josiane"]
    assert window.stack.currentWidget() is window.page("settings")  # back where the facilitator was
    before = [b for b in backups.list_backups(window.store.backups_dir) if b.reason == "before-restore"]
    assert len(before) == 1 and backups.problem(before[0].path) is None
    assert said[-1].startswith("La sauvegarde est remise en place.")
    assert not [n for n in os.listdir(home) if n.startswith(".")]
    # the new window works on the restored file: a write goes through its worker
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        window.ops.run(people.add, Participant("Après la remise en place"))
    assert len(people.every(window.store.db)) == 2


def test_the_row_of_a_backup_speaks_its_state(store, qtbot):
    backup = store.backup("manual")
    row = BackupRow(backup, on_restore=lambda _row: None)
    qtbot.addWidget(row)
    row.checked("Ce fichier est vide.")
    assert row.accessibleName().endswith("✗ Inutilisable : Ce fichier est vide.")
    assert not row.restore.isEnabled()


def test_a_restore_in_the_demonstration_stays_in_the_demonstration(home, qtbot, restarted):
    from atelier.store import Store
    from ui.main_window import build_window

    store = Store.open(home / "demo")
    add(store, "Démo")
    kept = store.backup("manual")
    add(store, "Plus tard")
    window = build_window(store, demo=True)
    said = []
    launch(window, lambda widget: said.append(widget), quit=said.append)
    window.restore_requested.emit(kept.path)

    (replacement,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert replacement.demo and replacement.windowTitle() == "Atelier — démonstration"
    assert replacement.store.home == home / "demo"
    assert [p.first_name for p in people.every(replacement.store.db)] == ["Démo"]
    assert not (home / "atelier.db").exists()  # the real data never touched


def test_a_restore_refused_at_the_last_moment_reopens_on_the_same_data_and_says_why(home, qtbot, restarted):
    """The backup was spoilt between the check and the restore: nothing is replaced."""
    from atelier.store import Store
    from ui.main_window import build_window

    store = Store.open(home)
    add(store, "Toujours là")
    spoilt = make_bad(store.backups_dir, "foreign", 7, store.backup("manual").path)
    window = build_window(store)
    said = []
    launch(window, lambda widget: said.append(words(widget)), quit=said.append)
    window.restore_requested.emit(spoilt)

    (replacement,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    assert [p.first_name for p in people.every(replacement.store.db)] == ["Toujours là"]
    assert said[-1].startswith("La sauvegarde n'a pas pu être remise en place.")
    assert "pas une sauvegarde d'Atelier" in said[-1]
    assert [b.reason for b in backups.list_backups(replacement.store.backups_dir)
            if b.reason == "before-restore"] == []
