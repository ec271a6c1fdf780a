"""Every output format of a comparison by name: ``render_diff(comparison, "html")``."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from dpcheck.changes import Comparison
from dpcheck.report.diff_html import render_diff_html
from dpcheck.report.diff_json import diff_to_dict
from dpcheck.report.diff_markdown import render_diff_markdown
from dpcheck.report.diff_text import render_diff_text


@dataclass(frozen=True, slots=True)
class DiffFormat:
    name: str
    media_type: str
    description: str
    render: Callable[[Comparison], str]


DIFF_FORMATS: dict[str, DiffFormat] = {
    f.name: f
    for f in (
        DiffFormat("text", "text/plain", "one line per change with the quotes of both versions", render_diff_text),
        DiffFormat(
            "json",
            "application/json",
            "the changes as data (schema: dpcheck schema --of diff)",
            lambda c: json.dumps(diff_to_dict(c), ensure_ascii=False, indent=2) + "\n",
        ),
        DiffFormat(
            "markdown", "text/markdown", "a table of the changes, then each with its quotes", render_diff_markdown
        ),
        DiffFormat("html", "text/html", "one self-contained page, old and new side by side", render_diff_html),
    )
}


def render_diff(comparison: Comparison, fmt: str = "text") -> str:
    try:
        output = DIFF_FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown diff format {fmt!r}; known: {', '.join(DIFF_FORMATS)}") from None
    return output.render(comparison)
