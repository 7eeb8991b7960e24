"""The child process of test_backup_interrupted.py: a backup or a restore killed for real.

Usage: python backup_killer.py HOME backup|restore [BACKUP]

With ``--at-rename`` the process sends itself SIGKILL at the last moment before a copy
takes its name (written, checked, still under its hidden partial name, locked); without
it, it prints "started" just before the work (and "finished" after it), and the test
kills it whenever it likes.
"""

import os
import signal
import sys
from pathlib import Path

from atelier import backups
from atelier.store import Store, restore


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main() -> None:
    home, action = Path(sys.argv[1]), sys.argv[2]
    if "--at-rename" in sys.argv:
        real = backups.write_copy

        def write_then_die(conn, target, before_rename=None):
            def last_moment():
                if before_rename is not None:
                    before_rename()  # a restore first keeps the current file: that copy dies too
                die()

            real(conn, target, before_rename=last_moment)

        backups.write_copy = write_then_die
    if action == "backup":
        store = Store.open(home)
        print("started", flush=True)
        store.backup("manual")
    else:
        print("started", flush=True)
        restore(Path(sys.argv[3]), home)
    print("finished", flush=True)


if __name__ == "__main__":
    main()
