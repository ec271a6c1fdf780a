"""Which findings a report shows: ``--select``/``--ignore`` by rule id or severity (as semgrep and
checkov users expect), and ``--baseline`` (only findings that an earlier report did not have).

Rules left out by ``--select``/``--ignore`` are as if they had not run: the rating is worked out
again without them. A baseline hides what was known before but leaves the rating alone: it
describes the document, and a CI job fails on the new findings (``--fail-on`` by severity).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from dpcheck.assemble import fail_closed
from dpcheck.models import SEVERITIES, DocumentReport, Finding, Rating
from dpcheck.report.fingerprint import fingerprint


def parse_terms(values: Iterable[str], rule_ids: Iterable[str]) -> frozenset[str]:
    """Rule ids and severities from repeated or comma-separated options, upper-case ids; a term that
    is neither a rule id nor a severity raises ``ValueError`` naming what is known."""
    known = {r.upper() for r in rule_ids}
    terms = {t.strip() for value in values for t in value.split(",") if t.strip()}
    out = set()
    for term in terms:
        if term.lower() in SEVERITIES:
            out.add(term.lower())
        elif term.upper() in known:
            out.add(term.upper())
        else:
            raise ValueError(
                f"{term!r} is neither a rule id nor a severity ({', '.join(SEVERITIES)}); see `dpcheck rules list`"
            )
    return frozenset(out)


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """``select``: show only these rule ids and severities (empty: all); ``ignore``: never these;
    ``baseline``: fingerprints of findings already known (see :mod:`dpcheck.report.fingerprint`)."""

    select: frozenset[str] = frozenset()
    ignore: frozenset[str] = frozenset()
    baseline: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.select or self.ignore or self.baseline)

    def runs(self, finding: Finding) -> bool:
        """The finding's rule is one the user chose to run."""
        terms = {finding.rule_id, finding.severity}
        return (not self.select or bool(terms & self.select)) and not terms & self.ignore

    def apply(
        self,
        doc: DocumentReport,
        rate: Callable[[tuple[Finding, ...]], Rating],
        rate_ruleset: Callable[[tuple[Finding, ...]], Rating],
    ) -> DocumentReport:
        """``doc`` with the findings shown; ``rate``: the rating of a set of findings (the policy's when
        one applies), ``rate_ruleset``: by the GDPR rules alone."""
        if doc.status == "error" or not self:
            return doc
        running = tuple(f for f in doc.findings if self.runs(f))
        shown = tuple(f for f in running if fingerprint(doc.path, f) not in self.baseline)
        if len(running) == len(doc.findings):
            return replace(doc, findings=shown)
        ruleset_rating = doc.ruleset_rating
        if doc.policy is not None:
            ruleset_rating = rate_ruleset(tuple(f for f in running if f.origin == "ruleset"))
        return fail_closed(replace(doc, findings=shown, rating=rate(running), ruleset_rating=ruleset_rating))
