"""Country, territory and city names in English and German, mapped to ISO 3166-1 alpha-2 codes.

``rules/lexicon/places.yml`` names every ISO 3166-1 country and territory in English and German
(CLDR and pycountry) and the larger cities (GeoNames); scripts/build_places.py generates it, so
that start-up needs none of those packages. ``rules/lexicon/countries.yml`` keeps what they lack:
short forms ("UK", "U.S."), inflected German forms, adjectives, cloud regions, open regions,
the EEA as a whole, and names that are ordinary words too.

A phrase is one of three kinds:

- a *name* (country, territory, alias, region) is a place wherever it stands;
- a *gated* name (every city, and country names that are ordinary words or first names:
  "Jersey", "Chad") is a place only as written and right after a location phrase ("seated in",
  "Sitz in") or a place preposition; :func:`resolve` decides, and a table's location column takes
  them all (see ``LEFT_OUT_KEY``). A postcode next to one opens it too ("80331 München", "Pune 411045"), but
  not one after a region's postal code: "CA 92007 Cardiff By The Sea" is in California. So does a possessive
  before it and a noun for a site after it, one word apart at most (labels :data:`OWNER`, :data:`SITE`: "from its
  Melbourne office", "our Manila team", "our Kyiv development office"). A city whose name is an ordinary word too
  ("Mobile", "Lira"; label prefix :data:`WORD_NAME`) needs a location phrase;
- a region's *postal code* (label prefix :data:`POSTAL`: "CA", "NSW") is a place of its country only right
  before a postcode ("San Francisco, CA 94111");
- a *location phrase* (label :data:`LOCATION`) only opens the gate for the name after it; a *place
  preposition* (label :data:`AT_PLACE`: "in", "aus") opens it for the other gated names ("our studio
  in Sydney", "unser Partner aus Kapstadt"), but not for a state's homonym ("in Georgia");
- an *open place after a place* ("or elsewhere", label prefix :data:`AFTER_PLACE`) is UNSPECIFIED only
  right after a named place ("the US or elsewhere"; not "on our websites or elsewhere").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from dpcheck.models import EEA_REGION, UNSPECIFIED

_ENDING = re.compile(r"(e|en|er|es|em)$")
GATED = "~"  # label prefix of a gated name: "~AE" is a city of the United Arab Emirates
WORD_NAME = "~~"  # label prefix of a gated name that is an ordinary word too: no preposition alone opens its gate
AFTER_PLACE = "^"  # label prefix of an open place only right after a named one ("the US or elsewhere")
LOCATION = "@LOCATION"
AT_PLACE = "@AT"  # label of a place preposition ("in", "aus", "Inc. of"), rules/lexicon/countries.yml
OWNER = "@OWNER"  # a possessive before a city that names a site of its own ("our Manila office")
SITE = "@SITE"  # a noun after it naming that site ("office", "team")
GATES = frozenset({LOCATION, AT_PLACE, OWNER, SITE})
LANGUAGE = "@LANGUAGE"  # a language named by a country's adjective ("ins Türkische", "into Turkish"): no place
STATE = "%"  # label prefix of a country's name that is also a state of another: "%US" for "Georgia"
POSTAL = "#"  # label prefix of a region's postal code, a place only before a postcode: "#US" for "CA" in "CA 94111"
POSTCODE_DIGITS = "/"  # then the digits of the country's postcode, where it has a fixed number: "#US/5"
# A postcode after a region's postal code ("CA 94111", "NSW 2000"), before a city ("80331 München", "1010 Wien") or
# after it ("Pune 411045"); German tokenizing keeps a sentence's last full stop on it ("CA 94111.").
_POSTCODE = re.compile(r"\d{4,5}(-\d{4})?\.?")
_POSTCODE_BEFORE = re.compile(r"\d{4,5}")
_POSTCODE_AFTER = re.compile(r"\d{5,6}\.?")
_ADDRESS_BREAKS = frozenset({",", ";", "·", "|", "–", "-"})
# doc.spans key of the gated names that stood in no location phrase (a location column takes them).
LEFT_OUT_KEY = "dpcheck_places_left_out"
LIST_WORDS = frozenset({",", "and", "or", "&", "und", "oder", "sowie"})
ARTICLES = frozenset({"the", "der", "den", "dem", "die", "das"})

Match = tuple[str, int, int]
REGIONAL_A = 0x1F1E6  # REGIONAL INDICATOR SYMBOL LETTER A


def country_phrases(countries: dict[str, Any], places: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Yield ``(phrase, label)`` pairs in the lexicon mini-language (rules/lexicon/README.md):
    ``countries`` is rules/lexicon/countries.yml, ``places`` the generated places.yml."""
    ambiguous = {name.lower() for name in countries.get("ambiguous", [])}
    for code, by_lang in places["countries"].items():
        for lang, names in by_lang.items():
            for name in names:
                if name.lower() in ambiguous:
                    yield _as_written(name), GATED + code
                    continue
                yield name, code
                if lang == "de":
                    yield from ((form, code) for form in _german_forms(name))
    for code in places["countries"]:
        # A flag emoji spells its country's code in regional-indicator letters ("🇺🇸" = U+1F1FA U+1F1F8).
        if len(code) == 2 and code.isalpha():
            yield "".join(chr(REGIONAL_A + ord(c) - ord("A")) for c in code.upper()), code
    for code, regions in countries.get("cloud_regions", {}).items():
        for region in regions:
            # German tokenizing keeps a sentence's last full stop on a word ending in a digit ("in us-east-1.").
            yield region, code
            yield f"{region}.", code
    for code, regions in countries.get("short_regions", {}).items():
        for region in regions:
            yield region, EEA_REGION if code == "EEA" else code
    for code, aliases in countries.get("aliases", {}).items():
        for alias in aliases:
            yield alias, code
    for region in countries.get("regions", []):
        yield region, UNSPECIFIED
    for region in countries.get("eea_regions", []):
        yield region, EEA_REGION
    for phrase in countries.get("open_after_place", []):
        yield phrase, AFTER_PLACE + UNSPECIFIED
    for phrase in countries.get("languages", []):
        yield phrase, LANGUAGE
    city_rules = countries.get("cities", {})
    left_out = set(city_rules.get("exclude", []))
    word_names = set(city_rules.get("word_names", []))
    for name, code in places["cities"].items():
        if name not in left_out:
            yield _as_written(name), (WORD_NAME if name in word_names else GATED) + code
    for code, names in city_rules.get("names", {}).items():
        for name in names:
            yield _as_written(name), GATED + code
    for phrase in city_rules.get("location_phrases", []):
        yield phrase, LOCATION
    for phrase in city_rules.get("place_prepositions", []):
        yield phrase, AT_PLACE
    for phrase in city_rules.get("site_owners", []):
        yield phrase, OWNER
    for phrase in city_rules.get("site_nouns", []):
        yield phrase, SITE
    for code, names in countries.get("state_homonyms", {}).items():
        for name in names:
            yield name, STATE + code
    digits = countries.get("postcode_digits", {})
    for code, regions in places.get("postal_regions", {}).items():
        shape = f"{POSTCODE_DIGITS}{digits[code]}" if code in digits else ""
        for region in regions:
            yield "=" + region, POSTAL + code + shape


def _german_forms(name: str) -> list[str]:
    """Inflected forms: the genitive of one word ("Indiens"), every case of several words ("in den
    Vereinigten Arabischen Emiraten", "auf den Britischen Jungferninseln")."""
    words = name.split()
    if len(words) == 1:
        return [] if name.endswith(("s", "x", "z", "ß")) else [name + "s"]
    if not any(word[:1].isupper() and word.isalpha() for word in words[1:]):
        return []
    return [" ".join(_stem(word) + "*" if word[:1].isupper() and word.isalpha() else word for word in words)]


def _stem(word: str) -> str:
    stem = _ENDING.sub("", word)
    return stem if len(stem) >= 4 else word


def _as_written(name: str) -> str:
    return " ".join("=" + word for word in name.split())


def resolve(matches: Iterable[Match], lowers: Sequence[str]) -> tuple[list[Match], list[Match]]:
    """The places among a block's matches ``(label, start, end)``, labels as ISO codes; and the
    gated names that stood in no location phrase. ``lowers`` are the block's words in lower case:
    a list after a location phrase opens the gate for each of its names ("data centres in
    Frankfurt, Dublin or London")."""
    matches = sorted(matches, key=lambda m: (m[1], -m[2]))
    located = {end for label, _, end in matches if label == LOCATION}
    states = {(start, end): label[len(STATE) :] for label, start, end in matches if label.startswith(STATE)}
    # "in Georgia" may be the US state: only a location phrase or a city before it makes it a place.
    homonyms = {start for start, _ in states}
    at_place = {end for label, _, end in matches if label == AT_PLACE and end not in homonyms}
    # "servers in the US, Canada or Abu Dhabi": an article may stand between the phrase and the list.
    located |= {end + 1 for end in located if end < len(lowers) and lowers[end] in ARTICLES}
    at_place |= {end + 1 for end in at_place if end < len(lowers) and lowers[end] in ARTICLES}
    opened = located | at_place
    owned = {end for label, _, end in matches if label == OWNER}
    sites = {start for label, start, _ in matches if label == SITE}
    postal = {end for label, _, end in matches if label.startswith(POSTAL)}
    listed_sites = _sites_after_lists(matches, owned, sites, lowers)
    places: list[Match] = []
    left_out: list[Match] = []
    cities: set[int] = set()  # the starts of places that are gated names (cities)
    # A name inside a longer one is no place of its own: "San" (Mali) in "San Francisco", "York" in "New York".
    covered = 0
    for label, start, end in matches:
        # The adjective inside a language's name is no place of its own, as a name inside a longer one.
        if label == LANGUAGE:
            covered = max(covered, end)
            continue
        if label in GATES or label.startswith(STATE):
            continue
        if label.startswith(POSTAL):
            code, _, digits = label[len(POSTAL) :].partition(POSTCODE_DIGITS)
            postcode = lowers[end] if end < len(lowers) else ""
            if _POSTCODE.fullmatch(postcode) and (not digits or len(postcode.split("-")[0].rstrip(".")) == int(digits)):
                places.append((code, start, end))
            continue
        if end <= covered:
            continue
        if not label.startswith(AFTER_PLACE):
            covered = end
        if label.startswith(AFTER_PLACE):
            if any(start in (e, e + 1) and (start == e or lowers[e] == ",") for _, _, e in places):
                places.append((label[len(AFTER_PLACE) :], start, end))
            continue
        gated = label.startswith(GATED)
        code = label.lstrip(GATED)
        # "our Kyiv development office": one word may say what the site does.
        own_site = not label.startswith(WORD_NAME) and (
            (start in owned and (end in sites or (end + 1 in sites and lowers[end].isalpha()))) or start in listed_sites
        )
        addressed = not label.startswith(WORD_NAME) and (
            (end < len(lowers) and bool(_POSTCODE_AFTER.fullmatch(lowers[end])))
            or (
                start >= 1
                and bool(_POSTCODE_BEFORE.fullmatch(lowers[start - 1]))
                and start - 1 not in postal
                # "Hauptstr. 5, 10115 Berlin": the postcode opens a line of the address; "5800 Bristol Parkway" is a
                # street's number.
                and (start < 2 or lowers[start - 2] in _ADDRESS_BREAKS)
            )
        )
        # "Region ca-central (Montreal)", "Backup-Ziel: Region ca-east (Toronto)": a city filling a bracket alone is
        # given as a place, as after a location phrase.
        bracketed = (
            not label.startswith(WORD_NAME)
            and 1 <= start
            and end < len(lowers)
            and lowers[start - 1] == "("
            and lowers[end] == ")"
        )
        # "Basel (CH)", "Be'er Sheva (IL)": the city's own country code in the bracket after it says it is a place.
        coded = (
            not label.startswith(WORD_NAME)
            and end + 2 < len(lowers)
            and lowers[end] == "("
            and lowers[end + 1] == label.lstrip(GATED).lower()
            and lowers[end + 2] == ")"
        )
        if (
            gated
            and not (own_site or addressed or bracketed or coded)
            and start not in (located if label.startswith(WORD_NAME) else opened)
        ):
            left_out.append((code, start, end))
            continue
        places.append((code, start, end))
        if gated:
            cities.add(start)
        if start in opened:
            continues = _list_continues(lowers, end)
            opened |= continues
            if start in located:
                located |= continues
    return _city_and_region(places, left_out, cities, states, lowers)


def _city_and_region(
    places: list[Match],
    left_out: list[Match],
    cities: set[int],
    states: dict[tuple[int, int], str],
    lowers: Sequence[str],
) -> tuple[list[Match], list[Match]]:
    """ "Atlanta, Georgia", "London, Ontario", "Dublin, Ohio", "San José (California)": a city (a place, or a gated
    name a location column takes), a comma or a bracket and the region it lies in, read as one place. A country's name
    that is also a state of the city's country is that state ("Georgia" after Atlanta); else the region decides and
    the city's own reading goes (London is in Canada there), where the region ends the list (not "Tokyo, India and the
    US") and does not go on to another place ("San José, California, and stored ...")."""
    named = sorted([(m, True) for m in left_out] + [(m, m[1] in cities) for m in places], key=lambda x: x[0][1])
    at = {m[1]: (m, city) for m, city in named}
    relabel: dict[int, str] = {}
    drop: set[int] = set()
    for (code, start, end), city in named:
        if not city or end + 1 not in at or end >= len(lowers) or lowers[end] not in (",", "("):
            continue
        (region, r_start, r_end), region_is_city = at[end + 1]
        if region == code:
            continue
        if states.get((r_start, r_end)) == code:
            relabel[r_start] = code
            continue
        if region_is_city:
            continue
        # "San José (Kalifornien)": the region in the bracket right after the city.
        if lowers[end] == "(":
            if r_end < len(lowers) and lowers[r_end] == ")":
                drop.add(start)
            continue
        after = lowers[r_end] if r_end < len(lowers) else ""
        following = at.get(r_end + 1)
        # "Tokyo, India and the US" lists places; "San José, Kalifornien, übermittelt" goes on with the sentence.
        nxt = r_end
        while nxt < len(lowers) and (lowers[nxt] in LIST_WORDS or lowers[nxt] in ARTICLES):
            nxt += 1
        listed = nxt > r_end and nxt in at
        if listed and not (after == "," and following is not None and following[0][0] == region):
            continue
        drop.add(start)
    return (
        [(relabel.get(start, code), start, end) for code, start, end in places if start not in drop],
        [(relabel.get(start, code), start, end) for code, start, end in left_out if start not in drop],
    )


def _sites_after_lists(matches: Sequence[Match], owned: set[int], sites: set[int], lowers: Sequence[str]) -> set[int]:
    """The starts of the gated names of a list between a possessive and a noun for a site ("our Dubai and Riyadh
    offices"): the site noun after the list's last city names a site in each."""
    gated = {start: end for label, start, end in matches if label.startswith(GATED) and not label.startswith(WORD_NAME)}
    found: set[int] = set()
    for start in sorted(s for s in gated if s in owned):
        chain = [start]
        end = gated[start]
        while end + 1 < len(lowers) and lowers[end] in LIST_WORDS and end + 1 in gated:
            chain.append(end + 1)
            end = gated[end + 1]
        if len(chain) > 1 and end in sites:
            found.update(chain)
    return found


def _list_continues(lowers: Sequence[str], end: int) -> set[int]:
    """Where the next item of a list may start after a name ending at ``end``: ", ", "and", ", or",
    also past a bracket that names its country ("Boston (United States) and Pune")."""
    i = end
    if i < len(lowers) and lowers[i] == "(":
        close = next((j for j in range(i + 1, min(len(lowers), i + 6)) if lowers[j] == ")"), None)
        i = end if close is None else close + 1
    starts = set()
    first = i
    while i < len(lowers) and lowers[i] in LIST_WORDS and i - first < 2:
        i += 1
        starts.add(i)
    return starts
