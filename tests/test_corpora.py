"""Golden end-to-end test: scan the bundled corpora/ and score it against corpora/gold.json."""

from __future__ import annotations

import json

import pytest

from dpcheck.evaluate import Scorer

# Measured on 2026-11-26 (docs/evaluation.md); a drop below these is a regression.
MINIMUM = {
    "docs_ok": 1.0,
    "destinations_f1": 0.97,
    "mechanisms_f1": 0.97,
    "flags_f1": 0.95,
    "rating_acc": 0.95,
    "doc_type_acc": 0.95,
    "language_acc": 1.0,
    "never_milder": 1.0,
}


@pytest.fixture(scope="module")
def evaluation(scanner, corpora):
    gold = json.loads((corpora / "gold.json").read_text(encoding="utf-8"))
    return Scorer(scanner.ruleset).score_reports(gold, scanner.scan(corpora).documents)


def test_corpora_every_gold_document_is_found_and_read(evaluation):
    """All bundled documents (every format) are scanned and read without error."""
    assert evaluation.found == evaluation.documents == evaluation.ok


def test_corpora_scores_meet_minimum(evaluation):
    """Destinations, mechanisms, flags, rating, doc type and language match the gold labels; no rating is milder."""
    figures = evaluation.figures
    short = {k: round(figures[k], 3) for k, floor in MINIMUM.items() if figures[k] < floor}
    assert not short, f"below minimum: {short}\n{evaluation.render(details=True)}"
