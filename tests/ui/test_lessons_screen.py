"""« Leçons »: the installed modules, a module's guide to prepare a session, importing
a zip (what it holds first, refused with the checker's messages, replacing after a
second question), removing an imported module; a broken pack never stops the start."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from atelier import progress
from ui import modules
from ui.views.lesson_guide import LessonGuideView
from ui.views.lesson_import import ImportDialog
from ui.widgets.confirm import ConfirmDialog
from tests.lesson_packs import module_files, module_zip, write_zip


@pytest.fixture(autouse=True)
def fresh_library():
    """The library is read once per program run: each test starts its own run."""
    modules.replace([])
    modules._modules = None
    yield
    modules._modules = None


def lessons_page(window, qtbot):
    qtbot.mouseClick(window.buttons["lessons"], Qt.MouseButton.LeftButton)
    return window.pages["lessons"]


def titles(page) -> list[str]:
    return [row.title for row in page.model.rows]


def row_of(page, title: str) -> int:
    return titles(page).index(title)


def texts(dialog) -> list[str]:
    return [label.text() for label in dialog.scroll.widget().findChildren(QLabel)]


def read(dialog: ImportDialog, qtbot) -> ImportDialog:
    qtbot.waitUntil(lambda: dialog.unpacked is not None or dialog.close_button.isVisible(), timeout=10000)
    return dialog


def click(qtbot, button: QPushButton) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def leftovers(home: Path) -> list[str]:
    folder = home / "lessons"
    return sorted(p for p in os.listdir(folder) if p.startswith(".")) if folder.is_dir() else []


def test_the_shipped_modules_are_listed_with_their_facts(open_window, qtbot):
    page = lessons_page(open_window(), qtbot)
    assert {"La souris", "Le clavier"} <= set(titles(page))
    index = page.model.index(row_of(page, "La souris"))
    souris = modules.module_by_id("la-souris")
    assert page.model.data(index, Qt.ItemDataRole.AccessibleTextRole) == \
        f"La souris, Livré · version {souris.version} · français · 2 h"
    page.list.setCurrentIndex(index)
    assert page.guide_button.isEnabled() and not page.remove_button.isEnabled()


def test_a_broken_pack_in_the_data_folder_never_stops_the_start(home, open_window, qtbot):
    for name, text in (("profond", 'title = "Très imbriqué"\nx = ' + "[" * 3000),
                       ("coupe", 'id = "coupe"\ntitle = "Coupé en deux"\nsteps = ["01'),
                       ("chiffres", 'title = "Beaucoup de chiffres"\nversion = ' + "9" * 5000)):
        (home / "lessons" / name).mkdir(parents=True)
        (home / "lessons" / name / "module.toml").write_text(text, "utf-8")
    window = open_window()
    assert window.home.data is not None   # the home opened and read its sessions
    page = lessons_page(window, qtbot)
    broken = {row.title: row for row in page.model.rows if row.broken}
    assert set(broken) == {"Très imbriqué", "Coupé en deux", "Beaucoup de chiffres"}
    assert "trop de crochets" in broken["Très imbriqué"].problems[0].message
    assert broken["Coupé en deux"].problems[0].line == 3   # its last line
    page.list.setCurrentIndex(page.model.index(row_of(page, "Coupé en deux")))
    assert page.details_area.isVisible() and "coupe/module.toml, ligne 3" in page.details.text()
    assert not page.guide_button.isEnabled() and page.remove_button.isEnabled()


def test_importing_a_zip_shows_what_it_holds_then_puts_it_in_place(home, open_window, qtbot, tmp_path):
    window = open_window()
    page = lessons_page(window, qtbot)
    dialog = read(page.import_zip(module_zip(tmp_path / "essai.zip", title="Un essai")), qtbot)
    assert dialog.unpacked.modules[0].module.title == "Un essai"
    assert not (home / "lessons" / "essai").exists()   # shown, not yet imported
    assert {"Un essai", "Nouveau module."} <= set(texts(dialog))
    assert "version 1 · français · 1 h · 1 étape · 2 exercices" in texts(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click(qtbot, dialog.confirm_button)
    assert (home / "lessons" / "essai" / "module.toml").is_file() and leftovers(home) == []
    assert "Un essai" in titles(page) and page.selected().title == "Un essai"
    assert page.status.text() == "Importé : « Un essai »."
    assert modules.module_by_id("essai").title == "Un essai"
    qtbot.mouseClick(window.buttons["exercises"], Qt.MouseButton.LeftButton)   # the other screens heard it
    practice = window.pages["exercises"]
    assert practice.module_choice.findText("Un essai") >= 0


def test_an_older_version_is_replaced_only_after_a_second_question(home, open_window, qtbot, tmp_path):
    page = lessons_page(open_window(), qtbot)
    dialog = read(page.import_zip(module_zip(tmp_path / "v1.zip")), qtbot)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click(qtbot, dialog.confirm_button)
    dialog = read(page.import_zip(module_zip(tmp_path / "v2.zip", version=2, title="Essai revu")), qtbot)
    assert "Remplacera la version 1 déjà importée." in texts(dialog)
    assert dialog.confirm_button.text() == "Remplacer…"
    click(qtbot, dialog.confirm_button)
    question = dialog.question
    assert isinstance(question, ConfirmDialog) and "Remplacer « Essai revu » ?" in question.windowTitle()
    click(qtbot, question.cancel_button)   # « Non, garder l'ancienne »
    assert "version = 1" in (home / "lessons" / "essai" / "module.toml").read_text()
    click(qtbot, dialog.confirm_button)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click(qtbot, dialog.question.confirm_button)
    assert "version = 2" in (home / "lessons" / "essai" / "module.toml").read_text()
    assert page.selected().title == "Essai revu" and "Essai" not in titles(page)


def test_a_broken_zip_is_refused_with_the_checkers_messages(home, open_window, qtbot, tmp_path):
    page = lessons_page(open_window(), qtbot)
    files = {f"essai/{k}": v for k, v in module_files().items()}
    files["essai/module.toml"] = files["essai/module.toml"].replace(b'"01-debut.md"', b'"02-absent.md"')
    files["essai/images/rond.png"] = b"pas une image"
    dialog = read(page.import_zip(write_zip(tmp_path / "casse.zip", files)), qtbot)
    assert dialog.heading.text() == "Ce zip ne peut pas être importé"
    assert "images/rond.png : ce n'est pas une image PNG : le fichier est abîmé ou porte un faux nom" in texts(dialog)
    assert not dialog.confirm_button.isVisible()
    click(qtbot, dialog.close_button)
    assert titles(page).count("Essai") == 0 and leftovers(home) == []


def test_cancelling_while_it_reads_leaves_nothing(home, open_window, qtbot, tmp_path):
    page = lessons_page(open_window(), qtbot)
    dialog = page.import_zip(module_zip(tmp_path / "essai.zip"))
    with qtbot.waitSignal(dialog.finished, timeout=10000):
        click(qtbot, dialog.cancel_button)
    assert not (home / "lessons" / "essai").exists() and leftovers(home) == []


def test_removing_an_imported_module_after_confirmation(home, open_window, qtbot, tmp_path):
    page = lessons_page(open_window(), qtbot)
    dialog = read(page.import_zip(module_zip(tmp_path / "essai.zip")), qtbot)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        click(qtbot, dialog.confirm_button)
    click(qtbot, page.remove_button)
    assert "Retirer « Essai » ?" in page.question.windowTitle()
    click(qtbot, page.question.confirm_button)
    qtbot.waitUntil(lambda: "Essai" not in titles(page), timeout=10000)
    assert os.listdir(home / "lessons") == [] and page.status.text() == "Retiré : « Essai »."


def test_the_guide_opens_to_prepare_and_records_nothing(open_window, qtbot, store):
    window = open_window()
    page = lessons_page(window, qtbot)
    page.list.setCurrentIndex(page.model.index(row_of(page, "La souris")))
    click(qtbot, page.guide_button)
    guide = page.guide.findChild(LessonGuideView)
    assert guide.counter.text() == f"Étape 1 sur {len(guide.module.steps)}" and guide.title.text() == guide.module.steps[0].title
    qtbot.keyClick(guide.next_button, Qt.Key.Key_Right)
    assert guide.counter.text() == f"Étape 2 sur {len(guide.module.steps)}"
    assert window.worker.pending() == 0
    assert store.reader.execute("SELECT count(*) FROM step_progress").fetchone()[0] == 0
    back = next(b for b in page.guide.findChildren(QPushButton) if b.text().endswith("Retour aux leçons"))
    click(qtbot, back)
    assert page.guide is None and page.stack.currentIndex() == 0
    QApplication.processEvents()
    assert progress.covered_steps(store.reader, "nulle") == {}
