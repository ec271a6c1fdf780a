"""spaCy components that find countries and cue phrases, fed from rules/lexicon.

Both are registered factories, so a pipeline built from a config gets them too:

- ``dpcheck_countries_v1`` sets ``doc.ents`` to GPE entities whose ``kb_id_`` is the
  ISO 3166-1 alpha-2 code (or ``UNSPECIFIED`` for regions); longest match wins.
- ``dpcheck_cues_v1`` puts every cue and mechanism phrase into ``doc.spans["dpcheck"]``
  (overlaps allowed: "outside the EEA" is both a third-country and an open-destination cue).

Both match with a :class:`~dpcheck.nlp.matcher.LexiconMatcher`. A scan does not run them per
block: :func:`dpcheck.nlp.analysis.analyse` runs their matchers once over the whole document.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span

from dpcheck.nlp.lexicon import load_lexicon
from dpcheck.nlp.matcher import LexiconMatcher, TokenArrays, longest_per_block

SPAN_KEY = "dpcheck"
COUNTRIES = "dpcheck_countries_v1"
CUES = "dpcheck_cues_v1"


class CountryRecognizer:
    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.matcher = LexiconMatcher(load_lexicon(phrases, nlp.tokenizer))
        self.codes = frozenset(self.matcher.labels)

    def __call__(self, doc: Doc) -> Doc:
        found = longest_per_block(self.matcher(TokenArrays.of_doc(doc)), np.zeros(len(doc), dtype=np.intp))
        codes = self.matcher.labels
        doc.ents = [Span(doc, s, e, label="GPE", kb_id=codes[c])
                    for c, s, e in zip(found.label.tolist(), found.start.tolist(), found.end.tolist())]
        return doc


class CueMatcher:
    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.matcher = LexiconMatcher(load_lexicon(phrases, nlp.tokenizer))

    def __call__(self, doc: Doc) -> Doc:
        found = self.matcher(TokenArrays.of_doc(doc))
        labels = self.matcher.labels
        doc.spans[SPAN_KEY] = [Span(doc, s, e, label=labels[c])
                               for c, s, e in zip(found.label.tolist(), found.start.tolist(), found.end.tolist())]
        return doc


@Language.factory(COUNTRIES, default_config={"phrases": []})
def make_country_recognizer(nlp: Language, name: str, phrases: list[list[str]]) -> CountryRecognizer:
    return CountryRecognizer(nlp, [(p, c) for p, c in phrases])


@Language.factory(CUES, default_config={"phrases": []})
def make_cue_matcher(nlp: Language, name: str, phrases: list[list[str]]) -> CueMatcher:
    return CueMatcher(nlp, [(p, label) for p, label in phrases])
