import tomllib
from datetime import date
from pathlib import Path

import pytest

from atelier.vocabulary import age_bracket, label, labels, load_vocabulary, vocabulary

ON = date(2026, 6, 15)


@pytest.mark.parametrize("age, key", [
    (0, "moins_de_douze"), (11, "moins_de_douze"), (12, "douze_dix_huit"),
    (17, "douze_dix_huit"), (18, "dix_huit_vingt_quatre"), (24, "dix_huit_vingt_quatre"),
    (25, "vingt_cinq_trente_neuf"), (39, "vingt_cinq_trente_neuf"),
    (40, "quarante_cinquante_neuf"), (59, "quarante_cinquante_neuf"),
    (60, "soixante_soixante_neuf"), (69, "soixante_soixante_neuf"),
    (70, "soixante_dix_plus"), (104, "soixante_dix_plus"),
])
def test_age_bracket_edges(age, key):
    assert age_bracket(ON.year - age, ON) == key


def test_age_bracket_unknown_or_impossible_year():
    assert age_bracket(None, ON) == "non_communique"
    assert age_bracket(2030, ON) == "non_communique"


def test_every_bracket_key_is_in_the_vocabulary():
    keys = {age_bracket(ON.year - age, ON) for age in range(0, 110)} | {age_bracket(None, ON)}
    assert keys == set(labels("age_brackets"))


def test_vocabulary_has_only_key_label_sections():
    sections = vocabulary()
    assert {"themes", "age_brackets", "social_status", "gender", "workshop_level",
            "equipment", "administrative_themes"} == set(sections)
    assert all(isinstance(v, str) for s in sections.values() for v in s.values())


def test_vocabulary_returns_copies():
    vocabulary()["themes"]["x"] = "y"
    assert "x" not in vocabulary()["themes"]


def test_labels():
    assert label("themes", "prendre_en_main_du_materiel") == "Prendre en main du matériel"
    assert label("workshop_level", "debutant") == "Débutant"
    assert label("themes", "inconnu") == "inconnu"


def test_shipped_copy_matches_the_shared_reference():
    reference = Path(__file__).resolve().parents[2] / "shared/reference/mediation-numerique.toml"
    if not reference.exists():
        pytest.skip("shared reference not beside this checkout")
    assert load_vocabulary() == tomllib.loads(reference.read_text("utf-8"))
