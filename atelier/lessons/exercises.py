"""The parameters of each kind of exercise: types, ranges, defaults.

`check_exercise` returns the parameters with defaults filled in and a list of `Issue`s
whose `where` is the key path inside the exercise table (e.g. ("questions", 2,
"correct")), which pack.py turns into a line number. The only files it looks at are
the module's pictures, through the PackFiles pack.py gives it. The rules of each
parameter are in rules.py; a form's fields in form_rules.py; questions in
question_rules.py; keys in key_combos.py.
"""

from collections.abc import Callable
from dataclasses import dataclass

from atelier.i18n import _
from atelier.lessons.form_rules import FIELD_KEYS, FIELD_TYPES, check_fields, check_pages, finish_form
from atelier.lessons.key_combos import NAMED, keys_problem
from atelier.lessons.question_rules import QUESTION_KEYS, check_hotspot_questions, check_questions
from atelier.lessons.rules import (SLUG, Flag, Int, Interval, Issue, PackFiles, Picture, Share, Size, Text,
                                   TextList, shown, suggest, unknown_key)

__all__ = ["KINDS", "COMMON_KEYS", "KEY_NAMES", "FIELD_TYPES", "FIELD_KEYS", "QUESTION_KEYS", "RULES",
           "SLUG", "Issue", "Int", "Size", "Text", "TextList", "shown", "suggest", "unknown_key",
           "check_exercises", "check_exercise", "scroll_labels", "scroll_position"]

KINDS = ("click", "double-click", "drag", "scroll", "right-click", "type", "keys",
         "form", "choice", "hotspot", "hover")
COMMON_KEYS = ("id", "kind", "title", "instructions")
KEY_NAMES = tuple(NAMED)   # the keys by the first packs' names; see key_combos for the rest
# The scroll list shows this many lines at once (whatever the text size); the line to
# find is placed further down, so that it always starts out of view.
SCROLL_VISIBLE = 4
SCROLL_FIND_MAX = 30      # characters: a line of the list must fit at 200 %
TYPE_TEXT_MAX = 60        # characters: a text to copy is shown on one very large line
# Characters a word processor puts in but a keyboard cannot easily type: what to write.
HARD_TO_TYPE = {"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00ab": '"',
                "\u00bb": '"', "\u00a0": " ", "\u202f": " ", "\u2026": "...", "\u2013": "-",
                "\u2014": "-", "\u0153": "oe", "\u0152": "OE", "\t": " ", "\n": " "}
SCROLL_WORDS = ("Pomme", "Vélo", "Lampe", "Fleur", "Chaise", "Livre", "Tasse", "Bateau",
                "Soleil", "Crayon", "Parapluie", "Horloge", "Fromage", "Poisson", "Cerise",
                "Montagne", "Guitare", "Chapeau", "Lunettes", "Carotte", "Piano", "Théière",
                "Arbre", "Étoile", "Valise", "Tomate", "Escargot", "Maison", "Nuage",
                "Ciseaux", "Poire", "Écharpe", "Bougie", "Train", "Citron", "Panier",
                "Girafe", "Ballon", "Râteau", "Cadeau")
# The practice screen is at least this big; a bigger target could not be shown whole.
SCREEN_WIDTH, SCREEN_HEIGHT = 1024, 600


@dataclass(frozen=True)
class Nested:
    """A parameter made of tables (a form's fields, a quiz's questions), checked by
    ``checker(value, files)``, which returns the value with defaults and issues."""

    checker: Callable
    optional: bool = False
    default = None


@dataclass(frozen=True)
class Keys:
    """The keys of a `keys` exercise: names or combinations (key_combos)."""

    default = None
    optional = False

    def check(self, key, value):
        return keys_problem(key, value)


class Words(TextList):
    """A scroll list's everyday words, in the pack's language (SCROLL_WORDS when absent)."""
    optional = True


LABEL = Text(optional=True)   # how the instructions and the feedback name the thing
RULES = {
    "click": {"count": Int(1, 50, 5), "target_size": Size(160), "image": Picture(), "label": LABEL},
    "double-click": {"count": Int(1, 50, 3), "target_size": Size(200), "interval_ms": Interval(900),
                     "image": Picture(), "label": LABEL},
    "drag": {"count": Int(1, 20, 3), "object_size": Size(140), "target_size": Size(220),
             "tolerance": Int(0, 200, 40), "object_image": Picture(), "object_label": LABEL,
             "target_image": Picture(), "target_label": LABEL},
    "scroll": {"items": Int(5, 200, 30), "find": Text(), "words": Words(5, 200, unique=True)},
    "right-click": {"menu": TextList(2, 8, unique=True), "answer": Text(), "image": Picture(),
                    "label": LABEL},
    "type": {"texts": TextList(1)},
    "keys": {"keys": Keys()},
    "form": {"fields": Nested(check_fields, optional=True), "pages": Nested(check_pages, optional=True),
             "submit": Text(optional=True), "data": Text(optional=True), "recap": Flag(False)},
    "choice": {"questions": Nested(check_questions)},
    "hotspot": {"questions": Nested(check_hotspot_questions)},
    "hover": {"image": Picture(), "uncover": Share(0.3, 0.8), "brush": Int(30, 300, 90)},
}


def check_exercises(tables, check_file: Callable[[str], str | None] | PackFiles
                    ) -> tuple[list[tuple[dict, dict]], list[Issue]]:
    """Check the [[exercises]] of a module: (table, params) of each good one, and issues."""
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        return [], [Issue(("exercises",), _("les exercices s'écrivent chacun sous un "
                                            "en-tête [[exercises]] (avec deux crochets)"))]
    good, issues, seen = [], [], set()
    for n, table in enumerate(tables):
        found = []
        for key in COMMON_KEYS:
            if key not in table:
                found.append(Issue((), _("exercice n° {n} : il manque « {key} »").format(
                    n=n + 1, key=key)))
            elif message := Text().check(key, table[key]):
                found.append(Issue((key,), message))
        ex_id, kind = table.get("id"), table.get("kind")
        if isinstance(ex_id, str) and ex_id.strip() and not SLUG.match(ex_id):
            found.append(Issue(("id",), _("l'identifiant d'exercice « {id} » ne convient pas : "
                                          "lettres minuscules sans accents, chiffres et tirets"
                                          ).format(id=ex_id)))
        elif isinstance(ex_id, str) and ex_id in seen:
            found.append(Issue(("id",), _("deux exercices ont l'identifiant « {id} » : chaque "
                                          "exercice du module doit avoir le sien").format(id=ex_id)))
        seen.add(ex_id if isinstance(ex_id, str) else None)
        if isinstance(kind, str) and kind in KINDS:
            params, more = check_exercise(kind, table, check_file)
            found += more
            if not found:
                good.append((table, params))
        elif "kind" in table:
            found.append(Issue(("kind",), _("type d'exercice inconnu « {kind} »{hint} ; types "
                                            "possibles : {kinds}").format(
                kind=shown(kind) if not isinstance(kind, str) else kind, hint=suggest(kind, KINDS),
                kinds=", ".join(KINDS))))
        issues += [Issue(i.where, i.message, n) for i in found]
    return good, issues


def check_exercise(kind: str, table: dict,
                   check_file: Callable[[str], str | None] | PackFiles) -> tuple[dict, list[Issue]]:
    """Parameters of one exercise of a known `kind`, defaults filled in, and issues.

    ``check_file(relative_path)`` returns a message when a file of the module is missing
    (or a PackFiles, which can also read a picture's size).
    """
    files = PackFiles.of(check_file)
    rules = RULES[kind]
    issues: list[Issue] = []
    params: dict = {}
    what = _("un exercice « {kind} »").format(kind=kind)
    for key in table:
        if key not in rules and key not in COMMON_KEYS:
            issues.append(Issue((key,), unknown_key(key, what, list(rules))))
    for key, rule in rules.items():
        if key not in table:
            if rule.optional:
                params[key] = None
            elif rule.default is not None:
                params[key] = rule.default
            else:
                issues.append(Issue((), _("il manque « {key} » (obligatoire pour {what})")
                                    .format(key=key, what=what)))
            continue
        value = table[key]
        if isinstance(rule, Nested):
            value, found = rule.checker(value, files)
            issues += [Issue((key, *i.where), i.message) for i in found]
        elif message := rule.check(key, value):
            issues.append(Issue((key,), message))
        elif isinstance(rule, Picture) and (message := files.problem(value)):
            issues.append(Issue((key,), message))
        params[key] = value
    if kind == "form" and not issues:
        issues += finish_form(params)
    if not issues:
        issues += _cross_checks(kind, params)
    return params, issues


def scroll_labels(items: int, find: str, words: list[str] | None = None) -> list[str]:
    """The lines of a scroll exercise: everyday words, the pack's ``words`` or French ones
    (never the word to find; after the last, "Pomme 2"…), with ``find`` at
    ``scroll_position(items)``."""
    words = [w for w in (words or SCROLL_WORDS) if w.casefold() != find.strip().casefold()]
    labels = []
    for n in range(items - 1):
        word, lap = words[n % len(words)], n // len(words)
        labels.append(word if lap == 0 else f"{word} {lap + 1}")
    labels.insert(scroll_position(items), find)
    return labels


def scroll_position(items: int) -> int:
    """Where the line to find is: below the lines first shown, about two thirds down."""
    return min(items - 1, max(SCROLL_VISIBLE, round(items * 0.7)))


def _text_problem(text: str) -> str | None:
    """Why a text to copy would be hard to copy on a French keyboard, or None."""
    if len(text) > TYPE_TEXT_MAX:
        return _("le texte « {text} » fait {n} caractères : {max} au plus, pour qu'il tienne "
                 "sur une ligne en très grand ; coupez-le en deux textes").format(
            text=text, n=len(text), max=TYPE_TEXT_MAX)
    for ch in text:
        if ch in HARD_TO_TYPE:
            shown_ch = {"\u00a0": _("espace insécable"), "\u202f": _("espace fine"),
                        "\t": _("tabulation"), "\n": _("retour à la ligne")}.get(ch, ch)
            return _("le texte « {text} » contient « {ch} », qu'on ne trouve pas sur le "
                     "clavier (un traitement de texte l'a peut-être mis) : écrivez « {plain} » à "
                     "la place").format(text=text.replace("\n", " "), ch=shown_ch,
                                         plain=HARD_TO_TYPE[ch])
    return None


def _cross_checks(kind, params) -> list[Issue]:
    if kind == "type":
        return [Issue(("texts",), m) for m in map(_text_problem, params["texts"]) if m]
    if kind == "scroll":
        find = params["find"]
        if "\n" in find or len(find) > SCROLL_FIND_MAX:
            return [Issue(("find",), _("« find » doit tenir sur une ligne de la liste : "
                                       "{max} caractères au plus, sans retour à la ligne, "
                                       "pas « {find} »").format(max=SCROLL_FIND_MAX,
                                                                find=find.replace("\n", " ")))]
        return []
    if kind == "choice":
        return [Issue(("questions", n, "answers"), _(
            "la question « {question} » a deux fois la réponse « {answer} »").format(
            question=q["question"], answer=next(a for a in q["answers"]
                                                 if q["answers"].count(a) > 1)))
            for n, q in enumerate(params["questions"])
            if len(set(q["answers"])) < len(q["answers"])]
    if kind == "right-click" and params["answer"] not in params["menu"]:
        return [Issue(("answer",), _("la réponse « {answer} » n'est pas dans le menu ; "
                                     "choisissez l'une de : {menu}").format(
            answer=params["answer"], menu=", ".join(params["menu"])))]
    if kind == "drag" and params["object_size"] + params["target_size"] > SCREEN_WIDTH:
        return [Issue(("target_size",), _("l'objet et la cible côte à côte font {w} pixels : "
                                          "plus grand que l'écran ({max} pixels au plus)")
                      .format(w=params["object_size"] + params["target_size"],
                              max=SCREEN_WIDTH))]
    return []
