"""`dpcheck eval`: the scorer as a product feature."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dpcheck.cli import main
from dpcheck.evaluate import Scorer

GOLD = [
    {
        "id": "a",
        "doc_type": "privacy_policy",
        "language": "en",
        "destinations": ["US"],
        "mechanisms": ["scc"],
        "flags": ["SUPPLEMENTARY_MEASURES_UNADDRESSED"],
    },
    {"id": "b", "doc_type": "dpa", "language": "de", "destinations": [], "mechanisms": [], "flags": []},
]


def test_evaluate_scores_sets_ratings_and_missing_documents(scanner):
    """Set fields get P/R/F1, ratings derive from flags, a missing document counts as not read."""
    docs = [
        {
            "path": "x/a.md",
            "status": "ok",
            "doc_type": "privacy_policy",
            "language": "en",
            "rating": "yellow",
            "transfers": [
                {"destination": "US", "mechanisms": ["scc"]},
                {"destination": "DE", "mechanisms": []},
                {"destination": "IN", "mechanisms": []},
            ],
            "findings": [{"rule_id": "SUPPLEMENTARY_MEASURES_UNADDRESSED"}, {"rule_id": "SCC_REPEALED_VERSION"}],
        }
    ]
    result = Scorer(scanner.ruleset).score(GOLD, docs)
    assert (result.counts["destinations"].tp, result.counts["destinations"].fp) == (1, 1)  # DE is EEA: ignored
    assert result.counts["flags"].fp == 0  # rules of our own are not scored
    assert result.figures["docs_ok"] == 0.5 and result.figures["rating_acc"] == 0.5
    assert "b [missing]" in result.differences


def test_cli_eval_scans_and_enforces_minimums(tmp_path):
    """`dpcheck eval --gold G PATH` scans, prints the score line and fails a --min it misses."""
    (tmp_path / "a.md").write_text(
        "# Privacy Policy\n\nWe transfer personal data to the United States under the standard contractual clauses.\n",
        encoding="utf-8",
    )
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


def _kit_scorer():
    """The evaluation kit's score.py, found beside the checkout (``../shared/eval``) or at $DPCHECK_SCORE_PY."""
    root = Path(__file__).resolve().parent.parent
    candidates = [Path(os.environ["DPCHECK_SCORE_PY"])] if os.environ.get("DPCHECK_SCORE_PY") else []
    candidates += [p / "shared" / "eval" / "score.py" for p in root.parents]
    return next((p for p in candidates if p.is_file()), None)


TRUST_GOLD = [
    {
        "id": "a",
        "doc_type": "privacy_policy",
        "language": "en",
        "destinations": ["US"],
        "mechanisms": ["scc"],
        "flags": ["SUPPLEMENTARY_MEASURES_UNADDRESSED"],
        "evidence": {
            "US": "Our hosting partner keeps the data on servers in the United States.",
            "scc": "'transfers rest on the standard contractual clauses of the Commission'",
        },
    },
    {
        "id": "b",
        "doc_type": "dpa",
        "language": "de",
        "destinations": ["CH"],
        "mechanisms": ["adequacy"],
        "flags": ["TRANSFER_MECHANISM_UNSPECIFIED"],
        "evidence": {"CH": "Die Daten liegen in einem Rechenzentrum in Zürich."},
    },
    {"id": "c", "doc_type": "privacy_policy", "language": "en", "destinations": [], "mechanisms": [], "flags": []},
]
TRUST_REPORT = [
    {
        "path": "docs/a.md",
        "status": "ok",
        "doc_type": "privacy_policy",
        "language": "en",
        "rating": "green",
        "transfers": [
            {
                "destination": "US",
                "mechanisms": ["scc"],
                "evidence": [
                    {"quote": "We publish a newsletter."},
                    {"quote": "Our hosting partner keeps the data on servers in the United States."},
                ],
            }
        ],
        "mentions": [
            {
                "kind": "mechanism",
                "value": "scc",
                "evidence": {"quote": "All transfers rest on the standard contractual clauses of the Commission."},
            }
        ],
        "findings": [],
    },
    {
        "path": "docs/b.pdf",
        "status": "ok",
        "doc_type": "dpa",
        "language": "de",
        "rating": "yellow",
        "transfers": [
            {
                "destination": "CH",
                "mechanisms": ["adequacy"],
                "evidence": [{"quote": "Die Daten liegen in einem Rechenzentrum in Zürich."}],
            }
        ],
        "findings": [{"rule_id": "TRANSFER_MECHANISM_UNSPECIFIED", "evidence": []}],
    },
    {
        "path": "docs/c.html",
        "status": "ok",
        "doc_type": "privacy_policy",
        "language": "en",
        "rating": "red",
        "transfers": [],
        "findings": [{"rule_id": "INVALID_TRANSFER_MECHANISM", "evidence": []}],
    },
]


def test_evaluate_trust_figures_count_milder_ratings_and_evidence(scanner):
    """never_milder counts ratings milder than gold; evidence_at1/any compare the first/any quote with the gold passage."""
    figures = Scorer(scanner.ruleset).score(TRUST_GOLD, TRUST_REPORT).figures
    assert figures["never_milder"] == 1 / 3  # a: green for yellow, b: yellow for red; c: red for green is not milder
    assert (figures["evidence_at1"], figures["evidence_any"]) == (2 / 3, 1.0)  # US shown second; scc, CH first


def test_cli_eval_prints_the_figures_of_the_kit_scorer(tmp_path):
    """`dpcheck eval --report` prints the same trust line and score line as the evaluation kit's score.py."""
    kit = _kit_scorer()
    if kit is None:
        pytest.skip("the evaluation kit's score.py is not beside this checkout")
    gold, report = tmp_path / "gold.json", tmp_path / "report.json"
    gold.write_text(json.dumps(TRUST_GOLD), encoding="utf-8")
    report.write_text(json.dumps({"documents": TRUST_REPORT}), encoding="utf-8")
    ours = CliRunner().invoke(main, ["eval", "--gold", str(gold), "--report", str(report), "--details"])
    theirs = subprocess.run(
        [sys.executable, str(kit), "--gold", str(gold), "--report", str(report), "--details"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert theirs.returncode == 0, theirs.stderr
    assert ours.output.splitlines() == theirs.stdout.splitlines()


def test_evaluate_scores_the_seven_labelled_core_flags(scanner):
    """`dpcheck eval` scores the guidelines' seven core flags, each a core rule of the ruleset; a core
    rule gold labels do not carry (an addendum left to its main agreement) is not scored."""
    ruleset = scanner.ruleset
    core = {r.id for r in ruleset.rules if r.core}
    assert len(ruleset.labelled_flags) == 7 and ruleset.labelled_flags <= core
    assert "ADDENDUM_MAIN_AGREEMENT_UNREAD" in core - Scorer(ruleset).flags


# Sets labelled for one question only, as outside benchmarks of privacy policies are: does the text say
# personal data leaves the EEA, and where to; no mechanisms, flags or rating.
YES_NO_GOLD = [
    {"id": "p", "doc_type": "privacy_policy", "language": "en", "transfer": True, "destinations": ["US"]},
    {"id": "q", "doc_type": "privacy_policy", "language": "de", "transfer": False, "destinations": []},
    {"id": "r", "doc_type": "privacy_policy", "language": "en", "transfer": True, "destinations": ["UNSPECIFIED"]},
    {
        "id": "s",
        "doc_type": "privacy_policy",
        "language": "en",
        "transfer": False,
        "destinations": [],
        "evidence": "one passage for the whole answer",
    },
]
YES_NO_REPORT = [
    {
        "path": "p.md",
        "status": "ok",
        "doc_type": "privacy_policy",
        "language": "en",
        "rating": "yellow",
        "transfers": [{"destination": "US", "mechanisms": []}],
        "findings": [{"rule_id": "TRANSFER_MECHANISM_UNSPECIFIED"}],
    },
    {
        "path": "q.md",
        "status": "ok",
        "doc_type": "privacy_policy",
        "language": "de",
        "rating": "red",
        "transfers": [{"destination": "CH", "mechanisms": []}],
        "findings": [],
    },
    {
        "path": "r.md",
        "status": "ok",
        "doc_type": "privacy_policy",
        "language": "en",
        "rating": "green",
        "transfers": [{"destination": "FR", "mechanisms": []}],
        "findings": [],
    },
    {
        "path": "s.md",
        "status": "ok",
        "doc_type": "privacy_policy",
        "language": "en",
        "rating": "green",
        "transfers": [],
        "findings": [],
    },
]


def test_evaluate_scores_the_yes_no_transfer_question_and_leaves_unlabelled_fields_out(scanner):
    """A record's `transfer` answer is scored against "the report names a destination outside the EEA"
    (a destination in the EEA answers no); fields a set does not label are nan, not a perfect or zero
    score, and its one string of evidence is not taken for a quote per label."""
    result = Scorer(scanner.ruleset).score(YES_NO_GOLD, YES_NO_REPORT)
    figures = result.figures
    assert (result.transfer.tp, result.transfer.fp, result.transfer.fn) == (1, 1, 1)  # p right; q CH; r only FR
    assert figures["transfer_f1"] == 0.5 and result.transfer_labelled == 4
    assert "transfer: want no got yes" in result.differences["q [ok]"]
    assert "transfer: want yes got no" in result.differences["r [ok]"]
    for name in ("mechanisms_f1", "flags_f1", "rating_acc", "never_milder", "evidence_at1"):
        assert math.isnan(figures[name]), name
    assert figures["destinations_f1"] == 0.5  # US right, CH extra, UNSPECIFIED missed
    text = result.render()
    assert "mechanisms    not labelled" in text and "TRANSFER_MECHANISM_UNSPECIFIED" not in text
    assert set(result.to_dict()["fields"]) == {"destinations"} and result.to_dict()["transfer"]["fn"] == 1


def test_evaluate_without_yes_no_labels_keeps_the_kit_figures(scanner):
    """Gold in the GUIDELINES format has no `transfer` answer: no transfer figure is added, so the
    score line stays the kit scorer's."""
    figures = Scorer(scanner.ruleset).score(TRUST_GOLD, TRUST_REPORT).figures
    assert "transfer_f1" not in figures and not any(math.isnan(v) for v in figures.values())
