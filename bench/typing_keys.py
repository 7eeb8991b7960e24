"""The typing exercise's key handler: p99 over 2,000 simulated keys (goal ≤ 5 ms).

In-process and offscreen: the shipped "Écrire des mots" exercise at 200 % text size
(the biggest letters to lay out), each QKeyEvent handed straight to the field's
keyPressEvent and timed with perf_counter_ns — the field's own work, the mistake
marks, the feedback and, when a text is done, the switch to the next one. The screen
is repainted between keys (not timed), as it would be between two real key presses.
One mistake every 13 keys, then Retour arrière, as beginners do. For comparison, a
bare QLineEdit receives the same keys the same way; the Ratio compares Atelier's p99
with the goal (5 ms), and the line above it prints both.
"""

import os
import statistics
import time

from bench import Ratio, root

KEYS = 2000
GOAL_US = 5000


def _keys(texts: list[str]):
    """(key, text) pairs: the texts typed in turn, a slip then Backspace now and then."""
    from PySide6.QtCore import Qt

    n = 0
    while True:
        for text in texts:
            for ch in text:
                n += 1
                if n % 13 == 0:
                    yield 0, "x"
                    yield Qt.Key.Key_Backspace, ""
                key = Qt.Key(ord(ch.upper())) if ch.isascii() and ch.isalnum() else 0
                yield key, ch


def _percentile(values: list[int], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _time(handler, app, events) -> list[int]:
    times = []
    for event in events:
        started = time.perf_counter_ns()
        handler(event)
        times.append(time.perf_counter_ns() - started)
        app.processEvents()   # the repaint, between keys
    return times


def measure(count: int = KEYS) -> dict[str, list[int]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    from atelier.lessons.pack import load_module
    from ui.app import make_app
    from ui.practice.kinds import widget_for
    from ui.theme import apply_theme

    app = QApplication.instance() or make_app([])
    apply_theme(app, 2.0)
    module = load_module(root() / "lessons" / "le-clavier")
    exercise = next(e for e in module.exercises if e.kind == "type")
    widget = widget_for(exercise, 2.0, base=module.path)
    widget.resize(1366, 768)
    widget.show()
    widget.finished.connect(lambda _outcome: widget.start())   # round and round
    widget.start()
    bare = QLineEdit()
    bare.resize(1300, 120)
    bare.show()
    app.processEvents()

    def events():
        source = _keys(exercise.params["texts"])
        return [QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier, text)
                for key, text in (next(source) for _ in range(count))]

    _time(widget.field.keyPressEvent, app, events()[:200])   # warm-up, not counted
    results = {"atelier": _time(widget.field.keyPressEvent, app, events())}

    def bare_key(event):
        if bare.text().__len__() > 60:
            bare.clear()
        bare.keyPressEvent(event)

    _time(bare_key, app, events()[:200])
    results["bare"] = _time(bare_key, app, events())
    widget.close()
    bare.close()
    apply_theme(app, 1.0)
    return results


def run(home) -> list[Ratio]:
    print(f"\n== Exercice de frappe : gestion d'une touche ({KEYS} touches, 200 %, hors écran) ==")
    results = measure()
    summary = {}
    for name, label in (("bare", "QLineEdit nu"), ("atelier", "Champ de l'exercice")):
        us = [t / 1000 for t in results[name]]
        summary[name] = p99 = _percentile(us, 0.99)
        print(f"{label:28}médiane {statistics.median(us):>7.0f} µs   p99 {p99:>7.0f} µs   "
              f"max {max(us):>7.0f} µs")
    return [Ratio("Frappe : p99 par touche", summary["atelier"], GOAL_US, "µs", goal=1.0)]


if __name__ == "__main__":
    for ratio in run(None):
        print(f"{ratio.label} : {ratio.value:.0f} µs (objectif ≤ {ratio.reference:.0f} µs) : {ratio.verdict}")
