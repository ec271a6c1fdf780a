"""Sentences read from the document's arrays (dpcheck/extract/sentences.py): tokens as spaCy would
give them, a label mask per sentence, and sentences built only when a reader asks for them."""

from __future__ import annotations

import gc
from dataclasses import FrozenInstanceError

import numpy as np
import pytest
from spacy.strings import get_string_id

from dpcheck import ingest
from dpcheck.extract import extract
from dpcheck.extract.sentences import (
    DEFINITION,
    EXPLAINED_BY,
    EXPLAINING,
    LAYOUT_LABELS,
    PERMITTED_PLACES,
    Cue,
    Place,
    Sentence,
    Sentences,
    _new_cue,
    _new_place,
    read_sentences,
)
from dpcheck.scanner import iter_documents

POLICY = {
    "en": (
        "# Privacy Policy\n\nWe process account data to run the service. Support staff answer questions.\n\n"
        "## International transfers\n\nOur sub-processor in India may access support tickets under the "
        "standard contractual clauses. Other data stays in Germany.\n\n## Contact\n\nWrite to us."
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir verarbeiten Kontodaten für den Dienst. Der Support beantwortet Fragen.\n\n"
        "## Übermittlung in Drittländer\n\nUnser Unterauftragsverarbeiter in Indien kann auf Tickets zugreifen, "
        "gestützt auf die Standardvertragsklauseln. Andere Daten bleiben in Deutschland.\n\n## Kontakt\n\nSchreiben Sie uns."
    ),
}


def _sentences(scanner, lang: str) -> Sentences:
    document = ingest.load_text(POLICY[lang], name="policy.md", format="markdown")
    return read_sentences(document, scanner.pipeline(lang))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sentences_tokens_read_like_spacy_spans(scanner, lang):
    """A sentence's tokens give the same texts, lower cases, slices and indices as spaCy's Span."""
    nlp = scanner.pipeline(lang)
    for sentence in _sentences(scanner, lang):
        span = next(s for s in nlp(sentence.block.text).sents if sentence.block.start + s.start_char == sentence.start)
        tokens = sentence.span
        assert len(tokens) == len(span)
        assert [(t.text, t.lower_) for t in tokens] == [(t.text, t.lower_) for t in span]
        assert tokens[-1].text == span[-1].text
        for a in range(-2, len(span) + 2):
            for b in (a - 1, a + 2, len(span) + 3, None):
                assert tokens[a:b].text == span[a:b].text
        with pytest.raises(IndexError):
            tokens[len(span)]
        # Every index, from both ends, of the sentence and of a slice of it; out of range raises.
        for part, reference in ((tokens, span), (tokens[1:-1], span[1:-1]), (tokens[2:], span[2:])):
            for k in range(-len(reference) - 2, len(reference) + 2):
                if -len(reference) <= k < len(reference):
                    assert part[k].text == reference[k].text
                else:
                    with pytest.raises(IndexError):
                        part[k]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sentences_labels_hold_cues_places_and_layout(scanner, lang):
    """A sentence carries its cue labels, PLACE and PLACE:<code> for the countries it names, and its layout."""
    sentences = _sentences(scanner, lang)
    india = next(s for s in sentences if s.has("PLACE:IN"))
    assert india.has("SUBPROCESSOR") and india.has("MECH:scc") and india.has("PLACE")
    assert india.has("TRANSFER_SECTION") and india.has("SUBPROCESSOR_SECTION") and not india.has("HEADING")
    assert {c.label for c in india.cues} == india.labels - {"PLACE", "PLACE:IN", *LAYOUT_LABELS}
    assert [p.code for p in india.places] == ["IN"]
    assert sentences[0].has("HEADING") and not sentences[0].has("TRANSFER_SECTION")
    assert not india.has("NO_SUCH_LABEL") and india.of("NO_SUCH_LABEL") == []


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sentences_has_prefixed_answers_as_its_cues(scanner, lang):
    """A sentence has a cue of a label with the prefix exactly when one of its cues has such a label."""
    sentences = _sentences(scanner, lang)
    for sentence in sentences:
        for prefix in ("MECH:", "A28_", "SUB", "NO_SUCH_"):
            assert sentence.has_prefixed(prefix) is any(c.label.startswith(prefix) for c in sentence.cues)
    assert any(s.has_prefixed("MECH:") for s in sentences)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sentences_cues_asked_by_label_are_those_of_all_its_cues(scanner, lang):
    """of(), of_prefixed(), count() and claimed() answer as filtering all its cues would, with the very cue objects
    that list holds, whichever is asked first; a cue asked for by label only is the only one made."""
    labels = [("SUBPROCESSOR",), ("MECH:scc", "SUBPROCESSOR"), ("PLACE", "SUBPROCESSOR"), ("NO_SUCH_LABEL",), ()]
    for cues_first in (True, False):
        sentences = _sentences(scanner, lang)
        for sentence in sentences:
            everything = sentence.cues if cues_first else None
            asked = {lab: sentence.of(*lab) for lab in labels}
            prefixed = {prefix: sentence.of_prefixed(prefix) for prefix in ("MECH:", "SUB", "NO_SUCH_")}
            everything = sentence.cues
            for lab, cues in asked.items():
                expected = [c for c in everything if c.label in lab]
                assert cues == expected and all(a is b for a, b in zip(cues, expected, strict=True))
                assert sentence.count(*lab) == len(expected)
            for prefix, cues in prefixed.items():
                assert cues == [c for c in everything if c.label.startswith(prefix)]
            assert sentence.claimed() == {i for c in everything for i in range(c.start, c.end)}
            assert sentence.claimed("SUBPROCESSOR") == {
                i for c in everything if c.label != "SUBPROCESSOR" for i in range(c.start, c.end)
            }
    sentences = _sentences(scanner, lang)
    india = next(s for s in sentences if s.has("MECH:scc"))
    tools = india.of_prefixed("MECH:")
    assert tools and sum(cue is not None for cue in sentences._cue_made) == len(tools)
    assert india.has("SUBPROCESSOR") and len(india.cues) > len(tools)
    assert [c for c in india.cues if c.label.startswith("MECH:")] == tools
    assert sum(cue is not None for cue in sentences._cue_made) == len(india.cues)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sentences_anchored_builds_only_the_sentences_it_yields(scanner, lang, monkeypatch):
    """A reader anchored on labels sees exactly the sentences with one of them; no other is built."""
    sentences = _sentences(scanner, lang)
    built = []
    make = Sentences._make
    monkeypatch.setattr(Sentences, "_make", lambda self, i: built.append(i) or make(self, i))
    anchored = list(sentences.anchored("SUBPROCESSOR", "PLACE:DE"))
    assert [s.index for s in anchored] == built == sentences.where("SUBPROCESSOR", "PLACE:DE").tolist()
    assert [s.text for s in anchored] == [s.text for s in sentences if s.has("SUBPROCESSOR", "PLACE:DE")]
    assert len(anchored) == 2 and sentences.where("NO_SUCH_LABEL").size == 0


@pytest.mark.parametrize("lang", ["en", "de"])
def test_sentences_released_are_made_again_alike(scanner, lang):
    """After release() the sentences asked for are new objects that read the same as those before."""
    sentences = _sentences(scanner, lang)
    before = list(sentences)
    seen = [(s.text, s.cues, s.places, [w.text for w in s.span], s.labels) for s in before]
    sentences.release()
    again = list(sentences)
    assert len(again) == len(before) and all(a is not b for a, b in zip(again, before, strict=True))
    assert [(s.text, s.cues, s.places, [w.text for w in s.span], s.labels) for s in again] == seen


@pytest.mark.parametrize("lang", ["en", "de"])
def test_extract_leaves_no_sentence_for_the_garbage_collector(scanner, lang):
    """A document's sentences are freed when extraction returns, not left in a cycle for the collector to find."""
    document = ingest.load_text(POLICY[lang], name="policy.md", format="markdown")
    facts = scanner.ruleset.facts
    gc.collect()
    gc.disable()
    try:
        extraction = extract(document, scanner.pipeline(lang), scanner._lexicon, facts.eea_places)
        left = [o for o in gc.get_objects() if isinstance(o, (Sentence, Sentences))]
    finally:
        gc.enable()
    assert extraction.mentions and not left


def test_sentences_masks_agree_with_cues_on_corpora(scanner, corpora):
    """On every corpora/ document, has() is true exactly for the labels of a sentence's cues and places."""
    for path in iter_documents([corpora]):
        document = ingest.load(path)
        sentences = read_sentences(document, scanner.pipeline(scanner.detect_language(document.text)))
        cue_labels = set(sentences.analysis.cue_labels)
        for sentence in sentences:
            assert sentence.labels & cue_labels == {c.label for c in sentence.cues}, path.name
            assert {label[6:] for label in sentence.labels if label.startswith("PLACE:")} == {
                p.code for p in sentence.places
            }


def test_sentences_cues_of_label_tuples_equal_filtering_on_corpora(scanner, corpora):
    """On every corpora/ document (EN and DE), of() and count() for each label alone, for label tuples of several and
    for labels asked in another order give the cues filtering all of the sentence's cues gives, in their order."""
    for path in iter_documents([corpora]):
        document = ingest.load(path)
        sentences = read_sentences(document, scanner.pipeline(scanner.detect_language(document.text)))
        names = sentences.analysis.cue_labels
        tuples = [(x,) for x in sorted(set(names))] + [tuple(names[k::7]) for k in range(7)] + [tuple(names[::-3])]
        for sentence in sentences:
            everything = sentence.cues
            for labels in tuples:
                expected = [c for c in everything if c.label in labels]
                assert sentence.of(*labels) == expected, path.name
                assert sentence.count(*labels) == len(expected), path.name


def test_sentences_where_word_as_among_says_on_corpora(scanner, corpora):
    """On every corpora/ document (EN and DE), where_word() finds the tokens ``TokenArrays.among`` says are among the
    words' lower-case hashes, for the readers' word lists, single words, capitalised words and words found nowhere."""
    lists = [frozenset(w) for w in (["the"], ["Data"], ["to", "an"], ["daten", "übermittlung", "usa"], ["zzqx"], [])]
    lists += [frozenset({"outside", "außerhalb", "countries", "länder", "eea", "ewr", "not", "nicht", "("})]
    for path in iter_documents([corpora]):
        document = ingest.load(path)
        sentences = read_sentences(document, scanner.pipeline(scanner.detect_language(document.text)))
        for words in lists:
            hashes = np.array([get_string_id(w) for w in words], dtype=np.uint64)
            hits = np.flatnonzero(sentences.analysis.tokens.among(hashes, lower=True)).tolist()
            for i in range(len(sentences)):
                first, end = sentences._first[i], sentences._ends[i]
                assert sentences.where_word(i, words) == [h - first for h in hits if first <= h < end], path.name


def test_sentences_cues_and_places_made_as_their_classes_make_them() -> None:
    """Cues and places made by setting their slots equal, hash and print as those their classes make, and
    stay frozen."""
    for made, built in (
        (_new_cue("TRANSFER", 2, 4, "übermittelt"), Cue("TRANSFER", 2, 4, "übermittelt")),
        (_new_place("US", 0, 2, "the US"), Place("US", 0, 2, "the US")),
    ):
        assert type(made) is type(built)
        assert made == built and hash(made) == hash(built) and repr(made) == repr(built)
        with pytest.raises(FrozenInstanceError):
            made.start = 9  # type: ignore[misc]


DEFINITIONS = [
    # The defining word first, a quoted term before it, an explanation, a permitted place, none at all.
    ("en", "Means of transfer include the standard contractual clauses."),
    ("en", '"Third Country" means any country outside the EEA.'),
    ("en", "This means that data may be transferred to the United States."),
    ("en", "Permitted Locations means the EU and the United Kingdom."),
    ("en", "We keep your data in Germany."),
    # An opening branch ("^"), alone and with a defining word after it.
    ("en", 'A "Transfer" is any disclosure of data to a recipient in a third country.'),
    ("en", '2. "Restricted Transfer" is a transfer that "Adequate Country" means does not cover.'),
    ("en", "DPF: the EU-U.S. Data Privacy Framework, which our provider uses."),
    ("de", "„Drittland“ ist jeder Staat außerhalb der EU, und „EWR“ bedeutet der Europäische Wirtschaftsraum."),
    ("de", "Drittland im Sinne dieses Vertrags ist jeder Staat außerhalb des EWR."),
    ("de", "Bedeutet das, dass Daten in die USA gehen? Nein."),
    ("de", "Das bedeutet, dass Daten in den USA gespeichert werden."),
    ("de", "Wir speichern Ihre Daten in Deutschland."),
]


@pytest.mark.parametrize(("lang", "text"), DEFINITIONS)
def test_sentences_definition_as_the_whole_pattern_finds_it(scanner, lang, text):
    """A sentence is a definition where DEFINITION, run over its opening at every place, finds one (past the
    first character only the defining word is sought, by its words)."""
    document = ingest.load_text(text, name="definition.md", format="markdown")
    for sentence in read_sentences(document, scanner.pipeline(lang)):
        head = sentence.text[:200]
        expected = any(
            not (m.group(1) and m.group(1).lower() in EXPLAINING and EXPLAINED_BY.search(head[: m.start()]))
            and not PERMITTED_PLACES.search(head[: m.end()])
            for m in DEFINITION.finditer(head)
        )
        assert sentence.is_definition == expected, head


@pytest.mark.parametrize(
    ("lang", "text", "defined"),
    [
        ("de", "7.2 „Drittstaat“ ist jeder Staat, der nicht zum EWR gehört.", True),
        ("en", '12.1. "Restricted Country" is any country without an adequacy decision.', True),
        ("en", "3.4 Customer Data is stored in Canada.", False),
    ],
)
def test_sentences_a_definition_numbered_as_a_clause_is_one(scanner, lang, text, defined):
    """A quoted term and "is" make a definition behind a clause's number of two levels ("7.2") as behind "3." does."""
    document = ingest.load_text(text, name="definition.txt", format="text")
    assert any(s.is_definition for s in read_sentences(document, scanner.pipeline(lang))) == defined


def test_sentences_holding_words_and_characters_as_their_texts_say_on_corpora(scanner, corpora):
    """On every corpora/ document (EN and DE), holding() marks the sentences whose text holds the characters given
    (one, several, a letter of German, a control character) and holding_words() those one of whose tokens is one of
    the words in lower case (a capitalised word, a word with a full stop, punctuation, a word found nowhere)."""
    lists = [frozenset(w) for w in (["the"], ["gmbh", "ltd.", "inc"], [",", "("], ["daten", "übermittlung"], ["zzqx"])]
    for path in iter_documents([corpora]):
        document = ingest.load(path)
        sentences = read_sentences(document, scanner.pipeline(scanner.detect_language(document.text)))
        for words in lists:
            expected = [any(token.lower_ in words for token in sentence.span) for sentence in sentences]
            assert sentences.holding_words(words).tolist() == expected, path.name
        for text in ("(", ",", ":", "..", "ä", "\n", "\x00", "the data", "x" * 10_000_000):
            assert sentences.holding(text).tolist() == [text in sentence.text for sentence in sentences], path.name


def test_sentences_going_on_as_walking_the_tokens_to_the_first_comma_says_on_corpora(scanner, corpora):
    """On every corpora/ document (EN and DE), a sentence goes on from the one before it exactly where a word that
    refers back opens it, or a phrase of several such words stands in its opening clause up to its first comma."""
    going_on = 0
    for path in iter_documents([corpora]):
        document = ingest.load(path)
        sentences = read_sentences(document, scanner.pipeline(scanner.detect_language(document.text)))
        for sentence in sentences:
            tokens = sentence.span
            opening = next((i for i, token in enumerate(tokens) if token.text[:1].isalpha()), None)
            comma = next((i for i, token in enumerate(tokens) if token.text == ","), len(tokens))
            expected = opening is not None and any(
                c.start == opening or (c.end - c.start > 2 and c.start <= min(comma, opening + 6))
                for c in sentence.of("CONTINUES")
            )
            assert sentence._goes_on() == expected, (path.name, sentence.text)
            going_on += expected
    assert going_on
