"""Field edges, focus rings and placeholders measured on the rendered pixels, in both
themes: an edge or a ring reaches 4.5:1 against what surrounds it, a placeholder (text)
7:1 against its field. High contrast once left date, time and drop-down fields with
an edge of 1.1:1: they vanished into the page."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QLineEdit, QScrollArea, QWidget

from atelier import groups, people, settings
from atelier.groups import Group
from atelier.people import Participant
from ui import theme
from ui.views.participant_form import ParticipantForm
from ui.views.session_form import SessionForm
from waits import laid_out

TODAY = date(2026, 11, 27)
EDGE, TEXT = 4.5, 7.0
FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox)


@pytest.fixture(params=[False, True], ids=["clair", "contraste-eleve"])
def look(request, qapp):
    theme.apply_theme(qapp, 1.0, request.param)
    yield request.param
    theme.apply_theme(qapp, 1.0, False)


def test_the_palettes_edges_and_rings_reach_4_5():
    for palette in (theme.LIGHT, theme.HIGH_CONTRAST):
        for around in ("window", "card", "nav", "button"):
            for mark in ("border", "focus"):
                ratio = theme.contrast_ratio(getattr(palette, mark), getattr(palette, around))
                assert ratio >= EDGE, f"{mark} sur {around} : {ratio:.2f}"
        ratio = theme.contrast_ratio(palette.focus_on_accent, palette.accent)
        assert ratio >= EDGE, f"anneau sur un bouton principal : {ratio:.2f}"


def colour(image: QImage, point: QPoint) -> str:
    return QColor(image.pixel(point)).name()


def edge_ratio(image: QImage, rect: QRect) -> float:
    """The outline of ``rect`` against the page just outside it, on the left and the top
    sides (the weaker of the two; each side's strongest pixel of its first four)."""
    middle_y, middle_x = rect.center().y(), rect.center().x()
    sides = (
        (QPoint(rect.left() - 2, middle_y), [QPoint(rect.left() + i, middle_y) for i in range(4)]),
        (QPoint(middle_x, rect.top() - 2), [QPoint(middle_x, rect.top() + i) for i in range(4)]),
    )
    found = []
    for outside, edge in sides:
        if not image.rect().contains(outside):
            continue
        out = colour(image, outside)
        found.append(max(theme.contrast_ratio(colour(image, p), out) for p in edge))
    return min(found, default=21.0)


def fields_of(root: QWidget) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget) if isinstance(w, FIELDS) and w.isVisible()
            and not isinstance(w.parentWidget(), FIELDS) and not w.visibleRegion().isEmpty()]


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


def measure(top: QWidget) -> list[str]:
    problems = []
    top.activateWindow()
    for field in fields_of(top):
        area = scroll_area_of(field)
        if area is not None:  # the whole field in sight, with the page around it
            area.ensureWidgetVisible(field, 20, 20)
            QApplication.processEvents()
        rect = QRect(field.mapTo(top, QPoint(0, 0)), field.size())
        image = top.grab().toImage()
        name = field.accessibleName() or type(field).__name__
        ratio = edge_ratio(image, rect)
        if ratio < EDGE:
            problems.append(f"bord de « {name} » : {ratio:.1f}:1")
        field.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        ratio = edge_ratio(top.grab().toImage(), rect)
        if ratio < EDGE:
            problems.append(f"anneau de focus de « {name} » : {ratio:.1f}:1")
    return problems


def placeholder_ratio(top: QWidget, field: QLineEdit) -> float:
    """The farthest colour inside the empty field against its commonest (its background)."""
    assert not field.text() and field.placeholderText()
    rect = QRect(field.mapTo(top, QPoint(0, 0)), field.size()).adjusted(6, 6, -6, -6)
    image = top.grab(rect).toImage()
    counts: dict[str, int] = {}
    for x in range(image.width()):
        for y in range(0, image.height(), 2):
            name = QColor(image.pixel(x, y)).name()
            counts[name] = counts.get(name, 0) + 1
    background = max(counts, key=counts.get)
    return max(theme.contrast_ratio(c, background) for c in counts)


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    laid_out(qtbot, dialog)
    return dialog


def test_session_form_fields_stand_out_in_both_themes(look, store, open_window, qtbot):
    groups.add(store.db, Group("Premiers pas", place="Salle"))
    settings.set_facilitators(store.db, ["Claire Martin"])
    window = open_window()
    form = shown(qtbot, SessionForm(window.ops, "one", None, TODAY))
    kinds = {type(w).__name__ for w in fields_of(form)}
    assert {"QComboBox", "QDateEdit", "QTimeEdit", "QLineEdit"} <= kinds
    assert measure(form) == []


def test_documents_fields_stand_out_in_both_themes(look, store, open_window, qtbot):
    people.add(store.db, Participant("Hélène", "Durand"))
    window = open_window()
    window.resize(1280, 720)
    qtbot.mouseClick(window.buttons["documents"], Qt.MouseButton.LeftButton)
    laid_out(qtbot, window)
    assert measure(window) == []


def test_placeholders_read_as_text_in_both_themes(look, store, open_window, qtbot):
    window = open_window()
    form = shown(qtbot, ParticipantForm(window.ops, today=TODAY))
    assert measure(form) == []
    ratio = placeholder_ratio(form, form.consent_date)
    assert ratio >= TEXT, f"exemple « jj/mm/aaaa » : {ratio:.1f}:1"
