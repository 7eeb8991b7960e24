"""The easy-read check of a module that is not in French (an English translation): the
rules of the FALC lint that hold in any language, on the same texts.

R1 (sentence length), R5 (an abbreviation written out at first use), R7 (3 sentences
an instruction at most), R8 (no words in capitals) and R12 (short answers and
explanations). The other rules read French words (verbs, numbers, negations, English
words, the glossary's terms): an English module is not held to them (lessons/README.md).
"""

from dataclasses import replace

from atelier.i18n import _
from atelier.lessons.falc import (ANSWER_WORDS, EXPLANATION_SENTENCES, INSTRUCTION_SENTENCES,
                                  WORDS_LIMIT, _abbreviation_rule, _problem, _quoted, _shouting,
                                  sentences, sentences_by_line, words)
from atelier.lessons.falc_text import LEARNER, Passage
from atelier.lessons.pack import Problem


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
