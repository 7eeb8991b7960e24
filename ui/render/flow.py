"""Flowing text over as many pages as it needs: headings, paragraphs, boxes.

Used by the attestation and the person export: the blocks are measured first, placed
on pages (a heading never ends a page), then painted, so that "n / N" is known.
"""

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QImage

from ui.render.page import Page, font, text_height

FOOTER_H = 110
GAP = 25


@dataclass
class Block:
    kind: str  # "title", "heading", "text", "small", "box", "image"
    text: str = ""
    height: float = 0.0  # for boxes and images, fixed; measured for text
    image: QImage | None = None
    align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft
    extra: dict = field(default_factory=dict)


FONTS = {"title": (18, True), "heading": (14, True), "text": (12, False), "small": (11, False)}


def block_font(kind: str) -> QFont:
    size, bold = FONTS.get(kind, (12, False))
    return font(size, bold)


class Flow:
    def __init__(self, blocks: list[Block], width: float, height: float, footer_note: str = ""):
        self.width, self.height, self.note = width, height, footer_note
        self.placed: list[list[tuple[float, Block]]] = [[]]
        body = height - FOOTER_H
        y = 0.0
        for i, block in enumerate(blocks):
            if block.kind in FONTS:
                block.height = text_height(block.text, block_font(block.kind), width) + (
                    40 if block.kind in ("title", "heading") else 10)
            keep = 0.0
            if block.kind == "heading" and i + 1 < len(blocks):  # a heading stays with what follows
                after = blocks[i + 1]
                keep = (text_height(after.text, block_font(after.kind), width) if after.kind in FONTS
                        else after.height)
            if y > 0 and y + block.height + keep > body:
                self.placed.append([])
                y = 0.0
            self.placed[-1].append((y, block))
            y += block.height + GAP
        self.pages = len(self.placed)

    def paint_all(self, page: Page, on_page=None) -> None:
        for n, blocks in enumerate(self.placed):
            page.new_page()
            page.pen(0.3)
            for y, block in blocks:
                self._paint(page, y, block)
            page.footer(n + 1, self.pages, self.note)
            if on_page is not None:
                on_page()

    def _paint(self, page: Page, y: float, block: Block) -> None:
        rect = QRectF(0, y, self.width, block.height)
        if block.kind == "box":
            page.painter.drawRect(QRectF(block.extra.get("x", 0), y, block.extra.get("w", self.width), block.height))
            page.text(QRectF(block.extra.get("x", 0) + 20, y + 10, block.extra.get("w", self.width) - 40, 60),
                      block.text, font(11))
        elif block.kind == "image" and block.image is not None:
            size = block.image.size().scaled(round(self.width), round(block.height),
                                             Qt.AspectRatioMode.KeepAspectRatio)
            page.painter.drawImage(QRectF(0, y, size.width(), size.height()), block.image)
        elif block.kind in FONTS:
            page.text(rect, block.text, block_font(block.kind), block.align | Qt.AlignmentFlag.AlignTop, wrap=True)
