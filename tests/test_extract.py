"""Extraction: mechanisms relied on, destinations, and the hard cases of real documents."""

from __future__ import annotations

import pytest


def scan(scanner, text, lang, doc_type="privacy_policy"):
    return scanner.scan_text(text, language=lang, doc_type=doc_type)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We no longer rely on the EU-U.S. Privacy Shield for transfers to the United States."),
        ("en", "The Privacy Shield was invalidated by the CJEU in July 2020."),
        ("de", "Wir stützen uns nicht mehr auf den EU-US Privacy Shield."),
        ("de", "Der Privacy Shield wurde vom EuGH für ungültig erklärt."),
    ],
)
def test_extract_negated_or_historic_mechanism_is_not_relied_upon(scanner, lang, text):
    """Negated and historic mentions of a tool are not reliance."""
    assert "privacy_shield" not in scan(scanner, text, lang).mechanisms


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Since the Privacy Shield was invalidated, transfers to the US rely on standard contractual clauses.",
            {"scc"},
        ),
        ("de", "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln.", {"scc"}),
        ("en", "Our US parent is certified under the EU-U.S. Data Privacy Framework.", {"dpf"}),
        (
            "de",
            "Für das Vereinigte Königreich besteht ein Angemessenheitsbeschluss, auf den wir uns stützen.",
            {"adequacy"},
        ),
        (
            "en",
            "Transfers to countries without an adequacy decision are based on standard contractual clauses.",
            {"scc"},
        ),
        ("en", "Data may be transferred outside the EEA with your explicit consent.", {"derogation"}),
    ],
)
def test_extract_mechanisms(scanner, lang, text, expected):
    """The tools a sentence relies on, and only those ("without an adequacy decision" is no adequacy)."""
    assert set(scan(scanner, text, lang).mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We may transfer your data to service providers in other countries, including but not limited to the US.",
            {"US", "UNSPECIFIED"},
        ),
        ("de", "Daten können in Drittländer wie die USA übermittelt werden.", {"US", "UNSPECIFIED"}),
        ("en", "Your data may be processed worldwide.", {"UNSPECIFIED"}),
        ("de", "Ihre Daten werden weltweit verarbeitet.", {"UNSPECIFIED"}),
        (
            "en",
            "We may transfer your information to our facilities in the United States or elsewhere.",
            {"US", "UNSPECIFIED"},
        ),
        ("de", "Wir können Ihre Daten in die USA oder anderswo übermitteln.", {"US", "UNSPECIFIED"}),
        ("en", "To correct information you gave us on our websites or elsewhere, send your request to us.", set()),
        (
            "de",
            "Um Angaben zu berichtigen, die Sie uns auf der Website oder anderswo gegeben haben, senden Sie uns eine E-Mail.",
            set(),
        ),
        ("en", "Personal data is stored in India and in the United States.", {"IN", "US"}),
        ("en", "We transfer personal data from the EEA, the UK and Switzerland to the United States.", {"US"}),
        ("en", "Account data is sent to our service provider in Japan.", {"JP"}),
        ("de", "Kontodaten werden an unseren Dienstleister in Japan gesendet.", {"JP"}),
        # "in and outside of": the "in" holds for every place the phrase names.
        (
            "en",
            "We store and transfer your data to our processors in and outside of EU/EEA member states and the United States.",
            {"US", "UNSPECIFIED"},
        ),
        ("de", "Wir speichern Ihre Daten innerhalb und außerhalb der EU sowie in den USA.", {"US", "UNSPECIFIED"}),
        # The providers' own places, not named, leave the set open beside the one named.
        (
            "en",
            "We store and process data in Canada and in the locations used by our service providers.",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "de",
            "Wir speichern und verarbeiten Daten in Kanada sowie an den Standorten, die unsere Dienstleister nutzen.",
            {"CA", "UNSPECIFIED"},
        ),
    ],
)
def test_extract_destinations(scanner, lang, text, expected):
    """Named countries become ISO codes; open sets add UNSPECIFIED; sources are not destinations."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "These terms are governed by the laws of the State of California."),
        ("de", "Gerichtsstand ist Zürich, Schweiz."),
        ("en", "Our data is stored in Frankfurt and is not transferred outside the EEA."),
        ("de", "Eine Übermittlung in Drittländer findet nicht statt."),
    ],
)
def test_extract_no_destination_for_law_seat_or_denied_transfer(scanner, lang, text):
    """Governing law, courts and denied transfers name no destination."""
    assert scan(scanner, text, lang).transfers == ()


def test_extract_scc_version_and_repealed_rule(scanner):
    """Clauses of the repealed Decision 2010/87/EU are flagged; 2021/914 is not."""
    old = scan(
        scanner, "Transfers to the US rely on the standard contractual clauses (Decision 2010/87/EU).", "en", "dpa"
    )
    new = scan(
        scanner, "Transfers to the US rely on the standard contractual clauses (Decision 2021/914).", "en", "dpa"
    )
    assert "SCC_REPEALED_VERSION" in {f.rule_id for f in old.findings}
    assert "SCC_REPEALED_VERSION" not in {f.rule_id for f in new.findings}


@pytest.mark.parametrize(
    ("lang", "text", "repealed"),
    [
        (
            "en",
            "Our hosting partner in the United States signed the Model Contract Clauses for the transfer of personal "
            "data to processors established in third countries.",
            True,
        ),
        (
            "de",
            "Unser Hosting-Partner in den USA hat die Standardvertragsklauseln für die Übermittlung personenbezogener "
            "Daten an Auftragsverarbeiter in Drittländern unterzeichnet.",
            True,
        ),
        ("en", "Transfers to our support team in India rely on the Standard Contractual Clauses (2010).", True),
        (
            "de",
            "Übermittlungen an unser Support-Team in Indien stützen sich auf die Standardvertragsklauseln von 2010.",
            True,
        ),
        (
            "en",
            "Transfers to our support team in India rely on the standard contractual clauses adopted on 4 June 2021 "
            "under Decision 2021/914. These clauses replace the 2010 standard contractual clauses.",
            False,
        ),
        (
            "de",
            "Übermittlungen an unser Support-Team in Indien stützen sich auf die Standardvertragsklauseln gemäß "
            "Durchführungsbeschluss (EU) 2021/914. Sie ersetzen die Standardvertragsklauseln von 2010.",
            False,
        ),
        (
            "en",
            "Transfers to our support team in India rely on the new standard contractual clauses, which replace the "
            "2010 standard contractual clauses.",
            False,
        ),
    ],
)
def test_extract_repealed_scc_by_title_and_year(scanner, lang, text, repealed):
    """The old processor clauses are caught by their title or year; clauses named only as replaced are history."""
    report = scan(scanner, text, lang, "dpa")
    assert "scc" in report.mechanisms
    assert ("SCC_REPEALED_VERSION" in {f.rule_id for f in report.findings}) is repealed
    assert report.paths and all(p.covered is not repealed for p in report.paths)


def test_extract_subprocessor_table(scanner):
    """A Markdown sub-processor table gives recipients with their countries."""
    text = (
        "# Sub-processors\n\n| Name | Purpose | Location |\n|---|---|---|\n"
        "| Cloudy Inc. | Hosting | United States |\n| Mailo Ltd | Email | United Kingdom |\n| Datahaus GmbH | Backup | Germany |\n"
    )
    report = scanner.scan_text(text, language="en", format="markdown")
    assert report.doc_type == "subprocessor_list"
    assert {t.destination for t in report.transfers} == {"US", "GB"}
    assert {r.name: r.locations for r in report.recipients}["Cloudy Inc."] == ("US",)


def test_extract_evidence_points_into_the_text(scanner):
    """Evidence offsets address the quoted text in the document."""
    text = "Intro paragraph.\n\nWe transfer personal data to India under the standard contractual clauses."
    report = scanner.scan_text(text, language="en")
    transfer = report.transfers[0]
    e = transfer.evidence[0]
    assert text.replace("\n\n", "\n\n")[e.start : e.end] == e.quote
    assert "India" in e.quote


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "All transfers of personal data out of the United Kingdom are governed by the Standard Contractual Clauses (UK).",
        ),
        (
            "de",
            "Für Übermittlungen aus dem Vereinigten Königreich gilt das UK Addendum zu den Standardvertragsklauseln.",
        ),
        (
            "en",
            "Complaints about transfers may be referred to the data protection authorities in the UK and Switzerland.",
        ),
        ("de", "Beschwerden über Übermittlungen können bei den Aufsichtsbehörden in der Schweiz eingereicht werden."),
        ("en", "If the customer is established in Switzerland and transfers personal data to us, these terms apply."),
        ("de", "Ist der Kunde in der Schweiz ansässig und übermittelt er Daten an uns, gelten diese Bedingungen."),
        ("en", "We disclose the information required under the California Consumer Privacy Act."),
        ("de", "Für Nutzer in Kalifornien verarbeiten wir Daten nach den dort geltenden Regeln."),
    ],
)
def test_extract_origin_authority_and_law_countries_are_not_destinations(scanner, lang, text):
    """Where data comes from, whose authority or law applies, and tool qualifiers are no destination."""
    assert not {t.destination for t in scan(scanner, text, lang, "dpa").transfers} - {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The onward transfer is permitted if it is to a country benefitting from an adequacy decision."),
        ("de", "Eine Weiterübermittlung ist zulässig, wenn für das Drittland ein Angemessenheitsbeschluss besteht."),
    ],
)
def test_extract_quoted_onward_transfer_conditions_are_not_a_basis(scanner, lang, text):
    """The SCCs' own conditions for onward transfers, quoted in a DPA, are not the vendor's basis."""
    assert "adequacy" not in scan(scanner, text, lang, "dpa").mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Your personal data may be transferred to recipients in an EU or non-EU country."),
        ("de", "Ihre Daten können an Empfänger in Ländern außerhalb der EU übermittelt werden."),
    ],
)
def test_extract_non_eu_recipients_are_unspecified(scanner, lang, text):
    """ "an EU or non-EU country" discloses a transfer without naming where."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Whenever data crosses international borders, we use standard contractual clauses.", {"UNSPECIFIED"}),
        (
            "de",
            "Wann immer Daten über internationale Grenzen hinweg übertragen werden, nutzen wir Standardvertragsklauseln.",
            {"UNSPECIFIED"},
        ),
        (
            "en",
            "If you use the site from abroad, your data is transferred to the USA or to any other country in which we operate.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Wenn Sie die Website aus dem Ausland nutzen, werden Ihre Daten in die USA oder in jedes andere Land übermittelt, "
            "in denen wir tätig sind.",
            {"US", "UNSPECIFIED"},
        ),
    ],
)
def test_extract_open_wording_under_a_condition_still_leaves_destinations_open(scanner, lang, text, expected):
    """ "any other country" stays open even inside an if-clause; "across borders" names no country."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "All customer data is stored in the EU and hosted in EU-based data centres."),
        ("de", "Alle Kundendaten werden in der Europäischen Union gespeichert."),
    ],
)
def test_extract_data_kept_in_the_eu_addresses_transfers(scanner, lang, text):
    """Saying data stays in the EU answers the location question: no TRANSFERS_NOT_ADDRESSED, no destination."""
    report = scan(scanner, text, lang, "dpa")
    assert report.transfers == ()
    assert "TRANSFERS_NOT_ADDRESSED" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We may have to hand over your data upon receiving an order from a court of the United States.", {"US"}),
        (
            "de",
            "Auf Anordnung von Behörden der Vereinigten Staaten können wir verpflichtet sein, Ihre Daten herauszugeben.",
            {"US"},
        ),
        ("en", "Data sent from the United Kingdom to our support team in India is covered by the SCCs.", {"IN"}),
        (
            "de",
            "Daten, die aus der Schweiz an unser Support-Team in Indien übermittelt werden, sind durch die "
            "Standardvertragsklauseln geschützt.",
            {"IN"},
        ),
    ],
)
def test_extract_government_access_country_is_not_a_source(scanner, lang, text, expected):
    """ "an order from a court of the US" places the recipient there; "from" inside the role cue is no source."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We process your data on servers located outside the EEA, including processing it in our own data centres in "
            "the US.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Soweit Daten an Dienstleister außerhalb der EU übermittelt werden (insbesondere USA), stützen wir uns auf "
            "Standardvertragsklauseln.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "en",
            "Data that originates from outside the United States (e.g. the UK) is stored on servers in the United States.",
            {"US"},
        ),
        (
            "de",
            "Daten, die von außerhalb der USA stammen (z. B. aus der Schweiz), werden auf Servern in den USA gespeichert.",
            {"US"},
        ),
    ],
)
def test_extract_countries_given_as_examples_of_an_open_region(scanner, lang, text, expected):
    """Countries named as examples of a region outside the EEA leave it open; examples of where data comes from stay sources."""
    assert {t.destination for t in scan(scanner, text, lang, "dpa").transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The processor may not transfer data to countries outside the European Union without the customer's prior "
            "written consent. If personal data is transferred to a country outside the European Union, the parties shall "
            "rely on standard contractual clauses.",
            set(),
        ),
        (
            "de",
            "Der Auftragnehmer darf Daten ohne vorherige schriftliche Zustimmung des Auftraggebers nicht in ein Drittland "
            "übermitteln. Werden Daten in ein Drittland übermittelt, vereinbaren die Parteien Standardvertragsklauseln.",
            set(),
        ),
        (
            "en",
            "If personal data is transferred to a country outside the European Union, the parties shall rely on standard "
            "contractual clauses.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Werden Daten in ein Drittland übermittelt, vereinbaren die Parteien Standardvertragsklauseln.",
            {"UNSPECIFIED"},
        ),
    ],
)
def test_extract_conditional_transfers_after_a_denial_disclose_nothing(scanner, lang, text, expected):
    """A condition on transfers outside the EEA leaves them open, unless the document rules them out elsewhere."""
    assert {t.destination for t in scan(scanner, text, lang, "dpa").transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Records may be stored for longer if the European legislator provides for it in EU regulations to which we are "
            "subject.",
        ),
        ("en", "In France, the competent regulator is the CNIL, whose website can be accessed at any time."),
        (
            "de",
            "Die Daten werden gelöscht, sofern sie nicht aus Gründen eines wichtigen öffentlichen Interesses der "
            "Europäischen Union weiter verarbeitet werden müssen.",
        ),
        ("de", "In Frankreich ist die CNIL zuständig, deren Website jederzeit aufgerufen werden kann."),
    ],
)
def test_extract_eu_places_named_for_laws_or_authorities_do_not_address_transfers(scanner, lang, text):
    """An EU place named as a legislator, a public interest or an authority's seat says nothing about where data goes."""
    assert "TRANSFERS_NOT_ADDRESSED" in {f.rule_id for f in scan(scanner, text, lang).findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Records may be stored for longer if EU regulations require it. Our servers are located in Ireland."),
        (
            "de",
            "Daten dürfen länger gespeichert werden, wenn EU-Verordnungen dies vorsehen. Unsere Server stehen in Deutschland.",
        ),
    ],
)
def test_extract_servers_in_an_eu_country_address_transfers(scanner, lang, text):
    """Saying where the servers are answers the location question, even next to a sentence on EU law."""
    assert "TRANSFERS_NOT_ADDRESSED" not in {f.rule_id for f in scan(scanner, text, lang).findings}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", '"Standard Contractual Clauses" means the clauses adopted by Decision (EU) 2021/914.', set()),
        ("de", "„Standardvertragsklauseln“ sind die Klauseln des Durchführungsbeschlusses (EU) 2021/914.", set()),
        (
            "en",
            '"SCCs" means the standard contractual clauses of Decision 2021/914.\n\n'
            "Transfers to the United States are governed by the SCCs in Annex 2.",
            {"scc"},
        ),
        (
            "de",
            "„Standardvertragsklauseln“ sind die Klauseln des Beschlusses 2021/914.\n\n"
            "Für Übermittlungen in die USA gelten die Standardvertragsklauseln in Anlage 2.",
            {"scc"},
        ),
    ],
)
def test_extract_definitions_resolve_through_use(scanner, lang, text, expected):
    """A tool that is only defined is not relied on; a defined tool the text then applies is."""
    assert set(scan(scanner, text, lang, "dpa").mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our analytics provider is certified under the Safe Harbor framework and thus ensures an adequate level of protection.",
        ),
        (
            "de",
            "Der Anbieter ist unter dem Safe-Harbor-Abkommen zertifiziert und garantiert so ein angemessenes Datenschutzniveau.",
        ),
    ],
)
def test_extract_adequate_level_granted_by_a_framework_is_not_an_adequacy_decision(scanner, lang, text):
    """ "adequate level of protection" achieved through Safe Harbor/Privacy Shield/DPF is that framework."""
    assert "adequacy" not in scan(scanner, text, lang).mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Remote access from third countries, for example for support, is excluded."),
        ("de", "Auch Fernzugriffe aus Drittländern, etwa im Rahmen von Wartung, sind ausgeschlossen."),
    ],
)
def test_extract_ruled_out_transfers_disclose_nothing(scanner, lang, text):
    """A transfer the text rules out as a whole is no destination."""
    assert scan(scanner, text, lang, "dpa").transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "For transfers to Japan, Provider relies on theAdequacy Decision of the Commission."),
        ("en", "Transfers to Japan rely on the adequacy decision of the European Commission."),
    ],
)
def test_extract_glued_pdf_words_still_match(scanner, lang, text):
    """Words glued together by a PDF text layer ("theAdequacy") still name the tool."""
    assert "adequacy" in scan(scanner, text, lang, "dpa").mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Quillbox Inc., a Delaware corporation with its registered office in San Francisco, USA, is the controller.",
        ),
        ("de", "Verantwortlich ist die Quillbox Inc. mit Sitz in San Francisco, USA."),
        ("en", "You can write to us at Quillbox Inc., 1 Market Street, San Francisco, CA 94105, United States."),
        ("de", "Anschrift: Quillbox Inc., 1 Market Street, San Francisco, CA 94105, Vereinigte Staaten."),
        ("en", "Any dispute shall be settled by the courts of London, England."),
        ("de", "Gerichtsstand für alle Streitigkeiten ist London, Vereinigtes Königreich."),
    ],
)
def test_extract_seat_address_and_court_are_not_destinations(scanner, lang, text):
    """A vendor's seat, postal address or court names no destination."""
    assert scan(scanner, text, lang).transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "For transfers to the United States, the SCCs in Annex 2 apply."),
        ("de", "Für Übermittlungen in die USA gelten die Standardvertragsklauseln in Anlage 2."),
    ],
)
def test_extract_cross_reference_to_annexed_clauses_is_reliance(scanner, lang, text):
    """ "the SCCs in Annex 2 apply" relies on the SCCs."""
    assert "scc" in scan(scanner, text, lang, "dpa").mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Processor may engage sub-processors. See our sub-processor list at https://example.com/subprocessors."),
        (
            "de",
            "Der Auftragnehmer setzt Unterauftragsverarbeiter ein; die Liste ist unter https://example.de/unterauftrag abrufbar.",
        ),
    ],
)
def test_extract_pointer_to_subprocessor_list_counts_as_list(scanner, lang, text):
    """A link to the sub-processor list answers SUBPROCESSOR_LIST_MISSING."""
    assert "SUBPROCESSOR_LIST_MISSING" not in {f.rule_id for f in scan(scanner, text, lang, "dpa").findings}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("| Name | Purpose | Location |\n|---|---|---|\n| Cloudy Inc. | Hosting | EU/US |\n", {"US"}),
        ("| Name | Purpose | Location |\n|---|---|---|\n| Mailo Ltd | Email | Global |\n", {"UNSPECIFIED"}),
        ("| Name | Purpose | Location |\n|---|---|---|\n| Datahaus GmbH | Backup | EEA |\n", set()),
        (
            "| Name | Purpose | Location |\n|---|---|---|\n| Helpy Inc. | Support | United States, India, Philippines |\n",
            {"US", "IN", "PH"},
        ),
        ("| Name | Zweck | Standort |\n|---|---|---|\n| Wolke GmbH | Hosting | Deutschland, Schweiz |\n", {"CH"}),
        ("| Name | Zweck | Standort |\n|---|---|---|\n| Hilfe AG | Support | weltweit |\n", {"UNSPECIFIED"}),
    ],
)
def test_extract_subprocessor_table_regions_and_several_countries(scanner, text, expected):
    """Location cells holding regions or several countries give every destination they name."""
    report = scanner.scan_text("# Sub-processors\n\n" + text, language="en", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Transfers from the UK are covered by the UK International Data Transfer Addendum to the SCCs."),
        (
            "de",
            "Für Übermittlungen gilt zusätzlich das UK International Data Transfer Addendum zu den Standardvertragsklauseln.",
        ),
        ("en", "For these transfers, references to the EU shall be interpreted to refer to the United Kingdom."),
        ("de", "Für diese Übermittlungen gelten Verweise auf die EU als Verweise auf das Vereinigte Königreich."),
        (
            "en",
            "For Swiss-subject transfers, Clauses 17 and 18 are governed by Swiss law and the courts of Zurich, "
            "Switzerland.",
        ),
        (
            "en",
            "For transfers from Switzerland, data subjects with their habitual residence in Switzerland may bring "
            "claims before the courts of Switzerland.",
        ),
        (
            "de",
            "Bei Übermittlungen aus der Schweiz können betroffene Personen mit gewöhnlichem Aufenthalt in der Schweiz "
            "vor den Gerichten der Schweiz klagen.",
        ),
        ("en", "We comply with export laws and trade sanctions issued by the European Union and the United States."),
        ("de", "Wir beachten Sanktionen der Europäischen Union und der Vereinigten Staaten."),
    ],
)
def test_extract_clause_adaptations_name_no_destination(scanner, lang, text):
    """Adapting the SCCs to UK or Swiss law ("references to the EU mean the UK", Swiss courts for transfers from
    Switzerland), where data subjects reside, and sanctions law name no destination."""
    assert not {t.destination for t in scan(scanner, text, lang, "dpa").transfers} - {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The processor limits each sub-processor's access to data in third countries to what is necessary to perform its services.",
        ),
        (
            "de",
            "Der Zugriff von Unterauftragsverarbeitern in Drittländern ist auf das zur Leistungserbringung Erforderliche beschränkt.",
        ),
    ],
)
def test_extract_necessity_of_a_service_is_not_a_derogation(scanner, lang, text):
    """ "necessary to perform its services" limits access; it is not the Art. 49(1)(b) derogation."""
    assert "derogation" not in scan(scanner, text, lang, "dpa").mechanisms


def _rules(report):
    return {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "This addendum applies when Quillbox S.L., Calle Ejemplo 45, 28001 Madrid, Spain, processes personal data for you.",
        ),
        (
            "de",
            "Dieser Vertrag gilt, wenn die Quillbox GmbH, Musterstraße 4, 10115 Berlin, Deutschland, Daten verarbeitet.",
        ),
    ],
)
def test_extract_company_address_does_not_address_data_location(scanner, lang, text):
    """A postal address says where the vendor is, not where data is stored."""
    assert "TRANSFERS_NOT_ADDRESSED" in _rules(scan(scanner, text, lang, "dpa"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Processor may engage sub-processors under obligations equivalent to those set out in this DPA."),
        (
            "de",
            "Der Auftragnehmer darf Unterauftragsverarbeiter unter den in diesem Vertrag geregelten Pflichten einsetzen.",
        ),
    ],
)
def test_extract_reference_to_the_dpa_itself_is_no_subprocessor_list(scanner, lang, text):
    """ "obligations set out in this DPA" is not a list of sub-processors."""
    assert "SUBPROCESSOR_LIST_MISSING" in _rules(scan(scanner, text, lang, "dpa"))


@pytest.mark.parametrize(
    ("lang", "text", "handled"),
    [
        (
            "en",
            "Transfers to the US rely on the SCCs. We disclose information to public authorities where required by law.",
            False,
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln. Wir geben Informationen an Behörden "
            "weiter, soweit wir gesetzlich dazu verpflichtet sind.",
            False,
        ),
        (
            "en",
            "Transfers to the US rely on the SCCs. We respond to legal requests from authorities only with a good-faith belief "
            "that the law requires it.",
            False,
        ),
        (
            "en",
            "Transfers to the US rely on the SCCs. We hand data to authorities only upon a legally binding order.",
            True,
        ),
        (
            "en",
            "Transfers to the US rely on the SCCs, put in place after examining the countries to which the data may be "
            "transferred.",
            True,
        ),
        (
            "en",
            "Transfers to the US rely on the SCCs. Personal data may be disclosed to government bodies when we are "
            "legally required to comply with a valid subpoena or court order.",
            True,
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln. Daten geben wir an Behörden "
            "nur heraus, wenn wir aufgrund einer gültigen gerichtlichen Anordnung dazu verpflichtet sind.",
            True,
        ),
        (
            "en",
            "Our providers may be located outside the European Union, in which case the transfer is secured by "
            "additional safeguards, such as an agreement incorporating standard data protection clauses.",
            False,
        ),
        (
            "de",
            "Unsere Dienstleister können außerhalb der EU sitzen; die Übermittlung ist dann durch zusätzliche Garantien "
            "wie z. B. Standardvertragsklauseln abgesichert.",
            False,
        ),
        (
            "en",
            "Transfers to the US rely on the SCCs. We may disclose data to law enforcement if required in response to a "
            "valid subpoena, or when we believe in good faith that disclosure is necessary.",
            False,
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln. Daten geben wir an Behörden "
            "heraus, wenn wir aufgrund einer gültigen Anordnung dazu verpflichtet sind oder dies nach Treu und Glauben "
            "für nötig halten.",
            False,
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln; zuvor prüfen wir die "
            "Rechtslage im Drittland.",
            True,
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln. Für die Offenlegung gegenüber "
            "staatlichen Stellen verlangen wir ein rechtsgültiges Verfahren.",
            True,
        ),
        (
            "en",
            "Transfers to the US rely on the SCCs. If a government asks for customer data, we limit the disclosure to "
            "the minimum required.",
            True,
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln. Fordert eine Regierung "
            "Kundendaten an, beschränken wir die Offenlegung auf ein Mindestmaß.",
            True,
        ),
        (
            "en",
            "Transfers to the US rely on the SCCs together with supplementary technical safeguards such as encryption.",
            True,
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln und ergänzender technischer "
            "Vorkehrungen wie Verschlüsselung.",
            True,
        ),
        (
            "en",
            "Transfers to the US rely on the SCCs. We give data to authorities only under a valid court order.",
            True,
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln. Daten geben wir an Behörden "
            "nur auf eine rechtlich verbindliche Anordnung heraus.",
            True,
        ),
    ],
)
def test_extract_handling_of_authority_requests(scanner, lang, text, handled):
    """A bare "we disclose to authorities" does not address government access; requiring valid process does."""
    fired = "SUPPLEMENTARY_MEASURES_UNADDRESSED" in _rules(scan(scanner, text, lang, "privacy_policy"))
    assert fired is not handled


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "A. LIST OF PARTIES\n\nData importer: Quillbox Inc.\n\nAddress: 1 Market Street, San Francisco, CA 94105, USA",
            "US",
        ),
        (
            "de",
            "A. LISTE DER PARTEIEN\n\nDatenimporteur: Quillbox Inc.\n\nAnschrift: 1 Market Street, San Francisco, CA 94105, USA",
            "US",
        ),
        (
            "en",
            "A. LIST OF PARTIES\n\nData importer: Quillbox Pte. Ltd.\n\nAddress: 8 Harbour Quay, #12-01, North Tower, "
            "Singapore 049321",
            "SG",
        ),
        (
            "de",
            "A. LISTE DER PARTEIEN\n\nDatenimporteur: Quillbox Pte. Ltd.\n\nAnschrift: 8 Harbour Quay, Singapur 049321",
            "SG",
        ),
    ],
)
def test_extract_data_importer_address_is_a_destination(scanner, lang, text, expected):
    """The SCC annex places the data importer, and so the data, at its address, whether the postcode comes
    before the country or after it ("Singapore 049321")."""
    assert {t.destination for t in scan(scanner, text, lang, "dpa").transfers} == {expected}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our US parent hosts the service. Quillbox may process customer data outside the EEA.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Unsere US-Muttergesellschaft betreibt den Dienst. Quillbox darf Kundendaten auch außerhalb des EWR verarbeiten.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "en",
            "Our US parent hosts the service. Data may only be disclosed to a third party outside the EEA under these Clauses.",
            {"US"},
        ),
        (
            "de",
            "Unsere US-Muttergesellschaft betreibt den Dienst. Für Übermittlungen in Drittländer gelten die Standardvertragsklauseln.",
            {"US"},
        ),
    ],
)
def test_extract_leave_to_process_outside_the_eea_stays_open(scanner, lang, text, expected):
    """ "may process outside the EEA" leaves the set open even beside named countries; restrictions do not."""
    assert {t.destination for t in scan(scanner, text, lang, "dpa").transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "To exercise your rights, send us a letter at 120 Queen Street, Toronto, ON M5J 0A8, Canada.", set()),
        (
            "de",
            "Zur Ausübung Ihrer Rechte senden Sie uns einen Brief an 120 Queen Street, Toronto, ON M5J 0A8, Kanada.",
            set(),
        ),
        (
            "en",
            "Chat data is transferred to our provider Quill Inc., 1 Market Street, San Francisco, CA 94105, USA.",
            {"US"},
        ),
        (
            "de",
            "Chatdaten werden an unseren Anbieter Quill Inc., 1 Market Street, San Francisco, CA 94105, USA übermittelt.",
            {"US"},
        ),
    ],
)
def test_extract_address_counts_only_where_data_is_sent(scanner, lang, text, expected):
    """A postal address to write to is no destination; a recipient's address that data is sent to is."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "If you reside in the EEA or Switzerland and we transfer your data, we use safeguards."),
        ("de", "Wenn Sie in der Schweiz wohnen und wir Ihre Daten übermitteln, nutzen wir Garantien."),
        ("en", "Transfers of UK Personal Data to a jurisdiction other than the UK are governed by the UK Addendum."),
        ("de", "Für Übermittlungen in andere Rechtsordnungen als das Vereinigte Königreich gilt das UK Addendum."),
        ("en", "For data subjects located in the United Kingdom we transfer data under recognised clauses."),
        (
            "de",
            "Für Übermittlungen gelten die vom Schweizer Datenschutzbeauftragten anerkannten Klauseln, wo das Schweizer DSG gilt.",
        ),
    ],
)
def test_extract_residence_exclusion_and_law_names_are_no_destination(scanner, lang, text):
    """Where people live, "other than the UK", and the UK or Swiss law named as such are no destination."""
    assert not {t.destination for t in scan(scanner, text, lang, "dpa").transfers} - {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Additional information for Korea\n\nOur local provider in Korea processes data for Korean users.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Zusätzliche Hinweise für Brasilien\n\nUnser Dienstleister in Brasilien verarbeitet Daten brasilianischer Nutzer.",
        ),
    ],
)
def test_extract_country_section_for_local_residents_is_no_destination(scanner, lang, text):
    """A section on one country's local rules names that country for its residents, not as a destination."""
    report = scanner.scan_text(text, language=lang, format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "With Mailtrail Inc., USA, the processor has concluded the European Commission's standard contractual "
            "clauses (Module 3), including the Swiss Annex.",
        ),
        (
            "de",
            "Mit der Mailtrail Inc., USA, hat der Auftragsbearbeiter die Standardvertragsklauseln der Europäischen "
            "Kommission (Modul 3) einschliesslich des Schweizer Anhangs abgeschlossen.",
        ),
    ],
)
def test_extract_a_countrys_annex_to_a_tool_is_no_place(scanner, lang, text):
    """ "including the Swiss Annex" names a part of the clauses, neither Switzerland nor an open enumeration."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Notice\n\n## Image recognition (Imagework, USA)\n\nYour photos are sent to Imagework and analysed "
            "there.\n\n- Third-country transfer: The transfer to the USA is based on the standard contractual clauses.",
        ),
        (
            "de",
            "# Datenschutzhinweise\n\n## Bilderkennung (Bildwerk, USA)\n\nIhre Fotos werden an Bildwerk übermittelt und "
            "dort ausgewertet.\n\n- Drittlandübermittlung: Die Übermittlung in die USA wird auf die "
            "Standardvertragsklauseln gestützt.",
        ),
    ],
)
def test_extract_a_transfer_sent_to_the_country_its_heading_names_is_one(scanner, lang, text):
    """A heading naming a country does not make its section one for local residents when the text sends the
    data right there ("the transfer to the USA")."""
    report = scanner.scan_text(text, language=lang, format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text", "absent"),
    [
        (
            "en",
            "By continuing to use the Services you agree to be bound by this Data Transfer Addendum for transfers outside the EEA.",
            "derogation",
        ),
        (
            "de",
            "Durch die weitere Nutzung erklären Sie sich mit diesem Zusatz für Übermittlungen in Drittländer einverstanden.",
            "derogation",
        ),
        (
            "en",
            "We ensure that recipients outside the EEA offer an adequate level of protection by concluding standard contractual clauses.",
            "adequacy",
        ),
        (
            "de",
            "Wir stellen durch Standardvertragsklauseln sicher, dass Empfänger in Drittländern ein angemessenes Schutzniveau bieten.",
            "adequacy",
        ),
        (
            "en",
            "We rely on the EU-U.S. Data Privacy Framework and the Commission's related adequacy decision for transfers to the US.",
            "adequacy",
        ),
        (
            "en",
            'Data is not transferred to a country not recognised as providing an adequate level of protection ("Adequacy Decision").',
            "adequacy",
        ),
    ],
)
def test_extract_phrases_that_only_seem_to_name_a_tool(scanner, lang, text, absent):
    """Accepting terms is not consent to a transfer; protection achieved by SCCs or the DPF is that tool;
    a defined-term label in parentheses is not a second mention."""
    assert absent not in scan(scanner, text, lang).mechanisms


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Data collected by Amazon Web Services Costa Rica is processed for the purposes listed above.", set()),
        ("de", "Die Daten werden von der Quillbox Schweiz GmbH im Auftrag verarbeitet.", set()),
        ("en", "Personal data is transferred to the United States and stored there.", {"US"}),
        ("de", "Personenbezogene Daten werden in die USA übermittelt und dort gespeichert.", {"US"}),
    ],
)
def test_extract_country_in_a_company_name_is_no_destination(scanner, lang, text, expected):
    """ "Amazon Web Services Costa Rica" names a company; "to the United States" names a place."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Transfers outside the EEA are covered by Commission-approved standard contractual arrangements."),
        (
            "de",
            "Übermittlungen in Drittländer sichern wir durch von der Kommission genehmigte Standardvertragsbedingungen ab.",
        ),
    ],
)
def test_extract_standard_contractual_arrangements_are_scc(scanner, lang, text):
    """Other nouns for the SCCs ("arrangements", "Bedingungen") still name them."""
    assert "scc" in scan(scanner, text, lang).mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Transfers to the US rely on the SCCs. We disclose data to comply with any applicable law, legal process or "
            "governmental request.",
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln. Wir geben Daten zur Erfüllung "
            "gesetzlicher Pflichten und behördlicher Anordnungen heraus.",
        ),
    ],
)
def test_extract_complying_with_legal_process_is_not_handling_it(scanner, lang, text):
    """Disclosing "to comply with legal process" says nothing about how requests are checked or challenged."""
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED" in _rules(scan(scanner, text, lang))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Customer authorises the use of sub-processors. We will notify you in advance of any changes to our "
            "sub-processors, at least 30 days before. If you reasonably object to such changes, you may tell us in writing.",
        ),
        (
            "de",
            "Der Auftraggeber genehmigt den Einsatz von Unterauftragsverarbeitern. Über Änderungen informieren wir "
            "mindestens 30 Tage vorher. Gegen solche Änderungen kann der Auftraggeber schriftlich Einspruch erheben.",
        ),
        (
            "en",
            "Customer grants a general authorisation for Sub - Processors listed in Annex 3. The Processor will notify "
            "any Sub - Processor Change 30 days in advance. The Customer has the right to object to a Sub - Processor Change.",
        ),
    ],
)
def test_extract_objection_in_the_same_paragraph_counts(scanner, lang, text):
    """An objection right stated a sentence after the sub-processors are named (or spelt "Sub - Processor") counts."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _rules(scan(scanner, text, lang, "dpa"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Transfers to the US rely on the SCCs. Before disclosing data to an authority we verify the validity of the request.",
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln. Vor einer Herausgabe an Behörden "
            "prüfen wir die Rechtmäßigkeit der Anfrage.",
        ),
        (
            "en",
            "# Privacy Policy\n\nTransfers to the US rely on the SCCs.\n\n## Requests from authorities\n\n"
            "We notify the customer in advance unless the law forbids it.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\nÜbermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln.\n\n"
            "## Anfragen von Behörden\n\nWir informieren den Kunden vorab, soweit dies gesetzlich zulässig ist.",
        ),
    ],
)
def test_extract_handling_in_an_authority_section_or_by_verifying_requests(scanner, lang, text):
    """Verifying a request, or a handling rule in a section on authority requests, addresses government access."""
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="privacy_policy")
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED" not in _rules(report)


@pytest.mark.parametrize(
    ("fmt", "text"),
    [
        (
            "markdown",
            "# Data Processing Addendum\n\nThe Processor may engage [our sub-processors](https://example.com/legal/processors).",
        ),
        (
            "markdown",
            "# Auftragsverarbeitungsvertrag\n\nDer Auftragnehmer setzt [Unterauftragsverarbeiter](https://example.de/uav) ein.",
        ),
    ],
)
def test_extract_hyperlinked_subprocessor_list_counts(scanner, fmt, text):
    """A hyperlink to the sub-processor page is a pointer to the list, even when only the link text names it."""
    report = scanner.scan_text(text, format=fmt, doc_type="dpa")
    assert "SUBPROCESSOR_LIST_MISSING" not in _rules(report)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "# Datenschutzerklärung\n\nWir speichern Ihre Kontodaten ausschließlich in Deutschland."),
        ("en", "# Privacy notice\n\nWe store your account data exclusively in Germany."),
    ],
)
def test_extract_only_in_an_eea_country_answers_where_data_is(scanner, lang, text):
    """'Ausschließlich in Deutschland' is 'only in Germany', not 'excluding Germany': the document says
    where data is, and no finding says it does not."""
    doc = scanner.scan_text(text, name="policy.md", format="markdown", language=lang)
    assert "TRANSFERS_NOT_ADDRESSED" not in {f.rule_id for f in doc.findings}
    assert doc.rating == "green"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We may move your details to machines that sit outside your state or province, where privacy rules can be "
            "weaker than at home.",
        ),
        (
            "de",
            "Wir können Ihre Daten auf Rechner außerhalb Ihres Landes übertragen, deren Datenschutzgesetze anders sind.",
        ),
        ("en", "We handle your data at our offices and in any other places where our service partners are located."),
        (
            "de",
            "Wir verarbeiten Ihre Daten in unseren Büros und an allen anderen Orten, an denen unsere Partner tätig sind.",
        ),
    ],
)
def test_extract_places_beyond_the_readers_own_country_are_open(scanner, lang, text):
    """ "outside your state or province" and "any other places where partners are" name no country: UNSPECIFIED."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The provider will not transfer customer data outside the customer's selected region, except where needed to "
            "run the service.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Der Anbieter übermittelt Kundendaten nicht außerhalb der vom Kunden gewählten Region, außer soweit dies für "
            "den Betrieb nötig ist.",
            {"UNSPECIFIED"},
        ),
        ("en", "We do not transfer personal data outside the EEA.", set()),
        ("de", "Wir übermitteln keine personenbezogenen Daten außerhalb des EWR.", set()),
    ],
)
def test_extract_exceptions_to_a_selected_region_leave_destinations_open(scanner, lang, text, expected):
    """Transfers outside the customer's chosen region "except where needed" go to unnamed places; a plain denial stays none."""
    assert {t.destination for t in scan(scanner, text, lang, "dpa").transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# International transfers\n\nOur partners may store and process your data. If you are a resident in the EEA, "
            "those countries may not have privacy laws as comprehensive as those in your country.\n",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "# Übermittlung ins Ausland\n\nUnsere Partner können Ihre Daten speichern. Wenn Sie im EWR wohnen, haben jene "
            "Länder möglicherweise Datenschutzgesetze, die weniger umfassend sind als die in Ihrem Land.\n",
            {"UNSPECIFIED"},
        ),
        ("en", "We transfer data to Japan, whose laws may differ from those in your country.\n", {"JP"}),
        (
            "de",
            "Wir übermitteln Daten nach Japan, das möglicherweise ein niedrigeres Datenschutzniveau als Ihr Land hat.\n",
            {"JP"},
        ),
    ],
)
def test_extract_countries_known_only_by_their_laws_are_unnamed(scanner, lang, text, expected):
    """ "those countries' laws may be less comprehensive than yours" leaves them unnamed, unless the document names them."""
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "# Datenübermittlung in Drittländer\n\nWir übermitteln Daten nur dann in Drittländer, wenn Sie eingewilligt "
            "haben. Dies betrifft insbesondere unseren Hosting-Anbieter Beispiel Inc. mit Sitz in den USA.\n",
            {"US", "UNSPECIFIED"},
        ),
        (
            "en",
            "# International transfers\n\nWe only transfer data to third countries if you have consented. This includes, "
            "for example, our hosting provider Example Inc., headquartered in Canada.\n",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "en",
            "# International transfers\n\nWe only transfer data to third countries if you have consented. This concerns in "
            "particular our hosting provider, which stores data in the United States.\n",
            {"US", "UNSPECIFIED"},
        ),
        (
            "en",
            "# International transfers\n\nWe only transfer data to third countries if you have consented. Our mail "
            "provider hosts data in the United States.\n",
            {"US"},
        ),
        (
            "de",
            "# Datenübermittlung in Drittländer\n\nWir übermitteln Daten nur dann in Drittländer, wenn Sie eingewilligt "
            "haben. Unser Mailanbieter speichert Daten in den USA.\n",
            {"US"},
        ),
    ],
)
def test_extract_countries_given_as_examples_in_the_next_sentence(scanner, lang, text, expected):
    """Recipients the next sentence gives "in particular" are destinations by their seats and leave a conditional
    third-country set open; countries named plainly specify it."""
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "answered"),
    [
        (
            "en",
            "Processor may engage sub-processors. Customer authorises them generally. Processor informs Customer of new "
            "sub-processors 30 days in advance. Customer may refuse a new sub-processor.",
            "SUBPROCESSOR_OBJECTION_MISSING",
        ),
        (
            "de",
            "Der Auftragnehmer darf Unterauftragsverarbeiter einsetzen. Der Auftraggeber genehmigt dies allgemein. Über "
            "neue Unterauftragsverarbeiter informiert der Auftragnehmer 30 Tage vorher. Der Auftraggeber kann einen neuen "
            "Unterauftragsverarbeiter verweigern.",
            "SUBPROCESSOR_OBJECTION_MISSING",
        ),
        (
            "en",
            "Processor may engage sub-processors, which are named in the sub-processor list.",
            "SUBPROCESSOR_LIST_MISSING",
        ),
        (
            "de",
            "Der Auftragnehmer darf Unterauftragsverarbeiter einsetzen, die im Verzeichnis der Unterauftragsverarbeiter "
            "genannt sind.",
            "SUBPROCESSOR_LIST_MISSING",
        ),
    ],
)
def test_extract_subprocessor_duties_in_both_languages(scanner, lang, text, answered):
    """Refusing a new sub-processor is an objection right, and a register of sub-processors is a list, in English and German."""
    assert answered not in _rules(scan(scanner, text, lang, "dpa"))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Data Processing Addendum\n\n## Schedule 4 - Subprocessors\n\n| |\n| --- |\n"
            "| Tallimo<br><br>Billing<br><br>United States<br><br>Products: all |\n"
            "| Nutrix<br><br>User support<br><br>South Africa<br><br>Products: all |\n",
        ),
        (
            "de",
            "# Auftragsverarbeitungsvertrag\n\n## Anlage 4 – Unterauftragsverarbeiter\n\n| |\n| --- |\n"
            "| Tallimo<br><br>Abrechnung<br><br>USA<br><br>Produkte: alle |\n"
            "| Nutrix<br><br>Kundensupport<br><br>Südafrika<br><br>Produkte: alle |\n",
        ),
    ],
)
def test_extract_a_sub_processor_row_names_where_it_is_whatever_the_layout(scanner, lang, text):
    """A row of a sub-processor list without a location column still places its sub-processor (GUIDELINES.md)."""
    doc = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert {t.destination for t in doc.transfers} == {"US", "ZA"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy policy\n\n## Processors\n\n**Acme Support DOOEL**\n\n* Data processing location: Macedonia\n\n"
            "**Acme Taiwan Co., Ltd**\n\n* Purpose: customer support\n* Data processing location: Taiwan (R.O.C)\n",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Auftragsverarbeiter\n\n**Beispiel DOOEL**\n\n* Ort der Verarbeitung: "
            "Mazedonien\n\n**Beispiel Taiwan Co., Ltd**\n\n* Zweck: Kundensupport\n* Ort der Verarbeitung: Taiwan\n",
        ),
    ],
)
def test_extract_a_company_heading_is_no_country_section(scanner, lang, text):
    """A processor introduced by its name ("Acme Taiwan Co., Ltd") is no section of local rules for Taiwan: its
    processing location there counts; "Macedonia" is North Macedonia."""
    doc = scanner.scan_text(text, language=lang, format="markdown")
    assert {t.destination for t in doc.transfers} == {"MK", "TW"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "When we send your details to a country whose laws do not give protection equivalent to the UK or the "
            "EEA, we keep them safe by contract. We store data in Canada.",
            {"CA"},
        ),
        (
            "de",
            "Wir übermitteln Daten in Länder, die kein dem Vereinigten Königreich vergleichbares Schutzniveau bieten, "
            "nur mit Standardvertragsklauseln. Wir speichern Daten in Kanada.",
            {"CA"},
        ),
        (
            "en",
            "If you are located in the European Economic Area (“EEA”), Switzerland, or the United Kingdom (“UK”), we "
            "process your personal data only where a lawful basis applies. We store data in Singapore.",
            {"SG"},
        ),
        ("en", "We send data to Japan and similar countries.", {"JP"}),
        ("de", "Wir übermitteln Daten nach Japan, entsprechend den Standardvertragsklauseln.", {"JP"}),
    ],
)
def test_extract_a_benchmark_of_protection_and_where_the_reader_is_are_no_destination(scanner, lang, text, expected):
    """A country a level of protection is compared with ("equivalent to the UK", "dem Vereinigten Königreich
    gleichwertig") and where the reader is ("if you are located in") are not where data goes; a country after
    "similar" or before "entsprechend" still is."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} - {"EEA"} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Quillon stores customer data in the European Union. This is the case for data Quillon transfers to third "
            "party service providers operating outside of the European Union, especially in the United States.",
        ),
        (
            "de",
            "Wir speichern Ihre Daten in der EU. Bei Nutzung der App können Ihre Daten in ein anderes Land übermittelt "
            "werden. Das betrifft Daten an Dienstleister außerhalb der EU, vor allem in den USA.",
        ),
    ],
)
def test_extract_a_country_named_especially_leaves_the_set_open(scanner, lang, text):
    """ "outside the EU, especially in the US" (", vor allem in den USA") names one country of an open set."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} - {"EEA"} == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "People in the EEA may also complain to a supervisory authority in the EEA country where they reside or "
            "work, or where the alleged breach took place.",
        ),
        (
            "de",
            "Betroffene im EWR können sich bei einer Aufsichtsbehörde in dem EWR-Land beschweren, in dem sie wohnen.",
        ),
    ],
)
def test_extract_the_country_where_they_reside_is_no_open_destination(scanner, lang, text):
    """ "the country where they reside" says where people live, not that data goes to unnamed countries."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} - {"EEA"} == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "By using the app, you are sending information to us in the United States and to our service providers "
            "(in the United States and other third countries).",
        ),
        (
            "de",
            "Mit der Nutzung der App übermitteln Sie Daten an uns in den USA und an Dienstleister in den USA und "
            "anderen Drittländern.",
        ),
    ],
)
def test_extract_other_third_countries_beside_a_named_one_are_open(scanner, lang, text):
    """ "the US and other third countries" ("und anderen Drittländern") names the US and leaves the rest open."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} - {"EEA"} == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Our service providers\n\n**Talkbase Inc. (United States)**\n\n"
            "- Service: speech recognition\n- Data shared: voice recordings\n- Safeguards: standard contractual clauses\n\n"
            "**Lagerhaus GmbH (Germany)**\n\n- Service: storage\n- Data shared: all account data",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Unsere Dienstleister\n\n**Talkbase Inc. (USA)**\n\n"
            "- Leistung: Spracherkennung\n- Übermittelte Daten: Sprachaufnahmen\n- Garantien: Standardvertragsklauseln\n\n"
            "**Lagerhaus GmbH (Deutschland)**\n\n- Leistung: Speicherung\n- Übermittelte Daten: alle Kontodaten",
        ),
    ],
)
def test_extract_entry_heading_with_the_seat_in_brackets(scanner, lang, text):
    """A recipient's entry headed by its name and, in brackets, its country, with fields below, is placed there;
    a recipient in the EEA is no destination."""
    report = scanner.scan_text(text, language=lang, format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}
    assert any(r.name == "Talkbase Inc." and r.locations == ("US",) for r in report.recipients)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The analysis of your workouts is carried out by Fitmetrics Pvt Ltd in Pune, India, which receives the "
            "training data of users for this purpose.",
            {"IN"},
        ),
        ("en", "Our help desk is run by Callwise Ltd in Manila, Philippines, whose agents view your tickets.", {"PH"}),
        (
            "de",
            "Die Auswertung erfolgt durch die Fitmetrics Pvt Ltd in Pune (Indien), die dafür die Trainingsdaten der "
            "Nutzer erhält.",
            {"IN"},
        ),
        # The party itself as the subject of the data verb, or its agent.
        ("en", "Voxwell LLC in Austin, United States, receives the recordings for transcription.", {"US"}),
        ("en", "The recordings are received by Voxwell LLC in Austin, United States.", {"US"}),
        ("de", "Die Voxwell LLC in Austin, USA, erhält die Aufnahmen zur Transkription.", {"US"}),
        ("en", "Annotera Ltd, Nairobi, Kenya, reviews a sample of chat transcripts.", {"KE"}),
        ("de", "Die Quillon Translate Pvt Ltd, Pune (Indien), übersetzt Supportanfragen mit Kundendaten.", {"IN"}),
        # Not a company's place: a noun after it, no company before it.
        ("en", "Our office is in Berlin, Germany, and in London, United Kingdom, reviews happen yearly.", set()),
        # A relative clause that says nothing of the data leaves the company's place a seat.
        ("en", "Our logo was designed by Brightmark Inc. in Boston, USA, which was founded in 2001.", set()),
        ("de", "Unser Logo stammt von der Brightmark Inc. in Boston (USA), die 2001 gegründet wurde.", set()),
    ],
)
def test_extract_place_of_a_party_whose_relative_clause_handles_the_data(scanner, lang, text, expected):
    """A party's place counts where a relative clause right after it says the party receives, views or
    processes the data."""
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "rows", "expected"),
    [
        (
            "en",
            "Customer Data is processed in Canada and in the locations used by our sub-processors.",
            "| Sub-processor | Purpose | Location |\n|---|---|---|\n| Cloudnest Inc. | Hosting | United States |",
            {"CA", "US"},
        ),
        (
            "en",
            "Customer Data is processed in Canada and in the locations used by our sub-processors.",
            "| Sub-processor | Purpose |\n|---|---|\n| Cloudnest Inc. | Hosting |",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "de",
            "Die Daten werden in Kanada sowie an den Standorten verarbeitet, die unsere Unterauftragsverarbeiter nutzen.",
            "| Unterauftragsverarbeiter | Zweck | Standort |\n|---|---|---|\n| Cloudnest Inc. | Hosting | USA |",
            {"CA", "US"},
        ),
    ],
)
def test_extract_providers_locations_are_named_by_a_list_that_places_them_all(scanner, lang, text, rows, expected):
    """The places the providers use are left open unless the document's list of sub-processors says where
    every one of them is."""
    heading = "Sub-processors" if lang == "en" else "Unterauftragsverarbeiter"
    doc = f"# DPA\n\n## Transfers\n\n{text}\n\n## {heading}\n\n{rows}\n"
    report = scanner.scan_text(doc, language=lang, format="markdown", doc_type="dpa")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Data Processing Agreement\n\nExample Ltd processes personal data for the Customer.\n\n"
            "## Annex 2: Sub-processors\n\n### Draftly Inc.\n\n- **Location:** USA\n- **Service:** text drafting\n",
        ),
        (
            "de",
            "# Auftragsverarbeitungsvertrag\n\nDie Beispiel GmbH verarbeitet Daten im Auftrag des Kunden.\n\n"
            "## Anlage 2: Unterauftragsverarbeiter\n\n### Draftly Inc.\n\n- **Standort:** USA\n- **Leistung:** Texterstellung\n",
        ),
    ],
)
def test_extract_entries_headed_by_name_in_a_sub_processor_annex_are_the_list(scanner, lang, text):
    """Entries of a sub-processor annex, each headed by a company's name with its fields below, are the list of
    sub-processors: the DPA does not lack one."""
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="dpa")
    assert any(r.name == "Draftly Inc." and r.role == "subprocessor" for r in report.recipients)
    assert "SUBPROCESSOR_LIST_MISSING" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Northby Telecom Ltd, Mary Street 40, Limerick, Ireland, handles personal data of its customers."),
        ("en", "Support data is hosted by Northby Ltd, Lima Road 5, Dublin."),
        ("de", "Die Supportdaten werden von der Beispiel GmbH, Lima Str. 5, Dublin, gespeichert."),
    ],
)
def test_extract_a_place_naming_a_street_is_no_destination(scanner, lang, text):
    """A place name right before "Street", "Road" or "Straße" names a street of an address, not where data goes."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "# Sub-processors\n\n## Acme Cloud Ltd\n\n- Hosting: Dublin, Ireland\n- Backup site: Zurich\n", {"CH"}),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n## Acme Cloud Ltd\n\n- Hosting: Dublin, Irland\n- Ausweichrechenzentrum: Zürich\n",
            {"CH"},
        ),
        (
            "en",
            "# Sub-processors\n\n## Helpline Ltd\n\nLocation: Dublin, Ireland; second-line agents in Cape Town.\n",
            {"ZA"},
        ),
        ("de", "# Unterauftragsverarbeiter\n\n## Helpline Ltd\n\nVerarbeitungsorte: Pune\n", {"IN"}),
    ],
)
def test_extract_a_city_alone_in_a_list_field_or_after_agents(scanner, lang, text, expected):
    """A city without its country is a place where a field names where the data is ("Backup site: Zurich") or people
    at work there ("agents in Cape Town")."""
    report = scanner.scan_text(text, language=lang, format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Calls at night are taken by our second support team, based in Austin, Texas, which accesses your account "
            "details. Tickets are escalated to our Indian affiliate, Example Services Pvt Ltd.",
            {"US", "IN"},
        ),
        (
            "de",
            "Nachts übernimmt die Anrufe unser zweites Support-Team mit Sitz in Austin, Texas, das dabei Ihre "
            "Kontoangaben einsieht. Ungeklärte Anfragen werden an unsere indische Tochter Example Services Pvt Ltd "
            "weitergeleitet.",
            {"US", "IN"},
        ),
    ],
)
def test_extract_a_seated_team_viewing_details_and_escalation_to_a_described_company(scanner, lang, text, expected):
    """A team "based in Austin, Texas, which accesses your account details" handles the data there; a ticket
    "escalated" („weitergeleitet") to a company described by its nationality goes to that country."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Customer Personal Data is stored in Frankfurt, Germany. Carrow will inform Customer in advance if it "
            "intends to process Customer Personal Data outside the European Economic Area in future.",
        ),
        (
            "de",
            "Die Auftraggeberdaten werden in Frankfurt gespeichert. Der Auftragnehmer informiert den Auftraggeber vorab, "
            "falls er beabsichtigt, Auftraggeberdaten künftig außerhalb des Europäischen Wirtschaftsraums zu verarbeiten.",
        ),
    ],
)
def test_extract_a_promise_to_announce_an_intended_transfer_discloses_none(scanner, lang, text):
    """Notice promised for a transfer the vendor may one day intend is no open destination today."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "**Error tracking.** To find and fix bugs, I use Brightlog (Brightlog Software, Inc., USA). Brightlog "
            "receives error reports with your browser details.",
        ),
        (
            "de",
            "**Fehleranalyse.** Um Fehler zu finden, nutze ich Brightlog (Brightlog Software, Inc., USA). Brightlog "
            "erhält Fehlerberichte mit Angaben zu Ihrem Browser.",
        ),
    ],
)
def test_extract_a_company_the_vendor_uses_sits_where_its_bracket_says(scanner, lang, text):
    """ "I use X (X Software, Inc., USA)": the company a (sole-trader) vendor uses receives the data where it sits."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Policy\n\nOur website is hosted in Germany.\n\n## Links to social networks\n\nOnly when you click "
            "such a link does your browser connect to the servers of the network, which are located in the United "
            "States. The network then handles your data under its own responsibility.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\nUnsere Website wird in Deutschland gehostet.\n\n## Links zu sozialen Netzwerken\n\n"
            "Erst wenn Sie einen solchen Link anklicken, baut Ihr Browser eine Verbindung zu den Servern des Netzwerks "
            "auf, die sich in den USA befinden. Das Netzwerk verarbeitet Ihre Daten dann in eigener Verantwortung.",
        ),
    ],
)
def test_extract_a_third_party_site_the_user_follows_a_link_to_is_no_destination(scanner, lang, text):
    """The user clicking through to a social network's servers abroad is no transfer the vendor makes."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "When you click 'Pay', we send your order to Example Payments Inc. in the United States.", {"US"}),
        (
            "de",
            "Wenn Sie auf „Bezahlen“ klicken, übermitteln wir Ihre Bestellung an die Beispiel Payments Inc. in den USA.",
            {"US"},
        ),
    ],
)
def test_extract_a_transfer_the_vendor_makes_after_a_click_stays(scanner, lang, text, expected):
    """The vendor speaking of its own transfer after the user clicks still discloses it."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "## § 3 Drittlandübermittlung\n\nEin Einsatz von Unterauftragsverarbeitern in den USA erfolgt nicht. Daten "
            "werden nur in Deutschland verarbeitet.",
        ),
        (
            "en",
            "## 3. Third-country transfers\n\nRemote access by sub-processors in India is not envisaged. Data is "
            "processed in Germany only.",
        ),
    ],
)
def test_extract_a_denial_that_closes_the_statement_denies_its_place(scanner, lang, text):
    """ "… in den USA erfolgt nicht.": the denial at the end of the statement covers the place before it."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our hosting provider Example Cloud Inc. stores your account data in North America."),
        ("de", "Unser Hosting-Dienstleister speichert Ihre Kontodaten in Nordamerika."),
    ],
)
def test_extract_a_continent_is_an_open_region(scanner, lang, text):
    """North America is several countries (US, CA, MX): the text leaves the destination open."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We maintain pages on social networks. Users' data may be processed outside the European Union there."),
        (
            "de",
            "Wir unterhalten Seiten in sozialen Netzwerken. Dabei können Daten der Nutzer außerhalb des Raumes der "
            "Europäischen Union verarbeitet werden.",
        ),
    ],
)
def test_extract_data_processed_outside_the_eu_whoever_it_belongs_to(scanner, lang, text):
    """ "Daten der Nutzer außerhalb der EU verarbeitet werden": the verb at the end places the data, whatever people
    the words before the place name."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "If you are located outside United States, please note that we transfer the data, including personal "
            "data, to United States and process it there.",
        ),
        (
            "de",
            "Wenn Sie sich außerhalb der USA befinden, beachten Sie, dass wir die Daten, einschließlich "
            "personenbezogener Daten, in die USA übermitteln und dort verarbeiten.",
        ),
    ],
)
def test_extract_including_what_data_does_not_open_the_places(scanner, lang, text):
    """ "the data, including personal data, to the US": "including" lists data, not countries."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Beispiel Beacon Inc. verarbeitet Ihre Nutzer-ID in den USA.", {"US"}),
        ("en", "Example Beacon Inc. processes your user ID in the United States.", {"US"}),
        (
            "de",
            "Die Beispiel Analytics Inc. verarbeitet Nutzungsdaten in den USA und allfälligen weiteren Staaten.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "en",
            "Example Analytics Inc. processes usage data in the United States and any other countries.",
            {"US", "UNSPECIFIED"},
        ),
    ],
)
def test_extract_a_users_id_is_data_and_any_further_states_stay_open(scanner, lang, text, expected):
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "## Ort\n\nDie Verarbeitung erfolgt ausschließlich im EWR."),
        ("en", "## Location\n\nProcessing takes place exclusively in the EEA."),
    ],
)
def test_extract_processing_only_in_the_eea_addresses_transfers(scanner, lang, text):
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert "TRANSFERS_NOT_ADDRESSED" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Your rights\n\nYour right of access includes information on whether your data is transferred to a "
            "third country and on the safeguards for such a transfer.",
        ),
        (
            "de",
            "## Ihre Rechte\n\nSie können Auskunft darüber verlangen, ob Ihre Daten in ein Drittland übermittelt werden "
            "und welche Garantien dafür bestehen.",
        ),
        (
            "en",
            "## Hosting\n\nTranslation requests run on our GPU cluster in a data centre in Keflavík, Iceland, outside "
            "the EU.",
        ),
        ("de", "## Hosting\n\nÜbersetzungen laufen auf unserem Rechenzentrum in Reykjavík, Island, außerhalb der EU."),
    ],
)
def test_extract_asking_whether_data_leaves_or_a_non_eu_eea_country_discloses_no_transfer(scanner, lang, text):
    """ "whether your data is transferred to a third country" asks; Iceland "outside the EU" is still in the EEA."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Hosting\n\nAll data is hosted in Frankfurt. We moved our helpdesk to Finland in 2024, and since then no "
            "booking or support data has been stored outside the EEA.",
        ),
        (
            "de",
            "## Hosting\n\nAlle Daten liegen in Frankfurt. Seit 2024 werden keine Buchungs- oder Supportdaten außerhalb "
            "des EWR gespeichert.",
        ),
        (
            "en",
            "## Processor\n\nExample Europe GmbH, Berlin, a subsidiary of Example Corp. of Boston, United States, "
            "processes Customer Personal Data in its data centres in Germany.",
        ),
        (
            "de",
            "## Auftragsverarbeiter\n\nDie Beispiel GmbH, eine Tochtergesellschaft der Beispiel Corp. aus Boston, USA, "
            "verarbeitet die Daten des Auftraggebers in Rechenzentren in Deutschland.",
        ),
    ],
)
def test_extract_no_data_of_a_longer_kind_and_a_parents_seat_disclose_no_transfer(scanner, lang, text):
    """ "no booking or support data has been stored outside the EEA" denies; "Example Corp. of Boston, United
    States" is where the parent sits, not where the data goes."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Service | Location |\n|---|---|---|\n| Example Hosting GmbH | Hosting "
            "| Germany |\n\n## Changes to this list\n\n- 30 June 2025: Example Testing Pvt Ltd, Pune, India (software "
            "testing) removed.\n- 1 August 2025: Example Mail AB added for e-mail.\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Leistung | Land |\n|---|---|---|\n| Beispiel Hosting GmbH | Hosting "
            "| Deutschland |\n\n## Ausgeschiedene Unterauftragsverarbeiter\n\nDie Beispiel Test Pvt Ltd (Pune, Indien) "
            "war bis 30. April 2025 eingesetzt und wurde durch die Beispiel Hosting GmbH ersetzt.\n",
        ),
    ],
)
def test_extract_a_sub_processor_taken_off_the_list_is_no_destination(scanner, lang, text):
    """A change log's "removed" entry and a section of former sub-processors say where data went, not where it goes."""
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list", format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our content delivery provider Examplecdn Inc. answers each request from the data centre nearest to the "
            "visitor. For these transfers we use the standard contractual clauses.",
        ),
        (
            "de",
            "Unser Content-Delivery-Dienstleister Examplecdn Inc. beantwortet jede Anfrage aus dem nächstgelegenen "
            "Rechenzentrum. Für diese Übermittlungen nutzen wir die Standardvertragsklauseln.",
        ),
    ],
)
def test_extract_the_data_centre_nearest_the_visitor_is_an_open_destination(scanner, lang, text):
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Until 2023 we stored customer data with a provider in the United States. Since January 2024 all data has "
            "been hosted in Frankfurt.",
            set(),
        ),
        (
            "de",
            "Bis Dezember 2023 nutzten wir einen Anbieter, der die Kursdaten in den USA speicherte. Seit Januar 2024 "
            "liegen alle Daten in Frankfurt.",
            set(),
        ),
        ("en", "Until 2027 customer data is stored with a provider in the United States.", {"US"}),
        ("de", "Bis Ende 2027 werden die Kursdaten bei einem Anbieter in den USA gespeichert.", {"US"}),
    ],
)
def test_extract_a_transfer_that_ended_in_a_past_year_is_history(scanner, lang, text, expected):
    """ "Until 2023 we stored ... in the US" tells of a transfer that has ended; "until 2027 ... is stored" of one
    that goes on."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Für den Support in der Nacht können Mitarbeitende der Beispiel Labs Pvt Ltd aus Indien auf Ihre "
            "Kontodaten zugreifen.",
            {"IN"},
        ),
        (
            "en",
            "For night support, staff of Example Labs Pvt Ltd from India may access your account data.",
            {"IN"},
        ),
    ],
)
def test_extract_staff_reaching_the_data_from_a_country_place_it_there(scanner, lang, text, expected):
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Sharing your information involves cross-border transfers to the United States of America and other "
            "jurisdictions that may have different data protection laws.",
        ),
        (
            "de",
            "Die Weitergabe Ihrer Daten umfasst Übermittlungen in die Vereinigten Staaten und andere Rechtsordnungen, "
            "die andere Datenschutzgesetze haben können.",
        ),
    ],
)
def test_extract_other_jurisdictions_leave_the_places_open_as_other_countries_do(scanner, lang, text):
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We ask a parent for consent before a change affects users under 16 (or the lower age a Member State sets by "
            "derogation in its own law), or under 13 in the UK. In some US states, sharing data with advertising "
            "partners may count as a sale.",
        ),
        (
            "de",
            "Bevor eine Änderung Nutzer unter 16 Jahren betrifft (oder unter dem niedrigeren Alter, das ein Mitgliedstaat "
            "abweichend festlegt), oder im Vereinigten Königreich unter 13 Jahren, holen wir die Einwilligung eines "
            "Elternteils ein. In einigen US-Bundesstaaten kann die Weitergabe von Daten an Werbepartner als Verkauf gelten.",
        ),
    ],
)
def test_extract_an_age_of_consent_by_country_and_state_laws_name_no_transfer(scanner, lang, text):
    """A child's age of consent in the UK and the laws of some US states say where rules apply, not where data goes,
    and "by derogation in its own law" is no Art. 49 derogation."""
    report = scan(scanner, text, lang)
    assert report.transfers == () and report.mechanisms == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## 2. Hosting\n\nCustomer Personal Data is hosted in Frankfurt, Germany.\n\n## 8. Integrations\n\nWhen "
            "Customer enables an integration, the Services send the data Customer selects to that provider, which may "
            "process it in the United States. The provider acts under its own agreement with Customer. It is not a "
            "Sub-processor of Example Ltd.",
        ),
        (
            "de",
            "## 2. Hosting\n\nDie Auftraggeberdaten werden in Frankfurt gespeichert.\n\n## 8. Exporte\n\nDer "
            "Auftraggeber kann Exporte an Dienste aktivieren, die Daten in den USA verarbeiten. Solche Exporte veranlasst "
            "der Auftraggeber selbst; die Empfänger handeln im Auftrag des Auftraggebers und nicht als "
            "Unterauftragsverarbeiter des Auftragnehmers.",
        ),
    ],
)
def test_extract_the_customers_own_flows_are_not_the_vendors_transfers(scanner, lang, text):
    """An integration the customer enables, run under the provider's own agreement with the customer and not as a
    sub-processor, sends the customer's data, not the vendor's."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text", "expected", "addressed"),
    [
        (
            "en",
            "## Questions\n\n### Do you send my data to India?\n\nYes, for support. Our contractor reads your tickets.",
            {"IN"},
            True,
        ),
        (
            "de",
            "## Fragen\n\n### Werden meine Daten nach Indien übermittelt?\n\nJa, für den Support. Unser Dienstleister "
            "liest Ihre Anfragen.",
            {"IN"},
            True,
        ),
        ("en", "## Questions\n\n**Do you send my data to India?**\n\nNo. All data stays in Ireland.", set(), True),
        (
            "de",
            "## Fragen\n\n**Werden meine Daten nach Indien übermittelt?**\n\nNein. Alle Daten bleiben in Deutschland.",
            set(),
            True,
        ),
    ],
)
def test_extract_a_question_takes_the_answer_below_it(scanner, lang, text, expected, addressed):
    """A FAQ's question answered "yes" states what it asks, answered "no" denies it; either way the document speaks
    of where data goes."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected
    assert ("TRANSFERS_NOT_ADDRESSED" not in {f.rule_id for f in report.findings}) is addressed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Users can opt to have any location-based notes stored only locally on their devices."),
        ("de", "Nutzer können ortsbezogene Notizen ausschließlich lokal auf ihren Geräten speichern lassen."),
    ],
)
def test_extract_a_regions_word_opening_a_compound_is_no_region(scanner, lang, text):
    """ "any location-based notes" names no region data goes to."""
    assert scan(scanner, text, lang).transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## International transfers\n\nAdequacy decisions: where the European Commission has recognised a third "
            "country as providing an adequate level of protection (e.g., Switzerland, Japan, the UK).",
        ),
        (
            "de",
            "## Internationale Übermittlungen\n\nAngemessenheitsbeschlüsse: wenn die Europäische Kommission einem "
            "Drittland ein angemessenes Schutzniveau bescheinigt hat (z. B. Schweiz, Japan, Vereinigtes Königreich).",
        ),
    ],
)
def test_extract_countries_given_as_examples_of_adequacy_decisions_are_no_destinations(scanner, lang, text):
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert not {t.destination for t in report.transfers} & {"CH", "JP", "GB"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Your account data is stored in Dublin. Diagnostic logs may be processed globally by our monitoring provider.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Ihre Kontodaten speichern wir in Frankfurt. Diagnoseprotokolle werden von unserem Cloud-Anbieter in jeder "
            "Region verarbeitet, in der er Rechenzentren betreibt.",
            {"UNSPECIFIED"},
        ),
        ("en", "Example Desk Pvt Ltd answers your enquiries from its service centre in Chennai, India.", {"IN"}),
        ("de", "Mitarbeitende unseres Supportpartners in Indien sehen Ihre Kontodaten.", {"IN"}),
    ],
)
def test_extract_open_wording_without_worldwide_and_people_who_see_the_data(scanner, lang, text, expected):
    """ "processed globally", „in jeder Region", and staff who answer or see the data where they sit."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Policy\n\nExample AB, located at Lilla Bergs gata 12, 111 22 Stockholm, Sweden, is the privacy "
            "controller.\n\nWe collect your name and email address when you contact us.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\nDie Beispiel ApS mit Sitz in der Vesterbrogade 10, 1620 Kopenhagen, Dänemark, ist "
            "Verantwortliche.\n\nWir erheben Ihren Namen und Ihre E-Mail-Adresse, wenn Sie uns schreiben.",
        ),
    ],
)
def test_extract_a_controllers_street_address_says_nothing_of_where_data_goes(scanner, lang, text):
    """A controller "located at" a street address abroad in Europe is its seat: a policy that says nothing more is
    silent on where data goes."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert "TRANSFERS_NOT_ADDRESSED" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We do not pass your booking data to any tour operator in India."),
        ("en", "None of your data is shared with advertisers in the United States."),
        ("de", "Wir geben Ihre Buchungsdaten an keinen Reiseveranstalter in Indien weiter."),
        ("de", "Keine Ihrer Daten werden an Werbepartner in den USA weitergegeben."),
    ],
)
def test_extract_a_recipient_denied_the_data_is_no_destination(scanner, lang, text):
    """ "do not pass ... to any tour operator in India", "None of your data is shared": the place of a recipient the
    sentence denies the data to is where data does not go."""
    assert not scan(scanner, text, lang).transfers


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We pass your contact details to our call centre in Manila, Philippines.", {"PH"}),
        ("en", "Card payments are processed via Paybridge Inc. in the USA.", {"US"}),
        ("de", "Kartenzahlungen werden über die Paybridge Inc. in den USA abgewickelt und dort verarbeitet.", {"US"}),
        ("de", "Zahlungen verarbeiten wir via Paybridge Inc. in den USA.", {"US"}),
    ],
)
def test_extract_data_passed_on_or_processed_via_a_company(scanner, lang, text, expected):
    """ "pass ... to" sends data; "via" before a company is the route, not an Italian street ("Via Roma 12")."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our hosting provider in the United States stores Customer Data. Under the previous version of this "
            "Agreement, transfers to the United States relied on the EU-U.S. Privacy Shield. Transfers now rely on the "
            "Standard Contractual Clauses.",
        ),
        (
            "de",
            "Unser Hostinganbieter in den USA speichert Kundendaten. Nach der früheren Fassung dieses Vertrags stützten "
            "sich Übermittlungen in die USA auf den EU-US Privacy Shield. Heute beruhen sie auf den "
            "Standardvertragsklauseln.",
        ),
    ],
)
def test_extract_a_tool_of_an_earlier_version_of_the_agreement_is_not_relied_on(scanner, lang, text):
    """The tool an earlier version of the agreement rested on is history; the one in force now is relied on."""
    report = scan(scanner, text, lang, doc_type="dpa")
    assert {t.destination: set(t.mechanisms) for t in report.transfers} == {"US": {"scc"}}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Sub-processors\n\nThe following sub-processors process Customer Data.\n\n## Helpdesk Partner Pvt Ltd\n\n"
            "- Purpose: customer support\n- Country: IN\n\n## Nimbus Hosting Inc.\n\nPurpose: hosting\n\n"
            "Country of processing: Canada\n\n## Statwise Ltd\n\n- Purpose: analytics\n- Support: Germany\n",
            {"Helpdesk Partner Pvt Ltd": ("IN",), "Nimbus Hosting Inc.": ("CA",)},
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\nFolgende Unterauftragsverarbeiter verarbeiten Kundendaten.\n\n"
            "## Beispiel Support GmbH\n\n- Zweck: Kundensupport\n- Land: US\n\n## Wolkenwerk AG\n\n- Zweck: Hosting\n"
            "- Standort: Zürich\n",
            {"Beispiel Support GmbH": ("US",), "Wolkenwerk AG": ("CH",)},
        ),
    ],
)
def test_extract_an_entrys_location_field_places_its_sub_processor(scanner, lang, text, expected):
    """Under a sub-processor's heading, a field whose label a location column would have ("Country: IN", „Land: US")
    places it, an ISO code alone included; "Support: Germany" is no location field."""
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list", format="markdown")
    placed = {r.name: r.locations for r in report.recipients if r.locations}
    assert placed == expected
    assert {t.destination for t in report.transfers} == {c for codes in expected.values() for c in codes}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our hosting partners in the United States and Israel store Customer Data. To the extent that transfers go "
            "to countries which do not offer an adequate level of data protection or which have not been subject to an "
            'Adequacy Decision ("Other Countries"), the terms below apply. For transfers from the UK to other countries '
            "which have not been subject to a relevant adequacy decision, the UK Addendum applies.",
            {"US", "IL"},
        ),
        (
            "en",
            "We transfer personal data outside the European Economic Area in two cases only, and to two countries only: "
            "the United Kingdom and the United States. We will update this policy before we start transferring personal "
            "data to any other country.",
            {"GB", "US"},
        ),
        (
            "en",
            "A respondent may fill in the form from anywhere in the world. Responses are stored with our processor in "
            "the United States.",
            {"US"},
        ),
        (
            "de",
            "Wir übermitteln personenbezogene Daten außerhalb des EWR ausschließlich in zwei Länder: das Vereinigte "
            "Königreich und die USA. Bevor wir beginnen, Daten in ein anderes Land zu übermitteln, passen wir diese "
            "Erklärung an.",
            {"GB", "US"},
        ),
        (
            "de",
            "Teilnehmende können das Formular von überall auf der Welt ausfüllen. Die Antworten speichert unser "
            "Auftragsverarbeiter in den USA.",
            {"US"},
        ),
    ],
)
def test_extract_third_countries_described_or_closed_leave_nothing_open(scanner, lang, text, expected):
    """Open words a third-country phrase qualifies ("other countries which have not been subject to an adequacy
    decision") or that a definition names ('("Other Countries")') are third countries; the countries a colon or
    "only" gives after them are all of them; a transfer the vendor would start one day, and a person acting from
    anywhere, open no set."""
    assert {t.destination for t in scan(scanner, text, lang, "dpa").transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We host all data in the United States. If you access our service from the European Union, Asia or any other "
            "region, your data will be transferred to the United States.",
        ),
        (
            "de",
            "Wir hosten alle Daten in den USA. Wenn Sie unseren Dienst aus der EU, aus Asien oder aus einer anderen Region "
            "nutzen, werden Ihre Daten in die USA übermittelt.",
        ),
    ],
)
def test_extract_the_region_a_user_comes_from_is_no_destination(scanner, lang, text):
    """ "accessing the service from Asia or any other region" is where the user is."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our support partner in Serbia can access tickets. The Processor shall ensure that an adequate level of data "
            "protection is guaranteed for sub-processors located in a third country.",
            set(),
        ),
        (
            "de",
            "Unser Supportpartner in Serbien greift auf Tickets zu. Der Auftragnehmer stellt sicher, dass bei "
            "Unterauftragsverarbeitern mit Sitz in einem Drittland ein angemessenes Datenschutzniveau gewährleistet ist.",
            set(),
        ),
        (
            "en",
            "Our support partner in Serbia can access tickets. When we transfer data outside the EEA, we make sure that "
            "the country of the recipient guarantees an adequate level of protection.",
            {"adequacy"},
        ),
        (
            "en",
            "Our recruiting partner in India reads applications. Where our customers receive candidate data outside the "
            "EEA, our customers are responsible for implementing Standard Contractual Clauses.",
            set(),
        ),
    ],
)
def test_extract_a_level_a_party_promises_and_a_customers_own_clauses_are_no_tool(scanner, lang, text, expected):
    """ "The Processor shall ensure that an adequate level ... is guaranteed" is the processor's promise, no adequacy
    decision; a country that guarantees the level is one; clauses the customers must put in place are theirs."""
    assert set(scan(scanner, text, lang, "dpa").mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# DPA\n\nExample Inc. processes Customer Data in the USA. Transfers rest on the Standard Contractual "
            "Clauses.\n\n## FAQ\n\nIs Example certified under the EU-U.S. Data Privacy Framework?\n\nExample Inc. is "
            "evaluating certification under the EU-U.S. Data Privacy Framework.",
        ),
        (
            "de",
            "# AVV\n\nDie Example Inc. verarbeitet Kundendaten in den USA. Grundlage sind die Standardvertragsklauseln.\n\n"
            "## FAQ\n\nIst Example unter dem EU-US Data Privacy Framework zertifiziert?\n\nDie Example Inc. prüft derzeit "
            "eine Zertifizierung unter dem EU-US Data Privacy Framework.",
        ),
    ],
)
def test_extract_a_tool_asked_about_or_being_evaluated_is_not_relied_on(scanner, lang, text):
    """A question names a tool it does not say is used, unless answered "yes"; a certification being evaluated is
    not in force."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert set(report.mechanisms) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "address", "expected"),
    [
        ("en", "Contact details: privacy@example.io, 1901 Harbor Avenue, Suite 200, Los Angeles, CA 90067", {"US"}),
        ("en", "Address: 12 Calle Luna, San Juan, PR 00901", {"PR"}),
        ("de", "Kontaktdaten: privacy@example.io, 1901 Harbor Avenue, Suite 200, Los Angeles, CA 90067", {"US"}),
    ],
)
def test_extract_a_us_state_and_zip_code_place_the_data_importer(scanner, lang, address, expected):
    """Annex I.A of the SCCs often gives a US importer's address without the country: state and ZIP code say it."""
    head = "### A. List of parties\n\n_Data importer:_\n\nName: Example Analytics Inc.\n\n"
    if lang == "de":
        head = "### A. Liste der Parteien\n\n_Datenimporteur:_\n\nName: Example Analytics Inc.\n\n"
    text = f"# DPA\n\nThe parties agree to the Standard Contractual Clauses.\n\n## Annex I\n\n{head}{address}\n"
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy\n\nWe collect your name and email address. We host your data on GDPR-compliant European servers.",
        ),
        (
            "de",
            "# Datenschutz\n\nWir erheben Ihren Namen. Das Hosting erfolgt auf DSGVO-konformen europäischen Servern.",
        ),
    ],
)
def test_extract_european_servers_say_where_data_is(scanner, lang, text):
    """ "European servers", „europäische Server" place the data in Europe, as "servers in Europe" does: the policy
    addresses where data goes."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert not report.transfers and "TRANSFERS_NOT_ADDRESSED" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy\n\nWe store all data in Frankfurt.\n\n## Social media\n\nProvider: Chirp International Ltd, 1 Harbour "
            "Road, Dublin 2, Ireland; parent company: Chirp Inc., 1355 Market Street, Suite 900, San Francisco, CA 94103, "
            "USA; terms: https://chirp.example/controller-to-controller-transfers.html\n\nApp store: Orchard Inc., One "
            "Orchard Park Way, Cupertino, California, USA, 95014",
        ),
        (
            "de",
            "# Datenschutz\n\nWir speichern alle Daten in Frankfurt.\n\n## Soziale Medien\n\nDienstanbieter: Chirp "
            "International Ltd, 1 Harbour Road, Dublin 2, Irland; Mutterunternehmen: Chirp Inc., 1355 Market Street, Suite "
            "900, San Francisco, CA 94103, USA; Bedingungen: https://chirp.example/controller-to-controller-transfers.html\n\n"
            "App-Store: Orchard Inc., One Orchard Park Way, Cupertino, California, USA, 95014",
        ),
    ],
)
def test_extract_a_postal_address_is_where_a_company_is(scanner, lang, text):
    """A company's postal address (with its ZIP code after the country) places the company, not the data; a web
    address naming "transfers" sends nothing."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert not report.transfers


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Your data is stored outside the country where you live, namely in Canada.", {"CA"}),
        ("de", "Ihre Daten werden außerhalb Ihres Landes gespeichert, und zwar ausschließlich in Kanada.", {"CA"}),
        (
            "en",
            "Your data may be stored outside the country where you live, for example in Canada.",
            {"CA", "UNSPECIFIED"},
        ),
    ],
)
def test_extract_outside_your_country_closed_by_the_countries_named(scanner, lang, text, expected):
    """ "Outside the country where you live" is third-country wording: the countries "namely" gives close it; an
    example leaves it open."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our model provider in the United States processes your texts. It may use its own sub-processors, in whichever "
            "countries those sub-processors operate.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Unser KI-Anbieter in den USA verarbeitet Ihre Texte. Er kann eigene Unterauftragsverarbeiter einsetzen, in "
            "welchen Ländern auch immer diese tätig sind.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "en",
            "We pass your name and address to our delivery partners in the respective destination country, for example in "
            "the United Kingdom or in the United States.",
            {"GB", "US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Wir übermitteln Ihre Adresse an unsere Zustellpartner im jeweiligen Bestimmungsland (zum Beispiel in der "
            "Türkei).",
            {"TR", "UNSPECIFIED"},
        ),
        ("en", "Our engineering teams in Kyiv and Chișinău can access learner accounts.", {"UA", "MD"}),
        ("de", "Unsere Entwicklerteams in Chișinău können auf Kundenkonten zugreifen.", {"MD"}),
    ],
)
def test_extract_wherever_providers_work_and_examples_of_a_destination_country(scanner, lang, text, expected):
    """ "in whichever countries they operate" and „im jeweiligen Bestimmungsland" leave the set open; the countries
    given as its examples are destinations; teams at work in a city (Romanian spelling too) place the data there."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our transcription partner in Israel processes recordings. The European Commission has recognised Israel as "
            "providing an adequate level of protection, and we rely on that decision.",
            {"adequacy"},
        ),
        (
            "en",
            "Our support partner in India processes tickets. For transfers to countries the Commission has not recognised "
            "as providing an adequate level of protection, we use the Standard Contractual Clauses.",
            {"scc"},
        ),
    ],
)
def test_extract_a_country_recognised_as_adequate_with_its_name_between(scanner, lang, text, expected):
    """ "has recognised Israel as providing an adequate level" relies on adequacy; "has not recognised" is the
    negative condition of another tool. (German: „für Israel ein angemessenes Schutzniveau festgestellt", read before.)"""
    assert set(scan(scanner, text, lang).mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We store data in Frankfurt. The service runs on all devices, allowing authorized users access to their "
            "accounts anywhere in the world. Processing by providers seated outside the EU (e.g. the USA) is not envisaged "
            "under the current contract.",
        ),
        (
            "de",
            "Wir speichern Daten in Frankfurt. Eine Verarbeitung über Anbieter mit Sitz außerhalb der EU (z. B. USA) ist im "
            "aktuellen Vertragsstand nicht vorgesehen.",
        ),
    ],
)
def test_extract_users_reaching_their_accounts_and_a_denial_closing_the_sentence(scanner, lang, text):
    """Users reaching their own accounts anywhere are where users are; a transfer "not envisaged", „im aktuellen
    Vertragsstand nicht vorgesehen", is denied, its examples with it."""
    assert not scan(scanner, text, lang).transfers


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Example Inc. in the United States hosts the data. Example Inc. intends to self-certify to the EU-U.S. Data "
            "Privacy Framework during 2026.",
        ),
        (
            "en",
            "Example Inc. in the United States hosts the data. Example has submitted Binding Corporate Rules for "
            "approval; once approved, they will govern these transfers.",
        ),
        (
            "en",
            "Example Inc. in the United States hosts the data. On request we provide a template of the Standard "
            "Contractual Clauses that Customer may use for its own purposes.",
        ),
        (
            "de",
            "Die Example Inc. in den USA hostet die Daten. Auf Wunsch stellen wir eine Mustervorlage der "
            "Standardvertragsklauseln zur Verfügung, die der Kunde für eigene Zwecke verwenden kann.",
        ),
        (
            "de",
            "Die Example Inc. in den USA hostet die Daten. Sollte Example künftig weitere Anbieter in Drittländern "
            "einsetzen, wird sie dann Standardvertragsklauseln abschließen.",
        ),
        (
            "de",
            "Die Example Inc. in den USA hostet die Daten. Verbindliche interne Datenschutzvorschriften haben wir zur "
            "Genehmigung eingereicht; das Genehmigungsverfahren läuft.",
        ),
    ],
)
def test_extract_a_tool_planned_pending_or_offered_as_a_template_is_not_relied_on(scanner, lang, text):
    """A certification intended, BCRs awaiting approval, a template of the clauses for the customer's own use and a tool
    for a sub-processor one may engage in future are no basis of today's transfers."""
    assert scan(scanner, text, lang).mechanisms == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Tallowby Inc. in the United States hosts the data. We rely on the Standard Contractual Clauses and may also "
            "take part in the EU-U.S. Data Privacy Framework once certification is completed.",
        ),
        (
            "en",
            "Tallowby Inc. in the United States hosts the data. We rely on the Standard Contractual Clauses and will add "
            "the EU-U.S. Data Privacy Framework once our certification has been granted.",
        ),
        (
            "de",
            "Die Tallowby Inc. in den USA hostet die Daten. Wir stützen uns auf die Standardvertragsklauseln und werden "
            "zusätzlich das EU-US Data Privacy Framework nutzen, sobald unsere Zertifizierung abgeschlossen ist.",
        ),
    ],
)
def test_extract_a_framework_joined_once_certification_is_completed_is_not_relied_on_yet(scanner, lang, text):
    """Reliance that waits for the vendor's own certification ("once certification is completed", „sobald unsere
    Zertifizierung abgeschlossen ist") is none today; the clauses relied on beside it still are."""
    assert scan(scanner, text, lang).mechanisms == ("scc",)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy\n\nYour data leaves the EEA only in the following, exhaustively listed cases.\n\n- Our payment "
            "provider in Canada processes card data.\n",
            {"CA"},
        ),
        (
            "de",
            "# Datenschutz\n\nIhre Daten verlassen den Europäischen Wirtschaftsraum nur in den folgenden, abschließend "
            "aufgezählten Fällen.\n\n- Unser Zahlungsdienstleister in Kanada verarbeitet Kartendaten.\n",
            {"CA"},
        ),
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Purpose | Location |\n|---|---|---|\n| Wordloom Ltd | Translation of help "
            "articles (contains no personal data) | India |\n| Nimbus Inc. | Hosting | United States |\n",
            {"US"},
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\nWir hosten bei der Nimbus Inc. in den USA. Unser indischer Dienstleister für die "
            "Übersetzung der Hilfeartikel erhält ausschließlich Texte ohne Personenbezug.\n",
            {"US"},
        ),
    ],
)
def test_extract_exhaustive_cases_and_recipients_of_no_personal_data(scanner, lang, text, expected):
    """Generic wording that announces an exhaustive list is closed by it; a recipient of texts without personal data
    is no destination."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# DPA\n\nTransfers to our group companies outside the EEA rest on the Standard Contractual Clauses.\n\n## Change "
            "log\n\n| Date | Change |\n|---|---|\n| 1 Jan 2026 | Clause 6.2 on Binding Corporate Rules added |\n",
        ),
        (
            "de",
            "# AVV\n\nÜbermittlungen an Konzerngesellschaften außerhalb des EWR beruhen auf den Standardvertragsklauseln.\n\n"
            "## Änderungen\n\n| Datum | Änderung |\n|---|---|\n| 01.01.2026 | Abschnitt zu Binding Corporate Rules ergänzt |\n",
        ),
    ],
)
def test_extract_a_tool_a_change_log_names_is_not_relied_on(scanner, lang, text):
    """A row of a change log ("Date | Change") tells of the text, not of a basis."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert set(report.mechanisms) == {"scc"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our evening support team works from Cape Town.", {"ZA"}),
        ("Inference may be routed to our partner GPU cloud in Tokyo.", {"JP"}),
        ("Arabic-language tickets are handled from our Casablanca site.", {"MA"}),
    ],
)
def test_extract_teams_at_work_in_a_city_and_traffic_routed_there(scanner, text, expected):
    """People who work from a city, a cloud or site in a city and requests routed there place the data (English
    wording; German has „Support-Team in", „Sitz in", read before)."""
    assert {t.destination for t in scan(scanner, text, "en").transfers} == expected


def test_extract_a_country_recognised_as_adequate_in_the_passive(scanner):
    """ "Israel is recognised by the European Commission as providing an adequate level" relies on adequacy."""
    text = (
        "Our payment partner in Israel processes refunds. Israel is recognised by the European Commission as providing an "
        "adequate level of protection, and we rely on that decision."
    )
    assert set(scan(scanner, text, "en").mechanisms) == {"adequacy"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our support partner in Canada processes tickets. Overflow tickets may be handled by agents from our global "
            "workforce.",
        ),
        (
            "de",
            "Unser Supportpartner in Kanada verarbeitet Tickets. Überlauf-Tickets können von weltweit tätigen "
            "Mitarbeitenden bearbeitet werden.",
        ),
    ],
)
def test_extract_a_global_workforce_leaves_the_destinations_open(scanner, lang, text):
    """Agents "from our global workforce", „weltweit tätige Mitarbeitende" work wherever the vendor employs them."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == {"CA", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our support partner in India processes tickets. This DPA follows the standard contractual clauses between "
            "controllers and processors under Article 28(7) GDPR (Decision 2021/915).",
            set(),
        ),
        (
            "de",
            "Unser Supportpartner in Indien verarbeitet Tickets. Der Vertrag orientiert sich an den Standardvertragsklauseln "
            "zwischen Verantwortlichen und Auftragsverarbeitern gemäß Art. 28 Abs. 7 DSGVO (Durchführungsbeschluss (EU) "
            "2021/915).",
            set(),
        ),
        (
            "en",
            "Our hosting partner in Ireland stores data for Swiss customers. Transfers from Switzerland to Ireland rely on "
            "the Swiss Federal Council's recognition of Ireland as a country with adequate data protection.",
            set(),
        ),
        (
            "de",
            "Unser Hostingpartner in Irland speichert die Daten Schweizer Kunden. Übermittlungen aus der Schweiz nach Irland "
            "stützen sich darauf, dass der Bundesrat Irland ein angemessenes Datenschutzniveau zuerkannt hat.",
            set(),
        ),
        (
            "en",
            "Our partner in Japan processes orders. We transfer data only to a country that the European Commission has "
            "decided is adequate, or that the UK Secretary of State has decided is adequate.",
            {"adequacy"},
        ),
    ],
)
def test_extract_art_28_7_clauses_and_another_laws_adequacy_are_no_transfer_tool(scanner, lang, text, expected):
    """The Art. 28(7) clauses "between controllers and processors" are no Chapter V tool; adequacy found by the Swiss
    Federal Council („Bundesrat") covers data leaving Switzerland, unless the sentence also names the Commission's."""
    assert set(scan(scanner, text, lang, "dpa").mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy\n\nWe transfer data to a country outside the European Economic Area in two cases:\n\n- Our payment "
            "provider in the United States processes donations.\n",
            {"US"},
        ),
        (
            "de",
            "# Datenschutz\n\nIn zwei Fällen übermitteln wir Daten in ein Land außerhalb des Europäischen "
            "Wirtschaftsraums:\n\n- Unser Zahlungsdienstleister in den USA verarbeitet Spenden.\n",
            {"US"},
        ),
        (
            "en",
            "# DPA\n\nWe shall not transfer Customer Data outside the European Economic Area except as set out in Annex 3.\n\n"
            "Our support centres in Manila and Cape Town answer tickets and can view ticket data.\n",
            {"PH", "ZA"},
        ),
    ],
)
def test_extract_generic_wording_before_the_cases_it_announces(scanner, lang, text, expected):
    """Third-country wording in a lead-in ending in a colon, or referring to where the document sets the cases out,
    is specified there; contact centres in a city place the data."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "## Transfers\n\nOur design studio in Sydney can view your project files.", {"AU"}),
        ("de", "## Übermittlungen\n\nUnser Fertigungspartner in Shenzhen erhält Ihre Lieferdaten.", {"CN"}),
        ("en", "## Transfers\n\nOur chat support is provided from Singapore.", {"SG"}),
        ("de", "## Übermittlungen\n\nUnser Chat-Support wird von Manila aus erbracht.", {"PH"}),
        ("en", "## Hosting\n\nOur infrastructure provider, Cloudhaven Inc. of Denver, hosts the service.", {"US"}),
        ("de", "## Hosting\n\nDie Cloudhafen Corp. aus Denver hostet den Dienst.", {"US"}),
        (
            "en",
            "## About us\n\nWe were founded in Tel Aviv in 2017 and moved all operations to Amsterdam in 2020.",
            set(),
        ),
        (
            "de",
            "## Über uns\n\nWir wurden 2017 in Tel Aviv gegründet und haben den Betrieb 2020 nach Wien verlegt.",
            set(),
        ),
        (
            "en",
            "## Transfers\n\nIf you live in Sydney, the consumer laws of New South Wales may give you further rights.",
            set(),
        ),
        ("de", "## Übermittlungen\n\nWenn Sie in Zürich wohnen, können Sie sich auch an den EDÖB wenden.", set()),
    ],
)
def test_extract_a_city_after_a_preposition_of_place_is_judged_by_its_role(scanner, lang, text, expected):
    """A city after "in", „aus" or a company's "of" is a place as a country is: a studio, partner or service there
    that sees, receives or serves the data places it; a company's history, where a user lives and a complaint route
    do not."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Transfers\n\nThe European Commission has decided that Canada provides adequate protection for personal "
            "data handled by commercial organisations, and we rely on that decision for our transfers.",
        ),
        (
            "de",
            "## Übermittlungen\n\nFür Kanada hat die Kommission die Angemessenheit des Schutzniveaus festgestellt; darauf "
            "stützen wir die Übermittlung an unseren Übersetzungsdienst dort.",
        ),
    ],
)
def test_extract_a_country_inside_adequacy_wording_of_a_transfer_is_its_destination(scanner, lang, text):
    """The country an adequacy finding is about, in a sentence that moves data there, is where the data goes."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert [(t.destination, t.mechanisms) for t in report.transfers] == [("CA", ("adequacy",))]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "## Videos\n\nOur website embeds videos. The operator of the plugin is Clipwave, LLC, 12 Harbor Ave., "
            "San Mateo, CA 94401, USA.",
            {"US"},
        ),
        (
            "de",
            "## Videos\n\nUnsere Website bindet Videos ein. Betreiber der Seiten ist die Clipwave, LLC, 12 Harbor Ave., "
            "San Mateo, CA 94401, USA.",
            {"US"},
        ),
        (
            "en",
            "## Tickets\n\nIf you book an event abroad, your data goes to the organiser in the country where it is "
            "established.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "## Tickets\n\nBei Buchungen im Ausland erhält der Veranstalter Ihre Daten im Land des Veranstalters.",
            {"UNSPECIFIED"},
        ),
    ],
)
def test_extract_an_embedded_services_operator_and_the_recipients_own_country(scanner, lang, text, expected):
    """The operator of an embedded service, named with its foreign address (an address abbreviation ends no
    sentence), receives the data; "the country where it is established", „im Land des Veranstalters" leave the
    destination open."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "## Affiliates\n\nYour information may also be processed outside of the jurisdiction in which it was "
            "collected (e.g. in the United States or Korea).",
            {"US", "KR"},
        ),
        (
            "de",
            "## Chat\n\nDer Chat wird von der Example Messaging FZ-LLC bereitgestellt, einem Unternehmen mit Sitz in "
            "Dubai, das die Nachrichten auf seinen Servern zwischenspeichert und zustellt.",
            {"AE"},
        ),
        (
            "en",
            "## Chat\n\nThe chat is provided by a partner, a company seated in Dubai, which caches and delivers the "
            "messages.",
            {"AE"},
        ),
    ],
)
def test_extract_examples_of_the_country_left_and_a_seated_party_that_caches(scanner, lang, text, expected):
    """Examples after "outside of the jurisdiction in which it was collected" are where data goes, not where it was
    collected; a seated company that caches or delivers the data handles it."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} - {"UNSPECIFIED"} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Clause 18\n\nThe term 'member state' will not exclude data subjects from suing in their place of habitual "
            "residence (Switzerland) under the SCCs.",
        ),
        (
            "de",
            "## Klausel 18\n\nBetroffene können am Ort ihres gewöhnlichen Aufenthalts (Schweiz) nach den "
            "Standardvertragsklauseln klagen.",
        ),
    ],
)
def test_extract_the_data_subjects_residence_in_brackets_is_no_destination(scanner, lang, text):
    """ "their place of habitual residence (Switzerland)" is where data subjects live, not where data goes."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "## Monitoring\n\nPingboard is a monitoring tool of the company Pingboard, Inc., 12 Main St, Austin, TX "
            "78701, USA.",
            {"US"},
        ),
        (
            "de",
            "## Monitoring\n\nPingboard ist ein Monitoringsystem der amerikanischen Firma Pingboard, Inc., 12 Main St, "
            "Austin, TX 78701, USA.",
            {"US"},
        ),
        (
            "en",
            "## Who we are\n\nExample GmbH is a subsidiary of the company Example Holdings, Inc., 12 Main St, Austin, TX "
            "78701, USA. All data is stored in Frankfurt.",
            set(),
        ),
        (
            "de",
            "## Wer wir sind\n\nDie Beispiel GmbH ist eine Tochtergesellschaft der amerikanischen Firma Example Holdings, "
            "Inc., 12 Main St, Austin, TX 78701, USA. Alle Daten werden in Frankfurt gespeichert.",
            set(),
        ),
    ],
)
def test_extract_a_product_of_a_foreign_company_not_a_group_company(scanner, lang, text, expected):
    """A tool named as a foreign company's product is a service the text uses: the company receives the data where it
    sits. A group company named the same way ("a subsidiary of") is not."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Sharing\n\nEven if your country of residence is not the United States, your information will be shared "
            "with Example, Inc., which runs the platform's infrastructure.",
        ),
    ],
)
def test_extract_a_destination_set_apart_from_the_country_of_residence(scanner, lang, text):
    """ "Even if your country of residence is not the United States, your information will be shared with X, Inc.": the
    country named beside the residence is where the data goes."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "## Analytics\n\nWe use Example Inc., a company incorporated under the laws of Delaware, for analytics.",
            {"US"},
        ),
        (
            "de",
            "## Analyse\n\nFür die Analyse nutzen wir den Dienst der Example Inc., eines nach dem Recht des Bundesstaates "
            "Delaware gegründeten Unternehmens.",
            {"US"},
        ),
        (
            "en",
            "## Who we are\n\nAcme Inc., a corporation organized under the laws of Delaware, is the controller.",
            set(),
        ),
        (
            "de",
            "## Wer wir sind\n\nDie Acme Inc., ein nach dem Recht des Staates Delaware gegründetes Unternehmen, ist "
            "Verantwortlicher.",
            set(),
        ),
    ],
)
def test_extract_a_used_service_incorporated_abroad_is_a_recipient_there(scanner, lang, text, expected):
    """A company "incorporated under the laws of Delaware" whose service the text uses receives the data at its seat
    (GUIDELINES.md: "X Inc., a Delaware corporation, processes Customer Data"); the controller's own incorporation is
    no destination."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Tours\n\nWhen you book a tour, we pass your name to the local partners in the country you travel to.",
        ),
        (
            "de",
            "## Reisen\n\nWenn Sie eine Reise buchen, übermitteln wir Ihren Namen an die Partner im jeweiligen Reiseland.",
        ),
    ],
)
def test_extract_the_country_a_traveller_goes_to_is_open(scanner, lang, text):
    """ "the country you travel to", „im jeweiligen Reiseland": wherever the trip goes, a destination left open."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "## Recipients\n\nWe pass your order data on to our shipping partners in Switzerland.", {"CH"}),
        ("de", "## Empfänger\n\nIhre Bestelldaten geben wir an unsere Versandpartner in der Schweiz weiter.", {"CH"}),
        ("de", "## Empfänger\n\nWir leiten Ihre Anfrage an unser Supportteam in Indien weiter.", {"IN"}),
        ("de", "## Empfänger\n\nWir geben Ihre Daten nicht an Dritte außerhalb der EU weiter.", set()),
    ],
)
def test_extract_a_separable_verb_whose_particle_closes_the_clause(scanner, lang, text, expected):
    """ "… geben wir an unsere Versandpartner in der Schweiz weiter": the particle closing the clause makes the verb
    far before it a transfer, as "pass … on to" is in English; denied, it sends nothing."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "## Transfers\n\nWith your consent we send your data to Facebook in the USA (Art. 49(1)(a) GDPR)."),
        (
            "de",
            "## Übermittlungen\n\nMit Ihrer Einwilligung übermitteln wir Ihre Daten an Facebook in die USA (Art. 49 Abs. 1 lit. a DSGVO).",
        ),
        (
            "de",
            "## Newsletter\n\nFür den Newsletter setzen wir den Dienst der Mailwave Inc. mit Sitz in Boston, USA, ein; "
            "Grundlage der Übermittlung sind Standardvertragsklauseln.",
        ),
    ],
)
def test_extract_a_basis_in_brackets_and_a_service_set_to_work(scanner, lang, text):
    """A basis cited in brackets after the country ("in die USA (Art. 49 …)") does not make the country the tool's
    qualifier; a service „eingesetzt" („setzen wir … ein") receives the data at its seat."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Work permits of third-country nationals are stored in our HR system in Frankfurt.", set()),
        (
            "en",
            "A third country national's permit number is processed only to check the right to work in Germany.",
            set(),
        ),
        ("de", "Aufenthaltstitel von Staatsangehörigen aus Nicht-EU-Staaten speichern wir nur in Frankfurt.", set()),
        ("en", "We may transfer personal data to third-country service providers.", {"UNSPECIFIED"}),
        ("en", "Some of our sub-processors are non-EEA companies that may access support tickets.", {"UNSPECIFIED"}),
        ("de", "Wir können personenbezogene Daten an Dienstleister in Nicht-EU-Staaten übermitteln.", {"UNSPECIFIED"}),
        ("en", "Passports of citizens of a third country are checked in Berlin only.", set()),
        ("de", "Aufenthaltstitel von Nicht-EU-Bürgern speichern wir nur in Frankfurt.", set()),
        ("de", "Aufenthaltstitel von Bürgern aus Drittstaaten speichern wir nur in Frankfurt.", set()),
        ("en", "We transfer the data of EU citizens to third countries.", {"UNSPECIFIED"}),
        ("de", "Wir übermitteln Daten von Bürgern an Empfänger in Drittstaaten.", {"UNSPECIFIED"}),
    ],
)
def test_extract_hyphenated_third_country_words_and_nationals(scanner, lang, text, expected):
    """Hyphenated open words ("third-country", "non-EEA") open the destinations like their spaced forms; said of
    nationals or citizens ("third-country nationals", „Bürger aus Drittstaaten") they say whose documents are
    processed, not where data goes."""
    assert {t.destination for t in scan(scanner, text, lang).transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We send order data to New Zealand, recognised by the Commission as adequate.", {"NZ"}),
        ("de", "Bestelldaten übermitteln wir nach Neuseeland, von der Kommission als angemessen anerkannt.", {"NZ"}),
        # A country right before the tool's name still qualifies it.
        ("en", "Transfers to our US host rely on the UK Addendum.", {"US"}),
    ],
)
def test_extract_a_tool_after_a_comma_speaks_of_the_place_before_it(scanner, lang, text, expected):
    """A tool named after a comma says something of the country before it, which stays where the data goes; a
    country right before the tool's name ("UK Addendum") names its law."""
    result = scan(scanner, text, lang)
    assert {t.destination for t in result.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Although some of our processors belong to groups headquartered in the United States, every one of them "
            "stores customer data only in data centres in the European Union.",
        ),
        ("en", "Although founded in Chicago, Quorrel Labs hosts all customer data in Ireland."),
        ("en", "Customer data is hosted in Finland, although our parent company was founded in Toronto."),
        (
            "de",
            "Obwohl einige unserer Dienstleister zu Konzernen mit Sitz in den USA gehören, speichern sie Kundendaten "
            "ausschließlich in Rechenzentren in der EU.",
        ),
        ("de", "Obwohl unsere Firma in Chicago gegründet wurde, werden Kundendaten nur in Frankfurt gehostet."),
    ],
)
def test_extract_a_place_conceded_before_data_kept_in_the_eea_is_no_destination(scanner, lang, text):
    """A clause of concession ("although", „obwohl") tells a fact the rest of the sentence sets aside: where the group
    sits or the company was founded, while the data is kept in the EEA."""
    assert scanner.scan_text(text, language=lang, doc_type="privacy_policy").transfers == ()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Although customer data is stored in the United States, we keep a copy in Ireland.", {"US"}),
        ("en", "Although we keep data in Germany, our support team in India can access it.", {"IN"}),
        ("de", "Obwohl die Kundendaten in den USA gespeichert werden, halten wir eine Kopie in Irland vor.", {"US"}),
    ],
)
def test_extract_a_concession_that_moves_data_still_names_its_place(scanner, lang, text, expected):
    """A conceded clause that stores or sends data says where it goes; a place outside the concession is read as ever."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A third country is any country outside the EEA, for example the United States or India."),
        ("de", "Ein Drittstaat ist jeder Staat außerhalb des EWR, etwa die USA oder Indien."),
        (
            "de",
            "„Drittland“ im Sinne dieser Vereinbarung ist jeder Staat, der nicht Mitglied des Europäischen "
            "Wirtschaftsraums ist, etwa Kanada.",
        ),
    ],
)
def test_extract_a_definition_of_third_country_names_no_destination(scanner, lang, text):
    """Saying what the term means ("is any country outside the EEA") and giving examples sends nothing anywhere."""
    assert scanner.scan_text(text, language=lang, doc_type="dpa").transfers == ()


@pytest.mark.parametrize(
    ("lang", "offices", "data"),
    [
        (
            "en",
            "Our offices are located exclusively in Germany.",
            "Customer data is located exclusively in Germany.",
        ),
        (
            "de",
            "Unsere Büros befinden sich ausschließlich in Deutschland.",
            "Die Kundendaten befinden sich ausschließlich in Deutschland.",
        ),
    ],
)
def test_extract_where_the_offices_are_is_no_commitment_to_keep_data_there(scanner, lang, offices, data):
    """ "located" places whatever the sentence speaks of: the offices, not the data. Said of the data, it commits."""

    def commitments(text):
        report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
        return [m.detail for m in report.mentions if m.kind == "location_commitment"]

    assert commitments(offices) == []
    assert commitments(data) == ["EEA"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Your information is located only in the EU."),
        ("en", "All customer files are located exclusively in the EEA."),
        ("de", "Ihre Informationen befinden sich ausschließlich in der EU."),
        ("de", "Die Datenbanken befinden sich ausschließlich in Deutschland."),
    ],
)
def test_extract_plain_words_for_data_placed_in_the_eea_commit(scanner, lang, text):
    """ "information", "files", „Informationen", „Datenbanken" are the data, as "data" is: placed only in the EEA, they
    are kept there."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert [m.detail for m in report.mentions if m.kind == "location_commitment"] == ["EEA"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "A third country is any country outside the EEA, and we send your records to Brazil.", {"BR"}),
        ("en", "Third country means any state outside the EU; we transfer customer data to India.", {"IN"}),
        (
            "de",
            "Ein Drittstaat ist jeder Staat außerhalb des EWR, und wir übermitteln Ihre Daten nach Brasilien.",
            {"BR"},
        ),
        ("de", "Drittland bezeichnet jeden Staat außerhalb der EU; wir übermitteln Kundendaten nach Indien.", {"IN"}),
    ],
)
def test_extract_a_definition_followed_by_the_vendors_transfer_keeps_it(scanner, lang, text, expected):
    """After the definition, a clause of its own in which "we" transfer names where data goes: the sentence is no mere
    definition."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A third country is any country outside the EEA, where we keep no personal data."),
        ("de", "Ein Drittstaat ist jeder Staat außerhalb des EWR; wir übermitteln keine Daten in solche Staaten."),
    ],
)
def test_extract_a_definition_followed_by_a_denied_transfer_names_nothing(scanner, lang, text):
    """The clause after the definition denies a transfer: nothing goes anywhere."""
    assert scanner.scan_text(text, language=lang, doc_type="privacy_policy").transfers == ()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "## Support\n\nOur helpdesk in Vietnam can access your account.", {"VN"}),
        (
            "en",
            "## Support\n\nTickets go to the service desk of Lumora Ltd in Manila, which may view your account.",
            {"PH"},
        ),
        ("de", "## Support\n\nUnser Helpdesk in Vietnam kann auf Ihr Konto zugreifen.", {"VN"}),
        ("de", "## Support\n\nDer Servicedesk der Lumora GmbH in Manila kann Ihre Kontodaten einsehen.", {"PH"}),
        ("en", "## Support\n\nContact our helpdesk in Singapore; it is open from 9 to 5.", set()),
        (
            "de",
            "## Support\n\nKontaktieren Sie unseren Helpdesk in Singapur; er ist von 9 bis 17 Uhr erreichbar.",
            set(),
        ),
    ],
)
def test_extract_a_helpdesk_at_work_on_the_data(scanner, lang, text, expected):
    """A helpdesk or service desk that sees the reader's account is a party at work where it sits, as a support team
    is; one the reader is only told to contact, or whose opening hours are given, receives nothing."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == expected
