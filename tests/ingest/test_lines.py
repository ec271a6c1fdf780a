"""Heading, list and hyphenation rules for unmarked lines of text."""

from __future__ import annotations

import pytest

from dpcheck import ingest
from dpcheck.ingest.lines import (
    Dehyphenator,
    collapse_letter_spacing,
    heading_level,
    is_page_number,
)


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("1. Definitions", 2),
        ("2.1 Roles of the Parties", 3),
        ("9.3.1 Audit Rights", 4),
        ("Section 5 – Sub-processors", 2),
        ("§ 3 Unterauftragsverhältnisse", 2),
        ("Clause 7", 2),
        ("ANNEX I", 1),
        ("SCHEDULE 2 – DETAILS OF THE PROCESSING", 1),
        ("DATA PROCESSING TERMS", 1),
        ("IV. How do the Facebook Companies work together?", 0),
        ("II. Processing of Data", 2),
        ("1. The processor shall notify the controller.", 0),
        ("27 April 2016 on the protection of natural persons", 0),
        ("Section 5 of this DPA applies to all transfers", 0),
        ("USA", 0),
        ("", 0),
    ],
)
def test_lines_heading_level(line: str, level: int) -> None:
    """Numbered, keyword and ALL-CAPS lines are headings; sentences and wrapped lines are not."""
    assert heading_level(line) == level


@pytest.mark.parametrize(
    ("left", "right", "joined"),
    [
        ("trans-", "fer of data", "transfer of data"),
        ("Mozilla-", "Datenschutzerklärung", "Mozilla-Datenschutzerklärung"),
        ("sub-", "processor agreement", "sub-processor agreement"),
        ("Kampagnen-", "und Empfehlungsdaten", "Kampagnen- und Empfehlungsdaten"),
        ("2016-", "679", "2016-679"),
        ("software-as-a-", "service", "software-as-a-service"),
        ("a US-", "based platform", "a US-based platform"),
        ("die EU-", "konforme Lösung", "die EU-konforme Lösung"),
        ("region eu-", "west-2 (London)", "region eu-west-2 (London)"),
        ("bucket us-", "east-1, mirrored", "bucket us-east-1, mirrored"),
        ("trans-", "ferred in 2 steps", "transferred in 2 steps"),
    ],
)
def test_lines_dehyphenate(left: str, right: str, joined: str) -> None:
    """A hyphen at a line break is dropped for syllable breaks and kept for compounds."""
    assert Dehyphenator("").join(left, right) == joined


def test_lines_dehyphenate_uses_document_vocabulary() -> None:
    """A spelling found elsewhere in the document decides: "data-base" stays split if used so."""
    assert Dehyphenator("the data-base is hosted").join("data-", "base") == "data-base"
    assert Dehyphenator("the objected content").join("objec-", "ted") == "objected"


def test_lines_pdfium_hyphen_marker() -> None:
    """pdfium's U+FFFE (hyphen removed from a line break) is resolved like a hyphen."""
    assert Dehyphenator("").join_lines(["a trans\ufffefer and E\ufffeMail", "next line"]) == (
        "a transfer and E-Mail next line"
    )


def test_lines_letter_spacing() -> None:
    """Letter-spaced lines collapse, double spaces marking words; normal lines stay."""
    assert collapse_letter_spacing("T r a n s f e r s  o f  d a t a") == "Transfers of data"
    assert collapse_letter_spacing("A to Z is a b c") == "A to Z is a b c"


@pytest.mark.parametrize("line", ["3", "Page 3 of 26", "- 4 -", "Seite 2 von 5", "12/40"])
def test_lines_page_numbers(line: str) -> None:
    """Page-number lines in their usual spellings are recognised."""
    assert is_page_number(line)


def test_lines_join_is_linear_in_hyphenated_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    """Lines that each end in a hyphen join in linear time: each join looks only at a bounded end of
    the text so far (the old whole-text joins took minutes on 200,000 lines). Counted, not timed, so
    that a busy machine cannot decide: the longest text any join is handed stays the same whether the
    paragraph has 2,000 lines or 200,000."""
    dehyphenator = Dehyphenator("trans-fer transfer")
    seen: list[int] = []
    join = dehyphenator.join

    def counted(left: str, right: str) -> str:
        seen.append(len(left) + len(right))
        return join(left, right)

    monkeypatch.setattr(dehyphenator, "join", counted)

    def longest(lines: int) -> int:
        seen.clear()
        dehyphenator.join_lines(["trans-"] * lines)
        assert len(seen) == lines - 1
        return max(seen)

    assert longest(200_000) == longest(2_000) <= 80
    text = dehyphenator.join_lines(["trans-"] * 200_000)
    assert len(text) <= 6 * 200_000 and text.startswith("trans")
    marked = dehyphenator.join_lines(["a\ufffeb" * 100_000])
    assert marked.count("-") + marked.count("a") >= 100_000


def _kinds(text: str) -> list[tuple[str, str]]:
    return [(b.kind, b.text.split()[0]) for b in ingest.load_text(text, name="clauses.txt", format="text").blocks]


def test_lines_a_clause_without_a_full_stop_among_sentence_clauses_is_no_heading() -> None:
    """A numbered line that reads as a title but has no text below it, beside a sibling clause that is a sentence, is
    that clause ("4.2 Ersatzstandort: Oslo" between two obligations); a heading over its own clauses and the titles
    of a table of contents stay headings."""
    clauses = (
        "4. Pflichten\n\n4.1 Der Anbieter hält sich an die Weisungen.\n\n4.2 Ersatzstandort der Sicherungen: Oslo\n\n"
        "4.3 Der Anbieter meldet Verstöße unverzüglich.\n\n5. Haftung\n\n5.1 Es gilt das Gesetz."
    )
    assert _kinds(clauses)[:5] == [
        ("heading", "4."),
        ("paragraph", "4.1"),
        ("paragraph", "4.2"),
        ("paragraph", "4.3"),
        ("heading", "5."),
    ]
    last = "2.1 The supplier keeps records.\n\n2.2 Fallback site: Oslo, Norway\n\n3. Term\n\nThe term is one year."
    assert [kind for kind, _ in _kinds(last)] == ["paragraph", "paragraph", "heading", "paragraph"]
    headed = "3.1 The supplier keeps records.\n\n3.2 Transfers\n\n3.2.1 The supplier may use providers abroad."
    assert [kind for kind, _ in _kinds(headed)] == ["paragraph", "heading", "paragraph"]
    contents = "1.1 Scope\n\n1.2 Transfers\n\n1.3 Audits\n\n1.1 Scope\n\nThese terms apply to all orders."
    assert [kind for kind, _ in _kinds(contents)][:3] == ["heading", "heading", "heading"]
