"""Gates in front of the destinations' rules (dpcheck.extract.destinations): a sentence that cannot give
anything is answered before its roles are worked out, and gives what the rules give."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpcheck import ingest
from dpcheck.extract import destinations
from dpcheck.extract.roles import assign, may_state_transfer
from dpcheck.extract.sentences import read_sentences
from dpcheck.walk import iter_documents

TEXTS = {
    "en": (
        "We transfer your data to our service providers. Our servers are located in Ireland. "
        "The laws of Japan differ from ours. Our partner in Pune, India, which receives the data, helps us."
    ),
    "de": (
        "Wir übermitteln Ihre Daten an unsere Dienstleister. Unsere Server stehen in Irland. "
        "Das Recht Japans unterscheidet sich von unserem. Unser Partner in Pune, Indien, der die Daten erhält, hilft uns."
    ),
}


def _sentences(scanner, lang):
    document = ingest.load_text(TEXTS[lang], name="policy.txt", format="text")
    return list(read_sentences(document, scanner.pipeline(lang)))


def _counting_assign(monkeypatch):
    asked = []
    monkeypatch.setattr(destinations, "assign", lambda *a, **k: asked.append(a[0]) or assign(*a, **k))
    return asked


@pytest.mark.parametrize("lang", ["en", "de"])
def test_locates_data_without_a_place_asks_no_roles(scanner, lang, monkeypatch):
    unplaced, placed = _sentences(scanner, lang)[:2]
    lexicon = scanner._lexicon
    assert not unplaced.places and placed.places
    expected = [destinations.locates_data(s, lexicon.words, lexicon.roles) for s in (unplaced, placed)]
    assert expected == [False, True]
    asked = _counting_assign(monkeypatch)
    assert [destinations.locates_data(s, lexicon.words, lexicon.roles) for s in (unplaced, placed)] == expected
    assert asked == [placed]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_destinations_of_a_place_no_role_can_move_data_to_ask_no_roles(scanner, lang, monkeypatch):
    """ "The laws of Japan differ": a place, no transfer cue, no word of handling; the seated partner's relative
    clause ("which receives the data") may state a transfer and is read."""
    lexicon = scanner._lexicon
    sentences = _sentences(scanner, lang)
    law, partner = sentences[2], sentences[3]
    assert law.places and not may_state_transfer(law, lexicon.roles)
    assert may_state_transfer(partner, lexicon.roles)
    asked = _counting_assign(monkeypatch)
    assert destinations.destination_mentions(law, False, set(), lexicon.words, lexicon.roles) == []
    assert law not in asked


def test_may_state_transfer_holds_wherever_roles_state_one(scanner):
    """The gate is a necessary condition of ``states_transfer`` on every sentence with a place of ``corpora/``."""
    roles = scanner._lexicon.roles
    checked = 0
    for path in iter_documents([Path(__file__).parent.parent / "corpora"], follow_symlinks=True):
        document = ingest.load(path)
        lang = scanner.detect_language(document.text)
        for sentence in read_sentences(document, scanner.pipeline(lang)):
            if sentence.places and assign(sentence, roles).states_transfer:
                checked += 1
                assert may_state_transfer(sentence, roles), sentence.text
    assert checked > 50
