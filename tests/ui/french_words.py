"""French words on a screen meant to be in English (issue 14).

The words looked for are those of the catalogue's French texts (its msgids) that no
English translation uses: « séance », « enregistrer », « vous »… — so a word both
languages share (« date », « notes », « participants ») never counts. Every text a
person can see or hear is read: labels, buttons, window titles, tooltips, accessible
names and descriptions, placeholders, combo items and the cells and headers of lists
and tables.
"""

import re
from pathlib import Path

from atelier.i18n import LANGUAGES
from babel.messages.pofile import read_po
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QPlainTextEdit, QTabBar, QTextEdit, QWidget)

PO = Path(__file__).resolve().parents[2] / "atelier" / "locale" / "en" / "LC_MESSAGES" / "atelier.po"
WORD = re.compile(r"[^\W\d_]+")
FILLED = re.compile(r"\{[^}]*\}|<[^>]+>|&(?=\w)")  # {placeholders}, tags, Qt's mnemonic marks
# Names that are the same in both languages: programs, formats, Atelier itself.
NAMES = {"atelier", "pdf", "csv", "xlsx", "zip", "webdav", "nextcloud", "syncthing", "https", "http", "toml",
         "windows", "linux", "debian", "emmabuntüs", "qwerty", "azerty", "falc", "gb", "mo", "ko", "go"}
# Words French and English share that the catalogue's English happens not to use (it says
# « email »; an English lesson says « e-mail »).
SHARED = {"e", "mail"}
ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)
MOST_ROWS = 200  # a list's first rows say what its words are


def words(text: str) -> set[str]:
    return {word.casefold() for word in WORD.findall(FILLED.sub(" ", text))}


def french_only() -> set[str]:
    """The words of the French texts that no English translation uses."""
    with PO.open("rb") as handle:
        catalogue = read_po(handle)
    french, english = set(), set()
    for message in catalogue:
        if not message.id:
            continue
        for text in (message.id if isinstance(message.id, tuple) else (message.id,)):
            french |= words(text)
        for text in (message.string if isinstance(message.string, tuple) else (message.string,)):
            english |= words(text or "")
    return french - english - NAMES - SHARED


def plain(text: str) -> str:
    return QTextDocumentFragment.fromHtml(text).toPlainText() if "<" in text else text


def texts(widget: QWidget) -> list[tuple[str, str]]:
    """(where, text) for each text of ``widget`` a person can see or hear."""
    found = [("nom accessible", widget.accessibleName()), ("description", widget.accessibleDescription()),
             ("bulle", widget.toolTip())]
    if widget.isWindow():
        found.append(("titre", widget.windowTitle()))
    if isinstance(widget, QLabel):
        found.append(("texte", plain(widget.text())))
    elif isinstance(widget, QAbstractButton):
        found.append(("texte", widget.text()))
    elif isinstance(widget, QGroupBox):
        found.append(("titre", widget.title()))
    elif isinstance(widget, QLineEdit):
        found.append(("indication", widget.placeholderText()))
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        found.append(("indication", widget.placeholderText()))
        if widget.isReadOnly():
            found.append(("texte", widget.toPlainText()))
    elif isinstance(widget, QComboBox):
        found += [("choix", widget.itemText(i)) for i in range(widget.count())]
    elif isinstance(widget, QTabBar):
        found += [("onglet", widget.tabText(i)) for i in range(widget.count())]
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        found += model_texts(widget.model())
    return [(where, text) for where, text in found if text]


def how_many(method) -> int:
    """A model's rows or columns, whichever way its class lets Python ask (a list model
    keeps columnCount private: one column)."""
    for args in ((QModelIndex(),), ()):
        try:
            return method(*args)
        except TypeError:
            continue
    return 1


def model_texts(model) -> list[tuple[str, str]]:
    found = []
    rows, columns = min(how_many(model.rowCount), MOST_ROWS), how_many(model.columnCount)
    for orientation, count in ((Qt.Orientation.Horizontal, columns), (Qt.Orientation.Vertical, rows)):
        found += [("en-tête", value) for i in range(count)
                  if isinstance(value := model.headerData(i, orientation, Qt.ItemDataRole.DisplayRole), str)]
    for row in range(rows):
        for column in range(columns):
            index = model.index(row, column)
            found += [("cellule", value) for role in ROLES if isinstance(value := model.data(index, role), str)]
    return found


def french_on_screen(top: QWidget, french: set[str]) -> list[str]:
    """Each visible text of ``top`` that holds a French word: the widget, where, the words."""
    found = []
    for widget in (top, *top.findChildren(QWidget)):
        if not widget.isVisible():
            continue
        for where, text in texts(widget):
            if text in LANGUAGES.values():  # Réglages → Langue: each language named in itself
                continue
            if said := sorted(words(text) & french):
                found.append(f"{type(widget).__name__} {widget.objectName() or ''} ({where}) "
                             f"« {text[:120]} » : {', '.join(said)}")
    return sorted(set(found))
