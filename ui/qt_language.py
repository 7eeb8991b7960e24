"""The program's language in Qt: its locale (dates, numbers), its own words (file,
print and message dialogs: ``ui.qt_words``) and Atelier's catalogue, changed while the
program runs.

Qt's own words are put in when the language is set, except at the program's start:
nothing of Qt's own making is on the main window's first frame, so they come just after
it (``put_off_qt_words``, ``qt_words_now``), or before any dialog asked sooner.
"""

from PySide6.QtCore import QCoreApplication, QLocale

from atelier import i18n

LOCALES = {"fr": (QLocale.Language.French, QLocale.Country.France),
           "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom)}  # day/month/year, as in France
_later = False  # see put_off_qt_words


def install_qt_translations(app: QCoreApplication, language: str | None = None) -> bool:
    """Speak ``language`` (the current one by default) everywhere: Atelier's catalogue,
    Qt's locale for dates and numbers, Qt's own catalogue and the words it lacks. True
    when Qt's catalogue was found (or not needed: Qt speaks English already; or put off).

    Done once per application and language (tests make applications many times over);
    a new language replaces the translators of the old one."""
    language = i18n.use_language(language or i18n.current_language())
    if app.property("atelier_qt_language") == language:
        return True
    QLocale.setDefault(QLocale(*LOCALES[language]))
    if _later:
        return True  # with qt_words_now()
    from ui.qt_words import install  # Qt's translators: 1 ms to load

    return install(app, language)


def put_off_qt_words() -> None:
    """The program's start: Qt's own words wait for ``qt_words_now`` (the language and its
    dates are set as usual). Loading them cost the main window's first frame 1 ms."""
    global _later
    _later = True


def qt_words_now(app: QCoreApplication) -> None:
    """Qt's own words in the current language, if they were put off: the main window's
    first frame is painted, or a dialog is about to show."""
    global _later
    if _later:
        _later = False
        install_qt_translations(app)
