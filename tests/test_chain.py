"""The sub-processor chain (EDPB Opinion 22/2024): every tier, each by name, address and contact person."""

from __future__ import annotations

import pytest

from dpcheck.checks.chain import DIRECT_ONLY, NAME_ONLY, OWN_LISTS

RULE = "ART28_SUBPROCESSOR_CHAIN_INCOMPLETE"

# Our own DPA excerpts; each pair says the same in English and German.
NAME_AND_COUNTRY = {
    "en": "# Annex 3 Sub-processors\n\nThe Customer authorises the following sub-processors.\n\n"
    "| Sub-processor | Purpose | Location |\n|---|---|---|\n"
    "| Nimbus Hosting Ltd | Hosting | Ireland |\n| Parcel Mail Inc. | E-mail delivery | United States |\n",
    "de": "# Anlage 3 Unterauftragsverarbeiter\n\nDer Auftraggeber genehmigt die folgenden Unterauftragsverarbeiter.\n\n"
    "| Unterauftragsverarbeiter | Zweck | Standort |\n|---|---|---|\n"
    "| Nimbus Hosting Ltd | Hosting | Irland |\n| Parcel Mail Inc. | E-Mail-Versand | USA |\n",
}
FULL_CHAIN = {
    "en": "# Annex 3 Sub-processors\n\nThe Customer authorises the following sub-processors. The list covers every "
    "tier of the chain, including the sub-processors of our sub-processors, and we send each update to the "
    "Customer without being asked.\n\n"
    "| Sub-processor | Address | Contact person | Purpose |\n|---|---|---|---|\n"
    "| Nimbus Hosting Ltd | 4 Quay Road, Dublin, Ireland | Privacy Office | Hosting |\n",
    "de": "# Anlage 3 Unterauftragsverarbeiter\n\nDer Auftraggeber genehmigt die folgenden Unterauftragsverarbeiter. "
    "Die Liste umfasst alle Stufen der Kette, auch die Unterauftragsverarbeiter unserer "
    "Unterauftragsverarbeiter; Änderungen teilen wir unaufgefordert mit.\n\n"
    "| Unterauftragsverarbeiter | Anschrift | Ansprechpartner | Zweck |\n|---|---|---|---|\n"
    "| Nimbus Hosting Ltd | 4 Quay Road, Dublin, Irland | Datenschutzbüro | Hosting |\n",
}
ONWARD_ROWS = {
    "en": "# Annex 3 Sub-processors\n\nThe Customer authorises the following sub-processors.\n\n"
    "| Sub-processor | Engaged by | Address | Location |\n|---|---|---|---|\n"
    "| Parcel Mail Inc. | | 9 Harbor St, Boston | United States |\n"
    "| Bounce Desk Ltd | Parcel Mail Inc. | 2 Ayala Ave, Manila | Philippines |\n",
    "de": "# Anlage 3 Unterauftragsverarbeiter\n\nDer Auftraggeber genehmigt die folgenden Unterauftragsverarbeiter.\n\n"
    "| Unterauftragsverarbeiter | Beauftragt von | Anschrift | Standort |\n|---|---|---|---|\n"
    "| Parcel Mail Inc. | | 9 Harbor St, Boston | USA |\n"
    "| Bounce Desk Ltd | Parcel Mail Inc. | 2 Ayala Ave, Manila | Philippinen |\n",
}
OWN_LISTS_DEFERRAL = {
    "en": "The Customer authorises the sub-processors listed at our website. The sub-processors of those "
    "sub-processors are listed on their own websites.",
    "de": "Der Auftraggeber genehmigt die auf unserer Webseite aufgeführten Unterauftragsverarbeiter. Die "
    "Unterauftragsverarbeiter dieser Unterauftragsverarbeiter entnehmen Sie deren eigenen Listen.",
}
NEGATED_TIERS = {
    "en": "The Customer authorises the sub-processors listed at our website. This list does not include the "
    "sub-processors of our sub-processors.",
    "de": "Der Auftraggeber genehmigt die auf unserer Webseite aufgeführten Unterauftragsverarbeiter. Die Liste "
    "umfasst nicht die Unterauftragsverarbeiter unserer Unterauftragsverarbeiter.",
}


def _gaps(scanner, text: str, lang: str, doc_type: str = "dpa"):
    """The gaps the finding names (none without a finding), and the document report."""
    doc = scanner.scan_text(text, name="dpa.md", language=lang, doc_type=doc_type, format="markdown")
    finding = next((f for f in doc.findings if f.rule_id == RULE), None)
    return {gap for gap in (OWN_LISTS, DIRECT_ONLY, NAME_ONLY) if finding and gap in finding.message}, doc


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    ("texts", "gaps"),
    [
        (NAME_AND_COUNTRY, {DIRECT_ONLY, NAME_ONLY}),
        (FULL_CHAIN, set()),
        (ONWARD_ROWS, set()),
        (OWN_LISTS_DEFERRAL, {OWN_LISTS, DIRECT_ONLY}),
        (NEGATED_TIERS, {DIRECT_ONLY}),
    ],
    ids=["name-and-country", "full-chain", "onward-rows", "own-lists", "negated-tiers"],
)
def test_chain_gaps_of_a_dpa(scanner, lang, texts, gaps):
    """Each gap is read from the text: a deferral, no tier beyond the direct one, no address or contact."""
    found, doc = _gaps(scanner, texts[lang], lang)
    assert found == gaps
    assert (RULE in {f.rule_id for f in doc.findings}) is bool(gaps)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_chain_finding_quotes_the_deferral_first_and_leaves_the_rating(scanner, lang):
    """The finding is low and non-core: it quotes the sentence that shows the gap and changes no rating."""
    _, doc = _gaps(scanner, OWN_LISTS_DEFERRAL[lang], lang)
    finding = next(f for f in doc.findings if f.rule_id == RULE)
    assert finding.severity == "low" and not finding.core
    assert any(("own websites" in e.quote) or ("eigenen Listen" in e.quote) for e in finding.evidence)
    assert doc.rating == scanner.ruleset.rating(tuple(f for f in doc.findings if f.rule_id != RULE))


@pytest.mark.parametrize("lang", ["en", "de"])
def test_chain_not_judged_for_policies_or_without_sub_processors(scanner, lang):
    """A privacy policy, or a DPA that identifies no sub-processor at all, gets no chain finding."""
    assert _gaps(scanner, NAME_AND_COUNTRY[lang], lang, "privacy_policy")[0] == set()
    bare = {
        "en": "The Processor processes personal data only on documented instructions.",
        "de": "Der Auftragnehmer verarbeitet personenbezogene Daten nur auf dokumentierte Weisung.",
    }[lang]
    assert _gaps(scanner, bare, lang)[0] == set()
