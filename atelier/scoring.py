"""How a practice exercise is scored: plain rules, no Qt, tested without a display.

No timers and no failure: a learner always reaches the end of an exercise. The score
says how much was done right the first time (0.0 to 1.0); every miss is counted as an
attempt so that progress shows, never as a fault shown to the learner.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Outcome:
    """What one run of an exercise gives, handed by the exercise widget to the shell."""

    score: float  # 0.0 – 1.0
    attempts: int  # actions tried, misses included (≥ the number of items)
    duration_ms: int
    completed: bool = True  # False when the learner chose "Passer"
    details: dict = field(default_factory=dict)  # per kind: misses, typos, answers…
