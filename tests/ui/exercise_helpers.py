"""An exercise widget shown as the practice shell shows it: alone in a 1366 × 768
window, active (so that keys reach it), started; what it hands back is gathered."""


def shown_exercise(qtbot, widget, size=(1366, 768)) -> tuple[list, list]:
    """``(outcomes, progress)``: the Outcome(s) the widget hands the shell, and each
    (done, total) it reports, as they come."""
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    outcomes, progress = [], []
    widget.finished.connect(outcomes.append)
    widget.progressed.connect(lambda done, total: progress.append((done, total)))
    widget.start()
    return outcomes, progress
