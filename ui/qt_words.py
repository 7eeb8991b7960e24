"""Qt's own words in the program's language: its dialogs', menus' and standard buttons'
(« Annuler », « Regarder dans : »), from the catalogue Qt ships (``qtbase_fr.qm``).

A few of its words are missing from the French one (« Look in: » in the file dialog,
« Page Set: » in the print dialog). They are given here, so that no English word shows
in a dialog Atelier opens. ``ui.qt_language`` decides when these are put in.
"""

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator
from shiboken6 import isValid

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


def install(app: QCoreApplication, language: str) -> bool:
    """Qt speaks ``language``: the translators of the one before taken out, this one's put
    in. True when Qt's catalogue was found (or not needed: Qt speaks English already)."""
    for old in _installed:  # not app.findChildren(): it wraps every child of the application, 5 ms
        if isValid(old):
            app.removeTranslator(old)
            old.deleteLater()
    _installed.clear()
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
