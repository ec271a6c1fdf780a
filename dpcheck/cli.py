"""Command line: ``dpcheck scan``, ``dpcheck schema``, ``dpcheck eval``, ``dpcheck rules list|show|lint`` and
``dpcheck policy check``.

Exit codes (stable, for procurement tools and CI):
    0  every document was read and none has a finding (or rating) at or above --fail-on
       (default: never)
    1  some document has a finding at or above --fail-on (a severity: high, medium, low, info),
       or is rated at or above it (red, yellow)
    2  usage error, the ruleset or the policy file is invalid, or some document could not be
       read (takes precedence over 1)
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import IO, NoReturn

import click

from dpcheck.batch import process_scanner, resolve_options, scan_many
from dpcheck.cache import default_cache_dir
from dpcheck.cli_limits import limit_options
from dpcheck.errors import PolicyError, RulesetError
from dpcheck.evaluate import Scorer, load_gold, load_report
from dpcheck.graph import to_node_link, write_graphml
from dpcheck.limits import Limits
from dpcheck.lint import lint
from dpcheck.models import DocumentReport
from dpcheck.report import FORMATS, render
from dpcheck.report.fides import render_fides_yaml
from dpcheck.report.json import document_to_dict
from dpcheck.report.schema import document_schema, schema_text
from dpcheck.resources import rules_dir
from dpcheck.scanner import Scanner, iter_documents

RATING_ORDER = {"green": 0, "yellow": 1, "red": 2}
SEVERITY_ORDER = {"info": 0, "low": 1, "medium": 2, "high": 3}
EXIT_FAIL = 1
EXIT_UNREADABLE = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dpcheck")
def main() -> None:
    """Check vendors' privacy policies and DPAs for clear and lawful data-export terms."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True,
              help="; ".join(f"{f.name}: {f.description}" for f in FORMATS.values()))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Write the report here.")
@click.option("--fail-on", type=click.Choice([*reversed(SEVERITY_ORDER), "red", "yellow", "never"]),
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
@limit_options
def scan(paths: tuple[Path, ...], fmt: str, output: Path | None, fail_on: str, graph_dir: Path | None,
         no_graph: bool, rules: Path | None, as_of: datetime | None, include: tuple[str, ...],
         exclude: tuple[str, ...], workers: int | None, cache_dir: Path | None, no_cache: bool, quiet: bool,
         verbose: int, policy: Path | None, limits: Limits) -> None:
    """Scan documents and folders (PDF, HTML, Markdown, text, DOCX), in parallel and cached."""
    _configure_logging(verbose, quiet)
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
        _policy_problems(exc)
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
            advance()
        if fmt != "jsonl":
            out.write(render(scanner.report(collected), fmt, graph=not no_graph,
                             colour=output is None and sys.stdout.isatty(), ruleset=scanner.ruleset))
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
    if fail_on in SEVERITY_ORDER:
        # A finding the buyer's policy accepts is shown but, as in the rating, does not count.
        return any(SEVERITY_ORDER[f.severity] >= SEVERITY_ORDER[fail_on] for f in doc.findings if not f.accepted)
    return RATING_ORDER[doc.rating] >= RATING_ORDER[fail_on]


def _write_graph(doc: DocumentReport, graph_dir: Path) -> None:
    if doc.graph is None:
        return
    graph_dir.mkdir(parents=True, exist_ok=True)
    stem = Path(doc.path).name
    (graph_dir / f"{stem}.graph.json").write_text(json.dumps(to_node_link(doc.graph), indent=2), encoding="utf-8")
    write_graphml(doc.graph, graph_dir / f"{stem}.graphml")
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


def _configure_logging(verbose: int, quiet: bool) -> None:
    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    logging.basicConfig(level=level, format="dpcheck: %(levelname)s: %(name)s: %(message)s", stream=sys.stderr)


@main.command()
@click.option("--document", is_flag=True, help="Print the schema of one document (one --format jsonl line).")
def schema(document: bool) -> None:
    """Print the JSON Schema (draft 2020-12) of the JSON report."""
    if document:
        click.echo(json.dumps(document_schema(), indent=2))
    else:
        click.echo(schema_text(), nl=False)


@main.command("eval")
@click.option("--gold", required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Gold labels: a JSON list of records in the GUIDELINES.md format.")
@click.option("--report", "report_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Score this JSON/JSONL report instead of scanning PATHS.")
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option("--details", is_flag=True, help="Print each document's differences from its gold record.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--min", "minimums", multiple=True, metavar="FIGURE=VALUE",
              help="Exit 1 if a figure is below VALUE, e.g. --min mechanisms_f1=0.9 (repeatable).")
def evaluate(gold: Path, report_path: Path | None, paths: tuple[Path, ...], details: bool, fmt: str,
             minimums: tuple[str, ...]) -> None:
    """Score dpcheck on labelled documents: scan PATHS (or read --report) and compare with --gold."""
    if not paths and report_path is None:
        raise click.UsageError("give PATHS to scan or --report")
    scanner = Scanner()
    scorer = Scorer(scanner.ruleset)
    try:
        records = load_gold(gold)
        documents = load_report(report_path) if report_path else [document_to_dict(d, graph=False)
                                                                   for d in scanner.scan(paths).documents]
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


@main.group()
def rules() -> None:
    """Inspect the ruleset."""


@rules.command("list")
def rules_list() -> None:
    """List every rule with its article and severity."""
    scanner = Scanner()
    for rule in scanner.ruleset.rules:
        core = "core" if rule.core else "    "
        click.echo(f"{rule.id:38s} {rule.severity:7s} {core}  {rule.article}")
    click.echo(f"ruleset {scanner.ruleset.version}, legal facts recorded up to {scanner.ruleset.facts.as_of}")


@rules.command("show")
@click.argument("rule_id")
def rules_show(rule_id: str) -> None:
    """Show one rule: article, severity, rationale, the question for the vendor and its examples."""
    scanner = Scanner()
    rule = next((r for r in scanner.ruleset.rules if r.id == rule_id.upper()), None)
    if rule is None:
        known = ", ".join(r.id for r in scanner.ruleset.rules)
        raise click.UsageError(f"no rule {rule_id!r}; known: {known}")
    click.echo(f"{rule.id} ({'core flag' if rule.core else 'dpcheck rule'}, severity {rule.severity})")
    click.echo(f"{rule.title}\nArticle: {rule.article}\n")
    click.echo(f"Why: {rule.rationale}\n")
    for lang, question in rule.questions.items():
        click.echo(f"Ask the vendor ({lang}): {question}")
    click.echo()
    for label, examples in (("Fires on", rule.match), ("Does not fire on", rule.no_match)):
        click.echo(f"{label}:")
        for example in examples:
            click.echo(f"  [{example.lang}, {example.doc_type}] {example.text}")
    click.echo(f"\nDefined in {rule.path.name}")


@rules.command("schema")
def rules_schema() -> None:
    """Print the JSON Schema that every rule file must satisfy (for editors and CI)."""
    click.echo((rules_dir() / "schema" / "rule.schema.json").read_text(encoding="utf-8"), nl=False)


@rules.command("lint")
@click.option("--rules", "folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def rules_lint(folder: Path | None) -> None:
    """Validate rule files and run each rule's example sentences."""
    problems = lint(folder)
    for problem in problems:
        click.echo(f"- {problem}")
    if problems:
        raise SystemExit(2)
    click.echo("ruleset OK: every rule file is valid and every example behaves as stated")


def _policy_problems(exc: PolicyError) -> NoReturn:
    click.echo("invalid policy:", err=True)
    for problem in exc.problems:
        click.echo(f"- {problem}", err=True)
    sys.exit(2)


@main.group("policy")
def policy_group() -> None:
    """Check a buyer's policy file."""


@policy_group.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--rules", "folder", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Validate against this rules folder instead of the bundled one.")
@click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="Judge acceptances' expiry on this day (YYYY-MM-DD; default: today).")
def policy_check(file: Path, folder: Path | None, as_of: datetime | None) -> None:
    """Validate a policy file (exit 2 listing every problem) and summarise what it does."""
    try:
        scanner = Scanner(rules=folder, as_of=as_of.date() if as_of else None, policy=file)
    except PolicyError as exc:
        _policy_problems(exc)
    policy = scanner.policy
    assert policy is not None
    click.echo(f"policy OK: {policy.ref.name} (sha256 {policy.sha256})")
    if policy.accepted_mechanisms is not None:
        click.echo(f"  accepted mechanisms: {', '.join(policy.accepted_mechanisms)}")
    if policy.refused_countries:
        click.echo(f"  refused countries: {', '.join(policy.refused_countries)}")
    if policy.allowed_destinations is not None:
        click.echo(f"  allowed destinations: {', '.join(policy.allowed_destinations)}")
    for rule_id, severity in policy.severities:
        click.echo(f"  severity of {rule_id}: {severity}")
    for accept in policy.accepts:
        state = "EXPIRED" if accept.on(scanner.as_of).expired else "active"
        scope = ", ".join([*accept.documents, *([f"vendor {accept.vendor}"] if accept.vendor else [])])
        click.echo(f"  accepts {accept.rule} until {accept.expires.isoformat()} "
                   f"({state} on {scanner.as_of.isoformat()}; {scope or 'all documents'})")
