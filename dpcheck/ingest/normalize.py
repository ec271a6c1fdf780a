"""Bytes to text, and the character clean-up every format shares.

:func:`clean` works on characters alone and runs on every piece of text a parser meets.
:func:`display_order` and :func:`fold_confusables` look at words and runs of text, so the
:class:`~dpcheck.ingest.document.DocumentBuilder` applies them to each block it adds, where
what they repair can be recorded with its place.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from functools import cache

_BOMS = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

_SPACES = "\u00a0\u1680\u202f\u205f\u3000\t\v\f" + "".join(map(chr, range(0x2000, 0x200B)))
# Bidi embeddings, overrides and isolates change the order text is shown in: they are left in
# the text for display_order(), which the builder applies to whole blocks.
_EMBEDDINGS = {"\u202a": "ltr", "\u202b": "rtl", "\u202d": "ltr-override", "\u202e": "rtl-override"}
_ISOLATES = frozenset("\u2066\u2067\u2068")
_POP_EMBEDDING, _POP_ISOLATE = "\u202c", "\u2069"
_BIDI_CONTROLS = frozenset(_EMBEDDINGS) | _ISOLATES | {_POP_EMBEDDING, _POP_ISOLATE}
_BIDI_RE = re.compile("[" + "".join(sorted(_BIDI_CONTROLS)) + "]")
_MAX_BIDI_DEPTH = 125  # the Unicode bidi algorithm's own limit; deeper controls are ignored


def _invisible() -> str:
    """Characters that draw nothing but split words for every later regex: every format
    character (soft hyphen, zero-width (non-)joiners and spaces, bidi marks, BOMs, tags)
    except the bidi controls above, the blank fillers of Hangul, the grapheme joiner,
    variation selectors and the noncharacter U+FFFF. (U+FFFE stays: pdfium marks with it the
    hyphen it took out of a line break, which the line joiner reads.)"""
    # Above U+1FFFF only the tag characters are format characters.
    fmt = (c for c in (*range(0x20000), *range(0xE0000, 0xE0080)) if unicodedata.category(chr(c)) == "Cf")
    extra = (0x034F, 0x115F, 0x1160, 0x3164, 0xFFA0, 0xFFFF, *range(0xFE00, 0xFE10), *range(0xE0100, 0xE01F0))
    return "".join(chr(c) for c in (*fmt, *extra) if chr(c) not in _BIDI_CONTROLS)


_INVISIBLE = _invisible()
_CONTROLS = "".join(chr(c) for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\n\r\t\v\f")
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl"}
_LIGATURES.update({"\ufb05": "st", "\ufb06": "st"})
# Styled variants of plain letters and digits (mathematical bold "𝐧𝐨𝐭", fullwidth, circled,
# squared): the same letter to a reader, another code point to a regex.
_STYLED = frozenset(("<font>", "<wide>", "<circle>", "<square>"))

_TABLE: dict[int, str | None] = {ord(c): " " for c in _SPACES}
_TABLE.update({ord(c): None for c in _INVISIBLE + _CONTROLS})
_TABLE.update({ord(k): v for k, v in _LIGATURES.items()})
_TABLE.update({0x2028: "\n", 0x2029: "\n"})
# Hyphens that look like "-" but are other characters ("sub\u2011processor" with a non-breaking hyphen): no
# keyword pattern spelled with "-" would match them. Dashes between words (en, em) keep their meaning.
_TABLE.update({0x2010: "-", 0x2011: "-", 0x2212: "-", 0xFE63: "-", 0xFF0D: "-"})
_STYLED_RE = re.compile("[\u2460-\u24ff\uff10-\uff5a\U0001d400-\U0001d7ff\U0001f100-\U0001f1ff]")
_BEYOND_STYLED = re.compile("[\u2460-\U0010ffff]")

_NEWLINES = re.compile(r"\r\n?")
# Whether the table changes anything: most text holds none of its characters, and searching for
# them costs a tenth of translating. A character beyond the BMP sends the text to the table
# (listing those the table holds would make the search ten times slower).
_TRANSLATED = re.compile("[" + "".join(re.escape(chr(c)) for c in _TABLE if c <= 0xFFFF) + "]|[\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """NFC text with plain spaces and newlines, and without invisible or control characters.

    Ligatures are expanded because PDF text layers and PDF-to-HTML output keep "ﬁ" as one
    character, which no keyword pattern would match; styled letters (mathematical bold,
    fullwidth, circled) become the plain letters they show.
    """
    text = _NEWLINES.sub("\n", text)
    if _TRANSLATED.search(text):
        # Replacing the characters found: the few texts holding any hold few, and str.translate looks up
        # every character of a text that is not ASCII (most of the time clean spent on a document).
        text = _TRANSLATED.sub(_translated, text)
    if text.isascii():
        return text  # no styled letters, and NFC already
    # The styled letters all stand from U+2460 on: one range is searched five times as fast as their four, and most
    # texts hold nothing beyond it (curly quotes, umlauts, the euro sign stand before it).
    beyond = _BEYOND_STYLED.search(text)
    if beyond is not None and _STYLED_RE.search(text, beyond.start()):
        text = _STYLED_RE.sub(_unstyle, text)
    return unicodedata.normalize("NFC", text)


def _translated(match: re.Match[str]) -> str:
    """What ``str.translate`` with the table makes of the character found (one beyond the BMP may stay)."""
    char = match[0]
    return _TABLE.get(ord(char), char) or ""


def _unstyle(match: re.Match[str]) -> str:
    char = match[0]
    tag = unicodedata.decomposition(char).split(" ", 1)[0]
    return unicodedata.normalize("NFKC", char) if tag in _STYLED else char


def decode(data: bytes) -> str:
    """Decode text bytes: a BOM wins, then UTF-16 by its NUL pattern, UTF-8, cp1252, latin-1.

    cp1252 rather than a statistical guess: the documents are English and German, where
    cp1252 is what non-UTF-8 files almost always are, and guessers are unstable on short text.
    """
    return decode_counting(data)[0]


def decode_counting(data: bytes) -> tuple[str, int]:
    """:func:`decode`, and how many undecodable sequences were replaced by U+FFFD.

    A file that is UTF-8 but for a few bad bytes stays UTF-8, each bad byte replaced: decoding
    all of it as cp1252 for one stray byte would garble every umlaut. Only a file whose high
    bytes are mostly not UTF-8 is taken as cp1252 (or latin-1, which decodes any byte).
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
    text, replaced = _decode_replacing(data, "utf-8")
    multibyte = sum(1 for c in text if c >= "\x80") - replaced
    if multibyte >= replaced:
        return text, replaced
    try:
        return data.decode("cp1252"), 0
    except UnicodeDecodeError:
        return data.decode("latin-1"), 0


def _decode_replacing(data: bytes, encoding: str) -> tuple[str, int]:
    try:
        return data.decode(encoding), 0
    except UnicodeDecodeError:
        text = data.decode(encoding, errors="replace")
        # U+FFFD the file itself contained is not a replacement.
        return text, text.count("\ufffd") - data.decode(encoding, errors="ignore").count("\ufffd")


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


def display_order(text: str) -> tuple[str, int]:
    """``text`` as it is displayed, without bidi controls, and how many right-to-left
    overrides reversed letters.

    A right-to-left override (U+202E) shows the letters after it in reverse: "\u202eton\u202c"
    reads "not" on screen. Such a run is reversed here; embeddings and isolates do not
    reorder left-to-right letters, so they are only removed. Runs holding right-to-left
    letters are left in their logical order, which is already the reading order.
    """
    if text.isascii() or not _BIDI_RE.search(text):
        return text, 0
    stack = [_Run("", [])]
    for char in text:
        if char in _EMBEDDINGS or char in _ISOLATES:
            if len(stack) <= _MAX_BIDI_DEPTH:
                run = _Run(char, [])
                stack[-1].items.append(run)
                stack.append(run)
        elif char == _POP_EMBEDDING:
            if len(stack) > 1 and stack[-1].control in _EMBEDDINGS:
                stack.pop()
        elif char == _POP_ISOLATE:
            isolate = next((i for i in range(len(stack) - 1, 0, -1) if stack[i].control in _ISOLATES), 0)
            if isolate:
                del stack[isolate:]
        else:
            stack[-1].items.append(char)
    reversed_runs = [0]
    return _run_text(stack[0], reversed_runs), reversed_runs[0]


@dataclass(slots=True)
class _Run:
    control: str
    items: list[str | _Run]


def _run_text(run: _Run, reversed_runs: list[int]) -> str:
    """The display text of a run and the runs nested in it (depth is bounded by ``_MAX_BIDI_DEPTH``)."""
    parts = [item if isinstance(item, str) else _run_text(item, reversed_runs) for item in run.items]
    if _EMBEDDINGS.get(run.control) != "rtl-override":
        return "".join(parts)
    text = "".join(parts)
    letters = [c for c in text if c.isalpha()]
    if not letters or any(unicodedata.bidirectional(c) in ("R", "AL") for c in letters):
        return text
    reversed_runs[0] += 1
    return "".join(reversed(parts))


_WORD = re.compile(r"[^\W\d_]+")
_PLAIN_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")  # Latin letters only: no work to do
# A letter of a _WORD that _PLAIN_LATIN does not take.
_OTHER_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


@dataclass(frozen=True, slots=True)
class Folded:
    """A word written with letters of another script that look like Latin ones."""

    start: int
    original: str
    folded: str


def fold_confusables(text: str) -> tuple[str, list[Folded]]:
    """``text`` with look-alike letters in Latin words made Latin, and the words changed.

    A word that mixes Latin letters with Cyrillic or Greek ones that look the same ("Indіa"
    with a Cyrillic "і", "nоt" with a Cyrillic "о") is a trick or an accident; either way
    the reader sees the Latin word. So is a word written wholly in such letters inside a
    Latin text. Each such letter becomes its Latin prototype from Unicode's confusables
    data (UTS #39), with the case kept. A letter of the same length replaces each one,
    so offsets into ``text`` stay valid. Words in a script of their own ("Москва") are left.
    """
    if text.isascii() or not _OTHER_LETTER.search(text):
        # Every word is then plain Latin (English, German, French and the like): none has a letter to fold.
        return text, []
    chars = list(text)
    changed: list[Folded] = []
    latin_share: float | None = None
    for match in _WORD.finditer(text):
        word = match[0]
        if _PLAIN_LATIN.fullmatch(word):
            continue
        scripts = {_script(c) for c in word} - {"COMMON", "INHERITED"}
        if len(scripts) < 2 and "LATIN" in scripts:
            continue
        if "LATIN" not in scripts:
            if latin_share is None:
                # A block of digits and fractions ("½ ¾") has word characters but no letters: no Latin text to fold into.
                letters = [c for c in text if c.isalpha()]
                latin_share = sum(1 for c in letters if _script(c) == "LATIN") / len(letters) if letters else 0.0
            if latin_share < 0.5 or len(word) < 2:
                continue
        folded = [c if _script(c) in ("LATIN", "COMMON", "INHERITED") else _latin_lookalike(c) for c in word]
        if "LATIN" not in scripts and not all(folded):
            continue  # a word of its own script, not a disguised Latin one
        new = "".join(f or c for f, c in zip(folded, word, strict=True))
        if new != word:
            chars[match.start() : match.end()] = new
            changed.append(Folded(match.start(), word, new))
    return ("".join(chars) if changed else text), changed


@cache
def _script(char: str) -> str:
    from confusable_homoglyphs import categories

    return str(categories.alias(char))


@cache
def _latin_lookalike(char: str) -> str:
    """The ASCII letter ``char`` is confusable with (same case where the data has one), or ""."""
    data = _confusables()
    prototypes = [h["c"] for h in data.get(char, ()) if len(h["c"]) == 1]
    candidates = [p for p in prototypes if p.isascii() and p.isalpha()]
    # UTS #39 maps "I" to "l"; the class of a prototype holds its other ASCII members.
    candidates += [h["c"] for p in prototypes for h in data.get(p, ()) if h["c"].isascii() and h["c"].isalpha()]
    same_case = [c for c in candidates if c.isupper() == char.isupper()]
    return (same_case or candidates or [""])[0]


@cache
def _confusables() -> dict[str, list[dict[str, str]]]:
    from confusable_homoglyphs import confusables

    return confusables.confusables_data
