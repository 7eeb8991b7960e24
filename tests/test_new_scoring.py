"""The scoring of issue 12's exercises, without a display: a form's expected values
(forgiving case, accents and spaces; exact for a password), the pages' scores, the
picture's spots, the scratch card, and how a key combination is read."""

import math
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from atelier.lessons.answers import fold, same_answer
from atelier.lessons.key_combos import parse_key
from atelier.lessons.scoring import FormScore, field_problem, in_spot
from atelier.lessons.scratch_card import ScratchCard

# What a French form holds: Latin letters with their accents (up to Latin Extended-A: œ,
# ÿ, ı), digits, punctuation and spaces.
WORDS = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x17F, categories=("L", "N", "Zs", "P")),
                min_size=1, max_size=30)


def disguise(text: str, draw) -> str:
    """``text`` as a learner may type it: other capitals, accents dropped, spaces moved."""
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    chars = [ch.swapcase() if draw(st.booleans()) else ch for ch in (plain if draw(st.booleans()) else text)]
    spaced = "".join(ch + (" " if draw(st.booleans()) else "") for ch in chars if not ch.isspace())
    return "  " + spaced + " "


@settings(max_examples=300, deadline=None)
@given(st.data(), WORDS)
def test_expected_text_forgives_case_accents_and_spaces(data, expected):
    typed = disguise(expected, data.draw)
    assert same_answer("text", typed, expected)
    if fold(expected):
        assert field_problem("text", typed, True, expected) is None or not typed.strip()


@settings(max_examples=200, deadline=None)
@given(WORDS, st.sampled_from("bkqxz7"))
def test_a_letter_more_or_less_is_another_answer(expected, letter):
    assert not same_answer("text", expected + letter, expected)
    assert not same_answer("text", letter, expected + letter + letter)


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=20).filter(str.strip))
def test_a_password_is_compared_as_it_is(password):
    assert same_answer("password", f" {password} ", password)
    if password.swapcase() != password:
        assert not same_answer("password", password.swapcase(), password)
        assert "majuscules" in field_problem("password", password.swapcase(), True, password)


@pytest.mark.parametrize("kind, typed, expected, right", [
    ("text", "  martin ", "Martin", True), ("text", "Hélène", "helene", True), ("text", "Jean-Pierre", "jean–pierre", True),
    ("text", "l’église", "l'église", True), ("text", "Martine", "Martin", False),
    ("date", "2/5/1950", "02/05/1950", True), ("date", "02-05-1950", "02/05/1950", True),
    ("date", "05/02/1950", "02/05/1950", False), ("number", "1 200", 1200, True), ("number", "3,5", "3.5", True),
    ("number", "12", 13, False), ("code", "482 913", "482913", True), ("code", "482931", "482913", False),
    ("radio", "en point relais", "En point relais", True), ("choice", "À domicile", "En point relais", False),
    ("checkbox", True, True, True), ("checkbox", False, True, False), ("checkbox", False, False, True),
])
def test_same_answer(kind, typed, expected, right):
    assert same_answer(kind, typed, expected) is right


@pytest.mark.parametrize("kind, value, required, expected, length, says", [
    ("text", "Martine", True, "Martin", None, "pas ce qui est écrit sur la fiche"),
    ("text", "", False, "Martin", None, "à remplir"),          # expected: never optional
    ("radio", "", True, None, None, "Choisissez une réponse."),
    ("radio", "À domicile", True, "En point relais", None, "pas le bon choix"),
    ("code", "48291", True, None, 6, "Le code a 6 chiffres ; vous en avez écrit 5."),
    ("code", "48a913", True, None, 6, "seulement avec des chiffres"),
    ("code", "482931", True, "482913", 6, "pas le code reçu"),
    ("number", "douze", True, None, None, "avec des chiffres"),
    ("checkbox", True, False, False, None, "ne doit pas être cochée"),
    ("checkbox", False, False, True, None, "Cochez cette case."),
    ("email", "jeanne@example.org", True, "jeanne.martin@example.org", None, "pas ce qui est écrit"),
])
def test_field_problems_with_what_the_card_asks(kind, value, required, expected, length, says):
    assert says in field_problem(kind, value, required, expected, length)


def test_field_problems_right_answers_say_nothing():
    assert field_problem("code", "482 913", True, "482913", 6) is None
    assert field_problem("checkbox", False, False, False) is None
    assert field_problem("date", "2/5/1950", True, "02/05/1950") is None


def test_form_score_by_pages_names_the_fields_to_review():
    score = FormScore(["nom", "code", "livraison"])
    assert not score.check_page({"nom": "à revoir"})          # page 1, first press: Nom wrong
    assert score.check_page({"nom": None})                    # fixed
    assert score.check_page({"code": None, "livraison": None})
    assert score.done
    outcome = score.outcome(3000, {"nom": "Nom", "code": "Code reçu par SMS", "livraison": "Livraison"})
    assert outcome.completed and outcome.attempts == 3
    assert outcome.score == pytest.approx((0.5 + 1 + 1) / 3, abs=1e-4)
    assert outcome.details["to_review"] == ["Nom"] and outcome.details["corrections"] == {"nom": 1}


def test_form_score_recheck_counts_a_field_spoiled_after_precedent():
    score = FormScore(["nom", "code"])
    assert score.check_page({"nom": None}) and score.check_page({"code": None})
    score.recheck({"nom": "changed since", "code": None})
    assert not score.done and score.tries["nom"] == 1
    assert score.check_page({"nom": None}) and score.done
    assert score.score == pytest.approx((0.5 + 1) / 2)


@settings(max_examples=300, deadline=None)
@given(st.floats(-50, 450), st.floats(-50, 170), st.floats(0, 30),
       st.lists(st.tuples(st.floats(0, 350), st.floats(0, 100), st.floats(1, 50), st.floats(1, 50)), min_size=1,
                max_size=3))
@example(1.9, 0.0, 0.0, [(1.9, 0.0, 5.0, 1.0)])   # on the left edge: the middle's rounding once left it out
def test_a_click_is_in_a_spot_exactly_when_inside_it_or_its_grace(x, y, grace, boxes):
    spots = [{"x": a, "y": b, "width": w, "height": h} for a, b, w, h in boxes]
    inside = in_spot(x, y, spots, grace)
    strictly = any(s["x"] <= x <= s["x"] + s["width"] and s["y"] <= y <= s["y"] + s["height"] for s in spots)
    if strictly:
        assert inside   # grace only ever makes a spot larger
    if inside and not strictly:   # in the grace around a spot's middle (or a rounding away from its edge)
        assert any(abs(x - (s["x"] + s["width"] / 2)) <= max(grace, s["width"] / 2) + 1e-6
                   and abs(y - (s["y"] + s["height"] / 2)) <= max(grace, s["height"] / 2) + 1e-6 for s in spots)
    assert not in_spot(math.nan, math.nan, spots, grace)


@settings(max_examples=200, deadline=None)
@given(st.floats(0.3, 1.5), st.lists(st.tuples(*[st.floats(-0.5, 1.5)] * 4), max_size=40), st.floats(0.001, 0.3))
def test_the_scratch_card_only_ever_uncovers_more(ratio, moves, radius):
    card, before = ScratchCard(ratio, 0.8), 0.0
    for x0, y0, x1, y1 in moves:
        card.sweep(x0, y0, x1, y1, radius)
        assert before <= card.share <= 1
        before = card.share
    assert card.done == (card.share >= 0.8 - 1e-9)


def test_sweeping_the_whole_card_uncovers_it_and_a_fast_move_leaves_no_gap():
    card = ScratchCard(0.6, 0.8)
    assert not card.sweep(0.5, 0.3, 0.5, 0.3, 0)   # no brush, nothing
    card.sweep(0.0, 0.3, 1.0, 0.3, 0.05)          # one fast stroke across the middle
    middle_row = round(0.3 / 0.6 * card.rows - 0.5)
    assert all((column, middle_row) in card.cleared for column in range(card.columns))
    for n in range(8):
        y = 0.6 * (n + 0.5) / 8
        card.sweep(0.0, y, 1.0, y, 0.05)
    assert card.done and card.outcome(5000, clicks=2).details == {
        "uncovered": round(card.share, 4), "moves": 9, "clicks": 2}
    with pytest.raises(ValueError):
        ScratchCard(0, 0.8)


@pytest.mark.parametrize("text, modifiers, key, writes", [
    ("Ctrl+C", ("Ctrl",), "c", ()), ("ctrl + v", ("Ctrl",), "v", ()), ("Maj+A", ("Shift",), "a", ("A",)),
    ("Maj+é", ("Shift",), "é", ("2",)), ("Maj+;", ("Shift",), ";", (".",)), ("AltGr+0", ("AltGr",), "0", ("@",)),
    ("AltGr+e", ("AltGr",), "e", ("€",)), ("Entrée", (), "Enter", ()), ("Verr. Maj", (), "CapsLock", ()),
    ("flèche gauche", (), "Left", ()), ("Backspace", (), "Backspace", ()), ("Maj+Tab", ("Shift",), "Tab", ()),
    ("Ctrl+Maj+T", ("Ctrl", "Shift"), "t", ()), ("0", (), "0", ("0", "à")), ("+", (), "+", ("+",)),
])
def test_key_combinations_are_read(text, modifiers, key, writes):
    combo, problem = parse_key(text)
    assert problem is None and (combo.modifiers, combo.key, combo.writes) == (modifiers, key, writes)


def test_key_combinations_are_shown_as_the_program_names_them():
    assert parse_key("ctrl+c")[0].shown() == "Ctrl + C"
    assert parse_key("Backspace")[0].shown() == "Effacer"
    assert parse_key("Maj+Tab")[0].parts() == ["Maj", "Tab"]


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=20))
def test_reading_any_key_text_never_fails(text):
    combo, problem = parse_key(text)
    assert combo is None or problem is None
    if combo is not None:
        assert parse_key(combo.shown().replace(" + ", "+"))[0] == combo
