"""dpcheck.scan_vendor: a vendor's documents read together into one report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import dpcheck
from dpcheck.dossier import scan_vendor, scan_vendor_texts
from dpcheck.errors import VendorCode, VendorError

DPA_RED_EN = (
    "# Data Processing Agreement\n\nProcessor transfers Customer Personal Data to the United States. "
    "The transfers rely on Processor's certification under the EU-U.S. Privacy Shield."
)
POLICY_GREEN_EN = "# Privacy Policy\n\nWe store your account data exclusively in Germany."
DPA_RED_DE = (
    "# Auftragsverarbeitungsvertrag\n\nDer Auftragnehmer übermittelt die Daten in die USA. Die Übermittlung "
    "stützt sich auf die Zertifizierung des Auftragnehmers nach dem EU-US Privacy Shield."
)
POLICY_GREEN_DE = "# Datenschutzerklärung\n\nWir speichern Ihre Kontodaten ausschließlich in Deutschland."


def test_dossier_joins_the_list_to_its_dpa_and_reads_the_policy_beside_them(dossiers):
    """Ferncloud: the list is read with the DPA; destinations, recipients with countries, and documents
    that say them are gathered over DPA, list and policy."""
    report = dossiers["ferncloud"]
    roles = {Path(d.path).name: (d.role, d.joined_to and Path(d.joined_to).name) for d in report.documents}
    assert roles == {
        "ferncloud-dpa-en-2025.md": ("dpa", None),
        "ferncloud-subprocessors-en-2025.md": ("subprocessor_list", "ferncloud-dpa-en-2025.md"),
        "ferncloud-privacy-en-2025.md": ("privacy_policy", None),
    }
    [agreement] = report.agreements
    assert [Path(a).name for a in agreement.annexes] == ["ferncloud-subprocessors-en-2025.md"]
    [us] = report.destinations
    assert us.country == "US" and us.mechanisms == ("dpf",) and "Stratoloft Inc." in us.recipients
    assert {Path(d).name for d in us.documents} == {
        "ferncloud-subprocessors-en-2025.md",
        "ferncloud-privacy-en-2025.md",
    }
    recipients = {s.name: s.countries for s in report.subprocessors}
    assert recipients == {"Nimbara Hosting GmbH": ("DE",), "Stratoloft Inc.": ("US",), "Mailwise Ltd.": ("IE",)}
    # Each quote names the document it is in, with that document's own offsets.
    for q in us.quotes:
        assert " ".join(q.evidence.quote.split()) in " ".join(Path(q.document).read_text(encoding="utf-8").split())


def test_dossier_reads_a_dpa_that_names_no_country_with_its_list(dossiers):
    """Wolkenbank: the AVV alone names only Switzerland, where it allows sub-processors; read with its list it
    transfers to CH and the US."""
    report = dossiers["wolkenbank"]
    avv = next(d for d in report.documents if d.role == "dpa")
    assert {t.destination for t in avv.report.transfers} == {"CH"} and avv.report.rating == "green"
    [agreement] = report.agreements
    assert {t.destination for t in agreement.report.transfers} == {"CH", "US"}
    assert agreement.report.rating == "yellow"


def test_dossier_addendum_is_judged_with_the_agreement_it_amends(dossiers):
    """Kestrel: the transfer addendum, alone a DPA missing most Art. 28 elements, completes the DPA; the
    vendor is asked nothing about the addendum's gaps."""
    report = dossiers["kestrel"]
    addendum = next(d for d in report.documents if d.role == "addendum")
    alone_missing = [i.element for i in addendum.report.checklist if i.status == "missing"]
    assert len(alone_missing) >= 8
    assert addendum.joined_to is not None
    [agreement] = report.agreements
    assert not [i for i in agreement.report.checklist if i.status == "missing"]
    dpa = next(d for d in report.documents if d.role == "dpa")
    assert dpa.report.rating == "red" and agreement.report.rating == "green" and report.rating == "green"
    asked = {rule for q in report.questions for rule in q.rules}
    assert not asked & {"ART28_SECURITY_MISSING", "TRANSFER_MECHANISM_UNSPECIFIED", "ART28_AUDITS_MISSING"}


def test_dossier_finds_the_addendum_without_a_manifest(tmp_path, corpora, scanner):
    """Without vendor.toml, a DPA that is incorporated by reference into another DPA is an addendum."""
    folder = tmp_path / "kestrel"
    shutil.copytree(corpora / "kestrel", folder, ignore=shutil.ignore_patterns("vendor.toml"))
    report = scan_vendor(folder, scanner=scanner)
    roles = {Path(d.path).name: d.role for d in report.documents}
    assert roles["kestrel-transfer-addendum-en-2025.md"] == "addendum"
    assert roles["kestrel-dpa-en-2025.md"] == "dpa"
    assert report.name == "kestrel" and report.rating == "green"


@pytest.mark.parametrize(
    ("dpa", "policy", "lang"),
    [(DPA_RED_EN, POLICY_GREEN_EN, "en"), (DPA_RED_DE, POLICY_GREEN_DE, "de")],
    ids=["en", "de"],
)
def test_dossier_rating_puts_the_dpa_first(scanner, dpa, policy, lang):
    """A compliant privacy policy does not cure a defective DPA: the vendor is red with a red DPA."""
    report = scan_vendor_texts(
        [("dpa.md", "dpa", dpa), ("policy.md", "privacy_policy", policy)], language=lang, scanner=scanner
    )
    policy_report = next(d for d in report.documents if d.role == "privacy_policy").report
    assert policy_report.rating == "green"
    assert report.rating == "red"
    assert report.rating_reasons[0].startswith("DPA dpa.md: red")


def test_dossier_without_dpa_is_rated_by_its_documents_and_asks_for_the_dpa(scanner):
    """No DPA: the dossier says so, asks for it, and is never better than yellow."""
    report = scan_vendor_texts([("policy.md", "privacy_policy", POLICY_GREEN_EN)], language="en", scanner=scanner)
    assert report.rating == "yellow" and not report.agreements
    assert [f.rule_id for f in report.findings] == ["VENDOR_DPA_MISSING"]
    assert report.rating_reasons[0].startswith("no DPA in the dossier")


def test_dossier_questions_are_numbered_and_asked_once(scanner):
    """The same question raised by the DPA and by the policy is asked once, naming both documents."""
    scc = " We transfer personal data to our provider in the United States under the standard contractual clauses."
    report = scan_vendor_texts(
        [
            ("dpa.md", "dpa", "# Data Processing Agreement\n\nProcessor" + scc[3:]),
            ("policy.md", "privacy_policy", "# Privacy Policy\n\n" + scc),
        ],
        language="en",
        scanner=scanner,
    )
    texts = [q.text for q in report.questions]
    assert len(texts) == len(set(texts))
    assert [q.number for q in report.questions] == list(range(1, len(texts) + 1))
    supplementary = next(q for q in report.questions if "SUPPLEMENTARY_MEASURES_UNADDRESSED" in q.rules)
    assert set(supplementary.documents) == {"dpa.md", "policy.md"}


def test_dossier_versions_the_newest_is_current_and_changes_are_listed(dossiers):
    """Lumenfield: the 2023 DPA is an earlier version; the vendor is rated on 2025's; what changed is listed."""
    report = dossiers["lumenfield"]
    current = {Path(d.path).name: d.current for d in report.documents}
    assert current == {
        "lumenfield-dpa-en-2023.md": False,
        "lumenfield-dpa-en-2025.md": True,
        "lumenfield-privacy-en-2025.md": True,
    }
    [changes] = report.changes
    assert ("mechanism_dropped", "privacy_shield") in [(c.kind, c.value) for c in changes.changes]
    assert report.rating == "green"


def test_dossier_onward_hops_are_listed(scanner):
    """A list that says a sub-processor passes data on shows the onward hop with the countries it reaches."""
    dpa = "# Data Processing Agreement\n\nThe sub-processors are listed at https://example.com/subprocessors."
    listing = (
        "# Sub-processors\n\n| Sub-processor | Purpose | Location | Transfer mechanism |\n|---|---|---|---|\n"
        "| Cloudhaven Inc. | Hosting | United States | Standard contractual clauses |\n\n"
        "Cloudhaven Inc. may transfer data onward to its affiliates in India."
    )
    report = scan_vendor_texts(
        [("dpa.md", "dpa", dpa), ("list.md", "subprocessor_list", listing)], language="en", scanner=scanner
    )
    assert [(h.parties[-1], h.country) for h in report.onward] == [("onward recipients of Cloudhaven Inc.", "IN")]
    assert report.onward[0].document == "list.md"


def test_dossier_errors_have_codes(tmp_path, scanner):
    """No folder: E300; a folder without any document: E302; an invalid vendor.toml: E301."""
    with pytest.raises(VendorError) as missing:
        scan_vendor(tmp_path / "nowhere", scanner=scanner)
    assert missing.value.code == VendorCode.NOT_FOUND
    with pytest.raises(VendorError) as empty:
        scan_vendor(tmp_path, scanner=scanner)
    assert empty.value.code == VendorCode.NO_DOCUMENTS
    (tmp_path / "vendor.toml").write_text('name = "x"\n', encoding="utf-8")
    with pytest.raises(VendorError) as bad:
        scan_vendor(tmp_path / "vendor.toml", scanner=scanner)
    assert bad.value.code == VendorCode.MANIFEST


def test_dossier_unreadable_document_fails_closed(tmp_path, scanner):
    """A document of the dossier that cannot be read is reported with its code and makes the vendor red."""
    (tmp_path / "dpa.md").write_text(
        "# Data Processing Agreement\n\nProcessor stores data in Germany.\n", encoding="utf-8"
    )
    (tmp_path / "policy.pdf").write_bytes(b"%PDF-1.4 broken")
    report = dpcheck.scan_vendor(tmp_path, scanner=scanner)
    broken = next(d for d in report.documents if d.path.endswith("policy.pdf"))
    assert broken.report.status == "error" and report.rating == "red"
    assert any("could not be read" in r for r in report.rating_reasons)
