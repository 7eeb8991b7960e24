"""Starting the program on a damaged, lost, foreign or read-only data file: a plain
French message, the latest good backup offered, the file untouched, no traceback."""

import pytest

from atelier import backups, paths
from tests.damaged_files import DAMAGES, good_home, index_damaged, remount_read_only
from tests.disks import mounted_tmpfs
from ui.app import launch, start
from ui.views.data_file_messages import DamagedFileDialog
from tests.ui.test_first_run import offered_backup, said, started  # noqa: F401 (the same fixture: windows closed after)


def quitting(shown):
    def ask(dialog):
        assert isinstance(dialog, DamagedFileDialog), f"unexpected {type(dialog).__name__}"
        shown.append(dialog)
        dialog.cancel_button.click()  # « Quitter »
    return ask


@pytest.mark.parametrize("kind", sorted(DAMAGES))
def test_a_bad_file_at_start_offers_the_latest_good_backup(home, kind, started):
    path = good_home(home)
    DAMAGES[kind](path)
    before = path.read_bytes()
    shown = []
    assert started(start(home, ask=quitting(shown))) == 3
    (dialog,) = shown
    assert "rien n'a été effacé" in said(dialog) and offered_backup(dialog)
    assert path.read_bytes() == before


def test_damage_met_by_the_first_read_before_the_check(home, damage, started):
    """The window opens before quick_check; the first-run question reads tables first."""
    path = good_home(home)
    damage(path, table="participants", pages=2)
    before = path.read_bytes()
    shown = []
    assert started(start(home, ask=quitting(shown))) == 3
    (dialog,) = shown
    assert "abîmé" in said(dialog) and offered_backup(dialog)
    assert path.read_bytes() == before


def test_damage_only_the_full_check_sees_is_reported_while_the_program_runs(home, started, qtbot):
    path = good_home(home)
    index_damaged(path)
    shown = []
    window = started(start(home, ask=quitting(shown)))
    codes = []
    launch(window, quitting(shown), quit=codes.append)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    (dialog,) = shown
    assert "abîmé" in said(dialog) and offered_backup(dialog)
    assert "sessions_date" in dialog.details.text()
    assert codes == [3] and not window.isVisible()


def test_a_good_file_passes_the_full_check_quietly(home, started, qtbot):
    good_home(home)
    window = started(start(home, ask=quitting([])))
    done = []
    window.check_deeply(done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=20000)
    assert done == ["ok"] and window.store.damage is None


def test_a_read_only_disk_is_said_at_start(tmp_path, monkeypatch, started):
    with mounted_tmpfs(tmp_path / "disk", size="8m") as disk:
        home = disk / "home"
        home.mkdir()
        good_home(home)
        remount_read_only(disk)
        shown = []

        def ask(dialog):
            shown.append(dialog)
            dialog.confirm_button.click()  # « Quitter », its one answer

        assert started(start(home, ask=ask)) == 3
        (dialog,) = shown
        assert f"Atelier ne peut pas écrire dans « {home}" in said(dialog)
        assert backups.list_backups(paths.backups_dir(home))  # nothing removed


def test_an_unexpected_error_is_said_in_french_and_its_details_logged(home):
    import errno
    import sqlite3

    from ui.operations import plain_words

    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as error:
        said = plain_words(error)
    log = paths.error_log(home)
    assert str(log) in said and "boom" not in said
    assert "RuntimeError: boom in a slot" in log.read_text(encoding="utf-8")
    full = plain_words(OSError(errno.ENOSPC, "No space left on device", "/media/cle/x.pdf"))
    assert full.startswith("Le disque est plein") and "No space" not in full
    damaged = plain_words(sqlite3.DatabaseError("database disk image is malformed"))
    assert "malformed" not in damaged and "rouvrez-le" in damaged
