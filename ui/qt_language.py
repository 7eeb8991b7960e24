"""The program's language in Qt: its locale (dates, numbers), its own words (file,
print and message dialogs) and Atelier's catalogue, changed while the program runs.

Qt ships its translations (``qtbase_fr.qm``); a few of its words are missing from the
French one (« Look in: » in the file dialog, « Page Set: » in the print dialog). They
are given here, so that no English word shows in a dialog Atelier opens.
"""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from shiboken6 import isValid

from atelier import i18n

# (Qt's context, Qt's English words): French, for the words qtbase_fr.qm lacks.
MISSING_FRENCH = {
    ("QFileDialog", "&Look in:"): "&Regarder dans :",
    ("QFileDialog", "Look in:"): "Regarder dans :",
    ("QFileDialog", "Files of &type:"): "&Type de fichier :",
    ("QFileDialog", "Files of type:"): "Type de fichier :",
    ("QPrintSettingsOutput", "Page &Set:"): "&Pages :",
    ("QAbstractFileIconProvider", "Folder"): "Dossier",
    ("QAbstractFileIconProvider", "Drive"): "Lecteur",
}


class MissingWords(QTranslator):
    """Answers only for the words Qt's own catalogue lacks; Qt asks it after that one."""

    def __init__(self, words: dict[tuple[str, str], str], parent=None):
        super().__init__(parent)
        self.words = words

    def translate(self, context: str, source: str, disambiguation=None, n: int = -1) -> str | None:
        return self.words.get((context, source))  # None: not here (an empty text would be taken as said)

    def isEmpty(self) -> bool:
        return False


_installed: list[QTranslator] = []  # the translators this module put in, to take out again
LOCALES = {"fr": (QLocale.Language.French, QLocale.Country.France),
           "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom)}  # day/month/year, as in France


def install_qt_translations(app: QCoreApplication, language: str | None = None) -> bool:
    """Speak ``language`` (the current one by default) everywhere: Atelier's catalogue,
    Qt's locale for dates and numbers, Qt's own catalogue and the words it lacks. True
    when Qt's catalogue was found (or not needed: Qt speaks English already).

    Done once per application and language (tests make applications many times over);
    a new language replaces the translators of the old one."""
    language = i18n.use_language(language or i18n.current_language())
    if app.property("atelier_qt_language") == language:
        return True
    for old in _installed:  # not app.findChildren(): it wraps every child of the application, 5 ms
        if isValid(old):
            app.removeTranslator(old)
            old.deleteLater()
    _installed.clear()
    QLocale.setDefault(QLocale(*LOCALES[language]))
    found = language == "en"
    if language == "fr":  # installed first: Qt asks the last installed catalogue first
        _installed.append(MissingWords(MISSING_FRENCH, app))
        app.installTranslator(_installed[-1])
        catalogue = QTranslator(app)
        _installed.append(catalogue)
        found = catalogue.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        if found:
            app.installTranslator(catalogue)
    app.setProperty("atelier_qt_language", language)
    return found
