"""What start-up leaves out or puts off, and that it still all happens (issue 13).

Nothing here times anything: ``make bench`` measures; these check that a shortcut
keeps the program right.
"""

import builtins
import importlib
import sys


def test_imports_after_qt_skip_pyside_source_reading(tmp_path, monkeypatch):
    """PySide6's import hook read each new module's source; the ui package puts the
    interpreter's own import back, and Qt still works."""
    import ui  # noqa: F401
    from PySide6.support import feature
    from PySide6.QtCore import QObject

    assert builtins.__import__ is builtins.__orig_import__
    (tmp_path / "fresh_module_for_hook.py").write_text("from PySide6.QtCore import QObject\nVALUE = 1\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    module = importlib.import_module("fresh_module_for_hook")
    try:
        assert module.VALUE == 1 and module.QObject is QObject
        assert "fresh_module_for_hook" not in feature.pyside_feature_dict
        assert QObject().objectName() == ""  # the usual camelCase names, unswitched
    finally:
        sys.modules.pop("fresh_module_for_hook", None)


START_AND_LIST_MODULES = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from ui import app as atelier_app

atelier_app.put_off_qt_words()  # as ui.app.main() does
app = atelier_app.make_app([sys.argv[0]])
window = atelier_app.start(Path(sys.argv[1]))
atelier_app.launch(window)

def listed():
    assert window.home.data is not None and window.home.data.today + window.home.data.coming
    print("\\n".join(sorted(sys.modules)))
    window.close()
    app.quit()

QTimer.singleShot(0, listed)
app.exec()
"""

# What the home screen does not need, loaded later by what does: the other sections,
# the workshop, exports, the hub's network and keyring, the lesson library, the erasure
# code, the first-run and busy dialogs, the Réglages' reading-aloud and look sections,
# the questions (before quitting, about people past the retention period: asked only
# when someone is found), the messages about a data file that cannot be used. After
# the first frame (it is not painted yet when the list is taken): Qt's own words, the sync and the
# hub's code, reading aloud, the sessions' list model, the daily backup's code (the
# worker's jobs wait for that frame too). On the domain's side: the
# erasure log (read only where there is one), the TOML parser (the home reads the
# modules' titles from plain first lines), the command line's commands (``atelier``
# alone opens the window without building their parsers) and its password prompt.
# From the standard library: uuid (and platform, which it loads on Linux) for the PC's
# fingerprint, json for the window's place, the ascii and utf-8-sig codecs, queue (the
# worker takes its C queue directly).
NOT_AT_START = (
    "ui.views.groups", "ui.views.participants", "ui.views.sessions", "ui.views.lessons",
    "ui.views.documents", "ui.views.settings", "ui.views.coordination", "ui.views.workshop",
    "ui.views.first_run", "ui.widgets.busy", "ui.practice", "ui.render",
    "ui.views.speech_setting", "ui.views.look_setting", "ui.views.retention_dialog",
    "ui.widgets.confirm", "ui.widgets.check", "ui.views.data_file_messages",
    "atelier.exports", "atelier.lessons.library", "atelier.lessons.pack", "atelier.erasure",
    "atelier.erasure_log", "atelier.lessons.command", "atelier.sync.command", "atelier.people_command",
    "atelier.pin_command", "tomllib", "getpass", "atelier.backups",
    "ui.sync_runner", "ui.hub_pull", "atelier.sync.push", "ui.speech", "ui.models",
    "openpyxl", "httpx", "keyring", "orjson",
    "uuid", "platform", "json", "encodings.ascii", "encodings.utf_8_sig", "queue", "ui.qt_words",
)


# The program as the desktop's shortcut starts it: ``atelier`` with no argument
# (packaging/launcher.py), its home named by ATELIER_HOME; the modules listed once the
# window is launched and the event loop runs.
START_BY_THE_COMMAND_AND_LIST_MODULES = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import app as atelier_app
from atelier.cli import main

launched = atelier_app.launch

def launch(window, *args, **kwargs):
    launched(window, *args, **kwargs)

    def listed():
        print("\\n".join(sorted(sys.modules)))
        window.close()
        QApplication.quit()

    QTimer.singleShot(0, listed)

atelier_app.launch = launch
sys.exit(main([]))
"""


def started_and_listed(script: str, home, *args: str) -> set[str]:
    """The modules a separate process has loaded once the home shows (its sessions in it)."""
    return set(started(script, home, *args).split())


def started(script: str, home, *args: str) -> str:
    """What a separate process running ``script`` printed, over ``home`` filled (no first run)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from atelier import demo
    from atelier.store import Store
    from ui.window_place import FILE_NAME

    store = Store.open(home)
    if store.is_empty():
        demo.fill(store.db)
    store.close()
    if not (home / FILE_NAME).exists():  # the window's place, as a closed window leaves it
        (home / FILE_NAME).write_text('{"geometry": "AdnQywADAAAAAAAUAAAACgAAApMAAAHp"}', encoding="utf-8")
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root), ATELIER_HOME=str(home))
    done = subprocess.run([sys.executable, "-c", script, *args], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def not_at_start(loaded: set[str]) -> list[str]:
    return [m for m in loaded if m.split(".")[0] in NOT_AT_START or m in NOT_AT_START
            or any(m.startswith(prefix + ".") for prefix in NOT_AT_START)]


def test_the_first_screen_loads_only_what_it_shows(home, tmp_path):
    """A separate process, as a person starts the program: the home with its sessions,
    and none of the modules above (each costs start-up time and memory)."""
    loaded = started_and_listed(START_AND_LIST_MODULES, home, str(home))
    assert "ui.views.home" in loaded and "atelier.sessions" in loaded
    assert not not_at_start(loaded)


def test_the_command_without_argument_opens_the_window_without_the_commands(home):
    """``atelier`` alone: the window, without the other commands' parsers (and what they import)."""
    loaded = started_and_listed(START_BY_THE_COMMAND_AND_LIST_MODULES, home)
    assert "atelier.cli" in loaded and "ui.views.home" in loaded
    assert not not_at_start(loaded)


START_BY_THE_COMMAND_AND_SAY_COLLECTING = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui import app as atelier_app
from atelier.cli import main

launched = atelier_app.launch

def launch(window, *args, **kwargs):
    print("collecting while starting:", gc.isenabled())
    launched(window, *args, **kwargs)

    def said():
        print("collecting once the loop turns:", gc.isenabled())
        window.close()
        QApplication.quit()

    QTimer.singleShot(0, said)

atelier_app.launch = launch
sys.exit(main([]))
"""


def test_garbage_collection_waits_for_the_start_and_comes_back(home):
    """``atelier`` puts Python's cyclic collector off while it starts (6 ms of collecting
    among objects that are not garbage) and has it back at the event loop's first turn."""
    said = started(START_BY_THE_COMMAND_AND_SAY_COLLECTING, home).splitlines()
    assert said[-2:] == ["collecting while starting: False", "collecting once the loop turns: True"]


START_BY_THE_COMMAND_AND_SAY_QT_WORDS = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication
from ui import app as atelier_app
from atelier.cli import main

launched = atelier_app.launch

def launch(window, *args, **kwargs):
    launched(window, *args, **kwargs)
    print("before the first frame:", QCoreApplication.translate("QPlatformTheme", "Cancel"))

    def said():
        print("after it:", QCoreApplication.translate("QPlatformTheme", "Cancel"),  # Qt's catalogue
              "/", QCoreApplication.translate("QAbstractFileIconProvider", "Drive"))  # what it lacks
        window.close()
        QApplication.quit()

    window.first_painted.connect(lambda: QTimer.singleShot(0, said))

atelier_app.launch = launch
sys.exit(main([]))
"""


def test_qt_own_words_come_just_after_the_first_frame(home):
    """Nothing of Qt's own making is on the first frame: its French words (file dialogs,
    standard buttons) are loaded just after it, before anyone can open a dialog."""
    said = started(START_BY_THE_COMMAND_AND_SAY_QT_WORDS, home).splitlines()
    assert said[-2:] == ["before the first frame: Cancel", "after it: Annuler / Lecteur"]
