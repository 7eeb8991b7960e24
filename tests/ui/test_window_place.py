"""The main window opens maximised the first time, then where it was left."""

import base64
import json

import pytest

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QRect

from ui.app import launch, start
from ui.window_place import FILE_NAME, _read, remember


def opened(home, qtbot):
    window = start(home, ask=lambda widget: None)
    qtbot.addWidget(window)
    launch(window, ask=lambda widget: None, quit=lambda code: None)
    qtbot.waitExposed(window)
    return window


def test_first_time_maximised_then_where_it_was_left(home, qtbot):
    first = opened(home, qtbot)
    assert first.isMaximized()
    first.showNormal()
    first.setGeometry(QRect(20, 10, 640, 480))
    qtbot.waitUntil(lambda: first.geometry().width() == 640)
    first.close()
    first.store.close()
    assert (home / FILE_NAME).exists()

    second = opened(home, qtbot)
    try:
        assert not second.isMaximized()
        assert (second.geometry().width(), second.geometry().height()) == (640, 480)
    finally:
        second.close()
        second.store.close()


@pytest.mark.parametrize("damaged", ["{ pas du json", '{"geometry": 5}', "[]", '{"geometry": "é"}', '{"autre": "AdnQyw=="}'])
def test_a_damaged_place_file_opens_maximised(home, qtbot, damaged):
    (home / FILE_NAME).write_text(damaged, encoding="utf-8")
    window = opened(home, qtbot)
    try:
        assert window.isMaximized()
    finally:
        window.close()
        window.store.close()


@given(geometry=st.binary(max_size=200), spaces=st.sampled_from(["", " ", "\n", "  \t"]))
@settings(max_examples=60, deadline=None)
def test_the_place_is_json_read_back_without_the_json_module_or_with_it(tmp_path_factory, geometry, spaces):
    """What ``remember`` writes is JSON that json reads as written; ``_read`` gives the bytes
    back from it, and from the same JSON laid out by hand (json then reads it)."""
    folder = tmp_path_factory.mktemp("place")
    encoded = base64.b64encode(geometry).decode("ascii")
    window = _Saved(geometry)
    remember(window, folder)
    text = (folder / FILE_NAME).read_text(encoding="utf-8")
    assert json.loads(text) == {"geometry": encoded}
    assert bytes(_read(folder / FILE_NAME).data()) == geometry
    by_hand = "{" + spaces + '"other": 1,' + spaces + '"geometry":' + spaces + json.dumps(encoded) + "}"
    (folder / FILE_NAME).write_text(by_hand, encoding="utf-8")
    assert bytes(_read(folder / FILE_NAME).data()) == geometry


class _Saved:
    """A window as remember() sees it: only its saved geometry."""

    def __init__(self, geometry: bytes):
        self.geometry = geometry

    def saveGeometry(self) -> QByteArray:
        return QByteArray(self.geometry)
