"""Compile lexicon phrases (see rules/lexicon/README.md) into spaCy Matcher patterns."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokenizer import Tokenizer

Pattern = list[dict[str, Any]]


def _glob(word: str) -> str:
    return "^" + ".*".join(re.escape(part) for part in word.split("*")) + "$"


def compile_phrase(phrase: str, tokenizer: Tokenizer) -> Pattern:
    """Turn ``"standard contractual clause*"`` into a token pattern."""
    pattern: Pattern = []
    for word in phrase.split():
        exact = word.startswith("=") and len(word) > 1
        optional = word.endswith("?") and len(word) > 1
        word = word.lstrip("=") if exact else word
        word = word[:-1] if optional else word
        if "|" in word and "*" not in word:
            attr = "ORTH" if exact else "LOWER"
            options = word.split("|") if exact else [w.lower() for w in word.split("|")]
            token: dict[str, Any] = {attr: {"IN": options}}
            if optional:
                token["OP"] = "?"
            pattern.append(token)
            continue
        if "*" in word:
            parts = [word]
        else:
            parts = [t.text for t in tokenizer(word)] or [word]
        for i, part in enumerate(parts):
            if "*" in part:
                regex = _glob(part if exact else part.lower())
                token = {"ORTH" if exact else "LOWER": {"REGEX": regex}}
            else:
                token = {"ORTH": part} if exact else {"LOWER": part.lower()}
            if optional and i == len(parts) - 1 and len(parts) == 1:
                token["OP"] = "?"
            pattern.append(token)
    return pattern


def is_phrase(pattern: Pattern) -> str | None:
    """The PhraseMatcher attribute ("LOWER" or "ORTH") if every token is a plain literal."""
    attrs = set()
    for token in pattern:
        if "OP" in token or len(token) != 1:
            return None
        (attr, value), = token.items()
        if not isinstance(value, str):
            return None
        attrs.add(attr)
    return attrs.pop() if len(attrs) == 1 else None


class WildcardMatcher:
    """Matches token patterns with wildcards (``übermitt*``) fast on long documents.

    spaCy's Matcher evaluates every REGEX predicate on every token; here patterns are
    indexed by their first token and each distinct word is tested against the
    wildcards once per matcher (words repeat heavily in legal text). A wildcard's literal
    head (``übermitt`` of ``übermitt*``) indexes it, so a new word is tested only against
    wildcards whose head it starts with.
    """

    # Distinct words remembered; beyond this the memo starts afresh, so that a worker scanning
    # many thousands of documents does not grow without bound.
    MAX_REMEMBERED = 200_000

    def __init__(self) -> None:
        self._by_lower: dict[str, list[int]] = {}
        self._by_orth: dict[str, list[int]] = {}
        self._by_head: dict[tuple[str, int], dict[str, list[tuple[re.Pattern[str], str, int]]]] = {}
        self._unindexed: list[tuple[re.Pattern[str], str, int]] = []
        self._regex_order: dict[int, int] = {}  # wildcard patterns in the order they were added
        self._patterns: list[tuple[str, Pattern]] = []
        self._steps: list[list[tuple[bool, bool, str | re.Pattern[str] | frozenset[str]]]] = []
        self._first_cache: dict[tuple[str, str], list[int]] = {}

    def add(self, label: str, pattern: Pattern) -> None:
        index = len(self._patterns)
        self._patterns.append((label, pattern))
        self._steps.append([_step(token) for token in pattern])
        first = pattern[0]
        if first.get("OP") == "?" and len(pattern) > 1:
            self.add(label, pattern[1:])
        (attr, value), = ((k, v) for k, v in first.items() if k != "OP")
        if isinstance(value, str):
            (self._by_orth if attr == "ORTH" else self._by_lower).setdefault(value, []).append(index)
        elif "REGEX" in value:
            entry = (re.compile(value["REGEX"]), attr, index)
            self._regex_order[index] = len(self._regex_order)
            head = _literal_head(value["REGEX"])
            if head:
                self._by_head.setdefault((attr, len(head)), {}).setdefault(head, []).append(entry)
            else:
                self._unindexed.append(entry)
        else:
            for option in value["IN"]:
                (self._by_orth if attr == "ORTH" else self._by_lower).setdefault(option, []).append(index)
        self._first_cache.clear()

    def _starts(self, text: str, lower: str) -> list[int]:
        key = (text, lower)
        cached = self._first_cache.get(key)
        if cached is None:
            candidates = list(self._unindexed)
            for (attr, size), heads in self._by_head.items():
                subject = text if attr == "ORTH" else lower
                candidates += heads.get(subject[:size], ())
            matched = sorted((i for rx, attr, i in candidates if rx.search(text if attr == "ORTH" else lower)),
                             key=self._regex_order.__getitem__)
            cached = self._by_lower.get(lower, []) + self._by_orth.get(text, []) + matched
            if len(self._first_cache) >= self.MAX_REMEMBERED:
                self._first_cache.clear()
            self._first_cache[key] = cached
        return cached

    def _ends(self, steps: list[tuple[bool, bool, str | re.Pattern[str] | frozenset[str]]], k: int,
              words: list[tuple[str, str]], i: int) -> list[int]:
        if k == len(steps):
            return [i]
        optional, orth, value = steps[k]
        ends = self._ends(steps, k + 1, words, i) if optional else []
        if i < len(words) and _test(orth, value, *words[i]):
            ends += self._ends(steps, k + 1, words, i + 1)
        return ends

    def __call__(self, words: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
        """``(label, start, end)`` of the longest match of each pattern at each start."""
        found = []
        memo = self._first_cache
        for i, word in enumerate(words):
            # Most words start no pattern: one dictionary look-up each (this loop runs per token).
            starts = memo.get(word)
            if starts is None:
                starts = self._starts(*word)
            for index in starts:
                ends = self._ends(self._steps[index], 1, words, i + 1)
                if ends:
                    found.append((self._patterns[index][0], i, max(ends)))
        return found


def _step(token: dict[str, Any]) -> tuple[bool, bool, str | re.Pattern[str] | frozenset[str]]:
    """A pattern token as (optional, compares ORTH, literal | compiled regex | set of options)."""
    (attr, value), = ((k, v) for k, v in token.items() if k != "OP")
    if isinstance(value, str):
        test: str | re.Pattern[str] | frozenset[str] = value
    elif "REGEX" in value:
        test = re.compile(value["REGEX"])
    else:
        test = frozenset(value["IN"])
    return token.get("OP") == "?", attr == "ORTH", test


def _test(orth: bool, value: str | re.Pattern[str] | frozenset[str], text: str, lower: str) -> bool:
    subject = text if orth else lower
    if isinstance(value, str):
        return subject == value
    if isinstance(value, re.Pattern):
        return value.search(subject) is not None
    return subject in value


def _literal_head(regex: str) -> str:
    """The literal text every match starts with, for an anchored glob from :func:`_glob`."""
    if not regex.startswith("^"):
        return ""
    head = regex[1:].split(".*", 1)[0].removesuffix("$")
    if re.search(r"(?<!\\)[.^$*+?{}\[\]|()]", head):
        return ""
    return re.sub(r"\\(.)", r"\1", head)
