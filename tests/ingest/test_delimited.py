"""Sub-processor lists kept as delimited text are read as one table (dpcheck/ingest/delimited.py)."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest import load, sniff
from dpcheck.report.json import document_to_dict


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"Name,Purpose,Location\nAcme Inc.,Hosting,United States\n", "subprocessors.csv"),
        (b"Name\tPurpose\tLocation\nAcme Inc.\tHosting\tUnited States\n", "subprocessors.tsv"),
        (b"Name;Zweck;Standort\nAcme Inc.;Hosting;USA\n", "unterauftragsverarbeiter.csv"),
    ],
)
def test_delimited_files_are_sniffed_by_their_suffix(data: bytes, name: str) -> None:
    assert sniff(data, name) == "csv"


@pytest.mark.parametrize(
    ("data", "header", "row"),
    [
        (
            b'Sub-processor,Purpose,Location\n"Acme, Inc.",Hosting,United States\n',
            ("Sub-processor", "Purpose", "Location"),
            ("Acme, Inc.", "Hosting", "United States"),
        ),
        (
            "Unterauftragsverarbeiter;Zweck;Standort\nBeispiel GmbH;Support;Österreich\n".encode(),
            ("Unterauftragsverarbeiter", "Zweck", "Standort"),
            ("Beispiel GmbH", "Support", "Österreich"),
        ),
        (
            b"Name\tPurpose\tLocation\nAcme Inc.\tHosting\n",
            ("Name", "Purpose", "Location"),
            ("Acme Inc.", "Hosting", ""),
        ),
    ],
)
def test_delimited_rows_become_one_table(data: bytes, header: tuple[str, ...], row: tuple[str, ...]) -> None:
    """The first row is the header; quoted delimiters stay in their cell; a short row is padded."""
    doc = load(data, name="list.csv")
    (table,) = doc.tables
    assert doc.format == "csv"
    assert table.header == header
    assert table.rows == (row,)
    assert [b.kind for b in doc.blocks] == ["table_row", "table_row"]


def test_delimited_file_of_blank_rows_is_empty() -> None:
    with pytest.raises(IngestError) as raised:
        load(b",,,\n , ,\n\n", name="list.csv")
    assert raised.value.code == ErrorCode.EMPTY


@pytest.mark.parametrize(
    ("lang", "data", "country"),
    [
        ("en", b"Sub-processor,Purpose,Location\nAcme Cloud Inc.,Hosting of customer data,United States\n", "US"),
        (
            "de",
            b"Unterauftragsverarbeiter;Zweck;Ort der Verarbeitung\nBeispiel Cloud Inc.;Hosting der Kundendaten;USA\n",
            "US",
        ),
    ],
)
def test_delimited_sub_processor_list_places_its_recipients(scanner, tmp_path, lang, data, country) -> None:
    """Read as a table, a list kept as CSV names where each sub-processor processes the data."""
    path = tmp_path / f"acme-subprocessors-{lang}-2026.csv"
    path.write_bytes(data)
    report = scanner.scan_path(path)
    assert report.format == "csv"
    assert country in {t.destination for t in report.transfers}
    # The report format names the format: a CSV list's JSON document validates against the shipped schema.
    schema = json.loads(files("dpcheck.report").joinpath("schema").joinpath("report-1.json").read_text("utf-8"))
    jsonschema.validate(document_to_dict(report), {"$defs": schema["$defs"], "$ref": "#/$defs/document"})
