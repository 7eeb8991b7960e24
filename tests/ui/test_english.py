"""Every screen in English (issue 14): the walk of test_fit.py (fit_walk.py, which opens
every screen and dialog, practice included) runs with the program in English, over data
with English names and the modules translated into English, and no screen may show a
French word of the catalogue (french_words.py says which words those are).

Depends on the lead's catalogue (atelier/locale/en): an untranslated string shows
French and fails here, naming the widget and the text.
"""

import json
import os
import subprocess
import sys
from pathlib import Path


HERE = Path(__file__).parent

# Lesson content, not the program's words: the walk's glossary dialog shows the French
# demo pack's lexicon (tests/demo_pack), the import dialogs a French test pack.
CONTENT = {"dialog-lexique", "dialog-importer-un-module", "dialog-zip-refuse"}
DATA = ("Marcel Petit",)  # a person's name the walk's dialogs are built with (test_accessibility.py)


def test_no_french_word_on_any_screen_in_english(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    result = tmp_path / "verdict.json"
    width, height = 1366, 768
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"windowFrameMargins": False, "screens": [
        {"name": "en", "x": 0, "y": 0, "width": width, "height": height,
         "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", ATELIER_HOME=str(home))
    done = subprocess.run([sys.executable, str(HERE / "fit_walk.py"), f"{width}x{height}", str(result), "--english"],
                          env=env, cwd=HERE, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    found = json.loads(result.read_text(encoding="utf-8"))
    assert {"section-home", "section-settings", "roll-call", "lesson", "practice-summary"} <= set(found)
    french = {name: [p for p in problems if not any(name in p for name in DATA)]
              for name, problems in found.items() if name not in CONTENT}
    french = {name: problems for name, problems in french.items() if problems}
    report = "\n".join(f"{name} :\n  " + "\n  ".join(problems) for name, problems in sorted(french.items()))
    assert not french, f"du français à l'écran en anglais :\n{report}"
