"""Benchmarks run by ``make bench`` (``python -m bench``): ratios measured in one run.

Each benchmark is a module with ``run(home) -> list[Ratio]``, listed in
``bench.__main__.BENCHMARKS``; the runner prints a summary of every ratio against its
goal. Ratios, never bare times: the test suite has no timing thresholds.
"""

from dataclasses import dataclass
from pathlib import Path


def root() -> Path:
    """The source tree (the benchmarks run from it, with its build/ folder)."""
    return Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Ratio:
    label: str
    value: float  # Atelier
    reference: float  # what it is compared with
    unit: str
    goal: float = 1.3  # value / reference must stay at or below

    @property
    def ratio(self) -> float:
        return self.value / self.reference

    @property
    def verdict(self) -> str:
        return "OK" if self.ratio <= self.goal else "au-dessus de l'objectif"
