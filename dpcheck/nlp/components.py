"""spaCy components that find countries and cue phrases, fed from rules/lexicon.

Both are registered factories, so a pipeline built from a config gets them too:

- ``dpcheck_countries_v1`` sets ``doc.ents`` to GPE entities whose ``kb_id_`` is the
  ISO 3166-1 alpha-2 code (or ``UNSPECIFIED`` for regions); longest match wins. Cities and
  ambiguous names count only where :func:`~dpcheck.nlp.gazetteer.resolve` lets them; the others
  go to ``doc.spans[LEFT_OUT_KEY]``.
- ``dpcheck_cues_v1`` puts every cue and mechanism phrase into ``doc.spans["dpcheck"]``
  (overlaps allowed: "outside the EEA" is both a third-country and an open-destination cue).

Literal phrases go to spaCy's PhraseMatcher; phrases with wildcards (German inflection
and compounds) to :class:`~dpcheck.nlp.patterns.WildcardMatcher`.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dpcheck.nlp.gazetteer import GATED, LEFT_OUT_KEY, LOCATION, resolve
from dpcheck.nlp.patterns import WildcardMatcher, compile_phrase, is_phrase

SPAN_KEY = "dpcheck"
WORDS_KEY = "dpcheck_words"  # doc.user_data: the token words both lexicon components read


class LexiconMatcher:
    """Finds ``(label, start, end)`` for lexicon phrases in a Doc."""

    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.vocab = nlp.vocab
        self.phrase = {"LOWER": PhraseMatcher(nlp.vocab, attr="LOWER"), "ORTH": PhraseMatcher(nlp.vocab, attr="ORTH")}
        self.wildcard = WildcardMatcher()
        self.labels: set[str] = set()
        for text, label in dict.fromkeys(phrases):
            pattern = compile_phrase(text, nlp.tokenizer)
            if not pattern:
                continue
            self.labels.add(label)
            attr = is_phrase(pattern)
            if attr is None:
                self.wildcard.add(label, pattern)
            else:
                words = [next(iter(t.values())) for t in pattern]
                self.phrase[attr].add(label, [Doc(nlp.vocab, words=words)])

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        strings = self.vocab.strings
        found = [(strings[m], s, e) for matcher in self.phrase.values() for m, s, e in matcher(doc)]
        found += self.wildcard(_words(doc))
        return found


def _words(doc: Doc) -> list[tuple[str, str]]:
    """Each token's text and lower case, listed once per doc for both lexicon components
    (walking a Doc's tokens from Python is what their time goes into)."""
    words = doc.user_data.get(WORDS_KEY)
    if words is None:
        words = doc.user_data[WORDS_KEY] = [(t.text, t.lower_) for t in doc]
    return words


class CountryRecognizer:
    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.matcher = LexiconMatcher(nlp, phrases)
        self.codes = frozenset(label.removeprefix(GATED) for label in self.matcher.labels if label != LOCATION)

    def __call__(self, doc: Doc) -> Doc:
        places, left_out = resolve(self.matcher(doc), [lower for _, lower in _words(doc)])
        doc.ents = filter_spans([Span(doc, s, e, label="GPE", kb_id=code) for code, s, e in places])
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.spans[LEFT_OUT_KEY] = [Span(doc, s, e, label="GPE", kb_id=code) for code, s, e in left_out
                                   if taken.isdisjoint(range(s, e))]
        return doc


class CueMatcher:
    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.matcher = LexiconMatcher(nlp, phrases)

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = [Span(doc, s, e, label=label) for label, s, e in self.matcher(doc)]
        return doc


@Language.factory("dpcheck_countries_v1", default_config={"phrases": []})
def make_country_recognizer(nlp: Language, name: str, phrases: list[list[str]]) -> CountryRecognizer:
    return CountryRecognizer(nlp, [(p, c) for p, c in phrases])


@Language.factory("dpcheck_cues_v1", default_config={"phrases": []})
def make_cue_matcher(nlp: Language, name: str, phrases: list[list[str]]) -> CueMatcher:
    return CueMatcher(nlp, [(p, label) for p, label in phrases])
