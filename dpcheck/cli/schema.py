"""``dpcheck schema``: the JSON Schema of the report."""

from __future__ import annotations

import json

import click

from dpcheck.report.schema import document_schema, schema_text


@click.command()
@click.option("--document", is_flag=True, help="Print the schema of one document (one --format jsonl line).")
def schema(document: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of the JSON report."""
    if document:
        click.echo(json.dumps(document_schema(), indent=2))
    else:
        click.echo(schema_text(), nl=False)
