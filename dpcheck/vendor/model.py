"""The result of reading a vendor's dossier: typed, frozen, every statement traceable to a quote in
one of its documents (:class:`Quote`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from dpcheck.changes.model import Comparison
from dpcheck.models import DocumentReport, Evidence, Rating, Severity
from dpcheck.vendor.together import Part, locate


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote and the document of the dossier it is in (its offsets and page are that document's)."""

    document: str
    evidence: Evidence


@dataclass(frozen=True)
class VendorDocument:
    """One document of the dossier with its own report.

    ``role``: from vendor.toml, else what the document shows itself to be. ``current``: False for
    an earlier dated version of a document of the same role. ``joined_to``: the DPA that an
    addendum or sub-processor list is read together with (see :class:`Agreement`).
    """

    path: str
    role: str
    report: DocumentReport
    sha256: str = ""
    date: date | None = None
    url: str | None = None
    current: bool = True
    joined_to: str | None = None
    reason: str = ""
    """Why it is joined to that DPA, or why it is not current."""


@dataclass(frozen=True)
class Agreement:
    """A DPA read together with the addenda and sub-processor lists that belong to it: ``report`` is
    the joined reading (one document, :mod:`dpcheck.vendor.together`), its quotes placed back in
    their documents by :meth:`quote`."""

    dpa: str
    annexes: tuple[str, ...]
    report: DocumentReport
    parts: tuple[Part, ...]

    @property
    def name(self) -> str:
        return " + ".join((self.dpa, *self.annexes))

    def quote(self, evidence: Evidence) -> Quote:
        if not self.parts:
            return Quote(self.dpa, evidence)
        document, placed = locate(self.parts, evidence)
        return Quote(document, placed)


@dataclass(frozen=True, slots=True)
class Destination:
    """A country the vendor's current documents send data to, with the tools that cover it."""

    country: str
    adequate: bool
    mechanisms: tuple[str, ...]
    recipients: tuple[str, ...]
    documents: tuple[str, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Subprocessor:
    """A recipient named in the dossier, merged over the documents that name it."""

    name: str
    roles: tuple[str, ...]
    countries: tuple[str, ...]
    purposes: tuple[str, ...]
    mechanisms: tuple[str, ...]
    documents: tuple[str, ...]
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class OnwardHop:
    """Data passed on by a recipient (a sub-processor's own sub-processors, its affiliates) into a country."""

    parties: tuple[str, ...]
    country: str
    covered: bool
    basis: str
    document: str
    quotes: tuple[Quote, ...]


@dataclass(frozen=True, slots=True)
class Side:
    """What one document says in a contradiction: its words, quoted."""

    document: str
    role: str
    says: str
    quotes: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class VendorFinding:
    """A rule of ``rules/vendor/`` that fired on the dossier: two documents that contradict each other
    (each side quoted), or a dossier that lacks something."""

    rule_id: str
    title: str
    article: str
    severity: Severity
    message: str
    question: str
    sides: tuple[Side, ...]


@dataclass(frozen=True, slots=True)
class Question:
    """One question to send the vendor, numbered, with the findings and documents that raise it."""

    number: int
    text: str
    rules: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True)
class VendorReport:
    """Everything dpcheck found about one vendor.

    ``rating`` puts the DPA first: the agreements (each DPA read with its annexes) set it, and a
    compliant privacy policy cannot cure them; the other current documents and the contradictions
    can only make it worse. ``rating_reasons`` say what set it. ``changes``: what changed between
    the dated versions of a document in the dossier.
    """

    name: str
    folder: str
    documents: tuple[VendorDocument, ...]
    agreements: tuple[Agreement, ...]
    destinations: tuple[Destination, ...]
    subprocessors: tuple[Subprocessor, ...]
    onward: tuple[OnwardHop, ...]
    findings: tuple[VendorFinding, ...]
    rating: Rating
    rating_reasons: tuple[str, ...]
    questions: tuple[Question, ...]
    tool_version: str
    ruleset_version: str
    law_as_of: str
    vendor_format: str
    facts_as_of: str = ""
    source: str | None = None
    changes: tuple[Comparison, ...] = ()

    @property
    def current(self) -> tuple[VendorDocument, ...]:
        return tuple(d for d in self.documents if d.current)
