"""Kill a writer with SIGKILL at random moments: no acknowledged record may be lost.

The writer (crash_writer.py) prints a record's id only after the core call that
wrote it has returned. After each kill the same database file is reopened, checked
with integrity_check, and every record acknowledged so far (in any round) must be
there. The file is reused across rounds, so damage would accumulate.
"""

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from atelier import attendance, db as database, people
from atelier.store import Store

ROUNDS = 40
WRITER = Path(__file__).with_name("crash_writer.py")
ROOT = Path(__file__).resolve().parent.parent


def _wait_for_ready(process: subprocess.Popen, seen: list[str], timeout: float) -> bool:
    """Read lines until 'ready'; False if the writer died or took too long."""
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if not selector.select(timeout=deadline - time.monotonic()):
                continue
            line = process.stdout.readline()
            if not line:
                return False
            seen.append(line)
            if line.strip() == "ready":
                return True
        return False
    finally:
        selector.unregister(process.stdout)


@pytest.mark.slow
def test_no_acknowledged_record_is_lost_when_the_writer_is_killed(tmp_path):
    seed = int(os.environ.get("ATELIER_CRASH_SEED", random.SystemRandom().randrange(1_000_000)))
    rng = random.Random(seed)
    home = tmp_path / "home"
    env = {**os.environ, "ATELIER_HOME": str(home), "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    participants: set[str] = set()
    marks: dict[tuple[str, str], str] = {}  # (session, participant) -> last acknowledged status
    uncertain: set[tuple[str, str]] = set()
    rounds_with_records = 0
    started = time.monotonic()
    log = []

    for round_number in range(ROUNDS):
        # most rounds are killed while writing; one in four at any moment from start-up,
        # which may land in Store.open itself (checks, migrations, device_id)
        from_start = rng.random() < 0.25
        delay = rng.uniform(0.020, 0.300)
        process = subprocess.Popen(
            [sys.executable, str(WRITER), str(home), str(rng.randrange(1_000_000))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        )
        seen: list[str] = []
        if not from_start:
            ready = _wait_for_ready(process, seen, timeout=20)
            assert ready or process.poll() is None, (
                f"seed={seed} round={round_number}: the writer died: {process.stderr.read()}"
            )
        time.sleep(delay)
        still_running = process.poll() is None
        process.send_signal(signal.SIGKILL)
        out, err = process.communicate(timeout=20)
        assert still_running, f"seed={seed} round={round_number}: the writer stopped by itself: {err}"
        assert process.returncode == -signal.SIGKILL
        lines = "".join(seen) + out
        # only complete lines count: a line cut by the kill was not fully acknowledged
        complete = lines.split("\n")[:-1]
        acknowledged = 0
        last_mark = None
        for line in complete:
            kind, *fields = line.split(" ")
            if kind == "participant":
                participants.add(fields[0])
                acknowledged += 1
            elif kind == "attendance":
                marks[(fields[0], fields[1])] = fields[2]
                last_mark = (fields[0], fields[1])
                acknowledged += 1
        if last_mark:  # its row may hold a later status whose line the kill cut off
            uncertain.add(last_mark)
        rounds_with_records += acknowledged > 0
        log.append(f"round {round_number}: {'start' if from_start else 'ready'}+{delay * 1000:.0f} ms, {acknowledged} acknowledged")

        store = Store.open(home)  # quick_check runs here: a damaged file would raise
        try:
            problem = f"seed={seed} round={round_number}\n" + "\n".join(log)
            assert database.integrity_check(store.db) == "ok", problem
            assert store.db.execute("PRAGMA foreign_key_check").fetchall() == [], problem
            present = {row[0] for row in store.db.execute("SELECT id FROM participants")}
            missing = participants - present
            assert not missing, f"{problem}\nlost participants: {sorted(missing)[:5]}"
            for (session_id, participant_id), status in marks.items():
                found = attendance.for_session(store.db, session_id).get(participant_id)
                assert found is not None, f"{problem}\nlost mark {session_id} {participant_id}"
                if (session_id, participant_id) not in uncertain:
                    assert found == status, f"{problem}\nmark {participant_id} is {found}, acknowledged {status}"
            assert people.count(store.db) >= len(participants)
        finally:
            store.close()

    elapsed = time.monotonic() - started
    total = len(participants) + len(marks)
    print(f"crash test: seed={seed}, {ROUNDS} rounds in {elapsed:.1f} s, {rounds_with_records} rounds "
          f"acknowledged records, {len(participants)} participants and {len(marks)} marks acknowledged")
    assert rounds_with_records >= ROUNDS // 2, f"seed={seed}: too few rounds wrote anything\n" + "\n".join(log)
    assert total > ROUNDS, f"seed={seed}: too few records acknowledged ({total})"
