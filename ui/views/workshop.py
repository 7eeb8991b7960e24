"""The workshop of the day: three big steps, the roll call, the lesson, the closing.

The lesson guide and the closing screen come from their own files. The workshop does
not move the window itself: it asks with ``home_requested`` ("◀ Accueil", the session
stays open) and says ``finished`` once the closing screen stored the session; the main
window shows the home and puts a finished workshop away.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier.sessions import Session
from ui.modules import module_by_id
from ui.theme import px
from ui.views.button_rows import button_rows
from ui.views.roll_call import RollCallView
from ui.widgets.buttons import big_button, is_current, set_current
from ui.widgets.page_stack import PageStack

STEP_KEYS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1}


class StepTab(QPushButton):
    """One of the workshop's three steps, used as a tab: the arrows open the step beside
    it (the focus follows), so no arrow ever moves the focus to a step left closed,
    where Space would then open it by surprise. A click opens the step without taking
    the keyboard: it goes into the step (see WorkshopView.show_step)."""

    moved = Signal(int)  # -1 or +1: the arrow pressed

    def __init__(self, text: str, name: str):
        super().__init__(text)
        self.setObjectName("step")
        self.setAccessibleName(name)
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = STEP_KEYS.get(event.key())
        if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.moved.emit(step)
        else:
            super().keyPressEvent(event)


class WorkshopView(QWidget):
    home_requested = Signal()  # back to the home; this workshop stays open
    finished = Signal()  # the session is closed: this workshop can be put away

    def __init__(self, ops, session: Session, parent=None):
        super().__init__(parent)
        self.ops, self.session = ops, session
        self.setObjectName("page")
        self.steps: list[StepTab] = []
        for i, (text, name) in enumerate((
            (_("1. Appel"), _("Étape 1 : l'appel")),
            (_("2. Leçon"), _("Étape 2 : la leçon")),
            (_("3. Clôture"), _("Étape 3 : fin de séance")),
        )):
            button = StepTab(text, name)
            # Space on the tab keeps the keyboard there; a click sends it into the step.
            button.clicked.connect(lambda _checked=False, i=i: self.show_step(i, focus=not self.steps[i].hasFocus()))
            button.moved.connect(lambda step, i=i: self._move(i + step))
            self.steps.append(button)
        self.sheet_button = big_button(_("Feuille d'émargement"),
                                       name=_("Feuille d'émargement de cette séance"), on_click=self.open_sheet)
        self.home_button = big_button(_("◀ Accueil"), on_click=self.home_requested,
                                      name=_("Revenir à l'accueil (la séance reste ouverte)"))
        bar = button_rows([self.home_button, *self.steps, self.sheet_button])
        bar.setContentsMargins(px(24), px(16), px(24), 0)

        self.stack = PageStack()  # sized by the page on screen, not the largest one
        self.roll_call = RollCallView(ops, session)
        self.stack.addWidget(self.roll_call)
        self.lesson: QWidget | None = None
        self.closing: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        self.setAccessibleName(_("Atelier du jour"))
        self.show_step(0, focus=False)

    def current_step(self) -> int:
        return next(k for k, button in enumerate(self.steps) if is_current(button))

    def _move(self, i: int) -> None:
        if 0 <= i < len(self.steps):
            self.show_step(i, focus=False)
            self.steps[i].setFocus(Qt.FocusReason.TabFocusReason)

    def show_step(self, i: int, focus: bool = True) -> None:
        """Show step ``i``; with ``focus``, the keyboard goes into it (never to « ◀ Accueil »)."""
        for k, button in enumerate(self.steps):
            set_current(button, k == i)
            button.setAccessibleDescription(_("Étape ouverte") if k == i else "")
        # Not during the lesson: the bar stays one line at 200 % and the step's text has the room.
        self.sheet_button.setVisible(i != 1)
        if i == 0:
            page = self.roll_call
        elif i == 1:
            if self.lesson is None:
                from ui.views.lesson_guide import LessonGuideView

                self.lesson = LessonGuideView(self.ops, self.session, module_by_id(self.session.module_id))
                self.lesson.closing_requested.connect(lambda: self.show_step(2))
                self.stack.addWidget(self.lesson)
                lesson = self.lesson  # Tab: the bar, then the guide from top to bottom
                chain = [self.sheet_button, lesson.timer.button, lesson.glossary_button, lesson.project_button,
                         lesson.view, lesson.previous_button, lesson.next_button]
                for before, after in zip(chain, chain[1:]):
                    QWidget.setTabOrder(before, after)
            page = self.lesson
        else:
            if self.closing is None:
                from ui.views.closing import ClosingView

                self.closing = ClosingView(self.ops, self.session)
                self.closing.closed.connect(self.finished)
                self.stack.addWidget(self.closing)
            page = self.closing
        self.stack.setCurrentWidget(page)
        if focus:
            focus_inside(page, *(getattr(page, name, None) for name in (
                "all_present", "walk_in", "previous_button", "finish_button")))  # what each step has

    def open_sheet(self) -> None:
        from ui.views.sheet_dialog import open_sheet_dialog

        self.sheet_dialog = open_sheet_dialog(self.ops, self.session.id, self, completed=True)


def focus_inside(page: QWidget, *fallbacks: QWidget | None) -> None:
    """The keyboard to the control the page names (its focus proxy: the lesson's
    « Suivante »), else to where it was last in ``page``, else to the first of
    ``fallbacks`` that takes it. (Named controls only: a walk along the window's focus
    chain would wrap every widget of every page, some on their way out.)"""
    for widget in (page.focusProxy(), page.focusWidget(), *fallbacks):
        if (widget is not None and page.isAncestorOf(widget) and widget.isVisible() and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
