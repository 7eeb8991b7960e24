"""Real files named like backups that are not good ones, and a home with a good backup.

``BAD`` names each kind; ``make_bad(folder, kind, seq)`` writes one under a backup's
name with sequence ``seq`` (high: newer than any good backup of the test).
"""

import os
import sqlite3
import shutil
from pathlib import Path

from tests.conftest import make_newer
from atelier import people
from atelier.people import Participant
from atelier.store import Store
from tests.conftest import _damage

# kind → words its reason says
BAD = {
    "empty": "vide",
    "one-byte": "trop court",
    "text": "pas une base de données",
    "foreign": "pas une sauvegarde d'Atelier",
    "truncated": "abîmée",
    "damaged": "abîmée",
    "newer": "version plus récente",
    "dangling-link": "un lien",
    "link": "un lien",
    "fifo": "fichier spécial",
    "folder": "un dossier",
}


def filled_home(home: Path, count: int = 300) -> Path:
    """A home with ``count`` participants and one good manual backup; returns the backup."""
    store = Store.open(home)
    try:
        with store.db.atomic():  # one transaction: a few milliseconds
            for n in range(count):
                people.add(store.db, Participant(f"Prénom{n}", f"Nom{n}", notes="x" * 200))
        return store.backup("manual").path
    finally:
        store.close()


def bad_name(seq: int, kind: str) -> str:
    return f"atelier-n{seq:06d}-20240615-1200{seq % 60:02d}-{kind}.db"


def make_bad(folder: Path, kind: str, seq: int, good: Path) -> Path:
    """A ``kind`` of bad backup in ``folder``; ``good`` is a real good backup to start from."""
    path = folder / bad_name(seq, kind)
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "one-byte":
        path.write_bytes(b"S")
    elif kind == "text":
        path.write_text("Ceci n'est pas une sauvegarde.\n" * 40)
    elif kind == "foreign":
        conn = sqlite3.connect(path)
        conn.execute("CREATE TABLE recettes (nom TEXT)")
        conn.execute("INSERT INTO recettes VALUES ('tarte')")
        conn.commit()
        conn.close()
    elif kind == "truncated":
        data = good.read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif kind == "damaged":
        shutil.copyfile(good, path)
        _damage(path)
    elif kind == "newer":
        shutil.copyfile(good, path)
        make_newer(path)
    elif kind == "dangling-link":
        path.symlink_to(folder / "parti-ailleurs.db")
    elif kind == "link":
        path.symlink_to(good)
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
        (path / "dedans.txt").write_text("un dossier nommé comme une sauvegarde")
    else:
        raise ValueError(kind)
    return path


def snapshot(home: Path) -> dict[str, bytes]:
    """The data file and whatever lies beside it, byte for byte."""
    return {p.name: p.read_bytes() for p in home.iterdir() if p.name.startswith("atelier.db")}
