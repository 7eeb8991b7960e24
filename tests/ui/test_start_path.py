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
# when someone is found). (The daily backup and the retention's search may load more on
# the worker meanwhile: the list names none of it.)
NOT_AT_START = (
    "ui.views.groups", "ui.views.participants", "ui.views.sessions", "ui.views.lessons",
    "ui.views.documents", "ui.views.settings", "ui.views.coordination", "ui.views.workshop",
    "ui.views.first_run", "ui.widgets.busy", "ui.practice", "ui.render",
    "ui.views.speech_setting", "ui.views.look_setting", "ui.views.retention_dialog",
    "ui.widgets.confirm", "ui.widgets.check",
    "atelier.exports", "atelier.lessons.library", "atelier.lessons.pack", "atelier.erasure",
    "openpyxl", "httpx", "keyring", "orjson",
)


def test_the_first_screen_loads_only_what_it_shows(home, tmp_path):
    """A separate process, as a person starts the program: the home with its sessions,
    and none of the modules above (each costs start-up time and memory)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from atelier import demo
    from atelier.store import Store

    store = Store.open(home)
    demo.fill(store.db)
    store.close()
    root = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(root))
    done = subprocess.run([sys.executable, "-c", START_AND_LIST_MODULES, str(home)], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-3000:]
    loaded = set(done.stdout.split())
    assert "ui.views.home" in loaded and "atelier.sessions" in loaded
    assert not [m for m in loaded if m.split(".")[0] in NOT_AT_START or m in NOT_AT_START
                or any(m.startswith(prefix + ".") for prefix in NOT_AT_START)]
