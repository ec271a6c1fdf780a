"""Contract terms around transfers: supplementary measures and the Art. 28 sub-processor terms."""

from __future__ import annotations

import re

from dpcheck.extract.periods import states_period
from dpcheck.extract.sentences import Sentence
from dpcheck.ingest.document import Document
from dpcheck.models import Evidence, Mention

SUBPROCESSOR_URL = re.compile(r"(sub-?processors?|subunternehmer|unterauftrag\w*|sub-?contractors?)[\w/.-]*", re.I)
# A section on requests from authorities: its handling sentences need not repeat who asks.
AUTHORITY_HEADING = re.compile(
    r"(request|demand|anfrage|ersuchen)\w*.{0,30}(authorit|government|law enforcement|behörd)|"
    r"(authorit|government|law enforcement|behörd)\w*.{0,30}(request|demand|access|anfrage|zugriff|ersuchen)", re.I)


def link_mentions(document: Document) -> list[Mention]:
    """A hyperlink to a sub-processor page ("[our sub-processors](https://…)") points to the list."""
    found = []
    for text, target in document.links:
        if SUBPROCESSOR_URL.search(target) or SUBPROCESSOR_URL.search(text):
            start = max(document.text.find(text), 0) if text else 0
            end = start + len(text)
            block = next((b for b in document.blocks if b.start <= start < b.end), None)
            evidence = Evidence(block.text if block else text, block.start if block else start,
                                block.end if block else end, document.page_at(start),
                                block.heading_path if block else (), f"links to {target}")
            found.append(Mention("subprocessor_list", "subprocessor_list", evidence))
    return found


def term_mentions(sentence: Sentence) -> list[Mention]:
    """Mentions of supplementary measures and sub-processor terms in one sentence."""
    found: list[Mention] = []

    def add(kind: str, reason: str) -> None:
        found.append(Mention(kind, kind, sentence.evidence(reason)))

    in_authority_section = any(AUTHORITY_HEADING.search(h) for h in sentence.block.heading_path)
    if sentence.has("SUPPLEMENTARY"):
        cue = sentence.of("SUPPLEMENTARY")[0]
        add("supplementary_measures", f"names '{cue.text}'")
    elif sentence.has("GOV_HANDLING") and (sentence.has("GOV_ACCESS") or in_authority_section):
        add("supplementary_measures", f"handles public-authority access ('{sentence.of('GOV_HANDLING')[0].text}')")

    text = sentence.text
    named = sentence.has("SUBPROCESSOR") or bool(SUBPROCESSOR_URL.search(text))
    if not (named or sentence.in_subprocessor_section):
        return found
    # In a sub-processor section, "Customer may object within 14 days" needs no repeat of the word.
    if sentence.has("OBJECTION"):
        add("subprocessor_objection", f"'{sentence.of('OBJECTION')[0].text}'")
    if not named:
        if sentence.has("NOTICE") and states_period(text):
            add("subprocessor_notice", f"'{sentence.of('NOTICE')[0].text}'")
        return found
    if sentence.has("LIST"):
        add("subprocessor_list", f"points to a list of sub-processors ('{sentence.of('LIST')[0].text}')")
    elif "http" in text or "www." in text:
        add("subprocessor_list", "links to a sub-processor page")
    if sentence.has("SPECIFIC_AUTHORISATION"):
        add("specific_authorisation", f"'{sentence.of('SPECIFIC_AUTHORISATION')[0].text}'")
    elif sentence.has("AUTHORISATION"):
        add("general_authorisation", f"'{sentence.of('AUTHORISATION')[0].text}'")
    if sentence.has("NOTICE") and (states_period(text) or sentence.has("CHANGE")):
        add("subprocessor_notice", f"'{sentence.of('NOTICE')[0].text}'")
    return found
