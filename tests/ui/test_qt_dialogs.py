"""Qt's own dialogs in French, file dialogs that open where the last file went, and the
periods a coordinator picks in one click — on the real dialogs and the real page."""

import json
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLibraryInfo, Qt, QTimer, QTranslator
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QDateEdit, QFileDialog, QMessageBox

from ui.qt_words import MISSING_FRENCH, MissingWords
from ui.widgets import file_dialogs
from ui.widgets.buttons import is_current
from waits import laid_out

LEFT = Qt.MouseButton.LeftButton
NOT_WORDS = {("QGuiApplication", "QT_LAYOUT_DIRECTION")}  # Qt's own switch, not a word shown


class Recorder(QTranslator):
    """Asked first (installed last): notes every word Qt looks up, answers none."""

    def __init__(self):
        super().__init__()
        self.asked: set[tuple[str, str]] = set()

    def translate(self, context, source, disambiguation=None, n=-1):
        self.asked.add((context, source))
        return None

    def isEmpty(self) -> bool:
        return False


def open_and_close(qtbot, dialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.close()


@pytest.mark.qt_log_ignore(r"^This plugin does not support")
def test_qt_dialogs_have_every_word_in_french(qtbot):
    app = QApplication.instance()
    recorder = Recorder()
    app.installTranslator(recorder)
    try:
        for mode, accept in ((QFileDialog.FileMode.AnyFile, QFileDialog.AcceptMode.AcceptSave),
                             (QFileDialog.FileMode.ExistingFile, QFileDialog.AcceptMode.AcceptOpen),
                             (QFileDialog.FileMode.Directory, QFileDialog.AcceptMode.AcceptOpen)):
            files = QFileDialog(None, "Enregistrer", "/tmp", "Document PDF (*.pdf)")
            files.setOption(QFileDialog.Option.DontUseNativeDialog)
            files.setFileMode(mode)
            files.setAcceptMode(accept)
            files.setViewMode(QFileDialog.ViewMode.Detail)
            open_and_close(qtbot, files)
        printer = QPrinter()
        open_and_close(qtbot, QPrintDialog(printer))
        open_and_close(qtbot, QPrintPreviewDialog(printer))
        box = QMessageBox(QMessageBox.Icon.Warning, "Atelier", "Le disque est plein.",
                          QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel)
        box.setDetailedText("Détails")
        open_and_close(qtbot, box)
        day = QDateEdit()
        day.setCalendarPopup(True)
        open_and_close(qtbot, day)
        open_and_close(qtbot, day.calendarWidget())
    finally:
        app.removeTranslator(recorder)
    catalogue = QTranslator()
    assert catalogue.load("qtbase_fr", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    missing = MissingWords(MISSING_FRENCH)
    qt_words = {(c, s) for c, s in recorder.asked if c.startswith("Q") and (c, s) not in NOT_WORDS}
    assert ("QFileDialog", "&Look in:") in qt_words  # the walk met the dialogs' words
    english = sorted(f"{c} : {s}" for c, s in qt_words
                     if not catalogue.translate(c, s) and not missing.translate(c, s))
    assert english == []
    assert QCoreApplication.translate("QFileDialog", "&Look in:") == "&Regarder dans :"
    assert QCoreApplication.translate("QMessageBox", "Show Details...").startswith("Montrer les détails")


def answer_file_dialog(chosen: list, name) -> QTimer:
    """When the real file dialog is up: note the folder it opened in, then choose ``name``
    there, as a person would. Keep the returned timer until the dialog has answered."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            timer.stop()
            chosen.append(dialog.directory().absolutePath())
            dialog.selectFile(str(name))
            dialog.accept()

    timer.timeout.connect(poll)
    timer.start()
    return timer


@pytest.mark.qt_log_ignore(r"^This plugin does not support")
def test_a_file_dialog_opens_where_the_last_file_went(home, tmp_path, qtbot):
    stick = tmp_path / "CLE USB"
    stick.mkdir()
    opened: list[str] = []
    first = answer_file_dialog(opened, stick / "emargements.pdf")
    path = file_dialogs.ask_save_path(None, "Enregistrer", "emargements.pdf", "Document PDF (*.pdf)")
    assert path == str(stick / "emargements.pdf") and not first.isActive()
    assert json.loads((home / file_dialogs.FILE_NAME).read_text(encoding="utf-8"))["documents"] == str(stick)
    second = answer_file_dialog(opened, stick / "registre.xlsx")
    assert file_dialogs.ask_save_path(None, "Enregistrer", "registre.xlsx", "Classeur (*.xlsx)")
    assert not second.isActive()
    assert opened[1] == str(stick)  # the second dialog opened on the stick
    assert file_dialogs.last_folder(file_dialogs.PICTURES) != stick  # pictures keep their own folder
    (home / file_dialogs.FILE_NAME).write_text("{abîmé", encoding="utf-8")
    assert file_dialogs.last_folder(file_dialogs.DOCUMENTS).is_absolute()  # a damaged memory: the usual folder


def test_the_usual_periods_in_one_click(store, open_window, qtbot):
    window = open_window(today=date(2026, 11, 27))
    qtbot.mouseClick(window.buttons["documents"], LEFT)
    page = window.stack.currentWidget()
    laid_out(qtbot, window)
    expected = {"last_month": ((2026, 10, 1), (2026, 10, 31)), "this_month": ((2026, 11, 1), (2026, 11, 30)),
                "this_quarter": ((2026, 10, 1), (2026, 12, 31)), "this_year": ((2026, 1, 1), (2026, 12, 31))}
    for kind, (first, last) in expected.items():
        button = page.periods.buttons[kind]
        qtbot.mouseClick(button, LEFT)
        assert (page.first.date(), page.last.date()) == (QDate(*first), QDate(*last)), kind
        assert [k for k, b in page.periods.buttons.items() if is_current(b)] == [kind]
    page.last.setDate(QDate(2026, 12, 30))  # typed by hand: no longer one of them
    assert not any(is_current(b) for b in page.periods.buttons.values())
    assert [b.text() for b in page.periods.buttons.values()] == ["Ce mois-ci", "Le mois dernier", "Ce trimestre",
                                                                 "Cette année"]
