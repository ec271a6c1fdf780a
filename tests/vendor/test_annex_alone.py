"""A sub-processor list read alone (no DPA to join it to) is not rated, but a list that is red counts in the vendor's
rating as it counts among the red of a batch: what makes it red, a destination the buyer refuses, the list proves on
its own, and a vendor rated without it would look cleaner than the documents that make it up."""

from __future__ import annotations

import pytest

from dpcheck import Scanner
from dpcheck.dossier import scan_vendor_texts

# Lists written for these tests: a privacy policy keeping data at home, and a list whose mail provider sits abroad.
TEXTS = {
    "en": (
        "# Privacy Policy of Harbour Notes Ltd\n\nWe keep the notes of our customers in Ireland and nowhere else.",
        "# Sub-processors of Harbour Notes Ltd\n\nAs of 1 May 2026 Harbour Notes uses these sub-processors.\n\n"
        "| Sub-processor | Service | Country |\n|---|---|---|\n"
        "| Quayside Hosting BV | Servers | Netherlands |\n"
        "| Lantern Post Inc. | Transactional email | United States |\n",
    ),
    "de": (
        "# Datenschutzerklärung der Hafennotiz GmbH\n\nWir bewahren die Notizen unserer Kunden nur in Österreich auf.",
        "# Unterauftragsverarbeiter der Hafennotiz GmbH\n\nStand 1. Mai 2026 setzt die Hafennotiz GmbH diese "
        "Unterauftragsverarbeiter ein.\n\n"
        "| Unterauftragsverarbeiter | Leistung | Land |\n|---|---|---|\n"
        "| Kaimauer Hosting BV | Server | Niederlande |\n"
        "| Laterne Post Inc. | Versand von E-Mails | USA |\n",
    ),
}
REFUSE_US = (
    '[policy]\nname = "refuse US"\n[transfers]\nrefused_countries = ["US"]\n'
    '[severity]\nPOLICY_COUNTRY_REFUSED = "high"\n'
)


@pytest.fixture(scope="module")
def strict(tmp_path_factory) -> Scanner:
    path = tmp_path_factory.mktemp("policy") / "refuse-us.toml"
    path.write_text(REFUSE_US, encoding="utf-8")
    return Scanner(policy=path)


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("role", ["subprocessor_list", None])
def test_annex_alone_a_red_list_makes_the_vendor_red(strict, lang, role):
    """Named a list in vendor.toml or found one by its text, a list the buyer's policy makes red makes the vendor red, and
    the rating's reasons name it; the list itself stays unrated."""
    policy, listing = TEXTS[lang]
    report = scan_vendor_texts(
        [("policy.md", "privacy_policy", policy), ("list.md", role, listing)], language=lang, scanner=strict
    )
    doc = next(d for d in report.documents if d.path == "list.md")
    assert doc.report.doc_type == "subprocessor_list" and not doc.report.rated and doc.report.rating == "red"
    assert report.rating == "red"
    assert any("list.md: red" in reason for reason in report.rating_reasons)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_annex_alone_a_list_that_is_not_red_is_not_counted(scanner, lang):
    """Without the policy the list is yellow only because nothing rates it alone: it gives the vendor no rating."""
    policy, listing = TEXTS[lang]
    report = scan_vendor_texts(
        [("policy.md", "privacy_policy", policy), ("list.md", "subprocessor_list", listing)],
        language=lang,
        scanner=scanner,
    )
    doc = next(d for d in report.documents if d.path == "list.md")
    assert not doc.report.rated and doc.report.rating == "yellow"
    assert not any("list.md" in reason for reason in report.rating_reasons)
