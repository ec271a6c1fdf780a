"""NLP stage: tokenizer, sentences and lexicon matching in English and German."""

from __future__ import annotations

import pytest


def _labels(doc):
    return {(s.text, s.label_) for s in doc.spans["dpcheck"]}


def test_nlp_legal_abbreviations_do_not_split_sentences(scanner):
    """Art., Abs., lit., Ziff., Nr., Sec., para., No. stay inside their sentence."""
    de = scanner.pipeline("de")("Gemäß Art. 46 Abs. 2 lit. c DSGVO und Ziff. 4 Nr. 5 gilt dies. Zweiter Satz.")
    assert len(list(de.sents)) == 2
    en = scanner.pipeline("en")("See Sec. 7.2, para. 3 and No. 5 of Art. 28 GDPR. Second sentence.")
    assert len(list(en.sents)) == 2
    assert "Art." in [t.text for t in en]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Übermittlungen in Drittländer sind möglich.", "THIRD_COUNTRY"),
        ("Wir setzen Unterauftragsverarbeitern Fristen.", "SUBPROCESSOR"),
        ("Es gelten die Standardvertragsklauseln.", "MECH:scc"),
        ("Es gelten die EU-Standarddatenschutzklauseln.", "MECH:scc"),
        ("Es besteht ein Angemessenheitsbeschluss.", "MECH:adequacy_decision"),
        ("Transfers rely on the standard contractual clauses.", "MECH:scc"),
        ("The EU-U.S. Data Privacy Framework applies.", "MECH:dpf"),
        ("Binding Corporate Rules apply.", "MECH:bcr"),
    ],
)
def test_nlp_cues_match_inflected_and_compound_forms(scanner, text, label):
    """German compounds and inflections match like their English counterparts."""
    lang = "de" if any(ch in text for ch in "äöüÜ") or text.startswith(("Es", "Wir")) else "en"
    doc = scanner.pipeline(lang)(text)
    assert label in {s.label_ for s in doc.spans["dpcheck"]}


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("de", "Daten werden in den Vereinigten Staaten gespeichert.", "US"),
        ("de", "Wir nutzen US-amerikanische Anbieter.", "US"),
        ("de", "Server stehen in Großbritannien und in der Schweiz.", "GB"),
        ("de", "Ein Dienstleister sitzt in Indien.", "IN"),
        ("en", "Data is hosted in the USA.", "US"),
        ("en", "Our provider in the U.K. processes data.", "GB"),
        ("en", "Support staff in India may access it.", "IN"),
    ],
)
def test_nlp_countries_resolve_to_iso_codes(scanner, lang, text, code):
    """Country names, aliases and inflected forms become ISO 3166-1 alpha-2 codes."""
    doc = scanner.pipeline(lang)(text)
    assert code in {e.kb_id_ for e in doc.ents}


def test_nlp_pronoun_us_is_not_a_country(scanner):
    """ "contact us" is not the United States."""
    doc = scanner.pipeline("en")("Please contact us if you have questions.")
    assert not doc.ents


def test_nlp_language_detection_per_document(scanner):
    """Language is detected from the text itself."""
    assert scanner.detect_language("Wir übermitteln Ihre Daten nur auf Grundlage der Standardvertragsklauseln.") == "de"
    assert scanner.detect_language("We only transfer your data under the standard contractual clauses.") == "en"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We transfer usage data to companies of the Yahoo! group worldwide."),
        ("de", "Wir übermitteln Nutzungsdaten an Unternehmen der Yahoo! Konzerngruppe weltweit."),
    ],
)
def test_nlp_brand_exclamation_mark_does_not_split_sentence(scanner, lang, text):
    """ "Yahoo!" is part of a name: the transfer statement stays one sentence and stays open."""
    assert len(list(scanner.pipeline(lang)(text).sents)) == 1
    report = scanner.scan_text(text, language=lang)
    assert {t.destination for t in report.transfers} == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    "text",
    [
        "Wir übermitteln Ihre Daten nur auf Grundlage der Standardvertragsklauseln.",
        "We only transfer your data under the standard contractual clauses.",
        "Nous transférons vos données vers des pays tiers sur la base des clauses contractuelles types.",
        "DATA PROCESSING AGREEMENT",
        "QWxsZSBEYXRlbiBibGVpYmVuIGluIGRlciBFVQ==",  # no language at all
        "Auftragsverarbeitung nach Art. 28 DSGVO; processing under Art. 28 GDPR.",
        "",
    ],
)
def test_nlp_language_cut_model_scores_as_the_full_model(text, tmp_path, monkeypatch):
    """The model cut to the candidate languages ranks them with the full model's scores, and the
    whole model kept in the cache folder (once) ranks all languages as the bundled one does."""
    import py3langid.langid as langid

    from dpcheck.nlp.language import CANDIDATES, LanguageDetector

    monkeypatch.setenv("DPCHECK_CACHE_DIR", str(tmp_path))
    full = langid.LanguageIdentifier.from_model_file(str(langid.MODEL_DIR / langid.MODEL_FILE), norm_probs=True)
    every = full.rank(text)
    full.set_languages(CANDIDATES)
    for _ in range(2):  # cut from the bundled model, then read back from the cache folder
        detector = LanguageDetector()
        assert detector._identifier.rank(text) == full.rank(text)
        assert detector._any.rank(text) == every
    assert len(list((tmp_path / "compiled").glob("langid-*.npz"))) == 1
    # One model in memory: the cut identifier walks the same automaton as the whole one.
    assert detector._identifier._walk is detector._any._walk


@pytest.mark.parametrize(
    "text",
    [
        "Wir übermitteln personenbezogene Daten an Unterauftragsverarbeiter außerhalb der EU (Art. 46 DSGVO).",
        "We pass personal data on to sub-processors outside the EEA under Art. 46 GDPR; see Annex III.",
        "Straße",  # fewer bytes than the automaton's depth
        "",
        "§§ 1–3 ÄÖÜ äöü ß „Anführung“ — «guillemets» 日本語 😀",
    ],
)
def test_nlp_language_walk_finds_py3langids_features(text):
    """Every byte's state found at once gives py3langid's features with their counts, in its order."""
    import random

    import py3langid.langid as langid

    from dpcheck.nlp.language import LanguageDetector

    walk = LanguageDetector()._any._walk
    assert walk.depth == 6
    # py3langid's own walk, one byte at a time, over the same automaton
    nextmove, rowbase, output = walk.nextmove.tolist(), walk.rowbase.tolist(), walk.output.tolist()
    rng = random.Random(text)
    noise = bytes(rng.randrange(256) for _ in range(300))
    encoded = text.encode("utf8")
    for data in (encoded, encoded * 40, noise, noise + encoded):
        expected = langid.visit_counts(nextmove, rowbase, output, data)
        found = walk(data)
        assert found == expected
        assert list(found or ()) == list(expected or ())


def test_nlp_language_damaged_model_file_is_made_again(tmp_path, monkeypatch):
    """A damaged or tampered model file in the cache folder is ignored and written anew."""
    import numpy as np

    from dpcheck.nlp.language import LanguageDetector

    monkeypatch.setenv("DPCHECK_CACHE_DIR", str(tmp_path))
    LanguageDetector()
    files = sorted((tmp_path / "compiled").glob("langid-*.npz"))
    for stored in files:
        arrays = dict(np.load(stored))
        arrays["nextmove"] = arrays["nextmove"] + np.uint32(10**7)  # would index out of bounds
        np.savez(stored, **arrays)
    assert LanguageDetector().detect("Wir übermitteln Ihre Daten nur auf Grundlage der Klauseln.") == "de"
    for stored in files:
        assert int(np.load(stored)["nextmove"].max()) < len(np.load(stored)["output"])
        stored.write_bytes(b"not a zip file")
    detector = LanguageDetector()
    assert detector.detect("We only transfer your data under the standard contractual clauses.") == "en"
    assert detector.unread("We only transfer your data under the standard contractual clauses.") is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our processor is Example LLC, 12 Harbor Ave. North, Suite 3, Springfield, USA. Second sentence."),
        ("en", "Write to Example Inc., 5 Lake Blvd. West, Ste. 200, Austin, Texas. Second sentence."),
        ("de", "Anbieter ist die Beispiel GmbH, Hauptstr. 5, 10115 Berlin. Zweiter Satz."),
        ("en", "Our analytics provider is Example LLC, ul. Lesnaya 5, 125047 Moscow, Russia. Second sentence."),
        ("de", "Anbieter ist die Beispiel Ltda., Av. Paulista 1000, São Paulo, Brasilien. Zweiter Satz."),
    ],
)
def test_nlp_street_abbreviations_do_not_split_an_address(scanner, lang, text):
    """Street and suite abbreviations in a postal address stay inside the sentence naming it."""
    assert len(list(scanner.pipeline(lang)(text).sents)) == 2


@pytest.mark.parametrize("component", ["dpcheck_cues_v1", "dpcheck_countries_v1"])
@pytest.mark.parametrize(
    "phrases",
    [
        [["Standardvertragsklauseln", "MECH:scc"], ["standard contractual clauses", 46]],
        [("outside the EEA", "OUT")],
        "standard contractual clauses",
    ],
)
def test_nlp_component_phrases_must_be_lists_of_strings(component, phrases):
    """A component's ``phrases`` config that is not a list of lists of strings is confection's config error,
    naming the component (the factories check the items themselves, confection only the list)."""
    import spacy
    from spacy.util import ConfigValidationError

    nlp = spacy.blank("de")
    with pytest.raises(ConfigValidationError, match=component):
        nlp.add_pipe(component, config={"phrases": phrases})


@pytest.mark.parametrize("lang", ["en", "de"])
def test_nlp_component_built_from_its_config_matches(lang):
    """A component built from a config of [phrase, label] lists finds its phrases (EN and DE)."""
    import spacy

    nlp = spacy.blank(lang)
    nlp.add_pipe(
        "dpcheck_cues_v1",
        config={"phrases": [["standard contractual clauses", "MECH:scc"], ["Standardvertragsklauseln", "MECH:scc"]]},
    )
    text = "Es gelten die Standardvertragsklauseln." if lang == "de" else "We rely on standard contractual clauses."
    assert _labels(nlp(text)) == {
        ("Standardvertragsklauseln" if lang == "de" else "standard contractual clauses", "MECH:scc")
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "See Art. 28(3)(a) GDPR, Sec. 7.2 para. 3, e.g. the SCCs (Module 2) at https://example.com/scc."),
        ("en", "Acme Inc. (Hauptstr. 5, Berlin) isn't a U.S. company; it's in the EU-U.S. DPF."),
        ("de", "Gemäß Art. 46 Abs. 2 lit. c DSGVO bzw. Ziff. 4 Nr. 5 z.B. die Bahnhofstr. 12 in Köln."),
        ("de", "Die Acme GmbH & Co. KG übermittelt Daten i.S.d. Art. 44 ff. DSGVO (vgl. Anl. 3)."),
    ],
)
def test_nlp_tokenizer_is_the_one_set_up_setting_by_setting(scanner, lang, text):
    """The pipeline's tokenizer, its special cases loaded once after its infixes and token match are set, splits
    text as a blank tokenizer given the same infixes, abbreviations and token match one by one does."""
    import spacy
    from spacy.attrs import ORTH

    from dpcheck.nlp.pipeline import _OPEN_BRACKET_INFIX, STREET_ABBREVIATION

    nlp = spacy.blank(lang)
    infixes = list(nlp.Defaults.infixes or []) + [_OPEN_BRACKET_INFIX]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
    for abbr in scanner.ruleset.lexicon["abbreviations"].get(lang, []):
        if " " not in abbr:
            for form in {abbr, abbr[0].upper() + abbr[1:], abbr.lower()}:
                nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    nlp.tokenizer.token_match = STREET_ABBREVIATION.match
    built = scanner.pipeline(lang).tokenizer
    assert [t.text for t in built(text)] == [t.text for t in nlp.tokenizer(text)]
    assert dict(built.rules) == dict(nlp.tokenizer.rules)


@pytest.mark.parametrize("depth", [None, 0, 1000])
def test_nlp_language_model_file_without_a_sound_depth_is_made_again(tmp_path, monkeypatch, depth):
    """A model file in the cache folder whose walk depth is missing or out of range is written anew."""
    import numpy as np

    from dpcheck.nlp.language import LanguageDetector

    monkeypatch.setenv("DPCHECK_CACHE_DIR", str(tmp_path))
    LanguageDetector()
    (stored,) = (tmp_path / "compiled").glob("langid-*.npz")
    arrays = dict(np.load(stored))
    if depth is None:
        del arrays["depth"]
    else:
        arrays["depth"] = np.array(depth)
    np.savez(stored, **arrays)
    detector = LanguageDetector()
    assert detector._any._walk.depth == 6 and int(np.load(stored)["depth"]) == 6
    assert detector.detect("Wir übermitteln Ihre Daten nur auf Grundlage der Klauseln.") == "de"
    assert detector.detect("We only transfer your data under the standard contractual clauses.") == "en"


def test_nlp_tokenizer_keeps_chunks_past_spacys_ten_thousand(scanner):
    """The tokenizer keeps more chunks than spaCy's default, and a chunk read from what it kept splits as a fresh
    tokenizer splits it (after a special case in the same text spaCy keeps nothing, as before)."""
    import spacy

    from dpcheck.nlp.pipeline import TOKENIZER_CACHE

    built = scanner.pipeline("en").tokenizer
    assert built.max_cache_size == TOKENIZER_CACHE > 10_000
    words = [f"w{i}x(y)," for i in range(12_000)]
    first = [[t.text for t in built(" ".join(words[i : i + 100]))] for i in range(0, len(words), 100)]
    again = [[t.text for t in built(" ".join(words[i : i + 100]))] for i in range(0, len(words), 100)]
    fresh = spacy.blank("en")
    fresh.tokenizer.infix_finditer = built.infix_finditer
    fresh.tokenizer.token_match = built.token_match
    assert (
        again
        == first
        == [[t.text for t in fresh.tokenizer(" ".join(words[i : i + 100]))] for i in range(0, len(words), 100)]
    )
