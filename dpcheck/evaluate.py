"""``dpcheck eval``: score reports against gold labels (GUIDELINES.md format).

The figures are those of the evaluation kit's scorer (``shared/eval/score.py``), defined as it
defines them: precision, recall and F1 for destinations, mechanisms and the core flags (and per
flag), accuracy of the rating, the document type and the language, the share of documents read
without error, and two figures of trust:

- ``never_milder``: the share of rated documents whose rating is not milder than the gold one.
- ``evidence_at1`` / ``evidence_any``: for each label found correctly whose gold evidence is a
  quote, whether the first (any) quote shown for it is that gold passage (3-word-shingle
  containment of at least 0.6 of a gold fragment); nan when the gold has no quotes.

Gold records may also answer one yes/no question, ``"transfer": true|false`` (does the document say
personal data leaves the EEA?), as sets labelled for destinations only do (``eval/blind/real/policies40``)
and as outside benchmarks of privacy policies are labelled. Where any record does, ``transfer_f1`` scores
"the report names a destination outside the EEA" against it. Such sets give one evidence passage for the
whole answer (a string, not a quote per label); it is not scored as evidence. A field a record leaves
out (``mechanisms``, ``flags``; the rating when both it and the flags are absent) was not labelled and
is not scored for that record; GUIDELINES.md gold gives every field, so its figures are the kit's.

The vocabularies (core flags, mechanisms, EEA) and the rating come from the ruleset, not from code.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from dpcheck.checks import Ruleset
from dpcheck.models import DocumentReport
from dpcheck.report.json import document_to_dict

SET_FIELDS = ("destinations", "mechanisms", "flags")
# Gold evidence keys whose passages also support a finding of this rule (as the kit's scorer has them).
RELATED = {
    "TRANSFER_DESTINATION_UNSPECIFIED": ("UNSPECIFIED",),
    "INVALID_TRANSFER_MECHANISM": ("privacy_shield", "safe_harbor"),
    "SUPPLEMENTARY_MEASURES_UNADDRESSED": ("scc", "bcr"),
}
RANK = {"green": 0, "yellow": 1, "red": 2}
# A gold quote counts as shown when this share of its 3-word shingles is in the quote shown.
SHINGLE_CONTAINMENT = 0.6


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

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class Evaluation:
    """Scores of one report against one gold file, with each document's differences."""

    documents: int = 0
    found: int = 0
    ok: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {k: Counts() for k in SET_FIELDS})
    per_flag: dict[str, Counts] = field(default_factory=dict)
    rating_hits: int = 0
    rating_labelled: int = 0
    type_hits: int = 0
    language_hits: int = 0
    rated: int = 0
    not_milder: int = 0
    evidence_total: int = 0
    evidence_first: int = 0
    evidence_any: int = 0
    labelled: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SET_FIELDS, 0))
    transfer: Counts = field(default_factory=Counts)
    transfer_labelled: int = 0
    differences: dict[str, list[str]] = field(default_factory=dict)

    @property
    def figures(self) -> dict[str, float]:
        n = self.documents or 1
        out = {"docs_ok": self.ok / n}
        # nan where no record labels a field: nothing to compare, and no --min can fail on it
        out.update({f"{k}_f1": c.f1 if self.labelled[k] else math.nan for k, c in self.counts.items()})
        if self.transfer_labelled:
            out["transfer_f1"] = self.transfer.f1
        out.update(
            {
                "rating_acc": self.rating_hits / self.rating_labelled if self.rating_labelled else math.nan,
                "doc_type_acc": self.type_hits / n,
                "language_acc": self.language_hits / n,
                "never_milder": self.not_milder / (self.rated or 1) if self.rating_labelled else math.nan,
            }
        )
        # nan where the gold has no evidence quotes: nothing to compare, and no --min can fail on it
        total = self.evidence_total
        out["evidence_at1"] = self.evidence_first / total if total else math.nan
        out["evidence_any"] = self.evidence_any / total if total else math.nan
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "figures": self.figures,
            "fields": {k: c.to_dict() for k, c in self.counts.items() if self.labelled[k]},
            "flags": {
                k: {"precision": c.precision, "recall": c.recall, "f1": c.f1}
                for k, c in (self.per_flag.items() if self.labelled["flags"] else ())
            },
            **(
                {"transfer": {"labelled": self.transfer_labelled, **self.transfer.to_dict()}}
                if self.transfer_labelled
                else {}
            ),
            "documents": {"in_gold": self.documents, "in_report": self.found, "scanned_ok": self.ok},
            "trust": {
                "rated": self.rated,
                "milder_than_gold": self.rated - self.not_milder,
                "evidence_labels": self.evidence_total,
                "evidence_first": self.evidence_first,
                "evidence_any": self.evidence_any,
            },
            "differences": self.differences,
        }

    def render(self, *, details: bool = False) -> str:
        lines = []
        if details:
            for doc_id, diffs in self.differences.items():
                lines.append(f"- {doc_id}")
                lines.extend(f"    {d}" for d in diffs)
        for key, c in self.counts.items():
            if not self.labelled[key]:
                lines.append(f"{key:13s} not labelled")
                continue
            lines.append(
                f"{key:13s} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}  (tp={c.tp} fp={c.fp} fn={c.fn})"
            )
        if self.transfer_labelled:
            c = self.transfer
            lines.append(
                f"{'transfer':13s} P={c.precision:.3f} R={c.recall:.3f} F1={c.f1:.3f}  (tp={c.tp} fp={c.fp} fn={c.fn}; "
                f"{self.transfer_labelled} documents labelled yes/no)"
            )
        for flag, c in self.per_flag.items() if self.labelled["flags"] else ():
            lines.append(
                f"  {flag:36s} P={c.precision:.2f} R={c.recall:.2f} F1={c.f1:.2f} (tp={c.tp} fp={c.fp} fn={c.fn})"
            )
        lines.append(
            f"trust: {self.rated - self.not_milder} of {self.rated} rated documents milder than gold; evidence "
            f"first quote {self.evidence_first}/{self.evidence_total}, any quote {self.evidence_any}/{self.evidence_total}"
        )
        lines.append(f"documents: {self.documents} in gold, {self.found} in report, {self.ok} scanned ok")
        lines.append("score: " + " ".join(f"{k}={v:.3f}" for k, v in self.figures.items()))
        return "\n".join(lines) + "\n"


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-zäöüß]+", " ", text.lower()).split())


def fragments(gold_quote: str) -> list[str]:
    """The verbatim parts of a gold evidence note: quoted spans if it has any, else the pieces
    between ellipses (three words at least)."""
    quoted = re.findall(r"['\u2018\u201c\"]([^'\u2019\u201d\"]{12,})['\u2019\u201d\"]", gold_quote)
    parts = quoted or re.split(r"\.\.\.|\u2026", gold_quote)
    return [f for f in (_norm(p) for p in parts) if len(f.split()) >= 3]


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + 3]) for i in range(max(len(words) - 2, 1))}


def evidence_hit(quote: str, gold_quote: str) -> bool:
    """The quote shown is the gold passage: it holds a gold fragment, or most of its shingles."""
    q = _norm(quote)
    qs = _shingles(q.split())
    for frag in fragments(gold_quote):
        if frag in q:
            return True
        fs = _shingles(frag.split())
        if fs and len(fs & qs) / len(fs) >= SHINGLE_CONTAINMENT:
            return True
    return False


def shown_quotes(doc: dict[str, Any]) -> dict[str, list[str]]:
    """Label -> the quotes a report document shows for it, in its own order."""
    out: dict[str, list[str]] = {}
    for t in doc.get("transfers") or []:
        out.setdefault(str(t.get("destination", "")).upper(), []).extend(
            e.get("quote", "") for e in t.get("evidence") or []
        )
    for m in doc.get("mentions") or []:
        if m.get("kind") == "mechanism" and m.get("evidence"):
            out.setdefault(str(m.get("value")), []).append(m["evidence"].get("quote", ""))
    for f in doc.get("findings") or []:
        out.setdefault(str(f.get("rule_id")), []).extend(e.get("quote", "") for e in f.get("evidence") or [])
    return out


def doc_id(path: str) -> str:
    """Documents match gold records by file name without extension."""
    return PurePath(path).name.split(".")[0]


class Scorer:
    """Scores with the vocabularies of one ruleset."""

    def __init__(self, ruleset: Ruleset) -> None:
        self.flags = ruleset.labelled_flags or frozenset(r.id for r in ruleset.rules if r.core)
        self.mechanisms = frozenset(ruleset.facts.mechanisms)
        self.eea = ruleset.facts.eea_places
        self.ruleset = ruleset

    def _predicted(self, doc: dict[str, Any]) -> dict[str, Any]:
        transfers = doc.get("transfers") or []
        mechanisms = {m for t in transfers for m in t.get("mechanisms") or []} | set(doc.get("mechanisms") or [])
        return {
            "destinations": {str(t.get("destination", "")).upper() for t in transfers if t.get("destination")}
            - self.eea,
            "mechanisms": mechanisms & self.mechanisms,
            "flags": {f.get("rule_id") for f in doc.get("findings") or []} & self.flags,
            "rating": doc.get("rating"),
            "doc_type": doc.get("doc_type"),
            "language": doc.get("language"),
            "status": doc.get("status"),
        }

    def score(self, gold: list[dict[str, Any]], documents: Iterable[dict[str, Any]]) -> Evaluation:
        """Score report documents (dicts in the JSON report format) against gold records."""
        by_id = {doc_id(str(d.get("path", ""))): d for d in documents}
        result = Evaluation(documents=len(gold), per_flag={f: Counts() for f in sorted(self.flags)})
        missing: dict[str, Any] = {
            "destinations": set(),
            "mechanisms": set(),
            "flags": set(),
            "rating": None,
            "doc_type": None,
            "language": None,
            "status": "missing",
        }
        for record in gold:
            doc = by_id.get(record["id"])
            pred = self._predicted(doc) if doc is not None else missing
            result.found += doc is not None
            result.ok += pred["status"] == "ok"
            diffs = []
            for key in SET_FIELDS:
                if key not in record:
                    continue
                result.labelled[key] += 1
                want = set(record.get(key) or [])
                if key == "flags":
                    want &= self.flags
                    for flag in self.flags:
                        result.per_flag[flag] = result.per_flag[flag].add(want & {flag}, pred[key] & {flag})
                result.counts[key] = result.counts[key].add(want, pred[key])
                if want != pred[key]:
                    diffs.append(f"{key}: missed {sorted(want - pred[key])} extra {sorted(pred[key] - want)}")
            if isinstance(record.get("transfer"), bool):
                said, read = record["transfer"], bool(pred["destinations"])
                result.transfer_labelled += 1
                result.transfer = result.transfer.add({"transfer"} if said else set(), {"transfer"} if read else set())
                if said != read:
                    diffs.append(f"transfer: want {'yes' if said else 'no'} got {'yes' if read else 'no'}")
            rating_labelled = "rating" in record or "flags" in record
            want_rating = record.get("rating") or self.ruleset.rating_of(set(record.get("flags") or []) & self.flags)
            # annexes are not rated; an unlabelled rating is taken as read, so that it shows no difference
            if record.get("doc_type") == "subprocessor_list" or not rating_labelled:
                want_rating = pred["rating"]
            result.rating_labelled += rating_labelled
            result.rating_hits += rating_labelled and pred["rating"] == want_rating
            if rating_labelled and want_rating in RANK:
                result.rated += 1
                result.not_milder += RANK.get(pred["rating"], -1) >= RANK[want_rating]
            diffs.extend(self._evidence(record, pred, shown_quotes(doc) if doc is not None else {}, result))
            result.type_hits += pred["doc_type"] == record.get("doc_type")
            result.language_hits += pred["language"] == record.get("language")
            if pred["rating"] != want_rating:
                diffs.append(f"rating: want {want_rating} got {pred['rating']}")
            if pred["doc_type"] != record.get("doc_type"):
                diffs.append(f"doc_type: want {record.get('doc_type')} got {pred['doc_type']}")
            if diffs:
                result.differences[f"{record['id']} [{pred['status']}]"] = diffs
        return result

    @staticmethod
    def _evidence(
        record: dict[str, Any], pred: dict[str, Any], shown: dict[str, list[str]], result: Evaluation
    ) -> list[str]:
        """Count, for each label found correctly that has a gold quote, whether the first (any)
        quote shown is that passage; the differences name the misses."""
        gold_evidence = record.get("evidence") or {}
        diffs: list[str] = []
        if not isinstance(gold_evidence, dict):
            return diffs
        for key in SET_FIELDS:
            for label in sorted(set(record.get(key) or []) & pred[key]):
                candidates = [gold_evidence.get(k) for k in (label, *RELATED.get(label, ()))]
                golds = [
                    q for q in candidates if isinstance(q, str) and fragments(q) and not q.upper().startswith("ABSENCE")
                ]
                if not golds:
                    continue
                quotes = shown.get(label) or []
                first = bool(quotes) and any(evidence_hit(quotes[0], q) for q in golds)
                anywhere = any(evidence_hit(x, q) for x in quotes for q in golds)
                result.evidence_total += 1
                result.evidence_first += first
                result.evidence_any += anywhere
                if not first:
                    diffs.append(
                        f"evidence: {label} first quote is not the gold passage"
                        + ("" if anywhere else " (nor is any other)")
                    )
        return diffs

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
