"""A document's blocks through spaCy's tokenizer and sentencizer, and the lexicon phrases of the
whole document found in one pass of each matcher, as arrays (no Span or Token objects).

Blocks are tokenized one by one, so a sentence never runs from one block into the next; a phrase
never does either. Cue and country matches cover the same ground as the pipeline's components
(``doc.spans["dpcheck"]`` and ``doc.ents`` of each block), without running them; so do the
sentence starts for the pipeline's sentencizer, but for the quote or bracket that opens a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, LENGTH, LOWER, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.strings import get_string_id

from dpcheck.nlp.components import COUNTRIES, CUES, CountryRecognizer, CueMatcher
from dpcheck.nlp.matcher import Matches, TokenArrays, longest_per_block

_ATTRS = [ORTH, LOWER, IDX, LENGTH, SENT_START, IS_PUNCT]
SENTENCIZER = "sentencizer"


@dataclass(frozen=True)
class Analysis:
    tokens: TokenArrays
    offset: np.ndarray  # each token's character offset in its block
    length: np.ndarray  # its length in characters
    block: np.ndarray  # the index of the block holding it
    sentence_start: np.ndarray  # first token of each sentence, in order
    sentence_end: np.ndarray  # one past its last token
    cues: Matches  # labels from cue_labels; in the cue matcher's order
    places: Matches  # codes from place_codes; overlaps resolved in each block, by start
    cue_labels: tuple[str, ...]
    place_codes: tuple[str, ...]


def analyse(nlp: Language, texts: Sequence[str], batch_size: int = 64) -> Analysis:
    """Tokens, sentences, cues and places of the blocks ``texts`` of one document, read with ``nlp``
    (a pipeline from :func:`dpcheck.nlp.build_pipeline`)."""
    # get_pipe is typed as returning any callable; these names are registered to these classes.
    recognizer = cast(CountryRecognizer, nlp.get_pipe(COUNTRIES))
    cues = cast(CueMatcher, nlp.get_pipe(CUES)).matcher
    sentencizer = cast(Sentencizer, nlp.get_pipe(SENTENCIZER))
    # The tokenizer and the other components straight, without Language.pipe: its batching and
    # error handling cost as much as a component on thousands of blocks.
    docs = nlp.tokenizer.pipe(texts, batch_size=batch_size)  # type: ignore[union-attr]  # spaCy types Language.tokenizer as a plain callable
    for name, component in nlp.pipeline:
        if name not in (COUNTRIES, CUES, SENTENCIZER):
            docs = component.pipe(docs, batch_size=batch_size) if hasattr(component, "pipe") else map(component, docs)
    parts = [doc.to_array(_ATTRS).reshape(-1, len(_ATTRS)) for doc in docs]
    sizes = np.array([len(p) for p in parts], dtype=np.int64)
    table = np.concatenate(parts) if parts else np.zeros((0, len(_ATTRS)), dtype=np.uint64)
    first = np.cumsum(sizes) - sizes
    block = np.repeat(np.arange(len(sizes)), sizes)
    tokens = TokenArrays(table[:, 0], table[:, 1], (first + sizes)[block], nlp.vocab.strings)
    opens = _sentence_starts(sentencizer, table, block, tokens)
    opens[first[sizes > 0]] = True
    starts = np.flatnonzero(opens)
    ends = np.append(starts[1:], len(table)).astype(np.int64)
    return Analysis(
        tokens=tokens,
        offset=table[:, 2].astype(np.int64),
        length=table[:, 3].astype(np.int64),
        block=block,
        sentence_start=starts,
        sentence_end=ends,
        cues=with_aliases(
            _without_verbs_of_going(cues(tokens), tokens, cues.labels), tokens, starts, ends, cues.labels
        ),
        places=longest_per_block(recognizer.places(recognizer.matcher(tokens), tokens)[0], block),
        cue_labels=cues.labels,
        place_codes=recognizer.place_codes,
    )


# A definition opening its sentence: a quoted term ('"Transfer Framework"', '„Rahmenwerk“'), perhaps numbered and
# followed by a bracket, then a defining verb.
_OPEN_QUOTES = frozenset("\"“„'‘‚")
_CLOSE_QUOTES = frozenset("\"”“'’‘")
_DEFINING = frozenset("means mean shall refers refer bezeichnet bedeutet meint is are ist sind has".split())
_TERM_TOKENS = 6
# Marks that open a sentence when written onto its first word: quotes and brackets ('(„Drittland“'), at most two.
_OPENING_MARKS = np.array([get_string_id(c) for c in "\"“„'‘‚«»([{"], dtype=np.uint64)
_MARKS_BEFORE_A_WORD = 2
_NUMBERING_TOKENS = 3
_BRACKET_TOKENS = 8
_TOOL = "MECH:"
_NEGATION = "NEGATION"
_TOOL_AFTER_VERB = 6  # tokens from the defining verb to the tool ("means the EU standard contractual clauses")
_INFLECTION = 2  # letters a German case ending adds to a term's last word ("Rahmenwerk-s", "Klausel-n")


# German „gehen" after an infinitive is a verb of its own („wandern gehen", „einkaufen gehen", „verloren gehen"): a cue
# of data going to a party, the verb closing the clause („an eine Klinik in der Schweiz gehen"), that ends on one has
# run from an object of another verb into it („an Kursen in Kanada teilnehmen oder wandern gehen") and moves nothing.
_GOING = np.array([get_string_id(w) for w in ("gehen", "geht", "ging", "gingen")], dtype=np.uint64)
_INFINITIVE_ENDS = ("en", "rn", "ln")
_MOVING = "TRANSFER"


def _without_verbs_of_going(cues: Matches, tokens: TokenArrays, labels: Sequence[str]) -> Matches:
    """``cues`` but the cues of data moving that close on „gehen" after a lower-case infinitive."""
    if _MOVING not in labels:
        return cues
    going = tokens.among(_GOING, lower=True)
    ending = np.flatnonzero((cues.label == labels.index(_MOVING)) & (cues.end - cues.start >= 3))
    ending = ending[going[cues.end[ending] - 1]]
    dropped = [
        i
        for i in ending.tolist()
        if (word := tokens.strings[int(tokens.orth[cues.end[i] - 2])]).isalpha()
        and word.islower()
        and word.endswith(_INFINITIVE_ENDS)
    ]
    if not dropped:
        return cues
    return cues.take(np.setdiff1d(np.arange(len(cues)), dropped))


def with_aliases(
    cues: Matches, tokens: TokenArrays, starts: np.ndarray, ends: np.ndarray, labels: Sequence[str]
) -> Matches:
    """``cues`` with the document's own names for a transfer tool: a term a sentence defines as the tool ('"Transfer
    Framework" means the EU-U.S. Privacy Shield', '„EU-Klauseln“ bezeichnet die Standardvertragsklauseln') names
    the tool wherever else the text uses it, written as defined. Only a term defined as one tool counts."""
    is_tool = np.isin(cues.label, [i for i, label in enumerate(labels) if label.startswith(_TOOL)])
    if not is_tool.any():
        return cues
    is_negation = np.isin(cues.label, [i for i, label in enumerate(labels) if label == _NEGATION])
    # Only a sentence naming a tool and opening with a quote within its numbering can define a term for it.
    holding = np.unique(np.searchsorted(starts, cues.start[is_tool], side="right") - 1)
    quoted = tokens.among(np.array([get_string_id(q) for q in _OPEN_QUOTES], dtype=tokens.orth.dtype))
    found: list[tuple[int, int, int]] = []
    for s in holding.tolist():
        start, end = int(starts[s]), int(ends[s])
        if not quoted[start : min(end, start + _NUMBERING_TOKENS + 1)].any():
            continue
        term = _defined_term(tokens, start, end)
        if term is None:
            continue
        lo, hi, verb = term
        inside = (cues.start >= start) & (cues.end <= end) & is_tool
        named = sorted(
            (at, int(label))
            for label, at in zip(cues.label[inside].tolist(), cues.start[inside].tolist())
            if at >= verb
        )
        # One tool, perhaps by several of its names ("the SCCs of Decision 2021/914": scc and scc_number), named
        # right after the verb: '"Restricted Transfer" means a transfer to a country not subject to an adequacy
        # decision' defines no name of adequacy.
        # '"Third Country" means a non-adequate jurisdiction': a term for where the tool is not, no name of it.
        if (
            len({_tool(labels[label]) for _, label in named}) != 1
            or named[0][0] - verb > _TOOL_AFTER_VERB
            or (inside & (cues.start < hi) & (cues.end > lo)).any()
            or (is_negation & (cues.start >= verb) & (cues.start < named[0][0])).any()
        ):
            continue
        label = named[0][1]
        found += [(label, i, j) for i, j in _uses(tokens, lo, hi) if not start <= i < end]
    if not found:
        return cues
    extra = np.array(found, dtype=np.int64)
    return Matches(
        np.concatenate([cues.label, extra[:, 0].astype(cues.label.dtype)]),
        np.concatenate([cues.start, extra[:, 1]]),
        np.concatenate([cues.end, extra[:, 2]]),
    )


def _tool(label: str) -> str:
    """The tool a lexicon label names: "MECH:scc_number" and "MECH:scc" both the SCCs."""
    return label.removeprefix(_TOOL).split("_")[0]


def _uses(tokens: TokenArrays, lo: int, hi: int) -> list[tuple[int, int]]:
    """Where the text uses the term of tokens ``lo:hi`` as written, its last word perhaps inflected
    ("des Rahmenwerks"), within one block."""
    words, n = tokens.orth[lo:hi], hi - lo
    last = str(tokens.strings[int(words[-1])])
    if n > 1:
        candidates = np.flatnonzero(tokens.orth == words[0])
    else:
        forms = [o for o in tokens.words[0].tolist() if str(tokens.strings[o]).startswith(last)]
        candidates = np.flatnonzero(tokens.among(forms))
    uses = []
    for i in candidates.tolist():
        if i + n > tokens.limit[i] or not (tokens.orth[i : i + n - 1] == words[:-1]).all():
            continue
        word = str(tokens.strings[int(tokens.orth[i + n - 1])])
        if word == last or (
            word.startswith(last) and len(word) - len(last) <= _INFLECTION and word[len(last) :].isalpha()
        ):
            uses.append((i, i + n))
    return uses


def _defined_term(tokens: TokenArrays, start: int, end: int) -> tuple[int, int, int] | None:
    """The quoted term a sentence opens by defining, as (first token, one past its last, the defining verb), or
    None."""

    def word(i: int) -> str:
        return str(tokens.strings[int(tokens.orth[i])])

    i = start
    while i < min(end, start + _NUMBERING_TOKENS) and word(i) not in _OPEN_QUOTES and not word(i)[:1].isalpha():
        i += 1
    if i >= end or word(i) not in _OPEN_QUOTES:
        return None
    close = next((j for j in range(i + 1, min(end, i + 2 + _TERM_TOKENS)) if word(j) in _CLOSE_QUOTES), None)
    if close is None or close == i + 1:
        return None
    verb = close + 1
    if verb < end and word(verb) == "(":
        verb = next((j + 1 for j in range(verb, min(end, verb + _BRACKET_TOKENS)) if word(j) == ")"), end)
    if verb >= end or word(verb).lower() not in _DEFINING:
        return None
    return i + 1, close, verb


def _sentence_starts(sentencizer: Sentencizer, table: np.ndarray, block: np.ndarray, tokens: TokenArrays) -> np.ndarray:
    """Where spaCy's ``sentencizer`` would start sentences, from the token table: the first token
    after a sentence-final character that is neither that nor other punctuation, in the same block,
    or the opening quote or bracket written onto it. A start or non-start set before it (by the
    tokenizer or another component) stands, as there (``overwrite`` aside). Built with arrays: the
    component itself makes a Token object per token."""
    sent_start = table[:, 4].astype(np.int64)
    final = tokens.among(np.array([get_string_id(c) for c in sentencizer.punct_chars], dtype=np.uint64))
    words = np.flatnonzero(~final & (table[:, 5] == 0))
    finals = np.flatnonzero(final)
    after = np.searchsorted(words, finals, side="right")
    followed = after < len(words)
    opening, closing = words[after[followed]], finals[followed]
    # spaCy keeps every punctuation mark after the full stop in the sentence it ends, so '... browser. „Third
    # country“ is ...' would open with a bare word and lose the quote that makes it a definition: a mark with a
    # space before it and none after opens the next sentence.
    marks = tokens.among(_OPENING_MARKS)
    offset = table[:, 2].astype(np.int64)
    ends_at = offset + table[:, 3].astype(np.int64)
    for _ in range(_MARKS_BEFORE_A_WORD):
        mark = opening - 1
        inside = (mark > closing) & (block[mark] == block[opening])
        spaced = ends_at[np.maximum(mark - 1, 0)] < offset[mark]
        moves = inside & marks[mark] & (ends_at[mark] == offset[opening]) & spaced
        if not moves.any():
            break
        opening = np.where(moves, mark, opening)
    guess = np.zeros(len(table), dtype=bool)
    guess[opening[block[opening] == block[closing]]] = True
    if sentencizer.overwrite:
        return guess
    return (sent_start == 1) | ((sent_start == 0) & guess)
