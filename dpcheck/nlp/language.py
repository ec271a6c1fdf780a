"""Per-document language detection with py3langid's bundled model (no download).

The bundled model knows 97 languages and is LZMA-compressed: unpacking it took a third of a
second at every start, so it is kept unpacked in the cache folder (see :mod:`dpcheck.nlp.artefacts`).
The whole model tells when a document is in a language dpcheck does not read at all; the model
cut down to the ten languages dpcheck reads names a document's language, with the same answers as
the full model restricted to them. Both are built from one load and share the tokenizer automaton,
which is most of the model's memory (40 of 70 MB).

The features of a text are found and scored here, as py3langid finds and scores them (the same
features, counts, order of summing and probabilities), without py3langid's walk of its tokenizer
automaton one byte at a time in Python, which was most of identifying a language. The automaton is
langid.py's Aho-Corasick automaton of byte n-grams: the state after a byte is that of the longest
n-gram prefix ending there, so it follows from the last few bytes alone (as many as the deepest
state lies from the start, 6), and every byte's state is found at once by that many numpy steps.
py3langid's private functions are not called: a release renaming them cannot break a scan, and one
scoring otherwise shows in the test comparing the ranks with py3langid's own.
"""

from __future__ import annotations

import hashlib
import json
import math
import unicodedata
from array import array
from collections import Counter
from dataclasses import dataclass
from importlib.metadata import version

import numpy as np
import py3langid.langid as langid
from py3langid.modelio import load_model

from dpcheck.nlp import artefacts
from dpcheck.nlp.languages import SUPPORTED

# Restricting the candidates keeps short legal English from being read as, say, Latin.
CANDIDATES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da"]
# Characters read from the middle of a document: the answers on corpora/ and the shared corpus
# are the same from 1,000 characters up, and reading costs time in proportion.
SAMPLE = 4000
# py3langid's code for text in no language at all (base64, PGP armour, random characters).
NO_LANGUAGE = "zxx"
# Below this probability of being in a language dpcheck reads (by the model's 97 languages), a
# text is in another one. Every document of the corpora scores at least 0.9.
READ_FLOOR = 0.05
# Below this probability the model's first guess is no language worth naming.
NAMED_FLOOR = 0.5
# What the model file kept in the cache folder holds besides py3langid's model (a new value makes it again).
_STORED = "depth"
# Deeper than this the automaton is not one of byte n-grams as langid.py builds them (its n-grams are short).
_MAX_DEPTH = 64


class LanguageDetector:
    def __init__(self) -> None:
        model = _model()
        walk = _Walk(model)
        self._identifier = _Identifier(model, CANDIDATES, walk)
        self._any = _Identifier(model, None, walk)

    def detect(self, text: str, sample: int = SAMPLE) -> str:
        """ISO 639-1 code of the text's main language (a middle sample of the text)."""
        return self._identifier.classify(_middle(text, sample))

    def unread(self, text: str, sample: int = 5000) -> str | None:
        """The language of a text that is surely in none of :data:`SUPPORTED`: its ISO 639-1
        code, ``zxx`` for text in no language, ``und`` when the model cannot name it; None when
        the text may be in one of them. Its start, middle and end are judged, and all three must
        agree that the text is not in a language dpcheck reads (a policy with a long list in the
        middle is still read)."""
        verdicts = []
        for part in _thirds(text, sample):
            verdict = self._unread(part)
            if verdict is None:  # the parts after it cannot change that
                return None
            verdicts.append(verdict)
        return verdicts[len(verdicts) // 2]

    def _unread(self, text: str) -> str | None:
        ranks = self._any.rank(text)
        if sum(probability for lang, probability in ranks if lang in SUPPORTED) >= READ_FLOOR:
            return None
        lang, probability = ranks[0]
        return lang if probability >= NAMED_FLOOR or lang == NO_LANGUAGE else "und"


def _middle(text: str, sample: int) -> str:
    if len(text) > sample:
        middle = len(text) // 2
        return text[middle - sample // 2 : middle + sample // 2]
    return text


def _thirds(text: str, sample: int) -> list[str]:
    """The start, middle and end of ``text``, ``sample`` characters each (the text once if it is short)."""
    if len(text) <= sample:
        return [text]
    return [text[:sample], _middle(text, sample), text[-sample:]]


@dataclass(frozen=True)
class _Model:
    """py3langid's model: feature weights per language, priors, languages, the tokenizer automaton
    (each state's row of 256 next states, its row, its feature or -1) and the most bytes a state depends on."""

    ptc: np.ndarray
    pc: np.ndarray
    classes: list[str]
    nextmove: np.ndarray
    row: np.ndarray
    output: np.ndarray
    depth: int


class _Walk:
    """The features of a text's bytes and how often each occurs, as py3langid's ``visit_counts`` gives them
    (first occurrences in order; None for none), with every byte's state found at once."""

    def __init__(self, model: _Model) -> None:
        self.nextmove = model.nextmove
        self.rowbase = model.row.astype(np.intp) << 8
        self.output = model.output
        self.depth = model.depth

    def __call__(self, data: bytes) -> Counter[int] | None:
        codes = np.frombuffer(data, dtype=np.uint8)
        n = len(codes)
        state = np.zeros(n, dtype=np.intp)
        # Step k reads, for the state after each byte i, byte i - k: the bytes from i - depth + 1 on, from the start
        # state (from the text's first byte where it has fewer before it).
        for k in range(min(self.depth, n) - 1, -1, -1):
            state[k:] = self.nextmove[self.rowbase[state[k:]] + codes[: n - k]]
        features = self.output[state]
        features = features[features >= 0]
        return Counter(features.tolist()) if len(features) else None


class _Identifier:
    """py3langid's naive Bayes identifier with normalised probabilities, for ``languages`` (all for None)."""

    def __init__(self, model: _Model, languages: list[str] | None, walk: _Walk) -> None:
        if languages is None:
            self._ptc, self._pc, self.classes = model.ptc, model.pc, model.classes
        else:
            keep = [i for i, c in enumerate(model.classes) if c in languages]
            self._ptc = np.ascontiguousarray(model.ptc[:, keep])
            self._pc, self.classes = model.pc[keep], [model.classes[i] for i in keep]
        self._walk = walk
        # A language the model holds twice (one per script) counts once, on its first column.
        first: dict[str, int] = {}
        self._aliases = [(first[c], i) for i, c in enumerate(self.classes) if first.setdefault(c, i) != i]

    def classify(self, text: str) -> str:
        return self.classes[int(self._scores(text).argmax())]

    def rank(self, text: str) -> list[tuple[str, float]]:
        """Every language with its probability, most probable first (ties in the model's order)."""
        merged: dict[str, float] = {}
        for lang, score in zip(self.classes, self._scores(text).tolist()):
            merged.setdefault(lang, score)
        return sorted(merged.items(), key=lambda item: item[1], reverse=True)

    def _scores(self, text: str) -> np.ndarray:
        # py3langid's steps and types throughout: the order of summing decides the last bits of a probability.
        if text.isupper():
            text = text.lower()
        data = unicodedata.normalize("NFC", text).encode("utf8", errors="surrogatepass")
        visits = self._walk(data)
        if visits:
            index = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
            counts = np.fromiter(visits.values(), dtype=np.float32, count=len(visits))
            scores = np.log1p(counts) @ self._ptc[index] + self._pc
        else:
            scores = np.zeros(len(self.classes), dtype=np.float32)
        scores *= 1.0 / math.sqrt(len(data) or 1)
        np.exp(scores - scores.max(), out=scores)
        scores /= scores.sum()
        for i, j in self._aliases:
            scores[i] += scores[j]
            scores[j] = 0.0
        return scores


def _model() -> _Model:
    """py3langid's whole model, from the cache folder when it was unpacked before."""
    path = langid.MODEL_DIR / langid.MODEL_FILE
    stat = path.stat()
    key = json.dumps([version("py3langid"), stat.st_size, stat.st_mtime_ns, None, _STORED])
    name = f"langid-{hashlib.sha256(key.encode()).hexdigest()[:32]}.npz"
    stored = artefacts.read_arrays(name)
    if stored is not None and _valid(stored):
        arrays = stored
    else:
        ptc, pc, classes, nextmove, row, output = load_model(path)
        arrays = {
            "ptc": np.ascontiguousarray(ptc),
            "pc": pc,
            "classes": np.array(classes),
            "nextmove": np.frombuffer(nextmove, dtype=_dtype(nextmove)),
            "row": np.frombuffer(row, dtype=_dtype(row)),
            "output": np.array(output, dtype=np.int32),
        }
        arrays["depth"] = np.array(_depth(arrays["nextmove"], arrays["row"]))
        artefacts.write_arrays(name, arrays)
    return _Model(
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        arrays["nextmove"],
        arrays["row"],
        arrays["output"],
        int(arrays["depth"]),
    )


def _depth(nextmove: np.ndarray, row: np.ndarray) -> int:
    """How many steps from the start state the farthest state lies (the longest n-gram prefix it stands for)."""
    table = nextmove.reshape(-1, 256)
    seen = np.zeros(len(row), dtype=bool)
    seen[0] = True
    frontier = np.zeros(1, dtype=np.intp)
    depth = 0
    while True:
        reached = np.zeros(len(row), dtype=bool)
        reached[table[row[frontier]].ravel()] = True
        frontier = np.flatnonzero(reached & ~seen)
        if not len(frontier):
            return depth
        seen[frontier] = True
        depth += 1


def _dtype(values: array) -> np.dtype:
    return np.dtype(f"u{values.itemsize}")


def _valid(a: dict[str, np.ndarray]) -> bool:
    """Whether stored arrays make a model that cannot index out of bounds (a damaged file is made again)."""
    try:
        features, languages = a["ptc"].shape
        states = len(a["output"])
        return (
            a["ptc"].dtype.kind == "f"
            and a["pc"].shape == (languages,)
            and a["classes"].shape == (languages,)
            and a["classes"].dtype.kind == "U"
            and a["nextmove"].dtype.kind == "u"
            and a["row"].dtype.kind == "u"
            and a["output"].dtype == np.int32
            and a["depth"].shape == ()
            and a["depth"].dtype.kind in "iu"
            and 1 <= int(a["depth"]) <= _MAX_DEPTH
            and len(a["row"]) == states
            and len(a["nextmove"]) % 256 == 0
            and int(a["row"].max()) < len(a["nextmove"]) // 256
            and int(a["nextmove"].max()) < states
            and -1 <= int(a["output"].min())
            and int(a["output"].max()) < features
        )
    except (KeyError, ValueError, TypeError):
        return False
