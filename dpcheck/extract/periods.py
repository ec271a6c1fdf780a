"""Time limits in a sentence: "within 48 hours", "binnen drei Tagen", "30 (thirty) days", "vier Wochen".

One vocabulary for every reader that asks how long something may take: breach notification
(in hours, :func:`stated_hours`; the limit a processor gives itself to report a breach,
:func:`breach_limit` and :func:`breach_limits`) and notice of sub-processor changes (any period,
:func:`states_period`; how long, :func:`stated_days`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np

from dpcheck.models import Mention
from dpcheck.prefilter import prefilter

if TYPE_CHECKING:
    from dpcheck.extract.sentences import Sentences

NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "seven": 7,
    "ten": 10,
    "twelve": 12,
    "fourteen": 14,
    "fifteen": 15,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
    "twenty-four": 24,
    "twenty four": 24,
    "thirty-six": 36,
    "forty-eight": 48,
    "forty eight": 48,
    "seventy-two": 72,
    "seventy two": 72,
    "ein": 1,
    "einem": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sieben": 7,
    "zehn": 10,
    "zwölf": 12,
    "vierzehn": 14,
    "dreißig": 30,
    "vierundzwanzig": 24,
    "achtundvierzig": 48,
    "zweiundsiebzig": 72,
}
# A number, as digits or a word, and the digits some contracts repeat in brackets: "thirty (30)". A template
# marks a figure still to be agreed with brackets around it ("[[30]] days", "[30] Tage", "{30} days").
_NUMBER = (
    r"\b(\d{1,3}|"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
    + r")(?:\]{1,2}|\})?\s*(?:\(\d{1,3}\)\s*)?(?:-\s*)?"
)
HOURS = re.compile(_NUMBER + r"(hours?|stunden|std\.|h)\b", re.I)
# Asked of many sentences, and found in few: searched only where "day"/"tag", "week"/"wochen" stand.
DAYS = prefilter(
    re.compile(
        _NUMBER + r"(?:business\s+|calendar\s+|working\s+)?(days?|(?:werk|arbeits|kalender)?tag(?:e|en)?)\b", re.I
    )
)
WEEKS = prefilter(re.compile(_NUMBER + r"(weeks?|wochen)\b", re.I))


def _number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def stated_hours(text: str) -> int | None:
    """The shortest time limit ``text`` states, in hours ("within 48 hours", "binnen 3 Tagen")."""
    limits = [_number(m.group(1)) for m in HOURS.finditer(text)]
    limits += [_number(m.group(1)) * 24 for m in DAYS.finditer(text)]
    return min(limits) if limits else None


def states_period(text: str) -> bool:
    """``text`` names a period of days or weeks ("at least 30 days before", "vier Wochen vorher")."""
    return bool(DAYS.search(text) or WEEKS.search(text))


def stated_periods(text: str) -> list[tuple[int, int]]:
    """Each period of days or weeks ``text`` states: (where it starts, how many days), in order."""
    found = [(m.start(), _number(m.group(1))) for m in DAYS.finditer(text)]
    found += [(m.start(), _number(m.group(1)) * 7) for m in WEEKS.finditer(text)]
    return sorted(found)


def stated_days(text: str) -> int | None:
    """The shortest period of days or weeks ``text`` states, in days ("30 days' notice", "vier Wochen")."""
    return min((days for _, days in stated_periods(text)), default=None)


# A personal data breach (Art. 4(12), 33(2) GDPR) in English and German; "breach of contract" is none.
_BREACH = re.compile(
    r"(?:personal[\s-]+data[\s-]+breach|data[\s-]+breach|security[\s-]+(?:breach|incident)"
    r"|breach(?:es)?\s+of\s+(?:the\s+)?(?:security|protection|confidentiality)\s+of\s+(?:the\s+)?personal"
    r"|(?:datenschutz|daten|sicherheits|schutz)verletzung|datenpanne|sicherheitsvorf[äa]ll"
    r"|verletzung(?:en)?\s+(?:des\s+schutzes\s+personenbezogener|der\s+(?:daten)?sicherheit))",
    re.I,
)
# Telling the controller of it: "notify", "report", "inform"; "meldet", "benachrichtigt", "teilt ... mit".
_NOTIFY = re.compile(
    r"\b(?:notif(?:y|ies|ied|ying|ication)|report(?:s|ed|ing)?|inform(?:s|ed|ing)?|alert(?:s|ed)?"
    r"|meld(?:et|en|ung)|benachrichtig\w*|informier\w*|unterricht\w*|in\s+kenntnis|mitteil\w*|teilt)\b",
    re.I,
)
# The supervisory authority's own deadline (Art. 33(1): 72 hours), which a processor's clause may cite beside
# its own limit: a period right after the authority is the authority's.
_AUTHORITY_PERIOD = re.compile(
    r"(?:supervisory\s+authorit\w*|aufsichtsbeh[öo]rde\w*|art(?:icle|\.)\s*33\s*\(1\))[^.;]{0,60}?$", re.I
)


def breach_limit(text: str, heading: str = "") -> int | None:
    """The time limit, in hours, within which ``text`` has a personal data breach reported or notified ("within 48
    hours", "spätestens binnen 24 Stunden", "innerhalb von drei Tagen"); ``heading``: the titles above it, which may
    name the breach the sentence speaks of ("§ 8 Meldung von Datenschutzverletzungen ... innerhalb von 24
    Stunden"). None where it states no limit, or only the supervisory authority's."""
    if not _NOTIFY.search(text) or not (_BREACH.search(text) or _BREACH.search(heading)):
        return None
    limits = [
        _number(m.group(1)) * (24 if kind == "days" else 1)
        for kind, pattern in (("hours", HOURS), ("days", DAYS))
        for m in pattern.finditer(text)
        if not _AUTHORITY_PERIOD.search(text[: m.start()])
    ]
    return min(limits) if limits else None


# What a sentence stating a limit in hours or days holds, sought block by block before any sentence is built
# (Sentences.matching: no word boundaries here).
_PERIOD_WORD = re.compile(r"\d\s*h|hour|stunde|std\.|day|tag", re.I)


def breach_limits(sentences: Sentences) -> Iterator[Mention]:
    """A ``breach_limit`` mention (detail: the hours) for each sentence that gives a time limit to report a personal
    data breach (:func:`breach_limit`): what Art. 33(2) asks of a processor, in the words two versions compare.
    Only sentences that name hours or days are built."""
    for index in np.flatnonzero(sentences.matching(_PERIOD_WORD)).tolist():
        sentence = sentences[index]
        hours = breach_limit(sentence.text, " ".join(sentence.block.heading_path))
        if hours is not None:
            evidence = sentence.evidence(f"breach notification within {hours} hours")
            yield Mention("breach_limit", f"{hours} hours", evidence, detail=str(hours))
