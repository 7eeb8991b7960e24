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
