"""The real windows under Xvfb, saved as PNGs under build/screenshots/ — look at them."""

import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from atelier import groups, sessions, settings
from atelier.groups import Group
from atelier.sessions import Session
from atelier.store import Store

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "screenshots"
SCREEN = (1366, 768)


@pytest.fixture
def xvfb():
    binary = shutil.which("Xvfb")
    if binary is None:
        pytest.skip("Xvfb is not installed (apt-get install xvfb): no real X screen to photograph")
    # Xvfb takes a free display number itself and writes it once it accepts clients: two
    # runs at once never share a screen, as they could when the number was guessed first.
    reader, writer = os.pipe()
    server = subprocess.Popen(
        [binary, "-displayfd", str(writer), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, pass_fds=(writer,),
    )
    os.close(writer)
    try:
        number = b""
        while not number.endswith(b"\n"):
            if not select.select([reader], [], [], 30)[0]:
                pytest.fail("Xvfb gave no display number within 30 s")
            chunk = os.read(reader, 16)
            if not chunk:
                pytest.fail(f"Xvfb stopped before it was ready (exit code {server.wait()})")
            number += chunk
        yield f":{number.decode().strip()}"
    finally:
        os.close(reader)
        server.terminate()
        server.wait(timeout=10)


def fill(home: Path) -> None:
    """A few groups and sessions, one of them today, written through the core."""
    store = Store.open(home)
    try:
        settings.put(store.db, settings.ASSOCIATION, "Les Amis du Quartier")
        settings.put(store.db, settings.SITE, "Maison de quartier des Tilleuls")
        souris = groups.add(store.db, Group("Premiers pas avec la souris", place="Salle informatique"))
        tablette = groups.add(store.db, Group("Ma tablette au quotidien", place="Salle polyvalente"))
        internet = groups.add(store.db, Group("Démarches en ligne", place="Salle informatique"))
        today = date.today()
        plan = [
            (souris, 0, "09:30", "11:30", "la-souris"),
            (tablette, 0, "14:00", "16:00", "la-tablette"),
            (internet, 1, "10:00", "12:00", "les-demarches-en-ligne"),
            (souris, 7, "09:30", "11:30", "le-clavier"),
            (tablette, 7, "14:00", "16:00", "les-photos"),
            (internet, 8, "10:00", "12:00", "la-messagerie"),
        ]
        for group, days, start, end, module in plan:
            sessions.add(store.db, Session(
                date=(today + timedelta(days=days)).isoformat(), start_time=start, end_time=end,
                group_id=group.id, place=group.place, module_id=module,
            ))
    finally:
        store.close()


def publish(shots: Path) -> None:
    """This run's pictures into build/screenshots, for people to look at: put in place by
    one rename, so a run at the same time finds one whole set or the other, never half."""
    if not shots.is_dir():
        return
    OUT.parent.mkdir(parents=True, exist_ok=True)
    staged = Path(tempfile.mkdtemp(prefix=".screenshots-", dir=OUT.parent))
    shutil.copytree(shots, staged, dirs_exist_ok=True)
    retired = staged.with_name(staged.name + "-old")
    try:
        OUT.rename(retired)
    except FileNotFoundError:
        pass
    try:
        staged.rename(OUT)
    except OSError:  # another run put its set there in between: as good as this one
        shutil.rmtree(staged, ignore_errors=True)
    shutil.rmtree(retired, ignore_errors=True)


def distinct_colours(image: QImage) -> int:
    step_x, step_y = max(1, image.width() // 80), max(1, image.height() // 60)
    return len({image.pixel(x, y) for x in range(0, image.width(), step_x) for y in range(0, image.height(), step_y)})


def test_screenshots_of_the_real_windows(xvfb, tmp_path):
    home = tmp_path / "home"
    fill(home)
    shots = tmp_path / "screenshots"  # this run's own: another run at once cannot empty it
    env = dict(os.environ, DISPLAY=xvfb, QT_QPA_PLATFORM="xcb", ATELIER_HOME=str(home))
    result = subprocess.run(
        [sys.executable, str(Path(__file__).with_name("screenshot_app.py")), str(shots)],
        env=env, capture_output=True, text=True, timeout=600,
    )
    publish(shots)
    assert result.returncode == 0, result.stdout + result.stderr

    sizes = json.loads((shots / "sizes.json").read_text())
    pages = (
        "home", "section-groups", "first-run", "home-commencer",
        "participants", "participant-form", "participant-form-bas", "erase", "groups", "group-members",
        "member-picker", "sessions", "session-series", "roll-call", "walk-in",
        "lesson", "lesson-image", "projector", "closing", "settings", "settings-contrast",
        "settings-logo", "documents", "documents-done", "sheet-dialog",
        "practice-home", "practice-grid", "practice-tiles", "practice-instructions", "practice-exercise",
        "practice-summary", "practice-summary-again", "practice-progress", "practice-help", "practice-flag",
        "coordination", "coordination-chart", "coordination-bas",
        *(f"kind-{kind}" for kind in ("click", "double-click", "drag", "scroll", "right-click", "type",
                                      "keys", "form", "choice")),
    )
    expected = [f"{page}-{percent}" for page in pages for percent in (100, 200)]
    expected = [name.replace("settings-contrast-100", "settings-100-contrast")
                    .replace("settings-contrast-200", "settings-200-contrast") for name in expected]
    for name in expected:
        for shot in (name, f"{name}-screen"):
            image = QImage(str(shots / f"{shot}.png"))
            assert not image.isNull(), shot
            assert [image.width(), image.height()] == sizes[shot], shot
            assert distinct_colours(image) >= 4, f"{shot} looks blank"
        assert sizes[f"{name}-screen"] == list(SCREEN)
