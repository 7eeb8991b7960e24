"""Fixtures for the Qt tests (the home and the Store come from tests/conftest.py): the real theme, a window."""

import gc
from datetime import date
from pathlib import Path

import pytest


TODAY = date(2026, 11, 27)  # a Friday: tests never depend on the real date


@pytest.fixture(autouse=True)
def themed_app(qapp):
    """The application as the program sets it up: French, large print. After the test,
    what it left goes at once (see below)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    from ui.app import make_app

    yield make_app()
    from ui import modules
    from ui.qt_language import install_qt_translations

    install_qt_translations(qapp, "fr")  # a test that switched to English leaves French behind
    modules.language_changed()
    # Windows handed to deleteLater would otherwise go inside the next test's first wait,
    # and widgets only a reference cycle holds whenever the cycle collector happens to
    # run: both in the middle of a later test. Here, the moment is known.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


@pytest.fixture
def ops(store):
    """The screens' way to the database: a real worker over ``store``, stopped after."""
    from ui.operations import Operations
    from ui.worker import Worker

    worker = Worker()
    yield Operations(store, worker)
    worker.stop()


@pytest.fixture
def open_window(qtbot, store):
    """``open_window()``: a shown main window over ``store``, closed (worker stopped)
    after the test and before the store closes."""
    from ui.main_window import build_window

    windows = []

    def opener(today: date = TODAY, wait: bool = True):
        window = build_window(store, today)
        windows.append(window)
        qtbot.addWidget(window)
        window.show()
        if wait:
            qtbot.waitExposed(window)
        if wait:  # the cards below the first screen and the sync follow its first frame
            qtbot.waitUntil(lambda: window.started, timeout=5000)
        return window

    yield opener
    for window in windows:  # before the store fixture closes the database
        window.close()
        if window.quit_question is not None and window.quit_question.isVisible():
            window.quit_question.confirm_button.click()  # "Quitter Atelier pendant la séance ?"


def pytest_collection_modifyitems(items):
    # Qt's offscreen platform warns on every top-level window with a layout; it says
    # nothing about Atelier (qutebrowser ignores the same line). Every other Qt
    # warning still fails the test.
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.qt_log_ignore(r"^This plugin does not support propagateSizeHints\(\)"))
