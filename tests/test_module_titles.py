"""The home screen's module titles, read from the first lines of each module.toml,
agree with what the whole file says (atelier.content.module_titles)."""

import subprocess
import sys
import tomllib
from pathlib import Path

from hypothesis import given, settings, strategies as st

from atelier.content import module_titles, plain_lines

# Lines that look like the keys but sit inside a multi-line string or array.
DECOYS = ['id = "faux"', 'title = "Faux titre"', "title =", '[etapes]', 'id = """']
words = st.text(alphabet="abcdéè çà'-", min_size=1, max_size=12)


@st.composite
def module_file(draw) -> str:
    parts = [f'id = "{draw(words)}"', f'title = "{draw(words)}"']
    for _ in range(draw(st.integers(0, 4))):
        decoy = draw(st.sampled_from(DECOYS))
        parts.insert(draw(st.integers(0, len(parts))), draw(st.sampled_from([
            f'summary = """\n{decoy}\n"""',
            f"notes = '''\n{decoy}\n'''",
            f'objectives = [\n  "un",\n  # {decoy}\n  "deux",\n]',
            f"version = {draw(st.integers(0, 9))}",
        ])))
    parts = list(dict.fromkeys(parts))  # a key twice is another file (and another test)
    text = "\n".join(parts) + draw(st.sampled_from(["", "\n", '\n[[steps]]\ntitle = "Étape"\n']))
    return text


@settings(max_examples=150, deadline=None, derandomize=True)
@given(module_file())
def test_the_first_lines_say_what_the_whole_file_says(tmp_path_factory, text):
    try:
        whole = tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return  # a pack that does not read at all is `atelier lessons check`'s business
    folder = tmp_path_factory.mktemp("packs")
    (folder / "module").mkdir()
    (folder / "module" / "module.toml").write_text(text, "utf-8")
    assert module_titles([folder]) == {whole["id"]: whole["title"]}


def test_a_title_on_the_last_line_without_a_newline(tmp_path):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "module.toml").write_text('id = "m"\ntitle = "Dernière ligne"', "utf-8")
    assert module_titles([tmp_path]) == {"m": "Dernière ligne"}


def test_a_pack_saved_with_windows_line_ends(tmp_path):
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "module.toml").write_bytes(
        'id = "m"\r\ntitle = "Écrit sous Windows"  # oui\r\n\r\n[[steps]]\r\ntitle = "Étape"\r\n'.encode())
    assert module_titles([tmp_path]) == {"m": "Écrit sous Windows"}


def test_a_pack_saved_with_a_byte_order_mark(tmp_path):
    """Notepad starts a UTF-8 file with a byte order mark: the first key still reads."""
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "module.toml").write_bytes('\ufeffid = "m"\ntitle = "Avec sa marque"\n'.encode())
    assert module_titles([tmp_path]) == {"m": "Avec sa marque"}


# Pieces of lines that plain_lines must read exactly as TOML does, or leave to it.
odd = st.text(alphabet=list('aé "\\#=\t\r\x01\x7f[].\'{}1'), max_size=8)
key = st.sampled_from(["id", "title", "language", "a-b_1", '"id"', "ti tle", "x.y", ""])
comment = st.sampled_from(["", "  # note", "#", "\t# « é »"]) | odd.map(lambda s: " #" + s)
any_line = st.one_of(
    st.builds('{} = "{}"{}'.format, key, odd, comment),
    st.builds("{}={}".format, key, odd),
    comment,
    odd,
)
plain_text = st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters='"\\'), max_size=10)
plain_line = st.builds('{} = "{}"{}'.format, st.sampled_from(["id", "title", "summary", "language", "translation_of"]),
                       plain_text, st.sampled_from(["", "  # la traduction anglaise", "\t"]))


def toml_or_none(text: str) -> dict | None:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError:
        return None


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(any_line, max_size=6), st.sampled_from(["\n", "\r\n"]))
def test_plain_lines_say_what_toml_says_or_nothing(lines, newline):
    text = newline.join(lines)
    said = plain_lines(text)
    assert said is None or said == toml_or_none(text)


@settings(max_examples=150, deadline=None, derandomize=True)
@given(st.lists(plain_line, max_size=5, unique_by=lambda line: line.split(" ")[0]), st.sampled_from(["\n", "\r\n"]))
def test_plain_lines_are_read_without_toml(lines, newline):
    text = newline.join(lines)
    assert plain_lines(text) == tomllib.loads(text)


def test_the_shipped_modules_titles_are_read_without_loading_toml():
    """The home reads them at every start-up; the TOML parser costs 1.6 ms to load."""
    code = ("import sys\nfrom atelier.content import lesson_dirs, module_titles\n"
            "titles = module_titles(lesson_dirs())\n"
            "assert titles['la-souris'] == 'La souris' and 'tomllib' not in sys.modules, sorted(sys.modules)")
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run([sys.executable, "-c", code], cwd=root, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
