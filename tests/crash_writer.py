"""The child process of test_crash.py: writes records until it is killed.

Usage: python crash_writer.py HOME [SEED]

Opens the Store in HOME, prints "ready", then loops: adds a participant and marks
them present in this run's session, through the core API. Each record's id is
printed (and flushed) only AFTER the call that wrote it has returned, i.e. after
its transaction committed: a printed line is a promise that the record is on disk.
"""

import random
import sys
from pathlib import Path

from atelier import attendance, people, sessions
from atelier.people import Participant
from atelier.sessions import Session
from atelier.store import Store


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main() -> None:
    home = Path(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else None)
    store = Store.open(home)
    session = sessions.add(store.db, Session("2024-06-15", "14:00", "16:00", place="Salle"))
    say(f"session {session.id}")
    say("ready")
    n = 0
    while True:
        n += 1
        person = people.add(store.db, Participant(f"Prénom{n}", f"Nom{n}", notes="x" * rng.randint(0, 2000)))
        say(f"participant {person.id}")
        status = rng.choice(attendance.STATUSES)
        attendance.mark(store.db, session.id, person.id, status)
        say(f"attendance {session.id} {person.id} {status}")
        if n % 7 == 0:  # an update of an existing row, too
            status = rng.choice(attendance.STATUSES)
            attendance.mark(store.db, session.id, person.id, status)
            say(f"attendance {session.id} {person.id} {status}")


if __name__ == "__main__":
    main()
