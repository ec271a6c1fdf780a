"""Who the vendor is, and which agreement the document amends.

The vendor is the party the document introduces as the processor or provider, in this order of
trust:

1. a name followed by its defined roles (``Acme Ltd ("Processor")``, ``Acme GmbH (nachfolgend
   „Auftragnehmer“)``, ``Acme Inc. ("Acme", "we", "us")``) — when the name before the parenthesis
   is no company name (an address), the alias it defines is taken;
2. a name acting as processor or controller, or the one "we" refers to ("Acme Ltd is acting as
   your Processor", "we and us refers to Acme Pty Ltd");
3. the controller or operator a privacy policy names ("Verantwortlicher ist die Acme GmbH", or
   the company that opens the paragraph under a heading "Verantwortlich");
4. failing all these, the company name with a legal form that the document names most often
   (at least twice), among those named in its opening.

A name introduced as the customer is never taken, and nothing is guessed when the document names
no company at all.

An amendment is the document saying of itself that it belongs to another agreement: "This Data
Transfer Addendum is incorporated by reference into the Data Processing Terms", "Diese Anlage ist
Bestandteil des Auftragsverarbeitungsvertrags". Only the document's opening is read for it: an
annex deep inside a DPA ("This Appendix forms part of the Clauses") speaks of itself, not of the
document. When the agreement amended is itself a data processing agreement (its name says so),
the document supplements that DPA: Art. 28 terms it does not contain are left to it.

The words are data: ``rules/lexicon/parties.yml``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from dpcheck.extract.doctype import TITLE_PATTERNS
from dpcheck.extract.sentences import Sentence
from dpcheck.ingest.document import Block, Document
from dpcheck.models import AMENDS, VENDOR, Evidence, Mention
from dpcheck.prefilter import Prefiltered, prefilter

# ``detail`` of a vendor named only by how often the document names it (trusted least).
FREQUENT = "frequent"
# Only the opening of a document says what the document itself is.
OPENING_CHARS = 4000
# A company name with its address has at most this many words (the address is then cut off).
MAX_NAME_WORDS = 10
# Lower-case words that may stand inside a company name ("Bank of America", "Müller und Söhne").
_CONNECTORS = ("d/b/a", "de", "of", "and", "und", "la", "du", "van", "von", "&")
_NAME_WORD = r"(?:[A-Z0-9ÄÖÜ][\w&.'’\-/!]*|\([a-zäöüß]+\)|&|d/b/a|de|of|and|und|la|du|van|von)"
_NAME = rf"(?:{_NAME_WORD}[ ,]+){{0,{MAX_NAME_WORDS - 1}}}{_NAME_WORD}"
_QUOTE_OPEN = "\"“„«'‘"
_QUOTE_CLOSE = "\"”“»'’"
_DPA_TITLE = next(pattern for doc_type, pattern in TITLE_PATTERNS if doc_type == "dpa")
_ARTICLES = r"(?:the|your|each|any|such|our|den|die|das|des|der|dem|ihre[sn]?)\s+"
# Words after "into the" that end the agreement's name.
_NAME_STOPS = re.compile(
    r"\s+(?:and\s+[a-z]|between|which|that|entered|concluded|under|with|by|for|where|as|if|to|in|on|at|or|"
    r"accessible|available|located|and (?:the|any|all|is|are|shall|will|its)|zwischen|die|der|"
    r"das|welche[rsmn]?|mit|zu|oder)\b.*$|\s*\(.*$|\s+and$"
)


def _alternatives(entries: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(entries, key=len, reverse=True))


def _all(by_lang: dict[str, list[str]]) -> list[str]:
    return [entry for entries in by_lang.values() for entry in entries]


@dataclass(frozen=True)
class Guarded:
    """A pattern opening with a name, tried only where ``guard``, a part of every match, is found:
    the name alone is tried at every capital letter of every sentence."""

    pattern: re.Pattern[str]
    guard: re.Pattern[str] | Prefiltered

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.guard.search(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text) if self.guard.search(text) else iter(())


@dataclass(frozen=True)
class PartyWords:
    """The compiled phrases of ``rules/lexicon/parties.yml``."""

    introduced: Guarded
    acting: Guarded
    # Asked of every sentence until the vendor is named, and found in few: searched only where their words are.
    refers: re.Pattern[str] | Prefiltered
    controller: re.Pattern[str] | Prefiltered
    controller_heading: re.Pattern[str] | Prefiltered
    company: re.Pattern[str]
    legal_forms: frozenset[str]
    customer: frozenset[str]
    vendor: frozenset[str]
    not_names: frozenset[str]
    sentence_words: frozenset[str]
    amendment: re.Pattern[str] | Prefiltered

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> PartyWords:
        vendor, customer = _all(data["vendor_roles"]), _all(data["customer_roles"])
        roles = _alternatives([*vendor, *customer])
        forms = sorted((str(f) for f in data["legal_forms"]), key=len, reverse=True)
        form = "|".join(re.escape(f) for f in forms)
        # NAME ( [hereinafter/nachfolgend ...] "Role" [, "Role" ...] )
        introduced = Guarded(
            re.compile(
                rf"(?P<name>{_NAME})\s*,?\s*\((?P<roles>[^()]{{0,200}}?[{_QUOTE_OPEN}]\s*(?i:the\s+|die\s+|der\s+)?"
                rf"(?i:{roles})\s*,?\s*[{_QUOTE_CLOSE}][^()]{{0,200}}?)\)"
            ),
            re.compile(rf"\([^()]{{0,200}}?[{_QUOTE_OPEN}]"),
        )
        acting_as = "|".join(_all(data["acting_as"]))
        acting = Guarded(
            re.compile(rf"(?P<name>{_NAME})\s*,?\s+(?i:{acting_as})\b"), prefilter(re.compile(rf"(?i:{acting_as})\b"))
        )
        refers = re.compile(rf"\b(?i:{'|'.join(_all(data['refers_to']))})\s+(?i:the\s+|die\s+)?(?P<name>{_NAME})")
        controller = re.compile(
            rf"(?i:{'|'.join(_all(data['controller_cues']))})\s*:?\s*(?i:the\s+|die\s+|der\s+)?"
            rf"(?P<name>{_NAME})"
        )
        controller_heading = re.compile(rf"\b(?:{_alternatives(_all(data['controller_headings']))})\b", re.IGNORECASE)
        # Up to four capitalised words, not right after a word, then a legal form. Written to open with the capital (the
        # look-behind after it, on the character before it) so that re skips from capital to capital instead of trying
        # the pattern at every character.
        capitalised = r"[\w&'’\-!]*[ ,]+"
        company = re.compile(
            rf"(?P<name>[A-Z](?<![\w&.][A-Z]){capitalised}(?:[A-Z]{capitalised}){{0,3}}(?i:{form}))(?![\w&])"
        )
        amendment = data["amendment"]
        selves = _alternatives(_all(amendment["self"]))
        amends = re.compile(
            rf"\b(?:this|these|diese[rsmn]?)\s+(?:[^\s.;]+\s+){{0,6}}?(?:{selves})\b[^.;]{{0,200}}?"
            rf"\b(?P<verb>{'|'.join(_all(amendment['amends']))})\s+(?P<target>[^.;:]{{1,160}})",
            re.IGNORECASE,
        )
        return cls(
            introduced,
            acting,
            prefilter(refers),
            prefilter(controller),
            prefilter(controller_heading),
            company,
            frozenset(f.lower() for f in forms),
            frozenset(w.lower() for w in customer),
            frozenset(w.lower() for w in vendor),
            frozenset(w.lower() for w in data["not_names"]),
            frozenset(w.lower() for w in data["sentence_words"]),
            prefilter(amends),
        )

    def clean(self, raw: str) -> str:
        """A company name as the document writes it, without the sentence's words before it."""
        tokens = raw.split()
        # The name starts after the last lower-case word that is no part of a name ("by", "between").
        start = 0
        for i, token in enumerate(tokens):
            if token[:1].islower() and token not in _CONNECTORS:
                start = i + 1
        tokens = tokens[start:]
        while tokens and (
            tokens[0].lower() in ("the", "this", "these", "die", "der", "das")
            or tokens[0].lower() in self.sentence_words
            or tokens[0] in _CONNECTORS
        ):
            tokens = tokens[1:]
        while tokens and tokens[-1] in _CONNECTORS:
            tokens = tokens[:-1]
        # A full stop after a form written without one ("… Pty Ltd.") ends the sentence, not the name.
        if tokens and tokens[-1].endswith(".") and tokens[-1].lower() not in self.legal_forms:
            tokens[-1] = tokens[-1].rstrip(".")
        # "Acme GmbH, Musterstraße 1, 80331 München": the name ends where the address starts.
        parts = " ".join(tokens).split(", ")
        kept = next((i for i, part in enumerate(parts) if any(ch.isdigit() for ch in part)), len(parts))
        return ", ".join(parts[:kept]).strip(" ,")

    def has_legal_form(self, name: str) -> bool:
        return any(
            t.lower().strip(",") in self.legal_forms or t.lower().strip(",.") in self.legal_forms
            for t in name.split()[1:]
        )

    def plausible(self, name: str) -> bool:
        """A company's name, not a role, a document part or a heading's capitalised words."""
        tokens = name.split()
        if (
            not tokens
            or len(name) < 2
            or name.lower() in self.customer | self.vendor
            or (name.isupper() and len(name) > 12)
        ):
            return False
        if any(t.lower().strip(",.") in self.not_names for t in tokens):
            return False
        return self.has_legal_form(name) or len(tokens) <= 4


def _roles(text: str) -> list[str]:
    """The quoted roles of an introduction: ("Meta Ireland", "we") → Meta Ireland, we."""
    return [
        r.strip(" ,")
        for r in re.findall(rf"[{_QUOTE_OPEN}]\s*([^{_QUOTE_OPEN}{_QUOTE_CLOSE}]+?)\s*[{_QUOTE_CLOSE}]", text)
    ]


def _introduced(sentence: Sentence, words: PartyWords) -> Mention | None:
    for match in words.introduced.finditer(sentence.text):
        roles = _roles(match["roles"])
        lowered = [r.lower() for r in roles]
        if not roles or any(r in words.customer for r in lowered) or not any(r in words.vendor for r in lowered):
            continue
        role = next(r for r in roles if r.lower() in words.vendor)
        name = words.clean(match["name"])
        aliases = [r for r in roles if r.lower() not in words.vendor and words.plausible(r)]
        if not (_acceptable(name, sentence, words) and (words.has_legal_form(name) or not aliases)):
            # The words before the parenthesis are an address or a title: the alias names the vendor.
            name = aliases[0] if aliases else ""
        if name:
            return Mention(VENDOR, name, sentence.evidence(f"'{name}' introduced as '{role}'"))
    return None


def vendor_mentions(sentence: Sentence, words: PartyWords) -> list[Mention]:
    """The vendor as this sentence names it (see the module docstring), or nothing."""
    found = _introduced(sentence, words)
    if found is not None:
        return [found]
    text = sentence.text
    searches: tuple[tuple[Guarded | re.Pattern[str] | Prefiltered, str], ...] = (
        (words.acting, "acting as processor or controller"),
        (words.refers, "the one 'we' refers to"),
        (words.controller, "named as controller or operator"),
    )
    for pattern, why in searches:
        match = pattern.search(text)
        if match is None:
            continue
        name = words.clean(match["name"])
        # Acting as processor is said of the vendor by any name; the others name a company.
        if _acceptable(name, sentence, words) and (pattern is words.acting or words.has_legal_form(name)):
            return [Mention(VENDOR, name, sentence.evidence(f"'{name}' {why}"))]
    return []


def announces_controller(sentence: Sentence, words: PartyWords) -> bool:
    """A heading "Verantwortlich", or a sentence ending "… ist:", after which the next line names the controller."""
    text = sentence.text.strip()
    heading = sentence.block.kind == "heading" and len(text) < 80
    return bool(words.controller_heading.search(text)) and (heading or text.endswith(":"))


def opening_company(sentence: Sentence, words: PartyWords) -> list[Mention]:
    """The company that opens a line ("Acme GmbH, Musterstraße 1"), after a heading announcing the controller."""
    match = re.match(rf"\s*(?P<name>{_NAME})", sentence.text)
    name = words.clean(match["name"]) if match else ""
    if name and _acceptable(name, sentence, words) and words.has_legal_form(name):
        return [Mention(VENDOR, name, sentence.evidence(f"'{name}' named under a heading on the controller"))]
    return []


def _acceptable(name: str, sentence: Sentence, words: PartyWords) -> bool:
    """A plausible name that is not a country of the sentence ("…, the Netherlands ("Processor")")."""
    return words.plausible(name) and not any(place.text == name for place in sentence.places)


def frequent_company(document: Document, words: PartyWords) -> Mention | None:
    """The company with a legal form that the document names most often (twice at least), quoted
    where it is first named: the vendor of last resort."""
    # Only a company first named in the opening can be it: a document whose opening names none is not read further.
    if not any(block.start + at < OPENING_CHARS for _, block, at, _ in _companies(document, words, _in_opening)):
        return None
    counts: Counter[str] = Counter()
    first: dict[str, tuple[int, int]] = {}
    for index, _, at, name in _companies(document, words):
        counts[name] += 1
        first.setdefault(name, (index, at))
    # A privacy policy names the plug-ins it embeds (Facebook, Google) many times; the vendor is
    # named in its opening.
    opening = {
        name: n for name, n in counts.items() if document.blocks[first[name][0]].start + first[name][1] < OPENING_CHARS
    }
    if not opening:
        return None
    name, count = max(opening.items(), key=lambda item: (item[1], -first[item[0]][0]))
    if count < 2:
        return None
    block = document.blocks[first[name][0]]
    evidence = Evidence(
        block.text,
        block.start,
        block.end,
        block.page,
        block.heading_path,
        f"'{name}', the company the document names most often ({count} times)",
    )
    return Mention(VENDOR, name, evidence, detail=FREQUENT)


def _in_opening(block: Block) -> bool:
    return block.start < OPENING_CHARS


def _companies(
    document: Document, words: PartyWords, reading: Callable[[Block], bool] = lambda _: True
) -> Iterator[tuple[int, Block, int, str]]:
    """Each plausible company with a legal form named in the blocks ``reading`` takes: the block's index, the block,
    where in it, and the name. Tables and headings (of sub-processor lists) name other companies."""
    for index, block in enumerate(document.blocks):
        if block.table is not None or block.kind == "heading" or not reading(block):
            continue
        for match in words.company.finditer(block.text):
            name = words.clean(match["name"])
            if words.plausible(name) and words.has_legal_form(name):
                yield index, block, match.start(), name


def amendment_mentions(sentence: Sentence, words: PartyWords) -> list[Mention]:
    """The agreement this document says it amends or belongs to, from a sentence of its opening;
    ``detail`` is "dpa" when that agreement is a data processing agreement."""
    if sentence.start > OPENING_CHARS:
        return []
    match = words.amendment.search(sentence.text)
    if match is None:
        return []
    target = re.sub(rf"^(?:\(\w+\)\s*)?{_ARTICLES}", "", match["target"].strip(), flags=re.IGNORECASE)
    target = _NAME_STOPS.sub("", target).strip(" ,\"“”'()[]")
    if not target or target.lower().startswith(("this", "these", "diese")) or not target[:1].isupper():
        return []
    detail = "dpa" if _DPA_TITLE.search(target) else ""
    return [Mention(AMENDS, target, sentence.evidence(f"incorporated into '{target}'"), detail=detail)]
