"""What every output format says alike about a comparison of two versions (``dpcheck diff``)."""

from __future__ import annotations

import pycountry

from dpcheck.changes import Change, ChangeKind, Comparison, Passage

KIND_TITLES: dict[ChangeKind, str] = {
    "destination_added": "Destination added",
    "destination_removed": "Destination removed",
    "mechanism_added": "Transfer tool added",
    "mechanism_dropped": "Transfer tool dropped",
    "subprocessor_added": "Recipient added",
    "subprocessor_removed": "Recipient removed",
    "subprocessor_moved": "Recipient moved",
    "art28_weakened": "Art. 28 element weakened",
    "art28_strengthened": "Art. 28 element strengthened",
    "flag_added": "Flag added",
    "flag_removed": "Flag removed",
    "rating_changed": "Rating changed",
}
# How a change is marked in plain text: gained, lost, or altered.
KIND_MARKS: dict[ChangeKind, str] = {
    "destination_added": "+",
    "destination_removed": "-",
    "mechanism_added": "+",
    "mechanism_dropped": "-",
    "subprocessor_added": "+",
    "subprocessor_removed": "-",
    "subprocessor_moved": "~",
    "art28_weakened": "↓",
    "art28_strengthened": "↑",
    "flag_added": "+",
    "flag_removed": "-",
    "rating_changed": "~",
}
NO_CHANGE = (
    "No change in the terms: the same destinations, transfer tools, recipients and countries, "
    "Art. 28 checklist, flags and rating."
)


def change_value(change: Change) -> str:
    """The changed thing as a reader names it: a country with its name, an element in words."""
    if change.kind.startswith("destination_"):
        country = pycountry.countries.get(alpha_2=change.value)
        name = getattr(country, "common_name", None) or getattr(country, "name", None)
        return (
            f"{change.value} ({name})"
            if name
            else ("countries not named" if change.value == "UNSPECIFIED" else change.value)
        )
    if change.kind.startswith("art28_"):
        return change.value.replace("_", " ")
    return change.value


def change_line(change: Change) -> str:
    """One line: "Destination added: IN (India)", "Rating changed: yellow -> red"."""
    if change.kind == "rating_changed":
        return f"{KIND_TITLES[change.kind]}: {change.detail}"
    detail = f" ({change.detail})" if change.detail else ""
    return f"{KIND_TITLES[change.kind]}: {change_value(change)}{detail}"


def passage_place(p: Passage) -> str:
    """Where a quote is: document, page and section."""
    parts = [p.document]
    if p.page:
        parts.append(f"p. {p.page}")
    if p.section:
        parts.append(" › ".join(p.section[-2:]))
    return ", ".join(parts)


def side_label(p: Passage, version: str) -> str:
    """ "old" / "new", or "old, closest passage" when the version does not say the thing itself."""
    return f"{version}, closest passage" if p.closest else version


def headline(comparison: Comparison) -> str:
    count = len(comparison.changes)
    return f"{comparison.old} → {comparison.new}: " + (
        f"{count} change{'s' if count != 1 else ''}" if count else "no change"
    )
