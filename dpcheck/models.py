"""Result types of a scan: frozen, typed, and free of presentation code.

Everything a report says is traceable to :class:`Evidence`: a quote with its place
in the document (character span, page, heading path) and why it was taken.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import networkx as nx

DocType = Literal["privacy_policy", "dpa", "subprocessor_list", "other"]
Rating = Literal["green", "yellow", "red"]
Severity = Literal["high", "medium", "low", "info"]
Status = Literal["ok", "error"]
ChecklistStatus = Literal["present", "missing", "weakened"]


@dataclass(frozen=True, slots=True)
class Evidence:
    """A quote from the document and where it is."""

    quote: str
    start: int
    end: int
    page: int | None = None
    section: tuple[str, ...] = ()
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A mechanism, destination or cue found in one sentence, with its reading."""

    kind: str
    value: str
    evidence: Evidence
    relied_upon: bool = True
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Transfer:
    """Personal data going to ``destination`` (ISO alpha-2 or ``UNSPECIFIED``)."""

    destination: str
    mechanisms: tuple[str, ...]
    recipients: tuple[str, ...] = ()
    adequate: bool = False
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Recipient:
    """Someone who receives personal data: the vendor, an affiliate or a sub-processor."""

    name: str
    role: Literal["vendor", "affiliate", "subprocessor", "processor"]
    purpose: str = ""
    locations: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that fired on a document."""

    rule_id: str
    article: str
    severity: Severity
    title: str
    message: str
    question: str
    evidence: tuple[Evidence, ...] = ()
    core: bool = False


@dataclass(frozen=True, slots=True)
class ChecklistItem:
    """One element of the Art. 28 GDPR checklist of a DPA and whether the DPA meets it.

    ``weakened``: the element is there but qualified (``note`` says how); the evidence
    then quotes the weakening first.
    """

    element: str
    article: str
    status: ChecklistStatus
    evidence: tuple[Evidence, ...] = ()
    note: str = ""


@dataclass(frozen=True, slots=True)
class ScanError:
    """Why a document could not be read (``code`` is stable, see :mod:`dpcheck.errors`)."""

    code: str
    message: str


@dataclass(frozen=True)
class DocumentReport:
    """Everything dpcheck found in one document."""

    path: str
    status: Status
    doc_type: DocType | None = None
    language: str | None = None
    format: str | None = None
    transfers: tuple[Transfer, ...] = ()
    mechanisms: tuple[str, ...] = ()
    recipients: tuple[Recipient, ...] = ()
    mentions: tuple[Mention, ...] = ()
    findings: tuple[Finding, ...] = ()
    rating: Rating = "red"
    error: ScanError | None = None
    pages: int | None = None
    characters: int = 0
    checklist: tuple[ChecklistItem, ...] = ()  # Art. 28 checklist; empty unless the document is a DPA
    graph: nx.DiGraph | None = field(default=None, compare=False, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


@dataclass(frozen=True)
class Report:
    """The result of a scan: one :class:`DocumentReport` per input document."""

    documents: tuple[DocumentReport, ...]
    tool_version: str
    ruleset_version: str
    law_as_of: str
    report_format: str
    facts_as_of: str = ""
    extra: dict[str, Any] = field(default_factory=dict)
