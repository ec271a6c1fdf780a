"""Sub-processor lists kept as delimited text (CSV, TSV, semicolon- or pipe-separated): one table.

Vendors publish their lists as spreadsheet downloads and keep them as CSV in their repositories. Read as
plain text, a row ("Acme Inc.,Hosting,United States") is no sentence, and a list naming a US recipient would
read as naming none; read as a table, each row is a sub-processor with its columns.
"""

from __future__ import annotations

import csv
import io

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest.document import Document, DocumentBuilder
from dpcheck.ingest.normalize import clean

# Enough of the text for csv.Sniffer to tell the delimiter by.
_SAMPLE = 16384
_DELIMITERS = ",;\t|"


def parse(text: str, source: str) -> Document:
    """The rows of ``text`` (as decoded, not yet cleaned) as one table, the first row its header; ragged rows are
    padded; each cell is cleaned as any text is, its line breaks made spaces (a row is one line)."""
    rows = [[" ".join(clean(cell).split()) for cell in row] for row in csv.reader(io.StringIO(text), _dialect(text))]
    rows = [row for row in rows if any(row)]
    if not rows:
        raise IngestError(ErrorCode.EMPTY, "the file holds no rows")
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    builder = DocumentBuilder(source, "csv")
    builder.add_table(rows[0], rows[1:])
    return builder.build()


def _dialect(text: str) -> type[csv.Dialect] | csv.Dialect:
    sample = text[:_SAMPLE]
    try:
        return csv.Sniffer().sniff(sample, delimiters=_DELIMITERS)
    except csv.Error:
        # One column, or too few rows to tell: a tab-separated sample has tabs, anything else is read as CSV.
        return csv.excel_tab if "\t" in sample else csv.excel
