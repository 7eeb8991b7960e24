"""At start-up, people past the retention period are looked for on the worker; only
when someone is found do the question (``ui.views.retention_dialog``) and its widgets
load. The rules themselves (``atelier.retention``) load on the worker, in the job: the
first screen of most start-ups (nobody to ask about) waits for neither.
"""

from datetime import date

from PySide6.QtWidgets import QWidget

from atelier import settings


def offer_at_start(ops, parent: QWidget, today: date | None = None) -> int:
    """Look on the worker for people past the retention period; if there are, ask.
    A failure says nothing: the start-up check reports damage its own way."""
    def found(answer) -> None:
        people, years = answer
        if people and parent.isVisible():
            from ui.views.retention_dialog import offer

            offer(ops, parent, people, years, at_start=True)

    return ops.run(_to_confirm, today or ops.today(), on_done=found, on_error=lambda _error: None)


def _to_confirm(db, today: date) -> tuple[list, int]:
    from atelier import retention

    return retention.to_confirm(db, today), settings.retention_years(db)
