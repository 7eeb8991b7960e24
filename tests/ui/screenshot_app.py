"""Shows the real windows on a real X display and saves what they look like.

Run by test_screenshots.py under Xvfb: ``python screenshot_app.py OUT_DIR``, with
ATELIER_HOME naming a filled home. Writes PNGs of each window (QWidget.grab) and of
the whole screen, and ``sizes.json`` with each window's size for the test to check.
"""

import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # run as a script: the checkout's atelier and ui first

from PySide6.QtCore import QDeadlineTimer, QEventLoop, QTimer  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget  # noqa: E402

from atelier.store import Store  # noqa: E402
from ui.app import make_app  # noqa: E402
from ui.main_window import build_window  # noqa: E402
from ui.theme import apply_theme  # noqa: E402
from ui.views.first_run import FirstRunDialog  # noqa: E402

WINDOW_SIZE = (1280, 720)  # a common projector and laptop size, inside the 1366×768 screen


def wait_for(signal, timeout_ms: int = 10000) -> None:
    """Until ``signal`` comes; the run stops if it never does (a picture of the wrong moment
    would pass unseen)."""
    came: list[bool] = []
    loop = QEventLoop()

    def arrived(*_args) -> None:
        came.append(True)
        loop.quit()

    signal.connect(arrived)
    deadline = QTimer()
    deadline.setSingleShot(True)
    deadline.timeout.connect(loop.quit)
    deadline.start(timeout_ms)
    loop.exec()
    deadline.stop()
    signal.disconnect(arrived)
    if not came:
        raise SystemExit(f"never came within {timeout_ms} ms: {signal}")


def wait_until(condition, what: str, timeout_ms: int = 10000) -> None:
    """Turn the event loop until ``condition()`` holds, however long a loaded machine takes;
    the run stops if it never does."""
    deadline = QDeadlineTimer(timeout_ms)
    while not condition():
        if deadline.hasExpired():
            raise SystemExit(f"never {what}")
        QTest.qWait(10)


def home_filled(window) -> None:
    """The main window's first home is read while it is built; wait only if it was not."""
    if window.home.data is None:
        wait_for(window.home_ready)


def shown_window(store, activate: bool = True):
    """The real main window at its usual size in the corner of the screen, home filled."""
    window = build_window(store)
    window.resize(*WINDOW_SIZE)
    window.move(0, 0)
    window.show()
    home_filled(window)
    if activate:
        settle(window, active=True)
    return window


def settle(widget, active: bool = False) -> None:
    """Until ``widget``'s window is on screen at a real size (and, if asked, active, so the
    focus ring shows: no window manager on Xvfb gives the focus) and laid out: nothing in
    it moves, resizes, shows or hides over a whole turn of the event loop (which runs
    every posted layout request)."""
    window = widget.window()
    wait_until(lambda: window.windowHandle() is not None and window.windowHandle().isExposed()
               and not window.size().isEmpty(), f"exposed: {window!r}")
    if active:
        window.activateWindow()
        wait_until(window.isActiveWindow, f"active: {window!r}")
    last: list = [None]

    def steady() -> bool:
        now = [(w.geometry(), w.isVisible()) for w in [window, *window.findChildren(QWidget)]]
        same, last[0] = now == last[0], now
        return same

    wait_until(steady, f"laid out: {window!r}")


def close_window(window) -> None:
    """Close the main window, answering « Quitter Atelier pendant la séance ? » as the
    facilitator would when a workshop is open (else the window stays, behind the next shots)."""
    window.close()
    question = getattr(window, "quit_question", None)
    if question is not None and question.isVisible():
        question.confirm_button.click()


def save(widget, out: Path, name: str, sizes: dict) -> None:
    settle(widget)
    shot = widget.grab()
    if shot.isNull() or shot.deviceIndependentSize().toSize() != widget.size():
        raise SystemExit(f"grab of {name} is {shot.size()}, the widget {widget.size()}")
    if not shot.save(str(out / f"{name}.png")):
        raise SystemExit(f"could not write {out / name}.png")
    for top in QApplication.topLevelWidgets():
        if top.isVisible():
            top.repaint()  # painted and handed to the X server now, not at its next frame
    QGuiApplication.sync()  # and the server has drawn it before the screen is read
    screen = QGuiApplication.primaryScreen().grabWindow(0)
    screen.save(str(out / f"{name}-screen.png"))
    sizes[name] = [widget.width(), widget.height()]
    sizes[f"{name}-screen"] = [screen.width(), screen.height()]


def settings_shots(app, store, out: Path, sizes: dict) -> None:
    """Réglages at 100 %, then made larger and high-contrast from the page itself (the
    live change, without a restart), and the code dialog."""
    from atelier import settings

    settings.set_facilitators(store.db, ["Claire Martin", "Karim Benali"])
    apply_theme(app, 1.0)
    window = shown_window(store)
    window.buttons["settings"].click()
    view = window.stack.currentWidget()
    view.association.setFocus()
    save(window, out, "settings-100", sizes)
    for name, scale, contrast in (("settings-200", 2.0, False), ("settings-200-contrast", 2.0, True),
                                  ("settings-100-contrast", 1.0, True)):
        view.set_scale(scale)
        view.contrast.setChecked(contrast)
        save(window, out, name, sizes)
        view.findChild(QScrollArea).verticalScrollBar().setValue(10**6)
        view.larger.setFocus() if view.larger.isEnabled() else view.smaller.setFocus()
        save(window, out, f"{name}-bas", sizes)
        view.findChild(QScrollArea).verticalScrollBar().setValue(0)
    window.buttons["home"].click()
    save(window, out, "home-100-contrast", sizes)
    view.set_scale(2.0)
    window.buttons["settings"].click()
    view.open_pin_dialog()
    settle(view.pin_dialog)
    save(view.pin_dialog, out, "pin-200-contrast", sizes)
    view.pin_dialog.close()
    view.contrast.setChecked(False)
    view.set_scale(1.0)
    close_window(window)


def lesson_shots(app, store, out: Path, sizes: dict) -> None:
    """Today's La souris session: the lesson guide on a step with a picture, the
    projector window beside it, and the closing screen, at 100 % and 200 %."""
    from datetime import date

    from atelier import sessions
    from ui import modules
    from ui.views.closing import ClosingView
    from ui.views.lesson_guide import LessonGuideView

    row = next(r for r in sessions.upcoming(store.db, date.today(), limit=40) if r.session.module_id == "la-souris")
    for scale, percent in ((1.0, 100), (2.0, 200)):
        apply_theme(app, scale)
        window = shown_window(store, activate=False)
        try:  # inside the workshop of the day, as the facilitator sees it
            workshop = window.open_workshop(row.session)
            workshop.show_step(1)
            guide = workshop.lesson
        except ImportError:
            workshop, guide = None, LessonGuideView(window.ops, row.session, modules.module_by_id("la-souris"))
            window.show_flow(guide)
        settle(window, active=True)
        guide.go_to(1)  # "Tenir la souris": a picture in the middle of the text
        guide.next_button.setFocus()
        save(window, out, f"lesson-{percent}", sizes)
        guide.view.set_scroll_fraction(0.3)  # down to the picture
        save(window, out, f"lesson-image-{percent}", sizes)
        guide.timer.set_running(True)
        guide.set_projecting(True)
        settle(guide.projector)
        save(guide.projector, out, f"projector-{percent}", sizes)
        guide.set_projecting(False)
        guide.timer.set_running(False)
        if workshop is not None:
            workshop.show_step(2)
            closing = workshop.closing
        else:
            closing = ClosingView(window.ops, row.session)
            window.show_flow(closing)
        closing.notes.setPlainText("Revoir le double-clic la prochaine fois.\nMme Durand a besoin d'une souris plus grande.")
        closing.notes.setFocus()
        save(window, out, f"closing-{percent}", sizes)
        closing.notes.setPlainText("")  # the draft stays in memory only: leave the session as it was
        close_window(window)
    apply_theme(app, 1.0)


def people_shots(app, store, out: Path, sizes: dict) -> None:
    """Participants (list, form, erasure question) and groups (list, a group's members,
    the picker), at 100 % and 200 %. Adds a few people first, through the core."""
    from atelier import attendance, groups, people, sessions
    from atelier.people import Participant

    group = groups.every(store.db)[0]
    names = [("Hélène", "Martin"), ("Bernard", "Roux"), ("Chantal", "Petit"), ("Denise", "Arnaud"),
             ("Éric", "Lefèvre"), ("Françoise", "Bonnet"), ("Gérard", "Moreau"), ("Jacqueline", "Girard-Delacroix")]
    added = [people.add(store.db, Participant(first, last, birth_year=1946 + n, consent_date="2026-09-15"))
             for n, (first, last) in enumerate(names)]
    groups.add_members(store.db, group.id, [p.id for p in added[:6]])
    for row in sessions.upcoming(store.db, date.today(), limit=3):
        attendance.mark(store.db, row.session.id, added[0].id, "present")
    for scale, percent in ((1.0, 100), (2.0, 200)):
        apply_theme(app, scale)
        window = shown_window(store)
        window.buttons["participants"].click()
        view = window.stack.currentWidget()
        view.list.setFocus()
        view.list.setCurrentIndex(view.model.index(view.model.row_of(added[0].id), 0))
        save(window, out, f"participants-{percent}", sizes)
        view.edit_chosen()
        settle(view.dialog, active=True)
        save(view.dialog, out, f"participant-form-{percent}", sizes)
        view.dialog.scroll.verticalScrollBar().setValue(10**6)  # the consent and the notes
        view.dialog.consent_today.setFocus()
        save(view.dialog, out, f"participant-form-bas-{percent}", sizes)
        view.dialog.reject()
        view.erase_chosen()
        settle(view.dialog, active=True)
        save(view.dialog, out, f"erase-{percent}", sizes)
        view.dialog.reject()
        window.buttons["groups"].click()
        groups_view = window.stack.currentWidget()
        groups_view.list.setFocus()
        save(window, out, f"groups-{percent}", sizes)
        groups_view.open_group(group.id)
        page = groups_view.group_page
        page.list.setCurrentIndex(page.model.index(1, 0))
        page.list.setFocus()
        save(window, out, f"group-members-{percent}", sizes)
        page.add_members()
        picker = page.dialog
        settle(picker, active=True)
        picker.model.setData(picker.model.index(0, 0), 2, 10)  # 10 = Qt.CheckStateRole: one ticked
        save(picker, out, f"member-picker-{percent}", sizes)
        picker.reject()
        close_window(window)
    apply_theme(app, 1.0)


def sessions_shots(app, store, out: Path, sizes: dict) -> None:
    """Sessions (list, a series with its ticks), the home's "Commencer", the roll call
    half taken and the walk-in dialog, at 100 % and 200 %."""
    from datetime import date

    from atelier import attendance, groups, people, sessions
    from atelier.people import Participant

    row = sessions.upcoming(store.db, date.today(), limit=1)[0]
    for first, last, gender in (("Odette", "Chevalier", "feminin"), ("Raymond", "Mercier", "masculin"),
                                ("Marie-Thérèse", "Fontaine-Lambert", "feminin"), ("Lan", "Nguyen", None),
                                ("Yvette", "Perrin", "feminin"), ("André", "Gauthier", "masculin"),
                                ("Simone", "Bonnet", "feminin"), ("Lucien", "Faure", "masculin"),
                                ("Josiane", "Laurent", "feminin"), ("Maurice", "Roux", "masculin"),
                                ("Colette", "Haddad", "feminin"), ("René", "Dubois", "masculin")):
        person = people.add(store.db, Participant(first, last, gender=gender))
        groups.add_member(store.db, row.session.group_id, person.id)
    roll = attendance.roll(store.db, row.session.id)
    for k, person in enumerate(roll[:6]):
        attendance.mark(store.db, row.session.id, person.participant_id, "absent" if k == 2 else "present")
    for scale, percent in ((1.0, 100), (2.0, 200)):
        apply_theme(app, scale)
        window = shown_window(store)
        start = window.home.findChildren(QPushButton, "primary")[0]
        window.home.findChild(QScrollArea).ensureWidgetVisible(start)
        start.setFocus()
        save(window, out, f"home-commencer-{percent}", sizes)
        window.buttons["sessions"].click()
        page = window.stack.currentWidget()
        page.list.setFocus()
        save(window, out, f"sessions-{percent}", sizes)
        page.open_form("series")
        settle(page.form, active=True)
        ticks = page.form.ticks
        for k in (6, 7):
            ticks[k][1].setChecked(False)
        page.form.scroller.ensureWidgetVisible(ticks[7][1])
        ticks[7][1].setFocus()
        save(page.form, out, f"session-series-{percent}", sizes)
        page.form.reject()
        workshop = window.open_workshop(row.session)
        workshop.roll_call.focus_row(6)
        save(window, out, f"roll-call-{percent}", sizes)
        workshop.roll_call.open_walk_in()
        dialog = workshop.roll_call.dialog
        settle(dialog, active=True)
        save(dialog, out, f"walk-in-{percent}", sizes)
        dialog.reject()
        close_window(window)
    apply_theme(app, 1.0)


SAMPLE_LOGO = """<svg xmlns="http://www.w3.org/2000/svg" width="240" height="120" viewBox="0 0 240 120">
<rect x="4" y="4" width="232" height="112" rx="18" fill="#0B4478"/>
<circle cx="60" cy="60" r="34" fill="#F2B705"/>
<text x="106" y="54" font-family="sans-serif" font-size="22" font-weight="bold" fill="#FFFFFF">Les Amis</text>
<text x="106" y="84" font-family="sans-serif" font-size="17" fill="#FFFFFF">du Quartier</text>
</svg>"""


def documents_shots(app, store, out: Path, sizes: dict) -> None:
    """Réglages with the association's logo chosen (through the page, as a person would),
    the Documents page before and after an export of the sheets, and a session's sheet
    dialog, at 100 % and 200 %."""
    import tempfile

    from atelier import sessions
    from ui.views.sheet_dialog import SheetDialog

    work = Path(tempfile.mkdtemp(prefix="atelier-shots-"))
    (work / "logo-association.svg").write_text(SAMPLE_LOGO, encoding="utf-8")
    row = sessions.upcoming(store.db, date.today(), limit=1)[0]
    for scale, percent in ((1.0, 100), (2.0, 200)):
        apply_theme(app, scale)
        window = shown_window(store)
        window.buttons["settings"].click()
        view = window.stack.currentWidget()
        view.logo.choose_file = lambda parent, title, filters: str(work / "logo-association.svg")
        view.logo.choose.click()
        wait_for(window.ops.changed, 5000)
        view.findChild(QScrollArea).ensureWidgetVisible(view.logo)
        view.logo.choose.setFocus()
        save(window, out, f"settings-logo-{percent}", sizes)

        window.buttons["documents"].click()
        page = window.stack.currentWidget()
        page.first.setFocus()
        save(window, out, f"documents-{percent}", sizes)
        page.choose_path = lambda parent, title, suggested, filters: str(work / suggested)
        page.open_folder = lambda path: None
        page.sheets.click()
        wait_for(page.export_ended, 60000)
        settle(page)  # the message's new lines laid out first
        page.folder.setFocus()
        page.findChild(QScrollArea).ensureWidgetVisible(page.folder)
        save(window, out, f"documents-done-{percent}", sizes)

        dialog = SheetDialog(window.ops, row.session.id, window)
        dialog.show()
        settle(dialog, active=True)
        dialog.save.setFocus()
        save(dialog, out, f"sheet-dialog-{percent}", sizes)
        dialog.close()
        close_window(window)
    apply_theme(app, 1.0)


def main() -> int:
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(sys.argv[:1])
    store = Store.open()
    sizes: dict[str, list[int]] = {}
    try:
        for scale, percent in ((1.0, 100), (2.0, 200)):
            apply_theme(app, scale)
            window = shown_window(store)
            window.buttons["home"].setFocus()
            save(window, out, f"home-{percent}", sizes)
            window.buttons["groups"].click()
            save(window, out, f"section-groups-{percent}", sizes)
            close_window(window)

            dialog = FirstRunDialog()
            dialog.move(0, 0)
            dialog.show()
            settle(dialog, active=True)
            dialog.association[1].setFocus()
            save(dialog, out, f"first-run-{percent}", sizes)
            dialog.close()
        settings_shots(app, store, out, sizes)
        lesson_shots(app, store, out, sizes)
        sessions_shots(app, store, out, sizes)
        people_shots(app, store, out, sizes)  # last: it adds people to the shared home
        documents_shots(app, store, out, sizes)
        from practice_screens import practice_shots

        practice_shots(app, store, out, sizes, shown_window, settle, save)
        from exercise_screens import kinds_shots

        kinds_shots(app, out, sizes, settle, save)  # the nine exercise kinds, mid-exercise
        from new_kind_screens import new_kinds_shots

        new_kinds_shots(app, out, sizes, settle, save)  # issue 12's kinds, pictures and paged form
        from coordination_screens import coordination_shots

        coordination_shots(app, store, out, sizes, shown_window, settle, save)  # last: makes this PC the coordination
    finally:
        store.close()
    (out / "sizes.json").write_text(json.dumps(sizes, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
