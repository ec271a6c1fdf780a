"""A comparison as one self-contained HTML page: no script, nothing loaded, every quote escaped."""

from __future__ import annotations

from html import escape

from dpcheck.changes import Comparison
from dpcheck.report.changes import KIND_TITLES, NO_CHANGE, change_value, headline, passage_place, side_label
from dpcheck.report.html import CSP, STYLE

DIFF_STYLE = """
.change{border-left:4px solid #ccc;padding:.2rem 1rem;margin:1rem 0;background:#fafafa}
.change.gain{border-color:#2e8b57}.change.loss{border-color:#c0392b}.change.alter{border-color:#d4a017}
.sides{display:grid;grid-template-columns:1fr 1fr;gap:1rem} .sides h4{margin:.3rem 0;font-size:.85rem;color:#555}
.none{color:#888;font-style:italic}
"""
# Whether a change is read as something gained, lost or altered (its colour).
TONE = {
    "destination_added": "alter",
    "destination_removed": "alter",
    "mechanism_added": "gain",
    "mechanism_dropped": "loss",
    "subprocessor_added": "alter",
    "subprocessor_removed": "alter",
    "subprocessor_moved": "alter",
    "art28_weakened": "loss",
    "art28_strengthened": "gain",
    "flag_added": "loss",
    "flag_removed": "gain",
    "rating_changed": "alter",
}


def comparison_html(comparison: Comparison, level: int = 2) -> list[str]:
    parts = [f"<h{level}>{escape(headline(comparison))}</h{level}>"]
    if not comparison:
        return [*parts, f"<p>{escape(NO_CHANGE)}</p>"]
    for change in comparison.changes:
        detail = f' <span class="meta">({escape(change.detail)})</span>' if change.detail else ""
        parts.append(
            f'<div class="change {TONE[change.kind]}"><p><strong>{escape(KIND_TITLES[change.kind])}:</strong> '
            f'{escape(change_value(change))}{detail}</p><div class="sides">'
        )
        for version, passages in (("old", change.old), ("new", change.new)):
            parts.append(f"<div><h4>{escape(version)}</h4>")
            if not passages:
                parts.append('<p class="none">not said</p>')
            for p in passages:
                parts.append(
                    f"<blockquote>{escape(p.quote)}<cite>{escape(side_label(p, version))} — "
                    f"{escape(passage_place(p))}</cite></blockquote>"
                )
            parts.append("</div>")
        parts.append("</div></div>")
    return parts


def render_diff_html(comparison: Comparison) -> str:
    title = f"dpcheck diff: {comparison.old} → {comparison.new}"
    body = "\n".join(comparison_html(comparison, level=1))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        f"<title>{escape(title)}</title><style>{STYLE}{DIFF_STYLE}</style></head>\n<body>\n{body}\n</body></html>\n"
    )
