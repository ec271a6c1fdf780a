"""Country names in English and German, mapped to ISO 3166-1 alpha-2 codes.

English names come from pycountry, German ones from the iso3166-1 translation
catalogue that pycountry ships (no download); ``rules/lexicon/countries.yml`` adds
short forms, inflections, adjectives, cloud regions and data-centre cities.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from typing import Any

import pycountry

UNSPECIFIED = "UNSPECIFIED"
EEA_REGION = "EEA"  # the EEA named as a whole; never a third-country destination


def _german() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)


def country_phrases(lexicon: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Yield ``(phrase, code)`` pairs in the lexicon mini-language."""
    exclude = {name.lower() for name in lexicon.get("exclude", [])}
    german = _german()
    for country in pycountry.countries:
        # In a fixed order, so that the compiled lexicon is the same from one run to the next.
        names = dict.fromkeys([country.name, getattr(country, "common_name", country.name), german.gettext(country.name)])
        for name in names:
            # "Korea, Republic of" and "Bolivia (Plurinational State of)" are catalogue
            # forms nobody writes in running text.
            if "," in name or "(" in name or name.lower() in exclude:
                continue
            yield name, country.alpha_2
            if not name.endswith("s"):
                yield name + "s", country.alpha_2  # German genitive: "Indiens", "Japans"
    for code, aliases in lexicon.get("aliases", {}).items():
        for alias in aliases:
            yield alias, code
    for region in lexicon.get("regions", []):
        yield region, UNSPECIFIED
    for region in lexicon.get("eea_regions", []):
        yield region, EEA_REGION
