"""``dpcheck eval``: score dpcheck against gold labels, with the figures of the evaluation kit."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from dpcheck.evaluate import Scorer, load_gold, load_report
from dpcheck.report.json import document_to_dict
from dpcheck.scanner import Scanner


@click.command("eval")
@click.option(
    "--gold",
    required=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Gold labels: a JSON list of records in the GUIDELINES.md format.",
)
@click.option(
    "--report",
    "report_path",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Score this JSON/JSONL report instead of scanning PATHS.",
)
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--details", is_flag=True, help="Print each document's differences from its gold record.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option(
    "--min",
    "minimums",
    multiple=True,
    metavar="FIGURE=VALUE",
    help="Exit 1 if a figure is below VALUE, e.g. --min mechanisms_f1=0.9 (repeatable).",
)
def evaluate(
    gold: Path, report_path: Path | None, paths: tuple[Path, ...], details: bool, fmt: str, minimums: tuple[str, ...]
) -> None:
    """Score dpcheck on labelled documents: scan PATHS (or read --report) and compare with --gold."""
    if not paths and report_path is None:
        raise click.UsageError("give PATHS to scan or --report")
    scanner = Scanner()
    scorer = Scorer(scanner.ruleset)
    try:
        records = load_gold(gold)
        documents = (
            load_report(report_path)
            if report_path
            else [document_to_dict(d, graph=False) for d in scanner.scan(paths).documents]
        )
    except (ValueError, KeyError) as exc:
        raise click.UsageError(str(exc)) from exc
    result = scorer.score(records, documents)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), indent=2))
    else:
        click.echo(result.render(details=details), nl=False)
    short = []
    for spec in minimums:
        name, _, value = spec.partition("=")
        if name not in result.figures:
            raise click.UsageError(f"unknown figure {name!r}; known: {', '.join(result.figures)}")
        if result.figures[name] < float(value):
            short.append(f"{name}={result.figures[name]:.3f} < {value}")
    if short:
        click.echo("SHORT: " + ", ".join(short), err=True)
        sys.exit(1)
