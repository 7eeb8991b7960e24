"""A large-print, read-only view of one lesson step, written in Markdown, with its images.

Qt renders the Markdown itself (QTextDocument.setMarkdown). The images a step refers
to (``![…](images/souris.png)``) are read from the module's folder, never from the
network, and scaled to fit the view: a picture is never cut off, and grows with the
room it has (up to ``max_upscale`` times its own size).
"""

import re
from pathlib import Path

from PySide6.QtCore import QEvent, QUrl, Qt
from PySide6.QtGui import (QFont, QImage, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument,
                           QTextFormat)
from PySide6.QtWidgets import QFrame, QTextEdit, QWidget

from ui.theme import BASE_POINTS

HEADING_SIZES = {1: 1.1, 2: 1.05, 3: 1.0}  # times the body text

# The view draws its own focus ring: the theme styles QScrollArea, and this is not one.
FOCUS_STYLE = (
    "QTextEdit { border: 3px solid palette(window); border-radius: 6px; }"
    "QTextEdit:focus { border: 3px solid palette(highlight); }"
)


def strip_title(markdown: str, title: str) -> str:
    """The step without its first "# Title" line, which the screens show on their own."""
    lines = markdown.splitlines()
    for number, line in enumerate(lines):
        if line.strip():
            if line.startswith("# ") and line[2:].strip().rstrip("#").strip() == title:
                return "\n".join(lines[number + 1:]).lstrip("\n")
            break
    return markdown


def resolve_image(folder: Path, name: str) -> Path | None:
    """The file an image of the step names, inside the module's folder, or None."""
    if not name or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", name):
        return None  # "https:…", "file:…": lessons never reach outside their folder
    root = folder.resolve()
    path = (root / name).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        return None
    return path


class MarkdownView(QTextEdit):
    """Read-only; scrolls with the mouse wheel or the keyboard (Up, Down, Page keys)."""

    def __init__(self, parent: QWidget | None = None, text_factor: float = 1.25,
                 image_height: float = 0.8, max_upscale: float = 1.6):
        super().__init__(parent)
        self.text_factor = text_factor  # body text, relative to the theme's text size
        self.image_height = image_height  # an image takes at most this share of the height
        self.max_upscale = max_upscale
        self._markdown = ""
        self._folder: Path | None = None
        self._rendered_for: tuple = ()
        self.images: dict[str, Path] = {}  # image name in the Markdown → file shown
        self.setReadOnly(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)  # no reflow when it appears
        self.setStyleSheet(FOCUS_STYLE)

    # --- what to show ------------------------------------------------------------------

    def set_markdown(self, markdown: str, folder: Path | None) -> None:
        self._markdown = markdown
        self._folder = Path(folder) if folder else None
        self._render(keep_scroll=False)

    def markdown(self) -> str:
        return self._markdown

    def text_font(self) -> QFont:
        """The body font: ``text_factor`` times the theme's 100 % size, and never smaller
        than the text-size setting makes the rest of the program (so 200 % is not 250 %)."""
        font = QFont(self.font())
        font.setPointSizeF(max(self.font().pointSizeF(), BASE_POINTS * self.text_factor))
        return font

    def scroll_fraction(self) -> float:
        bar = self.verticalScrollBar()
        return bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0

    def set_scroll_fraction(self, fraction: float) -> None:
        bar = self.verticalScrollBar()
        bar.setValue(round(max(0.0, min(1.0, fraction)) * bar.maximum()))

    # --- rendering ---------------------------------------------------------------------

    def _image_box(self) -> tuple[int, int]:
        doc_margin = 2 * round(self.document().documentMargin())
        width = self.width() - 2 * self.frameWidth() - self.verticalScrollBar().sizeHint().width() - doc_margin - 12
        return max(width, 40), max(round(self.height() * self.image_height), 40)

    def _render(self, keep_scroll: bool = True) -> None:
        fraction = self.scroll_fraction() if keep_scroll else 0.0
        doc = self.document()
        doc.setDefaultFont(self.text_font())
        if self._folder is not None:
            doc.setBaseUrl(QUrl.fromLocalFile(str(self._folder.resolve()) + "/"))
        doc.setMarkdown(self._markdown, QTextDocument.MarkdownFeature.MarkdownDialectGitHub)
        # The import leaves the view's own cursor at the end, and the view would scroll
        # there to show it: put it back at the top.
        self.setTextCursor(QTextCursor(doc))
        self._lay_out_blocks()
        self._rendered_for = (self.width(), self.height(), self.text_font().key())
        self.set_scroll_fraction(fraction)

    def _lay_out_blocks(self) -> None:
        """Air between lines, and every picture loaded from the module and fitted."""
        doc = self.document()
        self.images = {}
        box_w, box_h = self._image_box()
        block = doc.begin()
        while block.isValid():
            cursor = QTextCursor(block)
            spacing = QTextBlockFormat()
            spacing.setLineHeight(125, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
            cursor.mergeBlockFormat(spacing)
            level = block.blockFormat().headingLevel()
            if level:  # Qt's headings outgrow the step's title: keep them a step above the text
                heading = QTextCharFormat()
                heading.setProperty(QTextFormat.Property.FontSizeAdjustment, 0)
                heading.setFontPointSize(self.text_font().pointSizeF() * HEADING_SIZES.get(level, 1.0))
                heading.setFontWeight(QFont.Weight.Bold)
                cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(heading)
                cursor = QTextCursor(block)
            fragments = [it.fragment() for it in block]  # read first: fitting changes formats
            pictures = [f for f in fragments if f.charFormat().isImageFormat()]
            for fragment in pictures:
                self._fit_image(fragment, fragment.charFormat().toImageFormat(), box_w, box_h)
            if pictures and len(pictures) == len([f for f in fragments if f.text().strip()]):
                centred = QTextBlockFormat()
                centred.setAlignment(Qt.AlignmentFlag.AlignHCenter)
                cursor.mergeBlockFormat(centred)
            block = block.next()

    def _fit_image(self, fragment, image_format, box_w: int, box_h: int) -> None:
        name = image_format.name()
        path = resolve_image(self._folder, name) if self._folder else None
        image = QImage(str(path)) if path else QImage()
        if image.isNull():
            return
        doc = self.document()
        doc.addResource(QTextDocument.ResourceType.ImageResource.value, doc.baseUrl().resolved(QUrl(name)), image)
        doc.addResource(QTextDocument.ResourceType.ImageResource.value, QUrl(name), image)
        self.images[name] = path
        scale = min(box_w / image.width(), box_h / image.height(), self.max_upscale)
        image_format.setWidth(image.width() * scale)
        image_format.setHeight(image.height() * scale)
        cursor = QTextCursor(doc)
        cursor.setPosition(fragment.position())
        cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(image_format)


    # --- keeping the layout right --------------------------------------------------------

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._markdown and (self.width(), self.height(), self.text_font().key()) != self._rendered_for:
            self._render()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)  # a new text size: QTextEdit resets the document's font
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange) and self._markdown:
            self._render()
