"""Per-document language detection with py3langid's bundled model (no download).

The bundled model knows 97 languages and is LZMA-compressed: unpacking it took a third of a
second at every start, so it is kept unpacked in the cache folder (see :mod:`dpcheck.nlp.artefacts`).
The whole model tells when a document is in a language dpcheck does not read at all; the model
cut down to the ten languages dpcheck reads names a document's language, with the same answers as
the full model restricted to them. Both are built from one load and share the tokenizer automaton,
which is most of the model's memory (40 of 70 MB).
"""

from __future__ import annotations

import hashlib
import json
from array import array
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


class LanguageDetector:
    def __init__(self) -> None:
        model = _model()
        self._identifier = _identifier(model, CANDIDATES)
        self._any = _identifier(model, None)

    def detect(self, text: str, sample: int = SAMPLE) -> str:
        """ISO 639-1 code of the text's main language (a middle sample of the text)."""
        lang, _ = self._identifier.classify(_middle(text, sample))
        return str(lang)

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
        return str(lang) if probability >= NAMED_FLOOR or lang == NO_LANGUAGE else "und"


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
    """py3langid's model: feature weights per language, priors, languages, and the tokenizer automaton."""

    ptc: np.ndarray
    pc: np.ndarray
    classes: list[str]
    nextmove: array
    row: array
    output: list[int]


def _identifier(model: _Model, languages: list[str] | None) -> langid.LanguageIdentifier:
    """An identifier for ``languages`` (all for None); the automaton is shared, not copied."""
    if languages is None:
        ptc, pc, classes = model.ptc, model.pc, model.classes
    else:
        keep = [i for i, c in enumerate(model.classes) if c in languages]
        ptc, pc, classes = np.ascontiguousarray(model.ptc[:, keep]), model.pc[keep], [model.classes[i] for i in keep]
    return langid.LanguageIdentifier(ptc, pc, classes, model.nextmove, model.output, norm_probs=True, tk_row=model.row)


def _model() -> _Model:
    """py3langid's whole model, from the cache folder when it was unpacked before."""
    path = langid.MODEL_DIR / langid.MODEL_FILE
    stat = path.stat()
    key = json.dumps([version("py3langid"), stat.st_size, stat.st_mtime_ns, None])
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
        artefacts.write_arrays(name, arrays)
    return _Model(
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        _array(arrays["nextmove"]),
        _array(arrays["row"]),
        arrays["output"].tolist(),
    )


def _dtype(values: array) -> np.dtype:
    return np.dtype(f"u{values.itemsize}")


def _array(values: np.ndarray) -> array:
    """The stdlib array py3langid walks its automaton with (faster to index from Python than numpy)."""
    out = array({1: "B", 2: "H", 4: "I", 8: "Q"}[values.dtype.itemsize])
    out.frombytes(np.ascontiguousarray(values).data.cast("B"))
    return out


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
            and len(a["row"]) == states
            and len(a["nextmove"]) % 256 == 0
            and int(a["row"].max()) < len(a["nextmove"]) // 256
            and int(a["nextmove"].max()) < states
            and -1 <= int(a["output"].min())
            and int(a["output"].max()) < features
        )
    except (KeyError, ValueError, TypeError):
        return False
