"""``dpcheck scan``: documents and folders, in parallel and cached, in any output format."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING

import click

from dpcheck.batch import process_scanner, resolve_options, scan_many
from dpcheck.cache import default_cache_dir
from dpcheck.cli.common import EXIT_FAIL, EXIT_UNREADABLE, configure_logging, policy_problems
from dpcheck.cli.history import db_option, open_history
from dpcheck.cli.limits import limit_options
from dpcheck.errors import PolicyError, RulesetError
from dpcheck.flows.graph import to_node_link, write_graphml
from dpcheck.limits import Limits
from dpcheck.models import RATINGS, SEVERITIES, DocumentReport, Report
from dpcheck.report import FORMATS, render
from dpcheck.report.fides import render_fides_yaml
from dpcheck.report.json import document_to_dict
from dpcheck.scanner import iter_documents

if TYPE_CHECKING:
    from dpcheck.history import History


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--fail-on", type=click.Choice([*SEVERITIES, "red", "yellow", "never"]),
              default="never", show_default=True,
              help="Exit 1 when a document has a finding of this severity or higher, or (red, yellow) is "
                   "rated this or worse.")
@click.option("--graph-dir", type=click.Path(file_okay=False, path_type=Path),
              help="Also write each document's data-flow graph here: node-link JSON, GraphML and a "
                   "fideslang system manifest (.fides.yml).")
@click.option("--no-graph", is_flag=True, help="Leave the data-flow graph out of the JSON report.")
@click.option("--rules", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Use this rules folder instead of the bundled one.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Judge by the law in force on this day (YYYY-MM-DD; default: today).")
@click.option("--include", multiple=True, metavar="GLOB",
              help="In folders, scan only files matching GLOB (path below the folder or file name; repeatable).")
@click.option("--exclude", multiple=True, metavar="GLOB", help="In folders, skip files matching GLOB (repeatable).")
@click.option("-j", "--workers", type=click.IntRange(min=1), envvar="DPCHECK_WORKERS",
              help="Worker processes [default: the CPU count, at most one per 4 documents; 1 scans in this process].")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), envvar="DPCHECK_CACHE_DIR",
              help=f"Keep results of unchanged documents here [default: {default_cache_dir()}].")
@click.option("--no-cache", is_flag=True, help="Neither read nor write cached results.")
@click.option("-q", "--quiet", is_flag=True,
              help="No progress bar and no summary (shown only when stderr is a terminal); only errors are logged.")
@click.option("-v", "--verbose", count=True, help="Log what happens on stderr (-vv for debugging).")
@click.option("--policy", "policy", type=click.Path(dir_okay=False, path_type=Path),
              help="Apply this buyer's policy (TOML) after the GDPR rules; see examples/buyer-policy.toml.")
@db_option
@click.option("--vendor", help="With --db: record the documents as this vendor's [default: each document's folder name].")
@limit_options
def scan(paths: tuple[Path, ...], fmt: str, output: Path | None, fail_on: str, graph_dir: Path | None,
         no_graph: bool, rules: Path | None, as_of: datetime | None, include: tuple[str, ...],
         exclude: tuple[str, ...], workers: int | None, cache_dir: Path | None, no_cache: bool, quiet: bool,
         verbose: int, policy: Path | None, db: str | None, vendor: str | None, limits: Limits) -> None:
    """Scan documents and folders (PDF, HTML, Markdown, text, DOCX), in parallel and cached."""
    configure_logging(verbose, quiet)
    started = time.perf_counter()
    # Every Scanner option goes in this one dict: it reaches the worker processes and the cache key as is.
    options = resolve_options({"rules": rules, "as_of": as_of.date() if as_of else None, "policy": policy,
                               "limits": limits})
    try:
        scanner = process_scanner(options)
    except RulesetError as exc:
        failure = click.ClickException(str(exc))
        failure.exit_code = EXIT_UNREADABLE
        raise failure from exc
    except PolicyError as exc:
        policy_problems(exc)
    history = open_history(db) if db else None
    files = list(iter_documents(paths, include=include, exclude=exclude))
    # Starting worker processes costs about a second: a handful of documents is quicker scanned here.
    workers = workers or max(1, min(os.cpu_count() or 1, len(files) // 4))
    cache = None if no_cache else (cache_dir or default_cache_dir())
    documents = scan_many(files, workers=workers, cache=cache, **options)
    counts = {"red": 0, "yellow": 0, "green": 0, "errors": 0, "failing": 0}
    collected: list[DocumentReport] = []
    # Progress and summary are for a person at a terminal: a pipeline's stderr stays clean.
    chatty = not quiet and sys.stderr.isatty()
    with _open_output(output) as out, _progress(len(files), enabled=chatty) as advance:
        for doc in documents:
            counts["errors" if doc.status == "error" else doc.rating] += 1
            counts["failing"] += _fails(doc, fail_on)
            if fmt == "jsonl":
                out.write(json.dumps(document_to_dict(doc, graph=not no_graph), ensure_ascii=False) + "\n")
                out.flush()
            else:
                collected.append(doc)
            if graph_dir is not None:
                _write_graph(doc, graph_dir)
            if history is not None:
                _record(history, scanner.report([doc]), vendor)
            advance()
        if fmt != "jsonl":
            out.write(render(scanner.report(collected), fmt, graph=not no_graph,
                             colour=output is None and sys.stdout.isatty(), ruleset=scanner.ruleset))
    if history is not None:
        history.close()
    if chatty:
        click.echo(f"{len(files)} documents: {counts['red']} red, {counts['yellow']} yellow, {counts['green']} green, "
                   f"{counts['errors']} unreadable; {time.perf_counter() - started:.1f} s", err=True)
    if counts["errors"]:
        sys.exit(EXIT_UNREADABLE)
    if counts["failing"]:
        sys.exit(EXIT_FAIL)


def _fails(doc: DocumentReport, fail_on: str) -> bool:
    """Whether ``doc`` trips --fail-on; sub-processor lists are annexes and are not judged alone."""
    if doc.status == "error" or doc.doc_type == "subprocessor_list" or fail_on == "never":
        return False
    if fail_on in SEVERITIES:
        # A finding the buyer's policy accepts is shown but, as in the rating, does not count.
        return any(SEVERITIES.index(f.severity) <= SEVERITIES.index(fail_on) for f in doc.findings if not f.accepted)
    return RATINGS.index(doc.rating) >= RATINGS.index(fail_on)


def _record(history: History, report: Report, vendor: str | None) -> None:
    """One transaction per document: a long scan never holds the database's write lock, and what was
    recorded before an interruption stays recorded."""
    from dpcheck.history import Entry

    path = Path(report.documents[0].path)
    if path.is_file():  # a document that is not there has no content to remember
        history.record(Entry.of_file(report, path, vendor=vendor))


def _write_graph(doc: DocumentReport, graph_dir: Path) -> None:
    if doc.flow is None:
        return
    graph_dir.mkdir(parents=True, exist_ok=True)
    stem = Path(doc.path).name
    (graph_dir / f"{stem}.graph.json").write_text(json.dumps(to_node_link(doc.flow), indent=2), encoding="utf-8")
    write_graphml(doc.flow, graph_dir / f"{stem}.graphml")
    (graph_dir / f"{stem}.fides.yml").write_text(render_fides_yaml(doc), encoding="utf-8")


@contextmanager
def _open_output(output: Path | None) -> Iterator[IO[str]]:
    if output is None:
        yield sys.stdout
        return
    with output.open("w", encoding="utf-8") as handle:
        yield handle


@contextmanager
def _progress(total: int, *, enabled: bool) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr when it is a terminal; otherwise nothing."""
    if not enabled:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # Refreshed by hand, not by rich's thread: worker processes are forked from this one (see batch.py).
    with Progress(TextColumn("scanning"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                  console=Console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("scan", total=total)

        def advance() -> None:
            progress.advance(task)
            progress.refresh()

        yield advance

