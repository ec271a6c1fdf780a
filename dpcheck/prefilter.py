"""Regular expressions tried only on text that holds a word every match holds.

Python's ``re`` has no fast scan for a pattern that opens with an alternation or ignores case: it tries
the pattern at every character. The readers' patterns (the vendor's names, the controller, the parties'
roles) are mostly such, asked of every sentence, and match in few. :func:`prefilter` reads a pattern's
parse tree for *needles*: strings one of which, in lower case, every match holds. A text whose lower
case holds none cannot match, and the pattern is not run on it: the answers are those of the pattern.

Lower case stands in for ``re``'s case folding except for a few characters (dotless i, long s, Greek
letters with two small forms, the capital I with a dot, sigma at a word's end): a needle holding one
is not used, and a text holding one is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache

# re's own parser (the module behind the deprecated sre_parse): the only way to read a pattern's parts.
from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
from typing import Any

# Needles shorter than this are in almost every sentence: a pattern with no longer ones runs as it is.
MIN_NEEDLE = 3
_REPEATS = (_constants.MAX_REPEAT, _constants.MIN_REPEAT, _constants.POSSESSIVE_REPEAT)
_BRANCH = _constants.BRANCH
_SIGMAS = frozenset("Σσς")  # lower() of a capital sigma depends on the letter after it


@cache
def _folded_apart() -> frozenset[str]:
    """Characters ``re`` folds to another letter than ``str.lower`` gives, and those whose lower case
    is not one character (in the Basic Multilingual Plane; a test checks that no other plane has any)."""
    members = {chr(c) for c in _compiler._EXTRA_CASES if c > 127}
    apart = set(_SIGMAS)
    for code in range(0x10000):
        char = chr(code)
        lower = char.lower()
        if len(lower) != 1 or lower in members:
            apart.add(char)
    return frozenset(apart)


@cache
def _apart_finder() -> re.Pattern[str]:
    """One character class of :func:`_folded_apart`: whether a text holds any, asked of every text that is not
    ASCII (a set's ``isdisjoint`` looks each character up in Python's hash table, three times as slow)."""
    return re.compile("[" + "".join(map(re.escape, sorted(_folded_apart()))) + "]")


# The last text asked about and its lower case: the readers ask several patterns of one sentence in a row (more than
# half of the asks are of the text asked before). One tuple, replaced whole, so that threads never see a text with
# another's lower case.
_last: tuple[str, str] = ("", "")


class Prefiltered:
    """``pattern`` searched only in text holding one of ``needles`` (lower case); as ``re.Pattern`` otherwise."""

    __slots__ = ("pattern", "needles")

    def __init__(self, pattern: re.Pattern[str], needles: Sequence[str]) -> None:
        self.pattern = pattern
        self.needles = tuple(needles)

    def may_match(self, text: str) -> bool:
        global _last
        last = _last
        if last[0] != text:
            last = _last = (text, text.lower())
        lower = last[1]
        for needle in self.needles:  # a loop: a generator here costs more than the search it spares
            if needle in lower:
                return True
        return not text.isascii() and _apart_finder().search(text) is not None

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def match(self, text: str) -> re.Match[str] | None:
        return self.pattern.match(text) if self.may_match(text) else None

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text, pos) if self.may_match(text) else iter(())


def prefilter(pattern: re.Pattern[str]) -> re.Pattern[str] | Prefiltered:
    """``pattern`` with the needles of its parse tree, or ``pattern`` itself when it has none worth it."""
    return _filtered(pattern, _parser.parse(pattern.pattern, pattern.flags))


def finder(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether ``pattern`` is found in a text, as ``pattern.search(text) is not None``. An alternation whose
    alternatives are not all prefiltered ("\\d\\s*h|hour|tag": the first has no needle) is asked as two: the
    alternatives with needles, prefiltered, and the others; it is found where either is. Apart, the others may
    open with a character ``re`` scans for quickly (a digit), where the whole is tried at every character."""
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    whole = _filtered(pattern, parsed)
    if isinstance(whole, Prefiltered) or pattern.groups or len(parsed.data) != 1 or parsed[0][0] is not _BRANCH:
        return lambda text: whole.search(text) is not None
    alternatives = parsed[0][1][1]
    needled = [a for a in alternatives if isinstance(_filtered(pattern, a), Prefiltered)]
    bare = [a for a in alternatives if not any(a is n for n in needled)]
    if not needled:
        return lambda text: pattern.search(text) is not None
    parts = [_filtered(_compiler.compile(p, pattern.flags), p) for p in map(_alternation, (needled, bare))]
    return lambda text: any(part.search(text) is not None for part in parts)


def _alternation(alternatives: list[Any]) -> Any:
    """The parsed alternatives as one parsed pattern."""
    if len(alternatives) == 1:
        return alternatives[0]
    return _parser.SubPattern(alternatives[0].state, [(_BRANCH, (None, alternatives))])


def _filtered(pattern: re.Pattern[str], parsed: Any) -> re.Pattern[str] | Prefiltered:
    """``pattern`` with the needles of its parse tree ``parsed``, or ``pattern`` itself when it has none worth it."""
    needles = _required(parsed)
    if not needles or min(map(len, needles)) < MIN_NEEDLE:
        return pattern
    # A text holding a needle holds every needle inside it: "transfer" stands for "transferred" and "transfers".
    return Prefiltered(pattern, sorted(n for n in needles if not any(m != n and m in n for m in needles)))


def _required(items: Any) -> frozenset[str] | None:
    """Lower-case strings one of which every match of the parsed sequence ``items`` holds, or None."""
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            candidates.append(frozenset({"".join(run).lower()}))
            run.clear()

    for op, av in items:
        if op is _constants.LITERAL:
            run.append(chr(av))
            continue
        flush()
        found: frozenset[str] | None = None
        if op is _constants.SUBPATTERN:
            found = _required(av[-1])
        elif op is _constants.ATOMIC_GROUP:
            found = _required(av)
        elif op is _constants.BRANCH:
            alternatives = [_required(branch) for branch in av[1]]
            if all(a is not None for a in alternatives):
                found = frozenset().union(*(a for a in alternatives if a is not None))
        elif op in _REPEATS and av[0] >= 1:
            found = _required(av[2])
        if found is not None:
            candidates.append(found)
    flush()
    usable = [c for c in candidates if c and all(_folded_apart().isdisjoint(n) for n in c)]
    if not usable:
        return None
    # The longest shortest needle: the fewest texts searched in vain.
    return max(usable, key=lambda c: (min(map(len, c)), -len(c)))
