"""Bytes to text, and the character clean-up every format shares."""

from __future__ import annotations

import codecs
import re
import unicodedata

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SPACES = "\u00a0\u1680\u202f\u205f\u3000\t\v\f" + "".join(map(chr, range(0x2000, 0x200B)))
# Invisible characters that split words for every later regex: soft hyphens, zero-width
# (non-)joiners and spaces, bidi marks, BOMs left inside the text.
_INVISIBLE = "\u00ad\u180e\ufeff" + "".join(
    map(chr, (*range(0x200B, 0x2010), *range(0x202A, 0x202F), *range(0x2060, 0x2065), *range(0x2066, 0x206A)))
)
_CONTROLS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\n\r\t\v\f")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_LIGATURES.update({"\ufb05": "st", "\ufb06": "st"})

_TABLE: dict[int, str | None] = {ord(c): " " for c in _SPACES}
_TABLE.update({ord(c): None for c in _INVISIBLE + _CONTROLS})
_TABLE.update({ord(k): v for k, v in _LIGATURES.items()})
_TABLE.update({0x2028: "\n", 0x2029: "\n"})

_NEWLINES = re.compile(r"\r\n?")


def clean(text: str) -> str:
    """NFC text with plain spaces and newlines, and without invisible or control characters.

    Ligatures are expanded because PDF text layers and PDF-to-HTML output keep "ﬁ" as one
    character, which no keyword pattern would match.
    """
    return unicodedata.normalize("NFC", _NEWLINES.sub("\n", text).translate(_TABLE))


def decode(data: bytes) -> str:
    """Decode text bytes: a BOM wins, then UTF-16 by its NUL pattern, UTF-8, cp1252, latin-1.

    cp1252 rather than a statistical guess: the documents are English and German, where
    cp1252 is what non-UTF-8 files almost always are, and guessers are unstable on short text.
    """
    return decode_counting(data)[0]


def decode_counting(data: bytes) -> tuple[str, int]:
    """:func:`decode`, and how many undecodable sequences were replaced by U+FFFD.

    Only a BOM or the UTF-16 pattern commits to an encoding that can fail; UTF-8 falls back
    to cp1252 and latin-1, which decode any byte.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_replacing(data[len(bom) :], encoding)
    utf16 = utf16_without_bom(data)
    if utf16:
        return _decode_replacing(data, utf16)
    try:
        return data.decode("utf-8"), 0
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), 0
    except UnicodeDecodeError:
        return data.decode("latin-1"), 0


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    try:
        return data.decode(encoding), 0
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        # U+FFFD the file itself contained is counted too; in a text that fails to decode, that is noise.
        return text, text.count("\ufffd")


def utf16_without_bom(data: bytes) -> str | None:
    """The UTF-16 codec for BOM-less UTF-16 (every other byte NUL, as in Latin text), else None."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    even_nul, odd_nul = even.count(0) / len(even), odd.count(0) / len(odd)
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


_INLINE_TAG = re.compile(
    r"</?(?:a|abbr|b|big|br|code|del|div|em|font|i|ins|mark|p|s|small|span|strike|strong|sub|sup|u)\b[^<>]*>",
    re.IGNORECASE,
)
_HEADER_SPAN = re.compile(
    r"""^\s*<(span|div|p)\b[^<>]*\bclass\s*=\s*["'][^"']*\b(?:h|header|heading)[-_]?([1-6])\b[^"']*["'][^<>]*>"""
    r"""(?P<text>[^<>]*)</\1>\s*$""",
    re.IGNORECASE,
)


def strip_inline_html(text: str) -> tuple[str, int]:
    """Text without literal inline HTML tags, and a heading level if a header-class span wrapped it all.

    Word documents converted from web pages keep tags such as ``<span class="header_2">`` as
    literal text; the class is the only trace of the heading it was.
    """
    if "<" not in text:
        return text, 0
    match = _HEADER_SPAN.match(text)
    if match:
        return match["text"], int(match[2])
    return _INLINE_TAG.sub("", text), 0
