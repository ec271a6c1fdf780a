"""Amendments a document makes to its own numbered clauses.

An amendment names a clause and what happens to it: "1. Section 8.3 is deleted in its entirety.", „1. § 8 Abs. 4
wird ersatzlos gestrichen.", "Section 5.2 is replaced as follows: ...". The clause it deletes or replaces no longer
speaks, so nothing read from it counts (the replacement's own text is read where it stands). A clause is found by
its number at the start of a block ("8.3 Aldwick has carried out ...", "(4) Der Auftragnehmer ...") or of a heading,
whose whole section it then is; a German paragraph ("Abs. 4") within the section of its "§". Only clauses before the
amendment are amended, and only by an amendment under a heading that names one ("Amendment No. 1", „Nachtrag").
The words are data: ``amendment_targets``, ``amendment_operations`` and ``amendment_headings`` in
rules/lexicon/words.yml.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from dpcheck.ingest.document import Block

# In an amendment, words that make its target one sentence of a paragraph, which a block's text does not mark ("§ 8
# Abs. 2 Satz 2 entfällt"), or another document's clause ("Section 8 of the DPA").
_NOT_A_BLOCK_HERE = re.compile(r"\bsatz\b|\bsentence\b|\bof the\b", re.I)
# A block opening with a clause's number: "8.3 ...", "8.3. ...", "(4) ...", "§ 8 ...", "Section 8 ...".
_NUMBERED = re.compile(r"^\s*(?:(?:section|clause|ziffer|abschnitt|klausel)\s+|§\s*)?\(?(\d+(?:\.\d+)*)[.)]?\s", re.I)


@lru_cache(maxsize=4)
def instruction_pattern(targets: frozenset[str], operations: frozenset[str]) -> re.Pattern[str]:
    """An amendment: a target word and a number ("Section 8.3", "§ 8 Abs. 4"), then within a few words an
    operation ("is deleted", "wird ersatzlos gestrichen")."""

    def alternatives(words: frozenset[str]) -> str:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))

    return re.compile(
        rf"(?:(?:{alternatives(targets)})\s*(?P<number>\d+(?:\.\d+)*)|§\s*(?P<paragraph>\d+))"
        rf"(?:\s+abs(?:atz|\.)?\s*(?P<subsection>\d+))?[^.;:]{{0,40}}?\b(?:{alternatives(operations)})\b",
        re.I,
    )


def amended_away(blocks: Sequence[Block], pattern: re.Pattern[str], headings: frozenset[str]) -> list[tuple[int, int]]:
    """The character ranges of the clauses the document's amendments delete or replace; ``headings``: the words of
    a heading an amendment stands under."""
    ranges: list[tuple[int, int]] = []
    # Blocks of one section share its heading path: each path is judged once, not once per block.
    under: dict[tuple[str, ...], bool] = {}
    for at, block in enumerate(blocks):
        path = block.heading_path
        named = under.get(path)
        if named is None:
            named = under[path] = any(word in heading.lower() for heading in path for word in headings)
        if not named:
            continue
        for match in pattern.finditer(block.text):
            if _NOT_A_BLOCK_HERE.search(match[0]):
                continue
            if match["paragraph"] is not None:
                found = _german_paragraph(blocks[:at], match["paragraph"], match["subsection"])
            else:
                found = _clause(blocks[:at], match["number"])
            if found is not None:
                ranges.append(found)
    return ranges


def _clause(blocks: Sequence[Block], number: str) -> tuple[int, int] | None:
    """The last block before the amendment that opens with ``number``: a heading with its section, or the block."""
    for i in range(len(blocks) - 1, -1, -1):
        opened = _NUMBERED.match(blocks[i].text)
        if opened is not None and opened[1].rstrip(".") == number:
            return _extent(blocks, i)
    return None


def _german_paragraph(blocks: Sequence[Block], paragraph: str, subsection: str | None) -> tuple[int, int] | None:
    """ "§ 8 Abs. 4": the block opening with "(4)" in the section headed "§ 8"; without "Abs.", the section."""
    for i in range(len(blocks) - 1, -1, -1):
        heading = blocks[i]
        if heading.kind != "heading" or not re.match(rf"^\s*§\s*{paragraph}\b", heading.text):
            continue
        start, end = _extent(blocks, i)
        if subsection is None:
            return start, end
        for block in blocks[i + 1 :]:
            if block.start >= end:
                break
            if re.match(rf"^\s*\({subsection}\)", block.text):
                return block.start, block.end
        return None
    return None


def _extent(blocks: Sequence[Block], i: int) -> tuple[int, int]:
    """A heading's section (up to the next heading of its level or above), or block ``i`` alone."""
    block = blocks[i]
    if block.kind != "heading":
        return block.start, block.end
    end = next(
        (b.start for b in blocks[i + 1 :] if b.kind == "heading" and b.level <= block.level),
        blocks[-1].end,
    )
    return block.start, end
