"""Whether a version still says a value the other version's reading found: one of its sentences names it in the
same role. A country named beside a word of sending or keeping data, a company beside a word of sharing with it
or using it, is said in both versions; only one version's reading found it there. The diff compares what the
documents say, so such a value is no change, whichever reading missed it (rules/lexicon/words.yml,
``still_said``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Literal

from dpcheck.changes.lexicon import DiffWords
from dpcheck.models import DENIAL_REACH, denies_clause

Role = Literal["transfer", "sharing"]

_SENTENCE_BREAK = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*")
_TOKEN = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)
# Words right before a name in which a word of origin makes it where data comes from ("data we receive from Acme",
# „aus Japan"); between the cue and the name any word of origin does ("transfer ... out of Singapore", "to countries
# outside the EEA, the UK or Switzerland"), though not one before the cue ("opt out of sharing with Acme").
SOURCE_REACH = 2
# Words between a cue and the name it bears on at most ("processed in and subject to the laws of the United States").
CUE_REACH = 8
# Words before and after a cue and its name in which a negation denies what they say: after them, only the next
# few ("receives no data", not "..., which may not provide").
NEGATION_REACH = 3
NEGATION_AFTER = 2
_CLAUSE_END = re.compile(r"[,;:]")
# Words before a word that places in which people make it their place ("data subjects who are located in", „Kunden,
# die in ... ansässig sind").
PEOPLE_REACH = 3


def still_said(text: str, names: Sequence[re.Pattern[str]], role: Role, lex: DiffWords) -> bool:
    """A sentence of ``text`` names the value (one of ``names``) in ``role``: a cue of that role stands a few words
    from the name, undenied and not as where data comes from (:func:`_bears`), and the sentence's first cue is no
    act of the reader's."""
    if not text or not names:
        return False
    cues, placing = lex.cues[role], lex.cues["placing"] if role == "transfer" else ()
    for sentence in _sentences(text):
        spans = sorted(
            [
                *((m.span(), False) for c in cues for m in c.finditer(sentence)),
                *((m.span(), True) for c in placing for m in c.finditer(sentence)),
            ]
        )
        if not spans or _readers_act(sentence[: spans[0][0][0]], lex):
            continue
        for name in (m for n in names for m in n.finditer(sentence)):
            if any(
                _bears(sentence, span, name.span(), role, lex)
                and not (places and _placed_people(sentence, span, name.span(), lex))
                for span, places in spans
            ):
                return True
    return False


def _bears(sentence: str, cue: tuple[int, int], name: tuple[int, int], role: Role, lex: DiffWords) -> bool:
    """The cue stands a few words from the name, no negation stands between them or right around them ("we do
    not share data with", "übermitteln ... nicht nach", "receives no data"), and no word of origin between them or
    right before the name (:data:`SOURCE_REACH`); for a company, no denial ends its clause (:func:`_clause_denied`)."""
    (first, end), (start, last) = sorted((cue, name))
    between = _tokens(sentence[end:start])
    if len(between) > CUE_REACH or _from([*between, *_tokens(sentence[: name[0]])[-SOURCE_REACH:]], lex):
        return False
    around = _tokens(sentence[:first])[-NEGATION_REACH:] + between
    # A company's clause may end in a German denial of its use; a place's is left to the words right after it, as
    # "in Japan und nicht in den USA" contrasts two places.
    return not (
        _negated([*around, *_tokens(sentence[last:])[:NEGATION_AFTER]], lex)
        or (role == "sharing" and _clause_denied(sentence[last:], lex))
    )


def _clause_denied(rest: str, lex: DiffWords) -> bool:
    """A denial ends the clause after the name, where German puts it ("Wir nutzen Acme in der App nicht mehr")."""
    return denies_clause(_tokens(_CLAUSE_END.split(rest, maxsplit=1)[0])[:DENIAL_REACH], *lex.clause_denial)


@lru_cache(maxsize=4)
def _sentences(text: str) -> tuple[str, ...]:
    return tuple(s for s in dict.fromkeys(_SENTENCE_BREAK.split(text)) if s.strip())


def _negated(tokens: Sequence[str], lex: DiffWords) -> bool:
    words, prefixes = lex.negation
    return any(w in words or w.startswith(prefixes) or w.endswith("n't") for w in tokens)


def _from(tokens: Sequence[str], lex: DiffWords) -> bool:
    return any(w in lex.source for w in tokens)


def _placed_people(sentence: str, cue: tuple[int, int], name: tuple[int, int], lex: DiffWords) -> bool:
    """People or a company stand right before the word that places, or before the place it follows ("data subjects
    located in", „Kunden, die in Japan ansässig sind", "a Swiss company based in Laax"): it says whose data it is, or
    where a company sits, not where the data goes."""
    before = sentence[: min(cue[0], name[0])] if name[0] < cue[0] else sentence[: cue[0]]
    # "a Swiss company based in": the company stands between the place and the word that places it.
    between = _tokens(sentence[name[1] : cue[0]]) if name[1] <= cue[0] else []
    return any(w in lex.people for w in _tokens(before)[-PEOPLE_REACH:]) or any(w in lex.seated for w in between)


def _readers_act(before: str, lex: DiffWords) -> bool:
    """The nearest person named before a cue is the reader ("you may choose to disclose"), not the vendor."""
    for word in reversed(_TOKEN.findall(before)):
        if any(r.fullmatch(word) for r in lex.reader):
            return True
        if any(v.fullmatch(word) for v in lex.vendor):
            return False
    return False


def _tokens(text: str) -> list[str]:
    return [t.replace("’", "'") for t in _TOKEN.findall(text.lower())]
