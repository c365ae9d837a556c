"""A floor on how well highlights are ranked for a job, on the graded pairs (tests/evaluate.py)."""

from __future__ import annotations

from ..evaluate import HERE, ranking_score

MEAN_FLOOR, PAIR_FLOOR = 0.80, 0.65
"""NDCG@5, a little under the figures of 2026-12-02."""


def test_highlight_ranking_stays_above_its_floor():
    pairs = sorted(p for p in (HERE / "ranking").iterdir() if (p / "relevance.yaml").is_file())
    assert len(pairs) >= 5
    scores = {p.name: ranking_score(p) for p in pairs}
    assert sum(scores.values()) / len(scores) >= MEAN_FLOOR, scores
    assert min(scores.values()) >= PAIR_FLOOR, scores
