"""The cyclic garbage collector while a document is read and while a scanner is built.

Reading one document makes and drops hundreds of thousands of container objects (tokens' words, cues,
sentences, parse trees), nearly all freed by reference counting. CPython's collector starts a young
collection every 700 more allocations than frees, so a cold scan of the 67 shared documents ran about
1,050 collections (0.18 s, 3 % of it) that found little: each walked whatever was alive and young at
that moment. While a document is read the first threshold is raised; what a scan leaves in cycles
(parsed HTML trees) waits a little longer for a collection. The caller's thresholds come back when the
last document being read in the process is done, unless someone changed them meanwhile. Building a
scanner (the language model, the lexicon and both pipelines) is alike: some 200,000 containers made and
kept, a few dozen left in cycles.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Net new container objects between two young collections while a document is read (CPython's default:
# 700). From 700 to 50,000 the collections of a cold scan of the shared corpus went from 1,052 to 1 or 2.
READING_THRESHOLD = 50_000

_lock = threading.Lock()
_readers = 0
_saved: tuple[int, int, int] | None = None
_raised: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the collector's first threshold while the block runs (nested or in several threads: until the
    last one leaves). A collector switched off (threshold 0) or set higher by the caller is left alone."""
    global _readers, _saved, _raised
    with _lock:
        if _readers == 0:
            current = gc.get_threshold()
            if 0 < current[0] < READING_THRESHOLD:
                _saved, _raised = current, (READING_THRESHOLD, current[1], current[2])
                gc.set_threshold(*_raised)
        _readers += 1
    try:
        yield
    finally:
        with _lock:
            _readers -= 1
            if _readers == 0:
                if _saved is not None and gc.get_threshold() == _raised:
                    gc.set_threshold(*_saved)
                _saved = _raised = None
