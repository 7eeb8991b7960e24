"""The attestation: sessions attended, hours, modules and exercises done."""

from datetime import date

import pytest

from atelier import results
from atelier.exports.attestation import attestation_for
from atelier.lessons.scoring import Outcome
from tests.exports_helpers import MODULES, make_world


def test_hours_sessions_modules_and_exercises(store):
    ids = make_world(store.db)
    results.record(store.db, ids["helene"], "souris", "cliquer", Outcome(0.5, 4, 1000), "pc")
    results.record(store.db, ids["helene"], "souris", "cliquer", Outcome(0.9, 3, 900), "pc")
    results.record(store.db, ids["helene"], "mail", "envoyer", Outcome(0.4, 5, 800), "pc")  # not done yet
    paper = attestation_for(store.db, ids["helene"], modules=MODULES, today=date(2026, 4, 1))
    assert paper.person_name == "Hélène Martin" and paper.association == "Les Ateliers d'Émile"
    assert [s.date for s in paper.sessions] == [date(2026, 1, 6), date(2026, 2, 3)]  # cancelled one left out
    assert paper.minutes == 210 and paper.hours == 3.5
    assert (paper.first, paper.last) == (date(2026, 1, 6), date(2026, 2, 3))
    assert paper.modules == ["La souris", "Le courriel"]
    assert [(e.module_title, e.title, e.times, e.best) for e in paper.exercises] == [("La souris", "Cliquer", 2, 0.9)]
    assert paper.issued_on == date(2026, 4, 1)


def test_a_period_and_a_late_arrival(store):
    ids = make_world(store.db)
    paper = attestation_for(store.db, ids["jose"], date(2026, 1, 1), date(2026, 1, 31), modules=MODULES)
    assert paper.minutes == 120 and paper.modules == ["La souris"]  # late still counts
    assert (paper.first, paper.last) == (date(2026, 1, 1), date(2026, 1, 31))
    nothing = attestation_for(store.db, ids["jose"], date(2027, 1, 1), date(2027, 1, 31), modules=MODULES)
    assert nothing.sessions == [] and nothing.hours == 0 and nothing.exercises == []


def test_unknown_person(store):
    with pytest.raises(KeyError):
        attestation_for(store.db, "nobody", modules=MODULES)
