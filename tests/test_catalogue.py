"""One catalogue for the program's words (issue 14): tools/catalogue.py's checks on the
real files (every marked string extracted is in the English catalogue, translated, not
fuzzy, with the same {placeholders}, and compiled to .mo), and no string translated
outside that mechanism (no Qt translation calls, no ``_()`` of a text built at run time).

The catalogue's state is the lead's (atelier/locale): until the translators' work is
merged, the first test lists what is left to translate.
"""

import ast
import importlib.util
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [path for folder in ("atelier", "ui") for path in sorted((ROOT / folder).rglob("*.py"))]
MECHANISM = ROOT / "atelier" / "i18n.py"  # the markers themselves pass their arguments on
MARKERS = {"_": (0,), "N_": (0,), "ngettext": (0, 1), "plural": (1, 2), "pgettext": (0, 1)}  # text arguments
QT_CALLS = {"QT_TRANSLATE_NOOP", "QT_TRANSLATE_NOOP3", "QT_TR_NOOP", "QT_TRANSLATE_N_NOOP", "QT_TR_N_NOOP"}

# A text looked up by a key is translated at use, from a table of N_() strings in the same
# file or imported from one. A lookup the test cannot follow that way would be listed
# here, (file, argument): why.
ALLOWED: dict[tuple[str, str], str] = {
    ("atelier/vocabulary.py", "text"): "the national vocabulary's labels, which tools/catalogue.py reads from "
                                       "vocabulary.toml into the catalogue under SCREEN_CONTEXT",
    ("atelier/vocabulary.py", "SCREEN_CONTEXT"): "that context, one constant for the tool and the lookup",
}


def load_tool():
    spec = importlib.util.spec_from_file_location("catalogue_tool", ROOT / "tools" / "catalogue.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


catalogue = load_tool()


@pytest.fixture(scope="module")
def template() -> Catalog:
    return catalogue.extract()


def test_the_english_catalogue_has_every_string_translated_and_compiled(template):
    found = catalogue.problems("en", template)
    assert found == [], f"{len(found)} problèmes (python tools/catalogue.py --check) :\n" + "\n".join(found[:40])


def test_extraction_finds_each_kind_of_marker(template):
    ids = {message.id for message in template}
    assert "Accueil" in ids  # N_ in a table (ui/main_window.py)
    assert ("{n} présent", "{n} présents") in ids  # plural() (ui/views/closing.py)
    assert "Réglages" in ids and "Changer de langue maintenant ?" in ids  # _()
    assert len(ids) > 1000


def test_a_placeholder_lost_or_added_is_found():
    wrong = Catalog(locale="en")
    wrong.add("Bonjour {name}", "Hello {name}")
    wrong.add("{n} présent", "{count} present")  # renamed
    wrong.add(("{n} absent", "{n} absents"), ("{n} absent", "absent"))  # lost in the plural
    wrong.add(("{n} fois", "{n} fois"), ("once", "{n} times"))  # a singular may say its number in words
    wrong.add("Le {day}", "On {day} at {time}")  # added
    wrong.add("Pas de nom", "")  # not translated yet: another check's business
    found = catalogue.wrong_placeholders(wrong)
    assert len(found) == 3 and not any("Bonjour" in f for f in found), found
    assert catalogue.placeholders("{n} sur {count} {") == {"{"}


def n_tables() -> set[Path]:
    """The files that mark texts with N_() for later translation."""
    return {path for path in SOURCES if "N_(" in path.read_text(encoding="utf-8")}


def imports_from(tree: ast.Module, files: set[Path]) -> bool:
    modules = {".".join(path.relative_to(ROOT).with_suffix("").parts) for path in files}
    return any(isinstance(node, ast.ImportFrom) and node.module in modules for node in ast.walk(tree))


def is_lookup(node: ast.expr) -> bool:
    """A name, an attribute, an item or a ``.get()`` of a table: a text chosen, not made."""
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Attribute) and node.func.attr == "get" and is_lookup(node.func.value)
    return isinstance(node, (ast.Name, ast.Attribute, ast.Subscript))


def translation_faults(path: Path, tables: set[Path]) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    where = path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else path.name
    marks_or_imports = path in tables or imports_from(tree, tables)
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        said = f"{where}:{node.lineno}: {ast.unparse(node)[:90]}"
        if isinstance(func, ast.Attribute) and func.attr == "tr" and isinstance(func.value, ast.Name):
            found.append(f"{said} (Qt's tr: use atelier.i18n)")
        elif isinstance(func, ast.Attribute) and func.attr == "translate" and ast.unparse(func.value) in (
                "QCoreApplication", "QApplication", "QGuiApplication"):
            found.append(f"{said} (Qt's translate: use atelier.i18n)")
        elif isinstance(func, ast.Name) and func.id in QT_CALLS:
            found.append(f"{said} ({func.id}: use N_)")
        elif isinstance(func, ast.Name) and func.id in MARKERS and path != MECHANISM:
            for i in MARKERS[func.id]:
                if i >= len(node.args):
                    continue
                text = node.args[i]
                if isinstance(text, ast.Constant) and isinstance(text.value, str):
                    continue
                allowed = (where, ast.unparse(text)) in ALLOWED
                if allowed or (func.id == "_" and is_lookup(text) and marks_or_imports):
                    continue
                found.append(f"{said} (the text is not a literal string the catalogue can hold)")
    return found


def test_no_string_is_translated_outside_the_catalogue():
    tables = n_tables()
    found = [fault for path in SOURCES for fault in translation_faults(path, tables)]
    assert found == [], "\n".join(found)


def test_the_check_sees_what_it_forbids(tmp_path):
    bad = tmp_path / "probe.py"
    source = ('from atelier.i18n import _\n'
              'def f(self, name, QCoreApplication):\n'
              '    self.tr("Bonjour")\n'
              '    QCoreApplication.translate("Ctx", "Bonjour")\n'
              '    QT_TRANSLATE_NOOP("Ctx", "Bonjour")\n'
              '    _(f"Bonjour {name}")\n'
              '    _("Bonjour " + name)\n'
              '    _("Bonjour")\n'
              '    return _(name)\n')
    bad.write_text(source, encoding="utf-8")
    found = translation_faults(bad, set())
    assert [f.split(":")[1] for f in found] == ["3", "4", "5", "6", "7", "9"], found
