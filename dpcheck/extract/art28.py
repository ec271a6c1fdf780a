"""What a DPA's sentences say about the Art. 28 GDPR checklist, one mention per finding.

Each mention has kind ``art28`` and as value the checklist part it shows (see ``PARTS``);
the vocabulary is ``rules/lexicon/art28.yml`` (labels ``A28_*``), combined here: an element
is shown by a cue together with its context in the same sentence ("confidentiality" and
"personnel"), or by the label that opens an annex row or list item ("Data subjects | ...",
"Data subjects: ..."). The
headings above a sentence count as its context ("## Personal data breaches" above "within
24 hours"). Weakening patterns are read with negation: "we will not use Customer Data for
our own purposes" is no own-purpose use.

:mod:`dpcheck.checks.art28` turns these mentions into the checklist.
"""

from __future__ import annotations

from collections.abc import Iterable

from dpcheck.extract.periods import stated_hours
from dpcheck.extract.sentences import Cue, Sentence
from dpcheck.extract.terms import announcing
from dpcheck.models import ART28, Mention

PARTS = (
    "subject_matter",
    "duration",
    "nature_purpose",
    "data_types",
    "data_subjects",
    "instructions",
    "transfer_instructions",
    "confidentiality",
    "security",
    "subprocessor_authorisation",
    "subprocessor_flowdown",
    "subprocessor_liability",
    "data_subject_rights",
    "dpia_assistance",
    "breach_notice",
    "deletion",
    "deletion_choice",
    "audits",
    "unlawful_instruction_notice",
    "own_purpose_use",
    "instruction_limits",
    "subprocessor_pull_notice",
    "subprocessor_push_notice",
    "objection_sole_remedy",
    "objection_termination",
    "objection_alternative",
    "audit_reports_only",
    "audit_onsite",
    "subprocessor_tiers",
    "subprocessor_identity",
    "subprocessor_own_lists",
)
# Art. 28(3) first sentence: cue in running text, and the same element as an annex row label.
DETAILS = {
    "subject_matter": ("A28_SUBJECT", "A28_ROW_SUBJECT"),
    "duration": ("A28_DURATION", "A28_ROW_DURATION"),
    "nature_purpose": ("A28_NATURE_PURPOSE", "A28_ROW_NATURE_PURPOSE"),
    "data_types": ("A28_DATA_TYPES", "A28_ROW_DATA_TYPES"),
    "data_subjects": ("A28_DATA_SUBJECTS", "A28_ROW_DATA_SUBJECTS"),
}
# The labels without which _hits finds nothing (it asks first): one that shows an element in the sentence
# (the others only qualify one: "personnel" makes "confidential" the confidentiality of persons with
# access), an element's row label opening its block, or a heading above naming an element or a breach.
SHOWS = (
    *(cue for cue, _ in DETAILS.values()),
    "A28_INSTRUCTION",
    "A28_PERMISSION",
    "A28_CONFIDENTIAL",
    "A28_SECURITY",
    "A28_AUTHORISE",
    "A28_FLOWDOWN",
    "A28_LIABLE",
    "A28_PULL",
    "A28_PUSH",
    "A28_TERMINATE",
    "A28_ALTERNATIVE",
    "A28_SUB_TIERS",
    "A28_SUB_IDENTITY",
    "A28_OWN_LISTS",
    "A28_DS_RIGHTS",
    "A28_DPIA",
    "A28_BREACH",
    "A28_DELETE",
    "A28_AUDIT",
    "A28_OWN_PURPOSE",
    "A28_IMPROVE",
)
ROW_LABELS = tuple(row for _, row in DETAILS.values())
# The labels of a sentence right before a list whose items name what it assists with or notifies of.
LEAD_IN = ("A28_ASSIST", "A28_NOTIFY")
# The parts an item names as a permission, which a negated lead-in turns into a prohibition.
DENIED_BY_LEAD_IN = frozenset({"own_purpose_use", "instruction_limits"})
SECTION_SHOWS = (*(cue for cue, _ in DETAILS.values()), "A28_BREACH", "A28_DS_RIGHTS")


def negated(sentence: Sentence, cue: Cue) -> bool:
    """A negation before ``cue`` in its clause, or a denial anywhere in it, rules it out; so does a
    negated list ("shall not: (i) sell ..., (ii) use ... to improve the Service"). A bracketed insertion does not end
    the clause its statement goes on after („Eine Verarbeitung zu eigenen Zwecken (etwa Werbung, Analyse) findet nicht
    statt"). A denial inside the insertion denies only what the insertion says („für eigene Zwecke nutzen (eine Weitergabe
    an Dritte ist ausgeschlossen)")."""
    lo, hi = sentence.clause_bounds(cue.start)
    tokens = sentence.span
    hi, inserted = _past_brackets(sentence, hi)
    return (
        any(lo <= c.start and c.end <= cue.start for c in sentence.of("NEGATION"))
        or any(
            lo <= c.start and c.end <= hi and not any(a < c.start and c.end <= b for a, b in inserted)
            for c in sentence.of("DENIAL")
        )
        or any(c.end < cue.start and tokens[c.end].text == ":" for c in sentence.of("NEGATION"))
    )


def _past_brackets(sentence: Sentence, hi: int) -> tuple[int, list[tuple[int, int]]]:
    """The end of the clause ending at token ``hi``, taken on past each bracketed insertion that opens there, and the
    insertions passed (the tokens of their brackets)."""
    tokens = sentence.span
    inserted: list[tuple[int, int]] = []
    while hi < len(tokens) and tokens[hi].text == "(":
        depth, k = 0, hi
        while k < len(tokens):
            depth += {"(": 1, ")": -1}.get(tokens[k].text, 0)
            if depth == 0:
                break
            k += 1
        if k >= len(tokens) - 1:
            break
        inserted.append((hi, k))
        hi = sentence.clause_bounds(k + 1)[1]
    return hi, inserted


def _first(sentence: Sentence, *labels: str, negation: bool = False) -> Cue | None:
    """The first cue of ``labels``; with ``negation``, the first one not negated."""
    for cue in sentence.of(*labels):
        if not (negation and negated(sentence, cue)):
            return cue
    return None


# Tokens between a word and the one it qualifies ("only" ... "terminate", "not" ... "on-site").
NEAR = 4
# (part, reason, detail) of one mention before it gets the sentence's evidence.
Hit = tuple[str, str, str]


class Art28Reader:
    """Reads a document's sentences in order; remembers the cues of the headings it passed."""

    def __init__(self) -> None:
        self._heading_labels: dict[str, frozenset[str]] = {}

    def read(self, sentence: Sentence, lead_in: frozenset[str] = frozenset(), denied: bool = False) -> list[Mention]:
        """The parts ``sentence`` shows; ``lead_in``: the checklist labels of the sentence that leads into the list
        it is an item of ("The processor assists the controller with: - data subjects' rights"); ``denied``: that
        sentence ends in a negation ("The processor will not: - use the data to train its models"), so the item names
        what is forbidden, and a use or limit it names is none."""
        if sentence.block.kind == "heading":
            self._heading_labels[sentence.block.text] = labels(sentence) | self._heading_labels.get(
                sentence.block.text, frozenset()
            )
            return []
        section = lead_in.union(*(self._heading_labels.get(h, frozenset()) for h in sentence.block.heading_path))
        return [
            Mention(ART28, part, sentence.evidence(reason), detail=detail)
            for part, reason, detail in _hits(sentence, section)
            if not (denied and part in DENIED_BY_LEAD_IN)
        ]


def denies_a_list(sentence: Sentence) -> bool:
    """``sentence`` ends in a negation and a colon: the items after it are what it forbids."""
    tokens = sentence.span
    last = len(tokens) - 1
    return last > 0 and tokens[last].text == ":" and any(c.end == last for c in sentence.of("NEGATION"))


def labels(sentence: Sentence) -> frozenset[str]:
    """The checklist labels of ``sentence``."""
    return frozenset(c.label for c in sentence.of_prefixed("A28_"))


def anchored(sentence: Sentence, section: frozenset[str]) -> bool:
    """The sentence (under headings with the checklist labels ``section``) may show an element (see SHOWS)."""
    return (
        sentence.has(*SHOWS)
        or (any(c.start == 0 for c in sentence.of(*ROW_LABELS)) and sentence.start == sentence.block.start)
        or not section.isdisjoint(SECTION_SHOWS)
    )


def _hits(sentence: Sentence, section: frozenset[str]) -> Iterable[Hit]:
    if not anchored(sentence, section):
        return

    def near(label: str) -> bool:
        return sentence.has(label) or label in section

    def text(label: str) -> str:
        return sentence.of(label)[0].text

    legalese = sentence.of("A28_NOT_ELEMENT")
    for part, (cue_label, row_cue) in DETAILS.items():
        cue = next((c for c in sentence.of(cue_label) if not any(n.start <= c.start < n.end for n in legalese)), None)
        if cue is None:
            cue = next((c for c in sentence.of(row_cue) if _labels_block(sentence, c)), None)
        if cue is not None:
            yield part, f"'{cue.text}'", ""
        elif cue_label in section:
            yield part, "under a heading naming it", ""
        # Subject matter and nature are often set out together: the text under a subject-matter
        # heading describes what the processing is.
        elif part == "nature_purpose" and "A28_SUBJECT" in section:
            yield part, "described under the subject-matter heading", ""
        elif (
            part == "data_subjects"
            and (persons := sentence.of("A28_PERSONS"))
            and (sentence.has("A28_DATA_TYPES") or "A28_DATA_TYPES" in section)
        ):
            yield part, f"'{persons[0].text}' named with the types of data", ""

    instruction = _first(sentence, "A28_INSTRUCTION")
    if instruction is not None and sentence.has("TRANSFER"):
        yield "instructions", f"processing on '{instruction.text}'", ""
    # "you instruct us to transfer the data to the US", "... to any country" extend instructions to transfers too.
    transfer = sentence.has("THIRD_COUNTRY") or (
        sentence.has("A28_TRANSFER_WORD")
        and (sentence.in_transfer_section or sentence.has("OPEN_DESTINATION") or bool(sentence.places))
    )
    consent = instruction or _first(sentence, "A28_PERMISSION")
    if transfer and consent is not None:
        yield "transfer_instructions", f"transfers only on '{consent.text}'", ""
    if (
        instruction is not None
        and sentence.has("A28_UNLAWFUL")
        and (sentence.has("A28_NOTIFY") or announcing(sentence))
    ):
        yield "unlawful_instruction_notice", f"informs of an instruction that '{text('A28_UNLAWFUL')}'", ""

    if sentence.has("A28_CONFIDENTIAL") and near("A28_PERSONNEL"):
        yield "confidentiality", f"'{text('A28_CONFIDENTIAL')}' of persons with access", ""
    if sentence.has("A28_SECURITY"):
        yield "security", f"'{text('A28_SECURITY')}'", ""

    if sentence.has("SUBPROCESSOR", "A28_SUBPROCESSOR") or sentence.in_subprocessor_section:
        if sentence.has("SUBPROCESSOR", "A28_SUBPROCESSOR") and sentence.has("A28_AUTHORISE"):
            yield "subprocessor_authorisation", f"'{text('A28_AUTHORISE')}'", ""
        if sentence.has("A28_FLOWDOWN"):
            yield "subprocessor_flowdown", f"'{text('A28_FLOWDOWN')}'", ""
        if sentence.has("A28_LIABLE"):
            yield "subprocessor_liability", f"'{text('A28_LIABLE')}'", ""
        yield from _subprocessor_changes(sentence)
        yield from _subprocessor_identification(sentence)

    if near("A28_DS_RIGHTS") and near("A28_ASSIST"):
        rights = (
            f"'{text('A28_DS_RIGHTS')}'" if sentence.has("A28_DS_RIGHTS") else "under a heading or lead-in naming it"
        )
        yield "data_subject_rights", rights, ""
    if sentence.has("A28_DPIA"):
        yield "dpia_assistance", f"'{text('A28_DPIA')}'", ""
    # German splits the verb of notice around its object ("teilt ... Verletzungen ... innerhalb von 24 Stunden mit").
    if near("A28_BREACH") and (sentence.has("A28_NOTIFY") or announcing(sentence)):
        hours = stated_hours(sentence.text)
        if sentence.has("A28_BREACH") or hours is not None:
            when = "no time limit stated" if hours is None else f"within {hours} hours"
            yield "breach_notice", f"breach notification, {when}", "" if hours is None else str(hours)

    # "## Deletion and return" above "return a copy of all Customer Data" needs no repeat of "termination".
    if sentence.has("A28_DELETE") and (near("A28_END") or "A28_DELETE" in section):
        yield "deletion", f"'{text('A28_DELETE')}' at the end of processing", ""
        if sentence.has("A28_CHOICE"):
            yield "deletion_choice", f"at the controller's '{text('A28_CHOICE')}'", ""

    audit = _first(sentence, "A28_AUDIT")
    if audit is not None:
        # An audit word beside (not inside) Art. 28(3)(h)'s frame "to demonstrate compliance" needs no auditor named.
        proof = sentence.of("A28_COMPLIANCE_PROOF")
        framed = bool(proof) and any(
            not any(p.start <= a.start < p.end for p in proof) for a in sentence.of("A28_AUDIT")
        )
        if near("A28_AUDITOR") or framed:
            yield "audits", f"'{audit.text}'", ""
        yield from _audit_scope(sentence)

    # A sub-processor table row says what the sub-processor does, not what the processor may do.
    if sentence.block.kind != "table_row":
        yield from _own_purpose(sentence)
    if instruction is not None:
        limit = _first(sentence, "A28_INSTRUCTION_LIMIT", negation=True)
        if limit is None and sentence.has("A28_ADDITIONAL"):
            limit = _first(sentence, "A28_FEE", negation=True)
        if limit is not None:
            yield "instruction_limits", f"instructions limited ('{limit.text}')", ""


def _subprocessor_identification(sentence: Sentence) -> Iterable[Hit]:
    """Whether the controller can identify the whole chain: every tier, each by address or contact;
    "we do not list the sub-processors of our sub-processors" identifies neither."""
    if (tiers := _first(sentence, "A28_SUB_TIERS", negation=True)) is not None:
        yield "subprocessor_tiers", f"covers every tier ('{tiers.text}')", ""
    if (identity := _first(sentence, "A28_SUB_IDENTITY", negation=True)) is not None:
        yield "subprocessor_identity", f"identifies sub-processors by '{identity.text}'", ""
    if own := sentence.of("A28_OWN_LISTS"):
        yield "subprocessor_own_lists", f"leaves onward sub-processors to '{own[0].text}'", ""


def _labels_block(sentence: Sentence, cue: Cue) -> bool:
    """``cue`` opens its block as a label: a table row's first cell or "Data subjects: ..." in a list."""
    if cue.start != 0 or sentence.start != sentence.block.start:
        return False
    after = sentence.span[cue.end].text if cue.end < len(sentence.span) else ""
    return after == ":" or (sentence.block.kind == "table_row" and after == "|")


def _subprocessor_changes(sentence: Sentence) -> Iterable[Hit]:
    """How changes are announced, and what an objection can achieve."""
    pull, push = sentence.of("A28_PULL"), sentence.of("A28_PUSH")
    # "by posting an update and notifying account holders by e-mail" reaches the customer; "by updating the
    # list and/or by e-mail", or e-mail to those who subscribed, may not.
    pushed_too = (
        bool(pull and push)
        and not sentence.has("A28_OPT_IN")
        and not any(
            min(pull[0].start, push[0].start) < e.start < max(pull[0].end, push[0].end)
            for e in sentence.of("A28_EITHER")
        )
    )
    if pull and not pushed_too and sentence.has("NOTICE", "NOTICE_DETAIL", "CHANGE", "LIST", "A28_NOTIFY"):
        yield "subprocessor_pull_notice", f"changes announced where the customer must look ('{pull[0].text}')", ""
    elif (
        sentence.has("CHANGE")
        and sentence.has("A28_PUSH")
        and not sentence.has("A28_TERMINATE")
        and (notify := _first(sentence, "A28_NOTIFY", negation=True)) is not None
        # "Customer may object in writing within 10 days of notice" is the customer's notice, not the processor's.
        and not any(c.start < notify.start for c in sentence.of("A28_OBJECT"))
    ):
        yield "subprocessor_push_notice", f"'{notify.text}' by '{push[0].text}'", ""
    terminate = sentence.of("A28_TERMINATE")
    if terminate and sentence.has("A28_OBJECT"):
        # "may only terminate", "kann lediglich den Vertrag kündigen"; not "terminate ... only those Services".
        sole = sentence.of("A28_SOLE_REMEDY") or [
            o for o in sentence.of("A28_ONLY") for t in terminate if 0 <= t.start - o.end < NEAR
        ]
        if sole:
            yield "objection_sole_remedy", f"termination is the only remedy ('{sole[0].text}')", ""
        else:
            yield "objection_termination", f"'{terminate[0].text}' on objection", ""
    if sentence.has("A28_ALTERNATIVE"):
        yield "objection_alternative", f"'{sentence.of('A28_ALTERNATIVE')[0].text}'", ""


def _audit_scope(sentence: Sentence) -> Iterable[Hit]:
    """Audits replaced by reports or certificates, or on-site audits granted."""
    instead = sentence.of("A28_INSTEAD") if sentence.has("A28_REPORT") else []
    onsite = sentence.of("A28_ONSITE")
    # "no on-site audits", "shall not conduct on-site audits"; not "if we were not given notice of an inspection".
    denied = [
        c
        for c in onsite
        if negated(sentence, c)
        and (sentence.has("DENIAL") or any(0 <= c.start - n.end < NEAR for n in sentence.of("NEGATION")))
    ]
    if instead or denied:
        yield "audit_reports_only", f"audits replaced by reports or certificates ('{(instead or denied)[0].text}')", ""
    elif onsite:
        yield "audit_onsite", f"'{onsite[0].text}'", ""


def _own_purpose(sentence: Sentence) -> Iterable[Hit]:
    """Own-purpose use, named ("for its own purposes") or as derived data put to use ("aggregated ... to improve")."""
    cue = _first(sentence, "A28_OWN_PURPOSE", negation=True)
    if cue is not None and any(
        sentence.clause_bounds(c.start) == sentence.clause_bounds(cue.start) and c.end <= cue.start
        for c in sentence.of("A28_CONTROLLER_ACTS")
    ):
        cue = None
    if cue is None and (improve := _first(sentence, "A28_IMPROVE", negation=True)) is not None:
        derived = _first(sentence, "A28_DERIVED", negation=True)
        cue = improve if derived is not None else None
    if cue is not None:
        yield "own_purpose_use", f"the processor uses customer data for itself ('{cue.text}')", ""
