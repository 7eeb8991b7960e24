"""Merge two records of one person: choose the other record, read what moves, confirm.

The record chosen in the participants' list is kept; the records with the same name
come first in the list of the others. The merge itself is one transaction
(``atelier.merge``); the question before it says what the other record brings, and
that it cannot be taken back.
"""

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QVBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier import duplicates, merge, people
from atelier.merge import MergePreview
from atelier.people import Participant
from ui.models.participants import ParticipantsModel
from ui.theme import px
from ui.widgets.big_list import BigList
from ui.widgets.confirm import ConfirmDialog
from ui.widgets.form_dialog import FormDialog
from ui.widgets.search_field import SearchField
from ui.words import short_date




class OthersModel(ParticipantsModel):
    """The other records, those with the same name said so."""

    namesakes: set[str] = set()

    def subtitle(self, person: Participant) -> str:
        # One line a record, two for a namesake: at 200 % four records stay in sight.
        return _("Même nom") if person.id in self.namesakes else ""


def preview_words(plan: MergePreview) -> str:
    """What the other record brings, and what becomes of it."""
    gone, kept = plan.gone.full_name, plan.kept.full_name
    brings = [plural(plan.sessions, "{n} séance", "{n} séances"),
              plural(plan.results, "{n} résultat d'exercice",
                     "{n} résultats d'exercices"),
              plural(plan.groups, "{n} groupe", "{n} groupes")]
    text = _("La fiche « {gone} » (créée le {created}) apporte : {brings}{notes}. Tout passe sur la "
                          "fiche « {kept} », qui garde ses propres réponses et prend celles qui lui manquent ; "
                          "puis la fiche « {gone} » disparaît. Cela ne peut pas être défait.")
    return text.format(gone=gone, kept=kept, created=short_date(plan.gone.created_at[:10]), brings=", ".join(brings),
                       notes=_(", ses notes") if plan.notes else "")


class MergeDialog(FormDialog):
    def __init__(self, ops, kept: Participant, parent: QWidget | None = None):
        super().__init__(_("Fusionner avec {name}").format(name=kept.full_name),
                         save_text=_("Fusionner…"), parent=parent)
        self.ops, self.kept = ops, kept
        self.question: ConfirmDialog | None = None
        self.save_button.setDefault(False)  # Enter in the search field merges nothing
        self.save_button.setAccessibleName(_("Fusionner la fiche choisie avec celle de {name}").format(
            name=kept.full_name))
        self.search = SearchField(_("Rechercher un nom…"), _("Rechercher l'autre fiche"))
        self.model = OthersModel(parent=self)
        self.model.namesakes = {p.id for p in ops.read(duplicates.matching, kept.first_name, kept.last_name, kept.id)}
        self.list = BigList(_("Les autres fiches"))
        self.list.setModel(self.model)
        self.list.setMinimumHeight(px(120))
        inner = QVBoxLayout()
        inner.setContentsMargins(0, 0, 0, 0)
        inner.setSpacing(px(10))
        for widget in (self.search, self.list):  # what moves is said before merging
            inner.addWidget(widget)
        holder = QWidget()
        holder.setLayout(inner)
        self.scroll.hide()  # the list scrolls itself
        self.layout().insertWidget(2, holder, 1)
        for before, after in zip([self.search, self.list, self.cancel_button],
                                 [self.list, self.cancel_button, self.save_button]):
            QWidget.setTabOrder(before, after)
        self.search.searched.connect(lambda _text: self.reload())
        self.list.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self.submitted.connect(self.ask)
        self.reload()
        self.initial_focus = self.list if self.model.namesakes else self.search
        screen = (self.screen() or QGuiApplication.primaryScreen()).availableGeometry()
        self.resize(min(px(760), screen.width() - 40), min(px(680), screen.height() - 40))

    def reload(self) -> None:
        chosen = self.list.current_id()
        others = [p for p in self.ops.read(people.search, self.search.text(), True) if p.id != self.kept.id]
        others.sort(key=lambda p: p.id not in self.model.namesakes)  # the same name first, then by name
        self.model.set_rows(others)
        if not self.list.choose(chosen) and self.model.namesakes and others and others[0].id in self.model.namesakes:
            self.list.choose(others[0].id)
        self._update()

    def _update(self) -> None:
        self.save_button.setEnabled(self.list.current_id() is not None)

    def ask(self) -> None:
        gone_id = self.list.current_id()
        if gone_id is None:
            return
        plan = self.ops.read(merge.preview, self.kept.id, gone_id)
        self.question = ConfirmDialog(_("Fusionner ces deux fiches ?"), preview_words(plan),
                                      _("Fusionner les deux fiches"), _("Non, ne rien changer"),
                                      danger=True, parent=self)
        self.question.setObjectName("confirmMerge")
        self.question.accepted.connect(lambda: self.merge(gone_id))
        self.question.open()

    def merge(self, gone_id: str) -> None:
        self.set_busy(True)
        self.ops.run(merge.merge, self.kept.id, gone_id, on_done=lambda _person: self.accept(),
                     on_error=lambda error: self.show_error(str(error)), parent=self)
