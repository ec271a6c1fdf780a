"""Lexicon phrases compiled for :class:`~dpcheck.nlp.matcher.LexiconMatcher`, and kept on disk.

Each phrase (see rules/lexicon/README.md) becomes one or more *variants*: fixed-length sequences
of token tests. A test is a word in lower case (``LOWER``) or exactly as written (``ORTH``) equal
to a string (``eq``), one of several strings (``in``) or matching a glob's regex (``glob``). An
optional word gives one variant with it and one without; of the variants of one phrase only the
longest match at each start counts.

Which match of a sentence comes first is part of the contract, because readers quote the first
cue of a label: literal phrases in lower case (group 0), then literal phrases as written (group
1), each by start, end and lexicon order; then phrases with wildcards or options (group 2) by
start and the order in which they are tried. This is the order spaCy's PhraseMatcher and the
former wildcard matcher gave (so that reports stay the same), except that matches of different
labels on the same words ("outside the EEA": THIRD_COUNTRY and OPEN_DESTINATION) now follow the
lexicon instead of PhraseMatcher's hash table.

Compiling needs the pipeline's tokenizer (phrase words are split as text is) and takes a large
part of start-up, so the result is stored as NumPy arrays (the labels and tests as JSON text among them) under a
digest of the phrases, the tokenizer, spaCy's version and this code.
"""

from __future__ import annotations

import hashlib
import itertools
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import spacy
from spacy.tokenizer import Tokenizer

from dpcheck.nlp import artefacts, patterns
from dpcheck.nlp.patterns import Pattern, compile_phrase

FORMAT = 2
LOWER, ORTH = "LOWER", "ORTH"
# (attr, kind, value): value is a string for "eq" and "glob" (the regex), a tuple of strings for "in".
Test = tuple[str, str, Any]
# Where the former wildcard matcher tried a phrase at a token: by the first word's lower case, by
# its exact form, then by regex (exact form with a known first character, exact form starting with
# a wildcard, lower case likewise); each list in the order the phrases were added.
_TRIED_IN = {
    (LOWER, "eq"): 0,
    (ORTH, "eq"): 1,
    (ORTH, "head"): 2,
    (ORTH, "any"): 3,
    (LOWER, "head"): 4,
    (LOWER, "any"): 5,
}
_TRIES = 1 << 20


@dataclass(frozen=True, slots=True)
class Variant:
    label: int  # index into CompiledLexicon.labels
    tests: tuple[int, ...]  # one test per token, indices into CompiledLexicon.tests
    origin: int  # variants of one phrase share it: the longest match per origin and start counts
    group: int  # 0 literal in lower case, 1 literal as written, 2 with wildcards, options or optional words
    rank: int  # order among the group's matches at one start (see the module docstring)


@dataclass(frozen=True, eq=False)
class CompiledLexicon:
    """The labels, the token tests and the variants, one column per field of :class:`Variant` (a row per
    variant): ``steps[i]`` holds variant ``i``'s tests by position, -1 past its length, as many positions as the
    longest variant has (one where there is none). Kept as arrays, a lexicon is read from the cache folder and
    made into a matcher without a Python object per variant (some 8,000 a matcher, a tenth of start-up)."""

    labels: tuple[str, ...]  # labels with at least one phrase, in lexicon order
    tests: tuple[Test, ...]
    label: np.ndarray
    steps: np.ndarray
    origin: np.ndarray
    group: np.ndarray
    rank: np.ndarray

    @classmethod
    def of(cls, labels: Sequence[str], tests: Sequence[Test], variants: Sequence[Variant]) -> CompiledLexicon:
        steps = np.full((len(variants), max((len(v.tests) for v in variants), default=1)), -1, dtype=np.int64)
        for i, v in enumerate(variants):
            steps[i, : len(v.tests)] = v.tests
        return cls(
            tuple(labels),
            tuple(tests),
            np.array([v.label for v in variants], dtype=np.int64),
            steps,
            np.array([v.origin for v in variants], dtype=np.int64),
            np.array([v.group for v in variants], dtype=np.int64),
            np.array([v.rank for v in variants], dtype=np.int64),
        )

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, CompiledLexicon)
            and (self.labels, self.tests) == (other.labels, other.tests)
            and all(np.array_equal(getattr(self, c), getattr(other, c)) for c in _COLUMNS)
        )

    __hash__ = None  # type: ignore[assignment]  # equal by value, and the arrays are mutable

    def to_arrays(self) -> dict[str, np.ndarray]:
        """The arrays stored in the cache folder: the columns, and the labels and tests as JSON text."""
        head = {
            "format": FORMAT,
            "labels": list(self.labels),
            "tests": [[attr, kind, list(value) if kind == "in" else value] for attr, kind, value in self.tests],
        }
        return {"head": np.array(json.dumps(head, ensure_ascii=False)), **{c: getattr(self, c) for c in _COLUMNS}}

    @classmethod
    def from_arrays(cls, data: dict[str, np.ndarray]) -> CompiledLexicon:
        """Raises ValueError on data of another format or shape."""
        try:
            head = json.loads(str(data["head"][()]))
            if head["format"] != FORMAT:
                raise ValueError(f"compiled lexicon format {head['format']!r}, expected {FORMAT}")
            labels = tuple(str(label) for label in head["labels"])
            tests = tuple(_test(attr, kind, value) for attr, kind, value in head["tests"])
            columns = {c: data[c] for c in _COLUMNS}
        except (KeyError, TypeError, IndexError) as exc:
            raise ValueError(f"malformed compiled lexicon: {exc}") from exc
        steps = columns["steps"]
        count = len(steps)
        if (
            any(a.dtype.kind != "i" for a in columns.values())
            or steps.ndim != 2
            or steps.shape[1] < 1
            or any(a.shape != (count,) for c, a in columns.items() if c != "steps")
        ):
            raise ValueError("malformed compiled lexicon: columns of other types or lengths")
        lengths = (steps >= 0).sum(axis=1)
        if (
            (columns["label"] < 0).any()
            or (columns["label"] >= len(labels)).any()
            or (columns["origin"] < 0).any()
            or (steps < -1).any()
            or (steps >= len(tests)).any()
            or (steps[:, :1] < 0).any()  # every variant has a first test
            or ((steps[:, :-1] < 0) & (steps[:, 1:] >= 0)).any()  # and its tests come first
            or steps.shape[1] != (int(lengths.max()) if count else 1)
        ):
            raise ValueError("compiled lexicon refers to labels or tests it does not have")
        return cls(labels, tests, **{c: a.astype(np.int64) for c, a in columns.items()})


# The columns of a compiled lexicon, as stored.
_COLUMNS = ("label", "steps", "origin", "group", "rank")


def _test(attr: str, kind: str, value: Any) -> Test:
    if attr not in (LOWER, ORTH) or kind not in ("eq", "in", "glob"):
        raise ValueError(f"unknown token test {attr} {kind}")
    if kind == "in":
        return attr, kind, tuple(str(v) for v in value)
    return attr, kind, str(value)


def load_lexicon(phrases: Iterable[tuple[str, str]], tokenizer: Tokenizer) -> CompiledLexicon:
    """The compiled form of ``(phrase, label)`` pairs: from the cache folder when it was compiled before."""
    phrases = list(phrases)
    digest = hashlib.sha256(
        json.dumps(
            [
                FORMAT,
                spacy.__version__,
                _code_digest(),
                hashlib.sha256(tokenizer.to_bytes(exclude=["vocab"])).hexdigest(),
                phrases,
            ],
            ensure_ascii=False,
        ).encode("utf-8")
    ).hexdigest()
    name = f"lexicon-{digest[:32]}.npz"
    stored = artefacts.read_arrays(name)
    if stored is not None:
        try:
            return CompiledLexicon.from_arrays(stored)
        except ValueError:
            pass
    lexicon = compile_lexicon(phrases, tokenizer)
    artefacts.write_arrays(name, lexicon.to_arrays())
    return lexicon


def _code_digest() -> str:
    digest = hashlib.sha256()
    for module in (patterns.__file__, __file__):
        digest.update(Path(module).read_bytes())
    return digest.hexdigest()


def compile_lexicon(phrases: Iterable[tuple[str, str]], tokenizer: Tokenizer) -> CompiledLexicon:
    """Compile ``(phrase, label)`` pairs; the same pair twice counts once."""
    compiler = _Compiler()
    for text, label in dict.fromkeys(phrases):
        for pattern in compile_phrase(text, tokenizer):
            if pattern:
                compiler.add(label, pattern)
    return compiler.result()


class _Compiler:
    def __init__(self) -> None:
        self.labels: dict[str, int] = {}
        self.tests: dict[Test, int] = {}
        self.variants: list[Variant] = []
        self.literals: dict[tuple[str, tuple[str, ...], str], None] = {}
        self.tried: dict[tuple[str, str, str], int] = {}  # try list -> phrases on it so far
        self.origins = 0

    def result(self) -> CompiledLexicon:
        for rank, (attr, words, label) in enumerate(self.literals):
            tests = tuple(self._test_id(attr, "eq", w.lower() if attr == LOWER else w) for w in words)
            self._variant(self.labels[label], tests, 0 if attr == LOWER else 1, rank)
        return CompiledLexicon.of(tuple(self.labels), tuple(self.tests), self.variants)

    def add(self, label: str, pattern: Pattern) -> None:
        self.labels.setdefault(label, len(self.labels))
        attr = _literal_attr(pattern)
        if attr is not None:
            # spaCy's PhraseMatcher found such phrases, once per phrase and label.
            self.literals.setdefault((attr, tuple(next(iter(t.values())) for t in pattern), label))
        else:
            self._add_wildcard(label, pattern)

    def _add_wildcard(self, label: str, pattern: Pattern) -> None:
        # As the former matcher did: a phrase whose first word is optional is also added without it
        # (before the phrase itself is put on its try list), and the phrase itself needs the word.
        first = pattern[0]
        if first.get("OP") == "?" and len(pattern) > 1:
            self._add_wildcard(label, pattern[1:])
        attr, value = _condition(first)
        if isinstance(value, str):
            self._tried(label, pattern, (attr, "eq", value), self._test_id(attr, "eq", value))
        elif "REGEX" in value:
            head = patterns.glob_parts(value["REGEX"])[0][:1]
            self._tried(
                label, pattern, (attr, "head" if head else "any", head), self._test_id(attr, "glob", value["REGEX"])
            )
        else:
            for option in value["IN"]:
                self._tried(label, pattern, (attr, "eq", option), self._test_id(attr, "eq", option))

    def _tried(self, label: str, pattern: Pattern, tries: tuple[str, str, str], first: int) -> None:
        """Add ``pattern`` to the try list ``tries``; its rank is its place there (see ``_TRIED_IN``)."""
        position = self.tried.get(tries, 0)
        self.tried[tries] = position + 1
        rank = _TRIED_IN[tries[:2]] * _TRIES + position
        rest = [(self._token_test(token), token.get("OP") == "?") for token in pattern[1:]]
        origin = self._origin()
        for keep in itertools.product(*([True, False] if optional else [True] for _, optional in rest)):
            tests = (first, *(test for (test, _), kept in zip(rest, keep) if kept))
            self._variant(self.labels[label], tests, 2, rank, origin)

    def _token_test(self, token: dict[str, Any]) -> int:
        attr, value = _condition(token)
        if isinstance(value, str):
            return self._test_id(attr, "eq", value)
        if "REGEX" in value:
            return self._test_id(attr, "glob", value["REGEX"])
        return self._test_id(attr, "in", tuple(value["IN"]))

    def _test_id(self, attr: str, kind: str, value: Any) -> int:
        return self.tests.setdefault((attr, kind, value), len(self.tests))

    def _origin(self) -> int:
        self.origins += 1
        return self.origins - 1

    def _variant(self, label: int, tests: tuple[int, ...], group: int, rank: int, origin: int | None = None) -> None:
        self.variants.append(Variant(label, tests, self._origin() if origin is None else origin, group, rank))


def _condition(token: dict[str, Any]) -> tuple[str, Any]:
    ((attr, value),) = ((k, v) for k, v in token.items() if k != "OP")
    return attr, value


def _literal_attr(pattern: Pattern) -> str | None:
    """ "LOWER" or "ORTH" if every token is a plain word compared the same way, else None."""
    attrs = set()
    for token in pattern:
        if "OP" in token or len(token) != 1:
            return None
        ((attr, value),) = token.items()
        if not isinstance(value, str):
            return None
        attrs.add(attr)
    return attrs.pop() if len(attrs) == 1 else None
