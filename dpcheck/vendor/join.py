"""Which documents of a dossier belong together, and what they say together about recipients and places.

:func:`plan` decides, before the agreement is read:

- each document's role: as vendor.toml gives it, else what the document shows (a DPA that amends
  another DPA, "incorporated by reference into the Data Processing Addendum", is an ``addendum``);
- which documents are current: of the dated versions of a document (one DPA, one privacy policy,
  one sub-processor list; addenda and other documents by file name), the newest; the earlier ones
  are compared with the next (:attr:`Plan.versions`) and set aside;
- which annexes join which DPA: every current addendum and sub-processor list is read together
  with the vendor's current DPA (with several DPAs, with the newest, first named).

:func:`merge` then gathers, over the agreements and the other current documents, the destinations
with their tools, the recipients with their countries and roles, and the onward hops.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import PurePosixPath
from typing import TypeVar

from dpcheck.changes.snapshot import recipient_key
from dpcheck.models import EEA_REGION, DocumentReport, Evidence
from dpcheck.vendor.manifest import ROLES, ManifestDocument
from dpcheck.vendor.model import Agreement, Destination, OnwardHop, Quote, Subprocessor, VendorDocument

# Roles with one document per vendor: their dated documents are versions of each other.
SINGLE = ("dpa", "privacy_policy", "subprocessor_list")
# Roles read together with the DPA, in the order they follow it.
ANNEXES = ("addendum", "subprocessor_list")
T = TypeVar("T")
_DATE_TAIL = re.compile(r"[-_ .]*(?:19|20)\d{2}(?:[-_.]?\d{2}){0,2}$")


@dataclass(frozen=True)
class Plan:
    """The dossier's documents (roles, current or not, joined to which DPA), the agreements to read
    (a DPA and its annexes, by path) and the version pairs to compare (older, newer)."""

    documents: tuple[VendorDocument, ...]
    agreements: tuple[tuple[str, tuple[str, ...]], ...]
    versions: tuple[tuple[str, str], ...]


def role_of(given: str | None, report: DocumentReport) -> str:
    """The role vendor.toml gives, else the document's type (``addendum`` for a DPA that amends a DPA)."""
    if given is not None:
        return given
    if report.doc_type == "dpa" and report.amends is not None and report.amends.detail == "dpa":
        return "addendum"
    return report.doc_type if report.doc_type in ROLES else "other"


def plan(entries: Sequence[tuple[ManifestDocument, DocumentReport, str]]) -> Plan:
    """``entries``: each document of the dossier as listed, its own report and its sha256."""
    documents = [
        VendorDocument(item.path, role_of(item.role, report), report, sha256, item.date, item.url)
        for item, report, sha256 in entries
    ]
    versions: list[tuple[str, str]] = []
    superseded: dict[str, str] = {}
    for series in _series(documents):
        dated = sorted((d for d in series if d.date is not None), key=lambda d: d.date or date.min)
        newest = dated[-1].date if dated else None
        for older, newer in zip(dated, dated[1:], strict=False):
            if older.date != newer.date:
                versions.append((older.path, newer.path))
        for d in dated:
            if d.date != newest:
                superseded[d.path] = f"earlier version (newest: {newest})"
    documents = [replace(d, current=False, reason=superseded[d.path]) if d.path in superseded else d for d in documents]
    dpas = sorted(
        (d for d in documents if d.current and d.role == "dpa"), key=lambda d: d.date or date.min, reverse=True
    )
    agreements: list[tuple[str, tuple[str, ...]]] = []
    if dpas:
        main = dpas[0]
        annexes = [d for role in ANNEXES for d in documents if d.current and d.role == role]
        reason = "read together with the DPA" + (" (the newest of several)" if len(dpas) > 1 else "")
        joined = {d.path for d in annexes}
        documents = [replace(d, joined_to=main.path, reason=reason) if d.path in joined else d for d in documents]
        agreements.append((main.path, tuple(d.path for d in annexes)))
        agreements.extend((d.path, ()) for d in dpas[1:])
    return Plan(tuple(documents), tuple(agreements), tuple(versions))


def _series(documents: Iterable[VendorDocument]) -> list[list[VendorDocument]]:
    """Documents that are versions of one another: of a single role, or of one file name without its date."""
    groups: dict[tuple[str, str], list[VendorDocument]] = {}
    for d in documents:
        stem = "" if d.role in SINGLE else _DATE_TAIL.sub("", PurePosixPath(d.path).stem)
        groups.setdefault((d.role, stem), []).append(d)
    return list(groups.values())


@dataclass(frozen=True)
class Merged:
    destinations: tuple[Destination, ...]
    subprocessors: tuple[Subprocessor, ...]
    onward: tuple[OnwardHop, ...]


def read_alone(documents: Iterable[VendorDocument]) -> list[VendorDocument]:
    """The current documents read on their own: neither joined to an agreement nor an agreement's DPA."""
    return [d for d in documents if d.current and d.joined_to is None and d.role != "dpa"]


@dataclass
class _Gathered:
    """What the documents say of one destination or recipient, gathered in the order found."""

    name: str
    adequate: bool = False
    mechanisms: set[str] = field(default_factory=set)
    roles: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    purposes: list[str] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    def add(
        self,
        quotes: Iterable[Quote],
        mechanisms: Iterable[str] = (),
        roles: Iterable[str] = (),
        places: Iterable[str] = (),
        purposes: Iterable[str] = (),
        recipients: Iterable[str] = (),
    ) -> None:
        self.mechanisms.update(mechanisms)
        self.roles.extend(roles)
        self.places.extend(places)
        self.purposes.extend(p for p in purposes if p)
        self.recipients.extend(recipients)
        self.quotes.extend(quotes)

    @property
    def documents(self) -> tuple[str, ...]:
        return _once(q.document for q in self.quotes)


def merge(agreements: Sequence[Agreement], alone: Sequence[VendorDocument], forms: frozenset[str]) -> Merged:
    """What the agreements and the documents read alone say together, each item with its quotes; a recipient once
    however its name is written, its legal form (one of ``forms``) aside."""
    sources: list[tuple[DocumentReport, Callable[[Evidence], Quote]]] = [
        (a.report, a.quote) for a in agreements if a.report.ok
    ]
    sources += [(d.report, partial(Quote, d.path)) for d in alone if d.report.ok]
    destinations: dict[str, _Gathered] = {}
    recipients: dict[str, _Gathered] = {}
    onward: list[OnwardHop] = []
    for report, quote in sources:
        for t in report.transfers:
            if t.destination != EEA_REGION:
                entry = destinations.setdefault(t.destination, _Gathered(t.destination, t.adequate))
                entry.add([quote(e) for e in t.evidence], t.mechanisms, recipients=t.recipients)
        for r in report.recipients:
            key = recipient_key(r.name, forms)
            if key and r.role != "vendor" and not r.engaged_by:
                recipients.setdefault(key, _Gathered(r.name)).add(
                    [quote(e) for e in r.evidence], r.mechanisms, [r.role], r.locations, [r.purpose]
                )
        for path in report.paths:
            if path.onward:
                quotes = tuple(quote(e) for e in path.evidence[:3])
                onward.append(
                    OnwardHop(
                        path.parties,
                        path.country,
                        path.covered,
                        path.basis or path.reason,
                        quotes[0].document if quotes else "",
                        quotes,
                    )
                )
    return Merged(
        tuple(
            Destination(
                code, e.adequate, tuple(sorted(e.mechanisms)), _once(e.recipients), e.documents, _once(e.quotes)
            )
            for code, e in sorted(destinations.items())
        ),
        tuple(
            Subprocessor(
                e.name,
                _once(e.roles),
                _once(e.places),
                _once(e.purposes),
                tuple(sorted(e.mechanisms)),
                e.documents,
                _once(e.quotes),
            )
            for e in recipients.values()
        ),
        _once(onward),
    )


def _once(values: Iterable[T]) -> tuple[T, ...]:
    return tuple(dict.fromkeys(values))
