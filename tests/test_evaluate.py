"""`dpcheck eval`: the scorer as a product feature."""

from __future__ import annotations

import json

from click.testing import CliRunner

from dpcheck.cli import main
from dpcheck.evaluate import Scorer

GOLD = [
    {"id": "a", "doc_type": "privacy_policy", "language": "en", "destinations": ["US"], "mechanisms": ["scc"],
     "flags": ["SUPPLEMENTARY_MEASURES_UNADDRESSED"]},
    {"id": "b", "doc_type": "dpa", "language": "de", "destinations": [], "mechanisms": [], "flags": []},
]


def test_evaluate_scores_sets_ratings_and_missing_documents(scanner):
    """Set fields get P/R/F1, ratings derive from flags, a missing document counts as not read."""
    docs = [{"path": "x/a.md", "status": "ok", "doc_type": "privacy_policy", "language": "en", "rating": "yellow",
             "transfers": [{"destination": "US", "mechanisms": ["scc"]}, {"destination": "DE", "mechanisms": []},
                           {"destination": "IN", "mechanisms": []}],
             "findings": [{"rule_id": "SUPPLEMENTARY_MEASURES_UNADDRESSED"}, {"rule_id": "SCC_REPEALED_VERSION"}]}]
    result = Scorer(scanner.ruleset).score(GOLD, docs)
    assert (result.counts["destinations"].tp, result.counts["destinations"].fp) == (1, 1)  # DE is EEA: ignored
    assert result.counts["flags"].fp == 0  # rules of our own are not scored
    assert result.figures["docs_ok"] == 0.5 and result.figures["rating_acc"] == 0.5
    assert "b [missing]" in result.differences


def test_cli_eval_scans_and_enforces_minimums(tmp_path):
    """`dpcheck eval --gold G PATH` scans, prints the score line and fails a --min it misses."""
    (tmp_path / "a.md").write_text("# Privacy Policy\n\nWe transfer personal data to the United States under the "
                                   "standard contractual clauses.\n", encoding="utf-8")
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps(GOLD[:1]), encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(main, ["eval", "--gold", str(gold), str(tmp_path / "a.md"), "--min", "mechanisms_f1=1"])
    assert ok.exit_code == 0, ok.output
    assert "score: docs_ok=1.000" in ok.output
    short = runner.invoke(main, ["eval", "--gold", str(gold), str(tmp_path / "a.md"), "--min", "language_acc=1.1"])
    assert short.exit_code == 1
    as_json = runner.invoke(main, ["eval", "--gold", str(gold), str(tmp_path / "a.md"), "--format", "json"])
    assert json.loads(as_json.output)["figures"]["destinations_f1"] == 1.0
