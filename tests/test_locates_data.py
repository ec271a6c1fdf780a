"""Whether a sentence says where data is (dpcheck.extract.destinations.locates_data): a sentence without a
place locates nothing, and its roles are not worked out for it."""

from __future__ import annotations

import pytest

from dpcheck import ingest
from dpcheck.extract import destinations
from dpcheck.extract.sentences import read_sentences

TEXTS = {
    "en": "We transfer your data to our service providers. Our servers are located in Ireland.",
    "de": "Wir übermitteln Ihre Daten an unsere Dienstleister. Unsere Server stehen in Irland.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_locates_data_without_a_place_asks_no_roles(scanner, lang, monkeypatch):
    document = ingest.load_text(TEXTS[lang], name="policy.txt", format="text")
    sentences = read_sentences(document, scanner.pipeline(lang))
    lexicon = scanner._lexicon
    unplaced, placed = sentences[0], sentences[1]
    assert not unplaced.places and placed.places
    expected = [destinations.locates_data(s, lexicon.words, lexicon.roles) for s in (unplaced, placed)]
    assert expected == [False, True]

    asked = []
    assign = destinations.assign
    monkeypatch.setattr(destinations, "assign", lambda *a, **k: asked.append(a[0]) or assign(*a, **k))
    again = [destinations.locates_data(s, lexicon.words, lexicon.roles) for s in (unplaced, placed)]
    assert again == expected
    assert asked == [placed]
