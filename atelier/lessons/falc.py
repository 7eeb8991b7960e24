"""The FALC lint: easy-read French rules R1–R13 of ../shared/reference/falc.md, checked
on the texts of a module (atelier.lessons.falc_text says which text is whose).

A floor, not a label: a text is easy-read once readers checked it. Learner and spoken
texts get errors; the guide's prose gets advice (``Problem.warning``). Each problem
names the rule, so that lessons/README.md can explain it.
"""

import re
import tomllib
from dataclasses import replace
from functools import cache
from pathlib import Path

from atelier.content import lesson_dirs
from atelier.i18n import _
from atelier.lessons.falc_text import GUIDE, LEARNER, SPOKEN, Passage, module_passages
from atelier.lessons.pack import MODULE_FILE, Module, Problem

WORDS_LIMIT = {LEARNER: 15, SPOKEN: 20, GUIDE: 25}
ANSWER_WORDS, EXPLANATION_SENTENCES, INSTRUCTION_SENTENCES = 8, 2, 3
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
# A sentence ends at . ! ? … (and the closing quote after it) when the next one starts
# with a capital, a digit or an opening quote.
_SENTENCE_END = re.compile(r"(?<!Verr)[.!?…]+(?:\s?[»\"')])?(?=\s+[«\"(]?\s?[A-ZÀ-ÖØ-Þ0-9])")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")
_ITALICS = re.compile(r"(?<![\w*])\*[^*\s][^*]*\*(?!\*)|(?<!\w)_[^_\s][^_]*_(?!\w)")
_DOUBLE_NEGATION = re.compile(r"\bni\b.*\bni\b|\b(pas|jamais)\s+(sans|im\w+|in\w+|ir\w+)",
                              re.IGNORECASE)
_METAPHOR = re.compile(r"\bcomme\s+(un|une)\b", re.IGNORECASE)


@cache
def words_list() -> dict:
    return tomllib.loads((Path(__file__).with_name("falc_words.toml")).read_text("utf-8"))


@cache
def term_pattern(term: str) -> re.Pattern:
    """A term of the lists, each word maybe plural; capitals matter only where written."""
    parts = [re.escape(w) + (r"[sx]?" if w[-1].isalpha() else "") for w in term.split()]
    flags = 0 if any(c.isupper() for c in term) else re.IGNORECASE
    return re.compile(r"(?<![\w-])" + r"\s+".join(parts) + r"(?![\w-])", flags)


def normal(word: str) -> str:
    return re.sub(r"\s+", " ", word.replace("’", "'")).strip().casefold()


def sentences(text: str) -> list[str]:
    return [sentence for _line, sentence in sentences_by_line(text)]


def sentences_by_line(text: str) -> list[tuple[int, str]]:
    """(line within ``text``, from 0; sentence) of each sentence of ``text``."""
    found = []
    for number, line in enumerate(text.split("\n")):
        start = 0
        for end in [m.end() for m in _SENTENCE_END.finditer(line)] + [len(line)]:
            if _WORD.search(line[start:end]):
                found.append((number, line[start:end].strip()))
            start = end
    return found


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def lint(module: Module) -> list[Problem]:
    """Every FALC problem of a loaded module: errors for learners' and spoken texts,
    advice for the guide's prose."""
    return lint_folder(Path(module.path))


def lint_folder(folder: Path) -> list[Problem]:
    """The same, for a module folder whose module.toml reads (loaded or not). The FALC
    rules read French: a module in another language gets the easy-read rules that hold
    in any language (lint_english, below)."""
    text = (folder / MODULE_FILE).read_text("utf-8-sig")
    data = tomllib.loads(text)
    passages, known = module_passages(folder, data, text), known_words(folder, data)
    if data.get("language", "fr") != "fr":
        return lint_english(passages, known)
    return lint_passages(passages, known)


def known_words(folder: Path, data: dict) -> set[str]:
    """The glossary's words of the module and of the modules it `requires`."""
    known = _glossary(data)
    wanted = {r for r in data.get("requires", []) if isinstance(r, str)} \
        if isinstance(data.get("requires"), list) else set()
    for root in [folder.parent, *lesson_dirs()]:
        for toml in sorted(Path(root).glob(f"*/{MODULE_FILE}")) if wanted else ():
            try:
                other = tomllib.loads(toml.read_text("utf-8-sig"))
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError, RecursionError,
                    ValueError):
                continue
            if other.get("id") in wanted:
                wanted.discard(other["id"])
                known |= _glossary(other)
    return known


def _glossary(data: dict) -> set[str]:
    table = data.get("glossary")
    return {normal(k) for k in table} if isinstance(table, dict) else set()


def _problem(passage: Passage, rule: str, message: str) -> Problem:
    return Problem(passage.file, passage.line, _("{message} (règle FALC {rule})").format(
        message=message, rule=rule), warning=passage.scope == GUIDE)


def _quoted(text: str) -> str:
    return text if len(text) <= 60 else text[:57].rstrip() + "…"


def lint_passages(passages: list[Passage], known: set[str]) -> list[Problem]:
    problems = []
    for passage in passages:
        problems += _sentence_rules(passage)
        if passage.scope == LEARNER:
            problems += _learner_rules(passage)
    problems += _glossary_rule([p for p in passages if p.scope == LEARNER], known)
    problems += _abbreviation_rule(passages, known)
    problems += _synonym_rule(passages)
    problems += _key_name_rule(passages)
    problems += _metaphors_per_step(passages)
    return sorted(set(problems), key=lambda p: (str(p.file), p.line or 0, p.message))


def _sentence_rules(passage: Passage) -> list[Problem]:
    """R1 (length), R2 (one idea), R4 (English), R8 (capitals): every scope."""
    found, limit = [], WORDS_LIMIT[passage.scope]
    for offset, sentence in sentences_by_line(passage.text):
        here = replace(passage, line=passage.line + offset)   # a long text's own line
        count = len(words(sentence))
        if count > limit:
            found.append(_problem(here, "R1", _(
                "phrase de {n} mots, {max} au plus : « {text} »").format(
                n=count, max=limit, text=_quoted(sentence))))
        if passage.scope == LEARNER and (sentence.count(";") or len(re.findall(
                r"(?<!\d):(?!\d)", sentence)) > 1 or sentence.count(",") > 2):
            found.append(_problem(here, "R2", _(
                "une idée par phrase : pas de « ; », un « : » et deux virgules au plus : "
                "« {text} »").format(text=_quoted(sentence))))
    unquoted = re.sub(r"«[^»]{1,12}»", "", passage.text)   # « Esc » as written on the key
    for english, french in words_list()["english"].items():
        if term_pattern(english).search(unquoted):
            found.append(_problem(passage, "R4", _(
                "« {word} » est un mot anglais : écrivez « {french} »").format(
                word=english, french=french)))
    for shout in _shouting(passage.text):
        found.append(_problem(passage, "R8", _(
            "« {words} » est écrit en capitales : écrivez-le en minuscules").format(words=shout)))
    return found


_CAPITALS = re.compile(r"(?<![\w-])[A-ZÀ-ÖØ-Þ]{2,}(?:[\s'’-]+[A-ZÀ-ÖØ-Þ]{1,})*(?![\w-])")


def _shouting(text: str) -> list[str]:
    """Words in capitals: a run of two or more, or one of five letters or more (a
    shorter one alone is an abbreviation: R5). Names such as AZERTY are not shouting."""
    allowed = words_list()["words"]["capitals"]
    return [m.group() for m in _CAPITALS.finditer(text)
            if (len(words(m.group())) > 1 or len(m.group()) >= 5) and m.group() not in allowed]


def _learner_rules(passage: Passage) -> list[Problem]:
    """R7, R8 (italics), R9, R10, R11, R12: the learners' texts only."""
    found, text = [], passage.text
    if passage.role == "instructions":
        first = next(iter(words(text)), "").casefold()
        lists = words_list()["words"]
        verb = (first.endswith("ez") and first not in lists["not_verbs"]) \
            or first in lists["imperatives"] or text.lstrip().casefold().startswith("n'")
        if not verb:
            found.append(_problem(passage, "R7", _(
                "la consigne doit commencer par un verbe, comme « Cliquez », « Posez », "
                "« Regardez » : « {text} »").format(text=_quoted(text))))
        if len(sentences(text)) > INSTRUCTION_SENTENCES:
            found.append(_problem(passage, "R7", _(
                "la consigne a {n} phrases : {max} étapes au plus").format(
                n=len(sentences(text)), max=INSTRUCTION_SENTENCES)))
    if _ITALICS.search(text):
        found.append(_problem(passage, "R8", _("pas d'italique dans le texte des participants")))
    for number in words_list()["words"]["numbers"]:
        if re.search(rf"(?<![\w-]){number}(?![\w-])", text, re.IGNORECASE):
            found.append(_problem(passage, "R9", _(
                "écrivez les nombres en chiffres : « {word} »").format(word=number)))
    if _DATE.search(text) and not _teaches_dates(passage.exercise):
        found.append(_problem(passage, "R9", _(
            "écrivez la date en toutes lettres, par exemple « le 14 mars »")))
    if _DOUBLE_NEGATION.search(text):
        found.append(_problem(passage, "R10", _(
            "pas de double négation ni de « ni … ni » : dites-le à la forme positive")))
    if _METAPHOR.search(text):
        found.append(Problem(passage.file, passage.line, _(
            "« comme un… » : une image peut perdre le lecteur ; dites la chose elle-même "
            "(règle FALC R11)"), warning=True))
    if passage.role == "answer" and len(words(text)) > ANSWER_WORDS:
        found.append(_problem(passage, "R12", _(
            "réponse de {n} mots : {max} au plus").format(n=len(words(text)), max=ANSWER_WORDS)))
    if passage.role == "explanation" and len(sentences(text)) > EXPLANATION_SENTENCES:
        found.append(_problem(passage, "R12", _(
            "explication de {n} phrases : {max} au plus").format(
            n=len(sentences(text)), max=EXPLANATION_SENTENCES)))
    return found


def _teaches_dates(exercise: dict | None) -> bool:
    if not isinstance(exercise, dict):
        return False
    pages = exercise.get("pages") if isinstance(exercise.get("pages"), list) else [exercise]
    fields = [f for page in pages if isinstance(page, dict)
              for f in (page.get("fields") if isinstance(page.get("fields"), list) else [])]
    return any(isinstance(f, dict) and f.get("type") == "date" for f in fields)


def _glossary_rule(learner: list[Passage], known: set[str]) -> list[Problem]:
    """R3: a glossary word in the learners' texts is explained in a [glossary]."""
    found, reported = [], set()
    texts = {id(p): p.text for p in learner if p.role != "glossary"}
    for term in sorted(words_list()["glossary"], key=len, reverse=True):
        pattern = term_pattern(term)   # the longest first: « Verr. Maj » is not « Maj »
        for passage in learner:
            text = texts.get(id(passage), "")
            match = pattern.search(text)
            if match is None:
                continue
            texts[id(passage)] = pattern.sub(lambda m: " " * len(m.group()), text)
            if normal(term) not in reported and not _is_known(match.group(), term, known):
                reported.add(normal(term))
                found.append(_problem(passage, "R3", _(
                    "« {word} » doit être expliqué dans le lexique du module : ajoutez-le "
                    "sous [glossary], ou le module qui l'explique dans « requires »").format(
                    word=match.group())))
    return found


def _singular(text: str) -> str:
    return re.sub(r"(?<=\w)[sx](?=\s|$)", "", text)


def _is_known(used: str, term: str, known: set[str]) -> bool:
    forms = {_singular(normal(used)), _singular(normal(term))}
    return any(_singular(word) in forms for word in known)


def _abbreviation_rule(passages: list[Passage], known: set[str]) -> list[Problem]:
    """R5: an abbreviation is written out where it is first used (or in the glossary)."""
    found, skip = [], set(words_list()["words"]["not_abbreviations"])
    for scope in (LEARNER, SPOKEN):
        seen = set()
        for passage in (p for p in passages if p.scope == scope):
            for match in _CAPITALS.finditer(passage.text):
                word = match.group()
                if (word in seen or word in skip or normal(word) in known
                        or any(normal(word) in term.split() for term in known)  # « clé USB » explained
                        or len(word) > 4 or len(words(word)) > 1):
                    continue   # a longer word or a run of them is shouting: R8
                seen.add(word)
                before = passage.text[:match.start()].rstrip()
                after = passage.text[match.end():].lstrip()
                if not (before.endswith("(") and len(words(before)) > 1) \
                        and not after.startswith("("):
                    found.append(_problem(passage, "R5", _(
                        "« {word} » : écrivez le nom en entier la première fois, par exemple "
                        "« la Caisse d'allocations familiales (CAF) »").format(word=word)))
    return found


def _synonym_rule(passages: list[Passage]) -> list[Problem]:
    """R6: one word for one thing in a module."""
    found = []
    for group in words_list()["words"]["synonyms"]:
        patterns = [(word, term_pattern(word)) for word in group]
        best = next((names[0] for names in words_list()["words"]["keys"]   # as the program says
                     if set(names) & set(group)), group[0])
        introduced = any(sum(1 for _w, p in patterns if p.search(s)) > 1
                         for passage in passages for s in sentences(_no_keys(passage.text)))
        first_used = None
        for passage in passages:
            for word, pattern in patterns:
                if not pattern.search(_no_keys(passage.text)):
                    continue
                if first_used is None:
                    first_used = word
                elif word != first_used and not introduced:
                    found.append(_problem(passage, "R6", _(
                        "« {word} » et « {other} » disent la même chose : gardez un seul mot "
                        "dans le module, plutôt « {best} »").format(
                        word=word, other=first_used, best=best)))
                    introduced = True   # said once is enough
    return found


def _no_keys(text: str) -> str:
    """The arrows of the keyboard are not the pointer (R6's « flèche »)."""
    return re.sub(r"flèches?\s+(du\s+clavier|gauche|droite|haut|bas)|flèches?\s+vers", "", text,
                  flags=re.IGNORECASE)


def _key_name_rule(passages: list[Passage]) -> list[Problem]:
    """R13: the guide names the keys as the program shows them."""
    found = []
    for names in words_list()["words"]["keys"]:
        shown, others = names[0], names[1:]
        for passage in passages:
            for other in others:
                # « Esc » in quotes is what the key says on it: allowed, as for R4
                if re.search(rf"\btouches?\s+{re.escape(other)}(?![\w-])", passage.text):
                    found.append(_problem(passage, "R13", _(
                        "le programme appelle cette touche « {shown} », pas « {other} »").format(
                        shown=shown, other=other)))
    return found


def _metaphors_per_step(passages: list[Passage]) -> list[Problem]:
    """R11: the facilitator may use one image (« comme un… ») per step, not more."""
    found, counted = [], {}
    for passage in (p for p in passages if p.scope == SPOKEN):
        counted[passage.step] = counted.get(passage.step, 0) + len(_METAPHOR.findall(passage.text))
        if counted[passage.step] > 1 and _METAPHOR.search(passage.text):
            found.append(Problem(passage.file, passage.line, _(
                "plus d'une image (« comme un… ») dans les paroles de cette étape "
                "(règle FALC R11)"), warning=True))
    return found


# --- a module in another language: the rules that hold in any language ----------------------
# R1, R5, R7 (3 sentences an instruction), R8 (capitals) and R12; the others read French
# words (verbs, numbers, negations, English words, the glossary's terms): lessons/README.md.

def lint_english(passages: list[Passage], known: set[str]) -> list[Problem]:
    problems = []
    for passage in passages:
        problems += _lengths(passage)
        for shout in _shouting(passage.text):
            problems.append(_problem(passage, "R8", _(
                "« {words} » est écrit en capitales : écrivez-le en minuscules").format(words=shout)))
    problems += _abbreviation_rule(passages, known)
    return sorted(set(problems), key=lambda p: (str(p.file), p.line or 0, p.message))


def _lengths(passage: Passage) -> list[Problem]:
    found, limit = [], WORDS_LIMIT[passage.scope]
    for offset, sentence in sentences_by_line(passage.text):
        if (count := len(words(sentence))) > limit:
            found.append(_problem(replace(passage, line=passage.line + offset), "R1", _(
                "phrase de {n} mots, {max} au plus : « {text} »").format(
                n=count, max=limit, text=_quoted(sentence))))
    if passage.scope != LEARNER:
        return found
    told = len(sentences(passage.text))
    if passage.role == "instructions" and told > INSTRUCTION_SENTENCES:
        found.append(_problem(passage, "R7", _("la consigne a {n} phrases : {max} étapes au plus")
                              .format(n=told, max=INSTRUCTION_SENTENCES)))
    if passage.role == "answer" and len(words(passage.text)) > ANSWER_WORDS:
        found.append(_problem(passage, "R12", _("réponse de {n} mots : {max} au plus").format(
            n=len(words(passage.text)), max=ANSWER_WORDS)))
    if passage.role == "explanation" and told > EXPLANATION_SENTENCES:
        found.append(_problem(passage, "R12", _("explication de {n} phrases : {max} au plus")
                              .format(n=told, max=EXPLANATION_SENTENCES)))
    return found
