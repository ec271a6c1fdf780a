"""Amendments a document makes to its own numbered clauses: what they delete or replace says nothing any more."""

from __future__ import annotations

from dataclasses import replace

import pytest

from dpcheck import ingest
from dpcheck.extract import Lexicon
from dpcheck.extract.amendments import amended_away, instruction_pattern

SMU = "SUPPLEMENTARY_MEASURES_UNADDRESSED"

EN = """# Data Processing Agreement

## 8. International transfers

8.1 Our support affiliate in the United States accesses Customer Personal Data.

8.2 These transfers are governed by the Standard Contractual Clauses (Module Three).

8.3 We have carried out a transfer impact assessment and challenge unlawful requests by public authorities.

## 9. Audits

9.1 Customer may audit us once a year.

## Amendment No. 1

1. {amendment}
"""

DE = """# Auftragsverarbeitungsvertrag

## § 8 Übermittlungen in Drittländer

(1) Unser Support-Partner in den USA greift auf Auftraggeberdaten zu.

(2) Diese Übermittlungen beruhen auf den Standardvertragsklauseln (Modul 3).

(3) Der Auftragnehmer hat eine Transferfolgenabschätzung durchgeführt und ficht rechtswidrige Ersuchen von Behörden an.

## § 9 Kontrollen

(1) Der Auftraggeber darf einmal jährlich prüfen.

## Nachtrag Nr. 1

1. {amendment}
"""


def flags(scanner, text, lang):
    return {f.rule_id for f in scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown").findings}


@pytest.mark.parametrize(
    ("lang", "text", "amendment", "unaddressed"),
    [
        ("en", EN, "Section 8.3 is deleted in its entirety.", True),
        ("en", EN, "Section 9.1 is deleted in its entirety.", False),
        # Words replaced inside a clause leave the clause standing.
        ("en", EN, 'In Section 8.3, "once a year" is replaced by "twice a year".', False),
        ("de", DE, "§ 8 Abs. 3 wird ersatzlos gestrichen.", True),
        ("de", DE, "§ 9 Abs. 1 wird ersatzlos gestrichen.", False),
        # One sentence of a paragraph: not marked in the text, so the paragraph stands.
        ("de", DE, "§ 8 Abs. 3 Satz 2 entfällt.", False),
    ],
)
def test_amendments_a_deleted_clause_says_nothing(scanner, lang, text, amendment, unaddressed):
    """The clause an amendment deletes no longer addresses supplementary measures; another clause deleted, or
    words replaced inside it, leave it in force."""
    assert (SMU in flags(scanner, text.format(amendment=amendment), lang)) is unaddressed


@pytest.mark.parametrize(
    ("lang", "text", "amendment"),
    [
        ("en", EN, "Section 8 is replaced as follows: transfers take place only within the EEA."),
        ("de", DE, "§ 8 wird wie folgt neu gefasst: Übermittlungen finden nur innerhalb des EWR statt."),
    ],
)
def test_amendments_a_replaced_section_is_read_in_its_new_wording(scanner, lang, text, amendment):
    """A section replaced as a whole keeps none of its old destinations and tools."""
    report = scanner.scan_text(text.format(amendment=amendment), language=lang, doc_type="dpa", format="markdown")
    assert not report.transfers and not report.mechanisms


@pytest.mark.parametrize(
    ("lang", "text", "amendment"),
    [
        # Another document's clause: the SCCs' or the main agreement's.
        ("en", EN, "Section 8.3 of the DPA is deleted in its entirety."),
        ("de", DE, "§ 8 Abs. 3 Satz 1 wird ersatzlos gestrichen."),
    ],
)
def test_amendments_of_another_text_leave_this_one_standing(scanner, lang, text, amendment):
    """An amendment naming another document's clause, or one sentence of a paragraph, deletes nothing here."""
    assert SMU not in flags(scanner, text.format(amendment=amendment), lang)


def test_amendments_only_under_an_amendment_heading(scanner):
    """ "Clause 11(a) is struck" in the terms for the SCCs, outside any amendment, deletes no section of the DPA."""
    text = EN.replace("## Amendment No. 1", "## Terms for the Standard Contractual Clauses").format(
        amendment="Section 8.3 is deleted in its entirety."
    )
    assert SMU not in flags(scanner, text, "en")


class _CountedHeading(str):
    """A heading that counts how often its lower case is asked for."""

    asked = 0

    def lower(self) -> str:
        type(self).asked += 1
        return str.lower(self)


@pytest.mark.parametrize(
    ("lang", "text", "amendment", "deleted"),
    [
        ("en", EN, "Section 8.3 is deleted in its entirety.", "8.3 We have carried out"),
        ("de", DE, "§ 8 Abs. 3 wird ersatzlos gestrichen.", "(3) Der Auftragnehmer hat"),
    ],
)
def test_amendments_each_heading_path_is_judged_once(scanner, lang, text, amendment, deleted):
    """Whether a block stands under an amendment heading is asked once per heading path, not once per block: the
    same ranges whether a section holds one block or many."""
    words = Lexicon.from_data(scanner.ruleset.lexicon).words
    pattern = instruction_pattern(words.amendment_targets, words.amendment_operations)
    document = ingest.load(text.format(amendment=amendment).encode(), name="a.md")
    blocks = [replace(b, heading_path=tuple(_CountedHeading(h) for h in b.heading_path)) for b in document.blocks]
    _CountedHeading.asked = 0
    ranges = amended_away(blocks, pattern, words.amendment_headings)
    assert [document.text[s:e][: len(deleted)] for s, e in ranges] == [deleted]
    paths = {b.heading_path for b in blocks}
    assert len(blocks) > len(paths)
    assert 0 < _CountedHeading.asked <= sum(map(len, paths)) * len(words.amendment_headings)
