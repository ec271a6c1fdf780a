"""spaCy components that find countries and cue phrases, fed from rules/lexicon.

Both are registered factories, so a pipeline built from a config gets them too:

- ``dpcheck_countries_v1`` sets ``doc.ents`` to GPE entities whose ``kb_id_`` is the
  ISO 3166-1 alpha-2 code (or ``UNSPECIFIED`` for regions); longest match wins. Cities and
  ambiguous names count only where :func:`~dpcheck.nlp.gazetteer.resolve` lets them; the others
  go to ``doc.spans[LEFT_OUT_KEY]``.
- ``dpcheck_cues_v1`` puts every cue and mechanism phrase into ``doc.spans["dpcheck"]``
  (overlaps allowed: "outside the EEA" is both a third-country and an open-destination cue).

Both match with a :class:`~dpcheck.nlp.matcher.LexiconMatcher`. A scan does not run them per
block: :func:`dpcheck.nlp.analysis.analyse` runs their matchers once over the whole document.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import ConfigValidationError

from dpcheck.nlp.gazetteer import AFTER_PLACE, GATED, GATES, LEFT_OUT_KEY, POSTAL, Match, resolve
from dpcheck.nlp.lexicon import load_lexicon
from dpcheck.nlp.matcher import LexiconMatcher, Matches, TokenArrays, longest_per_block

SPAN_KEY = "dpcheck"
COUNTRIES = "dpcheck_countries_v1"
CUES = "dpcheck_cues_v1"


class CountryRecognizer:
    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.matcher = LexiconMatcher(load_lexicon(phrases, nlp.tokenizer))
        # The labels of places: ISO codes (and UNSPECIFIED, EEA), without the gated and location labels.
        self.place_codes = tuple(
            dict.fromkeys(
                label.lstrip(GATED).removeprefix(AFTER_PLACE).removeprefix(POSTAL)
                for label in self.matcher.labels
                if label not in GATES
            )
        )
        self.codes = frozenset(self.place_codes)
        self._index = {code: i for i, code in enumerate(self.place_codes)}

    def places(self, found: Matches, tokens: TokenArrays) -> tuple[Matches, Matches]:
        """The places among the matcher's ``found`` and the gated names in no location phrase,
        labels as indices into ``place_codes``."""
        labels = self.matcher.labels
        places, left_out = resolve(
            zip((labels[c] for c in found.label.tolist()), found.start.tolist(), found.end.tolist()), _Lowers(tokens)
        )
        return self._matches(places), self._matches(left_out)

    def _matches(self, found: list[Match]) -> Matches:
        return Matches(
            np.array([self._index[code] for code, _, _ in found], dtype=np.intp),
            np.array([s for _, s, _ in found], dtype=np.int64),
            np.array([e for _, _, e in found], dtype=np.int64),
        )

    def __call__(self, doc: Doc) -> Doc:
        tokens = TokenArrays.of_doc(doc)
        places, left_out = self.places(self.matcher(tokens), tokens)
        found = longest_per_block(places, np.zeros(len(doc), dtype=np.intp))
        codes = self.place_codes
        doc.ents = [
            Span(doc, s, e, label="GPE", kb_id=codes[c])
            for c, s, e in zip(found.label.tolist(), found.start.tolist(), found.end.tolist())
        ]
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.spans[LEFT_OUT_KEY] = [
            Span(doc, s, e, label="GPE", kb_id=codes[c])
            for c, s, e in zip(left_out.label.tolist(), left_out.start.tolist(), left_out.end.tolist())
            if taken.isdisjoint(range(s, e))
        ]
        return doc


class _Lowers(Sequence[str]):
    """Tokens' lower-case words, looked up when asked for (resolve reads a few)."""

    def __init__(self, tokens: TokenArrays) -> None:
        self.tokens = tokens

    def __len__(self) -> int:
        return len(self.tokens.lower)

    def __getitem__(self, i):
        return self.tokens.strings[int(self.tokens.lower[i])]


class CueMatcher:
    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.matcher = LexiconMatcher(load_lexicon(phrases, nlp.tokenizer))

    def __call__(self, doc: Doc) -> Doc:
        found = self.matcher(TokenArrays.of_doc(doc))
        labels = self.matcher.labels
        doc.spans[SPAN_KEY] = [
            Span(doc, s, e, label=labels[c])
            for c, s, e in zip(found.label.tolist(), found.start.tolist(), found.end.tolist())
        ]
        return doc


# The factories declare ``phrases`` a bare list (confection checks only that) and check its items themselves:
# confection checks a value against a parametrised type (even ``list[Any]``) item by item with its generic type
# checker, whatever ``add_pipe(validate=False)`` asks, and the lexicon's tens of thousands of [phrase, label]
# pairs took a third of a second of every process that builds the two pipelines (a sixth of a scan's start-up).
# What is accepted is the same; the error is confection's.
@Language.factory(COUNTRIES, default_config={"phrases": []})
def make_country_recognizer(nlp: Language, name: str, phrases: list) -> CountryRecognizer:
    return CountryRecognizer(nlp, [(p, c) for p, c in _checked(phrases, name)])


@Language.factory(CUES, default_config={"phrases": []})
def make_cue_matcher(nlp: Language, name: str, phrases: list) -> CueMatcher:
    return CueMatcher(nlp, [(p, label) for p, label in _checked(phrases, name)])


def _checked(phrases: list, name: str) -> list[list[str]]:
    """``phrases`` if it is a list of lists of strings, as the factories' configs require."""
    for i, item in enumerate(phrases):
        if not isinstance(item, list) or not all(isinstance(part, str) for part in item):
            raise ConfigValidationError(
                title=f"Config error for '{name}'",
                errors=[{"loc": [name, "phrases"], "msg": f"at {i}: {item!r} is not list[str]"}],
                show_config=False,
            )
    return phrases
