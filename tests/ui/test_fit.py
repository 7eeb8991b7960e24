"""200 % that fits (issue 11): every screen and dialog, practice included, opened at
200 % text in a 1366 × 768 and in a 1280 × 800 window. Nothing a person needs lies out
of reach: no control or text partly outside the window, or outside its scroll area's
viewport where that area cannot scroll; no text cut in its box; no main action that
needs scrolling; lists with four rows in sight; the learners' screens whole without
scrolling (fit.py says each rule, fit_walk.py opens each screen).

The walk runs in a process of its own whose offscreen screen is as large as the window,
so that the dialogs size themselves for that screen too. Its pictures are kept beside
the verdict (``shots`` under the test's tmp_path): look at them when it fails.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from test_accessibility import DIALOGS

HERE = Path(__file__).parent
SIZES = [(1366, 768), (1280, 800)]

# Found by this walk and reported to the screen's author; still wrong here. A screen
# named here with problems makes the test xfail, a problem anywhere else fails it.
KNOWN: dict[str, str] = {}


def walk(size: tuple[int, int], folder: Path) -> dict[str, list[str]]:
    """Run fit_walk.py on an offscreen screen of ``size``; its verdict, screen by screen."""
    width, height = size
    config = folder / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": [
        {"name": "fit", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    home = folder / "home"
    home.mkdir()
    result = folder / "verdict.json"
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", ATELIER_HOME=str(home))
    done = subprocess.run([sys.executable, str(HERE / "fit_walk.py"), f"{width}x{height}", str(result),
                           str(folder / "shots")], env=env, cwd=HERE, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return json.loads(result.read_text(encoding="utf-8"))


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_every_screen_fits_at_200_percent(size, tmp_path):
    found = walk(size, tmp_path)
    expected = {"section-home", "section-groups", "section-participants", "section-sessions", "section-exercises",
                "section-documents", "section-settings", "group-page", "roll-call", "walk-in", "lesson",
                "projector", "closing", "practice-tiles", "practice-home", "practice-menu", "practice-summary",
                *(f"dialog-{name}" for name in DIALOGS), "dialog-premier-lancement-en-anglais",
                *(f"practice-{kind}" for kind in ("click", "double-click", "drag", "scroll", "right-click", "type",
                                                  "keys", "form", "choice"))}
    assert expected <= set(found), f"écrans jamais montrés : {sorted(expected - set(found))}"
    wrong = {name: problems for name, problems in found.items() if problems}
    new = {name: problems for name, problems in wrong.items() if name not in KNOWN}
    report = "\n".join(f"{name} :\n  " + "\n  ".join(problems) for name, problems in new.items())
    assert not new, f"à 200 % dans {size[0]} × {size[1]} (images : {tmp_path / 'shots'}) :\n{report}"
    if wrong:
        pytest.xfail("déjà signalé : " + " ; ".join(f"{name} ({KNOWN[name]})" for name in wrong))
