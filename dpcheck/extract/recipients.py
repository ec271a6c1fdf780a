"""Recipients named in running text: "we use Acme to verify your identity", "advertisers such as Beta".

Tables give sub-processors row by row (:mod:`dpcheck.extract.tables`); privacy policies mostly name
the companies that receive data in sentences. The cues, the words a name may hold and the words that
make no name are data in rules/lexicon/recipients.yml, which says how they combine. A name is a run
of capitalised words, closed by its legal form; a country, a transfer tool or a defined term
("Personal Data", "the Services") is none. These recipients name no country: where they are is read
as destinations are, so a name alone adds no transfer.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any, Literal

import numpy as np

from dpcheck.extract.sentences import Sentence, Sentences, Tokens
from dpcheck.ingest.document import Block, Document
from dpcheck.models import DENIAL_REACH, Recipient, denies_clause, legal_forms

Role = Literal["affiliate", "processor", "third_party"]
# The category before a list cue gives the role of the names listed after it.
CATEGORIES: dict[str, Role] = {
    "RCPT_PROCESSOR": "processor",
    "RCPT_THIRD_PARTY": "third_party",
    "RCPT_AFFILIATE": "affiliate",
}
# Tokens between a category and its list cue ("providers (such as", "partners, for example").
CATEGORY_REACH = 2
# The same, when the list cue opens a bracket ("partners that help with ads (e.g., Acme)").
BRACKET_REACH = 6
# Words between a use cue and the noun that introduces the name ("uses the web analytics service").
USE_REACH = 5
QUOTES = frozenset("\"“”„‘’'«»")
# Tokens between "from" and the cue naming the operator of what the data comes from ("from Beta operated by").
FROM_REACH = 3
# Tokens from the reader's "if you" to the category of the service the reader uses ("if you use a payment service").
READER_REACH = 12
# Tokens from a word like "from" to the category whose list gives where the data comes from
# ("from our third-party network providers such as", "von anderen Unternehmen oder sonstigen Dritten (z. B.").
SOURCE_REACH = 8
# An apposition in brackets after a name: "(our inference provider)", "(unser Zahlungsdienstleister)".
APPOSITION_REACH = 4
# Tokens of a short description in brackets after a listed name ("Acme (payments), Beta"), and of one that holds a
# number, as a postal address does ("Acme GmbH (Example-Straße 33, 81245 Munich) or Beta GmbH").
BRACKET_SKIP = 8
ADDRESS_REACH = 16
# What a listed company does for the vendor, between two names ("Acme for fraud checks and Beta ..."): the most
# tokens from its purpose word (``purpose`` of rules/lexicon/recipients.yml) to the separator before the next name.
PURPOSE_REACH = 5
# A list item that names a recipient and says what it does: "Acme - hosting", "Acme: e-mail", "Acme (support)".
ITEM = re.compile(r"^\s*(?P<name>[^\s:–—(-][^:–—(]{0,60}?)\s*(?:\s[-–—]\s|:\s|\()")
# A bullet typed as text before a sub-item, as documents converted from Word show one ("o Acme Inc.", "• Acme").
TEXT_BULLET = re.compile(r"^\s*[o•◦▪·]\s+(?=\S)")
# The words of a company's name: letters, digits and the marks names carry ("AT&T", "Acme.com", "O’Brien").
NAME_WORD = re.compile(r"[\w&.'’+-]+")
# A web address inside a company's name ("business.de"): words joined by full stops, the last of two to six letters.
DOMAIN = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}")


@dataclass(frozen=True)
class RecipientWords:
    """The word lists of rules/lexicon/recipients.yml besides its cues."""

    to: frozenset[str]
    source_from: frozenset[str]
    source_break: frozenset[str]
    descriptor: frozenset[str]
    fields: frozenset[str]
    inner: frozenset[str]
    after: frozenset[str]
    closing: frozenset[str]
    features: frozenset[str]
    sections: tuple[str, ...]
    generic: frozenset[str]
    legal_forms: frozenset[str]
    choices: re.Pattern[str]
    notice_heading: re.Pattern[str]
    defines_vendor: re.Pattern[str]
    pronouns: frozenset[str]
    definers: frozenset[str]
    operator_cues: frozenset[str]
    own_services: frozenset[str]
    operator_verbs: frozenset[str]
    list_words: frozenset[str]
    list_nouns: frozenset[str]
    date_labels: frozenset[str]
    storage_labels: tuple[str, ...]
    not_processors: frozenset[str]
    offerings: frozenset[str]
    following: frozenset[str]
    genitive: frozenset[str]
    possessives: frozenset[str]
    separators: frozenset[str]
    articles: frozenset[str]
    purpose: frozenset[str]
    company_nouns: frozenset[str] = frozenset()
    company_units: frozenset[str] = frozenset()
    kind_endings: tuple[str, ...] = ()
    reader_when: frozenset[str] = frozenset()
    reader: frozenset[str] = frozenset()
    clause_denials: frozenset[str] = frozenset()
    undenying: frozenset[str] = frozenset()
    # An item's category label, then a colon or a word of example (``example_openers``): what follows are its companies.
    examples: re.Pattern[str] = re.compile(r"(?!)")
    # The words a change log's entry opens with (``change_entries``): "Addition of Acme" names Acme as engaged,
    # "Removal of Acme" as no longer engaged.
    added_entry: re.Pattern[str] = re.compile(r"(?!)")
    removed_entry: re.Pattern[str] = re.compile(r"(?!)")
    # Words of an entry giving a company's address that make the company no recipient of data: the controller, a
    # representative, the DPO, an authority, a former company (dpcheck/extract/seats.py).
    excluded: re.Pattern[str] = re.compile(r"(?!)")
    # Words between a service and the company that runs it (``represented_by``: "Acme Mail service, represented by").
    represented: re.Pattern[str] = re.compile(r"(?!)")
    # The choices but signing in with another account (``choices`` holds both): see :meth:`among_choices`.
    not_log_in: re.Pattern[str] = re.compile(r"(?!)")
    # A sentence sending the reader to another company's privacy notice (``own_notice``: its ``pointers`` and
    # ``notices``), and the use cues after which that company runs the service (``run_by``).
    notice_pointers: re.Pattern[str] = re.compile(r"(?!)")
    notices: re.Pattern[str] = re.compile(r"(?!)")
    run_by: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: dict[str, Any], words: dict[str, Any]) -> RecipientWords:
        def lower(values: Any) -> frozenset[str]:
            return frozenset(str(v).lower() for v in values)

        return cls(
            lower(data["to"]),
            lower(data["from"]),
            lower(data["source_break"]),
            lower(data["descriptor"]["en"] + data["descriptor"]["de"]),
            lower(data["fields"]),
            lower(data["inner"]),
            lower(data["after"]),
            lower(data["closing"]),
            lower(data["features"]),
            tuple(sorted(lower(data["sections"]))),
            lower(data["generic"]),
            legal_forms(words),
            _phrases([*data["choices"], *data["log_in"]]),
            _phrases(data["notice_heading"]),
            _quoted(data["vendor_pronouns"]),
            lower(data["vendor_pronouns"]),
            lower(data["vendor_definers"]),
            lower(data["operator_cues"]),
            lower(data["own_services"]),
            lower(data["operator_verbs"]),
            lower(data["list_words"]),
            lower(data["list_nouns"]),
            lower(data["date_labels"]),
            tuple(sorted(lower(data["storage_labels"]))),
            lower(data["not_processors"]),
            lower(data["offerings"]),
            lower(data["following"]),
            lower(data["genitive"]),
            lower(data["possessives"]),
            lower(data["separators"]),
            lower(data["articles"]),
            lower(data["purpose"]),
            lower(data["company_nouns"]),
            lower(data["company_units"]),
            tuple(sorted(lower(data["descriptor"]["de"] + data["kind_endings"]))),
            lower(data["reader_clause"]["when"]),
            frozenset(str(w) for w in data["reader_clause"]["reader"]),
            lower(data["clause_denial"]["words"]),
            lower(data["clause_denial"]["undenying"]),
            _examples(data["example_openers"]),
            _entry_opener(data["change_entries"]["added"]),
            _entry_opener(data["change_entries"]["removed"]),
            _phrases(data["seats"]["excluded"]),
            _phrases(data["represented_by"]),
            _phrases(data["choices"]),
            _phrases(data["own_notice"]["pointers"]),
            _phrases(data["own_notice"]["notices"]),
            lower(data["own_notice"]["run_by"]),
        )

    def legal_form(self, word: str) -> bool:
        return word.lower().rstrip(".") in self.legal_forms

    @cached_property
    def closing_forms(self) -> frozenset[str]:
        """The legal forms as a token's lower case may write them with one full stop or none ("ltd", "ltd.")."""
        return self.legal_forms | {f"{form}." for form in self.legal_forms}

    def is_name(self, name: str, *, listed: bool = False) -> bool:
        """A company's name, not a defined term, an article or a document word. A legal form closes it whatever
        its last word ("Lime Technologies AB") where the name stands alone as a list item's (``listed``) or, in a
        sentence, where the form is written with a capital ("OpenWeb Technologies Ltd"): in "... US Data as is
        required" a lower-case form ends a phrase, not a name."""
        words = [w.lower().strip(".,'’") for w in NAME_WORD.findall(name)]
        core = [w for w in words if not self.legal_form(w)] or words
        capital = name.split()[-1][:1].isupper() if name.split() else False
        closed = (listed or capital) and len(core) < len(words) and self.legal_form(words[-1])
        last = core[-1].rsplit("-", 1)[-1] if core else ""  # "Google-Signale": the feature its last part names
        return (
            bool(words)
            and len(name) > 1
            and core[0] not in self.generic
            and (closed or (core[-1] not in self.closing and last not in self.closing))
            # "E-Mail-Versanddienste", „Hostinganbieter": one German compound naming a kind of service.
            and not (len(words) == 1 and words[0].endswith(self.kind_endings))
        )

    def recipient_section(self, headings: tuple[str, ...]) -> bool:
        """A section about processors or other recipients ("Our service providers")."""
        return _names_section(self._section_words, headings)

    @cached_property
    def _section_words(self) -> re.Pattern[str]:
        # Any of ``sections`` in a lower-case heading, sought in one pass rather than word by word.
        return re.compile("|".join(map(re.escape, self.sections)) or "(?!)")

    def among_choices(self, text: str, block: Block, lead: Block | None, *, log_in: bool = True) -> bool:
        """``text`` of ``block`` stands among cookie, opt-out, plug-in or log-in choices: it speaks of them, a
        heading above it does (one that names the whole notice says nothing of a section), or ``lead``, the paragraph
        before the list ``block`` is an item of, does. ``log_in=False``: among choices other than a log-in (a log-in
        sentence may send data on itself, recipients.yml ``log_in``)."""
        choices = self.choices if log_in else self.not_log_in
        return (
            bool(choices.search(text.lower()))
            or any(choices.search(h.lower()) and not self.notice_heading.search(h.lower()) for h in block.heading_path)
            or (block.kind == "list_item" and lead is not None and bool(choices.search(lead.text.lower())))
        )


@lru_cache(maxsize=1024)
def _names_section(words: re.Pattern[str], headings: tuple[str, ...]) -> bool:
    """Any of ``headings`` holds one of ``words`` (in lower case). Asked for most sentences a reader reads, with
    the heading path of their section: answered once per path, not searched again for each sentence under it."""
    return any(words.search(h.lower()) for h in headings)


def _phrases(values: Any) -> re.Pattern[str]:
    """Lower-case phrases as one pattern of whole words: ``*`` is the rest of a word, a space spaces or a hyphen."""
    parts = []
    for value in values:
        phrase = str(value).lower()
        body = r"[\s-]+".join(re.escape(w).replace(r"\*", r"\w*") for w in phrase.split())
        if body and body[0] != "\\":
            # A phrase opening with a letter has it before the look-behind (which then looks at the two characters
            # before its end): re tries the rest only where that letter stands, not the look-behind at every character.
            parts.append(rf"{body[0]}(?<!\w[\s\S]){body[1:]}(?!\w)")
        else:
            parts.append(rf"(?<!\w){body}(?!\w)")
    return re.compile("|".join(parts))


def _quoted(values: Any) -> re.Pattern[str]:
    """Any of ``values`` in quotation marks, a comma or full stop inside them allowed ('“we,”', '„wir“'); no
    look-around, so that :meth:`~dpcheck.extract.sentences.Sentences.matching` may search blocks with it."""
    words = "|".join(re.escape(str(v)) for v in values)
    return re.compile(rf"[\"“”„‘’'](?:{words})[,.]?[\"“”‘’']", re.IGNORECASE)


def _examples(openers: Any) -> re.Pattern[str]:
    """A list item's short category label up to a colon or a word of example and the marks around it ("Payments,
    e.g., ", "Payments (such as ", "Zahlungen: ")."""
    words = "|".join(re.escape(str(w)).replace(r"\ ", r"\s*") for w in sorted(openers, key=len, reverse=True))
    return re.compile(rf"^\s*[^\s:(),][^:()]{{0,80}}?(?::\s+|\s*[,(]\s*(?:{words})(?!\w)[,:]?\s+)", re.IGNORECASE)


def _entry_opener(phrases: Any) -> re.Pattern[str]:
    """A block that opens with one of ``phrases`` (``|`` joins a word's alternatives), a bullet and a colon after it
    allowed: "Removal of Acme", "- Added: Acme", „Entfernung der Acme GmbH"."""
    parts = [
        r"\s+".join("(?:" + "|".join(re.escape(a) for a in word.split("|")) + ")" for word in str(p).split())
        for p in phrases
    ]
    return re.compile(rf"^\s*(?:[-*•]\s*)?(?:{'|'.join(parts)})\s*:?\s+(?=\S)", re.IGNORECASE)


def change_entry(text: str, words: RecipientWords) -> tuple[str, str]:
    """ "added" or "removed" and the rest of ``text`` when it is an entry of a change log ("Addition of Acme",
    „Entfernung der Acme GmbH"); ("", text) otherwise."""
    for kind, pattern in (("removed", words.removed_entry), ("added", words.added_entry)):
        if match := pattern.match(text):
            return kind, text[match.end() :]
    return "", text


def _capitalised(word: str) -> bool:
    """A word of a name: "Acme", "3Shape", "eBay" (not "minorsYour", text run together)."""
    return bool(word) and (
        word[0].isupper()
        or (word[0].isdigit() and any(c.isalpha() for c in word))
        or (len(word) > 1 and word[0].islower() and word[1].isupper())
    )


def _lower_word(word: str) -> bool:
    return word[:1].islower() and word.isalpha()


def name_at(tokens: Tokens, start: int, words: RecipientWords) -> tuple[str, int]:
    """The name starting at token ``start`` (an article before it skipped) and the token after it;
    ("", start) when none starts there."""
    i = start
    if i < len(tokens) and tokens[i].lower_ in words.articles:
        i += 1
    # „die Firma Acme GmbH", „das Unternehmen Acme AG": German writes the noun for a company with a capital.
    if i + 1 < len(tokens) and tokens[i].lower_ in words.company_nouns and _capitalised(tokens[i + 1].text):
        i += 1
    first, end = i, i
    while i < len(tokens):
        word = tokens[i].text
        if _capitalised(word) or (end > first and words.legal_form(word)):
            i += 1
            end = i
        elif (
            end > first
            and DOMAIN.fullmatch(word)
            and i + 1 < len(tokens)
            and (_capitalised(tokens[i + 1].text) or words.legal_form(tokens[i + 1].text))
        ):
            i += 1  # "Acme example.de GmbH": a company named after its web address
        elif (
            end > first
            and (word.lower() in words.inner or word == ".")
            and i + 1 < len(tokens)
            and (_capitalised(tokens[i + 1].text) or words.legal_form(tokens[i + 1].text))
            # "... through Acme GmbH. Depending on ...": the full stop after a legal form ends the name unless
            # another form follows ("Acme GmbH & Co. KG").
            and not (word == "." and words.legal_form(tokens[i - 1].text) and not words.legal_form(tokens[i + 1].text))
        ):
            i += 1
        elif end > first and word == "," and i + 1 < len(tokens) and words.legal_form(tokens[i + 1].text):
            i += 1  # "Stripe Payments Europe, Ltd."
        else:
            break
    if end == first:
        return "", start
    return tokens[first:end].text, end


def _blocked(sentence: Sentence, start: int, end: int, words: RecipientWords) -> bool:
    """A country or a transfer tool is no recipient's name; a company's name with a country inside it and
    a legal form at its end is ("Acme Ireland Unlimited Company", "Acme Deutschland GmbH")."""
    spans = [(c.start, c.end) for c in sentence.of_prefixed("MECH:")]
    places = [(p.start, p.end) for p in sentence.places if p.start < end and start < p.end]
    company = start < end and words.legal_form(sentence.span[end - 1].text) and all(start < s for s, _ in places)
    if not company:
        spans += places
    return any(s < end and start < e for s, e in spans)


def _names_from(sentence: Sentence, start: int, words: RecipientWords, commas: bool) -> Iterator[tuple[str, int, int]]:
    """The name at ``start`` and the names joined to it by "and"/"or" ("A or B") or, when ``commas``, by
    commas too ("such as A, B and C"; after "we use Acme Inc., Portland" the comma ends the name): (name, start, end)."""
    tokens = sentence.span
    i = start
    while i < len(tokens):
        if tokens[i].text == "(":
            i += 1
        name, end = name_at(tokens, i, words)
        if not name:
            return
        # A lower-case word closing the clause is its verb: "... an die Acme GmbH weiter."
        verb = end + 1 >= len(tokens) or not tokens[end + 1].text[:1].isalnum()
        # "our Acme Support centres in India": a part of the company named, which is the company's.
        unit = end < len(tokens) and tokens[end].lower_ in words.company_units
        if (
            end < len(tokens)
            and _lower_word(tokens[end].text)
            and tokens[end].lower_ not in words.after
            and not verb
            and not unit
        ):
            # "the Acme franchisor Acme Systems B.V.": the name with a legal form after the modifier, else none.
            later = next((k for k in range(end + 1, min(end + 3, len(tokens))) if _capitalised(tokens[k].text)), None)
            if later is None:
                return
            name, end = name_at(tokens, later, words)
            if not name or not words.legal_form(tokens[end - 1].text):
                return
            i = later
        # "the LinkedIn Insight Tag (LinkedIn Ireland Unlimited Company)": the company, not its product.
        if end + 1 < len(tokens) and tokens[end].text == "(":
            inner, inner_end = name_at(tokens, end + 1, words)
            if (
                inner
                and inner_end < len(tokens)
                and tokens[inner_end].text == ")"
                and words.legal_form(tokens[inner_end - 1].text)
            ):
                yield inner, end + 1, inner_end
                name = ""
        if name and end - i > 3 and tokens[i + 1].lower_ == "of" and words.legal_form(tokens[end - 1].text):
            # "the Pixel of Meta Platforms Ireland Ltd.": the company whose product it is ("Bank of America
            # Corp." keeps its name: a place follows "of" there).
            if not any(p.start == i + 2 for p in sentence.places):
                name, i = name_at(tokens, i + 2, words)[0], i + 2
        if name and end + 1 < len(tokens) and tokens[end].lower_ in words.genitive:
            # "das Pixel der Acme Platforms Ireland Ltd.": the company whose product it is.
            owner, owner_end = name_at(tokens, end + 1, words)
            if owner and words.legal_form(tokens[owner_end - 1].text):
                name, i, end = owner, end + 1, owner_end
        if name:
            yield name, i, end
        j = end
        # Skip what a listed company is for, when another name follows: "Acme for fraud checks and Beta for support".
        if j < len(tokens) and tokens[j].lower_ in words.purpose:
            k = j + 1
            while (
                k < len(tokens)
                and k - j <= PURPOSE_REACH
                and _lower_word(tokens[k].text)
                and tokens[k].lower_ not in words.separators
            ):
                k += 1
            if k > j + 1 and k < len(tokens) and tokens[k].lower_ in words.separators:
                j = k
        # Skip a short description in brackets after a name: "Acme (payments), Beta", or its postal address, which
        # holds a number and may run longer: "Acme GmbH (Example-Straße 33, 81245 Munich) or Beta GmbH".
        if j < len(tokens) and tokens[j].text == "(":
            reach = ADDRESS_REACH if any(t.text[:1].isdigit() for t in tokens[j : j + ADDRESS_REACH]) else BRACKET_SKIP
            close = next((k for k in range(j, min(j + reach, len(tokens))) if tokens[k].text == ")"), None)
            j = close + 1 if close is not None else j
        if j < len(tokens) and tokens[j].text == ")":
            j += 1
        separated = False
        while j < len(tokens) and tokens[j].lower_ in words.separators and (commas or tokens[j].text not in ",;"):
            separated = True
            j += 1
        if not separated:
            return
        i = j


def sentence_recipients(
    sentence: Sentence, words: RecipientWords, own: frozenset[str] = frozenset()
) -> list[tuple[str, Role]]:
    """The recipients ``sentence`` names, each with its role, in the order named; a name whose first
    word is one of ``own`` (the vendor's, from the document's title) is the vendor itself or its group, and names no
    recipient unless the sentence gives it as a group company the data goes to."""
    found: list[tuple[str, Role, int, int]] = _appositions(sentence, words)
    # What passes here finds names only where may_name says it may.
    if not (
        found
        or sentence.has("RCPT_LIST", "RCPT_USE", "RCPT_SHARE", "RCPT_JOINT")
        or (words.recipient_section(sentence.block.heading_path) and "(" in sentence.text)
    ):
        return []
    categories = [(c, CATEGORIES[c.label]) for c in sentence.of(*CATEGORIES)] if sentence.has("RCPT_LIST") else []
    if not sentence.has("RCPT_SHARE", "RCPT_USE", "TRANSFER"):
        # "the parent company of other brands such as Acme": a group company receives data where the text says
        # data goes to it, not where it is only named as one of the group.
        categories = [(c, role) for c, role in categories if role != "affiliate"]
    tokens = sentence.span
    sources = _sources(sentence, words) | _readers_own(sentence, words)
    categories = [
        (c, role) for c, role in categories if c.start not in sources and not _offering(tokens, c.start, words)
    ]
    # The sentence says data goes to the companies it lists: "we share data with partners (e.g., Acme)".
    sends = sentence.has("RCPT_SHARE", "RCPT_USE", "TRANSFER")
    for cue in sentence.of("RCPT_LIST"):
        bracket = bool(cue.start) and tokens[cue.start - 1].text == "("
        # Examples in brackets belong to the clause before them: "partners help with ads (e.g., Acme)".
        reach = BRACKET_REACH if bracket and sends else CATEGORY_REACH
        near = [role for c, role in categories if 0 <= cue.start - c.end <= reach]
        # "providers (e.g., Acme and Beta)": the punctuation after the cue opens the list.
        start = cue.end + 1 if sends and cue.end < len(tokens) and tokens[cue.end].text in (",", ":") else cue.end
        # "group companies (for instance our Acme Support centres)": the vendor's own group company.
        if start < len(tokens) and tokens[start].lower_ in words.possessives:
            start += 1
        if near:
            found += [(n, near[-1], s, e) for n, s, e in _names_from(sentence, start, words, commas=True)]
    tool = sentence.has_prefixed("MECH:")
    if (sends or words.recipient_section(sentence.block.heading_path)) and not tool:
        # "shared with our service providers (Acme, Beta and Gamma)", or a section on recipients that lists them so:
        # the names in brackets right after the category; one name alone there is the category's short form
        # ("the Acme Holdings group (AHG)"). In a sentence naming a transfer tool they are the companies it covers
        # ("our subsidiaries (Acme Inc., Beta LLC) adhere to the DPF"), not recipients (AGREEMENT.md category 1).
        cued = {cue.start for cue in sentence.of("RCPT_LIST")}
        for c in sentence.of(*CATEGORIES):
            if c.start in sources:
                continue
            if c.end + 1 < len(tokens) and tokens[c.end].text == "(" and c.end + 1 not in cued:
                listed = list(_names_from(sentence, c.end + 1, words, commas=True))
                if len(listed) > 1:
                    found += [(n, CATEGORIES[c.label], s, e) for n, s, e in listed]
    if words.recipient_section(sentence.block.heading_path) and not tool:
        # In a section on recipients, companies given after a list cue, some closed by their legal form, are its
        # recipients, however far the category they exemplify stands ("specialist companies who assist us with
        # reviews of products, namely, Acme, Beta Consulting Limited and Gamma Ltd").
        for cue in sentence.of("RCPT_LIST"):
            start = cue.end + 1 if cue.end < len(tokens) and tokens[cue.end].text in (",", ":") else cue.end
            listed = list(_names_from(sentence, start, words, commas=True))
            if len(listed) > 1 and any(words.legal_form(tokens[e - 1].text) for _, _, e in listed):
                found += [(n, "third_party", s, e) for n, s, e in listed]
    if sends and not tool:
        every = [(c, CATEGORIES[c.label]) for c in sentence.of(*CATEGORIES) if c.start not in sources]
        found += _comma_appositions(sentence, every, words)
    for cue in sentence.of("RCPT_USE"):
        if _title_case(tokens, cue.start, cue.end + 1):
            continue  # "How We Use Your Data and Legal Bases": a heading's words in a table of contents, no sentence
        if cue.text.lower() in words.operator_cues and _runs_no_service_used(tokens, cue.start, words):
            continue  # "the online platforms ... are operated by Acme GmbH": the vendor who runs them
        if cue.text.lower() in words.run_by and _points_to_own_notice(sentence, words):
            continue  # "For Acme Trading (powered by Beta), please refer to Beta's privacy notice": Beta's service
        start = cue.end
        # "uses the web analytics service Acme": the name after the noun that introduces it.
        described = next(
            (
                k + 1
                for k in range(start, min(start + USE_REACH, len(tokens)))
                if tokens[k].lower_ in words.descriptor | words.company_nouns
            ),
            None,
        )
        # The words up to the noun are lower case ("the web analytics service Acme"); before a noun for companies, which
        # German writes with a capital, an adjective of nationality may stand, which English writes with one ("Dutch
        # companies Acme and Beta", „die niederländischen Unternehmen Acme und Beta").
        companies = described is not None and tokens[described - 1].lower_ in words.company_nouns
        if described is not None and all(
            _lower_word(tokens[k].text) or (companies and k == described - 2)
            for k in range(start, described - 1 if companies else described)
        ):
            start = described
        elif start < len(tokens) and tokens[start].lower_ in words.articles:
            start += 1  # "we use the Acme Insight Tag (Acme Ireland Ltd.)"
        found += [
            (n, "processor", s, e)
            for n, s, e in _names_from(sentence, start, words, commas=False)
            if not _denied_after(tokens, e, words)
        ]
    if sentence.has("RCPT_SHARE"):
        first_share = min(c.start for c in sentence.of("RCPT_SHARE"))
        # The words "to" are looked up by the document's word hashes: a sentence's tokens are not made for it.
        for i in sentence.where_word(words.to):
            if first_share <= i < len(tokens) - 1:
                start, role = _after_category(sentence, i + 1, words)
                for n, s, e in _names_from(sentence, start, words, commas=False):
                    if words.legal_form(sentence.span[e - 1].text):
                        found.append((n, role, s, e))
    joint = _joint_controllers(sentence, words)
    found += joint
    out: dict[str, tuple[str, Role]] = {}
    for name, role, start, end in found:
        feature = end < len(tokens) and tokens[end].lower_ in words.features  # "uses the Spark function"
        if (
            words.is_name(name)
            and not feature
            and not (_blocked(sentence, start, end, words) and (name, role, start, end) not in joint)
            # A company of the vendor's group given as one the data goes to receives it (eval/versions/AGREEMENT.md):
            # only the vendor itself is left out there.
            and not (vendor_itself(name, own, words) if role == "affiliate" else own_name(name, own))
        ):
            out.setdefault(name.casefold(), (name, role))
    return list(out.values())


# Tokens between a cue of joint controllership and the "with" that names the other controller ("we are considered
# “Joint Data Controllers” with Acme Ireland", „gemeinsam mit der Acme GmbH verantwortlich": before it).
JOINT_REACH = 4


def _joint_controllers(sentence: Sentence, words: RecipientWords) -> list[tuple[str, Role, int, int]]:
    """The companies the vendor shares controllership with: a name after "with"/„mit" right after the cue or just
    before it. A brand with its country ("Acme Ireland") is a company there: a place does not share control; a name
    that opens with a place ("Ireland") is none."""
    if not sentence.has("RCPT_JOINT"):
        return []
    tokens = sentence.span
    places = {p.start for p in sentence.places}
    found: list[tuple[str, Role, int, int]] = []
    for cue in sentence.of("RCPT_JOINT"):
        for i in sentence.where_word(words.to):
            if -JOINT_REACH <= i - cue.end <= JOINT_REACH or 0 < cue.start - i <= JOINT_REACH + 3:
                name, end = name_at(tokens, i + 1, words)
                start = end - len(name.split()) if name else i + 1
                if name and start not in places and tokens[start].lower_ not in words.articles:
                    found.append((name, "third_party", start, end))
    return found


def may_name(sentences: Sentences, words: RecipientWords) -> np.ndarray:
    """Per sentence: :func:`sentence_recipients` may find a recipient in it (in the others it finds none). A name
    comes after a use cue; after a category with a list cue or a bracket (appositions, "partners (e.g. Acme)");
    or closed by a legal form, after a category and a comma in a sentence that sends data (_comma_appositions) or
    after "with"/"to" in one that shares it. Most sentences of a policy carry a category word ("services",
    "partners"), few of these."""
    categories = sentences.carrying(*CATEGORIES)
    listed = categories & (sentences.carrying("RCPT_LIST") | sentences.holding("("))
    sharing = sentences.carrying("RCPT_SHARE") | (
        categories & sentences.carrying("RCPT_USE", "RCPT_SHARE", "TRANSFER") & sentences.holding(",")
    )
    # A token that legal_form accepts is a form, with one full stop or none, or ends in two.
    closed = sentences.holding_words(words.closing_forms) | sentences.holding("..")
    return sentences.carrying("RCPT_USE", "RCPT_JOINT") | listed | (sharing & closed)


def _comma_appositions(
    sentence: Sentence, categories: Sequence[tuple[Any, Role]], words: RecipientWords
) -> list[tuple[str, Role, int, int]]:
    """A company named between commas right after the category it is ("with our parent company, Acme Inc., for
    joint offers", „an unsere Muttergesellschaft, die Acme Inc., weiter"): one company, so its name must close
    with a legal form and the apposition with a comma or the sentence's end; an address after that comma ("a copy
    to its parent company, Acme Ltd., 1 Example Road") makes the name a contact for notices, no recipient."""
    tokens = sentence.span
    found = []
    for c, role in categories:
        start = c.end + 1
        if c.end >= len(tokens) or tokens[c.end].text != ",":
            continue
        if start < len(tokens) and tokens[start].lower_ in words.articles:
            start += 1
        name, end = name_at(tokens, start, words)
        closed = end >= len(tokens) or tokens[end].text in ",.;"
        address = end + 1 < len(tokens) and tokens[end].text == "," and tokens[end + 1].text[:1].isdigit()
        if name and closed and not address and words.legal_form(tokens[end - 1].text):
            found.append((name, role, start, end))
    return found


def _offering(tokens: Tokens, start: int, words: RecipientWords) -> bool:
    """The category word at ``start`` is joined to what the vendor offers ("our products and services, such as Acme
    Pay"): the names it lists are the vendor's own products (recipients.yml ``offerings``)."""
    return start >= 2 and tokens[start - 1].lower_ in words.separators and tokens[start - 2].lower_ in words.offerings


def _after_category(sentence: Sentence, start: int, words: RecipientWords) -> tuple[int, Role]:
    """Where the name after "to"/"with" starts, and its role: after the vendor's word for what the company is to it
    ("to our parent company Acme Inc.", "with our payment provider Beta Ltd", „an unsere Muttergesellschaft Acme
    Inc."), which gives the role; else right there, a third party."""
    tokens = sentence.span
    k = start + 1 if start < len(tokens) and tokens[start].lower_ in words.possessives | words.articles else start
    for c in sentence.of(*CATEGORIES):
        # One lower-case word may say what kind ("our payment provider").
        if c.start > start and (c.start == k or (c.start == k + 1 and _lower_word(tokens[k].text))):
            return c.end, CATEGORIES[c.label]
    return start, "third_party"


def _points_to_own_notice(sentence: Sentence, words: RecipientWords) -> bool:
    """The sentence sends the reader to a privacy notice and shares no data (recipients.yml ``own_notice``): the
    company running the service it speaks of ("powered by Beta") answers for it under that notice."""
    text = sentence.text.lower()
    return (
        not sentence.has("RCPT_SHARE") and bool(words.notices.search(text)) and bool(words.notice_pointers.search(text))
    )


def _runs_no_service_used(tokens: Tokens, cue: int, words: RecipientWords) -> bool:
    """The operator named at ``cue`` ("operated by") runs the vendor's own website or platform, or a service the data
    comes from ("from Beta operated by"), not one the vendor uses: see recipients.yml ``operator_cues``."""
    if any(tokens[k].lower_ in words.source_from for k in range(max(0, cue - FROM_REACH), cue)):
        return True
    k = cue - 1
    while k >= 0 and tokens[k].lower_ in words.operator_verbs:
        k -= 1
    return k >= 0 and tokens[k].lower_ in words.own_services


def _title_case(tokens: Tokens, start: int, end: int) -> bool:
    """Every word of ``tokens[start:end]`` capitalised, its verb too: a heading's wording, not a sentence's."""
    span = [t.text for t in tokens[start : min(end, len(tokens))] if t.text[:1].isalpha()]
    return len(span) > 1 and all(w[:1].isupper() for w in span)


def _denied_after(tokens: Tokens, end: int, words: RecipientWords) -> bool:
    """The clause of a name used ends in a denial ("Wir nutzen Acme in der App nicht mehr"): see
    :func:`denies_clause`."""
    clause = []
    for k in range(end, min(end + DENIAL_REACH, len(tokens))):
        if tokens[k].text in ",;:.":
            break
        clause.append(tokens[k].lower_)
    return denies_clause(clause, words.clause_denials, words.undenying)


def _readers_own(sentence: Sentence, words: RecipientWords) -> set[int]:
    """The starts of the categories ``sentence`` names in a clause of what the reader does ("if you use a payment
    service (e.g. Acme)", „wenn Sie einen Zahlungsdienst wie Acme nutzen"): the service the reader picks and gives
    data to, no recipient of the vendor's; a vendor's word between them ("if you buy, our payment providers such as
    Acme", a comma there too) makes it the vendor's (recipients.yml ``reader_clause``)."""
    tokens = sentence.span
    found = set()
    for c in sentence.of(*CATEGORIES):
        for k in range(c.start - 1, max(0, c.start - READER_REACH - 1), -1):
            word = tokens[k]
            if word.lower_ in words.pronouns | words.possessives or word.text in ",;:.":
                break
            if (word.lower_ in words.reader or word.text in words.reader) and tokens[k - 1].lower_ in words.reader_when:
                found.add(c.start)
                break
    return found


def _sources(sentence: Sentence, words: RecipientWords) -> set[int]:
    """The starts of the categories ``sentence`` names as where the vendor gets data, not where it sends it: after
    "from"/"von" in a sentence saying the vendor receives or obtains data ("we receive data from our network
    providers such as ...", "von Dritten (z. B. Auskunfteien) erhaltene Daten") that sends none."""
    if not sentence.has("RCPT_SOURCE") or sentence.has("RCPT_SHARE"):
        return set()
    tokens = sentence.span
    found = set()
    for c in sentence.of(*CATEGORIES):
        for k in range(c.start - 1, max(-1, c.start - SOURCE_REACH - 1), -1):
            if tokens[k].lower_ in words.source_from:
                found.add(c.start)
            # "from A to B", "from you and use ...", a clause ended: what follows is no longer where the data comes from.
            if (
                tokens[k].lower_ in words.source_from
                or tokens[k].lower_ in words.to
                or tokens[k].lower_ in words.source_break
                or tokens[k].text in ".;:"
            ):
                break
    return found


def _appositions(sentence: Sentence, words: RecipientWords) -> list[tuple[str, Role, int, int]]:
    """A name followed by what it is to the vendor, in brackets: "Fireworks (our inference provider)",
    "Parvel (unser Zahlungsdienstleister)"."""
    # Without an opening bracket there is no apposition: its cues and tokens are not made for it.
    if "(" not in sentence.text:
        return []
    tokens = sentence.span
    found = []
    for cue in sentence.of(*CATEGORIES):
        opening = next(
            (k for k in range(cue.start - 1, max(-1, cue.start - APPOSITION_REACH), -1) if tokens[k].text == "("), None
        )
        if opening is None or opening + 1 >= len(tokens) or tokens[opening + 1].lower_ not in words.possessives:
            continue
        if not any(tokens[k].text == ")" for k in range(cue.end, min(cue.end + APPOSITION_REACH, len(tokens)))):
            continue
        start = opening
        while start > 0 and opening - start < APPOSITION_REACH and _capitalised(tokens[start - 1].text):
            start -= 1
        name = next(((n, s, e) for n, s, e in _names_from(sentence, start, words, commas=False) if e == opening), None)
        if start < opening and name is not None:
            found.append((name[0], CATEGORIES[cue.label], name[1], name[2]))
    return found


def defined_names(sentence: Sentence, words: RecipientWords) -> set[str]:
    """The companies a sentence that defines the vendor names ('"we" and "us" refer to Acme Inc., its affiliates and
    brands, including Beta'), each as :func:`name_key` gives it: the vendor itself and its group, no recipients; not
    those after a word of sharing or use that follows the pronouns, and none where the sentence defines nothing."""
    tokens = sentence.span
    found: set[str] = set()
    if not any(t.lower_ in words.definers for t in tokens):
        return found
    # 'Acme (together, "we") shares data with Beta Ltd. and uses Gamma': those it sends data to or uses are no part
    # of the vendor ("When we use the terms ..." before the quoted pronouns is no such use).
    quoted = next(
        (k for k in range(1, len(tokens)) if tokens[k].lower_ in words.pronouns and tokens[k - 1].text in QUOTES),
        0,
    )
    shared = min((c.start for c in sentence.of("RCPT_SHARE", "RCPT_USE") if c.start > quoted), default=len(tokens))
    i = 0
    while i < shared:
        name, end = name_at(tokens, i, words)
        if name and words.is_name(name) and (key := name_key(name, words)):
            found.add(key)
        i = max(end, i + 1)
    return found


# A term the document defines in quotes with its initials after it ('"Sensitive Personal Information" (SPI)',
# „„Personenbezogene Daten“ (PD)“): the initials name that term wherever they stand, no company.
_QUOTED_TERM = re.compile(r"[\"“„'‘]([^\"“”„'‘’]{3,80})[\"”“'’]\s*\(([A-Z]{2,6})\)")


def defined_terms(text: str) -> set[str]:
    """The initials a document gives its quoted terms (:data:`_QUOTED_TERM`), where they are the initials of the
    term's words."""
    found: set[str] = set()
    for m in _QUOTED_TERM.finditer(text):
        initials = "".join(w[0] for w in re.findall(r"[A-Za-zÄÖÜäöü][\w-]*", m.group(1)) if w[0].isupper())
        if initials == m.group(2):
            found.add(m.group(2))
    return found


def name_key(name: str, words: RecipientWords) -> str:
    """A name's words in lower case without its legal form: "T Media Tech, LLC" → "t media tech"."""
    return " ".join(
        w for w in (t.lower().strip(".,'’") for t in NAME_WORD.findall(name)) if w and not words.legal_form(w)
    )


def among_names(name: str, keys: set[str], words: RecipientWords) -> bool:
    """``name`` is one of ``keys`` (see :func:`name_key`) or starts with one, word for word."""
    key = name_key(name, words)
    return any(key == k or key.startswith(k + " ") for k in keys)


def title_words(title: str, words: RecipientWords) -> frozenset[str]:
    """The words of a document's title that may name its vendor ("Relaywise Data Processing Agreement" → relaywise)."""
    return frozenset(_stem(w) for w in NAME_WORD.findall(title) if _capitalised(w) and w.lower() not in words.generic)


def _stem(word: str) -> str:
    """A name's word without its web domain: "Acme.com" → acme."""
    return word.lower().split(".")[0]


# A country's abbreviation before a company's own name ("the U.S. Acme Corporation", "UK Acme Ltd"): where the
# company sits, no word of its name.
_COUNTRY_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$|^(?:US|USA|UK|EU)$")


def own_name(name: str, own: frozenset[str]) -> bool:
    """The vendor itself or its group: the name's first word, a country's abbreviation before it aside, is a word of
    the document's title."""
    words = NAME_WORD.findall(name)
    if len(words) > 1 and _COUNTRY_ABBREVIATION.match(words[0]):
        words = words[1:]
    return bool(words) and _stem(words[0]) in own


def vendor_itself(name: str, own: frozenset[str], words: RecipientWords) -> bool:
    """The vendor, not a company of its group: every word of the name but its legal form is a word of the document's
    title ("Acme GmbH" under „Acme Datenschutzerklärung"; not "Acme UK Ltd", a group company that may receive data)."""
    parts = [w for w in NAME_WORD.findall(name) if not words.legal_form(w)]
    return bool(parts) and all(_stem(w) in own for w in parts)


def plain_name(text: str, words: RecipientWords, *, listed: bool = False) -> str:
    """``text`` when it is a company's name and nothing else (a heading "Acme Cloud"); "" if not (``listed``:
    see :meth:`RecipientWords.is_name`)."""
    name = text.strip().strip("*_#").strip()
    tokens = name.split()
    if (
        not tokens
        or ":" in name.rstrip(":")  # "Last Updated: May": a label and its value, no company's name
        or len(tokens) > 8
        or not all(_capitalised(t) or t.lower() in words.inner or words.legal_form(t) or t == "," for t in tokens)
    ):
        return ""
    return name if words.is_name(name, listed=listed) else ""


def item_name(text: str, words: RecipientWords) -> str:
    """The recipient a list item names before what it does ("Acme - hosting" → Acme), or the company its
    text opens with, closed by a legal form, where the item names several ("Acme Bank AB and its branches
    or Beta Oy (financing)" → Acme Bank AB); "" if none."""
    text = TEXT_BULLET.sub("", text)
    if labelled := labelled_company(text, words):
        return labelled
    match = ITEM.match(text)
    dated = match is not None and match.group("name").strip("*_ ").lower() in words.date_labels
    name = plain_name(match.group("name"), words, listed=True) if match and not dated else ""
    company = _leading_company(text, words)
    # "Acme Inc., USA - hosting": the name ends with its legal form; what follows are the entry's fields.
    return company if company and name.startswith(company) else name or company


def item_companies(text: str, words: RecipientWords) -> list[str]:
    """The companies a list item gives after its category's label and a colon or a word of example ("Payments, e.g.,
    Acme AG, Beta B.V., Gamma, Inc.", „Zahlungen: Acme GmbH und Beta AG"), each closed by its legal form; a name
    without one is left out, as is everything but names; [] if the item opens otherwise."""
    text = TEXT_BULLET.sub("", text)
    match = words.examples.match(text)
    if not match:
        return []
    names: list[str] = []
    run: list[str] = []
    tokens = text[match.end() :].split()
    for i, token in enumerate(tokens):
        bare = _bare(token)
        if run and words.legal_form(bare):
            run.append(bare + ("," if token.rstrip(")*_").endswith(",") else ""))
            # "Example JP Co., Ltd": a second legal form goes on with the name.
            if not (i + 1 < len(tokens) and words.legal_form(_bare(tokens[i + 1]))):
                name = " ".join(run).rstrip(",")
                if plain_name(name, words, listed=True):
                    names.append(name)
                run = []
        elif _capitalised(bare) and not token.startswith("("):
            # "Acme, Beta B.V.": a name closed by a comma without its legal form is no part of the next one.
            if run and run[-1].endswith(",") and not words.legal_form(bare):
                run = []
            run.append(token.rstrip(";"))
        elif run and token.lower() in words.inner:
            run.append(token)
        else:
            run = []
    return names


def _bare(token: str) -> str:
    """A word without the marks around it ("Inc.),", "**Acme")."""
    return token.strip(",;()*_")


def labelled_company(text: str, words: RecipientWords) -> str:
    """The company named after a short label ("Email delivery: Acme Inc., USA", "Derzeit eingesetzt: Beispiel
    GmbH, Frankfurt"), closed by its legal form; "" if the text opens otherwise."""
    match = ITEM.match(text)
    if not match or not match.group(0).endswith(": "):
        return ""
    return _leading_company(text[match.end() :], words)


# The fields of a list item after the recipient's name: "Acme Inc., USA - hosting (backups)".
# Words of a field's label ("Country of processing: IN").
FIELD_LABEL_WORDS = 4
# The characters of a service's name and its description ("Acme Mail sync service which may be") an entry may give before
# the company that runs it.
ENTRY_SERVICE_REACH = 80
_ITEM_FIELD = re.compile(r"\s*[,;|()]\s*|\s+[-–—]\s+")


def item_fields(text: str, name: str) -> list[str]:
    """The fields after ``name`` in a list item naming a recipient that may say where it is ("USA", "Frankfurt"):
    those that open with a capital; "für Zahlungen in Lira" describes what it does."""
    at = text.find(name)
    rest = text[at + len(name) :] if at >= 0 else ""
    return [field for field in _ITEM_FIELD.split(rest) if field.strip()[:1].isupper()]


def entry_company(text: str, words: RecipientWords) -> str:
    """The company a lettered entry of prose names first, closed by its legal form: the one after ``represented_by``
    where the entry names a service and then who runs it ("Acme Mail service is represented by Acme Mail Ltd, with
    its office in ...", „Dienst Acme Mail, vertreten durch die Acme Mail GmbH"), else the one it opens with
    ("Beta Inc., to send codes"); "" if none."""
    if (by := words.represented.search(text.lower())) and by.start() <= ENTRY_SERVICE_REACH:
        rest = text[by.end() :].split()
        while rest and rest[0].lower() in words.articles:
            rest.pop(0)
        return _leading_company(" ".join(rest), words)
    return _leading_company(text, words)


def _leading_company(text: str, words: RecipientWords) -> str:
    """The capitalised words ``text`` opens with, up to the last legal form among them; "" if they hold none."""
    run: list[str] = []
    for token in text.split():
        if not (_capitalised(token) or words.legal_form(token) or (run and token.lower() in words.inner)):
            break
        run.append(token)
    last = max((i for i, t in enumerate(run) if i and words.legal_form(t.rstrip(","))), default=None)
    return plain_name(" ".join(run[: last + 1]).rstrip(","), words, listed=True) if last is not None else ""


def opens_fields(text: str, words: RecipientWords) -> bool:
    """A paragraph that opens a recipient's entry: "Purpose: hosting", "Zweck: Hosting"."""
    head, colon, _ = text.partition(":")
    return bool(colon) and head.strip().lower() in words.fields


def location_fields(blocks: Sequence[Block], at: int, location: re.Pattern[str]) -> list[tuple[Block, str]]:
    """The fields of the entry whose first field is ``blocks[at]`` that say where its recipient is ("Country: IN",
    "Standort: Zürich"), up to the next heading, each with its value: a label a table's location column would have
    (``table_headers``' ``location`` in words.yml), beginning a word ("Support: ..." is no "ort")."""
    found: list[tuple[Block, str]] = []
    for block in blocks[at:]:
        if block.kind == "heading":
            break
        label, colon, value = block.text.partition(":")
        match = location.search(label) if colon and len(label.split()) <= FIELD_LABEL_WORDS else None
        if match and (match.start() == 0 or not label[match.start() - 1].isalnum()) and value.strip():
            found.append((block, value.strip()))
    return found


def named_text(document: Document, words: RecipientWords) -> str:
    """The text of ``document`` without its blocks among cookie, opt-out or plug-in choices (see
    :meth:`RecipientWords.among_choices`): the text where a company it names is named as a party."""
    kept: list[str] = []
    lead: Block | None = None
    for block in document.blocks:
        if block.kind == "heading":
            lead = None
        # A change log's "Removal of Acme" names a company no longer engaged, not a party the data goes to.
        if not words.among_choices(block.text, block, lead) and change_entry(block.text, words)[0] != "removed":
            kept.append(block.text)
        if block.kind == "paragraph":
            lead = block
    return "\n\n".join(kept)


def prose_recipient(name: str, role: Role, sentence: Sentence, reason: str) -> Recipient:
    return Recipient(name, role, "", (), (sentence.evidence(reason),))
