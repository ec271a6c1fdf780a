"""The lines of a table of contents: blocks repeating a heading's letters, found without reading every
character of the long paragraphs (performance, issue 11; the answer is the one of reading them all)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from dpcheck import ingest
from dpcheck.extract.readers import Reading, _letters, _more_letters

EN = """# Data Processing Agreement

Contents

1. Subject of the agreement .... 2

2. Transfers to third countries; standard clauses .... 3

## 1. Subject of the agreement

The processor handles the customer's records only as the customer instructs, for as long as the main contract runs, \
and hands them back when it ends. This paragraph is far longer than any heading of the agreement.

## 2. Transfers to third countries; standard clauses

Records leave the EEA only under the standard contractual clauses (module 2) and after an impact assessment.

Subject of the agreement
"""

DE = """# Auftragsverarbeitungsvertrag

Inhalt

1. Gegenstand des Vertrags .... 2

2. Übermittlungen in Drittländer; Standardvertragsklauseln .... 3

## § 1 Gegenstand des Vertrags

Der Auftragnehmer verarbeitet die Daten des Auftraggebers nur auf dessen Weisung, solange der Hauptvertrag läuft, \
und gibt sie an dessen Ende zurück. Dieser Absatz ist viel länger als jede Überschrift des Vertrags.

## § 2 Übermittlungen in Drittländer; Standardvertragsklauseln

Daten verlassen den EWR nur auf Grundlage der Standardvertragsklauseln (Modul 2) und nach einer Folgenabschätzung.

ΟΔΟΣ ΟΔΟΣ Gegenstand
"""


def _every_character(document):
    def letters(text):
        return "".join(ch for ch in text.lower() if ch.isalpha())

    headings = {key for b in document.blocks if b.kind == "heading" and (key := letters(b.text))}
    return frozenset(b.start for b in document.blocks if b.kind != "heading" and letters(b.text) in headings)


@pytest.mark.parametrize(("text", "lines"), [(EN, 3), (DE, 2)])
def test_contents_lines_as_when_every_character_is_read(text, lines):
    document = ingest.load_text(text, format="markdown")
    found = Reading.contents_lines.func(SimpleNamespace(document=document))  # type: ignore[attr-defined]
    assert found == _every_character(document)
    assert len(found) == lines


@pytest.mark.parametrize(
    ("text", "most", "more"),
    [
        ("Transfers to third countries", 25, False),
        ("Transfers to third countries", 24, True),
        ("Übermittlungen in Drittländer", 27, False),
        ("Übermittlungen in Drittländer", 26, True),
        ("§ 1 ... 2 ... 3 ... 4 ... 5 ... 6 ... 7 ... ab", 2, False),  # the letters lie beyond the opening read
        ("İİİ ΣΣ", 5, False),  # lower cases of two characters and a final sigma: one letter each
    ],
)
def test_more_letters_counts_letters_not_characters(text, most, more):
    assert _more_letters(text, most) is more


TOC = {
    "en": (
        "# Privacy Policy\n\n1. Who we are\n\n2. Transfers to other countries\n\n## 1. Who we are\n\nWe run a booking "
        "service for small sports clubs.\n\n## 2. Transfers to other countries\n\nWe keep all records on our own servers "
        "in Germany and send them nowhere else.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n1. Wer wir sind\n\n2. Übermittlungen in Drittländer\n\n## 1. Wer wir sind\n\nWir "
        "betreiben einen Buchungsdienst für kleine Sportvereine.\n\n## 2. Übermittlungen in Drittländer\n\nWir speichern "
        "alle Daten auf unseren eigenen Servern in Deutschland und übermitteln sie nirgendwohin.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_contents_line_names_no_destination(scanner, lang):
    """A line of the table of contents written as a paragraph ("2. Transfers to other countries", as an HTML page's
    linked contents are) names the section on transfers, as its heading does: no open destination, whatever the
    section says. The same words as a sentence of the section do leave the destinations open."""
    text = TOC[lang]
    found = scanner.scan_text(text, name="policy.md", language=lang, format="markdown")
    assert "UNSPECIFIED" not in {t.destination for t in found.transfers}
    opened = (
        text
        + {
            "en": "\nWe may also make transfers to other countries.\n",
            "de": "\nWir nehmen auch Übermittlungen in Drittländer vor.\n",
        }[lang]
    )
    assert "UNSPECIFIED" in {
        t.destination for t in scanner.scan_text(opened, name="policy.md", language=lang, format="markdown").transfers
    }


def test_letters_of_ascii_text_as_of_any_text() -> None:
    """An ASCII text's letters (deleted by ``str.translate``) are those ``str.isalpha`` keeps, for every ASCII
    character alone and in EN and DE headings; a text with other characters is read as before."""
    for code in range(128):
        assert _letters(chr(code) * 2) == "".join(filter(str.isalpha, chr(code).lower() * 2))
    for text in ("2. Transfers to Third Countries .... 7", "§ 9 Übermittlung in Drittländer ... 12", "A-B_C d1e", ""):
        assert _letters(text) == "".join(filter(str.isalpha, text.lower()))
