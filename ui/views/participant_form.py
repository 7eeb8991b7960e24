"""Add or edit a person: the minimal fields, nothing more (GDPR).

The form stays open with what was typed until the worker has saved; the core's French
message, if any, is shown under the fields.
"""

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from atelier.i18n import _
from atelier import people
from atelier.people import Participant
from atelier.vocabulary import shown_labels
from ui.theme import current_palette, px
from ui.widgets.buttons import big_button
from ui.widgets.check import BigCheckBox
from ui.widgets.choice import BigChoice
from ui.widgets.form_dialog import FormDialog
from ui.words import parse_date, short_date


class ParticipantForm(FormDialog):
    saved = Signal(object)  # the Participant as stored
    existing_chosen = Signal(object)  # a new person turned out to be known: this Participant instead
    merge_requested = Signal(object)  # « Fusionner… » on a record: merge another one into this Participant

    def __init__(self, ops, person: Participant | None = None, today: date | None = None,
                 save=None, parent: QWidget | None = None, use_text: str = ""):
        """``use_text``: for a new person, the words of the button that uses a record
        already known instead ('Ajouter {name} au groupe'); without it, no such offer."""
        title = _("Modifier la fiche") if person else _("Nouvelle personne")
        super().__init__(title, parent=parent)
        self.ops = ops
        self.person = person
        self.today = today or date.today()
        self._save = save or (people.update if person else people.add)
        empty = _("Non renseigné")

        self.first_name = self.add_row(_("Prénom"), QLineEdit())
        self.last_name = self.add_row(_("Nom"), QLineEdit())
        self.phone = self.add_row(_("Téléphone (facultatif)"), QLineEdit())
        self.email = self.add_row(_("E-mail (facultatif)"), QLineEdit())
        self.birth_year = self.add_row(_("Année de naissance"), QLineEdit())
        self.birth_year.setPlaceholderText(_("par exemple 1950"))
        self.birth_year.setMaxLength(4)
        self.age_bracket = self.add_row(
            _("ou tranche d'âge"), BigChoice(list(shown_labels("age_brackets").items()), empty),
            _("Tranche d'âge, si l'année de naissance n'est pas connue"),
        )
        self.gender = self.add_row(_("Genre"), BigChoice(list(shown_labels("gender").items()), empty))
        self.social_status = self.add_row(
            _("Situation"), BigChoice(list(shown_labels("social_status").items()), empty), _("Statut social"),
        )
        self.consent_today = BigCheckBox(_("Consentement recueilli aujourd'hui"))
        self.form.addRow(self.consent_today)
        self.consent_date = self.add_row(_("Date du consentement"), QLineEdit())
        self.consent_date.setPlaceholderText(_("jj/mm/aaaa"))
        self.notes = self.add_row(_("Notes"), QPlainTextEdit())
        self.notes.setTabChangesFocus(True)  # Tab leaves the notes, as in every other field
        self.notes.setFixedHeight(px(110))
        colours = current_palette()  # the theme styles one-line fields only: outline this one alike
        self.notes.setStyleSheet(
            f"QPlainTextEdit {{ border: 3px solid {colours.border}; border-radius: {px(6)}px;"
            f" background: {colours.card}; padding: {px(4)}px; }}"
            f"QPlainTextEdit:focus {{ border-color: {colours.focus}; }}"
        )

        order = [self.first_name, self.last_name, self.phone, self.email, self.birth_year, self.age_bracket,
                 self.gender, self.social_status, self.consent_today, self.consent_date, self.notes,
                 self.cancel_button, self.save_button]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

        self.known = self.merge_button = None
        if person is not None:  # one person twice: merged from their record
            self.merge_button = big_button(_("Fusionner…"), _(
                "Réunir sur cette fiche une autre fiche de la même personne"), on_click=self._merge)
            self.buttons.insertWidget(0, self.merge_button)
            QWidget.setTabOrder(self.notes, self.merge_button)
            QWidget.setTabOrder(self.merge_button, self.cancel_button)
            use_text = _("Fusionner avec la fiche de {name}")
        if use_text:  # the same name already known: offered before a second record
            from ui.views.known_person import KnownPerson

            self.known = KnownPerson(ops, use_text, self)
            self.known.exclude = person.id if person else None
            self.form.insertRow(2, self.known)  # right under the name, scrolling with the fields
            self.known.chosen.connect(self._use_known)
            for field in (self.first_name, self.last_name):
                field.textChanged.connect(self._look_up)
        self.birth_year.textChanged.connect(self._year_typed)
        self.consent_today.toggled.connect(self._consent_ticked)
        self.submitted.connect(self.submit)
        if person:
            self._fill(person)  # its namesakes show at once (the name fields change)
        self.initial_focus = self.first_name
        self.fit_to_screen()

    def _fill(self, p: Participant) -> None:
        self.first_name.setText(p.first_name)
        self.last_name.setText(p.last_name)
        self.phone.setText(p.phone or "")
        self.email.setText(p.email or "")
        self.birth_year.setText(str(p.birth_year) if p.birth_year else "")
        self.age_bracket.set_key(p.age_bracket)
        self.gender.set_key(p.gender)
        self.social_status.set_key(p.social_status)
        self.consent_date.setText(short_date(p.consent_date))
        self.notes.setPlainText(p.notes)

    def _look_up(self) -> None:
        self.known.look_up(self.first_name.text(), self.last_name.text())
        if self.person is None:
            text = _("Créer une autre fiche") if self.known.matches else _("Enregistrer")
            self.save_button.setText(text)
            self.save_button.setAccessibleName(text)
        if self.known.matches:
            chain = [self.last_name, *self.known.buttons, self.phone]  # in the order they are shown
            for before, after in zip(chain, chain[1:]):
                QWidget.setTabOrder(before, after)
            self.fit_to_screen()  # the namesakes' lines may want more room than the fields did

    def _merge(self) -> None:
        self.reject()
        self.merge_requested.emit(self.person)

    def _use_known(self, person: Participant) -> None:
        if self.person is not None:  # a namesake of the record being edited: merge them
            return self._merge()
        self.accept()  # first: whoever opened the form may open another one for that person
        self.existing_chosen.emit(person)

    def _year_typed(self, text: str) -> None:
        # The bracket follows from the year: only one of the two is asked for.
        self.age_bracket.setEnabled(not text.strip())

    def _consent_ticked(self, ticked: bool) -> None:
        if ticked:
            self.consent_date.setText(short_date(self.today))
        self.consent_date.setEnabled(not ticked)

    def collect(self) -> Participant:
        """The person as typed; ValueError (with the field) when a field is unreadable."""
        year_text = self.birth_year.text().strip()
        if year_text and not year_text.isdigit():
            raise FieldError(_("L'année de naissance s'écrit en chiffres, par exemple 1950."), self.birth_year)
        try:
            typed = parse_date(self.consent_date.text())
        except ValueError:
            raise FieldError(_("La date du consentement s'écrit comme 27/11/2026."), self.consent_date) from None
        consent = typed.isoformat() if typed else None
        values = dict(
            first_name=self.first_name.text().strip(),
            last_name=self.last_name.text().strip(),
            phone=self.phone.text().strip() or None,
            email=self.email.text().strip() or None,
            birth_year=int(year_text) if year_text else None,
            age_bracket=None if year_text else self.age_bracket.key(),
            gender=self.gender.key(),
            social_status=self.social_status.key(),
            consent_date=consent,
            notes=self.notes.toPlainText().strip(),
        )
        return replace(self.person, **values) if self.person else Participant(**values)

    def submit(self) -> None:
        self.clear_error()
        try:
            person = self.collect()
        except FieldError as error:
            self.show_error(str(error), error.field)
            return
        self.set_busy(True)
        self.ops.run(self._save, person, on_done=self._saved, on_error=self._failed, parent=self)

    def _saved(self, person: Participant) -> None:
        self.saved.emit(person)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, ValueError):
            self.show_error(_("La fiche n'a pas pu être enregistrée. Rien n'a été perdu : réessayez."))
            return
        text = str(error)
        field = self.birth_year if "année" in text else self.first_name if "prénom" in text else None
        self.show_error(text, field)


class FieldError(ValueError):
    def __init__(self, message: str, field: QWidget):
        super().__init__(message)
        self.field = field
