"""Score dpcheck's semantic diff against the adjudicated changes of the real version pairs.

For each pair of ``pairs.tsv`` the two documents in ``docs/`` are compared with ``dpcheck.diff``;
each predicted change is matched to at most one gold change of ``changes.json`` on (pair, kind,
value). Recipient names (``subprocessor_*``) match loosely, as in AGREEMENT.md: the same company
once its legal form, case and punctuation are dropped, or one name the other's first words.
``rating_changed`` is left out: the labellers do not record it (LABELLING.md, Task B).

    python eval/versions/score_diff.py                       # figures overall and per kind
    python eval/versions/score_diff.py --misses              # and every missed or extra change
    python eval/versions/score_diff.py --save predicted.json # the predicted changes, to read later
    python eval/versions/score_diff.py --split tune          # only the pairs of the tuning half
    python eval/versions/score_diff.py --pairs DIR/pairs.tsv --changes DIR/changes.json --docs DIR/docs
                                                             # another set of pairs, in the same formats

``pairs.tsv``'s ``split`` column puts every vendor's pairs in one half: ``tune`` (read its misses to
improve dpcheck) or ``frozen`` (measured only, never read); README.md says how it was drawn.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import dpcheck
from dpcheck.changes import KINDS, recipient_key, same_recipient
from dpcheck.scanner import Scanner

HERE = Path(__file__).resolve().parent
# The labelled kinds: every change kind but the rating.
SCORED = tuple(k for k in KINDS if k != "rating_changed")

Change = tuple[str, str, str]  # pair, kind, value


def same(kind: str, a: str, b: str) -> bool:
    """Two values of one kind name the same thing."""
    if kind.startswith("subprocessor_"):
        ka, kb = recipient_key(a), recipient_key(b)
        return bool(ka and kb) and same_recipient(ka, kb)
    return a == b


def match(predicted: Iterable[Change], gold: Iterable[Change]) -> tuple[list[Change], list[Change], list[Change]]:
    """(matched predictions, extra predictions, missed gold): each gold change matched once, an exact
    value before a loose one."""
    left = list(gold)
    hits: list[Change] = []
    extra: list[Change] = []
    for p in sorted(predicted):
        found = next((g for g in left if g == p), None) or next(
            (g for g in left if g[:2] == p[:2] and same(p[1], p[2], g[2])), None
        )
        if found is None:
            extra.append(p)
        else:
            left.remove(found)
            hits.append(p)
    return hits, extra, left


def figures(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def document(docs: Path, doc_id: str) -> Path | None:
    """The file of one document id: Markdown, or the one format its set's manifest gives (HTML, PDF, ...)."""
    return next((p for p in sorted(docs.glob(f"{doc_id}.*")) if p.stem == doc_id), None)


def predict(pairs: list[dict[str, str]], docs: Path) -> dict[str, list[dict[str, str]]]:
    """Each pair's predicted changes (kind, value, detail), by one scanner."""
    scanner = Scanner()
    out = {}
    for pair in pairs:
        old, new = document(docs, pair["old_id"]), document(docs, pair["new_id"])
        assert old and new
        comparison = dpcheck.diff(old, new, scanner=scanner)
        out[pair["pair_id"]] = [
            {"kind": c.kind, "value": c.value, "detail": c.detail} for c in comparison.changes if c.kind in SCORED
        ]
        print(f"{pair['pair_id']}: {len(out[pair['pair_id']])} changes", file=sys.stderr)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--docs", type=Path, default=HERE / "docs", help="the documents (eval/fetch_real.py --set versions)"
    )
    parser.add_argument(
        "--pairs", type=Path, default=HERE / "pairs.tsv", help="the pairs (pair_id, old_id, new_id, split columns)"
    )
    parser.add_argument(
        "--changes", type=Path, default=HERE / "changes.json", help="the labelled changes of those pairs (JSON)"
    )
    parser.add_argument("--load", type=Path, help="score predictions saved with --save instead of scanning")
    parser.add_argument("--save", type=Path, help="write the predicted changes here (JSON)")
    parser.add_argument("--misses", action="store_true", help="list every missed and every extra change")
    parser.add_argument(
        "--split",
        choices=("tune", "frozen", "all"),
        default="all",
        help="score the tuning half, the frozen half or every pair (default)",
    )
    args = parser.parse_args()

    with open(args.pairs, encoding="utf-8", newline="") as f:
        pairs = [p for p in csv.DictReader(f, delimiter="\t") if args.split in ("all", p["split"])]
    gold_pairs = {p["pair_id"]: p for p in json.loads(args.changes.read_text(encoding="utf-8"))}
    unlabelled = [p["pair_id"] for p in pairs if p["pair_id"] not in gold_pairs]
    if unlabelled:
        sys.exit(f"{args.changes} has no changes for {unlabelled[:3]}")
    if args.load:
        predicted = json.loads(args.load.read_text(encoding="utf-8"))
        missing = [p["pair_id"] for p in pairs if p["pair_id"] not in predicted]
        if missing:
            sys.exit(f"{args.load} has no predictions for {missing[:3]}")
    else:
        missing = [i for p in pairs for i in (p["old_id"], p["new_id"]) if document(args.docs, i) is None]
        if missing:
            sys.exit(f"documents missing in {args.docs} (python eval/fetch_real.py --set versions): {missing[:3]}")
        predicted = predict(pairs, args.docs)
    if args.save:
        args.save.write_text(json.dumps(predicted, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")

    counts: dict[str, Counter[str]] = {k: Counter() for k in SCORED}
    identical = 0
    for pair in pairs:
        pid = pair["pair_id"]
        gold = [(pid, c["kind"], c["value"]) for c in gold_pairs[pid]["changes"]]
        hits, extra, missed = match([(pid, c["kind"], c["value"]) for c in predicted[pid]], gold)
        identical += not (extra or missed)
        for name, changes in (("tp", hits), ("fp", extra), ("fn", missed)):
            for change in changes:
                counts[change[1]][name] += 1
        if args.misses:
            for tag, changes in (("missed", missed), ("extra", extra)):
                for _, kind, value in changes:
                    print(f"{pid}\t{tag}\t{kind}\t{value}")

    total = sum(counts.values(), Counter())
    print(
        f"{len(pairs)} pairs, {total['tp'] + total['fn']} gold changes, {total['tp'] + total['fp']} predicted; "
        f"pairs exactly right: {identical}/{len(pairs)}"
    )
    print(f"{'kind':22} {'gold':>5} {'pred':>5} {'tp':>4} {'precision':>9} {'recall':>7} {'F1':>6}")
    for kind, c in [*counts.items(), ("all", total)]:
        if kind != "all" and not (c["tp"] or c["fp"] or c["fn"]):
            continue
        p, r, f1 = figures(c["tp"], c["fp"], c["fn"])
        print(f"{kind:22} {c['tp'] + c['fn']:5} {c['tp'] + c['fp']:5} {c['tp']:4} {p:9.3f} {r:7.3f} {f1:6.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
