"""fideslang system manifests: the vendor and its sub-processors as Fides systems.

One manifest per document (``{"system": [...]}``, the shape ``fides`` reads from YAML):
the vendor's ``egress`` goes to each recipient, ``responsibility`` follows the document
type and the recipient's role, ``does_international_transfers`` and
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

from dpcheck.models import DocumentReport, Recipient, Transfer

# fideslang's vocabulary for legal_basis_for_transfers (its LegalBasisForTransfersEnum).
# Invalidated frameworks (Safe Harbor, Privacy Shield) are no legal basis and are left out.
TRANSFER_BASIS = {"adequacy": "Adequacy Decision", "dpf": "Adequacy Decision", "scc": "SCCs", "bcr": "BCRs",
                  "code_of_conduct": "Other", "certification": "Other", "derogation": "Other"}
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


def _recipient_hops(doc: DocumentReport, recipient: Recipient) -> tuple[bool, list[str]]:
    """Whether the recipient sends data outside the EEA, and the mechanisms covering those hops:
    from its edges in the data-flow graph (which judge onward transfers on their own), else
    from the document's transfers to its locations."""
    node = f"party:{recipient.name}"
    if doc.graph is not None and node in doc.graph:
        outside = [data for _, target, data in doc.graph.out_edges(node, data=True)
                   if data.get("kind") == "transfer" and not doc.graph.nodes[target].get("eea")]
        return bool(outside), sorted({str(m) for data in outside for m in data.get("mechanisms") or []})
    transfers: list[Transfer] = [t for t in doc.transfers if t.destination in recipient.locations]
    return bool(transfers), sorted({m for t in transfers for m in t.mechanisms})


def fides_manifest(doc: DocumentReport) -> dict[str, Any]:
    """The document's vendor and recipients as a fideslang taxonomy with ``system`` only."""
    stem = fides_key(Path(doc.path).stem)
    vendor_key = f"{stem}.vendor"
    keys: list[str] = []
    for recipient in doc.recipients:
        key, n = f"{stem}.{fides_key(recipient.name)}", 2
        while key in keys or key == vendor_key:
            key, n = f"{stem}.{fides_key(recipient.name)}_{n}", n + 1
        keys.append(key)
    # A sub-processor's own sub-processors (onward transfers) receive data from it, not from the vendor.
    by_name = {r.name.casefold(): key for key, r in zip(keys, doc.recipients, strict=True) if not r.engaged_by}
    parents = [by_name.get(r.engaged_by.casefold(), vendor_key) if r.engaged_by else vendor_key
               for r in doc.recipients]
    parents = [vendor_key if parent == key else parent for parent, key in zip(parents, keys, strict=True)]
    vendor = {
        "fides_key": vendor_key,
        "name": f"Vendor of {Path(doc.path).name}",
        "description": f"The vendor whose {doc.doc_type or 'document'} {doc.path} was read by dpcheck.",
        "system_type": "Service",
        "privacy_declarations": [],
        "egress": _flows(keys, parents, vendor_key),
        "responsibility": VENDOR_RESPONSIBILITY.get(doc.doc_type or "", []),
        "does_international_transfers": bool(doc.transfers),
        "legal_basis_for_transfers": _bases(list(doc.mechanisms)),
        "meta": {"dpcheck_source": doc.path, "dpcheck_rating": doc.rating,
                 "dpcheck_countries": [t.destination for t in doc.transfers],
                 "dpcheck_mechanisms": list(doc.mechanisms),
                 "dpcheck_findings": [f.rule_id for f in doc.findings]},
    }
    systems = [vendor]
    for key, parent, recipient in zip(keys, parents, doc.recipients, strict=True):
        international, mechanisms = _recipient_hops(doc, recipient)
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
            "meta": {"dpcheck_source": doc.path, "dpcheck_role": recipient.role,
                     "dpcheck_countries": list(recipient.locations), "dpcheck_mechanisms": mechanisms,
                     "dpcheck_engaged_by": recipient.engaged_by},
        }
        if egress := _flows(keys, parents, key):
            system["egress"] = egress
        systems.append(system)
    return {"system": systems}


def _flows(keys: list[str], parents: list[str], source: str) -> list[dict[str, str]]:
    return [{"fides_key": key, "type": "system"} for key, parent in zip(keys, parents, strict=True) if parent == source]


def render_fides_yaml(doc: DocumentReport) -> str:
    return yaml.safe_dump(fides_manifest(doc), allow_unicode=True, sort_keys=False)
