"""R13 of the FALC lint compares the guide's key names with those the program shows:
its list (atelier/lessons/falc_words.toml) is the keys exercise's own names."""

from atelier.lessons.falc import words_list
from ui.practice.kinds.keys import KEYS, key_name


def test_the_lints_key_names_are_the_programs():
    shown = {key_name(name) for name in KEYS if not key_name(name).startswith("Flèche")}
    assert {names[0] for names in words_list()["words"]["keys"]} == shown
