"""The rule of test_fit.py on small made-up windows: each way of not fitting is caught,
and a window that fits passes."""

from PySide6.QtCore import QStringListModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListView, QPushButton, QVBoxLayout, QWidget

from fit import in_sight, problems
from ui.widgets.scroller import Scroller
from waits import laid_out


def shown(qtbot, widget: QWidget, width: int = 600, height: int = 400) -> QWidget:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)
    laid_out(qtbot, widget)
    return widget


def named_button(text: str, primary: bool = False) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text)
    if primary:
        button.setObjectName("primary")
    return button


def test_a_window_that_fits_passes(qtbot):
    page = QWidget()
    column = QVBoxLayout(page)
    column.addWidget(QLabel("Bonjour"))
    column.addWidget(named_button("Enregistrer", primary=True))
    shown(qtbot, page)
    assert problems(page) == []


def test_what_lies_outside_the_window_or_its_parent_is_caught(qtbot):
    page = QWidget()
    away = named_button("Hors de la fenêtre", primary=True)
    away.setParent(page)
    away.setGeometry(550, 10, 200, 50)  # half outside a 600 px window
    box = QWidget(page)
    box.setGeometry(0, 100, 100, 40)
    cut = QLabel("Un texte bien plus large que sa boîte", box)
    cut.move(0, 0)
    cut.adjustSize()
    shown(qtbot, page)
    found = " ".join(problems(page))
    assert "« Hors de la fenêtre » : sort de la fenêtre" in found
    assert "Un texte bien plus large que sa boîte » : dépasse de" in found
    assert "action principale QPushButton « Hors de la fenêtre »" in found
    assert not in_sight(away, page)


def test_a_scroll_area_without_a_bar_may_not_hide_words(qtbot):
    page = QWidget()
    words = QWidget()
    inside = QVBoxLayout(words)
    for n in range(30):
        inside.addWidget(QLabel(f"Ligne {n}"))
    area = Scroller(words, name="Les mots")
    QVBoxLayout(page).addWidget(area)
    shown(qtbot, page)
    assert not [p for p in problems(page) if "sans barre" in p]  # it scrolls: the words are reachable
    area.setVerticalScrollBarPolicy(area.verticalScrollBarPolicy().ScrollBarAlwaysOff)
    laid_out(qtbot, page)
    assert any("coupé par Scroller « Les mots », sans barre de défilement" in p for p in problems(page))
    assert any("pour le voir" in p for p in problems(page, whole=True))  # a learner's screen: nothing to scroll
    area.verticalScrollBar().setValue(40)
    area.setVerticalScrollBarPolicy(area.verticalScrollBarPolicy().ScrollBarAsNeeded)
    laid_out(qtbot, page)
    area.verticalScrollBar().setValue(40)
    assert any("s'ouvre déjà défilé" in p for p in problems(page))


def test_cut_words_overlaps_short_lists_and_nested_scrolling_are_caught(qtbot):
    page = QWidget()
    row = QHBoxLayout(page)
    squeezed = named_button("Un bouton aux mots bien trop longs")
    squeezed.setFixedWidth(60)
    row.addWidget(squeezed)
    names = QListView()
    names.setAccessibleName("Les noms")
    names.setModel(QStringListModel([f"Personne {n}" for n in range(40)], names))
    names.setFixedHeight(60)
    column = QWidget()
    inner = QVBoxLayout(column)
    inner.addWidget(names)
    inner.addSpacing(900)
    row.addWidget(Scroller(column, name="La page"))
    over = QLabel("Dessous", page)
    over.setGeometry(0, 200, 200, 40)
    on_top = QLabel("Dessus", page)
    on_top.setGeometry(50, 210, 200, 40)
    shown(qtbot, page)
    found = " ".join(problems(page))
    assert "« Un bouton aux mots bien trop longs » : texte coupé" in found
    assert "« Dessous » et QLabel « Dessus » se chevauchent" in found or "« Dessus » et QLabel « Dessous »" in found
    assert "QListView « Les noms » ne montre que" in found
    assert "QListView « Les noms » défile dans Scroller « La page », qui défile aussi" in found
