"""Every output format by name: ``render(report, "sarif")`` and the ``--format`` choices."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from dpcheck.checks import Ruleset
from dpcheck.models import Report
from dpcheck.report.csv import render_csv
from dpcheck.report.html import render_html
from dpcheck.report.json import document_to_dict, report_to_dict
from dpcheck.report.markdown import render_markdown
from dpcheck.report.sarif import render_sarif
from dpcheck.report.text import render_text
from dpcheck.resources import rules_dir


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """``graph``: include each document's data-flow graph (json, jsonl); ``colour``: ANSI colours
    (text); ``ruleset``: the rules the scan used, described in SARIF (default: the bundled rules)."""

    graph: bool = True
    colour: bool = False
    ruleset: Ruleset | None = None


@dataclass(frozen=True, slots=True)
class OutputFormat:
    """``media_type``: what the HTTP service answers it as."""

    name: str
    media_type: str
    description: str
    render: Callable[[Report, RenderOptions], str]


def _json(report: Report, options: RenderOptions) -> str:
    return json.dumps(report_to_dict(report, graph=options.graph), ensure_ascii=False, indent=2) + "\n"


def _jsonl(report: Report, options: RenderOptions) -> str:
    return "".join(
        json.dumps(document_to_dict(d, graph=options.graph), ensure_ascii=False) + "\n" for d in report.documents
    )


def _sarif(report: Report, options: RenderOptions) -> str:
    return render_sarif(report, options.ruleset or Ruleset.load(rules_dir()))


FORMATS: dict[str, OutputFormat] = {
    f.name: f
    for f in (
        OutputFormat("text", "text/plain", "readable terminal report", lambda r, o: render_text(r, colour=o.colour)),
        OutputFormat("json", "application/json", "one report object (schema: dpcheck schema)", _json),
        OutputFormat("jsonl", "application/jsonl", "one document per line ($defs/document)", _jsonl),
        OutputFormat("csv", "text/csv", "one row per finding, for spreadsheets", lambda r, o: render_csv(r)),
        OutputFormat("sarif", "application/sarif+json", "SARIF 2.1.0 for code-scanning tools", _sarif),
        OutputFormat(
            "markdown", "text/markdown", "readable report for tickets and wikis", lambda r, o: render_markdown(r)
        ),
        OutputFormat("html", "text/html", "one self-contained page with data-flow graphs", lambda r, o: render_html(r)),
    )
}


def render(
    report: Report, fmt: str = "text", *, graph: bool = True, colour: bool = False, ruleset: Ruleset | None = None
) -> str:
    """``report`` in the output format named ``fmt`` (one of :data:`FORMATS`)."""
    try:
        output = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; known: {', '.join(FORMATS)}") from None
    return output.render(report, RenderOptions(graph=graph, colour=colour, ruleset=ruleset))
