"""Asks the system's speech engine, in a process of its own, which voices it has for a
language; prints the answer as one line of JSON.

Why a process: creating an engine talks to the speech service (speech-dispatcher on
Linux) and blocks until it answers, holding Python's lock the whole time; a stuck
service would freeze the program for tens of seconds. A process can be given up on and
killed. ``python -m ui.speech_probe ENGINE LANGUAGE`` (the frozen bundle:
``atelier --speech-probe ENGINE LANGUAGE``, see packaging/launcher.py); ENGINE "" is the
platform's default one.
"""

import json
import sys

FLAG = "--speech-probe"  # the bundle's way in (it has no ``-m``)


def command(engine: str, language: str) -> list[str]:
    """The command line that runs the probe, from the source tree or from the bundle."""
    if getattr(sys, "frozen", False):
        return [sys.executable, FLAG, engine, language]
    return [sys.executable, "-m", "ui.speech_probe", engine, language]


def voices_for(engine: str, language: str) -> dict:
    from PySide6.QtCore import QCoreApplication, QLocale
    from PySide6.QtTextToSpeech import QTextToSpeech

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])  # noqa: F841 (plugins need one)
    speech = QTextToSpeech(engine) if engine else QTextToSpeech()
    if speech.state() == QTextToSpeech.State.Error:
        return {"engine": speech.engine(), "voices": [], "error": speech.errorString() or "error"}
    wanted = QLocale(language)
    locales = [locale for locale in speech.availableLocales() if locale.language() == wanted.language()]
    if wanted in locales:  # French from France rather than three lists of the same voices
        locales = [wanted]
    names: list[str] = []
    for locale in locales:
        speech.setLocale(locale)
        names += [voice.name() for voice in speech.availableVoices()
                  if voice.locale().language() == wanted.language() and voice.name() not in names]
    return {"engine": speech.engine(), "voices": names, "error": ""}


def main(argv: list[str]) -> int:
    engine, language = (argv + ["", "fr"])[:2]
    try:
        answer = voices_for(engine, language)
    except ImportError:
        answer = {"engine": engine, "voices": [], "error": "no QtTextToSpeech"}
    print(json.dumps(answer), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
