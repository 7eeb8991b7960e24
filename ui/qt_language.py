"""Qt's own words (its file, print and message dialogs) in the program's language.

Qt ships its translations (``qtbase_fr.qm``); a few of its words are missing from the
French one (« Look in: » in the file dialog, « Page Set: » in the print dialog). They
are given here, so that no English word shows in a dialog Atelier opens.
"""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

LANGUAGE = "fr"  # Atelier's language (an English catalogue would add "en")

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


def install_qt_translations(app: QCoreApplication, language: str = LANGUAGE) -> bool:
    """Qt's catalogue for ``language`` and the words it lacks; True when Qt's was found.

    Done once per application (tests make it many times over)."""
    if app.property("atelier_qt_language") == language:
        return True
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.France) if language == "fr"
                       else QLocale(language))
    if language == "fr":  # installed first: Qt asks the last installed catalogue first
        app.installTranslator(MissingWords(MISSING_FRENCH, app))
    catalogue = QTranslator(app)
    found = catalogue.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    if found:
        app.installTranslator(catalogue)
    app.setProperty("atelier_qt_language", language)
    return found
