"""The first start: a short set-up, or a try with the demonstration.

The language comes first (Réglages' own control: each language named in itself), so a
person who does not read French gets through: choosing one says the dialog again in it
at once, what was typed kept. Then three questions, each optional but the association's
name, and a way out that touches nothing: the demonstration lives in its own folder.
"""

import importlib.util
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from atelier.i18n import N_, SOURCE, _, current_language
from atelier import settings
from ui import modules
from ui.qt_language import install_qt_translations
from ui.theme import px
from ui.views.language_setting import LanguageSetting
from ui.widgets.buttons import big_button
from ui.widgets.on_screen import fit_on_screen
from ui.widgets.scroller import Scroller

SETUP, DEMO = "setup", "demo"
# The three questions, said in the language chosen at the moment they are shown.
QUESTIONS = (N_("Nom de l'association (obligatoire)"), N_("Lieu de l'atelier"),
             N_("Votre nom (animatrice ou animateur)"))


@dataclass(frozen=True)
class Answers:
    association: str
    site: str
    facilitator: str
    language: str = SOURCE  # a code of atelier.i18n.LANGUAGES


def save(db, answers: Answers) -> None:
    """Write the set-up into the settings; FACILITATORS keeps one name a line."""
    with db.atomic():
        settings.put(db, settings.ASSOCIATION, answers.association.strip())
        settings.put(db, settings.SITE, answers.site.strip())
        names = [n.strip() for n in answers.facilitator.replace(",", "\n").splitlines() if n.strip()]
        settings.put(db, settings.FACILITATORS, "\n".join(names))
        settings.set_language(db, answers.language)


def demo_available() -> bool:
    return importlib.util.find_spec("atelier.demo") is not None


class FirstRunDialog(QDialog):
    """``choice`` is SETUP (``answers`` filled), DEMO, or None if closed."""

    def __init__(self, parent=None, demo: bool | None = None):
        super().__init__(parent)
        self.choice: str | None = None
        self.answers: Answers | None = None
        self.spoken = current_language()  # the language chosen here: kept with the answers, or for the demo

        self.language = LanguageSetting()
        self.language.language_chosen.connect(self.speak)
        self.title = QLabel()
        self.title.setObjectName("section")  # smaller than a page title: the dialog must fit at 200 %
        self.intro = QLabel()
        self.intro.setWordWrap(True)

        # No grey examples inside the fields: they look like answers already given.
        self.association, self.site, self.facilitator = (self._field() for _question in QUESTIONS)

        self.start = big_button("", primary=True, on_click=self._accept_setup)
        self.start.setDefault(True)
        self.try_demo = big_button("", on_click=self._accept_demo)
        self.try_demo.setEnabled(demo_available() if demo is None else demo)
        self._say()

        # The questions scroll if the text is so large that they do not fit on the
        # screen; the two buttons below always stay in sight.
        self.form = QWidget()
        self.form.setObjectName("page")
        form = QVBoxLayout(self.form)
        form.setContentsMargins(px(32), px(4), px(32), px(4))  # the language's heading brings its own space above
        form.setSpacing(px(4))
        form.addWidget(self.language)
        form.addSpacing(px(20))
        form.addWidget(self.title)
        form.addWidget(self.intro)
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
        # Tab order follows the reading order: the languages, the questions, then "Commencer".
        # The keyboard starts in the first question: a French reader types at once.
        chain = [*self.language.controls(), self.association[1], self.site[1], self.facilitator[1], self.start,
                 self.try_demo]
        for before, after in zip(chain, chain[1:]):
            self.setTabOrder(before, after)
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

    def speak(self, code: str) -> None:
        """The whole program in ``code`` from now on, this dialog first; the answers typed
        stay in their fields (only the words around them are said again)."""
        if code == current_language():
            return
        install_qt_translations(QApplication.instance(), code)  # Qt's own words and dates too
        self.spoken = current_language()
        modules.language_changed()  # the lessons follow the language
        self._say()
        if self._fitted:
            self._fit_to_screen()  # the other language's words may take more room

    def _say(self) -> None:
        """Every word of the dialog, in the language spoken now."""
        welcome = _("Bienvenue dans Atelier")
        self.setWindowTitle(welcome)
        self.setAccessibleName(welcome)
        self.title.setText(welcome)
        self.intro.setText(_("Trois questions pour commencer."))
        self.language.show_spoken()
        for (label, edit), question in zip((self.association, self.site, self.facilitator), QUESTIONS):
            label.setText(_(question))
            edit.setAccessibleName(_(question))
        self.start.setText(_("Commencer"))
        self.start.setAccessibleName(_("Commencer avec ces réponses"))
        self.try_demo.setText(_("Essayer avec la démonstration"))
        self.try_demo.setAccessibleName(_("Essayer avec la démonstration, sans toucher à vos données"))

    def _field(self) -> tuple[QLabel, QLineEdit]:
        label = QLabel()
        label.setWordWrap(True)
        edit = QLineEdit()
        label.setBuddy(edit)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        return label, edit

    def _update(self) -> None:
        self.start.setEnabled(bool(self.association[1].text().strip()))

    def _accept_setup(self) -> None:
        if not self.association[1].text().strip():
            return
        self.answers = Answers(self.association[1].text(), self.site[1].text(), self.facilitator[1].text(),
                               self.spoken)
        self.choice = SETUP
        self.accept()

    def _accept_demo(self) -> None:
        self.choice = DEMO
        self.accept()
