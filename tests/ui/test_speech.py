"""Reading aloud with Qt's own mock engine (it "speaks" word by word on a timer and says
which word it is at): the buttons read what is on screen, « Arrêter » stops, a second
« Écouter » never speaks over the first, no engine is made at start, and an engine that
does not answer in time (a speech-dispatcher that accepts and never replies) hides every
button, Réglages saying why."""

import os
import socket
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from atelier import settings
from atelier.lessons.exercises import check_exercise
from atelier.lessons.pack import Exercise
from ui.practice.exercise_page import InstructionsPage
from ui.practice.kinds import widget_for
from ui.practice.summary import SummaryPage
from ui.speech import NO_ANSWER, Speech, Status, installed, speech_service
from ui.views.settings import SettingsView
from exercise_helpers import shown_exercise

pytestmark = pytest.mark.skipif(not installed(), reason="QtTextToSpeech absent : l'extra « voix » n'est pas installé")
# QtMultimedia, loaded with the first engine, looks for PipeWire; PulseAudio does the work here.
# (The closest marker counts: the offscreen platform's line, ignored for every ui test, is kept.)
quiet_audio = pytest.mark.qt_log_ignore(r"^Couldn't (load|resolve) pipewire",
                                        r"^This plugin does not support propagateSizeHints\(\)")

LEFT = Qt.MouseButton.LeftButton


def fresh_service(**options) -> Speech:
    """The application's speech service, made anew with ``options`` (the old one goes)."""
    app = QApplication.instance()
    while (old := app.findChild(Speech, "atelierSpeech")) is not None:
        old.stop()
        old.setParent(None)
        old.deleteLater()
    return Speech(app, **options)


@pytest.fixture
def speech():
    """Qt's mock engine, in English: its only languages are English, Norwegian, Finnish."""
    service = fresh_service(engine="mock", language=lambda: "en")
    heard: list[str] = []
    service.heard = heard
    service.changed.connect(lambda: service.engine is not None and not hasattr(service.engine, "_heard") and (
        service.engine.sayingWord.connect(lambda word, *_rest: heard.append(word)),
        setattr(service.engine, "_heard", True)))
    yield service
    service.stop()
    fresh_service()  # the next tests get the default service, untried


def words(said: list[str]) -> list[str]:
    """The words, as the mock engine tells them: without the signs between."""
    return [word.strip(".,!?:;") for word in said if word.strip(".,!?:;")]


def in_order(said: list[str], text: list[str]) -> bool:
    """Every word said is the text's next one (the mock passes over some: « à »)."""
    rest = iter(text)
    return all(word in rest for word in said)


def speaking(service: Speech) -> bool:
    from PySide6.QtTextToSpeech import QTextToSpeech

    return service.engine is not None and service.engine.state() == QTextToSpeech.State.Speaking


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


@quiet_audio
def test_the_instructions_are_read_and_arreter_stops(qtbot, speech):
    page = shown(qtbot, InstructionsPage())
    page.show_exercise(Exercise("cible", "click", "Click the target", "Click once on the round target.", {}))
    assert speech.engine is None and speech.status is Status.UNTRIED  # nothing asked yet
    qtbot.mouseClick(page.listen_button, LEFT)
    assert page.listen_button.text() == "Arrêter"  # at once, while the engine is asked
    qtbot.waitUntil(lambda: speaking(speech), timeout=10000)
    qtbot.waitUntil(lambda: len(speech.heard) >= 3, timeout=5000)
    assert words(speech.heard) == words("Click the target. Click once on the round target.".split())[:len(speech.heard)]
    assert speech.engine.locale().language() == speech.engine.locale().Language.English

    qtbot.mouseClick(page.listen_button, LEFT)  # « Arrêter »
    assert not speaking(speech) and page.listen_button.text() == "Écouter"
    said = len(speech.heard)
    qtbot.wait(400)
    assert len(speech.heard) == said  # nothing more is said
    assert page.listen_button.accessibleName() == "Écouter la consigne"


@quiet_audio
def test_a_second_ecouter_stops_the_first(qtbot, speech):
    instructions = shown(qtbot, InstructionsPage())
    instructions.show_exercise(Exercise("cible", "click", "One two three", "four five six seven eight nine ten.", {}))
    summary = shown(qtbot, SummaryPage())
    summary.show_outcome(None, guest=False, has_next=True)
    qtbot.mouseClick(instructions.listen_button, LEFT)
    qtbot.waitUntil(lambda: speech.heard[:1] == ["One"], timeout=10000)
    qtbot.mouseClick(summary.listen_button, LEFT)
    assert instructions.listen_button.text() == "Écouter" and summary.listen_button.text() == "Arrêter"
    first_text = set("One two three four five six seven eight nine ten".split())
    at_switch = len(speech.heard)
    qtbot.waitUntil(lambda: not speaking(speech), timeout=15000)
    after = words(speech.heard[at_switch:])
    assert in_order(after, words(summary.spoken_words().split()))
    assert after and not first_text & set(after)  # the first text never went on under the second
    assert summary.listen_button.text() == "Écouter"  # done reading: the button says so


@quiet_audio
def test_an_exercise_reads_its_instruction_then_its_feedback_and_keeps_the_keyboard(qtbot, speech):
    table = {"id": "cible", "kind": "click", "title": "Target", "instructions": "Click the target."}
    params, issues = check_exercise("click", table, lambda path: None)
    assert not issues
    widget = widget_for(Exercise("cible", "click", "Target", "Click the target.", params), 1.0)
    shown_exercise(qtbot, widget)
    widget.say("Almost there.", "soft")
    widget.setFocus()
    qtbot.mouseClick(widget.listen_button, LEFT)
    assert widget.listen_button.focusPolicy() == Qt.FocusPolicy.TabFocus
    qtbot.waitUntil(lambda: not speaking(speech) and len(speech.heard) >= 5, timeout=15000)
    assert speech.heard == ["Click", "the", "target", "Almost", "there"]


def test_no_engine_is_made_when_the_window_starts(open_window, qtbot):
    service = fresh_service()
    window = open_window()
    qtbot.wait(200)
    assert service.engine is None and service.status is Status.UNTRIED
    assert speech_service() is service and service.preferences is not None  # reads the settings, later
    window.close()


@pytest.fixture
def silent_dispatcher(tmp_path, monkeypatch):
    """A speech-dispatcher socket that accepts and never answers: the engine's creation
    blocks on it, as on a stuck service."""
    from PySide6.QtTextToSpeech import QTextToSpeech

    if "speechd" not in QTextToSpeech.availableEngines():
        pytest.skip("le greffon speechd de Qt n'est pas là")
    path = tmp_path / "speechd.sock"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.listen(8)
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    yield path
    server.close()


def test_an_engine_that_does_not_answer_hides_every_button_and_reglages_says_why(qtbot, ops, silent_dispatcher):
    service = fresh_service(engine="speechd", language=lambda: "fr", limit_ms=1500)
    instructions = shown(qtbot, InstructionsPage())
    instructions.show_exercise(Exercise("cible", "click", "La cible", "Cliquez sur la cible.", {}))
    summary = shown(qtbot, SummaryPage())
    reglages = shown(qtbot, SettingsView(ops))
    assert instructions.listen_button.isVisible() and summary.listen_button.isVisible()
    started = time.monotonic()
    qtbot.mouseClick(instructions.listen_button, LEFT)
    assert time.monotonic() - started < 0.5  # the window never waits on the engine
    assert service.status is Status.PROBING
    qtbot.waitUntil(lambda: service.status is Status.UNAVAILABLE, timeout=5000)
    assert 1.4 < time.monotonic() - started < 4
    assert not instructions.listen_button.isVisible() and not summary.listen_button.isVisible()
    assert service.engine is None
    assert reglages.speech.status.text() == "La voix de l'ordinateur ne répond pas : la lecture à voix haute est arrêtée."
    assert service.reason() == NO_ANSWER
    assert not reglages.speech.voice.isEnabled() and reglages.speech.test_button.isVisible()
    later = shown(qtbot, SummaryPage())
    assert not later.listen_button.isVisible()  # a page made afterwards hides it too
    fresh_service()


@quiet_audio
def test_reglages_keeps_the_speed_and_the_voice_and_tests_it(qtbot, ops, store, speech):
    view = shown(qtbot, SettingsView(ops))
    setting = view.speech
    assert setting.rate_label.text() == "Lente"  # the default: learners read along
    assert setting.voice.count() == 1 and setting.voice_hint.isVisible()  # no engine asked yet
    qtbot.mouseClick(setting.faster, LEFT)
    qtbot.waitUntil(lambda: ops.read(settings.speech_rate) == 0.0, timeout=5000)
    assert setting.rate_label.text() == "Normale"
    qtbot.mouseClick(setting.test_button, LEFT)
    qtbot.waitUntil(lambda: speech.status is Status.READY, timeout=10000)
    assert [setting.voice.itemText(i) for i in range(setting.voice.count())][1:] == speech.voices
    assert "Mary" in speech.voices and speech.engine.rate() == 0.0
    setting.voice.setCurrentIndex(setting.voice.findData("Mary"))
    setting.voice.activated.emit(setting.voice.currentIndex())
    qtbot.waitUntil(lambda: ops.read(settings.speech_voice) == "Mary", timeout=5000)
    assert speech.engine.voice().name() == "Mary"
    qtbot.mouseClick(setting.slower, LEFT)
    qtbot.mouseClick(setting.slower, LEFT)
    qtbot.mouseClick(setting.slower, LEFT)  # past the slowest: stays there
    qtbot.waitUntil(lambda: ops.read(settings.speech_rate) == -0.5, timeout=5000)
    assert speech.engine.rate() == -0.5 and not setting.slower.isEnabled()


@quiet_audio
def test_the_saved_preferences_are_read_when_the_engine_is_made(qtbot, ops, speech):
    ops.run(settings.set_speech_voice, "Mary")
    ops.run(settings.set_speech_rate, 0.25)
    qtbot.waitUntil(lambda: ops.read(settings.speech_rate) == 0.25, timeout=5000)
    from ui.speech import use_settings

    use_settings(ops)
    page = shown(qtbot, SummaryPage())
    page.show_outcome(None, guest=False, has_next=False)
    qtbot.mouseClick(page.listen_button, LEFT)
    qtbot.waitUntil(lambda: speech.status is Status.READY, timeout=10000)
    assert speech.engine.voice().name() == "Mary" and speech.engine.rate() == 0.25


def test_the_probe_of_the_real_engine_finds_french_voices():
    """The machine's own engine (speech-dispatcher and espeak-ng on Debian) has French."""
    import json
    import subprocess

    from ui import speech_probe

    try:
        done = subprocess.run(speech_probe.command("", "fr"), capture_output=True, text=True, timeout=20,
                              env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    except subprocess.TimeoutExpired:
        pytest.skip("le service de synthèse vocale de cette machine ne répond pas")
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    if answer["error"]:
        pytest.skip(f"pas de moteur de synthèse vocale ici : {answer['error']}")
    assert answer["voices"], answer
