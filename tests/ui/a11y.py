"""The accessibility audit of one screen, used by test_accessibility.py.

``audit(qtbot, top, root)`` returns the problems found in the widgets under ``root``
(shown inside the window ``top``), in plain words; an empty list means none.
"""

from array import array
from collections import Counter

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QAbstractScrollArea,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTextEdit,
    QWidget,
)

from ui import theme

INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QSlider,
               QTextEdit, QPlainTextEdit)
TALL_ONLY = (QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit, QPlainTextEdit)
MIN_PX = theme.MIN_TARGET_PX
MIN_RATIO = 7.0

# Every (what, foreground, background) pair of text the theme draws, by palette field.
TEXT_PAIRS = (
    ("texte sur la page", "text", "window"),
    ("texte secondaire sur la page", "muted", "window"),
    ("texte sur une carte", "text", "card"),
    ("texte secondaire sur une carte", "muted", "card"),
    ("navigation", "text", "nav"),
    ("bouton", "text", "button"),
    ("bouton désactivé", "muted", "button"),
    ("bouton principal", "accent_text", "accent"),
    ("navigation choisie", "accent_text", "accent"),
    ("champ de saisie", "text", "card"),
    ("exemple dans un champ vide", "muted", "card"),
)
# The focus ring against what surrounds it (WCAG asks 3:1 for such marks).
FOCUS_PAIRS = (
    ("anneau sur la page", "focus", "window"),
    ("anneau sur la navigation", "focus", "nav"),
    ("anneau sur un champ", "focus", "card"),
    ("anneau sur un bouton principal", "focus_on_accent", "accent"),
)


def colours(palette, pairs) -> list[tuple[str, str, str]]:
    """(what, foreground, background) in ``palette``'s colours."""
    return [(what, getattr(palette, fg), getattr(palette, bg)) for what, fg, bg in pairs]


def shown(widget: QWidget) -> bool:
    return widget.isVisible() and not widget.visibleRegion().isEmpty()


def controls(root: QWidget) -> list[QWidget]:
    """The visible controls under ``root``, in reading order (top to bottom, left to right)."""
    found = [w for w in root.findChildren(QWidget) if isinstance(w, INTERACTIVE) and w.isVisible()
             and not isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox))
             and not w.objectName().startswith("qt_") and not isinstance(w, QHeaderView)]  # Qt's own parts: a table's corner button
    return sorted(found, key=lambda w: (where(w).top(), where(w).left()))


def scroller(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    return parent


def where(widget: QWidget) -> QRect:
    return QRect(widget.mapTo(widget.window(), QPoint(0, 0)), widget.size())


def reading_key(widget: QWidget, top: QWidget) -> tuple:
    """Where the eye meets ``widget``: a control in a scroll area where the area is (it may
    be scrolled out of sight, below the buttons), then where it is in the area."""
    outer = widget
    while scroller(outer) is not None and scroller(outer) is not top:
        outer = scroller(outer)
    a, b = where(outer), where(widget)
    return a.top(), a.left(), b.top(), b.left()


def seen_from(widget: QWidget, other: QWidget) -> QWidget:
    """What stands for ``widget`` when its place is compared with ``other``'s: the
    outermost scroll area holding it that does not hold ``other`` (the area's place is
    where the eye finds it), else the widget itself."""
    found, area = widget, scroller(widget)
    while area is not None and not area.isAncestorOf(other):
        found, area = area, scroller(area)
    return found


def name_of(widget: QWidget) -> str:
    if widget.accessibleName().strip():
        return widget.accessibleName()
    for label in widget.window().findChildren(QLabel):
        if label.buddy() is widget and label.text().strip():
            return label.text()
    return ""


def describe(widget: QWidget) -> str:
    text = getattr(widget, "text", lambda: "")() if not isinstance(widget, QTextEdit) else ""
    return f"{type(widget).__name__} « {name_of(widget) or text or widget.objectName()} »"


def scroll_areas(root: QWidget) -> list[str]:
    """A scroll area the keyboard stops on (to scroll it) is announced by its name."""
    return [f"zone qui défile {describe(w)} : prend le focus sans nom accessible"
            for w in root.findChildren(QAbstractScrollArea)
            if w.isVisible() and not isinstance(w, (QAbstractItemView, QTextEdit, QPlainTextEdit))
            and w.focusPolicy() & Qt.FocusPolicy.TabFocus and not w.accessibleName().strip()]


def wheel_guarded(items: list[QWidget]) -> list[str]:
    """A drop-down list, date, time or number changes under the wheel only once chosen."""
    from ui.widgets.wheel_guard import GUARDED

    return [f"{describe(w)} : la molette le change sans qu'il ait le focus (guard_wheel)"
            for w in items if isinstance(w, (QComboBox, QAbstractSpinBox)) and not w.property(GUARDED)]


def sizes_and_names(items: list[QWidget]) -> list[str]:
    problems = []
    for w in items:
        too_small = w.height() < MIN_PX if isinstance(w, TALL_ONLY) else min(w.width(), w.height()) < MIN_PX
        if too_small:
            problems.append(f"{describe(w)} trop petit : {w.width()}×{w.height()} px (48 au moins)")
        if not name_of(w):
            problems.append(f"{describe(w)} sans nom accessible (accessibleName ou étiquette liée)")
        if isinstance(w, QAbstractItemView) and w.model() is not None and w.model().rowCount() > 0:
            first = w.model().index(0, 0, w.rootIndex())
            rect = w.visualRect(first)
            if rect.isValid() and rect.height() < MIN_PX:
                problems.append(f"{describe(w)} : lignes trop basses ({rect.height()} px)")
            editable = bool(w.model().flags(first) & Qt.ItemFlag.ItemIsEditable)
            if editable and w.editTriggers() & QAbstractItemView.EditTrigger.DoubleClicked:
                problems.append(f"{describe(w)} se modifie par un double-clic")
    return problems


def _pixels(image: QImage, rect: QRect) -> Counter:
    rect = rect.intersected(image.rect())
    data = array("I")
    bits = image.constBits()
    stride = image.bytesPerLine()
    for y in range(rect.top(), rect.bottom() + 1):
        start = y * stride + rect.left() * 4
        data.frombytes(bytes(bits[start:start + rect.width() * 4]))
    return Counter(data)


def text_contrast(top: QWidget, root: QWidget) -> list[str]:
    """Measured on the pixels: the commonest colour is the background, the colour
    farthest from it is the text."""
    image = top.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    ratio_x = image.width() / max(1, top.width())
    problems = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel):
            text = w.text() if w.pixmap().isNull() else ""
        elif isinstance(w, (QAbstractButton, QLineEdit)):
            text = w.text()
        else:
            continue
        if not text.strip() or not shown(w):
            continue
        visible = w.visibleRegion().boundingRect()
        if visible.width() * visible.height() < 0.8 * w.width() * w.height():
            continue  # mostly scrolled out of sight: measured when it is shown
        rect = QRect(w.mapTo(top, visible.topLeft()) * ratio_x, visible.size() * ratio_x)
        counts = _pixels(image, rect)
        if len(counts) < 2:
            continue
        background = QColor.fromRgb(counts.most_common(1)[0][0]).name()
        best = max((theme.contrast_ratio(QColor.fromRgb(c).name(), background) for c in counts), default=1)
        if best < MIN_RATIO:
            problems.append(f"{describe(w)} : contraste {best:.1f}:1 sur {background} (7:1 au moins)")
    return problems


def tab_order(qtbot, top: QWidget, items: list[QWidget]) -> list[str]:
    """From the first control, Tab reaches every control, in reading order."""
    focusable = [w for w in items if w.isEnabled() and (w.focusPolicy() & Qt.FocusPolicy.TabFocus)]
    # A read-only text that takes no focus is something to read (the projector's step), not a control.
    display = lambda w: isinstance(w, (QTextEdit, QPlainTextEdit)) and w.isReadOnly()  # noqa: E731
    untabbable = [describe(w) for w in items if w.isEnabled() and w not in focusable and not display(w)]
    problems = [f"{d} : pas atteignable au clavier" for d in untabbable]
    if not focusable:
        return problems
    top.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is top, timeout=3000)
    first = min(focusable, key=lambda w: reading_key(w, top))
    first.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []

    def owner(widget):
        return next((c for c in focusable if widget is c or c.isAncestorOf(widget)), None)

    place = {w: where(w) for w in [*focusable, *(scroller(w) for w in focusable if scroller(w))]}  # before Tab scrolls
    stayed = 0
    for _ in range(3 * len(top.findChildren(QWidget)) + 10):
        current = QApplication.focusWidget()
        if current is None:
            problems.append("le focus clavier s'est perdu")
            break
        control = owner(current)
        if control is not None:
            if visited and control is visited[0] and len(visited) > 1:
                break
            if not visited or visited[-1] is not control:
                visited.append(control)
        qtbot.keyClick(current, Qt.Key.Key_Tab)
        # A date field moves through day, month and year with Tab, then lets go.
        stayed = stayed + 1 if QApplication.focusWidget() is current else 0
        if stayed > 3:
            problems.append(f"{describe(control or current)} garde la touche Tab (piège pour le clavier)")
            break
    problems += [f"{describe(w)} : jamais atteint avec Tab" for w in focusable if w not in visited]
    for before, after in zip(visited, visited[1:]):
        # One scrolls and the other stays: the scroll area's place stands for the one inside.
        a, b = place[seen_from(before, after)], place[seen_from(after, before)]
        if b.bottom() < a.top() and b.left() < a.right():  # back up, and not into a column on the right
            problems.append(f"Tab remonte de {describe(before)} à {describe(after)}")
    return problems


def audit(qtbot, top: QWidget, root: QWidget) -> list[str]:
    items = controls(root)
    return (sizes_and_names(items) + scroll_areas(root) + wheel_guarded(items) + text_contrast(top, root)
            + tab_order(qtbot, top, items))
