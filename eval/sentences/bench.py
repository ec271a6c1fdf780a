"""Rules-only reading of single sentences: does dpcheck read a destination from each sentence alone?

    python eval/sentences/bench.py                       # every set of eval/sentences, one line of figures each
    python eval/sentences/bench.py s1 s2 --misses        # and each sentence read wrongly (tuning sets only)

Each line of ``<set>.jsonl`` is ``{"text", "lang", "label": OUT|NOT, "kind"}`` (README.md). A sentence is read as
OUT when the report of ``scan_text(text, doc_type="privacy_policy", language=lang)`` has any transfer.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import dpcheck

HERE = Path(__file__).resolve().parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (file stems); default: all")
    parser.add_argument("--misses", action="store_true", help="print each sentence read wrongly")
    args = parser.parse_args()
    names = args.sets or sorted(p.stem for p in HERE.glob("*.jsonl"))
    scanner = dpcheck.Scanner()
    for name in names:
        tp = fp = fn = tn = 0
        for line in (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            report = scanner.scan_text(row["text"], doc_type="privacy_policy", language=row["lang"])
            said, truth = bool(report.transfers), row["label"] == "OUT"
            tp, fp, fn, tn = (
                tp + (said and truth),
                fp + (said and not truth),
                fn + (truth and not said),
                tn + (not said and not truth),
            )
            if args.misses and said != truth:
                found = sorted({t.destination for t in report.transfers})
                print(f"  {row['label']} {row['kind']} {row['lang']} {found}: {row['text']}")
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name}: P={p:.3f} R={r:.3f} F1={f1:.3f} (tp={tp} fp={fp} fn={fn} tn={tn})")


if __name__ == "__main__":
    main()
