"""Compile lexicon phrases (see rules/lexicon/README.md) into spaCy Matcher token patterns."""

from __future__ import annotations

import itertools
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


# Stands in for a wildcard while a word is tokenized, so that a wildcard word also splits where the
# tokenizer splits the text it is meant to match ("third-countr*" is three tokens in English).
_WILDCARD = "zqxwildzqx"


def compile_phrase(phrase: str, tokenizer: Tokenizer) -> list[Pattern]:
    """Turn ``"standard contractual clause*"`` into token patterns: one, and one more for each alternative
    or wildcard word that the tokenizer splits into several tokens (``"processors|sub-processors"`` in
    English), since an alternative or a wildcard is otherwise compared with a single token. The single-token
    form stays: a word split when alone (German "u.s.") may be one token in running text ("U.S.")."""
    choices: list[list[Pattern]] = []
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
            options = word.split("|")
            attr = "ORTH" if exact else "LOWER"
            token: dict[str, Any] = {attr: {"IN": options if exact else [w.lower() for w in options]}}
            split = [_split(option, tokenizer) for option in options]
        elif "*" in word:
            token = _token(word, exact)
            split = [[part.replace(_WILDCARD, "*") for part in _split(word.replace("*", _WILDCARD), tokenizer)]]
        else:
            tokens = [_token(part, exact) for part in _split(word, tokenizer) or [word]]
            if optional and len(tokens) == 1:
                tokens[0]["OP"] = "?"
            choices.append([tokens])
            continue
        if optional:
            token["OP"] = "?"
        choices.append([[token], *([_part(part, exact) for part in parts] for parts in split if len(parts) > 1)])
    return [[token for part in chosen for token in part] for chosen in itertools.product(*choices)]


def _split(word: str, tokenizer: Tokenizer) -> list[str]:
    return [t.text for t in tokenizer(word)]


def _part(part: str, exact: bool) -> dict[str, Any]:
    """One token of a split word; a wildcard left alone at its end ("49(1)*" splits before "*") may be
    absent, as the unsplit wildcard may match nothing."""
    token = _token(part, exact)
    if part == "*":
        token["OP"] = "?"
    return token


def _token(part: str, exact: bool) -> dict[str, Any]:
    if "*" in part:
        return {"ORTH" if exact else "LOWER": {"REGEX": _glob(part if exact else part.lower())}}
    return {"ORTH": part} if exact else {"LOWER": part.lower()}
