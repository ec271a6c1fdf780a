"""A text without a box is not walked token by token, nor a token ending in no box's last character looked behind
(dpcheck/extract/forms.py): the answers are those of the walk."""

from __future__ import annotations

import random

import pytest

from dpcheck import ingest
from dpcheck.extract import forms
from dpcheck.extract.forms import NO, TICKED, UNTICKED, YES, box_before
from dpcheck.extract.sentences import Word, read_sentences

TEXTS = {
    "en": (
        "Transfer outside the EEA: [ ] Yes [x] No\n\nTransfers to third countries: [ ] Yes [ x ] No\n\nSafeguard: [  ] SCCs [ X ] BCR (x) DPF\n\n"
        "Measures: ☐ encryption ☐ pseudonymisation\n\nWe (the provider) keep data in the EU [see annex].\n\n"
        "Options: ( ) none ()no [x]yes ✓ audit"
    ),
    "de": (
        "Übermittlung in ein Drittland: ☐ ja ☒ nein\n\nÜbermittlung in Drittländer: [ ] ja [ X ] nein\n\nGarantie: [ ] Standardvertragsklauseln [✓] BCR\n\n"
        "Maßnahmen: □ Verschlüsselung ⬜ Pseudonymisierung\n\nWir (der Anbieter) speichern Daten in der EU [vgl. Anlage].\n\n"
        "Optionen: ( x ) keine ○ ja ☑ nein"
    ),
}


def _walked_box(tokens, i: int) -> bool | None:
    for width in range(1, 4):
        if i - width < 0:
            break
        text = "".join(t.text for t in tokens[i - width : i])
        if text in TICKED:
            return True
        if text in UNTICKED:
            return False
    return None


def _walked_no(tokens) -> bool:
    ticked = {tokens[i].lower_ for i in range(len(tokens)) if _walked_box(tokens, i)}
    return bool(ticked & NO) and not ticked & YES


def _walked_none_ticked(tokens) -> bool:
    boxes = [_walked_box(tokens, i) for i in range(len(tokens))]
    return False in boxes and True not in boxes


def _agree(tokens) -> None:
    assert [box_before(tokens, i) for i in range(len(tokens) + 2)] == [
        _walked_box(tokens, i) for i in range(len(tokens) + 2)
    ]
    if any(_walked_box(tokens, i) is not None for i in range(len(tokens))):
        assert forms._holds_box(tokens)
    assert forms.answered_no(tokens) is _walked_no(tokens)
    assert forms.nothing_ticked(tokens) is _walked_none_ticked(tokens)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_forms_boxes_sentences_with_and_without_boxes_answer_as_walked(scanner, lang):
    document = ingest.load_text(TEXTS[lang], name="form.txt", format="text")
    held = 0
    for sentence in read_sentences(document, scanner.pipeline(lang)):
        for start in range(len(sentence.span)):
            _agree(sentence.span[start:])
        held += forms._holds_box(sentence.span)
    assert held >= 4


def test_forms_boxes_random_tokens_answer_as_walked():
    pieces = [*"[]()xX", "☐", "☒", "✓", "[x]", "()", "no", "nein", "yes", "ja"]
    rng = random.Random(11)
    for _ in range(5000):
        words = [rng.choice(pieces) for _ in range(rng.randint(0, 8))]
        _agree([Word(w, w.lower()) for w in words])
