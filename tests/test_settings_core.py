"""Settings of one installation: the facilitators' names, the text size, the contrast."""

import pytest

from atelier import settings


def test_facilitators_are_kept_one_a_line_without_blanks_or_repeats(store):
    db = store.db
    assert settings.facilitators(db) == []
    settings.set_facilitators(db, ["Claire Martin", " ", "Karim Benali ", "claire martin"])
    assert settings.get(db, settings.FACILITATORS) == "Claire Martin\nKarim Benali"
    assert settings.add_facilitator(db, "Josiane Petit") == ["Claire Martin", "Karim Benali", "Josiane Petit"]
    assert settings.add_facilitator(db, "KARIM BENALI") == ["Claire Martin", "Karim Benali", "Josiane Petit"]
    assert settings.remove_facilitator(db, "Karim Benali") == ["Claire Martin", "Josiane Petit"]
    assert settings.remove_facilitator(db, "Personne") == ["Claire Martin", "Josiane Petit"]


def test_text_size_stays_between_100_and_200_percent(store):
    db = store.db
    assert settings.text_scale(db) == 1.0
    settings.set_text_scale(db, 1.75)
    assert settings.get(db, settings.TEXT_SCALE) == "1.75" and settings.text_scale(db) == 1.75
    settings.set_text_scale(db, 5)
    assert settings.text_scale(db) == 2.0
    for damaged in ("grand", "nan", "", "0.2"):
        settings.put(db, settings.TEXT_SCALE, damaged)
        assert settings.text_scale(db) == 1.0, damaged


def test_high_contrast_is_off_until_ticked(store):
    db = store.db
    assert settings.high_contrast(db) is False
    settings.set_high_contrast(db, True)
    assert settings.high_contrast(db) is True and settings.get(db, settings.HIGH_CONTRAST) == "1"
    settings.set_high_contrast(db, False)
    assert settings.high_contrast(db) is False


def test_language_is_french_until_chosen_and_only_a_language_atelier_speaks(store):
    db = store.db
    assert settings.language(db) == "fr"
    settings.set_language(db, "en")
    assert settings.get(db, settings.LANGUAGE) == "en" and settings.language(db) == "en"
    with pytest.raises(ValueError):
        settings.set_language(db, "de")
    assert settings.language(db) == "en"
    for damaged in ("de", "", "EN", "english"):
        settings.put(db, settings.LANGUAGE, damaged)
        assert settings.language(db) == "fr", damaged


def test_the_network_node_is_the_one_uuid_reads_in_every_process():
    """The device fingerprint reads the network card as ``uuid.getnode()`` does, without
    importing uuid: a different number would give every installation a new device_id."""
    import subprocess
    import sys

    said = [subprocess.run(
        [sys.executable, "-c", "import sys; from atelier import settings; n = settings.network_node(); "
         "print(n, 'uuid' in sys.modules); import uuid; print(uuid.getnode())"],
        capture_output=True, text=True, check=True).stdout.split() for _ in range(2)]
    assert said[0] == said[1]  # the same PC, the same number, start after start
    node, uuid_loaded, by_uuid = said[0]
    assert node == by_uuid and uuid_loaded == "False"
