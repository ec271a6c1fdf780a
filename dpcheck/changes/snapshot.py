"""What one version says, as the diff compares it: read from a published JSON report.

The diff reads the JSON formats (a document report, ``report_to_dict``; a vendor report,
``vendor_to_dict``) rather than the result types, so a fresh scan, a saved ``--format json`` file
and a report stored in the scan history are compared alike, whichever dpcheck 1.x wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from dpcheck.changes.lexicon import DiffWords
from dpcheck.changes.model import Passage
from dpcheck.models import EEA_REGION

# Checklist statuses from worst to best: a move to the right strengthens an element.
STATUS_RANK = {"missing": 0, "weakened": 1, "present": 2}
_WORD = re.compile(r"[\w&]+(?:[./][\w]+)*\.?", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Named:
    """A recipient as one version names it: where it is and where it is named; ``role`` as the report gives it
    ("affiliate": a company of the vendor's group)."""

    name: str
    locations: frozenset[str]
    passages: tuple[Passage, ...]
    role: str = ""


@dataclass(frozen=True, slots=True)
class Item:
    """An Art. 28 element: its status, how it is weakened, and the quotes for it."""

    status: str
    note: str
    passages: tuple[Passage, ...]


@dataclass(frozen=True)
class Terms:
    """What a version says: each value with the passages that say it. ``checklist`` is empty unless
    the version is (or holds) a DPA; ``notice_days`` is the shortest notice of sub-processor changes
    it states (None: none stated), ``objection_days`` the shortest time to object to one, ``breach_hours`` the
    shortest time limit to report a personal data breach (of its DPAs); ``passages`` are all its quotes, to find what it says instead of
    something the other version says; ``text`` is the version's text without its cookie and plug-in choices
    when the diff read the document itself (empty for a saved report), to see whether it names a company at all;
    ``whole``: all of its text, to see whether it says a passage again; ``named``: every
    passage that names a destination or tool, relied on or not ("we no longer rely on X" names X)."""

    name: str
    rating: str | None
    readable: bool = True
    destinations: dict[str, tuple[Passage, ...]] = field(default_factory=dict)
    mechanisms: dict[str, tuple[Passage, ...]] = field(default_factory=dict)
    recipients: dict[str, Named] = field(default_factory=dict)
    checklist: dict[str, Item] = field(default_factory=dict)
    notice_days: int | None = None
    notice: tuple[Passage, ...] = ()
    objection_days: int | None = None
    objection: tuple[Passage, ...] = ()
    breach_hours: int | None = None
    breach: tuple[Passage, ...] = ()
    flags: dict[str, tuple[Passage, ...]] = field(default_factory=dict)
    passages: tuple[Passage, ...] = ()
    text: str = ""
    named: dict[str, tuple[Passage, ...]] = field(default_factory=dict)
    whole: str = ""

    @classmethod
    def of_report(cls, report: Mapping[str, Any], name: str | None = None, words: DiffWords | None = None) -> Terms:
        """The terms of a JSON report: a vendor report, or a document report of exactly one document; ``words``: the
        diff's words of the ruleset that read it (those dpcheck ships if not given)."""
        if "vendor" in report:
            return cls.of_vendor(report, name, words)
        documents = report.get("documents", ())
        if len(documents) != 1:
            raise ValueError(f"a version is one document (or one vendor), not {len(documents)} documents")
        return cls.of_document(documents[0], name, words)

    @classmethod
    def of_document(cls, doc: Mapping[str, Any], name: str | None = None, words: DiffWords | None = None) -> Terms:
        """The terms of one document of a JSON report (of an unreadable one: nothing but its rating)."""
        path = str(doc.get("path", ""))
        if doc.get("status") != "ok":
            return cls(name or path, doc.get("rating"), readable=False)
        # A document not rated on its own (a sub-processor list, an annex) has no rating of its own to change;
        # a report before report_format 1.8 does not say "rated", and there only such a list is unrated.
        rated = doc.get("rated", doc.get("doc_type") != "subprocessor_list")
        rating = doc.get("rating") if rated else None
        return _build(name or path, rating, [(path, doc)], [(path, doc)], words or DiffWords.default())

    @classmethod
    def of_vendor(cls, vendor: Mapping[str, Any], name: str | None = None, words: DiffWords | None = None) -> Terms:
        """The terms of a vendor report: its destinations and recipients as merged over its current
        documents, the tools and flags of its agreements and of the documents read alone, the
        agreements' checklist, the dossier's own findings, and its rating."""
        read = [(a["name"], a["report"]) for a in vendor.get("agreements", ())]
        read += [
            (d["path"], d["report"])
            for d in vendor.get("documents", ())
            if d.get("current") and not d.get("joined_to") and d.get("role") != "dpa"
        ]
        read = [(path, doc) for path, doc in read if doc.get("status") == "ok"]
        words = words or DiffWords.default()
        terms = _build(
            name or str(vendor["vendor"]["name"]),
            vendor.get("rating"),
            read,
            [
                (a["name"], a["report"])
                for a in vendor.get("agreements", ())
                if a.get("report", {}).get("status") == "ok"
            ],
            words,
        )
        destinations = {
            d["country"]: _passages(d.get("quotes", ()), "")
            for d in vendor.get("destinations", ())
            if d["country"] != EEA_REGION
        }
        recipients: dict[str, Named] = {}
        for r in vendor.get("subprocessors", ()):
            if key := recipient_key(r["name"], words.legal_forms):
                recipients[key] = Named(
                    r["name"], frozenset(r.get("countries", ())), _passages(r.get("quotes", ()), "")
                )
        # The dossier's own findings (contradictions) count as flags of the vendor.
        flags = dict(terms.flags)
        for f in vendor.get("findings", ()):
            flags[f["rule_id"]] = _distinct(
                p for side in f.get("sides", ()) for p in _passages(side.get("quotes", ()), "")
            )
        every = [
            *terms.passages,
            *(p for ps in destinations.values() for p in ps),
            *(p for r in recipients.values() for p in r.passages),
        ]
        return replace(terms, destinations=destinations, recipients=recipients, flags=flags, passages=_distinct(every))


def _build(
    name: str,
    rating: str | None,
    documents: Sequence[tuple[str, Mapping[str, Any]]],
    checked: Sequence[tuple[str, Mapping[str, Any]]],
    words: DiffWords,
) -> Terms:
    """The terms of ``documents`` (path, JSON document) read together, with the Art. 28 checklist of
    ``checked`` (the DPAs among them)."""
    destinations: dict[str, list[Passage]] = {}
    mechanisms: dict[str, list[Passage]] = {}
    recipients: dict[str, Named] = {}
    every: list[Passage] = []
    named: dict[str, list[Passage]] = {}
    notices: list[tuple[int, Passage]] = []
    objections: list[tuple[int, Passage]] = []
    for path, doc in documents:
        for t in doc.get("transfers", ()):
            if t["destination"] != EEA_REGION:
                destinations.setdefault(t["destination"], []).extend(_passages(t.get("evidence", ()), path))
        for mechanism in doc.get("mechanisms", ()):
            mechanisms.setdefault(mechanism, [])
        for m in doc.get("mentions", ()):
            passage = _passage(m["evidence"], path)
            every.append(passage)
            if m["kind"] in ("destination", "mechanism"):
                named.setdefault(m["value"], []).append(passage)
            if m["kind"] == "mechanism" and m.get("relied_upon") and m["value"] in mechanisms:
                mechanisms[m["value"]].append(passage)
            elif m["kind"] == "subprocessor_notice" and m.get("detail", "").isdigit():
                notices.append((int(m["detail"]), passage))
            elif m["kind"] == "subprocessor_objection" and m.get("detail", "").isdigit():
                objections.append((int(m["detail"]), passage))
        for r in doc.get("recipients", ()):
            if r.get("role") == "vendor" or r.get("engaged_by"):
                continue  # the vendor itself, and the unnamed onward recipients of a sub-processor
            key = recipient_key(r["name"], words.legal_forms)
            if not key or _kind_only(key, words.generic):
                continue
            passages = _passages(r.get("evidence", ()), path)
            every.extend(passages)
            known = recipients.get(key)
            recipients[key] = (
                Named(r["name"], frozenset(r.get("locations", ())), passages, r.get("role", ""))
                if known is None
                else Named(
                    known.name,
                    known.locations | frozenset(r.get("locations", ())),
                    known.passages + passages,
                    known.role,
                )
            )
        every.extend(p for t in doc.get("transfers", ()) for p in _passages(t.get("evidence", ()), path))
        every.extend(p for f in doc.get("findings", ()) for p in _passages(f.get("evidence", ()), path))
    checklist: dict[str, Item] = {}
    breaches: list[tuple[int, Passage]] = []
    for path, doc in checked:
        breaches += [
            (int(m["detail"]), _passage(m["evidence"], path))
            for m in doc.get("mentions", ())
            if m["kind"] == "breach_limit" and m.get("detail", "").isdigit()
        ]
        for i in doc.get("art28_checklist", ()):
            item = Item(i["status"], i.get("note", ""), _passages(i.get("evidence", ()), path))
            checklist[i["element"]] = _better(checklist.get(i["element"]), item)
            every.extend(item.passages)
    flags = [(f, _passages(f.get("evidence", ()), path)) for path, doc in documents for f in doc.get("findings", ())]
    shortest = min(notices, key=lambda n: n[0], default=None)
    window = min(objections, key=lambda n: n[0], default=None)
    breach = min(breaches, key=lambda n: n[0], default=None)
    return Terms(
        name=name,
        rating=rating,
        destinations={k: _distinct(v) for k, v in destinations.items()},
        mechanisms={k: _distinct(v) for k, v in mechanisms.items()},
        recipients=recipients,
        checklist=checklist,
        notice_days=shortest[0] if shortest else None,
        notice=(shortest[1],) if shortest else (),
        objection_days=window[0] if window else None,
        objection=(window[1],) if window else (),
        breach_hours=breach[0] if breach else None,
        breach=(breach[1],) if breach else (),
        flags={f["rule_id"]: _distinct(quotes) for f, quotes in flags if f.get("core")},
        passages=_distinct(every),
        named={k: _distinct(v) for k, v in named.items()},
    )


def _better(known: Item | None, item: Item) -> Item:
    """Of two readings of one element (a vendor's agreements), the better: what binds the vendor at best."""
    if known is None or STATUS_RANK[item.status] > STATUS_RANK[known.status]:
        return item
    return known


def _passage(e: Mapping[str, Any], document: str) -> Passage:
    """A quote of a JSON report; one that names its document (a vendor report's) is placed there."""
    return Passage(
        " ".join(str(e["quote"]).split()),
        str(e.get("document") or document),
        e.get("page"),
        tuple(e.get("section", ())),
    )


def _passages(evidence: Iterable[Mapping[str, Any]], document: str) -> tuple[Passage, ...]:
    return tuple(_passage(e, document) for e in evidence)


def _distinct(passages: Iterable[Passage]) -> tuple[Passage, ...]:
    return tuple(dict.fromkeys(passages))


def other_names(name: str, words: DiffWords) -> tuple[str, ...]:
    """The name with a former or current name of its company in place of its first words ("Facebook Ireland
    Limited": "meta platforms ireland")."""
    found = name_words(name, words.legal_forms)
    return tuple(" ".join((*to, *found[len(was) :])) for was, to in words.renamed if found[: len(was)] == was)


def name_words(name: str, forms: frozenset[str]) -> tuple[str, ...]:
    """A company's name as lower-case words, without its legal form (one of ``forms``; "Acme Cloud, Inc." → acme,
    cloud)."""
    words = [w.lower().rstrip(".") for w in _WORD.findall(name.replace(",", " "))]
    while len(words) > 1 and words[-1] in forms:
        words.pop()
    return tuple(words)


def _kind_only(key: str, generic: frozenset[str]) -> bool:
    """A recipient's name of generic words only ("Advertising Partners", "Other members", „Unsere Partner"): a kind of
    recipient, as a table of whom data goes to heads a row in one layout and not another, no company. Changes count
    companies (eval/versions/AGREEMENT.md)."""
    return all(word in generic for word in key.split())


def recipient_key(name: str, forms: frozenset[str] | None = None) -> str:
    """One key for every way a version may write a recipient's name; ``forms``: the legal forms of the ruleset in use
    (those dpcheck ships if not given)."""
    return " ".join(name_words(name, DiffWords.default().legal_forms if forms is None else forms))


def same_recipient(a: str, b: str) -> bool:
    """Two keys name one company: equal, or one is the other's first words ("stripe" and
    "stripe payments europe" are the group and its branch the text means)."""
    wa, wb = a.split(), b.split()
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return bool(short) and long_[: len(short)] == short
