"""The sync in the program: chosen in Réglages, run in the background, its state on the home."""

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

import keyring

from atelier import people, results, sessions, settings
from atelier.lessons.scoring import Outcome
from atelier.sync import hub_config, learner_progress, passwords, summaries
from keyrings import MemoryKeyring
from sync_helpers import closed_sessions
from conftest import TODAY
from ui import sync_runner, theme
from ui.views.settings import SettingsView
from waits import laid_out

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(autouse=True)
def quick(monkeypatch):
    monkeypatch.setattr(sync_runner, "AFTER_CHANGE_MS", 50)
    yield
    assert not [t for t in threading.enumerate() if t.name == "atelier-sync" and t.is_alive()], "a sync thread leaked"


def settings_page(window, qtbot) -> SettingsView:
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    view = window.stack.currentWidget()
    assert isinstance(view, SettingsView)
    return view


def hub_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.json"))


def test_a_folder_chosen_in_settings_receives_a_closed_session(store, open_window, qtbot, tmp_path):
    hub = tmp_path / "partage"
    hub.mkdir()
    window = open_window()
    assert not window.home.sync_row.isVisible(), "no hub: nothing said"
    view = settings_page(window, qtbot)
    qtbot.mouseClick(view.sync.folder_mode, LEFT)
    assert view.sync.folder.isVisible() and not view.sync.address.isVisible()
    view.sync.folder.setFocus()
    qtbot.keyClicks(view.sync.folder, str(hub))
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        qtbot.keyClick(view.sync.folder, Qt.Key.Key_Return)
    assert settings.hub_address(store.db) == str(hub)
    with qtbot.waitSignal(window.sync.tested, timeout=5000) as answer:
        qtbot.mouseClick(view.sync.test_button, LEFT)
    assert answer.args[0] is True and "répond" in view.sync.answer.text()

    _who, made = closed_sessions(store.db, 1)  # a group and marks, made by the core directly
    session = made[0]
    with qtbot.waitSignal(window.ops.changed, timeout=5000):  # closed again through the program
        window.ops.run(summaries.close_session, session.id, "Bonne séance")
    qtbot.waitUntil(lambda: bool(hub_files(hub)) and not window.sync.running, timeout=10000)
    window.show_section("home")
    qtbot.waitUntil(lambda: window.home.sync_label.text().startswith("Synchronisé à"), timeout=5000)
    assert window.home.sync_row.isVisible() and not window.home.retry.isVisible()
    assert store.db.execute("SELECT count(*) FROM outbox_pending").fetchone()[0] == 0


def test_an_unplugged_folder_is_offline_and_retry_sends_once_it_is_back(store, open_window, qtbot, tmp_path):
    hub = tmp_path / "cle-usb"
    settings.set_hub(store.db, str(hub))
    closed_sessions(store.db, 2)
    window = open_window()
    window.sync.run_now()
    qtbot.waitUntil(lambda: window.home.sync_label.text() == "Hors ligne — 2 résumés en attente", timeout=10000)
    assert window.home.retry.isVisible()
    hub.mkdir()
    qtbot.mouseClick(window.home.retry, LEFT)
    qtbot.waitUntil(lambda: window.home.sync_label.text().startswith("Synchronisé à"), timeout=10000)
    assert len(hub_files(hub)) == 1 and not window.home.retry.isVisible()


def test_the_webdav_password_is_kept_nowhere(store, home, open_window, qtbot):
    window = open_window()
    view = settings_page(window, qtbot)
    qtbot.mouseClick(view.sync.web_mode, LEFT)
    secret_word = "MotDePasse-Tres-Secret-42"
    for edit, text in ((view.sync.address, "https://nuage.example.org/dav"), (view.sync.user, "claire"),
                       (view.sync.password, secret_word)):
        edit.setFocus()
        qtbot.keyClicks(edit, text)
        edit.editingFinished.emit()
    qtbot.waitUntil(lambda: settings.hub_user(store.db) == "claire", timeout=5000)
    assert view.sync.password.echoMode() == view.sync.password.EchoMode.Password
    saved = settings.hub_address(store.db)
    assert saved.startswith("https://nuage.example.org/dav")
    assert window.sync.password(saved, "claire") == secret_word
    done = []  # on the worker, after what it is doing: the one connection is never used by two threads at once
    window.worker.run(lambda: store.db.execute("PRAGMA wal_checkpoint(FULL)").fetchall(), on_done=done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=5000)
    for path in home.rglob("*"):
        if path.is_file():
            assert secret_word.encode() not in path.read_bytes(), path


def test_with_a_working_keyring_the_window_keeps_the_password_there(store, open_window, qtbot):
    backend = MemoryKeyring()
    keyring.set_keyring(backend)  # conftest puts keyring's "fail" backend back afterwards
    window = open_window()
    address = "https://nuage.example.org/dav/"
    window.sync.set_password(address, "claire", "MotDePasse-Tres-Secret-42")
    assert backend.kept == {(passwords.SERVICE, f"claire@{address}"): "MotDePasse-Tres-Secret-42"}
    assert passwords.Passwords(environ={}).get(address, "claire") == "MotDePasse-Tres-Secret-42"  # the next run


def test_learners_progress_is_a_choice_in_settings_off_by_default(store, open_window, qtbot):
    learner = people.add(store.db, people.Participant("Hélène", "Vasseur"))
    results.record(store.db, learner.id, "la-souris", "cliquer", Outcome(0.9, 4, 5000), store.device_id)
    window = open_window()
    view = settings_page(window, qtbot)
    view.sync.refresh()
    assert not view.sync.progress.isChecked() and view.sync.progress in view.sync.controls()
    view.sync.progress.click()
    qtbot.waitUntil(lambda: learner_progress.is_on(store.db), timeout=5000)
    assert outbox_kinds(store) == {learner_progress.KIND}
    view.sync.progress.click()
    qtbot.waitUntil(lambda: not learner_progress.is_on(store.db), timeout=5000)


def outbox_kinds(store) -> set[str]:
    return {kind for (kind,) in store.db.execute("SELECT DISTINCT kind FROM outbox")}


def test_plain_http_is_refused_in_plain_words(store, open_window, qtbot):
    window = open_window()
    view = settings_page(window, qtbot)
    qtbot.mouseClick(view.sync.web_mode, LEFT)
    view.sync.address.setFocus()
    qtbot.keyClicks(view.sync.address, "http://nuage.example.org/dav")
    view.sync.address.editingFinished.emit()
    qtbot.waitUntil(lambda: "https://" in view.sync.answer.text(), timeout=5000)
    assert settings.hub_address(store.db) is None


def visible_in_window(widget) -> bool:
    from a11y import scroller, where
    rect = where(widget)
    window = widget.window()
    if not window.rect().contains(rect):
        return False
    area = scroller(widget)
    if area is None:
        return True
    viewport = area.viewport()
    return viewport.rect().contains(widget.mapTo(viewport, widget.rect().topLeft())) and \
        viewport.rect().contains(widget.mapTo(viewport, widget.rect().bottomRight()))


def test_at_200_percent_on_1366_by_768_the_section_and_the_home_line_fit(store, open_window, qtbot, qapp, tmp_path):
    settings.set_hub(store.db, str(tmp_path / "absente"))
    _who, made = closed_sessions(store.db, 3)
    sessions.add(store.db, sessions.Session(TODAY.isoformat(), "14:00", "16:00", made[0].group_id))
    theme.apply_theme(qapp, 2.0, False)
    try:
        window = open_window()
        window.resize(1366, 768)
        window.sync.run_now()
        qtbot.waitUntil(lambda: window.home.retry.isVisible(), timeout=10000)
        laid_out(qtbot, window)
        shots = Path(__file__).resolve().parents[2] / "build" / "screenshots-sync"
        shots.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(shots / "accueil-200.png"))
        start = window.home.findChild(QPushButton, "primary")  # today's « Commencer », still without scrolling
        for widget in (window.home.sync_label, window.home.retry, window.home.date_label, start):
            assert visible_in_window(widget), widget
        assert window.home.sync_label.width() <= window.width()
        view = settings_page(window, qtbot)
        view.sync.refresh()
        laid_out(qtbot, window)
        area = view.findChild(type(window.nav).__mro__[1])
        for index, widget in enumerate(view.sync.controls()):
            if not widget.isVisible():
                continue
            area.ensureWidgetVisible(widget)
            laid_out(qtbot, window)
            assert visible_in_window(widget), f"{widget.accessibleName()} cut at 200 %"
            if widget is view.sync.folder:
                window.grab().save(str(shots / "reglages-synchronisation-200.png"))
        area.ensureWidgetVisible(view.sync.coordinator)
        laid_out(qtbot, window)
        window.grab().save(str(shots / "reglages-synchronisation-fin-200.png"))
        content = area.widget()
        assert content.width() <= area.viewport().width(), "the page is wider than the window at 200 %"
    finally:
        theme.apply_theme(QApplication.instance(), 1.0, False)
