"""How a practice exercise is scored: plain rules, no Qt, tested without a display.

No timers and no failure: a learner always reaches the end of an exercise. The score
says how much was done right the first time (0.0 to 1.0); every miss is counted as an
attempt so that progress shows, never as a fault shown to the learner.

The rules of each kind live here (pointing, the double-click, the drop zone, the quiz,
the form's gentle checks); the typing rules are in ``atelier.typing``. Exercise
widgets feed them what happened and hand the ``Outcome`` to the shell.
"""

import re
from dataclasses import dataclass, field
from datetime import date

from atelier.i18n import _


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


# --- the form's gentle checks ------------------------------------------------------------

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_DATE = re.compile(r"^\s*(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})\s*$")


def parse_date(text: str) -> date | None:
    """A French date as people write it: 14/03/2025, 14-3-2025, 14.03.2025."""
    found = _DATE.match(text or "")
    if not found:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def field_problem(kind: str, value, required: bool = True) -> str | None:
    """What to say next to one form field, or None when it is fine.

    ``value`` is the text typed (text, email, date), the entry chosen or "" (choice),
    or True/False (checkbox).
    """
    if kind == "checkbox":
        return _("Cochez cette case.") if required and not value else None
    text = (value or "").strip()
    if not text:
        if not required:
            return None
        if kind == "choice":
            return _("Choisissez une réponse dans la liste.")
        return _("Cette case est à remplir.")
    if kind == "email" and not _EMAIL.match(text):
        if "@" not in text:
            return _("Il manque l'arobase @ (AltGr + à), par exemple jeanne.martin@exemple.fr")
        return _("L'adresse ressemble à nom@exemple.fr, sans espace.")
    if kind == "date" and parse_date(text) is None:
        return _("Écrivez la date avec des barres, par exemple 14/03/2025.")
    return None


class FormScore:
    """Each press on the submit button is an attempt; a field right at the first press
    is worth 1, at the second ½… The form is done when every field is right."""

    def __init__(self, names: list[str]):
        self.names = list(names)
        self.submits = 0
        self.tries = {name: 0 for name in self.names}
        self.right_at: dict[str, int] = {}

    def submit(self, problems: dict[str, str | None]) -> bool:
        """Record one press with each field's problem (None = fine); True when all fine."""
        self.submits += 1
        for name in self.names:
            if problems.get(name) and name not in self.right_at:
                self.tries[name] += 1
            elif name not in self.right_at:
                self.right_at[name] = self.submits
        return len(self.right_at) == len(self.names)

    @property
    def score(self) -> float:
        if not self.names:
            return 1.0
        worth = sum(1 / self.right_at[n] for n in self.right_at)
        return round(worth / len(self.names), 4)

    def outcome(self, duration_ms: int) -> Outcome:
        return Outcome(self.score, self.submits, duration_ms,
                       len(self.right_at) == len(self.names),
                       {"fields": len(self.names), "submits": self.submits,
                        "corrections": {n: t for n, t in self.tries.items() if t}})
