"""The facilitator's code: a growing pause after five wrong tries, kept across restarts;
the recovery code shown once; ``atelier pin reset`` on the command line. Real files."""

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from atelier import pin, settings
from atelier.store import Store

ROOT = Path(__file__).resolve().parent.parent
NOON = datetime(2026, 11, 27, 12, 0, tzinfo=timezone.utc)


def test_five_free_tries_then_a_pause_that_doubles(store):
    db = store.db
    pin.choose_pin(db, "2580")
    answers = [pin.attempt(db, "1111", NOON) for _ in range(5)]
    assert [a.wait_s for a in answers] == [0, 0, 0, 0, 30]
    assert pin.attempt(db, "2580", NOON + timedelta(seconds=10)) == pin.Answer(False, 20)  # not heard
    later = NOON + timedelta(seconds=31)
    assert pin.attempt(db, "1111", later).wait_s == 60
    assert pin.waiting_s(db, later + timedelta(seconds=59)) == 1
    right = pin.attempt(db, "2580", later + timedelta(seconds=61))
    assert right.right and not right.recovered
    assert settings.get(db, pin.FAILURES) is None  # forgotten once the code is right
    assert pin.attempt(db, "1111", later + timedelta(seconds=62)).wait_s == 0


def tried_wrong(home: Path, times: int) -> None:
    """A real file with the code 2580 and ``times`` wrong tries, closed (as the program leaves it)."""
    store = Store.open(home)
    try:
        pin.choose_pin(store.db, "2580")
        for _ in range(times):
            pin.attempt(store.db, "0000")
    finally:
        store.close()


def test_the_pause_survives_a_restart(home):
    tried_wrong(home, 5)
    again = Store.open(home)
    try:
        assert 25 <= pin.waiting_s(again.db) <= 30
        assert not pin.attempt(again.db, "2580").right  # closing the program ends no pause
    finally:
        again.close()


@given(st.integers(0, 60))
def test_pauses_grow_and_stay_bounded(failures):
    assert pin.pause_s(failures) <= pin.pause_s(failures + 1) <= pin.LONGEST_PAUSE_S
    assert (pin.pause_s(failures) == 0) == (failures < pin.FREE_TRIES)


def test_the_recovery_code_comes_once_and_opens_once(store):
    db = store.db
    code = pin.choose_pin(db, "2580")
    assert code is not None and len(code) == 14 and code.count("-") == 2
    assert code not in str(db.execute("SELECT group_concat(value) FROM settings").fetchone()[0])  # kept hashed
    assert pin.choose_pin(db, "1379") is None  # a changed code: the same recovery code, not shown again
    for _ in range(3):
        pin.attempt(db, "4444", NOON)
    opened = pin.attempt(db, code.replace("-", " "), NOON)  # typed with spaces: still it
    assert opened.right and opened.recovered
    assert not pin.has_pin(db) and settings.get(db, pin.RECOVERY) is None
    assert not pin.attempt(db, code, NOON).right  # used: gone
    assert pin.choose_pin(db, "2468") not in (None, code)  # the next first code brings a new one


def run(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "ATELIER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "atelier", *args], capture_output=True, text=True,
                          env=env, cwd=ROOT, timeout=60)


def test_pin_reset_on_the_command_line(home):
    tried_wrong(home, 6)
    done = run(home, "pin", "reset")
    assert done.returncode == 0 and "Le code de l'animateur est effacé" in done.stdout and not done.stderr
    store = Store.open(home)
    try:
        assert not pin.has_pin(store.db) and pin.waiting_s(store.db) == 0
    finally:
        store.close()
    again = run(home, "pin", "reset")
    assert again.returncode == 0 and "rien à effacer" in again.stdout
    wrong = run(home, "pin")
    assert wrong.returncode == 2 and "Traceback" not in wrong.stderr and "Erreur" in wrong.stderr
