"""Documents that say it right, read back from the real files and driven on the real
screens: the person's PDF in words, the attestation « Fait à » its town with real
plurals, the sheet dialog naming its session and keeping its buttons in place, and
« C'est prêt » brought into sight with « Ouvrir » and « Ouvrir le dossier »."""

import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from atelier import results, settings
from atelier.exports import attestation, person
from atelier.lessons.scoring import Outcome
from tests.exports_helpers import MODULES, make_world
from ui import theme
from ui.render.documents import render_attestation, render_person_pdf
from waits import laid_out

LEFT = Qt.MouseButton.LeftButton


def words_of(path: Path) -> str:
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"-\s+", "-", " ".join(text.split()))


def test_the_person_pdf_says_words_not_keys(store, tmp_path):
    ids = make_world(store.db)
    results.record(store.db, ids["jose"], "souris", "cliquer", Outcome(0.85, 3, 125_000), store.device_id)
    data = person.person_export(store.db, ids["jose"])
    assert data["tables"]["group_members"][0]["group_name"] == "Débutants du mardi"  # the JSON names it too
    said = words_of(render_person_pdf(data, tmp_path / "jose.pdf"))
    for expected in ("Genre : masculin", "Situation : retraité", "Année de naissance : 1960",
                     "Groupe : Débutants du mardi", "Présence : en retard",
                     "Séance : 06/01/2026, de 14:00 à 16:00, Débutants du mardi, Salle Hélène",
                     "Réussite : 85 %", "Durée : 2 min 5 s", "Essais : 3"):
        assert expected in said, expected
    for key in ("gender", "feminin", "masculin :", "retraite :", "late", "group_id", "participant_id",
                "start_time", "duration_ms", "Passages de texte qui la nomment (0)"):
        assert key not in said, key
    assert "Passage de texte qui la nomme (0)" in said  # a real plural, and a real singular


@pytest.mark.parametrize("town, sessions_n, done", [("Villeurbanne", 1, "Fait à Villeurbanne, le"),
                                                    ("", 2, "Fait le")])
def test_the_attestation_is_made_in_its_town_with_real_plurals(store, tmp_path, town, sessions_n, done):
    ids = make_world(store.db)
    settings.put(store.db, settings.SITE, "Maison des Tilleuls")
    settings.put(store.db, settings.TOWN, town)
    last = date(2026, 1, 31) if sessions_n == 1 else date(2026, 2, 28)
    made = attestation.attestation_for(store.db, ids["helene"], date(2026, 1, 1), last, modules=MODULES,
                                       today=date(2026, 3, 1))
    assert len(made.sessions) == sessions_n
    said = words_of(render_attestation(made, tmp_path / "attestation.pdf"))
    assert done in said and "Maison des Tilleuls" not in said  # a site's name is no town
    if sessions_n == 1:
        assert "a participé à 1 séance d'atelier" in said and "soit 2 heures de formation" in said
    else:
        assert "a participé à 2 séances d'atelier" in said and "soit 3,5 heures de formation" in said
    assert "(s)" not in said and "(e)" not in said


def test_the_town_is_set_in_reglages(store, open_window, qtbot):
    window = open_window()
    qtbot.mouseClick(window.buttons["settings"], LEFT)
    view = window.stack.currentWidget()
    qtbot.keyClicks(view.town, "Villeurbanne")
    with qtbot.waitSignal(window.ops.changed, timeout=5000):
        view.flush()
    assert settings.get(store.db, settings.TOWN) == "Villeurbanne"


def test_the_sheet_dialog_names_its_session_and_keeps_its_buttons_in_place(store, open_window, qtbot, qapp):
    from ui.views.sheet_dialog import SheetDialog

    ids = make_world(store.db)
    theme.apply_theme(qapp, 2.0)
    try:
        window = open_window()
        dialog = SheetDialog(window.ops, ids["s1"], window)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        laid_out(qtbot, dialog)
        assert "Débutants du mardi" in dialog.windowTitle() and "06/01/2026" in dialog.windowTitle()
        assert dialog.session_label.text() == "Débutants du mardi, 06/01/2026, 14:00 – 16:00"
        buttons = (dialog.blank, dialog.filled, dialog.preview, dialog.print_button, dialog.save, dialog.close_button)
        before = [b.geometry() for b in buttons]
        for choice in (dialog.filled, dialog.blank, dialog.filled):
            qtbot.mouseClick(choice, LEFT)
            laid_out(qtbot, dialog)
            assert [b.geometry() for b in buttons] == before  # nothing moves, nothing wraps away
            assert all(dialog.rect().contains(b.geometry().translated(b.parentWidget().mapTo(dialog, b.pos())
                                                                        - b.pos())) for b in buttons)
        assert dialog.completed and dialog.filled.text().startswith("\u2713")
        dialog.close()
    finally:
        theme.apply_theme(qapp, 1.0)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_cest_pret_comes_into_sight_with_ouvrir_and_the_folder(store, open_window, qtbot, qapp, tmp_path, scale):
    make_world(store.db)
    theme.apply_theme(qapp, scale)
    try:
        window = open_window()
        window.resize(1366, 768)
        qtbot.mouseClick(window.buttons["documents"], LEFT)
        page = window.stack.currentWidget()
        opened, folders = [], []
        page.choose_path = lambda *args: str(tmp_path / "registre.xlsx")
        page.open_file, page.open_folder = opened.append, folders.append
        page.first.setDate(QDate(2026, 1, 1))
        page.last.setDate(QDate(2026, 3, 31))
        laid_out(qtbot, window)
        with qtbot.waitSignal(page.export_ended, timeout=20000):
            qtbot.mouseClick(page.register, LEFT)
        laid_out(qtbot, window)
        viewport = page.scroller.viewport()
        for widget in (page.message, page.open_button, page.folder):
            assert widget.isVisible(), widget.accessibleName()
            top_left = widget.mapTo(viewport, widget.rect().topLeft())
            bottom = widget.mapTo(viewport, widget.rect().bottomLeft())
            assert 0 <= top_left.y() and bottom.y() <= viewport.height(), widget.accessibleName()  # in sight
        assert "C'est prêt" in page.message.text()
        assert QApplication.focusWidget() is page.open_button  # Entrée opens it
        qtbot.keyClick(page.open_button, Qt.Key.Key_Space)
        qtbot.mouseClick(page.folder, LEFT)
        assert opened == [tmp_path / "registre.xlsx"] and folders == [tmp_path / "registre.xlsx"]
    finally:
        theme.apply_theme(qapp, 1.0)
