"""The texts of a module the FALC lint reads, each with its file, line and audience.

learner: what the practice screens show (module.toml: titles, summary, instructions,
questions, answers, explanations, field labels and choices, menu entries, « remember »,
the glossary's definitions); spoken: the « … » lines under « ## Ce que dit
l'animateur » (the “…” lines under « ## What the facilitator says » in English); guide: the rest of the steps' prose (advice only).

Lines are those an editor shows: a text's line is found by scanning the raw TOML for
its string literal (tomllib gives values, not places).
"""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from atelier.lessons.tomllines import editor_lines

LEARNER, SPOKEN, GUIDE = "learner", "spoken", "guide"
SPOKEN_HEADINGS = ("ce que dit l'animateur", "what the facilitator says")   # French, English
NEXT_EXERCISES = "next-exercises.toml"   # exercises of the new kinds, while the engine lands


@dataclass(frozen=True)
class Passage:
    file: Path
    line: int
    text: str
    scope: str                     # LEARNER, SPOKEN or GUIDE
    role: str = ""                 # "instructions", "answer", "explanation", "glossary"…
    exercise: dict | None = None   # the exercise's table, for the rules about one kind
    step: int | None = None        # index of the step file, for the rules per step


# --- where a string literal is in the raw TOML ---------------------------------------------

_OPENERS = re.compile(r'"""|\'\'\'|"|\'|#|\n')


def string_literals(text: str) -> list[tuple[int, int, str]]:
    """(first line, last line, value) of every string literal of a TOML text, in order."""
    found, at, line = [], 0, 1
    while match := _OPENERS.search(text, at):
        token, start = match.group(), match.start()
        line += text.count("\n", at, start)
        if token == "\n":
            line, at = line + 1, start + 1
            continue
        if token == "#":
            end = text.find("\n", start)
            at = len(text) if end < 0 else end
            continue
        end = _literal_end(text, start + len(token), token)
        raw = text[start:end]
        try:
            value = tomllib.loads("x = " + raw)["x"]
        except (tomllib.TOMLDecodeError, RecursionError, ValueError):
            value = None
        if isinstance(value, str):   # a newline just after the opening quotes is not the text's
            first = line + (1 if re.match(r"(\"\"\"|\'\'\')\r?\n", raw) else 0)
            found.append((first, line + raw.count("\n"), value))
        line += raw.count("\n")
        at = max(end, start + 1)
    return found


def _literal_end(text: str, at: int, quote: str) -> int:
    """Index just past the literal opened by ``quote`` just before ``at``."""
    escapes = quote[0] == '"'
    while at < len(text):
        char = text[at]
        if escapes and char == "\\":
            at += 2
            continue
        if len(quote) == 1 and char == "\n":
            return at   # an unclosed one-line string: stop at the end of its line
        if text.startswith(quote, at):
            end = at + len(quote)
            while end < len(text) and text[end] == quote[0] and end - at < len(quote) + 2:
                end += 1   # """a "quote""""": up to two quotes belong to the text
            return end
        at += 1
    return len(text)


class _Places:
    """Hands out, in order, the line of each value as it was written."""

    def __init__(self, text: str):
        self.literals = string_literals(text)
        self.cursor = 0

    def line(self, value: str, offset: int = 0) -> int:
        order = list(range(self.cursor, len(self.literals))) + list(range(self.cursor))
        for index in order:
            first, last, written = self.literals[index]
            if written == value:
                self.cursor = index + 1
                return min(first + value[:offset].count("\n"), last)
        return 1


# --- the texts of module.toml ---------------------------------------------------------------

_EXERCISE_TEXTS = (("title", "title"), ("instructions", "instructions"), ("label", "label"),
                   ("object_label", "label"), ("target_label", "label"),
                   ("submit", "label"))


def toml_passages(file: Path, text: str, data: dict) -> list[Passage]:
    """The learner's texts of one module.toml (or next-exercises.toml), in file order."""
    places, found = _Places(text), []

    def add(value, role, exercise=None):
        if isinstance(value, str) and value.strip():
            found.append(Passage(file, places.line(value), value, LEARNER, role, exercise))

    add(data.get("title"), "title")
    add(data.get("summary"), "summary")
    for item in _texts(data.get("remember")):
        add(item, "remember")
    glossary = data.get("glossary")
    for definition in (glossary.values() if isinstance(glossary, dict) else ()):
        add(definition, "glossary")
    for exercise in _tables(data.get("exercises")):
        for key, role in _EXERCISE_TEXTS:
            add(exercise.get(key), role, exercise)
        for entry in _texts(exercise.get("menu")):
            add(entry, "menu", exercise)
        for question in _tables(exercise.get("questions")):
            add(question.get("question"), "question", exercise)
            for answer in _texts(question.get("answers")):
                add(answer, "answer", exercise)
            add(question.get("explanation"), "explanation", exercise)
        pages = _tables(exercise.get("pages")) or [exercise]
        for page in pages:
            if page is not exercise:
                add(page.get("title"), "title", exercise)
            for field in _tables(page.get("fields")):
                add(field.get("label"), "label", exercise)
                for choice in _texts(field.get("choices")):
                    add(choice, "choice", exercise)
    found.sort(key=lambda p: p.line)
    return found


def _tables(value) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _texts(value) -> list[str]:
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


# --- the texts of the steps -----------------------------------------------------------------

_QUOTE = re.compile(r"[«“]\s*(.+?)\s*([»”]|$)")   # « French », “English”
_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)|[*_`]+|^\s*(?:[-+>]|\d+[.)])\s+")


def step_passages(file: Path, text: str, step: int) -> list[Passage]:
    """The spoken lines and the guide's prose of one step file."""
    found, section, fenced = [], "", False
    for number, line in enumerate(editor_lines(text), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced or not line.strip():
            continue
        if line.startswith("#"):
            section = line.lstrip("#").strip().casefold().replace("’", "'")
            if line.startswith("# "):
                found.append(Passage(file, number, line[2:].strip(), GUIDE, "heading", step=step))
            continue
        plain = _MARKUP.sub(lambda m: m.group(1) or "", line).strip()
        if section.startswith(SPOKEN_HEADINGS):
            for quote in _QUOTE.finditer(plain):
                found.append(Passage(file, number, quote.group(1), SPOKEN, "spoken", step=step))
            plain = _QUOTE.sub("", plain).strip(" -:")
        if re.search(r"\w", plain):
            found.append(Passage(file, number, plain, GUIDE, "guide", step=step))
    return found


def module_passages(folder: Path, data: dict, text: str) -> list[Passage]:
    """Every text of a module folder whose module.toml reads as ``data`` (raw ``text``)."""
    found = toml_passages(folder / "module.toml", text, data)
    extra = folder / NEXT_EXERCISES
    if extra.is_file():
        try:
            extra_text = extra.read_text("utf-8-sig")
            extra_data = tomllib.loads(extra_text)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError, ValueError):
            extra_data = None   # what is wrong with it is the loader's to say, when it moves in
        if extra_data:
            found += toml_passages(extra, extra_text, extra_data)
    steps = data.get("steps")
    for index, name in enumerate(steps if isinstance(steps, list) else []):
        path = folder / name if isinstance(name, str) else None
        try:
            step_text = path.read_text("utf-8-sig") if path is not None else None
        except (OSError, UnicodeDecodeError, ValueError):
            step_text = None
        if step_text is not None:
            found += step_passages(path, step_text, index)
    return found
