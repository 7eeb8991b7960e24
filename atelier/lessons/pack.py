"""Lesson packs: load and check the modules trainers write with a text editor.

A module is a folder with module.toml, one Markdown file per step and optional
images/ (see lessons/README.md). Every problem names the file and, wherever it can be
found in the raw text, the line, so that a trainer can fix the pack without help.
"""

import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from atelier.lessons.exercises import SLUG, Text, TextList, check_exercises, shown, suggest, unknown_key
from atelier.i18n import N_, _
from atelier.lessons.picture_size import picture_box
from atelier.lessons.rules import PackFiles
from atelier.lessons.tomllines import Locator, editor_lines, last_line
from atelier.vocabulary import labels

MODULE_FILE = "module.toml"
MODULE_REQUIRED = ("id", "title", "summary", "language", "version", "duration", "level",
                   "themes", "objectives", "steps")
# requires: modules whose glossary counts as known; checklist: « Avant l'atelier »;
# remember: the 3 things to remember; glossary: word = its explanation, in easy French;
# translation_of: the language of the original module a translation shares its id with.
MODULE_KEYS = (*MODULE_REQUIRED, "exercises", "requires", "checklist", "remember", "glossary",
               "translation_of")
REMEMBER_COUNT = 3


@dataclass(frozen=True)
class Step:
    index: int          # position in Module.steps, from 0
    file: str
    title: str
    markdown: str
    path: Path


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    title: str
    instructions: str
    params: dict = field(hash=False)   # defaults filled in; see atelier/lessons/exercises.py
    folder: Path | None = field(default=None, compare=False)   # the module's: its pictures


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    summary: str
    language: str
    version: int
    duration: int
    level: str
    themes: tuple[str, ...]
    objectives: tuple[str, ...]
    steps: tuple[Step, ...]
    exercises: tuple[Exercise, ...]
    path: Path
    requires: tuple[str, ...] = ()
    checklist: tuple[str, ...] = ()      # « Avant l'atelier », first in the guide
    remember: tuple[str, ...] = ()       # « 3 choses à retenir »: the guide's end, the practice's
    glossary: dict[str, str] = field(default_factory=dict, hash=False)   # word → easy explanation
    translation_of: str | None = None    # a translation: its original's language ("fr")


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int | None
    message: str
    warning: bool = False   # advice (the FALC lint on the guide's prose): loads all the same

    def __str__(self) -> str:
        where = "/".join(Path(self.file).parts[-2:])
        message = _("conseil : {message}").format(message=self.message) if self.warning \
            else self.message
        if self.line:
            return _("{file}, ligne {line} : {message}").format(
                file=where, line=self.line, message=message)
        return _("{file} : {message}").format(file=where, message=message)


class PackError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


# --- reading one module --------------------------------------------------------------

_TOML_ERRORS = {
    "Invalid value": N_("valeur invalide (un texte doit être entre guillemets)"),
    "Invalid statement": N_("ligne incompréhensible (il manque peut-être un « = » ou un guillemet)"),
    "Expected '=' after a key": N_("il manque le signe « = » après le nom de la clé"),
    "Cannot overwrite a value": N_("cette clé est déjà écrite plus haut"),
    "Cannot declare": N_("cette clé ou cette table est déjà écrite plus haut"),
    "Unclosed array": N_("liste non fermée : il manque un « ] »"),
    "Unclosed inline table": N_("table non fermée : il manque une « } »"),
    "Unterminated string": N_("texte non fermé : il manque un guillemet"),
    "Illegal character": N_("caractère interdit dans un texte"),
    "Expected ']'": N_("il manque un « ] » à la fin de l'en-tête"),
    "Expected ']]'": N_("il manque « ]] » à la fin de l'en-tête"),
    "Invalid initial character for a key part": N_("nom de clé invalide"),
}


def _toml_problem(file: Path, error: tomllib.TOMLDecodeError, source: str) -> Problem:
    text = str(error)
    line = getattr(error, "lineno", None)   # Python 3.14+; earlier: "(at line 3, column 5)"
    if line is None and (m := re.search(r"at line (\d+)", text)):
        line = int(m.group(1))
    if line is None or "end of document" in text:   # a cut file: its last line
        line = last_line(source)
    detail = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", text)
    french = next((v for k, v in _TOML_ERRORS.items() if detail.startswith(k)), None)
    message = _("le fichier n'est pas un TOML valide : {reason}").format(
        reason=_(french) if french else detail)
    return Problem(file, min(line, last_line(source)), message)


def read_toml(file: Path, text: str) -> tuple[dict | None, Problem | None]:
    """The TOML of ``text`` (read from ``file``), or the problem that stops it, with its line.

    tomllib itself fails on two hostile shapes: brackets nested hundreds deep (it
    recurses) and integers of thousands of digits (Python refuses to convert them).
    """
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as error:
        return None, _toml_problem(file, error, text)
    except RecursionError:
        depth, line = 0, 1
        for line, row in enumerate(editor_lines(text), 1):
            depth += row.count("[") + row.count("{") - row.count("]") - row.count("}")
            if depth > 50:
                break
        return None, Problem(file, line, _("trop de crochets ou d'accolades les uns dans "
                                           "les autres : simplifiez ce qui est écrit ici"))
    except ValueError:   # "Exceeds the limit (4300 digits) for integer string conversion"
        lines = editor_lines(text)
        line = next((n for n, row in enumerate(lines, 1) if re.search(r"\d{1000}", row)),
                    len(lines))
        return None, Problem(file, max(line, 1), _("un nombre a beaucoup trop de chiffres"))


def _read_text(file: Path, problems: list[Problem]) -> str | None:
    try:
        return file.read_bytes().decode("utf-8-sig")   # Windows Notepad may add a BOM
    except UnicodeDecodeError as error:
        line = file.read_bytes()[:error.start].count(b"\n") + 1
        problems.append(Problem(file, line, _(
            "le fichier n'est pas enregistré en UTF-8 : choisissez l'encodage UTF-8 "
            "en l'enregistrant")))
    except OSError as error:
        problems.append(Problem(file, None, _("lecture impossible : {error}").format(
            error=error.strerror or error)))
    return None


def _file_problem(folder: Path, relative: str) -> str | None:
    """Why `relative` is not a file of the module (exact case, as on Linux), or None."""
    parts = PurePosixPath(relative).parts
    if not parts or "\\" in relative or PurePosixPath(relative).is_absolute() or ".." in parts:
        return _("chemin « {path} » : écrivez un chemin à l'intérieur du dossier du module, "
                 "avec des /, par exemple images/souris.png").format(path=relative)
    current = folder
    for part in parts:
        names = os.listdir(current) if current.is_dir() else []
        if part not in names:
            same = [n for n in names if n.lower() == part.lower()]
            hint = _(" (il existe sous le nom « {name} » : les majuscules comptent)").format(
                name=same[0]) if same else ""
            return _("fichier introuvable « {path} »{hint}").format(path=relative, hint=hint)
        current = current / part
    if not current.is_file():
        return _("« {path} » n'est pas un fichier").format(path=relative)
    return None


_IMAGE = re.compile(r"!\[[^\]]*\]\(([^)]*)\)")


def _image_target(inside: str) -> str:
    inside = inside.strip()
    if inside.startswith("<"):
        return inside[1:].split(">", 1)[0]
    return re.sub(r"""\s+["'(].*$""", "", inside)   # drop an optional "title"


class _Reader:
    """Collects every problem of one module folder instead of stopping at the first."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.toml = folder / MODULE_FILE
        self.problems: list[Problem] = []
        self.locate = Locator("")

    def add(self, message: str, where: tuple = (), exercise: int | None = None,
            file: Path | None = None, line: int | None = None):
        if file is None:
            file, line = self.toml, self.locate.line(where, exercise)
        self.problems.append(Problem(file, line, message))

    def read(self) -> Module | None:
        if not self.toml.is_file():
            self.add(missing_toml(self.folder), file=self.folder)
            return None
        text = _read_text(self.toml, self.problems)
        if text is None:
            return None
        data, problem = read_toml(self.toml, text)
        if problem is not None:
            self.problems.append(problem)
            return None
        self.locate = Locator(text)
        return self._module(data)

    def _module(self, data: dict) -> Module | None:
        for key in data:
            if key not in MODULE_KEYS:
                self.add(unknown_key(key, MODULE_FILE, MODULE_KEYS), (key,))
        for key in MODULE_REQUIRED:
            if key not in data:
                self.add(_("il manque « {key} »").format(key=key))
        value = data.get("id")
        if "id" in data and not (isinstance(value, str) and SLUG.match(value)):
            self.add(_("l'identifiant {value} ne convient pas : lettres minuscules sans "
                       "accents, chiffres et tirets, par exemple \"la-souris\"")
                     .format(value=shown(value)), ("id",))
        for key in ("title", "summary"):
            self._check(key, data, Text())
        self._check("objectives", data, TextList(1))
        if "language" in data and not re.fullmatch(r"[a-z]{2}", str(data["language"])):
            self.add(_("« language » doit être un code de langue à deux lettres, "
                       "par exemple \"fr\""), ("language",))
        self._translation_of(data)
        for key in ("version", "duration"):
            value = data.get(key)
            if key in data and (isinstance(value, bool) or not isinstance(value, int)
                                or value <= 0):
                self.add(_("« {key} » doit être un nombre entier plus grand que 0, sans "
                           "guillemets, pas {value}").format(key=key, value=shown(value)), (key,))
        self._check_keys("level", data, "workshop_level",
                         _("niveau inconnu « {value} »{hint} ; niveaux possibles : {keys}"))
        if self._check("themes", data, TextList(1)):
            self._check_keys("themes", data, "themes",
                             _("thème inconnu « {value} »{hint} ; thèmes possibles : {keys}"))
        self._check("checklist", data, TextList(1))
        self._check("remember", data, TextList(REMEMBER_COUNT, REMEMBER_COUNT))
        self._requires(data)
        glossary = self._glossary(data.get("glossary", {}))
        steps = self._steps(data.get("steps"))
        found = self._exercises(data.get("exercises", []))
        if self.problems:
            return None
        return Module(data["id"], data["title"], data["summary"], data["language"],
                      data["version"], data["duration"], data["level"],
                      tuple(data["themes"]), tuple(data["objectives"]), steps, found,
                      self.folder, tuple(data.get("requires", ())), tuple(data.get("checklist", ())),
                      tuple(data.get("remember", ())), glossary, data.get("translation_of"))

    def _translation_of(self, data: dict) -> None:
        value = data.get("translation_of")
        if "translation_of" not in data:
            return
        if not (isinstance(value, str) and re.fullmatch(r"[a-z]{2}", value)):
            self.add(_("« translation_of » doit être le code à deux lettres de la langue du module "
                       "original, par exemple \"fr\""), ("translation_of",))
        elif value == data.get("language"):
            self.add(_("« translation_of » dit la langue du module original : elle doit être "
                       "différente de « language » ({language})").format(language=value),
                     ("translation_of",))

    def _requires(self, data: dict) -> None:
        if not self._check("requires", data, TextList(0)):
            return
        for name in data["requires"]:
            if not SLUG.match(name):
                self.add(_("« requires » : « {name} » n'est pas l'identifiant d'un module (lettres "
                           "minuscules sans accents, chiffres et tirets, par exemple \"la-souris\")")
                         .format(name=name), ("requires",))
            elif name == data.get("id"):
                self.add(_("« requires » nomme le module lui-même : écrivez les modules à faire "
                           "avant celui-ci"), ("requires",))

    def _glossary(self, table) -> dict[str, str]:
        if not isinstance(table, dict):
            self.add(_("le lexique s'écrit sous un en-tête [glossary], un mot par ligne : "
                       'navigateur = "Le programme pour aller sur internet."'), ("glossary",))
            return {}
        for word, meaning in table.items():
            if not word.strip() or Text().check(word, meaning):
                self.add(_("lexique : « {word} » doit être suivi d'une explication entre guillemets, "
                           'par exemple {word} = "Le programme pour aller sur internet.", pas {value}')
                         .format(word=word, value=shown(meaning)),
                         line=self.locate.table_line("glossary", word), file=self.toml)
        return {w: m for w, m in table.items() if isinstance(m, str)}

    def _check(self, key, data, rule) -> bool:
        if key in data and (message := rule.check(key, data[key])):
            self.add(message, (key,))
            return False
        return key in data

    def _check_keys(self, key, data, section, message):
        known = labels(section)
        values = data.get(key, [])
        for value in values if isinstance(values, list) else [values]:
            if not isinstance(value, str) or value not in known:
                self.add(message.format(value=value, hint=suggest(value, known),
                                        keys=", ".join(known)), (key,))

    def _steps(self, files) -> tuple[Step, ...]:
        if files is None or not self._check("steps", {"steps": files}, TextList(1)):
            return ()
        steps, seen = [], set()
        for name in files:
            if name in seen:
                self.add(_("l'étape « {name} » est listée deux fois").format(name=name),
                         ("steps",))
                continue
            seen.add(name)
            message = _file_problem(self.folder, name)
            if message is None and not name.lower().endswith(".md"):
                message = _("l'étape « {name} » doit être un fichier Markdown (.md)").format(
                    name=name)
            if message:
                self.add(_("étape : {message}").format(message=message), ("steps",))
                continue
            step = self._step(len(steps), name)
            if step:
                steps.append(step)
        return tuple(steps)

    def _step(self, index: int, name: str) -> Step | None:
        path = self.folder / name
        text = _read_text(path, self.problems)
        if text is None:
            return None
        if not text.strip():
            self.add(_("le fichier d'étape est vide"), file=path)
            return None
        for number, line in enumerate(editor_lines(text), 1):
            for match in _IMAGE.finditer(line):
                target = _image_target(match.group(1))
                if re.match(r"^[a-z]+:", target):
                    message = _("l'image « {path} » vient d'internet et ne s'affichera pas "
                                "sans réseau : copiez-la dans images/").format(path=target)
                else:
                    message = _file_problem(self.folder, target)
                if message:
                    self.add(_("image : {message}").format(message=message),
                             file=path, line=number)
        title = next((line[2:].strip().rstrip("#").strip() for line in editor_lines(text)
                      if line.startswith("# ")), name)
        return Step(index, name, title, text, path)

    def _exercises(self, tables) -> tuple[Exercise, ...]:
        files = PackFiles(problem=lambda path: _file_problem(self.folder, path),
                          box=lambda path: picture_box(self.folder / path))
        checked, issues = check_exercises(tables, files)
        for issue in issues:
            self.add(issue.message, issue.where, issue.exercise)
        return tuple(Exercise(t["id"], t["kind"], t["title"], t["instructions"], params, self.folder)
                     for t, params in checked)


def missing_toml(folder: Path) -> str:
    near = [p.name for p in folder.iterdir() if p.name.lower().startswith("module")]
    hint = _(" (il y a « {name} » : renommez-le exactement module.toml ; Windows cache "
             "parfois la fin .txt)").format(name=near[0]) if near else ""
    return _("ce dossier ne contient pas de fichier module.toml{hint}").format(hint=hint)


def load_module(folder: Path) -> Module:
    """Load one module folder; raise PackError listing every problem found."""
    reader = _Reader(Path(folder))
    module = reader.read()
    if module is None:
        raise PackError(reader.problems)
    return module
