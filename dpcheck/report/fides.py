"""fideslang system manifests: the vendor and its sub-processors as Fides systems.

One manifest per document (``{"system": [...]}``, the shape ``fides`` reads from YAML), read
from the document's data flow; the vendor's system bears the name the document gives the vendor: each recipient's ``ingress`` is who engages it there (the
vendor, another recipient, or all sub-processors as one system), ``responsibility`` follows
the document type and the recipient's role, ``does_international_transfers`` and
``legal_basis_for_transfers`` follow the transfers found, and the countries, raw
mechanism names and source document sit in ``meta``. Privacy declarations are left empty:
dpcheck does not read data categories or uses, and a manifest must not claim what the
document did not say.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from dpcheck.flows.hops import ALL_SUBPROCESSORS_KEY, VENDOR, engagers, party_key
from dpcheck.models import DataFlow, DocumentReport, Recipient

# fideslang's vocabulary for legal_basis_for_transfers (its LegalBasisForTransfersEnum).
# Invalidated frameworks (Safe Harbor, Privacy Shield) are no legal basis and are left out.
TRANSFER_BASIS = {
    "adequacy": "Adequacy Decision",
    "dpf": "Adequacy Decision",
    "scc": "SCCs",
    "bcr": "BCRs",
    "code_of_conduct": "Other",
    "certification": "Other",
    "derogation": "Other",
}
VENDOR_RESPONSIBILITY = {"dpa": ["Processor"], "subprocessor_list": ["Processor"], "privacy_policy": ["Controller"]}
_KEY_UNSAFE = re.compile(r"[^a-zA-Z0-9_.-]+")


def fides_key(text: str) -> str:
    """A fides_key (letters, digits, ``_.-``) from any name, accents folded."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _KEY_UNSAFE.sub("_", ascii_text).strip("_.-").lower() or "unnamed"


def _bases(mechanisms: list[str]) -> list[str]:
    return sorted({TRANSFER_BASIS[m] for m in mechanisms if m in TRANSFER_BASIS})


def _recipient_responsibility(doc: DocumentReport, recipient: Recipient) -> list[str]:
    if recipient.role == "subprocessor" or (recipient.role == "affiliate" and doc.doc_type != "privacy_policy"):
        return ["Sub-Processor"]
    return ["Processor"] if recipient.role == "processor" else []


def _recipient_hops(flow: DataFlow, recipient: Recipient) -> tuple[bool, list[str]]:
    """Whether the recipient sends data outside the EEA, and the mechanisms covering those hops
    in the data flow (which judges onward transfers on their own)."""
    inside = {c.key for c in flow.countries if c.eea}
    outside = [
        h
        for h in flow.hops
        if h.source == party_key(recipient.name) and h.kind == "transfer" and h.target not in inside
    ]
    return bool(outside), sorted({m for h in outside for m in h.mechanisms})


def fides_manifest(doc: DocumentReport) -> dict[str, Any]:
    """The document's vendor and recipients as a fideslang taxonomy with ``system`` only."""
    stem = fides_key(Path(doc.path).stem)
    vendor_key, all_key = f"{stem}.vendor", f"{stem}.all_subprocessors"
    keys: list[str] = []
    for recipient in doc.recipients:
        key, n = f"{stem}.{fides_key(recipient.name)}", 2
        while key in keys or key in (vendor_key, all_key):
            key, n = f"{stem}.{fides_key(recipient.name)}_{n}", n + 1
        keys.append(key)
    # Who engages each recipient is the flow's answer; a party named twice is the system of its first row.
    systems_of = {VENDOR: vendor_key, ALL_SUBPROCESSORS_KEY: all_key}
    for key, recipient in zip(keys, doc.recipients, strict=True):
        systems_of.setdefault(party_key(recipient.name), key)
    parents = [systems_of[parent] for parent in engagers(doc.recipients)]
    vendor = {
        "fides_key": vendor_key,
        "name": doc.vendor.value if doc.vendor is not None else f"Vendor of {Path(doc.path).name}",
        "description": f"The vendor whose {doc.doc_type or 'document'} {doc.path} was read by dpcheck.",
        "system_type": "Service",
        "privacy_declarations": [],
        "egress": ([{"fides_key": all_key, "type": "system"}] if all_key in parents else [])
        + _flows(keys, parents, vendor_key),
        "responsibility": VENDOR_RESPONSIBILITY.get(doc.doc_type or "", []),
        "does_international_transfers": bool(doc.transfers),
        "legal_basis_for_transfers": _bases(list(doc.mechanisms)),
        "meta": {
            "dpcheck_source": doc.path,
            "dpcheck_rating": doc.rating,
            "dpcheck_countries": [t.destination for t in doc.transfers],
            "dpcheck_mechanisms": list(doc.mechanisms),
            "dpcheck_findings": [f.rule_id for f in doc.findings],
        },
    }
    systems = [vendor]
    if all_key in parents:
        systems.append(_all_subprocessors(doc, all_key, vendor_key, keys, parents))
    for key, parent, recipient in zip(keys, parents, doc.recipients, strict=True):
        assert doc.flow is not None  # a document with recipients was read
        international, mechanisms = _recipient_hops(doc.flow, recipient)
        system: dict[str, Any] = {
            "fides_key": key,
            "name": recipient.name,
            "description": recipient.purpose or f"{recipient.role} named in {doc.path}",
            "system_type": "Service",
            "privacy_declarations": [],
            "ingress": [{"fides_key": parent, "type": "system"}],
            "responsibility": _recipient_responsibility(doc, recipient),
            "does_international_transfers": international,
            "legal_basis_for_transfers": _bases(mechanisms),
            "meta": {
                "dpcheck_source": doc.path,
                "dpcheck_role": recipient.role,
                "dpcheck_countries": list(recipient.locations),
                "dpcheck_mechanisms": mechanisms,
                "dpcheck_engaged_by": recipient.engaged_by,
            },
        }
        if egress := _flows(keys, parents, key):
            system["egress"] = egress
        systems.append(system)
    return {"system": systems}


def _all_subprocessors(
    doc: DocumentReport, key: str, vendor_key: str, keys: list[str], parents: list[str]
) -> dict[str, Any]:
    """The sub-processors as one system: what the document says all of them pass on."""
    return {
        "fides_key": key,
        "name": "Sub-processors (all)",
        "description": f"Every sub-processor named in {doc.path}, as the document speaks of them together.",
        "system_type": "Service",
        "privacy_declarations": [],
        "ingress": [{"fides_key": vendor_key, "type": "system"}],
        "egress": _flows(keys, parents, key),
        "responsibility": ["Sub-Processor"],
        "does_international_transfers": False,
        "legal_basis_for_transfers": [],
        "meta": {"dpcheck_source": doc.path, "dpcheck_role": "subprocessor"},
    }


def _flows(keys: list[str], parents: list[str], source: str) -> list[dict[str, str]]:
    return [{"fides_key": key, "type": "system"} for key, parent in zip(keys, parents, strict=True) if parent == source]


def render_fides_yaml(doc: DocumentReport) -> str:
    return yaml.safe_dump(fides_manifest(doc), allow_unicode=True, sort_keys=False)
