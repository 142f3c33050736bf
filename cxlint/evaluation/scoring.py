"""Precision, recall and F1 per category over cases, with the misses and false alarms kept."""

from __future__ import annotations

from dataclasses import dataclass, field

from cxlint.evaluation.cases import Case


@dataclass
class CategoryScore:
    """Counts for one category over a set of cases, with the ids of its misses and false alarms."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, case: Case, expected: bool, predicted: bool) -> None:
        if expected and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
            self.false_alarms.append(case.id)
        elif expected:
            self.fn += 1
            self.misses.append(case.id)
        else:
            self.tn += 1
