"""« Écouter »: a big button that reads a text aloud, and becomes « Arrêter » while it
does. It hides itself when the computer cannot read aloud (see ui.speech).

``words`` is asked at each press, so the button reads what is on screen then (the
feedback of the moment, the step now shown). The theme sizes it like every button;
like the learners' buttons it has no tooltip.
"""

import weakref
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from atelier.i18n import _
from ui.speech import speech_service


class ListenButton(QPushButton):
    def __init__(self, words: Callable[[], str], what: str, parent: QWidget | None = None,
                 keep_focus: bool = False):
        """``what`` finishes the screen reader's name: « Écouter la consigne ».
        ``keep_focus``: a click leaves the keyboard where it was (an exercise that
        listens to keys keeps them); Tab still reaches the button."""
        super().__init__(_("Écouter"), parent)
        self.setObjectName("listen")
        # A page's method, held weakly: the button, its child, never keeps the page alive.
        self._words = weakref.WeakMethod(words) if hasattr(words, "__self__") else lambda: words
        self.what = what
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus if keep_focus else Qt.FocusPolicy.StrongFocus)
        self.setAccessibleDescription(_("Lit le texte à voix haute. Appuyez encore pour arrêter."))
        self.speech = speech_service()
        self.clicked.connect(self.toggle_reading)
        self.speech.changed.connect(self.refresh)
        self.refresh()

    def toggle_reading(self) -> None:
        if self.speech.speaking(self):
            self.speech.stop()
        else:
            words = self._words()
            self.speech.say(words() if words is not None else "", owner=self)

    def refresh(self) -> None:
        speaking = self.speech.speaking(self)
        text = _("Arrêter") if speaking else _("Écouter")
        if self.text() != text:
            self.setText(text)
        self.setAccessibleName(_("Arrêter la lecture") if speaking else _("Écouter {what}").format(what=self.what))
        if not self.speech.usable():
            self.hide()
        elif self.parentWidget() is not None and self.isHidden():
            self.show()  # never without a parent: it would open as a window of its own

    def hideEvent(self, event) -> None:
        """A page that goes away stops its own reading."""
        if self.speech.speaking(self) and not self.isVisible():
            self.speech.stop()
        super().hideEvent(event)


def markdown_words(markdown: str) -> str:
    """Markdown as it is read aloud: its words, without signs nor pictures."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setMarkdown(markdown)
    return " ".join(document.toPlainText().replace("\ufffc", " ").split())
