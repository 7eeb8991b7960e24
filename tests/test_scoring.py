"""The scoring rules of every kind, and the pack checks they rely on, without a display."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier.lessons.exercises import SCROLL_VISIBLE, scroll_labels, scroll_position
from atelier.lessons.keystrokes import TextScore, TypingScore, mistakes
from atelier.lessons.library import check_path
from atelier.lessons.scoring import (ClickScore, DoubleClick, FormScore, choice_score, dropped_on,
                             field_problem, parse_date)
from tests.test_lessons import CLICK, HEAD, line_of, make_module, only_problem


def test_tally_first_try_is_worth_one_and_misses_lower_gently():
    tally = ClickScore(4)
    tally.miss()
    assert not tally.hit()          # second try: ½
    tally.hit()
    tally.miss()
    tally.miss()
    tally.hit()                     # third try: ⅓
    assert tally.hit()
    outcome = tally.outcome(1200, extra=1)
    assert outcome.attempts == 7 and outcome.completed
    assert outcome.score == pytest.approx((0.5 + 1 + 1 / 3 + 1) / 4, abs=1e-4)
    assert outcome.details == {"items": 4, "misses": 3, "skipped": 0, "extra": 1}


def test_passing_an_item_moves_on_and_is_worth_nothing():
    tally = ClickScore(3)
    tally.miss()
    assert not tally.skip()         # the item tried once, then passed: no half point
    assert not tally.hit()
    assert tally.skip() and tally.finished
    outcome = tally.outcome(900)
    assert outcome.completed and outcome.score == pytest.approx(1 / 3, abs=1e-4)
    assert outcome.details["skipped"] == 2 and outcome.attempts == 4
    every = ClickScore(2)
    every.skip()
    every.skip()
    assert not every.outcome(10).completed and every.score == 0  # nothing done: not a finished run


@given(st.lists(st.sampled_from(["hit", "miss", "skip"]), max_size=30), st.integers(1, 8))
def test_any_mix_of_hits_misses_and_passes_stays_in_bounds(actions, total):
    tally = ClickScore(total)
    for action in actions:
        getattr(tally, action)()
    assert 0 <= tally.score <= 1 and tally.done <= total and tally.skipped <= tally.done
    hits = tally.done - tally.skipped
    assert tally.score <= hits / total + 1e-4  # a passed item never adds to the score (rounded to 4 places)


def test_tally_never_goes_past_the_end():
    tally = ClickScore(1)
    assert tally.hit() and tally.hit()
    tally.miss()
    assert tally.attempts == 1 and tally.score == 1.0


def test_double_click_uses_the_packs_interval():
    rule = DoubleClick(900)
    assert rule.press(0, True) == "first"
    assert rule.press(850, True) == "double"
    assert rule.press(2000, True) == "first"
    assert rule.press(3000, True) == "slow"      # 1 s: too slow, becomes a new first press
    assert rule.press(3500, True) == "double"
    assert rule.press(4000, False) == "miss"
    assert rule.system_double(4100) == "double"   # a lone double-click event
    assert rule.press(5000, True) == "first"
    assert rule.system_double(6500) == "slow"


@pytest.mark.parametrize("x, y, expected", [
    (150, 150, True), (95, 150, True), (89, 150, False), (260, 260, True), (261, 150, False)])
def test_drop_zone_is_tolerant(x, y, expected):
    assert dropped_on(x, y, (100, 100, 150, 150), tolerance=10) is expected


def test_choice_score():
    outcome = choice_score([(0, 0), (1, 2), (2, 2)], 5000)
    assert outcome.score == pytest.approx(2 / 3, abs=1e-4) and outcome.attempts == 3
    assert outcome.details == {"questions": 3, "right": 2, "answers": [0, 1, 2]}


@pytest.mark.parametrize("kind, value, required, expected", [
    ("text", "", True, "à remplir"), ("text", "  ", False, None), ("text", "Martin", True, None),
    ("email", "jeanne.exemple.fr", True, "arobase"), ("email", "jeanne@exemple", True, "nom@exemple.fr"),
    ("email", "jeanne martin@exemple.fr", True, "sans espace"), ("email", "j.m@exemple.fr", True, None),
    ("date", "14 mars", True, "14/03/2025"), ("date", "31/02/2025", True, "14/03/2025"),
    ("date", "14/3/2025", True, None), ("choice", "", True, "dans la liste"),
    ("checkbox", False, True, "Cochez"), ("checkbox", False, False, None), ("checkbox", True, True, None),
])
def test_form_field_checks(kind, value, required, expected):
    problem = field_problem(kind, value, required)
    assert (problem is None) if expected is None else (expected in problem)


def test_parse_date():
    assert parse_date("14.03.2025") == date(2025, 3, 14) and parse_date("2025-03-14") is None


def test_form_score_counts_submits_and_fields_fixed_later():
    score = FormScore(["nom", "email"])
    assert not score.submit({"nom": None, "email": "il manque @"})
    assert score.submit({"nom": None, "email": None})
    outcome = score.outcome(100)
    assert outcome.attempts == 2 and outcome.score == 0.75
    assert outcome.details["corrections"] == {"email": 1}


def test_typing_mistakes_and_score():
    assert mistakes("café", "cafe") == [3] and mistakes("ab", "abc") == [2]
    text = TextScore("Été")
    for before, after in (("", "É"), ("É", "Ét"), ("Ét", "Étr"), ("Étr", "Ét"), ("Ét", "Été")):  # r, then erased
        text.change(before, after)
    assert (text.keystrokes, text.errors, text.corrections, text.done) == (4, 1, 1, True)


def test_typing_change_anywhere_in_the_line():
    text = TextScore("le chat")
    text.change("", "le cht")
    text.change("le cht", "le chat")     # an "a" put back in the middle: right there
    assert text.errors == 1 and text.keystrokes == 7 and text.done


def test_typing_score_over_every_text():
    score = TypingScore(["un", "deux"])
    score.current().change("", "un")
    assert score.next_text()
    score.current().change("", "deus")
    assert not score.next_text()
    outcome = score.outcome(900)
    assert outcome.score == pytest.approx(5 / 6, abs=1e-4) and outcome.details["exact"] == 1
    assert outcome.attempts == 6 and outcome.completed


def test_scroll_labels_put_the_line_out_of_first_view():
    for items in (5, 25, 200):
        labels = scroll_labels(items, "Chat")
        assert len(labels) == items and labels.count("Chat") == 1
        assert labels.index("Chat") == scroll_position(items) >= SCROLL_VISIBLE
        assert len(set(labels)) == items
    assert "Pomme" not in scroll_labels(10, "pomme")   # never a second line like the one to find


# --- bad pack parameters: caught by `atelier lessons check`, with file and line ---------

def exercise(kind: str, params: str) -> str:
    return HEAD + CLICK.format(id="a").replace('"click"', f'"{kind}"') + params + "\n"


@pytest.mark.parametrize("kind, params, marker, expected", [
    ("click", "target_size = 700", "target_size", "plus grand que l'écran"),
    ("double-click", "interval_ms = 100", "interval_ms", "entre 300 et 3000"),
    ("drag", "tolerance = 500", "tolerance", "entre 0 et 200"),
    ("scroll", 'find = "Le chat qui dort sur le canapé du salon"', "find", "30 caractères au plus"),
    ("scroll", "items = 3\nfind = \"Chat\"", "items", "entre 5 et 200"),
    ("right-click", 'menu = ["Ouvrir", "Copier", "Ouvrir"]\nanswer = "Ouvrir"', "menu",
     "deux fois « Ouvrir »"),
    ("right-click", 'menu = ["Ouvrir", "Copier"]\nanswer = "Coller"', "answer", "pas dans le menu"),
    ("type", 'texts = ["J\u2019habite à Lyon."]', "texts", "écrivez « ' » à la place"),
    ("type", 'texts = ["un\u00a0deux"]', "texts", "espace insécable"),
    ("type", 'texts = ["' + "a" * 61 + '"]', "texts", "61 caractères : 60 au plus"),
    ("type", "texts = []", "texts", "au moins 1"),
    ("keys", 'keys = ["Entrer"]', "keys = [", "touche inconnue « Entrer » (vouliez-vous dire « Entrée » ?)"),
    ("form", "fields = []", "fields", "liste non vide"),
    ("form", 'fields = [{ name = "ok", label = "OK", type = "checkbox", required = "oui" }]',
     "required", "« required » vaut true"),
    ("form", 'fields = [{ name = "a", label = "A", type = "choice", choices = ["x", "x"] }]',
     "choices", "deux fois « x »"),
    ("choice", "questions = []", "questions", "liste non vide"),
    ("choice", 'questions = [{ question = "Q ?", answers = ["Oui", "Oui"], correct = 0, '
     'explanation = "E." }]', "questions", "deux fois la réponse « Oui »"),
])
def test_bad_parameters_name_file_and_line(tmp_path, kind, params, marker, expected):
    toml = exercise(kind, params)
    problem = only_problem(make_module(tmp_path, toml))
    assert expected in problem.message
    assert problem.line == line_of(toml, marker) and str(problem).startswith(
        f"essai/module.toml, ligne {problem.line} : ")


def test_good_new_parameters_pass(tmp_path):
    toml = exercise("form", 'fields = [{ name = "lettre", label = "La lettre", type = "checkbox", '
                            'required = false }]')
    assert check_path(make_module(tmp_path, toml)) == []
