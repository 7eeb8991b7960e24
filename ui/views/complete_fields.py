"""Complete the funders' fields in one go: for each person who lacks some, a choice for
each field still empty (age bracket, gender, situation), saved all at once. The wheel
over a choice not being edited scrolls the list (BigChoice guards it)."""

from PySide6.QtWidgets import QLabel, QWidget

from atelier.i18n import _
from atelier import funder_fields
from atelier.people import Participant
from atelier.vocabulary import shown_labels
from ui.widgets.choice import BigChoice
from ui.widgets.form_dialog import FormDialog


class CompleteFieldsDialog(FormDialog):
    def __init__(self, ops, everyone: list[Participant], parent: QWidget | None = None):
        super().__init__(_("Compléter les fiches pour le bilan"), parent=parent)
        self.ops = ops
        self.choices: dict[tuple[str, str], BigChoice] = {}  # (person id, field) → its choice
        hint = QLabel(_("Choisissez ce que vous savez ; « Non communiqué » si la personne préfère ne pas "
                              "le dire. Ce qui reste « À compléter » ne change pas."))
        hint.setWordWrap(True)
        self.form.addRow(hint)
        sections = {funder_fields.AGE: ("age_brackets", _("Tranche d'âge")),
                    funder_fields.GENDER: ("gender", _("Genre")),
                    funder_fields.STATUS: ("social_status", _("Situation"))}
        order: list[QWidget] = []
        for person in everyone:
            name = QLabel(person.full_name)
            name.setObjectName("cardTitle")
            self.form.addRow(name)
            for field in funder_fields.lacking(person):
                section, words = sections[field]
                choice = BigChoice(list(shown_labels(section).items()), _("À compléter"))
                self.add_row(words, choice, _("{field} de {name}").format(field=words, name=person.full_name))
                self.choices[(person.id, field)] = choice
                order.append(choice)
        for before, after in zip(order + [self.cancel_button], order[1:] + [self.cancel_button, self.save_button]):
            QWidget.setTabOrder(before, after)
        self.initial_focus = order[0] if order else self.cancel_button
        self.submitted.connect(self.submit)
        self.fit_to_screen()

    def answers(self) -> dict[str, dict[str, str]]:
        chosen: dict[str, dict[str, str]] = {}
        for (person_id, field), choice in self.choices.items():
            if choice.key() is not None:
                chosen.setdefault(person_id, {})[field] = choice.key()
        return chosen

    def submit(self) -> None:
        answers = self.answers()
        if not answers:
            self.accept()
            return
        self.set_busy(True)
        self.ops.run(funder_fields.complete, answers, on_done=lambda _n: self.accept(),
                     on_error=lambda error: self.show_error(str(error)), parent=self)
