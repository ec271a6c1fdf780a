"""Character clean-up and decoding shared by every format."""

from __future__ import annotations

from dpcheck.ingest.normalize import clean, decode, strip_inline_html


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
