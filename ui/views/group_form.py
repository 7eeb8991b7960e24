"""Create or edit a group (a workshop series): name, place, usual day and times."""

from dataclasses import replace

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget

from atelier.i18n import _
from atelier import groups
from atelier.groups import Group
from ui.widgets.choice import BigChoice
from ui.widgets.form_dialog import FormDialog
from ui.words import day_name


def normalise_time(text: str) -> str | None:
    """'14h' → '14:00', '9h30' → '09:30'; anything else is left for the core to judge."""
    text = text.strip().lower().replace(" ", "")
    if not text:
        return None
    if "h" in text and ":" not in text:
        hours, _h, minutes = text.partition("h")
        text = f"{hours}:{minutes or '00'}"
    hours, sep, minutes = text.partition(":")
    if sep and hours.isdigit() and minutes.isdigit() and len(hours) == 1:
        text = f"0{hours}:{minutes}"
    return text


class GroupForm(FormDialog):
    saved = Signal(object)  # the Group as stored

    def __init__(self, ops, group: Group | None = None, parent: QWidget | None = None):
        super().__init__(_("Modifier le groupe") if group else _("Nouveau groupe"), parent=parent)
        self.ops = ops
        self.group = group
        self.name = self.add_row(_("Nom du groupe"), QLineEdit())
        self.name.setPlaceholderText(_("par exemple : Débutants du mardi"))
        self.place = self.add_row(_("Lieu"), QLineEdit())
        days = [(n, day_name(n).capitalize()) for n in range(7)]
        self.weekday = self.add_row(_("Jour habituel"), BigChoice(days, _("Non renseigné")))
        self.start_time = self.add_row(_("Heure de début"), QLineEdit())
        self.end_time = self.add_row(_("Heure de fin"), QLineEdit())
        for field, example in ((self.start_time, "14:00"), (self.end_time, "16:00")):
            field.setPlaceholderText(_("par exemple {time}").format(time=example))
            field.setMaxLength(5)
        order = [self.name, self.place, self.weekday, self.start_time, self.end_time,
                 self.cancel_button, self.save_button]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)
        if group:
            self.name.setText(group.name)
            self.place.setText(group.place)
            self.weekday.set_key(group.weekday)
            self.start_time.setText(group.start_time or "")
            self.end_time.setText(group.end_time or "")
        self.submitted.connect(self.submit)
        self.initial_focus = self.name
        self.fit_to_screen()

    def collect(self) -> Group:
        values = dict(
            name=self.name.text().strip(),
            place=self.place.text().strip(),
            weekday=self.weekday.key(),
            start_time=normalise_time(self.start_time.text()),
            end_time=normalise_time(self.end_time.text()),
        )
        return replace(self.group, **values) if self.group else Group(**values)

    def submit(self) -> None:
        self.clear_error()
        self.set_busy(True)
        save = groups.update if self.group else groups.add
        self.ops.run(save, self.collect(),
                     on_done=self._saved, on_error=self._failed, parent=self)

    def _saved(self, group: Group) -> None:
        self.saved.emit(group)
        self.accept()

    def _failed(self, error: Exception) -> None:
        if not isinstance(error, ValueError):
            self.show_error(_("Le groupe n'a pas pu être enregistré. Rien n'a été perdu : réessayez."))
            return
        text = str(error)
        field = None
        if "nom" in text:
            field = self.name
        elif "Heure" in text or "heure" in text:
            bad_end = self.end_time.text().strip() and self.end_time.text().strip() in text or "fin" in text
            field = self.end_time if bad_end else self.start_time
        self.show_error(text, field)
