"""``atelier --self-test``: the program opens everything it ships, on made-up data, offscreen.

In a temporary folder (the real data folder is never touched): every module of the
program is imported, a database is opened and filled with the demonstration, every
lesson pack is loaded, a feuille d'émargement is rendered to PDF, every section of the
main window is opened (the sections of ui/pages.py) and, in the practice window, one
exercise of each kind of the kinds registry. Each step is written to a report; the exit
code is 0 when all passed, 1 otherwise, and the report names what failed and why.
Run on a frozen bundle, it proves that the build left nothing out.
"""

import os
import pkgutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from datetime import datetime
from importlib import import_module
from pathlib import Path

REPORT_NAME = "atelier-autotest.txt"
SIZE = (1366, 768)
QUIET = {"This plugin does not support propagateSizeHints()"}  # the offscreen screen has no window manager


class SelfTest:
    """The steps, in order; a step that fails is written down and the next one runs."""

    def __init__(self, home: Path):
        self.home = home
        self.lines: list[str] = []
        self.failures: list[str] = []
        self.store = None
        self.modules: list = []
        self.qt_messages: list[str] = []
        self._previous_handler = ()  # () while none was replaced; Qt's own is None

    def step(self, name: str, work: Callable[[], str]) -> None:
        started = time.perf_counter()
        try:
            said = work()
        except Exception as error:  # the report says what broke; the next step still runs
            elapsed = (time.perf_counter() - started) * 1000
            self.failures.append(name)
            self.lines.append(f"ÉCHEC  {name} ({elapsed:.0f} ms) : {type(error).__name__}: {error}")
            self.lines += ["       " + line for line in traceback.format_exc().rstrip().splitlines()]
            return
        elapsed = (time.perf_counter() - started) * 1000
        self.lines.append(f"OK     {name} ({elapsed:.0f} ms) : {said}")

    def imports(self) -> str:
        """Every module of atelier and ui: what the analysis of a bundle must not miss."""
        names, missing = [], []
        for package in ("atelier", "ui"):
            root = import_module(package)
            for found in pkgutil.walk_packages(root.__path__, f"{package}."):
                if not found.name.endswith(".__main__"):  # `python -m atelier` would start the program
                    names.append(found.name)
        for name in names:
            try:
                import_module(name)
            except Exception as error:
                missing.append(f"{name} ({type(error).__name__}: {error})")
        if missing:
            raise ImportError("modules absents ou cassés : " + ", ".join(missing))
        return f"{len(names)} modules"

    def database(self) -> str:
        from atelier import demo
        from atelier.db import integrity_check
        from atelier.store import Store

        self.store = Store.open(self.home)
        counts = demo.fill(self.store.db)
        result = integrity_check(self.store.db)
        if result != "ok":
            raise RuntimeError(f"quick_check : {result}")
        return (f"{self.store.path} ; démonstration : {counts['groups']} groupes, {counts['people']} personnes, "
                f"{counts['sessions']} séances")

    def lessons(self) -> str:
        from atelier.lessons.library import default_lesson_dirs, load_library
        from ui import modules as library

        folders = default_lesson_dirs(library.user_lessons_dir())
        self.modules, problems = load_library(folders)
        if problems:
            raise ValueError("; ".join(str(p) for p in problems[:5]))
        shipped = [toml.parent.name for folder in folders for toml in folder.glob("*/module.toml")]
        if not self.modules or len(self.modules) != len(shipped):
            raise ValueError(f"{len(self.modules)} modules chargés sur {len(shipped)} dossiers : {shipped}")
        return f"{len(self.modules)} modules ({', '.join(m.id for m in self.modules)})"

    def sheet(self) -> str:
        from atelier.exports.sheet import sheet_for
        from ui.render.documents import render_sheet

        session_id = self.store.db.execute("SELECT id FROM sessions ORDER BY date DESC LIMIT 1").fetchone()[0]
        target = render_sheet(sheet_for(self.store.db, session_id, completed=False), self.home / "feuille.pdf")
        data = target.read_bytes()
        if not data.startswith(b"%PDF") or b"%%EOF" not in data[-1024:]:
            raise ValueError(f"{target} n'est pas un PDF complet")
        return f"{target.name}, {len(data) // 1024} ko"

    def sections(self) -> str:
        """Every section of ui/pages.py, and the home, opened and painted."""
        from ui.main_window import build_window
        from ui.pages import PAGES, page_class

        window = build_window(self.store)
        window.resize(*SIZE)
        window.show()
        opened = []
        try:
            for key in ("home", *PAGES):
                window.show_section(key)
                page = window.stack.currentWidget()
                if key != "home" and not isinstance(page, page_class(key)):
                    raise RuntimeError(f"« {key} » montre {type(page).__name__}")
                settle()
                window.grab()  # paints the page, as the screen would
                opened.append(key)
        finally:
            window.close()
            window.deleteLater()
            settle()
        return ", ".join(opened)

    def practice(self) -> str:
        """The practice window, and one exercise of each kind of the registry."""
        from atelier import groups
        from ui.operations import Operations
        from ui.practice.kinds import KIND_WIDGETS
        from ui.practice.shell import PracticeWindow
        from ui.worker import Worker

        by_kind = {}
        for module in self.modules:
            for exercise in module.exercises:
                by_kind.setdefault(exercise.kind, (module, exercise))
        worker = Worker()
        ops = Operations(self.store, worker)
        group_id = self.store.db.execute("SELECT id FROM groups LIMIT 1").fetchone()[0]
        shell = PracticeWindow(ops, groups.members(self.store.db, group_id), self.modules)
        shell.resize(*SIZE)
        shell.show()
        done, absent = [], []
        try:
            shell.choose(None)  # a guest: nothing is recorded
            for kind, widget_class in KIND_WIDGETS.items():
                if kind not in by_kind:
                    absent.append(kind)
                    continue
                shell.open_exercise(*by_kind[kind])
                shell.start_exercise()
                if not isinstance(shell.run_page.widget, widget_class):
                    raise RuntimeError(f"« {kind} » a ouvert {type(shell.run_page.widget).__name__}")
                settle()
                shell.grab()
                done.append(kind)
        finally:
            shell.run_page.clear()
            shell._may_close = True  # the facilitator's gesture is not asked of a test
            shell.close()
            shell.deleteLater()
            worker.stop()
            settle()
        if absent:
            raise LookupError(f"aucun exercice de type {', '.join(absent)} dans les modules fournis "
                              f"(ouverts : {', '.join(done)})")
        return f"{len(done)} types : {', '.join(done)}"

    def application(self) -> str:
        from PySide6.QtCore import qInstallMessageHandler, qVersion
        from ui.app import make_app

        def heard(_kind, _context, message: str) -> None:
            if message not in QUIET and message not in self.qt_messages:
                self.qt_messages.append(message)

        self._previous_handler = qInstallMessageHandler(heard)  # Qt's warnings to the report, not a console
        app = make_app([sys.argv[0]])
        return f"Qt {qVersion()}, plateforme {app.platformName()}"

    def close(self) -> None:
        if self.store is not None:
            self.store.close()
        if self._previous_handler != ():
            from PySide6.QtCore import qInstallMessageHandler

            qInstallMessageHandler(self._previous_handler)


def settle() -> None:
    from PySide6.QtWidgets import QApplication

    for _attempt in range(3):
        QApplication.processEvents()


def run(report: Path) -> int:
    """Run every step in a temporary home; write ``report``; 0 when all passed."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="atelier-autotest-") as folder:
        home = Path(folder) / "home"
        home.mkdir()
        previous = os.environ.get("ATELIER_HOME")
        os.environ["ATELIER_HOME"] = str(home)  # nothing reaches the real data folder
        test = SelfTest(home)
        try:
            test.step("application Qt", test.application)
            test.step("modules du programme", test.imports)
            test.step("base de données", test.database)
            if test.store is not None and "application Qt" not in test.failures:
                test.step("modules de leçons", test.lessons)
                test.step("feuille d'émargement (PDF)", test.sheet)
                test.step("sections de la fenêtre", test.sections)
                test.step("fenêtre d'entraînement", test.practice)
        finally:
            test.close()
            if previous is None:
                os.environ.pop("ATELIER_HOME", None)
            else:
                os.environ["ATELIER_HOME"] = previous
    from atelier import __version__

    verdict = ("RÉUSSI" if not test.failures else f"ÉCHEC : {', '.join(test.failures)}")
    text = [f"Autotest d'Atelier {__version__} — {datetime.now().isoformat(timespec='seconds')}",
            f"{'programme figé' if getattr(sys, 'frozen', False) else 'sources'} : {sys.executable}",
            *test.lines, *(f"Qt a dit : {message}" for message in test.qt_messages),
            f"{verdict} ({time.perf_counter() - started:.1f} s)"]
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("\n".join(text) + "\n", encoding="utf-8")
    if sys.stdout is not None:
        print("\n".join(line for line in text if not line.startswith("       ")))
        print(f"Rapport : {report}")
    return 0 if not test.failures else 1


def default_report() -> Path:
    return Path(tempfile.gettempdir()) / REPORT_NAME
