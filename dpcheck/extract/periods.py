"""Time limits in a sentence: "within 48 hours", "binnen drei Tagen", "30 (thirty) days", "vier Wochen".

One vocabulary for every reader that asks how long something may take: breach notification
(in hours, :func:`stated_hours`) and notice of sub-processor changes (any period,
:func:`states_period`; how long, :func:`stated_days`).
"""

from __future__ import annotations

import re

from dpcheck.prefilter import prefilter

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
