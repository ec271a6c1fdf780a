"""Compile lexicon phrases (see rules/lexicon/README.md) into spaCy Matcher token patterns."""

from __future__ import annotations

import re
from typing import Any

from spacy.tokenizer import Tokenizer

from dpcheck.errors import RulesetError

Pattern = list[dict[str, Any]]


def _glob(word: str) -> str:
    return "^" + ".*".join(re.escape(part) for part in word.split("*")) + "$"


def glob_parts(regex: str) -> list[str]:
    """The literal parts of a ``_glob`` regex, in order: ``"^ab.*c$"`` gives ``["ab", "c"]``
    (a leading or trailing wildcard gives an empty first or last part)."""
    parts, current, i = [], [], 1
    while i < len(regex) - 1:
        if regex[i] == "\\":
            current.append(regex[i + 1])
            i += 2
        elif regex.startswith(".*", i):
            parts.append("".join(current))
            current = []
            i += 2
        else:
            current.append(regex[i])
            i += 1
    parts.append("".join(current))
    return parts


def compile_phrase(phrase: str, tokenizer: Tokenizer) -> Pattern:
    """Turn ``"standard contractual clause*"`` into a token pattern."""
    pattern: Pattern = []
    for word in phrase.split():
        exact = word.startswith("=") and len(word) > 1
        optional = word.endswith("?") and len(word) > 1
        word = word.lstrip("=") if exact else word
        word = word[:-1] if optional else word
        if "|" in word and "*" in word:
            # A wildcard's regex would read "|" as a character: the phrase could never match.
            raise RulesetError(
                [f"phrase {phrase!r}: '{word}' mixes alternatives and a wildcard; write one phrase each"]
            )
        if "|" in word:
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
