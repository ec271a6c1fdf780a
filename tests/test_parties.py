"""Parties: the vendor a document names, and the agreement an addendum says it amends."""

from __future__ import annotations

import random
import re

import pytest

from dpcheck import ingest
from dpcheck.extract import Lexicon, extract


@pytest.fixture(scope="module")
def read(scanner):
    lexicon = Lexicon.from_data(scanner.ruleset.lexicon)

    def read(text, lang, fmt="text"):
        document = ingest.load_text(text, format=fmt)
        return extract(document, scanner.pipeline(lang), lexicon, scanner.ruleset.facts.eea_places)

    return read


@pytest.mark.parametrize(
    ("lang", "text", "vendor"),
    [
        (
            "en",
            'This agreement is made between the customer ("Customer") and Quillfeather Ltd ("Processor").',
            "Quillfeather Ltd",
        ),
        (
            "de",
            "Dieser Vertrag wird geschlossen zwischen dem Kunden (nachfolgend „Auftraggeber“) und der "
            "Wolkenbank GmbH (nachfolgend „Auftragnehmer“).",
            "Wolkenbank GmbH",
        ),
        ("en", 'Lanternfish Inc. ("Lanternfish", "we", "us") provides the service described here.', "Lanternfish Inc."),
        ("en", "Quillfeather Ltd is acting as your Processor for the data you upload.", "Quillfeather Ltd"),
        ("en", "In this notice, we and us refers to Harbourlight Pty Ltd.", "Harbourlight Pty Ltd"),
        (
            "de",
            "Verantwortlicher im Sinne der DSGVO ist die Backstube Krume GmbH, Bäckerweg 4, 12345 Teigstadt.",
            "Backstube Krume GmbH",
        ),
    ],
)
def test_parties_vendor_named_in_a_sentence(read, lang, text, vendor):
    """The vendor is the party a sentence introduces as processor, provider, "we" or controller."""
    found = read(text, lang).vendor
    assert found is not None and found.value == vendor


def test_parties_vendor_under_a_controller_heading(read):
    """A heading "Verantwortlich" is followed by the line that opens with the controller's name."""
    text = "# Datenschutz\n\n## 1. Verantwortlich\n\nBackstube Krume GmbH, Bäckerweg 4, 12345 Teigstadt\n"
    found = read(text, "de", "markdown").vendor
    assert found is not None and found.value == "Backstube Krume GmbH"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", 'Quillfeather Ltd ("Customer") engages a processor for its payroll.'),
        ("en", "We value your privacy and process your data with care."),
        ("de", "Wir verarbeiten Ihre Daten nur, soweit es für den Dienst nötig ist."),
    ],
)
def test_parties_no_vendor_from_a_customer_or_no_company(read, lang, text):
    """A name introduced as the customer is never the vendor, and nothing is guessed without a company."""
    assert read(text, lang).vendor is None


def test_parties_most_named_company_is_the_vendor_of_last_resort(read):
    """With no sentence naming the vendor, the company named most often in the opening is taken, marked as such."""
    text = (
        "Harbourlight Pty Ltd publishes this notice. Harbourlight Pty Ltd keeps your account data. "
        "Payments pass through Coinpurse Inc."
    )
    found = read(text, "en").vendor
    assert found is not None and found.value == "Harbourlight Pty Ltd" and found.detail == "frequent"


@pytest.mark.parametrize(
    ("lang", "text", "target", "supplements"),
    [
        (
            "en",
            "This Data Transfer Addendum is incorporated by reference into the Data Processing Agreement between "
            "the parties.",
            "Data Processing Agreement",
            True,
        ),
        (
            "de",
            "Diese Anlage ist Bestandteil des Auftragsverarbeitungsvertrags zwischen den Parteien.",
            "Auftragsverarbeitungsvertrags",
            True,
        ),
        ("en", "This Supplement forms part of the Master Services Agreement.", "Master Services Agreement", False),
    ],
)
def test_parties_amended_agreement(read, lang, text, target, supplements):
    """An addendum that says it belongs to another agreement names it; a DPA amended is supplemented."""
    extraction = read(text, lang)
    assert extraction.amends is not None and extraction.amends.value == target
    assert extraction.supplements_dpa is supplements


def test_parties_annex_deep_inside_is_no_amendment(read):
    """Only the opening says what the document amends: an annex far down speaks of itself."""
    text = "We process data for you as described below. " * 120 + "This Appendix forms part of the Clauses."
    assert read(text, "en").amends is None


@pytest.mark.parametrize(
    "text",
    [
        "Quillfeather Ltd, Brightwave Hosting GmbH & Co. KG and Northgate Data Services Inc. process data.",
        "ACME.Cloud Ltd is no name; x Ferncloud Inc. and Ferncloud Inc.s neither; (Ferncloud Inc.)",
        "Die Wolkenbau GmbH, die Datenhaus AG und die Rechenwerk SE, Musterstraße 1, 10115 Berlin.",
        "Auftragnehmer ist die Beispiel Software Gesellschaft mbH; Kunde&Partner GmbH; ÄÖÜ Daten GmbH.",
    ],
)
def test_parties_company_pattern_finds_what_it_found_opening_with_its_look_behind(scanner, text):
    """The company pattern opens with its first capital (re then skips from capital to capital): it finds the
    names the former pattern, its look-behind first and the words as one repeat, found, in EN and DE text and in
    random text made of their pieces."""
    words = Lexicon.from_data(scanner.ruleset.lexicon).parties
    forms = sorted((str(f) for f in scanner.ruleset.lexicon["parties"]["legal_forms"]), key=len, reverse=True)
    form = "|".join(re.escape(f) for f in forms)
    former = re.compile(rf"(?<![\w&.])(?P<name>(?:[A-Z][\w&'’\-!]*[ ,]+){{1,4}}(?i:{form}))(?![\w&])")

    def found(pattern, text):
        return [(m.span(), m["name"]) for m in pattern.finditer(text)]

    assert found(words.company, text) == found(former, text) != []
    rng = random.Random(text)
    pieces = [*text.split(), *forms[:12], " ", ", ", ".", "&", "x", "A", "Z", "Ä", "-", "!", "’"]
    for _ in range(500):
        sample = "".join(rng.choice(pieces) + rng.choice(["", " ", ","]) for _ in range(rng.randint(1, 12)))
        assert found(words.company, sample) == found(former, sample), sample
