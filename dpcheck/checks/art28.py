"""The Art. 28 GDPR checklist of a DPA: each element present, missing or weakened, with evidence.

Built from the ``art28`` mentions of :mod:`dpcheck.extract.art28` and the sub-processor
terms of :mod:`dpcheck.extract.terms`. What counts as *weakened*:

- instructions (a): processing beyond them (own-purpose use, Art. 28(10)), a limited right to
  instruct (only within the service's functionality, further instructions for a fee or by
  agreement), or no word on transfers to third countries;
- sub-processors (d): prior authorisation, flowed-down obligations or the processor's
  liability missing; changes only announced where the customer must look (pull-only notice);
  an objection whose only remedy is termination; a general authorisation without notice and
  right to object;
- assistance (f): breach notification without a stated time limit (``without undue delay``
  alone: Art. 33(2)'s own wording, so a point to negotiate rather than a defect), or with only
  limits beyond the controller's own deadline (``rules/facts/art28.yml``: 72 hours, Art. 33(1);
  "within 5 business days"), or no assistance with impact assessments and prior consultation,
  or no breach notification at all;
- deletion (g): deletion or return at the end, but not at the controller's choice;
- audits (h): audits replaced by reports or certificates (no on-site audit left), or no duty
  to say when an instruction infringes the law.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dpcheck.facts import LegalFacts
from dpcheck.models import ART28, LISTED_IN_USE, OBJECTION_VOID, ChecklistItem, Evidence, Mention, distinct_places

if TYPE_CHECKING:
    from dpcheck.extract import Extraction

ELEMENTS: tuple[tuple[str, str], ...] = (
    ("subject_matter", "Art. 28(3) GDPR"),
    ("duration", "Art. 28(3) GDPR"),
    ("nature_purpose", "Art. 28(3) GDPR"),
    ("data_types", "Art. 28(3) GDPR"),
    ("data_subjects", "Art. 28(3) GDPR"),
    ("instructions", "Art. 28(3)(a) GDPR"),
    ("confidentiality", "Art. 28(3)(b) GDPR"),
    ("security", "Art. 28(3)(c), Art. 32 GDPR"),
    ("subprocessors", "Art. 28(2), 28(3)(d), 28(4) GDPR"),
    ("data_subject_rights", "Art. 28(3)(e) GDPR"),
    ("security_assistance", "Art. 28(3)(f), Arts. 32-36 GDPR"),
    ("deletion_return", "Art. 28(3)(g) GDPR"),
    ("audits", "Art. 28(3)(h) GDPR"),
)
WEAKENINGS = (
    "own_purpose_use",
    "instruction_limits",
    "transfer_instructions_missing",
    "subprocessor_terms_incomplete",
    "subprocessor_pull_notice",
    "objection_termination_only",
    "breach_notice_no_deadline",
    "deletion_not_at_choice",
    "audit_reports_only",
    "unlawful_instruction_notice_missing",
    "breach_notice_too_late",
)
# What a weakened item's note says; those in WEAKENINGS are also rules (rules/flags/ART28_*.yml).
NOTES = {
    "own_purpose_use": "the processor may use the data for its own purposes",
    "instruction_limits": "the right to instruct is limited",
    "transfer_instructions_missing": "instructions do not cover transfers to third countries",
    "subprocessor_terms_incomplete": "prior authorisation, flowed-down obligations or the processor's liability not found",
    "subprocessor_pull_notice": "changes only announced on a page the customer must check",
    "objection_termination_only": "an objection only allows termination",
    "breach_notice_no_deadline": "breach notification without a stated time limit",
    "breach_notice_too_late": "breach notification only within a time limit beyond the controller's deadline",
    "deletion_not_at_choice": "deletion or return not at the controller's choice",
    "audit_reports_only": "audits replaced by reports or certificates",
    "unlawful_instruction_notice_missing": "no duty to inform of instructions that infringe the law",
    "objection_unclear": "general authorisation without notice of changes or right to object",
    "no_breach_notice": "no notification of personal data breaches",
    "no_dpia_assistance": "no assistance with impact assessments and prior consultation",
}
# What satisfies the element each weakening is about: a sentence showing all parts of one of these sets
# (art28 parts, sub-processor terms, or "breach_deadline": a breach notice within the controller's
# deadline). Such a sentence is never quoted for the weakening, and a weakening that only such
# sentences show is none ("sole remedy" beside "we will first try to resolve the objection").
SATISFIED_BY: dict[str, tuple[frozenset[str], ...]] = {
    "own_purpose_use": (),
    "instruction_limits": (),
    "transfer_instructions_missing": (frozenset({"transfer_instructions"}),),
    "subprocessor_terms_incomplete": (
        frozenset({"subprocessor_authorisation", "subprocessor_flowdown", "subprocessor_liability"}),
    ),
    "subprocessor_pull_notice": (frozenset({"subprocessor_push_notice"}),),
    "objection_termination_only": (frozenset({"objection_alternative"}),),
    "breach_notice_no_deadline": (frozenset({"breach_deadline"}), frozenset({"breach_limit"})),
    "breach_notice_too_late": (frozenset({"breach_deadline"}),),
    "deletion_not_at_choice": (frozenset({"deletion_choice"}),),
    "audit_reports_only": (frozenset({"audit_onsite"}),),
    "unlawful_instruction_notice_missing": (frozenset({"unlawful_instruction_notice"}),),
    "objection_unclear": (
        frozenset({"specific_authorisation"}),
        frozenset({"subprocessor_notice", "subprocessor_objection"}),
    ),
    "no_breach_notice": (frozenset({"breach_notice"}),),
    "no_dpia_assistance": (frozenset({"dpia_assistance"}),),
}
# Sub-processor terms read by dpcheck.extract.terms that satisfy checklist elements too.
TERM_PARTS = ("specific_authorisation", "subprocessor_notice", "subprocessor_objection")
SUBPROCESSOR_PARTS = ("prior authorisation", "obligations flowed down", "processor liable for sub-processors")
MAX_EVIDENCE = 3


@dataclass(frozen=True)
class Assessment:
    """The checklist and, per weakening pattern, whether it was found and its evidence."""

    items: tuple[ChecklistItem, ...]
    weakened: dict[str, bool]
    evidence: dict[str, tuple[Evidence, ...]]


def _quoted(*groups: Iterable[Mention]) -> tuple[Evidence, ...]:
    return distinct_places((m.evidence for group in groups for m in group), MAX_EVIDENCE)


Place = tuple[int, int]


def _place(m: Mention) -> Place:
    return m.evidence.start, m.evidence.end


def satisfies(name: str, shown: frozenset[str]) -> bool:
    """A sentence showing the parts ``shown`` satisfies the element the weakening ``name`` is about."""
    return any(needed <= shown for needed in SATISFIED_BY[name])


def assess(extraction: Extraction, facts: LegalFacts) -> Assessment:
    """The Art. 28 checklist of ``extraction`` (meaningful for DPAs; the caller decides)."""
    found: dict[str, list[Mention]] = {}
    for m in extraction.of(ART28):
        found.setdefault(m.value, []).append(m)

    def of(part: str) -> list[Mention]:
        return found.get(part, [])

    general, specific = extraction.of("general_authorisation"), extraction.of("specific_authorisation")
    subprocessor_parts = [
        specific + general + extraction.of(LISTED_IN_USE) + of("subprocessor_authorisation"),
        of("subprocessor_flowdown"),
        of("subprocessor_liability"),
    ]
    deadlines = [m for m in of("breach_notice") if m.detail and int(m.detail) <= facts.breach_deadline_hours]
    late = [m for m in of("breach_notice") if m.detail and int(m.detail) > facts.breach_deadline_hours]

    # Evidence of each weakening: the sentences showing it, or, where it is an absence, those around it.
    shown: dict[str, list[Mention]] = {
        "own_purpose_use": of("own_purpose_use"),
        "instruction_limits": of("instruction_limits"),
        "transfer_instructions_missing": [] if of("transfer_instructions") else of("instructions"),
        "subprocessor_terms_incomplete": [] if all(subprocessor_parts) else [m for p in subprocessor_parts for m in p],
        "subprocessor_pull_notice": [] if of("subprocessor_push_notice") else of("subprocessor_pull_notice"),
        "objection_termination_only": of("objection_sole_remedy")
        or ([] if of("objection_alternative") else of("objection_termination")),
        "breach_notice_no_deadline": [] if deadlines or late else of("breach_notice"),
        "breach_notice_too_late": [] if deadlines else late,
        "deletion_not_at_choice": [] if of("deletion_choice") else of("deletion"),
        "audit_reports_only": [] if of("audit_onsite") else of("audit_reports_only"),
        "unlawful_instruction_notice_missing": of("instructions") + of("audits"),
        "objection_unclear": general,
        "no_breach_notice": of("dpia_assistance"),
        "no_dpia_assistance": of("breach_notice"),
    }
    # The parts each quoted sentence shows, by its place in the document.
    parts_at: dict[Place, set[str]] = {}
    for m in extraction.of(ART28) + [m for kind in TERM_PARTS for m in extraction.of(kind)]:
        parts_at.setdefault(_place(m), set()).add(m.value)
    for m in deadlines:
        parts_at[_place(m)].add("breach_deadline")
    for m in late:
        parts_at[_place(m)].add("breach_limit")

    def consistent(names: Iterable[str], mentions: Iterable[Mention]) -> list[Mention]:
        """``mentions`` without those whose sentence satisfies what any of ``names`` says is lacking."""
        names = tuple(names)
        return [m for m in mentions if not any(satisfies(n, frozenset(parts_at.get(_place(m), ()))) for n in names)]

    shown = {name: consistent((name,), ms) for name, ms in shown.items()}
    weakened = {name: bool(ms) for name, ms in shown.items()}
    weakened["unlawful_instruction_notice_missing"] = not of("unlawful_instruction_notice")
    weakened["objection_unclear"] = (
        bool(general)
        and not specific
        and not (
            extraction.of("subprocessor_notice")
            and extraction.of("subprocessor_objection")
            and not extraction.of(OBJECTION_VOID)
        )
    )
    weakened["no_breach_notice"] = not of("breach_notice")
    weakened["no_dpia_assistance"] = not of("dpia_assistance")

    plan: dict[str, tuple[list[list[Mention]], tuple[str, ...]]] = {
        "instructions": (
            [of("instructions")],
            ("own_purpose_use", "instruction_limits", "transfer_instructions_missing"),
        ),
        "subprocessors": (
            subprocessor_parts,
            (
                "subprocessor_terms_incomplete",
                "subprocessor_pull_notice",
                "objection_termination_only",
                "objection_unclear",
            ),
        ),
        "security_assistance": (
            [of("breach_notice"), of("dpia_assistance")],
            ("breach_notice_no_deadline", "breach_notice_too_late", "no_breach_notice", "no_dpia_assistance"),
        ),
        "deletion_return": ([of("deletion")], ("deletion_not_at_choice",)),
        "audits": ([of("audits")], ("audit_reports_only", "unlawful_instruction_notice_missing")),
    }
    items = []
    for element, article in ELEMENTS:
        parts, weakened_by = plan.get(element, ([of(element)], ()))
        active = [name for name in weakened_by if weakened[name]]
        if not any(parts):
            items.append(ChecklistItem(element, article, "missing", (), "not found in the text"))
        elif active:
            evidence = _quoted(*(shown[name] for name in active), *(consistent(active, p) for p in parts))
            notes = [NOTES[n] for n in active]
            if "subprocessor_terms_incomplete" in active:
                lacking = [name for name, part in zip(SUBPROCESSOR_PARTS, subprocessor_parts) if not part]
                notes[active.index("subprocessor_terms_incomplete")] = "not found: " + ", ".join(lacking)
            items.append(ChecklistItem(element, article, "weakened", evidence, "; ".join(notes)))
        else:
            items.append(ChecklistItem(element, article, "present", _quoted(*parts)))
    public = {name: weakened[name] for name in WEAKENINGS}
    return Assessment(tuple(items), public, {name: _quoted(shown[name]) for name in WEAKENINGS})
