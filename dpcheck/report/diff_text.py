"""A comparison for the terminal: one line per change, with the quotes of both versions."""

from __future__ import annotations

import textwrap

from dpcheck.changes import Comparison
from dpcheck.report.changes import KIND_MARKS, NO_CHANGE, change_line, headline, passage_place, side_label

QUOTE_WIDTH = 220


def _quote(text: str) -> str:
    return text if len(text) <= QUOTE_WIDTH else text[: QUOTE_WIDTH - 1] + "…"


def render_comparison_lines(comparison: Comparison, indent: str = "") -> list[str]:
    lines = [indent + headline(comparison)]
    if not comparison:
        lines.append(f"{indent}    {NO_CHANGE}")
    for change in comparison.changes:
        lines.append(f"{indent}  {KIND_MARKS[change.kind]} {change_line(change)}")
        for version, passages in (("old", change.old), ("new", change.new)):
            for p in passages:
                lines.extend(
                    textwrap.wrap(
                        f'{side_label(p, version)}: "{_quote(p.quote)}"',
                        110,
                        initial_indent=f"{indent}      ",
                        subsequent_indent=f"{indent}        ",
                    )
                )
                lines.append(f"{indent}        ({passage_place(p)})")
    return lines


def render_diff_text(comparison: Comparison) -> str:
    return "\n".join(render_comparison_lines(comparison)) + "\n"
