"""What the start says about a data file it cannot use (ui/views/data_file_messages.py):
every answer read whole at 100 % and 200 % text on a 1366 × 768 screen, the default
answer, the technical details kept behind a button.

The screen test runs data_file_fit.py in a process of its own whose offscreen screen is
1366 × 768 (as test_fit.py does), over real damaged files, a real read-only disk and a
real refused restore, through ``open_store``'s ``ask`` seam. Its pictures are kept under
the test's tmp_path (``shots``): look at them when it fails.
"""

import json
import os
import subprocess
import sys
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from atelier import paths
from atelier.backups import Backup
from atelier.db import DamagedDatabaseError
from tests.damaged_files import good_home, remount_read_only, truncated
from tests.disks import mounted_tmpfs
from tests.ui.test_first_run import show
from ui.views.data_file_messages import DamagedFileDialog, refusal, told

HERE = Path(__file__).parent
SCALES = {"100": 1.0, "200": 2.0}
CASES = ("abime", "sans-sauvegarde", "remise-refusee", "lecture-seule")
LATE_BACKUP = datetime(2026, 11, 29, 20, 56, tzinfo=UTC)  # two-digit day, month, hour: the longest date


def damaged_home(folder: Path, backup: bool = True) -> Path:
    folder.mkdir(parents=True)
    path = good_home(folder)
    if not backup:
        for kept in paths.backups_dir(folder).iterdir():
            kept.unlink()
    truncated(path)
    return folder


@pytest.fixture(scope="module")
def verdict(tmp_path_factory):
    """{case-scale: [problems]} from one run over every case, and the pictures' folder."""
    folder = tmp_path_factory.mktemp("messages")
    with ExitStack() as stack:
        homes = {"abime": damaged_home(folder / "abime"),
                 "sans-sauvegarde": damaged_home(folder / "sans-sauvegarde", backup=False)}
        try:  # a long path, as a USB stick's or a network folder's can be
            disk = stack.enter_context(mounted_tmpfs(folder / "clé de l'association" / "données d'Atelier", "8m"))
            good_home(disk / "atelier")
            remount_read_only(disk)
            homes["lecture-seule"] = disk / "atelier"
        except pytest.skip.Exception as why:
            homes["lecture-seule"] = str(why)
        cases = []
        for size, scale in SCALES.items():
            for case in CASES:
                home = homes.get(case) or damaged_home(folder / f"{case}-{size}")  # a restore spoils its backups
                if isinstance(home, Path):
                    cases.append({"name": f"{case}-{size}", "scale": scale, "home": str(home),
                                  "answer": "restore" if case == "remise-refusee" else "quit"})
        (folder / "cases.json").write_text(json.dumps(cases), encoding="utf-8")
        config = folder / "screen.json"
        config.write_text(json.dumps({"windowFrameMargins": False, "screens": [
            {"name": "petit", "x": 0, "y": 0, "width": 1366, "height": 768,
             "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
        done = subprocess.run([sys.executable, str(HERE / "data_file_fit.py"), str(folder / "cases.json"),
                               str(folder / "verdict.json"), str(folder / "shots")],
                              env=env, cwd=HERE, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr
        found = json.loads((folder / "verdict.json").read_text(encoding="utf-8"))
    return found, homes, folder / "shots"


@pytest.mark.parametrize("size", SCALES)
@pytest.mark.parametrize("case", CASES)
def test_every_answer_is_read_whole_on_a_small_screen(verdict, case, size):
    """Each button inside its dialog, the screen and its scroll area, and as wide as its
    words; the dialog on the screen (the house's fit rules too), details shown or not."""
    found, homes, shots = verdict
    if isinstance(homes.get(case), str):
        pytest.skip(homes[case])
    name = f"{case}-{size}"
    assert name in found, f"{name} jamais montré"
    asked = {"abime": 1, "sans-sauvegarde": 1, "remise-refusee": 2, "lecture-seule": 1}[case]
    assert sorted(p.name for p in shots.glob(f"{name}-?.png")) == [f"{name}-{n}.png" for n in range(1, asked + 1)]
    assert found[name] == [], f"images : {shots}\n" + "\n".join(found[name])


def asked(qtbot, backup: bool = True) -> DamagedFileDialog:
    """The question about a damaged file on screen, with or without a good backup."""
    error = DamagedDatabaseError("", Path("/home/animateur/.local/share/atelier/atelier.db"),
                                 "*** in database main ***\nTree 12 page 12: btreeInitPage() returns error code 11")
    if backup:
        error.backup = Backup(Path("/home/animateur/.local/share/atelier/sauvegardes/a.db"), LATE_BACKUP, "daily", 1)
    dialog = DamagedFileDialog(error)
    show(qtbot, dialog)
    return dialog


def test_the_backup_is_the_default_answer_and_quitting_changes_nothing(qtbot):
    dialog = asked(qtbot)
    when = LATE_BACKUP.astimezone().strftime("%d/%m/%Y à %H:%M")
    assert dialog.windowTitle() == "Le fichier de données d'Atelier est abîmé."
    assert dialog.message.text().startswith("Il a été laissé tel quel : rien n'a été effacé.\n\n"
                                            f"La dernière sauvegarde en bon état date du {when}.")
    assert dialog.confirm_button.text() == f"Remettre la sauvegarde du {when}"
    assert dialog.confirm_button.isDefault() and dialog.focusWidget() is dialog.confirm_button
    assert dialog.cancel_button.accessibleName() == "Quitter sans rien changer"
    assert dialog.confirm_button.geometry().bottom() < dialog.cancel_button.geometry().top()  # one under the other
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Space)
    assert not dialog.isVisible() and not dialog.chose_restore()


def test_enter_restores_when_a_backup_was_found(qtbot):
    dialog = asked(qtbot)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.chose_restore()


def test_without_a_backup_only_quitting_is_offered(qtbot):
    dialog = asked(qtbot, backup=False)
    assert "Aucune sauvegarde en bon état n'a été trouvée." in dialog.message.text()
    assert not dialog.confirm_button.isVisible() and dialog.cancel_button.isDefault()
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible() and not dialog.chose_restore()


def test_the_details_are_behind_a_button_and_brought_into_sight(qtbot):
    """(At 200 % too, on a 1366 × 768 screen, the screen test above shows them.)"""
    dialog = asked(qtbot)
    assert not dialog.details.isVisible()
    closed = dialog.height()
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert dialog.details.isVisible() and dialog.details_button.text() == "Cacher les détails techniques"
    assert dialog.details.text() == ("/home/animateur/.local/share/atelier/atelier.db\n*** in database main ***\n"
                                     "Tree 12 page 12: btreeInitPage() returns error code 11")
    assert dialog.height() > closed and dialog.screen().availableGeometry().contains(dialog.frameGeometry())
    assert dialog.details.visibleRegion().boundingRect() == dialog.details.rect()  # not left below the fold
    qtbot.mouseClick(dialog.details_button, Qt.MouseButton.LeftButton)
    assert not dialog.details.isVisible() and dialog.details_button.text() == "Voir les détails techniques"
    assert dialog.height() == closed


def test_a_refusal_has_one_answer_and_its_first_line_for_heading(qtbot):
    two = refusal("La sauvegarde n'a pas pu être remise en place.\n\nCe fichier est vide.")
    one = refusal("Atelier ne peut pas écrire dans « /media/clé » : le disque est protégé.")
    for dialog in (two, one):
        show(qtbot, dialog)
        assert dialog.windowTitle() == "Atelier" and [dialog.confirm_button.text()] == ["Quitter"]
        assert not dialog.cancel_button.isVisible() and dialog.confirm_button.isDefault()
    assert two.heading.text() == "La sauvegarde n'a pas pu être remise en place."
    assert two.message.text() == "Ce fichier est vide."
    assert not one.heading.isVisible() and one.message.text().startswith("Atelier ne peut pas écrire")


def test_the_outcome_of_a_restore_is_told_with_one_answer_that_stays_in_sight(qtbot):
    """Réglages → Sauvegardes: how the restore went, « Fermer » (the program goes on);
    a screen reader hears the whole text. At 200 % a long reason scrolls, the answer stays
    (the same dialog as the refusals measured on the small screen above)."""
    text = ("La sauvegarde n'a pas pu être remise en place. Les données sont restées telles quelles.\n\n"
            + "Le disque est plein. " * 40)
    dialog = told(text, "Fermer")
    show(qtbot, dialog)
    assert [dialog.confirm_button.text()] == ["Fermer"] and not dialog.cancel_button.isVisible()
    assert dialog.accessibleDescription() == text and dialog.confirm_button.isDefault()
    assert dialog.screen().availableGeometry().contains(dialog.frameGeometry())
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
