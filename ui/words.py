"""Words that several screens say alike: dates, day names, numbers, module labels.

Dates, months and numbers come from Qt's locale for the program's language (set by
``ui.qt_language``), never from the system's: donated PCs are often set to another
language, and the program must read the same everywhere. One parser reads what a
facilitator types ("27/11/2026"), one formatter writes a date in words and one in
figures, for the screens and the printed documents alike.
"""

from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, QLocale

from atelier.i18n import _, current_language
from atelier import sessions
from ui import modules

SHORT_DATE_FORMAT = "dd/MM/yyyy"  # a date field shows what short_date writes
# Languages that write a weekday in lower case inside a sentence (English never does).
LOWER_CASE_WEEKDAYS = {"fr"}


def with_status(session, when: str) -> str:
    """'Terminée — 14:00 – 16:00', 'Annulée — …': a session's state before its time, on every list."""
    if session.status == sessions.CANCELLED:
        return _("Annulée — {when}").format(when=when)
    if session.status == sessions.DONE:
        return _("Terminée — {when}").format(when=when)
    return when


def _qdate(day: date | str) -> QDate:
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return QDate(day.year, day.month, day.day)


def day_name(weekday: int) -> str:
    """'mardi' ('Tuesday') for 1 (Monday is 0, as in ``date.weekday()``)."""
    return QLocale().dayName(weekday + 1, QLocale.FormatType.LongFormat)


def long_date(day: date | str, year: bool = True, capital: bool = True) -> str:
    """'Vendredi 27 novembre 2026', 'Dimanche 1er novembre 2026' ('Friday 27 November
    2026'), from a date or its ISO text; in a sentence, without the capital where the
    language writes weekdays so: 'vendredi 27 novembre 2026' (English keeps 'Friday')."""
    text = _written(day, "dddd d MMMM yyyy" if year else "dddd d MMMM")
    if capital:
        return text[:1].upper() + text[1:]
    if current_language() in LOWER_CASE_WEEKDAYS:
        return text[:1].lower() + text[1:]
    return text


def day_and_month(day: date | str) -> str:
    """'1er décembre' ('1 December'): the date without its weekday nor its year, in the
    language's own order (never cut out of a longer date: words are not in the same order
    everywhere)."""
    return _written(day, "d MMMM")


def _written(day: date | str, layout: str) -> str:
    qdate = _qdate(day)
    if current_language() == "fr" and qdate.day() == 1:  # French writes the first of the month « 1er »
        layout = layout.replace("d MMMM", "d'er' MMMM", 1)
    return QLocale().toString(qdate, layout)


def short_date(day: date | str | None) -> str:
    """'27/11/2026', from a date or its ISO text; '' for none."""
    if not day:
        return ""
    return _qdate(day).toString(SHORT_DATE_FORMAT)


def month_words(month: str) -> str:
    """'mars 2026' ('March 2026') for '2026-03'."""
    year, number = month.split("-")
    return QLocale().toString(QDate(int(year), int(number), 1), "MMMM yyyy")


def short_month(month: str) -> str:
    """'janv.' ('Jan') for '2026-01': the locale's own short month name."""
    return QLocale().monthName(int(month.split("-")[1]), QLocale.FormatType.ShortFormat)


def number_words(value: float) -> str:
    """'12,5' ('12.5'), '3' : at most one decimal, the locale's decimal sign."""
    if isinstance(value, float) and value != int(value):
        return QLocale().toString(round(value, 1), "f", 1)
    return QLocale().toString(int(value))


def parse_date(text: str) -> date | None:
    """'27/11/2026' (or 27-11-2026, 27.11.2026, 2026-11-27) → the date; '' → None.
    ValueError when it is not a date."""
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    parts = text.replace("-", "/").replace(".", "/").split("/")
    day, month, year = map(int, parts)  # ValueError when it is not three numbers
    return date(year, month, day)


def module_label(module_id: str | None) -> str:
    """The module's title from the lesson library; for a module not installed here,
    its id in words ('la-tablette' → 'La tablette')."""
    if not module_id:
        return ""
    if (found := modules.title(module_id)) is not None:
        return found
    words = module_id.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def moment_words(moment: str | None, now: datetime | None = None) -> str:
    """When something happened, from an ISO time, in local time: 'aujourd'hui à 14:32',
    'hier à 09:05', 'le mardi 3 mars à 10:00' (the year when it is not this one);
    'jamais' for none."""
    if not moment:
        return _("jamais")
    when = datetime.fromisoformat(moment).astimezone()
    now = (now or datetime.now()).astimezone()
    time = when.strftime("%H:%M")
    if when.date() == now.date():
        return _("aujourd'hui à {time}").format(time=time)
    if when.date() == now.date() - timedelta(days=1):
        return _("hier à {time}").format(time=time)
    day = long_date(when.date(), year=when.year != now.year, capital=False)
    return _("le {day} à {time}").format(day=day, time=time)
