"""Readers run only on the sentences their plan names (dpcheck/extract/readers.py): a sentence
without a reader's anchors gives that reader nothing, and reading only the planned sentences finds
exactly what reading every sentence finds."""

from __future__ import annotations

import re
from dataclasses import fields

import pytest

from dpcheck import ingest
from dpcheck.extract import DEFAULT_READERS, Extraction, Lexicon, Reader, ReaderRegistry, extract
from dpcheck.extract.readers import Reading
from dpcheck.extract.sentences import Sentences, read_sentences
from dpcheck.extract.terms import SUBPROCESSOR_URL, SUBPROCESSOR_URL_PARTS
from dpcheck.scanner import iter_documents

# Per reader, sentences near its subject that lack its anchors (cue labels, places, layout; for
# terms also a sub-processor web address): the reader, run on them, finds nothing.
UNANCHORED = {
    # Words that only qualify a checklist element ("support", "you", "notify" without a breach) show none.
    "art28": {
        "en": "Our support team answers most questions on the same day. We will notify you when the office reopens.",
        "de": "Unser Support beantwortet die meisten Fragen am selben Tag. Wir benachrichtigen Sie, wenn das Büro wieder öffnet.",
    },
    "importer_addresses": {
        "en": "Example Cloud Ltd, 12 Harbour Road, London. Our office is in Berlin.",
        "de": "Beispiel Cloud GmbH, Hafenstraße 12, 10115 Berlin. Unser Büro liegt in London.",
    },
    "mechanisms": {
        "en": "We keep your files on our own servers. Backups run every night.",
        "de": "Wir bewahren Ihre Dateien auf eigenen Servern auf. Sicherungen laufen jede Nacht.",
    },
    "destinations": {
        "en": "We keep your files on our own servers. Backups run every night.",
        "de": "Wir bewahren Ihre Dateien auf eigenen Servern auf. Sicherungen laufen jede Nacht.",
    },
    "location_commitments": {
        "en": "We keep your files on our own servers in Germany. Backups run every night.",
        "de": "Wir bewahren Ihre Dateien auf eigenen Servern in Deutschland auf. Sicherungen laufen jede Nacht.",
    },
    "terms": {
        "en": "Invoices can be downloaded from the dashboard. Prices are shown in euros.",
        "de": "Rechnungen können im Dashboard heruntergeladen werden. Die Preise werden in Euro angezeigt.",
    },
    "transfers_addressed": {
        "en": "Invoices can be downloaded from the dashboard. The office is closed on public holidays.",
        "de": "Rechnungen können im Dashboard heruntergeladen werden. An Feiertagen ist das Büro geschlossen.",
    },
    "subject": {
        "en": "The garden looked lovely in May. The roses grew tall.",
        "de": "Der Garten sah im Mai schön aus. Die Rosen wuchsen hoch.",
    },
    "prose_recipients": {
        "en": "Acme Garden makes rakes. The roses grew tall.",
        "de": "Acme Gartengeräte verkauft Rechen. Die Rosen wuchsen hoch.",
    },
}
# Per reader, a sentence carrying its anchors, and finding something: the plan names it.
ANCHORED = {
    "art28": {
        "en": "The processor shall implement appropriate technical and organisational security measures.",
        "de": "Der Auftragsverarbeiter trifft geeignete technische und organisatorische Sicherheitsmaßnahmen.",
    },
    "importer_addresses": {
        "en": "Data importer: Example Cloud Inc.\n\n500 Market Street, San Francisco, United States.",
        "de": "Datenimporteur: Beispiel Cloud Inc.\n\n500 Market Street, San Francisco, USA.",
    },
    "mechanisms": {
        "en": "Transfers to the United States are based on the standard contractual clauses.",
        "de": "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln.",
    },
    "destinations": {
        "en": "Your data is transferred to our support team in India.",
        "de": "Ihre Daten werden an unser Support-Team in Indien übermittelt.",
    },
    "location_commitments": {
        "en": "Your data is not transferred outside the EEA.",
        "de": "Ihre Daten werden nicht außerhalb des EWR übermittelt.",
    },
    "terms": {
        "en": "We will inform you of any new sub-processor 30 days in advance.",
        "de": "Über neue Unterauftragsverarbeiter informieren wir Sie 30 Tage im Voraus.",
    },
    "transfers_addressed": {
        "en": "Your data is transferred to our support team in India.",
        "de": "Ihre Daten werden an unser Support-Team in Indien übermittelt.",
    },
    "subject": {
        "en": "This privacy policy explains how we process your personal data.",
        "de": "Diese Datenschutzerklärung erklärt, wie wir Ihre personenbezogenen Daten verarbeiten.",
    },
    "prose_recipients": {
        "en": "We measure visits with Acme Insight (our analytics provider).",
        "de": "Besuche messen wir mit Acme Insight (unser Analysedienstleister).",
    },
    "parties": {
        "en": 'This agreement is made with Example Cloud GmbH ("Processor").',
        "de": "Dieser Vertrag wird mit der Beispiel Cloud GmbH (nachfolgend „Auftragnehmer“) geschlossen.",
    },
}
READERS = {reader.name: reader for reader in DEFAULT_READERS}


def _every_sentence(reader: type[Reader]) -> type[Reader]:
    """``reader`` without a plan: it reads every sentence, as all readers did before plans."""
    return type(f"Unplanned{reader.__name__}", (reader,), {"plan": lambda self, reading: None})


def _reading(scanner, text: str, lang: str) -> Reading:
    document = ingest.load_text(text, name="x.txt")
    nlp = scanner.pipeline(lang)
    lexicon = Lexicon.from_data(scanner.ruleset.lexicon)
    return Reading(document, nlp, lexicon, scanner.ruleset.facts.eea_places, read_sentences(document, nlp))


def _plan(scanner, name: str, text: str, lang: str) -> list[bool]:
    reading = _reading(scanner, text, lang)
    reader = READERS[name]()
    reader.begin(reading)
    plan = reader.plan(reading)
    assert plan is not None and len(plan) == len(reading.sentences) > 0
    return plan.tolist()


def _extract(scanner, text: str, lang: str, registry: ReaderRegistry, **format: str) -> Extraction:
    return extract(
        ingest.load_text(text, name="x.md", **format),
        scanner.pipeline(lang),
        Lexicon.from_data(scanner.ruleset.lexicon),
        scanner.ruleset.facts.eea_places,
        doc_type="dpa",
        readers=registry,
    )


def _found(extraction: Extraction) -> dict[str, object]:
    return {f.name: getattr(extraction, f.name) for f in fields(extraction) if f.name != "doc_type"}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", sorted(UNANCHORED))
def test_anchors_a_sentence_without_them_gives_the_reader_nothing(scanner, name, lang):
    """A reader's plan leaves out sentences without its anchors, and reading them anyway finds nothing."""
    text = UNANCHORED[name][lang]
    assert not any(_plan(scanner, name, text, lang))
    alone = _extract(scanner, text, lang, ReaderRegistry([_every_sentence(READERS[name])]))
    assert _found(alone) == _found(_extract(scanner, text, lang, ReaderRegistry()))


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("name", sorted(ANCHORED))
def test_anchors_a_sentence_with_them_is_read(scanner, name, lang):
    """A sentence carrying a reader's anchors is in its plan, and the reader finds something there."""
    text = ANCHORED[name][lang]
    assert any(_plan(scanner, name, text, lang))
    alone = _extract(scanner, text, lang, ReaderRegistry([READERS[name]]))
    assert _found(alone) != _found(_extract(scanner, text, lang, ReaderRegistry()))


# The sentences a reader keeps in mind across others, with sentences no plan names in between.
CONTEXT = {
    "en": (
        "# Requests from public authorities\n\n"
        "If a government authority requests Customer Data, we will notify Customer of:\n\n"
        "- (a) the request, unless the law forbids it;\n"
        "- (b) the weather in the region;\n"
        "- (c) any order we receive.\n\n"
        "Customer may object. We will challenge such a request. The office is closed on holidays.\n\n"
        "## Subject matter\n\nThe garden looked lovely in May.\n\n"
        "Data importer: Example Cloud Inc.\n\nThe roses grew tall.\n\n500 Market Street, San Francisco, United States.\n\n"
        "We transfer data to third countries only with safeguards. For example, Example Cloud Inc., seated in the "
        "United States, hosts our backups. The roses grew tall. For example, Beispiel AG in Japan receives none.\n\n"
        "| Name | Location |\n|---|---|\n| Example Cloud | United States |\n\n"
        "In particular, Acme Ltd in Canada receives support tickets.\n\n"
        "## Service providers\n\nWe use the following service providers who process data on our behalf:\n\n"
        "- Acme Mail - newsletters\n- Beispiel Hosting: servers\n- You may ask us for more.\n- Cobalt Desk - tickets\n\n"
        "### Acme Insight\n\nPurpose: measuring visits. Location: Ireland."
    ),
    "de": (
        "# Anfragen von Behörden\n\n"
        "Fordert eine Behörde Kundendaten an, informieren wir den Auftraggeber über:\n\n"
        "- (a) die Anfrage, soweit das Gesetz es erlaubt;\n"
        "- (b) das Wetter in der Region;\n"
        "- (c) jede Anordnung, die wir erhalten.\n\n"
        "Der Kunde kann widersprechen. Wir fechten eine solche Anfrage an. An Feiertagen ist das Büro geschlossen.\n\n"
        "## Gegenstand\n\nDer Garten sah im Mai schön aus.\n\n"
        "Datenimporteur: Beispiel Cloud Inc.\n\nDie Rosen wuchsen hoch.\n\n500 Market Street, San Francisco, USA.\n\n"
        "Wir übermitteln Daten nur mit Garantien in Drittländer. Dies betrifft insbesondere die Beispiel Cloud Inc. "
        "mit Sitz in den USA. Die Rosen wuchsen hoch. Dies betrifft insbesondere die Beispiel AG in Japan.\n\n"
        "| Name | Standort |\n|---|---|\n| Beispiel Cloud | USA |\n\n"
        "Insbesondere die Acme Ltd in Kanada erhält Tickets.\n\n"
        "## Dienstleister\n\nWir setzen die folgenden Dienstleister ein, die Daten in unserem Auftrag verarbeiten:\n\n"
        "- Acme Mail - Newsletter\n- Beispiel Hosting: Server\n- Mehr erfahren Sie auf Anfrage.\n- Cobalt Desk - Tickets\n\n"
        "### Acme Insight\n\nZweck: Messung von Besuchen. Standort: Irland."
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_anchors_planned_reading_finds_what_reading_every_sentence_finds(scanner, lang):
    """Readers that remember earlier sentences (a topic, a lead-in, the sentence before, a heading, an
    importer's name, a list's lead-in) find the same on their plans as on every sentence."""
    planned = _extract(scanner, CONTEXT[lang], lang, DEFAULT_READERS, format="markdown")
    every = _extract(
        scanner, CONTEXT[lang], lang, ReaderRegistry(map(_every_sentence, DEFAULT_READERS)), format="markdown"
    )
    assert _found(planned) == _found(every)
    reasons = {(m.evidence.quote[:3], m.evidence.reason.split(" (")[0]) for m in planned.mentions}
    # A list item without anchors, read for its lead-in; an address a line below the importer's name.
    assert any(quote == "(b)" for quote, _ in reasons)
    assert any(reason.endswith("in the address of a data importer") for _, reason in reasons)
    assert any("given as an example of the transfer before" in reason for _, reason in reasons)
    # Items after a lead-in naming processors, up to the first naming none; a heading heading an entry.
    assert [r.name for r in planned.recipients][1:] == ["Acme Mail", "Beispiel Hosting", "Acme Insight"]


def test_anchors_planned_reading_matches_every_sentence_on_corpora(scanner, corpora):
    """On every corpora/ document, extraction on the readers' plans equals extraction on every sentence."""
    every_sentence = ReaderRegistry(map(_every_sentence, DEFAULT_READERS))
    lexicon = Lexicon.from_data(scanner.ruleset.lexicon)
    for path in iter_documents([corpora]):
        document = ingest.load(path)
        nlp = scanner.pipeline(scanner.detect_language(document.text))
        eea = scanner.ruleset.facts.eea_places
        planned = extract(document, nlp, lexicon, eea)
        assert _found(planned) == _found(extract(document, nlp, lexicon, eea, readers=every_sentence)), path.name


@pytest.mark.parametrize("lang", ["en", "de"])
def test_anchors_parties_are_read_until_the_vendor_is_named(scanner, lang, monkeypatch):
    """The vendor is sought sentence by sentence until one names it; past the opening nothing more is read."""
    filler = {"en": " The roses grew tall in the garden.", "de": " Die Rosen wuchsen hoch im Garten."}[lang] * 150
    text = ANCHORED["parties"][lang] + filler
    plan = _plan(scanner, "parties", text, lang)
    assert plan[0] and not plan[-1]
    built: list[int] = []
    make = Sentences._make
    monkeypatch.setattr(Sentences, "_make", lambda self, i: built.append(i) or make(self, i))
    alone = _extract(scanner, text, lang, ReaderRegistry([READERS["parties"]]))
    assert [m.value for m in alone.mentions] == ["Example Cloud GmbH" if lang == "en" else "Beispiel Cloud GmbH"]
    assert built == [i for i, planned in enumerate(plan) if planned]
    late = {"en": " Today we are acting as your processor.", "de": " Wir handeln als Ihr Auftragsverarbeiter."}[lang]
    unnamed = filler + late + filler
    every = ReaderRegistry([_every_sentence(READERS["parties"])])
    assert _found(_extract(scanner, unnamed, lang, ReaderRegistry([READERS["parties"]]))) == _found(
        _extract(scanner, unnamed, lang, every)
    )


def test_anchors_sentences_left_out_are_never_built(scanner, monkeypatch):
    """With readers that plan, extract() builds only the sentences some plan names."""
    built: list[int] = []
    make = Sentences._make
    monkeypatch.setattr(Sentences, "_make", lambda self, i: built.append(i) or make(self, i))
    planning = ReaderRegistry(READERS[name] for name in ("mechanisms", "destinations"))
    text = ANCHORED["destinations"]["en"] + " " + UNANCHORED["destinations"]["en"]
    _extract(scanner, text, "en", planning)
    assert built == [0]


@pytest.mark.parametrize(
    ("pattern", "parts"),
    [
        (re.compile(r"sub-?processors?", re.I), ()),
        (re.compile(r"\([^()]{0,20}?\""), ()),
        (SUBPROCESSOR_URL, SUBPROCESSOR_URL_PARTS),
    ],
    ids=["words", "bracket", "url"],
)
def test_anchors_matching_finds_what_each_sentence_search_finds(scanner, pattern, parts):
    """Sentences.matching agrees with searching each sentence's text for patterns that look at nothing beyond."""
    text = (
        'Acme Ltd ("Processor") uses sub-processors. Nothing here. (see "Annex 3") Our SUBPROCESSOR list. '
        "See example.com/legal/ſubprocessors for details. Unterauftragnehmer sind gelistet."
    )
    sentences = _reading(scanner, text, "en").sentences
    assert sentences.matching(pattern, parts).tolist() == [bool(pattern.search(s.text)) for s in sentences]
    assert any(sentences.matching(pattern, parts)) and not all(sentences.matching(pattern, parts))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We use sub-processors. Nothing here. Our list is at example.com/subprocessors. Subcontractors too."),
        ("de", "Wir setzen Unterauftragnehmer ein. Sonst nichts. Die Liste steht unter example.com/unterauftrag."),
    ],
)
def test_anchors_a_sentence_matches_as_the_document_answered_once(scanner, lang, text):
    """Sentence.matches answers from Sentences.matching, worked out once per document and kept read-only: as
    searching the sentence's text (the terms reader asks it of the sentences its plan found that way)."""
    sentences = _reading(scanner, text, lang).sentences
    kept = sentences.matching(SUBPROCESSOR_URL, SUBPROCESSOR_URL_PARTS)
    assert sentences.matching(SUBPROCESSOR_URL, SUBPROCESSOR_URL_PARTS) is kept and not kept.flags.writeable
    answers = [s.matches(SUBPROCESSOR_URL, SUBPROCESSOR_URL_PARTS) for s in sentences]
    assert answers == [bool(SUBPROCESSOR_URL.search(s.text)) for s in sentences]
    assert any(answers) and not all(answers)


def test_anchors_every_subprocessor_address_opens_with_its_parts():
    """Each way SUBPROCESSOR_URL can match opens with one of SUBPROCESSOR_URL_PARTS, so texts without them are skipped."""
    group = re.match(r"\((.*?)\)", SUBPROCESSOR_URL.pattern)
    assert group is not None
    assert all(branch.casefold().startswith(SUBPROCESSOR_URL_PARTS) for branch in group.group(1).split("|"))
