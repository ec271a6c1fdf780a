"""Instructions of a cold scan and of its floor, counted by valgrind's callgrind: a figure the machine's load cannot blur.

On a shared machine paired CPU timings cannot show a change of a few per cent (`RESULTS.md`); the number of
instructions a process runs does not depend on what runs beside it. Each figure is counted in a process of its
own under ``valgrind --tool=callgrind``: it imports dpcheck, builds its scanner (``scan_many``'s pipelines) and
the floor's tokenizers, scans the documents once uncounted (as ``batch.py``'s in-process rounds, whose
tokenizers have seen the documents before), then counts one pass of the scan or of the floor
(``floor.Floor.run``). Set-up and the warm-up run with valgrind's instrumentation off; a small C helper built
here with ``callgrind.h`` turns it on just around the pass (so a compiler and valgrind's headers are needed).
The scan's time and memory limits are off in that process. Callgrind runs the counted pass some 30–50× slower than
the process alone: a figure of the 67 shared documents should take some ten minutes a process on an idle CPU (an
estimate from 3 documents), and far longer on a loaded one, where valgrind gets a few per cent of a CPU.

    python benchmarks/instructions.py --repeat 3                    # the scan and the floor, 3 processes each
    python benchmarks/instructions.py --code /tmp/main-snapshot     # another checkout's code (PYTHONPATH)
    python benchmarks/instructions.py --shards 6 --jobs 12          # a loaded machine: more, shorter processes

With ``--shards`` each process warms up on and counts its share of the documents only: the figure is the sum, without
what a process pays once (imports, pipelines), and each document meets caches warmed by its share, not by all.

Counts vary a little from process to process (string hashes are salted per process: sets iterate in another
order); ``--repeat`` gives the spread. ``perf stat -e instructions`` would be faster, but needs a hardware
counter that virtual machines often do not pass through.
"""

from __future__ import annotations

import argparse
import ctypes
import gc
import os
import re
import statistics
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent

HELPER = r"""
#include <valgrind/callgrind.h>
void counted_start(void) { CALLGRIND_START_INSTRUMENTATION; }
void counted_stop(void) { CALLGRIND_STOP_INSTRUMENTATION; }
"""


def build_helper(folder: Path) -> Path:
    """The shared library whose two functions turn callgrind's instrumentation (and so its counting) on and off."""
    source, library = folder / "counted.c", folder / "counted.so"
    source.write_text(HELPER)
    subprocess.run(["cc", "-shared", "-fPIC", "-O1", "-o", str(library), str(source)], check=True)
    return library


def count(what: str, files: list[Path], code: Path, helper: Path, folder: Path, run: str) -> int:
    """Instructions of one pass of ``what`` ("scan" or "floor") over ``files``, in a process of its own."""
    out = folder / f"callgrind.{what}.{run}.out"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(code), str(HERE)])}
    subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--instr-atstart=no",
            f"--callgrind-out-file={out}",
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            what,
            str(helper),
            *map(str, files),
        ],
        env=env,
        cwd=folder,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    found = re.search(r"^totals: (\d+)", out.read_text(), re.MULTILINE)
    if found is None:
        raise SystemExit(f"no count in {out}")
    out.unlink()
    return int(found.group(1))


def child(what: str, helper: str, files: list[Path]) -> None:
    """Set up uncounted, warm up, then count one pass (run under callgrind by :func:`count`)."""
    from floor import Floor

    from dpcheck.batch import scan_many
    from dpcheck.limits import Limits

    floor = Floor()
    # Under callgrind a document takes some 50 times as long, and valgrind's own memory grows the process: the
    # default limits would stop the scan (E108, E109) or change its output.
    limits = Limits(timeout=None, max_memory=None)

    def scan() -> None:
        for _ in scan_many(files, workers=1, limits=limits):
            pass

    run = scan if what == "scan" else lambda: floor.run(files)
    run()
    gc.collect()
    gc.freeze()
    counted = ctypes.CDLL(helper)
    counted.counted_start()
    run()
    counted.counted_stop()


def show(counts: list[int]) -> str:
    """Median (min–max) in millions of instructions."""
    m = [c / 1e6 for c in counts]
    return f"{statistics.median(m):,.0f} M ({min(m):,.0f}–{max(m):,.0f})"


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2], sys.argv[3], [Path(p) for p in sys.argv[4:]])
        return
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "--corpus",
        type=Path,
        default=HERE.parent.parent / "shared" / "corpus" / "docs",
        help="the documents (default: ../shared/corpus/docs, as batch.py from the main checkout)",
    )
    parser.add_argument("--code", type=Path, default=HERE.parent, help="the checkout whose dpcheck is counted")
    parser.add_argument("--repeat", type=int, default=3, help="processes per figure")
    parser.add_argument("--only", choices=("scan", "floor"), help="count one figure only")
    parser.add_argument("--jobs", type=int, default=1, help="processes at once (the counts do not depend on it)")
    parser.add_argument(
        "--shards",
        type=int,
        default=1,
        help="split the documents among this many processes (every N-th document), each warmed up on its own share; "
        "a figure is their sum",
    )
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.is_file())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        helper = build_helper(folder)
        figures: dict[str, list[int]] = {}
        whats = [w for w in ("scan", "floor") if args.only in (None, w)]
        shards = [files[k :: args.shards] for k in range(args.shards)]
        with ThreadPoolExecutor(args.jobs) as pool:
            runs = {
                w: [
                    [
                        pool.submit(count, w, shard, args.code, helper, folder, f"{r}.{k}")
                        for k, shard in enumerate(shards)
                    ]
                    for r in range(args.repeat)
                ]
                for w in whats
            }
            for what, repeats in runs.items():
                figures[what] = [sum(f.result() for f in futures) for futures in repeats]
                print(f"{what}: {show(figures[what])}  {figures[what]}", flush=True)
    if len(figures) == 2:
        ratios = [s / f for s, f in zip(figures["scan"], figures["floor"])]
        print(f"scan / floor: {statistics.median(ratios):.2f}× ({min(ratios):.2f}–{max(ratios):.2f})")


if __name__ == "__main__":
    main()
