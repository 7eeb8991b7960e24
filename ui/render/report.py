"""The funders' activity report on one page: the totals, attendance per month as a
bar chart drawn with QPainter, and who came (age brackets, gender, status)."""

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor

from atelier.i18n import _
from atelier.exports import national
from atelier.exports.report import PEOPLE
from ui.render.page import Page, font, text_height
from ui.words import number_words, short_date, short_month

BAR = QColor("#0B4478")
LIGHT = QColor("#EEF2F6")


class ReportLayout:
    pages = 1

    def __init__(self, report, width: float, height: float):
        self.r, self.width, self.height = report, width, height

    def paint_all(self, page: Page, on_page=None) -> None:
        page.new_page()
        self.paint(page)
        if on_page is not None:
            on_page()

    def paint(self, page: Page) -> None:
        r, w = self.r, self.width
        page.pen(0.3)
        page.text(QRectF(0, 0, w, 80), r.association, font(14, True))
        page.text(QRectF(0, 80, w, 100), _("Rapport d'activité"), font(20, True))
        page.text(QRectF(0, 180, w, 70), _("Ateliers numériques {period}").format(period=r.period_label), font(12))
        if r.sites:
            page.text(QRectF(0, 240, w, 90), _("Sites : {names}").format(names=", ".join(r.sites)), font(12),
                      wrap=True)
        elif r.site:
            page.text(QRectF(0, 240, w, 60), _("Lieu d'accueil : {site}").format(site=r.site), font(12))
        t = r.totals
        figures = [
            (_("Séances"), number_words(t.sessions)),
            (_("Heures d'atelier"), number_words(t.hours)),
            (_("Participants uniques"), number_words(t.unique_participants)),
            (_("Nouveaux participants"), number_words(t.new_participants)),
        ]
        box_w, top = (w - 3 * 40) / 4, 330
        for i, (label, value) in enumerate(figures):
            box = QRectF(i * (box_w + 40), top, box_w, 260)
            page.painter.fillRect(box, LIGHT)
            page.painter.drawRect(box)
            page.text(box.adjusted(10, 20, -10, -140), value, font(24, True), Qt.AlignmentFlag.AlignCenter)
            page.text(box.adjusted(10, 130, -10, -10), label, font(11), Qt.AlignmentFlag.AlignHCenter
                      | Qt.AlignmentFlag.AlignTop, wrap=True)
        page.text(QRectF(0, top + 280, w, 60), _("Présences cumulées : {n}").format(n=number_words(t.attendances)),
                  font(12))
        self._chart(page, QRectF(0, 700, w, 950))
        self._breakdown(page, 1720)
        page.footer(1, 1, _("Établi le {date} avec Atelier").format(date=short_date(r.generated_on)))

    def _chart(self, page: Page, area: QRectF) -> None:
        months = self.r.months
        page.text(QRectF(area.x(), area.y(), area.width(), 70), _("Présences par mois"), font(14, True))
        plot = area.adjusted(80, 110, 0, -150)
        peak = max([m.attendances for m in months] + [1])
        page.pen(0.3)
        painter = page.painter
        painter.drawLine(QLineF(plot.left(), plot.bottom(), plot.right(), plot.bottom()))
        painter.drawLine(QLineF(plot.left(), plot.top(), plot.left(), plot.bottom()))
        page.text(QRectF(0, plot.top() - 30, 70, 60), number_words(peak), font(11), Qt.AlignmentFlag.AlignRight
                  | Qt.AlignmentFlag.AlignVCenter)
        page.text(QRectF(0, plot.bottom() - 30, 70, 60), "0", font(11), Qt.AlignmentFlag.AlignRight
                  | Qt.AlignmentFlag.AlignVCenter)
        if not months:
            return
        slot = plot.width() / len(months)
        bar_w = slot * 0.6
        label_font = font(11 if len(months) <= 12 else 9)
        for i, m in enumerate(months):
            x = plot.left() + i * slot + (slot - bar_w) / 2
            h = plot.height() * m.attendances / peak
            painter.fillRect(QRectF(x, plot.bottom() - h, bar_w, h), BAR)
            page.text(QRectF(x - 40, plot.bottom() - h - 60, bar_w + 80, 55), str(m.attendances), font(11),
                      Qt.AlignmentFlag.AlignCenter)
            short, year = short_month(m.month), m.month[:4]
            page.text(QRectF(plot.left() + i * slot, plot.bottom() + 10, slot, 120),
                      f"{short}\n{year}", label_font, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                      wrap=True)

    def _breakdown(self, page: Page, top: float) -> None:
        r, t = self.r, self.r.totals
        heading = _("Participants uniques, par catégorie") if r.counted == PEOPLE else _(
            "Présences par catégorie (une par personne et par séance)")
        page.text(QRectF(0, top, self.width, 70), heading, font(14, True))
        if note := national.note():  # the categories below stay French
            page.text(QRectF(0, top + 70, self.width, 60), note, font(10))
            top += 60
        groups = [
            (_("Âge"), r.age_labels, t.by_age),
            (_("Genre"), r.gender_labels, t.by_gender),
            (_("Statut"), r.status_labels, t.by_status),
        ]
        col_w = self.width / 3
        for i, (title, labels, counts) in enumerate(groups):
            x, y = i * col_w, top + 90
            page.text(QRectF(x, y, col_w - 30, 60), title, font(12, True))
            y += 65
            for key, label in labels.items():
                h = max(55.0, text_height(label, font(11), col_w - 130))
                page.text(QRectF(x, y, col_w - 130, h), label, font(11), wrap=True)
                page.text(QRectF(x + col_w - 130, y, 80, 55), str(counts.get(key, 0)), font(11),
                          Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                y += h
