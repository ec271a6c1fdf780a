"""Build the spaCy pipeline for one language: blank tokenizer + legal abbreviations,
rule-based sentence splitting, and the lexicon-driven components.

No statistical model is needed or downloaded. ``nlp.pipe`` runs per layout block, so a
heading, a list item or a table row is never merged into the sentence next to it.
"""

from __future__ import annotations

import re
from typing import Any

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.pipeline import Sentencizer

from dpcheck.nlp.components import COUNTRIES, CUES  # importing it registers the factories
from dpcheck.nlp.gazetteer import country_phrases
from dpcheck.nlp.languages import spellings

ROLE_PREFIX = "ROLE:"  # cue labels of the clause roles of rules/lexicon/roles.yml
SENTENCE_CONTINUES = {"!", "！", "︕", "﹗"}

STREET_ABBREVIATION = re.compile(r"^[^\W\d_]{2,}(?:str|pl)\.$", re.IGNORECASE)
_OPEN_BRACKET_INFIX = r"(?<=[0-9A-Za-z])[\(\)](?=[0-9A-Za-z\(])"
# Chunks between spaces whose tokens the tokenizer keeps. spaCy keeps 10,000 and then adds none: the 67 documents of
# the shared corpus hold some 20,000, so a process scanning one document after another split the same words again
# for every document (a third of the tokenizer's time). An entry costs about 250 bytes: at most 12 MB a language.
TOKENIZER_CACHE = 50_000


def _abbreviation_rules(abbreviations: list[str]) -> dict[str, list[dict[int, str]]]:
    """Special cases keeping each abbreviation (as written, capitalised, in lower case) one token."""
    rules = {}
    for abbr in abbreviations:
        if " " in abbr:
            continue
        for form in {abbr, abbr[0].upper() + abbr[1:], abbr.lower()}:
            rules[form] = [{ORTH: form}]
    return rules


def _keep_street_abbreviations(nlp: Language) -> None:
    # "Hauptstr. 5", "Bahnhofstr. 12": a street name shortened by its ending is no sentence end. The
    # abbreviations list covers whole words only, and these are compounds.
    nlp.tokenizer.token_match = STREET_ABBREVIATION.match  # type: ignore[union-attr]  # spaCy types Language.tokenizer as a plain callable


def _add_infixes(nlp: Language) -> None:
    # "46(2)(c)" must become 46 ( 2 ) ( c ) so article references match as patterns.
    infixes = list(nlp.Defaults.infixes or []) + [_OPEN_BRACKET_INFIX]
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer  # type: ignore[union-attr]  # spaCy types Language.tokenizer as a plain callable


def build_pipeline(lang: str, lexicon: dict[str, Any]) -> Language:
    """A pipeline for ``lang`` ("en" or "de") from the loaded ``rules/lexicon`` files."""
    nlp = spacy.blank(lang)
    tokenizer = nlp.tokenizer
    # Setting a tokenizer's infixes or token match reloads all its special cases (a thousand and more), as
    # setting its rules does: they are taken out while the two are set and loaded once, with ours, at the end
    # (loading sorts them, so the tokenizer is the one adding them one by one gave; a tenth of a second).
    rules = {**tokenizer.rules, **_abbreviation_rules(lexicon["abbreviations"].get(lang, []))}  # type: ignore[union-attr]  # spaCy types Language.tokenizer as a plain callable
    tokenizer.rules = {}  # type: ignore[union-attr]  # as above
    _add_infixes(nlp)
    _keep_street_abbreviations(nlp)
    tokenizer.rules = rules  # type: ignore[union-attr]  # as above
    tokenizer.max_cache_size = TOKENIZER_CACHE  # type: ignore[union-attr]  # as above
    # "!" ends no sentence here: legal text hardly exclaims, but brand names do ("Yahoo!
    # Konzerngruppe"), and a split there cuts a transfer statement in two.
    punct = [p for p in Sentencizer.default_punct_chars if p not in SENTENCE_CONTINUES]
    nlp.add_pipe("sentencizer", config={"punct_chars": punct})
    # The phrases come from our own rules; checking thousands of them against the factory's type
    # hints is a fifth of start-up.
    places = _german_spellings(lang, [[p, c] for p, c in country_phrases(lexicon["countries"], lexicon["places"])])
    nlp.add_pipe(COUNTRIES, config={"phrases": places}, validate=False)
    cue_phrases: list[list[str]] = []
    # cues.yml holds the transfer vocabulary, art28.yml that of the Art. 28 checklist, subject.yml
    # the words that say a document is about privacy at all.
    for name in ("cues", "art28", "subject"):
        for label, by_lang in lexicon.get(name, {}).items():
            for phrases in by_lang.values():
                cue_phrases.extend([p, label] for p in phrases)
    # recipients.yml: the cues of recipients named in running text (dpcheck/extract/recipients.py).
    for label, by_lang in lexicon.get("recipients", {}).get("cues", {}).items():
        for phrases in by_lang.values():
            cue_phrases.extend([p, label] for p in phrases)
    # roles.yml: the cues of the clause roles (dpcheck/extract/roles.py), labelled ROLE:<role>.
    for role, entry in lexicon.get("roles", {}).get("roles", {}).items():
        for phrases in entry.get("cues", {}).values():
            cue_phrases.extend([p, f"{ROLE_PREFIX}{role}"] for p in phrases)
    for label, entry in lexicon["mechanisms"].items():
        for key in ("en", "de"):
            cue_phrases.extend([p, f"MECH:{label}"] for p in entry.get(key, []))
    nlp.add_pipe(CUES, config={"phrases": _german_spellings(lang, cue_phrases)}, validate=False)
    return nlp


def _german_spellings(lang: str, phrases: list[list[str]]) -> list[list[str]]:
    """German phrases also in Swiss spelling, which writes "ss" for "ß" ("ausserhalb", "gemäss"), and without umlauts
    ("Uebermittlung", "Koenigreich").

    The variants come after every phrase as written, so that where both match the same words the
    phrases' order, and with it the matches, stay as they were.
    """
    if lang != "de":
        return phrases
    return phrases + [[variant, label] for p, label in phrases for variant in list(spellings(p))[1:]]
