"""The main window: the home screen over a real database, navigation, large targets."""

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from atelier import groups, sessions, settings
from atelier.groups import Group
from atelier.sessions import Session
from ui import theme
from ui.pages import page_class
from ui.main_window import SECTIONS, build_window
from ui.views.home import SessionCard
from ui.widgets.buttons import is_current
from ui.words import long_date

TODAY = date(2026, 11, 27)  # the conftest's day for open_window(): a Friday


def add_session(store, group, day, start="14:00", end="16:00", module="la-souris"):
    return sessions.add(store.db, Session(
        date=day.isoformat(), start_time=start, end_time=end, group_id=group.id,
        place=group.place, module_id=module,
    ))


def card_texts(view) -> list[str]:
    return [" | ".join(label.text() for label in card.findChildren(QLabel)) for card in view.findChildren(SessionCard)]


def test_home_lists_today_then_the_coming_sessions(store, open_window):
    settings.put(store.db, settings.ASSOCIATION, "Les Amis du Quartier")
    settings.put(store.db, settings.SITE, "Maison des Tilleuls")
    souris = groups.add(store.db, Group("Débutants du mardi", place="Salle 2"))
    tablette = groups.add(store.db, Group("Tablette", place="Salle 1"))
    add_session(store, souris, TODAY, "14:00", "16:00")
    add_session(store, tablette, TODAY, "09:30", "11:30", module="la-tablette")
    add_session(store, souris, TODAY - timedelta(days=1))  # yesterday: not shown
    for week in range(1, 11):
        add_session(store, souris, TODAY + timedelta(weeks=week))

    window = open_window()
    home = window.home

    assert window.windowTitle() == "Atelier — Maison des Tilleuls"
    assert home.where.text() == "Les Amis du Quartier — Maison des Tilleuls"
    assert home.date_label.text() == "Vendredi 27 novembre 2026"
    today_cards = [w.text() for w in home.today_box.parentWidget().findChildren(QLabel)]
    assert len(home.data.today) == 2 and len(home.data.coming) == 8
    texts = card_texts(home)
    assert texts[0] == "09:30 – 11:30 | Tablette | Salle 1 · La tablette"
    assert texts[1] == "14:00 – 16:00 | Débutants du mardi | Salle 2 · La souris"
    assert texts[2].startswith("Vendredi 4 décembre, 14:00 – 16:00 | Débutants du mardi")
    assert len(texts) == 10
    assert "Aucune séance aujourd'hui." not in today_cards


def test_empty_home_says_so_in_plain_words(store, open_window):
    window = open_window()
    labels = [label.text() for label in window.home.findChildren(QLabel) if label.isVisibleTo(window)]
    assert "Aucune séance aujourd'hui." in labels
    assert "Aucune séance prévue pour l'instant." in labels
    assert window.windowTitle() == "Atelier"


def test_french_dates_are_written_out():
    assert long_date(TODAY) == "Vendredi 27 novembre 2026"
    assert long_date(TODAY.replace(month=11, day=1)) == "Dimanche 1er novembre 2026"
    assert long_date(TODAY.replace(month=8, day=15), year=False) == "Samedi 15 août"


def test_navigation_with_single_clicks(store, open_window, qtbot):
    window = open_window()
    assert window.stack.currentWidget() is window.home
    for key, label in SECTIONS[1:]:
        qtbot.mouseClick(window.buttons[key], Qt.MouseButton.LeftButton)
        page = window.stack.currentWidget()
        assert page is window.pages[key] and page.isVisible()
        assert [name for name, button in window.buttons.items() if is_current(button)] == [key]
        assert isinstance(page, page_class(key))
    qtbot.mouseClick(window.buttons["home"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.home
    assert is_current(window.buttons["home"])


def test_navigation_with_the_keyboard(store, open_window, qtbot):
    window = open_window()
    with qtbot.waitActive(window):
        window.activateWindow()
    window.buttons["home"].setFocus()
    assert window.buttons["home"].hasFocus()
    qtbot.keyClick(window.buttons["home"], Qt.Key.Key_Tab)
    assert window.buttons["groups"].hasFocus()
    qtbot.keyClick(window.buttons["groups"], Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.pages["groups"]
    qtbot.keyClick(window.buttons["groups"], Qt.Key.Key_Down)
    assert window.buttons["participants"].hasFocus()
    qtbot.keyClick(window.buttons["participants"], Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.pages["participants"]
    qtbot.keyClick(window.buttons["participants"], Qt.Key.Key_Up)
    qtbot.keyClick(window.buttons["groups"], Qt.Key.Key_Up)
    qtbot.keyClick(window.buttons["home"], Qt.Key.Key_Enter)
    assert window.stack.currentWidget() is window.home


def test_every_button_is_large_and_named(store, open_window):
    window = open_window()
    buttons = window.findChildren(QAbstractButton)
    assert len(buttons) >= len(SECTIONS)
    for button in buttons:
        assert button.width() >= 48 and button.height() >= 48, button.text()
        assert button.accessibleName(), button.text()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus, button.text()


def test_window_asks_for_the_backup_on_the_worker(store, open_window, qtbot):
    window = open_window()
    with qtbot.waitSignal(window.worker.finished, timeout=10000) as blocker:
        window.schedule_backup()
    backup = blocker.args[1]
    assert backup is not None and backup.path.exists()
    assert store.backups_dir in backup.path.parents


def test_contrast_ratio_follows_wcag():
    assert theme.contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21)
    assert theme.contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1)
    assert theme.contrast_ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)


def test_text_size_setting_scales_text_and_targets(qapp, store, qtbot):
    try:
        theme.apply_theme(qapp, 2.0)
        assert qapp.font().pointSizeF() == 2 * theme.BASE_POINTS
        window = build_window(store, TODAY)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        small = theme.target_px(1.0)
        for button in window.buttons.values():
            assert button.height() >= theme.target_px(2.0) > small
            assert button.fontInfo().pointSizeF() >= 2 * theme.BASE_POINTS - 0.5
        window.close()
    finally:
        theme.apply_theme(qapp, 1.0)
    assert theme.clamp_scale(3) == 2.0 and theme.clamp_scale(0.5) == 1.0
