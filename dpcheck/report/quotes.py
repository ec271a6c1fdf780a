"""How the human formats show a finding: its quotes cut around the words that matched, and the
findings in the order a reader weighs them.

A quote longer than the room for it is cut around the matched words (… before, … after), never
blindly at its end: the words that made a rule fire ("Privacy Shield") must be on screen. The
matched words are those a reason names in quotes ("names privacy_shield: 'Privacy Shield'"), in
the finding's evidence or in a mention overlapping it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from dpcheck.models import SEVERITIES, DocumentReport, Evidence, Finding
from dpcheck.report.json import REPORTED_MENTIONS
from dpcheck.report.safe import visible

_QUOTED = re.compile(r"'([^']{2,})'")


def matched_phrases(e: Evidence, doc: DocumentReport) -> list[str]:
    """What matched inside a quote, as far as the reasons name it ('…' in a reason), longest first.
    Only reasons the JSON report keeps count, so a report rendered again from it looks the same."""
    around = [m.evidence for m in doc.mentions if m.kind in REPORTED_MENTIONS]
    around += [x for item in doc.checklist for x in item.evidence]
    reasons = [e.reason] + [x.reason for x in around if x.start < e.end and e.start < x.end]
    found = {p for reason in reasons for p in _QUOTED.findall(reason)}
    return sorted(found, key=len, reverse=True)


def match_spans(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Where the phrases occur in ``text`` (case-insensitive), without overlaps, in order."""
    spans: list[tuple[int, int]] = []
    lowered = text.lower()
    for phrase in phrases:
        start = lowered.find(phrase.lower())
        while start != -1:
            end = start + len(phrase)
            if all(end <= s or start >= e for s, e in spans):
                spans.append((start, end))
            start = lowered.find(phrase.lower(), end)
    return sorted(spans)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A quote as shown: ``parts`` of text, each marked as matched or not; ``before``/``after``:
    text was left out there."""

    parts: tuple[tuple[str, bool], ...]
    before: bool = False
    after: bool = False

    def render(self, escape: Callable[[str], str] = str, mark: str = "{}") -> str:
        """The excerpt with each part through ``escape`` and each matched part then through ``mark``
        (a format string: "<mark>{}</mark>")."""
        body = "".join(mark.format(escape(text)) if matched else escape(text) for text, matched in self.parts)
        return ("…" if self.before else "") + body + ("…" if self.after else "")

    @property
    def text(self) -> str:
        return "".join(text for text, _ in self.parts)


def excerpt(quote: str, phrases: list[str], width: int = 220) -> Excerpt:
    """``quote`` (whitespace collapsed) cut to about ``width`` characters around its first match,
    at word boundaries; the matches it keeps are marked. Control characters are made visible."""
    text = visible(" ".join(quote.split()))
    spans = match_spans(text, phrases)
    start, end = 0, len(text)
    if len(text) > width:
        if spans:
            first_start, first_end = spans[0]
            # A third of the room before the match, the rest after: a sentence reads on from its cue.
            room = max(0, width - (first_end - first_start))
            start = max(0, min(first_start - room // 3, len(text) - width))
        end = min(len(text), start + width)
        if start > 0:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < (spans[0][0] if spans else end) else start
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > start and (not spans or space >= spans[0][1]) else end
    parts: list[tuple[str, bool]] = []
    last = start
    for s, e in spans:
        if s < start or e > end:
            continue
        if s > last:
            parts.append((text[last:s], False))
        parts.append((text[s:e], True))
        last = e
    if last < end:
        parts.append((text[last:end], False))
    return Excerpt(tuple(parts), before=start > 0, after=end < len(text))


def ordered(findings: tuple[Finding, ...]) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """The findings that make the rating (core flags), most severe first, then the others (Art. 28
    and transfer-path advice), most severe first; each in rule order within a severity."""

    def key(f: Finding) -> tuple[int, str]:
        return SEVERITIES.index(f.severity), f.rule_id

    core = tuple(sorted((f for f in findings if f.core), key=key))
    return core, tuple(sorted((f for f in findings if not f.core), key=key))


def more_quotes(shown: int, total: int) -> str:
    """ "+N more" when quotes were left out, else nothing."""
    return f"+{total - shown} more quote{'s' if total - shown > 1 else ''} in the JSON report" if total > shown else ""
