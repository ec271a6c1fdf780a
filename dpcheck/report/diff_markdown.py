"""A comparison in Markdown: a table of the changes, then each with the quotes of both versions."""

from __future__ import annotations

from dpcheck.changes import Comparison
from dpcheck.report.changes import KIND_TITLES, NO_CHANGE, change_value, headline, passage_place, side_label
from dpcheck.report.markdown import escape


def comparison_markdown(comparison: Comparison, level: int = 1) -> list[str]:
    lines = [f"{'#' * level} {escape(headline(comparison))}", ""]
    if not comparison:
        return [*lines, NO_CHANGE, ""]
    lines += ["| # | Change | What | Detail |", "|---|---|---|---|"]
    lines += [
        f"| {i} | {KIND_TITLES[c.kind]} | {escape(change_value(c))} | {escape(c.detail) or '–'} |"
        for i, c in enumerate(comparison.changes, 1)
    ]
    lines.append("")
    for i, change in enumerate(comparison.changes, 1):
        lines.append(f"{'#' * (level + 1)} {i}. {KIND_TITLES[change.kind]}: {escape(change_value(change))}")
        lines.append("")
        if change.detail:
            lines += [escape(change.detail, line_start=True), ""]
        for version, passages in (("old", change.old), ("new", change.new)):
            if not passages:
                lines += [f"*{version}: not said*", ""]
            for p in passages:
                lines += [
                    f"> **{side_label(p, version)}:** {escape(p.quote)}",
                    ">",
                    f"> — {escape(passage_place(p))}",
                    "",
                ]
    return lines


def render_diff_markdown(comparison: Comparison) -> str:
    return "\n".join(comparison_markdown(comparison)) + "\n"
