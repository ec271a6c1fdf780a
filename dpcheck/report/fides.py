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


def _recipient_transfers(doc: DocumentReport, recipient: Recipient) -> list[Transfer]:
    return [t for t in doc.transfers if t.destination in recipient.locations or recipient.name in t.recipients]


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
    vendor = {
        "fides_key": vendor_key,
        "name": f"Vendor of {Path(doc.path).name}",
        "description": f"The vendor whose {doc.doc_type or 'document'} {doc.path} was read by dpcheck.",
        "system_type": "Service",
        "privacy_declarations": [],
        "egress": [{"fides_key": key, "type": "system"} for key in keys],
        "responsibility": VENDOR_RESPONSIBILITY.get(doc.doc_type or "", []),
        "does_international_transfers": bool(doc.transfers),
        "legal_basis_for_transfers": _bases(list(doc.mechanisms)),
        "meta": {"dpcheck_source": doc.path, "dpcheck_rating": doc.rating,
                 "dpcheck_countries": [t.destination for t in doc.transfers],
                 "dpcheck_mechanisms": list(doc.mechanisms),
                 "dpcheck_findings": [f.rule_id for f in doc.findings]},
    }
    systems = [vendor]
    for key, recipient in zip(keys, doc.recipients, strict=True):
        transfers = _recipient_transfers(doc, recipient)
        mechanisms = sorted({m for t in transfers for m in t.mechanisms})
        systems.append({
            "fides_key": key,
            "name": recipient.name,
            "description": recipient.purpose or f"{recipient.role} named in {doc.path}",
            "system_type": "Service",
            "privacy_declarations": [],
            "ingress": [{"fides_key": vendor_key, "type": "system"}],
            "responsibility": _recipient_responsibility(doc, recipient),
            "does_international_transfers": bool(transfers),
            "legal_basis_for_transfers": _bases(mechanisms),
            "meta": {"dpcheck_source": doc.path, "dpcheck_role": recipient.role,
                     "dpcheck_countries": list(recipient.locations), "dpcheck_mechanisms": mechanisms},
        })
    return {"system": systems}


def render_fides_yaml(doc: DocumentReport) -> str:
    return yaml.safe_dump(fides_manifest(doc), allow_unicode=True, sort_keys=False)
