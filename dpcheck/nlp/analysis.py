"""A document's blocks through spaCy's tokenizer and sentencizer, and the lexicon phrases of the
whole document found in one pass of each matcher, as arrays (no Span or Token objects).

Blocks are tokenized one by one, so a sentence never runs from one block into the next; a phrase
never does either. Cue and country matches cover the same ground as the pipeline's components
(``doc.spans["dpcheck"]`` and ``doc.ents`` of each block), without running them; so do the
sentence starts for the pipeline's sentencizer.
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
    opens = _sentence_starts(sentencizer, table, block)
    opens[first[sizes > 0]] = True
    starts = np.flatnonzero(opens)
    tokens = TokenArrays(table[:, 0], table[:, 1], (first + sizes)[block], nlp.vocab.strings)
    return Analysis(
        tokens=tokens,
        offset=table[:, 2].astype(np.int64),
        length=table[:, 3].astype(np.int64),
        block=block,
        sentence_start=starts,
        sentence_end=np.append(starts[1:], len(table)).astype(np.int64),
        cues=cues(tokens),
        places=longest_per_block(recognizer.places(recognizer.matcher(tokens), tokens)[0], block),
        cue_labels=cues.labels,
        place_codes=recognizer.place_codes,
    )


def _sentence_starts(sentencizer: Sentencizer, table: np.ndarray, block: np.ndarray) -> np.ndarray:
    """Where spaCy's ``sentencizer`` would start sentences, from the token table: the first token
    after a sentence-final character that is neither that nor other punctuation, in the same block.
    A start or non-start set before it (by the tokenizer or another component) stands, as there
    (``overwrite`` aside). Built with arrays: the component itself makes a Token object per token."""
    sent_start = table[:, 4].astype(np.int64)
    final = np.isin(table[:, 0], np.array([get_string_id(c) for c in sentencizer.punct_chars], dtype=np.uint64))
    words = np.flatnonzero(~final & (table[:, 5] == 0))
    finals = np.flatnonzero(final)
    after = np.searchsorted(words, finals, side="right")
    followed = after < len(words)
    opening, closing = words[after[followed]], finals[followed]
    guess = np.zeros(len(table), dtype=bool)
    guess[opening[block[opening] == block[closing]]] = True
    if sentencizer.overwrite:
        return guess
    return (sent_start == 1) | ((sent_start == 0) & guess)
