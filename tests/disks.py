"""Real small disks for tests: a tmpfs that fills up, and one mounted read-only.

Mounting needs root (the CI machine runs as root); elsewhere the tests that need a
real disk are skipped with the reason.
"""

from __future__ import annotations

import os
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def mounted_tmpfs(folder: Path, size: str = "256k", read_only: bool = False):
    """A real tmpfs of ``size`` mounted at ``folder`` for the block's duration."""
    if getattr(os, "geteuid", lambda: 1)() != 0:
        pytest.skip("mounting a small disk needs root")
    folder.mkdir(parents=True, exist_ok=True)
    options = f"{'ro,' if read_only else ''}size={size}"
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
                             capture_output=True, timeout=30)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True, timeout=30)


def make_read_only(folder: Path) -> None:
    """Remount the small disk at ``folder`` read-only: what is on it stays readable."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True, timeout=30)


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the disk holding ``folder`` until at most ``leave`` bytes are free."""
    filler = folder / "filler.bin"
    with open(filler, "ab") as handle:
        while True:
            free = os.statvfs(folder).f_bavail * os.statvfs(folder).f_frsize
            if free <= leave:
                break
            try:
                handle.write(b"\0" * min(65536, max(1, free - leave)))
                handle.flush()
            except OSError:
                break


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KiB tmpfs: fill it with ``fill`` to see a full disk for real."""
    with mounted_tmpfs(tmp_path / "small-disk") as folder:
        yield folder


@pytest.fixture
def read_only_disk(tmp_path):
    with mounted_tmpfs(tmp_path / "read-only-disk", size="64k", read_only=True) as folder:
        yield folder
