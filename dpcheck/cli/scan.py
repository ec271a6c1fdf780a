"""``dpcheck scan``: documents and folders, in parallel and cached, in any output format."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, nullcontext
from datetime import datetime
from pathlib import Path
from types import FrameType
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
from dpcheck.report.questions import skipped_note
from dpcheck.report.safe import visible
from dpcheck.walk import Walk

if TYPE_CHECKING:
    from dpcheck.history import History

# Exit codes of a scan ended by a signal, as a shell reports them (128 + the signal's number).
EXIT_SIGINT = 128 + signal.SIGINT
EXIT_SIGTERM = 128 + signal.SIGTERM
# File names in --graph-dir: a document's name cut to this many UTF-8 bytes leaves room for a
# suffix telling same-named documents apart and the format's own (255 bytes in all, on most systems).
GRAPH_NAME_BYTES = 180


class Terminated(BaseException):  # noqa: N818 - like KeyboardInterrupt, a request to stop, not an error
    """SIGTERM arrived: the scan stops as for Ctrl-C, cleaning up on its way out."""


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
@click.option("--follow-symlinks", is_flag=True,
              help="In folders, follow symbolic links that lead out of the folder (they are skipped, and said, "
                   "without this).")
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
         exclude: tuple[str, ...], follow_symlinks: bool, workers: int | None, cache_dir: Path | None,
         no_cache: bool, quiet: bool, verbose: int, policy: Path | None, db: str | None, vendor: str | None,
         limits: Limits) -> None:
    """Scan documents and folders (PDF, HTML, Markdown, text, DOCX), in parallel and cached."""
    configure_logging(verbose, quiet)
    progress = {"done": 0, "files": 0}
    try:
        with _terminated_on_sigterm():
            _scan(paths, fmt, output, fail_on, graph_dir, no_graph, rules, as_of, include, exclude, follow_symlinks,
                  workers, cache_dir, no_cache, quiet, policy, db, vendor, limits, progress)
    except (KeyboardInterrupt, Terminated) as exc:
        name, code = ("SIGINT", EXIT_SIGINT) if isinstance(exc, KeyboardInterrupt) else ("SIGTERM", EXIT_SIGTERM)
        written = "" if output is None else f"; {visible(str(output))} was not written"
        click.echo(f"dpcheck: stopped by {name} after {progress['done']} of {progress['files']} document(s)"
                   f"{written}", err=True)
        sys.exit(code)


def _scan(paths: tuple[Path, ...], fmt: str, output: Path | None, fail_on: str, graph_dir: Path | None,
          no_graph: bool, rules: Path | None, as_of: datetime | None, include: tuple[str, ...],
          exclude: tuple[str, ...], follow_symlinks: bool, workers: int | None, cache_dir: Path | None,
          no_cache: bool, quiet: bool, policy: Path | None, db: str | None, vendor: str | None, limits: Limits,
          progress: dict[str, int]) -> None:
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
    walk = Walk(paths, include=include, exclude=exclude, follow_symlinks=follow_symlinks)
    files = list(walk)
    progress["files"] = len(files)
    # Starting worker processes costs about a second: a handful of documents needs only one. Every
    # document is read in a worker process all the same, where a hard memory limit holds.
    workers = workers or max(1, min(os.cpu_count() or 1, len(files) // 4))
    cache = None if no_cache else (cache_dir or default_cache_dir())
    counts = {"red": 0, "yellow": 0, "green": 0, "errors": 0, "failing": 0}
    collected: list[DocumentReport] = []
    graph_names: dict[str, str] = {}
    # Progress and summary are for a person at a terminal: a pipeline's stderr stays clean.
    chatty = not quiet and sys.stderr.isatty()
    with _open_output(output) as out, _progress(len(files), enabled=chatty) as advance, \
            closing(scan_many(files, workers=workers, cache=cache, isolate=True, **options)) as documents, \
            (nullcontext() if history is None else closing(history)):
        for doc in documents:
            counts["errors" if doc.status == "error" else doc.rating] += 1
            counts["failing"] += _fails(doc, fail_on)
            if fmt == "jsonl":
                out.write(json.dumps(document_to_dict(doc, graph=not no_graph), ensure_ascii=False) + "\n")
                out.flush()
            else:
                collected.append(doc)
            if graph_dir is not None:
                _write_graph(doc, graph_dir, graph_names)
            if history is not None:
                _record(history, scanner.report([doc]), vendor)
            progress["done"] += 1
            advance()
        if fmt != "jsonl":
            out.write(render(scanner.report(collected, walk.skipped), fmt, graph=not no_graph,
                             colour=output is None and sys.stdout.isatty(), ruleset=scanner.ruleset))
    if chatty:
        skipped = f"; {skipped_note(scanner.report((), walk.skipped))}" if walk.skipped else ""
        click.echo(f"{len(files)} documents: {counts['red']} red, {counts['yellow']} yellow, {counts['green']} green, "
                   f"{counts['errors']} unreadable{skipped}; {time.perf_counter() - started:.1f} s", err=True)
    if not files:
        # Nothing was assessed: never a silent success, least of all when the folder held files.
        what = skipped_note(scanner.report((), walk.skipped)) if walk.skipped else "no file at all"
        click.echo(f"dpcheck: no document scanned: {what}", err=True)
        sys.exit(EXIT_UNREADABLE)
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


def _write_graph(doc: DocumentReport, graph_dir: Path, names: dict[str, str]) -> None:
    if doc.flow is None:
        return
    graph_dir.mkdir(parents=True, exist_ok=True)
    stem = graph_name(doc.path, names)
    (graph_dir / f"{stem}.graph.json").write_text(json.dumps(to_node_link(doc.flow), indent=2), encoding="utf-8")
    write_graphml(doc.flow, graph_dir / f"{stem}.graphml")
    (graph_dir / f"{stem}.fides.yml").write_text(render_fides_yaml(doc), encoding="utf-8")


def graph_name(path: str, taken: dict[str, str]) -> str:
    """The file name stem of a document's graphs: its file name, cut to :data:`GRAPH_NAME_BYTES`,
    and, for a second document of the same name (a/dpa.md, b/dpa.md), a digest of its path.
    ``taken`` maps the stems used so far to their paths."""
    name = Path(path).name.encode("utf-8")[:GRAPH_NAME_BYTES].decode("utf-8", "ignore") or "document"
    stem = name
    if taken.get(stem, path) != path:
        stem = f"{name}.{hashlib.sha256(path.encode('utf-8', 'surrogateescape')).hexdigest()[:12]}"
    taken[stem] = path
    return stem


@contextmanager
def _open_output(output: Path | None) -> Iterator[IO[str]]:
    """Standard output, or a temporary file beside ``output`` renamed to it once the report is whole:
    an interrupted or failed scan leaves ``output`` as it was, never cut short."""
    if output is None:
        yield sys.stdout
        return
    try:
        handle = tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=output.parent or ".",  # noqa: SIM115
                                             prefix=f".{output.name}.", suffix=".tmp", delete=False)
    except OSError as exc:
        click.echo(f"dpcheck: cannot write {visible(str(output))}: {exc.strerror or exc}", err=True)
        sys.exit(EXIT_UNREADABLE)
    try:
        with handle:
            yield handle
        os.chmod(handle.name, _mode_for(output))
        os.replace(handle.name, output)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


def _mode_for(output: Path) -> int:
    """The mode the report file gets: that of the file it replaces, else what a new file gets."""
    try:
        return output.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def _terminated_on_sigterm() -> Iterator[None]:
    """While the block runs, SIGTERM raises :class:`Terminated` (as SIGINT raises KeyboardInterrupt),
    so that the workers are killed and no report is left half written."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


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

