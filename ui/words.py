"""Words that several screens say alike: dates, day names, plurals, module labels.

Dates are written out here rather than taken from the system locale: donated PCs are
often set to English, and the program must read the same everywhere. One parser reads
what a facilitator types ("27/11/2026"), one formatter writes a date in words and one
in figures, for the screens and the printed documents alike.
"""

from datetime import date, datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ui import modules

DAYS = (
    QT_TRANSLATE_NOOP("FrenchDate", "lundi"),
    QT_TRANSLATE_NOOP("FrenchDate", "mardi"),
    QT_TRANSLATE_NOOP("FrenchDate", "mercredi"),
    QT_TRANSLATE_NOOP("FrenchDate", "jeudi"),
    QT_TRANSLATE_NOOP("FrenchDate", "vendredi"),
    QT_TRANSLATE_NOOP("FrenchDate", "samedi"),
    QT_TRANSLATE_NOOP("FrenchDate", "dimanche"),
)
MONTHS = (
    QT_TRANSLATE_NOOP("FrenchDate", "janvier"),
    QT_TRANSLATE_NOOP("FrenchDate", "février"),
    QT_TRANSLATE_NOOP("FrenchDate", "mars"),
    QT_TRANSLATE_NOOP("FrenchDate", "avril"),
    QT_TRANSLATE_NOOP("FrenchDate", "mai"),
    QT_TRANSLATE_NOOP("FrenchDate", "juin"),
    QT_TRANSLATE_NOOP("FrenchDate", "juillet"),
    QT_TRANSLATE_NOOP("FrenchDate", "août"),
    QT_TRANSLATE_NOOP("FrenchDate", "septembre"),
    QT_TRANSLATE_NOOP("FrenchDate", "octobre"),
    QT_TRANSLATE_NOOP("FrenchDate", "novembre"),
    QT_TRANSLATE_NOOP("FrenchDate", "décembre"),
)
SHORT_DATE_FORMAT = "dd/MM/yyyy"  # a date field shows what short_date writes


def _t(text: str) -> str:
    return QCoreApplication.translate("FrenchDate", text)


def day_name(weekday: int) -> str:
    """'mardi' for 1 (Monday is 0, as in ``date.weekday()``)."""
    return _t(DAYS[weekday])


def french_date(day: date | str, year: bool = True, capital: bool = True) -> str:
    """'Vendredi 27 novembre 2026', 'Dimanche 1er novembre 2026', from a date or its
    ISO text; in a sentence, without the capital: 'vendredi 27 novembre 2026'."""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    number = _t("1er") if day.day == 1 else str(day.day)
    weekday = day_name(day.weekday())
    if capital:
        weekday = weekday[:1].upper() + weekday[1:]
    text = f"{weekday} {number} {_t(MONTHS[day.month - 1])}"
    return f"{text} {day.year}" if year else text


def short_date(day: date | str | None) -> str:
    """'27/11/2026', from a date or its ISO text; '' for none."""
    if not day:
        return ""
    if isinstance(day, str):
        day = date.fromisoformat(day)
    return day.strftime("%d/%m/%Y")


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


def plural(n: int, one: str, many: str, context: str = "", **values) -> str:
    """``one`` or ``many`` filled with ``n`` (and ``values``): French puts 0 and 1 in
    the singular ('0 absent', '1 excusé', '2 présents'). With a ``context``, the chosen
    words are translated in it; otherwise they come already translated."""
    text = one if abs(n) <= 1 else many
    if context:
        text = QCoreApplication.translate(context, text)
    return text.format(n=n, **values)


def module_label(module_id: str | None) -> str:
    """The module's title from the lesson library; for a module not installed here,
    its id in words ('la-tablette' → 'La tablette')."""
    if not module_id:
        return ""
    if (found := modules.title(module_id)) is not None:
        return found
    words = module_id.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def month_words(month: str) -> str:
    """'mars 2026' for '2026-03'."""
    year, number = month.split("-")
    return f"{_t(MONTHS[int(number) - 1])} {year}"


def moment_words(moment: str | None, now: datetime | None = None) -> str:
    """When something happened, from an ISO time, in local time: 'aujourd'hui à 14:32',
    'hier à 09:05', 'le mardi 3 mars à 10:00' (the year when it is not this one);
    'jamais' for none."""
    if not moment:
        return _t("jamais")
    when = datetime.fromisoformat(moment).astimezone()
    now = (now or datetime.now()).astimezone()
    time = when.strftime("%H:%M")
    if when.date() == now.date():
        return _t("aujourd'hui à {time}").format(time=time)
    if when.date() == now.date() - timedelta(days=1):
        return _t("hier à {time}").format(time=time)
    day = french_date(when.date(), year=when.year != now.year, capital=False)
    return _t("le {day} à {time}").format(day=day, time=time)
