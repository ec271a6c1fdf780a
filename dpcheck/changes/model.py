"""What changed between two versions of a vendor's terms: typed, frozen, with quotes from both.

A :class:`Change` is one thing that matters to a buyer and changed: a destination, a transfer tool,
a recipient, an Art. 28 element, a core flag, or the rating. Its kinds are those of the labelling
guidelines for version pairs (LABELLING.md, Task B), so that a change list can be scored against
labels as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args

ChangeKind = Literal[
    "destination_added",
    "destination_removed",
    "mechanism_added",
    "mechanism_dropped",
    "subprocessor_added",
    "subprocessor_removed",
    "subprocessor_moved",
    "art28_weakened",
    "art28_strengthened",
    "flag_added",
    "flag_removed",
    "rating_changed",
]
# The order changes are listed in.
KINDS: tuple[ChangeKind, ...] = get_args(ChangeKind)


@dataclass(frozen=True, slots=True)
class Passage:
    """A quote from one version, with the document it is in and its place there. ``closest``: the
    version does not say the thing that changed, and this is its passage most like the other
    version's (what it said there instead)."""

    quote: str
    document: str
    page: int | None = None
    section: tuple[str, ...] = ()
    closest: bool = False


@dataclass(frozen=True, slots=True)
class Change:
    """One change; ``value`` is a country code, tool, recipient name, Art. 28 element or rule id
    (the rating: the new rating), ``detail`` says more ("US -> IN", "notice 30 -> 14 days")."""

    kind: ChangeKind
    value: str
    detail: str = ""
    old: tuple[Passage, ...] = ()
    new: tuple[Passage, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """The changes from version ``old`` to version ``new`` (names as given), in :data:`KINDS` order;
    none when the terms are the same however the text was reworded, reflowed or renumbered."""

    old: str
    new: str
    subject: Literal["document", "vendor"]
    changes: tuple[Change, ...]
    old_rating: str | None = None
    new_rating: str | None = None

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(self, kind: ChangeKind) -> tuple[Change, ...]:
        return tuple(c for c in self.changes if c.kind == kind)

    def values(self, kind: ChangeKind) -> tuple[str, ...]:
        return tuple(c.value for c in self.of(kind))

    @property
    def rating(self) -> tuple[str, str] | None:
        """(old, new) when the rating changed."""
        if self.of("rating_changed") and self.old_rating is not None and self.new_rating is not None:
            return self.old_rating, self.new_rating
        return None
