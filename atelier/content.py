"""Where the shipped content folders (lessons/, assets/) are.

In the source tree they sit beside the packages; an installed copy carries them as
the (namespace) package ``atelier_content``.
"""

import importlib.util
import re
from pathlib import Path


def content_dir(name: str) -> Path:
    beside = Path(__file__).resolve().parent.parent / name
    if beside.is_dir():
        return beside
    try:
        spec = importlib.util.find_spec(f"atelier_content.{name}")
    except ModuleNotFoundError:
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError(f"{name}/")
    return Path(list(spec.submodule_search_locations)[0])


def lesson_dirs(user_dir: Path | None = None) -> list[Path]:
    """The shipped lessons folder, then ``user_dir`` (the trainer's own packs) if it exists."""
    dirs = []
    try:
        dirs.append(content_dir("lessons"))
    except FileNotFoundError:
        pass
    if user_dir is not None and Path(user_dir).is_dir():
        dirs.append(Path(user_dir))
    return dirs


def module_titles(folders: list[Path], language: str | None = None) -> dict[str, str]:
    """module id → title, read from each module.toml alone: the title of the module in
    ``language`` when there is one, else the original's (a translation has ``translation_of``).

    The home screen names the modules of the coming sessions; loading and checking
    whole packs (atelier.lessons.library) is left for the screens that show their steps.
    """
    titles: dict[str, tuple[int, str]] = {}
    for folder in folders:
        for toml in sorted(Path(folder).glob("*/module.toml")):
            try:
                data = _top_keys(toml.read_text("utf-8").removeprefix("\ufeff"))  # "utf-8-sig" loads a codec
            except (OSError, ValueError, RecursionError):  # cut, not UTF-8, nested, huge
                continue  # a broken pack: `atelier lessons check` says why
            if isinstance(data.get("id"), str) and isinstance(data.get("title"), str):
                rank = preference(data.get("language"), data.get("translation_of"), language)
                if rank < titles.get(data["id"], (3, ""))[0]:
                    titles[data["id"]] = (rank, data["title"])
    return {module_id: title for module_id, (_rank, title) in titles.items()}


def preference(language, translation_of, wanted: str | None) -> int:
    """Which module of an id to show for the ``wanted`` language: 0 for the one written in
    it, 1 for the original, 2 for another translation (atelier.lessons.translations)."""
    if wanted is not None and language == wanted:
        return 0
    return 1 if translation_of is None else 2


_FIRST_TABLE = re.compile(r"^\[", re.M)
_CHOOSING_KEYS = re.compile(r"^(id|title|language|translation_of)\s*=", re.M)


def _top_keys(text: str) -> dict:
    """The keys before the first [table] (TOML puts the top-level ones there), read without
    the steps and exercises that follow: the home screen reads every module's title at start-up.

    First only the lines up to the last of ``id``, ``title``, ``language`` and
    ``translation_of`` (the first lines of a pack): a prefix that reads as TOML holds the
    same values as the whole file, and one cut inside a multi-line string or array does
    not read. Then the head, then the whole file."""
    first = _FIRST_TABLE.search(text)
    head_end = first.start() if first is not None else len(text)
    end = 0
    for found in _CHOOSING_KEYS.finditer(text, 0, head_end):
        end = text.find("\n", found.end())
        end = len(text) if end < 0 else end
    if end > 0:
        lines = plain_lines(text[:end + 1])  # with its newline: a "\r" counts only before one
        if lines is not None and isinstance(lines.get("id"), str) and isinstance(lines.get("title"), str):
            return lines
    import tomllib  # only for first lines that are not all plain: loading it costs 1.6 ms at start-up

    if end > 0:
        try:
            lines = tomllib.loads(text[:end])
            if isinstance(lines.get("id"), str) and isinstance(lines.get("title"), str):
                return lines
        except tomllib.TOMLDecodeError:
            pass
    if first is not None:
        try:
            head = tomllib.loads(text[:first.start()])
            if "id" in head and "title" in head:
                return head
        except tomllib.TOMLDecodeError:
            pass
    return tomllib.loads(text)


# A blank line, a comment, or « key = "text" » with a bare key and a string without escapes:
# what TOML reads there is the text between the quotes. (TOML allows a tab, and no other
# control character, in a comment or a string.)
_STRING = r'"([^\x00-\x08\x0a-\x1f\x7f"\\]*)"'
_COMMENT = r"#[^\x00-\x08\x0a-\x1f\x7f]*"
_PLAIN_LINE = re.compile(rf"[ \t]*(?:([A-Za-z0-9_-]+)[ \t]*=[ \t]*{_STRING}[ \t]*)?(?:{_COMMENT})?\r?")


def plain_lines(text: str) -> dict[str, str] | None:
    """What ``tomllib.loads(text)`` says, for text made only of plain lines (see _PLAIN_LINE),
    as the first lines of a pack are; None for anything else, left to the TOML parser."""
    if text.endswith("\r"):
        return None
    keys: dict[str, str] = {}
    for line in text.split("\n"):
        found = _PLAIN_LINE.fullmatch(line)
        if found is None or found[1] in keys:  # a key twice is no TOML
            return None
        if found[1] is not None:
            keys[found[1]] = found[2]
    return keys
