"""Whether a DPA or sub-processor list lets the controller identify every processor in the chain.

EDPB Opinion 22/2024 (``rules/facts/art28.yml``, ``subprocessor_chain``): the controller must have
the identity (name, address, contact person) of every processor and sub-processor, at any depth,
kept current and supplied by the processor unprompted. The gaps read from the text:

- a deferral to the sub-processors' own lists ("see their own websites") leaves the onward tiers out;
- no statement reaching beyond the direct sub-processors (and no onward row in the list) means only
  they are identified;
- a list in the document (a sub-processor list, or rows of sub-processors in a DPA) that gives no
  address or contact identifies them by name alone (a list that sits elsewhere cannot be judged
  from the document).

A document that identifies no sub-processor at all is ``SUBPROCESSOR_LIST_MISSING``'s matter.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dpcheck.models import ART28, LISTED_IN_USE, Evidence

if TYPE_CHECKING:
    from dpcheck.extract import Extraction

DOC_TYPES = ("dpa", "subprocessor_list")
OWN_LISTS = "onward sub-processors are left to their own lists"
DIRECT_ONLY = "only direct sub-processors are identified"
NAME_ONLY = "sub-processors are named without address or contact person"


def chain_gaps(extraction: Extraction) -> dict[str, tuple[Evidence, ...]]:
    """Each gap in the identification of the sub-processor chain, with the passages that show it."""
    if extraction.doc_type not in DOC_TYPES:
        return {}
    shown: dict[str, list[Evidence]] = {}
    for mention in extraction.of(ART28):
        shown.setdefault(mention.value, []).append(mention.evidence)
    listed = [r for r in extraction.recipients if r.role == "subprocessor"]
    terms = [
        m.evidence
        for kind in ("subprocessor_list", "general_authorisation", "specific_authorisation", LISTED_IN_USE)
        for m in extraction.of(kind)
    ]
    rows = [e for r in listed for e in r.evidence]
    if not (listed or terms):
        return {}
    gaps: dict[str, tuple[Evidence, ...]] = {}
    own = shown.get("subprocessor_own_lists", [])
    if own:
        gaps[OWN_LISTS] = tuple(own)
    # "The sub-processors of our sub-processors are on their own lists" names the tier to leave it out.
    tiers = [e for e in shown.get("subprocessor_tiers", []) if all(e.start != o.start for o in own)]
    if not tiers and not any(r.engaged_by for r in listed):
        gaps[DIRECT_ONLY] = tuple(terms or rows)
    in_document = listed or extraction.doc_type == "subprocessor_list"
    if in_document and not shown.get("subprocessor_identity"):
        gaps[NAME_ONLY] = tuple(rows or terms)
    return gaps
