"""Dates in words in each language (issue 14): a weekday in lower case inside a French
sentence only, « Le 1er décembre » without cutting the weekday off a longer date."""

import pytest
from PySide6.QtWidgets import QApplication

from atelier import i18n
from atelier.sessions import Session
from ui.models.groups import members_text
from ui.qt_language import install_qt_translations
from ui.views.start_day import StartDayDialog
from ui.words import day_and_month, long_date

from tests.ui.conftest import TODAY


@pytest.fixture
def english():
    app = QApplication.instance()
    install_qt_translations(app, "en")
    yield
    install_qt_translations(app, "fr")


def test_french_writes_the_weekday_in_lower_case_inside_a_sentence():
    assert long_date(TODAY, capital=False) == "vendredi 27 novembre 2026"
    assert long_date(TODAY) == "Vendredi 27 novembre 2026"
    assert long_date(TODAY.replace(day=1), year=False, capital=False) == "dimanche 1er novembre"


def test_english_keeps_the_capital_of_a_weekday(english):
    assert long_date(TODAY, capital=False) == "Friday 27 November 2026"
    assert long_date(TODAY) == "Friday 27 November 2026"
    assert long_date(TODAY.replace(day=1), year=False, capital=False) == "Sunday 1 November"


def test_the_day_kept_is_said_without_its_weekday_in_each_language(english):
    planned = Session(date="2026-12-01", start_time="14:00", end_time="16:00")
    assert day_and_month("2026-12-11") == "11 December"
    assert StartDayDialog.kept(planned) == "1 December"
    install_qt_translations(QApplication.instance(), "fr")
    assert day_and_month("2026-12-11") == "11 décembre"
    assert StartDayDialog.kept(planned) == "Le 1er décembre"


@pytest.mark.parametrize("language, none, one, two", [
    ("fr", "aucun membre", "1 membre", "2 membres"), ("en", "no members", "1 member", "2 members")])
def test_a_group_counts_its_members(language, none, one, two):
    i18n.use_language(language)
    assert (members_text(0), members_text(1), members_text(2)) == (none, one, two)
