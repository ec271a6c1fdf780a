"""Markdown and plain-text ingestion."""

from __future__ import annotations

import pytest

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest import load, load_text

from .conftest import assert_consistent

MARKDOWN = """---
title: Acme Sub-processors
redirect_from:
  - /subprocessors
---

Acme Data Processing Addendum
=============================

Intro with **bold**, _emphasis_, a [link](https://acme.example/dpa) and <span class="x">inline HTML</span>.
![logo](logo.png)

1\\. Definitions
---------------

### 1.1 Personal Data

* first bullet
* second bullet<br>continued
  * nested bullet

1. numbered clause
2. another clause

| Name | Purpose | Location |
|------|---------|----------|
| AWS  | Hosting | United States |
| OVH  | Backups <br> and logs | France |

<table>
<tr><th>Vendor</th><th>Country</th></tr>

<tr><td>Stripe</td><td>Ireland</td></tr>
</table>

## Transfers

    indented text that CommonMark reads as code
"""


def test_markdown_structure_and_paths() -> None:
    """Setext and ATX headings nest; list items and paragraphs sit under them."""
    doc = load_text(MARKDOWN, format="markdown")
    blocks = [(b.kind, b.text, b.heading_path) for b in doc.blocks if b.kind != "table_row"]
    title, defs, personal = "Acme Data Processing Addendum", "1. Definitions", "1.1 Personal Data"
    assert blocks[:9] == [
        ("heading", title, ()),
        ("paragraph", "Intro with bold, emphasis, a link and inline HTML.", (title,)),
        ("heading", defs, (title,)),
        ("heading", personal, (title, defs)),
        ("list_item", "first bullet", (title, defs, personal)),
        ("list_item", "second bullet continued", (title, defs, personal)),
        ("list_item", "nested bullet", (title, defs, personal)),
        ("list_item", "1. numbered clause", (title, defs, personal)),
        ("list_item", "2. another clause", (title, defs, personal)),
    ]
    assert blocks[-2:] == [
        ("heading", "Transfers", (title,)),
        ("paragraph", "indented text that CommonMark reads as code", (title, "Transfers")),
    ]
    assert_consistent(doc)


def test_markdown_front_matter_dropped_title_kept() -> None:
    """YAML front matter is not text, but its title becomes metadata."""
    doc = load_text(MARKDOWN, format="markdown")
    assert doc.metadata["title"] == "Acme Sub-processors"
    assert "redirect_from" not in doc.text and "subprocessors" not in doc.text


def test_markdown_pipe_and_html_tables() -> None:
    """Pipe tables and raw HTML tables (even split by a blank line) become Tables."""
    doc = load_text(MARKDOWN, format="markdown")
    pipe, html = doc.tables
    assert pipe.header == ("Name", "Purpose", "Location")
    assert pipe.rows == (("AWS", "Hosting", "United States"), ("OVH", "Backups and logs", "France"))
    assert html.header == ("Vendor", "Country") and html.rows == (("Stripe", "Ireland"),)
    assert pipe.heading_path == ("Acme Data Processing Addendum", "1. Definitions", "1.1 Personal Data")


def test_markdown_images_dropped() -> None:
    """Images leave no alt text or file names behind."""
    doc = load_text(MARKDOWN, format="markdown")
    assert "logo" not in doc.text


def test_markdown_leading_rule_is_not_front_matter() -> None:
    """A document that opens with a --- rule over prose keeps that prose."""
    doc = load_text("---\nJust a sentence.\n---\n\nMore text.", format="markdown")
    assert "Just a sentence." in doc.text


def test_markdown_loaded_from_bytes_by_extension() -> None:
    """A .md name selects Markdown even without Markdown features."""
    doc = load(b"Plain words only.", name="notes.md")
    assert doc.format == "markdown"


PLAIN = """ACME DATA PROCESSING ADDENDUM

1. Definitions

The processor shall not trans-
fer personal data to third coun-
tries without consent.

Section 5 - Sub-processors
The processor may engage sub-processors listed below:
- Amazon Web Services
- Stripe
(a) with prior notice;
(b) with a right to object.

§ 3 Unterauftragsverhältnisse

Der Auftragnehmer darf Unterauftragnehmer einsetzen.

T r a n s f e r s  o f  d a t a
"""


def test_text_headings_lists_and_paragraphs() -> None:
    """Plain text: caps and numbered lines are headings, bullets list items, wrapped lines joined."""
    doc = load_text(PLAIN)
    blocks = [(b.kind, b.text, b.level) for b in doc.blocks]
    assert blocks == [
        ("heading", "ACME DATA PROCESSING ADDENDUM", 1),
        ("heading", "1. Definitions", 2),
        ("paragraph", "The processor shall not transfer personal data to third countries without consent.", 0),
        ("heading", "Section 5 - Sub-processors", 2),
        ("paragraph", "The processor may engage sub-processors listed below:", 0),
        ("list_item", "Amazon Web Services", 0),
        ("list_item", "Stripe", 0),
        ("list_item", "(a) with prior notice;", 0),
        ("list_item", "(b) with a right to object.", 0),
        ("heading", "§ 3 Unterauftragsverhältnisse", 2),
        ("paragraph", "Der Auftragnehmer darf Unterauftragnehmer einsetzen.", 0),
        ("paragraph", "Transfers of data", 0),
    ]
    stripe = next(b for b in doc.blocks if b.text == "Stripe")
    assert stripe.heading_path == ("ACME DATA PROCESSING ADDENDUM", "Section 5 - Sub-processors")
    assert doc.format == "text" and doc.page_count is None
    assert_consistent(doc)


def test_text_sentence_is_not_a_heading() -> None:
    """A numbered line that is a whole sentence stays a paragraph."""
    doc = load_text("1. The processor shall notify the controller without undue delay.")
    assert doc.blocks[0].kind == "paragraph"


def test_text_empty_raises() -> None:
    """Whitespace-only text is EMPTY."""
    with pytest.raises(IngestError) as err:
        load_text(" \n\t\u00a0\u200b\n")
    assert err.value.code == ErrorCode.EMPTY


def test_text_offsets_with_unusual_whitespace() -> None:
    """Offsets stay exact when the input has tabs, NBSPs, soft hyphens and CRLF line ends."""
    doc = load_text("Sub\u00adprocessor\u00a0list\r\n\r\nAWS\tIreland\u200b here\r\n")
    assert [b.text for b in doc.blocks] == ["Subprocessor list", "AWS Ireland here"]
    assert_consistent(doc)


def test_markdown_pseudo_headings_nest_under_real_ones() -> None:
    """One-line bold or numbered paragraphs from converted documents act as headings below the last real one."""
    text = "## Data Processing Agreement\n\n**Introduction**\n\nWords.\n\n**1\\. Definitions**\n\nMore words.\n\n"
    text += "1 BACKGROUND\n\nEven more.\n\n**Last updated: 2025**\n\nThe end."
    doc = load_text(text, format="markdown")
    headings = [(b.text, b.level) for b in doc.blocks if b.kind == "heading"]
    assert headings == [
        ("Data Processing Agreement", 2),
        ("Introduction", 4),
        ("1. Definitions", 4),
        ("1 BACKGROUND", 4),
    ]
    assert doc.blocks[-1].heading_path == ("Data Processing Agreement", "1 BACKGROUND")


def test_markdown_heading_attribute_list_is_no_words():
    """An attribute list closing a heading ("{: #transfers }") is markup, not part of the heading."""
    document = load_text("## International transfers {: #transfers }\n\nWe use SCCs.\n", format="markdown")
    assert document.blocks[0].text == "International transfers"


def test_markdown_an_empty_line_inside_a_table_cell_separates_fields() -> None:
    """A card-like cell ("Name<br><br>Purpose<br><br>Country") keeps its fields apart; one <br> wraps a line."""
    doc = load_text(
        "| |\n| --- |\n| Tallimo<br><br>Billing<br><br>United States |\n| Backups <br> and logs |\n", format="markdown"
    )
    assert [r[0] for r in doc.tables[0].rows] == ["Tallimo, Billing, United States", "Backups and logs"]


def test_markdown_a_paragraph_broken_at_every_line_is_fields() -> None:
    """A paragraph whose every line ends in an explicit break (an entry: name, service, address) keeps its
    lines apart as fields; where some line only wraps, the paragraph is prose and its breaks are spaces."""
    doc = load_text(
        "**Tallimo AG**<br>\nBilling<br>\nZurich, Switzerland\n\nAcme Ltd  \nHosting  \nCork\n\n"
        "We send invoices<br>\nthrough our provider\nin Zurich.\n",
        format="markdown",
    )
    assert [b.text for b in doc.blocks] == [
        "Tallimo AG, Billing, Zurich, Switzerland",
        "Acme Ltd, Hosting, Cork",
        "We send invoices through our provider in Zurich.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Acme is located in the United States.  \nTransfers are governed by:  \nthe standard contractual clauses\n",
            "Acme is located in the United States. Transfers are governed by: the standard contractual clauses",
        ),
        (
            "**Übermittlung in Drittländer:**  \nAcme speichert Daten in den USA.  \nKanada, Japan\n",
            "Übermittlung in Drittländer: Acme speichert Daten in den USA. Kanada, Japan",
        ),
    ],
)
def test_markdown_a_broken_line_closed_by_its_own_mark_takes_no_field_comma(text: str, expected: str) -> None:
    """A line of an entry that closes its sentence or lead-in ("... United States.", "governed by:") is parted from
    the next line by that mark: a field's comma after it would end up in the quote ("United States.,")."""
    assert [b.text for b in load_text(text, format="markdown").blocks] == [expected]


def _hard_wrapped(paragraphs: list[str], width: int = 90) -> str:
    """Text the way some PDF-to-text converters write it: every wrapped line a paragraph of its own."""
    import textwrap

    return "\n\n".join(line for p in paragraphs for line in textwrap.wrap(p, width))


WRAPPED_EN = [
    "PRIVACY POLICY",
    *[
        f"{n}.1 We keep the records of section {n} for as long as the contract with the customer runs and "
        "delete them afterwards, unless a statutory retention period requires us to keep them longer than that."
        for n in range(1, 17)
    ],
    "17.1 Your personal data may be transferred to and stored within the countries of the European "
    "Economic Area, which offer a level of protection comparable to that of the country where we are seated.",
]
WRAPPED_DE = [
    "DATENSCHUTZERKLÄRUNG",
    *[
        f"{n}.1 Wir bewahren die Unterlagen aus Abschnitt {n} so lange auf, wie der Vertrag mit dem Kunden "
        "läuft, und löschen sie danach, sofern keine gesetzliche Aufbewahrungsfrist eine längere Speicherung verlangt."
        for n in range(1, 17)
    ],
    "17.1 Ihre personenbezogenen Daten werden ausschließlich innerhalb der Staaten des Europäischen "
    "Wirtschaftsraums gespeichert und verarbeitet, deren Schutzniveau dem unseres Sitzlandes vergleichbar ist.",
]


@pytest.mark.parametrize(
    ("paragraphs", "phrase"), [(WRAPPED_EN, "European Economic Area"), (WRAPPED_DE, "Europäischen Wirtschaftsraums")]
)
@pytest.mark.parametrize("name", ["policy.md", "policy.txt"])
def test_hard_wrapped_lines_are_joined_into_their_paragraphs(paragraphs: list[str], phrase: str, name: str) -> None:
    """A document whose every line is its own paragraph: the lines of one paragraph are joined again,
    so that a sentence split at "European | Economic Area" is read whole."""
    # The first width at which a line break falls inside the phrase.
    text = next(t for w in range(80, 110) if phrase not in (t := _hard_wrapped(paragraphs, w)))
    doc = load(text.encode(), name=name)
    assert [b.text for b in doc.blocks[1:]] == paragraphs[1:]
    assert doc.blocks[0].kind == "heading"
    assert_consistent(doc)


@pytest.mark.parametrize("name", ["notes.md", "notes.txt"])
def test_short_one_line_paragraphs_are_not_joined(name: str) -> None:
    """Open-ended one-line paragraphs of varied length (labels, fields, headings) are not wrapped prose."""
    lines = [f"Field {n} of the record without a final stop" + " and more words" * (n % 5) for n in range(30)]
    doc = load("\n\n".join(lines).encode(), name=name)
    assert len(doc.blocks) == 30


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Example Ltd processes personal data on behalf of the customer.\n\nThe parties agree to the standard "
            "contractual clauses.",
            "standard contractual clauses",
        ),
        (
            "Die Beispiel GmbH verarbeitet personenbezogene Daten im Auftrag des Kunden.\n\nDie Parteien vereinbaren "
            "die Standardvertragsklauseln.",
            "Standardvertragsklauseln",
        ),
    ],
)
def test_markdown_a_page_kept_in_its_front_matter_is_read_from_there(body, expected) -> None:
    """A CMS page whose whole text sits in a front-matter field is that text, not an empty document."""
    field = "\n".join("      " + line if line else "" for line in body.split("\n"))
    text = f"---\ntitle: Agreement\ntheme: white\ncomponents:\n  - type: Text\n    text: >+\n{field}\n---\n"
    doc = load_text(text, format="markdown")
    assert expected in doc.text
    assert "white" not in doc.text and doc.metadata["title"] == "Agreement"


@pytest.mark.parametrize(
    "text",
    [
        'import Callout from "../components/Callout";\nexport const meta = { title: "Privacy" };\n\n# Privacy\n\n'
        "We store your data in Frankfurt.\n\nimport is how we describe goods we buy from abroad.\n",
        "import { Hinweis } from '@/components';\n\n# Datenschutz\n\nWir speichern Ihre Daten in Frankfurt.\n\n"
        "import is how we describe goods we buy from abroad.\n",
    ],
)
def test_markdown_mdx_module_lines_are_not_text(tmp_path, text) -> None:
    """An MDX page's import/export lines are code; a paragraph merely opening with "import" is text."""
    path = tmp_path / "policy.mdx"
    path.write_text(text, encoding="utf-8")
    doc = load(str(path))
    assert_consistent(doc)
    texts = [b.text for b in doc.blocks]
    assert not any("components" in t or "meta" in t for t in texts)
    assert texts[-1] == "import is how we describe goods we buy from abroad."


@pytest.mark.parametrize(
    ("marker", "header", "row"),
    [
        ("Page 4 of 12", ("Name", "Purpose", "Location"), ("Norvik Cloud", "Hosting", "Sweden")),
        ("Seite 4 von 12", ("Name", "Zweck", "Standort"), ("Norvik Cloud", "Hosting", "Schweden")),
    ],
)
def test_markdown_a_page_footer_under_a_table_is_no_row(
    marker: str, header: tuple[str, ...], row: tuple[str, ...]
) -> None:
    """A page footer right under a pipe table (text exported to PDF and back) joins the table as a row of one cell
    in Markdown; it is no row, under a header or under rows. A row that names a party beside a number stays."""
    head = f"| {' | '.join(header)} |\n| --- | --- | --- |\n"
    body = f"| {' | '.join(row)} |\n"
    under_rows = load_text(f"{head}{body}{marker}\n\nMore text.", format="markdown")
    assert under_rows.tables[0].rows == (row,)
    under_header = load_text(f"{head}{marker}\n\nMore text.", format="markdown")
    assert under_header.tables[0].rows == ()
    numbered = load_text(f"{head}{body}| Brisk Pay 4 | Payments | 12 |\n", format="markdown")
    assert numbered.tables[0].rows[-1] == ("Brisk Pay 4", "Payments", "12")


# The walker reads each paragraph's inline tokens once for its words, the words it leaves out and its links: a link
# keeps all its words (struck or hidden ones too) while the paragraph keeps only those shown.
_ONE_PASS = {
    "en": (
        "Our [hosting provider](https://host.example/terms) keeps backups with "
        "[~~Old Vault~~ New Vault `v2`](https://vault.example).\n"
        'Support tickets go to <span style="display:none">[Hidden Desk](https://hidden.example) in Ohio</span> '
        "our [help desk](https://desk.example)<br>\nin Ireland.\n",
        "Our hosting provider keeps backups with New Vault v2. Support tickets go to our help desk in Ireland.",
        (
            ("hosting provider", "https://host.example/terms"),
            ("Old Vault New Vault v2", "https://vault.example"),
            ("Hidden Desk", "https://hidden.example"),
            ("help desk", "https://desk.example"),
        ),
        ("Old Vault", "Hidden Desk in Ohio"),
    ),
    "de": (
        "Unser [Hosting-Anbieter](https://hosting.example/agb) sichert bei "
        "[~~Alter Tresor~~ Neuer Tresor `v2`](https://tresor.example).\n"
        'Anfragen gehen an <span style="display:none">[Verstecktes Team](https://versteckt.example) in Texas</span> '
        "unser [Service-Team](https://team.example)<br>\nin Irland.\n",
        "Unser Hosting-Anbieter sichert bei Neuer Tresor v2. Anfragen gehen an unser Service-Team in Irland.",
        (
            ("Hosting-Anbieter", "https://hosting.example/agb"),
            ("Alter Tresor Neuer Tresor v2", "https://tresor.example"),
            ("Verstecktes Team", "https://versteckt.example"),
            ("Service-Team", "https://team.example"),
        ),
        ("Alter Tresor", "Verstecktes Team in Texas"),
    ),
}


@pytest.mark.parametrize("language", sorted(_ONE_PASS))
def test_inline_words_links_struck_and_hidden_in_one_pass(language: str) -> None:
    text, shown, links, (struck, hidden) = _ONE_PASS[language]
    doc = load_text(text, name="entry.md", format="markdown")
    assert [block.text for block in doc.blocks] == [shown]
    assert doc.links == links
    notices = {notice.code: notice.message for notice in doc.notices}
    assert notices["struck-text"].endswith(f'"{struck}"')
    assert notices["hidden-text"].startswith("2 passage(s)") and notices["hidden-text"].endswith(f'"{hidden}"')


@pytest.mark.parametrize(
    "rows",
    [
        [("Provider", "Service", "Country"), ("Tallimo Ltd", "Email delivery", "United States")],
        [("Dienstleister", "Leistung", "Land"), ("Rendora GmbH", "Rechenzentrum", "Deutschland")],
    ],
)
def test_markdown_and_word_read_a_table_under_an_empty_header_row_alike(make_docx, rows) -> None:
    """A page converted to Markdown often leaves the header row blank; the same table saved as .docx keeps that
    empty first row, which Word shows and the reader drops. Both read an empty header and the same rows."""
    pipe = "| | | |\n| --- | --- | --- |\n" + "".join(f"| {' | '.join(r)} |\n" for r in rows)
    doc = load_text(pipe, format="markdown")

    def fill(document) -> None:
        grid = document.add_table(rows=len(rows) + 1, cols=3)
        for i, row in enumerate(rows, 1):
            for j, cell in enumerate(row):
                grid.cell(i, j).text = cell

    word = load(make_docx(fill), name="x.docx")
    assert doc.tables[0].header == word.tables[0].header == ("", "", "")
    assert doc.tables[0].rows == word.tables[0].rows == tuple(rows)
    assert [b.text for b in doc.blocks] == [b.text for b in word.blocks]
    assert_consistent(doc)


@pytest.mark.parametrize(
    "row",
    [
        ("Controller", "The party that decides why and how personal data is processed."),
        ("Verantwortlicher", "Die Stelle, die über Zweck und Mittel der Verarbeitung entscheidet."),
    ],
)
def test_markdown_an_empty_header_row_over_definitions_stays_empty(make_docx, row) -> None:
    """A table of terms and what they mean has no column titles: its first row stays a row, in Markdown and in the
    same table saved as .docx with its empty first row."""
    doc = load_text(f"| | |\n| --- | --- |\n| {row[0]} | {row[1]} |\n| Term | Meaning. |\n", format="markdown")

    def fill(document) -> None:
        grid = document.add_table(rows=3, cols=2)
        for i, cells in enumerate((row, ("Term", "Meaning.")), 1):
            for j, cell in enumerate(cells):
                grid.cell(i, j).text = cell

    word = load(make_docx(fill), name="x.docx")
    assert doc.tables[0].header == word.tables[0].header == ("", "")
    assert doc.tables[0].rows == word.tables[0].rows == (row, ("Term", "Meaning."))


@pytest.mark.parametrize(
    "text",
    [
        "# Heading\r\n\r\nA line\r\nwrapped\rand ended\r\r\n\r\n* item\0one\r\n* item two\n",
        "| a | b |\r\n|---|---|\r\n| c\0 | d |\r\n",
        "\r\n\r\n\0\r",
        "no line ends at all",
        "",
    ],
)
def test_markdown_line_ends_and_nul_normalised_as_markdown_it_does(text: str) -> None:
    """The parser's first step by ``str.replace`` gives markdown-it's own tokens for Windows and old Mac line ends
    and NUL characters."""
    from markdown_it import MarkdownIt

    from dpcheck.ingest.markdown import _MD

    own = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    assert [t.as_dict() for t in _MD.parse(text)] == [t.as_dict() for t in own.parse(text)]
