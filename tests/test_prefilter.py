"""A pattern searched only in text holding one of its needles (dpcheck/prefilter.py) answers as the pattern
does, on any text: the needles are words every match holds, in lower case."""

from __future__ import annotations

import random
import re

import pytest

from dpcheck.extract import Lexicon
from dpcheck.extract.evidence import EvidenceOrder
from dpcheck.extract.mechanisms import DISAVOWAL
from dpcheck.extract.periods import _PERIOD_WORD, DAYS, WEEKS
from dpcheck.extract.sentences import _RECIPIENTS, _SUBPROCESSOR_HEADING, _TRANSFER_HEADING
from dpcheck.extract.terms import SUBPROCESSOR_URL
from dpcheck.prefilter import Prefiltered, _apart_finder, _compiler, _folded_apart, finder, prefilter

NEEDLES = [
    # A literal run, an alternation of runs, a group repeated at least once; the longest shortest needle wins.
    (r"\bdata (?:is|are) transferred\b", (" transferred",)),
    (r"(?i:transfer|übermittl)\w*", ("transfer", "übermittl")),
    (r"(?:sub-?)+processor", ("processor",)),
    (r"(?:we|us) (?:refer|mean)s? to", ("mean", "refer")),
    (r"Processor|Auftragsverarbeiter", ("auftragsverarbeiter", "processor")),
    # A needle holding another is left out: a text holding it holds the other.
    (r"\b(?:means|mean|shall mean|refers? to)\b", ("mean", "refer")),
    (r"(?:sub-?processors?|processors)\b", ("processor",)),
]
# No needle of three characters every match holds: the pattern is searched as it is.
NO_NEEDLES = [r"\bAG\b|\bSE\b", r"(?:processor)?\d+", r"[A-Z]\w+ (?:Ltd|GmbH)?", r"(?=processor)", r"(?!x)"]


@pytest.mark.parametrize(("source", "needles"), NEEDLES)
def test_prefilter_needles_every_match_holds(source: str, needles: tuple[str, ...]) -> None:
    """The needles of a pattern are the lower-case words one of which every match holds."""
    found = prefilter(re.compile(source))
    assert isinstance(found, Prefiltered)
    assert found.needles == needles


@pytest.mark.parametrize("source", NO_NEEDLES)
def test_prefilter_without_needles_keeps_the_pattern(source: str) -> None:
    """A pattern with no long enough word in every match is searched as it is."""
    pattern = re.compile(source)
    assert prefilter(pattern) is pattern


@pytest.mark.parametrize(
    "text",
    [
        "Acme Ltd is acting as your processor.",
        "ACME GMBH IST ALS AUFTRAGSVERARBEITER TÄTIG.",
        "Die Acme GmbH handelt als Ihr Auftragsverarbeiter.",
        # Folded by re, not by str.lower: long s, dotless i, capital I with a dot, the Kelvin sign.
        "Acme acts as proceſsor.",
        "We do not rely on the ſCCs; we are a controller under Article 28.",
        "ACME İS ACTİNG AS PROCESSOR",
        "Acme ıs actıng as processor",
        "Acme acts as a data \u212aeeper and processor",
    ],
)
def test_prefilter_answers_as_the_pattern(text: str) -> None:
    """Search, match and finditer give what the pattern gives, folded letters included."""
    pattern = re.compile(
        r"(?:is|ist|acts?) (?:als |as )?(?:your |ihr |a )?(?:data )?(?:processor|auftragsverarbeiter)", re.IGNORECASE
    )
    filtered = prefilter(pattern)
    assert isinstance(filtered, Prefiltered)
    assert _span(filtered.search(text)) == _span(pattern.search(text))
    assert _span(filtered.match(text)) == _span(pattern.match(text))
    assert [m.span() for m in filtered.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    for pos in (1, len(text) // 2):
        assert [m.span() for m in filtered.finditer(text, pos)] == [m.span() for m in pattern.finditer(text, pos)]


def test_prefilter_random_texts(scanner) -> None:
    """On random texts of the needles' pieces, case changes and folded letters, the answers are the pattern's."""
    lexicon = Lexicon.from_data(scanner.ruleset.lexicon)
    patterns = [
        lexicon.parties.acting.guard,
        lexicon.parties.refers,
        lexicon.parties.controller,
        lexicon.parties.controller_heading,
        lexicon.parties.amendment,
        lexicon.evidence.transfers,
        lexicon.evidence.moves,
        DISAVOWAL,
        DAYS,
        WEEKS,
        _TRANSFER_HEADING,
        _SUBPROCESSOR_HEADING,
        _RECIPIENTS,
        prefilter(SUBPROCESSOR_URL),
    ]
    assert all(isinstance(p, Prefiltered) for p in patterns)
    rng = random.Random(11)
    for filtered in patterns:
        assert isinstance(filtered, Prefiltered)
        pieces = [
            *filtered.needles,
            *(n[:-1] for n in filtered.needles),
            "we ",
            "the ",
            "30 ",
            "vier ",
            "is ",
            "als ",
            " ",
            ",",
            "ſ",
            "ı",
            "İ",
            "K",
        ]
        for _ in range(400):
            words = [rng.choice(pieces) for _ in range(rng.randint(1, 8))]
            text = "".join(w.upper() if rng.random() < 0.3 else w for w in words)
            assert _span(filtered.search(text)) == _span(filtered.pattern.search(text)), (
                filtered.pattern.pattern,
                text,
            )


def test_prefilter_folded_letters_all_in_the_basic_plane() -> None:
    """No character outside the Basic Multilingual Plane lowers to several characters or to a letter
    re folds with another, so the folded letters need only be sought there."""
    members = {chr(c) for c in _compiler._EXTRA_CASES if c > 127}
    assert not [
        code for code in range(0x10000, 0x110000) if len(chr(code).lower()) != 1 or chr(code).lower() in members
    ]
    assert {"ſ", "ı", "İ", "Σ", "ς"} <= _folded_apart()


@pytest.mark.parametrize(
    "text",
    [
        "Data is transferred to processors outside the EEA.",
        "Daten werden an Auftragsverarbeiter außerhalb des EWR übermittelt („Drittland“).",
        "Die Auſtragsverarbeitung in der Türkei, İstanbul, und ΣΊΣΥΦΟΣ ς",
        "Übermittlung – nur mit Einwilligung, z. B. in die Schweiz.",
        "",
    ],
)
def test_prefilter_folded_letters_found_by_one_character_class(text: str) -> None:
    """Whether a text holds a folded letter is what the set of them says, in EN and DE text and any character."""
    assert (_apart_finder().search(text) is None) == _folded_apart().isdisjoint(text)
    rng = random.Random(text)
    for _ in range(200):
        sample = "".join(chr(rng.randrange(0x20, 0x2200)) for _ in range(rng.randint(0, 30)))
        assert (_apart_finder().search(sample) is None) == _folded_apart().isdisjoint(sample), sample
    # Every character of the plane, alone: the class holds the folded letters and nothing else.
    apart = _folded_apart()
    assert [c for c in map(chr, range(0x10000)) if (_apart_finder().search(c) is not None) != (c in apart)] == []


def test_evidence_order_words_prefiltered(scanner) -> None:
    """The evidence order's word lists are searched through their needles."""
    order = EvidenceOrder.from_data(scanner.ruleset.lexicon["roles"])
    assert isinstance(order.transfers, Prefiltered) and "transfer" in order.transfers.needles


def _span(match: re.Match[str] | None) -> tuple[int, int] | None:
    return None if match is None else match.span()


FOUND = [
    _PERIOD_WORD,
    re.compile(r"\d+\s*days?|week|monat", re.I),
    re.compile(r"[A-Z]{2}\d|processor|unterauftrag|\bAG\b"),
    re.compile(r"(?i:\d\s*h)|Stunde|hour"),
    re.compile(r"(\d)\s*h|hour", re.I),
    SUBPROCESSOR_URL,
    *(re.compile(source) for source in NO_NEEDLES),
]


@pytest.mark.parametrize("pattern", FOUND, ids=lambda p: p.pattern)
def test_prefilter_finder_answers_as_the_pattern(pattern: re.Pattern[str]) -> None:
    """An alternation asked as its alternatives with needles and the others is found where the pattern is, on EN
    and DE texts and random ones of its pieces, case changes and folded letters."""
    finds = finder(pattern)
    texts = [
        "Processor notifies Customer within 48 h of a breach.",
        "Der Auftragsverarbeiter meldet Verletzungen binnen 2 Tagen (48 Std.).",
        "Notice is given 30 days ahead; DE1 and AG apply.",
        "Unterauftragsverarbeiter werden 4 Wochen vorher genannt.",
        "No period here.",
        "",
    ]
    rng = random.Random(11)
    pieces = ["4", "٤", " ", "h", "H", "hour", "HOUR", "stunde", "ſtunde", "std.", "day", "tag", "AG", "DE", "ı", "K"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 6))) for _ in range(2000)]
    for text in texts:
        assert finds(text) is (pattern.search(text) is not None), (pattern.pattern, text)


def test_may_match_answers_each_text_though_the_last_lower_case_is_kept() -> None:
    """The lower case of the text asked last is kept for the next ask: another pattern asking of the same text, a
    text asked again and a different text of the same length each get their own answer (EN and DE)."""
    transfer = prefilter(re.compile(r"\b(?:transfers?|übermittlung)\b", re.IGNORECASE))
    country = prefilter(re.compile(r"\b(?:drittland|third country)\b", re.IGNORECASE))
    assert isinstance(transfer, Prefiltered) and isinstance(country, Prefiltered)
    en, de, other = "We TRANSFER data to a Third Country.", "Keine Übermittlung in ein Drittland.", "x" * 36
    assert transfer.may_match(en) and country.may_match(en)
    assert transfer.may_match(de) and country.may_match(de)
    assert not transfer.may_match(other) and not country.may_match(other)
    assert transfer.may_match(en) and not transfer.may_match(other) and transfer.may_match(de)
