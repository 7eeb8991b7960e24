"""The large-print theme: big text, strong contrast, big targets, a visible focus.

The stylesheet is built here from the constants below, so that every size follows
the text-size setting (100 % to 200 %) and a test can check the contrast of every
text/background pair the theme uses (WCAG AAA asks for 7:1).
"""

import gc
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QBoxLayout, QLayout

from atelier.content import content_dir

BASE_POINTS = 16  # facilitator screens: the design asks for 14 pt at least
MIN_SCALE, MAX_SCALE = 1.0, 2.0
MIN_TARGET_PX = 48  # the smallest clickable size, at 100 %


class Palette(NamedTuple):  # not a dataclass: made at every start, a sixth of the cost
    window: str  # page background
    text: str  # body text
    muted: str  # secondary text (dates, places): still 7:1
    card: str  # cards and input fields
    border: str  # card and field outlines (not text)
    nav: str  # navigation column
    accent: str  # primary buttons, selected navigation entry
    accent_text: str
    button: str  # ordinary buttons
    focus: str  # keyboard focus ring (not text), seen against the page and the buttons
    focus_on_accent: str  # the ring on a dark primary button, where the other would vanish


LIGHT = Palette(
    window="#FBF8F1",  # warm off-white: less glare than pure white on a projector
    text="#1B1B1B",
    muted="#3A3A3A",
    card="#FFFFFF",
    border="#6E6A62",
    nav="#E6ECF2",
    accent="#0B4478",
    accent_text="#FFFFFF",
    button="#E6ECF2",
    focus="#B34200",
    focus_on_accent="#FFB347",
)

HIGH_CONTRAST = Palette(
    window="#000000",
    text="#FFFFFF",
    muted="#E8E8E8",
    card="#101010",
    border="#FFFFFF",
    nav="#000000",
    accent="#FFE14D",
    accent_text="#000000",
    button="#1A1A1A",
    focus="#00E5FF",
    focus_on_accent="#0046E0",  # 5.5:1 on the yellow accent
)


def _luminance(color: str) -> float:
    c = QColor(color)

    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG 2 contrast ratio between two colours, from 1 to 21."""
    lighter, darker = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def clamp_scale(scale: float) -> float:
    return max(MIN_SCALE, min(MAX_SCALE, scale))


def target_px(scale: float) -> int:
    """Minimum height of a clickable thing: 48 px at 100 %, 72 px at 200 %.

    It grows half as fast as the text: at 200 % the text itself already makes the
    buttons tall, and 96 px targets would push the window off a 768 px screen.
    """
    return round(MIN_TARGET_PX * spacing_factor(scale))


def current_scale() -> float:
    """The text size the theme was applied with, for screens that size things by hand."""
    app = QApplication.instance()
    value = app.property("atelier_scale") if app else None
    return float(value) if value else 1.0


def current_high_contrast() -> bool:
    app = QApplication.instance()
    return bool(app.property("atelier_high_contrast")) if app else False


def current_palette() -> Palette:
    return HIGH_CONTRAST if current_high_contrast() else LIGHT


def spacing_factor(scale: float) -> float:
    """Margins and gaps grow half as fast as the text: at 200 % the text needs the room."""
    return (1 + clamp_scale(scale)) / 2


def px(value: float) -> int:
    """A margin or gap given in pixels at 100 %, at the current text size."""
    return round(value * spacing_factor(current_scale()))


def _tick(p: Palette) -> str:
    """The tick drawn in a ticked box, in the colour that reads on the accent."""
    name = "tick-white.svg" if contrast_ratio("#FFFFFF", p.accent) >= contrast_ratio("#000000", p.accent) else "tick-black.svg"
    return (content_dir("assets") / "icons" / name).as_posix()


def _icon(p: Palette, name: str) -> str:
    """A drawn arrow of the fields, black or white: whichever reads on the fields' colour."""
    tone = "white" if contrast_ratio("#FFFFFF", p.card) >= contrast_ratio("#000000", p.card) else "black"
    return (content_dir("assets") / "icons" / f"{name}-{tone}.svg").as_posix()


def stylesheet(scale: float = 1.0, palette: Palette = LIGHT) -> str:
    s = clamp_scale(scale)
    p = palette
    pt = lambda factor: f"{BASE_POINTS * factor * s:.1f}pt"  # noqa: E731 - keeps the QSS readable
    # A heading stands out less at large sizes: at 200 % the text is large already, and
    # the room goes to the page (a title is 1.6 times the text at 100 %, 1.3 at 200 %).
    heading = lambda factor: pt(1 + (factor - 1) / s)  # noqa: E731
    size = lambda value: f"{round(value * spacing_factor(s))}px"  # noqa: E731
    target = target_px(s)
    pad_v, pad_h = round(6 * spacing_factor(s)), round(16 * spacing_factor(s))
    return f"""
* {{ font-size: {pt(1)}; color: {p.text}; }}
QMainWindow, QDialog, QWidget#page, QScrollArea, QScrollArea > QWidget > QWidget {{
    background: {p.window};
}}
QLabel {{ background: transparent; }}
QLabel#title {{ font-size: {heading(1.6)}; font-weight: bold; }}
QLabel#subtitle {{ font-size: {heading(1.15)}; color: {p.muted}; }}
QLabel#section {{ font-size: {heading(1.35)}; font-weight: bold; }}
QLabel#muted {{ color: {p.muted}; }}
QLabel#empty {{ color: {p.muted}; font-style: italic; padding: {size(6)} 0; }}
QLabel#cardTime {{ font-size: {heading(1.2)}; font-weight: bold; }}
QLabel#cardTitle {{ font-size: {heading(1.1)}; font-weight: bold; }}
QFrame#card {{
    background: {p.card}; border: 2px solid {p.border}; border-radius: {size(10)};
}}
QFrame#card QLabel {{ background: {p.card}; }}
QWidget#nav, QScrollArea#navScroll > QWidget > QWidget {{ background: {p.nav}; }}
QScrollArea#navScroll {{ background: {p.nav}; border: none; border-right: 2px solid {p.border}; }}
QPushButton {{
    min-height: {target - 2 * 3 - 2 * pad_v}px;  /* content box: border and padding add up to the target */
    padding: {pad_v}px {pad_h}px;
    background: {p.button}; color: {p.text};
    border: 3px solid {p.border}; border-radius: {size(8)};
}}
QPushButton:hover {{ border-color: {p.accent}; }}
QPushButton:focus {{ border: 4px solid {p.focus}; padding: {pad_v - 1}px {pad_h - 1}px; }}
QPushButton#primary, QPushButton#navButton[current="true"] {{
    background: {p.accent}; color: {p.accent_text}; border-color: {p.accent};
}}
QPushButton:disabled, QPushButton#primary:disabled {{
    background: {p.button}; color: {p.muted}; border: 3px dashed {p.border};
}}
QPushButton#primary:focus, QPushButton#navButton[current="true"]:focus {{ border-color: {p.focus_on_accent}; }}
QPushButton#navButton {{ text-align: left; background: {p.nav}; }}
QLineEdit {{
    min-height: {target - 2 * 3}px; padding: 0 {size(10)};
    background: {p.card}; color: {p.text};
    border: 3px solid {p.border}; border-radius: {size(6)};
}}
QComboBox, QAbstractSpinBox {{
    min-height: {target - 2 * 3}px; padding: 0 {size(10)};
    background: {p.card}; color: {p.text};
    border: 3px solid {p.border}; border-radius: {size(6)};
}}
QComboBox:focus, QAbstractSpinBox:focus {{ border-color: {p.focus}; }}
QComboBox::drop-down, QDateEdit::drop-down {{ width: {size(40)}; border: none; }}
QComboBox::down-arrow, QDateEdit::down-arrow {{ image: url("{_icon(p, "arrow-down")}"); width: {size(18)}; height: {size(18)}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: {size(32)}; border: none; }}
QAbstractSpinBox::up-arrow {{ image: url("{_icon(p, "arrow-up")}"); width: {size(16)}; height: {size(16)}; }}
QAbstractSpinBox::down-arrow {{ image: url("{_icon(p, "arrow-down")}"); width: {size(16)}; height: {size(16)}; }}
QComboBox QAbstractItemView {{
    background: {p.card}; color: {p.text}; border: 3px solid {p.border};
    selection-background-color: {p.accent}; selection-color: {p.accent_text};
}}
QScrollArea {{ border: 3px solid {p.window}; }}
QScrollArea:focus {{ border: 3px solid {p.focus}; }}
QLineEdit:focus {{ border: 3px solid {p.focus}; }}
QLineEdit {{ placeholder-text-color: {p.muted}; }}
QLineEdit#pin {{ font-size: {pt(1.5)}; font-weight: bold; letter-spacing: {size(6)}; }}
QCheckBox {{
    min-height: {target - 2 * 3}px; spacing: {size(12)};
    padding: 0 {size(8)}; border: 3px solid transparent; border-radius: {size(6)};
}}
QCheckBox::indicator {{
    width: {size(30)}; height: {size(30)}; background: {p.card};
    border: 3px solid {p.border}; border-radius: {size(4)};
}}
QCheckBox::indicator:checked {{ background: {p.accent}; border-color: {p.accent}; image: url("{_tick(p)}"); }}
QCheckBox:focus {{ border: 3px solid {p.focus}; }}
QLabel#error {{ color: {p.text}; background: {p.card}; border: 3px solid {p.focus}; padding: {size(8)}; }}
QMessageBox QLabel {{ font-size: {pt(1)}; }}
QScrollBar:vertical {{ width: {size(20)}; background: {p.nav}; }}
QScrollBar::handle:vertical {{ background: {p.border}; min-height: {target}px; border-radius: {size(6)}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ height: 0; }}
QPushButton#step {{ font-weight: bold; padding-left: {size(12)}; padding-right: {size(12)}; }}
QPushButton#step:focus {{  /* the ring's wider border takes from the padding: the button keeps its size */
    padding-left: {round(12 * spacing_factor(s)) - 1}px; padding-right: {round(12 * spacing_factor(s)) - 1}px;
}}
QPushButton#step:checked, QPushButton#step[current="true"] {{
    background: {p.accent}; color: {p.accent_text}; border-color: {p.accent};
}}
QPushButton#step[current="true"]:focus {{ border-color: {p.focus_on_accent}; }}
QFrame#rollRow {{ background: {p.card}; border: 2px solid {p.border}; border-radius: {size(10)}; }}
QFrame#rollRow QLabel {{ background: {p.card}; }}
QLabel#rollName {{ font-weight: bold; }}
QPushButton#rollToggle[mark="came"] {{ background: {p.accent}; color: {p.accent_text}; border-color: {p.accent}; }}
QPushButton#rollToggle[mark="away"] {{ background: {p.card}; color: {p.text}; }}
QPushButton#rollToggle[mark="none"] {{ background: {p.button}; border-style: dashed; }}
QPushButton#rollToggle:focus {{ border: 4px solid {p.focus}; }}
QPushButton#rollToggle[mark="came"]:focus {{ border: 4px solid {p.focus_on_accent}; }}
"""


def apply_theme(app: QApplication, scale: float = 1.0, high_contrast: bool = False) -> Palette:
    """Apply the large-print theme to the whole program; returns the palette used."""
    palette = HIGH_CONTRAST if high_contrast else LIGHT
    s = clamp_scale(scale)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * s)
    app.setFont(font)
    qt_palette = QPalette()
    for role, color in (
        (QPalette.ColorRole.Window, palette.window),
        (QPalette.ColorRole.WindowText, palette.text),
        (QPalette.ColorRole.Base, palette.card),
        (QPalette.ColorRole.Text, palette.text),
        (QPalette.ColorRole.PlaceholderText, palette.muted),
        (QPalette.ColorRole.Button, palette.button),
        (QPalette.ColorRole.ButtonText, palette.text),
        (QPalette.ColorRole.Highlight, palette.accent),
        (QPalette.ColorRole.HighlightedText, palette.accent_text),
        (QPalette.ColorRole.ToolTipBase, palette.card),
        (QPalette.ColorRole.ToolTipText, palette.text),
    ):
        qt_palette.setColor(role, QColor(color))
    app.setPalette(qt_palette)
    previous = app.property("atelier_scale")
    app.setStyleSheet(stylesheet(s, palette))
    app.setProperty("atelier_scale", s)  # read by screens that size things by hand
    app.setProperty("atelier_high_contrast", bool(high_contrast))
    if previous and float(previous) != s:
        rescale_layouts(app, spacing_factor(s) / spacing_factor(float(previous)))
    notifier().changed.emit(s, bool(high_contrast))
    return palette


class ThemeNotifier(QObject):
    """``changed(scale, high_contrast)``, after the theme was applied again while the
    program runs: a screen that sized something by hand with px() resizes it here.
    Fonts, colours and every size the stylesheet gives follow by themselves, and the
    margins and gaps of every layout are rescaled by ``rescale_layouts``."""

    changed = Signal(float, bool)


def app_child(kind: type, name: str):
    """The application's one ``kind`` named ``name``, kept as a child of the QApplication
    (made the first time it is asked for)."""
    app = QApplication.instance()
    found = app.findChild(kind, name)
    if found is None:
        found = kind(app)
        found.setObjectName(name)
    return found


def notifier() -> ThemeNotifier:
    """The application's one notifier."""
    return app_child(ThemeNotifier, "atelierTheme")


def rescale_layouts(app: QApplication, ratio: float) -> None:
    """Margins, gaps and fixed spaces of every layout on screen, times ``ratio``: the
    text size changed while the program runs, and pages built with px() reflow."""
    grow = lambda value: value if value <= 0 else max(1, round(value * ratio))  # noqa: E731

    # Python's cycle collector runs at any allocation. Were it to free a widget that only
    # a reference cycle kept (a dialog closed long ago), Qt would delete it and its
    # children while their addresses sit in the list being read here: a crash. So no
    # collection until the walk is done; a layout whose C++ side is gone is passed over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        layouts: dict[int, QLayout] = {}  # by C++ address: a child window is also under its parent
        for top in app.topLevelWidgets():
            for layout in top.findChildren(QLayout):  # nested layouts are children of their layout
                layouts.setdefault(shiboken6.getCppPointer(layout)[0], layout)
        for layout in layouts.values():
            if shiboken6.isValid(layout):
                _rescale(layout, grow)
    finally:
        if collecting:
            gc.enable()


def _rescale(layout: QLayout, grow) -> None:
    from PySide6.QtWidgets import QFormLayout, QGridLayout  # at a change of text size, not at start

    m = layout.contentsMargins()
    layout.setContentsMargins(grow(m.left()), grow(m.top()), grow(m.right()), grow(m.bottom()))
    if isinstance(layout, (QGridLayout, QFormLayout)):
        layout.setHorizontalSpacing(grow(layout.horizontalSpacing()))
        layout.setVerticalSpacing(grow(layout.verticalSpacing()))
    elif isinstance(layout, QBoxLayout):
        layout.setSpacing(grow(layout.spacing()))
    for index in range(layout.count()):
        spacer = layout.itemAt(index).spacerItem()
        if spacer is not None:
            hint, policy = spacer.sizeHint(), spacer.sizePolicy()
            spacer.changeSize(grow(hint.width()), grow(hint.height()),
                              policy.horizontalPolicy(), policy.verticalPolicy())
    layout.invalidate()
