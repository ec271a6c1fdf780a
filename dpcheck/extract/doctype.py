"""What kind of document this is: privacy policy, DPA, sub-processor list or other (terms between
controllers among them).

The title and top headings decide when they say it; otherwise the body's vocabulary
does (a DPA talks about "the Processor shall", a policy about "we collect").
"""

from __future__ import annotations

import re

from dpcheck.ingest.document import Document
from dpcheck.models import DocType

TITLE_PATTERNS: list[tuple[DocType, re.Pattern[str]]] = [
    (
        "subprocessor_list",
        re.compile(
            r"(list of |liste der )?(sub-?processors?|subprocessors?|sub-processing|(unter|sub-?)auftragsverarbeiter|"
            r"unterauftragsverh[äa]ltniss?e?|unterauftragnehmer|subunternehmer|sub-?contractors?|third[- ]party (service )?providers)(\s+list)?\b|"
            # A title that ends in the processors themselves ("Acme Processors", „Unsere Auftragsverarbeiter").
            r"\b(processors|auftragsverarbeiter)\s*$",
            re.I,
        ),
    ),
    (
        "dpa",
        re.compile(
            r"data processing (agreement|addendum|terms|exhibit|conditions)|data protection (agreement|addendum|terms|"
            r"schedule)|\bDPA\b|processor (agreement|terms)|auftragsverarbeitung|\bAVV\b|\bADV\b|"
            r"auftrags(daten)?verarbeitungsvertrag|vereinbarung zur auftragsverarbeitung|processing addendum|"
            r"gdpr addendum|dsgvo-zusatzvereinbarung|verarbeitung personenbezogener daten im auftrag|"
            r"datenschutzvereinbarung|(schedule|annex|exhibit)\s+\w+\s*[-–—:]\s*data protection\b",
            re.I,
        ),
    ),
    (
        # Terms between controllers (a data sharing agreement, Art. 26 joint control) are no Art. 28 agreement.
        "other",
        re.compile(
            r"controller[- ]to[- ]controller|data sharing (agreement|terms|addendum)|joint[- ]controller(ship)? "
            r"(agreement|addendum|arrangement|terms)|gemeinsamen? verantwortlich|datenaustauschvereinbarung|"
            r"vereinbarung (über|zur) (die )?gemeinsame",
            re.I,
        ),
    ),
    (
        "privacy_policy",
        re.compile(
            r"privacy (policy|notice|statement|polic)|datenschutz(erklärung|hinweis|richtlinie|information|"
            r"bestimmungen)|datenschutz-hinweis|hinweise zum datenschutz|data (privacy|protection) (policy|notice|"
            r"statement)|cookie polic|how we use your (personal )?(data|information)",
            re.I,
        ),
    ),
]
# An agreement's clauses, without the word for sub-processors that a list of them repeats too.
DPA_CLAUSES = re.compile(
    r"\b(the processor shall|processor shall|controller and processor|auftraggeber|auftragnehmer|weisung|"
    r"customer personal data|data exporter|data importer|auftragsverarbeiter (ist|wird|darf|hat|verpflichtet))\b",
    re.I,
)
# How many clause words make a document an agreement whatever a heading in it says.
CLAUSES = 5
DPA_BODY = re.compile(
    r"\b(the processor shall|processor shall|controller and processor|data processor|sub-?processors?|"
    r"auftragsverarbeiter|auftraggeber|auftragnehmer|weisung|customer personal data|data exporter|"
    r"data importer)\b",
    re.I,
)
POLICY_BODY = re.compile(
    r"\b(we collect|your rights|you can|cookies|we use your|ihre rechte|wir erheben|your personal "
    r"(data|information)|your information|wir verarbeiten)\b",
    re.I,
)
# The document naming itself in its text ("this DPA", "This model data protection agreement", „dieser AVV", "this
# Privacy Policy", „diese Datenschutzerklärung"): what it says it is, where no title says it.
SELF_NAMED: list[tuple[DocType, re.Pattern[str]]] = [
    (
        "dpa",
        re.compile(
            r"\bthis (?:model )?(?:DPA|data (?:processing|protection) (?:agreement|addendum))\b|"
            r"\b(?:dieser|diese|dieses) (?:AVV|Auftragsverarbeitungsvertrag|Vertrag(?:es)? zur Auftragsverarbeitung|"
            r"Vereinbarung zur Auftragsverarbeitung)\b",
            re.I,
        ),
    ),
    (
        "privacy_policy",
        re.compile(
            r"\bthis (?:privacy|data protection) (?:policy|notice|statement)\b|"
            r"\b(?:diese|dieser) (?:Datenschutzerklärung|Datenschutzhinweisen?|Datenschutzinformation(?:en)?)\b",
            re.I,
        ),
    ),
]
# A document titled with the one word ("Datenschutz", "Privacy"), however it speaks of the data subjects.
BARE_POLICY_TITLE = re.compile(r"\s*(datenschutz|privacy|data protection)\s*", re.I)
TITLE = dict(TITLE_PATTERNS)
_RIVAL: dict[DocType, DocType] = {"dpa": "privacy_policy", "privacy_policy": "dpa"}
SHIELD_NOTICE = re.compile(r"privacy shield", re.I)


def classify(document: Document) -> DocType:
    # The title the reader sees comes first; the file's own title (a DOCX property left from a template, an HTML
    # <title> naming the site's section) only after it.
    headings = [b.text for b in document.blocks[:8] if b.kind == "heading"]
    title_candidates = [*headings[:1], document.metadata.get("title", ""), *headings[1:], document.text[:300]]
    titled = [c for c in title_candidates if c]
    if titled and BARE_POLICY_TITLE.fullmatch(titled[0]):
        return "privacy_policy"
    counted: list[int] = []

    def clauses() -> int:
        # A pass over the whole text, asked only of a sub-processor heading below the title.
        if not counted:
            counted.append(len(DPA_CLAUSES.findall(document.text)))
        return counted[0]

    for i, candidate in enumerate(titled):
        # The type named first wins: a policy page whose menu also links "Subprocessors" is a policy.
        hits = sorted((m.start(), doc_type) for doc_type, pattern in TITLE_PATTERNS if (m := pattern.search(candidate)))
        for _, doc_type in hits:
            if doc_type == "subprocessor_list" and len(document.text) > 40000:
                continue  # a long document that opens with its sub-processors is a DPA or policy
            if doc_type == "subprocessor_list" and i > 0 and clauses() >= CLAUSES:
                continue  # "2. Sub-processors" below the title of an agreement is one of its sections
            if doc_type in _RIVAL and any(TITLE[_RIVAL[doc_type]].search(later) for later in titled[i:]):
                # A title that names both an agreement and a policy ("Data Protection Agreement" over
                # "Data Protection Statement") is decided by what the text itself says.
                return _body(document.text) or doc_type
            return doc_type
        if SHIELD_NOTICE.search(candidate) and len(document.text) < 30000:
            return "other"
    return _self_named(document.text) or _body(document.text) or "other"


def _self_named(text: str) -> DocType | None:
    """The type the text calls itself more often ("this DPA" against "this Privacy Policy"); None: neither or a tie."""
    counts = [(len(pattern.findall(text)), doc_type) for doc_type, pattern in SELF_NAMED]
    (first, doc_type), (second, _) = sorted(counts, reverse=True)
    return doc_type if first > second else None


def _body(text: str) -> DocType | None:
    """The type the body's vocabulary says: an agreement's or a policy's (None: neither's)."""
    dpa = len(DPA_BODY.findall(text))
    policy = len(POLICY_BODY.findall(text))
    if dpa == 0 and policy == 0:
        return None
    return "dpa" if dpa > policy else "privacy_policy"
