"""Tables with a column per transfer tool: the cells under a tool's heading, not the heading, say it is used."""

from __future__ import annotations

import pytest

from dpcheck.extract.columns import cell_answer


def mechanisms(scanner, text, lang):
    return set(scanner.scan_text(text, language=lang, doc_type="privacy_policy").mechanisms)


@pytest.mark.parametrize(
    ("cell", "answer"),
    [
        ("yes", True),
        ("Ja", True),
        ("✓", True),
        ("x", True),
        ("yes (since 2024)", True),
        ("no", False),
        ("nein", False),
        ("–", False),
        ("", False),
        ("n/a", False),
        ("Module 2", None),
        ("2021", None),
    ],
)
def test_tool_columns_a_cell_answers_yes_no_or_nothing(scanner, cell, answer):
    words = scanner._lexicon.mechanisms
    assert cell_answer(cell, words.cell_yes, words.cell_no) is answer


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Header: Vendor | Hosting country | SCC | DPF | BCR | Row: Pellucid Mail Inc. | United States | yes | no | no",
            {"scc"},
        ),
        (
            "en",
            "Header: Vendor | Hosting country | SCC | DPF | BCR | Row: Brightfen Ltd | Ireland | no | no | no",
            set(),
        ),
        ("en", "Header: Vendor | Country | SCC | Adequacy | DPF | Row: Kaimana KK | Japan | – | ✓ | –", {"adequacy"}),
        (
            "de",
            "Header: Dienstleister | Land | Standardvertragsklauseln | Datenschutzrahmen | BCR | "
            "Row: Quillmoor Inc. | USA | nein | ja | nein",
            {"dpf"},
        ),
        (
            "de",
            "Header: Dienstleister | Land | SCC | Angemessenheitsbeschluss | Datenschutzrahmen | "
            "Row: Brückner s.r.o. | Tschechien | – | – | –",
            set(),
        ),
        (
            "de",
            "Header: Dienstleister | Land | SCC | Angemessenheitsbeschluss | Datenschutzrahmen | "
            "Row: Kaimana KK | Japan | – | x | –",
            {"adequacy"},
        ),
    ],
)
def test_tool_columns_a_row_answers_for_the_tools_heading_its_cells(scanner, lang, text, expected):
    """A header and one row flattened into one line: each tool heading a column is used where the row says so."""
    assert mechanisms(scanner, text, lang) == expected


def test_tool_columns_a_mechanism_column_still_names_the_tool(scanner):
    """A column of tools ("Mechanism | SCC") is no column per tool: the cell names what is relied on."""
    text = "Header: Vendor | Country | Mechanism | Row: Pellucid Mail Inc. | United States | SCC"
    assert mechanisms(scanner, text, "en") == {"scc"}


def _html(rows: str) -> bytes:
    return (
        "<html><body><h1>Sub-processors</h1><table>"
        "<tr><th>Sub-processor</th><th>Location</th><th>SCC</th><th>DPF</th><th>BCR</th></tr>"
        f"{rows}</table></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        (
            "<tr><td>Pellucid Mail Inc.</td><td>United States</td><td>no</td><td>yes</td><td>no</td></tr>"
            "<tr><td>Tarnwick Pvt Ltd</td><td>India</td><td>no</td><td>no</td><td>yes</td></tr>",
            {"dpf", "bcr"},
        ),
        (
            "<tr><td>Brightfen Ltd</td><td>Ireland</td><td>nein</td><td>nein</td><td>nein</td></tr>",
            set(),
        ),
    ],
)
def test_tool_columns_a_tables_header_names_the_tools_its_rows_answer_yes(scanner, rows, expected):
    """In a document's own table the header names the tools; a tool no row answers "yes" for is not relied on."""
    report = scanner.scan_bytes(_html(rows), "subprocessors.html", language="en")
    assert set(report.mechanisms) == expected
