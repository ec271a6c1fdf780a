"""``dpcheck policy check``: validate a buyer's policy file and say what it does."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from dpcheck.cli.common import as_of_option, policy_problems, rules_option
from dpcheck.errors import PolicyError
from dpcheck.scanner import Scanner


@click.group("policy")
def policy_group() -> None:
    """Check a buyer's policy file."""


@policy_group.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@rules_option("folder", "Validate against this rules folder instead of the bundled one.")
@as_of_option("Judge acceptances' expiry on this day (YYYY-MM-DD; default: today).")
def policy_check(file: Path, folder: Path | None, as_of: datetime | None) -> None:
    """Validate a policy file (exit 2 listing every problem) and summarise what it does."""
    try:
        scanner = Scanner(rules=folder, as_of=as_of.date() if as_of else None, policy=file)
    except PolicyError as exc:
        policy_problems(exc)
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
        click.echo(
            f"  accepts {accept.rule} until {accept.expires.isoformat()} "
            f"({state} on {scanner.as_of.isoformat()}; {scope or 'all documents'})"
        )
