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


def _head(regex: str) -> str | None:
    """The character a ``_glob`` regex requires first, or None when it starts with a wildcard."""
    if regex.startswith("^\\"):
        return regex[2]
    return None if regex.startswith(("^.*", "^$")) else regex[1]


class WildcardMatcher:
    """Matches token patterns with wildcards (``übermitt*``) fast on long documents.

    spaCy's Matcher evaluates every REGEX predicate on every token; here patterns are
    indexed by their first token and each distinct word is tested against the
    wildcards once per matcher (words repeat heavily in legal text), and only against
    those that can match its first character.
    """

    # Distinct words remembered; beyond this the memo starts afresh, so that a worker scanning
    # many thousands of documents does not grow without bound.
    MAX_REMEMBERED = 200_000

    def __init__(self) -> None:
        self._by_lower: dict[str, list[int]] = {}
        self._by_orth: dict[str, list[int]] = {}
        # (attr, first character or None for a leading wildcard) -> first-token regexes
        self._by_regex: dict[tuple[str, str | None], list[tuple[re.Pattern[str], int]]] = {}
        self._patterns: list[tuple[str, Pattern]] = []
        self._first_cache: dict[tuple[str, str], list[int]] = {}
        self._test_cache: dict[tuple[int, int, str], bool] = {}

    def add(self, label: str, pattern: Pattern) -> None:
        index = len(self._patterns)
        self._patterns.append((label, pattern))
        first = pattern[0]
        if first.get("OP") == "?" and len(pattern) > 1:
            self.add(label, pattern[1:])
        (attr, value), = ((k, v) for k, v in first.items() if k != "OP")
        if isinstance(value, str):
            (self._by_orth if attr == "ORTH" else self._by_lower).setdefault(value, []).append(index)
        elif "REGEX" in value:
            self._by_regex.setdefault((attr, _head(value["REGEX"])), []).append((re.compile(value["REGEX"]), index))
        else:
            for option in value["IN"]:
                (self._by_orth if attr == "ORTH" else self._by_lower).setdefault(option, []).append(index)

    @staticmethod
    def _test(token: dict[str, Any], text: str, lower: str) -> bool:
        (attr, value), = ((k, v) for k, v in token.items() if k != "OP")
        subject = text if attr == "ORTH" else lower
        if isinstance(value, str):
            return subject == value
        if "REGEX" in value:
            return re.search(value["REGEX"], subject) is not None
        return subject in value["IN"]

    def _starts(self, text: str, lower: str) -> list[int]:
        key = (text, lower)
        cached = self._first_cache.get(key)
        if cached is None:
            cached = [i for attr, subject in (("ORTH", text), ("LOWER", lower)) for head in (subject[:1], None)
                      for rx, i in self._by_regex.get((attr, head), ()) if rx.search(subject)]
            if len(self._first_cache) >= self.MAX_REMEMBERED:
                self._first_cache.clear()
            self._first_cache[key] = cached
        return self._by_lower.get(lower, []) + self._by_orth.get(text, []) + cached

    def _ends(self, pattern: Pattern, k: int, words: list[tuple[str, str]], i: int) -> list[int]:
        if k == len(pattern):
            return [i]
        token = pattern[k]
        ends = self._ends(pattern, k + 1, words, i) if token.get("OP") == "?" else []
        if i < len(words) and self._test(token, *words[i]):
            ends += self._ends(pattern, k + 1, words, i + 1)
        return ends

    def __call__(self, words: list[tuple[str, str]]) -> list[tuple[str, int, int]]:
        """``(label, start, end)`` of the longest match of each pattern at each start."""
        found = []
        for i, (text, lower) in enumerate(words):
            for index in self._starts(text, lower):
                label, pattern = self._patterns[index]
                ends = self._ends(pattern, 1, words, i + 1)
                if ends:
                    found.append((label, i, max(ends)))
        return found
