"""Lexicon phrases found in a document's tokens in one pass, without walking the tokens in Python.

1. Each distinct word of the document is tested once against every token test of the lexicon
   (see :mod:`dpcheck.nlp.lexicon`): one Aho-Corasick pass over the words not seen before finds
   the candidate tests (a whole word, a glob's first or last part, or another of its parts), and
   each candidate is confirmed exactly, by string comparison or by the glob's regex. The set of
   tests a word passes is its *class*; words are remembered by spaCy's hash of their text.
2. Phrases are matched on the tokens' classes with numpy: each token is paired with every variant
   whose *anchor* test its class passes, and the other tokens of all pairs are checked at once,
   position by position, in a class × test table. A variant's anchor is its most specific word (the
   most characters a word must hold to pass, then the test fewest variants share): anchored at
   their first word, variants opening with "data", "the" or "in" paired every such token with
   dozens of variants the next word rules out.

The result for a token sequence is the same as spaCy's PhraseMatcher (literal phrases) and
Matcher (the rest) would give, with the longest match per phrase and start, in the order
:mod:`dpcheck.nlp.lexicon` describes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

import ahocorasick
import numpy as np
from spacy.attrs import LOWER, ORTH
from spacy.strings import StringStore
from spacy.tokens import Doc

from dpcheck.nlp.lexicon import CompiledLexicon, Test
from dpcheck.nlp.patterns import glob_parts

SEP = "\x00"  # between words in the text the automaton reads; no phrase word holds it


@dataclass(frozen=True)
class TokenArrays:
    """The tokens of one document as spaCy hashes; ``limit[i]`` is where the block holding token ``i``
    ends (a phrase never runs from one block into the next)."""

    orth: np.ndarray
    lower: np.ndarray
    limit: np.ndarray
    strings: StringStore

    @cached_property
    def words(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The distinct ``orth`` values, where each first stands, and each token's index among them
        (both matchers of a pipeline ask; ``np.unique`` sorts every token)."""
        unique, first, inverse = np.unique(self.orth, return_index=True, return_inverse=True)
        return unique, first, inverse.reshape(-1)

    def among(self, hashes: np.ndarray | Sequence[int], *, lower: bool = False) -> np.ndarray:
        """Whether each token's ``orth`` (or ``lower``) is one of ``hashes``, as ``np.isin`` says. Asked of the
        document's distinct words: ``np.isin`` sorts every token when the hashes are more than a few (a
        sentencizer's 90 final characters), and a word's lower-case form is that of its text."""
        unique, first, inverse = self.words
        return np.isin(self.lower[first] if lower else unique, hashes)[inverse]

    @classmethod
    def of_doc(cls, doc: Doc) -> TokenArrays:
        array = doc.to_array([ORTH, LOWER]).reshape(-1, 2)
        return cls(array[:, 0], array[:, 1], np.full(len(doc), len(doc), dtype=np.int64), doc.vocab.strings)


@dataclass(frozen=True)
class Matches:
    """``(label, start, end)`` of each match, as arrays, in the lexicon's order."""

    label: np.ndarray  # index into LexiconMatcher.labels
    start: np.ndarray
    end: np.ndarray

    def __len__(self) -> int:
        return len(self.label)

    def take(self, index: np.ndarray) -> Matches:
        return Matches(self.label[index], self.start[index], self.end[index])


_NONE = Matches(np.zeros(0, dtype=np.intp), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64))


class LexiconMatcher:
    """Finds the phrases of one compiled lexicon; reusable across documents."""

    # Distinct words remembered; beyond this the memory starts afresh, so that a worker scanning
    # many thousands of documents does not grow without bound.
    MAX_REMEMBERED = 200_000

    def __init__(self, lexicon: CompiledLexicon) -> None:
        self.labels = lexicon.labels
        count = len(lexicon.label)
        self._label = lexicon.label.astype(np.intp)
        self._tests = lexicon.steps.astype(np.intp)
        self._length = (self._tests >= 0).sum(axis=1).astype(np.int64)
        self._origin = lexicon.origin.astype(np.int64)
        self._group = lexicon.group.astype(np.int64)
        self._rank = lexicon.rank.astype(np.int64)
        shared = np.bincount(self._origin, minlength=1) if count else np.zeros(1, dtype=np.int64)
        self._shared = shared[self._origin] > 1 if count else np.zeros(0, dtype=bool)
        self._anchor = _anchors(self._tests, lexicon.tests)
        # The variants anchored at each test, in order: grouped by one stable sort.
        anchored = self._tests[np.arange(count), self._anchor]
        order = np.argsort(anchored, kind="stable")
        bounds = np.searchsorted(anchored[order], np.arange(len(lexicon.tests) + 1)).tolist()
        ordered = order.tolist()
        self._starting: list[list[int]] = [ordered[a:b] for a, b in zip(bounds, bounds[1:])]
        self._checks: list[Callable[[str], bool]] = [_check(kind, value) for _, kind, value in lexicon.tests]
        self._automata: dict[str, ahocorasick.Automaton] = {}
        self._always: dict[str, list[int]] = {"LOWER": [], "ORTH": []}
        self._build_automata(lexicon)
        self._n_tests = len(lexicon.tests)
        self._forget()

    def _build_automata(self, lexicon: CompiledLexicon) -> None:
        needles: dict[str, dict[str, list[int]]] = {"LOWER": {}, "ORTH": {}}
        for test, (attr, kind, value) in enumerate(lexicon.tests):
            found = _needles(kind, value)
            for needle in found:
                needles[attr].setdefault(needle, []).append(test)
            if not found:
                self._always[attr].append(test)
        for attr, by_needle in needles.items():
            if by_needle:
                automaton = ahocorasick.Automaton()
                for needle, tests in by_needle.items():
                    # Where the word starts, relative to the end of the needle found.
                    inside = len(needle) - 1 - (1 if needle.startswith(SEP) else 0)
                    automaton.add_word(needle, (inside, tuple(tests)))
                automaton.make_automaton()
                self._automata[attr] = automaton

    def _forget(self) -> None:
        self._class_of: dict[int, int] = {}
        self._classes: dict[frozenset[int], int] = {frozenset(): 0}
        self._member = np.zeros((64, self._n_tests), dtype=bool)
        self._class_starts: list[np.ndarray] = [np.zeros(0, dtype=np.intp)]
        self._index_starts()

    def _index_starts(self) -> None:
        counts = np.array([len(s) for s in self._class_starts], dtype=np.int64)
        self._start_count = counts
        self._start_offset = np.cumsum(counts) - counts
        self._start_flat = np.concatenate(self._class_starts)

    def __call__(self, tokens: TokenArrays) -> Matches:
        n = len(tokens.orth)
        if n == 0 or not len(self._label):
            return _NONE
        cls = self._token_classes(tokens)
        count = self._start_count[cls]
        total = int(count.sum())
        if not total:
            return _NONE
        at = np.repeat(np.arange(n, dtype=np.int64), count)
        before = np.cumsum(count) - count
        var = self._start_flat[np.repeat(self._start_offset[cls] - before, count) + np.arange(total)]
        anchor = self._anchor[var]
        tok = at - anchor
        length = self._length[var]
        # Within the anchor's block: a block's tokens share where it ends, and an earlier block ends before.
        limit = tokens.limit[at]
        fits = (tok >= 0) & (tok + length <= limit) & (tokens.limit[np.maximum(tok, 0)] == limit)
        tok, var, length, anchor = tok[fits], var[fits], length[fits], anchor[fits]
        # Only the pairs of variants of several words have other tokens to check, and a pair that fails at one
        # position is not asked about the next; the pairs are taken out once, at the end.
        keep = np.ones(len(tok), dtype=bool)
        open_ = np.flatnonzero(length > 1)
        j = 0
        while len(open_):
            other = open_[anchor[open_] != j]
            failed = other[~self._member[cls[tok[other] + j], self._tests[var[other], j]]]
            keep[failed] = False
            j += 1
            open_ = open_[keep[open_] & (length[open_] > j)]
        if not keep.all():
            tok, var, length = tok[keep], var[keep], length[keep]
        end = tok + length
        # The pairs stand in the order of their anchors: the variant breaks ties in each sort below (its least
        # significant key, folded into the one above it), as the order by start and variant did when every variant
        # was anchored at its first word.
        variants = len(self._label)
        shared = np.flatnonzero(self._shared[var])
        if len(shared):
            # Variants of one phrase (optional words): the longest match at each start counts.
            longest_first = -end[shared] * variants + var[shared]
            order = shared[np.lexsort((longest_first, tok[shared], self._origin[var[shared]]))]
            origin, start = self._origin[var[order]], tok[order]
            repeat = np.zeros(len(order), dtype=bool)
            repeat[1:] = (origin[1:] == origin[:-1]) & (start[1:] == start[:-1])
            keep = np.ones(len(tok), dtype=bool)
            keep[order[repeat]] = False
            tok, var, end = tok[keep], var[keep], end[keep]
        group, rank = self._group[var], self._rank[var]
        literal = group < 2
        order = np.lexsort((np.where(literal, rank, 0) * variants + var, np.where(literal, end, rank), tok, group))
        return Matches(self._label[var[order]], tok[order], end[order])

    def _token_classes(self, tokens: TokenArrays) -> np.ndarray:
        unique, first, inverse = tokens.words
        words = unique.tolist()
        get = self._class_of.get
        classes = [get(word, -1) for word in words]
        new = [i for i, c in enumerate(classes) if c < 0]
        if new:
            if len(self._class_of) + len(new) > self.MAX_REMEMBERED:
                self._forget()
                new = list(range(len(words)))
            lowers = tokens.lower[first[new]].tolist()
            found = self._classify([tokens.strings[words[i]] for i in new], [tokens.strings[h] for h in lowers])
            for i, c in zip(new, found):
                classes[i] = self._class_of[words[i]] = c
        return np.array(classes, dtype=np.intp)[inverse]

    def _classify(self, orths: list[str], lowers: list[str]) -> list[int]:
        """The class of each word (given as written and in lower case)."""
        passed: list[set[int]] = [set() for _ in orths]
        for attr, words in (("LOWER", lowers), ("ORTH", orths)):
            automaton = self._automata.get(attr)
            if automaton is not None:
                starts = []
                at = 1
                for word in words:
                    starts.append(at)
                    at += len(word) + 1
                for end, (inside, tests) in automaton.iter(SEP + SEP.join(words) + SEP):
                    k = bisect_right(starts, end - inside) - 1
                    for test in tests:
                        if test not in passed[k] and self._checks[test](words[k]):
                            passed[k].add(test)
            for test in self._always[attr]:
                for k, word in enumerate(words):
                    if self._checks[test](word):
                        passed[k].add(test)
        known = len(self._classes)
        found = [self._class_id(frozenset(p)) for p in passed]
        if len(self._classes) > known:
            self._index_starts()
        return found

    def _class_id(self, tests: frozenset[int]) -> int:
        known = self._classes.get(tests)
        if known is not None:
            return known
        index = self._classes[tests] = len(self._classes)
        if index >= len(self._member):
            self._member = np.vstack([self._member, np.zeros_like(self._member)])
        self._member[index, list(tests)] = True
        self._class_starts.append(np.array(sorted(v for t in tests for v in self._starting[t]), dtype=np.intp))
        return index


def _anchors(tests: np.ndarray, definitions: Sequence[Test]) -> np.ndarray:
    """Each variant's anchor (``tests``: its tests by position, -1 past its length): the position of the test that
    asks most of a word (see the module docstring); where several ask as much, the one fewest variants use, then
    the first."""
    if not tests.size:
        return np.zeros(len(tests), dtype=np.int64)
    asks = np.array([_specificity(kind, value) for _, kind, value in definitions], dtype=np.int64)
    valid = tests >= 0
    uses = np.bincount(tests[valid], minlength=len(definitions))
    # One key per test, gathered once: built at every start-up, where a few temporaries of variants × positions
    # raised the peak memory of a one-document scan.
    key = (uses - asks * (int(uses.max()) + 1)).astype(np.int32)
    cost = key[tests]  # -1 past a variant's length reads the last test's key, overwritten here
    cost[~valid] = np.iinfo(np.int32).max
    return np.argmin(cost, axis=1).astype(np.int64)


def _specificity(kind: str, value: str | Sequence[str]) -> int:
    """About the characters a word must hold to pass a test: rare words are long (Zipf). A glob's regex is counted
    without its anchors, wildcards and escapes (``glob_parts`` would be exact, at ten times the cost of every
    start-up; an escaped backslash counts one short)."""
    if kind == "eq":
        return len(value)
    if kind == "in":
        return min(map(len, value), default=0)
    regex = str(value)
    return len(regex) - 2 - 2 * regex.count(".*") - regex.count("\\")


def _needles(kind: str, value: str | Sequence[str]) -> list[str]:
    """Strings the automaton looks for to find words that may pass a test (none: try every word)."""
    if kind == "eq":
        return [SEP + str(value) + SEP]
    if kind == "in":
        return [SEP + option + SEP for option in value]
    parts = glob_parts(str(value))
    if parts[0]:
        return [SEP + parts[0]]
    if len(parts) > 1 and parts[-1]:
        return [parts[-1] + SEP]
    middle = max(parts, key=len)
    return [middle] if middle else []


def _check(kind: str, value: str | Sequence[str]) -> Callable[[str], bool]:
    if kind == "eq":
        return value.__eq__
    if kind == "in":
        return frozenset(value).__contains__
    return _Glob(str(value))


class _Glob:
    """A glob's regex as a word test, compiled when first asked: the four matchers of a scanner hold some 2,800
    (a twentieth of start-up to compile), and the candidate words of a few hundred documents reach a quarter."""

    __slots__ = ("_pattern", "_regex")

    def __init__(self, pattern: str) -> None:
        self._pattern = pattern
        self._regex: re.Pattern[str] | None = None

    def __call__(self, word: str) -> bool:
        if self._regex is None:
            self._regex = re.compile(self._pattern)
        return self._regex.search(word) is not None


def longest_per_block(matches: Matches, block: np.ndarray) -> Matches:
    """Of overlapping matches in one block, the first longest (as spaCy's ``filter_spans`` keeps
    them for ``doc.ents``), by start; ``block[i]`` is the block holding token ``i``."""
    if not len(matches):
        return matches
    by_block = np.argsort(block[matches.start], kind="stable")
    blocks = block[matches.start[by_block]]
    cuts = np.flatnonzero(blocks[1:] != blocks[:-1]) + 1
    kept: list[int] = []
    for part in np.split(by_block, cuts):
        starts, ends = matches.start[part].tolist(), matches.end[part].tolist()
        order = sorted(range(len(part)), key=lambda i: (ends[i] - starts[i], -starts[i]), reverse=True)
        seen: set[int] = set()
        chosen = []
        for i in order:
            if starts[i] not in seen and ends[i] - 1 not in seen:
                chosen.append(i)
                seen.update(range(starts[i], ends[i]))
        kept.extend(int(part[i]) for i in sorted(chosen, key=lambda i: starts[i]))
    return matches.take(np.array(kept, dtype=np.intp))
