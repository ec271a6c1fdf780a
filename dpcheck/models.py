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
    """Someone who receives personal data: the vendor, an affiliate or a sub-processor.

    ``engaged_by`` names the recipient that passes the data on (an onward transfer by a
    sub-processor); empty means the vendor engages it. ``mechanisms`` are the transfer tools
    stated for this recipient itself (its table row or sentence).
    """

    name: str
    role: Literal["vendor", "affiliate", "subprocessor", "processor"]
    purpose: str = ""
    locations: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    engaged_by: str = ""
    mechanisms: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TransferPath:
    """One path of personal data from the customer to a country outside the EEA, judged.

    ``parties`` runs from the customer to the last recipient; ``covered`` says whether the
    last hop into ``country`` rests on a mechanism valid on the day judged, ``basis`` which
    one, ``reason`` why not. ``onward`` marks a transfer made by a sub-processor.
    """

    parties: tuple[str, ...]
    country: str
    covered: bool
    basis: str
    reason: str
    onward: bool
    mechanisms: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    def render(self) -> str:
        return " → ".join((*self.parties, self.country))


@dataclass(frozen=True, slots=True)
class Acceptance:
    """A buyer's policy accepts a finding until ``expires`` (an ISO date, inclusive).

    ``expired`` is judged on the scan's ``as_of`` day: an expired acceptance no longer takes
    the finding out of the rating, and the report says so.
    """

    justification: str
    expires: str
    expired: bool = False
    approved_by: str = ""
    ticket: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """A rule that fired on a document.

    ``origin`` is ``"policy"`` for findings of the buyer's policy (``POLICY_*`` rules);
    ``original_severity`` is set when the policy changed the severity; ``acceptance`` when the
    policy accepts the finding (see :attr:`accepted`).
    """

    rule_id: str
    article: str
    severity: Severity
    title: str
    message: str
    question: str
    evidence: tuple[Evidence, ...] = ()
    core: bool = False
    origin: Literal["ruleset", "policy"] = "ruleset"
    original_severity: Severity | None = None
    acceptance: Acceptance | None = None

    @property
    def accepted(self) -> bool:
        """Accepted by the policy and not expired: shown, but left out of the rating."""
        return self.acceptance is not None and not self.acceptance.expired


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


@dataclass(frozen=True, slots=True)
class PolicyRef:
    """Which buyer's policy a report applied: its name, the path as given and its file's sha256."""

    name: str
    path: str
    sha256: str


@dataclass(frozen=True)
class DocumentReport:
    """Everything dpcheck found in one document.

    With a buyer's policy applied, ``policy`` names it, ``rating`` is the policy's rating and
    ``ruleset_rating`` the rating by the GDPR rules alone.

    ``partial``: part of the document could not be read (``warnings`` say which); such a
    document is rated at least yellow, since what was lost may hold the terms that matter.
    """

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
    paths: tuple[TransferPath, ...] = ()
    rating: Rating = "red"
    error: ScanError | None = None
    pages: int | None = None
    characters: int = 0
    policy: PolicyRef | None = None
    ruleset_rating: Rating | None = None
    checklist: tuple[ChecklistItem, ...] = ()  # Art. 28 checklist; empty unless the document is a DPA
    partial: bool = False
    warnings: tuple[str, ...] = ()
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
    policy: PolicyRef | None = None
    extra: dict[str, Any] = field(default_factory=dict)
