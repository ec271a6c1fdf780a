"""``dpcheck rules list|show|schema|lint``: the ruleset as a product."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import click

from dpcheck.cli.common import as_of_option
from dpcheck.lint import lint
from dpcheck.resources import rules_dir
from dpcheck.scanner import Scanner


@click.group()
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
            day = f", as of {example.as_of}" if example.as_of else ""
            click.echo(f"  [{example.lang}, {example.doc_type}{day}] {example.text}")
    click.echo(f"\nDefined in {rule.path.name}")


@rules.command("facts")
@as_of_option("Give each fact's state on this day (default: today).")
def rules_facts(as_of: datetime | None) -> None:
    """List the legal facts of rules/facts: what each is, its state on a day, its source.
    Proposals and unconfirmed outcomes come last: they are recorded, not applied."""
    facts = Scanner().ruleset.facts
    day = as_of.date() if as_of else date.today()
    for record in facts.records(day):
        click.echo(f"[{record.topic}] {record.title}\n    {record.state}\n    source: {record.source}")
    click.echo(f"legal facts recorded up to {facts.as_of}; states as of {day.isoformat()}")


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
