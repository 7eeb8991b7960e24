"""Entry point of the frozen bundle.

A bundled program has no console (on Windows, no standard streams at all): an error
that escapes everything goes to the log in the data folder and to the program's own
French dialog (ui.app.report_unexpected), never to a terminal nobody sees.
"""

import os
import sys

for stream in ("stdout", "stderr"):
    if getattr(sys, stream) is None:  # a windowed program on Windows: writes go nowhere, quietly
        setattr(sys, stream, open(os.devnull, "w", encoding="utf-8"))


def told(error: BaseException) -> int:
    """The last net, before or around the window: the log, then the French dialog."""
    try:
        from PySide6.QtWidgets import QApplication

        from ui.app import report_unexpected

        QApplication.instance() or QApplication(sys.argv[:1])
        report_unexpected(type(error), error, error.__traceback__)
    except Exception:  # even Qt is missing: at least the log
        from atelier import error_log

        error_log.record(error)
    return 1


if sys.argv[1:2] == ["--speech-probe"]:  # the speech engine asked in a process of its own (ui/speech_probe.py)
    from ui import speech_probe

    raise SystemExit(speech_probe.main(sys.argv[2:]))

try:
    from atelier.cli import main

    code = main()
except Exception as error:
    code = told(error)
raise SystemExit(code)
