"""The coordinator's usual periods: whole calendar months, quarters and years around a day."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atelier import periods
from atelier.periods import LAST_MONTH, THIS_MONTH, THIS_QUARTER, THIS_YEAR, period, which

DAYS = st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31))


def test_around_a_late_november_day():
    today = date(2026, 11, 27)
    assert period(THIS_MONTH, today) == (date(2026, 11, 1), date(2026, 11, 30))
    assert period(LAST_MONTH, today) == (date(2026, 10, 1), date(2026, 10, 31))
    assert period(THIS_QUARTER, today) == (date(2026, 10, 1), date(2026, 12, 31))
    assert period(THIS_YEAR, today) == (date(2026, 1, 1), date(2026, 12, 31))
    assert period(LAST_MONTH, date(2027, 1, 5)) == (date(2026, 12, 1), date(2026, 12, 31))
    assert period(THIS_MONTH, date(2028, 2, 10)) == (date(2028, 2, 1), date(2028, 2, 29))
    assert [periods.label(k) for k in periods.LABELS] == ["Ce mois-ci", "Le mois dernier", "Ce trimestre",
                                                          "Cette année"]
    with pytest.raises(KeyError):
        period("next_week", today)


@given(DAYS)
def test_each_period_is_whole_and_in_its_place(today):
    first, last = period(THIS_MONTH, today)
    assert first.day == 1 and first <= today <= last and (last + timedelta(days=1)).day == 1
    before_first, before_last = period(LAST_MONTH, today)
    assert before_first.day == 1 and before_last + timedelta(days=1) == first  # no gap, no overlap
    quarter_first, quarter_last = period(THIS_QUARTER, today)
    assert quarter_first <= first and last <= quarter_last and quarter_first.month in (1, 4, 7, 10)
    assert (quarter_last + timedelta(days=1)).day == 1 and quarter_last.month == quarter_first.month + 2
    year_first, year_last = period(THIS_YEAR, today)
    assert (year_first, year_last) == (date(today.year, 1, 1), date(today.year, 12, 31))


@given(DAYS)
def test_which_names_only_exact_periods(today):
    for kind in periods.LABELS:
        assert which(*period(kind, today), today) == kind
    first, last = period(THIS_MONTH, today)
    assert which(first, last - timedelta(days=1), today) is None
    assert which(today, today, today) is None  # one day is never a whole month
