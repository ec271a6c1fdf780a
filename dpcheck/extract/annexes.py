"""Annexes: the one a sentence points to ("the Sub-processors listed in Annex 3"), and those a document leaves
empty ("[To be completed by the parties before signature.]", "This Annex is intentionally left blank",
„wird nachgereicht"). A pointer to an empty annex is no sub-processor list."""

from __future__ import annotations

import re
from collections.abc import Collection

from dpcheck.ingest.document import Document
from dpcheck.models import POINTS_TO_LIST, Mention

# "Annex 3", "Anlage 2", "Schedule B", "Appendix IV": an annex word, then its number or letter.
_LABEL = r"\b({words})\s+([0-9]+|[IVX]+|[A-Z])\b"


def _pattern(annex_words: Collection[str]) -> re.Pattern[str]:
    return re.compile(_LABEL.format(words="|".join(re.escape(w) for w in sorted(annex_words))), re.I)


def annexes_named(text: str, annex_words: Collection[str]) -> set[str]:
    """The annexes ``text`` names, as "annex 3" (annex word and number, lower case)."""
    return {f"{m[1].lower()} {m[2].lower()}" for m in _pattern(annex_words).finditer(text)}


def empty_annexes(document: Document, annex_words: Collection[str], placeholders: Collection[str]) -> set[str]:
    """The annexes whose heading opens a section with nothing in it but placeholder text."""
    pattern = _pattern(annex_words)
    headings = {
        b.text: f"{m[1].lower()} {m[2].lower()}"
        for b in document.blocks
        if b.kind == "heading" and (m := pattern.match(b.text.strip()))
    }
    bodies: dict[str, list[str]] = {heading: [] for heading in headings}
    for block in document.blocks:
        for heading in block.heading_path:
            if heading in bodies:
                bodies[heading].append(block.text.lower())
    # An annex with no text under its heading at all is not known to be empty: its list may sit in a table or a file.
    return {
        headings[heading]
        for heading, texts in bodies.items()
        if texts and all(any(p in text for p in placeholders) for text in texts)
    }


def lists_to_nothing(
    mentions: list[Mention], document: Document, annex_words: Collection[str], placeholders: Collection[str]
) -> list[Mention]:
    """``mentions`` without the sub-processor lists that point to an annex the document leaves empty, or that are
    themselves a placeholder where the list should be ("This annex is left blank; the list will follow", "available at
    [insert URL]"). Once the document's list is shown to be nothing, a clause that only points to "the list" ("notice
    in the portal before we update the Sub-processor List") with no link or annex of its own points to that nothing."""
    empty = empty_annexes(document, annex_words, placeholders)

    def nothing(mention: Mention) -> bool:
        quote = mention.evidence.quote
        named = annexes_named(quote, annex_words)
        return (bool(named) and named <= empty) or any(p in quote.lower() for p in placeholders)

    def own_target(mention: Mention) -> bool:
        quote = mention.evidence.quote
        return "http" in quote or "www." in quote or bool(annexes_named(quote, annex_words) - empty)

    lists = [m for m in mentions if m.kind == "subprocessor_list"]
    placeheld = any(nothing(m) for m in lists)
    return [
        m
        for m in mentions
        if m.kind != "subprocessor_list"
        or not (nothing(m) or (placeheld and m.detail == POINTS_TO_LIST and not own_target(m)))
    ]
