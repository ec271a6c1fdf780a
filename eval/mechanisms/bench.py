"""Rules-only reading of transfer mechanisms in short passages: which tools does dpcheck say a passage relies on?

    python eval/mechanisms/bench.py                      # every set of eval/mechanisms, figures per set
    python eval/mechanisms/bench.py m1 --misses          # and each passage read wrongly (tuning sets only)
    python eval/mechanisms/bench.py m1 --by-mechanism    # and P/R/F1 per mechanism

Each line of ``<set>.jsonl`` is ``{"text", "lang", "mechanisms": [...], "kind"}`` (README.md). A passage is read with
``scan_text(text, doc_type="privacy_policy", language=lang)``; its reading is the report's ``mechanisms`` (the tools the
document relies on), compared with the labels as (passage, mechanism) pairs, and as whole sets (exact).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import dpcheck

HERE = Path(__file__).resolve().parent


def _f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (file stems); default: all")
    parser.add_argument("--misses", action="store_true", help="print each passage read wrongly")
    parser.add_argument("--by-mechanism", action="store_true", help="print P/R/F1 per mechanism")
    args = parser.parse_args()
    names = args.sets or sorted(p.stem for p in HERE.glob("*.jsonl"))
    scanner = dpcheck.Scanner()
    for name in names:
        tp: Counter[str] = Counter()
        fp: Counter[str] = Counter()
        fn: Counter[str] = Counter()
        exact = total = 0
        for line in (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            report = scanner.scan_text(row["text"], doc_type="privacy_policy", language=row["lang"])
            said, truth = set(report.mechanisms), set(row["mechanisms"])
            for m in said & truth:
                tp[m] += 1
            for m in said - truth:
                fp[m] += 1
            for m in truth - said:
                fn[m] += 1
            total += 1
            exact += said == truth
            if args.misses and said != truth:
                print(f"  {row['kind']} {row['lang']} gold={sorted(truth)} read={sorted(said)}: {row['text']}")
        p, r, f1 = _f1(sum(tp.values()), sum(fp.values()), sum(fn.values()))
        print(f"{name}: P={p:.3f} R={r:.3f} F1={f1:.3f} exact={exact / total:.3f} ({exact}/{total})")
        if args.by_mechanism:
            for m in sorted(set(tp) | set(fp) | set(fn)):
                mp, mr, mf = _f1(tp[m], fp[m], fn[m])
                print(f"  {m:16} P={mp:.3f} R={mr:.3f} F1={mf:.3f} (tp={tp[m]} fp={fp[m]} fn={fn[m]})")


if __name__ == "__main__":
    main()
