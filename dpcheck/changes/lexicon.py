"""The word lists the diff reads, taken from a loaded :class:`~dpcheck.checks.Ruleset`.

The scanner that read both versions has loaded ``rules/`` once; the diff takes its lists from that ruleset's
lexicon and facts rather than reading the files again, so a scanner given another rules folder diffs with that
folder's words too. The scanner keeps the words it built (``Scanner.diff_words``): this module keeps none, so a
program that loads many rules folders holds each folder's words only as long as it holds the scanner.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from dpcheck.checks import Ruleset
from dpcheck.models import EEA_REGION, legal_forms
from dpcheck.resources import rules_dir

Patterns = tuple[re.Pattern[str], ...]
Prefixed = tuple[frozenset[str], tuple[str, ...]]


@dataclass(frozen=True)
class DiffWords:
    """The diff's word lists (``rules/lexicon/`` words.yml, recipients.yml, cues.yml, the gazetteer and the tools,
    and the EEA of ``rules/facts/``), each in the form the diff uses."""

    legal_forms: frozenset[str]
    """Legal forms that end a company's name, lower-case and without a final dot (words.yml)."""
    legal_form_pattern: str
    """A legal form after a name ("Inc.", "GmbH"), as a pattern, longest first."""
    generic: frozenset[str]
    """Capitalised words that start no company's name ("Our", "Cloud", „Daten"), lower-case (recipients.yml)."""
    renamed: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]
    """Companies that took a new name, as (former, current) name words, both ways round (recipients.yml)."""
    former_name: tuple[str, ...]
    """Words after a company's name that give its other name ("formerly", „ehemals"), lower-case (recipients.yml)."""
    absences: frozenset[str]
    """Core flags whose rule quotes nothing (``evidence: []`` in ``rules/flags/``: "transfers not addressed"), the
    absence of a reading."""
    eea: frozenset[str]
    """The EEA's members and the EEA named as a whole."""
    places: Mapping[str, Patterns]
    """Each country's names as patterns by ISO code; open regions under UNSPECIFIED. Cities and names that are
    ordinary words are left out: they name a place only in context, which a single sentence may lack."""
    tools: Mapping[str, Patterns]
    """Each transfer tool's names, English and German, as patterns by the mechanism a report gives."""
    negation: Prefixed
    """Single words of the NEGATION cue (cues.yml): as (words, prefixes)."""
    denial: Prefixed
    """Single words that deny, restrict or except (the NEGATION cue, ``restriction`` and ``exception`` of words.yml),
    hyphenated words left out: as (words, prefixes)."""
    conditional: frozenset[str]
    """Single words that make a statement conditional (``conditional`` of words.yml), lower-case."""
    list_elsewhere: Mapping[str, Patterns]
    """The phrases of a sentence that says the list of sub-processors is kept elsewhere (``list_elsewhere`` of
    words.yml), by part: ``list``, ``subject``, ``where``, ``inline``."""
    cues: Mapping[str, Patterns]
    """Words of sending or keeping data, of placing it, and of sharing it or using a company (``still_said`` of
    words.yml), by role."""
    clause_denial: tuple[frozenset[str], frozenset[str]]
    """Words that deny a clause where German ends it, and those that undo the denial (recipients.yml)."""
    people: frozenset[str]
    """Words for people or a seated company, before a word that places ("data subjects located in")."""
    seated: frozenset[str]
    """Words that give a company's seat ("a ... company based in")."""
    source: frozenset[str]
    """Words of origin ("from", „aus")."""
    reader: Patterns
    """The reader as a sentence names them ("you")."""
    vendor: Patterns
    """The vendor as a sentence names itself ("we")."""

    @classmethod
    def default(cls) -> DiffWords:
        """The words of the rules dpcheck ships, for a diff of saved reports that no scanner read (a diff with a
        scanner at hand takes ``scanner.diff_words``: the rules it loaded, not a second load of them)."""
        return _shipped()

    @classmethod
    def of(cls, ruleset: Ruleset) -> DiffWords:
        """The diff's words of ``ruleset``, built anew: whoever holds the ruleset keeps them (``Scanner.diff_words``)."""
        lexicon = ruleset.lexicon
        words, recipients = lexicon["words"], lexicon["recipients"]
        negation = tuple(str(e) for e in (*lexicon["cues"]["NEGATION"]["en"], *lexicon["cues"]["NEGATION"]["de"]))
        forms = legal_forms(words)
        renamed = [(tuple(str(a).split()), tuple(str(b).split())) for a, b in recipients.get("renamed", ())]
        said = words["still_said"]
        denial = recipients["clause_denial"]
        return cls(
            legal_forms=forms,
            legal_form_pattern=r"(?i:(?:"
            + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
            + r")\.?(?!\w))",
            generic=frozenset(str(w).lower() for w in recipients["generic"]),
            renamed=(*renamed, *((b, a) for a, b in renamed)),
            former_name=tuple(str(w).lower() for w in recipients["former_name"]),
            absences=frozenset(r.id for r in ruleset.rules if r.core and not r.evidence),
            eea=ruleset.facts.eea_places,
            places=_places(lexicon["countries"], lexicon["places"]),
            tools=_tools(lexicon["mechanisms"]),
            negation=_single_words(negation),
            denial=_single_words((*negation, *words["restriction"], *words["exception"]), hyphenated=False),
            conditional=frozenset(str(w).lower() for w in words["conditional"] if " " not in str(w)),
            list_elsewhere={
                part: tuple(phrase_pattern(str(p)) for p in phrases)
                for part, phrases in words["list_elsewhere"].items()
            },
            cues={
                role: tuple(phrase_pattern(str(p)) for p in said[role]) for role in ("transfer", "placing", "sharing")
            },
            clause_denial=(
                frozenset(str(w).lower() for w in denial["words"]),
                frozenset(str(w).lower() for w in denial["undenying"]),
            ),
            people=frozenset(str(w).lower() for w in (*words["people"], *said["seated"])),
            seated=frozenset(str(w).lower() for w in said["seated"]),
            source=frozenset(str(w).lower() for w in said["source"]),
            reader=tuple(phrase_pattern(str(w)) for w in said["reader"]),
            vendor=tuple(phrase_pattern(str(w)) for w in said["vendor"]),
        )


# The shipped rules never change while a program runs: one value, read once, as dpcheck's own vocabulary is.
@cache
def _shipped() -> DiffWords:
    return DiffWords.of(Ruleset.load(rules_dir()))


def _places(countries: dict[str, Any], places: dict[str, Any]) -> dict[str, Patterns]:
    from dpcheck.nlp.gazetteer import AFTER_PLACE, GATED, GATES, POSTAL, country_phrases

    patterns: dict[str, list[re.Pattern[str]]] = {}
    for phrase, label in country_phrases(countries, places):
        if label.startswith((GATED, AFTER_PLACE, POSTAL)) or label in GATES or label == EEA_REGION:
            continue
        patterns.setdefault(label, []).append(phrase_pattern(phrase))
    return {code: tuple(found) for code, found in patterns.items()}


def _tools(mechanisms: Mapping[str, Any]) -> dict[str, Patterns]:
    patterns: dict[str, list[re.Pattern[str]]] = {}
    for entry in mechanisms.values():
        if isinstance(entry, dict) and "mechanism" in entry:
            for phrase in (*entry.get("en", ()), *entry.get("de", ())):
                patterns.setdefault(str(entry["mechanism"]), []).append(phrase_pattern(str(phrase)))
    return {tool: tuple(found) for tool, found in patterns.items()}


def _single_words(entries: Iterable[Any], *, hyphenated: bool = True) -> Prefixed:
    """The single words of a word list, lower-case: as (words, prefixes of words written with "*")."""
    single = [str(e).lower() for e in entries if " " not in str(e) and (hyphenated or "-" not in str(e))]
    return (
        frozenset(e for e in single if not e.endswith("*")),
        tuple(e.rstrip("*") for e in single if e.endswith("*")),
    )


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase of the lexicon mini-language (rules/lexicon/README.md) as a pattern: "=" keeps the case as
    written, "*" lets a word begin or end freely, "a|b" is either word, "a?" an optional word."""
    as_written = phrase.startswith("=")
    parts: list[str] = []
    for token in phrase.split():
        optional = token.endswith("?") and len(token) > 1
        options = [re.escape(o.lstrip("=")).replace(r"\*", r"\w*") for o in token.rstrip("?").split("|")]
        word = options[0] if len(options) == 1 else f"(?:{'|'.join(options)})"
        gap = r"\s*" if not re.search(r"\w", token) else r"\s+"
        parts.append(f"(?:{gap}{word})?" if optional and parts else f"{gap if parts else ''}{word}")
    return re.compile(rf"(?<!\w){''.join(parts)}(?!\w)", 0 if as_written else re.IGNORECASE)
