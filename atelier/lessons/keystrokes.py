"""The typing exercise's rules: what is wrong in a copied text, and its score.

(Named for what it counts: a module called ``typing`` would hide Python's own.)

A mistake is a typed character that differs from the model at the same place. It is
shown gently and never blocks: the learner may erase it, or go on. The score counts
characters typed against mistakes made, so erasing and fixing still counts the slip.
"""

from dataclasses import dataclass, field

from atelier.lessons.scoring import Outcome


def mistakes(expected: str, typed: str) -> list[int]:
    """Positions in ``typed`` whose character is not the model's at that place."""
    return [i for i, ch in enumerate(typed) if i >= len(expected) or expected[i] != ch]


@dataclass
class TextScore:
    expected: str
    keystrokes: int = 0   # characters typed (erasing is not counted)
    errors: int = 0       # characters typed that were not the model's at that place
    corrections: int = 0  # erasures (Effacer, Suppr, a selection replaced)
    typed: str = ""

    def change(self, before: str, after: str) -> None:
        """The typed text went from ``before`` to ``after`` (one key, a paste, a fix)."""
        start = 0
        while start < min(len(before), len(after)) and before[start] == after[start]:
            start += 1
        end = 0
        while (end < min(len(before), len(after)) - start
               and before[-1 - end] == after[-1 - end]):
            end += 1
        removed = before[start:len(before) - end]
        inserted = after[start:len(after) - end]
        if removed:
            self.corrections += 1
        for offset, ch in enumerate(inserted):
            at = start + offset
            self.keystrokes += 1
            if at >= len(self.expected) or self.expected[at] != ch:
                self.errors += 1
        self.typed = after

    @property
    def done(self) -> bool:
        return self.typed == self.expected


@dataclass
class TypingScore:
    """Every text of one typing exercise, in order."""

    texts: list[str]
    scores: list[TextScore] = field(default_factory=list)

    def current(self) -> TextScore:
        if not self.scores:
            self.scores.append(TextScore(self.texts[0]))
        return self.scores[-1]

    def next_text(self) -> bool:
        """Move to the next text; False when every text has been done."""
        if len(self.scores) >= len(self.texts):
            return False
        self.scores.append(TextScore(self.texts[len(self.scores)]))
        return True

    @property
    def score(self) -> float:
        keystrokes = sum(s.keystrokes for s in self.scores)
        errors = sum(s.errors for s in self.scores)
        return round((keystrokes - errors) / keystrokes, 4) if keystrokes else 0.0

    def outcome(self, duration_ms: int) -> Outcome:
        keystrokes = sum(s.keystrokes for s in self.scores)
        return Outcome(self.score, max(keystrokes, len(self.texts)), duration_ms,
                       len(self.scores) == len(self.texts),
                       {"texts": len(self.texts),
                        "keystrokes": keystrokes,
                        "errors": sum(s.errors for s in self.scores),
                        "corrections": sum(s.corrections for s in self.scores),
                        "exact": sum(1 for s in self.scores if s.done),
                        "per_text": [{"keystrokes": s.keystrokes, "errors": s.errors}
                                     for s in self.scores]})
