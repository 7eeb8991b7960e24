"""French source strings that translate (issue 14): real plurals for 1 and 2, one whole
sentence where pieces were put together, the sync's words in the language spoken. Each
check reads French, then English from the compiled catalogue."""

import errno

import httpx
import pytest

from atelier import i18n, people
from atelier.files import error_text
from atelier.lessons.key_combos import parse_key
from atelier.lessons.rules import TextList
from atelier.lessons.scoring import field_problem
from atelier.people import Participant
from atelier.sync import coordinator
from atelier.sync.webdav import WebDavHub


@pytest.fixture
def english():
    i18n.use_language("en")
    yield
    i18n.use_language("fr")


def test_a_list_counts_one_element_and_two():
    exactly_two, at_least_two = TextList(low=2, high=2), TextList(low=2)
    assert exactly_two.check("steps", ["un"]) == "« steps » contient 1 élément ; il en faut exactement 2"
    assert exactly_two.check("steps", ["un", "deux", "trois"]).startswith("« steps » contient 3 éléments ;")
    assert TextList(low=1).check("steps", []) == "« steps » doit contenir au moins 1 élément"
    assert at_least_two.check("steps", ["un"]) == "« steps » doit contenir au moins 2 éléments"


def test_a_list_counts_in_english(english):
    assert TextList(low=2, high=2).check("steps", ["a"]) == "“steps” contains 1 item; it needs exactly 2"
    assert TextList(low=1, high=2).check("steps", ["a", "b", "c"]) == \
        "“steps” contains 3 items; it needs between 1 and 2"


@pytest.mark.parametrize("language, one, six", [
    ("fr", "Le code a 1 chiffre ; vous en avez écrit 2.", "Le code a 6 chiffres ; vous en avez écrit 5."),
    ("en", "The code has 1 digit; you have typed 2.", "The code has 6 digits; you have typed 5."),
])
def test_the_code_counts_its_digits(language, one, six):
    i18n.use_language(language)
    assert field_problem("code", "12", True, None, 1) == one
    assert field_problem("code", "48291", True, None, 6) == six


def test_an_unknown_value_names_its_field_with_its_own_article(english):
    with pytest.raises(ValueError, match="^Unknown value for the age bracket: 99 ans$"):
        people.validate(Participant("Jean", age_bracket="99 ans"))
    i18n.use_language("fr")
    with pytest.raises(ValueError, match="^Valeur inconnue pour la tranche d'âge : 99 ans$"):
        people.validate(Participant("Jean", age_bracket="99 ans"))
    with pytest.raises(ValueError, match="^Valeur inconnue pour le genre : homme$"):
        people.validate(Participant("Jean", gender="homme"))


def test_an_error_with_no_file_named_is_a_whole_sentence():
    full = OSError(errno.ENOSPC, "No space left on device")
    assert error_text(full) == ("Le disque est plein : le fichier n'a pas pu être écrit. "
                                "Libérez de la place ou choisissez un autre endroit.")
    assert "« " not in error_text(OSError(errno.EROFS, "Read-only file system"))
    assert error_text(OSError(errno.ENOSPC, "No space", "/x/a.csv")).startswith("Le disque est plein : « /x/a.csv »")
    i18n.use_language("en")
    assert error_text(full).startswith("The disk is full: the file could not be written.")


@pytest.mark.parametrize("status, french, english", [
    (423, "Impossible d'envoyer le fichier pour l'instant : le serveur 127.0.0.1 est occupé (fichier verrouillé).",
     "Cannot send the file for now: the server 127.0.0.1 is busy (file locked)."),
    (507, "Impossible d'envoyer le fichier : l'espace sur le serveur 127.0.0.1 est plein.",
     "Cannot send the file: the space on the server 127.0.0.1 is full."),
    (409, "Impossible d'envoyer le fichier : le serveur 127.0.0.1 a refusé (erreur 409).",
     "Cannot send the file: the server 127.0.0.1 refused (error 409)."),
    (401, "Le nom d'utilisateur ou le mot de passe du serveur est refusé.",
     "The server refuses the user name or the password."),
])
def test_a_server_refusal_is_said_whole_in_each_language(status, french, english):
    with WebDavHub("http://127.0.0.1:9/dav/", "", "") as hub:
        assert hub.error_for(httpx.Response(status), i18n._("Impossible d'envoyer le fichier")).message == french
        i18n.use_language("en")
        assert hub.error_for(httpx.Response(status), i18n._("Impossible d'envoyer le fichier")).message == english


def test_key_examples_use_the_key_names_of_the_language():
    french = parse_key("Ctrl+Maj")[1]
    assert '"Ctrl+C", "Maj+A", "AltGr+0"' in french
    i18n.use_language("en")
    english = parse_key("Ctrl+Shift")[1]
    assert '"Ctrl+C", "Shift+A", "AltGr+0"' in english and "Maj" not in english


def test_a_refused_file_says_why_in_the_language_spoken(english):
    match = coordinator.FILE_NAME.match(f"abc-0000000001-{'0' * 64}.json")
    with pytest.raises(coordinator.Rejected) as refused:
        coordinator.checked_entries(b"{}", match, "un-poste")
    assert refused.value.reason == "fingerprint differs from the name: the file has been changed or cut short"
