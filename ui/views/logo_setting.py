"""Réglages, the association's logo: printed at the top of the feuilles d'émargement
and of the attestations.

The chosen image is copied into Atelier's home folder (``logo.png``, ``logo.jpg`` or
``logo.svg``), so that the documents still find it once the original is moved or the
USB key is gone; the settings key ``atelier.exports.sheet.LOGO`` holds the copy's path.
A file Qt cannot read as an image is refused, and nothing changes.

``choose_file(parent, title, filters) -> str | None`` picks the image (a QFileDialog by
default); a test passes its own, or sets the attribute of the same name.
"""

import shutil
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from atelier.i18n import _
from atelier import settings
from atelier.exports.sheet import LOGO
from atelier.files import error_text, whole_file
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.file_dialogs import ask_image_path  # the folder chosen last time
from ui.widgets.flow_layout import FlowLayout

EXTENSIONS = {"png": "png", "jpeg": "jpg", "jpg": "jpg", "svg": "svg"}  # Qt's format name → the copy's
COPIES = tuple(f"logo.{extension}" for extension in sorted(set(EXTENSIONS.values())))


def image_extension(path: Path) -> str | None:
    """``png``, ``jpg`` or ``svg`` when Qt reads the file as such an image; else None."""
    if not path.is_file():
        return None
    reader = QImageReader(str(path))
    reader.setDecideFormatFromContent(True)  # a text file named .png is not a picture
    extension = EXTENSIONS.get(bytes(reader.format().data()).decode("ascii", "replace").lower())
    if extension is None or reader.read().isNull():
        return None
    return extension


def store_logo(db, source: Path, home: Path, extension: str) -> Path:
    """On the worker: the copy in the home folder, then the setting; older copies go."""
    target = home / f"logo.{extension}"
    with whole_file(target) as partial:  # the previous logo stays whole until the new one is
        shutil.copyfile(source, partial)
    settings.put(db, LOGO, str(target))
    for name in COPIES:
        if home / name != target:
            (home / name).unlink(missing_ok=True)
    return target


def clear_logo(db, home: Path) -> None:
    settings.put(db, LOGO, "")
    for name in COPIES:
        (home / name).unlink(missing_ok=True)


class LogoSetting(QWidget):
    """The logo's preview, "Choisir un logo…" and "Retirer le logo"."""

    def __init__(self, ops, parent: QWidget | None = None, choose_file=ask_image_path):
        super().__init__(parent)
        self.ops, self.choose_file = ops, choose_file
        self._shown: tuple | None = None  # (path, modified): the preview is read again only when it changes
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(6))
        label = QLabel(_("Logo de l'association"))
        explained = QLabel(_("Il s'imprime en haut des feuilles d'émargement et des attestations. "
                                   "Atelier en garde une copie."))
        explained.setObjectName("muted")
        explained.setWordWrap(True)

        frame = QFrame()
        frame.setObjectName("card")
        box = QVBoxLayout(frame)
        box.setContentsMargins(px(8), px(8), px(8), px(8))
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setFixedSize(self.preview_size())
        self.picture.setWordWrap(True)
        box.addWidget(self.picture)
        self.choose = big_button(_("Choisir un logo…"), _("Une image PNG, JPG ou SVG"), tooltip=False,
                                 name=_("Choisir le logo de l'association"), on_click=self.choose_logo)
        self.remove = big_button(_("Retirer le logo"), name=_("Retirer le logo de l'association"),
                                 on_click=self.remove_logo)
        buttons = QWidget()
        stack = QVBoxLayout(buttons)
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(px(12))
        stack.addWidget(self.choose, 0, Qt.AlignmentFlag.AlignLeft)
        stack.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        stack.addStretch(1)
        row = QWidget()  # the buttons beside the preview, or under it when the page is narrow
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        row.setSizePolicy(policy)
        flow = FlowLayout(row, spacing=px(16))
        flow.addWidget(frame)
        flow.addWidget(buttons)
        self.message = QLabel()
        self.message.setObjectName("error")
        self.message.setWordWrap(True)
        self.message.setAccessibleName(_("Message"))
        self.message.hide()

        column.addSpacing(px(4))
        column.addWidget(label)
        column.addWidget(explained)
        column.addWidget(row)
        column.addWidget(self.message)

    @staticmethod
    def preview_size() -> QSize:
        return QSize(px(200), px(100))

    def controls(self) -> list[QWidget]:
        """In reading order, for the page's Tab chain."""
        return [self.choose, self.remove]

    # Reading

    def path(self) -> Path | None:
        value = self.ops.read(settings.get, LOGO)
        return Path(value) if value else None

    def refresh(self) -> None:
        path = self.path()
        modified = path.stat().st_mtime_ns if path is not None and path.is_file() else None
        if (path, modified) == self._shown:
            return
        self._shown = (path, modified)
        image = self._preview(path) if modified is not None else None
        had_focus = self.remove.hasFocus()
        if image is not None:
            self.picture.setPixmap(image)
            self.picture.setAccessibleName(_("Logo actuel de l'association"))
            self.picture.setObjectName("")
        else:
            self.picture.setPixmap(QPixmap())
            self.picture.setText(_("Pas de logo") if path is None else _("Logo introuvable"))
            self.picture.setAccessibleName(self.picture.text())
            self.picture.setObjectName("empty")
        self.picture.style().unpolish(self.picture)
        self.picture.style().polish(self.picture)
        self.remove.setVisible(path is not None)
        if had_focus and path is None:
            self.choose.setFocus()  # the button under the fingers went away: the keyboard stays here

    def _preview(self, path: Path) -> QPixmap | None:
        """The image made to fit the preview box, read at that size (an SVG stays sharp)."""
        reader = QImageReader(str(path))
        reader.setDecideFormatFromContent(True)
        size = reader.size()
        if size.isValid() and not size.isEmpty():
            reader.setScaledSize(size.scaled(self.preview_size(), Qt.AspectRatioMode.KeepAspectRatio))
        image = reader.read()
        return None if image.isNull() else QPixmap.fromImage(image)

    # Writing: the copy and the setting together, on the worker

    def choose_logo(self) -> None:
        chosen = self.choose_file(self, _("Choisir le logo de l'association"),
                                  _("Images PNG, JPG ou SVG (*.png *.jpg *.jpeg *.svg)"))
        if not chosen:
            return
        source = Path(chosen)
        extension = image_extension(source)
        if extension is None:
            self.say(_("« {name} » n'est pas une image qu'Atelier sait lire. "
                             "Choisissez une image PNG, JPG ou SVG. Rien n'a été changé.").format(name=source.name))
            return
        self.message.hide()
        self.ops.run(store_logo, source, self.ops.store.home, extension, parent=self,
                     on_error=lambda error: self.say(
                         _("Le logo n'a pas pu être copié. Rien n'a été changé.\n({error})").format(error=error_text(error))))

    def remove_logo(self) -> None:
        self.message.hide()
        self.ops.run(clear_logo, self.ops.store.home, parent=self)

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
