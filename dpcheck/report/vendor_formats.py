"""Every output format of a vendor report by name: ``render_vendors(reports, "html")`` and the
``dpcheck vendor --format`` choices (the same names as for documents)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from dpcheck.checks import Ruleset
from dpcheck.report.vendor_csv import render_vendors_csv
from dpcheck.report.vendor_html import render_vendors_html
from dpcheck.report.vendor_json import render_vendor_json, vendor_to_dict
from dpcheck.report.vendor_markdown import render_vendors_markdown
from dpcheck.report.vendor_sarif import render_vendors_sarif
from dpcheck.report.vendor_text import render_vendors_text
from dpcheck.resources import rules_dir
from dpcheck.vendor.model import VendorReport


@dataclass(frozen=True, slots=True)
class VendorRenderOptions:
    graph: bool = False
    colour: bool = False
    ruleset: Ruleset | None = None


@dataclass(frozen=True, slots=True)
class VendorFormat:
    name: str
    media_type: str
    description: str
    render: Callable[[Sequence[VendorReport], VendorRenderOptions], str]


VENDOR_FORMATS: dict[str, VendorFormat] = {
    f.name: f
    for f in (
        VendorFormat(
            "text", "text/plain", "readable terminal report", lambda r, o: render_vendors_text(r, colour=o.colour)
        ),
        VendorFormat(
            "json",
            "application/json",
            "one vendor report object (schema: dpcheck schema --of vendor)",
            lambda r, o: render_vendor_json(r, graph=o.graph),
        ),
        VendorFormat(
            "jsonl",
            "application/jsonl",
            "one vendor report a line",
            lambda r, o: "".join(json.dumps(vendor_to_dict(x, graph=o.graph), ensure_ascii=False) + "\n" for x in r),
        ),
        VendorFormat(
            "csv", "text/csv", "one row per finding, with its vendor and scope", lambda r, o: render_vendors_csv(r)
        ),
        VendorFormat(
            "sarif",
            "application/sarif+json",
            "SARIF 2.1.0, one run per vendor",
            lambda r, o: render_vendors_sarif(r, o.ruleset or Ruleset.load(rules_dir())),
        ),
        VendorFormat(
            "markdown",
            "text/markdown",
            "readable report for tickets and wikis",
            lambda r, o: render_vendors_markdown(r),
        ),
        VendorFormat(
            "html",
            "text/html",
            "one self-contained page with the agreements' data flows",
            lambda r, o: render_vendors_html(r),
        ),
    )
}


def render_vendors(
    reports: Sequence[VendorReport],
    fmt: str = "text",
    *,
    graph: bool = False,
    colour: bool = False,
    ruleset: Ruleset | None = None,
) -> str:
    try:
        output = VENDOR_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown output format {fmt!r}; known: {', '.join(VENDOR_FORMATS)}") from None
    return output.render(reports, VendorRenderOptions(graph=graph, colour=colour, ruleset=ruleset))
