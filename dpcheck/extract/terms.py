"""Contract terms around transfers: supplementary measures and the Art. 28 sub-processor terms."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from dpcheck.extract.destinations import DOUBLE_NEGATION_REACH, Words
from dpcheck.extract.forms import box_before, labelled_absent
from dpcheck.extract.periods import stated_periods, states_period
from dpcheck.extract.recipients import QUOTES
from dpcheck.extract.roles import CLAUSE_MARKS
from dpcheck.extract.sentences import ANNOUNCED_REACH, Cue, Sentence, Tokens
from dpcheck.ingest.document import Document, Table
from dpcheck.models import (
    CHANGES_SUBPROCESSORS,
    DEFINITION,
    LATE_NOTICE,
    LIST_ABSENT,
    LISTED_IN_USE,
    OBJECTION_DENIED,
    OBJECTION_VOID,
    POINTS_TO_LIST,
    TAKEN_BACK,
    Evidence,
    Mention,
)

# Tokens after a name's first word within which its legal form or the bracket after it stands ("Mailrun Cloud
# Services Inc.", "Quorra (support)").
NAME_REACH = 4
# Tokens from a word saying by what means a party acts (``by_means`` in rules/lexicon/words.yml) to the notice it
# brings ("by giving 30 days' written notice").
BY_MEANS_REACH = 6
# In a sub-processor section a sentence need not name them again to point to their list: "The current list
# is available at https://...", "Die aktuelle Liste ist in Anlage 3 aufgeführt".
LIST_POINTER = re.compile(
    r"https?://|www\.|\b(lists?|listed|listen?|verzeichnis\w*|annex\w*|anlage\w*|appendix)\b", re.I
)
SUBPROCESSOR_URL = re.compile(r"(sub-?processors?|subunternehmer|unterauftrag\w*|sub-?contractors?)[\w/.-]*", re.I)
# Every match of SUBPROCESSOR_URL opens with one of these, case-folded (a text without them is not searched).
SUBPROCESSOR_URL_PARTS = ("sub", "unterauftrag")
# A section on requests from authorities: its handling sentences need not repeat who asks.
AUTHORITY_HEADING = re.compile(
    r"(request|demand|anfrage|ersuchen)\w*.{0,30}(authorit|government|law enforcement|behörd)|"
    r"(authorit|government|law enforcement|behörd)\w*.{0,30}(request|demand|access|anfrage|zugriff|ersuchen)",
    re.I,
)
# A messenger, named by the heading of the section or in the paragraph that describes it ("WhatsApp: a messaging
# service for text messages ...", „Telegram: Ein Nachrichtendienst ..."): the end-to-end encryption said there is
# what the messenger does with its chats, no step of the vendor's on a transfer.
MESSENGER = re.compile(
    r"messenger|instant messag|messaging (service|app)|text messages|kommunikationsdienst|nachrichtendienst|"
    r"textnachricht|chat-?dienst|chat service",
    re.I,
)


@lru_cache(maxsize=4096)
def _names_messenger(text: str) -> bool:
    """Whether ``text`` names a messaging service. Asked of a block's text and headings for each of its sentences:
    remembered per text, as MESSENGER (an alternation, ignoring case) is tried at every character of it."""
    return MESSENGER.search(text) is not None


# An item of an enumeration: "(i) ...", "b) ...", "- ...".
LIST_ITEM = re.compile(r"\s*(\(?[a-z0-9]{1,4}[.)]|[-•*–])\s", re.I)
# Tokens between "notify"/"informieren" and the party told ("notify the data exporter").
NOTICE_REACH = 4
# Tokens from "as" to the word for the role it gives a name ("uses Northwind as its hosting sub-processor").
ROLE_REACH = 4
# Tokens from "additional safeguards" to "such as", and from there to the tool it names.
EXAMPLE_REACH = 4
# Tokens from the word of checking to the level it checks ("monitors the circumstances of each transfer so that it
# keeps, in practice, a level of protection essentially equivalent"), and before it to another party as its subject.
CHECK_REACH = 25
CHECKER_REACH = 8


def link_mentions(document: Document) -> list[Mention]:
    """A hyperlink to a sub-processor page ("[our sub-processors](https://…)") points to the list."""
    found = []
    for text, target in document.links:
        if SUBPROCESSOR_URL.search(target) or SUBPROCESSOR_URL.search(text):
            start = max(document.text.find(text), 0) if text else 0
            end = start + len(text)
            block = next((b for b in document.blocks if b.start <= start < b.end), None)
            evidence = Evidence(
                block.text if block else text,
                block.start if block else start,
                block.end if block else end,
                document.page_at(start),
                block.heading_path if block else (),
                f"links to {target}",
            )
            found.append(Mention("subprocessor_list", "subprocessor_list", evidence))
    return found


@dataclass(frozen=True)
class AuthorityContext:
    """What the sentences before this one say about government access: the ones just before speak
    of requests from authorities, or a lead-in ("We will notify Customer of:") opens a list."""

    topic: bool = False
    lead_in: Sentence | None = None
    # The sentence just before, in the block, gave notice of new sub-processors only once they are at work: "this
    # notice" after it ("may object within two weeks of this notice") refers to that late notice.
    notice_late: bool = False
    # Another sentence of the paragraph speaks of transfers: "additional safeguards" there are taken for them.
    transfer_paragraph: bool = False


def speaks_of_transfers(sentence: Sentence) -> bool:
    """The sentence, or its section, speaks of data crossing borders or of a transfer tool."""
    return (
        sentence.in_transfer_section
        or sentence.has("CROSS_BORDER", "THIRD_COUNTRY", "SCC_LOCAL_LAWS")
        or sentence.has_prefixed("MECH:")
    )


def speaks_of_abroad(sentence: Sentence) -> bool:
    """The sentence, or its section, speaks of data leaving for a third country or of a transfer tool; a word of
    sending alone ("the transmission of messages") does not: a messenger transmits within the EEA too."""
    return (
        sentence.in_transfer_section
        or sentence.has("THIRD_COUNTRY", "SCC_LOCAL_LAWS")
        or sentence.has_prefixed("MECH:")
    )


def government_access(sentence: Sentence) -> bool:
    """The sentence (or its section) is about public authorities asking for data; a supervisory
    authority being notified or complained to is not that, nor data the state issues ("government
    identification numbers")."""
    if _authority_section(sentence.block.heading_path):
        return True
    if sentence.has("CRIME_REPORT", "PUBLIC_CUSTOMER"):
        return False
    supervisory = sentence.of("SUPERVISORY", "GOV_DATA")
    # A breach notice or a complaint route speaks of the supervisory authority, however it calls it ("its
    # obligations towards the competent authorities", "gegenüber der zuständigen Behörde").
    regulator = sentence.has("A28_BREACH", "ROLE:complaint")
    return any(
        not any(s.start <= c.start < s.end or c.start <= s.start < c.end for s in supervisory)
        and not (regulator and c.text.lower().startswith(GENERIC_AUTHORITY))
        for c in sentence.of("GOV_ACCESS")
    )


# Words for public authorities that name none in particular: in a breach notice or a complaint route they are
# the supervisory authority.
GENERIC_AUTHORITY = ("competent authorit", "authorities", "authority", "public authorit", "behörde", "zuständig")


# A sentence defining a quoted term ('"Transfer Impact Assessment" or "TIA" means ...', '„TIA“ bezeichnet ...').
DEFINED_TERM = re.compile(
    r"^\W{0,3}(?:\d{1,2}[.)]\s*)?[„“\"'‚‘][^„“\"'”’]{2,60}[“”\"'’](?:\s*(?:or|oder|\(|,)\s*[„“\"'‚‘]?[^„“\"'”’]{1,20}"
    r"[“”\"'’]?\)?)?\s*(?:means|mean|shall mean|refers? to|has the meaning|bezeichnet|bedeutet|meint|ist|sind|is|are)\b",
    re.I,
)
# Words limiting a denial of the objection right to the time after the period granted, or to what is beyond it.
DENIAL_LIMIT = re.compile(
    r"\b(thereafter|afterwards|after (?:that|this|such|the|its) (?:period|deadline|date|time)|after (?:the )?expiry|"
    r"beyond|otherwise|danach|nachher|später\w*|nach ablauf|darüber hinaus|ansonsten|im übrigen|sonst)\b",
    re.I,
)
UNREASONABLE = re.compile(r"\bunreasonabl|\bunbillig|\bohne (wichtigen|sachlichen) grund", re.I)


# Every sentence of a section asks (twice), and a document has few sections.
@lru_cache(maxsize=1024)
def _authority_section(heading_path: tuple[str, ...]) -> bool:
    return any(AUTHORITY_HEADING.search(h) for h in heading_path)


def _exemplified_by_a_tool(sentence: Sentence, cue: Cue) -> bool:
    """ "secured by additional safeguards, such as the standard data protection clauses": the safeguards meant
    are the transfer tool itself (Art. 46), not measures beside it."""
    examples = [e for e in sentence.of("OPEN_SET") if 0 <= e.start - cue.end <= EXAMPLE_REACH]
    tools = sentence.of_prefixed("MECH:")
    return any(0 <= t.start - e.end <= EXAMPLE_REACH for e in examples for t in tools)


def _basis_of_transfer(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "we base any transfer on additional safeguards", „stützen wir eine Übermittlung auf zusätzliche Garantien":
    generic safeguards that the transfer is said to rest on are its tool (Art. 46), not measures beside it."""
    if cue.label != "SUPPLEMENTARY_GENERIC" or cue.start == 0:
        return False
    tokens = sentence.span
    lo, _ = sentence.clause_bounds(cue.start)
    return tokens[cue.start - 1].lower_ in words.basis_prepositions and any(
        t.lower_ in words.basis_verbs for t in tokens[lo : cue.start - 1]
    )


def _denied(sentence: Sentence, cue: Cue, words: Words) -> bool:
    """ "Messages are not end-to-end encrypted", "Bring your own key is not supported", "Eine Ende-zu-Ende-
    Verschlüsselung bietet der Dienst nicht": a negation in the measure's clause says it is absent; not one in a
    relative clause after it, which says what the measure does ("keys that we cannot read")."""
    lo, hi = sentence.clause_bounds(cue.start)
    tokens = sentence.span
    for n in sentence.of("NEGATION"):
        if not lo <= n.start < hi or n.text.lower() in words.protects_against:
            continue
        if n.start < cue.start or not any(t.lower_ in words.measure_clause for t in tokens[cue.end : n.start]):
            return True
    return False


def empty_column(sentence: Sentence, table: Table, cues: list[Cue], words: Words) -> bool:
    """The sentence is the header row of ``table`` and names what ``cues`` name only as the title of columns whose
    every cell says there is none ("Supplementary measures" over "None", "SCCs signed" over "No", "–")."""
    header = [h for h in table.header if h]
    if sentence.block.text != " | ".join(header) or not cues:
        return False
    columns = [i for i, h in enumerate(table.header) if any(c.text.lower() in h.lower() for c in cues)]
    cells = [row[i].strip() for row in table.rows for i in columns if i < len(row)]
    return bool(columns) and all(not c or words.absent_value.fullmatch(c) for c in cells)


def _awaited(sentence: Sentence, cue: Cue) -> bool:
    """ "Should we ever transfer data there, we would assess ...", "If a court or supervisory authority questions the
    clauses, the parties will carry out a transfer impact assessment": a measure promised for an imagined transfer,
    or only once an outside event happens, is not taken today. A condition on the vendor's own transfers ("where
    data is transferred, we carry out an assessment") still commits it."""
    if any(c.end <= cue.start for c in sentence.of("HYPOTHETICAL", "COUNTERFACTUAL")):
        return True
    conditions = [c.start for c in sentence.of("IF_CLAUSE") if c.end <= cue.start]
    return bool(conditions) and any(
        min(conditions) <= e.start and e.end <= cue.start for e in sentence.of("EXTERNAL_EVENT")
    )


def _protection_checked(sentence: Sentence, words: Words) -> Cue | None:
    """ "We verify that recipients keep a level of protection equivalent to the GDPR", „wir prüfen laufend, ob ein im
    Wesentlichen gleichwertiges Schutzniveau besteht": the exporter's own check of the protection abroad is the
    assessment Schrems II asks for. Not the Commission's ("countries the Commission has assessed as offering
    essentially equivalent protection"), one left to the reader or customer ("you can check which countries offer
    equivalent protection", „prüfen Sie, ob ..."), a check denied, or one promised for an imagined transfer."""
    levels = sentence.of("EQUIVALENT_PROTECTION")
    for check in sentence.of("PROTECTION_CHECKED"):
        if not any(0 <= level.start - check.end <= CHECK_REACH for level in levels):
            continue
        # The one who checks comes before the word („Sie können prüfen") or, asked to, right after it („prüfen Sie").
        if any(
            c.start <= check.start and check.start - c.end <= CHECKER_REACH for c in sentence.of("CHECKED_BY_OTHERS")
        ):
            continue
        if not _denied(sentence, check, words) and not _awaited(sentence, check):
            return check
    return None


def _tells_customer(sentence: Sentence) -> str:
    # "We tell you that U.S. law may not protect your data against access by U.S. authorities": the risk, no request.
    if sentence.has("RISK_NOTICE") and not sentence.has("GOV_REQUEST"):
        return ""
    for notice in sentence.of("GOV_NOTICE"):
        # The one told stands next to the verb: "notify Customer", "den Auftraggeber informieren".
        party = next(
            (
                p
                for p in sentence.of("CUSTOMER_SIDE")
                if 0 <= p.start - notice.end < NOTICE_REACH or 0 <= notice.start - p.end < NOTICE_REACH
            ),
            None,
        )
        if party is not None:
            return f"tells {party.text} of public-authority requests ('{notice.text}')"
    return ""


def supplementary_measure(sentence: Sentence, words: Words, context: AuthorityContext = AuthorityContext()) -> str:
    """Why the sentence addresses Schrems II, or "" if it does not: it names an assessment or a
    measure, or commits to a concrete step on government requests (challenge, redirect,
    minimise, require binding legal process, tell the customer). Saying that data is disclosed
    to authorities "as required by law" or "in response to valid legal process" commits to
    nothing, so it does not count."""
    # A definition ('"Transfer Impact Assessment" means ...') names a measure, it does not take it.
    labels = ("SUPPLEMENTARY",) if sentence.has("SERVICE_TOPIC") else ("SUPPLEMENTARY", "TRANSPARENCY_REPORT")
    if context.transfer_paragraph or speaks_of_transfers(sentence):
        labels = (*labels, "SUPPLEMENTARY_GENERIC")
    if speaks_of_abroad(sentence) or not any(
        _names_messenger(t) for t in (*sentence.block.heading_path, sentence.block.text)
    ):
        labels = (*labels, "SUPPLEMENTARY_ENCRYPTION")
    named = [
        c
        for c in ([] if DEFINED_TERM.match(sentence.text) else sorted(sentence.of(*labels), key=lambda c: c.start))
        if not _exemplified_by_a_tool(sentence, c)
        and not _basis_of_transfer(sentence, c, words)
        and not _denied(sentence, c, words)
        and not _awaited(sentence, c)
        and not labelled_absent(sentence.span[c.end :], words.absent_value)
        and box_before(sentence.span, c.start) is not False
    ]
    if sentence.has("MECH:scc"):
        named = sorted([*named, *sentence.of("SCC_LOCAL_LAWS")], key=lambda c: c.start)
    if named:
        return f"names '{named[0].text}'"
    if (context.transfer_paragraph or speaks_of_transfers(sentence)) and (
        check := _protection_checked(sentence, words)
    ):
        return f"checks that the protection abroad is equivalent ('{check.text}')"
    if not (context.topic or government_access(sentence)):
        return ""
    handling = sentence.of("GOV_HANDLING")
    if sentence.has("SERVICE_TOPIC"):
        # A report on the service (uptime, content moderation under the DSA) handles no request for data.
        reports = sentence.of("TRANSPARENCY_REPORT")
        handling = [
            h for h in handling if not any(r.start <= h.start < r.end or h.start <= r.start < h.end for r in reports)
        ]
    if handling:
        return f"handles public-authority access ('{handling[0].text}')"
    # "may disclose data where the law requires it": what permits the disclosure, not a condition the vendor sets.
    permits = sentence.of("GOV_PERMITTED")
    requires = [c for c in sentence.of("GOV_REQUIRE") if not any(p.start <= c.start < p.end for p in permits)]
    if requires and sentence.has("LEGAL_PROCESS") and not sentence.has("GOOD_FAITH"):
        return f"requires binding legal process ('{sentence.of('LEGAL_PROCESS')[0].text}')"
    return _tells_customer(sentence) or (_tells_customer(context.lead_in) if context.lead_in else "")


def _closed_list(sentence: Sentence, words: Words) -> bool:
    """ "The Processor uses the following sub-processors:", „Wir setzen folgende Unterauftragsverarbeiter ein:": the
    contract lists the processors it is using and authorises those; only a clause on changes (notice of new ones, an
    up-to-date list) makes the authorisation a general one (Art. 28(2)). A list opened as examples ("We use service
    providers, including:", „Wir setzen u. a. folgende Dienstleister ein:") names some of the processors, not the last
    ones: the others are authorised in general."""
    if not all(c.text.lower().split()[-1] in words.in_use for c in sentence.of("AUTHORISATION")):
        return False
    if sentence.text.rstrip().endswith(":"):
        return not _examples_opened(sentence)
    # "uses in particular the following sub-processors Mailrun Inc. (hosting)", „bedient sich insbesondere folgender
    # Unterauftragsverarbeiter: Mailrun GmbH": a list run on inline is opened as examples as one ending in a colon is.
    return _inline_list(sentence, words) and not sentence.has("OPEN_LIST", "OPEN_SET")


def _inline_list(sentence: Sentence, words: Words) -> bool:
    """ "The Processor uses the following sub-processors Mailrun Inc. (hosting) and Quorra GmbH (support).", „Der
    Auftragnehmer bedient sich folgender Unterauftragsverarbeiter: Mailrun GmbH (Hosting) und Quorra GmbH": the list
    runs on in the sentence, with or without a colon, so the sentence names those in use as one ending in a colon does.
    A name is a capitalised word right after the word for them (a colon between) that closes with a legal form or a
    bracket within a few words: German writes every noun with a capital."""
    tokens = sentence.span
    uses = [c.end for c in sentence.of("AUTHORISATION")]
    claimed = sentence.claimed("SUBPROCESSOR")
    for cue in sentence.of("SUBPROCESSOR"):
        k = cue.end + 1 if cue.end < len(tokens) and tokens[cue.end].text == ":" else cue.end
        if not uses or cue.start < min(uses) or k >= len(tokens) or k in claimed or not tokens[k].text[:1].isupper():
            continue
        if any(t.text == "(" or t.lower_.rstrip(".") in words.legal_forms for t in tokens[k + 1 : k + 1 + NAME_REACH]):
            return True
    return False


def _examples_opened(sentence: Sentence) -> bool:
    """The lead-in of a list gives what follows as examples: "in particular the following", or a word of an open set
    closing it ("..., including:", "..., among others:", „..., insbesondere:"). An open-set word earlier in the lead-in
    may speak of something else ("providers for services such as hosting use the following:")."""
    if sentence.has("OPEN_LIST"):
        return True
    last = max((i for i, t in enumerate(sentence.span) if any(ch.isalnum() for ch in t.text)), default=-1)
    return any(c.end - 1 == last for c in sentence.of("OPEN_SET"))


def _says_change(sentence: Sentence, words: Words) -> str:
    """The word saying that the sub-processors or their list may change ("may amend this list at any time", „kann
    weitere Unterauftragsverarbeiter hinzuziehen"), or "": whether or not the sentence gives notice, a list of the
    processors in use is then where a general authorisation starts, never a closed one (see _closed_list). Changes of
    another document ("changes to this DPA") say nothing of the sub-processors, nor does a clause's run-in title
    ("Liability and changes."): the terms after it say what changes."""
    if sentence.has("OTHER_CHANGE") or _price_only(sentence) or sentence.is_title or _closed_list(sentence, words):
        return ""
    if cues := sentence.of("CHANGE", "AT_ANY_TIME"):
        return cues[0].text
    return next((t.text for t in sentence.span if t.lower_ in words.list_changes), "")


def _consent_condition(sentence: Sentence, words: Words) -> Cue | None:
    """The condition that makes engaging a sub-processor depend on the controller's consent ("only with
    the Customer's consent", "nur mit Zustimmung", "shall not appoint ... unless authorised"), or None;
    a sentence that names a general authorisation grants one whatever its conditions. An "unless"/"without" counts
    only where a negation reaches it in its clause (see _breaks): „Der Auftraggeber wird nicht eigens gefragt, neue
    Unterauftragsverarbeiter werden ohne jedes Widerspruchsrecht eingesetzt" negates the asking, and the "ohne" denies
    the right to object; it makes no engagement wait for consent. A joining word or a comma between them ends the
    negation's clause, unless a comma stands right before the condition: then what lies between is an insertion
    ("shall not engage any sub-processor, whether in the EU or not, without the Customer's consent")."""
    if sentence.has("A28_GENERAL"):
        return None
    tokens = sentence.span
    negations = sentence.of("NEGATION")

    def outside_brackets(start: int, end: int) -> list[str]:
        # "shall not appoint (or disclose any data to) any sub-processor unless authorised": an act a bracket adds to
        # the negated one ends no clause. A bracket giving leave of its own ("(and may engage others at will)",
        # „(die er jederzeit einsetzen darf)") is a clause of its own, read as if unbracketed.
        depth, kept, inner = 0, list[str](), list[str]()
        for t in tokens[start:end]:
            depth += (t.text == "(") - (t.text == ")")
            if t.text in ("(", ")"):
                if depth <= 0 and not words.permission.isdisjoint(inner):
                    kept += inner
                inner = [] if depth <= 0 else inner
            elif depth > 0:
                inner.append(t.lower_)
            else:
                kept.append(t.lower_)
        return kept + (inner if not words.permission.isdisjoint(inner) else [])

    def reaches(condition: Cue) -> bool:
        lo, _ = sentence.part_bounds(condition.start)
        inserted = condition.start > 0 and tokens[condition.start - 1].text == ","
        return any(
            lo <= n.start
            and n.end <= condition.start
            and (
                inserted
                or not any(w == "," or w in words.disjunction for w in outside_brackets(n.end, condition.start))
            )
            for n in negations
        )

    for consent in sentence.of("AUTHORISATION"):
        for condition in sentence.of("A28_ONLY_WITH", "A28_UNLESS"):
            negated = condition.label == "A28_ONLY_WITH" or reaches(condition)
            if condition.end <= consent.start and negated:
                return condition
    return None


def _processors_named(sentence: Sentence) -> str:
    """The names a sentence gives the processors the vendor uses ("We use Acme and Globex to store the data;
    they process it on our behalf"), or ""; a name is a capitalised word right after the verb that no cue
    claims ("We use Sub-processors ..." names none)."""
    if not sentence.has("A28_ON_OUR_BEHALF"):
        return ""
    return _name_after(sentence, "A28_USE")


# The labels without which a sentence gives term_mentions nothing, unless its text names sub-processors in a
# web address (SUBPROCESSOR_URL) or its lead-in tells the customer of requests (AuthorityContext.lead_in).
ANCHORS = (
    "SUPPLEMENTARY",
    "SUPPLEMENTARY_GENERIC",
    "SUPPLEMENTARY_ENCRYPTION",
    "EQUIVALENT_PROTECTION",
    "TRANSPARENCY_REPORT",
    "SCC_LOCAL_LAWS",
    "GOV_HANDLING",
    "GOV_REQUIRE",
    "GOV_NOTICE",
    "A28_ON_OUR_BEHALF",
    "SUBPROCESSOR",
    "SUBPROCESSOR_SECTION",
)


def gives_late_notice(sentence: Sentence) -> bool:
    """The sentence announces new sub-processors only once they are engaged ("within four weeks after their
    engagement")."""
    return sentence.has("NOTICE") and bool(_late(sentence))


def _late(sentence: Sentence) -> list[Cue]:
    """The words putting the notice after the change. The change standing once the sub-processor is at work or the
    change published ("once it has started", "deemed given upon publication") says so only where the sentence did not
    announce it in advance first: "30 days before it starts, and updates the list once it has started" is prior
    notice."""
    advance = [c.start for c in sentence.of("ADVANCE")]
    done = [c for c in sentence.of("NOTICE_ONCE_DONE") if not any(a < c.start for a in advance)]
    return sorted([*sentence.of("NOTICE_AFTER"), *done], key=lambda c: c.start)


def term_mentions(sentence: Sentence, words: Words, context: AuthorityContext = AuthorityContext()) -> list[Mention]:
    """Mentions of supplementary measures and sub-processor terms in one sentence."""
    found: list[Mention] = []

    def add(kind: str, reason: str, detail: str = "") -> None:
        found.append(Mention(kind, kind, sentence.evidence(reason), detail=detail))

    def notice(reason: str) -> None:
        # Notice for one tier of customers is none for the others the DPA covers.
        if sentence.has("TIER_ONLY"):
            return
        # Notice once the sub-processor is at work leaves nothing to object to in advance: no prior notice, and the
        # clause that shows it (see checks/features.py).
        late = sorted([*_late(sentence), *sentence.of("NOTICE_ON_REQUEST")], key=lambda c: c.start)
        if late := [c for c in late if c.start < objection_token]:
            add(LATE_NOTICE, f"notice of new sub-processors '{late[0].text}'")
            return
        if context.notice_late and sentence.has("NOTICE_REFERENCE"):
            return
        # "may engage a new sub-processor at any time and will publish it on that page": posted after the fact.
        if (
            sentence.has("AT_ANY_TIME")
            and sentence.has("ENGAGES")
            and not sentence.has("ADVANCE")
            and all(
                any(p.start <= c.start < p.end for p in sentence.of("NOTICE_POSTING")) for c in sentence.of("NOTICE")
            )
        ):
            add("subprocessor_unannounced", f"new sub-processors '{sentence.of('AT_ANY_TIME')[0].text}', then posted")
            return
        # The notice period in days, when the sentence states one: DPA and list page may differ on it.
        add("subprocessor_notice", reason, _days(notice_periods))

    measure = supplementary_measure(sentence, words, context)
    if measure:
        add("supplementary_measures", measure)

    text = sentence.text
    if processor := _processors_named(sentence):
        add("subprocessor_list", f"names a processor used on the vendor's behalf ('{processor}')")
    named = sentence.has("SUBPROCESSOR") or sentence.matches(SUBPROCESSOR_URL, SUBPROCESSOR_URL_PARTS)
    if not (named or sentence.in_subprocessor_section):
        return found
    # "notify 30 days before ..., and Customer may object within 14 days": a period after the
    # objection is the time to object, one before it the notice.
    announced = announcing(sentence)
    # Concerns the vendor only considers in good faith are consultation, not a right to object.
    concerns = [] if sentence.has("GOOD_FAITH") else sentence.of("OBJECTION_CONCERNS")
    # Under a sub-processor heading, "If the Customer objects to a price change, it may terminate" objects to the price.
    priced = not named and _price_only(sentence)
    objections = sorted(
        (c for c in [*sentence.of("OBJECTION"), *concerns] if c.start not in announced and not priced),
        key=lambda c: c.start,
    )
    objection = text.lower().find(objections[0].text.lower()) if objections else len(text)
    objection_token = objections[0].start if objections else len(sentence.span)
    # "Customer may terminate by written notice": a notice word after the objection saying how ("by", „durch") is how
    # the customer objects; "object within 14 days after being informed" still refers to the vendor's notice.
    tokens = sentence.span
    gives_notice = (
        any(
            c.start < objection_token
            or not any(t.lower_ in words.by_means for t in tokens[max(0, c.start - BY_MEANS_REACH) : c.start])
            for c in sentence.of("NOTICE")
        )
        or bool(announced)
        or (sentence.has("NOTICE_DETAIL") and not objections)
    )
    notice_cues = sentence.of("NOTICE", "NOTICE_DETAIL")
    notice_word = f"'{notice_cues[0].text}'" if notice_cues else f"'{sentence.span[min(announced, default=0)].text}'"
    periods = stated_periods(text)
    notice_periods = [days for at, days in periods if at < objection]
    # In a sub-processor section, "Customer may object within 14 days" needs no repeat of the word.
    if objections and _objection_void(sentence, words):
        add(OBJECTION_VOID, f"an objection that changes nothing ('{objections[0].text}')")
    elif (denials := _objection_denials(sentence, words)) and not _granted_apart(sentence, denials, objections, words):
        alone = not _limited(sentence, denials, words) and all(
            any(d.start <= o.start < d.end for d in denials) for o in objections
        )
        add(OBJECTION_DENIED, f"the right to object taken away ('{denials[0].text}')", TAKEN_BACK if alone else "")
    # "... constitutes acceptance of the new Sub-processor": consent to a change; the list in force at signing "deemed
    # approved" („gelten als genehmigt") is the authorisation itself.
    elif not objections and sentence.has("CHANGE") and (deemed := sentence.of("DEEMED_ACCEPTANCE")):
        add(OBJECTION_DENIED, f"a change accepted without objection ('{deemed[0].text}')")
    elif objections and not sentence.has("TIER_ONLY") and not _ordinary_termination_kept(sentence, words):
        add(
            "subprocessor_objection",
            f"'{objections[0].text}'",
            # German puts the period before the verb ("kann innerhalb von 14 Tagen widersprechen"): in a sentence
            # that gives no notice every period is the time to object.
            _days([days for at, days in periods if at > objection or not sentence.has("NOTICE")]),
        )
    if change := _says_change(sentence, words):
        add(
            CHANGES_SUBPROCESSORS,
            f"the sub-processors may change ('{change}')",
            DEFINITION if sentence.is_definition else "",
        )
    if kinds := sentence.of("SUBPROCESSOR_KINDS"):
        add(LIST_ABSENT, f"names sub-processors by kind only ('{kinds[0].text}')")
    elif later := _promised_later(sentence, words):
        add(LIST_ABSENT, f"promises the list for later ('{later.text}')")
    if not named:
        # Under a sub-processor heading, "informs the Customer of planned changes" is prior notice too: Art. 28(2)
        # asks for notice, not for a period.
        if (
            gives_notice
            and (states_period(text) or sentence.has("CHANGE"))
            and not sentence.has("OTHER_CHANGE")
            and not _price_only(sentence)
        ):
            notice(notice_word)
        if (
            sentence.has("LIST")
            and LIST_POINTER.search(text)
            and not _by_kind_only(sentence)
            and _says_where(sentence, words)
        ):
            add(
                "subprocessor_list",
                f"points to the list of this sub-processor section ('{sentence.of('LIST')[0].text}')",
                POINTS_TO_LIST,
            )
        # "Customer gives general authorisation": what it authorises is the section's topic.
        if sentence.has("A28_GENERAL") and sentence.has("AUTHORISATION"):
            add("general_authorisation", f"'{sentence.of('A28_GENERAL')[0].text}' in a sub-processor section")
        return found
    if sentence.has("LIST") and not _by_kind_only(sentence) and _says_where(sentence, words):
        add(
            "subprocessor_list", f"points to a list of sub-processors ('{sentence.of('LIST')[0].text}')", POINTS_TO_LIST
        )
    elif name := _subprocessor_named(sentence):
        add("subprocessor_list", f"names a sub-processor ('{name}')")
    elif "http" in text or "www." in text:
        add("subprocessor_list", "links to a sub-processor page")
    elif none_engaged := _none_engaged(sentence):
        add("subprocessor_list", f"says that no sub-processors are engaged now ('{none_engaged}')")
    if sentence.has("SPECIFIC_AUTHORISATION"):
        add("specific_authorisation", f"'{sentence.of('SPECIFIC_AUTHORISATION')[0].text}'")
    elif (condition := _consent_condition(sentence, words)) is not None:
        add("specific_authorisation", f"engaged only with the controller's consent ('{condition.text}')")
    elif sentence.has("AUTHORISATION"):
        kind = LISTED_IN_USE if _closed_list(sentence, words) else "general_authorisation"
        add(kind, f"'{sentence.of('AUTHORISATION')[0].text}'")
    if gives_notice and (states_period(text) or sentence.has("CHANGE")):
        notice(notice_word)
    elif (
        sentence.has("AT_ANY_TIME")
        and sentence.has("ENGAGES")
        and not sentence.has("NOTICE", "OBJECTION", "OBJECTION_CONCERNS", "A28_TERMINATE")
    ):
        add("subprocessor_unannounced", f"new sub-processors '{sentence.of('AT_ANY_TIME')[0].text}'")
    return found


def announcing(sentence: Sentence) -> set[int]:
    """The verbs of a German notice split around their object ("kündigt die Hinzuziehung ... 30 Tage vorher an",
    "teilt ... mit"): the token of each verb whose particle closes the sentence. "kündigt ... an" announces; it
    terminates nothing."""
    # Most sentences hold none of the verbs: looked up by the document's word hashes, their tokens are not made.
    if not sentence.where_word(SEPARABLE_VERBS):
        return set()
    words = [t.lower_ for t in sentence.span]
    # The particle closes the sentence or its clause ("kündigt ... 30 Tage im Voraus an; der Kunde kann ...").
    closing = [j for j, w in enumerate(words) if j + 1 == len(words) or not any(ch.isalpha() for ch in words[j + 1])]
    return {
        i
        for i, w in enumerate(words)
        if (particle := SEPARABLE_NOTICE.get(w)) is not None
        and any(j > i + 1 and words[j] == particle for j in closing)
    }


# German verbs of notice and the particle that ends their clause: the lexicon matches words in a row, these stand apart.
SEPARABLE_NOTICE = {
    "kündigt": "an",
    "kündigen": "an",
    "teilt": "mit",
    "teilen": "mit",
    "zeigt": "an",
    "zeigen": "an",
    "gibt": "bekannt",
    "geben": "bekannt",
}
SEPARABLE_VERBS = frozenset(SEPARABLE_NOTICE)


def _price_only(sentence: Sentence) -> bool:
    """Every change the sentence speaks of is one of the price ("may change its prices with 30 days' notice", "if the
    Customer objects to a price change"): its notice and objection are the price's. "will notify the Customer of any
    changes 30 days in advance, including price changes" gives notice of every change, the price's among them."""
    prices = sentence.of("PRICE_CHANGE")
    return bool(prices) and all(any(p.start <= c.start < p.end for p in prices) for c in sentence.of("CHANGE"))


def _objection_denials(sentence: Sentence, words: Words) -> list[Cue]:
    """The words taking the objection right away ("waives any right to object", "steht dem Auftraggeber nicht
    zu"); none where the sentence only bars unreasonable objections ("may not object unreasonably"), nor a "without"
    a negation cancels ("No new sub-processor is engaged without any right to object", „Kein neuer
    Unterauftragsverarbeiter wird eingesetzt, ohne dass dem Auftraggeber ein Widerspruchsrecht zusteht"): there every
    new sub-processor comes with the right."""
    if UNREASONABLE.search(sentence.text):
        return []
    return [d for d in sentence.of("OBJECTION_DENIED") if not _negated_without(sentence, d, words)]


def _negated_without(sentence: Sentence, denial: Cue, words: Words) -> bool:
    """A denial opened by "without" (``double_negation``) with a negation shortly before it in its clause. A word
    joining a second clause between them ("does not notify the Customer and engages ... without any right to object")
    or a semicolon leaves the two apart."""
    tokens = sentence.span
    if tokens[denial.start].lower_ not in words.double_negation:
        return False
    lo, _ = sentence.part_bounds(denial.start)
    return any(
        lo <= n.start
        and 0 <= denial.start - n.end <= DOUBLE_NEGATION_REACH
        and tokens[n.start].lower_ not in words.double_negation
        and not any(_breaks(tokens, k, denial.start, words) for k in range(n.end, denial.start))
        for n in sentence.of("NEGATION")
    )


def _breaks(tokens: Tokens, k: int, denial: int, words: Words) -> bool:
    """Token ``k`` between a negation and the "without" at ``denial`` ends the negation's reach: a joining word, one
    opening another predicate ("need not obtain consent before engaging new sub-processors without any right to
    object"), or a comma not right before the "without" („Eine Zustimmung ist nicht erforderlich, neue
    Unterauftragsverarbeiter werden ohne jedes Widerspruchsrecht eingesetzt"; „wird nicht eingesetzt, ohne ..." keeps
    it)."""
    word = tokens[k].lower_
    return word in words.disjunction or word in words.predicate_break or (word == "," and k != denial - 1)


def _granted_apart(sentence: Sentence, denials: list[Cue], objections: list[Cue], words: Words) -> bool:
    """An objection granted first, in a part of the sentence between semicolons that denies none ("Customer may object
    to a new sub-processor within 14 days; a right to object to approved sub-processors does not exist"): the denial
    after it narrows the right, it does not take it away. A denial first stands: „Ein Widerspruchsrecht besteht nicht;
    das Recht zur ordentlichen Kündigung bleibt unbenommen" leaves the customer only the way out of the contract. So
    does a denial that names no sub-processors it is limited to ("Customer may object within 14 days; Customer waives
    any right to object"): the clause takes back what it gave, and the right cannot be relied on."""
    if not _limited(sentence, denials, words):
        return False
    first = min(d.start for d in denials)
    for objection in objections:
        lo, hi = sentence.part_bounds(objection.start, objection.end)
        if objection.end <= first and not any(lo <= d.start < hi for d in denials):
            return True
    return False


def _limited(sentence: Sentence, denials: list[Cue], words: Words) -> bool:
    """A denial of the objection right limited to some sub-processors ("to approved sub-processors") or to the time
    after the period granted ("...; thereafter the Customer waives any right to object", „danach ist ein Widerspruch
    ausgeschlossen"): the part of the sentence holding it names them or says so. Sub-processors named as every new one
    ("waives any right to object to new sub-processors", „gegen neue Unterauftragsverarbeiter") limit nothing."""
    tokens = sentence.span
    parts = [sentence.part_bounds(d.start, d.end) for d in denials]
    return any(
        lo <= n.start < hi and not _every_new(tokens, n.start, words)
        for lo, hi in parts
        for n in sentence.of("SUBPROCESSOR")
    ) or any(DENIAL_LIMIT.search(" ".join(t.text for t in tokens[lo:hi])) for lo, hi in parts)


def _objection_void(sentence: Sentence, words: Words) -> bool:
    """An objection changes nothing ("does not prevent the engagement", „lässt das Recht des Auftragnehmers, ...
    einzusetzen, unberührt")."""
    if sentence.has("OBJECTION_NO_EFFECT"):
        return True
    tokens = sentence.span
    return any(t.lower_ in words.unaffected for c in sentence.of("OBJECTION_LEAVES") for t in tokens[c.end :])


# The words that name the right to object itself, not a customer's disagreement ("does not agree", „nicht
# einverstanden") that a saving clause for ordinary termination answers.
RIGHT_TO_OBJECT = ("object", "veto", "widersp", "einspruch", "einwand", "einwänd", "einwend")


def _ordinary_termination_kept(sentence: Sentence, words: Words) -> bool:
    """The sentence only keeps the contract's ordinary termination as it was („Ist der Auftraggeber nicht einverstanden,
    bleibt ihm das Recht zur ordentlichen Kündigung unberührt"): the way out any customer has, not a right to object.
    Not when the sentence grants the right itself beside it ("the Customer may object within 14 days, and its right of
    ordinary termination remains unaffected"): a word of objecting outside the termination's words is that right."""
    kept = sentence.of("ORDINARY_TERMINATION")
    if not kept or not any(t.lower_ in words.unaffected for t in sentence.span):
        return False
    return not any(
        c.text.lower().startswith(RIGHT_TO_OBJECT) and not any(k.start <= c.start < k.end for k in kept)
        for c in sentence.of("OBJECTION")
    )


def _subprocessor_named(sentence: Sentence) -> str:
    """ "transfers ... are made to its subprocessor Example, Inc.": the capitalised name right after a word for a
    sub-processor, which no cue claims; "" if there is none. So is the name the vendor uses in that role ("Provider
    uses Northwind Cloud as its hosting sub-processor", „setzt Nordwind als Unterauftragsverarbeiter ein")."""
    if name := _name_after(sentence, "SUBPROCESSOR"):
        return name
    tokens = sentence.span
    joining = {k for c in sentence.of("NOT_A_ROLE") for k in range(c.start, c.end)}
    roles = [
        c.start
        for c in sentence.of("SUBPROCESSOR")
        if any(
            tokens[k].lower_ in ("as", "als") and k not in joining for k in range(max(0, c.start - ROLE_REACH), c.start)
        )
    ]
    if roles and (name := _name_after(sentence, "A28_USE")):
        used = [c.end for c in sentence.of("A28_USE") if c.end < len(tokens) and tokens[c.end].text == name]
        return name if any(u < r for u in used for r in roles) else ""
    return ""


def _name_after(sentence: Sentence, label: str) -> str:
    """The capitalised word right after a cue of ``label`` that no other cue claims (a name), or ""."""
    tokens = sentence.span
    claimed = sentence.claimed(label)
    for cue in sentence.of(label):
        if cue.end < len(tokens) and cue.end not in claimed and tokens[cue.end].text[:1].isupper():
            return tokens[cue.end].text
    return ""


def _says_where(sentence: Sentence, words: Words) -> bool:
    """The sentence says where the list is: a list cue other than the noun alone ("listed in Annex 3", "at
    https://..."), or the noun with a word of where it is kept ("the list is available in the portal"). "Updates to
    the list of sub-processors" only says that there is one; "following" or „nachfolgend" points to a list that
    follows only before a colon or the sub-processors ("die folgenden Unterauftragsverarbeiter"), not in a definition
    („nachfolgend „Dienstleister" genannt") or before other things ("the following conditions"). Parts of a document
    counted off one after another ("clauses, recitals, schedules, annexes") point to no list, nor does a list
    promised for later ("will be included in the final DPA", „wird nachgereicht")."""
    nouns = {(c.start, c.end) for c in sentence.of("LIST_NOUN")}
    tokens = sentence.span
    lists = sentence.of("LIST")
    # A list promised for later is no list yet, wherever it will be.
    if _promised_later(sentence, words):
        return False
    counted_off = {
        (c.start, c.end)
        for c in lists
        for o in lists
        if (o.end + 1 == c.start and tokens[o.end].text == ",") or (c.end + 1 == o.start and tokens[c.end].text == ",")
    }
    named = [c.start for c in sentence.of("SUBPROCESSOR")]
    following = {
        (c.start, c.end)
        for c in sentence.of("LIST_FOLLOWING")
        if not any(t.text == ":" for t in tokens[c.end :])
        and not any(
            0 <= s - c.end <= ANNOUNCED_REACH and not any(t.text in QUOTES for t in tokens[c.end : s]) for s in named
        )
    }
    return sentence.has("LIST_WHERE") or any((c.start, c.end) not in nouns | following | counted_off for c in lists)


def _by_kind_only(sentence: Sentence) -> bool:
    """The sentence names sub-processors by kind ("categories of sub-processors are listed in Annex 3", „der folgenden
    Kategorien"), and its list words point to those kinds. Not where a list word stands with sub-processors named
    themselves in one clause, no kind between them: "engages the sub-processors listed in Annex 3 and, for peak loads,
    sub-processors of the following types", „setzt die in Anlage 3 aufgeführten Unterauftragsverarbeiter ein sowie
    Unterauftragsverarbeiter der folgenden Kategorien" point to a list of them."""
    kinds = sentence.of("SUBPROCESSOR_KINDS")
    if not kinds:
        return False
    tokens = sentence.span
    named = [c for c in sentence.of("SUBPROCESSOR") if not any(k.start <= c.start < k.end for k in kinds)]
    for n in named:
        for cue in sentence.of("LIST"):
            lo, hi = min(n.start, cue.start), max(n.end, cue.end)
            if not any(t.text in CLAUSE_MARKS for t in tokens[lo:hi]) and not any(lo <= k.start < hi for k in kinds):
                return False
    return True


def _promised_later(sentence: Sentence, words: Words) -> Cue | None:
    """The words promising the list of sub-processors for later ("A list of sub-processors will be included in the
    final DPA", „Die Liste wird nachgereicht"), or None. They promise the list only in a clause of their own that
    speaks of it: "listed in Annex 3; further sub-processors may be added at a later date", "available at
    https://...; updates to follow" keep a list now, and so does a clause on changes to it ("which will be updated in
    a future version", "new sub-processors to be added") or on sub-processors besides the listed ones ("listed in
    Annex 3 and further sub-processors may be added at a later date", comma or not)."""
    tokens = sentence.span
    lists = sentence.of("LIST")
    changes = [c.start for c in sentence.of("CHANGE", "OTHER_RECIPIENTS")] + [
        k for k, t in enumerate(tokens) if t.lower_ in words.list_changes
    ]
    for later in sentence.of("LIST_LATER"):
        lo = next((k + 1 for k in range(later.start - 1, -1, -1) if tokens[k].text in CLAUSE_MARKS), 0)
        hi = next((k for k in range(later.end, len(tokens)) if tokens[k].text in CLAUSE_MARKS), len(tokens))
        if any(lo <= c.start < hi for c in lists) and not any(lo <= k < hi for k in changes):
            return later
    return None


def _none_engaged(sentence: Sentence) -> str:
    """ "Currently no sub-processors are engaged": a negation right before the sub-processors, and a word for
    now; "no sub-processor may be engaged without consent" restricts instead (it has no such word). Returns
    the negated words, or ""."""
    if not sentence.has("CURRENTLY"):
        return ""
    negations = sentence.of("NEGATION")
    for named in sentence.of("SUBPROCESSOR"):
        negation = next((n for n in negations if 0 <= named.start - n.end <= 1), None)
        if negation is not None:
            return f"{negation.text} {named.text}"
    return ""


def _days(periods: list[int]) -> str:
    """The shortest period, in days, as a mention's detail (empty when none is stated)."""
    return str(min(periods)) if periods else ""


def _every_new(tokens: Tokens, start: int, words: Words) -> bool:
    """The sub-processors at ``start`` are named as every new one ("to any new sub-processor", „gegen neue
    Unterauftragsverarbeiter"): a word of ``every_new`` within the two tokens before them."""
    return any(t.lower_ in words.every_new for t in tokens[max(0, start - 2) : start])
