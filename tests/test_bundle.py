"""make bundle on this machine: PyInstaller's one-folder bundle, checked by the frozen
program's own --self-test (every section, every exercise kind), then looked at: what it
must not carry, the frozen command line, the Linux menu entry. Slow: about two minutes."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.speech import installed as reads_aloud

ROOT = Path(__file__).resolve().parent.parent
LEFT_OUT = ("libQt6Network", "libQt6Qml", "libQt6Quick", "libQt6Wayland", "libQt6Pdf", "libQt6VirtualKeyboard",
            "libQt6OpenGL", "libQt6EglFS", "libqgtk3", "libqwayland", "libqtiff", "libqopensslbackend",
            "libgtk-3", "libcups.so", "libgnutls", "QtNetwork", "QtQml", "pygments", "pytest", "libspeechd",
            "libpulse", "libqtexttospeech_mock", "libffmpegmediaplugin", "libavcodec")
if reads_aloud():  # built with the extra « voix »: QtTextToSpeech needs Qt's network library
    LEFT_OUT = tuple(name for name in LEFT_OUT if name != "libQt6Network")


@pytest.fixture(scope="module")
def bundle(tmp_path_factory) -> Path:
    if not sys.platform.startswith("linux"):
        pytest.skip("the test builds the Linux bundle; on Windows, make bundle checks itself")
    out = tmp_path_factory.mktemp("bundle")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(out / "dist"),
                           "--build", str(out / "build"), "--no-archive"], capture_output=True, text=True,
                          timeout=1200, env={k: v for k, v in os.environ.items() if k != "ATELIER_HOME"})
    assert done.returncode == 0, (done.stdout + done.stderr)[-5000:]
    report = (out / "build" / "autotest.txt").read_text(encoding="utf-8")
    assert "programme figé" in report and report.splitlines()[-1].startswith("RÉUSSI"), report
    return out / "dist" / "atelier"


def frozen(bundle: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    return subprocess.run([str(bundle / "atelier"), *args], capture_output=True, text=True, timeout=120,
                          env=dict(env, ATELIER_HOME=str(home), QT_QPA_PLATFORM="offscreen"))


@pytest.mark.slow
def test_the_bundle_carries_what_it_opens_and_nothing_it_does_not(bundle):
    names = [path.name for path in bundle.rglob("*")]
    assert [name for name in names if name.startswith(LEFT_OUT)] == []
    translations = bundle / "_internal" / "PySide6" / "Qt" / "translations"
    assert sorted(p.name for p in translations.iterdir()) == ["qt_en.qm", "qt_fr.qm", "qtbase_en.qm", "qtbase_fr.qm"]
    icu = bundle / "_internal" / "PySide6" / "Qt" / "lib" / "libicudata.so.73"
    assert icu.stat().st_size < 8_000_000  # 32 MB untrimmed
    assert (bundle / "_internal" / "lessons" / "la-souris" / "module.toml").is_file()
    assert (bundle / "_internal" / "assets" / "icons" / "atelier.svg").is_file()
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < 150_000_000, size


@pytest.mark.slow
def test_the_bundle_reads_aloud_only_when_built_with_the_extra(bundle, tmp_path):
    plugin = bundle / "_internal" / "PySide6" / "Qt" / "plugins" / "texttospeech" / "libqtexttospeech_speechd.so"
    assert plugin.is_file() == reads_aloud()
    if not reads_aloud():
        return
    asked = frozen(bundle, tmp_path / "home", "--speech-probe", "", "fr")
    answer = json.loads(asked.stdout.strip().splitlines()[-1])
    assert answer["engine"] == "speechd", asked.stdout + asked.stderr
    assert answer["voices"] or answer["error"], answer  # French voices where speech-dispatcher runs


@pytest.mark.slow
def test_the_frozen_command_line_works_outside_the_tree(bundle, tmp_path):
    version = frozen(bundle, tmp_path / "home", "--version")
    assert version.returncode == 0 and version.stdout.startswith("Atelier "), version.stderr
    check = frozen(bundle, tmp_path / "home", "lessons", "check")
    assert check.returncode == 0 and "Aucun problème" in check.stdout, check.stdout + check.stderr
    report = tmp_path / "rapport.txt"
    again = frozen(bundle, tmp_path / "home", "--self-test", "--report", str(report))
    assert again.returncode == 0, report.read_text(encoding="utf-8") if report.exists() else again.stderr
    assert not (tmp_path / "home").exists(), "the self-test never writes in the data folder"


@pytest.mark.slow
def test_the_menu_entry_points_at_the_folder_where_it_was_unpacked(bundle, tmp_path):
    entry = (bundle / "atelier.desktop").read_text(encoding="utf-8")
    assert 'Exec="/opt/atelier/atelier"' in entry and "Icon=/opt/atelier/atelier.png" in entry
    assert (bundle / "atelier.png").read_bytes().startswith(b"\x89PNG")
    home = tmp_path / "person"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "XDG_DATA_HOME"}
    done = subprocess.run(["sh", str(bundle / "ajouter-au-menu.sh")], capture_output=True, text=True,
                          env=dict(env, HOME=str(home)))
    assert done.returncode == 0, done.stderr
    written = (home / ".local" / "share" / "applications" / "atelier.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle}/atelier"' in written and f"Icon={bundle}/atelier.png" in written
