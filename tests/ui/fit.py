"""Whether a screen fits its window: the one rule of « 200 % that fits » (issue 11).

``problems(window)`` lists, in plain words, what a person could not see or reach on a
window as it is shown now: a visible control or text that lies partly outside the
window, or outside its scroll area's viewport where that area has no scroll bar to
bring it in; a text cut inside its own box; two things drawn over each other; a list
of four rows or more that shows fewer; a page that opens already scrolled down; a scroll
area that scrolls inside another one that scrolls too; and the screen's main action (its first primary
button, or the widgets named) not wholly in sight without scrolling. ``whole=True``
asks more: everything in sight at once, nothing to scroll to (the learners' screens).
"""

from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QCheckBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QWidget,
)

from a11y import INTERACTIVE, controls, describe

MIN_ROWS = 4  # a list shows at least this many rows when it has them


def where(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def things(window: QWidget) -> list[QWidget]:
    """What a person reads or uses: the controls, the texts and pictures, and the drawn
    things that have a name (an exercise's target, a badge), in reading order."""
    found = controls(window)
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.objectName().startswith("qt_") or isinstance(w, INTERACTIVE):
            continue
        if isinstance(w, QLabel):
            if w.text().strip() or not w.pixmap().isNull():
                found.append(w)
        elif w.accessibleName() and not any(c.isVisible() for c in w.findChildren(QWidget)):
            found.append(w)  # a leaf with a name: something drawn to look at or point at
    return sorted(found, key=lambda w: (where(w, window).top(), where(w, window).left()))


def scroll_area_of(viewport: QWidget) -> QAbstractScrollArea | None:
    area = viewport.parentWidget()
    return area if isinstance(area, QAbstractScrollArea) and area.viewport() is viewport else None


def can_scroll(area: QAbstractScrollArea, vertical: bool) -> bool:
    bar = area.verticalScrollBar() if vertical else area.horizontalScrollBar()
    return bar.isVisible() and bar.maximum() > bar.minimum()


def sight(widget: QWidget, window: QWidget, scrolling: bool = True) -> tuple[QRect, str]:
    """(the part of ``widget`` in sight, why the rest cannot be seen: "" when it all can).

    With ``scrolling`` a part outside a scroll area's viewport counts as reachable when
    the area scrolls that way; without, only what is in sight now counts."""
    rect = where(widget, window)
    child = widget
    while child is not window and child.parentWidget() is not None:
        parent = child.parentWidget()
        box = where(parent, window)
        if not box.contains(rect):
            area = scroll_area_of(parent)
            if area is None:
                return rect.intersected(box), "sort de la fenêtre" if parent is window else f"dépasse de {describe(parent)}"
            up_down = rect.top() < box.top() or rect.bottom() > box.bottom()
            sideways = rect.left() < box.left() or rect.right() > box.right()
            if not scrolling:
                return rect.intersected(box), f"il faut faire défiler {describe(area)} pour le voir"
            if (up_down and not can_scroll(area, True)) or (sideways and not can_scroll(area, False)):
                return rect.intersected(box), f"coupé par {describe(area)}, sans barre de défilement"
        rect = rect.intersected(box)
        if rect.isEmpty():
            return rect, ""  # wholly scrolled away, and the area scrolls to it
        child = parent
    outside = window.rect()
    if not outside.contains(rect):
        return rect.intersected(outside), "sort de la fenêtre"
    return rect, ""


def text_cut(widget: QWidget) -> str:
    """Why the widget's own text does not fit in its box ("" when it does)."""
    if isinstance(widget, QLabel):
        if widget.hasScaledContents() or not widget.text().strip():
            return ""
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            return f"texte coupé en bas ({widget.height()} px sur {needed})" if widget.height() < needed else ""
        hint = widget.sizeHint()
        if widget.width() < hint.width() or widget.height() < hint.height():
            return f"texte coupé ({widget.width()}×{widget.height()} px sur {hint.width()}×{hint.height()})"
        return ""
    if isinstance(widget, (QPushButton, QCheckBox)) and widget.text().strip():
        least = smallest(widget)
        if widget.hasHeightForWidth():  # its words wrap: as tall as they need at its width
            least.setHeight(max(least.height(), widget.heightForWidth(widget.width())))
        if widget.width() < least.width() or widget.height() < least.height():
            return f"texte coupé ({widget.width()}×{widget.height()} px sur {least.width()}×{least.height()})"
    return ""


def smallest(widget: QWidget) -> QSize:
    """The least size that shows a button's words whole: as wide as its minimum size
    hint (the words and the padding), as high as its own minimum where it has one (the
    theme's min-height is the box the words sit in), else its hint."""
    hint, least = widget.minimumSizeHint(), widget.minimumSize()
    return QSize(hint.width(), least.height() or hint.height())


def rows_shown(view: QAbstractItemView) -> float:
    """How many rows of ``view`` show in its viewport now: the whole ones, and the part
    of the first one cut at the bottom (a wide table may scroll sideways)."""
    model, height = view.model(), view.viewport().height()
    shown = 0.0
    for row in range(model.rowCount(view.rootIndex())):
        rect = view.visualRect(model.index(row, 0, view.rootIndex()))
        if rect.height() <= 0 or rect.bottom() < 0:
            continue
        if rect.top() >= height:
            break
        shown += (min(rect.bottom() + 1, height) - max(rect.top(), 0)) / rect.height()
        if rect.bottom() >= height:
            break
    return shown


def main_actions(window: QWidget) -> list[QWidget]:
    """The screen's main action: its first primary button in reading order."""
    primary = [w for w in controls(window) if isinstance(w, QAbstractButton)
               and (w.objectName() == "primary" or w.property("primary") is True)]
    return primary[:1]


def in_sight(widget: QWidget, window: QWidget) -> bool:
    """The whole widget shows now: inside the window, nothing scrolled away or cut."""
    shown, why = sight(widget, window, scrolling=False)
    return widget.isVisible() and not why and shown == where(widget, window)


def problems(window: QWidget, main: list[QWidget] | None = None, whole: bool = False,
             may_scroll: tuple[QWidget, ...] = (), rows: dict | None = None) -> list[str]:
    """Everything that does not fit on ``window`` as shown now, one line each.

    ``main``: the main actions (by default the first primary button); ``whole``: every
    thing in sight without scrolling, except inside the scroll areas of ``may_scroll``;
    ``rows``: a list's own least number of rows in sight, where it is not four."""
    rows = rows or {}
    found: list[str] = []
    seen = things(window)
    visible: dict[QWidget, QRect] = {}
    for w in seen:
        free = whole and not any(area is w or area.isAncestorOf(w) for area in may_scroll)
        shown, why = sight(w, window, scrolling=not free)
        if why:
            found.append(f"{describe(w)} : {why}")
        cut = text_cut(w)
        if cut:
            found.append(f"{describe(w)} : {cut}")
        if not shown.isEmpty():
            visible[w] = shown
    items = list(visible.items())
    for n, (a, ra) in enumerate(items):
        for b, rb in items[n + 1:]:
            if a.isAncestorOf(b) or b.isAncestorOf(a):
                continue
            overlap = ra.intersected(rb)
            if overlap.width() > 2 and overlap.height() > 2:
                found.append(f"{describe(a)} et {describe(b)} se chevauchent")
    for view in (w for w in seen if isinstance(w, QAbstractItemView) and w.model() is not None):
        count = view.model().rowCount(view.rootIndex())
        wanted = min(rows.get(view, MIN_ROWS), count)
        shown_rows = rows_shown(view)
        if shown_rows < wanted - 0.01:
            found.append(f"{describe(view)} ne montre que {shown_rows:.1f} lignes sur {count} ({wanted:g} au moins)")
    scrolling = [a for a in window.findChildren(QAbstractScrollArea) if a.isVisible() and can_scroll(a, True)]
    for area in scrolling:  # a page opens at its top: its title and first lines first
        bar = area.verticalScrollBar()
        if isinstance(area, QScrollArea) and bar.value() > bar.minimum():
            found.append(f"{describe(area)} s'ouvre déjà défilé ({bar.value()} px)")
    for inner in scrolling:
        outer = next((a for a in scrolling if a is not inner and a.isAncestorOf(inner)), None)
        if outer is not None:
            found.append(f"{describe(inner)} défile dans {describe(outer)}, qui défile aussi")
    for action in (main_actions(window) if main is None else main):
        if not in_sight(action, window):
            found.append(f"action principale {describe(action)} pas entièrement visible sans défiler")
    return found
