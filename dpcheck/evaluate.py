"""``dpcheck eval``: score reports against gold labels (GUIDELINES.md format).

The figures are those of the evaluation kit's scorer: precision, recall and F1 for
destinations, mechanisms and the core flags (and per flag), accuracy of the rating, the
document type and the language, and the share of documents read without error. The
vocabularies (core flags, mechanisms, EEA) come from the ruleset, not from code.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from dpcheck.checks import Ruleset
from dpcheck.models import DocumentReport
from dpcheck.report.json import document_to_dict

SET_FIELDS = ("destinations", "mechanisms", "flags")


@dataclass(frozen=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, want: set[str], got: set[str]) -> Counts:
        return Counts(self.tp + len(want & got), self.fp + len(got - want), self.fn + len(want - got))

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


@dataclass
class Evaluation:
    """Scores of one report against one gold file, with each document's differences."""

    documents: int = 0
    found: int = 0
    ok: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in SET_FIELDS})
    per_flag: dict[str, Counts] = field(default_factory=dict)
    rating_hits: int = 0
    type_hits: int = 0
    language_hits: int = 0
    differences: dict[str, list[str]] = field(default_factory=dict)

    @property
    def figures(self) -> dict[str, float]:
        n = self.documents or 1
        out = {"docs_ok": self.ok / n}
        out.update({f"{k}_f1": c.f1 for k, c in self.counts.items()})
        out.update({"rating_acc": self.rating_hits / n, "doc_type_acc": self.type_hits / n,
                    "language_acc": self.language_hits / n})
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "figures": self.figures,
            "fields": {k: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "tp": c.tp, "fp": c.fp, "fn": c.fn}
                       for k, c in self.counts.items()},
            "flags": {k: {"precision": c.precision, "recall": c.recall, "f1": c.f1} for k, c in self.per_flag.items()},
            "documents": {"in_gold": self.documents, "in_report": self.found, "scanned_ok": self.ok},
            "differences": self.differences,
        }

    def render(self, *, details: bool = False) -> str:
        lines = []
        if details:
            for doc_id, diffs in self.differences.items():
                lines.append(f"- {doc_id}")
                lines.extend(f"    {d}" for d in diffs)
        for key, c in self.counts.items():
            lines.append(f"{key:13s} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}  (tp={c.tp} fp={c.fp} fn={c.fn})")
        for flag, c in self.per_flag.items():
            lines.append(f"  {flag:36s} P={c.precision:.2f} R={c.recall:.2f} F1={c.f1:.2f} (tp={c.tp} fp={c.fp} fn={c.fn})")
        lines.append(f"documents: {self.documents} in gold, {self.found} in report, {self.ok} scanned ok")
        lines.append("score: " + " ".join(f"{k}={v:.3f}" for k, v in self.figures.items()))
        return "\n".join(lines) + "\n"


def doc_id(path: str) -> str:
    """Documents match gold records by file name without extension."""
    return PurePath(path).name.split(".")[0]


class Scorer:
    """Scores with the vocabularies of one ruleset."""

    def __init__(self, ruleset: Ruleset) -> None:
        self.flags = frozenset(r.id for r in ruleset.rules if r.core)
        self.mechanisms = frozenset(ruleset.facts.mechanisms)
        self.eea = ruleset.facts.eea_places
        self.red = ruleset.red

    def _predicted(self, doc: dict[str, Any]) -> dict[str, Any]:
        transfers = doc.get("transfers") or []
        mechanisms = {m for t in transfers for m in t.get("mechanisms") or []} | set(doc.get("mechanisms") or [])
        return {
            "destinations": {str(t.get("destination", "")).upper() for t in transfers if t.get("destination")} - self.eea,
            "mechanisms": mechanisms & self.mechanisms,
            "flags": {f.get("rule_id") for f in doc.get("findings") or []} & self.flags,
            "rating": doc.get("rating"), "doc_type": doc.get("doc_type"), "language": doc.get("language"),
            "status": doc.get("status"),
        }

    def rating_of(self, flags: set[str]) -> str:
        if flags & self.red:
            return "red"
        return "yellow" if flags else "green"

    def score(self, gold: list[dict[str, Any]], documents: Iterable[dict[str, Any]]) -> Evaluation:
        """Score report documents (dicts in the JSON report format) against gold records."""
        by_id = {doc_id(str(d.get("path", ""))): d for d in documents}
        result = Evaluation(documents=len(gold), per_flag={f: Counts() for f in sorted(self.flags)})
        missing = {"destinations": set(), "mechanisms": set(), "flags": set(), "rating": None, "doc_type": None,
                   "language": None, "status": "missing"}
        for record in gold:
            doc = by_id.get(record["id"])
            pred = self._predicted(doc) if doc is not None else missing
            result.found += doc is not None
            result.ok += pred["status"] == "ok"
            diffs = []
            for key in SET_FIELDS:
                want = set(record.get(key) or [])
                if key == "flags":
                    want &= self.flags
                    for flag in self.flags:
                        result.per_flag[flag] = result.per_flag[flag].add(want & {flag}, pred[key] & {flag})
                result.counts[key] = result.counts[key].add(want, pred[key])
                if want != pred[key]:
                    diffs.append(f"{key}: missed {sorted(want - pred[key])} extra {sorted(pred[key] - want)}")
            want_rating = record.get("rating") or self.rating_of(set(record.get("flags") or []) & self.flags)
            if record.get("doc_type") == "subprocessor_list":  # annexes are not rated
                want_rating = pred["rating"]
            result.rating_hits += pred["rating"] == want_rating
            result.type_hits += pred["doc_type"] == record.get("doc_type")
            result.language_hits += pred["language"] == record.get("language")
            if pred["rating"] != want_rating:
                diffs.append(f"rating: want {want_rating} got {pred['rating']}")
            if pred["doc_type"] != record.get("doc_type"):
                diffs.append(f"doc_type: want {record.get('doc_type')} got {pred['doc_type']}")
            if diffs:
                result.differences[f"{record['id']} [{pred['status']}]"] = diffs
        return result

    def score_reports(self, gold: list[dict[str, Any]], reports: Iterable[DocumentReport]) -> Evaluation:
        return self.score(gold, (document_to_dict(d, graph=False) for d in reports))


def load_gold(path: Path) -> list[dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, list) or not all(isinstance(r, dict) and "id" in r for r in data):
        raise ValueError(f"{path}: gold must be a JSON list of records with an 'id' (see GUIDELINES.md)")
    return data


def load_report(path: Path) -> list[dict[str, Any]]:
    """A JSON report (object with "documents") or JSON Lines, one document a line."""
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return list(data["documents"] if isinstance(data, dict) else data)
