"""The latest backup copied to a chosen folder (a USB stick): whole or not at all."""

import os

import pytest

from atelier import backups, paths
from atelier.backups import BackupError
from atelier.files import WriteError
from tests.backup_helpers import filled_home, make_bad
from tests.disks import fill, read_only_disk, small_disk  # noqa: F401 (fixtures)


def test_the_copy_is_byte_for_byte_the_backup_with_progress_up_to_the_end(home, tmp_path):
    good = filled_home(home, count=6000)
    stick = tmp_path / "CLE_USB"
    stick.mkdir()
    seen = []
    copied = backups.copy_to(good, stick, progress=lambda done, total: seen.append((done, total)))
    assert copied == stick / good.name
    assert copied.read_bytes() == good.read_bytes() and backups.problem(copied) is None
    total = good.stat().st_size
    assert total > 2 * (1 << 20) and len(seen) >= 3  # a piece at a time
    assert [d for d, _t in seen] == sorted(d for d, _t in seen) and seen[-1] == (total, total)
    assert os.listdir(stick) == [good.name]


def test_a_full_stick_says_so_and_keeps_what_it_held(home, small_disk):
    good = filled_home(home, count=1000)
    earlier = small_disk / "atelier-n000001-20240101-120000-auto.db"
    earlier.write_bytes(b"une copie faite avant")
    fill(small_disk, leave=16 * 1024)
    with pytest.raises(WriteError) as caught:
        backups.copy_to(good, small_disk)
    message = str(caught.value)
    assert message.startswith("Le disque est plein") and "Errno" not in message
    assert earlier.read_bytes() == b"une copie faite avant"
    assert sorted(os.listdir(small_disk)) == ["atelier-n000001-20240101-120000-auto.db", "filler.bin"]


def test_a_read_only_stick_and_a_stick_taken_out_say_so(home, read_only_disk, tmp_path):
    good = filled_home(home, count=10)
    with pytest.raises(WriteError, match="lecture seule"):
        backups.copy_to(good, read_only_disk)
    with pytest.raises(WriteError, match="clé USB"):
        backups.copy_to(good, tmp_path / "retiree")


def test_a_bad_backup_is_not_copied(home, tmp_path):
    good = filled_home(home, count=10)
    bad = make_bad(paths.backups_dir(home), "damaged", 9, good)
    with pytest.raises(BackupError, match="abîmée"):
        backups.copy_to(bad, tmp_path)
    assert os.listdir(tmp_path) == ["home"]
