"""The feuille d'émargement laid out on A4 pages.

Each page repeats the header (association and logo, workshop and module, date, times,
place, the facilitator's name and signature box) and the column titles; then one row
per participant, in the order the core gives (alphabetical), one signature box per
half-day 14 mm high (a name too long for one line wraps in a taller row: nothing is
cut), and the blank rows for walk-ins (the number the core asks, none on a completed
sheet, then down to the foot of the last page: never a page of blank rows alone).
The name column says what its rows show, « Prénom Nom ». "n / N" at the bottom.
In another language than French, a line under the header keeps the sheet's French name,
the one funders ask for (``atelier.exports.national``).
"""

from pathlib import Path

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QImage

from atelier.exports import national
from atelier.i18n import _
from ui.render.page import Page, font, text_height
from ui.words import long_date

HEADER_H = 620  # 0.1 mm: the header block, the same on every page
NATIONAL_H = 90  # the line that keeps the French name, in another language
TITLES_H = 110  # column titles
ROW_H = 140  # a signature box: 14 mm, room to sign by hand
FOOTER_H = 110
NAME_W, PRESENCE_W = 700, 300
LOGO_MM = 200
GREY = QColor("#E4E4E4")


class SheetLayout:
    """One session's sheet: ``pages`` to know the count, ``paint(page, n)`` to draw page n."""

    def __init__(self, content, width: float, height: float):
        self.c = content
        self.width, self.height = width, height
        self.fonts = dict(title=font(16, True), big=font(14, True), text=font(12), label=font(11),
                          bold=font(12, True), head=font(11, True), name=font(13), small=font(10))
        self.national = f"{national.SHEET_NAME} — {note}" if (note := national.note()) else ""
        self.header_h = HEADER_H + (NATIONAL_H if self.national else 0)
        body = height - self.header_h - TITLES_H - FOOTER_H
        rows = [(row, min(body, self._row_height(row))) for row in content.rows] + [(None, ROW_H)] * content.blank_rows
        self.page_rows: list[list[tuple]] = [[]]
        used = 0.0
        for row, row_height in rows:
            if self.page_rows[-1] and used + row_height > body:
                self.page_rows.append([])
                used = 0.0
            self.page_rows[-1].append((row, row_height))
            used += row_height
        while used + ROW_H <= body:  # the last page's room: more walk-ins
            self.page_rows[-1].append((None, ROW_H))
            used += ROW_H
        self.pages = len(self.page_rows)
        columns = list(content.half_days) or [_("Matin")]
        presence = PRESENCE_W if content.completed else 0
        sign_w = (width - NAME_W - presence) / len(columns)
        self.columns = [(_("Prénom Nom"), NAME_W)]
        if content.completed:
            self.columns.append((_("Présence"), presence))
        self.columns += [(_("Signature\n{half}").format(half=half), sign_w) for half in columns]
        self.logo = self._logo()

    def _row_height(self, row) -> float:
        """A signature box high, or more for a name that wraps onto several lines."""
        needed = text_height(row.name, self.fonts["name"], NAME_W - 40)
        if self.c.completed and row.status_label:
            needed = max(needed, text_height(row.status_label, self.fonts["text"], PRESENCE_W - 40))
        return max(ROW_H, needed + 40)

    def _logo(self) -> QImage | None:
        path = self.c.logo_path
        if not path or not Path(path).is_file():
            return None
        image = QImage(str(path))
        return None if image.isNull() else image

    def paint_all(self, page: Page, on_page=None) -> None:
        for n in range(self.pages):
            page.new_page()
            self.paint(page, n)
            if on_page is not None:
                on_page()

    def paint(self, page: Page, n: int) -> None:
        self._header(page)
        self._table(page, self.page_rows[n], self.header_h)
        note = _("Chaque personne signe elle-même, à chaque demi-journée.")
        page.footer(n + 1, self.pages, note)

    def _header(self, page: Page) -> None:
        c, f, w = self.c, self.fonts, self.width
        page.pen(0.3)
        left = 0
        if self.logo is not None:
            size = self.logo.size().scaled(LOGO_MM, LOGO_MM, Qt.AspectRatioMode.KeepAspectRatio)
            page.painter.drawImage(QRectF(0, 0, size.width(), size.height()), self.logo)
            left = LOGO_MM + 40
        kind = _("Feuille d'émargement") if not c.completed else _("Feuille d'émargement — présences relevées")
        page.text(QRectF(left, 0, w - left, 80), c.association, f["big"])
        page.text(QRectF(left, 80, w - left, 90), kind, f["title"])
        module = _("Module : {module}").format(module=c.module_title) if c.module_title else ""
        page.text(QRectF(left, 175, w - left, 70), c.title, f["bold"])
        page.text(QRectF(left, 240, w - left, 60), module, f["text"])
        when = _("Le {date}, de {start} à {end}").format(
            date=long_date(c.date, capital=False), start=c.start, end=c.end)
        place = _("Lieu : {place}").format(place=c.place or "…")
        page.text(QRectF(0, 310, w * 0.61, 130), when, f["text"], Qt.AlignmentFlag.AlignTop, wrap=True)
        page.text(QRectF(0, 440, w * 0.61, 140), place, f["text"], Qt.AlignmentFlag.AlignTop, wrap=True)
        # The facilitator: name and signature box, on the right.
        box = QRectF(w * 0.62, 300, w * 0.38, 280)
        page.painter.drawRect(box)
        page.text(QRectF(box.x() + 20, box.y() + 5, box.width() - 40, 60), _("Formateur ou formatrice :"),
                  f["label"])
        page.text(QRectF(box.x() + 20, box.y() + 60, box.width() - 40, 60), c.facilitator or "", f["bold"])
        page.text(QRectF(box.x() + 20, box.y() + 120, box.width() - 40, 60), _("Signature :"), f["label"])
        page.painter.drawLine(QLineF(box.x() + 20, box.bottom() - 25, box.right() - 20, box.bottom() - 25))
        if self.national:
            page.text(QRectF(0, HEADER_H - 20, w, NATIONAL_H), self.national, f["small"], Qt.AlignmentFlag.AlignTop,
                      wrap=True)

    def _table(self, page: Page, rows: list, top: float) -> None:
        f, painter = self.fonts, page.painter
        x = 0
        page.pen(0.3)
        painter.fillRect(QRectF(0, top, self.width, TITLES_H), GREY)
        for title, width in self.columns:
            page.text(QRectF(x + 20, top, width - 40, TITLES_H), title, f["head"],
                      Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, wrap=True)
            x += width
        y = top + TITLES_H
        for row, row_height in rows:
            x = 0
            for i, (_title, width) in enumerate(self.columns):
                cell = QRectF(x, y, width, row_height)
                absent = row is not None and self.c.completed and row.present is False and i >= 2
                if absent:
                    painter.fillRect(cell, GREY)
                if row is not None and i == 0:
                    page.text(cell.adjusted(20, 0, -20, 0), row.name, f["name"], wrap=True)
                elif row is not None and i == 1 and self.c.completed and row.status_label:
                    page.text(cell.adjusted(20, 0, -20, 0), row.status_label, f["text"], wrap=True)
                x += width
            y += row_height
        # The grid last, over the shaded cells.
        page.pen(0.3)
        bottom = y
        painter.drawRect(QRectF(0, top, self.width, bottom - top))
        x = 0
        for _title, width in self.columns[:-1]:
            x += width
            painter.drawLine(QLineF(x, top, x, bottom))
        y = top + TITLES_H
        for _row, row_height in rows:
            painter.drawLine(QLineF(0, y, self.width, y))
            y += row_height
