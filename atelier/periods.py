"""The periods a coordinator asks for most, as whole calendar periods around a day.

« Ce mois-ci », « Le mois dernier », « Ce trimestre », « Cette année »: the first and
the last day of each (a month's blank sheets are printed before its sessions, so a
period runs to its end, not to today).
"""

from datetime import date, timedelta

from atelier.i18n import N_, _

THIS_MONTH, LAST_MONTH, THIS_QUARTER, THIS_YEAR = "this_month", "last_month", "this_quarter", "this_year"
LABELS = {
    THIS_MONTH: N_("Ce mois-ci"),
    LAST_MONTH: N_("Le mois dernier"),
    THIS_QUARTER: N_("Ce trimestre"),
    THIS_YEAR: N_("Cette année"),
}


def _month_end(first: date) -> date:
    following = first.replace(year=first.year + first.month // 12, month=first.month % 12 + 1)
    return following - timedelta(days=1)


def period(kind: str, today: date) -> tuple[date, date]:
    """(first day, last day) of the period ``kind`` around ``today``; KeyError if unknown."""
    if kind == THIS_MONTH:
        first = today.replace(day=1)
        return first, _month_end(first)
    if kind == LAST_MONTH:
        last = today.replace(day=1) - timedelta(days=1)
        return last.replace(day=1), last
    if kind == THIS_QUARTER:
        first = today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1)
        return first, _month_end(first.replace(month=first.month + 2))
    if kind == THIS_YEAR:
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    raise KeyError(kind)


def which(first: date, last: date, today: date) -> str | None:
    """The kind of period ``first``–``last`` is around ``today``, if it is one of them."""
    return next((kind for kind in LABELS if period(kind, today) == (first, last)), None)


def label(kind: str) -> str:
    return _(LABELS[kind])
