"""Transfer mechanisms named in a document, and whether the text relies on them.

A mention is *not* relied upon when a negation or a historic cue ("no longer",
"invalidated", "nicht mehr") governs it: the cue binds to the nearest mechanism after it
in the same clause, or to the mechanism just before it ("the Privacy Shield was
invalidated"). A document that says so of Privacy Shield or Safe Harbor, or that it no longer
relies on a tool, relies on that tool nowhere. Phrases that only name a tool in a transfer sentence ("explicit consent",
"adequate level of protection") count only in sentences about data leaving the EEA.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence, Set
from dataclasses import dataclass, field, replace
from typing import Any

from dpcheck.extract.columns import CELL_BAR, column_answer
from dpcheck.extract.destinations import CONDITIONAL, limited_part, names_a_region, scoped_denial
from dpcheck.extract.destinations import cancels as cancels_out
from dpcheck.extract.forms import answered_no, box_before
from dpcheck.extract.sentences import CLAUSE_BREAKS, SEMICOLON, Cue, Place, Sentence, Sentences, Tokens
from dpcheck.models import DEFINITION, SCC_NUMBER, Evidence, Mention
from dpcheck.prefilter import prefilter

INVALIDATED_TOOLS = {"privacy_shield", "safe_harbor"}
# Tokens between adequacy wording and the vendor named as the one who judged ("Serbia is considered adequate by
# us", "von uns nach eingehender Prüfung der dortigen Rechtslage als sicherer Drittstaat eingestuft").
SELF_ASSESSED_REACH = 10
# Words between a description of what a tool achieves and the tool it yields to ("the DPF and the related
# adequacy decision", "adequacy decision (Implementing Decision (EU) 2016/1250)").
YIELD_REACH = 12
YEAR = re.compile(r"\b(19|20)\d\d\b")
# "since October 2023", „seit 2020": the word before a year, a month between them, that makes the year a date since
# which something holds; SINCE_REACH the characters before the year it is looked for in.
SINCE = re.compile(r"\b(since|seit)\s+(\w+\s+)?$", re.I)
SINCE_REACH = 20
# Tokens between a verb of replacement and the tool it replaced ("replaced the former Safe Harbor").
REPLACED_REACH = 3
BEFORE_WINDOW = 10
# Tokens between "such as" / "insbesondere" and the tool it introduces ("e.g., the EU-U.S. DPF").
EXAMPLE_GAP = 3
AFTER_WINDOW = 6
# The detail of a tool named as an example of safeguards ("such as the SCCs"), and the tokens that
# may stand between the example cue and the tool in one clause ("wie z. B. vertragliche Verpflichtung
# durch Standardvertragsklauseln").
EXAMPLE = "example"
EXAMPLE_REACH = 6
# Tokens between an invalidated tool and a historic cue that calls it gone ("Privacy Shield Program is no longer").
GONE_REACH = 3
# Words between a historic attribute and the tool it qualifies ("the formerly valid Privacy Shield").
ATTRIBUTE_REACH = 1
# Tokens between the SCCs and the Art. 28 provision that makes them processor clauses, the provision
# standing after them ("Standardvertragsklauseln (im Folgenden „Klauseln“) soll die Einhaltung von Artikel 28
# Absätze 3 und 4") or just before them ("Article 28(7) standard contractual clauses").
ART28_AFTER, ART28_BEFORE = 15, 6
# Tokens between an adequacy phrase and the authority of another law that found it ("the Swiss Federal Council's
# recognition of Ireland as a country with adequate data protection").
OTHER_LAW_REACH = 10
# Tokens after a place where a relative clause about it may open (``country_relative`` of rules/lexicon/words.yml).
RELATIVE_REACH = 3
# The label of the SCCs named by their decision's number alone.
NUMBER_LABEL = f"MECH:{SCC_NUMBER}"
# The end of the labels of adequacy decisions named by their number (dpcheck/checks/__init__.py: "adequacy_number",
# "dpf_number").
NUMBER_SUFFIX = "_number"
# The label of Art. 49(1)(a) by its name ("explicit consent"): who gives it decides whether it is the derogation.
CONSENT_TO_TRANSFER = "MECH:consent_to_transfer"
# Tokens between a yardstick frame ("modelled on the EU") and the tool it measures by.
YARDSTICK_REACH = 3
# Tokens between the conditional of a verb of reliance ("we would conclude", "würden wir dafür") and the tool.
COUNTERFACTUAL_REACH = 8
# Tokens (closing brackets, quotes) between a tool and the verb that deletes the part naming it
# ("(Standard Contractual Clauses) is deleted").
DELETED_REACH = 2
# Tokens that part a sentence's cells ("|") and clauses (";"), looked up in the document's word index.
_BAR = frozenset({"|"})
# The dashes that part clauses in prose but only add a qualifier within a table's cell.
DASHES = frozenset({"–", "—"})
# Possessive endings, which the tokenizer splits from their noun ("Commission's"): no word of their own.
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Parties whose place a relative clause may follow ("our partner in India, which ..."), and how far before the place.
PARTY_LABELS = ("RCPT_PROCESSOR", "RCPT_THIRD_PARTY", "RCPT_AFFILIATE", "SUBPROCESSOR", "IMPORTER")
PARTY_PLACE_REACH = 2
# Tokens between "outside (of) the EEA" and an adequacy phrase that closes the list of places data leaves
# ("outside of the EEA, the United Kingdom, Switzerland or other countries whose laws have been deemed adequate").
LEFT_SET_REACH = 20
# Tokens between a country and the level it is said to provide ("Switzerland provides adequate protection", "Japan
# ensures an adequate level").
LEVEL_SUBJECT_REACH = 3
# Tokens between a verb of reliance and the tool it takes ("rely on that adequacy decision", "stützen uns auf den
# Angemessenheitsbeschluss").
RELIANCE_REACH = 5
# Tokens between the words pointing to a tool's text or list and the tool ("the text of the Commission's standard
# contractual clauses", „die Liste der nach dem Datenschutzrahmen zertifizierten").
POINTER_REACH = 4
# Tokens from a word of doing without something to the tool it takes ("verzichten auf den Abschluss von SCC").
DISPENSED_REACH = 4
# Tokens after a later tool where a word adding it to the first may stand ("today we rely on the DPF in addition").
TOOL_ADDED_REACH = 3
# Tokens between another tool and words after it saying it is not in force ("BCR-Genehmigung ist beantragt").
OBJECT_BEFORE_REACH = 2
# Words (not "and", "or", an article) between two tools that make a clause of its own: a verb and what it takes.
CLAUSE_OF_ITS_OWN = 2
# Tokens of a decision's title before its number ("Commission Implementing Decision (EU)").
DECISION_TITLE = 6
# Tokens either side of a safe harbour's name where the law or programme it belongs to stands ("an FTC-approved COPPA
# Safe Harbor certification", "the safe harbor under HIPAA").
OTHER_SAFE_HARBOR_REACH = 3
# Tokens before a tool where a pointer to the Commission's list of decisions stands ("the list of adequacy decisions").
LIST_REACH = 3
# Tokens from the word making a tool the only one to the tool ("ausschließlich auf die mit ihr abgeschlossenen
# Standardvertragsklauseln").
ONLY_REACH = 7
# Tokens from the countries such a list names to the tool's words ("a list of the countries that the European
# Commission has recognised as providing adequate protection").
LISTED_COUNTRIES_REACH = 8
# Tokens before a tool where the part of it that a sentence names stands ("clause 13(a) of the SCCs").
PART_REACH = 10
# Tokens between a tool and the words saying it is not in force for the vendor's transfers ("Den Abschluss von
# Standardvertragsklauseln mit dieser Gesellschaft bereiten wir derzeit vor").
NOT_IN_FORCE_REACH = 8
# Words between "until the" and the tool it awaits; between the customer and its being responsible.
AWAITED_REACH = 2
RESPONSIBLE_REACH = 10
# Tokens between a tool and the relative clause that makes it the customer's own ("SCCs that Customer has concluded
# with its own clients, which remain Customer's responsibility").
CUSTOMER_OWN_REACH = 14
# Tokens of a qualifier between a form's box and the tool's name ("☐ EU - US Data Privacy Framework").
BOX_QUALIFIER = 4
# The detail of a tool the parties "may use ..., provided the conditions for its use are met".
CONDITIONED = "conditioned"
# The cue of a paragraph putting the customer's data outside a tool (rules/lexicon/cues.yml), and the detail it gives.
OUT_OF_SCOPE = "TOOL_OUT_OF_SCOPE"
OUT_OF_SCOPE_DETAIL = "out of scope"
# The detail of a derogation read from the person concerned consenting to the transfer.
CONSENT_DETAIL = "consent"
# An article cited by number ("Article 45", "Art. 45 DSGVO").
CITATION = re.compile(r"(?:art(?:icle|ikel|\.)?|§)\s*\d", re.I)
# Tokens between a tool and a verb of reliance after it whose negation denies the tool („Auf X stützt sich der
# Auftragnehmer für keine Übermittlung").
RELIED_AFTER_REACH = 8
# Tokens between that verb and its negation, past the German verb's subject („stützt sich der Auftragnehmer für keine").
RELIANCE_DENIAL_REACH = 6
# Tokens after a denial of receipt within which a word narrows it to some data („keine Klardaten, sondern nur").
NARROWED_REACH = 4
# Tokens between "instead of" and the tool it sets aside ("instead of the EU standard contractual clauses").
INSTEAD_OF_REACH = 2
# Tokens between the vendor opening a relative clause about a tool and the negation in it ("the DPF, in which we do
# not take part").
DENIED_RELATIVE_REACH = 3
# Tokens between a negation and the transfer verb it denies ("we do not transfer", „übermitteln wir keine Daten").
DENIAL_REACH = 4
# Tokens between a tool and the word saying it is already agreed ("die ... vereinbarten Standardvertragsklauseln").
AGREED_REACH = 4
# Tokens from an explanation to the tool its own words name ("is a finding of the European Commission that a third
# country offers an adequate level"); a tool further on, or past a semicolon, is one the text goes on to rely on.
EXPLAINED_WORDS_REACH = 10
# Tokens between "the conditions for the use of" and the tool they are the conditions of ("those", "dieser").
CONDITION_OBJECT = 2
# "We do not rely on the Privacy Shield": the whole document stops relying on the tool.
# The parties of a contract named together as the ones agreeing.
PARTIES = re.compile(
    r"\b(you|customer|the customer)\s+and\s+(\w+\s+){0,3}\w+|\b(the|both) parties\b|\bsie und\b|\b(die|beide) parteien\b",
    re.I,
)
DISAVOWAL = prefilter(
    re.compile(
        r"\b(not|no longer|never|nicht mehr|nicht|kein\w*)\s+(\w+\s+){0,2}"
        r"(rely|relies|relying|relied|use|uses|using|used|stützen|berufen|nutzen|verwenden)\b"
        # German puts the verb first: "stützen wir uns nicht mehr auf ...".
        r"|\b(stützen|stützt|berufen|beruft|nutzen|nutzt|verwenden|verwendet)\s+(\w+\s+){0,3}(nicht mehr|nicht|nie)\b"
        # The tool another one took the place of ("we now rely on the DPF instead of the SCCs").
        r"|\b(instead of|in place of|in lieu of|anstelle|anstatt|an stelle)\b",
        re.I,
    )
)
ONWARD = re.compile(r"\bonward transfers?\b|weiterübermittlung", re.I)
ONWARD_CONDITION = re.compile(r"\b(only|unless|provided that|nur|sofern|es sei denn)\b", re.I)
CONDITIONAL_ALTERNATIVE = re.compile(r"\b(to the extent|if|unless|in the event|should|soweit|sofern|falls)\b", re.I)
# Tokens around a consent word where the one consenting ("you agree", "wenn Sie ... einwilligen")
# and the data moving ("to this transfer", "being hosted in the US") are looked for.
PARTY_BEFORE, PARTY_AFTER = 5, 2
# Tokens before a consent joined by "and" to another act of the same party ("you are deemed to understand and expressly
# consent"): the "and" carries the party to the consent. Without one, a party that far off may only weigh whether to
# consent to something else ("you are free to decide whether to consent to marketing cookies").
PARTY_JOINED_BEFORE = 7
# Tokens between the vendor and the consent it uses for transfers ("we use your consent", „Wir nutzen die Einwilligung").
CONSENT_USER_REACH = 3
MOVE_BEFORE, MOVE_AFTER = 10, 20
# Words between a transfer tool and consent joined to it by "or" ("the SCCs or obtaining your consent").
TOOL_CONSENT_GAP = 3
# A later clause calling the tool, by a pronoun, not used ("The SCC templates are on EUR-Lex; they are not used in this
# engagement", "..., and we do not use them", „...; für diesen Auftrag werden sie nicht benötigt"); a comma needs a
# word joining a clause of its own ("…, so it is not necessary to ask for consent" is a consequence, no disowning).
DISOWNED_LATER = re.compile(
    r"(?:;|,\s*(?:and|but|however|aber|jedoch|und)\b)\s*(?:[\w-]+\s+){0,4}?(?:"
    r"(?:they|it|these|sie|diese|es)\s+(?:[\w-]+\s+){0,3}?(?:not|no longer|nicht|nicht mehr)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:used|relied|applied|needed|required|necessary|in use|verwendet|genutzt|benötigt|angewendet|angewandt|erforderlich|"
    r"notwendig|eingesetzt|vereinbart|abgeschlossen)"
    r"|(?:nutzen|verwenden)\s+wir\s+(?:sie|diese|(?:diesen|dieses|diese)\s+[\w-]+)\s+(?:nicht|nicht mehr)"
    r")\b"
    # The vendor disowning the tool itself needs no joining word after a comma (", wir stützen uns jedoch nicht darauf").
    r"|(?:;|,)\s*(?:(?:and|but|however|aber|jedoch|und)\s+)?(?:"
    r"(?:we|wir)\s+(?:do|did|will)?\s*(?:not|no longer|never)\s+(?:use|rely on|rely upon|apply)\s+(?:them|it|that|this)"
    r"|(?:stützen|berufen)\s+wir\s+uns\s+(?:[\w-]+\s+){0,2}?(?:nicht|nicht mehr)\s+(?:darauf|auf\s+(?:sie|ihn|es|dies\w*))"
    r"|wir\s+(?:stützen|berufen)\s+uns\s+(?:[\w-]+\s+){0,2}?(?:nicht|nicht mehr)\s+(?:darauf|auf\s+(?:sie|ihn|es|dies\w*))"
    r")\b",
    re.I,
)
SAFE_HARBOR_CONTEXT = re.compile(
    r"\b(EU|E\.U\.|U\.S\.|US|Swiss|Department of Commerce|framework|principles|"
    r"privacy|personal data|data protection|transfer)",
    re.I,
)


@dataclass(frozen=True)
class MechanismLexicon:
    """Per label of rules/lexicon/mechanisms.yml: its tool and context, the tools it yields to
    in its sentence, and whether a condition makes it a mere alternative; and the lists of rules/lexicon/words.yml
    that tell a party's promise, another company's consent and a tool's context (``located_in``, ``consent_addressee``,
    ``consent_vendor``, ``using``, ``chapter_citation``, ``commission``, ``joins``, ``vendor_speaks``, ``tool_lists``,
    ``list_of``, ``tool_parts``, ``part_of``, ``country_relative``, ``replacement_verbs``, ``passive_agent``,
    ``tool_disjunction``, ``tool_conjunction``, ``tool_complement``, ``tool_articles``, ``negating_prefixes``,
    ``tool_not_held``, ``field_labels``, ``tool_instead``, ``negated_object``, ``contrast``, ``reliance_verbs``, ``vendor_words``, ``basis_prepositions``,
    ``article_range``, ``replacement_with``, ``change_verbs``, ``change_from``, ``change_to``, ``tool_in_place``, ``since_then``, ``already_agreed``, ``only_tool``,
    ``tool_lapse``, ``tool_relative``, ``basis_column``, ``transfer_column``, the ``location`` of ``table_headers``,
    ``denial_scope``, ``level_verbs``, ``other_safe_harbors``, ``relative_disowning``, ``denial_narrowed``,
    ``consent_for``, ``cell_yes``, ``cell_no``, documented there; ``denial_exceptions`` joins ``double_negation`` and ``exception``)."""

    labels: dict[str, tuple[str, str]]
    yields_to: dict[str, frozenset[str]]
    alternatives: frozenset[str]
    related: frozenset[str] = frozenset()
    of_country: dict[str, tuple[int, int, frozenset[str]]] = field(default_factory=dict)
    own_country: dict[str, tuple[int, frozenset[str]]] = field(default_factory=dict)
    located_in: frozenset[str] = frozenset()
    consent_addressee: frozenset[str] = frozenset()
    consent_vendor: frozenset[str] = frozenset()
    using: frozenset[str] = frozenset()
    chapter_citation: frozenset[str] = frozenset()
    commission: frozenset[str] = frozenset()
    joins: frozenset[str] = frozenset()
    vendor_speaks: frozenset[str] = frozenset()
    tool_lists: frozenset[str] = frozenset()
    list_of: frozenset[str] = frozenset()
    tool_parts: frozenset[str] = frozenset()
    part_of: frozenset[str] = frozenset()
    country_relative: frozenset[str] = frozenset()
    replacement_verbs: frozenset[str] = frozenset()
    passive_agent: frozenset[str] = frozenset()
    tool_disjunction: frozenset[str] = frozenset()
    tool_conjunction: frozenset[str] = frozenset()
    tool_complement: frozenset[str] = frozenset()
    tool_articles: frozenset[str] = frozenset()
    negating_prefixes: frozenset[str] = frozenset()
    outside: frozenset[str] = frozenset()
    third_country_only: frozenset[str] = frozenset()
    tool_not_held: frozenset[str] = frozenset()
    field_labels: frozenset[str] = frozenset()
    tool_instead: frozenset[str] = frozenset()
    negated_object: frozenset[str] = frozenset()
    contrast: frozenset[str] = frozenset()
    reliance_verbs: frozenset[str] = frozenset()
    vendor_words: frozenset[str] = frozenset()
    basis_prepositions: frozenset[str] = frozenset()
    basis_column: frozenset[str] = frozenset()
    transfer_column: frozenset[str] = frozenset()
    article_range: frozenset[str] = frozenset()
    replacement_with: frozenset[str] = frozenset()
    change_verbs: frozenset[str] = frozenset()
    change_from: frozenset[str] = frozenset()
    change_to: frozenset[str] = frozenset()
    tool_in_place: frozenset[str] = frozenset()
    since_then: frozenset[str] = frozenset()
    already_agreed: frozenset[str] = frozenset()
    only_tool: frozenset[str] = frozenset()
    denial_exceptions: frozenset[str] = frozenset()
    tool_lapse: frozenset[str] = frozenset()
    tool_relative: frozenset[str] = frozenset()
    location_column: frozenset[str] = frozenset()
    denial_scope: frozenset[str] = frozenset()
    level_verbs: frozenset[str] = frozenset()
    other_safe_harbors: frozenset[str] = frozenset()
    relative_disowning: frozenset[str] = frozenset()
    denial_narrowed: frozenset[str] = frozenset()
    consent_for: frozenset[str] = frozenset()
    cell_yes: frozenset[str] = frozenset()
    cell_no: frozenset[str] = frozenset()

    @classmethod
    def from_data(cls, data: dict[str, Any], words: dict[str, Any]) -> MechanismLexicon:
        def listed(name: str) -> frozenset[str]:
            return frozenset(str(w) for w in words[name])

        return cls(
            {f"MECH:{k}": (v["mechanism"], v.get("context", "any")) for k, v in data.items()},
            {f"MECH:{k}": frozenset(v.get("yields_to", [])) for k, v in data.items()},
            frozenset(f"MECH:{k}" for k, v in data.items() if v.get("conditional_means_alternative")),
            frozenset(f"MECH:{k}" for k, v in data.items() if v.get("related")),
            {
                f"MECH:{k}": (
                    int(v["of_country"]["before"]),
                    int(v["of_country"]["after"]),
                    frozenset(v["of_country"].get("yields_to", [])),
                )
                for k, v in data.items()
                if v.get("of_country")
            },
            {
                f"MECH:{k}": (int(v["own_country"]["after"]), frozenset(v["own_country"]["except"]))
                for k, v in data.items()
                if v.get("own_country")
            },
            listed("located_in"),
            listed("consent_addressee"),
            listed("consent_vendor"),
            listed("using"),
            listed("chapter_citation"),
            listed("commission"),
            listed("joins"),
            listed("vendor_speaks"),
            listed("tool_lists"),
            listed("list_of"),
            listed("tool_parts"),
            listed("part_of"),
            listed("country_relative"),
            listed("replacement_verbs"),
            listed("passive_agent"),
            listed("tool_disjunction"),
            listed("tool_conjunction"),
            listed("tool_complement"),
            listed("tool_articles"),
            listed("negating_prefixes"),
            listed("outside"),
            frozenset(f"MECH:{k}" for k, v in data.items() if v.get("third_country_only")),
            listed("tool_not_held"),
            listed("field_labels"),
            listed("tool_instead"),
            listed("negated_object"),
            listed("contrast"),
            listed("reliance_verbs"),
            listed("vendor_words"),
            listed("basis_prepositions"),
            listed("basis_column"),
            listed("transfer_column"),
            listed("article_range"),
            listed("replacement_with"),
            listed("change_verbs"),
            listed("change_from"),
            listed("change_to"),
            listed("tool_in_place"),
            listed("since_then"),
            listed("already_agreed"),
            listed("only_tool"),
            listed("double_negation") | listed("exception"),
            listed("tool_lapse"),
            listed("tool_relative"),
            frozenset(str(w) for w in words["table_headers"]["location"]),
            listed("denial_scope"),
            listed("level_verbs"),
            listed("other_safe_harbors"),
            listed("relative_disowning"),
            listed("denial_narrowed"),
            listed("consent_for"),
            listed("cell_yes"),
            listed("cell_no"),
        )

    def processing_basis(self, sentence: Sentence, cue: Cue) -> bool:
        """``cue`` stands in the "Legal basis" column („Rechtsgrundlage") of a table of purposes, which names the basis
        of processing (Art. 6 GDPR). Not where the table is one of transfers: its column heading or a heading over it
        speaks of transfers ("Legal basis for transfers abroad", "# International transfers"), it has a column of
        places ("Recipient | Country | Legal basis"), or the cell itself moves data ("Transfer necessary for ...")."""
        heading = sentence.column_heading(cue.start).lower()
        if not any(w in heading for w in self.basis_column):
            return False
        if any(w in h.lower() for h in (heading, *sentence.block.heading_path) for w in self.transfer_column):
            return False
        place = re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, self.location_column)) + ")", re.I)
        if any(place.search(h) for h in sentence.table_header()):
            return False
        column = sentence.column(cue.start)
        return not any(sentence.column(c.start) == column for c in sentence.of("TRANSFER"))

    def names_no_tool(self, sentence: Sentence, cue: Cue, described: list[Cue]) -> bool:
        """``cue`` names no tool of its own in ``sentence``: it describes what one of the ``described`` tools
        achieves, or it is a tool only as a country's level and no word for a country stands near it. A
        country's level yields to a tool named before it ("SCCs ensure that recipients in third countries
        offer an adequate level"), and after it only to the frameworks that make the level adequate."""
        tools_before = {self.labels[m.label][0] for m in described if m.end <= cue.start}
        tools_after = {self.labels[m.label][0] for m in described if m.end > cue.start}
        yields_to = self.yields_to[cue.label]
        if cue.label not in self.of_country:
            # "the DPF and the related adequacy decision": near each other; tools listed apart ("a country declared
            # adequate by the Commission, executing the SCCs ..., or the DPF") are alternatives. Words of the cue's
            # own tool between them go on describing it ("the DPF (adequacy decision of the Commission under
            # Art. 45 GDPR)").
            tool = self.labels[cue.label][0]
            beside = {
                self.labels[m.label][0]
                for m in described
                if max(m.start - cue.end, cue.start - m.end) <= YIELD_REACH
                and not any(
                    min(m.end, cue.end) <= o.start < max(m.start, cue.start)
                    for o in described
                    if o is not m and self.labels[o.label][0] != tool
                )
                and not self._listed_with(sentence, cue, m, described)
            }
            return bool(yields_to & beside) and not self._own_country(sentence, cue)
        before, after, country_yields = self.of_country[cue.label]
        near = any(-before <= c.start - cue.start and c.start - cue.end <= after for c in sentence.of("COUNTRY_WORD"))
        # A country named before a relative clause about its level ("Canada, which the Commission has found to
        # provide adequate protection"), not one the data leaves ("outside the EEA or the UK, we require ...").
        # Not a party's place ("our partner in India, which guarantees adequate protection"): the clause is the
        # party's promise, which no Commission decision stands behind.
        tokens = sentence.span
        parties = [c.end for c in sentence.of(*PARTY_LABELS)]
        # So is a country that is the subject of its level ("the Commission's decision that Switzerland provides
        # adequate protection"), unless it is a party's place.
        near = near or any(
            (
                (
                    0 <= cue.start - p.end <= before
                    and any(t.lower_ in self.country_relative for t in tokens[p.end : p.end + RELATIVE_REACH])
                )
                or (
                    p.end < len(tokens)
                    and tokens[p.end].lower_ in self.level_verbs
                    and (
                        0 <= cue.start - p.end <= LEVEL_SUBJECT_REACH
                        or (0 <= cue.start - p.end <= OTHER_LAW_REACH and self._commission_between(tokens, p.end, cue))
                    )
                )
            )
            and not any(0 <= p.start - end <= PARTY_PLACE_REACH for end in parties)
            for p in sentence.places
            if len(p.code) == 2
        )
        return (
            not near
            or bool(yields_to & tools_before or country_yields & tools_after)
            or _promised(sentence, cue, self.located_in)
        )

    def _listed_with(self, sentence: Sentence, cue: Cue, other: Cue, described: list[Cue]) -> bool:
        """ "under the adequacy decisions of the Commission, the Data Privacy Framework for certified US recipients, or
        the SCCs": two tools parted by a comma, a third joined after them by "or" or "and", are items of one list of
        alternatives; neither describes the other."""
        tokens = sentence.span
        first, second = sorted((cue, other), key=lambda c: c.start)
        if not any(t.text == "," for t in tokens[first.end : second.start]):
            return False
        joins = self.tool_disjunction | self.tool_conjunction
        pair = {self.labels[cue.label][0], self.labels[other.label][0]}
        return any(
            0 <= o.start - second.end <= YIELD_REACH
            and self.labels[o.label][0] not in pair
            and any(t.lower_ in joins for t in tokens[second.end : o.start])
            for o in described
        )

    def _commission_between(self, tokens: Tokens, start: int, cue: Cue) -> bool:
        """ "Israel verfügt nach Feststellung der EU-Kommission über ein angemessenes Datenschutzniveau", "Japan has, as
        the Commission found, an adequate level": the Commission's finding put between a country's verb of level and
        the level, in the same clause, keeps the country the subject of that level."""
        between = tokens[start : cue.start]
        return any(t.lower_ in self.commission for t in between) and not any(
            t.text in (";", ".") or t.lower_ in self.vendor_words for t in between
        )

    def _own_country(self, sentence: Sentence, cue: Cue) -> bool:
        """ "... the DPF for Helpjar Inc., the adequacy decision for Canada for Brookmere Ltd.": a decision for a
        country the tools it would yield to do not cover, named right after it, is a tool of its own."""
        if cue.label not in self.own_country:
            return False
        after, covered = self.own_country[cue.label]
        # Or named before it in its clause ("Übermittlungen nach Kanada beruhen auf dem Angemessenheitsbeschluss,
        # Übermittlungen in die USA auf dem Datenschutzrahmen", "the DPF and the Canadian adequacy decision").
        # Or as the field before it in a list's entry ("Kobe Parts K.K. (Japan, Angemessenheitsbeschluss)"), or as the
        # entry whose tool a bracket gives ("the UK (adequacy decision), the United States (Data Privacy Framework)").
        lo, _ = sentence.clause_bounds(cue.start)
        tokens = sentence.span
        return any(
            (
                0 <= p.start - cue.end <= after
                or lo <= p.start < cue.start
                or (p.end < cue.start and tokens[p.end].text in (",", "(") and cue.start - p.end == 1)
            )
            and len(p.code) == 2
            and p.code not in covered
            for p in sentence.places
        )

    def country_negation(self, sentence: Sentence, cue: Cue) -> Cue | None:
        """A negation between ``cue``, a country's level, and the word for the country before it: "countries
        which have not been found by the Commission to ensure an adequate level" is the negative condition."""
        if cue.label not in self.of_country:
            return None
        before = self.of_country[cue.label][0]
        countries = [c for c in sentence.of("COUNTRY_WORD") if 0 <= cue.start - c.end <= before]
        if not countries:
            return None
        start = max(c.end for c in countries)
        return next((n for n in sentence.of("NEGATION") if start <= n.start and n.end <= cue.start), None)


def _promised(sentence: Sentence, cue: Cue, located_in: frozenset[str]) -> bool:
    """ "The Processor shall ensure that an adequate level of data protection is guaranteed at sub-processors in a
    third country", „stellt sicher, dass ... ein angemessenes Datenschutzniveau gewährleistet ist": a party's promise
    of a level, which no Commission decision stands behind. Not where a country after the promise owns the level
    ("ensures that data goes only to countries that offer an adequate level", "makes sure that the country of the
    recipient guarantees an adequate level"): a country word between them counts only as where a party is ("in a
    third country", „in einem Drittland")."""
    tokens = sentence.span
    promise = next((c for c in sentence.of("ENSURES_THAT") if c.end <= cue.start), None)
    return promise is not None and all(
        any(t.lower_ in located_in for t in tokens[max(promise.end, c.start - 2) : c.start])
        for c in sentence.of("COUNTRY_WORD")
        if promise.end <= c.start < cue.start
    )


def _cancelled(sentence: Sentence, words: frozenset[str]) -> set[Cue]:
    """Negations that cancel out ("not transferred ... without the SCCs", "nicht ohne ... Standardvertragsklauseln"):
    a negation and the "without" that follows it within a few tokens govern nothing."""
    negations = sentence.of("NEGATION")
    pairs = [
        (first, second) for first in negations for second in negations if cancels_out(sentence, first, second, words)
    ]
    return {cue for pair in pairs for cue in pair}


def _governing_cue(
    sentence: Sentence,
    mention: Cue,
    mentions: list[Cue],
    tool: str,
    lexicon: MechanismLexicon,
    cancels: frozenset[str] = frozenset(),
    alike: Set[Cue] = frozenset(),
    spared: Set[Cue] = frozenset(),
) -> Cue | None:
    """The negation or historic cue that governs ``mention``, if any; ``alike``: the mentions that name the
    same tool; ``spared``: negations that deny something else (see :func:`limited_part`)."""
    lo, hi = sentence.clause_bounds(mention.start)
    bars = sentence.where_word(_BAR)  # from the document's word index: walking the tokens made a word of each
    if bars:
        # A table's cells, and a form line's fields, are clauses of their own: "None" under "Support access from"
        # denies no tool of the next cell.
        lo = max([lo, *(i + 1 for i in bars if i < mention.start)])
        hi = min([hi, *(i for i in bars if i >= mention.end)])
        # A dash within a cell adds a qualifier to the tool, not a clause of its own ("DPF — certification lapsed").
        if hi < len(sentence.span) and sentence.span[hi].text in DASHES:
            hi = min(
                [
                    len(sentence.span),
                    *(i for i in bars if i >= mention.end),
                    *(i for i in sentence.where_word(CLAUSE_BREAKS - DASHES) if i >= mention.end),
                ]
            )
    labels = (
        ("NEGATION", "DISPENSED", "HISTORIC", "COURT", "PAST_YEAR", "PAST_BASIS")
        if tool in INVALIDATED_TOOLS
        else ("NEGATION", "DISPENSED", "HISTORIC")
    )
    cancelled = _cancelled(sentence, cancels) if cancels else set()
    conceded = _conceded(sentence)
    tokens = sentence.span
    for cue in sentence.of(*labels):
        # A spared denial still denies a tool it takes ("We do not transfer data under the Privacy Shield for marketing
        # purposes; ..."), only one before it stands ("Acme is DPF-certified and does not receive health data; ...").
        if cue in cancelled or names_a_region(cue) or cue in conceded or (cue in spared and mention.end <= cue.start):
            continue
        if cue.label == "PAST_BASIS" and not _past_basis_of(sentence, cue, mention, mentions, lexicon):
            continue
        # "We dispense with the SCCs": only the tool it takes ("We dispense with paper forms and transfer ... under the
        # SCCs" relies on them).
        if cue.label == "DISPENSED" and not 0 <= mention.start - cue.end <= DISPENSED_REACH:
            continue
        # "☐ no": an answer left unticked says nothing.
        if box_before(tokens, cue.start) is False:
            continue
        if _replaced_by(tokens, cue, mention, lexicon):
            continue
        # A cue may open with the word that opens the clause ("instead of the SCCs").
        if cue.end <= mention.start and cue.end > lo:
            if _offered_instead(tokens, cue, mention, lexicon):
                continue
            # "We never transfer your data outside the EEA without your explicit consent", „nur ..., es sei denn, Sie
            # willigen ein": the exception between them makes the consent the condition of the transfer, its basis.
            # Only of a transfer the clause names: "we never sell your data without your consent; it is stored in the
            # US" makes consent the condition of the sale.
            if (
                tool == "derogation"
                and (
                    _said_in(tokens, cue.end, mention.start, lexicon.denial_exceptions)
                    or (
                        cue.text.lower() in lexicon.denial_exceptions
                        and any(lo <= n.start and n.end <= cue.start for n in sentence.of("NEGATION"))
                    )
                )
                and any(lo <= t.start < hi for t in sentence.of("TRANSFER"))
            ):
                continue
            between = [m for m in mentions if cue.end <= m.start < mention.start]
            if (
                not between
                and mention.start - cue.end <= BEFORE_WINDOW
                and not _today_after(tokens, cue, mention, lexicon)
            ):
                return cue
            if set(between) <= alike and _negation_carries(sentence, cue, between, mention, lexicon):
                return cue
            if cue.label in ("HISTORIC", "PAST_BASIS") and _history_carries(tokens, cue, between, mention, lexicon):
                return cue
        if cue.start >= mention.end and cue.end <= hi and cue.start - mention.end <= AFTER_WINDOW:
            if _denies_the_next(tokens, mention, cue, hi, lexicon):
                continue
            between = [m for m in mentions if mention.end <= m.start < cue.start]
            if not between and not _about_another(sentence, cue, mentions, alike | {mention}, lexicon):
                return cue
            # „enthält das Addendum zu den Standardvertragsklauseln nicht": the clause-final negation denies the tool
            # whose complement stands between them.
            if between and set(between) <= alike and _complements(sentence, [mention, *between], lexicon):
                return cue
    if tool in INVALIDATED_TOOLS:
        # "Privacy Shield ... was struck down by the CJEU" across a comma still describes history; not a cue
        # nearer another tool ("the Privacy Shield, which replaced the former Safe Harbor").
        for cue in sentence.of("HISTORIC", "COURT", "PAST_YEAR", "PAST_BASIS"):
            if cue.label == "PAST_BASIS" and not _past_basis_of(sentence, cue, mention, mentions, lexicon):
                continue
            # „aus dem Jahr 2018" dates the noun before it („unsere Zertifizierung stammt aus dem Jahr 2018"): history of
            # a tool in its own clause only.
            if cue.label == "PAST_YEAR" and cue.text.lower().startswith("aus ") and not lo <= cue.start < hi:
                continue
            if (
                cue not in conceded
                and not _about_another(sentence, cue, mentions, alike | {mention}, lexicon)
                and _nearest(cue, mentions) in alike | {mention}
            ):
                return cue
    return None


def _past_basis_of(sentence: Sentence, cue: Cue, mention: Cue, mentions: list[Cue], lexicon: MechanismLexicon) -> bool:
    """ "Transfers were based on the Privacy Shield": the simple past tells the tool after it as a basis left behind. Not
    a past verb after the tool, which speaks of the tool itself ("the Privacy Shield, which was based on a Commission
    decision"), nor one joined to its present ("were and are based on", „erfolgte und erfolgt auf Grundlage"), nor a
    past basis the sentence says still holds ("... and still are", „und erfolgen weiterhin auf dieser Grundlage"),
    unless another tool follows in its place ("... and are now based on the SCCs")."""
    if cue.end > mention.start:
        return False
    joins = lexicon.tool_conjunction | lexicon.tool_disjunction
    if any(t.lower_ in joins for t in sentence.span[cue.start + 1 : cue.end]):
        return False
    tool = lexicon.labels[mention.label][0]
    if any(m.start >= mention.end and lexicon.labels[m.label][0] != tool for m in mentions):
        return True
    return not any(c.start >= mention.end for c in sentence.of("BASIS_GOES_ON"))


def _denies_the_next(tokens: Tokens, mention: Cue, negation: Cue, hi: int, lexicon: MechanismLexicon) -> bool:
    """ "We rely on the SCCs and not on your consent", „auf deren Zertifizierung unter dem DPF und nicht auf Ihre
    Einwilligung": a negation joined right after the tool by "and" opens a second object, which it denies; the tool
    before it stands."""
    joining = [t.lower_ for t in tokens[mention.end : negation.start] if t.text != ","]
    return (
        len(joining) == 1
        and joining[0] in lexicon.tool_conjunction
        and negation.end < hi
        and tokens[negation.end].text[:1].isalpha()
    )


def _replaced_by(tokens: Tokens, cue: Cue, mention: Cue, lexicon: MechanismLexicon) -> bool:
    """ "The 2010 clauses have been replaced by the 2021 SCCs", "replaced in 2016 by Standard Contractual Clauses", „wurde
    durch den Datenschutzrahmen abgelöst": the tool is the agent of the replacement, the one that stays."""
    if cue.text.lower() not in lexicon.replacement_verbs:
        return False
    if cue.end <= mention.start:
        agents = lexicon.passive_agent | lexicon.replacement_with
        return any(t.lower_ in agents for t in tokens[cue.end : mention.start][: REPLACED_REACH + 1])
    before = [t.lower_ for t in tokens[max(0, mention.start - REPLACED_REACH) : mention.start]]
    return mention.end <= cue.start and any(w in lexicon.passive_agent for w in before)


def _offered_instead(tokens: Tokens, negation: Cue, mention: Cue, lexicon: MechanismLexicon) -> bool:
    """ "We do not rely on it and use the SCCs instead", "we no longer rely on that certification and use SCCs", „wir
    stützen uns nicht darauf, sondern auf Standardvertragsklauseln": the negation has its object before the tool, which
    is what the vendor turns to in its place."""
    words = [t.lower_ for t in tokens[negation.end : mention.start]]
    after = [t.lower_ for t in tokens[mention.end : mention.end + 2]]
    # After the tool a word of contrast opens what replaces it: in „nicht auf einen Angemessenheitsbeschluss, sondern
    # auf Standardvertragsklauseln" the decision is the negation's object.
    if any(w in lexicon.tool_instead for w in words) or any(
        w in lexicon.tool_instead and w not in lexicon.contrast for w in after
    ):
        return True
    joins = lexicon.tool_conjunction | lexicon.contrast
    return any(w in joins and any(o in lexicon.negated_object for o in words[:i]) for i, w in enumerate(words))


def _self_assessed(sentence: Sentence, cue: Cue) -> Cue | None:
    """The vendor's own judgement of a country ("considered adequate by us", "countries our data protection team
    has found to provide an adequate level", "wird von uns ... als sicherer Drittstaat eingestuft"), not the
    Commission's: the phrase names no adequacy decision."""
    return next((c for c in sentence.of("SELF_ASSESSED") if abs(c.start - cue.start) <= SELF_ASSESSED_REACH), None)


def _about_another(
    sentence: Sentence, cue: Cue, mentions: list[Cue], alike: Set[Cue], lexicon: MechanismLexicon
) -> bool:
    """ "The Privacy Shield, which replaced the former Safe Harbor": the historic word says of the tool after it
    that it is gone, as the object of a replacement verb ("replaced by the DPF" is passive) or as its attribute
    ("former"), not of the tool before it."""
    tokens = sentence.span
    following = next((m for m in mentions if 0 <= m.start - cue.end <= REPLACED_REACH), None)
    if (
        following is None
        or following in alike
        or not all(t.text[:1].isalnum() for t in tokens[cue.end : following.start])
    ):
        return False
    if cue.text.lower() in lexicon.replacement_verbs:
        return tokens[cue.end].lower_ not in lexicon.passive_agent
    return following.start - cue.end <= ATTRIBUTE_REACH


def _scoped(sentence: Sentence, tools: Sequence[Cue] = ()) -> bool:
    """A disavowal of a valid tool for one country or one version ("we do not use the SCCs for transfers to the
    UK, which has an adequacy decision", "die alten Standardvertragsklauseln von 2010 verwenden wir nicht mehr")
    leaves the tool relied on wherever else the document relies on it. A year the present holds since ("since October
    2023 we rely on the DPF instead of the SCCs") dates the change, it names no version; a country in a tool's name
    (``tools``: "the EU-U.S. Data Privacy Framework") scopes nothing."""
    named = [p for p in sentence.places if not any(t.start <= p.start < t.end for t in tools)]
    return any(len(p.code) == 2 for p in named) or any(
        not SINCE.search(sentence.text, max(0, y.start() - SINCE_REACH), y.start())
        for y in YEAR.finditer(sentence.text)
    )


def _conceded(sentence: Sentence) -> set[Cue]:
    """Historic and court cues inside a concession ("although the CJEU declared it invalid, ...", "auch wenn der
    EuGH ihn für ungültig erklärt hat"): the writer grants the history and relies on the tool all the same."""
    out: set[Cue] = set()
    for concession in sentence.of("CONCESSIVE"):
        _, hi = sentence.clause_bounds(concession.end)
        out.update(
            c for c in sentence.of("HISTORIC", "COURT", "PAST_YEAR") if concession.end <= c.start and c.end <= hi
        )
    return out


def _nearest(cue: Cue, mentions: list[Cue]) -> Cue | None:
    """The tool mention nearest to ``cue``; on a tie the one before it (a historic word follows what it says
    is gone: "Safe Harbor, which was invalidated")."""

    def gap(m: Cue) -> tuple[int, int]:
        return (cue.start - m.end, 0) if m.end <= cue.start else (m.start - cue.end, 1)

    return min(mentions, key=gap, default=None)


def _history_carries(tokens: Tokens, cue: Cue, between: list[Cue], mention: Cue, lexicon: MechanismLexicon) -> bool:
    """ "Transfers used to be based on Safe Harbor and later on Privacy Shield": what was joins every tool of its clause
    that "and" or "or" adds to the first (the clause is the mention's, so no comma or contrast parts them); not one that
    a verb or a word of today joins ("We used to rely on the Privacy Shield and now rely on the DPF")."""
    if not between or mention.start - cue.end > 2 * BEFORE_WINDOW:
        return False
    joins = lexicon.tool_conjunction | lexicon.tool_disjunction
    # A verb of its own or a word of today opens what holds now ("... and now rely on the DPF").
    now = lexicon.since_then | lexicon.reliance_verbs | lexicon.vendor_words
    chain = [*between, mention]
    return all(
        any(t.lower_ in joins for t in tokens[a.end : b.start])
        and not any(t.lower_ in now for t in tokens[a.end : b.start])
        for a, b in zip(chain, chain[1:], strict=False)
    )


def _today_after(tokens: Tokens, cue: Cue, mention: Cue, lexicon: MechanismLexicon) -> bool:
    """ "were based on the Privacy Shield until 2020 and are now based on the SCCs", „bis 2020 …, seither auf den
    Standardvertragsklauseln": a clause joined after the words of history, opened by a word of today, tells what holds
    now; the history stays with the clause before it."""
    if cue.label != "HISTORIC":
        return False
    words = [t.lower_ for t in tokens[cue.end : mention.start]]
    joins = lexicon.tool_conjunction | lexicon.contrast | {",", ";"}
    return any(w in lexicon.since_then and any(j in joins for j in words[:i]) for i, w in enumerate(words))


def _negation_carries(
    sentence: Sentence, negation: Cue, between: list[Cue], mention: Cue, lexicon: MechanismLexicon
) -> bool:
    """A negation governs what "or" joins to the words it negates: "a country not subject to an adequacy
    decision or considered adequate", "not considered to have equivalent laws or deemed adequate" name no
    tool as the basis."""
    if between:
        last = between[-1]
        if last.start - negation.end > BEFORE_WINDOW or mention.start - last.end > BEFORE_WINDOW:
            return False
        joining = [t.lower_ for t in sentence.span[last.end : mention.start]]
        # "not recognised as adequate on the basis of Article 45", "nicht als angemessen nach Art. 45 anerkannt": the
        # article cited after the denied phrase is that phrase's legal basis, denied with it.
        if CITATION.match(mention.text) and not any(w in (",", ";", ":") for w in joining):
            return True
        # "does not incorporate the UK Addendum to the standard contractual clauses": the tool the denied one
        # belongs to is named as its complement, denied with it.
        if _complements(sentence, [last, mention], lexicon):
            return True
        return any(w in lexicon.tool_disjunction for w in joining)
    if mention.start - negation.end > 2 * BEFORE_WINDOW:
        return False
    words = [t.lower_ for t in sentence.span[negation.end : mention.start]]
    joined = max((i for i, w in enumerate(words) if w in lexicon.tool_disjunction), default=None)
    return joined is not None and not any(w in (",", ";", ":") for w in words[joined:])


def _complements(sentence: Sentence, tools: list[Cue], lexicon: MechanismLexicon) -> bool:
    """Each tool after the first is the complement of the one before it ("the UK Addendum to the SCCs", „das
    Addendum zu den Standardvertragsklauseln"): one tool named with the one it belongs to."""
    for before, after in zip(tools, tools[1:]):
        words = [t.lower_ for t in sentence.span[before.end : after.start] if t.lower_ not in lexicon.tool_articles]
        if not words or not all(w in lexicon.tool_complement for w in words):
            return False
    return True


def _names_a_part(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> bool:
    """The tool is named as what holds a part of it ("clause 13(a) and Part C of Annex II of the EU SCCs are
    not used", "Klausel 7 der Standardvertragsklauseln findet keine Anwendung"): a part left out says
    nothing against the tool."""
    before = [t.lower_ for t in sentence.span[max(0, cue.start - PART_REACH) : cue.start]]
    return any(w in lexicon.part_of for w in before[-3:]) and any(w.rstrip("s") in lexicon.tool_parts for w in before)


def _described(sentence: Sentence, cue: Cue, mentions: list[Cue]) -> list[Cue]:
    """The tool mentions of the sentence that ``cue`` may describe: all but those it gives as an instance
    of itself ("an adequacy decision (in particular the EU-U.S. DPF)", "adequacy decisions, ... or other
    tools (e.g. the DPF)"), which leave the general tool relied on too."""
    examples = sentence.of("OPEN_SET")
    return [
        m
        for m in mentions
        if m is not cue
        and not (
            m.start >= cue.end and any(0 <= m.start - e.end <= EXAMPLE_GAP and e.start >= cue.end for e in examples)
        )
    ]


def _called_gone(sentence: Sentence, mention: Cue) -> bool:
    """A historic cue says of the tool that it is gone: just after it ("Privacy Shield is no longer valid",
    "was invalidated") or as its attribute ("the invalidated Privacy Shield"); not a cue that speaks of
    the vendor ("we can no longer meet the Privacy Shield principles"), nor one under the vendor's own
    condition ("wenn wir die Grundsätze des Privacy Shield nicht mehr einhalten können")."""
    conditions = sentence.of("IF_CLAUSE")
    return any(
        (0 <= c.start - mention.end <= GONE_REACH or 0 <= mention.start - c.end <= ATTRIBUTE_REACH)
        and not any(i.end <= c.start for i in conditions)
        for c in sentence.of("HISTORIC")
    )


def _defined_term(sentence: Sentence, cue: Cue) -> bool:
    """The label a definition gives itself: ... adequate level of protection ("Adequacy Decision")."""
    before = [t.text for t in sentence.span[max(0, cue.start - 2) : cue.start]]
    return "(" in before and any(q in "".join(before) for q in "\"“”'‘’„")


def _states_transfer(sentence: Sentence, non_eea: Set[str]) -> bool:
    """The sentence itself (not just its section) speaks of data leaving the EEA, or completes a lead-in that
    does ("In all such cases, the transfer will be: ... necessary to perform a contract with you")."""
    if sentence.has("THIRD_COUNTRY", "TRANSFER_LEAD_IN"):
        return True
    return sentence.has("TRANSFER") and (
        sentence.in_transfer_section
        or sentence.has("OPEN_DESTINATION")
        or any(p.code in non_eea or p.code == "UNSPECIFIED" for p in sentence.places)
    )


def _leaves_in_part(sentence: Sentence, cue: Cue, non_eea: Set[str]) -> bool:
    """The part of the sentence holding ``cue`` (between semicolons) names where data goes outside the EEA itself: "we
    process health data where necessary to protect your vital interests; our host in the US stores them" names the
    ground for processing them, not for sending them abroad."""
    lo, hi = sentence.part_bounds(cue.start, cue.end)
    return any(lo <= c.start < hi for c in sentence.of("THIRD_COUNTRY", "OPEN_DESTINATION")) or any(
        lo <= p.start < hi and (p.code in non_eea or p.code == "UNSPECIFIED") for p in sentence.places
    )


def is_transfer_sentence(
    sentence: Sentence,
    non_eea: Set[str],
    locates_only: Callable[[Cue], bool] = lambda cue: False,
    third_country_tools: Collection[str] = (),
) -> bool:
    """About data leaving the EEA: says so, sits in a transfer section, or ties a third
    country to a transfer verb or a transfer tool ("the UK has an adequacy decision"); ``locates_only``: a transfer
    cue that only says where something is ("located"); ``third_country_tools``: the labels of tools only such a
    transfer has (``third_country_only`` in rules/lexicon/mechanisms.yml)."""
    if sentence.has("THIRD_COUNTRY") or sentence.in_transfer_section:
        return True
    third_country = any(p.code in non_eea or p.code == "UNSPECIFIED" for p in sentence.places)
    # Only transfers out of the EEA rest on an adequacy decision, a country found adequate or Art. 46(2)(c) or 47 ("where
    # the recipient is in a country with an adequacy decision, the transfer is based on that decision", "we may transfer
    # your data to countries deemed adequate by the Commission", "intra-group transfers rely on Art. 47"); measures
    # "recognised as adequate" are no country's.
    # A party "located in a country subject to an adequacy decision" moves no data: the transfer word must do more than
    # place something.
    moves = any(not locates_only(c) for c in sentence.of("TRANSFER"))
    return (third_country and (sentence.has("TRANSFER") or sentence.has_prefixed("MECH:"))) or (
        moves
        and (sentence.has(*third_country_tools) or (sentence.has("MECH:adequacy") and sentence.has("COUNTRY_WORD")))
    )


def _consenting_party(sentence: Sentence, cue: Cue, joining: Collection[str]) -> str:
    """ "user" or "controller": who gives the consent, by the party named nearest to the word; ``joining``: the words
    that join the consent to an earlier act of the party (PARTY_JOINED_BEFORE)."""
    tokens = sentence.span

    def before(p: Cue) -> bool:
        gap = cue.start - p.end
        return 0 <= gap <= PARTY_BEFORE or (
            gap <= PARTY_JOINED_BEFORE and any(t.lower_ in joining for t in tokens[p.end : cue.start])
        )

    # On a tie the person concerned wins: "für den Kunden willigen Sie ein" is consent by "Sie".
    near = [
        (min(abs(p.end - cue.start), abs(cue.end - p.start)), rank, side)
        for rank, (side, label) in enumerate((("user", "USER_SIDE"), ("controller", "CONTROLLER_SIDE")))
        for p in sentence.of(label)
        # „erklären Sie sich mit ... einverstanden": the party may stand inside the consent's words.
        if before(p) or 0 <= p.start - cue.end <= PARTY_AFTER or cue.start <= p.start < cue.end
    ]
    if near:
        return min(near)[2]
    return _enumerated_party(sentence, cue)


# Markers of an enumeration of a party's acts, in a series ("you (a) acknowledge ..., (b) consent to ...").
ENUMERATION = re.compile(r"^(?:[a-h]|i{1,3}|iv|v|vi{0,3}|[1-9])$")


def _enumerated_party(sentence: Sentence, cue: Cue) -> str:
    """ "By using the service you (a) acknowledge that ..., (b) consent to the transfer ...", „Sie (a) ..., (b) willigen
    ein ...": an act of an enumeration whose first item follows the party; who gives the consent is that party."""
    tokens = sentence.span
    if cue.start < 3 or tokens[cue.start - 1].text != ")" or not ENUMERATION.match(tokens[cue.start - 2].lower_):
        return ""
    first = next(
        (
            i
            for i in range(1, cue.start - 2)
            if tokens[i].text == "("
            and i + 2 < cue.start
            and tokens[i + 2].text == ")"
            and ENUMERATION.match(tokens[i + 1].lower_)
        ),
        None,
    )
    if first is None:
        return ""
    for side, label in (("user", "USER_SIDE"), ("controller", "CONTROLLER_SIDE")):
        if any(0 <= first - p.end <= 1 for p in sentence.of(label)):
            return side
    return ""


def _parties_agree(sentence: Sentence, cue: Cue) -> bool:
    """The parties of a contract agree with each other ("you and Acme hereby agree that the SCCs are
    incorporated", "die Parteien vereinbaren"): a term of the contract, not the consent of the person concerned."""
    # German names the subject after the verb too: "stimmen Sie und die X GmbH ... zu".
    around = sentence.span[max(0, cue.start - PARTY_BEFORE) : cue.end + PARTY_BEFORE].text
    return bool(PARTIES.search(around))


def _placed(tokens: Tokens, start: int, into: frozenset[str], articles: frozenset[str]) -> bool:
    """The country at ``start`` is where something goes ("in the United States", "nach Indien")."""
    before = start - 1
    if before > 0 and tokens[before].lower_ in articles:
        before -= 1
    return before >= 0 and tokens[before].lower_ in into


def _authorises_another(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> bool:
    """ "By using Medium Services, you authorize Medium to transfer ...": the user authorises the company whose service
    the sentence names, as that company's own terms say, not the vendor; "you authorise us to" and "you authorise the
    transfer" are the vendor's."""
    tokens = sentence.span
    at = cue.end + 1 if cue.end < len(tokens) and tokens[cue.end].lower_ in lexicon.consent_addressee else cue.end
    if at >= len(tokens) - 1:
        return False
    name = tokens[at]
    # The company is the one whose service the sentence speaks of ("By using Medium Services, you authorize Medium"),
    # not the vendor the document is about ("you authorize Acme to transfer", Acme named there first).
    return (
        name.text[:1].isupper()
        and name.text.isalpha()
        and name.lower_ not in lexicon.consent_addressee | lexicon.consent_vendor
        and tokens[at + 1].lower_ in {"to", ","}
        and any(
            t.text == name.text and tokens[i - 1].lower_ in lexicon.using
            for i, t in enumerate(tokens[: cue.start])
            if i
        )
    )


def consent_mentions(
    sentence: Sentence,
    lexicon: MechanismLexicon,
    transfer_sentence: bool,
    into: frozenset[str],
    unmoved: Set[int] = frozenset(),
) -> list[Mention]:
    """Consent, agreement or authorisation that the person concerned gives to data leaving the
    EEA ("by using the service you agree to these transfers", "nur, wenn Sie einwilligen"): an
    Art. 49(1)(a) derogation, however weak in law (GUIDELINES.md). The customer authorising
    transfers in a DPA instructs its processor, and consent named as the Art. 6 basis of
    processing concerns processing, not the transfer; neither is a derogation. ``into``: the
    words that make a country a place data goes to ("in", "to", "nach"), not a name ("AWS Costa Rica");
    ``unmoved``: the starts of places the sentence gives a role other than where data goes ("if you reside in
    Canada, you may authorise an agent"), which consent near them does not send data to."""
    # Data moving "abroad" is data leaving the EEA for the one who consents ("transfers to our partners abroad happen
    # only if you tick the box agreeing to the transfer").
    abroad = sentence.has("TRANSFER") and sentence.has("OPEN_DESTINATION")
    if (
        not (transfer_sentence or abroad or sentence.has("TRANSFER_ANAPHOR"))
        or sentence.has("LAWFUL_BASIS")
        or _disclosure(sentence)
    ):
        return []
    tokens = sentence.span
    moves: list[Cue | Place] = [
        *sentence.of("CROSS_BORDER", "THIRD_COUNTRY", "OPEN_DESTINATION", "TRANSFER_ANAPHOR"),
        *(
            p
            for p in sentence.places
            if p.start not in unmoved and _placed(tokens, p.start, into, lexicon.tool_articles)
        ),
    ]
    terms = sentence.of("TERMS_OBJECT")
    for cue in sentence.of("CONSENT"):
        if (
            (_consenting_party(sentence, cue, lexicon.tool_conjunction) or _implied_party(sentence, cue, lexicon))
            != "user"
            or _governing_cue(sentence, cue, [cue], "derogation", lexicon)
            or _instead_of(sentence, cue, [], lexicon)  # "instead of relying on your consent"
            or _parties_agree(sentence, cue)
            or any(q.end <= cue.start for q in sentence.of("QUESTION_TOPIC"))  # "questions about ... your consent"
            or _authorises_another(sentence, cue, lexicon)
            or _disclosure_part(sentence, cue, moves)
        ):
            continue
        if _beside_a_tool(sentence, cue, lexicon):
            return [
                Mention(
                    "mechanism",
                    "derogation",
                    sentence.evidence(f"consent named beside a transfer tool: '{cue.text}'"),
                    detail=CONSENT_DETAIL,
                )
            ]
        if _condition_of_transfer(sentence, cue):
            return [
                Mention(
                    "mechanism",
                    "derogation",
                    sentence.evidence(f"consent as the condition of the transfer: '{cue.text}'"),
                    detail=CONSENT_DETAIL,
                )
            ]
        near = [
            (m.start < cue.start, abs(m.start - cue.start), "move")
            for m in moves
            if -MOVE_BEFORE <= m.start - cue.start <= MOVE_AFTER
        ]
        near += [
            (t.start < cue.start, abs(t.start - cue.start), "terms")
            for t in terms
            if -MOVE_BEFORE <= t.start - cue.start <= MOVE_AFTER
        ]
        # What is agreed to stands nearest after the word, else nearest before it: a transfer, or terms ("agree to
        # be bound by this addendum"; "accept this policy and consent to the transfer of your data").
        if near and (min(near)[2] == "move" or _joined_move(sentence, cue, moves, terms, lexicon, into)):
            return [
                Mention(
                    "mechanism",
                    "derogation",
                    sentence.evidence(f"consent to the transfer: '{cue.text}'"),
                    detail=CONSENT_DETAIL,
                )
            ]
    return []


def _implied_party(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> str:
    """Who gives a consent no party stands next to: the person concerned where the condition that holds it names them
    and no customer („nur, wenn Sie uns ausdrücklich darum bitten und hierin einwilligen"), or where the vendor uses
    the consent for transfers ("we use consent for transfers to India", „Wir nutzen die Einwilligung für Übermittlungen
    nach Indien"); "" otherwise."""
    lo, _ = sentence.part_bounds(cue.start)
    condition = max(
        (c.end for c in sentence.of("IF_CLAUSE", "ONLY_IF") if lo <= c.start and c.end <= cue.start), default=None
    )
    if condition is not None:
        sides = {
            label
            for label in ("USER_SIDE", "CONTROLLER_SIDE")
            for p in sentence.of(label)
            if condition <= p.start < cue.start
        }
        if sides == {"USER_SIDE"}:
            return "user"
    tokens = sentence.span
    vendor = any(t.lower_ in lexicon.vendor_words for t in tokens[max(lo, cue.start - CONSENT_USER_REACH) : cue.start])
    after = tokens[cue.end : cue.end + 2]
    moved = any(cue.end < m.start <= cue.end + 2 for m in sentence.of("CROSS_BORDER"))
    return "user" if vendor and moved and any(t.lower_ in lexicon.consent_for for t in after) else ""


def _condition_of_transfer(sentence: Sentence, cue: Cue) -> bool:
    """ "Transfers to third countries take place only if ... or you have given us your consent", „Die Übermittlung in die
    USA wird nur vorgenommen, wenn Sie ... einwilligen": the transfer, named before the condition in the same part of
    the sentence, happens only on the consent."""
    lo, _ = sentence.part_bounds(cue.start)
    return any(
        lo <= o.start
        and o.end <= cue.start
        and any(lo <= t.start and t.end <= o.start for t in sentence.of("CROSS_BORDER"))
        for o in sentence.of("ONLY_IF")
    )


# Tokens between "and" and the transfer it adds to the terms agreed to ("and to the transfer").
JOINED_MOVE_GAP = 3


def _joined_move(
    sentence: Sentence,
    cue: Cue,
    moves: list[Cue | Place],
    terms: list[Cue],
    lexicon: MechanismLexicon,
    into: frozenset[str],
) -> bool:
    """ "you consent to the use of your information as provided in this Policy and to the transfer of it to the United
    States", „willigen Sie in diese Datenschutzerklärung und in die Übermittlung in die USA ein": terms and a transfer
    are both what the consent takes; an "and" after the terms adds the transfer within the consent's reach, with only
    a preposition or an article between ("and we transfer" opens a clause of its own)."""
    tokens = sentence.span
    after = [t for t in terms if cue.end <= t.start]
    if not after:
        return False
    first = min(after, key=lambda t: t.start)
    for move in moves:
        if not (first.end <= move.start and move.start - cue.start <= MOVE_AFTER):
            continue
        gap = tokens[first.end : move.start]
        joins = [i for i, t in enumerate(gap) if t.lower_ in lexicon.tool_conjunction]
        if (
            joins
            and len(gap) - joins[-1] - 1 <= JOINED_MOVE_GAP
            and all(t.lower_ in into | lexicon.tool_articles for t in gap[joins[-1] + 1 :])
            and not any(t.text in (";", ":") for t in gap)
        ):
            return True
    return False


def _disclosure(sentence: Sentence) -> bool:
    """ "We pass your data to a third party only ... if you give your explicit consent", "we do not transfer your data to
    third parties except ... where you consent to such transfer": consent to a disclosure, which goes nowhere abroad."""
    return (
        sentence.has("THIRD_PARTY_RECIPIENT")
        and not sentence.places
        and not sentence.has("THIRD_COUNTRY", "OPEN_DESTINATION")
    )


def _disclosure_part(sentence: Sentence, cue: Cue, moves: Sequence[Cue | Place]) -> bool:
    """ "We never share your data with advertisers without your consent; data is stored in the US", „Wir geben Daten nur
    mit Ihrer Einwilligung an Werbepartner weiter; gespeichert werden sie in den USA": consent in a part of the sentence
    (between semicolons) that passes data to third parties and moves none abroad is the basis of that disclosure; where
    another part puts the data is no transfer consented to."""
    lo, hi = sentence.part_bounds(cue.start, cue.end)
    if lo == 0 and hi == len(sentence.span):
        return False
    return any(lo <= r.start < hi for r in sentence.of("RCPT_THIRD_PARTY", "THIRD_PARTY_RECIPIENT")) and not any(
        lo <= m.start < hi for m in moves
    )


def _beside_a_tool(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> bool:
    """ "using the Standard Contractual Clauses or obtaining your consent", "Standardvertragsklauseln oder Ihre
    Einwilligung": consent joined to a named transfer tool by "or"/"and" is another basis for the same transfer."""
    tokens = sentence.span
    for tool in sentence.of_prefixed("MECH:"):
        if not 0 < cue.start - tool.end <= TOOL_CONSENT_GAP:
            continue
        if tokens[tool.end].lower_ in lexicon.tool_disjunction:
            return True
    return False


def _listed(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "(see the list of adequacy decisions)", "Liste der Angemessenheitsbeschlüsse": a pointer to the
    Commission's list relies on no decision (GUIDELINES.md)."""
    start = max(0, cue.start - LIST_REACH)
    words = [t.lower_ for t in sentence.span[start : cue.start]]
    if any(w in lexicon.tool_lists for w in words) and words and words[-1] in lexicon.list_of | lexicon.tool_articles:
        return Cue("LIST", start, cue.end, " ".join(words))
    # "A list of the countries that the European Commission has recognised as providing adequate protection is
    # available on its website", „eine Liste der Länder, die die Kommission als angemessen anerkannt hat".
    tokens = sentence.span
    for country in sentence.of("COUNTRY_WORD"):
        if not 0 <= cue.start - country.end <= LISTED_COUNTRIES_REACH:
            continue
        before = [t.lower_ for t in tokens[max(0, country.start - LIST_REACH) : country.start]]
        if any(w in lexicon.tool_lists for w in before) and any(w in lexicon.list_of for w in before):
            return Cue("LIST", country.start, cue.end, tokens[country.start : cue.start].text)
    return None


def _question_topic(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "For questions about this DPA, Privacy Shield or other privacy issues, email us": a topic to write about."""
    if sentence.places or sentence.has("THIRD_COUNTRY"):
        return None  # "for questions about our transfers to the US under the DPF" still says where data goes
    return next((q for q in sentence.of("QUESTION_TOPIC") if q.end <= cue.start), None)


def _other_law(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "transfers from Switzerland to Ireland rely on the Swiss Federal Council's recognition of Ireland": adequacy
    found under another country's law, in a sentence that names no decision of the Commission ("a country the
    European Commission or the UK Secretary of State has decided is adequate" relies on both)."""
    if any(t.lower_ in lexicon.commission for t in sentence.span):
        return None
    # The other law's name may hold the phrase ("the UK adequacy regulations").
    holding = next((c for c in sentence.of("OTHER_LAW_ADEQUACY") if c.start < cue.end and cue.start < c.end), None)
    return holding or _framing(sentence, cue, "OTHER_LAW_ADEQUACY", OTHER_LAW_REACH, OTHER_LAW_REACH)


def _processor_clauses(sentence: Sentence, cue: Cue, tool: str, lexicon: MechanismLexicon) -> Cue | None:
    """ "Standard contractual clauses pursuant to Article 28(7)", "Mit diesen Standardvertragsklauseln soll
    die Einhaltung von Artikel 28 Absätze 3 und 4 ... sichergestellt werden": the contract between a
    controller and its processor (Decision 2021/915), no transfer tool."""
    if tool != "scc":
        return None
    tokens = sentence.span
    for c in sentence.of("ART28_CLAUSES"):
        if 0 <= c.start - cue.end <= ART28_AFTER:
            between = tokens[cue.end : c.start]
        elif 0 <= cue.start - c.end <= ART28_BEFORE:
            between = tokens[c.end : cue.start]
        else:
            continue
        # "the SCCs and the terms of Art. 28(3) and (4)": the provision is another contract's; "clauses between
        # controllers and processors" is the 2021/915 set's own title.
        parties = {i for p in sentence.of("CONTROLLER_SIDE", "RCPT_PROCESSOR") for i in range(p.start, p.end)}
        offset = cue.end if c.start >= cue.end else c.end
        if not any(
            t.lower_ in lexicon.joins and not {offset + k - 1, offset + k + 1} <= parties for k, t in enumerate(between)
        ):
            return c
    return None


def _conditioned_use(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "... by using standard contractual clauses, provided the conditions for their use are met": a tool
    the parties may use (the controller-processor clauses' own rule for sub-processors), not reliance. The
    tool is named before the condition, or as its object ("the conditions for the use of those clauses")."""
    return next(
        (c for c in sentence.of("TOOL_CONDITIONS") if c.start >= cue.end or 0 <= cue.start - c.end <= CONDITION_OBJECT),
        None,
    )


def _only_in_countries(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "Subject to your consent, we process data only in third countries with a recognised level of protection, under
    SCCs, certifications or BCRs": every tool of a sentence that lets data go only to third countries meeting a
    condition is one a transfer would rest on, relied on where the document discloses one."""
    only = sentence.of("TOOL_ONLY_IN")
    if not only:
        return None
    # The rule holds up to a semicolon: past it the sentence speaks of a transfer of its own ("...; for our US host we
    # have concluded the SCCs", "...; our partner in Canada receives customer data"), whose tools it relies on.
    stops = sentence.where_word(SEMICOLON)
    lo = max((i + 1 for i in stops if i < only[0].start), default=0)
    hi = min((i for i in stops if i >= only[0].end), default=len(sentence.span))
    if not lo <= cue.start < hi or any(not lo <= p.start < hi for p in sentence.places):
        return None
    return Cue("TOOL_CONDITIONS", only[0].start, only[0].end, only[0].text)


def _example_under_conditions(
    sentence: Sentence, cue: Cue, mentions: Sequence[Cue], lexicon: MechanismLexicon
) -> Cue | None:
    """ "Transfers to third countries take place only under the conditions of Art. 44 et seq. GDPR (e.g. the DPF or
    SCCs)": an example of the tools a transfer would rest on, relied on where the document discloses one."""
    conditions = sentence.of("TRANSFER_CONDITIONS")
    if conditions and _given_as_example(sentence, cue, mentions, lexicon):
        return Cue("TOOL_CONDITIONS", conditions[0].start, conditions[0].end, conditions[0].text)
    return None


def _number_in_history(sentence: Sentence, cue: Cue) -> Cue | None:
    """A decision's number alone is weak evidence of reliance: in a sentence on what was ("the 2010 clauses governed
    these transfers until 27 December 2022, the end of the transition period under Decision 2021/914") it names
    the date's source, not today's tool. Any historic word before it, across brackets, governs it."""
    if cue.label != NUMBER_LABEL:
        return None
    return next((c for c in sentence.of("HISTORIC") if c.end <= cue.start), None)


def _yardstick(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "A contract at least as protective as the SCCs", "das dem der Standardvertragsklauseln entspricht": the tool
    is the measure of another contract, named right after the frame (or, in German, right before it)."""
    return _framing(sentence, cue, "TOOL_YARDSTICK", YARDSTICK_REACH, YARDSTICK_REACH)


def _imagined(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "If we ever need to transfer data to such a country, we will first put SCCs in place", "Should that
    certification lapse, we would conclude SCCs", "würden wir dafür Standardvertragsklauseln abschließen": a tool for
    a transfer the text only imagines, or the fallback it would turn to, is not the basis of today's transfers. A fallback
    already agreed for a first tool that may lapse („sollte diese entfallen, gelten die zwischen den Parteien vereinbarten
    Standardvertragsklauseln") is in force; a tool agreed for a transfer only imagined ("should we in future transfer
    data, we will rely on SCCs signed with the recipient") is not."""
    tokens = sentence.span
    near = tokens[max(0, cue.start - AGREED_REACH) : cue.end + AGREED_REACH]
    hypothetical = _framing(sentence, cue, "HYPOTHETICAL", len(tokens), -1)
    if (
        hypothetical is not None
        and any(t.lower_ in lexicon.already_agreed for t in near)
        and any(t.lower_ in lexicon.tool_lapse for t in tokens[hypothetical.start : hypothetical.end + AGREED_REACH])
    ):
        hypothetical = None
    return hypothetical or _framing(sentence, cue, "COUNTERFACTUAL", COUNTERFACTUAL_REACH, -1)


def _deleted(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "Annex 4 (Standard Contractual Clauses) is deleted", "Anlage 4 (Standardvertragsklauseln) wird ersatzlos
    gestrichen": the part that names the tool is what an amendment takes out, the verb right after it (past a
    closing bracket); not "we rely on the SCCs, and Annex 5 is deleted"."""
    tokens = sentence.span
    return next(
        (
            c
            for c in sentence.of("DELETED")
            if 0 <= c.start - cue.end <= DELETED_REACH
            and not any(t.text[:1].isalnum() for t in tokens[cue.end : c.start])
        ),
        None,
    )


def _future_decision(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "... where the Commission adopts a decision pursuant to Article 45(3)": a decision that may come, in the
    tool's own clause, a few words before or after it."""
    lo, hi = sentence.clause_bounds(cue.start)
    return _framing(sentence, cue, "FUTURE_DECISION", BEFORE_WINDOW, AFTER_WINDOW, lo, hi)


def _awaits_force(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "... once (i) the adequacy regulations for the UK Extension enter into force", „sobald der
    Angemessenheitsbeschluss in Kraft tritt": the tool named in a clause that opens with "once" and closes with its
    entry into force is a condition awaited, not the basis of today's transfers."""
    # "once respectively (i) the adequacy ...": the brackets of an enumeration may stand between "once" and the tool.
    _, hi = sentence.clause_bounds(cue.start)
    tokens = sentence.span
    opened = any(
        0 <= cue.start - c.end <= BEFORE_WINDOW and not any(t.text in ".;" for t in tokens[c.end : cue.start])
        for c in sentence.of("TOOL_ONCE")
    )
    return next((c for c in sentence.of("INTO_FORCE") if cue.end <= c.start and c.end <= hi), None) if opened else None


def _prefix_negated(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "non-Privacy Shield-certified customers": a negating prefix hyphen-joined to the tool's name, as a word of its
    own or the first part of the compound the tool is named in („nicht-Privacy-Shield-zertifizierte Kunden")."""
    tokens = sentence.span
    if cue.end - cue.start == 1 and cue.text.split("-", 1)[0].lower() in lexicon.negating_prefixes:
        return Cue("NEGATION", cue.start, cue.end, cue.text)
    if (
        cue.start >= 2
        and tokens[cue.start - 1].text == "-"
        and tokens[cue.start - 2].lower_ in lexicon.negating_prefixes
    ):
        return Cue("NEGATION", cue.start - 2, cue.start, tokens[cue.start - 2 : cue.start].text)
    return None


def _customer_responsible(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "The customer chooses these providers, instructs the transfer and is responsible for any transfer tool, for
    example the SCCs": the customer, the last party the sentence names before it, is responsible for the tool, which
    is its own. Not where a name stands between ("the customer instructs Acme, and Acme is responsible for ...")."""
    tokens = sentence.span
    claimed: set[int] | None = None
    for responsible in sentence.of("RESPONSIBLE_FOR"):
        if responsible.end > cue.start:
            continue
        parties = [c for c in sentence.of("CONTROLLER_SIDE") if c.end <= responsible.start]
        if not parties:
            continue
        party = max(parties, key=lambda c: c.start)
        if claimed is None:
            claimed = sentence.claimed()
        if responsible.start - party.end <= RESPONSIBLE_REACH and not any(
            tokens[i].text[:1].isupper() and i not in claimed for i in range(party.end, responsible.start)
        ):
            return responsible
    return None


def _narrated_history(sentence: Sentence, tools: Set[str], lexicon: MechanismLexicon) -> Cue | None:
    """ "The EU-U.S. Data Privacy Framework replaced the Privacy Shield in July 2023", „Der EU-US-Datenschutzrahmen hat
    2023 das Privacy Shield abgelöst": how one tool replaced another, told with no word of the vendor's own nor of a
    transfer, is the tools' history; it relies on none of them."""
    if len(tools) < 2 or sentence.has("TRANSFER") or any(t.lower_ in lexicon.vendor_words for t in sentence.span):
        return None
    return next((c for c in sentence.of("HISTORIC") if c.text.lower() in lexicon.replacement_verbs), None)


def _changed_from(sentence: Sentence, cue: Cue, mentions: list[Cue], lexicon: MechanismLexicon) -> Cue | None:
    """ "TalkFlow Inc.: transfer mechanism changed from SCCs to the DPF", „vom Privacy Shield auf
    Standardvertragsklauseln umgestellt": the tool right after "from" (perhaps with its article) in a sentence with a verb
    of change, another tool following after "to", is the one left."""
    tokens = sentence.span
    verb = next((i for i, t in enumerate(tokens) if t.lower_ in lexicon.change_verbs), None)
    before = [t.lower_ for t in tokens[max(0, cue.start - 2) : cue.start]]
    if verb is None or not before:
        return None
    if before[-1] not in lexicon.change_from and not (
        len(before) == 2 and before[-1] in lexicon.tool_articles and before[0] in lexicon.change_from
    ):
        return None
    tool = lexicon.labels[cue.label][0]
    if not any(
        m.start >= cue.end
        and lexicon.labels[m.label][0] != tool
        and any(t.lower_ in lexicon.change_to for t in tokens[cue.end : m.start][:LIST_REACH])
        for m in mentions
    ):
        return None
    return Cue("HISTORIC", verb, verb + 1, tokens[verb].text)


def _taken_over(sentence: Sentence, cue: Cue, mentions: list[Cue], lexicon: MechanismLexicon) -> Cue | None:
    """ "Our AI features were first delivered under the Privacy Shield; since 2020 that partner has been bound by SCCs
    instead", „...; seit 2020 ist dieser Partner stattdessen an Standardvertragsklauseln gebunden": another tool, named in
    a later clause with "instead" right before or after it and a word of the time since then, took the place of this
    one."""
    tokens = sentence.span
    tool = lexicon.labels[cue.label][0]
    for later in mentions:
        if later.start < cue.end or lexicon.labels[later.label][0] == tool:
            continue
        between = tokens[cue.end : later.start]
        if not any(t.text in {";", ","} for t in between) or not any(t.lower_ in lexicon.since_then for t in between):
            continue
        for at in (
            *range(max(cue.end, later.start - LIST_REACH), later.start),
            *range(later.end, later.end + LIST_REACH),
        ):
            # "... rely on that certification instead of the SCCs": the later tool is the one set aside, not the one
            # that took this one's place.
            if any(c.start <= at < c.end for c in sentence.of("TOOL_INSTEAD_OF")):
                continue
            if at < len(tokens) and tokens[at].lower_ in lexicon.tool_in_place:
                return Cue("HISTORIC", at, at + 1, tokens[at].text)
    return None


def _granted_beside_the_only(
    sentence: Sentence, cue: Cue, mentions: list[Cue], lexicon: MechanismLexicon
) -> Cue | None:
    """ "Transfers to the US rely solely on SCCs, even though the recipient is also DPF-certified", „... ausschließlich auf
    Standardvertragsklauseln, obwohl der Empfänger auch nach dem DPF zertifiziert ist": a tool in a concession after
    another tool said to be the only one is granted, not relied on."""
    tokens = sentence.span
    tool = lexicon.labels[cue.label][0]
    for concession in sentence.of("CONCESSIVE"):
        _, hi = sentence.clause_bounds(concession.end)
        if not (concession.end <= cue.start and cue.end <= hi):
            continue
        if any(
            m.end <= concession.start
            and lexicon.labels[m.label][0] != tool
            and any(t.lower_ in lexicon.only_tool for t in tokens[max(0, m.start - LIST_REACH) : m.start])
            for m in mentions
        ):
            return concession
    return None


def _before_the_only(sentence: Sentence, cue: Cue, mentions: list[Cue], lexicon: MechanismLexicon) -> Cue | None:
    """ "Acme Inc. is certified under the DPF, but we base our transfers to it solely on the SCCs", „..., doch stützen
    wir unsere Übermittlungen an sie ausschließlich auf die Standardvertragsklauseln": a tool before a contrast after
    which another tool is said to be the only one is granted, not relied on. Only a tool the first clause tells a party
    holds ("is certified under"): "we rely on the DPF for Acme, but only on the SCCs for our Indian team" relies on both,
    each for its own recipient."""
    tokens = sentence.span
    tool = lexicon.labels[cue.label][0]
    held = sentence.of("TOOL_JOINED")
    if not held:
        return None
    for later in mentions:
        if later.start < cue.end or lexicon.labels[later.label][0] == tool:
            continue
        between = tokens[cue.end : later.start]
        only = [i for i, t in enumerate(between) if t.lower_ in lexicon.only_tool]
        turn = [i for i, t in enumerate(between) if t.lower_ in lexicon.contrast]
        if not (only and turn and turn[0] < only[-1] and len(between) - only[-1] <= ONLY_REACH):
            continue
        at = cue.end + turn[0]
        first = tokens[:at]
        if (
            ";" not in between.text
            and any(c.end <= at for c in held)
            and not any(t.lower_ in lexicon.reliance_verbs for t in first)
        ):
            return Cue("CONTRAST", at, at + 1, tokens[at].text)
    return None


def _relied_on_then(sentence: Sentence, cue: Cue, mentions: list[Cue], lexicon: MechanismLexicon) -> Cue | None:
    """ "Before July 2023 we relied on SCCs; today we rely on the DPF", „Übermittlungen erfolgten auf Grundlage von
    Standardvertragsklauseln; seitdem stützen wir sie auf den DPF": a tool told in the simple past, another tool after
    it with a word of what holds now, is the one left behind."""
    tokens = sentence.span
    tool = lexicon.labels[cue.label][0]
    past = next((c for c in sentence.of("PAST_BASIS") if 0 <= cue.start - c.end <= BEFORE_WINDOW), None)
    if (
        past is None
        or any(past.end <= m.start < cue.start for m in mentions)
        or not _past_basis_of(sentence, past, cue, mentions, lexicon)
    ):
        return None
    for later in mentions:
        if later.start >= cue.end and lexicon.labels[later.label][0] != tool:
            between = tokens[cue.end : later.start]
            # "..., and since 2023 also on the DPF": a tool added, the first one kept.
            added = any(cue.end <= c.start < later.end + TOOL_ADDED_REACH for c in sentence.of("TOOL_ADDED"))
            if (
                not added
                and any(t.text in (";", ",") for t in between)
                and any(t.lower_ in lexicon.since_then for t in between)
            ):
                return past
    return None


def _conceded_tool(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "Although Israel benefits from an adequacy decision, we do not transfer EU data to Israel", "Our email provider is
    certified under the DPF; however, no data is transferred to the US", „Die Schweiz verfügt über einen
    Angemessenheitsbeschluss, doch wir übermitteln keine Daten dorthin", „ist zwar nach dem DPF zertifiziert, erhält aber
    keine Daten": a tool granted in a clause that moves no data,
    against a denied transfer in a clause after it; it is named, not relied on."""
    lo, hi = sentence.clause_bounds(cue.start)
    if any(lo <= c.start < hi for c in sentence.of("TRANSFER")):
        return None
    tokens = sentence.span
    # The concession's word opens the clause, and may itself be where it breaks ("Although ...").
    conceded = any(lo - 1 <= c.start < cue.start for c in sentence.of("CONCESSIVE"))
    turned = next((i for i in range(cue.end, len(tokens)) if tokens[i].lower_ in lexicon.contrast), None)
    if not conceded and turned is None:
        return None
    start = max(hi, cue.end)
    # Receiving or working on data denied is as good as its move ("..., but it does not receive any data from us").
    for moved in sentence.of("TRANSFER", "DATA_WORK"):
        if moved.start < start:
            continue
        m_lo, m_hi = sentence.clause_bounds(moved.start)
        # The contrast opens the denying clause or, after a German verb put first, follows it („..., erhält aber keine
        # Daten"), where it breaks the clause that goes on past it.
        if turned == m_hi and turned + 1 < len(tokens):
            m_hi = sentence.clause_bounds(turned + 1)[1]
        if not conceded and (turned is None or turned >= m_hi):
            continue
        denial = next(
            (
                n
                # The first after the verb: a later „ohne" is an exception to it („keine Daten ohne unsere Weisung").
                for n in sorted(sentence.of("NEGATION"), key=lambda c: c.start)
                # A German verb ends its clause, far from the negation that denies it („jedoch werden keine Daten in
                # die USA übermittelt"); a negation of reliance denies no transfer ("does not rely on it for
                # transfers").
                if max(start, m_lo) <= n.start < m_hi
                and (
                    abs(n.start - moved.start) <= DENIAL_REACH
                    or (
                        n.start < moved.start
                        and not any(t.lower_ in lexicon.reliance_verbs for t in tokens[n.end : moved.start])
                    )
                )
            ),
            None,
        )
        # "..., but no data is transferred to the US without your consent / except for support": a denial with an
        # exception denies nothing, so the tool granted before it is the basis of what the exception lets through; nor
        # does one narrowed, right after it, to some data ("does not receive any data beyond names", „erhält aber keine
        # Klardaten, sondern nur ..."). A clause after it on what does arrive is not read: "...; it receives only
        # anonymous statistics" leaves the denial whole.
        if denial is None or _said_in(tokens, denial.end, len(tokens), lexicon.denial_exceptions):
            continue
        if _said_in(tokens, denial.end, min(len(tokens), denial.end + NARROWED_REACH), lexicon.denial_narrowed):
            continue
        return denial
    return None


def _denied_beside(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "Under the UK GDPR a restricted transfer requires ... the IDTA ...; Holloway Cloud makes no restricted transfers",
    „Der EU-US-Datenschutzrahmen ist ein Angemessenheitsbeschluss ...; wir selbst übermitteln keine Daten in die USA":
    a later part of the sentence (after a semicolon) denies that any data moves, so the tool is explained, left to
    someone else or gone, not relied on. Not where the tool's own part relies on it or holds it for some data only
    ("Transfers to the UK rely on its adequacy decision; we make no other transfers", "Our BCRs cover only HR data; no
    customer data leaves the EEA") or its place is not the one denied ("Transfers to the UK are covered
    by the adequacy decision; we do not transfer data to the US"), nor where the denial is scoped to other transfers or
    to a purpose or kind of data ("Transfers to the US are made under the SCCs; we do not transfer data for marketing
    purposes") or admits an exception ("...; no data leaves the EEA without them")."""
    tokens = sentence.span
    stops = sentence.where_word(SEMICOLON)
    if not stops:
        return None
    lo = max((i + 1 for i in stops if i < cue.start), default=0)
    hi = min((i for i in stops if i >= cue.end), default=len(tokens))
    if any(t.lower_ in lexicon.reliance_verbs or t.lower_ in lexicon.only_tool for t in tokens[lo:hi]):
        return None
    bounds = [*(i + 1 for i in stops if i >= hi), len(tokens) + 1]
    for p_lo, p_hi in zip(bounds, bounds[1:], strict=False):
        p_hi -= 1
        if scoped_denial(sentence, p_lo, p_hi, lexicon.denial_scope) or _said_in(
            tokens, p_lo, p_hi, lexicon.denial_exceptions
        ):
            continue
        denials = [c for c in sentence.of("DENIAL") if p_lo <= c.start < p_hi]
        for moved in sentence.of("TRANSFER"):
            if not p_lo <= moved.start < p_hi:
                continue
            m_lo, m_hi = sentence.clause_bounds(moved.start)
            denials += [
                n
                for n in sentence.of("NEGATION")
                if max(p_lo, m_lo) <= n.start < min(p_hi, m_hi) and abs(n.start - moved.start) <= DENIAL_REACH
            ]
        own = {p.code for p in sentence.places if lo <= p.start < hi}
        denied = {p.code for p in sentence.places if p_lo <= p.start < p_hi}
        if own and denied and not own & denied:
            continue
        if denials and any(p_lo <= c.start < p_hi for c in sentence.of("TRANSFER")):
            return denials[0]
    return None


def _not_in_force(
    sentence: Sentence, cue: Cue, mentions: Sequence[Cue], lexicon: MechanismLexicon, off_standard: bool = False
) -> Cue | None:
    """ "our BCR application is pending", "once DPF certification is completed": a tool not yet in force, the words
    saying so at most NOT_IN_FORCE_REACH tokens from it. Past a semicolon, not where the words name a tool of their own
    ("Transfers to the US rely on the DPF; our BCR application is currently pending"): that tool is the one pending.
    ``off_standard``: a tool offered outside the standard terms instead (TOOL_OFF_STANDARD), anywhere in the sentence;
    past a semicolon any other mention there, even of the same tool, is the one the words speak of ("...; the UK
    Addendum is not part of our standard terms" leaves the SCCs before it in force)."""
    label, reach = (
        ("TOOL_OFF_STANDARD", len(sentence.span)) if off_standard else ("TOOL_NOT_IN_FORCE", NOT_IN_FORCE_REACH)
    )
    found = _framing(sentence, cue, label, reach, reach)
    tokens = sentence.span
    while found is not None and not off_standard and _object_before(sentence, found, cue, mentions, lexicon):
        # Those words take another tool; later words may still take this one ("applied for BCRs and intend to sign the
        # SCCs", „BCR beantragt und die DPF-Zertifizierung ebenfalls beantragt").
        found = _framing(sentence, cue, label, reach, reach, lo=found.end)
    if found is None or any(g.start < found.end and found.start < g.end for g in sentence.of("TOOL_GRANTED")):
        return None
    lo, hi = sorted((cue.start, found.start))
    if not any(t.text == ";" for t in tokens[lo:hi]):
        return found
    p_lo, p_hi = sentence.part_bounds(found.start, found.end)
    own = lexicon.labels[cue.label][0]
    if any(
        p_lo <= m.start < p_hi
        and (lexicon.labels[m.label][0] != own or (off_standard and m.start != cue.start))
        and not (off_standard and found.start <= m.start < found.end)  # "not part of our standard contract": own terms
        for m in mentions
    ):
        return None
    return found


def _object_before(
    sentence: Sentence, words: Cue, cue: Cue, mentions: Sequence[Cue], lexicon: MechanismLexicon
) -> bool:
    """ "is seeking approval of its BCRs and receives data under the DPF", „hat seine BCR beantragt und erhält Daten
    auf Grundlage des DPF": another tool stands right after the words before the tool (or right before them, as a
    German verb closes its clause), and a clause of its own (a verb and what it takes) parts it from the tool; the
    words take that other tool as their object, not this one ("pending approval of BCRs and the SCCs" joins both, as
    does a preposition alone: „ob … auf Grundlage des DPF oder von Standardvertragsklauseln"). Words carrying the
    clause over to the tool (PREDICATE_SHARED: "..., and so is DPF certification") make no clause of its own."""
    if words.end > cue.start:
        return False
    tokens = sentence.span
    joins = lexicon.tool_conjunction | lexicon.tool_disjunction | lexicon.tool_articles
    shared = sentence.of("PREDICATE_SHARED")
    return any(
        (words.end <= m.start or 0 <= words.start - m.end <= OBJECT_BEFORE_REACH)
        and m.end <= cue.start
        and sum(t.lower_ not in joins and t.text not in (",", ";") for t in tokens[max(m.end, words.end) : cue.start])
        >= CLAUSE_OF_ITS_OWN
        and not any(max(m.end, words.end) <= s.start and s.end <= cue.start for s in shared)
        for m in mentions
        if lexicon.labels[m.label][0] != lexicon.labels[cue.label][0]
    )


def _planned(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "We plan to move to BCRs", „..., dass wir Übermittlungen auf BCR umstellen werden": a change still to come
    whose object is the tool, so today's transfers do not rest on it. Only where the words of the change stand where
    their object does (before the tool, or after it for a German verb at the end) with no semicolon between (a plan
    beside the tool: "...; we plan to migrate our servers"); a place between makes the verb move data ("your data will move to US servers under the SCCs"), unless a word of
    the change's end comes after it ("we plan to move our US transfers to BCRs")."""
    tokens = sentence.span
    ends = lexicon.change_to | lexicon.change_from

    def joined(lo: int, hi: int) -> bool:
        places = [p.end for p in sentence.places if lo <= p.start < hi]
        return (
            0 <= hi - lo <= NOT_IN_FORCE_REACH
            and not any(t.text == ";" for t in tokens[lo:hi])
            and (not places or any(t.lower_ in ends for t in tokens[max(places) : hi]))
        )

    return next((c for c in sentence.of("TOOL_PLANNED") if joined(c.end, cue.start)), None) or next(
        (c for c in sentence.of("TOOL_PLANNED_AFTER") if joined(cue.end, c.start)), None
    )


def _said_in(tokens: Tokens, start: int, end: int, phrases: Set[str]) -> bool:
    """One of ``phrases`` (lower case, words apart) stands in ``tokens[start:end]``."""
    said = f" {' '.join(t.lower_ for t in tokens[start:end])} "
    return any(f" {p} " in said for p in phrases)


def _explained(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "Binding Corporate Rules are a tool under Article 47 that lets groups transfer data", „Standardvertragsklauseln
    sind von der EU-Kommission erlassene Musterverträge": what the tool is, right after its name; unless the vendor goes
    on to speak of its own use of it ("...; wir haben sie mit allen US-Dienstleistern abgeschlossen")."""
    # The tool's article may follow the explanation ("a tool under Article 47"); the tool's words may be the
    # explanation's own ("are template contracts approved by the European Commission", "is a finding of the Commission
    # that a third country offers an adequate level of protection").
    tokens = sentence.span
    explained = _framing(sentence, cue, "TOOL_EXPLAINED", 0, 1) or next(
        (
            c
            for c in sentence.of("TOOL_EXPLAINED")
            if c.start <= cue.start
            and cue.start - c.end <= EXPLAINED_WORDS_REACH
            and not any(t.text == ";" for t in tokens[c.end : cue.start])
        ),
        None,
    )
    if explained is None or any(t.lower_ in lexicon.vendor_words for t in tokens[explained.end :]):
        return None
    return explained


def _disowned_relative(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "the Data Privacy Framework, in which we do not take part", „der Data Privacy Framework, an dem wir nicht
    teilnehmen": a relative clause set off right after the tool in which the vendor denies something of it (taking part, using
    it, having signed it) says the vendor does not rely on it."""
    tokens = sentence.span
    if cue.end >= len(tokens) or tokens[cue.end].text != ",":
        return None
    negations = sentence.of("NEGATION")
    for i in range(cue.end + 1, min(cue.end + RELATIVE_REACH, len(tokens))):
        if tokens[i].lower_ not in lexicon.country_relative:
            continue
        speaker = next(
            (j for j in range(i + 1, min(i + 3, len(tokens))) if tokens[j].lower_ in lexicon.vendor_words), None
        )
        if speaker is None:
            return None
        denial = next((n for n in negations if 0 < n.start - speaker <= DENIED_RELATIVE_REACH), None)
        if denial is None:
            return None
        # What is denied must be the vendor's part in the tool ("in which we do not take part"), not something done
        # with its text ("which we do not publish"); and not handed to another party after a contrast ("in which we do
        # not take part ourselves, but our US host does").
        _, hi = sentence.clause_bounds(denial.start)
        rest = tokens[denial.end : min(len(tokens), denial.end + 2 * RELATIVE_REACH)]
        if not any(t.lower_ in lexicon.relative_disowning for t in tokens[denial.end : max(hi, denial.end + 3)]):
            return None
        turned = next((k for k, t in enumerate(rest) if t.lower_ in lexicon.contrast), None)
        if turned is not None and not any(t.lower_ in lexicon.vendor_words for t in rest[turned + 1 : turned + 3]):
            return None
        return denial
    return None


def _cited_title(sentence: Sentence, lexicon: MechanismLexicon) -> Cue | None:
    """ "Commission Implementing Decision (EU) 2021/914 of 4 June 2021 on standard contractual clauses for the transfer
    of personal data to third countries ...": a sentence opening with a decision's name, where nobody speaks for the
    vendor or relies on anything or joins a tool, cites the title; the tools it names are the title's words."""
    tokens = sentence.span
    title = next((c for c in sentence.of("TOOL_TITLE") if c.start == 0), None)
    if title is None or sentence.has("TOOL_JOINED"):
        return None
    if any(t.lower_ in lexicon.vendor_words or t.lower_ in lexicon.reliance_verbs for t in tokens):
        return None
    return title


def _reliance_denied_after(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "Auf eine Einwilligung nach Art. 49 Abs. 1 lit. a DSGVO stützt sich der Auftragnehmer für keine Übermittlung",
    "Article 49 derogations are relied on for no transfer": the verb of reliance after the tool, in its clause, is
    denied by a negation right after it; unless the denial admits an exception ("für keine Übermittlung außer ...")."""
    tokens = sentence.span
    _, hi = sentence.clause_bounds(cue.start)
    verb = next(
        (
            i
            for i in range(cue.end, min(hi, cue.end + RELIED_AFTER_REACH))
            if tokens[i].lower_ in lexicon.reliance_verbs
        ),
        None,
    )
    if verb is None:
        return None
    denial = next(
        (n for n in sentence.of("NEGATION") if verb < n.start < min(hi, verb + RELIANCE_DENIAL_REACH + 1)), None
    )
    if denial is None or _said_in(tokens, denial.end, hi, lexicon.denial_exceptions):
        return None
    return denial


def _law_or_watch(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "The GDPR permits transfers to third countries only under certain conditions, e.g. an adequacy decision", "We
    monitor the legal situation ..., including any challenge to the DPF": the law speaking of the tool, or the vendor
    watching it, anywhere before it in the sentence; unless the vendor speaks of its own transfers after that ("The GDPR
    permits transfers under SCCs, and we use them for our US host")."""
    tokens = sentence.span
    found = _framing(sentence, cue, "TOOL_LAW_OR_WATCH", len(tokens), -1)
    if found is None or any(
        t.text == ";" or t.lower_ in lexicon.reliance_verbs or (t.lower_ in lexicon.vendor_words and i > cue.start)
        for i, t in enumerate(tokens[found.end :], start=found.end)
    ):
        return None
    return found


def _set_aside(sentence: Sentence, cue: Cue, mentions: list[Cue], lexicon: MechanismLexicon) -> Cue | None:
    """ "We looked at the DPF but decided against it", "The UK adequacy decision is mentioned here for completeness", „dass
    X auch DPF-zertifiziert ist, spielt für uns keine Rolle": words after the tool that set it aside, with no other tool
    between, nor a semicolon unless a word after it points back („...; für uns spielt dies keine Rolle"): "...; the SCCs
    play no role" sets aside only the SCCs."""
    tokens = sentence.span

    def joined(c: Cue) -> bool:
        stops = [i for i in range(cue.end, c.start) if tokens[i].text == ";"]
        return not stops or any(t.lower_ in lexicon.negated_object for t in tokens[stops[-1] + 1 : c.start])

    return next(
        (
            c
            for c in sentence.of("TOOL_SET_ASIDE")
            if 0 <= c.start - cue.end <= NOT_IN_FORCE_REACH
            and joined(c)
            and not any(cue.end <= m.start < c.start for m in mentions)
        ),
        None,
    )


def _instead_of(sentence: Sentence, cue: Cue, mentions: Sequence[Cue], lexicon: MechanismLexicon) -> Cue | None:
    """ "instead of the SCCs", "instead of relying on your consent", „anstelle der Einwilligung": the words that set
    the tool after them aside, at most INSTEAD_OF_REACH tokens before it besides a verb of reliance or use and its
    preposition, with no other tool between."""
    tokens = sentence.span
    passed = lexicon.reliance_verbs | lexicon.using | lexicon.basis_prepositions
    for c in sentence.of("TOOL_INSTEAD_OF"):
        if c.end > cue.start or any(c.end <= m.start < cue.start for m in mentions):
            continue
        if sum(1 for t in tokens[c.end : cue.start] if t.lower_ not in passed) <= INSTEAD_OF_REACH:
            return c
    return None


def _framing(
    sentence: Sentence, cue: Cue, label: str, before: int, after: int, lo: int = 0, hi: int | None = None
) -> Cue | None:
    """The first cue of ``label`` that frames the tool named by ``cue``: ending at most ``before`` tokens before it
    or starting at most ``after`` tokens after it, within tokens ``lo:hi``."""
    return next(
        (
            c
            for c in sentence.of(label)
            if lo <= c.start < (len(sentence.span) if hi is None else hi)
            and (0 <= cue.start - c.end <= before or 0 <= c.start - cue.end <= after)
        ),
        None,
    )


def _pointer_to_text(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "You can find the text of the Commission's standard contractual clauses at https://...", „Die Liste der nach dem
    Datenschutzrahmen zertifizierten Unternehmen ist unter https://... abrufbar": a link to the tool's wording or list,
    in a sentence that names neither the vendor nor a transfer ("A copy of the SCCs we use is at https://..." relies)."""
    text = sentence.text
    if "http" not in text and "www." not in text:
        return None
    vendor = lexicon.vendor_words | lexicon.consent_vendor  # "we", "our", and "us" („von uns verwendeten")
    if sentence.has("TRANSFER") or any(t.lower_ in vendor for t in sentence.span):
        return None
    return _framing(sentence, cue, "TOOL_TEXT", POINTER_REACH, -1)


def _courts_view(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "According to the CJEU, transfers to the US are adequate only if the recipient takes part in the
    DPF": the court's view of the law, not the vendor's basis. Once the vendor speaks for itself ("...;
    we therefore rely on the SCCs") the tools it names are its own."""
    tokens = sentence.span
    for view in sentence.of("COURT_VIEW"):
        if view.end <= cue.start and not any(t.lower_ in lexicon.vendor_speaks for t in tokens[view.end : cue.start]):
            return view
    return None


def _given_as_example(sentence: Sentence, cue: Cue, mentions: Sequence[Cue], lexicon: MechanismLexicon) -> bool:
    """ "appropriate safeguards, such as the SCCs": the tool is one the text could use, not the one a
    transfer rests on ("transfers to the US rest on the SCCs"); so is a tool joined to an example by "and" or
    "or" ("such as the EU SCCs (Module 2) and the UK Addendum")."""
    lo, _ = sentence.clause_bounds(cue.start)
    if any(lo <= c.start and 0 <= cue.start - c.end <= EXAMPLE_REACH for c in sentence.of("EXAMPLE_OF")):
        return True
    before = [m for m in mentions if m.end <= cue.start and cue.start - m.end <= EXAMPLE_REACH]
    return bool(before) and (
        any(
            t.lower_ in lexicon.tool_disjunction | lexicon.tool_conjunction
            for t in sentence.span[before[-1].end : cue.start]
        )
        and _given_as_example(sentence, before[-1], mentions, lexicon)
    )


def _unticked(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "Safeguard: [ ] Standard Contractual Clauses [x] BCR": an option of a form whose box is left empty is not
    chosen."""
    tokens = sentence.span
    # The box may stand before a qualifier the tool's name does not take in ("☐ EU-US Data Privacy Framework").
    for i in range(cue.start, max(0, cue.start - BOX_QUALIFIER) - 1, -1):
        if i < cue.start and tokens[i].text == "|":
            break  # the box of another field ("☐ no | SCCs in place: ☒ yes")
        ticked = box_before(tokens, i)
        if ticked is not None:
            return None if ticked else Cue("UNTICKED", i, cue.end, cue.text)
    # Or the whole sentence is the option ("☐ The Processor will transfer data on the basis of SCCs. ☒ The Processor
    # will not transfer data").
    first = next((i for i, t in enumerate(tokens) if t.text[:1].isalnum()), 0)
    return (
        Cue("UNTICKED", 0, cue.end, cue.text) if 0 < first <= cue.start and box_before(tokens, first) is False else None
    )


def _run_in_label(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "**Data Privacy Framework.** Example Inc. has not self-certified to the DPF.": a paragraph's run-in label that
    is only the tool's name says what the paragraph is about; the paragraph's own sentences say whether it is relied
    on. A list item or a table cell that is only the name is a block of its own, not a label."""
    block = sentence.block
    if (
        block.kind == "table_row"
        or sentence.start != block.start
        or not block.text[sentence.end - block.start :].strip()
    ):
        return None
    if any(t.text[:1].isalnum() for t in sentence.span[: cue.start]) or any(
        t.text[:1].isalnum() for t in sentence.span[cue.end :]
    ):
        return None
    return Cue("RUN_IN_LABEL", cue.start, cue.end, cue.text)


def _practices(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "These are the Privacy Shield Principles, but they are also just good practice": a framework's principles named
    as practices, in a sentence outside talk of transfers that says nothing of data going anywhere."""
    if sentence.has("TRANSFER", "CROSS_BORDER") or sentence.places:
        return None
    tokens = sentence.span
    return next(
        (
            c
            for c in sentence.of("TOOL_PRINCIPLES")
            # "Privacy Shield Principles", "the principles of the Privacy Shield", „Grundsätze des Privacy Shield"
            if c.start == cue.end
            or (
                c.end <= cue.start
                and all(t.lower_ in lexicon.part_of | lexicon.tool_articles for t in tokens[c.end : cue.start])
            )
        ),
        None,
    )


def _told_of(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "The EU-U.S. Data Privacy Framework entered into force on 10 July 2023", „Das EU-US Data Privacy Framework
    ermöglicht es US-Unternehmen, sich selbst zu zertifizieren": the tool's history or workings told in its own clause,
    where nobody speaks for the vendor and nothing moves data, describe the law; they rely on nothing ("X Inc. is
    certified under the DPF, which took effect in 2023" keeps the certification: the description has a clause of its
    own). That the Commission adopted the tool is news only with its date ("adopted its adequacy decision for Japan on 23
    January 2019"): undated, the next sentence may rely on it. A semicolon does not make the vendor speak where no part
    relies on anything ("The Commission reviews the DPF periodically; the first review took place in 2024")."""
    tokens = sentence.span
    parted = any(t.text == ";" for t in tokens)
    if sentence.has("TRANSFER", "CROSS_BORDER", "TOOL_JOINED") or any(
        (t.text != ";" and t.lower_ in lexicon.vendor_speaks) or (parted and t.lower_ in lexicon.reliance_verbs)
        for t in tokens
    ):
        return None
    lo, hi = sentence.clause_bounds(cue.start)
    labels = ("TOOL_DESCRIBED", "TOOL_ADOPTED") if YEAR.search(sentence.text) else ("TOOL_DESCRIBED",)
    return next(
        (
            c
            for c in sentence.of(*labels)
            if lo <= c.start
            and c.end <= hi
            and not (c.label == "TOOL_ADOPTED" and _relative_on(sentence, cue, c, lexicon))
        ),
        None,
    )


def _relative_on(sentence: Sentence, cue: Cue, clause: Cue, lexicon: MechanismLexicon) -> bool:
    """ "The SCCs which the Commission adopted in 2021 apply", „die Standardvertragsklauseln, die die Kommission 2021
    erlassen hat, gelten": ``clause`` is in a relative clause on the tool, opened right after it, and says which tool
    is meant; the sentence's news is what the tool does."""
    tokens = sentence.span
    i = cue.end + (cue.end < len(tokens) and tokens[cue.end].text == ",")
    return i < clause.start and tokens[i].lower_ in lexicon.tool_relative


def _permitted_if_adequate(sentence: Sentence, cue: Cue) -> Cue | None:
    """ "Engaging sub-processors outside the EU is only allowed with the Controller's prior consent and only where an
    adequacy decision exists": adequacy as a condition of a transfer the customer must first permit, which no transfer
    rests on yet (GUIDELINES.md: adequacy counts only where the document relies on it). The condition may follow in
    the tool's clause ("only to countries which ensure an adequate level of protection upon explicit agreement by the
    Controller")."""
    if not sentence.has("CONTROLLER_SIDE"):
        return None
    _, hi = sentence.clause_bounds(cue.start)
    return next(
        (c for c in sentence.of("CONSENT_REQUIRED") if c.end <= cue.start or (cue.end <= c.start and c.end <= hi)),
        None,
    )


def _left_set(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> Cue | None:
    """ "When we transfer personal data outside of the EEA, the UK, Switzerland or other countries whose laws have
    been deemed adequate, we rely on SCCs", „außerhalb der EU oder anderer Länder, die als angemessen gelten": the
    adequate countries close the list of places the transfer leaves, so the sentence speaks of countries without a
    decision (GUIDELINES.md: the negative condition). The phrase must stand in a relative clause on a country word
    that an "or" adds to the list, with no clause of its own between."""
    tokens = sentence.span
    for left in sentence.of("THIRD_COUNTRY"):
        if left.end > cue.start or cue.start - left.end > LEFT_SET_REACH:
            continue
        if tokens[left.start].lower_ not in lexicon.outside:
            continue
        between = tokens[left.end : cue.start]
        joined = [i for i, t in enumerate(between) if t.lower_ in lexicon.tool_disjunction]
        countries = [c for c in sentence.of("COUNTRY_WORD") if left.end <= c.start < cue.start]
        relative = [i for i, t in enumerate(between) if t.lower_ in lexicon.country_relative]
        if (
            joined
            and countries
            and relative
            and joined[0] < countries[0].start - left.end < relative[-1]
            and not any(t.text in (";", ":") for t in between)
        ):
            return left
    return None


def mechanism_mentions(
    sentence: Sentence,
    lexicon: MechanismLexicon,
    transfer_sentence: bool,
    non_eea: Set[str],
    into: frozenset[str] = frozenset(),
    cancels: frozenset[str] = frozenset(),
    unmoved: Set[int] = frozenset(),
    absent: re.Pattern[str] | None = None,
) -> list[Mention]:
    """The transfer tools ``sentence`` names, each relied on or not; ``into``: the words that make a country a
    place data goes to; ``cancels``: the words that cancel a negation before them ("not ... without");
    ``unmoved``: see :func:`consent_mentions`; ``absent``: a field's value saying there is none ("SCCs: n/a")."""
    # A cell's phrase outside a table names nothing, so that it does not hide the prose phrase it overlaps ("an EU
    # adequacy decision" is no "EU adequacy" cell).
    tokens = sentence.span
    mentions = [
        c
        for c in sentence.of(*lexicon.labels)
        if (lexicon.labels[c.label][1] != "row" or sentence.block.kind == "table_row")
        and (lexicon.labels[c.label][1] != "cell" or (c.start > 0 and tokens[c.start - 1].text == "|"))
        and (
            lexicon.labels[c.label][1] != "relied"
            or (
                c.start > 1
                and tokens[c.start - 1].lower_ in lexicon.basis_prepositions
                and tokens[c.start - 2].lower_ in lexicon.reliance_verbs
            )
        )
    ]
    if not mentions:
        return consent_mentions(sentence, lexicon, transfer_sentence, into, unmoved)
    # Overlapping phrases of one tool ("EU-U.S. DPF" and "DPF") are one mention; of two phrases on the same words the
    # one naming the tool anywhere, so that a phrase counting only in a transfer sentence does not hide it ("Safe Harbor
    # Framework" is the framework wherever it stands, "Safe Harbor" alone only where data leaves the EEA).
    mentions.sort(key=lambda c: (c.start, -(c.end - c.start), lexicon.labels[c.label][1] != "any"))
    unique: list[Cue] = []
    for cue in mentions:
        if (
            unique
            and cue.start < unique[-1].end
            and lexicon.labels[cue.label][0] == lexicon.labels[unique[-1].label][0]
        ):
            continue
        unique.append(cue)
    found: list[Mention] = []
    tools_here = {lexicon.labels[c.label][0] for c in unique}
    # Tools named by their article or their own name ("Art. 49", "derogation"), not described.
    named_articles = {lexicon.labels[c.label][0] for c in unique if c.label == f"MECH:{lexicon.labels[c.label][0]}"}
    own = sentence.of("OWN_TERMS")
    # "Acme is DPF-certified and does not receive health data; it receives contact data in the US": a denial of moving
    # some data, beside a part that moves data to a third country, denies no tool ("... without further safeguards"
    # denies no move).
    moves = sentence.of("TRANSFER", "DATA_WORK")
    spared = {
        n
        for n in sentence.of("NEGATION")
        if any(0 <= m.start - n.end <= DENIAL_REACH for m in moves)
        and limited_part(sentence, n.start, lexicon.denial_scope, non_eea.__contains__) is not None
    }
    for cue in unique:
        tool, context = lexicon.labels[cue.label]
        # "Sub-processor | Country | SCC | DPF" over "Kestrel Inc. | US | yes | no": the cells under a tool's heading
        # say whether it is used, whatever the heading alone would be read as.
        answer = (
            column_answer(sentence, cue.start, cue.end, lexicon.cell_yes, lexicon.cell_no)
            if CELL_BAR in sentence.block.text
            else None
        )
        if answer is not None:
            reason = f"{tool} column answered {'yes' if answer else 'no'}: '{cue.text}'"
            found.append(Mention("mechanism", tool, _evidence(sentence, reason), relied_upon=answer))
            continue
        if lexicon.names_no_tool(sentence, cue, _described(sentence, cue, unique)) or _defined_term(sentence, cue):
            continue
        # "unser konzernweiter Datenschutzrahmen", "our own standard contract": the vendor's own terms, no tool.
        if any(o.start <= cue.start and cue.end <= o.end for o in own):
            continue
        # "Art. 45 et seq. GDPR", "Art. 45 ff. DSGVO": the whole of Chapter V, not an adequacy decision.
        if tool == "adequacy" and any(
            t.lower_.rstrip(".") in lexicon.chapter_citation for t in sentence.span[cue.end : cue.end + 2]
        ):
            continue
        if _article_range(sentence, cue, lexicon):
            continue
        # "Decision (EU) 2023/1795 on ... the EU-US Data Privacy Framework is cited for information only": a decision
        # named by its number and by the tool's name is one mention, the name's.
        if (
            cue.label.endswith(NUMBER_SUFFIX)
            and cue.label != NUMBER_LABEL
            and any(
                c is not cue and lexicon.labels[c.label][0] == tool and not c.label.endswith(NUMBER_SUFFIX)
                for c in unique
            )
        ):
            continue
        # "Such transfer will be based on an adequacy decision": the sentence speaks of the transfer before it.
        if context == "transfer" and not (
            transfer_sentence or sentence.has("TRANSFER_ANAPHOR") or _reliance_object(sentence, cue, lexicon)
        ):
            continue
        if (
            context in ("transfer_statement", "transfer_clause")
            and not _states_transfer(sentence, non_eea)
            and not _number_relied_on(sentence, cue, tool, lexicon)
        ):
            continue
        if context == "transfer_clause" and not _leaves_in_part(sentence, cue, non_eea):
            continue
        if tool == "safe_harbor" and context != "any" and not SAFE_HARBOR_CONTEXT.search(sentence.text):
            continue
        if tool == "safe_harbor" and _other_safe_harbor(sentence, cue, lexicon):
            continue
        if tool == "derogation" and "derogation" not in named_articles and sentence.has("LAWFUL_BASIS"):
            continue  # "Art. 6(1)(b) GDPR (performance of a contract)" is the basis of processing
        if tool == "derogation" and "derogation" not in named_articles and lexicon.processing_basis(sentence, cue):
            continue  # a purposes table's "Legal basis" cell: "necessary for the performance of a contract" is Art. 6
        if tool == "derogation" and sentence.has("AGE_THRESHOLD"):
            continue  # "the lower age a Member State sets by derogation in its own law" (Art. 8 GDPR)
        if tool == "derogation" and sentence.has("FOREIGN_REQUEST"):
            continue  # "a request ... only if it complies with art. 48 or one of the exemptions of art. 49"
        if tool == "derogation" and _disclosure(sentence):
            continue
        # "only with the explicit consent of the Controller": the customer's instruction (Art. 28(3)(a)), not the
        # consent of the person concerned (Art. 49(1)(a)).
        if (
            tool == "derogation"
            and cue.label == CONSENT_TO_TRANSFER
            and _consenting_party(sentence, cue, lexicon.tool_conjunction) == "controller"
        ):
            continue
        if tool != "scc" and _onward_part(sentence, cue, lexicon):
            continue  # the SCCs' own conditions for onward transfers, quoted in the DPA, are not its basis
        governing = (
            (_listed(sentence, cue, lexicon) if tool == "adequacy" else None)
            or _governing_cue(
                sentence,
                cue,
                unique,
                tool,
                lexicon,
                cancels,
                frozenset(c for c in unique if lexicon.labels[c.label][0] == tool),
                spared,
            )
            or lexicon.country_negation(sentence, cue)
            or _prefix_negated(sentence, cue, lexicon)
            or _question_topic(sentence, cue)
            or _processor_clauses(sentence, cue, tool, lexicon)
            or _conditioned_use(sentence, cue)
            or _example_under_conditions(sentence, cue, unique, lexicon)
            or _only_in_countries(sentence, cue)
            or _future_decision(sentence, cue)
            or _imagined(sentence, cue, lexicon)
            or _deleted(sentence, cue)
            or sentence.drafting_note(cue.start)
            or _yardstick(sentence, cue)
            or _number_in_history(sentence, cue)
            or _courts_view(sentence, cue, lexicon)
            or (_self_assessed(sentence, cue) if tool == "adequacy" else None)
            or (_other_law(sentence, cue, lexicon) if tool == "adequacy" else None)
            or (_permitted_if_adequate(sentence, cue) if tool == "adequacy" else None)
            or (_left_set(sentence, cue, lexicon) if tool == "adequacy" else None)
            or (None if transfer_sentence else _practices(sentence, cue, lexicon))
            or _told_of(sentence, cue, lexicon)
            or _run_in_label(sentence, cue)
            or _unticked(sentence, cue)
            or _framing(sentence, cue, "CUSTOMER_OWN", len(sentence.span), -1)
            or _framing(sentence, cue, "CUSTOMER_OWN_AFTER", -1, CUSTOMER_OWN_REACH)
            or _customer_responsible(sentence, cue)
            or _framing(sentence, cue, "TOOL_AWAITED", AWAITED_REACH, -1)
            or _awaits_force(sentence, cue)
            or _framing(sentence, cue, "TOOL_EXAMPLES", len(sentence.span), -1)
            or _framing(sentence, cue, "TOOL_REFERENCE", len(sentence.span), -1)
            or _pointer_to_text(sentence, cue, lexicon)
            or _instead_of(sentence, cue, unique, lexicon)
            or _reliance_denied_after(sentence, cue, lexicon)
            or _law_or_watch(sentence, cue, lexicon)
            or _cited_title(sentence, lexicon)
            or _disowned_relative(sentence, cue, lexicon)
            or _explained(sentence, cue, lexicon)
            or _framing(sentence, cue, "TOOL_LEGEND", 0, 0)
            or _framing(sentence, cue, "TOOL_TEMPLATE", len(sentence.span), len(sentence.span))
            or _set_aside(sentence, cue, unique, lexicon)
            or _conceded_tool(sentence, cue, lexicon)
            or _denied_beside(sentence, cue, lexicon)
            or _narrated_history(sentence, tools_here, lexicon)
            or _changed_from(sentence, cue, unique, lexicon)
            or _granted_beside_the_only(sentence, cue, unique, lexicon)
            or _before_the_only(sentence, cue, unique, lexicon)
            or _relied_on_then(sentence, cue, unique, lexicon)
            or _taken_over(sentence, cue, unique, lexicon)
            or _not_in_force(sentence, cue, unique, lexicon)
            or _not_in_force(sentence, cue, unique, lexicon, off_standard=True)
            or _planned(sentence, cue, lexicon)
            or _not_in_use(sentence, cue, [m for m in unique if lexicon.labels[m.label][0] != tool], absent, lexicon)
            or _negated_list(sentence, cue, unique, lexicon, cancels)
        )
        if cue.label in lexicon.alternatives and governing is None and CONDITIONAL_ALTERNATIVE.search(sentence.text):
            # "... will not apply to the extent that X has adopted BCRs": an alternative, not reliance.
            governing = Cue("CONDITION", cue.start, cue.end, "conditional alternative")
        detail = (
            DEFINITION
            if sentence.is_definition
            else EXAMPLE
            if _given_as_example(sentence, cue, unique, lexicon)
            else ""
        )
        if governing is not None and governing.label == "TOOL_CONDITIONS":
            detail = CONDITIONED  # relied on where the document discloses a third-country transfer (extract())
        # "<tool> negation: ..." marks a tool named only to deny it (models.denied_tool reads it).
        reason = (
            f"names {tool}: '{cue.text}'"
            if governing is None
            else f"{tool} {governing.label.lower()}: '{governing.text}'"
        )
        # "We no longer rely on X", "Privacy Shield is no longer a valid transfer mechanism", and a sentence
        # telling of the judgment that struck it down: a document that calls an invalidated tool gone does
        # not present it as a current basis, though it may go on to "comply with its principles"
        # (GUIDELINES.md); "if we can no longer meet the Privacy Shield principles" alone is a commitment.
        if (
            governing is not None
            and cue.label not in lexicon.related
            and not _names_a_part(sentence, cue, lexicon)
            and not (tool not in INVALIDATED_TOOLS and _scoped(sentence, unique))
            and (
                DISAVOWAL.search(sentence.text)
                or (tool in INVALIDATED_TOOLS and (sentence.has("COURT") or _called_gone(sentence, cue)))
            )
        ):
            detail = "disavowed"
        found.append(
            Mention("mechanism", tool, _evidence(sentence, reason), relied_upon=governing is None, detail=detail)
        )
    if "derogation" not in tools_here:
        found.extend(consent_mentions(sentence, lexicon, transfer_sentence, into, unmoved))
    return found


def _other_safe_harbor(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> bool:
    """ "a COPPA Safe Harbor certification", "the HIPAA Safe Harbor framework", „die Safe-Harbor-Zertifizierung nach
    COPPA": a safe harbour named beside another law or programme is that law's, however much its words ("framework",
    "certification", "participant") sound like the EU-U.S. framework's."""
    tokens = sentence.span
    near = tokens[max(0, cue.start - OTHER_SAFE_HARBOR_REACH) : cue.end + OTHER_SAFE_HARBOR_REACH]
    return any(t.lower_ in lexicon.other_safe_harbors for t in near)


def _number_relied_on(sentence: Sentence, cue: Cue, tool: str, lexicon: MechanismLexicon) -> bool:
    """A decision named by its number that a sentence about a transfer relies on ("The transfer to Acme Inc. rests on
    Implementing Decision (EU) 2023/1795", „stützt sich auf den Durchführungsbeschluss (EU) 2023/1795"), or the DPF's
    decision that a party is certified under („ist gemäß dem Durchführungsbeschluss (EU) 2023/1795 zertifiziert"):
    the tool, though the sentence names no place outside the EEA."""
    if not cue.label.endswith(NUMBER_SUFFIX):
        return False
    if tool == "dpf" and sentence.has("TOOL_JOINED"):
        return True
    return sentence.has("TRANSFER") and _reliance_object(sentence, cue, lexicon, RELIANCE_REACH + DECISION_TITLE)


def _reliance_object(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon, reach: int = RELIANCE_REACH) -> bool:
    """ "we rely on that adequacy decision", "on the basis of the adequacy decision covering Guernsey", „wir stützen uns
    auf den Angemessenheitsbeschluss": a verb of reliance and its preposition take the tool, in one clause, so the
    sentence need not name the transfer for the tool to be its basis; ``reach``: tokens from the verb to the tool."""
    tokens = sentence.span
    # A possessive ending is no word of its own ("rely on the European Commission's adequacy decisions").
    start, words = cue.start, 0
    while start > 0 and words < reach:
        start -= 1
        words += tokens[start].lower_ not in POSSESSIVE
    window = range(start, cue.start)
    verbs = [i for i in window if tokens[i].lower_ in lexicon.reliance_verbs]
    return any(
        any(tokens[j].lower_ in lexicon.basis_prepositions for j in range(i + 1, cue.start))
        and not any(t.text in (",", ";", ":") for t in tokens[i : cue.start])
        for i in verbs
    )


def _article_range(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> bool:
    """ "according to Articles 45 to 49 GDPR", „gemäß Art. 45 bis 47 DSGVO": the article opens a range of Chapter V's
    articles, the rules on transfers as a whole, so it names no one tool."""
    after = sentence.span[cue.end : cue.end + 2]
    return (
        CITATION.match(cue.text) is not None
        and len(after) == 2
        and after[0].lower_ in lexicon.article_range
        and after[1].text[:1].isdigit()
    )


def _evidence(sentence: Sentence, reason: str) -> Evidence:
    """The quote of a tool named in ``sentence``: the sentence, with the one after it where that one relies on the tool
    by pointing back to it and names none itself ("Acme Inc. is certified under the DPF. We base the transfer on this
    certification."): the reliance is what decides the tool, the sentence before says which tool it is."""
    evidence = sentence.evidence(reason)
    after = sentence.following()
    if after is None or not after.has("RELIES_ON_PREVIOUS") or after.of_prefixed("MECH:"):
        return evidence
    return sentence.evidence(reason, evidence.start, after.end)


def _onward_part(sentence: Sentence, cue: Cue, lexicon: MechanismLexicon) -> bool:
    """The part of the sentence naming the tool (up to a semicolon) speaks of onward transfers: "Transfers to Israel rest
    on its adequacy decision; onward transfers to the US are covered by SCCs" relies on the decision. Not where a verb of
    reliance takes the tool ("Onward transfers within the group rely on its BCRs"), nor where the tool's own clause does
    not speak of them ("Transfers to our UK subsidiary rely on the UK adequacy decision, and onward transfers from the UK
    are covered by the UK Addendum")."""
    tokens = sentence.span
    lo, hi = sentence.part_bounds(cue.start, cue.end)
    if ONWARD.search(tokens[lo:hi].text) is None:
        return False
    # "complies with the Safe Harbor Privacy Principles of notice, choice, onward transfer, ...": the name of one of the
    # framework's principles, listed after them, is no onward transfer.
    principles = [c.end for c in sentence.of("TOOL_PRINCIPLES") if cue.start <= c.start < hi]
    if principles and ONWARD.search(tokens[principles[0] : hi].text) is not None:
        return False
    # "the importer may make onward transfers only on the basis of an adequacy decision", "unless the onward transfer
    # is based on ...": the SCCs' own conditions for onward transfers, whatever verb of reliance they use.
    if ONWARD_CONDITION.search(tokens[lo:hi].text):
        return True
    # "Onward transfers by our US subsidiary follow the framework's principles, under which it is certified": a party's
    # own certification under the tool is the basis of the transfer to it.
    if any(lo <= c.start < hi for c in sentence.of("TOOL_JOINED")):
        return False
    c_lo, c_hi = sentence.clause_bounds(cue.start)
    own = tokens[max(lo, c_lo) : min(hi, c_hi)]
    if ONWARD.search(own.text) is None and any(t.lower_ in lexicon.reliance_verbs for t in own):
        return False
    return not any(t.lower_ in lexicon.reliance_verbs for t in tokens[lo : cue.start])


def _negated_list(
    sentence: Sentence, cue: Cue, mentions: list[Cue], lexicon: MechanismLexicon, cancels: frozenset[str]
) -> Cue | None:
    """A negation before a list of tools denies each of them: "we do not rely on binding corporate rules, codes of
    conduct or certification mechanisms", „weder BCR noch Verhaltensregeln"."""
    tokens = sentence.span
    joins = lexicon.tool_disjunction | lexicon.tool_conjunction | lexicon.tool_articles | {","}
    ordered = sorted(mentions, key=lambda m: m.start)
    at = ordered.index(cue)
    first = at
    while first > 0 and all(t.lower_ in joins for t in tokens[ordered[first - 1].end : ordered[first].start]):
        first -= 1
    last = at
    while last + 1 < len(ordered) and all(
        t.lower_ in joins for t in tokens[ordered[last].end : ordered[last + 1].start]
    ):
        last += 1
    # A list says "or" or "and" before its last tool ("BCRs, codes of conduct or certification"); "without an adequacy
    # decision, the SCCs apply" and „ohne Angemessenheitsbeschluss Standardvertragsklauseln" are no list.
    linked = lexicon.tool_disjunction | lexicon.tool_conjunction
    if first == last or not any(t.lower_ in linked for t in tokens[ordered[last - 1].end : ordered[last].start]):
        return None
    head, tail = ordered[first], ordered[last]
    cancelled = _cancelled(sentence, cancels) if cancels else set()
    # Or after the list's last tool, as German closes a clause ("Ein DPF, BCR oder SCC wird nicht verwendet", "SCCs,
    # BCRs or the DPF are not used").
    return next(
        (
            n
            for n in sentence.of("NEGATION")
            if n not in cancelled
            and (
                (
                    0 <= head.start - n.end <= BEFORE_WINDOW
                    and not any(t.text in (",", ";", ":") for t in tokens[n.end : head.start])
                )
                or (
                    0 <= n.start - tail.end <= AFTER_WINDOW
                    and not any(t.text in (",", ";", ":", "|") for t in tokens[tail.end : n.start])
                )
            )
        ),
        None,
    )


def _not_in_use(
    sentence: Sentence, cue: Cue, others: list[Cue], absent: re.Pattern[str] | None, lexicon: MechanismLexicon
) -> Cue | None:
    """A field naming the tool whose value says there is none, perhaps with the reason after it ("Standard Contractual
    Clauses: not applicable", „Anlage 5 – Standardvertragsklauseln: entfällt, da keine Übermittlung ...") or the next
    field after it ("SCCs: no. DPF: no."), or that the tool is not held ("DPF status: inactive"); or, before any other
    tool named (``others``), answered "no" in a form or called unused by a later clause. The empty
    boxes of the options after a ticked tool ("☒ SCCs ☐ BCRs") say nothing of it."""
    tokens = sentence.span
    # A table row's or form line's cell ends at its bar ("BCRs: ☐ yes ☒ no | SCCs: ☒ yes ☐ no").
    bar = next((i for i in range(cue.end, len(tokens)) if tokens[i].text == "|"), len(tokens))
    cell = tokens[cue.end : bar]
    # Words naming what of the tool the field gives may stand before its colon ("Data Privacy Framework status:").
    label = 0
    while label < len(cell) and cell[label].lower_ in lexicon.field_labels:
        label += 1
    text = cell[label:].text.strip() if label < len(cell) else ""
    value = text[1:].strip() if text.startswith(":") else ""
    if value and _says_none(value, absent, lexicon.tool_not_held):
        return Cue("NEGATION", cue.end, bar, value)
    if not any(cue.end <= m.start < bar for m in others) and answered_no(cell):
        return Cue("NEGATION", cue.end, bar, cell.text.strip())
    # The clause disowning it comes before any other tool ("... is also on the DPF list, but we do not rely on that; our
    # transfers rely on the SCCs").
    end = min((m.start for m in others if m.start >= cue.end), default=len(tokens))
    found = DISOWNED_LATER.search(tokens[cue.end : end].text)
    return None if found is None else Cue("NEGATION", cue.end, end, found.group())


def _says_none(value: str, absent: re.Pattern[str] | None, not_held: frozenset[str]) -> bool:
    """A field's value says there is none or the tool is not held: the whole value, or its first words before a reason
    (",", "–", "(") or before the full stop that closes the field ("no. DPF: yes")."""
    lowered = value.lower()
    ends = [
        len(w) for w in not_held if lowered.startswith(w) and (len(lowered) == len(w) or not lowered[len(w)].isalnum())
    ]
    none = absent.match(value) if absent is not None else None
    if none is not None:
        ends.append(none.end())
    for end in ends:
        rest = value[end:].strip()
        if not rest or rest[0] in ",;:–-(" or value[:end].endswith(".") or rest[0] == ".":
            return True
    return False


def tools_out_of_scope(mentions: list[Mention], sentences: Sentences) -> list[Mention]:
    """Tools of a paragraph that puts the customer's data outside them ("Kilnsey US has self-certified to the DPF.
    Its certification covers human resources data only"): named, not relied on. Only where the paragraph names one
    tool, so that the exclusion cannot be another tool's."""
    spans = sentences.spans_carrying(OUT_OF_SCOPE)
    if not spans:
        return mentions
    block_of = {
        id(m): next((s for s in spans if s[0] <= m.evidence.start < s[1]), None)
        for m in mentions
        if m.kind == "mechanism"
    }
    tools: dict[tuple[int, int], set[str]] = {}
    for m in mentions:
        if (span := block_of.get(id(m))) is not None:
            tools.setdefault(span, set()).add(m.value)
    return [
        replace(m, relied_upon=False, detail=OUT_OF_SCOPE_DETAIL)
        if m.relied_upon and (span := block_of.get(id(m))) is not None and len(tools[span]) == 1
        else m
        for m in mentions
    ]


def conditioned_tools(mentions: list[Mention], eea: Set[str]) -> list[Mention]:
    """ "The processor may use the SCCs for a sub-processor in a third country, provided the conditions for their use
    are met" (Decision 2021/915, Clause 7.8): the tool for the transfers the document discloses, and nothing in a
    document that discloses none (the clause's own "sub-processor in a third country" discloses nothing, nor does a
    third country only a condition names)."""
    offered = {m.evidence.start for m in mentions if m.detail == CONDITIONED}
    # A place only a condition opens ("Sofern wir Daten in einem Drittland verarbeiten, ...") discloses no transfer.
    if not any(
        m.kind == "destination" and m.value not in eea and m.detail != CONDITIONAL and m.evidence.start not in offered
        for m in mentions
    ):
        return mentions
    # Relied on, but as a rule's tool: a sentence that names it for the transfer itself is the better evidence.
    return [replace(m, relied_upon=True, detail=EXAMPLE) if m.detail == CONDITIONED else m for m in mentions]


def consent_without_transfer(mentions: list[Mention], eea: Set[str]) -> list[Mention]:
    """ "By using the forum you consent to your data being sent to other servers of the network": consent is a basis
    for a transfer out of the EEA only where the document discloses one; consent to data moving to places it never
    puts outside the EEA is no Art. 49 derogation, and relied on it would make a document that says nothing about
    where data goes look as if it had answered."""
    if any(m.kind == "destination" and m.value not in eea for m in mentions):
        return mentions
    return [replace(m, relied_upon=False) if m.detail == CONSENT_DETAIL and m.relied_upon else m for m in mentions]
