"""Whether a document is about privacy at all, so that a login page or a 404 page is never judged.

A document dpcheck judges has no transfer terms to find if it is no privacy document, and
"no transfer terms found" must not read as "nothing wrong". The test is conservative: it
only refuses a document in which extraction found nothing (no transfer tool, destination
statement, recipient, Art. 28 clause, sub-processor term or link) and which uses the subject's
vocabulary (``SUBJECT`` in ``rules/lexicon/subject.yml``: personal data, privacy,
processing, Datenschutz, Auftragsverarbeitung, ...) not at all, or only a couple of times
beside the furniture of a web page (``CHROME``: sign in, page not found, has moved, enable
JavaScript). The smallest real documents of the corpora, a sub-processor annex naming one
hosting company, still use the vocabulary once and show no such furniture.
"""

from __future__ import annotations

from dataclasses import dataclass

from dpcheck.models import Evidence, Mention, Recipient

# A page whose text is (almost) only its furniture names the subject in a link or two
# ("Privacy · Cookie settings" in the footer of a sign-in form); a policy does far more.
CHROME_TERMS = 3


@dataclass(frozen=True, slots=True)
class Subject:
    """What a document is about: how often it uses the subject's vocabulary, and the first
    sentences that read like a web page's furniture."""

    terms: int = 0
    chrome: tuple[Evidence, ...] = ()


def not_about_privacy(
    subject: Subject,
    mentions: tuple[Mention, ...],
    recipients: tuple[Recipient, ...],
    transfers_addressed: tuple[Evidence, ...],
) -> str | None:
    """Why the document is no privacy or data-protection document, or None when it may be one."""
    if mentions or recipients or transfers_addressed:
        return None
    if subject.terms == 0:
        return "it never speaks of personal data, privacy, processing or data protection"
    if subject.chrome and subject.terms <= CHROME_TERMS:
        quote = " ".join(subject.chrome[0].quote.split())[:80]
        return (
            f"it reads like a web page's furniture (\u201c{quote}\u201d) and names the subject only "
            f"{subject.terms} time(s)"
        )
    return None
