"""The Coordination page's lists: every site and device with its last file and when, and
the files refused with their reasons. Plain labels, rebuilt from ``coordinator.status``."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier.sync.coordinator import FILE_NAME
from ui.theme import px
from ui.words import moment_words


def device_words(device_id: str) -> str:
    """A device as people can tell it apart: the start of its id."""
    return device_id[:8].upper()


def file_words(name: str) -> str:
    """'n° 12' for a hub file's name (its sequence number), the name itself otherwise."""
    match = FILE_NAME.match(name or "")
    return f"n° {int(match['seq'])}" if match else name


def _label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class _Listing(QWidget):
    """A column of plain widgets, emptied and filled again at each reading."""

    def __init__(self, spacing: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(px(spacing))


class HubDevices(_Listing):
    """Per site, a card with each device: files, summaries, last file received and when."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(10, parent)

    def show_status(self, status: dict, names: dict[str, str], site: str | None) -> None:
        _clear(self.column)
        shown = [s for s in status.get("sites", []) if site is None or s["site"] == site]
        if not shown:
            _add(self.column, _label(_("Aucun fichier reçu pour l'instant : « Récupérer maintenant » "
                                             "lit le partage."), "empty"))
        for found in shown:
            card = QFrame()
            card.setObjectName("card")
            lines = QVBoxLayout(card)
            lines.setContentsMargins(px(16), px(10), px(16), px(12))
            lines.setSpacing(px(4))
            lines.addWidget(_label(names.get(found["site"], found["site"]), "cardTitle"))
            for device in found["devices"]:
                lines.addWidget(_label(self.device_line(device)))
            card.setAccessibleName(names.get(found["site"], found["site"]))
            _add(self.column, card)

    def device_line(self, device: dict) -> str:
        files = plural(device["files"], "{n} fichier", "{n} fichiers")
        held = plural(device["summaries"], "{n} résumé", "{n} résumés")
        return _("Poste {device} : {files}, {held}. Dernier fichier ({file}) reçu {when}.").format(
            device=device_words(device["device_id"]), files=files, held=held,
            file=file_words(device["last_file"]), when=moment_words(device["last_received_at"]))


class HubRejects(_Listing):
    """The files the coordinator refused, each with its French reason."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(8, parent)

    def show_rejects(self, rejects: list[dict], names: dict[str, str], site: str | None) -> None:
        _clear(self.column)
        shown = [r for r in rejects if site is None or r["site"] == site]
        if not shown:
            _add(self.column, _label(_("Aucun fichier refusé."), "empty"))
        for reject in shown:
            _add(self.column, _label(_("{site}, poste {device}, fichier {file} (vu {when}) : {reason}.").format(
                site=names.get(reject["site"], reject["site"]), device=device_words(reject["device_id"]),
                file=file_words(reject["file"]), when=moment_words(reject["seen_at"]), reason=reject["reason"])))


def _add(column: QVBoxLayout, widget: QWidget) -> None:
    column.addWidget(widget)
    widget.show()  # at once, not at the next turn of the event loop: "loaded" means on screen


def _clear(column: QVBoxLayout) -> None:
    while column.count():
        item = column.takeAt(0)
        if item.widget() is not None:
            item.widget().hide()  # gone from the screen now, deleted at the next turn
            item.widget().deleteLater()
