"""The Documents screen and the sheet dialog, driven by real clicks; every file read back."""

import errno
import json
import os
import subprocess
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from atelier import demo, sessions
from atelier.files import plain_os_error
from tests.disks import fill, read_only_disk, small_disk  # noqa: F401 (fixtures)
from tests.ui.conftest import TODAY

LEFT = Qt.MouseButton.LeftButton


def check_targets(widget) -> None:
    """Every visible button and field: 48 px at least, with an accessible name."""
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    for kind in (QAbstractButton, QComboBox, QAbstractSpinBox, QLineEdit):
        for control in widget.findChildren(kind):
            if control.isVisibleTo(widget) and not isinstance(control.parentWidget(), QAbstractSpinBox):  # Qt's own part
                assert control.height() >= 48 and control.width() >= 48, control.accessibleName()
                assert control.accessibleName(), control


def pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def pdf_pages(path: Path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(next(line.split()[-1] for line in out.splitlines() if line.startswith("Pages:")))


@pytest.fixture
def documents(store, open_window, tmp_path):
    """The Documents page over the demonstration, writing into tmp_path/out."""
    demo.fill(store.db, TODAY)
    window = open_window()
    window.show_section("documents")
    page = window.page("documents")
    out = tmp_path / "out"
    out.mkdir()
    chosen = []

    def choose(parent, title, suggested, filters):
        chosen.append(suggested)
        return str(out / (page.next_name or suggested))

    page.choose_path = choose
    page.next_name = None
    page.opened = []
    page.open_folder = page.opened.append
    page.first.setDate(QDate(2026, 1, 1))
    page.last.setDate(QDate(TODAY.year, TODAY.month, TODAY.day))
    page.out, page.chosen, page.window_ = out, chosen, window
    return page


def click_and_wait_end(qtbot, page, button, timeout=20000) -> str:
    with qtbot.waitSignal(page.export_ended, timeout=timeout) as blocker:
        qtbot.mouseClick(button, LEFT)
    return blocker.args[0]


def test_period_sheets_with_progress_and_folder(qtbot, documents):
    page = documents
    check_targets(page)
    seen = []
    page.progress.valueChanged.connect(seen.append)
    assert click_and_wait_end(qtbot, page, page.sheets) == "done"
    files = list(page.out.iterdir())
    assert [f.suffix for f in files] == [".pdf"]
    text = pdf_text(files[0])
    assert "Feuille d'émargement" in text and "Les Amis" in text or "Feuille d'émargement" in text
    ids = page.ops.read(lambda db: [s.session.id for s in sessions.between(db, date(2026, 1, 1), TODAY)
                                    if s.session.status != "cancelled"])
    assert pdf_pages(files[0]) >= len(ids) > 0
    assert seen and max(seen) == pdf_pages(files[0])
    shown = page.message.text().replace("\u200b", "")  # invisible spaces: the path may wrap
    assert "C'est prêt" in shown and str(files[0]) in shown and page.message.toolTip() == str(files[0])
    assert page.folder.isVisible()
    qtbot.mouseClick(page.folder, LEFT)
    assert page.opened == [files[0]]
    assert not page.progress.isVisible() and not page.cancel.isVisible()


def test_cancel_stops_the_export_and_leaves_no_file(qtbot, documents):
    page = documents
    release = threading.Event()

    def hold_first_page(job):
        def wait_once(done, total):
            if done == 0:
                release.wait(10)  # on the export thread: the sheet is not painted yet
        job.progressed.connect(wait_once, Qt.ConnectionType.DirectConnection)

    page.export_started.connect(hold_first_page)
    with qtbot.waitSignal(page.export_ended, timeout=20000) as blocker:
        qtbot.mouseClick(page.sheets, LEFT)
        qtbot.waitUntil(lambda: page.progress.maximum() > 0 and page.cancel.isVisible())
        qtbot.mouseClick(page.cancel, LEFT)
        release.set()
    assert blocker.args == ["stopped"]
    assert list(page.out.iterdir()) == []  # not even a temporary file
    assert "annulé" in page.message.text()
    assert page.sheets.isEnabled() and not page.cancel.isVisible()


def test_register_report_attestation_and_person(qtbot, documents):
    page = documents
    page.next_name = "registre.csv"
    assert click_and_wait_end(qtbot, page, page.register) == "done"
    raw = (page.out / "registre.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b";" in raw.splitlines()[0]
    page.next_name = "rapport.xlsx"
    assert click_and_wait_end(qtbot, page, page.report) == "done"
    assert (page.out / "rapport.xlsx").exists() and pdf_pages(page.out / "rapport.pdf") == 1
    assert "Rapport d'activité" in pdf_text(page.out / "rapport.pdf")
    page.person.setCurrentIndex(1)
    name = page.person.currentText()
    page.next_name = "attestation.pdf"
    assert click_and_wait_end(qtbot, page, page.attestation) == "done"
    assert name in " ".join(pdf_text(page.out / "attestation.pdf").split())
    page.next_name = "personne.pdf"
    assert click_and_wait_end(qtbot, page, page.person_data) == "done"
    data = json.loads((page.out / "personne.json").read_text(encoding="utf-8"))
    assert data["participant"]["id"] == page.person.currentData()
    assert "Tout ce qu'Atelier sait de" in pdf_text(page.out / "personne.pdf")


def test_sheet_dialog_saves_previews_and_prints(qtbot, store, tmp_path):
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget

    from ui.operations import Operations
    from ui.render.printing import paint_on, sheet_printer
    from ui.views.sheet_dialog import SheetDialog
    from ui.worker import Worker

    demo.fill(store.db, TODAY)
    today = [s for s in sessions.between(store.db, TODAY, TODAY)][0].session
    past = [s for s in sessions.between(store.db, TODAY - timedelta(days=30), TODAY - timedelta(days=1))
            if s.session.status != "cancelled"][-1].session
    worker = Worker()
    try:
        ops = Operations(store, worker)
        shown = []
        dialog = SheetDialog(ops, past.id, choose_path=lambda *a: str(tmp_path / "feuille"), show=shown.append)
        qtbot.addWidget(dialog)
        dialog.show()
        check_targets(dialog)
        qtbot.mouseClick(dialog.filled, LEFT)
        qtbot.mouseClick(dialog.save, LEFT)
        text = pdf_text(tmp_path / "feuille.pdf")
        assert "présences relevées" in text and ("Présent(e)" in text or "Absent(e)" in text)
        assert str(tmp_path / "feuille.pdf") in dialog.message.text().replace("\u200b", "")
        qtbot.mouseClick(dialog.preview, LEFT)
        preview = shown[-1]
        widget = preview.findChild(QPrintPreviewWidget)
        widget.updatePreview()
        assert widget.pageCount() == pdf_pages(tmp_path / "feuille.pdf")
        preview.deleteLater()
        qtbot.mouseClick(dialog.print_button, LEFT)
        assert shown[-1].windowTitle() == "Imprimer la feuille d'émargement"
        shown[-1].deleteLater()
        # The printer path is the same painting: a QPrinter writing a PDF.
        qtbot.mouseClick(dialog.blank, LEFT)
        printer = sheet_printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "printer.pdf"))
        from ui.render.documents import render_sheet

        blank = render_sheet(dialog.content(), tmp_path / "vierge.pdf")  # the same sheet, saved
        assert paint_on(printer, [dialog.content()]) == pdf_pages(blank)
        printed = pdf_text(tmp_path / "printer.pdf")
        assert "Feuille d'émargement" in printed and "Présent(e)" not in printed
        assert today.id  # a session today exists too: the workshop offers its sheet
    finally:
        worker.stop()


def test_session_screen_and_workshop_open_the_sheet(qtbot, store, open_window):
    from ui.views.sheet_dialog import SheetDialog

    demo.fill(store.db, TODAY)
    window = open_window()
    window.show_section("sessions")
    view = window.page("sessions")
    qtbot.mouseClick(view.sheet, LEFT)
    dialog = view.sheet_dialog
    assert isinstance(dialog, SheetDialog) and dialog.isVisible() and not dialog.completed
    dialog.close()
    session = view.selected()
    workshop = window.open_workshop(session)
    qtbot.mouseClick(workshop.sheet_button, LEFT)
    assert workshop.sheet_dialog.isVisible() and workshop.sheet_dialog.completed
    assert workshop.sheet_dialog.content().session_id == session.id
    workshop.sheet_dialog.close()


def test_a_full_disk_is_said_in_french_and_the_previous_documents_stay(qtbot, documents, small_disk):
    """A PDF (painted on the export thread) and a CSV (written on the database worker)."""
    page = documents
    page.first.setDate(QDate(TODAY.year, TODAY.month, 1))  # a few sheets: they fit the small disk
    page.choose_path = lambda parent, title, suggested, filters: str(small_disk / page.next_name)
    buttons = {"feuilles.pdf": page.sheets, "registre.csv": page.register}
    for name, button in buttons.items():
        page.next_name = name
        assert click_and_wait_end(qtbot, page, button) == "done"
    previous = {name: (small_disk / name).read_bytes() for name in buttons}
    fill(small_disk)
    for name, button in buttons.items():
        page.next_name = name
        assert click_and_wait_end(qtbot, page, button) == "failed"
        shown = page.message.text().replace("\u200b", "")  # invisible spaces: the path may wrap
        assert shown == plain_os_error(OSError(errno.ENOSPC, "No space left on device"), small_disk / name)
        assert page.message.isVisible() and not page.folder.isVisible() and button.isEnabled()
    assert {name: (small_disk / name).read_bytes() for name in buttons} == previous
    assert sorted(os.listdir(small_disk)) == sorted([*buttons, "filler.bin"])  # no partial file


def test_the_sheet_dialog_says_a_read_only_disk_in_french(qtbot, store, read_only_disk):
    from ui.operations import Operations
    from ui.views.sheet_dialog import SheetDialog
    from ui.worker import Worker

    demo.fill(store.db, TODAY)
    session = sessions.between(store.db, TODAY, TODAY)[0].session
    worker = Worker()
    try:
        dialog = SheetDialog(Operations(store, worker), session.id, choose_path=lambda *a: str(read_only_disk / "f"))
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.mouseClick(dialog.save, LEFT)
        shown = dialog.message.text().replace("\u200b", "")
        assert "lecture seule" in shown and str(read_only_disk / "f.pdf") in shown and "Errno" not in shown
        assert dialog.saved is None and os.listdir(read_only_disk) == []
    finally:
        worker.stop()
