"""Where personal data goes: named countries and open-ended destinations.

A country counts when its sentence itself speaks of data being sent, stored, processed or
accessed (or names a transfer tool), and the words around the name do not make it a source
("from the EEA, the UK and Switzerland"), a seat, court, address or residence, a law or tool
("UK GDPR", "SCCs (UK)"), part of a company's name, or the subject of a section on one
country's local rules. The word lists for these readings are in rules/lexicon/words.yml.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from dpcheck.extract.forms import answered_no
from dpcheck.extract.recipients import QUOTES
from dpcheck.extract.roles import (
    COMPANY,
    RECIPIENT_RELATIVE,
    RECIPIENT_SEAT,
    STORAGE_SEATED,
    Argument,
    RoleSet,
    SentenceRoles,
    assign,
    may_state_transfer,
)
from dpcheck.extract.sentences import (
    INSTRUCTIONS,
    SEMICOLON,
    Cue,
    Place,
    Sentence,
    Sentences,
    Tokens,
    Word,
    announces_providers,
)
from dpcheck.models import EEA_REGION, UNSPECIFIED, Mention
from dpcheck.nlp.languages import spellings

# The words for a provider that may head a glossary's entry naming it ("Backup provider: Acme Storage Inc."), and the
# tokens after the colon within which the company's name closes with its legal form.
PROVIDER_ROLES = ("RCPT_PROCESSOR", "RCPT_THIRD_PARTY", "SUBPROCESSOR")
ENTRY_COMPANY_REACH = 8
# Tokens between a negation and the "without" that cancels it ("not transferred to third countries without").
DOUBLE_NEGATION_REACH = 8
# Tokens after "and" within which a second clause's subject is placed ("and its provider in Serbia").
SUBJECT_REACH = 6
# "is not a sub-processor", "does not use X (USA) as a sub-processor", "ist kein Unterauftragsverarbeiter": tokens
# from the negation to the role it denies; and how many tokens before the negation the party's place may stand.
# Tokens between a negation and the place it denies, and between that place and the contrast after it ("nicht mehr
# in den USA, sondern ...").
CONTRASTED_REACH = 4
DISOWNED_ROLE = 8
DISOWNED_REACH = 14
# What may stand between a country and the third-country wording that describes it ("USA (Drittland", "India, a
# third country"); not "to" ("Switzerland to another territory not recognised ...").
APPOSITION = re.compile(r"\s*[(,–-]?\s*(?:(?:a|an|ein|eine|einem)\b\s*)?", re.I)
# The detail of an open destination only a condition names ("Sofern wir Daten in einem Drittland verarbeiten").
CONDITIONAL = "conditional"


def apposition(between: str) -> bool:
    return bool(APPOSITION.fullmatch(between)) and bool(between.strip())


# Tokens between that "without" and the consent that makes it a restriction ("without the customer's prior consent").
CONSENT_REACH = 6
# The kind of mention a sentence denying transfers outside the EEA gives.
DENIED = "transfer_denied"
# The detail of an open destination that is where the vendor's providers are ("the locations used by our
# sub-processors"): named after all where the document places every processor it lists.
PROVIDERS = "providers"
OPEN_LIST = "open list"  # sub-processors listed as examples: open where the document places any outside the EEA
# The role of sub-processors placed somewhere (rules/lexicon/roles.yml).
SUBPROCESSORS_AT = "subprocessor_location"
# The cue label of a paragraph on flows the customer makes itself (rules/lexicon/cues.yml).
CUSTOMER_FLOW = "CUSTOMER_FLOW"
# The cue label of countries described only by laws that differ from the reader's (rules/lexicon/cues.yml).
LAWS_DIFFER = "LAWS_DIFFER"

# "Diese Website wird auf Servern von X Inc., ..., CA 94107, USA gehostet": the host keeps the data at its address.
SENDS_DATA = re.compile(
    r"\b(transferr?\w*|übermitt\w*|übertrag\w*|export\w*|hosted|hosts|gehostet|hostet|stored|gespeichert|receives?|"
    r"erhält|shared|weitergegeben|access(?:es|ed)?|zugreif\w*|"
    # Data copied or passed on to the holder ("mirrored to our partner's control tower in Singapore").
    # Participles only: a vendor may be named "Replicate" or "Mirror".
    r"mirrored|replicated|repliziert|gespiegelt|forwarded|weitergeleitet|copied|kopiert)\b",
    re.I,
)
# The document naming its own controller ("Acme Foundation, a Swiss foundation, located at … ("we", "us") is the
# operator of the websites", "X Ltd (incorporated in the Seychelles …) is your operating entity and data controller",
# „… ist Ihr Verantwortlicher"): the places there are the controller's seat, which counts as no destination
# (shared/eval/GUIDELINES.md, "Which countries count"). Only the reader's own controller ("your", or the speaker defined
# in quotes), not the operator of a plug-in, whose seat is a recipient's; and not where the sentence also moves data.
OWN_CONTROLLER = re.compile(
    r"\b(?:is|are|acts\s+as)\s+(?:your|the|our)\s+(?:operating\s+entity|operator|contracting\s+entity|(?:data\s+)?controller)\b|"
    r"\b(?:ist|sind)\s+(?:Ihr|Ihre|dein|deine|der|die)\s+(?:Verantwortliche[rn]?|Betreiber(?:in)?|Vertragspartner(?:in)?)\b",
    re.I,
)
YOUR_CONTROLLER = re.compile(
    r"\b(?:your|Ihr|Ihre|dein|deine)\s+(?:operating|contracting|data\s+controller|controller|Verantw|Vertrags)", re.I
)
SPEAKER_DEFINED = re.compile(r"[\"“„‘'](?:we|us|wir|uns)[\"”“’']", re.I)
# The present tense a controller's sentence may go on in ("… is your controller and stores your data in …").
KEEPS_DATA = re.compile(r"\b(?:stores|keeps|processes|speicher\w*|verarbeite\w*|hostet)\b", re.I)
# A section for the users of places outside the EEA only (sentences._USERS_BEFORE: "Users from the United States",
# "Visitors from Brazil", „Nutzer aus Brasilien"): where it says the data is kept, it speaks of data collected outside
# the EEA, which leaves no EEA ("Your data will be stored in the United States"). Sections for users in the UK or
# Switzerland still disclose exports (words.yml ``export_regimes``); a heading naming Europe speaks to its users too.
EUROPE_NAMED = re.compile(r"\b(?:eea|eu|ewr|europ\w*|union)\b", re.I)
# A brand written as its web domain ("Shopfox.com", "SHOPFOX.COM"): one token, letters on both sides of each dot.
DOMAIN_BRAND = re.compile(r"[A-Za-z]+(?:\.[A-Za-z]{2,})+")
POSSESSIVE = frozenset({"'s", "’s"})
WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+", re.I)
# A postcode before a country closes an address ("28001 Madrid", "EC1A 1BB", "111 22"); so does a word of one
# (``postal`` in rules/lexicon/words.yml).
POSTCODE = r"\b\d{4,5}\b|\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b|\b\d{3} \d{2}\b"
REGION_NEGATION = re.compile(r"(non|nicht)\W?(eea|eu|ewr|uk|european|europäisch)", re.I)
# A postcode after the country closes an address too ("Singapore 048583", "California, USA, 95014").
POSTCODE_AFTER = re.compile(r"^(?:,\s*)?(?:[A-Z][\w.]*\s*,\s*)?\d{4,6}\b")


@dataclass(frozen=True)
class Words:
    """The word lists of rules/lexicon/words.yml (what each is for is documented there)."""

    source: frozenset[str]
    outside: frozenset[str]
    destination: frozenset[str]
    leads_to: frozenset[str]
    leads_to_countries: frozenset[str]
    non: frozenset[str]
    origin: frozenset[str]
    access: frozenset[str]
    works_at: frozenset[str]
    access_from: frozenset[str]
    reached_from: frozenset[str]
    exclusion: frozenset[str]
    disjunction: frozenset[str]
    list: frozenset[str]
    list_marks: frozenset[str]
    framework_nouns: frozenset[str]
    hypothetical: frozenset[str]
    framework_for: frozenset[str]
    framework_list: frozenset[str]
    law: frozenset[str]
    law_prefixes: tuple[str, ...]
    currency: frozenset[str]
    law_modifiers: frozenset[str]
    law_titles: frozenset[str]
    possessive: frozenset[str]
    people: frozenset[str]
    residence: frozenset[str]
    addressee: frozenset[str]
    comparison: frozenset[str]
    comparison_after: frozenset[str]
    specific_after: frozenset[str]
    law_places: frozenset[str]
    permission: frozenset[str]
    restriction: frozenset[str]
    conditional: frozenset[str]
    conditional_nouns: frozenset[str]
    reader_where: frozenset[str]
    reader_from: frozenset[str]
    where: frozenset[str]
    hedged: frozenset[str]
    moment: frozenset[str]
    clock_time: frozenset[str]
    content_holders: frozenset[str]
    content_verbs: frozenset[str]
    clause_words: frozenset[str]
    relatives: frozenset[str]
    in_use: frozenset[str]
    list_changes: frozenset[str]
    whether: frozenset[str]
    answer_yes: frozenset[str]
    answer_no: frozenset[str]
    annex: frozenset[str]
    placeholder: frozenset[str]
    former: frozenset[str]
    replacing: frozenset[str]
    new_party: frozenset[str]
    closing: frozenset[str]
    recipient_back: frozenset[str]
    adding: frozenset[str]
    example_list: frozenset[str]
    no_longer: frozenset[str]
    until: frozenset[str]
    period: frozenset[str]
    period_to: frozenset[str]
    not_past: frozenset[str]
    including: frozenset[str]
    title_openers: frozenset[str]
    tool_purpose: frozenset[str]
    tool_purpose_beneficiary: frozenset[str]
    current: frozenset[str]
    home_region: frozenset[str]
    served: frozenset[str]
    replaced_by: frozenset[str]
    situated: frozenset[str]
    determiner_negation: frozenset[str]
    speaker: frozenset[str]
    export_regimes: frozenset[str]
    non_denying_negation: frozenset[str]
    double_negation: frozenset[str]
    concessive: frozenset[str]
    placing: frozenset[str]
    placed_data: frozenset[str]
    people_at_work: frozenset[str]
    every_new: frozenset[str]
    predicate_break: frozenset[str]
    protection_level: frozenset[str]
    contrast: frozenset[str]
    clause_join: frozenset[str]
    clause_subject: frozenset[str]
    passive_auxiliary: frozenset[str]
    not_names: frozenset[str]
    seat_of: frozenset[str]
    passive_agent: frozenset[str]
    owned_by: frozenset[str]
    group_company: frozenset[str]
    legal_forms: frozenset[str]
    own_label: frozenset[str]
    name_inner: frozenset[str]
    protects_against: frozenset[str]
    unaffected: frozenset[str]
    adequacy_cell: frozenset[str]
    measure_clause: frozenset[str]
    basis_verbs: frozenset[str]
    wherever_person: frozenset[str]
    nationals: frozenset[str]
    nationals_of: frozenset[str]
    not_denying_after: frozenset[str]
    staff: frozenset[str]
    customer_owner: frozenset[str]
    basis_prepositions: frozenset[str]
    street: frozenset[str]
    by_means: frozenset[str]
    amendment_targets: frozenset[str]
    amendment_operations: frozenset[str]
    amendment_headings: frozenset[str]
    public_bodies: frozenset[str]
    laws: frozenset[str]
    compelling: frozenset[str]
    tool_not_held: frozenset[str]
    field_labels: frozenset[str]
    tool_instead: frozenset[str]
    negated_object: frozenset[str]
    reliance_verbs: frozenset[str]
    denial_scope: frozenset[str]
    level_verbs: frozenset[str]
    other_safe_harbors: frozenset[str]
    vendor_words: frozenset[str]
    dwells: frozenset[str]
    dweller_links: frozenset[str]
    journeys: frozenset[str]
    to_us: frozenset[str]
    ours: frozenset[str]
    exception: re.Pattern[str]
    table_headers: dict[str, re.Pattern[str]]
    responsible_row: re.Pattern[str]
    postal: re.Pattern[str]
    no_data_cell: re.Pattern[str]
    no_data_aside: re.Pattern[str]
    absent_value: re.Pattern[str]
    specific_hosts: re.Pattern[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Words:
        # Swiss German writes "ss" for "ß" ("ausserhalb", "ausschliesslich"): both spellings are the word.
        sets = {
            f.name: frozenset(v for w in data[f.name] for v in spellings(str(w).lower()))
            for f in fields(cls)
            if f.name not in PATTERNS
        }
        exception = re.compile(
            r"\b(" + "|".join(re.escape(v) for w in data["exception"] for v in spellings(w)) + r")\b",
            re.I,
        )
        headers = {
            kind: re.compile("|".join(re.escape(str(w)) for w in parts), re.I)
            for kind, parts in data["table_headers"].items()
        }
        # Whole words: "merchant representatives" verified by a sub-processor are no representative of the vendor.
        responsible = re.compile(r"\b(?:" + "|".join(re.escape(str(w)) for w in data["responsible_row"]) + r")\b", re.I)
        cell, aside = data["no_data_cell"], {k: _alternatives(v) for k, v in data["no_data_aside"].items()}
        return cls(
            **sets,
            law_prefixes=tuple(data["law_prefixes"]),
            exception=exception,
            table_headers=headers,
            responsible_row=responsible,
            postal=re.compile(rf"{POSTCODE}|\b(?:{_alternatives(data['postal'])})\b", re.I),
            no_data_cell=re.compile(
                rf"(?:{_alternatives(cell['none'])})\s+(?:{_alternatives(cell['whose'])})?\s*"
                rf"(?:{_alternatives(cell['data'])})\.?(?:\s*\(.*\))?",
                re.I,
            ),
            no_data_aside=re.compile(
                rf"\((?:(?:{aside['none']})\s+(?:{aside['access']})\b[^)]*(?:{aside['data']})\b[^)]*"
                rf"|(?:{aside['contains']})\s+(?:{aside['contains_none']})\s+(?:{aside['personal']})\s+"
                rf"(?:{aside['data']})|(?:{aside['phrases']}))\)",
                re.I,
            ),
            # A note on why may follow ("entfällt (EU)").
            absent_value=re.compile(rf"(?:{_alternatives(data['absent_value'])})\.?(?:\s*\([^)]*\))?", re.I),
            specific_hosts=re.compile(rf"\b(?:{_alternatives(data['specific_hosts'])})\b", re.I),
        )


# The lists of words.yml that :class:`Words` keeps as patterns or in order, not as sets of words.
PATTERNS = (
    "law_prefixes",
    "exception",
    "table_headers",
    "responsible_row",
    "postal",
    "no_data_cell",
    "no_data_aside",
    "absent_value",
    "specific_hosts",
)


def _alternatives(words: list[Any]) -> str:
    """Words as alternatives of a pattern, the longest first; a word ending in "*" is a word's beginning."""
    return "|".join(
        re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w)
        for w in sorted(map(str, words), key=lambda w: (-len(w), w))
    )


def conditional(tokens: Tokens, i: int, words: Words) -> bool:
    """Token ``i`` opens a condition: "if", „sofern"; "event" and "extent" only after "the" ("in the event that",
    "to the extent"), not in "analytics event data"."""
    word = tokens[i].lower_
    return word in words.conditional and (
        word not in words.conditional_nouns or (i > 0 and tokens[i - 1].lower_ == "the")
    )


# Tokens after the reader in which a condition says where the reader is ("if you are located in", „wenn Sie in der EU
# ansässig").
READER_REACH = 6
READER_ARTICLES = frozenset({"the", "der", "dem", "den", "die"})


def _reader_condition(sentence: Sentence, i: int, words: Words) -> bool:
    """The condition opened at token ``i`` is on where the reader is ("If you are from the EEA, these providers may be
    located outside your country", „Wenn Sie in der EU wohnen, ..."): it says whom the statement is for, not whether
    the transfer happens. Up to the comma closing it. "from", "in", „aus" say so only before a place ("if you are in
    the EU", not "if you buy from our shop")."""
    tokens = sentence.span
    if i + 1 >= len(tokens) or not (tokens[i + 1].lower_ in words.addressee or tokens[i + 1].text == "Sie"):
        return False
    starts = {p.start for p in sentence.places}
    for k in range(i + 2, min(len(tokens), i + 2 + READER_REACH)):
        if tokens[k].text == ",":
            return False
        if tokens[k].lower_ in words.reader_where:
            return True
        if tokens[k].lower_ in words.reader_from:
            at = k + 1
            while at < len(tokens) and tokens[at].lower_ in READER_ARTICLES:
                at += 1
            if at in starts:
                return True
    return False


def negated_transfer(sentence: Sentence, words: Words, eea: Collection[str] = ()) -> bool:
    """ "Your data is not transferred outside the EEA": transfers addressed, none disclosed. Not where the
    denial is itself denied ("not transferred without safeguards such as the SCCs": transfers happen, with
    them), nor where a contrast names a third country data does reach ("not stored outside the EU, but
    accessed by our staff in India")."""
    return turn(sentence, words, eea) is None and _denies(sentence, words, eea)


def _denies(sentence: Sentence, words: Words, eea: Collection[str] = ()) -> bool:
    """The denial of :func:`negated_transfer`, in a sentence that does not turn to a third country."""
    if _weakened(sentence):
        return False
    if any(_limited_part(sentence, d.start, words, eea) is None for d in sentence.of("DENIAL")) or answered_no(
        sentence.span
    ):
        return True
    # "Transfers to third countries: none.", „Übermittlungen in Drittländer: keine.": a field whose value says there are
    # none.
    _, colon, value = sentence.text.rpartition(":")
    # The field's value may close the sentence with a full stop after its note ("none (all recipients are EU-based).").
    if (
        colon
        and words.absent_value.fullmatch(value.strip().removesuffix("."))
        and sentence.has("TRANSFER", "THIRD_COUNTRY")
    ):
        return True
    transfers = sentence.of("TRANSFER", "THIRD_COUNTRY")
    negations = sentence.of("NEGATION")
    # "a country not recognised as providing an adequate level": the negation names the countries.
    regions = [(c.start, c.end) for c in sentence.of("THIRD_COUNTRY", "OPEN_DESTINATION")]
    asides = _asides(sentence, eea)
    for neg in negations:
        if neg.text.lower() in words.non_denying_negation or any(s <= neg.start < e for s, e in regions):
            continue
        # "obligations no less rigorous than ...", "no reason to believe that ...": a comparison or a belief, not a
        # denial.
        if neg.end < len(sentence.span) and sentence.span[neg.end].lower_ in words.not_denying_after:
            continue
        # "(access only through a jump server in Cologne, no local storage)": an aside's negation denies the aside.
        if neg.start in asides:
            continue
        if _limited_part(sentence, neg.start, words, eea) is not None:
            continue
        lo, hi = sentence.clause_bounds(neg.start)
        hi = _verb_series_end(sentence, neg.end, hi)
        # "if you do not reside in the US, ...": a condition, not a statement about where data goes.
        if any(conditional(sentence.span, i, words) for i in range(lo, neg.start)):
            continue
        if any(cancels(sentence, neg, n, words.double_negation) for n in negations):
            continue
        # „In den meisten Ländern außerhalb der EU entspricht das Datenschutzniveau nicht den EU-Standards": what is
        # denied is the level of protection there, not that data goes there.
        if any(t.lower_ in words.protection_level for t in sentence.span[neg.end : neg.end + PROTECTION_REACH]):
            continue
        reach = DETERMINER_REACH if neg.text.lower() in words.determiner_negation else NEGATION_REACH
        # "No personnel of Acme Ltd in the United Kingdom have access": people denied, named with where they work.
        following = sentence.span[neg.end].lower_ if neg.end < len(sentence.span) else ""
        if neg.text.lower() in words.staff or following in words.staff:
            reach = STAFF_DENIAL_REACH
        # "has no sub-processors in China", „keine Unterauftragsverarbeiter in Russland": none there to send data to.
        # "does not use sub-processors in any other country": none engaged there either.
        none_there = any(
            0 < s.start - neg.start <= NO_RECIPIENT_REACH
            and (
                neg.text.lower() in words.determiner_negation
                or any(neg.end <= e.start < s.start for e in sentence.of("ENGAGES", "A28_USE"))
            )
            for s in sentence.of("SUBPROCESSOR")
        )
        if none_there or any(
            lo <= t.start < hi
            and abs(t.start - neg.start) <= reach
            and not _beyond_own_predicate(sentence, neg, t, words)
            for t in transfers
        ):
            if not words.exception.search(sentence.text):
                return True
    return False


def _verb_series_end(sentence: Sentence, start: int, hi: int) -> int:
    """ "We do not rent, sell or transfer data to the US": a negation before bare verbs listed with commas denies each
    of them, the last with its object and place; the commas cut no clause there. From ``start`` (after the negation),
    each comma ``hi`` ends a one-word item followed by a lower-case word; the end of the clause the series runs into.
    A comma after words of their own ("We do not sell data, and ...") ends the clause as before."""
    tokens = sentence.span
    while (
        hi - start == 1
        and hi + 1 < len(tokens)
        and tokens[hi].text == ","
        and tokens[start].text.isalpha()
        and tokens[hi + 1].text.isalpha()
        and tokens[hi + 1].text.islower()
    ):
        start = hi + 1
        _, hi = sentence.clause_bounds(start)
    return hi


def _beyond_own_predicate(sentence: Sentence, negation: Cue, transfer: Cue, words: Words) -> bool:
    """ "We do not ask for consent and base transfers to the US on the SCCs", „Wir fragen nicht nach einer Einwilligung
    und stützen Übermittlungen in die USA auf die SCC": the negation denies the predicate it stands in, one with words
    of its own before the "and"; the transfer of the second predicate stands. Not one negation over verbs joined bare
    ("We do not sell, rent and transfer data to the US"), nor a passive whose auxiliary both participles share
    ("Your data is not sold to advertisers and transferred to the US")."""
    tokens = sentence.span
    joins = [j for j in sentence.where_word(words.clause_join) if negation.end <= j < transfer.start]
    if not joins:
        return False
    lo, _ = sentence.clause_bounds(negation.start)
    if any(t.lower_ in words.passive_auxiliary for t in tokens[lo : negation.start]):
        return False
    own = [t.text for t in tokens[negation.end : joins[0]]]
    return any(len(part.split()) > 1 for part in " ".join(own).split(","))


def _limited_part(sentence: Sentence, at: int, words: Words, eea: Collection[str]) -> tuple[int, int] | None:
    """:func:`limited_part` of the denial at token ``at``, a third country being any country outside ``eea``."""
    return limited_part(sentence, at, words.denial_scope, lambda code: len(code) == 2 and code not in eea)


def limited_part(
    sentence: Sentence, at: int, denial_scope: Collection[str], third_country: Callable[[str], bool]
) -> tuple[int, int] | None:
    """ "Transfers to the US are made under the SCCs; we do not transfer data for marketing purposes", "...; we make no
    other transfers", „...; Gesundheitsdaten übermitteln wir nicht": the part of the sentence (between semicolons)
    holding the denial at token ``at``, where it limits the denial to some transfers by purpose, kind of data or scope
    while another part moves data and names a third country. The denial leaves that place standing, as it would with a
    full stop between the two, and the transfer tools of the sentence with it (dpcheck/extract/mechanisms.py). A country
    in a tool's name ("EU-US Data Privacy Framework") places nothing, nor does a part that moves no data ("The lamps are
    built by a manufacturer in Taiwan; no customer data is shared with it for production purposes")."""
    tokens = sentence.span
    stops = sentence.where_word(SEMICOLON)
    if not stops:
        return None
    lo, hi = sentence.part_bounds(at)
    tools = sentence.of_prefixed("MECH:")
    bounds = [0, *(i + 1 for i in stops), len(tokens) + 1]
    moving = sentence.of("TRANSFER", "DATA_WORK")
    placed = any(
        p_lo != lo
        and any(p_lo <= c.start < p_hi - 1 for c in moving)
        and any(
            p_lo <= p.start < p_hi - 1 and third_country(p.code) and not any(c.start <= p.start < c.end for c in tools)
            for p in sentence.places
        )
        for p_lo, p_hi in zip(bounds, bounds[1:], strict=False)
    )
    return (lo, hi) if placed and scoped_denial(sentence, lo, hi, denial_scope) else None


def scoped_denial(sentence: Sentence, lo: int, hi: int, denial_scope: Collection[str]) -> bool:
    """The tokens ``lo:hi`` limit a denial to some transfers, by the kind of data ("health data"), a purpose or scope
    ("for marketing purposes", "no other transfers")."""
    return any(lo <= c.start < hi for c in sentence.of("SOME_DATA")) or any(
        t.lower_ in denial_scope for t in sentence.span[lo:hi]
    )


def _denials(sentence: Sentence, words: Words) -> list[Cue]:
    """The sentence's negations and denials that deny something (not "without", "non-EEA", „fehlende")."""
    return [n for n in sentence.of("NEGATION", "DENIAL") if n.text.lower() not in words.non_denying_negation]


def _asides(sentence: Sentence, eea: Collection[str]) -> set[int]:
    """The tokens of brackets that speak of no third country ("(access only through a jump server in Cologne, no
    local storage)"); not of those that do ("(while the personal data are not transferred outside the EEA)")."""
    # A bracket token is a "(" of the sentence's text: without one, nothing is inside brackets and no token is walked.
    if "(" not in sentence.text:
        return set()
    tokens = sentence.span
    placed = {i for c in sentence.of("THIRD_COUNTRY", "OPEN_DESTINATION") for i in range(c.start, c.end)}
    placed |= {i for p in sentence.places if p.code not in eea for i in range(p.start, p.end)}
    inside: set[int] = set()
    opened: list[int] = []
    for i, token in enumerate(tokens):
        if token.text == "(":
            opened.append(i)
        elif token.text == ")" and opened:
            lo = opened.pop()
            if placed.isdisjoint(range(lo, i)):
                inside.update(range(lo, i))
    return inside


def turn(sentence: Sentence, words: Words, eea: Collection[str] = ()) -> int | None:
    """The token where the sentence turns from what it denies to a third country data does reach: a contrast
    ("not stored outside the EU, but accessed by our staff in India") or a clause of its own ("and our
    provider in Serbia accesses it"); None if it does not."""
    denials = _denials(sentence, words)
    # Not where the contrast turns to a denial ("X is certified under the DPF; however, no data goes to the US").
    for contrast in sentence.where_word(words.contrast):
        if any(
            p.start > contrast
            and len(p.code) == 2
            and p.code not in eea
            and not any(contrast < n.start < p.start for n in denials)
            for p in sentence.places
        ):
            return contrast
    # "... und hat keinen Zugriff auf die Daten; der Versand erfolgt über X Inc., San Francisco, CA 94111": a clause
    # after a semicolon says what it says, unless denied itself.
    semicolons = sentence.where_word(SEMICOLON)
    for semicolon, following in zip(semicolons, [*semicolons[1:], len(sentence.span)], strict=False):
        if not any(semicolon < n.start < following for n in denials) and any(
            semicolon < p.start < following and len(p.code) == 2 and p.code not in eea for p in sentence.places
        ):
            return semicolon
    return next(
        (j for j in sentence.where_word(words.clause_join) if _second_clause_places(sentence, j, words, eea)), None
    )


def _contrasted_away(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "nicht mehr in den USA, sondern in Frankfurt", "not in the US but in Ireland": a place negated right before it
    and set against another by a contrast after it is where data is not."""
    tokens = sentence.span
    return any(
        0 <= place.start - n.end <= CONTRASTED_REACH
        and not any(t.lower_ in words.contrast for t in tokens[n.end : place.start])
        for n in sentence.of("NEGATION")
        if n.text.lower() not in words.non_denying_negation
    ) and any(
        tokens[j].lower_ in words.contrast for j in range(place.end, min(len(tokens), place.end + CONTRASTED_REACH))
    )


# The preposition closing a German cue of sending to a country („senden die Unterlagen nach"), and the articles that
# may stand between it and the country's name.
TOWARDS = "nach"
TOWARDS_ARTICLES = frozenset({"den", "die", "dem", "der"})
# „in" with an article of the accusative, which goes towards a country as „nach" does („in die USA", „in den Iran").
INTO = "in"
INTO_ARTICLES = frozenset({"die", "den", "das"})
# What joins the countries of a list („nach Kanada, Indien und Brasilien").
LIST_LINKS = frozenset({",", "und", "oder", "sowie"})


def _sent_to_us(tokens: Tokens, start: int, words: Words) -> bool:
    """„Ein Anbieter aus den USA übermittelt uns Ihre Bonitätsdaten", „Die Daten eines Anbieters aus den USA
    übermitteln wir an unsere Server": after the place the data comes to us or to what is ours, so the provider's
    place is where it comes from, not a seat its own servers receive data at („... überträgt sie an dessen Server")."""
    rest = [t.lower_ for t in tokens[start:]]
    return any(
        w in words.to_us or (w in words.ours and j and rest[j - 1] in words.destination) for j, w in enumerate(rest)
    )


def _time_after(sentence: Sentence, place: Place, argument: Argument, words: Words) -> bool:
    """„Wir senden die Bestätigung nach Ihrer Buchung der Reise nach Thailand": the „nach" closing the cue that claims
    the place opens a time („nach Ihrer Buchung"), not the country; a country's „nach" stands right before its name
    („senden die Unterlagen nach Kanada"), and so does the first of a list the rest go with („senden die Unterlagen
    nach Indien, Brasilien und Mexiko"). A place with a „nach" of its own is where data goes after the time („gehen
    nach der Prüfung nach Indien"), unless that „nach" follows a journey („der Rundreise nach Kanada")."""
    cue = argument.cue
    tokens = sentence.span
    if cue is None or cue.end > place.start or tokens[cue.end - 1].lower_ != TOWARDS:
        return False
    first = cue.end
    while first < place.start and tokens[first].lower_ in TOWARDS_ARTICLES:
        first += 1
    if first == place.start or any(p.start == first for p in sentence.places):
        return False
    # Back over the list the place closes („nach Kanada und Indien") to the preposition opening it.
    inside = {i for p in sentence.places if p.end <= place.start for i in range(p.start, p.end)}
    own = place.start - 1
    while own > first and (
        tokens[own].lower_ in TOWARDS_ARTICLES
        or tokens[own].lower_ in INTO_ARTICLES
        or tokens[own].lower_ in LIST_LINKS
        or own in inside
    ):
        own -= 1
    # „in die USA", „in den Iran": „in" with the accusative goes towards the country as „nach" does; „in der Schweiz"
    # says where the time's event is.
    into = tokens[own].lower_ == INTO and own + 1 < place.start and tokens[own + 1].lower_ in INTO_ARTICLES
    return not (tokens[own].lower_ == TOWARDS or into) or tokens[own - 1].lower_.endswith(tuple(words.journeys))


def _none_there(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "We do not use any sub-processor located in China or in Russia, and no data is stored outside the EU except
    cached copies", „keine Unterauftragsverarbeiter in Russland": a place of sub-processors the sentence says there are
    none of, whatever its other clauses admit. Not past a clause of its own ("and our provider in India accesses")."""
    tokens = sentence.span
    for neg in sentence.of("NEGATION"):
        if neg.text.lower() in words.non_denying_negation:
            continue
        for sub in sentence.of("SUBPROCESSOR"):
            if not (
                0 < sub.start - neg.start <= NO_RECIPIENT_REACH
                and 0 <= place.start - sub.end <= NONE_THERE_REACH
                and (
                    neg.text.lower() in words.determiner_negation
                    or any(neg.end <= e.start < sub.start for e in sentence.of("ENGAGES", "A28_USE"))
                )
            ):
                continue
            between = {t.lower_ for t in tokens[sub.end : place.start]}
            if not between & (words.clause_join | words.contrast) and ";" not in between:
                return True
    return False


def _bracketed_seat(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "Returnly Solutions Inc. (Philippines), returns and complaints", "E-mail: Examplemail Inc., USA": in an item of
    a recipients' list, a country in brackets or after a comma behind a company's legal form is that recipient's
    seat, whatever the words of its service."""
    tokens, i = sentence.span, place.start
    return (
        i >= 2
        and tokens[i - 1].text in ("(", ",")
        and tokens[i - 2].lower_.rstrip(".") in words.legal_forms
        and not _street_name(sentence, place, words)  # "Northby Ltd, Lima Road 5"
    )


def _disowned(sentence: Sentence) -> list[tuple[Cue, Cue]]:
    """Where the sentence denies that a party it names is a processor ("Chatly Inc. (USA) is not a sub-processor of
    ours", "ist ... kein Unterauftragsverarbeiter", "does not use Chatly Inc. (USA) as a sub-processor"): each
    negation with the role it denies."""
    return [
        (n, r)
        for n in sentence.of("NEGATION")
        for r in sentence.of("SUBPROCESSOR", "RCPT_PROCESSOR")
        if 0 <= r.start - n.end <= DISOWNED_ROLE
    ]


def _disowned_place(place: Place, argument: Argument, disowned: list[tuple[Cue, Cue]]) -> bool:
    """A place of the party a processor role is denied to: named before the negation (or between it and the role),
    and claimed by no cue but that role; a place a transfer verb claims ("we host data with AWS in the US and
    Chatly is not a sub-processor") still counts."""
    return any(
        (0 <= n.start - place.end <= DISOWNED_REACH or n.end <= place.start < r.start)
        and (not argument.claimed or argument.cue == r)
        for n, r in disowned
    )


def _second_clause_places(sentence: Sentence, join: int, words: Words, eea: Collection[str]) -> bool:
    """ "... and our provider in Serbia accesses ...": after ``join`` a clause of its own, opened by a subject
    placed in a third country within a few words, and not negated itself."""
    tokens = sentence.span
    if not _turns(tokens, join, words):
        return False
    if any(n.start > join for n in sentence.of("NEGATION", "DENIAL")):
        return False
    return any(
        join + 2 < p.start <= join + SUBJECT_REACH
        and len(p.code) == 2
        and p.code not in eea
        and tokens[p.start - 1].lower_ in words.source | words.destination
        for p in sentence.places
    )


def _weakened(sentence: Sentence) -> bool:
    """A denial that admits exceptions: hedged ("we do not generally transfer ..."), excepted ("save where ...",
    "nur in Ausnahmefällen"), or itself denied ("it cannot be excluded that ...", "nicht ausgeschlossen")."""
    denials = sentence.of("NEGATION", "DENIAL", "LOCATION_ONLY")
    if denials and sentence.has("EXCEPTED"):
        return True
    # A hedge weakens the denial it stands by ("we do not generally transfer"), not one in another clause ("we
    # mainly store data in Germany and do not transfer it outside the EEA").
    if any(abs(h.start - d.start) <= HEDGE_REACH for h in sentence.of("HEDGE") for d in denials):
        return True
    negations = sentence.of("NEGATION")
    return any(0 <= d.start - n.end <= DENIAL_NEGATED for d in sentence.of("DENIAL") for n in negations)


def names_a_region(negation: Cue) -> bool:
    """ "non-EEA countries", "Nicht-EU-Staaten": the word names the countries, it negates nothing said of them."""
    return bool(REGION_NEGATION.match(negation.text))


def cancels(sentence: Sentence, negation: Cue, other: Cue, words: frozenset[str]) -> bool:
    """ "not transferred ... without safeguards": ``other`` ("without") cancels ``negation``. Not where it names
    whose consent is needed ("may not transfer data without the customer's prior consent" restricts)."""
    if (
        other.text.lower() not in words
        or not 0 <= other.start - negation.end <= DOUBLE_NEGATION_REACH
        or names_a_region(negation)
    ):
        return False
    return not any(0 <= c.start - other.end <= CONSENT_REACH for c in sentence.of("CONSENT", "AUTHORISATION"))


# Tokens back from a place in a list to the word that leaves the list out ("outside of the European Economic Area
# (EEA), Switzerland, and the UK").
LEFT_OUT_REACH = 16
# Tokens after a negation in which the level of protection it denies is named ("does not meet EU standards").
PROTECTION_REACH = 4
# Tokens before "located"/"based" the people they place may stand in ("users located in", "you are located in").
PEOPLE_REACH = 2
# Tokens before "to" a comparison may stand in ("a standard of data protection equivalent to").
COMPARISON_REACH = 6


def _example_of_open(sentence: Sentence, place: Place, roles: SentenceRoles, words: Words) -> Argument | None:
    """The argument of the open region a place is given as an example of ("to partners in the destination country,
    for example in the UK"): an example word right after the region, and only places and list words between it
    and the place."""
    tokens = sentence.span
    placed = {i for p in sentence.places for i in range(p.start, p.end)}
    for example in sentence.of("OPEN_SET"):
        if example.end > place.start or any(
            i not in placed and tokens[i].text[:1].isalpha() and tokens[i].lower_ not in words.example_list
            for i in range(example.end, place.start)
        ):
            continue
        for region in sentence.of("OPEN_DESTINATION"):
            if 0 <= example.start - region.end <= EXAMPLE_AFTER_REGION:
                argument = roles.argument(region.start, region.end, open_region=True)
                return argument if roles.makes_transfer(argument) else None
    return None


def _person_from(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "A respondent may fill in a form from anywhere in the world", "wenn Sie von überall auf der Welt bestellen": a
    person acting from an open region is where someone is, not where data goes ("details may be read from locations
    where our engineers work" still is)."""
    tokens = sentence.span
    at = cue.start - 1
    # "use our Services from the European Union or other regions": the source word opens the list the region ends.
    ends = {p.end: p.start for p in sentence.places}
    while at >= 0 and tokens[at].lower_ not in words.source and (tokens[at].lower_ in words.list or at + 1 in ends):
        at = ends[at + 1] - 1 if at + 1 in ends else at - 1
    if at < 0 or tokens[at].lower_ not in words.source or _accessed_from_place(tokens, at, cue.start, words):
        return False
    return any(
        tokens[j].lower_ in words.people | words.addressee and not _attributive(tokens, j)
        for j in range(max(0, at - PEOPLE_REACH - 4), at)
    )


def _attributive(tokens: Tokens, j: int) -> bool:
    """A word for people in lower case right before a capitalised noun qualifies that noun („die betroffenen Systeme",
    the systems concerned; "customer Personal Data"): it names no one."""
    after = tokens[j + 1].text if j + 1 < len(tokens) else ""
    return tokens[j].text.islower() and after[:1].isupper()


def _nationals(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "third-country nationals", "citizens of a non-EU country", „Nicht-EU-Bürgern", „Staatsangehörige aus
    Drittstaaten": the open words give people's nationality, not a place data goes to."""
    tokens = sentence.span
    if cue.end < len(tokens) and tokens[cue.end].lower_ in words.nationals:
        return True
    last = tokens[cue.end - 1].lower_
    if any(last.endswith(word) and len(last) > len(word) for word in words.nationals):
        return True
    at = cue.start - 1
    while at >= 0 and tokens[at].lower_ in words.nationals_of:
        at -= 1
    return at < cue.start - 1 and at >= 0 and tokens[at].lower_ in words.nationals


def _users_wherever(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "The Services may be used by Customer's employees wherever they are located", „von Nutzern, wo auch immer sie
    sich befinden": the open region says where the customer's own people or the users are, not where data goes."""
    tokens = sentence.span
    if not any(t.lower_ in words.wherever_person for t in tokens[cue.start : min(cue.end + 1, len(tokens))]):
        return False
    lo = max(0, cue.start - PEOPLE_REACH - 6)
    # "Customer Data" names data, not people.
    data = {i for c in sentence.of("SUBJECT") for i in range(c.start, c.end)}
    return any(
        i not in data
        and (
            tokens[i].lower_ in words.people
            or (tokens[i].lower_ in words.customer_owner and tokens[i + 1].text in words.possessive)
        )
        for i in range(lo, cue.start)
    )


def _refers_back(sentence: Sentence, cue: Cue) -> bool:
    """ "access from the third country", „aus dem Drittland": the one third country named before, unless the country
    follows as its name („in das Drittland Indien")."""
    return any(a.start <= cue.start and cue.end <= a.end for a in sentence.of("THIRD_COUNTRY_ANAPHOR")) and not any(
        p.start == cue.end for p in sentence.places
    )


# Tokens from the bracket after a company's legal form to the country it closes with ("(Dublin, Ireland)").
SEAT_IN_BRACKETS = 5
# Words between open region words and the time of day they qualify ("outside EU business hours").
CLOCK_REACH = 2


def _time_of_day(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "Tickets raised outside EU business hours", „Anfragen außerhalb der EU Geschäftszeiten": the region's words name
    whose working day it is; the time they qualify says when, not where data goes. Only words may stand between ("outside
    the EU 24 hours a day" stays a place)."""
    tokens = sentence.span
    for i in range(cue.end, min(len(tokens), cue.end + CLOCK_REACH)):
        if tokens[i].lower_ in words.clock_time:
            return True
        if not tokens[i].text.isalpha():
            return False
    return False


# Tokens from a notice or list to the verb that says what it holds ("the notice will state").
HOLDER_REACH = 4
# Tokens from a transfer word to the open words it sends data to ("transfers to third countries").
TRANSFER_BEFORE_FIELD = 2


def _notice_contents(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "The notice states the sub-processor's name and the country where it will process Customer Data", „Die Liste
    nennt ... die Länder, in denen er Daten verarbeitet": the open words say what a notice or list tells, a field it
    fills in, not where data goes. Only in the same clause: after a semicolon, or in a clause of its own ("the list
    includes X, which processes data outside the EEA", "states that we transfer data to third countries", „enthält X,
    die Daten in Drittländern verarbeitet"), the text says so itself."""
    tokens = sentence.span
    # "shows all data flows, including transfers to third countries": a transfer right before the open words is the
    # text's own statement; a field further off ("the processing it will perform and the country where") is not.
    transfers = {c.start for c in sentence.of("TRANSFER") if cue.start - c.start <= TRANSFER_BEFORE_FIELD}
    for v in range(cue.start - 1, -1, -1):
        if tokens[v].text == ";" or tokens[v].lower_ in words.clause_words or v in transfers:
            return False
        if tokens[v].lower_ in words.relatives and any(t.text == "," for t in tokens[max(0, v - 2) : v]):
            return False
        # "states the sub-processor's name": a verb's word may stand as a noun among the fields; capitalised, the verb's
        # word is a noun ("covers EU Member States and third countries").
        if (
            tokens[v].lower_ in words.content_verbs
            and tokens[v].text.islower()
            and any(t.lower_ in words.content_holders for t in tokens[max(0, v - HOLDER_REACH) : v])
        ):
            return True
    return False


def _public_body_abroad(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "If any authority outside the EEA demands access", „Verlangt eine Behörde außerhalb des EWR Zugang", "required
    by laws outside your country": open words right after a public body, or after a law in a sentence saying a law
    compels something, say whose request it is (a government-access clause), not where the vendor sends data."""
    if cue.start == 0:
        return False
    before = sentence.span[cue.start - 1].lower_
    return before in words.public_bodies or (
        before in words.laws and any(t.lower_ in words.compelling for t in sentence.span)
    )


def _defined_name(sentence: Sentence, cue: Cue) -> bool:
    """'... countries which have not been subject to an Adequacy Decision ("Other Countries")': open words in the
    brackets of a definition right after third-country wording name it; they add no open set of their own."""
    tokens = sentence.span
    if cue.start == 0 or tokens[cue.start - 1].text not in DEFINED_NAME_OPENERS:
        return False
    # A name in capitals is a defined term, whatever clauses stand between it and the wording it names.
    capitals = all(t.text[:1].isupper() for t in tokens[cue.start : cue.end])
    return any(
        capitals or cue.start - t.end <= DEFINED_NAME_REACH for t in sentence.of("THIRD_COUNTRY") if t.end <= cue.start
    )


def _provider_entry(sentence: Sentence, words: Words) -> bool:
    """A glossary's entry for a provider the text refers to by its role ("Backup provider: Acme Storage Inc., Toronto;
    the copies are kept in Montréal", „Chat-Dienstleister: Beispiel AG, Zürich; ..."): it says who that provider is and
    where, as an entry of a list of recipients does, not what a word means."""
    tokens = sentence.span
    colon = next((i for i, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or not any(c.end <= colon for c in sentence.of(*PROVIDER_ROLES)):
        return False
    return any(t.lower_.rstrip(".") in words.legal_forms for t in tokens[colon + 1 : colon + 1 + ENTRY_COMPANY_REACH])


# Words opening a relative clause after a comma ("..., to which we transfer your data", „..., in die wir ...").
RELATIVE_OPENERS = frozenset({"which", "where", "whom", "to", "into", "in", "wohin", "wo", "die", "das", "den", "dem"})


def _transfer_after_definition(sentence: Sentence, words: Words) -> bool:
    """A definition followed in its sentence by the vendor's own transfer, not denied ("A third country is any country
    outside the EEA, and we transfer your data to the United States", "Third country means ...; we transfer data to
    India", „Ein Drittland ist jedes Land außerhalb des EWR, und wir übermitteln Ihre Daten in die USA"): after a
    semicolon, a comma and a joining word, or a comma opening a relative clause, "we"/„wir" and a transfer word state
    where data goes; the sentence is read for it as any other. A negation there ("..., where we store no data") leaves
    it a definition."""
    tokens = sentence.span
    for i, t in enumerate(tokens[:-1]):
        if not (
            t.text == ";"
            or (
                t.text == ","
                and (tokens[i + 1].lower_ in words.disjunction or tokens[i + 1].lower_ in RELATIVE_OPENERS)
            )
        ):
            continue
        if (
            any(w.lower_ in words.speaker for w in tokens[i + 1 :])
            and any(c.start > i for c in sentence.of("TRANSFER"))
            and not any(n.start > i for n in sentence.of("NEGATION"))
        ):
            return True
    return False


def _language_version_only(sentence: Sentence, words: Words) -> bool:
    """Every place of the sentence stands in the clause of a language version ("An English translation prepared by our
    partner firm in London is for information only"). A clause of its own after a semicolon or a comma and a joining
    word places data still ("This notice is also available in an English version; our support staff in India can
    access your account", „..., und unser Supportteam in Indien kann auf Ihr Konto zugreifen")."""
    tokens = sentence.span
    versions = sentence.of("LANGUAGE_VERSION")

    def joined(a: int, b: int) -> bool:
        lo, hi = min(a, b), max(a, b)
        if sentence.part_bounds(a) != sentence.part_bounds(b):
            return False
        return not any(
            tokens[k].text == ","
            and (tokens[k + 1].lower_ in words.disjunction or tokens[k + 1].lower_ in words.contrast)
            for k in range(lo, min(hi, len(tokens) - 1))
        )

    return all(any(joined(v.start, p.start) for v in versions) for p in sentence.places)


def gone_section(heading: str, words: Words) -> bool:
    """A heading over what is gone ("Former sub-processors", "4. Sub-processors removed", „5. Nicht mehr eingesetzte
    Unterauftragsverarbeiter"): a word of ``former``, or a phrase of ``no_longer``, anywhere in it."""
    text = " " + " ".join(heading.lower().replace(":", " ").split()) + " "
    # "Current and former sub-processors": its rows say which they are.
    if any(w in words.current for w in text.split()):
        return False
    return any(w in words.former for w in text.split()) or any(f" {p} " in text for p in words.no_longer)


def _is_source(sentence: Sentence, start: int, words: Words, stop: int = 0) -> bool:
    """ "from the EEA, the UK and Switzerland to ...": walk back to the nearest preposition, but not
    past ``stop``, the end of the role cue that claims the place ("an order from a court of the US")."""
    tokens = sentence.span
    # "a jurisdiction other than the UK"; but "ausschließlich in Deutschland" is "only in" Germany.
    if any(
        tokens[i].lower_ in words.exclusion and tokens[i + 1].lower_ not in words.destination
        for i in range(max(0, start - 4), start)
    ):
        return True
    examples = {i for c in sentence.of("OPEN_SET") for i in range(c.start, c.end)}
    regions = {i for c in sentence.of("OPEN_DESTINATION") for i in range(c.start, c.end)}
    example = False
    for i in range(start - 1, max(stop - 1, start - SOURCE_REACH), -1):
        example = example or i in examples
        if example and i in regions:
            return False  # "outside the EEA (in particular the USA)": an example of where data goes
        word = tokens[i].lower_
        if word in words.destination:
            before = [tokens[j].lower_ for j in range(max(0, i - 2), i)]
            people = {tokens[j].lower_ for j in range(max(0, i - PEOPLE_REACH - 1), i - 1)}
            # "originating in", "resident in", "individuals located in" and "if you are located in" name where
            # people or data come from; "protection equivalent to the UK" names a benchmark.
            return bool(before) and (
                (before[-1] in words.origin and not _data_dwells(sentence, i - 1, words))
                or (before[-1] in {"located", "based"} and bool(people & (words.people | words.addressee)))
                or any(tokens[j].lower_ in words.comparison for j in range(max(0, i - COMPARISON_REACH), i))
            )
        # "in or outside of India": the destination word before decides, as if "outside" were not there.
        both = i > 1 and tokens[i - 1].lower_ in words.disjunction and tokens[i - 2].lower_ in words.destination
        # "Example Corp. aus Denver": a company's seat, not where data comes from; so is a provider's „eines
        # Crash-Reporting-Anbieters aus San Francisco" where the verb claiming the place comes after it (the provider
        # is its party: „... überträgt Gerätekennungen an dessen Server") and the sentence receives nothing from it.
        if word in words.seat_of and i and tokens[i - 1].lower_.rstrip(".") in words.legal_forms:
            return False
        if (
            word in words.seat_of
            and stop == 0
            and any(c.end == i for c in sentence.of(*PROVIDER_ROLES))
            and not sentence.has("RCPT_SOURCE")
            and not _sent_to_us(tokens, start, words)
        ):
            return False
        # „wird von der X Pvt. Ltd., Baner Road, Pune 411045, betrieben": the company doing it, at its address; not
        # where data comes from, unless the sentence receives data („die wir von der X Inc., USA, erhalten").
        if (
            word in words.passive_agent
            and any(tokens[j].lower_.rstrip(".") in words.legal_forms for j in range(i + 1, start))
            and not sentence.has("RCPT_SOURCE")
        ):
            return False
        if word in words.source and not both:
            return word in words.outside or not _accessed_from_place(tokens, i, start, words)
    return False


# Tokens between the data and the verb saying it dwells somewhere ("the data will reside in").
DWELLER_REACH = 2


def _data_dwells(sentence: Sentence, verb: int, words: Words) -> bool:
    """ "whose data resides in the UK", "your data will reside in Canada": the verb at ``verb`` that says where people
    live has the data as its subject, which is where the data is kept. Only a modal or an adverb may stand between:
    in "personal data of individuals residing in Japan" the people reside there, which is where data comes from."""
    tokens = sentence.span
    return tokens[verb].lower_ in words.dwells and any(
        0 <= verb - c.end <= DWELLER_REACH and all(tokens[j].lower_ in words.dweller_links for j in range(c.end, verb))
        for c in sentence.of("DATA_NAMED")
    )


def _accessed_from_place(tokens: Tokens, at: int, start: int, words: Words) -> bool:
    """ "accessed from India", "access your data from India", "von den USA aus zugreifen": the source word at
    ``at`` says where data is reached from, which is a destination."""
    # "staff access your data from India"; not "if you access our service from Asia", a user where the user is.
    if any(
        tokens[j].lower_ in words.access and not (j and tokens[j - 1].lower_ in words.addressee | words.people)
        for j in range(max(0, at - ACCESS_REACH), at)
    ):
        return True
    # "access the data from outside the EEA, including from the United States": an example of the "from" before it.
    if at and tokens[at - 1].lower_ in words.including:
        earlier = next(
            (j for j in range(at - 2, max(-1, at - 2 - EXAMPLE_REACH), -1) if tokens[j].lower_ in words.source), None
        )
        if earlier is not None and earlier != at and _accessed_from_place(tokens, earlier, earlier + 1, words):
            return True
    end = next((j for j in range(start, min(len(tokens), start + 4)) if tokens[j].lower_ in words.access_from), None)
    if end is not None and any(
        tokens[j].lower_ in words.access for j in range(end, min(len(tokens), end + ACCESS_REACH))
    ):
        return True
    # „Mitarbeitende der X Pvt Ltd aus Indien auf Ihre Kontodaten zugreifen": staff reach the data from the place, the
    # verb at the end; not users reaching their own accounts from where they are.
    people = {tokens[j].lower_ for j in range(max(0, at - PEOPLE_REACH - 1), at)} & (words.people | words.addressee)
    return (
        tokens[at].lower_ in words.reached_from
        and not people
        and any(tokens[j].lower_ in words.access for j in range(start + 1, min(len(tokens), start + 1 + ACCESS_REACH)))
    )


# Words of a law's name between a place and the title word closing it ("UK Online Safety Act").
TITLE_REACH = 6
# Tokens from a sentence's start in which the year of an opening "Until ..." stands ("Until the end of March 2024").
UNTIL_REACH = 7
# Tokens between a tool's name and third countries in its title ("clauses for the transfer of personal data to
# processors established in third countries").
TOOL_TITLE_REACH = 14
# Capitalised words of a company's name between the place that opens it and its legal form.
NAME_WORDS = 4
# A clause's number or bullet opening a sentence ("8.4", "(3)", "§", "a)").
CLAUSE_NUMBER = re.compile(r"[\d.()§]+|[a-z]\)|[-•*]")
YEAR = re.compile(r"(?:19|20)\d\d")
HYPHENS = frozenset({"-", "‐", "‑"})
# A hyphen or a dash between two countries of a tool's name ("Swiss – U.S. Privacy Shield").
DASHES = HYPHENS | {"–", "—"}
# Tokens of a city (and its comma) between "Corp. of" and the country it is in ("Example Corp. of Boston, USA").
COMPANY_CITY = 3
# Tokens between an open region and the example word after it ("im jeweiligen Bestimmungsland (zum Beispiel ...").
EXAMPLE_AFTER_REGION = 2
# What opens the name a definition gives the phrase before it ('... ("Other Countries")').
DEFINED_NAME_OPENERS = frozenset({"(", '"', "“", "„", "'", "‘"})
# Tokens between third-country wording and the bracket that names it ("Adequacy Decision (\"Other Countries\")").
DEFINED_NAME_REACH = 4
# Tokens between a negation and the transfer it denies; a determiner ("no ... data has been stored") reaches further.
NEGATION_REACH = 6
DETERMINER_REACH = 9
# A determiner denying people ("no personnel of …", "nobody in …") reaches past their employer and place.
STAFF_DENIAL_REACH = 12
# Tokens between a negation and the sub-processors it says there are none of ("none of our sub-processors").
NO_RECIPIENT_REACH = 3
# Tokens between "in particular the following" and the sub-processors it lists.
OPEN_LIST_REACH = 2
# Tokens between a field's label and the country it answers with ("Drittland: JA, USA").
FIELD_REACH = 3
# Tokens walked back from a place to the preposition that says whether data comes from it or goes there; a list
# whose places carry defined terms in brackets ('the EEA ("EEA") or Switzerland ("EU Personal Data"), the UK') is long.
SOURCE_REACH = 40
# Tokens from such sub-processors to the places they are denied in ("any sub-processor located in the People's Republic
# of China or in Russia").
NONE_THERE_REACH = 14
# Tokens after an open region a condition may stand in to make the vendor's statement of a transfer there
# conditional ("Wir übermitteln Daten nur dann in Drittländer, wenn ...", "to third countries only if ...").
SPEAKER_CONDITION = 3
# Tokens between a word saying when ("before", „bevor") and the open region whose leaving it times ("before the data
# leave the EEA", „bevor die Daten den EWR verlassen").
MOMENT_REACH = 4
# Words between a hedge and the denial it weakens ("do not generally", "grundsätzlich nicht").
HEDGE_REACH = 3
# Words between a negation and the denial it denies ("cannot be excluded", "nicht ausgeschlossen").
DENIAL_NEGATED = 2
# Words between an open region and the access it frames ("access or process such data from outside the EEA").
ACCESS_REACH = 8
# Tokens between a verb of being somewhere and the open region after it ("are located outside the EEA").
SITUATED_REACH = 3
# Tokens after an open region in which a German modal closing the clause stands ("außerhalb der EU verarbeiten können").
VERB_LAST_MODAL = 3
# Tokens between a word saying a party is gone and its place ("the former provider for receipt capture in Pune").
FORMER_REACH = 7
# Tokens back from "including from" to the "from" it gives an example of.
EXAMPLE_REACH = 12


def _permits(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "Provider may transfer data outside the EEA" grants leave; "may only" and "may not" restrict. The
    vendor saying it transfers ("we transfer data only to third countries that ...", "Daten übermitteln wir in
    Drittländer") states transfers to a set it leaves open, unless a condition follows the region ("only to
    third countries if you consent"). A weakened denial ("we do not generally transfer ...") grants nothing: it
    says some transfers happen, which the countries a document names may be."""
    if _weakened(sentence):
        return False
    tokens = sentence.span
    seen = [t.lower_ for t in tokens[: cue.start]]
    # "A sub-processor may, where necessary for its service, make an onward transfer ... outside the EEA": a condition
    # after the leave says when it is used, not whether it is granted.
    leave = next((k for k, w in enumerate(seen) if w in words.permission), len(seen))
    if any(conditional(tokens, i, words) and not _reader_condition(sentence, i, words) for i in range(leave)):
        return False
    # "may only", „dürfen Ihre Daten nur dann ... , wenn": a restriction between the leave and the region takes the
    # leave back ("may transfer data outside the EEA where this is necessary" keeps it).
    if any(
        w in words.permission and not any(x in words.restriction for x in seen[k + 1 :]) for k, w in enumerate(seen)
    ):
        return True
    # „… Ihre Daten auch in Ländern außerhalb der EU verarbeiten können": the German modal closes the clause.
    modal = [t.lower_ for t in tokens[cue.end : cue.end + VERB_LAST_MODAL + 2]]
    if any(
        w in words.permission and not words.restriction & set(modal[k + 1 :])
        for k, w in enumerate(modal[:VERB_LAST_MODAL])
    ) and not words.restriction & set(seen):
        return True
    states = any(
        {tokens[c.start - 1].lower_ if c.start else "", tokens[c.end].lower_ if c.end < len(tokens) else ""}
        & words.speaker
        for c in sentence.of("TRANSFER")
        if c.end <= cue.start
    )
    # "Some of our service providers are located outside the EEA", „Einige Dienstleister befinden sich außerhalb des
    # EWR": recipients there, as a fact.
    placed = sentence.has("SUBPROCESSOR") and any(
        t.lower_ in words.situated for t in tokens[max(0, cue.start - SITUATED_REACH) : cue.start]
    )
    # „Übermittlung in Drittländer: im Rahmen der Infrastruktur von X", "Transfers to third countries: yes": a field
    # of an annex answered with anything but a denial states transfers there.
    field = (
        cue.end + 1 < len(tokens)
        and tokens[cue.end].text == ":"
        and not any(cue.end < n.start <= cue.end + 2 for n in sentence.of("NEGATION", "DENIAL"))
        and tokens[cue.end + 1].lower_ not in words.answer_no
        # "Guarantees for international transfer: Standard Contractual Clauses" answers with the tool, not a place.
        and not any(c.start == cue.end + 1 for c in sentence.of_prefixed("MECH:"))
    )
    return (states or placed or field) and not any(
        conditional(tokens, i, words) for i in range(cue.end, min(len(tokens), cue.end + SPEAKER_CONDITION))
    )


def _in_tool_title(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "the standard contractual clauses for the transfer of personal data to processors established in third
    countries", „Standardvertragsklauseln für die Übermittlung … an Auftragsverarbeiter in Drittländern": third
    countries in the title of a tool the sentence names, not where data goes; so are the open words of a tool's own
    name ("the UK International Data Transfer Addendum"); so are those of what a tool allows ("SCCs ... allowing data
    transfers from the EU to other countries", „…, die Übermittlungen in andere Länder ermöglichen")."""
    tokens = sentence.span
    if not sentence.has_prefixed("MECH:"):
        return False
    for tool in sentence.of_prefixed("MECH:"):
        if tool.start <= cue.start and cue.end <= tool.end:
            return True
        if not 0 <= cue.start - tool.end <= TOOL_TITLE_REACH:
            continue
        if any(
            " ".join(t.lower_ for t in tokens[i : i + 2]) in words.title_openers for i in range(tool.end, cue.start)
        ):
            return True
        # The German verb closes the clause after the open words.
        clause = [t.lower_ for t in tokens[tool.end : min(len(tokens), cue.end + VERB_LAST_MODAL)]]
        if words.tool_purpose & set(clause) and not words.tool_purpose_beneficiary & set(clause):
            return True
    return False


def _ended(sentence: Sentence, words: Words) -> bool:
    """ "Until 2023 we stored customer data with a provider in the United States.", „Bis Dezember 2023 nutzten wir
    ...", "Between 2019 and 2021 ...": a sentence that opens with a time frame ending in a year, or with a span of
    years, and speaks neither of the future nor of today, tells of the past."""
    tokens = sentence.span
    # "8.4 Until 16 July 2020, ...": the clause's number comes before the time frame.
    first = next((i for i, t in enumerate(tokens) if not CLAUSE_NUMBER.fullmatch(t.text)), len(tokens))
    words_ = [t.lower_ for t in tokens[first : first + UNTIL_REACH]]
    opens = next((n for n in (2, 1) if " ".join(words_[:n]) in words.until), 0)
    # "Between 2019 and 2021, ...", „Von 2018 bis 2020 ...": a span of years that has closed.
    span = (
        len(words_) >= 4
        and words_[0] in words.period
        and bool(YEAR.fullmatch(words_[1]))
        and words_[2] in words.period_to
        and bool(YEAR.fullmatch(words_[3]))
    )
    # "dieses Vertragsverhältnis ist beendet": today's state that it ended is the past too.
    return ((bool(opens) and any(YEAR.fullmatch(w) for w in words_[opens:])) or span) and not any(
        t.lower_ in words.not_past and not any(n.lower_ in words.former for n in tokens[i + 1 : i + 3])
        for i, t in enumerate(tokens)
    )


# Marks between the cells of a row written out as a line ("X Ltd | Email delivery | Melbourne, Australia", "X Inc. –
# surveys – United States").
CELL_MARKS = ("|", "–", "—", ";")
_CELL_MARKS = frozenset(CELL_MARKS)
_EACH_CELL_MARK = tuple(frozenset({m}) for m in CELL_MARKS)
# Cue labels of a cell that make a line without a legal form a recipient's entry: a provider, or its work on the data.
ROW_WORDS = ("RCPT_PROCESSOR", "SUBPROCESSOR", "DATA_WORK", "REMOTE_WORK", "TRANSFER")
# What may stand between the names of a cell holding only places ("Tel Aviv, Israel", "Reykjavík (IS) and Montreal").
PLACE_CELL_JOINS = frozenset({",", "(", ")", "/", "and", "und", "&"})
# Tokens a cell holding only a place may have ("Buenos Aires, Argentinien", "Denver, Colorado (USA)").
PLACE_CELL_TOKENS = 8


def _row_seats(sentence: Sentence, eea: Collection[str], words: Words) -> set[int]:
    """ "X Ltd | Email delivery | Melbourne, Australia", "X Inc. – transactional email – United States – contact data":
    a line of cells, one naming a company by its legal form among the first two and another holding only its place, is
    an entry of a list of recipients read alone; the places of that cell are the company's seat, where it receives the
    data (GUIDELINES.md: a row of a sub-processor list says where that sub-processor is). Not a row of a real table,
    whose header the table reader has, nor one placing anything in the EEA (it says where data is processed, which
    its words decide), nor a postal address. The starts of those places."""
    if sentence.block.kind == "table_row" or not sentence.where_word(_CELL_MARKS):
        return set()
    # The marks found in the document's word index: most sentences read here hold none, and walking their tokens
    # made a word of each.
    by_mark = [sentence.where_word(m) for m in _EACH_CELL_MARK]
    cuts = max(by_mark, key=len)
    if len(cuts) < 2 or any(p.code in eea for p in sentence.places):
        return set()
    # Semicolons also join clauses of prose ("...; our partners handle bookings; United States."): they cut cells only
    # of a line that names a company by its legal form.
    semicolons = cuts is by_mark[CELL_MARKS.index(";")]
    tokens = sentence.span
    cells = list(zip([0, *(c + 1 for c in cuts)], [*cuts, len(tokens)]))
    company = next(
        (
            n
            for n, (lo, hi) in enumerate(cells[:2])
            if any(t.lower_.rstrip(".") in words.legal_forms for t in tokens[lo:hi])
        ),
        None,
    )
    # "Cloud telephony provider – call metadata – London, United Kingdom", "X Forensics | Malware analysis | Tel Aviv,
    # Israel": without a legal form, a cell naming a provider or the work it does on the data makes the line a
    # recipient's entry, if a cell holds nothing but names of places.
    worded = {c.start for c in sentence.of(*ROW_WORDS)}
    seats: set[int] = set()
    for n, (lo, hi) in enumerate(cells):
        while hi > lo and not tokens[hi - 1].text[:1].isalnum() and tokens[hi - 1].text != ")":
            hi -= 1  # the sentence's full stop
        inside = [p for p in sentence.places if lo <= p.start and p.end <= hi and len(p.code) == 2]
        if n == company or not inside or hi - lo > PLACE_CELL_TOKENS:
            continue
        if company is None:
            if semicolons:
                continue
            covered = {i for p in inside for i in range(p.start, p.end)}
            only_places = all(
                i in covered or tokens[i].text in PLACE_CELL_JOINS or tokens[i].text[:1].isupper()
                for i in range(lo, hi)
            )
            described = any(i in worded for a, b in cells[:n] + cells[n + 1 :] for i in range(a, b))
            if not (only_places and described):
                continue
        last = max(p.end for p in inside)
        if all(t.text in (")", "]") for t in tokens[last:hi]) and not any(
            in_postal_address(sentence, words, p.start, p.end) for p in inside
        ):
            seats |= {p.start for p in inside}
    return seats


# The cues a label before an entry's colon may carry, naming the work its company does on the data ("Support", "AI
# assistant (model provider)"); a label with any other cue names something else (the controller, a seat, a publisher).
ENTRY_WORK = ("A28_ASSIST", *ROW_WORDS)
# The tokens a label before an entry's colon spans at most ("Speech-to-text for dictation").
ENTRY_LABEL_TOKENS = 8


def _entry_seats(sentence: Sentence, eea: Collection[str], words: Words) -> set[int]:
    """ "Speech-to-text: VoxLab Ltd., London, United Kingdom", „Notfallwiederherstellung: Coldsite AG, Zürich, Schweiz
    (Replikat aller Daten)", "Support: Kraków (Poland), Pune (India)": a short label, the work done, a colon, then who
    does it and where, is an entry of a list of recipients written as a line of its own; the places after the company
    (or the places alone, under a label naming work) are where that recipient gets the data (GUIDELINES.md: a row of a
    sub-processor list counts for its country). Not under a label with other cues or one of `own_label` ("Controller:",
    "Headquarters:", "Owner:": the vendor's own seat), nor an entry placing anything in the EEA or a postal address.
    The starts of those places."""
    tokens = sentence.span
    # The tokenizer keeps a bracket closing the label with its colon ("AI assistant (model provider):").
    colon = next((i for i, t in enumerate(tokens) if t.text in (":", "):")), None)
    if (
        sentence.block.kind == "table_row"
        or colon is None
        or not 0 < colon <= ENTRY_LABEL_TOKENS
        or any(p.start < colon for p in sentence.places)
        or any(t.lower_ in words.own_label for t in tokens[:colon])
    ):
        return set()
    label = [c for c in sentence.cues if c.end <= colon]
    if any(c.label not in ENTRY_WORK for c in label):
        return set()
    # The value: a company closing with its legal form, or only places under a label naming work; it ends at a dash or a
    # bracket of notes that holds no place.
    forms = [
        i
        for i in range(colon + 1, min(colon + 1 + ENTRY_COMPANY_REACH, len(tokens)))
        if tokens[i].lower_.rstrip(".") in words.legal_forms
    ]
    if not forms and not label:
        return set()
    places = [p for p in sentence.places if len(p.code) == 2]
    start = forms[0] + 1 if forms else colon + 1
    covered = {i for p in places for i in range(p.start, p.end)}
    inside: list[Place] = []
    i = start
    while i < len(tokens):
        text = tokens[i].text
        if i in covered:
            p = next(p for p in places if p.start == i)
            inside.append(p)
            i = p.end
            continue
        if text in CELL_MARKS or (text == "(" and not any(p.start > i for p in places)):
            break
        # A city the gazetteer lacks stands capitalised beside its country ("Pune (India)").
        if text in PLACE_CELL_JOINS or text[:1].isupper() or (text == "." and i == len(tokens) - 1):
            i += 1
            continue
        return set()
    if not inside or any(in_postal_address(sentence, words, p.start, p.end) for p in inside):
        return set()
    return {p.start for p in inside if p.code not in eea}


def _former_party(sentence: Sentence, start: int, words: Words) -> bool:
    """ "The former support provider in Pune was replaced in 2024", „der frühere Dienstleister in Pune", "a host in
    France, superseding the host in Zurich": the place is that of a party the text says is gone; not of the one that
    replaced it ("replaced by a provider in Manila")."""
    tokens = sentence.span
    # "in Zurich, Switzerland": the country after its city's comma belongs to the same party.
    while (
        start >= 2
        and tokens[start - 1].text == ","
        and (city := next((p for p in sentence.places if p.end == start - 1), None))
    ):
        start = city.start
    lo, _ = sentence.clause_bounds(start)
    for i in range(start - 1, max(lo, start - FORMER_REACH) - 1, -1):
        word = tokens[i].lower_
        if word in words.new_party:
            return False
        if word in words.former:
            return True
        # „statt in Frankfurt künftig in den USA": the party replaced is the first place after the word, not a later one.
        if word in words.replacing:
            return not any(i < p.start and p.end <= start for p in sentence.places)
    return False


def _other_recipients(sentence: Sentence, words: Words) -> bool:
    """ "Where any of our other service providers process your data outside the EEA, ...": recipients besides those
    named, working in third countries left open; not where the sentence denies them ("None of them engages further
    sub-processors outside the EU")."""
    return sentence.has("OTHER_RECIPIENTS") and not _denials(sentence, words)


def _titled(sentence: Sentence, cue: Cue) -> bool:
    """ "6.4 Other regions.": a clause's title, its number and the region's words alone, names what the clause is
    about, not where data goes."""
    return all(
        cue.start <= i < cue.end or CLAUSE_NUMBER.fullmatch(t.text) or not any(ch.isalnum() for ch in t.text)
        for i, t in enumerate(sentence.span)
    )


def _field_answered(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "Third country: yes, USA", „Drittland: JA, USA": the open words label a field whose answer names the country,
    after a "yes" at most; "Drittland: ja" alone still leaves it open."""
    tokens = sentence.span
    if cue.end >= len(tokens) or tokens[cue.end].text != ":":
        return False
    countries = {p.start for p in sentence.places if len(p.code) == 2}
    for i in range(cue.end + 1, min(cue.end + 1 + FIELD_REACH, len(tokens))):
        if i in countries:
            return True
        if tokens[i].lower_ not in words.answer_yes and any(ch.isalnum() for ch in tokens[i].text):
            return False
    return False


def _framework_scope(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "the EU-U.S. DPF (or the corresponding frameworks for Switzerland and the UK)", „Rahmenwerke für die Schweiz und
    das Vereinigte Königreich": a place in the list after a framework and its preposition names the framework."""
    tokens = sentence.span
    starts = {p.start for p in sentence.places}
    ends = {p.end: p.start for p in sentence.places}
    j = place.start - 1
    while j >= 1:
        word = tokens[j].lower_
        if word in words.framework_for:
            return tokens[j - 1].lower_ in words.framework_nouns
        if j + 1 in ends:
            j = ends[j + 1] - 1
        elif word in words.framework_list or j in starts:
            j -= 1
        else:
            return False
    return False


def _kept_in_eea(sentence: Sentence, cue: Cue, eea: Collection[str]) -> bool:
    """ "Location: Global (EU data stays in EU)", „weltweit (EU-Daten verbleiben in der EU)": the bracket after the open
    region keeps the data of the EEA where it is."""
    tokens = sentence.span
    if cue.end >= len(tokens) or tokens[cue.end].text != "(":
        return False
    close = next((j for j in range(cue.end + 1, len(tokens)) if tokens[j].text == ")"), len(tokens))
    return any(cue.end < c.start < close for c in sentence.of("LOCATION_ONLY")) and any(
        cue.end < p.start < close and (p.code == EEA_REGION or p.code in eea) for p in sentence.places
    )


def _served_from_eea(sentence: Sentence, place: Place, eea: Collection[str], words: Words) -> bool:
    """ "Example, Inc., 970 Harbour Road, Singapore (server locations EU)", „X Inc., Portland, USA (Server in
    Frankfurt)": a bracket right after a recipient's country that places its servers or the data in the EEA, and
    nowhere else, says where it works on the data; the city and country before it, closing the company's name or
    address after a comma, are only where the company sits. Not a place data is sent to ("hosted in the US (backups in
    Ireland)"), nor a bracket placing a part of the data ("Acme Inc., Seattle, USA (backups stored in Ireland)"): its
    first word is one a column of where data is handled is headed by (``table_headers`` data_location)."""
    tokens = sentence.span
    ends = {p.start: p.end for p in sentence.places}
    at = place.end
    while at < len(tokens) and (tokens[at].text == "," or at in ends):
        at = ends.get(at, at + 1)
    if at >= len(tokens) or tokens[at].text != "(" or place.start == 0 or tokens[place.start - 1].text != ",":
        return False
    close = next((j for j in range(at + 1, len(tokens)) if tokens[j].text == ")"), len(tokens))
    inside = [p for p in sentence.places if at < p.start < close]
    return (
        bool(inside)
        and at + 1 < close
        and bool(words.table_headers["data_location"].match(tokens[at + 1].text))
        and all(p.code == EEA_REGION or p.code in eea for p in inside)
        and any(at < c.start < close for c in sentence.of("TRANSFER", "LOCATION_ONLY"))
    )


def _conceded(sentence: Sentence, place: Place, eea: Collection[str], words: Words) -> bool:
    """ "Although some of our processors belong to groups headquartered in the United States, they store customer data
    only in the EU", „Obwohl unsere Firma in Chicago gegründet wurde, werden Kundendaten nur in Frankfurt gehostet": a
    place in a clause conceding a fact (opened by a word of ``concessive``, up to its comma) where nothing moves or
    works on data, while the rest of the sentence places data in the EEA: the concession is set aside, the data is
    where the rest says. A concession that moves data ("Although data is stored in the US, ...") is read as ever."""
    tokens = sentence.span
    opener = next((i for i in range(place.start - 1, -1, -1) if tokens[i].lower_ in words.concessive), None)
    if opener is None:
        return False
    end = next((j for j in range(opener + 1, len(tokens)) if tokens[j].text in (",", ";")), len(tokens))
    if place.start >= end or any(opener < c.start < end for c in sentence.of("TRANSFER", "DATA_WORK", "REMOTE_WORK")):
        return False
    return any(
        (p.start < opener or p.start >= end) and (p.code == EEA_REGION or p.code in eea) for p in sentence.places
    )


# The cues that make a part of a sentence speak of the data or of people at work on it; a part without them only
# says where something is (offices, a seat, members of a consortium).
PART_AT_WORK = (
    "TRANSFER",
    "DATA_WORK",
    "REMOTE_WORK",
    "DATA_NAMED",
    "A28_ASSIST",
    "SUBPROCESSOR",
    "RCPT_PROCESSOR",
    "ROLE:party_at_work",
    "ROLE:party_named_by_place",
)


def _set_against_eea(sentence: Sentence, place: Place, eea: Collection[str], words: Words, roleset: RoleSet) -> bool:
    """ "The consortium has members in Germany, Canada and Japan; the study data are held only by the centre in
    Leipzig", „Die Gesellschaft hat Niederlassungen in Wien und Zürich; die Kundendaten werden jedoch ausschließlich in
    Wien verarbeitet", "Our agency works for clients in the US, but audience data is processed only in Madrid": a part
    of the sentence (up to a semicolon, or a comma and a contrast) that places something with no word of data or of
    work on it, and another part that keeps the data only in the EEA and names no third country: the other part's
    transfer word does not reach across to the first part's places, which are where the offices or members are. As
    :func:`_conceded` does for a concession; a part saying who works on the data ("our support team in Manila answers
    tickets; data is stored only in Frankfurt", "our customer service agents are located in the Philippines; ...") is
    read as ever. A word that only says where something is („Standorte", "located") is no work on the data; the people
    it places may be (``people_at_work``)."""
    tokens = sentence.span
    cuts = [
        i
        for i, t in enumerate(tokens[:-1])
        if t.text == ";" or (t.text == "," and tokens[i + 1].lower_ in words.contrast)
    ]
    if not cuts:
        return False
    bounds = list(zip([0, *(c + 1 for c in cuts)], [*cuts, len(tokens)]))
    own = next((lo, hi) for lo, hi in bounds if lo <= place.start < hi)
    if any(own[0] <= c.start < own[1] and not roleset.says_seat(c) for c in sentence.of(*PART_AT_WORK)):
        return False
    if any(stem in t.lower_ for t in tokens[own[0] : own[1]] for stem in words.people_at_work):
        return False
    for lo, hi in bounds:
        if (lo, hi) == own:
            continue
        inside = [p for p in sentence.places if lo <= p.start < hi]
        if (
            inside
            and all(p.code == EEA_REGION or p.code in eea for p in inside)
            and any(lo <= c.start < hi for c in sentence.of("LOCATION_ONLY"))
            and any(lo <= c.start < hi for c in sentence.of("TRANSFER", "DATA_WORK"))
        ):
            return True
    return False


def _controllers_own(sentence: Sentence, words: Words) -> bool:
    """ "Where the Customer itself exports data to its offices in Turkey", „soweit der Verantwortliche selbst Daten in die
    Türkei exportiert": the customer moves the data, on its own account; a sentence in which the vendor speaks too ("we")
    may still say what the vendor does."""
    itself = sentence.of("CONTROLLER_ITSELF")
    return (
        bool(itself)
        and not any(t.lower_ in words.speaker for t in sentence.span)
        and any(c.start > itself[0].start for c in sentence.of("TRANSFER"))
    )


def _foreign_users_section(sentence: Sentence, eea: Collection[str], words: Words) -> bool:
    """The sentence stands in a section whose headings name the places of its users (``users_countries``), every
    country they name outside the EEA and none under an export regime like Chapter V's (``export_regimes``). A heading
    naming a country otherwise ("Privacy Policy for users of the app" over "Transfers to the United States", "Sharing
    with members of our group in India") heads no such section: its country is where the data goes."""
    return (
        bool(sentence.users_countries)
        and all(code not in eea and code.lower() not in words.export_regimes for code in sentence.section_countries)
        and not any(EUROPE_NAMED.search(h) for h in sentence.block.heading_path)
    )


def _names_own_controller(sentence: Sentence) -> bool:
    """The sentence says who the reader's controller is and where it sits (``OWN_CONTROLLER``), moving no data."""
    text = sentence.text
    return (
        OWN_CONTROLLER.search(text) is not None
        and (YOUR_CONTROLLER.search(text) is not None or SPEAKER_DEFINED.search(text) is not None)
        and not SENDS_DATA.search(WEB_ADDRESS.sub(" ", text))
        and not KEEPS_DATA.search(text)
    )


def _discontinued(sentence: Sentence, place: Place) -> bool:
    """ "Remote maintenance by a device maker in the United States was discontinued in 2020", „... in den USA wurde im
    Jahr 2020 eingestellt": the clause says the processing that ran there has ended."""
    _, hi = sentence.clause_bounds(place.start)
    return any(place.end <= c.start < hi for c in sentence.of("ENDED"))


def _not_now(sentence: Sentence, place: Place) -> bool:
    """ "Some backups were stored in the US; all of them have since been destroyed", "we stopped using our American
    tool", "a move of our backups to Switzerland is being evaluated": the sentence says that the processing at the
    place has ended or is only weighed, after naming it or in its own clause. A place named after that in another
    clause is where data goes now ("we no longer use X; our provider in Canada hosts the data")."""
    low, high = sentence.clause_bounds(place.start)
    return any(c.start >= place.end or low <= c.start < high for c in sentence.of("GONE", "NOT_YET"))


def _asked(sentence: Sentence, start: int, words: Words) -> bool:
    """ "information on whether your data is transferred to a third country": the place stands in a clause that
    asks whether data goes there."""
    lo, _ = sentence.clause_bounds(start)
    return any(t.lower_ in words.whether for t in sentence.span[lo:start])


def _accessed_from(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "Where staff must access the data from outside the EEA", "Support-Teams außerhalb der EU müssen
    möglicherweise auf die Daten zugreifen": people outside the region reach the data, whatever condition
    frames it; no country named elsewhere says from where. Not across a contrast ("not stored outside the EU,
    but accessed by staff in India"), and not a party working there („Soweit ein Dienstleister außerhalb des EWR tätig
    ist, …"): that says where it works, and the condition stays one."""
    tokens = sentence.span

    def reaches(i: int) -> bool:
        between = range(min(i, cue.start), max(i, cue.end))
        word = tokens[i].lower_
        return word in words.access - words.works_at and not any(_turns(tokens, j, words) for j in between)

    return any(reaches(i) for i in range(max(0, cue.start - ACCESS_REACH), min(len(tokens), cue.end + ACCESS_REACH)))


def _turns(tokens: Tokens, j: int, words: Words) -> bool:
    """Whether token ``j`` opens a clause that says something else: a contrast ("but"), or "and" with a
    subject of its own ("and its provider ...")."""
    word = tokens[j].lower_
    return word in words.contrast or (
        word in words.clause_join and j + 1 < len(tokens) and tokens[j + 1].lower_ in words.clause_subject
    )


def in_postal_address(sentence: Sentence, words: Words, start: int, end: int | None = None) -> bool:
    """ "Calle Ejemplo 45, 28001 Madrid, Spain", "1 Example Quay, Singapore 048583": a country closing an
    address says where a company is, not where data is (unless the sentence sends data there, which
    destinations check)."""
    before = sentence.span[max(0, start - 8) : start].text
    after = sentence.span[end : end + 4].text if end is not None else ""
    return bool(words.postal.search(before) or POSTCODE_AFTER.search(after))


def importer_addresses(sentence: Sentence, eea: set[str], words: Words) -> list[Mention]:
    """Countries in the address of a data importer: the SCCs place the transferred data there. A US address may
    name no country at all ("Suite 200, Los Angeles, CA 90067"): its state and ZIP code are the United States'."""
    # "Until 16 July 2020 our former US affiliate was certified ...": a past party is no importer today.
    if _ended(sentence, words):
        return []
    found = [
        Mention(
            "destination",
            p.code,
            sentence.evidence(f"'{p.text}' in the address of a data importer"),
            role=RECIPIENT_SEAT,
        )
        for p in sentence.places
        if p.code not in eea
        and p.code != UNSPECIFIED
        and in_postal_address(sentence, words, p.start, p.end)
        and not _former_party(sentence, p.start, words)
    ]
    return found


def _qualified_law(sentence: Sentence, i: int, words: Words) -> bool:
    """Token ``i``, after the words qualifying it, is the law's own word ("or other applicable law", „oder sonstigem
    Recht"; not „oder sonstigen datenschutzrechtlich unsicheren Drittstaaten"). Not a place for data ("the United States and other data centres" opens a phrase for where data
    rests), nor the data themselves ("India, and other relevant data may be stored ..."): "data" is a law's word only as
    "data protection"."""
    tokens = sentence.span
    if any(c.start == i for c in sentence.of("TRANSFER")):
        return False
    word = tokens[i].lower_.rstrip(".")
    if word == "data":
        return i + 1 < len(tokens) and tokens[i + 1].lower_ in ("protection", "privacy")
    # „nach UK- und europäischem Datenschutzrecht": a German noun (capitalised; not the adverb in „datenschutzrechtlich
    # unsicheren Drittstaaten") that opens with a law's word.
    return word in words.law or (tokens[i].text[:1].isupper() and word.startswith(words.law_prefixes))


def _names_a_law_or_tool(sentence: Sentence, end: int, words: Words) -> bool:
    """ "UK GDPR", "Swiss-U.S. DPF", "UK Addendum": the country names a law or tool, not a place; "Swiss francs" names
    a currency."""
    tokens = sentence.span
    following = [tokens[i].lower_ for i in range(end, min(len(tokens), end + 2))]
    if len(following) == 2 and following[0] in DASHES and following[1] in ("u.s.", "us"):
        return True
    # One German compound: "UK-Addendum", "US-Recht".
    tail = tokens[end - 1].lower_.rpartition("-")[2] if "-" in tokens[end - 1].lower_ else ""
    if tail and (tail in words.law or tail.startswith(words.law_prefixes)):
        return True
    starts = {p.start: p.end for p in sentence.places}
    i = end
    # "UK or CH Addendum": a country's code the gazetteer leaves unread stands in the list too.
    while i < len(tokens) and (tokens[i].lower_ in words.list or i in starts or _country_code(tokens[i].text)):
        i = starts.get(i, i + 1)
    # "UK, Swiss, or other applicable law": the words that qualify the law the list ends with; the law's own word
    # must follow them („USA oder sonstigen datenschutzrechtlich unsicheren Drittstaaten" names countries).
    qualified = i
    while i < len(tokens) and tokens[i].lower_ in words.law_modifiers:
        i += 1
    if i >= len(tokens):
        return False
    if i > qualified:
        # "transferred to the United States and European data protection law continues to apply": after a place data
        # goes to, "and European ..." opens a clause of its own ("under UK and European data protection laws" ends the
        # list of laws).
        if words.law_places & {t.lower_ for t in tokens[qualified:i]} and _sent_to(sentence, end, words):
            return False
        return _qualified_law(sentence, i, words)
    # "its Montreal data centre": a phrase for where data rests opens there, not a law's name ("UK data protection law").
    if any(c.start == i and c.end > i + 1 for c in sentence.of("TRANSFER")):
        return False
    word = tokens[i].lower_.rstrip(".")  # "the Swiss Annex." closing a sentence stays one token
    # „UK- und EU-Standardvertragsklauseln": the list's last word is a compound whose end is the tool.
    return (
        any(
            w in words.law | words.people | words.residence or w.startswith(words.law_prefixes)
            for w in {word, word.rpartition("-")[2]} - {""}
        )
        or _titled_law(tokens, i, words)
        or _currency(tokens, i, words)
    )


def _sent_to(sentence: Sentence, end: int, words: Words) -> bool:
    """The list of places ending at token ``end`` follows a word data goes to a place by ("to", "into", „in die",
    „nach"), an article between."""
    tokens = sentence.span
    ends = {p.end: p.start for p in sentence.places}
    i = ends.get(end, end - 1)
    # Back over the list ("the UK, Canada and"), to the word before it.
    while i > 0:
        if i in ends:
            i = ends[i]
        elif tokens[i - 1].lower_ in words.list or tokens[i - 1].lower_ in TOWARDS_ARTICLES:
            i -= 1
        else:
            break
    # Not „nach", which also says by which law („nach britischem und europäischem Recht").
    return i > 0 and tokens[i - 1].lower_ in words.destination - {"nach"}


def _currency(tokens: Tokens, i: int, words: Words) -> bool:
    """Token ``i`` after the places names their money ("in US or Canadian dollars", „in Schweizer Franken"); not the
    first part of a compound ("replicated to Japan and Brazil real-time", "pound-for-pound"), which says how."""
    after = tokens[i + 1].text if i + 1 < len(tokens) else ""
    return tokens[i].lower_.rstrip(".") in words.currency and after not in DASHES


def _country_code(text: str) -> bool:
    return len(text) == 2 and text.isalpha() and text.isupper()


def _titled_law(tokens: Tokens, i: int, words: Words) -> bool:
    """ "the UK Online Safety Act", "California's 'Shine the Light' law": a name in capitals or quotation marks
    after the place that a law's title word closes."""
    if i < len(tokens) and tokens[i].lower_ in words.possessive:
        i += 1
    quoted = False
    for t in tokens[i : i + TITLE_REACH]:
        if t.lower_.rstrip(".") in words.law_titles:
            return True
        if t.text in QUOTES:
            quoted = not quoted
        elif not (quoted or t.text[:1].isupper()):
            return False
    return False


def _street_name(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "Mary Street 40", "Lima Road": a place name right before a word for a street names the street."""
    tokens = sentence.span
    return place.end < len(tokens) and tokens[place.end].lower_.rstrip(".") in words.street


def _named_in_brackets(sentence: Sentence, place: Place) -> bool:
    """ "Asia-Pacific (Singapore)", „Nordamerika (Kanada)": a region whose brackets name the country it stands for
    there is that country, which the sentence names itself."""
    tokens = sentence.span
    return (
        place.end < len(tokens)
        and tokens[place.end].text == "("
        and any(
            p.start == place.end + 1 and len(p.code) == 2 and p.end < len(tokens) and tokens[p.end].text == ")"
            for p in sentence.places
        )
    )


def _name_word(token: Word, words: Words, *, domains: bool = False) -> bool:
    """A capitalised word that may stand in a company's name (not one of ``not_names``); with ``domains``, a brand
    written as its web domain too ("Shopfox.com")."""
    text = token.text
    alpha = text.isalpha() or (domains and DOMAIN_BRAND.fullmatch(text) is not None)
    return text[:1].isupper() and alpha and token.lower_ not in words.not_names


def _in_company_name(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "Amazon Web Services Costa Rica", "TikTok UK": a country closing a capitalised name is part of a company's
    name; so is one in brackets between a name and its legal form ("Example Cloud (Singapore) Private Limited")."""
    tokens, start = sentence.span, place.start
    if start == 0:
        return False

    def name_word(i: int) -> bool:
        # A brand written as its domain opens a name too ("Shopfox.com China Limited").
        return _name_word(tokens[i], words, domains=True)

    if tokens[start - 1].text == "(" and start >= 2 and name_word(start - 2):
        after = tokens[place.end : place.end + 2]
        return len(after) == 2 and after[0].text == ")" and after[1].lower_.rstrip(".") in words.legal_forms
    # A place written in lower case ("us-east-1", "eastus") is a cloud region's identifier, never the end of a name:
    # "stored in AWS us-east-1" is stored in the region.
    return _opens_company_name(sentence, place, words) or (
        tokens[start].text[:1].isupper() and name_word(start - 1) and all(p.end != start for p in sentence.places)
    )


def _open_word_in_name(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "Transcom Worldwide SAS", "Helpline Global Italy Ltd": a capitalised open word after a name word, closed by a
    legal form over more name words, is part of a company's name, not where data goes."""
    tokens = sentence.span
    if cue.end - cue.start != 1 or cue.start == 0 or not tokens[cue.start].text[:1].isupper():
        return False

    if not _name_word(tokens[cue.start - 1], words):
        return False
    for i in range(cue.end, min(len(tokens), cue.end + NAME_WORDS)):
        if tokens[i].lower_.rstrip(".") in words.legal_forms:
            return True
        if not _name_word(tokens[i], words):
            return False
    return False


def _opens_company_name(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "British Broadcasting Corporation", "American Example Company": the place opens a capitalised name that a
    legal form closes."""
    tokens = sentence.span
    # German writes "unsere indische Tochter Example Pvt Ltd": an adjective in lower case is no part of the name.
    if not tokens[place.start].text[:1].isupper():
        return False
    for i in range(place.end, min(len(tokens), place.end + NAME_WORDS)):
        if not _name_word(tokens[i], words):
            return False
        if i > place.end and tokens[i].lower_.rstrip(".") in words.legal_forms:
            return True
    return False


def _seat_is_nearest(sentence: Sentence, start: int) -> bool:
    seats = sentence.of("SEAT")
    if not seats:
        return False
    transfer_cues = sentence.of("TRANSFER", "THIRD_COUNTRY")

    def dist(cue_start: int, cue_end: int) -> int:
        return start - cue_end if cue_end <= start else cue_start - start

    seat = min(dist(c.start, c.end) for c in seats)
    transfer = min((dist(c.start, c.end) for c in transfer_cues), default=10**6)
    return seat < transfer


def _company_of(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "a subsidiary of Example Corp. of Boston, United States, processes ...": the place is the city and country of a
    company that owns the party at hand, whatever verb follows; a city before the country may stand between. The seat
    of a company that is itself the party ("Example Corp. of Boston hosts the service", "staff of Example Corp. of
    Boston access the data") is its place as any seat is."""
    tokens = sentence.span
    i = place.start - 1
    for _ in range(COMPANY_CITY):
        if i > 0 and (tokens[i].text == "," or tokens[i].text[:1].isupper()) and tokens[i].lower_ not in words.seat_of:
            i -= 1
    if not (i > 0 and tokens[i].lower_ in words.seat_of and tokens[i - 1].lower_.rstrip(".") in words.legal_forms):
        return False
    j = i - 2
    while j >= 0 and j > i - 2 - NAME_WORDS and (tokens[j].text[:1].isupper() or tokens[j].text == "&"):
        j -= 1
    # "a subsidiary of", „eine Tochtergesellschaft der": a group word before it; not "staff of", „Mitarbeitende der".
    return j >= 1 and tokens[j].lower_ in words.owned_by and tokens[j - 1].lower_.startswith(tuple(words.group_company))


# The article of one country left unnamed ("a third country", „in ein Drittland").
INDEFINITE = frozenset({"a", "an", "ein", "eine", "einem", "einen", "einer"})


def _seat_as_third_country(sentence: Sentence, eea: Collection[str], roles: SentenceRoles) -> tuple[Place, Cue] | None:
    """The one country outside the EEA a sentence gives as a company's seat, and the single third country after it
    that the sentence sends data to ("As Acme has its seat in the US, a transfer to a third country may take place");
    None where the sentence names no seat, another country ("from Switzerland to a country not recognised as
    adequate"), or third countries in the plural."""
    if not sentence.has("SEAT"):
        return None
    outside = [p for p in sentence.places if len(p.code) == 2 and p.code not in eea]
    if len({p.code for p in outside}) != 1 or any(roles.argument(p.start, p.end).role != COMPANY for p in outside):
        return None
    tokens = sentence.span
    # A semicolon ends the statement about the seat ("Our parent is based in Switzerland; any transfer to a third country
    # relies on SCCs" leaves the third countries open).
    semicolons = sentence.where_word(SEMICOLON)
    for cue in sentence.of("THIRD_COUNTRY"):
        before = tokens[cue.start - 1].lower_ if cue.start else ""
        if (
            (before in INDEFINITE or tokens[cue.start].lower_ in INDEFINITE)
            and outside[0].end <= cue.start
            and not any(outside[0].end <= k < cue.start for k in semicolons)
        ):
            return outside[0], cue
    return None


def _reason(argument: Argument, what: str) -> str:
    """Why a place is a destination: its argument role and the role cue that gave it."""
    if argument.cue is None:
        return f"{what}: no role cue reaches it; a destination by its transfer context"
    return f"{what}: {argument.role.replace('_', ' ')} of a {argument.by.replace('_', ' ')} statement ('{argument.cue.text}')"


def _places_data(
    sentence: Sentence,
    place: Place,
    argument: Argument,
    states_transfer: bool,
    words: Words,
    party: bool = False,
    sent_to_party: bool = False,
) -> bool:
    """The place, given its argument role, is where the sentence's data is (see the module docstring); ``party``: the
    argument places a party at work on the data there ("our team in Manila reviews the tickets"); ``sent_to_party``:
    the sentence sends the data to that party ("we share your order data with our group company in India")."""
    if argument.role == RECIPIENT_SEAT:
        # "we use the UK and EEA standard contractual clauses": the country names the tool, not a provider's seat;
        # "provided by X LLC, including outside of the EEA, Switzerland and the UK": the places left out are none.
        # „(und auch unsere Server) sind in den USA ansässig", „Partner, von denen einige in Katar ansässig sind": the word
        # after the place seats the servers or the recipients, no residents.
        return not (
            _opens_company_name(sentence, place, words)
            or (
                argument.by not in (STORAGE_SEATED, RECIPIENT_RELATIVE)
                and _names_a_law_or_tool(sentence, place.end, words)
            )
            or _left_out(sentence, place, words)
        )
    # A section for one country ("Additional information for Korea") sets out that country's
    # local rules for its residents; naming the country there is not sending data to it.
    # A company's name as the heading ("Acme Taiwan Co., Ltd") introduces that company, not a country's section.
    company = bool(sentence.block.heading_path) and _names_a_company(sentence.block.heading_path[-1], words)
    # But a transfer sent right to the country ("the transfer to the USA is based on ...") is one under any heading.
    # A party at work in a country's own section ("our local provider in Korea") is that section's local matter; one
    # the sentence sends the data to is a recipient there under any heading ("## Sharing within our group in India",
    # "We share your order data with our group company in India").
    directed = (
        argument.cue is not None
        and argument.role == "destination"
        and (sent_to_party if party else 0 <= place.start - argument.cue.end <= 3)
    )
    local_section = (
        place.code in sentence.section_countries and not sentence.in_transfer_section and not company and not directed
    )
    # An address places data only where the sentence sends data to its holder ("transferred to
    # X Inc., 1 Market St, ..., USA"), not where it is a place to write to.
    address = in_postal_address(sentence, words, place.start, place.end) and not SENDS_DATA.search(
        WEB_ADDRESS.sub(" ", sentence.text)  # ".../controller-to-controller-transfers.html" sends nothing
    )
    claimed_from = _claimed_from(argument, place)
    return not (
        not (states_transfer or party)
        or local_section
        or address
        or _in_company_name(sentence, place, words)
        or _company_of(sentence, place, words)
        or _street_name(sentence, place, words)
        or _is_source(sentence, place.start, words, claimed_from)
        or _benchmark(sentence, place, words)
        or _specific_to(sentence, place, words)
        or _leads_elsewhere(sentence, place, words)
        or _excluded(sentence, place, words)
        or (not argument.claimed and _seat_is_nearest(sentence, place.start))
        or _names_a_law_or_tool(sentence, place.end, words)
        or sentence.drafting_note(place.start) is not None
    )


def _left_out(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "outside of the European Economic Area (EEA), Switzerland, and the UK": the place stands in a list after a
    word that leaves the list out."""
    tokens = sentence.span
    inside = {i for p in sentence.places for i in range(p.start, p.end)}
    for i in range(place.start - 1, max(-1, place.start - 1 - LEFT_OUT_REACH), -1):
        word = tokens[i].lower_
        if word in words.outside:
            return True
        if not (i in inside or word in words.list or word in words.list_marks or tokens[i].text[:1].isupper()):
            return False
    return False


def _claimed_from(argument: Argument, place: Place) -> int:
    """Where the role cue claiming ``place`` ends, when it stands before it: the walk back to a source word stops
    there ("an order from a court of the US"); 0 otherwise."""
    return argument.cue.end if argument.cue is not None and argument.cue.end <= place.start else 0


def _benchmark(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "ein dem Vereinigten Königreich gleichwertiges Schutzniveau": a comparison right after the place makes it
    the benchmark a level of protection is measured by, not where data goes (the English order, "equivalent to
    the UK", is read by :func:`_is_source`)."""
    tokens = sentence.span
    return any(tokens[i].lower_ in words.comparison_after for i in range(place.end, min(len(tokens), place.end + 2)))


# Tokens after "specific" in which the thing made specific is named ("Singapore-specific cloud region").
SPECIFIC_REACH = 3


def _specific_to(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "California-specific privacy disclosures", „Japan-spezifische Hinweise": the place, hyphened to a word saying
    what something is for, names whom a text or rule is for, not where data goes."""
    tokens = sentence.span
    if not (
        place.end + 1 < len(tokens)
        and tokens[place.end].text in HYPHENS
        and tokens[place.end + 1].lower_ in words.specific_after
    ):
        return False
    # "Japan-specific servers", „in einer Indien-spezifischen Cloud-Region": what is made specific holds the data there.
    after = " ".join(t.text for t in tokens[place.end + 2 : place.end + 2 + SPECIFIC_REACH])
    return not words.specific_hosts.search(after)


def _names_a_company(heading: str, words: Words) -> bool:
    """The heading is a company's name: it ends with a legal form ("Acme Taiwan Co., Ltd", "Beispiel GmbH")."""
    last = heading.replace(",", " ").split()[-1:] or [""]
    return last[0].lower().rstrip(".") in words.legal_forms


def _excluded(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "non-UK", "Nicht-EU": the place is the one the data leaves, not where it goes."""
    tokens = sentence.span
    return place.start >= 2 and tokens[place.start - 1].text == "-" and tokens[place.start - 2].lower_ in words.non


def _leads_elsewhere(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "UK to non-UK transfers", "the Switzerland to Japan route", "the UK to countries that ...": a place
    followed by "to" and another place is where the data starts."""
    tokens = sentence.span
    if place.end >= len(tokens) or tokens[place.end].lower_ not in words.leads_to:
        return False
    ahead = range(place.end + 1, min(place.end + 4, len(tokens)))
    starts = {p.start for p in sentence.places} | {c.start for c in sentence.of("OPEN_DESTINATION", "THIRD_COUNTRY")}
    return any(i in starts or tokens[i].lower_ in words.non | words.leads_to_countries for i in ahead)


def locates_data(sentence: Sentence, words: Words, roleset: RoleSet) -> bool:
    """ "Our servers are located in Ireland": the sentence says where data is, inside the EEA or not.
    Only a place that a transfer, storage or access cue claims counts, read as destinations are:
    "the EU legislator", "EU regulations" or "in France, the authority is the CNIL" say nothing
    about where data goes."""
    # Three in four sentences asked about name no place (a transfer verb alone): their roles are not worked out.
    if not sentence.places:
        return False
    roles = assign(sentence, roleset)
    for place in sentence.places:
        if _seat_in_brackets(sentence, place, words):
            continue
        argument = roles.argument(place.start, place.end)
        if argument.claimed and roles.makes_transfer(argument) and _places_data(sentence, place, argument, True, words):
            return True
    return False


def _seat_in_brackets(sentence: Sentence, place: Place, words: Words) -> bool:
    """ "sent to the interface of Example AI Ltd. (Dublin, Ireland)", „an die Beispiel GmbH (Berlin) übermittelt": the
    brackets after a company's legal form give where the company sits, as its letterhead does; they do not say where
    the data is kept, nor whether it leaves the EEA (a third country there is a destination all the same)."""
    tokens = sentence.span
    i = place.start - 1
    while i > 0 and tokens[i].text != "(" and (tokens[i].text == "," or tokens[i].text[:1].isupper()):
        i -= 1
    if i < 1 or tokens[i].text != "(" or place.start - i > SEAT_IN_BRACKETS:
        return False
    return tokens[i - 1].lower_.rstrip(".") in words.legal_forms and (
        place.end < len(tokens) and tokens[place.end].text == ")"
    )


def _tool_explained(sentence: Sentence, words: Words) -> bool:
    """The sentence opens by naming a tool and says what it is right after the name (TOOL_EXPLAINED), and no word of
    the vendor's stands in it, nor a company's name (a legal form): "SCCs are model clauses that govern the transfer
    to Acme Inc. in India" says where that company gets the data."""
    tools = sentence.of_prefixed("MECH:")
    tokens = sentence.span
    if not tools or any(t.lower_ in words.vendor_words for t in tokens):
        return False
    # A capitalised legal form after a capitalised word ("Acme Inc."), not the common word ("within a group").
    if any(
        tokens[i].text[:1].isupper()
        and tokens[i - 1].text[:1].isupper()
        and tokens[i].lower_.rstrip(".") in words.legal_forms
        for i in range(1, len(tokens))
    ):
        return False
    first = min(tools, key=lambda c: c.start)
    return first.start <= TOOL_OPENS and any(0 <= c.start - first.end <= 1 for c in sentence.of("TOOL_EXPLAINED"))


# Tokens before a tool's name at a sentence's start ("The EU-U.S. Data Privacy Framework is ...").
TOOL_OPENS = 2


def _gets_only_anonymous(sentence: Sentence, place: Place, anonymous: Sequence[Cue]) -> bool:
    """The place's clause says only anonymous figures go there: an ONLY_ANONYMOUS cue reaches into it, or ends at the
    comma that opens it ("only aggregated, anonymised statistics go to ...")."""
    if not anonymous:
        return False
    lo, hi = sentence.clause_bounds(place.start)
    return any(c.start < hi and c.end >= lo - 1 for c in anonymous)


def destination_mentions(
    sentence: Sentence,
    transfer_sentence: bool,
    eea: set[str],
    words: Words,
    roleset: RoleSet,
    answers_question: bool = False,
) -> list[Mention]:
    """Named and open destinations in one sentence (EEA countries are skipped): the places whose
    argument role (see :mod:`dpcheck.extract.roles`) makes a transfer. ``answers_question``: the sentence answers a
    question on where data goes or who reaches it, whose verb it leaves out ("Who can see my data? Staff in Canada.")."""
    # Found only where the sentence is about transfers, its roles state one, or it uses a seated company (below).
    row_seats = _row_seats(sentence, eea, words) | _entry_seats(sentence, eea, words)
    if not (transfer_sentence or sentence.has("RCPT_USE") or row_seats or may_state_transfer(sentence, roleset)):
        return []
    # "X Inc. (USA): source code only, no user data": where no personal data goes is no destination.
    if (
        (
            sentence.is_definition
            and not _provider_entry(sentence, words)
            and not _transfer_after_definition(sentence, words)
        )
        or sentence.has("NO_PERSONAL_DATA")
        or _controllers_own(sentence, words)
        or _names_own_controller(sentence)
    ):
        return []
    if sentence.has("TABLE_LEGEND") and sentence.block.table is None:
        return []
    # "An English translation prepared by our partner firm in London is for information only": the document's own text
    # and where it was made; a sentence that also names data speaks of more than the text.
    if sentence.has("LANGUAGE_VERSION") and not sentence.has("DATA_NAMED") and _language_version_only(sentence, words):
        return []
    # "Standard contractual clauses are model terms adopted to safeguard transfers to third countries", „Das EU-US Data
    # Privacy Framework ist ein Selbstzertifizierungsverfahren für US-Unternehmen": what a tool is, where nobody speaks
    # for the vendor, moves no data.
    if _tool_explained(sentence, words):
        return []
    # Under "Former sub-processors" / „Ausgeschiedene Unterauftragsverarbeiter" a place is where data went.
    if sentence.block.heading_path and gone_section(sentence.block.heading_path[-1], words):
        return []
    if _ended(sentence, words):
        return []
    # "Only when you click such a link does your browser connect to the network's servers in the US": the user
    # visits a third party, which the sentence places; the vendor, not speaking in it, sends nothing there.
    if sentence.has("USER_FOLLOWS_LINK") and not any(t.lower_ in words.speaker for t in sentence.span):
        return []
    # "The e-service provider with which you use your BankID may operate outside the EU/EEA": a party the user deals with
    # itself, only placed, with the vendor sending nothing (policies40 NOTES: independent controllers the user chooses).
    if (
        sentence.has("USER_COUNTERPART")
        and not any(t.lower_ in words.speaker for t in sentence.span)
        and all(roleset.locates_only(c) for c in sentence.of("TRANSFER"))
    ):
        return []
    # "We do not store data in the US, but our partner in India accesses it": what stands before the turn is
    # denied, only what follows it places data.
    at = turn(sentence, words, eea)
    negated = at is None and _denies(sentence, words, eea)
    roles = assign(sentence, roleset, negated)
    denied_to = at if at is not None and any(n.end <= at for n in _denials(sentence, words)) else 0
    # A denial limited beside a place elsewhere denies only the places of its own clause.
    limited = [
        sentence.clause_bounds(n.start)
        for n in _denials(sentence, words)
        if _limited_part(sentence, n.start, words, eea) is not None
    ]
    # A company's seat in the bracket after it, in a list a sharing lead-in opens or a sentence saying the vendor
    # uses it ("I use Brightlog (Brightlog Software, Inc., USA)"): the company receives the data where it sits.
    seated = (
        {p.start for p in sentence.places if _bracketed_seat(sentence, p, words)}
        if sentence.has("RECIPIENT_LEAD_IN", "RCPT_USE")
        else set()
    )
    uses_seated = (sentence.has("RCPT_USE") and bool(seated)) or bool(row_seats)
    seated |= row_seats
    if not (transfer_sentence or roles.states_transfer or uses_seated):
        return []
    # A sentence only a party at work makes about the data ("our team in Manila reviews the tickets") places that party
    # alone: its other places are read as they would be without it.
    parties_only = not (transfer_sentence or roles.states_transfer_beyond_parties or uses_seated)
    # "Example Asia Ltd. and its parent, Example, Inc., which is located in the US, together with our other companies
    # worldwide, honour local privacy law": the sentence's only transfer word seats a company; it moves no data.
    if roles.seats_only and not (sentence.in_transfer_section or sentence.has("THIRD_COUNTRY") or uses_seated):
        return []
    # "Any relocation to a third country requires the Customer's prior consent" restricts transfers, as the
    # Art. 28(3)(a) boilerplate does ("only on instructions, including with regard to transfers to a third
    # country"); the countries such a sentence names still count ("acting on instructions, our partner in
    # Serbia accesses the data"), its open "third country" does not.
    # Notice or consent owed "without" which nothing moves restricts only after a negation ("shall not ... without");
    # alone it grants leave ("may transfer ... without prior consent").
    negations = sentence.of("NEGATION")
    unless = [w for w in sentence.of("WITHOUT_FIRST") if any(n.end <= w.start for n in negations)]
    leave = [w for w in sentence.of("WITHOUT_FIRST") if w not in unless]
    restricted = (
        bool(INSTRUCTIONS.search(sentence.text))
        or (
            any(not any(w.start <= c.start and c.end <= w.end for w in leave) for c in sentence.of("CONSENT_REQUIRED"))
            and sentence.has("CONTROLLER_SIDE")
        )
        or sentence.has("TRANSFER_CONDITIONS")
        or bool(unless)
    )
    if negated:
        # "We do not transfer data outside the EEA": what the document says elsewhere of transfers
        # outside the EEA only under a condition is about a transfer it has ruled out.
        if sentence.has("THIRD_COUNTRY", "OPEN_DESTINATION"):
            return [Mention(DENIED, UNSPECIFIED, sentence.evidence("transfers outside the EEA denied"))]
        return []
    mech_tokens = {i for c in sentence.of_prefixed("MECH:") for i in range(c.start, c.end)}
    # A country right beside a tool's name qualifies the tool: "Standard Contractual Clauses (UK)",
    # "UK Addendum", "Swiss SCCs". It names the law the clauses follow, not where data goes; a word
    # between them ("hosted in the US under the SCCs") makes the country a place again.
    tokens = sentence.span
    beside_tool = set(mech_tokens)
    for i in mech_tokens:
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(tokens) and abs(j - i) <= 2 and j not in mech_tokens:
                # "… in die USA (Art. 49 Abs. 1 lit. a DSGVO)": a bracket opening on the tool cites the basis of what
                # stands before it, which it does not qualify.
                if step < 0 and tokens[j].text == "(":
                    break
                # "to Canada, recognised by the Commission as adequate": a tool after a comma says something of the
                # place before it, which it does not qualify.
                if step < 0 and tokens[j].text == ",":
                    break
                # "Colombo, Sri Lanka | SCC": the tool stands in a cell of its own.
                if tokens[j].text in CELL_MARKS:
                    break
                beside_tool.add(j)
                # "the UK's International Data Transfer Agreement": the possessive joins the country to the tool.
                if any(ch.isalnum() for ch in tokens[j].text) and tokens[j].lower_ not in POSSESSIVE:
                    break
                j += step
    # A row of a sub-processor list says where that sub-processor is, whatever the table's layout (GUIDELINES.md);
    # so does an item of a list whose lead-in shares data with the recipients it names ("We share your data with
    # the following recipients:" / "- Acme Pvt Ltd (India), for payments").
    listed = (sentence.block.kind == "table_row" and sentence.in_subprocessor_section) or sentence.has(
        "RECIPIENT_LEAD_IN"
    )
    states_transfer = (
        roles.states_transfer_beyond_parties
        or sentence.has("THIRD_COUNTRY")
        or bool(mech_tokens)
        or listed
        or answers_question
    )
    found: list[Mention] = []
    named: list[int] = []
    disowned = _disowned(sentence)
    # "The Commission has decided that Canada provides adequate protection for data handled by ...": a country inside
    # a tool's wording is the one the tool is about; where the sentence moves data, its roles say whether it goes there.
    decided_on = (
        {i for c in sentence.of_prefixed("MECH:") for i in range(c.start + 1, c.end - 1)}
        if sentence.has("TRANSFER")
        else set()
    )
    anonymous = sentence.of("ONLY_ANONYMOUS")
    # "Should Provider in future engage a sub-processor in India, it will inform Customer": a place the text only
    # contemplates using, in the part of the sentence the intention opens, is no destination, as an open region there
    # is none (open_destinations); "...; its current sub-processor is in the US" after it still is.
    contemplated = [(c.end, sentence.part_bounds(c.end)[1]) for c in sentence.of("INTENTION")]
    foreign_users = _foreign_users_section(sentence, eea, words)
    for place in sentence.places:
        inside_tool = place.start in decided_on and place.end - 1 in decided_on
        if (
            place.code in eea
            or (not inside_tool and (place.start in beside_tool or place.end - 1 in beside_tool))
            or place.start < denied_to
            or any(lo <= place.start < hi for lo, hi in limited)
            or _gets_only_anonymous(sentence, place, anonymous)
        ):
            continue
        if (
            _asked(sentence, place.start, words)
            or _former_party(sentence, place.start, words)
            or roles.names_a_term(place.start, place.end)
            or _discontinued(sentence, place)
            or _not_now(sentence, place)
            or _framework_scope(sentence, place, words)
            or any(t.lower_ in words.hypothetical for t in sentence.span[: place.start])
            or any(lo <= place.start < hi for lo, hi in contemplated)
        ):
            continue
        # "where the Commission has recognised a third country as adequate (e.g., Switzerland, Japan)", "The Commission
        # has recognised Japan as providing an adequate level", „Für Argentinien besteht ein Angemessenheitsbeschluss":
        # countries named with an adequacy decision, in a sentence that moves no data and has no one work on it, are what
        # the decision is about; not a listed recipient's seat ("X Ltd | Support | United Kingdom | Adequacy decision").
        # In a section on transfers a country named before the decision is the one the transfer rests on it for („Für
        # Japan hat die Kommission einen Angemessenheitsbeschluss erlassen. Übermittlungen ... stützen wir darauf").
        # Sub-processors placed there work on the data ("may engage sub-processors in the UK, relying on the UK adequacy
        # decision"): the decision is what their place rests on.
        if (
            not sentence.has("TRANSFER", "DATA_WORK", "REMOTE_WORK")
            and SUBPROCESSORS_AT not in roles.roles
            and sentence.has("MECH:adequacy", "MECH:adequacy_decision")
            and place.start not in seated
            and (
                not sentence.in_transfer_section
                or any(c.end <= place.start for c in sentence.of("MECH:adequacy", "MECH:adequacy_decision"))
            )
        ):
            continue
        argument = roles.argument(place.start, place.end, open_region=place.code == UNSPECIFIED)
        if parties_only and not roles.placed_by_party(argument):
            continue
        if not argument.claimed or not roles.makes_transfer(argument):
            # "… im jeweiligen Bestimmungsland (zum Beispiel im Vereinigten Königreich …)", "outside of the jurisdiction
            # in which it was collected (e.g. in the United States)": an example of an open region is a place of the
            # data as the region is, whatever a cue inside the region says of it.
            argument = _example_of_open(sentence, place, roles, words) or argument
        if (
            _disowned_place(place, argument, disowned)
            or _time_after(sentence, place, argument, words)
            or _contrasted_away(sentence, place, words)
            or _none_there(sentence, place, words)
            or _served_from_eea(sentence, place, eea, words)
            or _conceded(sentence, place, eea, words)
            or _set_against_eea(sentence, place, eea, words, roleset)
            or (foreign_users and place.code != UNSPECIFIED)
        ):
            continue
        listed_seat = len(place.code) == 2 and place.start in seated
        if not listed_seat and not roles.makes_transfer(argument):
            continue
        if place.code == UNSPECIFIED:
            # "If you access the service from Asia or any other region": where the user is, not where data goes.
            # "Example Research Asia Ltd." names a company, not a region data goes to.
            if (
                restricted
                or _is_source(sentence, place.start, words, _claimed_from(argument, place))
                or _in_company_name(sentence, place, words)
                or _named_in_brackets(sentence, place)
            ):
                continue
            found.append(
                Mention(
                    "destination",
                    UNSPECIFIED,
                    sentence.evidence(_reason(argument, f"open region '{place.text}'")),
                    role=argument.role,
                )
            )
            continue
        party = roles.placed_by_party(argument)
        sent_to_party = roles.sends_to_party(argument)
        if not listed_seat and not _places_data(
            sentence, place, argument, states_transfer, words, party, sent_to_party
        ):
            continue
        named.append(place.start)
        reason = f"'{place.text}': seat of a listed recipient" if listed_seat else _reason(argument, f"'{place.text}'")
        found.append(
            Mention(
                "destination",
                place.code,
                sentence.evidence(reason),
                role=RECIPIENT_SEAT if listed_seat else argument.role,
            )
        )
    # "Da Acme seinen Sitz in den USA hat, kann eine Übermittlung in ein Drittland stattfinden", "As Acme has its seat in
    # the US, a transfer to a third country may take place": the third country is the seat the sentence gives.
    seat = _seat_as_third_country(sentence, eea, roles)
    if seat is not None and (restricted or not roles.makes_transfer(roles.argument(seat[1].start, seat[1].end, True))):
        seat = None
    if seat is not None and seat[0].start not in named:
        place, cue = seat
        named.append(place.start)
        reason = f"'{place.text}': seat of the recipient, the third country '{cue.text}' that data may go to"
        found.append(Mention("destination", place.code, sentence.evidence(reason), role=RECIPIENT_SEAT))
    # "third countries" / "outside the EEA" is specified by the countries a document names
    # (weak); "worldwide" or "any other country" leaves the set open whatever else is named.
    # Countries described only by their laws ("laws as comprehensive as those in your country") are third
    # countries left unnamed, generic wording too; the phrase itself says that data goes there, so no
    # law, origin or seat cue nearby makes it anything else.
    differ = {(c.start, c.end) for c in sentence.of(LAWS_DIFFER)}
    third = sentence.of("THIRD_COUNTRY")
    generic = {(c.start, c.end) for c in third} | differ
    # "other countries which have not been subject to an adequacy decision": open words that a third-country phrase
    # goes on to qualify name third countries, generic wording too.
    generic |= {
        (c.start, c.end)
        for c in sentence.of("OPEN_DESTINATION")
        if any(
            t.start < c.end and c.start < t.end and (t.end > c.end or (t.start < c.start and t.end >= c.end))
            for t in third
        )
    }
    # The plainest wording first: an open region before generic third-country wording, and laws that differ last
    # ("moved to computers outside your country, where the laws may differ from those of your country").
    open_cues = sorted(
        sentence.of("OPEN_DESTINATION", LAWS_DIFFER),
        key=lambda c: ((c.start, c.end) in generic, (c.start, c.end) in differ),
    )
    # "USA (Drittland; SCCs)", "India, a third country": generic wording right after a country describes it; so does
    # "outside the EU" after Iceland, Norway or Liechtenstein, which are outside the EU and inside the EEA.
    apposed = {
        (c.start, c.end)
        for c in sentence.of("THIRD_COUNTRY")
        if any(len(p.code) == 2 and apposition(tokens[p.end : c.start].text) for p in sentence.places)
    }
    if seat is not None:
        apposed.add((seat[1].start, seat[1].end))
    # "will inform Customer in advance if it intends to process data outside the EEA in future": a promise of notice
    # for a transfer the text only intends discloses none.
    intended = [c.end for c in sentence.of("INTENTION")]
    open_cues = [
        c
        for c in open_cues
        if c.start >= denied_to
        and not any(lo <= c.start < hi for lo, hi in limited)
        and not any(end <= c.start for end in intended)
        and (c.start, c.end) not in apposed
        and not _asked(sentence, c.start, words)
        # "any location-based notes": the region's word opens a compound, no region.
        and not (c.end < len(tokens) and tokens[c.end].text in HYPHENS)
        # '... to countries which do not offer an adequate level ("Other Countries")': the name a definition gives
        # the third countries just described.
        and not _defined_name(sentence, c)
        # "A respondent may fill in a form from anywhere in the world": where someone is, not where data goes.
        and not _person_from(sentence, c, words)
        and not _users_wherever(sentence, c, words)
        and not _nationals(sentence, c, words)
        and not _public_body_abroad(sentence, c, words)
        and not _in_tool_title(sentence, c, words)
        and not _titled(sentence, c)
        and not _field_answered(sentence, c, words)
        and not _kept_in_eea(sentence, c, eea)
        and not _refers_back(sentence, c)
        and not _time_of_day(sentence, c, words)
        and not _notice_contents(sentence, c, words)
        and not _open_word_in_name(sentence, c, words)
        # "no other regions are used", "obligations no less protective than": a determiner's negation right before the
        # open words names none, or a comparison that holds ("not outside the selected region, except ..." is a denial,
        # which its exceptions may leave open).
        and not any(n.end == c.start and n.text.lower() in words.determiner_negation for n in sentence.of("NEGATION"))
        # "processed at EU edge locations where possible": a hedge, not the places where data goes.
        and not (
            c.end < len(tokens) and tokens[c.end - 1].lower_ in words.where and tokens[c.end].lower_ in words.hedged
        )
        and ((c.start, c.end) in differ or roles.makes_transfer(roles.argument(c.start, c.end, True)))
    ]
    argument = roles.argument(open_cues[0].start, open_cues[0].end, True) if open_cues else Argument("unclaimed")
    if not roles.makes_transfer(argument):
        argument = Argument("unclaimed")
    if (
        open_cues
        and not restricted
        and (
            argument.claimed
            or (open_cues[0].start, open_cues[0].end) in differ
            or not _seat_is_nearest(sentence, open_cues[0].start)
        )
    ):
        cue = open_cues[0]
        # ... unless the text grants the vendor leave to send data there ("may process ... outside the EEA"),
        # or gives the countries it names as examples of the open set ("outside the EEA, including the US").
        examples = any(cue.end <= c.start and any(c.end <= start for start in named) for c in sentence.of("OPEN_SET"))
        # A question ("Are my data processed outside the EU?") asks; like a condition it discloses
        # nothing beside the countries the document names.
        # "outside the EEA in two cases only, and to two countries only: the UK and the US": the countries a colon or
        # "only" gives after generic wording, with no open-set word, are all of them ("outside the EU and in the US"
        # names one more).
        after = [s for s in named if s > cue.start]
        is_generic = (cue.start, cue.end) in generic
        closed = (
            is_generic
            and bool(after)
            and not sentence.has("OPEN_SET")
            and any(t.text == ":" or t.lower_ in words.closing for t in tokens[cue.end : min(after)])
        )
        weak = (
            sentence.text.rstrip().endswith("?")
            or closed
            or sentence.has("EXHAUSTIVE")
            # "… outside the EEA in two cases:" / "except as set out in clause 5 and Annex 3": the cases follow; so do
            # the providers of "The following service providers operate outside the EEA." and their countries.
            or (
                is_generic
                and (
                    sentence.text.rstrip().endswith(":") or sentence.has("SET_OUT_IN") or announces_providers(sentence)
                )
            )
            # "Reports are pseudonymised before they leave the EEA": when data leaves, not where it goes.
            or any(t.lower_ in words.moment for t in tokens[max(0, cue.start - MOMENT_REACH) : cue.start])
            or (
                is_generic
                and not examples
                and not _other_recipients(sentence, words)
                and not _accessed_from(sentence, cue, words)
                and ((cue.start, cue.end) in differ or not _permits(sentence, cue, words))
            )
        )
        if not (weak and named):
            providers = any(p.start <= cue.start and cue.end <= p.end for p in sentence.of("PROVIDER_LOCATIONS"))
            found.append(
                Mention(
                    "destination",
                    UNSPECIFIED,
                    sentence.evidence(_reason(argument, f"open-ended destination '{cue.text}'")),
                    detail=CONDITIONAL if weak else PROVIDERS if providers else "assertive",
                    role=argument.role,
                )
            )
    # "in the locations listed in Annex 2, which include the United States": the list named before says which they are.
    list_ends = [c.end for c in sentence.of("LIST")]
    if named and not any(m.value == UNSPECIFIED for m in found):
        for cue in sentence.of("OPEN_SET"):
            if any(end <= cue.start for end in list_ends):
                continue
            # "the data, including personal data, to the US": what "including" opens ends at a comma ("z. B. nach
            # Thailand" opens the places); "including backups in us-east-1" opens the data, not the places.
            if any(
                0 <= start - cue.end <= 4
                and not any(
                    t.text == "," or (t.text.isalpha() and t.lower_ not in words.destination | words.example_list)
                    for t in tokens[cue.end : start]
                )
                for start in named
            ):
                # "Für Datenübermittlungen in Drittländer (insbesondere USA) gelten:" among the terms on sub-processors:
                # the examples of the countries the list of them gives, open only where it leaves any unplaced.
                found.append(
                    Mention(
                        "destination",
                        UNSPECIFIED,
                        sentence.evidence(f"open enumeration '{cue.text}'"),
                        detail=PROVIDERS if sentence.in_subprocessor_section else "assertive",
                        role="destination",
                    )
                )
                break
    # "Zum Zeitpunkt des Vertragsschlusses sind insbesondere folgende Unterauftragsverarbeiter eingesetzt:": a list of
    # sub-processors given as examples leaves the others' places open, where the document places any outside the EEA.
    opening = [
        c
        for c in sentence.of("OPEN_LIST")
        if any(0 <= p.start - c.end <= OPEN_LIST_REACH for p in sentence.of("SUBPROCESSOR", "RCPT_PROCESSOR"))
    ]
    if opening:
        found.append(
            Mention(
                "destination",
                UNSPECIFIED,
                sentence.evidence(f"sub-processors listed as examples ('{opening[0].text}')"),
                detail=OPEN_LIST,
                role="destination",
            )
        )
    return found


# Tokens at the start of a sentence an open-set cue may stand in to give the sentence as examples
# ("This concerns in particular ...", "Dies betrifft insbesondere ...", "For example, ...").
EXAMPLES_LEAD = 4


def examples_of_previous(
    previous: list[Mention], sentence: Sentence, found: list[Mention], eea: set[str], roleset: RoleSet
) -> list[Mention]:
    """ "We transfer data to third countries only if ... . This concerns in particular X Inc., seated in
    the US": a sentence that opens by giving examples of the transfer before it names its recipients,
    so their seats are destinations, and the countries it names leave that sentence's region open.
    ``previous``: the destinations of the sentence before; ``found``: this sentence's own."""
    if not any(m.kind == "destination" for m in previous) or not any(
        c.start < EXAMPLES_LEAD for c in sentence.of("OPEN_SET")
    ):
        return []
    roles = assign(sentence, roleset)
    known = {m.value for m in found}
    seats = []
    for place in sentence.places:
        argument = roles.argument(place.start, place.end)
        if place.code in eea or place.code == UNSPECIFIED or place.code in known or argument.by != "recipient":
            continue
        known.add(place.code)
        seats.append(
            Mention(
                "destination",
                place.code,
                sentence.evidence(f"'{place.text}': seat of a recipient given as an example of the transfer before"),
                role=RECIPIENT_SEAT,
            )
        )
    region = next((m for m in previous if m.value == UNSPECIFIED and m.detail == CONDITIONAL), None)
    if region is None or not (seats or any(m.value != UNSPECIFIED for m in found)):
        return seats
    reason = f"{region.evidence.reason}; the next sentence names its countries as examples only"
    return [*seats, replace(region, detail="assertive", evidence=replace(region.evidence, reason=reason))]


def customers_own_flows(mentions: list[Mention], sentences: Sentences, words: Words) -> list[Mention]:
    """Destinations read in a paragraph on flows the customer makes itself, to recipients that are not the vendor's
    sub-processors ("the provider acts under its own agreement with Customer; it is not a Sub-processor"): the
    customer's transfers, not the vendor's (GUIDELINES.md counts those of the vendor and its processors). Not where
    the vendor speaks of its own ("We host Customer data with X in the US, and Chatly is not a sub-processor")."""
    spans = sentences.spans_carrying(CUSTOMER_FLOW)
    if not spans:
        return mentions

    def customers(m: Mention) -> bool:
        return (
            m.kind == "destination"
            and any(start <= m.evidence.start < end for start, end in spans)
            and not any(w in words.speaker for w in re.findall(r"\w+", m.evidence.quote.lower()))
        )

    return [m for m in mentions if not customers(m)]
