"""Move what waits in a module's next-exercises.toml into its module.toml.

While the lesson engine was being built, the content writers kept what only the new
engine accepts (the module keys requires, checklist, remember and [glossary]; hotspot
and hover exercises; richer forms, pictures and labels, key combinations) in a
next-exercises.toml beside module.toml. Once the engine has landed, this one-off puts
it all in module.toml, as text, so that the comments stay:

- the top keys take the place of module.toml's line that says « voir
  next-exercises.toml », or go just before ``steps``; a table ([glossary]) goes after the
  steps, before the first exercise (TOML wants the plain keys first);
- an exercise whose id is already in module.toml replaces it (same id: the learners'
  progress is kept); the others are added;
- the exercises are put in the order the steps use them (the first title named in
  « Ce que font les participants », step after step, the first step's warm-up aside);
  one never named keeps its place after the others;
- the movers' notes (« # place : … », « # remplace … ») go; one blank line between
  exercises;
- module.toml is then read back and must say exactly what the two files said
  together; only then is next-exercises.toml deleted.

Run from the project's folder, on the folder of all the modules or on some modules:

    PYTHONPATH=. .venv/bin/python tools/move_in_exercises.py lessons/
    PYTHONPATH=. .venv/bin/python tools/move_in_exercises.py lessons/mon-module --dry-run

``--dry-run`` prints the new module.toml and changes nothing. Then check the packs:
``PYTHONPATH=. .venv/bin/python -m atelier lessons check lessons/``.
Not shipped: a tool for the people who write the course.
"""

import re
import sys
import tomllib
from pathlib import Path

from atelier.lessons.tomllines import Locator

NEXT_FILE = "next-exercises.toml"
MODULE_FILE = "module.toml"
DOING = "## Ce que font les participants"
_EXERCISE = re.compile(r"^\s*\[\[\s*exercises\s*\]\]\s*(#.*)?$")
_TABLE = re.compile(r"^\[[^\[\]]+\]\s*(#.*)?$")   # [glossary], not a line of a list
_MOVERS_NOTE = re.compile(r"^\s*#\s*(place|remplace)\b")
_POINTER = re.compile(r"^\s*#.*" + re.escape(NEXT_FILE))   # « … : voir next-exercises.toml »


class MoveInError(Exception):
    """Why a module was left as it was."""


def split(text: str) -> tuple[list[str], list[list[str]]]:
    """(the lines before the exercises, each [[exercises]] block with the comment lines
    just above it). Lines inside a multi-line string are never taken for headers."""
    lines = text.splitlines()
    code = Locator(text).code
    starts = [i for i, line in enumerate(lines) if code[i] and _EXERCISE.match(line)]
    firsts = []
    for start in starts:   # its own comments, right above it, come with it
        while start > 0 and lines[start - 1].lstrip().startswith("#"):
            start -= 1
        firsts.append(start)
    head = lines[:firsts[0]] if firsts else lines
    blocks = [trimmed(lines[a:b]) for a, b in zip(firsts, [*firsts[1:], len(lines)])]
    return trimmed(head), blocks


def trimmed(lines: list[str]) -> list[str]:
    """Without the blank lines at the end."""
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def block_id(block: list[str]) -> str:
    return tomllib.loads("\n".join(block))["exercises"][0]["id"]


def block_title(block: list[str]) -> str:
    return tomllib.loads("\n".join(block))["exercises"][0]["title"]


def top_parts(head: list[str]) -> tuple[list[str], list[str]]:
    """next-exercises.toml's own top, its header comment left out: (the plain keys, the
    tables such as [glossary])."""
    code = Locator("\n".join(head)).code
    start = 0
    while start < len(head) and (not head[start].strip() or head[start].lstrip().startswith("#")):
        start += 1
    table = next((i for i in range(start, len(head)) if code[i] and _TABLE.match(head[i])), len(head))
    return trimmed(head[start:table]), trimmed(head[table:])


def with_top_keys(head: list[str], keys: list[str], tables: list[str]) -> list[str]:
    """module.toml's top with the plain keys in the pointer's place (or before ``steps``)
    and the tables at its end."""
    code = Locator("\n".join(head)).code
    pointer = next((i for i, line in enumerate(head) if code[i] and _POINTER.match(line)), None)
    if pointer is not None:
        head = head[:pointer] + keys + head[pointer + 1:]
    elif keys:
        steps = next((i for i, line in enumerate(head) if code[i] and re.match(r"^\s*steps\s*=", line)), len(head))
        spaced = [""] + keys + [""] if "" in keys else keys   # keys written apart stay apart
        head = head[:steps] + spaced + head[steps:]
    return head + ([""] + tables if tables else [])


def titles_in_step_order(folder: Path, steps: list[str]) -> list[str]:
    """The « … » names of « Ce que font les participants », step after step, each once."""
    order = []
    for step in steps[1:]:   # the first step warms up with earlier modules' exercises
        text = (folder / step).read_text("utf-8")
        doing = text.split(DOING + "\n", 1)[1].split("\n## ", 1)[0] if DOING + "\n" in text else ""
        for name in re.findall(r"«\s*([^»]+?)\s*»", doing):
            if name.strip() not in order:
                order.append(name.strip())
    return order


def merged(folder: Path) -> str:
    """The new text of ``folder``'s module.toml."""
    module_text = (folder / MODULE_FILE).read_text("utf-8")
    next_text = (folder / NEXT_FILE).read_text("utf-8")
    head, blocks = split(module_text)
    next_head, next_blocks = split(next_text)
    keys, tables = top_parts(next_head)
    waiting = {block_id(b): [line for line in b if not _MOVERS_NOTE.match(line)] for b in next_blocks}
    if len(waiting) != len(next_blocks):
        raise MoveInError(f"{folder / NEXT_FILE} : deux exercices ont le même id")
    blocks = [waiting.pop(block_id(b), b) for b in blocks] + list(waiting.values())
    order = titles_in_step_order(folder, tomllib.loads(module_text).get("steps", []))
    rank = {title: n for n, title in enumerate(order)}
    blocks.sort(key=lambda b: rank.get(block_title(b), len(order)))   # stable: the unnamed keep their order
    parts = ["\n".join(with_top_keys(head, keys, tables))] + ["\n".join(b) for b in blocks]
    text = "\n\n".join(parts) + "\n"
    if meaning(tomllib.loads(text)) != both_together(module_text, next_text):
        raise MoveInError(f"{folder / MODULE_FILE} : le texte fusionné ne dit pas la même chose que les 2 fichiers")
    return text


def meaning(data: dict) -> tuple[dict, dict]:
    """A module's data, its exercises by id (their order aside: the steps set it)."""
    rest = {key: value for key, value in data.items() if key != "exercises"}
    return rest, {e["id"]: e for e in data.get("exercises", [])}


def both_together(module_text: str, next_text: str) -> tuple[dict, dict]:
    """What module.toml and next-exercises.toml say together: a waiting exercise
    replaces the one of the same id."""
    rest, exercises = meaning(tomllib.loads(module_text))
    later_rest, later = meaning(tomllib.loads(next_text))
    return {**rest, **later_rest}, {**exercises, **later}


def move_in(folder: Path, dry_run: bool = False) -> str:
    """Move ``folder``'s next-exercises.toml into its module.toml; the new text."""
    text = merged(folder)
    if not dry_run:
        (folder / MODULE_FILE).write_text(text, "utf-8")
        (folder / NEXT_FILE).unlink()
    return text


def modules(paths: list[Path]) -> list[Path]:
    """The module folders with something waiting, among ``paths`` and their sub-folders."""
    found = []
    for path in paths:
        found += [path] if (path / NEXT_FILE).is_file() else sorted(p.parent for p in path.glob(f"*/{NEXT_FILE}"))
    return found


def main(argv: list[str]) -> int:
    dry_run = "--dry-run" in argv
    paths = [Path(a) for a in argv if a != "--dry-run"]
    if not paths:
        print(__doc__)
        return 2
    folders = modules(paths)
    if not folders:
        print(f"Aucun {NEXT_FILE} ici : rien à déplacer.")
    failed = 0
    for folder in folders:
        try:
            text = move_in(folder, dry_run)
        except (MoveInError, tomllib.TOMLDecodeError, OSError, KeyError, IndexError) as error:
            print(f"{folder} : laissé tel quel. {error}", file=sys.stderr)
            failed += 1
            continue
        print(text if dry_run else f"{folder} : {NEXT_FILE} déplacé dans {MODULE_FILE}.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
