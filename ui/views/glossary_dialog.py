"""The module's lexique, open beside the guide at any step: each word of the glossary
with its explanation in easy French, as the learners will hear it."""

from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier.lessons.pack import Module
from ui.widgets.on_screen import fit_on_screen
from ui.theme import px
from ui.views.guide_extras import glossary_markdown
from ui.widgets.buttons import big_button
from ui.widgets.markdown_view import MarkdownView


class GlossaryDialog(QDialog):
    def __init__(self, module: Module, parent: QWidget | None = None):
        super().__init__(parent)
        title = _("Lexique : {module}").format(module=module.title)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.view = MarkdownView(self, text_factor=1.0)
        self.view.setAccessibleName(_("Les mots du module et leur explication"))
        self.view.set_markdown(glossary_markdown(module), module.path)
        self.close_button = big_button(_("Fermer"), primary=True, on_click=self.accept)
        self.close_button.setDefault(True)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.close_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(px(24), px(20), px(24), px(20))
        column.setSpacing(px(12))
        column.addWidget(self.view, 1)
        column.addLayout(row)
        fit_on_screen(self, px(760), px(520))

    def showEvent(self, event):
        super().showEvent(event)
        self.close_button.setFocus()   # Enter or Space closes; the wheel still scrolls the words
