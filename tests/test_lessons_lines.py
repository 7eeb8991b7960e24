"""The line a problem names is the line an editor shows: characters Python counts as
line breaks inside a text do not shift it, a cut file names its last line, and the
shapes tomllib cannot read (deep nesting, huge numbers) are problems with a line."""

import pytest

from atelier.content import module_titles
from atelier.lessons.library import check_path
from tests.lesson_packs import write_module
from tests.test_lessons import HEAD, line_of, make_module, only_problem

# Python's str.splitlines breaks at each of these; editors and tomllib do not. (TOML
# refuses the control characters in a text; a Markdown step may hold any of them.)
IN_TOML = ["\u2028", "\u2029", "\x85"]
IN_MARKDOWN = IN_TOML + ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e"]


def editor_line(text: str, marker: str) -> int:
    return text[:text.index(marker)].count("\n") + 1


@pytest.mark.parametrize("char", IN_TOML, ids=[hex(ord(c)) for c in IN_TOML])
def test_a_line_break_of_unicode_inside_a_text_does_not_shift_the_lines(tmp_path, char):
    toml = HEAD.replace('summary = "Un module d\'essai."', f'summary = "Un module{char}d\'essai."') + 'titel = "x"\n'
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == editor_line(toml, "titel") == 11


def test_in_a_step_too(tmp_path):
    step = "# Début\n\n" + "".join(f"mot{c}" for c in IN_MARKDOWN) + ".\n\n![x](images/absente.png)\n"
    problem = only_problem(make_module(tmp_path, steps={"01-debut.md": step}))
    assert problem.line == 5


@pytest.mark.parametrize("tail, reason", [
    ('\ntitel = "pas fini', "texte non fermé"),
    ("\nx = [\n  \"Cliquer\",", "TOML"),
    ("\n[[exercises]]\nid = ", "TOML"),
    ("\nx = {", "TOML"),
])
def test_a_cut_file_names_its_last_line(tmp_path, tail, reason):
    toml = HEAD.rstrip("\n") + tail
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == toml.count("\n") + 1 and reason in problem.message


def test_a_cut_file_ending_with_a_newline_names_its_last_written_line(tmp_path):
    toml = HEAD + 'titel = "pas fini\n'
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == toml.count("\n")


def test_brackets_nested_thousands_deep(tmp_path):
    toml = HEAD + "x = " + "[" * 3000 + "]" * 3000 + "\n"
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == line_of(toml, "x = [") and "trop de crochets" in problem.message


def test_a_number_of_thousands_of_digits(tmp_path):
    toml = HEAD.replace("version = 1", "version = " + "9" * 5000)
    problem = only_problem(make_module(tmp_path, toml))
    assert problem.line == line_of(toml, "version") and "trop de chiffres" in problem.message


def test_a_big_number_that_python_reads_is_a_plain_problem(tmp_path):
    toml = HEAD.replace("duration = 60", "duration = " + "9" * 40)
    assert check_path(make_module(tmp_path, toml)) == []   # a long workshop, but a number
    toml = HEAD.replace("duration = 60", "duration = -" + "9" * 40)
    problem = only_problem(make_module(tmp_path / "b", toml))
    assert problem.line == line_of(toml, "duration") and "plus grand que 0" in problem.message


@pytest.mark.parametrize("key, value", [
    ("title", '["La", "souris"]'), ("steps", '"01-debut.md"'), ("steps", "[[1, 2], {a = 1}]"),
    ("themes", "{ a = 1 }"), ("level", "[1]"), ("language", "[]"), ("exercises", "3"),
    ("exercises", '[{ id = [1], kind = {a = 1}, title = 2, instructions = true }]'),
    ("objectives", "[1979-05-27]"), ("version", "inf"), ("id", "nan"),
])
def test_wrong_types_anywhere_are_problems_with_their_line(tmp_path, key, value):
    toml = "\n".join(f"{key} = {value}" if line.startswith(f"{key} =") else line for line in HEAD.splitlines())
    if f"\n{key} =" not in "\n" + toml:
        toml += f"\n{key} = {value}"
    problems = check_path(make_module(tmp_path, toml + "\n"))
    assert problems and all(p.line is None or 1 <= p.line <= toml.count("\n") + 1 for p in problems)
    assert any(p.line == line_of(toml, f"{key} =") for p in problems), [str(p) for p in problems]


def test_the_home_screens_titles_skip_a_pack_that_tomllib_cannot_read(tmp_path):
    write_module(tmp_path, "bon")
    for name, text in (("profond", "x = " + "[" * 3000), ("chiffres", "v = " + "9" * 5000)):
        (tmp_path / name).mkdir()
        (tmp_path / name / "module.toml").write_text(text, "utf-8")
    assert module_titles([tmp_path]) == {"bon": "Essai"}
