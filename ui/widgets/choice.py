"""A large drop-down of (key, French label) choices, with an optional empty choice."""

from PySide6.QtWidgets import QComboBox, QWidget

from ui.theme import current_palette, current_scale, px, target_px
from ui.widgets.wheel_guard import guard_wheel


class BigChoice(QComboBox):
    def __init__(self, choices: list[tuple[object, str]], empty_label: str = "", parent: QWidget | None = None,
                 *, name: str = "", letters: int = 0):
        """``name``: what a screen reader says; ``letters``: as wide as that many letters,
        not as the longest choice (a page that must fit the window at 200 %)."""
        super().__init__(parent)
        if name:
            self.setAccessibleName(name)
        if letters:
            self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            self.setMinimumContentsLength(letters)
        if empty_label:
            self.addItem(empty_label, None)
        for key, label in choices:
            self.addItem(label, key)
        target = target_px(current_scale())
        p = current_palette()
        self.setMinimumHeight(target)
        guard_wheel(self)
        # Qt's default popup rows are small: give them the same height as a button.
        self.setStyleSheet(
            f"QComboBox {{ padding: 0 {px(10)}px; border: 3px solid {p.border}; border-radius: {px(6)}px;"
            f" background: {p.card}; color: {p.text}; }}"
            f"QComboBox:focus {{ border-color: {p.focus}; }}"
            f"QComboBox::drop-down {{ width: {px(40)}px; border: none; }}"
            f"QComboBox QAbstractItemView::item {{ min-height: {target}px; }}"
        )

    def key(self) -> object:
        return self.currentData()

    def set_key(self, key: object) -> None:
        index = self.findData(key)
        self.setCurrentIndex(max(index, 0))
