"""« Sites » on the Documents page, at the coordination only: the register and the activity
report of this PC (as everywhere), of every site, or of one, from what the coordination
gathered (``atelier.exports.hub_register`` and ``hub_report``)."""

from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QComboBox, QWidget

from atelier.i18n import _
from atelier import settings
from atelier.exports import hub_register, hub_report, register, report
from atelier.sync import coordination
from ui.widgets.wheel_guard import guard_wheel

THIS_PC = "ce-poste"  # the choice's data for this PC's own records


def hub_sites(db) -> list[tuple[str, str]] | None:
    """(folder, name) of every site heard from; None on a PC that is not the coordination."""
    if not settings.is_coordinator(db):
        return None
    return list(coordination.site_names(db).items())


def activity_report(db, first: date, last: date, scope, today: date):
    if scope == THIS_PC:
        return report.activity_report(db, first, last, today=today)
    return hub_report.hub_activity_report(db, first, last, scope, today=today)


def write_register(db, path: Path, first: date, last: date, group_id, scope) -> int:
    """The register as CSV or XLSX (by the file's suffix), of this PC's group (or all) or of the sites."""
    csv = path.suffix.lower() == ".csv"
    if scope == THIS_PC:
        return (register.write_csv if csv else register.write_xlsx)(db, path, first, last, group_id)
    return (hub_register.write_csv if csv else hub_register.write_xlsx)(db, path, first, last, scope)


class SiteChoice(QComboBox):
    """« Ce poste », « Tous les sites », then each site; its data is THIS_PC, EVERY_SITE or a folder."""

    def __init__(self, name: str, height: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(name)
        self.setMinimumHeight(height)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        guard_wheel(self)  # the wheel scrolls the page until the choice is chosen

    def fill(self, sites: list[tuple[str, str]]) -> None:
        chosen = self.currentText()
        self.clear()
        self.addItem(_("Ce poste"), THIS_PC)
        self.addItem(_("Tous les sites"), coordination.EVERY_SITE)
        for folder, name in sites:
            self.addItem(_("Site : {name}").format(name=name), folder)
        self.setCurrentIndex(max(0, self.findText(chosen)))

    def scope(self):
        return THIS_PC if self.currentIndex() < 0 else self.currentData()
