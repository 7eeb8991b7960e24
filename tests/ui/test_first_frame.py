"""The first frame comes first: the home's cards below it, reading aloud's settings and
the sync start just after it is painted, and not at all for a window closed by then."""

from datetime import date, timedelta

from PySide6.QtCore import QEvent, QObject, QTimer

from atelier import groups, sessions
from atelier.groups import Group
from atelier.sessions import Session
from ui.main_window import build_window
from ui.sync_runner import SyncRunner
from ui.views.home import FIRST_CARDS, SessionCard

TODAY = date(2026, 11, 27)


def fill(store, count: int) -> None:
    group = groups.add(store.db, Group("Débutants", place="Salle 2"))
    for day in range(count):
        sessions.add(store.db, Session(date=(TODAY + timedelta(days=day)).isoformat(), start_time="14:00",
                                       end_time="16:00", group_id=group.id, place="Salle 2"))


def test_the_cards_below_the_first_screen_follow_its_first_frame(qtbot, store):
    fill(store, 9)  # one today, eight coming
    window = build_window(store, TODAY)
    qtbot.addWidget(window)
    loaded = []
    window.home_ready.connect(lambda: loaded.append(len(window.home.findChildren(SessionCard))))

    assert len(window.home.findChildren(SessionCard)) == FIRST_CARDS < 9
    assert not window.home.complete and not window.findChildren(SyncRunner)
    window.show()
    qtbot.waitUntil(lambda: window.home.complete, timeout=5000)

    cards = window.home.findChildren(SessionCard)
    assert len(cards) == 9 and loaded == [9]  # « loaded »: every card on screen
    assert [card.start is not None for card in cards] == [True] + [False] * 8  # « Commencer » today only
    assert window.sync.timer.isActive()  # its first run is on its way
    window.close()


def test_a_later_reload_shows_every_card_at_once(qtbot, store):
    fill(store, 9)
    window = build_window(store, TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.complete, timeout=5000)
    window.home.reload()
    assert len([c for c in window.home.findChildren(SessionCard) if c.isVisible()]) == 9
    window.close()


class CloseAtFirstPaint(QObject):
    """Closes the window on the turn of the event loop right after its first paint
    begins: before what the window itself queues from that paint."""

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and watched.isVisible():
            QTimer.singleShot(0, watched.close)
        return False


def test_a_window_closed_right_after_its_first_frame_starts_nothing(qtbot, store):
    fill(store, 9)
    window = build_window(store, TODAY)
    qtbot.addWidget(window)
    closer = CloseAtFirstPaint()
    window.installEventFilter(closer)
    painted = []
    window.first_painted.connect(lambda: painted.append(window.isVisible()))
    window.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=5000)
    qtbot.wait(100)
    assert painted == [False]  # closed first, then the first frame's follow-up came
    assert not window.findChildren(SyncRunner) and not window.home.complete


def test_the_start_up_check_waits_for_the_first_frame(qtbot, store, monkeypatch):
    """The quick check takes processor time the first frame does not share; a write
    asked for meanwhile still comes after it (the worker keeps its order)."""
    from ui.app import launch

    window = build_window(store, TODAY)
    qtbot.addWidget(window)
    seen = []
    checked = store.verify
    monkeypatch.setattr(store, "verify", lambda: (seen.append(window.first_frame.is_set()), checked())[1])
    launch(window, ask=lambda widget: None, quit=lambda code: None)
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    assert seen == [True]
    window.close()


class _Moves(QObject):
    """Every widget holding others that is put into another one (a ParentChange)."""

    def __init__(self):
        super().__init__()
        self.moved: list[str] = []

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtWidgets import QWidget

        if event.type() == QEvent.Type.ParentChange and isinstance(watched, QWidget):
            held = len(watched.findChildren(QWidget))
            if held:
                self.moved.append(f"{type(watched).__name__} ({held})")
        return False


def test_the_first_screen_is_built_from_the_window_down(qtbot, store):
    """Each part of the window and its home is made inside its parent before what it holds:
    a built part moved into another is styled again with all it holds (the stylesheet's
    cost at start-up, about 3 ms). The cards after the first frame are made in place too."""
    from PySide6.QtWidgets import QApplication

    fill(store, 9)
    moves = _Moves()
    QApplication.instance().installEventFilter(moves)
    try:
        window = build_window(store, TODAY)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.home.complete, timeout=5000)
    finally:
        QApplication.instance().removeEventFilter(moves)
    assert len(window.home.findChildren(SessionCard)) == 9
    assert moves.moved == []
    window.close()
