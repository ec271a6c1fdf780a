#!/usr/bin/env python3
"""Agreement between two labellings of the real documents (GUIDELINES.md records).

    python eval/real/agreement.py LEFT RIGHT [--manifest eval/real/manifest.tsv] [--split dev]
                                  [--details]

LEFT and RIGHT are each a folder of `<id>.json` records, a JSON list of records (a gold file)
or a JSON object id -> record (`eval/real/labels/A.json`). Only ids present in both are compared.
Prints, per split and overall: set F1 (micro) of destinations, mechanisms and flags, with the
labels only one side has; per-flag counts; agreement on doc_type, language and the rating derived
from the flags the way /work/shared/eval/score.py derives it (sub-processor lists are not rated:
a document counts as rated unless either side calls it a `subprocessor_list`); and how many
documents are identical on all fields. F1 is symmetric; precision reads RIGHT as the reference.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

SET_FIELDS = ("destinations", "mechanisms", "flags")
SCALAR_FIELDS = ("doc_type", "language", "rating")
RED = {"INVALID_TRANSFER_MECHANISM", "TRANSFER_MECHANISM_UNSPECIFIED"}


def load(source: Path) -> dict[str, dict]:
    if source.is_dir():
        return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(source.glob("*.json"))}
    data = json.loads(source.read_text(encoding="utf-8"))
    if isinstance(data, list):
        return {r["id"]: r for r in data}
    return dict(data)


def rating_of(record: dict) -> str:
    """The traffic light score.py derives when a gold record carries no rating."""
    if record.get("rating"):
        return record["rating"]
    flags = set(record.get("flags") or [])
    if flags & RED:
        return "red"
    return "yellow" if flags else "green"


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def kappa(pairs: list[tuple[str, str]]) -> float:
    """Cohen's kappa of two raters' categorical answers."""
    n = len(pairs)
    if not n:
        return float("nan")
    observed = sum(a == b for a, b in pairs) / n
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[c] * right[c] for c in left) / (n * n)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


def compare(left: dict[str, dict], right: dict[str, dict], ids: list[str]) -> dict:
    out: dict = {"documents": len(ids), "identical": 0, "differences": {}}
    for field in SET_FIELDS:
        both = only_left = only_right = same_docs = 0
        for i in ids:
            a, b = set(left[i].get(field) or []), set(right[i].get(field) or [])
            both += len(a & b)
            only_left += len(a - b)
            only_right += len(b - a)
            same_docs += a == b
        p, r, f = prf(both, only_left, only_right)
        out[field] = {
            "both": both,
            "left_only": only_left,
            "right_only": only_right,
            "precision": p,
            "recall": r,
            "f1": f,
            "docs_equal": same_docs,
        }
    per_flag: dict[str, list[int]] = {}
    for i in ids:
        a, b = set(left[i].get("flags") or []), set(right[i].get("flags") or [])
        for flag in a | b:
            row = per_flag.setdefault(flag, [0, 0, 0])
            row[0 if flag in a & b else 1 if flag in a else 2] += 1
    out["per_flag"] = dict(sorted(per_flag.items()))
    for field in SCALAR_FIELDS:
        rated = [
            i
            for i in ids
            if field != "rating" or "subprocessor_list" not in (left[i].get("doc_type"), right[i].get("doc_type"))
        ]
        pairs = [
            (rating_of(left[i]), rating_of(right[i]))
            if field == "rating"
            else (left[i].get(field), right[i].get(field))
            for i in rated
        ]
        out[field] = {"equal": sum(a == b for a, b in pairs), "of": len(pairs), "kappa": kappa(pairs)}
    for i in ids:
        diffs = []
        for field in SET_FIELDS:
            a, b = set(left[i].get(field) or []), set(right[i].get(field) or [])
            if a != b:
                diffs.append(f"{field}: left only {sorted(a - b)} right only {sorted(b - a)}")
        for field in ("doc_type", "language"):
            if left[i].get(field) != right[i].get(field):
                diffs.append(f"{field}: {left[i].get(field)} / {right[i].get(field)}")
        if diffs:
            out["differences"][i] = diffs
        else:
            out["identical"] += 1
    return out


def print_summary(title: str, res: dict) -> None:
    print(f"## {title}: {res['documents']} documents, {res['identical']} identical on all fields")
    for field in SET_FIELDS:
        s = res[field]
        print(
            f"  {field:12s} both={s['both']:3d} left_only={s['left_only']:3d} "
            f"right_only={s['right_only']:3d}  P={s['precision']:.3f} R={s['recall']:.3f} "
            f"F1={s['f1']:.3f}  docs equal {s['docs_equal']}/{res['documents']}"
        )
    for field in SCALAR_FIELDS:
        s = res[field]
        print(f"  {field:12s} equal {s['equal']}/{s['of']}  kappa={s['kappa']:.3f}")
    for flag, (both, lo, ro) in res["per_flag"].items():
        print(f"    {flag:36s} both={both} left_only={lo} right_only={ro}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("left", type=Path)
    ap.add_argument("right", type=Path)
    ap.add_argument("--manifest", type=Path, default=Path(__file__).with_name("manifest.tsv"))
    ap.add_argument("--split", action="append", help="only this split (repeatable)")
    ap.add_argument("--details", action="store_true", help="print each document's differences")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    args = ap.parse_args()
    left, right = load(args.left), load(args.right)
    with args.manifest.open(encoding="utf-8") as fh:
        split_of = {row["id"]: row["split"] for row in csv.DictReader(fh, delimiter="\t")}
    common = [i for i in split_of if i in left and i in right]
    splits = args.split or sorted({split_of[i] for i in common})
    results = {}
    for split in splits:
        ids = [i for i in common if split_of[i] == split]
        results[split] = compare(left, right, ids)
        print_summary(split, results[split])
    if len(splits) > 1:
        ids = [i for i in common if split_of[i] in splits]
        results["all"] = compare(left, right, ids)
        print_summary("all", results["all"])
    if args.details:
        for split in splits:
            for i, diffs in results[split]["differences"].items():
                print(f"- {i} [{split}]")
                for line in diffs:
                    print(f"    {line}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
