"""Assign the dev/unseen split of an evaluation manifest, by vendor.

    python eval/split_by_vendor.py [--set real] [--seed 1729] [--check]

Every vendor lands wholly in one split. Vendors are grouped into strata by the kind of their
main document (DPA, else sub-processor list, else privacy policy or other) and by whether
they have a German document. Within each stratum the vendors are shuffled with the fixed seed,
then dealt round-robin by the format of their main document (so formats alternate), and taken
into ``unseen`` while that keeps the stratum's unseen documents at or under a third. The result is written into the ``split`` column of
``eval/<set>/manifest.tsv``; ``--check`` only reports whether the column already matches.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

EVAL_DIR = Path(__file__).resolve().parent
TYPE_ORDER = ("dpa", "subprocessor_list", "privacy_policy", "other")


def stratum(rows: list[dict[str, str]]) -> tuple[str, str]:
    types = {row["doc_type"] for row in rows}
    main = next(kind for kind in TYPE_ORDER if kind in types)
    return main, "de" if any(row["language"] == "de" for row in rows) else "en"


def main_format(rows: list[dict[str, str]], kind: str) -> str:
    return min(row["format"] for row in rows if row["doc_type"] == kind)


def interleave(groups: list[list[str]]) -> list[str]:
    order: list[str] = []
    for position in range(max(len(group) for group in groups)):
        order.extend(group[position] for group in groups if position < len(group))
    return order


def assign(rows: list[dict[str, str]], seed: int) -> dict[str, str]:
    """Maps each vendor to 'dev' or 'unseen'."""
    by_vendor: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_vendor[row["vendor"]].append(row)
    strata: dict[tuple[str, str], list[str]] = defaultdict(list)
    for vendor in sorted(by_vendor):
        strata[stratum(by_vendor[vendor])].append(vendor)
    rng = random.Random(seed)
    split: dict[str, str] = {}
    for key in sorted(strata):
        vendors = strata[key]
        rng.shuffle(vendors)
        by_format: dict[str, list[str]] = defaultdict(list)
        for vendor in vendors:
            by_format[main_format(by_vendor[vendor], key[0])].append(vendor)
        formats = sorted(by_format)
        rng.shuffle(formats)
        vendors = interleave([by_format[fmt] for fmt in formats])
        target = round(sum(len(by_vendor[v]) for v in vendors) / 3)
        unseen = 0
        for vendor in vendors:
            size = len(by_vendor[vendor])
            if unseen + size <= target:
                split[vendor] = "unseen"
                unseen += size
            else:
                split[vendor] = "dev"
    return split


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", default="real")
    parser.add_argument("--seed", type=int, default=1729)
    parser.add_argument("--check", action="store_true", help="report mismatches, write nothing")
    args = parser.parse_args(argv)
    path = EVAL_DIR / args.set / "manifest.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        fields = list(reader.fieldnames or ())
        rows = list(reader)
    split = assign(rows, args.seed)
    if args.check:
        wrong = [row["id"] for row in rows if row["split"] != split[row["vendor"]]]
        print("split matches" if not wrong else f"split differs for: {', '.join(wrong)}")
        return 1 if wrong else 0
    for row in rows:
        row["split"] = split[row["vendor"]]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, delimiter="\t", quoting=csv.QUOTE_NONE, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    counts = Counter((row["split"], row["doc_type"], row["language"]) for row in rows)
    for key, count in sorted(counts.items()):
        print(*key, count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
