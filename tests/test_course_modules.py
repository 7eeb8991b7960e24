"""The beginners' course modules follow the shape agreed for issue 12 (lesson-spec.md):
each step has the facilitator's sections in order, a way to run it without a projector
and a success criterion; the pause falls at about an hour; every exercise is named by
its exact title in the step that uses it, in the order of the steps; the first step
re-does 2 exercises of earlier modules; the module keys of the lesson engine
(requires, checklist, remember, glossary) are well formed and point at files that exist,
and nothing waits any more in a next-exercises.toml beside module.toml.

Read from the real files of lessons/, as a trainer would open them."""

import re
import tomllib
from pathlib import Path

import pytest

from atelier.lessons.course import COURSE
from atelier.lessons.pack import load_module

LESSONS = Path(__file__).resolve().parent.parent / "lessons"
MODULES = list(COURSE)  # the sixteen of the course, in its order
SECTIONS = ["## Ce que dit l'animateur", "## Ce que montre l'animateur", "## Ce que font les participants",
            "## Difficultés fréquentes", "## Si quelqu'un a fini / est en difficulté", "## Critère de réussite"]
KINDS = {"click", "double-click", "drag", "scroll", "right-click", "type", "keys", "form", "choice",
         "hotspot", "hover"}
DURATION = re.compile(r"^\*Durée indicative : (\d+) minutes\.\*$")


def module_toml(name: str) -> dict:
    return tomllib.loads((LESSONS / name / "module.toml").read_text("utf-8"))


def exercises(name: str) -> list[dict]:
    """Every exercise of a module, as its module.toml writes them."""
    return module_toml(name).get("exercises", [])


def section(markdown: str, heading: str) -> str:
    return markdown.split(heading + "\n", 1)[1].split("\n## ", 1)[0] if heading + "\n" in markdown else ""


def named(text: str) -> list[str]:
    """The « … » names in a piece of a step, in order."""
    return [m.strip() for m in re.findall(r"«\s*([^»]+?)\s*»", text)]


@pytest.fixture(scope="module", params=MODULES)
def module(request):
    return load_module(LESSONS / request.param)


def test_each_step_has_the_sections_in_order(module):
    for step in module.steps:
        lines = [line for line in step.markdown.splitlines() if line.strip()]
        assert lines[0].startswith("# ") and DURATION.match(lines[1]), step.file
        places = [step.markdown.find(heading + "\n") for heading in SECTIONS]
        assert all(p > 0 for p in places) and places == sorted(places), step.file
        assert "Sans projecteur" in section(step.markdown, SECTIONS[1]), step.file
        assert section(step.markdown, SECTIONS[-1]).strip(), step.file
        assert re.search(r"^- « .+ »$", section(step.markdown, SECTIONS[0]), re.M), step.file


def test_the_pause_comes_at_about_an_hour_and_the_time_adds_up(module):
    minutes = [int(DURATION.match([line for line in s.markdown.splitlines() if line.strip()][1]).group(1))
               for s in module.steps]
    assert abs(sum(minutes) - module.duration) <= 10
    pauses = [n for n, s in enumerate(module.steps) if re.fullmatch(r"\d\d-pause\.md", s.file)]
    assert len(pauses) == 1 and module.steps[pauses[0]].title == "Pause"
    assert 45 <= sum(minutes[:pauses[0]]) <= 70


def test_a_mise_en_situation_and_a_last_step_with_quiz_and_homework(module):
    assert any(s.title.startswith("Mise en situation") for s in module.steps)
    last = module.steps[-1]
    assert "3 choses à retenir" in last.title and "## À la maison\n" in last.markdown
    quiz = [e for e in exercises(module.id) if e["kind"] == "choice"]
    assert quiz and named(section(last.markdown, SECTIONS[2]))[0] == quiz[-1]["title"]


def test_every_exercise_is_named_in_step_order(module):
    titles = {e["title"]: e for e in exercises(module.id)}
    assert len(titles) == len(exercises(module.id)) >= 3, "each exercise has its own title"
    mentioned = []
    for step in module.steps[1:]:   # the first step warms up with earlier modules' exercises
        for title in named(section(step.markdown, SECTIONS[2])):
            if title in titles and title not in mentioned:
                mentioned.append(title)
    in_module = [e["title"] for e in exercises(module.id)]
    assert mentioned == in_module, "module.toml lists its exercises in the order of the steps"


def test_the_first_step_warms_up_with_two_earlier_exercises(module):
    earlier = {e["title"] for name in module.requires for e in exercises(name)}
    if not earlier:
        pytest.skip("the first module of the course has nothing earlier to re-do")
    warm_up = set(named(section(module.steps[0].markdown, SECTIONS[2]))) & earlier
    assert len(warm_up) >= 2


def test_the_module_keys_of_the_engine_are_well_formed(module):
    written = module_toml(module.id)
    assert {"requires", "checklist", "remember", "glossary"} <= set(written)
    assert all((LESSONS / name / "module.toml").is_file() for name in module.requires)
    assert len(module.remember) == 3 and all(r.strip().endswith(".") for r in module.remember)
    sheet = " ".join(module.checklist)
    assert "émargement" in sheet and "demi-journée" in sheet and "souris" in sheet
    assert module.glossary and all(v.strip() for v in module.glossary.values())
    ids = [e["id"] for e in exercises(module.id)]
    assert len(ids) == len(set(ids))
    assert {e["kind"] for e in exercises(module.id)} <= KINDS


def test_nothing_waits_beside_module_toml_any_more():
    """tools/move_in_exercises.py moves a next-exercises.toml into its module.toml."""
    assert sorted(LESSONS.glob("*/next-exercises.toml")) == []


def test_every_picture_is_in_the_module_and_used(module):
    images = {f"images/{p.name}" for p in (module.path / "images").iterdir()}
    used = {m for s in module.steps for m in re.findall(r"\]\((images/[^)]+)\)", s.markdown)}
    for exercise in exercises(module.id):
        used |= {exercise[k] for k in ("image", "object_image", "target_image") if k in exercise}
        used |= {q["image"] for q in exercise.get("questions", []) if "image" in q}
    assert used <= images, used - images
    assert images <= used, images - used
    for name in images:
        data = (module.path / name).read_bytes()
        assert len(data) < 60_000
        if name.endswith(".svg"):
            assert b"<image" not in data and b"http://www.w3.org/2000/svg" in data  # drawn, not pasted


def test_hotspots_fall_inside_their_picture(module):
    for exercise in exercises(module.id):
        for question in exercise.get("questions", []) if exercise["kind"] == "hotspot" else []:
            svg = (module.path / question["image"]).read_text("utf-8")
            width, height = map(float, re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
            for spot in question["spots"]:
                assert 0 <= spot["x"] and spot["x"] + spot["width"] <= width
                assert 0 <= spot["y"] and spot["y"] + spot["height"] <= height
