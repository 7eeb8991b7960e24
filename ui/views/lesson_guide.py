"""The lesson guide: the session's module, one step at a time, in large print.

"Précédente" / "Suivante" (or the Left and Right arrows, or Space) move between the
steps; reaching a step records it as covered for this session. The module's
« Avant l'atelier » opens the first step, its « 3 choses à retenir » and lexique end the
last one; « Lexique » shows the words at any step. "Projeter" opens the
projector window, which follows the guide; an optional stopwatch counts up for the
facilitator. Coming back to a session resumes at the furthest step already reached.
"""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget
from shiboken6 import isValid

from atelier import progress
from atelier.i18n import _
from atelier.lessons.pack import Module
from atelier.sessions import Session
from ui.operations import Operations, show_error
from ui.theme import px
from ui.views.glossary_dialog import GlossaryDialog
from ui.views.guide_extras import step_markdown
from ui.views.projector import ProjectorWindow
from ui.widgets.buttons import big_button
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.listen_button import ListenButton, markdown_words
from ui.widgets.markdown_view import MarkdownView, strip_title
from ui.widgets.step_timer import StepTimer


class LessonGuideView(QWidget):
    step_changed = Signal(int)  # the index (from 0) of the step now shown
    closing_requested = Signal()  # « Fin de séance » on the last step: on to the closing

    def __init__(self, ops: Operations, session: Session | None, module: Module | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.session = session
        self.module = module
        self.index = -1
        self.projector: ProjectorWindow | None = None
        self.setObjectName("page")
        self.setAccessibleName(_("Guide de la leçon"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(px(32), px(12), px(32), px(16))
        layout.setSpacing(px(10))
        if module is None or not module.steps:
            self._build_empty(layout)
            return
        # Without a session (preparing from « Leçons »), nothing is recorded as covered.
        covered = ops.read(progress.covered_steps, session.id).get(module.id, []) if session else []
        self._recorded: set[int] = set(covered)
        self._build(layout)
        self.go_to(min(max(covered, default=0), len(module.steps) - 1))

    # --- building ------------------------------------------------------------------------

    def _build_empty(self, layout: QVBoxLayout) -> None:
        self.message = QLabel(_("Aucun module pour cette séance"))
        self.message.setObjectName("title")
        hint = QLabel(_("Vous pouvez en choisir un dans la page « Séances »."))
        hint.setObjectName("subtitle")
        for label in (self.message, hint):
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addStretch(1)

    def _build(self, layout: QVBoxLayout) -> None:
        self.counter = QLabel()
        self.counter.setObjectName("subtitle")  # the workshop around it names the module
        self.counter.setWordWrap(True)  # a narrow window: « Étape 2 / sur 9 » rather than wider
        self.counter.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.project_button = big_button(_("Projeter"), _(
            "Ouvre ou ferme la fenêtre du projecteur, qui montre l'étape en très grand"), tooltip=False)
        self.project_button.setCheckable(True)
        self.project_button.toggled.connect(self.set_projecting)
        self.timer = StepTimer(self)
        self.glossary_button = big_button(_("Lexique"), _(
            "Les mots du module et leur explication en français facile"), tooltip=False,
            on_click=self.show_glossary)
        if not self.module.glossary:
            self.glossary_button.hide()   # never show() it here: without a parent, it would be a window of its own
        self.glossary: GlossaryDialog | None = None
        # « Écouter » reads the learners' part of the step: what the projector shows.
        self.listen_button = ListenButton(self.spoken_step, _("l'étape"))
        self._projected = ""   # the step as the projector shows it
        self.title = QLabel()
        self.title.setObjectName("section")
        self.title.setWordWrap(True)
        # The chrome takes two lines, the step's text all the rest: the title with the
        # stopwatch and « Projeter » beside it, « Étape 2 sur 9 » between the arrows.
        tools = QWidget()  # side by side, or one above the other in a narrow window
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        tools.setSizePolicy(policy)
        row = FlowLayout(tools, spacing=px(14))
        row.addWidget(self.timer)
        row.addWidget(self.glossary_button)
        row.addWidget(self.project_button)
        top = QHBoxLayout()
        top.setSpacing(px(14))
        top.addWidget(self.title, 1)
        top.addWidget(tools, 0, Qt.AlignmentFlag.AlignTop)
        self.view = MarkdownView(self)
        self.view.verticalScrollBar().valueChanged.connect(self._follow_scroll)

        self.previous_button = big_button(_("◀  Précédente"), name=_("Étape précédente"),
                                          on_click=self.previous)
        self.next_button = big_button(_("Suivante  ▶"), primary=True, name=_("Étape suivante"),
                                      on_click=self.next_or_close)
        bottom = QHBoxLayout()
        bottom.setSpacing(px(12))
        bottom.addWidget(self.previous_button)
        bottom.addStretch(1)
        bottom.addWidget(self.counter)
        bottom.addStretch(1)
        bottom.addWidget(self.listen_button)
        bottom.addWidget(self.next_button)

        for label in (self.counter, self.title):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)
        # Top to bottom, left to right; the arrows and Space work from any of them.
        QWidget.setTabOrder(self.timer.button, self.glossary_button)
        QWidget.setTabOrder(self.glossary_button, self.project_button)
        QWidget.setTabOrder(self.project_button, self.view)
        QWidget.setTabOrder(self.view, self.previous_button)
        QWidget.setTabOrder(self.previous_button, self.listen_button)
        QWidget.setTabOrder(self.listen_button, self.next_button)
        for widget in (self, self.view, self.project_button, self.previous_button, self.timer.button, self.next_button,
                       self.glossary_button, self.listen_button):
            widget.installEventFilter(self)
        self.setFocusProxy(self.next_button)

    # --- moving through the steps ------------------------------------------------------

    def step_count(self) -> int:
        return len(self.module.steps) if self.module else 0

    def counter_text(self) -> str:
        return _("Étape {number} sur {count}").format(number=self.index + 1, count=self.step_count())

    def next(self) -> None:
        self.go_to(self.index + 1)

    def next_or_close(self) -> None:
        """The button: the next step, or on the last one, the closing of the session."""
        if self.index == self.step_count() - 1:
            self.closing_requested.emit()
        else:
            self.next()

    def previous(self) -> None:
        self.go_to(self.index - 1)

    def go_to(self, index: int) -> None:
        if self.module is None or not 0 <= index < self.step_count() or index == self.index:
            return
        self.index = index
        step = self.module.steps[index]
        counter = self.counter_text()
        self.counter.setText(counter)
        self.counter.setAccessibleName(counter)
        self.counter.setAccessibleDescription(self.module.title)
        self.title.setText(step.title)
        self.title.setAccessibleName(step.title)
        body = strip_title(step.markdown, step.title)
        self._projected = step_markdown(self.module, index, body, projected=True)
        self.view.set_markdown(step_markdown(self.module, index, body), self.module.path)
        self.view.setAccessibleName(_("{counter} : {title}").format(counter=counter, title=step.title))
        focus_was_on_a_button = self.previous_button.hasFocus() or self.next_button.hasFocus()
        self.previous_button.setEnabled(index > 0)
        last = index == self.step_count() - 1  # the last step leads on to the closing, not to a dead end
        self.next_button.setText(_("Fin de séance  ▶") if last else _("Suivante  ▶"))
        self.next_button.setAccessibleName(_("Passer à la fin de séance") if last else _("Étape suivante"))
        if focus_was_on_a_button and not self.focusWidget().isEnabled():
            (self.previous_button if self.previous_button.isEnabled() else self.next_button).setFocus()
        if self.projector is not None:
            self.projector.show_step(counter, step.title, self._projected, self.module.path)
        self._record(index)
        self.step_changed.emit(index)

    def _record(self, index: int) -> None:
        if index in self._recorded or self.session is None:
            return  # already in step_progress: nothing to write
        self._recorded.add(index)
        self.ops.run(progress.mark_step_covered, self.session.id, self.module.id, index,
                     on_error=lambda error: self._not_recorded(index, error), parent=self)

    def _not_recorded(self, index: int, error: Exception) -> None:
        self._recorded.discard(index)  # reaching it again will try again
        show_error(self, error)

    def spoken_step(self) -> str:
        return f"{self.title.text()}. {markdown_words(self._projected)}"

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and self._key(event, watched):
            return True
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent, watched: QObject) -> bool:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        key = event.key()
        if key == Qt.Key.Key_Right:
            self.next()
        elif key == Qt.Key.Key_Left:
            self.previous()
        elif key == Qt.Key.Key_Space and not isinstance(watched, QAbstractButton):
            self.next()  # on a button, Space presses that button, as everywhere
        else:
            return False
        return True

    def show_glossary(self) -> None:
        if self.glossary is None:
            self.glossary = GlossaryDialog(self.module, self)
        self.glossary.open()

    # --- the projector -------------------------------------------------------------------

    def projecting(self) -> bool:
        # isValid: a guide whose page was rebuilt (a new language) outlives its projector
        return self.projector is not None and isValid(self.projector) and self.projector.isVisible()

    def set_projecting(self, on: bool) -> None:
        if self.module is None or not isValid(self.project_button):  # a projector closing after its guide
            return
        if self.project_button.isChecked() != on:
            self.project_button.setChecked(on)  # comes back here through `toggled`
            return
        text = _("Fermer la projection") if on else _("Projeter")
        self.project_button.setText(text)
        self.project_button.setAccessibleName(text)
        if on:
            if self.projector is None:
                self.projector = ProjectorWindow(self)
                self.projector.closed.connect(lambda: self.set_projecting(False))
                self.projector.next_requested.connect(self.next)
                self.projector.previous_requested.connect(self.previous)
            step = self.module.steps[self.index]
            self.projector.show_step(self.counter_text(), step.title, self._projected, self.module.path)
            self.projector.open_beside(self.window().screen())
            self._follow_scroll()
        elif self.projecting():
            self.projector.close()

    def _follow_scroll(self) -> None:
        if self.projecting():
            self.projector.content.set_scroll_fraction(self.view.scroll_fraction())

