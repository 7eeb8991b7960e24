"""The translation catalogue: extract, update, compile, check.

    python tools/catalogue.py          # after changing user-facing text
    python tools/catalogue.py --check  # what the tests check: nothing stale, nothing missing

Babel reads every gettext marker of ``atelier/`` and ``ui/`` (see ``atelier/i18n.py``).
Each language's ``.po`` keeps its translations; a new source string arrives empty, a
string gone from the code leaves. ``.mo`` files are what the program reads (no Babel at
run time): compiled here and kept beside their ``.po``.
"""

import argparse
import io
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from atelier import __version__, vocabulary  # noqa: E402  (the checkout's, run as a script)

ROOT = Path(__file__).resolve().parent.parent
LOCALE = ROOT / "atelier" / "locale"
SOURCES = ("atelier", "ui")
TRANSLATED = ("en",)
LANGUAGE_NAMES = {"en": "English"}
# name → the arguments that hold text; ``plural(n, singular, plural, **values)``
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "plural": (2, 3), "pgettext": ((1, "c"), 2)}


def extract() -> Catalog:
    template = Catalog(project="Atelier", domain="atelier", charset="utf-8", fuzzy=False)
    for folder in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
                ROOT / folder, method_map=[("**.py", "python")], keywords=KEYWORDS,
                comment_tags=("Translators:",), strip_comment_tags=True):
            template.add(message, locations=[(f"{folder}/{filename}", lineno)], auto_comments=comments,
                         context=context)
    for section, entries in vocabulary.vocabulary().items():  # the screens show them translated
        for text in entries.values():
            template.add(text, locations=[("atelier/vocabulary.toml", 0)], context=vocabulary.SCREEN_CONTEXT,
                         auto_comments=[f"[{section}] du vocabulaire national : les documents des financeurs gardent le français"])
    return template


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / "atelier.po"


def read(language: str) -> Catalog:
    path = po_path(language)
    if not path.exists():
        return Catalog(locale=language, domain="atelier", fuzzy=False)
    with path.open("rb") as handle:
        return read_po(handle, locale=language, domain="atelier")


def updated(language: str, template: Catalog) -> Catalog:
    catalogue = read(language)
    catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False)
    catalogue.obsolete.clear()  # a string gone from the code leaves the catalogue
    catalogue.fuzzy = False
    # Babel's header says "PROJECT", "FIRST AUTHOR"…: say what the file is instead
    catalogue.project, catalogue.version = "Atelier", __version__
    catalogue.msgid_bugs_address = catalogue.last_translator = catalogue.language_team = ""
    catalogue.header_comment = (f"# Atelier's words in {LANGUAGE_NAMES.get(language, language)}, translated from the "
                                "French source.\n# Made by tools/catalogue.py: translate the empty entries, "
                                "then run it again.")
    return catalogue


def po_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalogue, width=100, sort_output=True, include_lineno=False, omit_header=False)
    return out.getvalue()


def mo_bytes(catalogue: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalogue, use_fuzzy=False)
    return out.getvalue()


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a text is filled with; a stray brace counts as one of them."""
    try:
        return {name for _text, name, _spec, _conversion in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return {"{"}


def wrong_placeholders(catalogue: Catalog) -> list[str]:
    """Translations that lose a ``{name}`` of their source or bring one it does not have
    (a plural's first form answers its singular, the others its plural; the singular
    may say its number in words: "once" for "{n} fois")."""
    found = []
    for message in catalogue:
        if not message.id:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for i, translated in enumerate(strings):
            source = sources[min(i, len(sources) - 1)]
            expected = placeholders(source)
            if translated and placeholders(translated) not in (expected, expected - {"n"} if len(sources) > 1 and i == 0 else None):
                found.append(f"{{noms}} différents : {source!r} → {translated!r}")
    return found


def problems(language: str, template: Catalog) -> list[str]:
    """What is wrong with one language's files: stale against the code, untranslated,
    fuzzy, a ``{name}`` lost or added, or ``.mo`` not compiled from the ``.po``."""
    found = []
    catalogue = read(language)
    wanted = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in template if m.id}
    have = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalogue if m.id}
    for key in sorted(wanted - have, key=str):
        found.append(f"{language}: absent du catalogue : {key[0]!r}")
    for key in sorted(have - wanted, key=str):
        found.append(f"{language}: plus dans le code : {key[0]!r}")
    for message in catalogue:
        if not message.id:
            continue
        label = message.id if isinstance(message.id, str) else message.id[0]
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            found.append(f"{language}: non traduit : {label!r}")
        if message.fuzzy:
            found.append(f"{language}: à revoir (fuzzy) : {label!r}")
    found += [f"{language}: {problem}" for problem in wrong_placeholders(catalogue)]
    mo = po_path(language).with_suffix(".mo")
    if not mo.exists() or mo.read_bytes() != mo_bytes(catalogue):
        found.append(f"{language}: {mo.relative_to(ROOT)} n'est pas compilé depuis le .po")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Extrait, met à jour et compile le catalogue des traductions.")
    parser.add_argument("--check", action="store_true", help="vérifie sans rien écrire")
    args = parser.parse_args(argv)
    template = extract()
    if args.check:
        found = [problem for language in TRANSLATED for problem in problems(language, template)]
        print("\n".join(found) or "Catalogue à jour.")
        return 1 if found else 0
    (LOCALE / "atelier.pot").write_bytes(po_bytes(template))
    for language in TRANSLATED:
        catalogue = updated(language, template)
        po_path(language).parent.mkdir(parents=True, exist_ok=True)
        po_path(language).write_bytes(po_bytes(catalogue))
        po_path(language).with_suffix(".mo").write_bytes(mo_bytes(read(language)))
        missing = sum(1 for m in catalogue if m.id and not all(
            m.string if isinstance(m.string, tuple) else (m.string,)))
        print(f"{language}: {len(catalogue)} entrées, {missing} à traduire")
    return 0


if __name__ == "__main__":
    sys.exit(main())
