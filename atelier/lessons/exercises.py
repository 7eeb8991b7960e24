"""The parameters of each kind of exercise: types, ranges, defaults.

Pure rules, no files: `check_exercise` returns the parameters with defaults filled in
and a list of `Issue`s whose `where` is the key path inside the exercise table
(e.g. ("questions", 2, "correct")), which pack.py turns into a line number.
"""

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass

from atelier.i18n import _

KINDS = ("click", "double-click", "drag", "scroll", "right-click", "type", "keys",
         "form", "choice")
COMMON_KEYS = ("id", "kind", "title", "instructions")
KEY_NAMES = ("Enter", "Backspace", "Delete", "Left", "Right", "Up", "Down", "Shift",
             "Tab", "Space", "Escape")
FIELD_TYPES = ("text", "email", "date", "choice", "checkbox")
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


SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")   # ids: lowercase, digits, hyphens


@dataclass(frozen=True)
class Issue:
    where: tuple                 # key path inside the exercise table
    message: str
    exercise: int | None = None  # index of the [[exercises]] block


def suggest(word: str, possible) -> str:
    """' (vouliez-vous dire « x » ?)' when a close match exists, else ''."""
    if not isinstance(word, str):
        return ""
    lowered = {p.lower(): p for p in possible}
    close = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=0.6)
    return _(" (vouliez-vous dire « {word} » ?)").format(word=lowered[close[0]]) if close else ""


def shown(value) -> str:
    """A value as the trainer typed it in TOML, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    if isinstance(value, list):
        return "[" + ", ".join(shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{…}"
    return str(value)


# --- one rule per parameter type -------------------------------------------------

@dataclass(frozen=True)
class Int:
    low: int
    high: int
    default: int | None = None
    pixels: bool = False  # a size on screen: too big means "bigger than the screen"

    def check(self, key, value):
        if isinstance(value, bool) or not isinstance(value, int):
            return _("« {key} » doit être un nombre entier, sans guillemets ni virgule "
                     "(par exemple {key} = {example}), pas {value}").format(
                key=key, example=self.default or self.low, value=shown(value))
        if self.pixels and value > self.high:
            return _("« {key} » vaut {value} pixels : plus grand que l'écran "
                     "({high} pixels au plus)").format(key=key, value=value, high=self.high)
        if self.pixels and value < self.low:
            return _("« {key} » vaut {value} pixels : trop petit pour des débutants "
                     "({low} pixels au moins)").format(key=key, value=value, low=self.low)
        if not self.low <= value <= self.high:
            return _("« {key} » vaut {value} ; il faut un nombre entre {low} et {high}").format(
                key=key, value=value, low=self.low, high=self.high)
        return None


def Size(default):
    return Int(48, 600, default, pixels=True)


@dataclass(frozen=True)
class Text:
    default: str | None = None

    def check(self, key, value):
        if not isinstance(value, str) or not value.strip():
            return _("« {key} » doit être un texte entre guillemets, non vide, "
                     "pas {value}").format(key=key, value=shown(value))
        return None


@dataclass(frozen=True)
class TextList:
    low: int = 1
    high: int | None = None
    allowed: tuple = ()  # when set, each entry must be one of these
    unique: bool = False  # when set, no entry may be written twice

    default = None

    def check(self, key, value):
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip()
                                                  for v in value):
            return _("« {key} » doit être une liste de textes non vides entre crochets, "
                     'par exemple {key} = ["un", "deux"]').format(key=key)
        if len(value) < self.low or (self.high is not None and len(value) > self.high):
            if self.high is None:
                return _("« {key} » doit contenir au moins {low} élément(s)").format(
                    key=key, low=self.low)
            return _("« {key} » contient {n} élément(s) ; il en faut entre {low} et {high}"
                     ).format(key=key, n=len(value), low=self.low, high=self.high)
        for item in value:
            if self.allowed and item not in self.allowed:
                return _("« {key} » : touche inconnue « {item} »{hint} ; touches possibles : "
                         "{names}").format(key=key, item=item, hint=suggest(item, self.allowed),
                                           names=", ".join(self.allowed))
        if self.unique and len(set(value)) < len(value):
            twice = next(v for v in value if value.count(v) > 1)
            return _("« {key} » contient deux fois « {item} » : chaque choix doit être "
                     "différent").format(key=key, item=twice)
        return None


RULES = {
    "click": {"count": Int(1, 50, 5), "target_size": Size(160)},
    "double-click": {"count": Int(1, 50, 3), "target_size": Size(200),
                     "interval_ms": Int(300, 3000, 900)},
    "drag": {"count": Int(1, 20, 3), "object_size": Size(140), "target_size": Size(220),
             "tolerance": Int(0, 200, 40)},
    "scroll": {"items": Int(5, 200, 30), "find": Text()},
    "right-click": {"menu": TextList(2, 8, unique=True), "answer": Text()},
    "type": {"texts": TextList(1)},
    "keys": {"keys": TextList(1, allowed=KEY_NAMES)},
    "form": {"fields": None, "submit": Text("Envoyer")},   # fields: see _check_fields
    "choice": {"questions": None},                          # see _check_questions
}
FIELD_KEYS = ("name", "label", "type", "choices", "required")
QUESTION_KEYS = ("question", "answers", "correct", "explanation", "image")


def unknown_key(key, kind_text, possible) -> str:
    return _("clé inconnue « {key} »{hint} pour {what} ; clés possibles : {keys}").format(
        key=key, hint=suggest(key, possible), what=kind_text, keys=", ".join(possible))


def check_exercises(tables, check_file: Callable[[str], str | None]
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
        if kind in KINDS:
            params, more = check_exercise(kind, table, check_file)
            found += more
            if not found:
                good.append((table, params))
        elif "kind" in table:
            found.append(Issue(("kind",), _("type d'exercice inconnu « {kind} »{hint} ; types "
                                            "possibles : {kinds}").format(
                kind=kind, hint=suggest(kind, KINDS), kinds=", ".join(KINDS))))
        issues += [Issue(i.where, i.message, n) for i in found]
    return good, issues


def check_exercise(kind: str, table: dict,
                   check_file: Callable[[str], str | None]) -> tuple[dict, list[Issue]]:
    """Parameters of one exercise of a known `kind`, defaults filled in, and issues.

    `check_file(relative_path)` returns a message when a file of the module is missing.
    """
    rules = RULES[kind]
    issues: list[Issue] = []
    params: dict = {}
    what = _("un exercice « {kind} »").format(kind=kind)
    for key in table:
        if key not in rules and key not in COMMON_KEYS:
            issues.append(Issue((key,), unknown_key(key, what, list(rules))))
    for key, rule in rules.items():
        if key not in table:
            if rule is not None and rule.default is not None:
                params[key] = rule.default
            else:
                issues.append(Issue((), _("il manque « {key} » (obligatoire pour {what})")
                                    .format(key=key, what=what)))
            continue
        value = table[key]
        if rule is None:
            checker = _check_fields if key == "fields" else _check_questions
            value, found = checker(value, check_file)
            issues += [Issue((key, *i.where), i.message) for i in found]
        elif message := rule.check(key, value):
            issues.append(Issue((key,), message))
        params[key] = value
    if not issues:
        issues += _cross_checks(kind, params)
    return params, issues


def scroll_labels(items: int, find: str) -> list[str]:
    """The lines of a scroll exercise: everyday words (never the word to find; after
    the 40th, "Pomme 2"…), with ``find`` at ``scroll_position(items)``."""
    words = [w for w in SCROLL_WORDS if w.casefold() != find.strip().casefold()]
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


def _table_list(value, key, example) -> str | None:
    if not isinstance(value, list) or not value or not all(isinstance(v, dict) for v in value):
        return _("« {key} » doit être une liste non vide de tables, écrites "
                 "[[exercises.{key}]] ou {example}").format(key=key, example=example)
    return None


def _check_fields(value, check_file):
    if message := _table_list(value, "fields", '{ name = "nom", label = "Nom", type = "text" }'):
        return value, [Issue((), message)]
    issues, fields, names = [], [], set()
    for n, table in enumerate(value):
        field = dict(table)
        for key in table:
            if key not in FIELD_KEYS:
                issues.append(Issue((n, key), unknown_key(key, _("un champ"), FIELD_KEYS)))
        issues += _required_texts(table, n, ("name", "label", "type"))
        name = table.get("name")
        if isinstance(name, str) and name in names:
            issues.append(Issue((n, "name"), _("deux champs s'appellent « {name} » : chaque "
                                               "« name » doit être unique").format(name=name)))
        names.add(name)
        kind = table.get("type")
        if isinstance(kind, str) and kind.strip() and kind not in FIELD_TYPES:
            issues.append(Issue((n, "type"), _("type de champ inconnu « {value} »{hint} ; types "
                                               "possibles : {types}").format(
                value=kind, hint=suggest(kind, FIELD_TYPES),
                types=", ".join(FIELD_TYPES))))
        required = table.get("required", True)
        field["required"] = required
        if not isinstance(required, bool):
            issues.append(Issue((n, "required"), _(
                "« required » vaut true (à remplir, case à cocher) ou false (facultatif), "
                "sans guillemets, pas {value}").format(value=shown(required))))
        if kind == "choice":
            if message := TextList(1, unique=True).check("choices", table.get("choices")):
                issues.append(Issue((n, "choices"), message))
        elif "choices" in table:
            issues.append(Issue((n, "choices"), _('« choices » ne sert que pour type = "choice"')))
        fields.append(field)
    return fields, issues


def _required_texts(table, n, keys) -> list[Issue]:
    issues = []
    for key in keys:
        if key not in table:
            issues.append(Issue((n,), _("il manque « {key} »").format(key=key)))
        elif message := Text().check(key, table[key]):
            issues.append(Issue((n, key), message))
    return issues


def _check_questions(value, check_file):
    example = '{ question = "…", answers = ["Oui", "Non"], correct = 0, explanation = "…" }'
    if message := _table_list(value, "questions", example):
        return value, [Issue((), message)]
    issues, questions = [], []
    for n, table in enumerate(value):
        question = {"image": None, **table}
        for key in table:
            if key not in QUESTION_KEYS:
                issues.append(Issue((n, key), unknown_key(key, _("une question"),
                                                          QUESTION_KEYS)))
        issues += _required_texts(table, n, ("question", "explanation"))
        answers = table.get("answers")
        if "answers" not in table:
            issues.append(Issue((n,), _("il manque « answers » : la liste des réponses")))
        elif message := TextList(2, 4).check("answers", answers):
            issues.append(Issue((n, "answers"), message))
            answers = None
        correct = table.get("correct")
        if correct is None:
            issues.append(Issue((n,), _("il manque « correct » : le numéro de la bonne "
                                        "réponse, en comptant à partir de 0")))
        elif isinstance(correct, bool) or not isinstance(correct, int):
            issues.append(Issue((n, "correct"), _(
                "« correct » doit être le numéro de la bonne réponse, en comptant à partir "
                "de 0 (0 = la première), pas {value}").format(value=shown(correct))))
        elif answers and not 0 <= correct < len(answers):
            issues.append(Issue((n, "correct"), _(
                "« correct » vaut {value} mais il y a {n} réponses : on compte à partir de 0, "
                "donc entre 0 et {last}").format(value=correct, n=len(answers),
                                                 last=len(answers) - 1)))
        image = table.get("image")
        if image is not None:
            message = Text().check("image", image) or check_file(image)
            if message:
                issues.append(Issue((n, "image"), message))
        questions.append(question)
    return questions, issues
