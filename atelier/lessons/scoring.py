"""How a practice exercise is scored: plain rules, no Qt, tested without a display.

No timers and no failure: a learner always reaches the end of an exercise. The score
says how much was done right the first time (0.0 to 1.0); every miss is counted as an
attempt so that progress shows, never as a fault shown to the learner.

The rules of each kind live here (pointing, the double-click, the drop zone, the quiz,
the form's gentle checks, the picture's spots); the typing rules are in
``atelier.lessons.keystrokes``, the scratch card's in ``scratch_card``. Exercise
widgets feed them what happened and hand the ``Outcome`` to the shell.
"""

import re
from dataclasses import dataclass, field

from atelier.i18n import _, plural
from atelier.lessons.answers import digits, parse_date, parse_number, same_answer

__all__ = ["Outcome", "Tally", "ClickScore", "DoubleClick", "dropped_on", "choice_score", "in_spot",
           "field_problem", "parse_date", "FormScore"]


@dataclass(frozen=True)
class Outcome:
    """What one run of an exercise gives, handed by the exercise widget to the shell."""

    score: float  # 0.0 – 1.0
    attempts: int  # actions tried, misses included (≥ the number of items)
    duration_ms: int
    completed: bool = True  # False when the learner passed the exercise (or every item of it)
    details: dict = field(default_factory=dict)  # per kind: misses, typos, answers…


class Tally:
    """Items done one after the other (targets, rounds, keys): each try is an attempt.

    An item reached at the first try is worth 1, at the second ½, at the third ⅓…
    so a miss lowers the score a little and the end is always reached.
    """

    def __init__(self, total: int):
        if total < 1:
            raise ValueError("an exercise has at least one item")
        self.total = total
        self.done = 0
        self.misses = 0
        self.skipped = 0  # items passed over with « Passer »: done, worth nothing
        self._tries = 0   # tries on the current item
        self._worth = 0.0

    @property
    def attempts(self) -> int:
        return self.done + self.misses

    @property
    def finished(self) -> bool:
        return self.done >= self.total

    def miss(self) -> None:
        if not self.finished:
            self.misses += 1
            self._tries += 1

    def hit(self) -> bool:
        """One item done; True when it was the last one."""
        if self.finished:
            return True
        self._worth += 1 / (self._tries + 1)
        self._tries = 0
        self.done += 1
        return self.finished

    def skip(self) -> bool:
        """The item on screen passed over (« Passer »): the next one comes, this one is
        worth nothing; True when it was the last."""
        if self.finished:
            return True
        self._tries = 0
        self.done += 1
        self.skipped += 1
        return self.finished

    @property
    def score(self) -> float:
        return round(self._worth / self.total, 4)

    def outcome(self, duration_ms: int, **details) -> Outcome:
        return Outcome(self.score, self.attempts, duration_ms, self.finished and self.skipped < self.total,
                       {"items": self.total, "misses": self.misses, "skipped": self.skipped, **details})


ClickScore = Tally   # click, drag, scroll, right-click and keys count the same way


class DoubleClick:
    """Tells a double-click from two slow clicks with the pack's interval, not the system's.

    ``press(time_ms, on_target)`` for every press of the left button returns:
    "first" (one press on the target, waiting for the second), "double" (two presses on
    the target within ``interval_ms``), "slow" (the second press came too late: it
    counts as a new first press) or "miss" (a press beside the target).
    """

    def __init__(self, interval_ms: int):
        self.interval_ms = interval_ms
        self._first: int | None = None

    def press(self, time_ms: int, on_target: bool) -> str:
        if not on_target:
            self._first = None
            return "miss"
        if self._first is None:
            self._first = time_ms
            return "first"
        if time_ms - self._first <= self.interval_ms:
            self._first = None
            return "double"
        self._first = time_ms
        return "slow"

    def system_double(self, time_ms: int) -> str:
        """The system reported a double-click on the target. It is the second press
        when a first one was seen (the pack's interval decides); alone (some drivers and
        test tools send only that event), it is a whole double-click."""
        if self._first is None:
            return "double"
        return self.press(time_ms, True)

    def reset(self) -> None:
        self._first = None


def dropped_on(x: float, y: float, target: tuple[float, float, float, float],
               tolerance: float) -> bool:
    """Whether an object whose centre is at (x, y) lands on ``target`` (left, top,
    width, height), with ``tolerance`` pixels of grace all around it."""
    left, top, width, height = target
    return (left - tolerance <= x <= left + width + tolerance
            and top - tolerance <= y <= top + height + tolerance)


def choice_score(answers: list[tuple[int, int]], duration_ms: int = 0) -> Outcome:
    """A quiz: one (chosen, correct) pair per question; each question answered once."""
    right = sum(1 for chosen, correct in answers if chosen == correct)
    score = round(right / len(answers), 4) if answers else 0.0
    return Outcome(score, len(answers), duration_ms, True,
                   {"questions": len(answers), "right": right,
                    "answers": [chosen for chosen, _correct in answers]})


# --- a picture to click: the hotspot -----------------------------------------------------

def in_spot(x: float, y: float, spots, grace: float = 0.0) -> bool:
    """Whether (x, y), in the picture's own units, falls in one of ``spots`` (tables of
    x, y, width, height); each spot is made at least ``2 × grace`` wide and high around
    its middle, so that a tiny spot on a large picture is still a fair target."""
    for spot in spots:
        width, height = max(spot["width"], 2 * grace), max(spot["height"], 2 * grace)
        # grown by as much on each side; not grown, its own edges exactly (no rounding off them)
        left = spot["x"] - (width - spot["width"]) / 2
        top = spot["y"] - (height - spot["height"]) / 2
        if left <= x <= left + width and top <= y <= top + height:
            return True
    return False


# --- the form's gentle checks ------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def _format_problem(kind: str, text: str, length: int | None) -> str | None:
    if kind == "email" and not _EMAIL.match(text):
        if "@" not in text:
            return _("Il manque l'arobase @ (AltGr + à), par exemple jeanne.martin@exemple.fr")
        return _("L'adresse ressemble à nom@exemple.fr, sans espace.")
    if kind == "date" and parse_date(text) is None:
        return _("Écrivez la date avec des barres, par exemple 14/03/2025.")
    if kind == "number" and parse_number(text) is None:
        return _("Écrivez un nombre, avec des chiffres.")
    if kind == "code":
        code = digits(text)
        if not code.isdigit():
            return _("Le code s'écrit seulement avec des chiffres.")
        if length and len(code) != length:
            return plural(length, "Le code a {n} chiffre ; vous en avez écrit {typed}.",
                          "Le code a {n} chiffres ; vous en avez écrit {typed}.", typed=len(code))
    return None


def _mismatch(kind: str) -> str:
    if kind in ("choice", "radio"):
        return _("Ce n'est pas le bon choix : relisez la fiche.")
    if kind == "password":
        return _("Ce n'est pas le même mot de passe. Les majuscules comptent : regardez Verr. Maj.")
    if kind == "code":
        return _("Ce n'est pas le code reçu : relisez-le.")
    return _("Ce n'est pas ce qui est écrit sur la fiche : relisez-la.")


def field_problem(kind: str, value, required: bool = True, expected=None,
                  length: int | None = None) -> str | None:
    """What to say next to one form field, or None when it is fine.

    ``value`` is the text typed (text, email, date, number, password, code), the entry
    chosen or "" (choice, radio), or True/False (checkbox). ``expected``, when the pack
    gives one, is the value the data card asks for; ``length`` the digits of a code.
    """
    if kind == "checkbox":
        if expected is not None:
            if bool(value) is bool(expected):
                return None
            return _("Cochez cette case.") if expected else _("Cette case ne doit pas être cochée : "
                                                             "relisez la consigne.")
        return _("Cochez cette case.") if required and not value else None
    text = (value or "").strip()
    if not text:
        if not required and expected is None:
            return None
        if kind == "choice":
            return _("Choisissez une réponse dans la liste.")
        if kind == "radio":
            return _("Choisissez une réponse.")
        return _("Cette case est à remplir.")
    if problem := _format_problem(kind, text, length):
        return problem
    if expected is not None and not same_answer(kind, text, expected):
        return _mismatch(kind)
    return None


class FormScore:
    """Each press on « Suivant » or the submit button is an attempt; it checks the fields
    of its page. A field right at its first check is worth 1, at the second ½… The form
    is done when every field is right."""

    def __init__(self, names: list[str]):
        self.names = list(names)
        self.submits = 0
        self.tries = {name: 0 for name in self.names}
        self.right_at: dict[str, int] = {}
        self._checks = {name: 0 for name in self.names}

    def submit(self, problems: dict[str, str | None]) -> bool:
        """Record one press with the problem of each field it checked (None = fine), the
        fields not named counting as fine; True when every field of the form is right."""
        self.submits += 1
        for name in self.names:
            if name in self.right_at:
                continue
            self._checks[name] += 1
            if problems.get(name):
                self.tries[name] += 1
            else:
                self.right_at[name] = self._checks[name]
        return len(self.right_at) == len(self.names)

    def check_page(self, problems: dict[str, str | None]) -> bool:
        """One press on « Suivant »: only the fields of ``problems`` are looked at;
        True when they are all fine."""
        self.submits += 1
        for name, problem in problems.items():
            if name in self.right_at or name not in self._checks:
                continue
            self._checks[name] += 1
            if problem:
                self.tries[name] += 1
            else:
                self.right_at[name] = self._checks[name]
        return not any(problems.values())

    def recheck(self, problems: dict[str, str | None]) -> None:
        """Every field once more before sending, within the same press: one that was right
        and is wrong now (changed after « Précédent ») counts again."""
        for name, problem in problems.items():
            if problem and self.right_at.pop(name, None) is not None:
                self.tries[name] += 1

    @property
    def done(self) -> bool:
        return len(self.right_at) == len(self.names)

    @property
    def score(self) -> float:
        if not self.names:
            return 1.0
        worth = sum(1 / self.right_at[n] for n in self.right_at)
        return round(worth / len(self.names), 4)

    def outcome(self, duration_ms: int, labels: dict[str, str] | None = None) -> Outcome:
        """``labels`` (name → label): the fields that needed another look are named by
        their label in ``details["to_review"]``, as the learner saw them."""
        corrections = {n: t for n, t in self.tries.items() if t}
        labels = labels or {}
        return Outcome(self.score, self.submits, duration_ms, self.done,
                       {"fields": len(self.names), "submits": self.submits,
                        "corrections": corrections,
                        "to_review": [labels.get(n, n) for n in self.names if n in corrections]})
