"""Lexicon matching in one pass per document (dpcheck/nlp/matcher.py, lexicon.py): the same
matches spaCy's own Matcher finds, in the documented order, never across blocks, with the
compiled lexicon kept on disk as NumPy arrays."""

from __future__ import annotations

import json
import re

import numpy as np
import pytest
import spacy
from spacy.matcher import Matcher

from dpcheck import ingest
from dpcheck.errors import RulesetError
from dpcheck.nlp import artefacts
from dpcheck.nlp.analysis import analyse
from dpcheck.nlp.components import COUNTRIES, CUES
from dpcheck.nlp.lexicon import compile_lexicon, load_lexicon
from dpcheck.nlp.matcher import LexiconMatcher, TokenArrays
from dpcheck.nlp.patterns import compile_phrase
from dpcheck.walk import iter_documents

SENTENCES = {
    "en": [
        "Personal data may be transferred outside the EEA to the U.S. under the EU-U.S. Data Privacy Framework.",
        "Our sub-processors in India and the United Kingdom rely on standard contractual clauses (Art. 46(2)(c)).",
        "We do not transfer data to third countries; the Privacy Shield is no longer relied upon.",
    ],
    "de": [
        "Wir übermitteln personenbezogene Daten an Unterauftragsverarbeiter in den Vereinigten Staaten.",
        "Grundlage sind die EU-Standardvertragsklauseln; ein Angemessenheitsbeschluss liegt für Japan vor.",
        "Eine Übermittlung in Drittländer außerhalb der EU findet nicht statt.",
    ],
}


def _found(matcher: LexiconMatcher, doc) -> set[tuple[str, int, int]]:
    m = matcher(TokenArrays.of_doc(doc))
    return {(matcher.labels[c], s, e) for c, s, e in zip(m.label.tolist(), m.start.tolist(), m.end.tolist())}


def _spacy_found(nlp, phrases, doc) -> set[tuple[str, int, int]]:
    """spaCy's Matcher on the same patterns, keeping the longest match of a phrase at each start."""
    matcher = Matcher(nlp.vocab)
    labels = {}
    for i, (text, label) in enumerate(dict.fromkeys(map(tuple, phrases))):
        patterns = [pattern for pattern in compile_phrase(text, nlp.tokenizer) if pattern]
        if patterns:
            matcher.add(str(i), patterns)
            labels[str(i)] = label
    longest: dict[tuple[str, int], int] = {}
    for key, s, e in matcher(doc):
        name = nlp.vocab.strings[key]
        longest[name, s] = max(e, longest.get((name, s), e))
    return {(labels[name], s, e) for (name, s), e in longest.items()}


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("component", [COUNTRIES, CUES])
def test_matcher_finds_what_spacy_matcher_finds(scanner, lang, component):
    """Every lexicon phrase (literal, glob, option, optional word) is found where spaCy's Matcher finds it."""
    nlp = scanner.pipeline(lang)
    phrases = nlp.get_pipe_config(component)["phrases"]
    matcher = nlp.get_pipe(component).matcher
    for text in SENTENCES[lang]:
        doc = nlp.make_doc(text)
        assert _found(matcher, doc) == _spacy_found(nlp, phrases, doc), text


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "de"])
def test_matcher_finds_what_spacy_matcher_finds_on_corpora(scanner, corpora, lang):
    """The same holds for every block of every corpora/ document, for the cue lexicon."""
    nlp = scanner.pipeline(lang)
    phrases = nlp.get_pipe_config(CUES)["phrases"]
    matcher = nlp.get_pipe(CUES).matcher
    for path in list(iter_documents([corpora]))[::3]:
        document = ingest.load(path)
        doc = nlp.make_doc(" ".join(b.text for b in document.blocks[:60]))
        assert _found(matcher, doc) == _spacy_found(nlp, phrases, doc), path.name


def test_matcher_orders_literal_then_exact_then_wildcard():
    """Within a sentence: lower-case literals, exact literals, then wildcard phrases; ties in lexicon order."""
    nlp = spacy.blank("en")
    lexicon = compile_lexicon(
        [("b c", "L2"), ("a*", "W"), ("=B =c", "E"), ("b c", "L1"), ("a b*", "W2"), ("=B c*", "M")], nlp.tokenizer
    )
    matcher = LexiconMatcher(lexicon)
    m = matcher(TokenArrays.of_doc(nlp.make_doc("a B c")))
    # Wildcard phrases by start, then as the former matcher tried them: first word in lower case,
    # as written, then by regex.
    assert [(matcher.labels[c], s, e) for c, s, e in zip(m.label.tolist(), m.start.tolist(), m.end.tolist())] == [
        ("L2", 1, 3),
        ("L1", 1, 3),
        ("E", 1, 3),
        ("W2", 0, 2),
        ("W", 0, 1),
        ("M", 1, 3),
    ]


def test_matcher_optional_word_gives_the_longest_match():
    """ "standard? contractual clauses" matches with the optional word when it is there, once."""
    nlp = spacy.blank("en")
    matcher = LexiconMatcher(compile_lexicon([("eu standard? contractual clause*", "SCC")], nlp.tokenizer))
    for text, span in [
        ("the eu standard contractual clauses apply", (1, 5)),
        ("the eu contractual clauses apply", (1, 4)),
    ]:
        m = matcher(TokenArrays.of_doc(nlp.make_doc(text)))
        assert list(zip(m.start.tolist(), m.end.tolist())) == [span]


def test_matcher_globs_options_and_exact_case():
    """Leading, trailing and inner wildcards, ``a|b`` options and ``=Exact`` words."""
    nlp = spacy.blank("de")
    matcher = LexiconMatcher(
        compile_lexicon(
            [("*klauseln", "K"), ("über*ung", "U"), ("daten|informationen werden", "D"), ("=US", "US")], nlp.tokenizer
        )
    )
    doc = nlp.make_doc("Standardvertragsklauseln regeln die Übermittlung , Informationen werden us und US")
    assert _found(matcher, doc) == {("K", 0, 1), ("U", 3, 4), ("D", 5, 7), ("US", 9, 10)}


@pytest.mark.parametrize(
    ("lang", "phrases", "text", "expected"),
    [
        (
            "en",
            [("*clauses", "K"), ("transfer*", "T"), ("=Sub*or", "S")],
            "Transfers rely on clauses ; a Subprocessor , not a subprocessor",
            {("T", 0, 1), ("K", 3, 4), ("S", 6, 7)},
        ),
        (
            "de",
            [("*klauseln", "K"), ("über*ung", "U"), ("=Unter*er", "S")],
            "Klauseln regeln die Übermittlung an Unterauftragsverarbeiter , nicht unterauftragsverarbeiter",
            {("K", 0, 1), ("U", 3, 4), ("S", 5, 6)},
        ),
    ],
)
def test_matcher_compiles_a_glob_when_a_word_first_reaches_it(lang, phrases, text, expected):
    """A glob's regex is compiled when a candidate word first reaches it, and answers as the regex does."""
    nlp = spacy.blank(lang)
    lexicon = compile_lexicon(phrases, nlp.tokenizer)
    matcher = LexiconMatcher(lexicon)
    globs = [(value, check) for (_, kind, value), check in zip(lexicon.tests, matcher._checks) if kind == "glob"]
    assert len(globs) == 3 and all(check._regex is None for _, check in globs)
    doc = nlp.make_doc(text)
    assert _found(matcher, doc) == expected
    assert all(check._regex is not None for _, check in globs)
    for value, check in globs:
        for word in {t.text for t in doc} | {t.lower_ for t in doc}:
            assert check(word) == (re.search(value, word) is not None)


def test_matcher_never_runs_across_blocks(scanner):
    """A phrase split over two blocks (a heading and the paragraph below) is not found."""
    nlp = scanner.pipeline("en")
    analysis = analyse(nlp, ["Transfers outside the", "EEA are possible."])
    whole = analyse(nlp, ["Transfers outside the EEA are possible."])
    labels = lambda a: {a.cue_labels[c] for c in a.cues.label.tolist()}  # noqa: E731
    assert "THIRD_COUNTRY" in labels(whole) and "THIRD_COUNTRY" not in labels(analysis)


@pytest.mark.parametrize(
    ("lang", "block", "second"),
    [
        ("de", "Sie können Cookies löschen. „Drittland“ ist jeder Staat ausserhalb des EWR.", "„Drittland“"),
        ("en", 'We review this list yearly. "Third Country" means a country outside the EEA.', '"Third'),
        ("en", "Settings are saved. (a) Logs stay with us.", "("),
        ("de", "Die Liste ist aktuell.“ Danach folgt nichts.", "Danach"),
    ],
)
def test_matcher_a_sentence_opens_with_the_quote_or_bracket_written_onto_its_first_word(scanner, lang, block, second):
    """A quote or bracket after a full stop, with a space before it and none after, opens the next sentence (a
    quoted term stays whole, as a definition needs it); a closing quote written onto the stop stays with it."""
    analysis = analyse(scanner.pipeline(lang), [block])
    start = int(analysis.offset[analysis.sentence_start[1]])
    assert len(analysis.sentence_start) == 2
    assert block[start:].startswith(second)


def test_matcher_words_with_the_separator_character_are_tested_exactly():
    """A word holding the character the automaton separates words with matches only what it equals."""
    nlp = spacy.blank("en")
    matcher = LexiconMatcher(compile_lexicon([("eea", "X"), ("out*", "Y")], nlp.tokenizer))
    doc = nlp.make_doc("a\x00eea b\x00out eea")
    assert _found(matcher, doc) == {("X", 2, 3)}


def test_matcher_remembers_words_within_its_bound(monkeypatch):
    """Past its bound the word memory starts afresh, with the same answers."""
    nlp = spacy.blank("en")
    matcher = LexiconMatcher(compile_lexicon([("transfer*", "T"), ("outside the eea", "O")], nlp.tokenizer))
    monkeypatch.setattr(LexiconMatcher, "MAX_REMEMBERED", 5)
    for text in ["we transfer data outside the EEA", "transfers of many other different words here", "transferred"]:
        doc = nlp.make_doc(text)
        assert _found(matcher, doc) == {
            ("T", i, i + 1) for i, t in enumerate(doc) if t.lower_.startswith("transfer")
        } | ({("O", 3, 6)} if "EEA" in text else set())
        assert len(matcher._class_of) <= 2 * len(doc)


def test_lexicon_is_kept_as_arrays_and_reloaded(tmp_path, monkeypatch):
    """The compiled lexicon is stored as NumPy arrays in the cache folder and read back the same."""
    monkeypatch.setenv("DPCHECK_CACHE_DIR", str(tmp_path))
    nlp = spacy.blank("en")
    phrases = [("standard contractual clause*", "SCC"), ("=US", "US"), ("outside the eea", "OUT")]
    first = load_lexicon(phrases, nlp.tokenizer)
    stored = list((tmp_path / "compiled").glob("lexicon-*.npz"))
    assert len(stored) == 1
    with np.load(stored[0], allow_pickle=False) as data:
        assert json.loads(str(data["head"][()]))["labels"] == ["SCC", "US", "OUT"]
    assert load_lexicon(phrases, nlp.tokenizer) == first == compile_lexicon(phrases, nlp.tokenizer)
    load_lexicon(phrases[:2], nlp.tokenizer)
    assert len(list((tmp_path / "compiled").glob("lexicon-*.npz"))) == 2


def test_lexicon_arrays_are_the_compiled_variants():
    """Each variant's row: its label, its tests by position (-1 past its length, as wide as the longest), its
    origin, group and rank; a lexicon without variants has one empty position."""
    nlp = spacy.blank("en")
    lexicon = compile_lexicon(
        [("outside the eea", "OUT"), ("data? transfer*", "T"), ("eea", "OUT"), ("=US", "US")], nlp.tokenizer
    )
    rows = {
        (lexicon.labels[label], tuple(lexicon.tests[t] for t in steps if t >= 0), group)
        for label, steps, group in zip(lexicon.label.tolist(), lexicon.steps.tolist(), lexicon.group.tolist())
    }
    transfer = ("LOWER", "glob", "^transfer.*$")
    assert rows == {
        ("OUT", (("LOWER", "eq", "outside"), ("LOWER", "eq", "the"), ("LOWER", "eq", "eea")), 0),
        ("OUT", (("LOWER", "eq", "eea"),), 0),
        ("US", (("ORTH", "eq", "US"),), 1),
        ("T", (("LOWER", "eq", "data"), transfer), 2),
        ("T", (transfer,), 2),
    }
    assert lexicon.steps.shape == (5, 3)
    assert compile_lexicon([], nlp.tokenizer).steps.shape == (0, 1)


def _damaged(good, **change):
    arrays = good.to_arrays()
    return {**arrays, **change}


@pytest.mark.parametrize(
    "damage",
    [
        lambda good: b"not a zip file",
        lambda good: _damaged(good, head=np.array('{"format": 99}')),
        lambda good: _damaged(good, head=np.array("not json")),
        lambda good: _damaged(good, head=np.array('{"format": 2, "labels": ["A"], "tests": []}')),
        lambda good: _damaged(good, steps=good.steps + 5),
        lambda good: _damaged(good, steps=good.steps[:, ::-1].copy()),
        lambda good: _damaged(good, steps=np.pad(good.steps, ((0, 0), (0, 1)), constant_values=-1)),
        lambda good: _damaged(good, label=good.label[:0]),
        lambda good: _damaged(good, label=good.label + 1),
        lambda good: _damaged(good, origin=good.origin - 1),
        lambda good: _damaged(good, rank=good.rank.astype(float)),
        lambda good: _damaged(good, origin=good.origin.astype(np.uint64)),
        lambda good: _damaged(good, steps=good.steps[:, :0]),
        lambda good: {k: v for k, v in good.to_arrays().items() if k != "group"},
    ],
)
def test_lexicon_damaged_file_is_compiled_again(tmp_path, monkeypatch, damage):
    """A cache file that is not a valid compiled lexicon is ignored and rewritten."""
    monkeypatch.setenv("DPCHECK_CACHE_DIR", str(tmp_path))
    nlp = spacy.blank("en")
    phrases = [("outside the eea", "OUT"), ("eea", "OUT")]
    good = load_lexicon(phrases, nlp.tokenizer)
    (stored,) = (tmp_path / "compiled").glob("lexicon-*.npz")
    bad = damage(good)
    if isinstance(bad, bytes):
        stored.write_bytes(bad)
    else:
        with stored.open("wb") as handle:
            np.savez(handle, **bad)
    assert load_lexicon(phrases, nlp.tokenizer) == good
    assert artefacts.read_arrays(stored.name) is not None
    assert load_lexicon(phrases, nlp.tokenizer) == good


def test_lexicon_unwritable_cache_folder_still_compiles(tmp_path, monkeypatch):
    """Where the cache folder cannot be written, the lexicon is compiled every time."""
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("DPCHECK_CACHE_DIR", str(blocked))
    nlp = spacy.blank("en")
    assert load_lexicon([("outside the eea", "OUT")], nlp.tokenizer).labels == ("OUT",)
    assert artefacts.read_arrays("anything.npz") is None


def test_matcher_component_api_still_sets_ents_and_spans(scanner):
    """Library users still get doc.ents (ISO codes, longest match) and doc.spans["dpcheck"]."""
    doc = scanner.pipeline("en")("Data is stored in the United States of America and outside the EEA.")
    assert [(e.text, e.kb_id_) for e in doc.ents] == [("United States of America", "US"), ("EEA", "EEA")]
    assert {s.label_ for s in doc.spans["dpcheck"]} >= {"THIRD_COUNTRY", "OPEN_DESTINATION"}
    assert np.all(np.diff([s.start for s in doc.ents]) > 0)


def test_matcher_a_word_mixing_alternatives_and_a_wildcard_is_refused():
    """ "found|recogni*ed" would compile to a regex that reads "|" as a character and never matches: the
    ruleset is refused with the phrase named, instead of the phrase being silently dead."""
    nlp = spacy.blank("en")
    with pytest.raises(RulesetError, match="found\\|recogni"):
        compile_phrase("found|recogni*ed to provide adequate", nlp.tokenizer)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_token_arrays_among_agrees_with_isin(scanner, lang):
    """Membership asked of the document's distinct words is ``np.isin`` over every token, as written and in
    lower case, for a few hashes and for many (sentence-final characters)."""
    nlp = scanner.pipeline(lang)
    doc = nlp.make_doc(" ".join(SENTENCES[lang] * 3) + " Daten DATEN data Data. „Rahmen“ ; ! ?")
    tokens = TokenArrays.of_doc(doc)
    strings = nlp.vocab.strings
    few = np.array([strings["data"], strings["daten"], strings["the"]], dtype=np.uint64)
    many = np.array([strings[c] for c in ".!?;:,“„()-" + "abcdefghijklmnopqrstuvwxyz"], dtype=np.uint64)
    for hashes in (few, many, np.zeros(0, dtype=np.uint64)):
        assert (tokens.among(hashes) == np.isin(tokens.orth, hashes)).all()
        assert (tokens.among(hashes, lower=True) == np.isin(tokens.lower, hashes)).all()
    assert tokens.among(few, lower=True).sum() > tokens.among(few).sum()


def _first_word_anchored(lexicon, monkeypatch) -> LexiconMatcher:
    """A matcher pairing each token with the variants its word opens, as before anchors were chosen."""
    with monkeypatch.context() as patched:
        patched.setattr("dpcheck.nlp.matcher._anchors", lambda tests, _: np.zeros(len(tests), dtype=np.int64))
        return LexiconMatcher(lexicon)


def _arrays(matcher: LexiconMatcher, tokens: TokenArrays) -> list[list[int]]:
    m = matcher(tokens)
    return [m.label.tolist(), m.start.tolist(), m.end.tolist()]


@pytest.mark.parametrize(
    ("lang", "phrases", "blocks"),
    [
        (
            "en",
            [
                ("data protection officer*", "DPO"),
                ("data? protection law*", "LAW"),
                ("in the united states", "US"),
                ("the =EU standard? contractual clause*", "SCC"),
                ("data", "DATA"),
                ("personal data", "PD"),
                ("personal data breach*", "BREACH"),
                ("* data breach", "ANY"),
                ("transfer|transmit outside the eea|eu", "OUT"),
            ],
            [
                "The data protection officer handles personal data breaches in the United States and data.",
                "We transfer outside the EEA personal data under the EU standard contractual clauses; the EU contractual",
                "clauses apply in the",
                "United States.",
            ],
        ),
        (
            "de",
            [
                ("daten schutz beauftragte*", "DSB"),
                ("in den vereinigten staaten", "US"),
                ("die =EU standard? vertrags klausel*", "SCC"),
                ("daten", "DATEN"),
                ("personenbezogene daten", "PD"),
                ("verletzung* des schutzes personenbezogener daten", "BREACH"),
                ("übermitt* außerhalb der eu|ewr", "OUT"),
            ],
            [
                "Der Daten Schutz Beauftragte meldet eine Verletzung des Schutzes personenbezogener Daten in den",
                "Vereinigten Staaten.",
                "Wir übermitteln außerhalb der EU personenbezogene Daten auf Grundlage der die EU Vertrags Klauseln",
                "in den Vereinigten Staaten und Daten; die EU Standard Vertrags Klauseln.",
            ],
        ),
    ],
)
def test_matcher_anchor_choice_changes_no_match_nor_its_order(lang, phrases, blocks, monkeypatch):
    """Each variant is sought from its most specific word ("officer", not "data"): the matches, their order and the
    longest variant of a phrase are those found from the first word, also where a phrase's last words open the next
    block ("in the" | "United States") and where a block opens with a phrase's later words."""
    nlp = spacy.blank(lang)
    lexicon = compile_lexicon(phrases, nlp.tokenizer)
    matcher = LexiconMatcher(lexicon)
    assert matcher._anchor.any()  # some variants are not anchored at their first word
    reference = _first_word_anchored(lexicon, monkeypatch)
    analysis = analyse_blocks(nlp, blocks)
    found = _arrays(matcher, analysis)
    assert found == _arrays(reference, analysis)
    labels = {matcher.labels[c] for c in found[0]}
    assert {"US", "SCC", "OUT"} <= labels
    # "in the" | "United States" ends one block and opens the next: not one phrase.
    whole = analyse_blocks(nlp, [" ".join(blocks)])
    assert _arrays(matcher, whole) == _arrays(reference, whole)
    assert found[0].count(matcher.labels.index("US")) < _arrays(matcher, whole)[0].count(matcher.labels.index("US"))


def analyse_blocks(nlp, blocks: list[str]) -> TokenArrays:
    """The tokens of ``blocks`` as one document's arrays, each block ending where its tokens end."""
    docs = [nlp.make_doc(text) for text in blocks]
    arrays = [TokenArrays.of_doc(doc) for doc in docs]
    sizes = np.array([len(doc) for doc in docs])
    ends = np.cumsum(sizes)
    return TokenArrays(
        np.concatenate([a.orth for a in arrays]),
        np.concatenate([a.lower for a in arrays]),
        np.repeat(ends, sizes),
        nlp.vocab.strings,
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_matcher_anchor_choice_changes_nothing_on_the_lexicon(scanner, lang, monkeypatch):
    """The pipeline's own cue and country lexicons give the same matches in the same order whichever word of a
    variant it is sought from, on the sentences above and on corpora-like blocks."""
    nlp = scanner.pipeline(lang)
    analysis = analyse(nlp, [*SENTENCES[lang], *SENTENCES["en" if lang == "de" else "de"]])
    for component in (CUES, COUNTRIES):
        phrases = [tuple(p) for p in nlp.get_pipe_config(component)["phrases"]]
        lexicon = compile_lexicon(phrases, nlp.tokenizer)
        matcher = LexiconMatcher(lexicon)
        assert _arrays(matcher, analysis.tokens) == _arrays(_first_word_anchored(lexicon, monkeypatch), analysis.tokens)


@pytest.mark.parametrize(
    ("lang", "phrase", "text", "found"),
    [
        ("en", "other processors|sub-processors", "our other sub-processors", True),
        ("en", "third-countr*", "third-country recipients", True),
        ("en", "=BCR-*", "the BCR-C apply", True),
        ("en", "us|u.s. companies", "U.S. companies", True),
        ("de", "us|u.s. companies", "U.S. companies", True),
        ("de", "=Safe-Harbor*", "das Safe-Harbor-Abkommen", True),
        ("de", "2000/520*", "Entscheidung 2000/520/EG", True),
        ("en", "other processors|sub-processors", "our other sub processors", False),
    ],
)
def test_matcher_alternatives_and_wildcards_split_as_the_text_is(lang, phrase, text, found):
    """An alternative or a wildcard word that the tokenizer splits ("sub-processors", "third-countr*" in English, "2000/520*"
    in German) matches the text split the same way; the unsplit form stays for words one token in running text
    ("U.S.")."""
    nlp = spacy.blank(lang)
    matcher = Matcher(nlp.vocab)
    matcher.add("P", compile_phrase(phrase, nlp.tokenizer))
    assert bool(matcher(nlp.make_doc(text))) is found
