"""``dpcheck schema``: the JSON Schema of a report, a vendor report or a comparison."""

from __future__ import annotations

import json

import click

from dpcheck.report.schema import diff_schema, document_schema, schema_text, vendor_schema


@click.command()
@click.option("--document", is_flag=True, help="Print the schema of one document (one --format jsonl line).")
@click.option(
    "--of",
    "of",
    type=click.Choice(["report", "document", "vendor", "diff"]),
    default="report",
    show_default=True,
    help="Whose schema: dpcheck scan's report, one document of it, dpcheck vendor's "
    "report, or dpcheck diff's comparison.",
)
def schema(document: bool, of: str) -> None:
    """Print the JSON Schema (draft 2020-12) of the JSON report."""
    if document or of == "document":
        click.echo(json.dumps(document_schema(), indent=2))
    elif of == "vendor":
        click.echo(json.dumps(vendor_schema(), indent=2, ensure_ascii=False))
    elif of == "diff":
        click.echo(json.dumps(diff_schema(), indent=2, ensure_ascii=False))
    else:
        click.echo(schema_text(), nl=False)
