"""The checker never crashes, whatever the files: thousands of broken packs and zips
made by Hypothesis (wrong types anywhere, deep nesting, huge numbers, bad encodings,
cut files, hostile zips). For every one: no exception, no fault of the checker turned
into a message, every message names a file of the pack, every line is inside it."""

import json
import tempfile
import warnings
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from atelier.i18n import _
from atelier.lessons.falc import lint
from atelier.lessons.library import UNEXPECTED, check_path
from tests.lesson_packs import module_files, png, write_zip

KINDS = """
[[exercises]]
id = "glisser"
kind = "drag"
title = "Glisser"
instructions = "Glissez le fruit."
count = 2

[[exercises]]
id = "liste"
kind = "scroll"
title = "La liste"
instructions = "Tournez la molette."
find = "Chat"

[[exercises]]
id = "menu"
kind = "right-click"
title = "Le menu"
instructions = "Cliquez avec le bouton droit."
menu = ["Ouvrir", "Copier"]
answer = "Copier"

[[exercises]]
id = "ecrire"
kind = "type"
title = "Écrire"
instructions = "Recopiez le mot."
texts = ["bonjour"]

[[exercises]]
id = "touches"
kind = "keys"
title = "Les touches"
instructions = "Appuyez sur la touche."
keys = ["Enter", "Space"]

[[exercises]]
id = "fiche"
kind = "form"
title = "La fiche"
instructions = "Remplissez la fiche."
fields = [
    { name = "nom", label = "Nom", type = "text" },
    { name = "atelier", label = "Atelier", type = "choice", choices = ["Chorale", "Jardin"] },
]
"""
GOOD = {**module_files(), "module.toml": module_files()["module.toml"] + KINDS.encode()}
SPECIAL = "\u2028\u2029\x85\x0b\x0c\r\x00\ufeff\"'[]{}=#\\\n «»é"

scalars = st.one_of(
    st.integers(min_value=-10**40, max_value=10**40), st.booleans(), st.dates(),
    st.floats(allow_nan=True, allow_infinity=True), st.text(alphabet=st.characters(
        blacklist_categories=("Cs",)) | st.sampled_from(SPECIAL), max_size=30))
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4)
                      | st.dictionaries(st.sampled_from(["id", "kind", "title", "x", "a b", "questions"]),
                                        inner, max_size=3), max_leaves=12)


def toml(value) -> str:
    """A TOML inline value (what a trainer might have typed in its place)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, date)):
        return str(value) if not isinstance(value, date) else value.isoformat()
    if isinstance(value, float):
        return {"nan": "nan", "inf": "inf", "-inf": "-inf"}.get(repr(value), repr(value))
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(map(toml, value)) + "]"
    return "{ " + ", ".join(f"{json.dumps(k)} = {toml(v)}" for k, v in value.items()) + " }"


@st.composite
def mutated(draw, data: bytes) -> bytes:
    """``data`` after one to three things a text editor, a cut copy or a joker did to it."""
    text = data.decode("utf-8")
    for _ in range(draw(st.integers(1, 3))):
        lines = text.split("\n")
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        action = draw(st.sampled_from(["value", "insert", "cut", "line", "nest", "digits"]))
        if action == "value" and "=" in lines[at]:
            lines[at] = lines[at].split("=")[0] + "= " + toml(draw(values))
        elif action == "insert":
            where = draw(st.integers(0, len(text)))
            text = text[:where] + draw(st.text(st.sampled_from(SPECIAL) | st.characters(), max_size=8)) + text[where:]
            continue
        elif action == "cut":
            text = text[:draw(st.integers(0, len(text)))]
            continue
        elif action == "line":
            lines.insert(at, draw(st.sampled_from(lines + ["[[exercises]]", "[exercises]", "[[exercises.questions]]",
                                                          "[glossary]", 'kind = "choice"'])))
        elif action == "nest":
            depth = draw(st.integers(1, 3000))
            lines[at] = "x = " + "[" * depth + "]" * draw(st.integers(0, depth))
        else:
            lines[at] = "version = " + "9" * draw(st.integers(1, 6000))
        text = "\n".join(lines)
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "latin-1", "utf-16"]))
    return text.encode(encoding, errors="replace")


@st.composite
def broken_packs(draw) -> dict[str, bytes]:
    files = dict(GOOD)
    for name in draw(st.lists(st.sampled_from(sorted(GOOD)), min_size=1, max_size=3, unique=True)):
        if name.endswith((".toml", ".md", ".svg")):
            files[name] = draw(mutated(files[name]))
        else:
            files[name] = draw(st.sampled_from([b"", png()[:20], b"GIF89a", draw(st.binary(max_size=40))]))
    if draw(st.booleans()):
        step = "# Étape\n" + "\n".join(draw(st.lists(st.sampled_from(
            ["![a](images/rond.svg)", "![b](../../etc/passwd)", "![c](https://x.org/a.png)", "![d](<images/ a.png>)",
             "## Ce que dit l'animateur", "- « Cliquez ici. Puis là, comme un chef, comme une reine »", "«", "»",
             "```", "![e](images\\rond.png)", "![f](IMAGES/rond.svg)", "![g]()"]), max_size=8)))
        files["01-debut.md"] = step.encode()
    for name in draw(st.lists(st.sampled_from(sorted(GOOD)), max_size=1)):
        del files[name]
    return files


def line_count(data: bytes) -> int:
    return data.count(b"\n") + 1


def assert_sound(problems, root: Path, read) -> None:
    """No fault of the checker; a file of the pack for each problem, lines inside it."""
    for problem in problems:
        assert problem.message != _(UNEXPECTED), "the checker failed on this pack: see the error log"
        assert problem.file and (Path(problem.file) == root or Path(problem.file).is_relative_to(root)), problem
        if problem.line is not None:
            data = read(Path(problem.file).relative_to(root).as_posix())
            assert data is not None, problem
            assert 1 <= problem.line <= line_count(data), (problem, line_count(data))


@pytest.fixture
def ram_temp(monkeypatch):
    """Temporary folders (the checker's for zips, the test's own) in memory when the
    system has a RAM disk: thousands of folders made and removed in a few seconds."""
    if not Path("/dev/shm").is_dir():
        yield
        return
    with tempfile.TemporaryDirectory(dir="/dev/shm") as folder:
        monkeypatch.setattr(tempfile, "tempdir", folder)
        yield


def fast(examples: int) -> settings:
    return settings(max_examples=examples, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


@fast(1200)
@given(broken_packs())
def test_no_broken_folder_crashes_the_checker_or_names_a_line_outside_its_file(ram_temp, files):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "essai"
        for name, data in files.items():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            (folder / name).write_bytes(data)
        problems = check_path(folder, lint=lint)

        def read(relative: str) -> bytes | None:
            path = folder / relative
            return path.read_bytes() if path.is_file() else None
        assert_sound(problems, folder, read)


names = st.sampled_from(["essai/module.toml", "essai/01-debut.md", "essai/images/rond.png", "../x.md",
                         "/abs.md", "essai/", "essai\\01-debut.md", "essai/lien.svg", "ESSAI/Module.toml",
                         "essai/a:b.md", "essai/prog.exe", "__MACOSX/._x", "", "essai/CON.txt"])


@st.composite
def broken_zips(draw) -> bytes:
    files = {f"essai/{k}": v for k, v in draw(broken_packs()).items()}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.zip"
        method = draw(st.sampled_from([zipfile.ZIP_DEFLATED, zipfile.ZIP_STORED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA]))
        write_zip(path, files, method=method)
        with zipfile.ZipFile(path, "a") as archive, warnings.catch_warnings():
            warnings.simplefilter("ignore")   # « Duplicate name »: on purpose
            for name in draw(st.lists(names, max_size=3)):
                info = zipfile.ZipInfo(name)
                info.create_system = draw(st.sampled_from([0, 3]))
                info.external_attr = draw(st.sampled_from([0o100644, 0o120777, 0o010644, 0o040755])) << 16
                archive.writestr(info, draw(st.binary(max_size=30)))
        data = bytearray(path.read_bytes())
    for _ in range(draw(st.integers(0, 3))):
        action = draw(st.sampled_from(["flip", "cut", "garbage"]))
        if action == "flip" and data:
            at = draw(st.integers(0, len(data) - 1))
            data[at] = draw(st.integers(0, 255))
        elif action == "cut":
            data = data[:draw(st.integers(0, len(data)))]
        else:
            data += draw(st.binary(max_size=50))
    return bytes(data)


@fast(800)
@given(broken_zips())
def test_no_broken_zip_crashes_the_checker_or_names_a_line_outside_its_file(ram_temp, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.zip"
        path.write_bytes(data)
        problems = check_path(path, lint=lint)

        def read(relative: str) -> bytes | None:
            with zipfile.ZipFile(path) as archive:
                by_name = {"/".join(p for p in i.filename.replace("\\", "/").split("/") if p): i
                           for i in archive.infolist()}
                return archive.read(by_name[relative]) if relative in by_name else None
        assert_sound(problems, path, read)
