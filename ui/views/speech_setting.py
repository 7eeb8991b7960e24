"""Réglages, reading aloud: the speed, the voice, « Tester la voix », and, when the
computer cannot read aloud, why (the « Écouter » buttons are hidden then).

The voices are the engine's for the UI language; the engine is asked only once someone
presses « Écouter » or « Tester la voix », never when this page opens. Both choices are
kept for this installation through ``ops.run`` and applied at once.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from atelier import settings
from atelier.i18n import N_, _
from ui.speech import Status, installed, speech_service, use_settings
from ui.theme import px
from ui.views.look_setting import section
from ui.widgets.buttons import big_button
from ui.widgets.flow_layout import FlowLayout
from ui.widgets.wheel_guard import guard_wheel

RATE_NAMES = {-0.5: N_("Très lente"), -0.25: N_("Lente"), 0.0: N_("Normale"), 0.25: N_("Rapide")}
SYSTEM_VOICE = ""  # the combo box's first entry: the system's own voice for the language


class SpeechSetting(QWidget):
    def __init__(self, ops, parent: QWidget | None = None):
        super().__init__(parent)
        self.ops = ops
        self.speech = speech_service()
        use_settings(ops)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(px(6))
        section(column, _("Lecture à voix haute"))
        self.status = QLabel()
        self.status.setWordWrap(True)
        column.addWidget(self.status)

        self.rate_title = QLabel(_("Vitesse de la voix"))
        self.slower = big_button(_("Plus lente"), name=_("Voix plus lente"), on_click=lambda: self.step_rate(-1))
        self.rate_label = QLabel()
        self.rate_label.setObjectName("section")
        self.rate_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.faster = big_button(_("Plus rapide"), name=_("Voix plus rapide"), on_click=lambda: self.step_rate(+1))
        row = FlowLayout(spacing=px(12))
        for widget in (self.slower, self.rate_label, self.faster):
            row.addWidget(widget)
        column.addSpacing(px(4))
        column.addWidget(self.rate_title)
        column.addLayout(row)

        self.voice_title = QLabel(_("Voix"))
        self.voice = QComboBox()
        self.voice.setAccessibleName(_("Voix"))
        self.voice_title.setBuddy(self.voice)
        self.voice.activated.connect(self.choose_voice)
        guard_wheel(self.voice)  # the page's wheel scrolls the page, never the voice
        self.voice_hint = QLabel(_("Les voix de l'ordinateur s'affichent après un premier essai."))
        self.voice_hint.setObjectName("muted")
        self.voice_hint.setWordWrap(True)
        self.test_button = big_button(_("Tester la voix"), name=_("Tester la voix"), on_click=self.test_voice)
        column.addSpacing(px(4))
        column.addWidget(self.voice_title)
        column.addWidget(self.voice)
        column.addWidget(self.voice_hint)
        column.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.rate, self.chosen_voice = ops.read(settings.speech_preferences)
        self.speech.configure(self.rate, self.chosen_voice)
        self.speech.changed.connect(self.refresh)
        self.refresh()

    def controls(self) -> list[QWidget]:
        """In reading order, for the page's Tab chain."""
        return [self.slower, self.faster, self.voice, self.test_button]

    # --- reading -----------------------------------------------------------------------

    def refresh(self) -> None:
        speech = self.speech
        usable = speech.usable()
        if not usable:
            self.status.setText(speech.reason())
        elif speech.status is Status.PROBING:
            self.status.setText(_("Atelier cherche la voix de l'ordinateur…"))
        else:
            self.status.setText(_("Le bouton « Écouter » lit les consignes à voix haute."))
        self.status.setAccessibleName(self.status.text())
        for widget in (self.rate_title, self.slower, self.rate_label, self.faster, self.voice_title, self.voice):
            widget.setEnabled(usable)
        self.voice_hint.setVisible(usable and speech.status is not Status.READY)
        self.test_button.setVisible(installed())  # after a failure, it tries again
        self.test_button.setText(_("Arrêter") if speech.speaking(self.test_button) else _("Tester la voix"))
        self._show_rate()
        self._fill_voices()

    def _show_rate(self) -> None:
        text = _(RATE_NAMES[self.rate])
        self.rate_label.setText(text)
        self.rate_label.setAccessibleName(_("Vitesse de la voix : {speed}").format(speed=text))
        rates = settings.SPEECH_RATES
        self.slower.setEnabled(self.speech.usable() and self.rate > rates[0])
        self.faster.setEnabled(self.speech.usable() and self.rate < rates[-1])

    def _fill_voices(self) -> None:
        names = [SYSTEM_VOICE, *self.speech.voices]
        if self.chosen_voice not in names:
            names.append(self.chosen_voice)  # kept, though this engine does not list it now
        if [self.voice.itemData(i) for i in range(self.voice.count())] != names:
            self.voice.clear()
            for name in names:
                self.voice.addItem(name or _("La voix de l'ordinateur"), name)
        self.voice.setCurrentIndex(max(0, self.voice.findData(self.chosen_voice)))

    # --- writing -----------------------------------------------------------------------

    def step_rate(self, direction: int) -> None:
        rates = settings.SPEECH_RATES
        at = rates.index(self.rate) + direction
        if 0 <= at < len(rates):
            self.rate = rates[at]
            self.speech.configure(self.rate, self.chosen_voice)
            self._show_rate()
            self.ops.run(settings.set_speech_rate, self.rate, parent=self)

    def choose_voice(self, index: int) -> None:
        self.chosen_voice = self.voice.itemData(index) or SYSTEM_VOICE
        self.speech.configure(self.rate, self.chosen_voice)
        self.ops.run(settings.set_speech_voice, self.chosen_voice, parent=self)

    def test_voice(self) -> None:
        if self.speech.speaking(self.test_button):
            self.speech.stop()
            return
        self.speech.retry()
        self.speech.say(_("Bonjour ! Voici la voix qui lit les consignes d'Atelier."), owner=self.test_button)
