"""How many people lack the funders' fields (age, gender, situation), with « Compléter »:
shown on a group's page and in Documents before a report, hidden when nobody lacks any."""

from PySide6.QtWidgets import QHBoxLayout, QWidget

from atelier.i18n import _, plural
from atelier import funder_fields
from atelier.funder_fields import Gaps
from ui.theme import px
from ui.widgets.buttons import big_button
from ui.widgets.notice import Notice




def gaps_text(gaps: Gaps) -> str:
    """'Âge inconnu : 2 · genre : 1 · situation : 3.'"""
    parts = [(_("âge"), gaps.age), (_("genre"), gaps.gender), (_("situation"), gaps.social_status)]
    missing = " · ".join(_("{label} : {value}").format(label=word, value=n) for word, n in parts if n)
    return _("À compléter — {missing}. Sinon, le bilan les compte « Non communiqué ».").format(missing=missing)


class FunderGaps(Notice):
    def __init__(self, ops, among: tuple[str, str], parent: QWidget | None = None, brief: bool = False):
        """``among``: who is counted, for one person and for several, agreeing with them
        ('venue sur la période', 'venues sur la période'). ``brief``: one line with its
        button beside it, the details said to screen readers and in a tooltip (a group's
        page at 200 % keeps its room for the members)."""
        super().__init__(parent=parent)
        self.ops, self.among, self.brief = ops, among, brief
        self.gaps: Gaps | None = None
        self.dialog = None
        self.complete = big_button(
            _("Compléter"), name=_("Compléter l'âge, le genre et la situation des personnes concernées"),
            on_click=self.open_dialog)
        if brief:
            row = QHBoxLayout()
            row.setSpacing(px(12))
            self.column.removeWidget(self.heading)
            row.addWidget(self.heading, 1)
            row.addWidget(self.complete)
            self.column.insertLayout(0, row)
            self.column.setContentsMargins(0, 0, 0, 0)  # a line of the page, not a framed box: four members stay in sight
            self.setStyleSheet("QFrame#notice { background: transparent; border: none; }")
        else:
            self.add_button(self.complete)
        self.hide()

    def show_gaps(self, gaps: Gaps) -> None:
        self.gaps = gaps
        if not gaps:
            self.hide()
            return
        one, many = self.among
        heading = plural(len(gaps), "{n} personne {among} n'a pas tout ce que demande le bilan",
                         "{n} personnes {among} n'ont pas tout ce que demande le bilan",
                         among=one if len(gaps) <= 1 else many)
        if self.brief:
            short = plural(len(gaps), "{n} fiche à compléter", "{n} fiches à compléter")
            self.say(short)
            self.setAccessibleDescription(f"{heading}. {gaps_text(gaps)}")
            self.setToolTip(f"{heading}.\n{gaps_text(gaps)}")
        else:
            self.say(heading, gaps_text(gaps))
        self.show()

    def open_dialog(self) -> None:
        from ui.views.complete_fields import CompleteFieldsDialog

        if not self.gaps:
            return
        self.dialog = CompleteFieldsDialog(self.ops, self.gaps.people, self)
        self.dialog.finished.connect(lambda _result: setattr(self, "dialog", None))
        self.dialog.open()

    def follow_period(self, screen: QWidget, first, last, group) -> None:
        """Documents (``screen``): count among those who came in the period its date fields
        and group choice say, again at each change of them or of what was recorded."""
        def count() -> None:
            self.show_gaps(self.ops.read(funder_fields.of_period, first.date().toPython(), last.date().toPython(),
                                         group.currentData()))

        first.dateChanged.connect(count)
        last.dateChanged.connect(count)
        group.currentIndexChanged.connect(count)
        self.ops.watch(screen, ("people", "attendance", "sessions"), lambda _c, _i: count())
        count()
