"""Opens every screen and dialog of the program at 200 % text in a window as large as a
small screen, and lists what does not fit there (the rule is fit.py's).

Run by test_fit.py in a process of its own, whose offscreen screen has that size (so
that the dialogs measure the same screen as the window):
``python fit_walk.py WIDTHxHEIGHT RESULT.json [SHOTS_DIR]`` with ATELIER_HOME naming an
empty home. Writes {screen: [problems]} as JSON and, with SHOTS_DIR, a PNG of each
screen as it was checked.

With ``--english`` (test_english.py), the same walk in English over data with English
names and the modules translated into English only, and the problems are the French
words each screen shows (french_words.py says which).
"""

import importlib
import json
import os
import sys
from datetime import date, timedelta
from pathlib import Path

from screenshot_app import ROOT, home_filled, settle  # noqa: F401 - ROOT first on sys.path

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from atelier import groups, people, sessions, settings  # noqa: E402
from atelier.people import Participant  # noqa: E402
from atelier.store import Store  # noqa: E402
from fit import problems  # noqa: E402
from test_accessibility import DIALOGS  # noqa: E402
from test_screenshots import fill  # noqa: E402
from ui import modules as library  # noqa: E402
from ui.app import make_app  # noqa: E402
from ui.main_window import build_window  # noqa: E402
from ui.theme import apply_theme  # noqa: E402
from ui.widgets.on_screen import screen_room  # noqa: E402

SCALE = 2.0
LEARNERS = (("Odette", "Chevalier"), ("Raymond", "Mercier"), ("Marie-Thérèse", "Fontaine-Lambert"),
            ("Lan", "Nguyen"), ("Yvette", "Perrin"), ("André", "Gauthier"), ("Simone", "Bonnet"),
            ("Lucien", "Faure"), ("Josiane", "Laurent"), ("Maurice", "Roux"), ("Colette", "Haddad"),
            ("Jean-Christophe", "Dubois"))


class Walk:
    """Each screen shown, checked and (if asked) photographed, in turn; ``judge(top)``
    says what is wrong on a screen in place of fit.py's rules."""

    def __init__(self, shots: Path | None, judge=None):
        self.shots = shots
        self.judge = judge
        self.found: dict[str, list[str]] = {}

    def check(self, name: str, top: QWidget, **rules) -> None:
        settle(top)
        if self.judge is not None:
            self.found[name] = self.judge(top)
        else:
            found = problems(top, **rules)
            room = screen_room(top)
            if not room.contains(top.frameGeometry()):
                found.insert(0, f"la fenêtre ({top.width()}×{top.height()}) sort de l'écran "
                                f"({room.width()}×{room.height()})")
            self.found[name] = found
        if self.shots is not None:
            top.grab().save(str(self.shots / f"{name}.png"))

    def dialog(self, name: str, dialog: QWidget, **rules) -> None:
        dialog.show()
        settle(dialog)
        self.check(name, dialog, **rules)
        dialog.close()
        dialog.deleteLater()


def add_learners(store) -> dict:
    """Twelve people in the group of today's first session: a real group's size."""
    row = sessions.upcoming(store.db, date.today(), limit=1)[0]
    members = [people.add(store.db, Participant(first, last)) for first, last in LEARNERS]
    groups.add_members(store.db, row.session.group_id, [p.id for p in members])
    return {"group": groups.get(store.db, row.session.group_id), "person": members[0], "session": row.session}


def sections(walk: Walk, window) -> None:
    for key in window.buttons:
        window.buttons[key].click()
        page = window.stack.currentWidget()
        # A session takes three or four lines at 200 %: « more than one » is Séances' rule.
        walk.check(f"section-{key}", window, rows={page.list: 1.5} if key == "sessions" else None)
    window.buttons["sessions"].click()
    window.stack.currentWidget().show_past(True)
    walk.check("section-sessions-passees", window, rows={window.stack.currentWidget().list: 1.5})
    window.stack.currentWidget().show_past(False)


def group_page(walk: Walk, window, day: dict) -> None:
    window.buttons["groups"].click()
    window.stack.currentWidget().open_group(day["group"].id)
    walk.check("group-page", window)


def workshop(walk: Walk, window, day: dict) -> None:
    flow = window.open_workshop(day["session"])
    walk.check("roll-call", window, main=[flow.roll_call.all_present, flow.roll_call.rows[0].toggle])
    flow.roll_call.open_walk_in()
    walk.dialog("walk-in", flow.roll_call.dialog)
    flow.roll_call.ask_all_present()
    walk.dialog("question-tous-presents", flow.roll_call.question)
    flow.show_step(1)
    lesson = flow.lesson
    lesson.go_to(1)
    walk.check("lesson", window, main=[lesson.next_button])
    share = lesson.view.height() / window.height()
    if share < 0.5:
        walk.found["lesson"].append(f"le texte de l'étape n'a que {share:.0%} de la hauteur (la moitié au moins)")
    lesson.set_projecting(True)
    walk.check("projector", lesson.projector)
    lesson.set_projecting(False)
    flow.show_step(2)
    walk.check("closing", window, main=[flow.closing.finish_button])


def dialogs(walk: Walk, window, day: dict) -> None:
    for name, (module_name, build) in DIALOGS.items():
        walk.dialog(f"dialog-{name}", build(importlib.import_module(module_name), window, day))
    first_run_in_english(walk)
    window.buttons["sessions"].click()
    page = window.stack.currentWidget()
    page.ask_cancel()
    walk.dialog("question-annuler-seance", page.question)


def first_run_in_english(walk: Walk) -> None:
    """The French walk's first run, said again in English once shown (its other words
    take their room), then French again for the rest of the walk."""
    from ui.views.first_run import FirstRunDialog

    dialog = FirstRunDialog(demo=True)
    if dialog.spoken != "fr":  # the English walk shows it in English already
        dialog.deleteLater()
        return
    dialog.show()
    settle(dialog)
    dialog.language.buttons["en"].click()
    walk.dialog("dialog-premier-lancement-en-anglais", dialog)
    dialog.speak("fr")


def practice(walk: Walk, window, day: dict) -> None:
    from atelier.lessons.scoring import Outcome
    from ui.practice import help_flag
    from ui.practice.shell import PracticeWindow

    members = groups.members(window.store.db, day["group"].id)
    modules = library.all_modules()
    flag = help_flag.attach(window)  # « J'ai besoin d'aide » shows on the facilitator's window too
    shell = PracticeWindow(window.ops, members, modules, flag)
    shell.setGeometry(shell.screen().geometry())
    shell.show()
    tiles = [*shell.picker.tiles.values(), shell.picker.guest_tile]
    walk.check("practice-tiles", shell, main=tiles, whole=True)
    shell.picker.tiles[members[0].id].click()
    # The modules and their exercises are lists that grow with the course (16 modules):
    # they scroll, the rest of the page shows whole.
    walk.check("practice-home", shell, main=[shell.home.next_button], whole=True, may_scroll=(shell.home.grid,))
    shell.open_module(modules[0])
    walk.check("practice-menu", shell, main=list(shell.menu.tiles.values())[:1], whole=True,
               may_scroll=(shell.menu.grid,))
    shell.show_progress()
    walk.check("practice-progress", shell)
    chosen = {}
    for module in modules:
        for exercise in module.exercises:
            chosen.setdefault(exercise.kind, (module, exercise))
    for kind, (module, exercise) in chosen.items():
        shell.open_exercise(module, exercise)
        if kind == "click":
            walk.check("practice-instructions", shell, main=[shell.instructions.start_button])
        shell.start_exercise()
        widget = shell.run_page.widget
        own = (widget.list,) if kind == "scroll" else ()  # scrolling is what it teaches
        walk.check(f"practice-{kind}", shell, main=[shell.run_page.skip_button], whole=True, may_scroll=own)
    shell._show_summary(Outcome(0.3, 14, 200_000))
    walk.check("practice-summary", shell, main=[shell.summary.again_button])
    shell.ask_for_help()
    walk.check("practice-help", shell, main=[shell.help_done, shell.summary.again_button])
    shell.request_exit()
    walk.dialog("practice-quit", shell.dialog)
    shell._may_close = True
    shell.close()
    window.buttons["home"].click()
    banner = window.findChild(QWidget, "helpBanner")  # over the facilitator's home, for a while
    walk.check("help-flag", window, main=[banner.clear_button])
    flag.clear()


def in_english(store) -> Walk:
    """The program in English, its library the English modules only (the others are
    French content, not the program's words), the data in English words."""
    from french_words import french_on_screen, french_only
    from ui.qt_language import install_qt_translations

    settings.set_language(store.db, "en")
    install_qt_translations(QApplication.instance(), "en")
    library.replace([row for row in library.read_installed(library.user_lessons_dir())
                     if row.module is not None and row.module.language == "en"])
    french = french_only()
    return Walk(None, judge=lambda top: french_on_screen(top, french))


def fill_in_english(home: Path) -> None:
    """fill()'s groups and sessions with English names and English modules."""
    store = Store.open(home)
    try:
        settings.put(store.db, settings.ASSOCIATION, "Riverside Friends")
        settings.put(store.db, settings.SITE, "Elm Street Hall")
        mouse = groups.add(store.db, groups.Group("First steps with the mouse", place="Computer room"))
        keys = groups.add(store.db, groups.Group("Keyboard club", place="Oak hall"))
        today = date.today()
        for group, days, start, end, module in ((mouse, 0, "09:30", "11:30", "la-souris"),
                                                (keys, 0, "14:00", "16:00", "le-clavier"),
                                                (mouse, 7, "09:30", "11:30", "le-clavier")):
            sessions.add(store.db, sessions.Session(
                date=(today + timedelta(days=days)).isoformat(), start_time=start, end_time=end,
                group_id=group.id, place=group.place, module_id=module))
    finally:
        store.close()


def main() -> int:
    english = "--english" in sys.argv
    args = [arg for arg in sys.argv if arg != "--english"]
    width, height = (int(n) for n in args[1].split("x"))
    result = Path(args[2])
    shots = Path(args[3]) if len(args) > 3 else None
    if shots is not None:
        shots.mkdir(parents=True, exist_ok=True)
    app = make_app(args[:1])
    (fill_in_english if english else fill)(Path(os.environ["ATELIER_HOME"]))
    store = Store.open()
    walk = in_english(store) if english else Walk(shots)
    walk.shots = shots
    try:
        day = add_learners(store)
        apply_theme(app, SCALE)
        window = build_window(store)
        window.setGeometry(0, 0, width, height)
        window.show()
        home_filled(window)
        sections(walk, window)
        group_page(walk, window, day)
        workshop(walk, window, day)
        dialogs(walk, window, day)
        practice(walk, window, day)
        window.close()
    finally:
        store.close()
    result.write_text(json.dumps(walk.found, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
