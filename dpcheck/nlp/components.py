"""spaCy components that find countries and cue phrases, fed from rules/lexicon.

Both are registered factories, so a pipeline built from a config gets them too:

- ``dpcheck_countries_v1`` sets ``doc.ents`` to GPE entities whose ``kb_id_`` is the
  ISO 3166-1 alpha-2 code (or ``UNSPECIFIED`` for regions); longest match wins.
- ``dpcheck_cues_v1`` puts every cue and mechanism phrase into ``doc.spans["dpcheck"]``
  (overlaps allowed: "outside the EEA" is both a third-country and an open-destination cue).
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from dpcheck.nlp.patterns import compile_phrase

SPAN_KEY = "dpcheck"


class CountryRecognizer:
    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.matcher = Matcher(nlp.vocab)
        by_code: dict[str, list[list[dict[str, object]]]] = {}
        for phrase, code in phrases:
            pattern = compile_phrase(phrase, nlp.tokenizer)
            if pattern:
                by_code.setdefault(code, []).append(pattern)
        for code, patterns in by_code.items():
            self.matcher.add(code, patterns)
        self.codes = frozenset(by_code)

    def __call__(self, doc: Doc) -> Doc:
        spans = [
            Span(doc, start, end, label="GPE", kb_id=self.matcher.vocab.strings[match_id])
            for match_id, start, end in self.matcher(doc)
        ]
        doc.ents = filter_spans(spans)
        return doc


class CueMatcher:
    def __init__(self, nlp: Language, phrases: Iterable[tuple[str, str]]) -> None:
        self.matcher = Matcher(nlp.vocab)
        by_label: dict[str, list[list[dict[str, object]]]] = {}
        for phrase, label in phrases:
            pattern = compile_phrase(phrase, nlp.tokenizer)
            if pattern:
                by_label.setdefault(label, []).append(pattern)
        for label, patterns in by_label.items():
            self.matcher.add(label, patterns)

    def __call__(self, doc: Doc) -> Doc:
        strings = self.matcher.vocab.strings
        doc.spans[SPAN_KEY] = [Span(doc, s, e, label=strings[m]) for m, s, e in self.matcher(doc)]
        return doc


@Language.factory("dpcheck_countries_v1", default_config={"phrases": []})
def make_country_recognizer(nlp: Language, name: str, phrases: list[list[str]]) -> CountryRecognizer:
    return CountryRecognizer(nlp, [(p, c) for p, c in phrases])


@Language.factory("dpcheck_cues_v1", default_config={"phrases": []})
def make_cue_matcher(nlp: Language, name: str, phrases: list[list[str]]) -> CueMatcher:
    return CueMatcher(nlp, [(p, label) for p, label in phrases])
