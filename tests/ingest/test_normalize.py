"""Character clean-up and decoding shared by every format."""

from __future__ import annotations

import random
import unicodedata

from dpcheck.ingest.normalize import (
    _BEYOND_STYLED,
    _STYLED_RE,
    _TABLE,
    _unstyle,
    clean,
    decode,
    fold_confusables,
    strip_inline_html,
)


def test_normalize_clean_characters() -> None:
    """NFC, plain spaces and newlines; no soft hyphens, zero-width characters or ligatures."""
    assert clean("Cafe\u0301\u00a0da\u00adta \ufb01le\u200b\r\nx\u2028y\x07") == "Café data file\nx\ny"


def test_normalize_decode_boms_and_utf16_without_bom() -> None:
    """A BOM decides the encoding; BOM-less UTF-16 is recognised by its NUL bytes."""
    assert decode("\ufeffÜbermittlung".encode("utf-16-be")) == "Übermittlung"
    assert decode("\ufeffÜbermittlung".encode("utf-8")) == "Übermittlung"
    assert decode("Übermittlung".encode("utf-16-le")) == "Übermittlung"


def test_normalize_decode_fallbacks() -> None:
    """Invalid UTF-8 falls back to cp1252, then to latin-1 for bytes cp1252 leaves undefined."""
    assert decode(b"\x93quoted\x94") == "“quoted”"
    assert decode(b"caf\xe9 \x81") == "café \x81"


def test_normalize_strip_inline_html() -> None:
    """Literal inline tags are removed; a header-class span wrapping everything gives a level."""
    assert strip_inline_html('<span class="term">Provider</span> may <b>not</b>') == ("Provider may not", 0)
    assert strip_inline_html('<span class="header_2">Restricted Transfers</span>') == ("Restricted Transfers", 2)
    assert strip_inline_html("a < b and c > d") == ("a < b and c > d", 0)


def test_normalize_hyphen_lookalikes_become_hyphens() -> None:
    """A non-breaking or Unicode hyphen is "-" to every keyword pattern; en and em dashes keep their meaning."""
    assert clean("sub\u2011processor, Unter\u2010auftrag, \u22123 days") == "sub-processor, Unter-auftrag, -3 days"
    assert clean("EU \u2013 US \u2014 note") == "EU \u2013 US \u2014 note"


def test_normalize_clean_replaces_as_the_table_translates() -> None:
    """Replacing the characters the table changes gives what translating the whole text gives: spaces,
    invisible and control characters, ligatures, tag characters (beyond the BMP) dropped, other astral
    characters kept; ASCII text comes back as it is."""
    rng = random.Random(11)
    table_chars = [chr(c) for c in _TABLE]
    pieces = [*rng.sample(table_chars, 60), "\U000e0041", "\U0001f600", "\U00020000", "a", "ü", " ", "Daten", "\n"]
    for _ in range(500):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        expected = unicodedata.normalize("NFC", _STYLED_RE.sub(_unstyle, text.translate(_TABLE)))
        assert clean(text) == expected, repr(text)
    assert clean("We transfer data to the US.\tNo\x07 bell.") == "We transfer data to the US. No bell."


def test_normalize_styled_letters_are_found_beyond_their_first() -> None:
    """Every styled letter stands at or beyond U+2460, where ``clean`` starts to look for them; a text holding one
    after other characters beyond it (a bullet, an emoji) has it made plain."""
    styled = [c for c in range(0x110000) if _STYLED_RE.match(chr(c))]
    assert styled and all(_BEYOND_STYLED.match(chr(c)) for c in styled)
    assert clean("● Daten 😀 in den 𝐔𝐒𝐀 ①") == "● Daten 😀 in den USA 1"
    assert clean("“nicht” – übermittelt") == "“nicht” – übermittelt"


def test_normalize_fold_confusables_plain_latin_untouched() -> None:
    """Text whose words are plain Latin letters (umlauts, accents) is returned as it is, with nothing folded;
    a Cyrillic look-alike in a Latin word is still folded, and a word of its own script kept."""
    text = "Die Übermittlung in Drittländer erfolgt nur mit Garantien – “schriftlich” · ½ Straße Ǆ"
    assert fold_confusables(text) == (text, [])
    folded, changed = fold_confusables("Daten gehen nach Indіa, nicht nach Москва.")
    assert folded == "Daten gehen nach India, nicht nach Москва."
    assert [(f.original, f.folded) for f in changed] == [("Indіa", "India")]


def test_fold_confusables_a_block_without_letters() -> None:
    """Word characters that are no letters ("½ ¾") leave the text as it is, without failing."""
    assert fold_confusables("½ ¾") == ("½ ¾", [])
