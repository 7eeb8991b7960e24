"""A dialog with a column of labelled fields, a message line, Enregistrer / Annuler.

The fields scroll inside the dialog at large text sizes, so the buttons stay on
screen. Saving is the caller's: it calls ``set_busy`` while the worker saves, then
``accept()`` or ``show_error()`` — on an error nothing typed is lost.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, 
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from atelier.i18n import _
from ui.theme import current_scale, px
from ui.widgets.buttons import big_button
from ui.widgets.on_screen import fit_on_screen
from ui.widgets.scroller import Scroller


class FormDialog(QDialog):
    submitted = Signal()

    def __init__(self, title: str, save_text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setModal(True)
        self.setAccessibleName(title)
        heading = QLabel(title)
        heading.setObjectName("section")
        heading.setWordWrap(True)

        fields = QWidget()
        fields.setObjectName("page")
        self.form = QFormLayout(fields)
        self.form.setContentsMargins(0, 0, px(12), 0)
        self.form.setVerticalSpacing(px(12))
        self.form.setHorizontalSpacing(px(16))
        # At large sizes the label goes above its field: the field keeps its width.
        wrap = QFormLayout.RowWrapPolicy.WrapAllRows if current_scale() > 1.4 else QFormLayout.RowWrapPolicy.DontWrapRows
        self.form.setRowWrapPolicy(wrap)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.scroll = Scroller(fields)

        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("font-weight: bold;")
        self.error.setAccessibleName(_("Message"))
        self.error.hide()

        self.cancel_button = big_button(_("Annuler"))
        self.save_button = big_button(save_text or _("Enregistrer"), primary=True)
        self.save_button.setDefault(True)  # Enter in a field saves
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.submitted)
        self.buttons = buttons = QHBoxLayout()  # a form may put a button of its own before the stretch
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        self.initial_focus: QWidget | None = None
        column = QVBoxLayout(self)
        column.setContentsMargins(px(28), px(20), px(28), px(20))
        column.setSpacing(px(12))
        column.addWidget(heading)
        column.addWidget(self.scroll, 1)
        column.addWidget(self.error)
        column.addLayout(buttons)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.initial_focus is not None:  # Qt would choose the default button instead
            self.initial_focus.setFocus()

    def add_row(self, label: str, field: QWidget, accessible: str = "") -> QWidget:
        text = QLabel(label)  # not wrapped: a wrapped label in a form row gets cut
        text.setBuddy(field)
        field.setAccessibleName(accessible or label.replace("&", "").rstrip(" :"))
        self.form.addRow(text, field)
        return field

    def fit_to_screen(self) -> None:
        """As large as the fields want, never larger than the screen."""
        for combo in self.findChildren(QComboBox):  # a long choice (a module's title) shows whole in its list
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        self.scroll.widget().adjustSize()
        wanted = self.sizeHint()
        wanted.setHeight(wanted.height() + self.scroll.widget().sizeHint().height() - self.scroll.sizeHint().height())
        bar = self.scroll.verticalScrollBar().sizeHint().width()  # room for it, or it hides the fields' edge
        margins = self.layout().contentsMargins()
        inside = (self.scroll.widget().minimumSizeHint().width() + 2 * self.scroll.frameWidth()
                  + margins.left() + margins.right())  # what the fields cannot go below
        width = max(wanted.width() + bar, inside + bar, px(640))
        fit_on_screen(self, width, wanted.height())

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)

    def show_error(self, text: str, field: QWidget | None = None) -> None:
        self.set_busy(False)
        self.error.setText("⚠ " + text)
        self.error.show()
        self.setAccessibleDescription(text)
        if field is not None:
            field.setFocus()
            self.scroll.ensureWidgetVisible(field)

    def clear_error(self) -> None:
        self.error.hide()
        self.error.clear()
