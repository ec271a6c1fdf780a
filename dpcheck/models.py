"""Result types of a scan: frozen, typed, and free of presentation code.

Everything a report says is traceable to :class:`Evidence`: a quote with its place
in the document (character span, page, heading path) and why it was taken.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol, get_args

DocType = Literal["privacy_policy", "dpa", "subprocessor_list", "other"]
Rating = Literal["green", "yellow", "red"]
Severity = Literal["high", "medium", "low", "info"]
Status = Literal["ok", "error"]
ChecklistStatus = Literal["present", "missing", "weakened"]
HopKind = Literal["engages", "transfer"]

# The one order of ratings (best first) and of severities (most severe first).
RATINGS: tuple[Rating, ...] = get_args(Rating)
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
DOC_TYPES: tuple[DocType, ...] = get_args(DocType)

# A destination the document leaves open ("worldwide", "third countries"), in place of a country code.
UNSPECIFIED = "UNSPECIFIED"
# The EEA named as a whole ("within the EEA"); never a third-country destination.
EEA_REGION = "EEA"
# The lexicon entry naming the SCCs by their decisions' numbers alone, built from rules/facts/scc.yml when the
# ruleset loads (dpcheck/checks) and read with suspicion by the mechanism reader (dpcheck/extract/mechanisms.py).
SCC_NUMBER = "scc_number"
# A recipient engaged by all sub-processors ("sub-processors may transfer data onward"): its engaged_by.
ALL_SUBPROCESSORS = "sub-processors"
# The mention kind of notice of new sub-processors given only once they work, on request or where practicable: no
# prior notice, and the clause that shows it (extract/terms.py reads it, checks/features.py quotes it).
LATE_NOTICE = "subprocessor_late_notice"
# The mention kind of the sub-processors a contract lists as those it is using ("uses the following sub-processors:"):
# it authorises them, specifically unless a clause on changes makes the authorisation a general one (extract/terms.py
# reads it; checks/features.py and checks/art28.py weigh it).
LISTED_IN_USE = "subprocessors_listed_in_use"
# The mention kind of a clause that shows the list of sub-processors missing: they are named by kind only
# ("sub-processors of the following categories:") or their list is promised for later ("will be included in the final
# DPA"). A finding on the missing list quotes it (extract/terms.py reads it; checks/features.py quotes it).
LIST_ABSENT = "subprocessor_list_absent"
# The mention kind of a clause saying the sub-processors or their list may change ("may amend this list at any time",
# „kann weitere Unterauftragsverarbeiter hinzuziehen"), with or without notice: a list in use is then no closed one
# (extract/terms.py reads it; checks/features.py weighs it).
CHANGES_SUBPROCESSORS = "subprocessors_may_change"
# The detail of a mention read from a definition ("'Sub-processor Page' means ..., as updated from time to time"): it
# says what a word means, so it counts as the clause it stands for, but a finding quotes an operative clause before it
# (extract/evidence.py ranks tools by it; extract/terms.py sets it; checks/features.py reads it).
DEFINITION = "definition"
# The detail of a mention that only points to the list of sub-processors ("available at …", "set forth in the
# Sub-processor List") and names none: where the document's own list is a placeholder ("available at [insert URL]"),
# a pointer with no link or annex of its own points to that placeholder (extract/terms.py sets it; extract/annexes.py
# reads it).
POINTS_TO_LIST = "points to the list"
# The reason of a table's header row read as speaking of the transfers' basis ("Sub-processor | Location | Safeguard"):
# it says what a column holds, not what the document does, so a finding shows the rows under it instead.
HEADER_ROW_BASIS = "heads a column for the transfers' legal basis"
# The mention kind of an objection that changes nothing ("does not prevent the engagement"): no right to object, whatever
# other clauses grant (extract/terms.py reads it; checks/features.py and checks/art28.py quote it).
OBJECTION_VOID = "subprocessor_objection_void"
# The mention kind of a clause taking the right to object away ("Customer waives any right to object", „Ein
# Widerspruchsrecht besteht nicht") or reading consent to a change from the customer's carrying on ("continued use
# constitutes acceptance"): no objection right is read from it (extract/terms.py), and a finding on the missing right
# quotes it first (checks/features.py).
OBJECTION_DENIED = "subprocessor_objection_denied"
# The detail of such a denial that stands alone: it names no sub-processors it is limited to, no time after a period
# granted, and its sentence grants nothing ("The Customer waives any right to object."). It takes back a right another
# sentence grants, as it does within one sentence (extract/terms.py sets it; checks/features.py reads it).
TAKEN_BACK = "taken_back"
# Mention kinds of the vendor the document names and of the agreement it says it amends
# (dpcheck.extract.parties reads them; a report carries them as its vendor and amends).
VENDOR = "vendor"
AMENDS = "amends"
# Mention kinds of the Art. 28(3) elements (dpcheck.extract.art28) and of commitments to keep data in
# a region (dpcheck.extract.locations), which the checks read.
ART28 = "art28"
LOCATION_COMMITMENT = "location_commitment"


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
    # For a destination: the argument role of its place in the sentence (rules/lexicon/roles.yml).
    role: str = ""


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
    """Someone who receives personal data: the vendor, an affiliate, a sub-processor, a processor or
    a third party named as receiving it (an advertiser, a partner).

    ``engaged_by`` names the recipient that passes the data on (an onward transfer by a
    sub-processor); empty means the vendor engages it. ``mechanisms`` are the transfer tools
    stated for this recipient itself (its table row or sentence).
    """

    name: str
    role: Literal["vendor", "affiliate", "subprocessor", "processor", "third_party"]
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
    one, ``reason`` why not (for a covered path: the invalidated tools the hop names beside its
    basis, if any). ``onward`` marks a transfer made by a sub-processor.
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
class Party:
    """Someone in the data flow: the customer, the vendor or a recipient, keyed ``party:<name>``.

    ``purpose`` is None for the customer and the vendor, who are no recipients.
    """

    key: str
    label: str
    role: str
    purpose: str | None = None


@dataclass(frozen=True, slots=True)
class Country:
    """Where data goes, keyed ``country:<code>``; ``adequate`` only for a transfer destination."""

    code: str
    eea: bool
    adequate: bool

    @property
    def key(self) -> str:
        return f"country:{self.code}"


@dataclass(frozen=True, slots=True)
class Judgement:
    """Whether a hop into a third country rests on something valid on the day judged."""

    covered: bool
    basis: str
    reason: str


@dataclass(frozen=True, slots=True)
class Hop:
    """One step of the data flow: a party engages another, or sends data into a country.

    A transfer hop says which mechanisms cover it and where they were read (``mechanisms_from``:
    ``recipient``, ``sub-processor terms``, ``document`` or empty); a hop into a third country
    also carries its judgement.
    """

    source: str
    target: str
    kind: HopKind
    mechanisms: tuple[str, ...] = ()
    mechanisms_from: str = ""
    evidence: tuple[Evidence, ...] = ()
    judgement: Judgement | None = None


@dataclass(frozen=True, slots=True)
class DataFlow:
    """Where one document says personal data goes, built once and then only read.

    ``parties`` and ``countries`` in the order they enter the flow, ``hops`` in the order they
    were found, ``paths`` every judged path into a third country, ``transfers`` one per
    destination, ``recipients`` with the mechanisms stated for each.
    """

    parties: tuple[Party, ...]
    countries: tuple[Country, ...]
    hops: tuple[Hop, ...]
    paths: tuple[TransferPath, ...]
    transfers: tuple[Transfer, ...]
    recipients: tuple[Recipient, ...]


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


class Verdict(Protocol):
    """What a verdict is shown and counted from: a document's report, or a scan the history recorded."""

    @property
    def status(self) -> str: ...
    @property
    def rating(self) -> str: ...
    @property
    def rated(self) -> bool: ...


def tally(doc: Verdict) -> str:
    """The count of the batch summary (dpcheck.report.json.summary) a document falls in, which every format, the
    vendor dossier and the CLI say alike (hence here, below them all): ``errors`` for one that could not be read, its
    rating for one that is rated, and ``not_rated`` for a sub-processor list — unless it is red. A red list stays among the red: what makes it red (a tool a buyer's
    policy forbids, say) the annex proves alone, and a count that hid it would make the batch look cleaner than
    it is."""
    if doc.status == "error":
        return "errors"
    return doc.rating if doc.rated or doc.rating == "red" else "not_rated"


@dataclass(frozen=True)
class DocumentReport:
    """Everything dpcheck found in one document.

    ``flow`` is where the document says personal data goes (None for an unreadable document);
    ``transfers``, ``recipients`` and ``paths`` are read from it.

    With a buyer's policy applied, ``policy`` names it, ``rating`` is the policy's rating and
    ``ruleset_rating`` the rating by the GDPR rules alone.

    ``partial``: part of the document could not be read (``warnings`` say which); such a
    document is rated at least yellow, since what was lost may hold the terms that matter.

    ``vendor``: the party the document names as processor or provider, with the sentence naming it;
    ``amends``: the agreement the document says it belongs to (``detail`` "dpa" when that is a DPA).

    ``rated``: whether dpcheck judges the document on its own (see :attr:`rated`); an unrated one is
    never green.
    """

    path: str
    status: Status
    doc_type: DocType | None = None
    language: str | None = None
    format: str | None = None
    mechanisms: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()
    findings: tuple[Finding, ...] = ()
    rating: Rating = "red"
    error: ScanError | None = None
    pages: int | None = None
    characters: int = 0
    policy: PolicyRef | None = None
    ruleset_rating: Rating | None = None
    checklist: tuple[ChecklistItem, ...] = ()  # Art. 28 checklist; empty unless the document is a DPA
    partial: bool = False
    warnings: tuple[str, ...] = ()
    flow: DataFlow | None = None
    sha256: str | None = None  # of the bytes read, when read from a file: what the cache is keyed by
    vendor: Mention | None = None
    amends: Mention | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def rated(self) -> bool:
        """Whether dpcheck gives the document a verdict of its own: not for a sub-processor list, an annex
        judged only together with its DPA (GUIDELINES.md), nor for a document it could not read. The one
        place this is decided: the rating's floor (dpcheck.assemble.fail_closed), the summary's counts and
        every output format ask it."""
        return self.ok and self.doc_type != "subprocessor_list"

    @property
    def transfers(self) -> tuple[Transfer, ...]:
        return self.flow.transfers if self.flow is not None else ()

    @property
    def recipients(self) -> tuple[Recipient, ...]:
        return self.flow.recipients if self.flow is not None else ()

    @property
    def paths(self) -> tuple[TransferPath, ...]:
        return self.flow.paths if self.flow is not None else ()

    @classmethod
    def failed(cls, path: str, code: str, message: str) -> DocumentReport:
        """The report of a document that could not be read: red until a person reads it."""
        return cls(path=path, status="error", error=ScanError(str(code), message), rating="red")


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file (or folder) in a scanned folder that was not scanned, and why.

    ``reason`` is stable (see :class:`dpcheck.walk.SkipReason`); ``detail`` says it for a reader.
    """

    path: str
    reason: str
    detail: str


@dataclass(frozen=True)
class Report:
    """The result of a scan: one :class:`DocumentReport` per input document, and every file of the
    folders scanned that was left out (``skipped``)."""

    documents: tuple[DocumentReport, ...]
    tool_version: str
    ruleset_version: str
    law_as_of: str
    report_format: str
    facts_as_of: str = ""
    policy: PolicyRef | None = None
    skipped: tuple[Skipped, ...] = ()


def denied_tool(mention: Mention) -> bool:
    """A tool the text names only to deny it ("Standarddatenschutzklauseln werden ... nicht abgeschlossen"): a negation
    governs it, as the reason extract/mechanisms.py gives a governed tool says ("<tool> negation: '<words>'"). Read
    here, beside the mention, so the checks can ask it without loading the reading stage (tests/test_startup.py)."""
    return (
        mention.kind == "mechanism"
        and not mention.relied_upon
        and mention.evidence.reason.startswith(f"{mention.value} negation:")
    )


def distinct_places(evidence: Iterable[Evidence], limit: int | None = None) -> tuple[Evidence, ...]:
    """The first evidence for each place (character span) quoted, in order, at most ``limit``."""
    seen: dict[tuple[int, int], Evidence] = {}
    for e in evidence:
        seen.setdefault((e.start, e.end), e)
        if limit is not None and len(seen) == limit:
            break
    return tuple(seen.values())


# Words from a name to the end of its clause in which a denial there denies the use ("Wir nutzen Acme in der App
# nicht mehr"); shared by the reading (dpcheck/extract/recipients.py) and the diff (dpcheck/changes/still.py).
DENIAL_REACH = 12


def legal_forms(words: Any) -> frozenset[str]:
    """The legal forms of words.yml (``words``), lower-case and without a final dot: a recipient's name is read, and
    keyed across versions and documents (the diff, the dossier), without them."""
    return frozenset(str(w).lower().rstrip(".") for w in words["legal_forms"])


def denies_clause(clause: Sequence[str], denials: frozenset[str], undenying: frozenset[str]) -> bool:
    """``clause``, the lower-case words after a name up to the end of its clause, denies what was said of the name
    ("Wir nutzen Acme in der App nicht mehr", „setzen wir nicht ein"): German puts the denial after the object,
    beyond the cue. Not "nicht nur" ("not only"), nor "und nicht" ("for mail and not for ads"), a contrast of a part
    (recipients.yml ``clause_denial``: ``undenying`` after or before the denial)."""
    for k, word in enumerate(clause):
        if word in denials:
            contrast = k > 0 and clause[k - 1] in undenying
            return not contrast and (k + 1 == len(clause) or clause[k + 1] not in undenying)
    return False
