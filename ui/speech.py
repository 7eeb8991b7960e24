"""Reading aloud: the program's one speech service, over Qt's QTextToSpeech.

QtTextToSpeech comes with PySide6-Addons (the optional extra ``voix``): without it,
``installed()`` is False and no « Écouter » button shows. Nothing happens at start-up:
the first « Écouter » asks the engine, in a process of its own (``ui.speech_probe``),
which voices it has for the UI language, and gives up after ``limit_ms``; only once it
has answered is the engine created here. When no engine or no voice answers, every
« Écouter » hides itself and ``reason`` says why (Réglages shows it).

One text at a time: a new one stops the one being read, and ``stop()`` (« Arrêter »)
stops it. ``owner`` is the button whose text is being read, so that it alone shows
« Arrêter ».
"""

import importlib.util
import json
from enum import Enum

from PySide6.QtCore import QLocale, QObject, QProcess, QTimer, Signal
from PySide6.QtWidgets import QApplication

from atelier import i18n, settings
from atelier.i18n import N_, _
from ui import speech_probe

LIMIT_MS = 6000  # a slow old PC starts speech-dispatcher in 1–2 s; a stuck one never answers


class Status(Enum):
    UNTRIED = "untried"  # nothing asked yet: the buttons show, no engine exists
    PROBING = "probing"  # the probe runs; the text asked for waits for it
    READY = "ready"  # an engine with a voice in the UI language
    UNAVAILABLE = "unavailable"  # no extra, no engine, no voice: the buttons hide


NO_EXTRA = N_("La lecture à voix haute n'est pas installée sur cet ordinateur.")
NO_ANSWER = N_("La voix de l'ordinateur ne répond pas : la lecture à voix haute est arrêtée.")
NO_ENGINE = N_("Aucune voix n'est installée sur cet ordinateur.")
NO_VOICE = N_("L'ordinateur n'a pas de voix dans la langue d'Atelier.")


def installed() -> bool:
    """Is QtTextToSpeech there? Looked for, never imported: importing it costs start-up."""
    try:
        return importlib.util.find_spec("PySide6.QtTextToSpeech") is not None
    except (ImportError, ValueError):
        return False


def speech_language() -> str:
    """The UI language, read from atelier.i18n when it tells one; French until then."""
    current = getattr(i18n, "current_language", None)
    return current() if callable(current) else "fr"


class Speech(QObject):
    changed = Signal()  # the status, or who is speaking, changed

    def __init__(self, parent: QObject | None = None, engine: str = "", language=speech_language,
                 limit_ms: int = LIMIT_MS):
        super().__init__(parent)
        self.setObjectName("atelierSpeech")
        self.engine_name, self.language, self.limit_ms = engine, language, limit_ms
        self.status = Status.UNTRIED if installed() else Status.UNAVAILABLE
        self._reason = "" if installed() else NO_EXTRA
        self.voices: list[str] = []  # the engine's voices for the language, once asked
        self.engine = None  # QTextToSpeech, made once the probe has answered
        self.owner: QObject | None = None  # whose text is being read
        self.rate, self.voice = 0.0, ""
        self.preferences = None  # () -> (rate, voice), read from the settings when the engine is made
        self._pending: tuple[str, QObject | None] | None = None
        self._process: QProcess | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._no_answer)

    # --- what the screens ask -------------------------------------------------------------

    def usable(self) -> bool:
        """Show the « Écouter » buttons? (Not yet tried counts: the first press tries.)"""
        return self.status is not Status.UNAVAILABLE

    def reason(self) -> str:
        """Why reading aloud is off, in a short sentence; "" while it is not."""
        return _(self._reason) if self._reason else ""

    def speaking(self, owner: QObject | None = None) -> bool:
        return self.owner is not None and (owner is None or self.owner is owner)

    def say(self, text: str, owner: QObject | None = None) -> None:
        """Read ``text`` aloud, after stopping whatever is being read."""
        text = " ".join(text.split())
        if not text or self.status is Status.UNAVAILABLE:
            return
        self.stop()
        if self.status is not Status.READY:
            self._pending = (text, owner)
            self._set_owner(owner)
            self._probe()
            return
        self._set_owner(owner)
        self.engine.say(text)

    def stop(self) -> None:
        self._pending = None
        if self.engine is not None:
            self.engine.stop()
        self._set_owner(None)

    def configure(self, rate: float, voice: str) -> None:
        """The speed and the voice chosen in Réglages (applied now if the engine exists)."""
        self.rate, self.voice = rate, voice
        if self.engine is not None:
            self._apply_preferences()

    def retry(self) -> None:
        """Réglages' « Tester la voix » after a failure: ask the engine again."""
        if self.status is Status.UNAVAILABLE and installed():
            self.status, self._reason = Status.UNTRIED, ""
            self.changed.emit()

    # --- the probe, then the engine --------------------------------------------------------

    def _probe(self) -> None:
        if self._process is not None:
            return  # already asked: the pending text waits for the same answer
        self.status = Status.PROBING
        program, *arguments = speech_probe.command(self.engine_name, self.language())
        process = QProcess(self)
        process.setProgram(program)
        process.setArguments(arguments)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.finished.connect(lambda *_args: self._answered(process))
        process.errorOccurred.connect(lambda error: self._failed(process, error))
        self._process = process
        self._deadline.start(self.limit_ms)
        process.start()
        self.changed.emit()

    def _answered(self, process: QProcess) -> None:
        if process is not self._process:
            return
        self._deadline.stop()
        self._process = None
        process.deleteLater()
        try:
            answer = json.loads(bytes(process.readAllStandardOutput()).decode("utf-8").strip().splitlines()[-1])
        except (ValueError, IndexError):
            answer = {"voices": [], "error": "no answer"}
        if answer.get("error"):
            self._give_up(NO_ENGINE)
        elif not answer.get("voices"):
            self._give_up(NO_VOICE)
        else:
            self.voices = list(answer["voices"])
            self._create(answer.get("engine") or self.engine_name)

    def _failed(self, process: QProcess, error) -> None:
        if process is self._process and error == QProcess.ProcessError.FailedToStart:
            self._deadline.stop()
            self._process = None
            process.deleteLater()
            self._give_up(NO_ENGINE)

    def _no_answer(self) -> None:
        process, self._process = self._process, None
        if process is not None:
            process.kill()  # its late answer, if any, is not read
            process.waitForFinished(1000)
            process.deleteLater()
        self._give_up(NO_ANSWER)

    def _give_up(self, reason: str) -> None:
        self.status, self._reason, self._pending = Status.UNAVAILABLE, reason, None
        self._set_owner(None, announce=False)
        self.changed.emit()

    def _create(self, engine_name: str) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech  # here: the module loads only now

        self.engine = QTextToSpeech(engine_name, self)
        if self.engine.state() == QTextToSpeech.State.Error:
            self.engine.deleteLater()
            self.engine = None
            self._give_up(NO_ENGINE)
            return
        self.engine.stateChanged.connect(self._engine_state)
        if self.preferences is not None:
            self.rate, self.voice = self.preferences()
        self._apply_preferences()
        self.status, self._reason = Status.READY, ""
        pending, self._pending = self._pending, None
        self.changed.emit()
        if pending is not None:
            self.say(*pending)

    def _apply_preferences(self) -> None:
        language = QLocale(self.language())
        self.engine.setLocale(language)
        voices = [voice for voice in self.engine.availableVoices() if voice.locale().language() == language.language()]
        chosen = next((voice for voice in voices if voice.name() == self.voice), None)
        if chosen is not None:
            self.engine.setVoice(chosen)
        self.engine.setRate(self.rate)

    def _engine_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error) and self.engine.state() == state:
            self._set_owner(None)  # done reading (or broke off): « Écouter » again

    def _set_owner(self, owner: QObject | None, announce: bool = True) -> None:
        if owner is not self.owner:
            self.owner = owner
            if announce:
                self.changed.emit()


def speech_service() -> Speech:
    """The application's one speech service (made, without an engine, when first asked)."""
    app = QApplication.instance()
    found = app.findChild(Speech, "atelierSpeech")
    return found if found is not None else Speech(app)


def use_settings(ops) -> None:
    """The speech service reads the speed and the voice from this installation's settings
    when it makes its engine (here, not with the Réglages page: the main window sets it
    at start, and the page's widgets need not load for it)."""
    speech_service().preferences = lambda: ops.read(settings.speech_preferences)
