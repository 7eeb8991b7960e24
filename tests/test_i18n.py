"""The catalogue's switch: a damaged or missing catalogue speaks French rather than
stopping the program; the command line's language from the environment."""

import shutil

import pytest

from atelier import i18n


@pytest.fixture
def own_locale(tmp_path, monkeypatch):
    """A copy of the shipped catalogue that the test may damage."""
    folder = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, folder)
    monkeypatch.setattr(i18n, "LOCALE_DIR", folder)
    return folder / "en" / "LC_MESSAGES" / "atelier.mo"


def test_the_english_catalogue_speaks_english(own_locale):
    assert i18n.use_language("en") == "en" and i18n._("Réglages") == "Settings"


@pytest.mark.parametrize("damage", ["truncated", "empty", "scribbled", "missing"])
def test_a_damaged_catalogue_speaks_french(own_locale, damage):
    data = own_locale.read_bytes()
    if damage == "missing":
        own_locale.unlink()
    else:
        own_locale.write_bytes({"truncated": data[:len(data) // 3], "empty": b"",
                                "scribbled": b"\x00" * 64 + data[64:]}[damage])
    assert i18n.use_language("en") == "fr"
    assert i18n.current_language() == "fr" and i18n._("Réglages") == "Réglages"
    assert i18n.plural(0, "{n} présent", "{n} présents") == "0 présent"


@pytest.mark.parametrize("environ, expected", [
    ({}, "fr"), ({"LANG": "C.UTF-8"}, "fr"), ({"LANG": "en_GB.UTF-8"}, "en"),
    ({"LANGUAGE": "de_DE:en", "LANG": "fr_FR.UTF-8"}, "en"),
    ({"LANGUAGE": "de_DE", "LANG": "en_US.UTF-8"}, "fr"),  # the first variable set decides, as in gettext
    ({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
])
def test_the_command_line_takes_its_language_from_the_environment(environ, expected):
    assert i18n.language_from_environment(environ) == expected
