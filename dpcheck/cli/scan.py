"""``dpcheck scan``: documents and folders, in parallel and cached, in any output format."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Generator, Iterator
from contextlib import closing, contextmanager, nullcontext
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any

import click

from dpcheck.batch import process_scanner, resolve_options, scan_many
from dpcheck.cache import default_cache_dir
from dpcheck.cli.common import (
    EXIT_FAIL,
    EXIT_UNREADABLE,
    UserError,
    as_of_option,
    configure_logging,
    policy_problems,
    rules_option,
)
from dpcheck.cli.history import db_option, open_history
from dpcheck.cli.limits import limit_options
from dpcheck.cli.outputs import open_outputs
from dpcheck.errors import PolicyError, RulesetError
from dpcheck.facts import LegalFacts
from dpcheck.flows.graph import to_node_link, write_graphml
from dpcheck.limits import Limits
from dpcheck.models import RATINGS, SEVERITIES, DocumentReport, Report, tally
from dpcheck.report import FORMATS, render
from dpcheck.report.fides import render_fides_yaml
from dpcheck.report.fingerprint import fingerprints_of_json
from dpcheck.report.json import document_to_dict
from dpcheck.report.questions import ratings_counted, skipped_note
from dpcheck.report.safe import visible
from dpcheck.report.selection import FindingFilter, parse_terms
from dpcheck.scanner import Scanner
from dpcheck.walk import Walk

if TYPE_CHECKING:
    from dpcheck.history import History

log = logging.getLogger(__name__)

# Exit codes of a scan ended by a signal, as a shell reports them (128 + the signal's number).
EXIT_SIGINT = 128 + signal.SIGINT
EXIT_SIGTERM = 128 + signal.SIGTERM
# File names in --graph-dir: a document's name cut to this many UTF-8 bytes leaves room for a
# suffix telling same-named documents apart and the format's own (255 bytes in all, on most systems).
GRAPH_NAME_BYTES = 180


class Terminated(BaseException):  # not *Error: like KeyboardInterrupt, a request to stop
    """SIGTERM arrived: the scan stops as for Ctrl-C, cleaning up on its way out."""


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, allow_dash=True, path_type=Path))
@click.option(
    "--name",
    "stdin_name",
    metavar="NAME",
    help="With `-` (read standard input): the document's file name, whose suffix names its format "
    "[default: the format is recognised from the content].",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(FORMATS)),
    default="text",
    show_default=True,
    help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()),
)
@click.option(
    "-o",
    "--output",
    "outputs",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the report here, in the format the suffix names (.txt .json .jsonl .csv .sarif .md "
    ".html; else --format); repeatable for several formats from one scan.",
)
@click.option(
    "--fail-on",
    type=click.Choice([*SEVERITIES, "red", "yellow", "never"]),
    default="never",
    show_default=True,
    help="Exit 1 when a document has a finding of this severity or higher, or (red, yellow) is rated this or worse.",
)
@click.option(
    "--select",
    multiple=True,
    metavar="IDS",
    help="Run only these rules: rule ids or severities, comma-separated or repeated.",
)
@click.option(
    "--ignore",
    multiple=True,
    metavar="IDS",
    help="Never run these rules: rule ids or severities, comma-separated or repeated.",
)
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Report only findings that this earlier JSON report (--format json) did not have; "
    "ratings still describe the whole document.",
)
@click.option(
    "--lang",
    type=click.Choice(["en", "de"]),
    help="Write messages and questions for the vendor in this language [default: each document's].",
)
@click.option(
    "--graph-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Also write each document's data-flow graph here: node-link JSON, GraphML and a "
    "fideslang system manifest (.fides.yml).",
)
@click.option("--no-graph", is_flag=True, help="Leave the data-flow graph out of the JSON report.")
@rules_option()
@as_of_option()
@click.option(
    "--include",
    multiple=True,
    metavar="GLOB",
    help="In folders, scan only files matching GLOB (path below the folder or file name; repeatable).",
)
@click.option("--exclude", multiple=True, metavar="GLOB", help="In folders, skip files matching GLOB (repeatable).")
@click.option(
    "--follow-symlinks",
    is_flag=True,
    help="In folders, follow symbolic links that lead out of the folder (they are skipped, and said, without this).",
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    envvar="DPCHECK_WORKERS",
    help="Worker processes [default: the CPU count, at most one per 4 documents; 1 scans in this process].",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    envvar="DPCHECK_CACHE_DIR",
    help=f"Keep results of unchanged documents here [default: {default_cache_dir()}].",
)
@click.option("--no-cache", is_flag=True, help="Neither read nor write cached results.")
@click.option(
    "-q",
    "--quiet",
    is_flag=True,
    help="No progress bar and no summary (shown only when stderr is a terminal); only errors are logged.",
)
@click.option(
    "-v",
    "--verbose",
    count=True,
    help="Log on stderr each document read, taken from the cache, skipped or cut short (-vv: more).",
)
@click.option(
    "--policy",
    "policy",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Apply this buyer's policy (TOML) after the GDPR rules; see examples/buyer-policy.toml.",
)
@db_option
@click.option(
    "--vendor", help="With --db: record the documents as this vendor's [default: each document's folder name]."
)
@limit_options
def scan(verbose: int, **params: Any) -> None:
    """Scan documents and folders (PDF, HTML, Markdown, text, DOCX), in parallel and cached;
    `-` reads one document from standard input."""
    configure_logging(verbose, params["quiet"])
    progress = {"done": 0, "files": 0}
    try:
        with _terminated_on_sigterm():
            _scan(progress, **params)
    except (KeyboardInterrupt, Terminated) as exc:
        name, code = ("SIGINT", EXIT_SIGINT) if isinstance(exc, KeyboardInterrupt) else ("SIGTERM", EXIT_SIGTERM)
        outputs = params["outputs"]
        files = ", ".join(visible(str(o)) for o in outputs)
        written = "" if not outputs else f"; {files} {'was' if len(outputs) == 1 else 'were'} not written"
        click.echo(
            f"dpcheck: stopped by {name} after {progress['done']} of {progress['files']} document(s){written}", err=True
        )
        sys.exit(code)


def _scan(
    progress: dict[str, int],
    paths: tuple[Path, ...],
    stdin_name: str | None,
    fmt: str,
    outputs: tuple[Path, ...],
    fail_on: str,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    baseline: Path | None,
    lang: str | None,
    graph_dir: Path | None,
    no_graph: bool,
    rules: Path | None,
    as_of: datetime | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    follow_symlinks: bool,
    workers: int | None,
    cache_dir: Path | None,
    no_cache: bool,
    quiet: bool,
    policy: Path | None,
    db: str | None,
    vendor: str | None,
    limits: Limits,
) -> None:
    started = time.perf_counter()
    stdin = Path("-") in paths
    if stdin and len(paths) > 1:
        raise click.UsageError("`-` (standard input) cannot be scanned together with other paths")
    # Every Scanner option goes in this one dict: it reaches the worker processes and the cache key as is.
    options = resolve_options(
        {"rules": rules, "as_of": as_of.date() if as_of else None, "policy": policy, "limits": limits, "lang": lang}
    )
    try:
        scanner = process_scanner(options)
    except RulesetError as exc:
        raise UserError(str(exc)) from exc
    except PolicyError as exc:
        policy_problems(exc)
    # Only a day the user chose: today is always after the day the facts were last reviewed.
    for warning in as_of_warnings(as_of.date(), scanner.ruleset.facts) if as_of else ():
        log.warning("%s", warning)
    chosen = _finding_filter(scanner, select, ignore, baseline)
    history = open_history(db) if db else None
    walk = Walk([] if stdin else paths, include=include, exclude=exclude, follow_symlinks=follow_symlinks)
    files = list(walk)
    progress["files"] = 1 if stdin else len(files)
    # Starting worker processes costs about a second: a handful of documents needs only one. Every
    # document is read in a worker process all the same, where a hard memory limit holds.
    workers = workers or max(1, min(os.cpu_count() or 1, len(files) // 4))
    cache = None if no_cache else (cache_dir or default_cache_dir())
    counts = {"red": 0, "yellow": 0, "green": 0, "not_rated": 0, "errors": 0, "failing": 0}
    collected: list[DocumentReport] = []
    graph_names: dict[str, str] = {}
    # Progress and summary are for a person at a terminal: a pipeline's stderr stays clean.
    chatty = not quiet and sys.stderr.isatty()
    if stdin:
        documents: Iterator[DocumentReport] = iter([_scan_stdin(scanner, stdin_name)])
    else:
        log.debug("scanning %d file(s) with %d worker(s); cache: %s", len(files), workers, cache or "none")
        documents = scan_many(files, workers=workers, cache=cache, isolate=True, **options)
    with (
        open_outputs(outputs, fmt) as targets,
        _progress(len(files), enabled=chatty) as advance,
        closing(documents) if isinstance(documents, Generator) else nullcontext(),
        nullcontext() if history is None else closing(history),
    ):
        streamed = [t for t in targets if t.fmt == "jsonl"]
        # Only a whole report needs every document kept: a stream alone holds one at a time, so
        # its memory stays flat however many documents it writes.
        whole = [t for t in targets if t.fmt != "jsonl"]
        rating = scanner.policy.rating if scanner.policy else scanner.ruleset.rating
        for doc in documents:
            shown = chosen.apply(doc, rating, scanner.ruleset.rating)
            counts[tally(shown)] += 1
            counts["failing"] += _fails(shown, fail_on)
            for target in streamed:
                target.handle.write(json.dumps(document_to_dict(shown, graph=not no_graph), ensure_ascii=False) + "\n")
                target.handle.flush()
            if whole:
                collected.append(shown)
            if graph_dir is not None:
                _write_graph(shown, graph_dir, graph_names)
            if history is not None:
                _record(history, scanner.report([doc]), vendor)
            progress["done"] += 1
            advance()
        report = scanner.report(collected, walk.skipped) if whole else None
        for target in targets:
            if report is not None and target.fmt != "jsonl":
                target.handle.write(
                    render(report, target.fmt, graph=not no_graph, colour=target.colour, ruleset=scanner.ruleset)
                )
            if target.path is not None:
                log.info("wrote the %s report to %s", target.fmt, target.path)
    if chatty:
        skipped = f"; {skipped_note(scanner.report((), walk.skipped))}" if walk.skipped else ""
        click.echo(
            f"{progress['done']} documents: {ratings_counted(counts)}, {counts['errors']} unreadable{skipped}; "
            f"{time.perf_counter() - started:.1f} s",
            err=True,
        )
    if not progress["done"]:
        # Nothing was assessed: never a silent success, least of all when the folder held files.
        what = skipped_note(scanner.report((), walk.skipped)) if walk.skipped else "no file at all"
        click.echo(f"dpcheck: no document scanned: {what}", err=True)
        sys.exit(EXIT_UNREADABLE)
    if counts["errors"]:
        sys.exit(EXIT_UNREADABLE)
    if counts["failing"]:
        sys.exit(EXIT_FAIL)


def as_of_warnings(day: date, facts: LegalFacts) -> list[str]:
    """What a reader of a report judged by the law of ``day`` should know: before the GDPR applied, or
    after the last change of law recorded (later changes are not known to this ruleset)."""
    warnings = []
    if day < facts.gdpr_applies:
        warnings.append(
            f"--as-of {day.isoformat()} is before the GDPR applied ({facts.gdpr_applies.isoformat()}): "
            "the report judges by a law that was not yet in force"
        )
    if day.isoformat() > facts.as_of:
        warnings.append(
            f"--as-of {day.isoformat()} is after the legal facts recorded ({facts.as_of}): changes of "
            "law since then are not known to this ruleset"
        )
    return warnings


def _finding_filter(
    scanner: Scanner, select: tuple[str, ...], ignore: tuple[str, ...], baseline: Path | None
) -> FindingFilter:
    rule_ids = [r.id for r in (*scanner.ruleset.rules, *scanner.ruleset.policy_rules)]
    try:
        chosen = FindingFilter(parse_terms(select, rule_ids), parse_terms(ignore, rule_ids))
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--select/--ignore") from exc
    if baseline is None:
        return chosen
    try:
        known = fingerprints_of_json(json.loads(baseline.read_text(encoding="utf-8")))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserError(f"--baseline {baseline} is no JSON report of dpcheck scan --format json ({exc})") from exc
    log.info("baseline %s: %d finding(s) known", baseline, len(known))
    return replace(chosen, baseline=known)


def _scan_stdin(scanner: Scanner, name: str | None) -> DocumentReport:
    data = sys.stdin.buffer.read()
    log.info("read %d bytes from standard input", len(data))
    return scanner.scan_bytes(data, name or "<stdin>")


def _fails(doc: DocumentReport, fail_on: str) -> bool:
    """Whether ``doc`` trips --fail-on, by its findings and its rating as the report gives them. A sub-processor
    list is not rated alone but is held to it too: its rating is never green (so --fail-on yellow trips on it:
    nothing vouches for it until it is read with its DPA), and a finding it proves alone counts."""
    if doc.status == "error" or fail_on == "never":
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
    with Progress(
        TextColumn("scanning"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
        auto_refresh=False,
    ) as progress:
        task = progress.add_task("scan", total=total)

        def advance() -> None:
            progress.advance(task)
            progress.refresh()

        yield advance
