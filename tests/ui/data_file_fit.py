"""The start's messages about its data file, on a real screen, through the start's own
``ask`` seam: each message is shown, measured (its details shown too), photographed,
then answered as a person would.

Run by test_data_file_messages.py in a process of its own whose offscreen screen is
1366 × 768: ``python data_file_fit.py CASES.json RESULT.json SHOTS_DIR``. Each case
names a home, a text size and an answer (« quit », or « restore » after spoiling the
backups, so that the restore is refused and says so). Writes {case: [problems]}.

It asks nothing of the messages' classes (a QMessageBox is measured the same way), so
that it can be run on the code that came before them.
"""

import json
import sys
from pathlib import Path

from screenshot_app import settle  # noqa: F401 - puts the checkout first on sys.path

from PySide6.QtCore import QPoint, QRect  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QWidget  # noqa: E402

from atelier import paths  # noqa: E402
from fit import problems  # noqa: E402
from ui.app import make_app, open_store  # noqa: E402
from ui.theme import apply_theme  # noqa: E402
from ui.widgets.on_screen import screen_room  # noqa: E402

RESTORE = "Remettre la sauvegarde du "


def buttons(widget: QWidget) -> list[QAbstractButton]:
    return [b for b in widget.findChildren(QAbstractButton) if b.isVisible() and b.text()]


def cut(widget: QWidget, scrolled: bool = False) -> list[str]:
    """Each button that is not whole: outside the window, the screen or its scroll
    area's viewport, or narrower than its words; the house's fit rules after (but for
    the words opening at their top, when a click has ``scrolled`` them on purpose)."""
    room = screen_room(widget)
    found = [] if room.contains(widget.frameGeometry()) else [
        f"la fenêtre {widget.frameGeometry().getRect()} sort de l'écran {room.getRect()}"]
    for button in buttons(widget):
        name = f"« {button.text()} »"
        inside = QRect(button.mapTo(widget, QPoint(0, 0)), button.size())
        if not widget.rect().contains(inside):
            found.append(f"{name} sort de la fenêtre ({inside.getRect()} dans {widget.rect().getRect()})")
        if not room.contains(QRect(button.mapToGlobal(QPoint(0, 0)), button.size())):
            found.append(f"{name} sort de l'écran")
        parent = button.parentWidget()
        while parent is not None and parent is not widget:
            if isinstance(parent, QAbstractScrollArea):
                port = parent.viewport()
                if not port.rect().contains(QRect(button.mapTo(port, QPoint(0, 0)), button.size())):
                    found.append(f"{name} sort de la zone qui défile")
            parent = parent.parentWidget()
        if button.sizeHint().width() > button.width():
            found.append(f"{name} coupé : {button.width()} px pour {button.sizeHint().width()}")
    return found + [p for p in problems(widget) if not (scrolled and "s'ouvre déjà défilé" in p)]


def answerer(case: dict, shots: Path, found: list[str]):
    shown = [0]

    def ask(widget: QWidget):
        shown[0] += 1
        name = f"{case['name']}-{shown[0]}"
        widget.show()
        settle(widget)
        found.extend(f"{name} : {problem}" for problem in cut(widget))
        widget.grab().save(str(shots / f"{name}.png"))
        details = next((b for b in buttons(widget) if "détails" in b.text().lower()), None)
        if details is not None:
            details.click()
            settle(widget)
            found.extend(f"{name}, détails montrés : {problem}" for problem in cut(widget, scrolled=True))
            widget.grab().save(str(shots / f"{name}-details.png"))
        restore = next((b for b in buttons(widget) if b.text().startswith(RESTORE)), None)
        if case["answer"] == "restore" and restore is not None:
            for backup in paths.backups_dir(Path(case["home"])).iterdir():
                backup.write_bytes(b"Ceci n'est pas une sauvegarde.\n" * 40)  # refused when put back
            restore.click()
        else:
            next(b for b in buttons(widget) if b is not details and b is not restore).click()
        widget.hide()
        return widget.clickedButton() if hasattr(widget, "clickedButton") else None

    return ask


def main(cases_file: str, result_file: str, shots_dir: str) -> None:
    app = make_app([sys.argv[0]])
    shots = Path(shots_dir)
    shots.mkdir(parents=True, exist_ok=True)
    verdict = {}
    for case in json.loads(Path(cases_file).read_text(encoding="utf-8")):
        apply_theme(app, case["scale"])
        found: list[str] = []
        opened = open_store(Path(case["home"]), ask=answerer(case, shots, found))
        if not isinstance(opened, int):
            opened.close()
            found.append("le fichier s'est ouvert : rien n'a été demandé")
        verdict[case["name"]] = found
        for top in QApplication.topLevelWidgets():
            top.deleteLater()
    Path(result_file).write_text(json.dumps(verdict, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:4])
