"""Réglages, how the screens look on this PC: the text size and the contrast.

Both are applied at once to the whole program (no restart), then kept for this
installation through ``ops.run``.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import settings
from ui.theme import apply_theme, current_high_contrast, current_scale, notifier, px
from ui.widgets.check import BigCheckBox
from ui.widgets.buttons import big_button
from ui.widgets.flow_layout import FlowLayout


def percent(scale: float) -> str:
    return f"{round(scale * 100)}\u00a0%"


def section(column: QVBoxLayout, text: str) -> QLabel:
    """A section title of the Réglages page, with its space above."""
    label = QLabel(text)
    label.setObjectName("section")
    label.setWordWrap(True)
    column.addSpacing(px(20))
    column.addWidget(label)
    return label


class LookSetting(QWidget):
    """"Taille du texte" (smaller, the size, larger, a preview) and "Contraste"."""

    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(6))

        section(column, _("Taille du texte"))
        self.smaller = big_button(_("Plus petit"), name=_("Texte plus petit"),
                                  on_click=lambda: self.step_scale(-1))
        self.size_label = QLabel()
        self.size_label.setObjectName("section")
        self.size_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.size_label.setMinimumWidth(px(110))
        self.larger = big_button(_("Plus grand"), name=_("Texte plus grand"),
                                 on_click=lambda: self.step_scale(+1))
        row = FlowLayout(spacing=px(12))  # each keeps its size, « Plus grand » goes under if need be
        for widget in (self.smaller, self.size_label, self.larger):
            row.addWidget(widget)
        column.addLayout(row)
        card = QFrame()
        card.setObjectName("card")
        box = QVBoxLayout(card)
        box.setContentsMargins(px(18), px(12), px(18), px(14))
        self.preview_title = QLabel(_("Aperçu"))
        self.preview_title.setObjectName("cardTitle")
        self.preview = QLabel(_("Bonjour ! Le texte de tout Atelier a cette taille. "
                                      "Les boutons et les pages s'agrandissent avec lui."))
        self.preview.setWordWrap(True)
        box.addWidget(self.preview_title)
        box.addWidget(self.preview)
        column.addSpacing(px(8))
        column.addWidget(card)

        section(column, _("Contraste"))
        # A short label: a check box does not wrap its text, and a long one would widen
        # the page past the window at 200 %.
        self.contrast = BigCheckBox(_("Contraste élevé"))
        self.contrast.setAccessibleDescription(_("Texte blanc sur fond noir, couleurs renforcées."))
        self.contrast.setChecked(current_high_contrast())
        self.contrast.toggled.connect(self.set_high_contrast)
        explained = QLabel(_("Texte blanc sur fond noir, couleurs renforcées."))
        explained.setObjectName("muted")
        explained.setWordWrap(True)
        column.addWidget(self.contrast, 0, Qt.AlignmentFlag.AlignLeft)  # the focus ring hugs it
        column.addWidget(explained)

        self._show_scale()
        notifier().changed.connect(self._theme_changed)

    def controls(self) -> list[QWidget]:
        """In reading order, for the page's Tab chain."""
        return [self.smaller, self.larger, self.contrast]

    def step_scale(self, direction: int) -> None:
        now = current_scale()
        steps = settings.TEXT_SCALES
        if direction > 0:
            target = next((s for s in steps if s > now + 1e-6), steps[-1])
        else:
            target = next((s for s in reversed(steps) if s < now - 1e-6), steps[0])
        self.set_scale(target)

    def set_scale(self, scale: float) -> None:
        """At once on screen; then kept for this installation."""
        apply_theme(QApplication.instance(), scale, current_high_contrast())
        self._show_scale()
        self.ops.run(settings.set_text_scale, current_scale(), parent=self)

    def set_high_contrast(self, on: bool) -> None:
        apply_theme(QApplication.instance(), current_scale(), on)
        self.ops.run(settings.set_high_contrast, on, parent=self)

    def _show_scale(self) -> None:
        scale = current_scale()
        self.size_label.setText(percent(scale))
        self.size_label.setAccessibleName(_("Taille du texte : {size}").format(size=percent(scale)))
        for button, possible in ((self.smaller, scale > settings.TEXT_SCALES[0] + 1e-6),
                                 (self.larger, scale < settings.TEXT_SCALES[-1] - 1e-6)):
            if not possible and button.hasFocus():  # the other one keeps the keyboard
                (self.larger if button is self.smaller else self.smaller).setFocus()
            button.setEnabled(possible)
            button.setAccessibleDescription(_("Taille actuelle : {size}").format(size=percent(scale)))

    def _theme_changed(self, _scale: float, high_contrast: bool) -> None:
        self._show_scale()
        if self.contrast.isChecked() != high_contrast:
            self.contrast.blockSignals(True)
            self.contrast.setChecked(high_contrast)
            self.contrast.blockSignals(False)
