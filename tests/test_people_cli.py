"""``atelier people erase`` and ``atelier people purge``: the same confirmation as the
window's, French messages, non-zero exits, never a traceback."""

import io
import os
import pty
import select
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from atelier import anonymisation, attendance, paths, people, sessions
from atelier.people import Participant
from atelier.sessions import Session
from atelier.store import Store
from tests.test_cli import ROOT, in_process, run


class Terminal(io.StringIO):
    """What the person types, on a stdin that says it is a terminal."""

    def isatty(self):
        return True


@pytest.fixture
def folks(home):
    """Hélène Martin (named in Bernard's notes), Bernard Roux, and two Anne Petit."""
    store = Store.open(home)
    try:
        helene = people.add(store.db, Participant("Hélène", "Martin"))
        bernard = people.add(store.db, Participant("Bernard", "Roux", notes="Vient avec Hélène Martin."))
        annes = [people.add(store.db, Participant("Anne", "Petit")).id for _ in range(2)]
    finally:
        store.close()
    return {"helene": helene.id, "bernard": bernard.id, "annes": annes}


def person(home: Path, person_id: str) -> Participant | None:
    store = Store.open(home)
    try:
        return people.get(store.db, person_id)
    except KeyError:
        return None
    finally:
        store.close()


def test_erase_by_name_with_yes(capsys, home, folks):
    code, out, err = in_process(capsys, "people", "erase", "hélène martin", "--yes")
    assert code == 0, err
    assert "1 fiche" in out and "Notes sur Bernard Roux : « Vient avec Hélène Martin. »" in out
    assert "remplacé par « [personne effacée] »" in out and "12 mois" in out
    assert "Effacement terminé : Hélène Martin." in out
    assert person(home, folks["helene"]) is None
    assert person(home, folks["bernard"]).notes == "Vient avec [personne effacée]."
    assert folks["helene"] in paths.erasure_log(home).read_text()


def test_erase_by_id_keeping_the_notes(capsys, home, folks):
    code, out, err = in_process(capsys, "people", "erase", folks["helene"], "--yes", "--keep-notes")
    assert code == 0 and "Il y restera tel quel" in out
    assert person(home, folks["bernard"]).notes == "Vient avec Hélène Martin."


def test_an_ambiguous_name_lists_the_people_and_exits_2(capsys, home, folks):
    code, out, err = in_process(capsys, "people", "erase", "Anne Petit", "--yes")
    assert code == 2
    assert "Plusieurs personnes s'appellent « Anne Petit »" in err
    assert all(anne in err for anne in folks["annes"])
    assert all(person(home, anne) for anne in folks["annes"])


def test_an_unknown_name_exits_1_in_french(capsys, home, folks):
    code, out, err = in_process(capsys, "people", "erase", "Personne Inconnue", "--yes")
    assert code == 1 and "Aucune personne ne s'appelle « Personne Inconnue »" in err


def test_without_a_terminal_yes_is_needed(capsys, home, folks, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO("Hélène\n"))
    code, out, err = in_process(capsys, "people", "erase", "Hélène Martin")
    assert code == 1 and "--yes" in err
    assert person(home, folks["helene"]) is not None


def test_the_wrong_first_name_erases_nothing(capsys, home, folks, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("Bernard\n"))
    code, out, err = in_process(capsys, "people", "erase", "Hélène Martin")
    assert code == 1 and "Ce n'est pas son prénom. Rien n'a été effacé." in err
    assert person(home, folks["helene"]) is not None


def test_typing_the_first_name_on_a_real_terminal_erases(home, folks):
    """A real pseudo-terminal: the question is asked, the first name typed without
    its accent, and the person is gone."""
    leader, follower = pty.openpty()
    env = {**os.environ, "ATELIER_HOME": str(home), "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "atelier", "people", "erase", "Hélène Martin"],
                             stdin=follower, stdout=follower, stderr=follower, env=env, cwd=ROOT)
    os.close(follower)
    said = b""

    def read() -> bytes:
        if not select.select([leader], [], [], 30)[0]:
            child.kill()
            pytest.fail(f"no answer within 30 s: {said.decode()}")
        try:
            return os.read(leader, 4096)
        except OSError:  # the child closed its side
            return b""

    while b"tapez son pr" not in said:
        chunk = read()
        assert chunk, said.decode()
        said += chunk
    os.write(leader, b"helene\n")
    while chunk := read():
        said += chunk
    os.close(leader)
    assert child.wait(timeout=30) == 0, said.decode()
    assert "Effacement terminé" in said.decode() and "Traceback" not in said.decode()
    assert person(home, folks["helene"]) is None


def test_a_log_that_cannot_be_written_is_a_french_error_and_nothing_is_erased(home, folks):
    paths.erasure_log(home).mkdir()
    result = run(home, "people", "erase", "Hélène Martin", "--yes")
    assert result.returncode == 1
    assert "n'a pas pu être noté" in result.stderr and "Traceback" not in result.stderr
    assert person(home, folks["helene"]) is not None


@pytest.fixture
def gone(home):
    """Odette came last four years ago; Paul came last month."""
    today = date.today()
    store = Store.open(home)
    try:
        odette = people.add(store.db, Participant("Odette", "Ancienne", birth_year=1940, gender="feminin"))
        paul = people.add(store.db, Participant("Paul", "Récent"))
        store.db.execute("UPDATE participants SET created_at = ?", [(today - timedelta(days=6 * 365)).isoformat()])
        for when, who in ((today - timedelta(days=4 * 366), odette), (today - timedelta(days=30), paul)):
            session = sessions.add(store.db, Session(when.isoformat(), "14:00", "16:00", status="done"))
            attendance.mark(store.db, session.id, who.id, attendance.PRESENT)
    finally:
        store.close()
    return {"odette": odette.id, "paul": paul.id}


def test_purge_dry_run_lists_and_changes_nothing(capsys, home, gone):
    code, out, err = in_process(capsys, "people", "purge", "--dry-run")
    assert code == 0
    assert "Cette personne n'est pas venue depuis plus de 3 ans :" in out and "Odette Ancienne" in out and "Paul" not in out
    assert "Rien n'a été changé (--dry-run)." in out and "Anonymiser efface son nom" in out
    assert person(home, gone["odette"]).first_name == "Odette"


def test_purge_says_one_person_in_english(capsys, home, gone, monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en")
    out = in_process(capsys, "people", "purge", "--dry-run")[1]
    assert "This person has not come for more than 3 years:" in out and "Odette Ancienne" in out


def test_purge_asks_and_no_changes_nothing(capsys, home, gone, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("n\n"))
    code, out, err = in_process(capsys, "people", "purge")
    assert code == 1 and "Rien n'a été changé." in out
    assert person(home, gone["odette"]).first_name == "Odette"


def test_purge_yes_anonymises_and_keeps_the_attendance(capsys, home, gone, monkeypatch):
    monkeypatch.setattr(sys, "stdin", Terminal("oui\n"))
    code, out, err = in_process(capsys, "people", "purge")
    assert code == 0 and "Personnes anonymisées : 1." in out
    odette = person(home, gone["odette"])
    assert odette.first_name == anonymisation.ANONYMOUS and odette.birth_year == 1940
    code, out, err = in_process(capsys, "people", "purge", "--yes")
    assert code == 0 and "Personne à anonymiser" in out


def test_purge_without_a_terminal_needs_yes(home, gone):
    result = run(home, "people", "purge")
    assert result.returncode == 1 and "--yes" in result.stderr and "Traceback" not in result.stderr
    result = run(home, "people", "purge", "--yes")
    assert result.returncode == 0 and "Personnes anonymisées : 1." in result.stdout
