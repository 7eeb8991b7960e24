"""Closing the session: a short summary from the core, the facilitator's notes, and
one large "Terminer la séance" button.

Closing stores the notes, marks the session done and queues its summary for the sync,
all in one transaction (summaries.close_session), on the worker. A draft of the notes
is kept for as long as the program runs, even if the facilitator goes elsewhere and
comes back: there is nothing to save by hand.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier.sync import summaries
from atelier import sessions
from atelier.sessions import Session
from atelier.sync.summaries import SessionSummary
from ui import modules
from ui.operations import Operations, show_error
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.scroller import Scroller

_drafts: dict[str, str] = {}  # session id → notes being typed, while the program runs


def people_text(summary: SessionSummary) -> str:
    """'9 présents, 2 absents, 1 excusé, 1 nouvelle personne'."""
    return ", ".join([
        plural(summary.present, "{n} présent", "{n} présents"),
        plural(summary.absent, "{n} absent", "{n} absents"),
        plural(summary.excused, "{n} excusé", "{n} excusés"),
        plural(summary.new_people, "{n} nouvelle personne", "{n} nouvelles personnes"),
    ])


def steps_text(summary: SessionSummary) -> str:
    """'Étapes vues : 1, 2, 3, 5 sur 9', numbered from 1 as the guide shows them."""
    parts = []
    own = summary.module_id
    for module_id in [own] + sorted(m for m in summary.steps_covered if m != own):
        if module_id is None:
            continue
        module = modules.module_by_id(module_id)
        indexes = summary.steps_covered.get(module_id, [])
        numbers = ", ".join(str(i + 1) for i in indexes)
        if not indexes:
            text = _("Aucune étape vue")
        elif module is not None:
            text = _("Étapes vues : {numbers} sur {count}").format(numbers=numbers, count=len(module.steps))
        else:
            text = _("Étapes vues : {numbers}").format(numbers=numbers)
        if module_id != own:
            text = _("{module} — {steps}").format(module=module.title if module else module_id, steps=text)
        parts.append(text)
    return "\n".join(parts) or _("Pas de module pour cette séance")


class ClosingView(QWidget):
    closed = Signal()  # after the session was stored as done, with its summary queued

    def __init__(self, ops: Operations, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.session = session
        self.summary: SessionSummary | None = None
        self.setObjectName("page")
        self.setAccessibleName(_("Fin de séance"))

        title = QLabel(_("Résumé de la séance"))
        title.setObjectName("section")  # the workshop's step bar already says "Fin de séance"
        card = QFrame()
        card.setObjectName("card")
        self.people_label = QLabel()
        self.steps_label = QLabel()
        in_card = QVBoxLayout(card)
        in_card.setContentsMargins(px(18), px(12), px(18), px(14))
        in_card.setSpacing(px(6))
        in_card.addWidget(self.people_label)
        in_card.addWidget(self.steps_label)

        notes_title = QLabel(_("Notes de la séance"))
        notes_title.setObjectName("section")
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)  # Tab leaves the field, as everywhere else
        self.notes.setPlaceholderText(_("Ce qui s'est bien passé, ce qu'il faudra revoir la prochaine fois…"))
        self.notes.setAccessibleName(_("Notes de la séance"))
        self.notes.setMinimumHeight(px(120))
        self.notes.setStyleSheet(
            "QPlainTextEdit { background: palette(base); border: 3px solid palette(mid); border-radius: 6px;"
            " padding: 4px 8px; }"
            "QPlainTextEdit:focus { border: 3px solid palette(highlight); }")
        notes_title.setBuddy(self.notes)
        self.notes.setPlainText(_drafts.get(session.id, session.notes))
        self.notes.textChanged.connect(self._keep_draft)

        self.state_label = QLabel()
        self.state_label.setObjectName("muted")
        self.finish_button = big_button("", primary=True, on_click=self.finish)

        for label in (title, self.people_label, self.steps_label, notes_title, self.state_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        content = QWidget()
        content.setObjectName("page")
        column = QVBoxLayout(content)
        column.setContentsMargins(px(32), px(16), px(32), px(8))
        column.setSpacing(px(10))
        column.addWidget(title)
        column.addWidget(card)
        column.addSpacing(px(8))
        column.addWidget(notes_title)
        column.addWidget(self.notes, 1)
        # The page scrolls rather than clips at 200 %; the button stays in sight below it.
        scroll = Scroller(content)
        bottom = QHBoxLayout()
        bottom.setContentsMargins(px(32), px(8), px(32), px(16))
        bottom.setSpacing(px(16))
        bottom.addWidget(self.state_label, 1)
        bottom.addWidget(self.finish_button, 0, Qt.AlignmentFlag.AlignBottom)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scroll, 1)
        outer.addLayout(bottom)
        QWidget.setTabOrder(self.notes, self.finish_button)
        self.setFocusProxy(self.notes)

        self._show_state(session.status == sessions.DONE)
        self.refresh()
        ops.watch(self, ('attendance', 'lessons', 'sessions', 'people'), lambda _changes, _initiator: self.refresh())

    def refresh(self) -> None:
        """Read the summary again (the roll call or the guide may have changed it)."""
        self.summary = self.ops.read(summaries.summarise, self.session.id)
        people, steps = people_text(self.summary), steps_text(self.summary)
        self.people_label.setText(people)
        self.steps_label.setText(steps)
        self.people_label.setAccessibleName(people)
        self.steps_label.setAccessibleName(steps)

    def _keep_draft(self) -> None:
        _drafts[self.session.id] = self.notes.toPlainText()

    def _show_state(self, done: bool) -> None:
        text = _("Enregistrer les notes") if done else _("Terminer la séance")
        self.finish_button.setText(text)
        self.finish_button.setAccessibleName(text)
        self.state_label.setText(_("Cette séance est terminée. Vous pouvez encore corriger les notes.")
                                 if done else "")
        self.state_label.setVisible(done)

    def finish(self) -> None:
        self.finish_button.setEnabled(False)  # one click, one closing
        self.ops.run(summaries.close_session, self.session.id, self.notes.toPlainText(),
                     on_done=self._finished, on_error=self._failed, parent=self)

    def _finished(self, summary: SessionSummary) -> None:
        _drafts.pop(self.session.id, None)
        self.summary = summary
        self.finish_button.setEnabled(True)
        self._show_state(True)
        self.closed.emit()

    def _failed(self, error: Exception) -> None:
        self.finish_button.setEnabled(True)
        show_error(self, error)
