"""An installed copy works from outside the source tree, with its content folders."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from this checkout, unpacked as a site-packages folder."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = out.glob("atelier-*.whl")
    site = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    return site


def run_installed(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(site), ATELIER_HOME=str(cwd / "home"))
    return subprocess.run([sys.executable, "-P", *args], cwd=cwd, env=env, capture_output=True, text=True)


@pytest.mark.slow
def test_installed_copy_finds_its_lessons_and_assets(installed, tmp_path):
    code = (
        "import atelier, atelier.content as c;"
        "print(atelier.__file__);"
        "print(c.content_dir('lessons'));"
        "print(c.content_dir('assets'))"
    )
    result = run_installed(installed, tmp_path, "-c", code)
    assert result.returncode == 0, result.stderr
    package, lessons, assets = (Path(line) for line in result.stdout.splitlines())
    assert package.is_relative_to(installed)
    assert lessons.is_relative_to(installed) and assets.is_relative_to(installed)
    assert (lessons / "la-souris" / "module.toml").is_file()
    assert (lessons / "le-clavier" / "module.toml").is_file()
    assert any(assets.iterdir())


@pytest.mark.slow
def test_installed_command_line_runs_outside_the_tree(installed, tmp_path):
    version = run_installed(installed, tmp_path, "-m", "atelier", "--version")
    assert version.returncode == 0 and version.stdout.startswith("Atelier ")
    check = run_installed(installed, tmp_path, "-m", "atelier", "lessons", "check")
    # The shipped modules load and follow the FALC lint (its word lists installed too):
    # the guide's prose may get advice, nothing else is said.
    said = [line for line in check.stdout.splitlines() if ", ligne " in line or " : " in line]
    said = [line for line in said if not line.startswith("Aucun problème")]
    errors = [line for line in said if " : conseil : " not in line]
    assert errors == [] and check.returncode == 0, check.stdout + check.stderr
    assert errors or "Aucun problème" in check.stdout
