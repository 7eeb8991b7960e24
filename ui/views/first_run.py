"""The first start: a short set-up, or a try with the demonstration.

Three questions, each optional but the association's name, and a way out that
touches nothing: the demonstration lives in its own folder.
"""

import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from atelier.i18n import _
from atelier import settings
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.on_screen import fit_on_screen
from ui.widgets.scroller import Scroller

SETUP, DEMO = "setup", "demo"


@dataclass(frozen=True)
class Answers:
    association: str
    site: str
    facilitator: str


def save(db, answers: Answers) -> None:
    """Write the set-up into the settings; FACILITATORS keeps one name a line."""
    with db.atomic():
        settings.put(db, settings.ASSOCIATION, answers.association.strip())
        settings.put(db, settings.SITE, answers.site.strip())
        names = [n.strip() for n in answers.facilitator.replace(",", "\n").splitlines() if n.strip()]
        settings.put(db, settings.FACILITATORS, "\n".join(names))


def demo_available() -> bool:
    return importlib.util.find_spec("atelier.demo") is not None


class FirstRunDialog(QDialog):
    """``choice`` is SETUP (``answers`` filled), DEMO, or None if closed."""

    def __init__(self, parent=None, demo: bool | None = None):
        super().__init__(parent)
        self.choice: str | None = None
        self.answers: Answers | None = None
        self.setWindowTitle(_("Bienvenue dans Atelier"))
        self.setAccessibleName(_("Bienvenue dans Atelier"))

        title = QLabel(_("Bienvenue dans Atelier"))
        title.setObjectName("section")  # smaller than a page title: the dialog must fit at 200 %
        intro = QLabel(_("Trois questions pour commencer."))
        intro.setWordWrap(True)

        # No grey examples inside the fields: they look like answers already given.
        self.association = self._field(_("Nom de l'association (obligatoire)"))
        self.site = self._field(_("Lieu de l'atelier"))
        self.facilitator = self._field(_("Votre nom (animatrice ou animateur)"))

        self.start = big_button(_("Commencer"), primary=True, name=_("Commencer avec ces réponses"),
                                on_click=self._accept_setup)
        self.start.setDefault(True)
        self.try_demo = big_button(_("Essayer avec la démonstration"),
                                   name=_("Essayer avec la démonstration, sans toucher à vos données"),
                                   on_click=self._accept_demo)
        self.try_demo.setEnabled(demo_available() if demo is None else demo)

        # The questions scroll if the text is so large that they do not fit on the
        # screen; the two buttons below always stay in sight.
        self.form = QWidget()
        self.form.setObjectName("page")
        form = QVBoxLayout(self.form)
        form.setContentsMargins(px(32), px(24), px(32), px(4))
        form.setSpacing(px(4))
        form.addWidget(title)
        form.addWidget(intro)
        for label, edit in (self.association, self.site, self.facilitator):
            form.addSpacing(px(8))
            form.addWidget(label)
            form.addWidget(edit)
        form.addStretch(1)
        self.scroll = Scroller(self.form)

        self.buttons = buttons = QHBoxLayout()
        buttons.setContentsMargins(px(32), px(12), px(32), px(20))
        buttons.setSpacing(px(16))
        buttons.addWidget(self.try_demo)
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(buttons)
        # Tab order follows the reading order: the questions, then "Commencer".
        self.setTabOrder(self.association[1], self.site[1])
        self.setTabOrder(self.site[1], self.facilitator[1])
        self.setTabOrder(self.facilitator[1], self.start)
        self.setTabOrder(self.start, self.try_demo)
        self.association[1].setFocus()

        self.association[1].textChanged.connect(self._update)
        self._update()
        self._fitted = False

    def showEvent(self, event) -> None:
        # Measured once shown: before that, wrapped labels report a wrong height.
        super().showEvent(event)
        if not self._fitted:
            self._fitted = True
            self._fit_to_screen()

    def _fit_to_screen(self) -> None:
        """As big as the questions need, never bigger than the screen."""
        self.ensurePolished()
        self.form.ensurePolished()
        frame = 2 * self.scroll.frameWidth()
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        width = max(self.buttons.sizeHint().width(), px(600))
        height = self.form.layout().heightForWidth(width - bar - frame) + frame + self.buttons.sizeHint().height()
        fit_on_screen(self, width, height)

    def _field(self, text: str) -> tuple[QLabel, QLineEdit]:
        label = QLabel(text)
        label.setWordWrap(True)
        edit = QLineEdit()
        edit.setAccessibleName(text)
        label.setBuddy(edit)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label, edit

    def _update(self) -> None:
        self.start.setEnabled(bool(self.association[1].text().strip()))

    def _accept_setup(self) -> None:
        if not self.association[1].text().strip():
            return
        self.answers = Answers(self.association[1].text(), self.site[1].text(), self.facilitator[1].text())
        self.choice = SETUP
        self.accept()

    def _accept_demo(self) -> None:
        self.choice = DEMO
        self.accept()
