"""The home screen's module titles, read from the first lines of each module.toml,
agree with what the whole file says (atelier.content.module_titles)."""

import tomllib

from hypothesis import given, settings, strategies as st

from atelier.content import module_titles

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
