"""Mechanisms: consent to a transfer is a derogation, notice and a customer's instruction are not."""

from __future__ import annotations

import pytest


def mechanisms(scanner, text, lang, doc_type="privacy_policy"):
    return set(scanner.scan_text(text, language=lang, doc_type=doc_type).mechanisms)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "By using the app you consent to the transfer of your information to the United States."),
        ("en", "Our servers are in the United States. By signing up you agree to this transfer."),
        ("en", "By using the service you authorise us to transfer, store and process your data in the United States."),
        ("en", "If you send us content, you are agreeing to it being hosted and read in the United States."),
        ("de", "Wir übermitteln Daten nur dann in Drittländer, wenn Sie in diese Übermittlung einwilligen."),
        ("de", "Mit der Nutzung der App erklären Sie sich mit der Übermittlung Ihrer Daten in die USA einverstanden."),
        # A consent deemed, joined to another act: the party stands several words before it.
        (
            "en",
            "By opening an account you are deemed to acknowledge and freely consent to the storage of your data in the "
            "United States.",
        ),
        (
            "de",
            "Mit der Anmeldung gelten Sie als darüber informiert und erklären sich ausdrücklich und unwiderruflich mit der "
            "Speicherung Ihrer Daten in den USA einverstanden.",
        ),
    ],
)
def test_mechanisms_user_consent_to_a_transfer_is_derogation(scanner, lang, text):
    """The person concerned consenting, agreeing or authorising a transfer is relied on as Art. 49(1)(a)."""
    assert mechanisms(scanner, text, lang) == {"derogation"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Account data is transferred to servers in the United States; you are free to choose whether to agree to "
            "promotional calls.",
        ),
        ("de", "Kontodaten werden in die USA übermittelt; Sie können später im Profil den Werbeanrufen zustimmen."),
    ],
)
def test_mechanisms_a_person_far_before_a_consent_to_something_else_gives_no_derogation(scanner, lang, text):
    """Several words between the person and the consent, with no "and" joining it to another act of theirs, leave
    the consent to what follows it (promotional calls), not to the transfer named before."""
    assert "derogation" not in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "doc_type"),
    [
        ("en", "You acknowledge that your data may be transferred to the United States.", "privacy_policy"),
        (
            "en",
            "You understand that your information may be stored in countries other than your own.",
            "privacy_policy",
        ),
        ("de", "Sie nehmen zur Kenntnis, dass Ihre Daten in die USA übermittelt werden können.", "privacy_policy"),
        ("en", "Customer authorises the Processor to transfer Customer Personal Data to the United States.", "dpa"),
        (
            "en",
            "You agree that the Processor may transfer Customer Data to the United States to provide the Services.",
            "dpa",
        ),
        ("de", "Der Auftraggeber genehmigt die Übermittlung der Daten in die USA.", "dpa"),
        (
            "en",
            "When you consent to Example Costa Rica processing your data, you may withdraw that consent at any time.",
            "privacy_policy",
        ),
        (
            "de",
            "Rechtsgrundlage der Übermittlung in die USA ist Art. 6 Abs. 1 lit. b DSGVO (Vertragserfüllung).",
            "privacy_policy",
        ),
    ],
)
def test_mechanisms_notice_instruction_and_lawful_basis_are_no_derogation(scanner, lang, text, doc_type):
    """Notice that data may move, a customer's authorisation in a DPA and an Art. 6 basis name no transfer tool."""
    assert "derogation" not in mechanisms(scanner, text, lang, doc_type)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## 3. Where we keep your data\n\nYour account is kept on servers in the United States.\n\n## 9. Your "
            "consent\n\nWhen you create an account, you authorise us to move your information to the places described "
            "in section 3.\n",
        ),
        (
            "de",
            "## 3. Wo wir Ihre Daten speichern\n\nIhr Konto wird auf Servern in den USA gespeichert.\n\n## 9. Ihre "
            "Einwilligung\n\nMit der Registrierung willigen Sie ein, dass wir Ihre Daten in die in Abschnitt 3 "
            "genannten Länder übermitteln.\n",
        ),
    ],
)
def test_mechanisms_consent_to_moving_data_to_the_places_named_before_is_derogation(scanner, lang, text):
    """ "You authorise us to move your information to the places described in section 3": consent to the transfers the
    document describes, presented as their basis (Art. 49(1)(a))."""
    assert mechanisms(scanner, text, lang) == {"derogation"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "## How we use your data\n\n- To plan your training (for health data, your explicit consent).\n"
            "- To send newsletters (consent).\n",
            set(),
        ),
        (
            "de",
            "## Wie verwenden wir Ihre Daten?\n\n- Zur Planung Ihres Trainings (für Gesundheitsdaten Ihre ausdrückliche "
            "Einwilligung).\n- Für Newsletter (Einwilligung).\n",
            set(),
        ),
        (
            "en",
            "## Tools we use\n\n- Acme Inc. in the United States (transfer based on your explicit consent).\n",
            {"derogation"},
        ),
    ],
)
def test_mechanisms_purposes_under_a_heading_on_using_data_are_no_transfer_lead_in(scanner, lang, text, expected):
    """ "How we use your data" heads purposes and their Art. 6/9 bases, not the services the vendor uses: explicit consent
    to processing health data under it is no Art. 49(1)(a) derogation."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "For transfers outside the EEA we rely on adequacy decisions, standard contractual clauses or other "
            "recognised tools (for example the EU-U.S. Data Privacy Framework).",
            {"adequacy", "scc", "dpf"},
        ),
        (
            "de",
            "Übermittlungen in Drittländer erfolgen auf Grundlage eines Angemessenheitsbeschlusses (insbesondere des "
            "EU-US Data Privacy Framework) oder auf Grundlage von Standardvertragsklauseln.",
            {"adequacy", "scc", "dpf"},
        ),
        (
            "en",
            "Our US provider is certified under the EU-U.S. Data Privacy Framework, which the Commission found to "
            "offer an adequate level of protection.",
            {"dpf"},
        ),
        (
            "de",
            "Unser US-Dienstleister ist nach dem EU-US Data Privacy Framework zertifiziert "
            "(Angemessenheitsbeschluss der Kommission).",
            {"dpf"},
        ),
    ],
)
def test_mechanisms_a_tool_given_as_an_example_leaves_the_general_one_relied_on(scanner, lang, text, expected):
    """Adequacy stays when the DPF is named as one instance of it, and yields when it only describes the DPF."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "When we move personal data outside the EEA, we use specific contracts approved by the European Commission.",
        ),
        (
            "de",
            "Wenn wir Daten in Drittländer übermitteln, nutzen wir von der Europäischen Kommission genehmigte Verträge.",
        ),
    ],
)
def test_mechanisms_commission_approved_contracts_are_scc(scanner, lang, text):
    """Contracts approved by the Commission are the standard contractual clauses, described without their name."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our processor in the United States is certified under the EU-U.S. Data Privacy Framework. We will not rely "
            "on the Swiss-U.S. Data Privacy Framework or the UK Extension until each enters into force.",
        ),
        (
            "de",
            "Unser Auftragsverarbeiter in den USA ist nach dem EU-US Data Privacy Framework zertifiziert. Auf das "
            "Swiss-U.S. Data Privacy Framework stützen wir uns nicht, bevor es in Kraft tritt.",
        ),
    ],
)
def test_mechanisms_disavowing_a_related_instrument_keeps_the_dpf(scanner, lang, text):
    """Not relying on the Swiss-U.S. DPF or the UK Extension yet does not disavow the EU-U.S. DPF."""
    assert mechanisms(scanner, text, lang) == {"dpf"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Privacy Shield may no longer be used or relied upon for transfers to the United States. More "
            "information is on our Privacy Shield page.",
        ),
        (
            "en",
            "On 16 July 2020 the Court of Justice declared the Privacy Shield invalid; we now rely on other transfer "
            "mechanisms. Under certain conditions of the Privacy Shield Principles you may invoke binding arbitration.",
        ),
        (
            "de",
            "Der Europäische Gerichtshof hat den Privacy Shield für ungültig erklärt. Beschwerden zum Privacy Shield "
            "richten Sie an unsere Datenschutzstelle in den USA.",
        ),
        ("en", "We store data in Japan. Our former Privacy Shield certification is described in the archive."),
        ("de", "Wir speichern Daten in Japan. Der Privacy Shield wurde 2020 gekippt."),
        (
            "de",
            "Wir speichern Daten in Japan. Unsere vormals bestehende Privacy-Shield-Zertifizierung ist im Archiv "
            "beschrieben.",
        ),
    ],
)
def test_mechanisms_a_framework_the_document_says_was_struck_down_is_not_relied_on(scanner, lang, text):
    """A document that says the Privacy Shield is gone, or tells of the judgment, does not present it as current."""
    assert "privacy_shield" not in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "When we transfer data outside the EEA, we make sure that the country of the recipient guarantees an adequate "
            "level of protection, or we sign standard contractual clauses with the recipient.",
            {"adequacy", "scc"},
        ),
        (
            "de",
            "Wir übermitteln Daten nur in Drittländer, die ein angemessenes Datenschutzniveau bieten, oder auf "
            "Grundlage von Standardvertragsklauseln.",
            {"adequacy", "scc"},
        ),
        (
            "en",
            "Where information is transferred outside the EEA or the UK, we require an adequate level of data "
            "protection.",
            set(),
        ),
        ("de", "Bei Übermittlungen außerhalb des EWR verlangen wir ein angemessenes Datenschutzniveau.", set()),
        # The countries named further back, with the Commission's view between them and their level.
        (
            "en",
            "We will only transfer personal data to countries outside the EU/EEA that, according to the EU "
            "Commission, have an adequate level of protection.",
            {"adequacy"},
        ),
        (
            "de",
            "Wir übermitteln personenbezogene Daten nur in Länder außerhalb der EU/des EWR, die nach Auffassung der "
            "EU-Kommission ein angemessenes Schutzniveau haben.",
            {"adequacy"},
        ),
        (
            "en",
            "When we send personal data outside the EEA to countries which have not been recognised by the European "
            "Commission to have laws that provide an adequate level of data protection, we use standard contractual "
            "clauses.",
            {"scc"},
        ),
        (
            "de",
            "Bei Übermittlungen in Drittländer, für die die EU-Kommission kein angemessenes Datenschutzniveau "
            "festgestellt hat, nutzen wir Standardvertragsklauseln.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_adequate_protection_is_adequacy_only_as_a_countrys_level(scanner, lang, text, expected):
    """'An adequate level of protection' relies on adequacy when it is a country's level, not as a bare promise
    nor in the negative condition for other tools."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our US parent is certified under the EU-U.S. Privacy Shield and transfers to it rely on that "
            "certification. We will tell you if we can no longer meet the Privacy Shield principles.",
        ),
        (
            "de",
            "Unsere US-Muttergesellschaft ist unter dem EU-US Privacy Shield zertifiziert, und Übermittlungen an sie "
            "stützen sich darauf. Wir informieren Sie, wenn wir die Grundsätze des Privacy Shield nicht mehr einhalten "
            "können.",
        ),
    ],
)
def test_mechanisms_a_commitment_under_a_framework_is_no_history(scanner, lang, text):
    """'If we can no longer meet the Privacy Shield principles' is a commitment under it, not its end: still relied on."""
    assert "privacy_shield" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Ferncloud Inc. has certified its compliance with the EU-U.S. Privacy Shield Framework. Although the "
            "Privacy Shield is no longer a valid transfer mechanism, we keep following its principles. We transfer "
            "data to the United States under the standard contractual clauses.",
        ),
        (
            "en",
            "Please note: the Privacy Shield has been invalidated by the Court of Justice. We remain self-certified "
            "under the Privacy Shield Framework and send data to the United States under standard contractual clauses.",
        ),
        (
            "de",
            "Die Ferncloud Inc. ist unter dem EU-US Privacy Shield zertifiziert. Obwohl der Privacy Shield nicht mehr "
            "gültig ist, halten wir seine Grundsätze weiter ein. Daten in die USA übermitteln wir auf Grundlage der "
            "Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_invalidated_tool_called_gone_is_relied_on_nowhere(scanner, lang, text):
    """A document that says Privacy Shield is no longer valid does not rely on it, even where it still follows it."""
    assert mechanisms(scanner, text, lang) == {"scc"}


def test_mechanisms_invalidated_tool_still_presented_as_basis_is_relied_on(scanner):
    """Privacy Shield named as the basis, with no word that it is gone, is still relied on."""
    text = "We transfer your data to the United States under the EU-U.S. Privacy Shield Framework."
    assert "privacy_shield" in mechanisms(scanner, text, "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We transfer data to the United States under the EU-U.S. Privacy Shield Framework. We will tell you if we "
            "can no longer meet the level of protection the Privacy Shield principles require.",
        ),
        (
            "de",
            "Wir übermitteln Daten in die USA auf Grundlage des EU-US Privacy Shield. Wir informieren Sie, wenn wir das "
            "Schutzniveau nicht mehr einhalten können, das die Grundsätze des Privacy Shield verlangen.",
        ),
    ],
)
def test_mechanisms_no_longer_about_something_else_leaves_the_tool_relied_on(scanner, lang, text):
    """ "No longer" said of the vendor's obligations, far from the tool, does not call Privacy Shield gone."""
    assert "privacy_shield" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "For transfers abroad we use appropriate safeguards, for example standard contractual clauses.",
            {"example"},
        ),
        (
            "de",
            "Für Übermittlungen ins Ausland nutzen wir geeignete Garantien, z. B. Standardvertragsklauseln.",
            {"example"},
        ),
        ("en", "Our provider is certified under the EU-U.S. Data Privacy Framework, including its UK Extension.", {""}),
        (
            "de",
            "Übermittlungen in Drittländer stützen wir auf geeignete Garantien, insbesondere Standardvertragsklauseln.",
            {""},
        ),
    ],
)
def test_mechanisms_a_tool_named_as_an_example_of_safeguards_is_marked(scanner, lang, text, expected):
    """ "safeguards, for example the SCCs" marks the tool an example (still relied on); "including" and "insbesondere" list what is used."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    tools = [m for m in report.mentions if m.kind == "mechanism"]
    assert tools and all(m.relied_upon for m in tools)
    assert {m.detail for m in tools} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We store data in Japan. For questions about this agreement, the Privacy Shield or other privacy matters, "
            "send an email to privacy@example.com.",
        ),
        (
            "de",
            "Wir speichern Daten in Japan. Bei Fragen zu diesem Vertrag, zum Privacy Shield oder zu anderen "
            "Datenschutzthemen schreiben Sie an privacy@example.com.",
        ),
        (
            "en",
            "We store data in Japan. If you have questions or concerns about the Privacy Shield, write to "
            "privacy@example.com.",
        ),
        (
            "de",
            "Wir speichern Daten in Japan. Bei Fragen oder Anliegen zum Privacy Shield schreiben Sie an privacy@example.com.",
        ),
        (
            "de",
            "Wir speichern Daten in Japan. Für Fragen im Zusammenhang mit dem Privacy Shield schreiben Sie an "
            "privacy@example.com.",
        ),
    ],
)
def test_mechanisms_a_topic_to_ask_about_is_not_relied_on(scanner, lang, text):
    """A tool named among the topics to write in about is no basis: no invalid mechanism, no red rating."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert "privacy_shield" not in report.mechanisms
    assert "INVALID_TRANSFER_MECHANISM" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers to the United States rest on the EU model clauses.", {"scc"}),
        ("de", "Übermittlungen in die USA stützen wir auf die EU-Musterklauseln.", {"scc"}),
        ("en", "Transfers to Canada rest on an adequacy finding of the European Commission.", {"adequacy"}),
        (
            "de",
            "Übermittlungen nach Kanada stützen sich auf eine Angemessenheitsfeststellung der Europäischen Kommission.",
            {"adequacy"},
        ),
        ("en", "We transfer data to Japan, a country the Commission has considered adequate.", {"adequacy"}),
        (
            "de",
            "Wir übermitteln Daten nach Japan, ein Land, das die Kommission als angemessen eingestuft hat.",
            {"adequacy"},
        ),
        (
            "en",
            "We transfer data to Canada, a country that offers adequate protection for personal data.",
            {"adequacy"},
        ),
        (
            "de",
            "Wir übermitteln Daten nach Kanada, ein Land, das angemessenen Schutz für personenbezogene Daten bietet.",
            {"adequacy"},
        ),
        ("en", "Within our group we transfer data to the United States under binding corporate rules.", {"bcr"}),
        (
            "de",
            "Innerhalb unseres Konzerns übermitteln wir Daten in die USA auf Grundlage verbindlicher Unternehmensregeln.",
            {"bcr"},
        ),
        ("en", "Transfers to the United States rely on approved codes of conduct.", {"code_of_conduct"}),
        ("de", "Übermittlungen in die USA stützen sich auf genehmigte Verhaltenskodizes.", {"code_of_conduct"}),
        (
            "en",
            "For the transfer of your booking to the United States we ask for your express consent.",
            {"derogation"},
        ),
        (
            "de",
            "Für die Übermittlung Ihrer Buchung in die USA holen wir Ihre ausdrückliche Zustimmung ein.",
            {"derogation"},
        ),
        (
            "en",
            "We transfer your booking to the hotel in Japan because this is necessary for the performance of a contract "
            "with you.",
            {"derogation"},
        ),
        (
            "de",
            "Wir übermitteln Ihre Buchung an das Hotel in Japan, da dies für den Abschluss oder die Erfüllung des "
            "Vertrags mit Ihnen erforderlich ist.",
            {"derogation"},
        ),
    ],
)
def test_mechanisms_each_tool_in_its_usual_wording_in_both_languages(scanner, lang, text, expected):
    """A tool named the way English and German texts commonly name it is found in either language."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our sub-processors are in Germany. The purpose of these standard contractual clauses is to ensure "
            "compliance with Article 28(3) and (4) of Regulation (EU) 2016/679.",
        ),
        (
            "en",
            "The parties have signed the standard contractual clauses pursuant to Article 28(7) GDPR as their "
            "processing agreement.",
        ),
        (
            "de",
            "Mit diesen Standardvertragsklauseln (im Folgenden „Klauseln“) soll die Einhaltung von Artikel 28 "
            "Absätze 3 und 4 der Verordnung (EU) 2016/679 sichergestellt werden.",
        ),
        (
            "de",
            "Die Parteien schließen die Standardvertragsklauseln nach Art. 28 Abs. 7 DSGVO als Auftragsverarbeitungsvertrag.",
        ),
    ],
)
def test_mechanisms_controller_processor_clauses_are_no_transfer_tool(scanner, lang, text):
    """Standard clauses under Art. 28(7) GDPR are the processing contract, not the SCCs of Art. 46(2)(c)."""
    assert "scc" not in mechanisms(scanner, text, lang, "dpa")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Where a sub-processor's work involves a transfer under Chapter V, the processor and the sub-processor "
            "can ensure compliance with Chapter V by using standard contractual clauses, provided the conditions "
            "for the use of those standard contractual clauses are met.",
        ),
        (
            "de",
            "Umfasst die Tätigkeit eines Unterauftragsverarbeiters eine Übermittlung nach Kapitel V, können die "
            "Parteien Standardvertragsklauseln verwenden, sofern die Voraussetzungen für die Anwendung dieser "
            "Standardvertragsklauseln erfüllt sind.",
        ),
    ],
)
def test_mechanisms_a_tool_offered_on_the_conditions_of_its_own_use_is_not_relied_on(scanner, lang, text):
    """A tool the parties may use once its own conditions are met names an option, not a basis."""
    assert "scc" not in mechanisms(scanner, text, lang, "dpa")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Transfers to our US sub-processors rest on the standard contractual clauses. This DPA meets "
            "Article 28(3) GDPR.",
        ),
        (
            "en",
            "Transfers to the United States rest on the standard contractual clauses (Decision 2021/914), and this "
            "agreement sets out the terms that Article 28 of the GDPR requires.",
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln; dieser Vertrag erfüllt "
            "Art. 28 Abs. 3 DSGVO.",
        ),
        (
            "en",
            "Transfers to the United States rest on the standard contractual clauses and the processing terms of "
            "Article 28(3) and (4) GDPR.",
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln und der Vereinbarung nach "
            "Art. 28 Abs. 3 und 4 DSGVO.",
        ),
    ],
)
def test_mechanisms_transfer_clauses_beside_an_art28_contract_are_relied_on(scanner, lang, text):
    """Transfer SCCs named beside the DPA's own Art. 28 terms stay the transfer tool."""
    assert "scc" in mechanisms(scanner, text, lang, "dpa")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our host is in Germany. Please note that, according to the CJEU, transfers to the US are adequate only "
            "if the recipient takes part in the EU-U.S. Data Privacy Framework.",
        ),
        (
            "de",
            "Unser Hoster sitzt in Deutschland. Wir weisen darauf hin, dass nach Auffassung des EuGH ein angemessenes "
            "Schutzniveau für Übermittlungen in die USA nur besteht, wenn der Empfänger am EU-US Data Privacy "
            "Framework teilnimmt.",
        ),
    ],
)
def test_mechanisms_the_courts_view_of_the_law_is_no_reliance(scanner, lang, text):
    """A tool named in the court's view of the law, reported as such, is not the vendor's basis."""
    assert "dpf" not in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "After the CJEU's ruling we transfer data to the US under the EU-U.S. Data Privacy Framework."),
        (
            "de",
            "Nach dem Urteil des EuGH übermitteln wir Daten in die USA auf Grundlage des EU-US Data Privacy Framework.",
        ),
    ],
)
def test_mechanisms_a_tool_relied_on_after_a_ruling_stays_relied_on(scanner, lang, text):
    """Naming a ruling is not reporting the court's view: the tool the vendor uses is still relied on."""
    assert "dpf" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "According to the CJEU, the Privacy Shield is invalid; we therefore transfer data to the United States "
            "under the standard contractual clauses.",
        ),
        (
            "de",
            "Nach Auffassung des EuGH ist das Privacy Shield ungültig, daher übermitteln wir Daten in die USA auf "
            "Grundlage der Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_a_tool_the_vendor_names_after_the_courts_view_is_relied_on(scanner, lang, text):
    """Once the vendor speaks for itself after reporting the court's view, the tool it names is its basis."""
    assert "scc" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "tool"),
    [
        ("en", "We transfer data to the United States on the basis of Article 46(2)(c) GDPR.", "scc"),
        ("de", "Die Übermittlung in die USA erfolgt auf Grundlage von Art. 46 Abs. 2 lit. c DSGVO.", "scc"),
        ("en", "Transfers to our group companies in India rely on Article 47 GDPR.", "bcr"),
        ("de", "Übermittlungen an Konzerngesellschaften in Indien stützen sich auf Art. 47 DSGVO.", "bcr"),
        ("en", "We transfer data to the United States under the International Data Transfer Agreement.", "scc"),
        (
            "en",
            "We transfer data to Canada, which the European Commission has found to provide adequate protection.",
            "adequacy",
        ),
        (
            "de",
            "Wir übermitteln Daten nach Kanada, für das die EU-Kommission ein angemessenes Schutzniveau festgestellt hat.",
            "adequacy",
        ),
    ],
)
def test_mechanisms_a_tool_named_by_its_article_or_a_countrys_adequacy_finding(scanner, lang, text, tool):
    """Art. 46(2)(c) is the standard clauses, Art. 47 the BCRs, and a country the Commission found adequate rests
    on adequacy."""
    assert tool in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Where information is transferred outside the EEA or the UK, we require an adequate level of protection.",
        ),
        (
            "de",
            "Werden Daten außerhalb des EWR oder der Schweiz verarbeitet, verlangen wir ein angemessenes Schutzniveau.",
        ),
        ("en", "Article 47 of our terms of service limits our liability."),
    ],
)
def test_mechanisms_a_level_required_or_an_article_out_of_context_names_no_tool(scanner, lang, text):
    """Requiring an adequate level for data leaving named places is a promise, not adequacy; an "Article 47"
    outside a transfer sentence is no BCR."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Your data will not be transferred to third countries without safeguards such as the SCCs."),
        (
            "de",
            "Ihre Daten werden nicht ohne geeignete Garantien wie die Standardvertragsklauseln in Drittländer übermittelt.",
        ),
    ],
)
def test_mechanisms_a_tool_after_not_without_is_relied_on(scanner, lang, text):
    """ "Not ... without the SCCs" cancels out: the transfers rest on the SCCs."""
    assert "scc" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Where your data is transferred outside the EEA to a country which is not subject to an adequacy decision "
            "or considered adequate under applicable law, we protect it by the Standard Contractual Clauses.",
            {"scc"},
        ),
        (
            "de",
            "Werden Ihre Daten aus dem EWR in ein Land übermittelt, das keinem Angemessenheitsbeschluss unterliegt "
            "oder als angemessen anerkannt ist, schließen wir Standardvertragsklauseln ab.",
            {"scc"},
        ),
        (
            "en",
            "We transfer data to countries that are not subject to an adequacy decision under the SCCs, and to Japan "
            "under its adequacy decision.",
            {"scc", "adequacy"},
        ),
    ],
)
def test_mechanisms_a_negation_carries_over_the_same_tool_named_again_after_or(scanner, lang, text, expected):
    """ "not subject to an adequacy decision or considered adequate" relies on neither; a tool named again after
    "and" for a country of its own is relied on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "If your receipt of personal data is a transfer to the United States, then you and Acme hereby agree that "
            "the Standard Contractual Clauses are incorporated into these Terms.",
        ),
        (
            "de",
            "Für Übermittlungen in die USA stimmen Sie und die Beispiel GmbH der Geltung der Standardvertragsklauseln zu.",
        ),
    ],
)
def test_mechanisms_the_parties_agreeing_with_each_other_is_no_consent(scanner, lang, text):
    """ "You and Acme agree" is a term between the contract's parties, not consent of the person concerned."""
    assert mechanisms(scanner, text, lang, doc_type="other") == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We transfer personal data to the United States under the EU SCCs. Clause 13(a) and Part C of Annex II "
            "of the EU SCCs are not used.",
        ),
        (
            "de",
            "Wir übermitteln Daten in die USA auf Grundlage der Standardvertragsklauseln. Klausel 7 der "
            "Standardvertragsklauseln wird nicht verwendet.",
        ),
    ],
)
def test_mechanisms_a_part_of_a_tool_left_out_does_not_disavow_it(scanner, lang, text):
    """ "Clause 13(a) of the EU SCCs is not used" leaves the SCCs relied on; only the tool itself can be disavowed."""
    assert mechanisms(scanner, text, lang, doc_type="dpa") == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A level of data protection comparable to the EU is achieved for the US through EU standard contracts."),
        ("en", "Transfers to the United States take place under the EU Model Contracts."),
        ("de", "Für Übermittlungen in die USA schließen wir EU-Standardverträge ab."),
    ],
)
def test_mechanisms_standard_and_model_contracts_are_scc(scanner, lang, text):
    """ "EU standard contracts" and "Model Contracts" are older names of the standard contractual clauses."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy notice\n\nOur affiliates outside the EEA may receive personal information. In all such cases, "
            "the transfer will be:\n\n* on the basis of a European Commission adequacy decision;\n* subject to "
            "appropriate safeguards, for example the EU Model Contracts; or\n* necessary to discharge obligations "
            "under a contract between you and us.\n",
            {"adequacy", "scc", "derogation"},
        ),
        (
            "de",
            "# Datenschutzhinweis\n\nUnsere Konzerngesellschaften außerhalb des EWR können Daten erhalten. Die "
            "Übermittlung erfolgt in jedem Fall:\n\n* auf Grundlage eines Angemessenheitsbeschlusses der "
            "Europäischen Kommission;\n* vorbehaltlich geeigneter Garantien wie der Standardvertragsklauseln; oder\n"
            "* zur Erfüllung des Vertrags mit Ihnen erforderlich.\n",
            {"adequacy", "scc", "derogation"},
        ),
        (
            "en",
            "# Privacy notice\n\nWe may process your data based on the following legal grounds:\n\n* processing is "
            "required by law;\n* your explicit consent.\n",
            set(),
        ),
        (
            "de",
            "# Datenschutzhinweis\n\nWir verarbeiten Ihre Daten auf folgenden Rechtsgrundlagen:\n\n* gesetzliche "
            "Pflichten;\n* Ihre ausdrückliche Einwilligung.\n",
            set(),
        ),
    ],
)
def test_mechanisms_a_list_led_in_by_a_transfer_sentence_is_about_transfers(scanner, lang, text, expected):
    """The items of a list whose lead-in speaks of the transfer ("the transfer will be:") name its tools; a
    list of legal grounds for processing names none."""
    doc = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert set(doc.mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "If the country is not considered to have laws that are equivalent to EU data protection standards or "
            "deemed adequate by the European Commission, we use the Standard Contractual Clauses for transfers to India.",
        ),
        (
            "de",
            "Wenn das Land nicht als Land mit einem der EU gleichwertigen Datenschutzniveau gilt oder von der Kommission "
            "als angemessen anerkannt ist, setzen wir für Übermittlungen nach Indien Standardvertragsklauseln ein.",
        ),
        (
            "en",
            "For transfers to India we use the Standard Contractual Clauses (see the list of adequacy decisions).",
        ),
        (
            "de",
            "Für Übermittlungen nach Indien nutzen wir Standardvertragsklauseln (siehe die Liste der "
            "Angemessenheitsbeschlüsse der Kommission).",
        ),
    ],
)
def test_mechanisms_negated_or_listed_adequacy_is_not_relied_on(scanner, lang, text):
    """ "not ... or deemed adequate" is the negative condition; a pointer to the list of decisions relies on none."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Please contact us with any questions or comments about this notice, the transfer of your data from the "
            "EEA to the U.S., or your consent choices by email.",
        ),
        ("de", "Bei Fragen zur Übermittlung Ihrer Daten in die USA oder zu Ihrer Einwilligung schreiben Sie uns."),
    ],
)
def test_mechanisms_consent_as_a_topic_to_write_about_is_no_derogation(scanner, lang, text):
    """ "Questions about ... your consent choices" names what to ask about, not consent to the transfer."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "In certain cases, we transfer your data outside the EEA because it is necessary to conclude or perform the "
            "contract we have with you.",
        ),
        (
            "de",
            "In bestimmten Fällen übermitteln wir Ihre Daten außerhalb des EWR, weil dies zur Erfüllung des Vertrags mit "
            "Ihnen erforderlich ist.",
        ),
    ],
)
def test_mechanisms_a_transfer_necessary_for_the_contract_is_a_derogation(scanner, lang, text):
    """Art. 49(1)(b): a transfer said to be necessary to conclude or perform the contract with the person."""
    assert mechanisms(scanner, text, lang) == {"derogation"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers to non-EEA countries without an adequacy decision rely on the SCCs.", {"scc"}),
        (
            "de",
            "Übermittlungen in Nicht-EU-Staaten ohne Angemessenheitsbeschluss erfolgen auf Grundlage der "
            "Standardvertragsklauseln.",
            {"scc"},
        ),
        (
            "en",
            "We transfer data to non-EEA countries that the Commission has recognised as adequate on the basis of its "
            "adequacy decisions.",
            {"adequacy"},
        ),
        (
            "de",
            "Übermittlungen in Nicht-EU-Staaten, die von der Kommission als angemessen anerkannt sind, stützen wir auf "
            "den Angemessenheitsbeschluss.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_non_eea_names_the_countries_and_negates_nothing(scanner, lang, text, expected):
    """ "non-EEA countries" neither negates a tool nor cancels the "without" of the negative condition."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We transfer data to the US under the SCCs. We cannot oppose a foreign authority's request if it complies "
            "with an international agreement (art. 48 of the GDPR) or with one of the exemptions of art. 49 of the GDPR.",
        ),
        (
            "de",
            "Wir übermitteln Daten auf Grundlage der Standardvertragsklauseln in die USA. Einem Ersuchen einer "
            "ausländischen Behörde geben wir nur statt, wenn es Art. 48 DSGVO oder einer Ausnahme nach Art. 49 DSGVO "
            "entspricht.",
        ),
    ],
)
def test_mechanisms_art49_as_the_test_of_a_foreign_request_is_no_derogation(scanner, lang, text):
    """Art. 49 named beside Art. 48 (a foreign authority's request) is the test that request must pass."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We only transfer personal information to a non-EEA recipient where: (i) the recipient is located in a "
            "country that the European Commission has decided is adequate; or (ii) the recipient has signed the "
            "Standard Contractual Clauses.",
        ),
        (
            "de",
            "Wir übermitteln Daten nur an Empfänger außerhalb des EWR, wenn: (i) der Empfänger in einem Land ansässig "
            "ist, für das die Kommission entschieden hat, dass es angemessen ist; oder (ii) der Empfänger die "
            "Standardvertragsklauseln unterzeichnet hat.",
        ),
    ],
)
def test_mechanisms_a_country_the_commission_has_decided_is_adequate(scanner, lang, text):
    """ "a country that the Commission has decided is adequate" relies on an adequacy decision."""
    assert mechanisms(scanner, text, lang) == {"adequacy", "scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Acme Inc. is certified under the EU-US Privacy Shield. We no longer rely on the Privacy Shield; transfers "
            "to the United States rely on the Standard Contractual Clauses.",
        ),
        (
            "de",
            "Die Acme Inc. ist unter dem EU-US Privacy Shield zertifiziert. Seit dem Urteil stützen wir uns nicht mehr "
            "auf den Privacy Shield; Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_a_disavowal_with_the_verb_first_disowns_the_tool(scanner, lang, text):
    """ "stützen wir uns nicht mehr auf den Privacy Shield" disowns it like "we no longer rely on" does."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "If we transfer your data outside the EEA to a country without an adequacy decision, we use the Standard "
            "Contractual Clauses or obtain your consent.",
        ),
        (
            "de",
            "Übermitteln wir Ihre Daten außerhalb des EWR in ein Land ohne Angemessenheitsbeschluss, nutzen wir die "
            "Standardvertragsklauseln oder Ihre Einwilligung.",
        ),
    ],
)
def test_mechanisms_consent_offered_beside_a_tool_is_derogation(scanner, lang, text):
    """Consent joined to a named tool by "or" is another basis for the same transfer, however far the
    sentence's transfer words stand from it."""
    assert mechanisms(scanner, text, lang) == {"scc", "derogation"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Transfers to the US rest on the Standard Contractual Clauses or on the Data Privacy Framework; questions "
            "about your consent go to our data protection officer.",
        ),
        (
            "de",
            "Übermittlungen in die USA stützen sich auf die Standardvertragsklauseln oder den Data Privacy Framework; "
            "Fragen zu Ihrer Einwilligung beantwortet unser Datenschutzbeauftragter.",
        ),
    ],
)
def test_mechanisms_consent_after_a_second_tool_is_not_joined_to_it(scanner, lang, text):
    """Only consent right after "or" and a tool joins it: consent named later in the sentence is another topic."""
    assert mechanisms(scanner, text, lang) == {"scc", "dpf"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We may share data with our processors. Such transfer will be based on an adequacy decision by the "
            "European Commission or on standard contractual clauses.",
        ),
        (
            "de",
            "Wir können Daten an unsere Auftragsverarbeiter weitergeben. Diese Übermittlung beruht auf einem "
            "Angemessenheitsbeschluss der EU-Kommission oder auf Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_a_tool_for_such_transfer_is_read(scanner, lang, text):
    """A sentence about "such transfer" speaks of the transfer before it: adequacy named there is relied on."""
    assert mechanisms(scanner, text, lang) == {"adequacy", "scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We store your data in Canada, a country declared adequate by the European Commission."),
        ("de", "Wir speichern Ihre Daten in Kanada, das die Europäische Kommission für angemessen erklärt hat."),
    ],
)
def test_mechanisms_a_country_declared_adequate_is_adequacy(scanner, lang, text):
    """ "Declared adequate by the Commission" relies on an adequacy decision as "recognised as adequate" does."""
    assert mechanisms(scanner, text, lang) == {"adequacy"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We transfer your data to servers in Japan, as this is necessary for the performance of our contract."),
        (
            "en",
            "Your data will be transferred to partners in Japan, because this is necessary to provide the service to you.",
        ),
        (
            "de",
            "Wir übermitteln Ihre Daten an Server in Japan, da dies erforderlich ist, um Ihnen den Dienst bereitzustellen.",
        ),
        (
            "de",
            "Wir übermitteln Ihre Daten nach Japan, soweit dies zur Erfüllung des Vertrags mit Ihnen erforderlich ist.",
        ),
    ],
)
def test_mechanisms_a_transfer_necessary_for_the_contract_is_derogation(scanner, lang, text):
    """A transfer said to be necessary to perform the contract or provide the service rests on Art. 49(1)(b)."""
    assert mechanisms(scanner, text, lang) == {"derogation"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Your data is stored in Japan under standard contractual clauses. Your rights may be subject to certain "
            "exemptions or derogations under applicable law.",
        ),
        (
            "de",
            "Ihre Daten werden in Japan auf Grundlage von Standardvertragsklauseln gespeichert. Für Ihre Rechte "
            "können gesetzliche Ausnahmetatbestände gelten.",
        ),
    ],
)
def test_mechanisms_derogations_from_rights_are_no_transfer_basis(scanner, lang, text):
    """ "Derogations" limiting data subjects' rights name no Art. 49 derogation: only the SCCs are relied on."""
    assert mechanisms(scanner, text, lang) == {"scc"}


def flags(scanner, text, lang, doc_type="privacy_policy"):
    return {f.rule_id for f in scanner.scan_text(text, language=lang, doc_type=doc_type).findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Although the CJEU declared the Privacy Shield invalid in 2020, we continue to transfer data to the "
            "United States in reliance on the Privacy Shield and have also concluded standard contractual clauses.",
        ),
        (
            "de",
            "Die Übermittlung in die USA stützen wir weiterhin auf den Privacy Shield, auch wenn der EuGH diesen 2020 "
            "für ungültig erklärt hat; ergänzend haben wir Standardvertragsklauseln abgeschlossen.",
        ),
        (
            "en",
            "Transfers to the United States rely on the Privacy Shield, which replaced the former Safe Harbor "
            "arrangement, and on standard contractual clauses.",
        ),
        (
            "de",
            "Übermittlungen in die USA stützen wir auf den Privacy Shield, der die frühere Safe-Harbor-Regelung "
            "abgelöst hat, und auf Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_reliance_on_the_privacy_shield_despite_its_history(scanner, lang, text):
    """A concession ("although it was invalidated, we continue to rely on it") grants the history and relies on the
    tool; history said of another tool ("which replaced the former Safe Harbor") is that tool's."""
    assert "privacy_shield" in mechanisms(scanner, text, lang)
    assert "INVALID_TRANSFER_MECHANISM" in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "tool"),
    [
        (
            "en",
            "Transfers to the United States are covered by the Commission's adequacy decision for the United States "
            "(Implementing Decision (EU) 2016/1250).",
            "privacy_shield",
        ),
        (
            "de",
            "Die Übermittlung in die USA erfolgt nach den Grundsätzen des „sicheren Hafens“ gemäß der Entscheidung "
            "2000/520/EG.",
            "safe_harbor",
        ),
    ],
)
def test_mechanisms_an_invalidated_framework_by_its_decision(scanner, lang, text, tool):
    """An invalidated framework cited by its decision's number or its German name is that framework, not a
    valid adequacy decision."""
    assert mechanisms(scanner, text, lang) == {tool}
    assert "INVALID_TRANSFER_MECHANISM" in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We transfer data to Serbia. Serbia is considered adequate by us after a careful review of its law."),
        (
            "en",
            "We transfer data only to countries that our data protection team has found to provide an adequate level "
            "of protection, such as Serbia.",
        ),
        (
            "de",
            "Wir übermitteln Daten nach Serbien. Serbien wird von uns nach eingehender Prüfung der Rechtslage als "
            "sicherer Drittstaat eingestuft.",
        ),
    ],
)
def test_mechanisms_adequacy_judged_by_the_vendor_is_no_tool(scanner, lang, text):
    """Adequacy is the Commission's act: the vendor's own judgement names no tool, so no mechanism is named."""
    assert mechanisms(scanner, text, lang) == set()
    assert "TRANSFER_MECHANISM_UNSPECIFIED" in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We process data in Japan. By using our games you accept this Privacy Policy and consent to the "
            "processing and transfer of your information as described in it.",
            {"derogation"},
        ),
        (
            "de",
            "Wir verarbeiten Daten in Japan. Mit der Nutzung unserer Spiele stimmen Sie der Verarbeitung und "
            "Übermittlung Ihrer Daten wie in dieser Datenschutzerklärung beschrieben zu.",
            {"derogation"},
        ),
        (
            "en",
            "We process data in Japan. By using our games you consent to the processing of your information as "
            "described in this policy.",
            set(),
        ),
    ],
)
def test_mechanisms_consent_to_the_transfers_a_policy_describes(scanner, lang, text, expected):
    """Consent to "the transfer of your information as described in this policy" is consent to its transfers, even
    after accepting the policy itself; consent to processing alone is not."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We send data outside the EU. Such transfers go to a country that is deemed to provide a sufficient level "
            "of protection by the European Commission.",
        ),
        (
            "de",
            "Wir übermitteln Ihre Daten in die Schweiz, deren Schutzniveau die Europäische Kommission als ausreichend "
            "eingestuft hat.",
        ),
    ],
)
def test_mechanisms_a_level_the_commission_deems_sufficient_is_adequacy(scanner, lang, text):
    """A country the Commission deems to provide a "sufficient" level ("als ausreichend eingestuft") is adequacy."""
    assert mechanisms(scanner, text, lang) == {"adequacy"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We send data outside the EU and require our providers to ensure a sufficient level of protection."),
        (
            "de",
            "Wir übermitteln Daten außerhalb der EU und verlangen von Dienstleistern ein ausreichendes Schutzniveau.",
        ),
    ],
)
def test_mechanisms_a_sufficient_level_the_vendor_requires_is_no_tool(scanner, lang, text):
    """A level of protection the vendor asks of its providers names no tool."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Sub-processors process data only in Japan, a country the European Union has declared to have an "
            '"adequate" level of protection.',
        ),
        (
            "de",
            "Unterauftragsverarbeiter verarbeiten Daten nur in Japan, das die EU-Kommission für angemessen erklärt hat.",
        ),
    ],
)
def test_mechanisms_a_country_declared_to_have_an_adequate_level(scanner, lang, text):
    """ "Declared to have an 'adequate' level" relies on the Commission's adequacy decision."""
    assert mechanisms(scanner, text, lang, doc_type="dpa") == {"adequacy"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Data is stored in India in accordance with Article 45 et seq. GDPR."),
        ("de", "Die Daten werden nach Maßgabe der Art. 45 ff. DSGVO in Indien gespeichert."),
        ("en", "Data is stored in India under our own standard contract for service providers."),
        ("de", "Die Daten werden in Indien auf Grundlage unseres konzernweiten Datenschutzrahmens gespeichert."),
    ],
)
def test_mechanisms_chapter_citations_and_own_terms_name_no_tool(scanner, lang, text):
    """ "Art. 45 et seq." cites all of Chapter V, and the vendor's own standard contract or group framework are
    its own terms: none is an adequacy decision, the SCCs or the DPF."""
    assert mechanisms(scanner, text, lang) == set()
    assert "TRANSFER_MECHANISM_UNSPECIFIED" in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "addressed"),
    [
        (
            "en",
            "Transfers to Japan rely on the SCCs. Acme shall notify Customer of a personal data breach so that Customer "
            "can meet its obligations towards the competent authorities.",
            False,
        ),
        (
            "de",
            "Übermittlungen nach Japan erfolgen auf Grundlage der Standardvertragsklauseln. Acme informiert den Kunden "
            "über Datenpannen, damit er seine Pflichten gegenüber der zuständigen Behörde erfüllen kann.",
            False,
        ),
        (
            "en",
            "Transfers to Japan rely on the SCCs. If a governmental authority requires Acme to disclose Customer Data, "
            "Acme will give Customer prior notice so that Customer can oppose the disclosure.",
            True,
        ),
        (
            "de",
            "Übermittlungen nach Japan erfolgen auf Grundlage der Standardvertragsklauseln. Verlangt eine Behörde die "
            "Herausgabe von Kundendaten, informiert Acme den Kunden vorab, damit er sich widersetzen kann.",
            True,
        ),
    ],
)
def test_mechanisms_breach_notices_do_not_handle_government_requests(scanner, lang, text, addressed):
    """A breach notice "towards the competent authorities" speaks of the supervisory authority and handles no
    government request; notice that lets the customer oppose a demand does."""
    found = "SUPPLEMENTARY_MEASURES_UNADDRESSED" in flags(scanner, text, lang, doc_type="dpa")
    assert found is not addressed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Transfers to our provider in India rely on the standard contractual clauses. We do not use the standard "
            "contractual clauses for transfers to the United Kingdom, which benefits from an adequacy decision.",
        ),
        (
            "de",
            "Die alten Standardvertragsklauseln von 2010 verwenden wir nicht mehr; die Übermittlung nach Indien "
            "stützen wir auf die neuen Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_a_disavowal_for_one_country_or_version_keeps_the_tool(scanner, lang, text):
    """Not using the SCCs for one country, or their 2010 version, leaves them the basis where the text relies on
    them."""
    assert "scc" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our partners in India access your data; they are bound by our code of conduct."),
        ("de", "Unsere Partner in Indien greifen auf Ihre Daten zu; sie sind an unseren Verhaltenskodex gebunden."),
    ],
)
def test_mechanisms_the_vendors_own_code_of_conduct_is_no_tool(scanner, lang, text):
    """The vendor's own code of conduct is not an approved code under Art. 40 and 46(2)(e)."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Transfers from the UK to our provider in India rely on the UK Addendum."),
        ("de", "Übermittlungen aus dem Vereinigten Königreich nach Indien stützen wir auf das UK-Addendum."),
    ],
)
def test_mechanisms_the_uk_addendum_is_the_sccs(scanner, lang, text):
    """The UK Addendum amends the Commission's SCCs for UK transfers: relying on it relies on the SCCs, and the UK
    in its name is no destination."""
    report = scanner.scan_text(text, language=lang)
    assert set(report.mechanisms) == {"scc"}
    assert {t.destination for t in report.transfers} == {"IN"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We transfer data to Canada; in our view this rests on the Commission's adequacy decision for Canada."),
        (
            "de",
            "Wir übermitteln Daten nach Kanada; nach unserer Auffassung stützt sich dies auf den Angemessenheitsbeschluss.",
        ),
    ],
)
def test_mechanisms_the_vendor_citing_the_commissions_adequacy_decision_relies_on_it(scanner, lang, text):
    """The vendor speaking of the Commission's decision ("in our view ... the adequacy decision") still relies on
    it: only a country the vendor itself judges adequate names no tool."""
    assert mechanisms(scanner, text, lang) == {"adequacy"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We store data in Canada and the United States. We use a transfer mechanism, for example transferring data "
            "to a country declared adequate by the European Commission, executing the standard contractual clauses with "
            "the recipient, or relying on the EU-U.S. Data Privacy Framework.",
        ),
        (
            "de",
            "Wir speichern Daten in Kanada und den USA. Für Übermittlungen in Drittländer nutzen wir ein "
            "Übermittlungsinstrument, etwa die Übermittlung in ein Land, das die EU-Kommission für angemessen erklärt hat, den Abschluss von Standardvertragsklauseln "
            "mit dem Empfänger oder das EU-U.S. Data Privacy Framework.",
        ),
    ],
)
def test_mechanisms_adequacy_listed_apart_from_the_dpf_is_its_own_tool(scanner, lang, text):
    """Adequacy named as one alternative in a list of tools is relied on beside the DPF; it yields to the DPF only
    when it describes it ("the DPF and the related adequacy decision")."""
    assert mechanisms(scanner, text, lang) == {"adequacy", "scc", "dpf"}


FUTURE_EN = "## International transfers\n\nTransfers to Example LLC in the United States rest on the Standard Contractual Clauses. "
FUTURE_DE = "## Übermittlungen in Drittländer\n\nÜbermittlungen an Beispiel LLC in den USA stützen sich auf die Standardvertragsklauseln. "


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            FUTURE_EN
            + "Either party may end these Clauses where the European Commission adopts a decision pursuant to "
            "Article 45(3) of Regulation (EU) 2016/679 that covers the transfer.",
            {"scc"},
        ),
        (
            "en",
            FUTURE_EN + "Should the Commission adopt an adequacy decision for the United States, the Clauses end.",
            {"scc"},
        ),
        (
            "de",
            FUTURE_DE
            + "Erlässt die Europäische Kommission künftig einen Angemessenheitsbeschluss für die USA, kann jede "
            "Partei die Klauseln beenden.",
            {"scc"},
        ),
        (
            "en",
            FUTURE_EN + "Transfers to the United Kingdom rely on the Commission's adequacy decision.",
            {"scc", "adequacy"},
        ),
        ("de", FUTURE_DE + "Für die Schweiz besteht ein Angemessenheitsbeschluss der Kommission.", {"scc", "adequacy"}),
    ],
)
def test_mechanisms_a_decision_the_commission_may_adopt_is_no_basis(scanner, lang, text, expected):
    """A decision the Commission may adopt one day (SCC Clause 16(e)) is a prospect, not today's basis; one in
    force is relied on."""
    assert mechanisms(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Transfers to our sub-processor in the United States are governed by Module Three of the clauses annexed to "
            "Commission Implementing Decision (EU) 2021/914.",
        ),
        ("en", "Transfers from the UK to our sub-processor in the United States are covered by the IDTA."),
        ("de", "Für den Unterauftragsverarbeiter in den USA gilt Modul 3 (Beschluss 2021/914)."),
        (
            "de",
            "Übermittlungen an den Dienstleister in den USA erfolgen auf Grundlage des Beschlusses (EU) 2021/914, Modul 2.",
        ),
    ],
)
def test_mechanisms_scc_named_by_their_decision_or_the_idta(scanner, lang, text):
    """The SCCs named only by their decision's number (rules/facts/scc.yml) or the UK's IDTA are the SCCs."""
    assert mechanisms(scanner, text, lang, "dpa") == {"scc"}


def test_mechanisms_scc_of_the_art_28_7_decision_are_no_transfer_tool(scanner):
    """Decision 2021/915 adopted the controller-processor clauses of Art. 28(7): its number names no transfer tool."""
    text = "The parties agree to the clauses of Commission Implementing Decision (EU) 2021/915 for data sent to the United States."
    assert "scc" not in mechanisms(scanner, text, "en", "dpa")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We share your data with our partner in India, which guarantees an adequate level of protection.",
            set(),
        ),
        (
            "de",
            "Wir übermitteln Ihre Daten an unseren Dienstleister in Indien, der ein angemessenes Schutzniveau bietet.",
            set(),
        ),
        (
            "en",
            "We transfer data to Canada, which the Commission has found to provide adequate protection.",
            {"adequacy"},
        ),
        ("de", "Wir übermitteln Daten in die Schweiz, für die ein angemessenes Schutzniveau besteht.", {"adequacy"}),
    ],
)
def test_mechanisms_a_recipients_promise_of_adequate_protection_is_no_adequacy(scanner, lang, text, expected):
    """ "Our partner in India, which guarantees adequate protection" is the recipient's promise; a country's level
    of protection found by the Commission is adequacy."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Data is sent to Example LLC in the United States, which is certified under the EU-U.S. Privacy Framework.",
        ),
        (
            "de",
            "Die Daten werden an Server der Beispiel LLC in den USA übertragen; sie ist nach dem EU-US-Privacy Framework zertifiziert.",
        ),
    ],
)
def test_mechanisms_the_privacy_framework_without_data_is_the_dpf(scanner, lang, text):
    """ "EU-US-Privacy Framework", without "Data", names the Data Privacy Framework."""
    assert mechanisms(scanner, text, lang) == {"dpf"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our partner in the Philippines is bound by a data transfer agreement modelled on the EU standard contractual clauses.",
        ),
        (
            "en",
            "Our sub-processor in the United States is bound by terms at least as protective as the Standard Contractual Clauses.",
        ),
        (
            "de",
            "Der Dienstleister in Indien ist auf ein Datenschutzniveau verpflichtet, das dem der EU-Standardvertragsklauseln entspricht.",
        ),
        (
            "de",
            "Für den Dienstleister in Indien gilt ein an die Standardvertragsklauseln angelehnter Datenschutzvertrag.",
        ),
    ],
)
def test_mechanisms_a_tool_named_as_a_yardstick_is_no_basis(scanner, lang, text):
    """A contract measured against the SCCs ("as protective as", "modelled on", "entspricht", "angelehnt") is not
    the SCCs."""
    assert mechanisms(scanner, text, lang, "dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            '"Transfer Framework" means the EU-U.S. Privacy Shield Framework.\n\n'
            "Transfers of Customer data to Example Inc. in the United States rely on the Transfer Framework.",
            {"privacy_shield"},
        ),
        (
            "en",
            '"EU Clauses" means the standard contractual clauses annexed to Decision (EU) 2021/914.\n\n'
            "Transfers to our sub-processor in the United States are governed by the EU Clauses.",
            {"scc"},
        ),
        (
            "de",
            "„Rahmenwerk“ bezeichnet das EU-US-Datenschutzschild.\n\n"
            "Übermittlungen an die Beispiel Inc. in den USA erfolgen auf Grundlage des Rahmenwerks.",
            {"privacy_shield"},
        ),
        (
            "en",
            '"Restricted Transfer" means a transfer to a country that is not subject to an adequacy decision.\n\n'
            "Each Restricted Transfer to the United States is covered by the standard contractual clauses.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_term_defined_as_a_tool_names_it_where_used(scanner, lang, text, expected):
    """A term the document defines as a tool ("Transfer Framework", „Rahmenwerk“ in any case) names that tool where
    the operative clauses use it; a term defined by a tool's absence ("not subject to an adequacy decision") does
    not."""
    assert set(scanner.scan_text(text, language=lang, doc_type="dpa").mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The 2010 clauses governed transfers to our provider in Sri Lanka until 27 December 2022, the end of the "
            "transition period under Commission Implementing Decision (EU) 2021/914.",
        ),
        (
            "de",
            "Die Klauseln von 2010 galten für Übermittlungen an unseren Dienstleister in Sri Lanka bis zum Ende der "
            "Übergangsfrist nach dem Durchführungsbeschluss (EU) 2021/914.",
        ),
    ],
)
def test_mechanisms_a_decision_number_in_a_sentence_on_what_was_is_no_basis(scanner, lang, text):
    """A decision's number named as the source of a past date (the SCCs' transition period) is no tool in use."""
    assert mechanisms(scanner, text, lang, "dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our team in Canada, which the Commission has found adequate, reads support tickets. If we ever need to "
            "transfer data to a country without an adequacy decision, we will first put standard contractual clauses "
            "in place.",
            {"adequacy"},
        ),
        (
            "en",
            "Our mail provider in the United States relies on the EU-U.S. Data Privacy Framework. Should that "
            "certification lapse, we would conclude standard contractual clauses with it.",
            {"dpf"},
        ),
        (
            "de",
            "Unser Kundendienst in der Schweiz, für die ein Angemessenheitsbeschluss besteht, liest Ihre Anfragen. Sollten "
            "wir künftig Daten in andere Drittländer übermitteln, würden wir dafür Standardvertragsklauseln abschließen.",
            {"adequacy"},
        ),
        # A tool in force since an earlier date and still relied on.
        (
            "en",
            "Our support partner in India accesses the data. These transfers are covered by the standard contractual "
            "clauses.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_tool_for_an_imagined_transfer_or_a_fallback_is_not_relied_on(scanner, lang, text, expected):
    """A tool named for a transfer the text only imagines, or as the fallback the vendor would turn to, is not the
    basis of today's transfers."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our support partner in India accesses the data. These transfers were originally covered by the model "
            "clauses of Decision 2010/87/EU.",
        ),
        (
            "en",
            "Our support partner in India accesses the data. These transfers were covered by the standard "
            "contractual clauses until 27 December 2022.",
        ),
        (
            "de",
            "Unser Support-Partner in Indien greift auf die Daten zu. Für diese Zugriffe galten bis zum 27. Dezember "
            "2022 die Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_a_tool_whose_time_ended_is_not_relied_on(scanner, lang, text):
    """A tool the text says covered transfers only until a past date, or originally, is not relied on now."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "For trips outside the EU we pass your booking data to local partners, because this is necessary to "
            "perform your booking.",
        ),
        (
            "de",
            "Bei Reisen außerhalb der EU übermitteln wir Ihre Buchungsdaten an Partner vor Ort, da dies zur "
            "Durchführung der Reise erforderlich ist.",
        ),
    ],
)
def test_mechanisms_a_transfer_necessary_to_perform_the_booking_is_a_derogation(scanner, lang, text):
    """A transfer the text calls necessary to carry out the user's booking or contract rests on Art. 49(1)(b)."""
    assert mechanisms(scanner, text, lang) == {"derogation"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Annex 4 (Standard Contractual Clauses) is deleted.", set()),
        ("de", "Anlage 4 (Standardvertragsklauseln) wird ersatzlos gestrichen.", set()),
        (
            "en",
            "Transfers to the United States rely on the Standard Contractual Clauses, and Annex 5 is deleted.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_tool_named_as_the_part_an_amendment_deletes_is_not_relied_on(scanner, lang, text, expected):
    """An amendment deleting the part that names a tool takes the tool out; one deleting something else does not."""
    assert mechanisms(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Transfers to our provider in the USA rest on the Privacy Shield successor framework."),
        ("de", "Für Übermittlungen an unseren Anbieter in den USA gilt der Nachfolger des Privacy Shield."),
    ],
)
def test_mechanisms_the_privacy_shields_successor_is_the_dpf(scanner, lang, text):
    """The framework named by what it replaced is the DPF, and the Privacy Shield it names is history."""
    assert mechanisms(scanner, text, lang) == {"dpf"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Transfers to providers outside the EEA take place only to countries with an adequate level of "
            "data protection or on the basis of standard contractual clauses.",
        ),
        (
            "de",
            "Übermittlungen an Dienstleister außerhalb des EWR erfolgen nur in Staaten mit angemessenem "
            "Datenschutzniveau oder gestützt auf Standardvertragsklauseln.",
        ),
        (
            "de",
            "Übermittlungen an Dienstleister ausserhalb des EWR erfolgen nur in Staaten mit angemessenem "
            "Datenschutzniveau oder gestützt auf Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_swiss_spelling_reads_like_standard_german(scanner, lang, text):
    """Swiss German writes "ss" for "ß": "ausserhalb des EWR" is "außerhalb des EWR", and the transfer
    statement's tools are read as in English."""
    assert mechanisms(scanner, text, lang) == {"adequacy", "scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We send photos to Imagework Inc. in the United States and base the transfer on the standard contractual "
            "clauses. [TODO: check whether Imagework is also certified under the EU-U.S. Data Privacy Framework; "
            "if so, add Art. 45 GDPR.]",
        ),
        (
            "de",
            "Wir übermitteln Fotos an die Bildwerk Inc. in den USA und stützen die Übermittlung auf die "
            "Standardvertragsklauseln. [PRÜFEN: ob Bildwerk zusätzlich unter dem EU-U.S. Data Privacy Framework "
            "zertifiziert ist; dann ergänzend Art. 45 DSGVO angeben.]",
        ),
    ],
)
def test_mechanisms_a_tool_in_an_editors_note_is_not_relied_on(scanner, lang, text):
    """An editor's note left in a draft asks whoever finishes it a question: the tool it names is no term."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert set(report.mechanisms) == {"scc"}
    assert "dpf" in {m.value for m in report.mentions if m.kind == "mechanism"}  # named, not relied on


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We store your data in Germany. [Check whether the search requests go out from the device; if so, "
            "add that the IP address is transferred to the United States.]",
        ),
        (
            "de",
            "Wir speichern Ihre Daten in Deutschland. [PRÜFEN: ob die Abfragen vom Endgerät ausgehen; dann ergänzen, "
            "dass die IP-Adresse in die USA übermittelt wird.]",
        ),
    ],
)
def test_a_place_in_an_editors_note_is_no_destination(scanner, lang, text):
    """A transfer an editor's note asks to add is not one the document discloses."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert "US" not in {m.value for m in report.mentions if m.kind == "destination"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Where personal data is transferred to a territory which has not been recognised by the European Commission "
            "as providing an adequate level of protection on the basis of Article 45 GDPR, we use the Standard "
            "Contractual Clauses.",
            {"scc"},
        ),
        (
            "de",
            "Erfolgt eine Übermittlung in ein Gebiet, das von der Europäischen Kommission nicht als Gebiet mit "
            "angemessenem Schutzniveau nach Art. 45 DSGVO anerkannt ist, nutzen wir die Standardvertragsklauseln.",
            {"scc"},
        ),
        (
            "en",
            "We transfer data to Japan, which the European Commission has recognised as providing an adequate level "
            "of protection on the basis of Article 45 GDPR.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_the_article_cited_for_a_denied_adequacy_is_denied_too(scanner, lang, text, expected):
    """ "not recognised as adequate on the basis of Article 45": the cited article is the basis of the phrase the
    negation denies, not a tool relied on; without the negation it is relied on."""
    assert mechanisms(scanner, text, lang) == expected


PROVISO = {
    "en": "Where the processor engages a sub-processor in a third country, the processor and the sub-processor may use "
    "standard contractual clauses adopted by the Commission under Article 46(2) GDPR, provided the conditions for "
    "the use of those clauses are met.",
    "de": "Beauftragt der Auftragsverarbeiter einen Unterauftragsverarbeiter in einem Drittland, können sie die von der "
    "Kommission nach Art. 46 Abs. 2 DSGVO erlassenen Standardvertragsklauseln verwenden, sofern die Voraussetzungen "
    "für die Anwendung dieser Klauseln erfüllt sind.",
}
HOSTED = {
    "en": "Our sub-processor Samplecloud Inc. hosts the data in the United States. ",
    "de": "Unser Unterauftragsverarbeiter Musterwolke Inc. speichert die Daten in den USA. ",
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("hosted", [True, False])
def test_mechanisms_the_tool_offered_under_its_conditions_covers_the_transfers_disclosed(scanner, lang, hosted):
    """ "may use the SCCs ..., provided the conditions for their use are met" (Decision 2021/915, Clause 7.8) is the
    tool of the third-country transfers the document discloses, and no tool in one that discloses none."""
    text = (HOSTED[lang] if hosted else "") + PROVISO[lang]
    assert mechanisms(scanner, text, lang, "dpa") == ({"scc"} if hosted else set())


GLOSSED = {
    "en": "# Data Processing Agreement\n\n## 1. Definitions\n\n- **DPF**: the EU-U.S. Data Privacy Framework.\n"
    "- **SCCs**: the standard contractual clauses of Decision 2021/914.\n\n## 2. Hosting\n\n"
    "Our sub-processor Cloudco Inc. hosts Customer Personal Data in the United States.\n",
    "de": "# Auftragsverarbeitungsvertrag\n\n## 1. Begriffsbestimmungen\n\n- **BCR**: die verbindlichen internen "
    "Datenschutzvorschriften der Beispiel-Gruppe nach Art. 47 DSGVO.\n- **Standardvertragsklauseln**: die von der "
    "Europäischen Kommission erlassenen Klauseln.\n\n## 2. Hosting\n\n"
    "Unser Unterauftragsverarbeiter Cloudco Inc. speichert die Kundendaten in den USA.\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_mechanisms_a_glossary_entry_defines_a_tool_and_relies_on_none(scanner, lang):
    """ "DPF: the EU-U.S. Data Privacy Framework" in a list of definitions glosses a term, as '"DPF" means' does:
    a document that only defines its tools relies on none of them."""
    report = scanner.scan_text(GLOSSED[lang], language=lang, doc_type="dpa", format="markdown")
    assert set(report.mechanisms) == set()
    assert "TRANSFER_MECHANISM_UNSPECIFIED" in {f.rule_id for f in report.findings}


HOSTS_US = {
    "en": "Our affiliate Northby Inc. hosts all Customer Personal Data in the United States.\n\n",
    "de": "Unsere Tochter Northby Inc. speichert alle Auftraggeberdaten in den USA.\n\n",
}


@pytest.mark.parametrize(
    ("lang", "paragraph", "expected"),
    [
        (
            "en",
            "Northby Inc. has self-certified to the DPF. Its certification covers human resources data only; Customer "
            "Personal Data is not within the scope of that certification.",
            set(),
        ),
        (
            "en",
            "The group has Binding Corporate Rules for Controllers. They are not processor rules and do not apply to "
            "Customer Personal Data processed under this DPA.",
            set(),
        ),
        (
            "de",
            "Northby Inc. ist nach dem EU-U.S. Data Privacy Framework zertifiziert. Die Zertifizierung umfasst nur "
            "Personaldaten; Auftraggeberdaten fallen nicht unter die Zertifizierung.",
            set(),
        ),
        (
            "de",
            "Die Gruppe verfügt über genehmigte BCR für Verantwortliche. Für Auftraggeberdaten, die im Auftrag "
            "verarbeitet werden, gelten sie nicht.",
            set(),
        ),
        (
            "en",
            "Northby Inc. has self-certified to the DPF. Its certification covers all Customer Personal Data.",
            {"dpf"},
        ),
        (
            "de",
            "Northby Inc. ist nach dem EU-U.S. Data Privacy Framework zertifiziert. Die Zertifizierung umfasst alle "
            "Auftraggeberdaten.",
            {"dpf"},
        ),
    ],
)
def test_mechanisms_a_tool_the_paragraph_puts_the_customers_data_outside_is_not_relied_on(
    scanner, lang, paragraph, expected
):
    """A DPF certification "for human resources data only", controller BCRs that "do not apply to Customer Personal
    Data": the paragraph names the tool and excludes the data the document is about."""
    report = scanner.scan_text(HOSTS_US[lang] + paragraph, language=lang, doc_type="dpa", format="markdown")
    assert set(report.mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our sub-processor Cloudco Inc. hosts Customer Personal Data in the United States. Transfers to Cloudco "
            "rely on the UK-US data bridge.",
        ),
        (
            "de",
            "Unser Unterauftragsverarbeiter Cloudco Inc. speichert die Kundendaten in den USA. Die Übermittlung an "
            "Cloudco stützen wir auf die britisch-amerikanische Datenbrücke.",
        ),
    ],
)
def test_mechanisms_the_uk_us_data_bridge_is_the_dpfs_uk_extension(scanner, lang, text):
    """The "UK-US data bridge" („Datenbrücke“) is the UK extension to the DPF, and names no place of its own."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert set(report.mechanisms) == {"dpf"}
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Policy\n\n## 4. Data transfer to other servers\n\nBy using Example Forum, you consent to your "
            "data being transferred to other servers of the network.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## 4. Datenübermittlung an andere Server\n\nMit der Nutzung von Beispiel Forum "
            "willigen Sie ein, dass Ihre Daten an andere Server des Netzwerks übermittelt werden.",
        ),
    ],
)
def test_mechanisms_consent_to_a_transfer_the_document_never_puts_abroad_is_no_basis(scanner, lang, text):
    """Consent to data moving to places never said to be outside the EEA is no Art. 49 derogation: the
    document still says nothing about international transfers."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert report.mechanisms == ()
    assert "TRANSFERS_NOT_ADDRESSED" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Engaging sub-processors that have their seat or place of processing outside the European Union is only "
            "allowed with the prior consent of the Controller and only where an adequacy decision of the Commission "
            "under Article 45 GDPR exists or appropriate safeguards under Article 46 GDPR are in place.",
        ),
        (
            "de",
            "Eine Beauftragung von Unterauftragnehmern mit Sitz außerhalb der Europäischen Union ist nur nach vorheriger "
            "Zustimmung des Auftraggebers und nur soweit ein Angemessenheitsbeschluss der Kommission nach Art. 45 "
            "DSGVO vorliegt oder geeignete Garantien nach Art. 46 DSGVO bestehen zulässig.",
        ),
    ],
)
def test_mechanisms_adequacy_as_a_condition_of_a_transfer_the_customer_must_permit_is_not_relied_on(
    scanner, lang, text
):
    """A transfer allowed only with the customer's consent and only where an adequacy decision exists rests on
    no adequacy decision yet, and discloses no destination."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert "adequacy" not in report.mechanisms
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Purpose | Location | Transfer mechanism |\n|---|---|---|---|\n"
            "| Nordhost Ltd | Payments | UK | UK Adequacy |\n| Examplemail Inc. | E-mail | US | SCCs |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Zweck | Standort | Garantie |\n|---|---|---|---|\n"
            "| Nordhost Ltd | Zahlungen | Vereinigtes Königreich | UK Adequacy |\n"
            "| Examplemail Inc. | E-Mail | USA | Standardvertragsklauseln |\n",
        ),
    ],
)
def test_mechanisms_a_countrys_adequacy_in_a_table_cell_covers_its_row(scanner, lang, text):
    """ "UK Adequacy" in a row's transfer-mechanism cell is the adequacy decision, for that row's country only."""
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list", format="markdown")
    tools = {t.destination: set(t.mechanisms) for t in report.transfers}
    assert tools == {"GB": {"adequacy"}, "US": {"scc"}}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "3.1 Processing outside the EU or the EEA does not take place.\n\n3.2 Should it become necessary in future, "
            "it will take place only on the basis of an adequacy decision or appropriate safeguards (in particular "
            "standard contractual clauses).",
        ),
        (
            "de",
            "3.1 Eine Verarbeitung außerhalb der EU bzw. des EWR findet nicht statt.\n\n3.2 Sollte sie künftig "
            "erforderlich werden, erfolgt sie nur auf Grundlage eines Angemessenheitsbeschlusses oder geeigneter "
            "Garantien (insbesondere Standardvertragsklauseln).",
        ),
    ],
)
def test_mechanisms_tools_for_a_transfer_that_may_become_necessary_are_not_relied_on(scanner, lang, text):
    """ "Should it become necessary in future …": tools for a transfer the text only imagines are no basis today."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert report.mechanisms == ()
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We give our users notice, choice and access. These are the Privacy Shield Principles, but they are also "
            "just good practice.",
        ),
        (
            "de",
            "Wir bieten unseren Nutzern Information, Wahlmöglichkeiten und Zugang. Das sind die Grundsätze des Privacy "
            "Shield, aber sie sind auch einfach gute Praxis.",
        ),
    ],
)
def test_mechanisms_a_frameworks_principles_named_as_practice_are_no_basis(scanner, lang, text):
    """A framework's principles named as good practice, with no transfer in sight, present no transfer tool."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert report.mechanisms == ()
    assert report.transfers == ()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## International transfers\n\nWe host customer personal data in the United States.\n\n**Data Privacy "
            "Framework.** Example Inc. has not self-certified to the EU-U.S. Data Privacy Framework. We rely on the "
            "standard contractual clauses.",
        ),
        (
            "de",
            "## Internationale Übermittlungen\n\nWir hosten die Kundendaten in den USA.\n\n**Data Privacy Framework.** "
            "Die Beispiel Inc. ist nicht unter dem EU-US Data Privacy Framework zertifiziert. Wir stützen uns auf die "
            "Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_a_run_in_label_naming_a_tool_is_not_reliance(scanner, lang, text):
    """A paragraph's bold lead-in that is only a tool's name is no reliance; the paragraph says whether it is."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert set(report.mechanisms) == {"scc"}
    assert {t.destination: tuple(t.mechanisms) for t in report.transfers} == {"US": ("scc",)}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Where Customer uses integrations to transfer Customer Personal Data to a recipient in a third country, "
            "Customer is responsible for putting the SCCs in place with that recipient.",
        ),
        (
            "de",
            "Übermittelt der Auftraggeber über Schnittstellen Daten an Empfänger in Drittländern, ist allein der "
            "Auftraggeber für den Abschluss der Standardvertragsklauseln mit diesen Empfängern verantwortlich.",
        ),
        (
            "en",
            "Processor binds each sub-processor to data protection obligations that are at least as protective as the "
            "standard contractual clauses.",
        ),
        (
            "de",
            "Der Auftragnehmer verpflichtet jeden Unterauftragsverarbeiter auf Datenschutzpflichten, die mindestens so "
            "schützend sind wie die Standardvertragsklauseln der Europäischen Kommission.",
        ),
    ],
)
def test_mechanisms_the_customers_own_tool_or_a_yardstick_is_not_the_vendors_basis(scanner, lang, text):
    """SCCs the customer must put in place for its own transfers, or named as the measure of another contract, are
    not the tool the vendor's transfers rest on."""
    assert "scc" not in mechanisms(scanner, text, lang, "dpa")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "More information about standard contractual clauses is available on the European Commission's website.",
        ),
        (
            "de",
            "Weitere Informationen zu Standardvertragsklauseln finden Sie auf der Website der Europäischen Kommission.",
        ),
        ("en", "We are preparing the standard contractual clauses with Example Labs Pvt Ltd; they are not yet signed."),
        ("de", "Den Abschluss von Standardvertragsklauseln mit dieser Gesellschaft bereiten wir derzeit vor."),
        ("en", "Annex 4 reproduces the standard contractual clauses for reference only."),
        (
            "de",
            "Sobald die Standardvertragsklauseln mit der Beispiel Labs Pvt Ltd unterzeichnet sind, informieren wir Sie.",
        ),
        ("de", "Soweit die Parteien Standardvertragsklauseln abgeschlossen haben, gehen diese bei Widersprüchen vor."),
        (
            "de",
            "Standardvertragsklauseln bietet der Anbieter nur Kunden des Enterprise-Tarifs an; wir nutzen den Team-Tarif.",
        ),
    ],
)
def test_mechanisms_a_tool_named_but_not_in_force_is_not_relied_on(scanner, lang, text):
    """A pointer to information about a tool, a copy for reference, one being prepared or signed one day, one that
    prevails only where concluded, or one offered to another tier names a tool no transfer rests on."""
    assert "scc" not in mechanisms(scanner, text, lang, "privacy_policy")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our support provider in India processes support tickets under our standard contractual terms for suppliers.",
        ),
        ("en", "All group companies, including our Indian company, are bound by our Group Code of Conduct."),
        (
            "de",
            "Unser Dienstleister in Indien bearbeitet Tickets nach unseren Standardvertragsbedingungen für Lieferanten.",
        ),
        ("de", "Alle Konzerngesellschaften, auch in Indien, sind an unseren Konzern-Verhaltenskodex gebunden."),
    ],
)
def test_mechanisms_the_vendors_own_terms_and_group_code_are_no_tools(scanner, lang, text):
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We send transcripts to Example Inc. in the US, which is certified under the EU-U.S. Data Privacy Framework. "
            "Should the certification lapse, we will pause the feature until another basis (such as standard contractual "
            "clauses) is agreed; no such clauses exist today.",
        ),
        (
            "de",
            "Wir übermitteln Transkripte an die Example Inc. in den USA, die nach dem EU-US Data Privacy Framework "
            "zertifiziert ist. Sollte die Zertifizierung entfallen, setzen wir die Funktion aus, bis eine andere "
            "Grundlage (etwa Standardvertragsklauseln) vereinbart ist; derzeit bestehen keine solchen Klauseln.",
        ),
    ],
)
def test_mechanisms_a_fallback_not_yet_agreed_is_not_relied_on(scanner, lang, text):
    """A tool named as what would replace today's one "until another basis is agreed", while "no such clauses exist",
    is not relied on."""
    assert mechanisms(scanner, text, lang) == {"dpf"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We send campaign reports to Example Ltd in Manchester, United Kingdom, under the adequacy decision for the "
            "United Kingdom. Should the decision be revoked, we will agree the standard contractual clauses first.",
            {"adequacy"},
        ),
        (
            "de",
            "Wir übermitteln Berichte an die Example Ltd in Manchester, Vereinigtes Königreich, auf Grundlage des "
            "Angemessenheitsbeschlusses. Sollte der Beschluss aufgehoben werden, vereinbaren wir zuvor die "
            "Standardvertragsklauseln.",
            {"adequacy"},
        ),
        (
            "en",
            "Before 2020 some transfers to the United States relied on the EU-U.S. Privacy Shield. Today we rely on the "
            "EU-U.S. Data Privacy Framework.",
            {"dpf"},
        ),
        (
            "de",
            "Vor 2020 stützten sich einige Übermittlungen in die USA auf den EU-US Privacy Shield. Heute stützen wir uns "
            "auf das EU-US Data Privacy Framework.",
            {"dpf"},
        ),
        (
            "en",
            "Where the customer shares data with partner universities abroad, the customer itself concludes the "
            "standard contractual clauses. Our processors are in the EEA.",
            set(),
        ),
        (
            "de",
            "Ob hierfür die Standardvertragsklauseln mit unseren Dienstleistern vereinbart werden, wird derzeit geprüft. "
            "Soweit der Kunde selbst Daten an Partner in Drittländern weitergibt, schließt er hierfür selbst "
            "Standardvertragsklauseln ab.",
            set(),
        ),
    ],
)
def test_mechanisms_fallbacks_history_questions_and_the_customers_own_tools(scanner, lang, text, expected):
    """A tool the vendor would agree if today's basis fell away, one used before 2020, one whose use is still being
    examined, and one the customer concludes for its own transfers are none the vendor relies on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "By using Medium, you authorise Medium to transfer your data to the United States.", set()),
        ("de", "Mit der Nutzung von Medium ermächtigen Sie Medium, Ihre Daten in die USA zu übermitteln.", set()),
        ("en", "By using our service, you authorise us to transfer your data to the United States.", {"derogation"}),
        (
            "en",
            "Your data is provided to Acme in the United States, and you authorise Acme to transfer it there.",
            {"derogation"},
        ),
        (
            "de",
            "Mit der Nutzung unseres Dienstes ermächtigen Sie uns, Ihre Daten in die USA zu übermitteln.",
            {"derogation"},
        ),
        (
            "en",
            "We pass your personal data to a third party only where the law obliges us to or if you give your explicit "
            "consent.",
            set(),
        ),
        (
            "de",
            "Wir geben Ihre Daten an Dritte nur weiter, wenn das Gesetz es verlangt oder Sie ausdrücklich eingewilligt haben.",
            set(),
        ),
        (
            "en",
            "Standard contractual clauses are one way of protecting data sent abroad; our partners are in the EEA.",
            set(),
        ),
        (
            "de",
            "Standardvertragsklauseln sind eine Möglichkeit, ins Ausland gesendete Daten zu schützen; unsere Partner sitzen "
            "im EWR.",
            set(),
        ),
    ],
)
def test_mechanisms_consent_to_another_company_or_to_disclosure_and_tools_explained(scanner, lang, text, expected):
    """Authorising a named company under its own terms, consenting to a disclosure to third parties, and a tool
    explained as "one way" of protecting data are no basis the vendor relies on; authorising the vendor is."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our fraud prevention vendor processes data in Israel, a country the European Commission considers adequate.",
        ),
        ("en", "Backups are stored in Japan, recognised by the European Commission as adequate."),
        (
            "en",
            "Our service centre in the United Kingdom handles your calls; the Commission has decided that the UK ensures "
            "adequate protection.",
        ),
        (
            "de",
            "Unser Tochterunternehmen in Japan verarbeitet Kundendaten; für Japan hat die Kommission die Angemessenheit "
            "des Schutzniveaus festgestellt.",
        ),
    ],
)
def test_mechanisms_adequacy_found_by_the_commission_in_other_words(scanner, lang, text):
    """The Commission "considers" a country adequate, has "recognised" it "as adequate", "decided that" it "ensures
    adequate protection", „die Angemessenheit des Schutzniveaus festgestellt": each is an adequacy decision."""
    assert mechanisms(scanner, text, lang) == {"adequacy"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our engineers in the United States access the data. We are currently reviewing whether our US affiliate "
            "should certify under the EU-U.S. Data Privacy Framework.",
        ),
        (
            "de",
            "Unsere Techniker in den USA greifen auf die Daten zu. Wir prüfen, ob sich unsere US-Tochter unter dem "
            "EU-U.S. Data Privacy Framework zertifizieren soll.",
        ),
    ],
)
def test_mechanisms_a_tool_under_review_is_not_relied_on(scanner, lang, text):
    """ "reviewing whether ... should certify", „wir prüfen, ob": a tool under review is none relied on."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We may disclose your information to answer requests from government authorities, including authorities "
            "outside your country of residence.",
        ),
        (
            "de",
            "Wir können Ihre Daten auf Anfrage von Behörden herausgeben, auch an Behörden außerhalb Ihres Wohnsitzlandes.",
        ),
    ],
)
def test_mechanisms_authorities_abroad_are_no_consent(scanner, lang, text):
    """Disclosure to authorities, some of them abroad, names no transfer tool: "authorities" is no "authorises"."""
    assert "derogation" not in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "All processing takes place in Germany. Should the Processor in future intend to move processing to a third "
            "country, this requires the Customer's prior written consent and the conclusion of the Standard "
            "Contractual Clauses.",
        ),
        (
            "de",
            "Alle Verarbeitungen finden in Deutschland statt. Sollte der Auftragnehmer künftig beabsichtigen, "
            "Verarbeitungen in ein Drittland zu verlagern, ist dies nur mit Zustimmung des Auftraggebers und nach "
            "Abschluss der Standardvertragsklauseln zulässig.",
        ),
    ],
)
def test_mechanisms_a_tool_for_a_move_the_processor_may_make_one_day_is_not_relied_on(scanner, lang, text):
    """ "Should the Processor in future intend to …", „Sollte der Auftragnehmer künftig beabsichtigen, …": the SCCs
    such a move would need are no basis of today's transfers."""
    assert mechanisms(scanner, text, lang, doc_type="dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "If Customer itself transfers data to third countries, the Customer alone is responsible for appropriate "
            "safeguards such as Binding Corporate Rules.",
        ),
        (
            "de",
            "Übermittelt der Kunde selbst Daten in Drittländer, so ist der Kunde hierfür allein verantwortlich und hat "
            "selbst für geeignete Garantien wie Binding Corporate Rules zu sorgen.",
        ),
    ],
)
def test_mechanisms_safeguards_the_customer_alone_answers_for(scanner, lang, text):
    """Tools the customer alone must put in place for its own transfers are no basis of the vendor's."""
    assert mechanisms(scanner, text, lang, doc_type="dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our provider in the US hosts the data. It has submitted to the EU-U.S. Data Privacy Framework.",
            {"dpf"},
        ),
        (
            "en",
            "Our affiliates in the US access the data. Example has submitted Binding Corporate Rules for approval.",
            set(),
        ),
        (
            "de",
            "Unser Anbieter in den USA hostet die Daten. Er hat sich dem EU-US Data Privacy Framework unterworfen.",
            {"dpf"},
        ),
    ],
)
def test_mechanisms_submitted_to_the_dpf_is_joining_it(scanner, lang, text, expected):
    """ "has submitted to the Data Privacy Framework" (the Commerce Department's words for joining it), „hat sich dem
    … unterworfen", is relying on it; BCRs "submitted for approval" are not in force yet."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Consent to processing by the recipient "in the manner set out above", where the text above sends it the data.
        (
            "en",
            "Information about your use of this website is transmitted to and stored by Examplytics on servers in the "
            "United States. By using this website, you consent to the processing of data about you by Examplytics in "
            "the manner and for the purposes set out above.",
            {"derogation"},
        ),
        (
            "de",
            "Die Informationen über Ihre Benutzung dieser Website werden an einen Server von Examplytics in den USA "
            "übertragen. Durch die Nutzung dieser Website erklären Sie sich mit der Bearbeitung der über Sie "
            "erhobenen Daten durch Examplytics in der zuvor beschriebenen Art und Weise einverstanden.",
            {"derogation"},
        ),
        (
            "en",
            "Cookie data is stored by Examplytics on servers in the United States. By using this website, you "
            "consent to our use of cookies in the manner described above.",
            set(),
        ),
        # The 2010 clauses named by their maker and date, not by name.
        (
            "de",
            "Grundlage dieser Übermittlung in die USA sind die Vertragsklauseln, die die Europäische Kommission mit "
            "Beschluss vom 5. Februar 2010 für Auftragsverarbeiter in Drittländern festgelegt hat.",
            {"scc"},
        ),
        (
            "en",
            "Transfers to the United States rely on the contractual clauses that the European Commission laid down "
            "by its decision of 5 February 2010 for processors in third countries.",
            {"scc"},
        ),
        # A tool applied for is not relied on.
        (
            "en",
            "Northwind Group has applied to the Irish Data Protection Commission for approval of binding corporate "
            "rules. The application is under review.",
            set(),
        ),
        (
            "de",
            "Die Northwind-Gruppe hat bei der irischen Aufsichtsbehörde die Genehmigung verbindlicher interner "
            "Datenschutzvorschriften beantragt.",
            set(),
        ),
        # "by means of" is no definition: the tools it names are relied on.
        (
            "en",
            "We process support data in the United States. As a rule, the guarantees in third countries are "
            "established by means of an adequacy decision or the agreement of standard contractual clauses.",
            {"adequacy", "scc"},
        ),
    ],
)
def test_mechanisms_round16(scanner, lang, text, expected):
    """Consent to the processing described above, clauses named by their maker, tools applied for, "by means of"."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our hosting provider stores your data in the United States. We will not transfer your personal data to "
            "third parties except as set out below, or where you consent to such transfer.",
        ),
        (
            "de",
            "Unser Hosting-Anbieter speichert Ihre Daten in den USA. Eine Übermittlung Ihrer Daten an Dritte findet nur "
            "statt, wenn Sie in diese Übermittlung eingewilligt haben.",
        ),
    ],
)
def test_mechanisms_consent_to_a_transfer_to_third_parties_is_a_disclosure(scanner, lang, text):
    """ "Such transfer" that the sentence itself makes a transfer to third parties is a disclosure: consent to it is
    no basis for the transfer abroad the document discloses elsewhere."""
    assert "derogation" not in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our support tools are hosted in the United States.\n\n"
            "| Purpose | Data | Recipients | Legal basis |\n|---|---|---|---|\n"
            "| Support messages | Contact data | Shared with our affiliates in other jurisdictions | It is necessary for "
            "the performance of a contract with you; for offers in jurisdictions where this is allowed it is necessary "
            "for the purposes of our legitimate interests |\n",
            set(),
        ),
        (
            "de",
            "Unsere Support-Werkzeuge werden in den USA betrieben.\n\n"
            "| Zweck | Daten | Empfänger | Rechtsgrundlage |\n|---|---|---|---|\n"
            "| Supportanfragen | Kontaktdaten | Weitergabe an unsere Konzerngesellschaften in anderen Ländern | Die "
            "Verarbeitung ist zur Erfüllung eines Vertrags erforderlich; für Angebote stützen wir uns auf unser "
            "berechtigtes Interesse |\n",
            set(),
        ),
        (
            "en",
            "We transfer your booking to the hotel in the United States where necessary for the performance of a "
            "contract with you.",
            {"derogation"},
        ),
        (
            "en",
            "A transfer to the United States may take place where necessary for the compelling legitimate interests "
            "pursued by us.",
            {"derogation"},
        ),
    ],
)
def test_mechanisms_the_bases_of_processing_named_together_are_no_derogation(scanner, lang, text, expected):
    """A purpose table listing contract and "our legitimate interests" gives the Art. 6 bases of processing, not an
    Art. 49 exception for a transfer; Art. 49's own "compelling legitimate interests" stay a derogation."""
    assert mechanisms(scanner, text, lang) & {"derogation"} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our mailing provider in the United States self-certified to the EU-U.S. Privacy Shield in 2017. Transfers to "
            "it now rely on the standard contractual clauses.",
            {"scc"},
        ),
        (
            "de",
            "Unser Versanddienstleister in den USA trat im Jahr 2017 dem EU-US Privacy Shield bei. Übermittlungen an ihn "
            "stützen sich heute auf die Standardvertragsklauseln.",
            {"scc"},
        ),
        (
            "en",
            "Our mailing provider in the United States has been certified under the EU-U.S. Privacy Shield since 2017.",
            {"privacy_shield"},
        ),
    ],
)
def test_mechanisms_an_invalidated_tool_joined_in_a_year_gone_by_is_history(scanner, lang, text, expected):
    """ "self-certified to the Privacy Shield in 2017" tells the history of a tool since invalidated; "has been certified
    since 2017" claims it still holds."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "heading", "body"),
    [
        (
            "en",
            "9. International transfers and standard contractual clauses",
            "Our support team in India may access customer data. Whether the standard contractual clauses are to be "
            "signed with it is under review.",
        ),
        (
            "de",
            "§ 9 Übermittlungen in Drittländer; Standardvertragsklauseln",
            "Unser Support-Team in Indien kann auf Kundendaten zugreifen. Ob mit ihm Standardvertragsklauseln "
            "abgeschlossen werden, wird derzeit geprüft.",
        ),
    ],
)
def test_mechanisms_a_line_of_the_contents_relies_on_no_tool(scanner, tmp_path, lang, heading, body):
    """A table of contents repeats the headings: its line naming a tool names a section, not the basis of a
    transfer."""
    contents = "Contents" if lang == "en" else "Inhalt"
    path = tmp_path / f"acme-dpa-{lang}-2026.md"
    path.write_text(f"# DPA\n\n## {contents}\n\n- 1. Scope\n- {heading}\n\n## {heading}\n\n{body}\n", encoding="utf-8")
    assert "scc" not in scanner.scan_path(path).mechanisms


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our AI provider is in the United States. Until the standard contractual clauses are signed, no customer "
            "data is sent to it.",
            set(),
        ),
        (
            "de",
            "Unser KI-Anbieter sitzt in den USA. Bis zum Abschluss der Standardvertragsklauseln erhält er keine "
            "Kundendaten.",
            set(),
        ),
        (
            "en",
            "Our AI provider in the United States receives prompts. The standard contractual clauses apply until the "
            "agreement ends.",
            {"scc"},
        ),
        (
            "en",
            "Some providers are in the United States. Examples of possible safeguards are an adequacy decision, the "
            "EU-U.S. Data Privacy Framework, standard contractual clauses or binding corporate rules.",
            set(),
        ),
        (
            "de",
            "Einige Anbieter sitzen in den USA. Beispiele für mögliche Garantien sind ein Angemessenheitsbeschluss, "
            "Standardvertragsklauseln oder verbindliche interne Datenschutzvorschriften.",
            set(),
        ),
        (
            "en",
            "Integrations may be hosted in the United States. The customer chooses them, instructs the transfer and is "
            "responsible for any transfer tool, for example by concluding standard contractual clauses.",
            set(),
        ),
        (
            "de",
            "Integrationen können in den USA betrieben werden. Der Kunde wählt sie aus und ist verantwortlich für jedes "
            "Übermittlungsinstrument, etwa den Abschluss von Standardvertragsklauseln.",
            set(),
        ),
        (
            "en",
            "Our support team is in the United States. The customer instructs us, and Acme is responsible for "
            "concluding the standard contractual clauses with it.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_tools_awaited_given_as_examples_or_the_customers_own(scanner, lang, text, expected):
    """A tool awaited ("until the SCCs are signed"), tools listed as examples of what could be used, and the tool the
    customer is responsible for are no basis the vendor relies on; a tool the vendor is responsible for is."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "For non-Privacy Shield-certified customers in the United States we rely on the standard contractual "
            "clauses.",
            {"scc"},
        ),
        (
            "de",
            "Für nicht-Privacy-Shield-zertifizierte Kunden in den USA stützen wir uns auf die Standardvertragsklauseln.",
            {"scc"},
        ),
        (
            "en",
            "Transfers to non-EU countries such as the United States rely on the standard contractual clauses.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_tool_denied_by_a_prefix_is_not_relied_on(scanner, lang, text, expected):
    """ "non-Privacy Shield-certified customers" names the tool for what is not under it; "non-EU countries" denies a
    region, not the tool after it."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our support provider in India accesses customer data. Nothing in this agreement affects any standard "
            "contractual clauses that Customer has concluded with its own clients, which remain Customer's "
            "responsibility.",
            set(),
        ),
        (
            "de",
            "Unser Supportdienstleister in Indien greift auf Kundendaten zu. Standardvertragsklauseln, die der Kunde "
            "selbst mit seinen Kunden geschlossen hat, bleiben unberührt.",
            set(),
        ),
        (
            "en",
            "Our support provider in India accesses customer data under the standard contractual clauses that Customer "
            "has signed with us.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_the_customers_own_tool_named_after_it(scanner, lang, text, expected):
    """A tool the words after it make the customer's own ("SCCs that Customer has concluded with its own clients")
    is not the vendor's basis; SCCs the customer signed with the vendor are."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            '1.5 "Transfer Clauses" means the contractual clauses set out in the Annex to Commission Implementing '
            "Decision C(2021) 3972 of 4 June 2021, Module Three. 6.3 Our sub-processor in India receives the data, and "
            "we enter into the Transfer Clauses with it before the transfer.",
        ),
        (
            "de",
            "Unser Unterauftragsverarbeiter in Indien erhält die Daten. Die Übermittlung in dieses Drittland erfolgt "
            "auf Grundlage der Vertragsklauseln im Anhang des Durchführungsbeschlusses (EU) 2021/914.",
        ),
        ("en", "Our sub-processor in India receives the data under the clauses of Decision C(2021) 3972."),
        ("de", "Unser Unterauftragsverarbeiter in Indien erhält die Daten nach dem Beschluss (EU) 2021/914."),
    ],
)
def test_mechanisms_clauses_named_by_their_decision(scanner, lang, text):
    """The SCCs named by the decision that sets them out, or by the number it was notified under, are the SCCs."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our providers receive the data: for Helpjar Inc. in the United States we rely on its certification under "
            "the EU-U.S. Data Privacy Framework, for Brookmere Ltd. on the adequacy decision for Canada.",
            {"dpf", "adequacy"},
        ),
        (
            "de",
            "Für die Helpjar Inc. in den USA stützen wir uns auf deren Zertifizierung nach dem EU-U.S. Data Privacy "
            "Framework, für die Brookmere Ltd. auf den Angemessenheitsbeschluss der Kommission für Kanada.",
            {"dpf", "adequacy"},
        ),
        (
            "en",
            "Transfers to our provider in the United States rely on the EU-U.S. Data Privacy Framework and the related "
            "adequacy decision for the United States.",
            {"dpf"},
        ),
    ],
)
def test_mechanisms_adequacy_for_another_country_beside_the_dpf(scanner, lang, text, expected):
    """An adequacy decision for a country the DPF does not cover stands beside the DPF; the DPF's own decision for
    the United States does not."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Unsere Newsletter-Daten werden in den USA gespeichert. Wir prüfen derzeit gemeinsam mit unseren "
            "Dienstleistern, ob und in welcher Form Standardvertragsklauseln abgeschlossen werden können.",
        ),
        (
            "en",
            "Newsletter data is stored in the United States. We are checking with our providers whether and in what "
            "form standard contractual clauses can be concluded.",
        ),
    ],
)
def test_mechanisms_whether_and_how_a_tool_may_come(scanner, lang, text):
    """A tool named in an open question ("whether and in what form SCCs can be concluded") is not relied on."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Alle Daten werden in Deutschland verarbeitet. Eine Übermittlung in Drittländer erfolgt nur unter den "
            "Voraussetzungen der Art. 44 ff. DSGVO (z. B. EU-US Data Privacy Framework oder EU-Standardvertragsklauseln).",
            set(),
        ),
        (
            "en",
            "All data is processed in Germany. Transfers to third countries take place only under the conditions of "
            "Art. 44 et seq. GDPR (e.g. the EU-U.S. Data Privacy Framework or the standard contractual clauses).",
            set(),
        ),
        (
            "en",
            "Our newsletter provider stores data in the United States. Transfers to third countries take place only "
            "under the conditions of Art. 44 et seq. GDPR (e.g. the standard contractual clauses).",
            {"scc"},
        ),
    ],
)
def test_mechanisms_examples_under_the_laws_conditions(scanner, lang, text, expected):
    """Tools given as examples of what would meet Art. 44 et seq. are relied on only where a transfer is disclosed."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our transcription provider processes voice notes in the United States under the standard contractual "
            "clauses. Until 2020 an earlier transcription partner of ours was certified under the EU-U.S. Privacy "
            "Shield.",
        ),
        (
            "de",
            "Unser Transkriptionsdienst verarbeitet Sprachnotizen in den USA auf Grundlage der "
            "Standardvertragsklauseln. Bis 2020 war ein früherer Partner nach dem EU-US Privacy Shield zertifiziert.",
        ),
    ],
)
def test_mechanisms_a_tool_until_a_past_year(scanner, lang, text):
    """A tool a partner held "until 2020" is history."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our provider in India receives the data under the standard contractual clauses. A list of the countries "
            "that the European Commission has recognised as providing adequate protection is available on its website.",
        ),
        (
            "de",
            "Unser Dienstleister in Indien erhält die Daten auf Grundlage der Standardvertragsklauseln. Eine Liste der "
            "Länder, die die Europäische Kommission als angemessen anerkannt hat, finden Sie auf ihrer Website.",
        ),
    ],
)
def test_mechanisms_a_list_of_adequate_countries_relies_on_none(scanner, lang, text):
    """A pointer to the Commission's list of the countries it found adequate relies on no decision (GUIDELINES)."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Personal data shall only be transferred to third countries which ensure an adequate level of protection "
            "upon explicit agreement by the Controller.",
            set(),
        ),
        (
            "de",
            "Personenbezogene Daten werden nur in Drittländer mit angemessenem Schutzniveau und nur nach ausdrücklicher "
            "Zustimmung des Verantwortlichen übermittelt.",
            set(),
        ),
        (
            "en",
            "Personal data will only be transferred to third countries with the explicit consent of the Controller.",
            set(),
        ),
        (
            "de",
            "Personenbezogene Daten werden nur mit ausdrücklicher Zustimmung des Verantwortlichen in Drittländer übermittelt.",
            set(),
        ),
        (
            "en",
            "Personal data are transferred to third countries with the explicit consent of the data subject.",
            {"derogation"},
        ),
        (
            "en",
            "We transfer personal data to Switzerland, which ensures an adequate level of protection, and the Controller "
            "may object to other transfers.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_adequacy_as_a_condition_the_controller_must_first_meet(scanner, lang, text, expected):
    """Adequacy named as a condition of a transfer that needs the controller's agreement first, before or after the
    tool, is relied on by no transfer, and the controller's explicit consent is its instruction, not Art. 49(1)(a); a
    transfer under adequacy, with a right to object to others, and the data subject's explicit consent are relied on."""
    assert mechanisms(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We transfer data to the United States only on the basis of special safeguards, such as standard "
            "contractual clauses or the existence of certifications.",
        ),
        (
            "de",
            "Wir übermitteln Daten in die USA nur auf Grundlage besonderer Garantien, etwa Standardvertragsklauseln oder "
            "des Vorliegens von Zertifizierungen.",
        ),
    ],
)
def test_mechanisms_certifications_among_the_safeguards_of_a_transfer(scanner, lang, text):
    """ "The existence of certifications" among the safeguards a transfer rests on is Art. 46(2)(f)."""
    assert mechanisms(scanner, text, lang) == {"scc", "certification"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Wir übermitteln Ihre Daten nach Kanada, also nur in Drittländer mit einem anerkannten Datenschutzniveau.",
        ),
        ("en", "We transfer your data to Canada, which the European Commission has recognised as adequate."),
    ],
)
def test_mechanisms_a_recognised_level_of_protection_is_adequacy(scanner, lang, text):
    """Third countries "with a recognised level of data protection" are those an adequacy decision covers."""
    assert mechanisms(scanner, text, lang) == {"adequacy"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We transfer data to India. This DPA does not incorporate the UK Addendum to the standard contractual "
            "clauses.",
        ),
        (
            "de",
            "Wir übermitteln Daten nach Indien. Dieser Vertrag umfasst nicht das britische Addendum zu den "
            "Standardvertragsklauseln.",
        ),
        (
            "de",
            "Wir übermitteln Daten nach Indien. Dieser Vertrag enthält das britische Addendum zu den "
            "Standardvertragsklauseln nicht.",
        ),
        (
            "en",
            "We send data to Acme Inc. in the United States. We are currently assessing whether to conclude the SCCs with it.",
        ),
        (
            "de",
            "Wir übermitteln Daten an Acme Inc. in den USA. Wir prüfen derzeit, ob wir mit ihr die Standardvertragsklauseln abschließen.",
        ),
        (
            "en",
            "We send data to Acme Inc. in the United States. Examplecorp is currently assessing whether Acme should be "
            "engaged under the EU-U.S. Data Privacy Framework.",
        ),
        (
            "de",
            "Wir übermitteln Daten an Acme Inc. in den USA. Examplecorp prüft derzeit, ob Acme unter dem EU-U.S. Data "
            "Privacy Framework beauftragt werden soll.",
        ),
    ],
)
def test_mechanisms_a_denied_addendum_and_a_tool_still_weighed(scanner, lang, text):
    """The tool a denied addendum belongs to is denied with it; a tool the vendor is still deciding on is not
    relied on."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "tool"),
    [
        (
            "de",
            "Wir übermitteln Daten nur in die Schweiz, da der Schweiz durch die EU-Kommission ein angemessenes "
            "Datenschutzniveau bestätigt wurde.",
            "adequacy",
        ),
        (
            "en",
            "We transfer data to Switzerland only, as the European Commission has found Switzerland to provide an "
            "adequate level of protection.",
            "adequacy",
        ),
        (
            "de",
            "Wir lassen Daten von Dienstleistern in den USA nur verarbeiten, wenn der Dienstleister "
            "Datenschutz-Zertifizierungen vorweisen kann.",
            "certification",
        ),
        (
            "en",
            "We let providers in the United States process data only where the provider holds data protection "
            "certifications.",
            "certification",
        ),
    ],
)
def test_mechanisms_a_level_confirmed_by_the_commission_and_data_protection_certifications(scanner, lang, text, tool):
    """An adequate level "confirmed" by the Commission is adequacy; a provider's data protection certifications in a
    transfer sentence are Art. 46(2)(f)."""
    assert tool in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Tidewell Data Inc. in the US relied on the Privacy Shield until mid 2020. Today the SCCs apply."),
        ("en", "Until the end of 2019 we relied on the Privacy Shield; transfers to the US now rest on the SCCs."),
        (
            "de",
            "Die Tidewell Data Inc. in den USA stützte sich bis zum Juli 2020 auf den Privacy Shield. Heute gelten die "
            "Standardvertragsklauseln.",
        ),
        (
            "de",
            "Bis Ende 2019 stützten wir uns auf den Privacy Shield; heute gelten für die USA die Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_a_framework_relied_on_until_a_past_date_is_history(scanner, lang, text):
    """ "Until mid 2020", „bis zum Juli 2020": reliance that ended before today is history, not a basis."""
    assert mechanisms(scanner, text, lang, "subprocessor_list") == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A prose adequacy decision is not hidden by the table cell phrase it overlaps ("EU adequacy").
        ("en", "Data sent to our affiliate in Japan rests on an EU adequacy decision, on which we rely.", {"adequacy"}),
        # The Commission's finding in the present tense.
        (
            "en",
            "We send support tickets only to our office in Canada, which the Commission recognises as providing an "
            "adequate level of protection.",
            {"adequacy"},
        ),
        # Only transfers out of the EEA rest on an adequacy decision or on Art. 46(2)(c) or Art. 47.
        (
            "en",
            "Where a recipient sits in a country covered by an adequacy decision, the transfer is based on that "
            "decision.",
            {"adequacy"},
        ),
        ("en", "All intra-group transfers rely on Art. 47 GDPR.", {"bcr"}),
        (
            "de",
            "Liegt für das Land des Empfängers ein Angemessenheitsbeschluss vor, stützen wir die Übermittlung darauf.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_adequacy_and_articles_name_a_transfer_by_themselves(scanner, lang, text, expected):
    """Adequacy decisions and the articles of Chapter V exist only for transfers out of the EEA."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Standard contractual clauses: not applicable."),
        ("de", "Standardvertragsklauseln: entfällt."),
        (
            "en",
            "Copies of the SCCs can be downloaded from the Commission's website; they are not used for this service, "
            "which runs in Sweden only.",
        ),
        ("en", "Art. 49 derogations do not suit recurring hosting transfers, and we do not use them."),
        (
            "de",
            "Die Standardvertragsklauseln sind auf der Website der Kommission abrufbar; für diesen Dienst werden sie "
            "nicht benötigt.",
        ),
        (
            "en",
            "It is the customer's job to check whether the destination country is covered by an adequacy decision "
            "before it exports data.",
        ),
        ("de", "Der Kunde prüft selbst, ob für das Zielland seines Exports ein Angemessenheitsbeschluss besteht."),
        ("en", "Binding Corporate Rules for our group are being drafted and will be filed next year."),
        ("en", "Our US parent has applied for DPF certification."),
        ("de", "Wir beabsichtigen, verbindliche interne Datenschutzvorschriften für den Konzern einzuführen."),
        ("en", "The CJEU struck down the Privacy Shield but upheld the validity of the standard contractual clauses."),
    ],
)
def test_mechanisms_a_tool_marked_absent_unused_planned_or_only_judged_is_not_relied_on(scanner, lang, text):
    """A field answered "none", a later clause calling the tool unused, a check left to someone, a tool still being
    made, and a judgment's account of a tool rely on nothing."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers of chat logs to our vendor in India rely on the Standart Contractual Clauses.", {"scc"}),
        ("de", "Für den Zugriff aus Serbien haben wir Standartvertragsklauseln abgeschlossen.", {"scc"}),
        ("en", "Glenmoor Inc. (United States) | transfer basis: Data Privacy Framwork certification", {"dpf"}),
        ("de", "Empfänger in den USA: Brackwater Inc. | Grundlage: DPF-Zertifizierung", {"dpf"}),
        ("en", "Our US parent is Privacy-Shield certified, and that is how staff data reaches it.", {"privacy_shield"}),
        (
            "en",
            "By booking, guests consent to the transfer of their booking data to the hotel in Egypt.",
            {"derogation"},
        ),
        (
            "de",
            "Mit der Anmeldung willigen die Teilnehmer in die Übermittlung ihrer Daten an den Veranstalter in Dubai ein.",
            {"derogation"},
        ),
    ],
)
def test_mechanisms_misspelt_compound_and_third_person_forms(scanner, lang, text, expected):
    """Common misspellings, German compounds of an abbreviation, hyphenated names and consent given by the people
    the text names by their role name the tool."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our payroll provider works from Uruguay, which the EU considers adequate.", {"adequacy"}),
        (
            "en",
            "For our office in Canada we rely on the Commission's finding that Canada provides adequate protection.",
            {"adequacy"},
        ),
        (
            "de",
            "Daten gehen an unsere Agentur in Neuseeland; die Kommission hat Neuseeland ein angemessenes "
            "Datenschutzniveau bescheinigt, worauf wir die Übermittlung stützen.",
            {"adequacy"},
        ),
        (
            "de",
            "Unser Zahlungsdienst sitzt in der Schweiz. Für die Schweiz hat die Kommission festgestellt, dass ein "
            "angemessenes Schutzniveau besteht; darauf stützen wir die Übermittlung dorthin.",
            {"adequacy"},
        ),
        ("en", "Transfers of player data to our anti-cheat vendor in Canada are covered by SDPCs.", {"scc"}),
        ("de", "Die Übermittlung an unseren Dienstleister in Indien erfolgt auf Basis der EU-Modellklauseln.", {"scc"}),
        ("en", "Our ad partners in the US are certified under the EU-US Privacy Sheild.", {"privacy_shield"}),
        ("de", "Mit der Nutzung der App stimmst du der Übermittlung deiner Daten in die USA zu.", {"derogation"}),
    ],
)
def test_mechanisms_present_findings_short_names_and_informal_consent(scanner, lang, text, expected):
    """The Commission's finding in the present or by name, short and old names of the clauses, a common misspelling of
    the Privacy Shield, and consent in the informal German "du" name their tools."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our surveys tool's certification under the Data Privacy Framework has lapsed."),
        ("en", "In the past we relied on the Privacy Shield for transfers to our US host."),
        ("de", "Die Zertifizierung unseres Webinar-Anbieters nach dem Data Privacy Framework ist ausgelaufen."),
        ("en", "Information about the Data Privacy Framework is available on the Department of Commerce's website."),
        ("de", "Nähere Informationen zum EU-US-Datenschutzrahmen finden Sie auf der Website des Handelsministeriums."),
        ("en", "Our group is preparing binding corporate rules for approval."),
        ("de", "Wir bereiten derzeit verbindliche interne Datenschutzvorschriften für den Konzern vor."),
        (
            "en",
            "Standard contractual clauses are one of several tools that exporters can use for third-country transfers.",
        ),
        ("de", "Der Anbieter hat angekündigt, sich nach dem Data Privacy Framework zertifizieren zu lassen."),
        ("de", "Ob der Anbieter nach dem Data Privacy Framework zertifiziert ist, konnten wir nicht klären."),
    ],
)
def test_mechanisms_lapsed_past_informative_prepared_or_announced_tools_are_not_relied_on(scanner, lang, text):
    """A certification that lapsed, reliance in the past, a pointer to information, a tool being prepared or
    announced, a tool explained as one option, and an open question rely on nothing."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Where the customer is in the United Kingdom, data sent from there to our servers in Ireland is covered by "
            "the UK adequacy regulations in favour of the EEA.",
            set(),
        ),
        (
            "de",
            "Die technischen Maßnahmen werden vom Verantwortlichen vor Beginn der Verarbeitung als angemessen "
            "anerkannt.",
            set(),
        ),
        (
            "en",
            "We may send your data to countries that the European Commission has deemed to provide an adequate level "
            "of protection.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_adequacy_of_another_law_or_of_measures_is_no_commission_decision(scanner, lang, text, expected):
    """The UK's adequacy regulations for the EEA and measures a controller accepts as adequate are no adequacy decision
    for a transfer out of the EEA; countries the Commission found adequate are."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Transfers to our lab in Israel rest on the Commission's adequacy decision for Israel; onward transfers from "
            "there to the US are covered by SCCs.",
            {"adequacy", "scc"},
        ),
        (
            "de",
            "Übermittlungen nach Kanada beruhen auf dem Angemessenheitsbeschluss, Übermittlungen in die USA auf dem "
            "EU-US-Datenschutzrahmen.",
            {"adequacy", "dpf"},
        ),
        (
            "en",
            "We do not rely on binding corporate rules, codes of conduct or certification mechanisms; our only transfer, "
            "to a host in Australia, is based on SCCs.",
            {"scc"},
        ),
        (
            "en",
            "Where a country has no adequacy decision, the standard contractual clauses apply to transfers there.",
            {"scc"},
        ),
        (
            "de",
            "Sofern nötig, schließen wir mit Empfängern in Ländern ohne Angemessenheitsbeschluss "
            "Standardvertragsklauseln ab.",
            {"scc"},
        ),
        ("en", "Transfers to the importer rely on an approved code under Art. 46(2)(e) GDPR.", {"code_of_conduct"}),
        (
            "de",
            "Die Übermittlung stützt sich auf eine Zertifizierung nach Art. 46 Abs. 2 lit. f DSGVO.",
            {"certification"},
        ),
    ],
)
def test_mechanisms_tools_per_part_per_country_and_denied_lists(scanner, lang, text, expected):
    """Onward transfers in another part of the sentence, an adequacy decision for a country named before it, a denied
    list of tools, a negative condition before the tool relied on, and the articles of codes and certification."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "When we transfer personal data outside of the EEA, the United Kingdom, Switzerland or other countries whose "
            "data protection laws have been deemed adequate by the European Commission, we typically rely on standard "
            "contractual clauses.",
        ),
        (
            "de",
            "Wenn wir personenbezogene Daten außerhalb der EU, des EWR oder anderer Länder, deren Datenschutzniveau von "
            "der Europäischen Kommission als angemessen anerkannt wurde, übermitteln, nutzen wir "
            "Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_adequate_countries_closing_the_set_data_leaves_are_no_adequacy(scanner, lang, text):
    """Adequacy that closes the list of places a transfer leaves ("outside of the EEA ... or other countries deemed
    adequate") describes the countries without a decision: the negative condition, not reliance."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Where we transfer personal data outside the EEA, we rely on adequacy decisions of the European Commission "
            "or on standard contractual clauses.",
        ),
        (
            "de",
            "Übermitteln wir Daten außerhalb des EWR, stützen wir uns auf Angemessenheitsbeschlüsse der Europäischen "
            "Kommission oder auf Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_adequacy_relied_on_for_transfers_outside_the_eea_stays(scanner, lang, text):
    """Adequacy named as the basis of transfers that leave the EEA is relied on."""
    assert mechanisms(scanner, text, lang) == {"adequacy", "scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "By using the app, you (a) acknowledge that the app is governed by the laws of the United States, (b) consent "
            "to the collection, storage and transfer of your information in and to the United States, and (c) waive any "
            "claims under other laws.",
        ),
        (
            "en",
            "If you submit information to us, you thereby consent to its use as provided in this Policy and to the "
            "transfer of that information to the United States.",
        ),
        (
            "de",
            "Sie (a) bestätigen, dass die App dem Recht der USA unterliegt, (b) willigen in die Übermittlung Ihrer Daten "
            "in die USA ein und (c) verzichten auf weitere Ansprüche.",
        ),
        (
            "de",
            "Mit der Nutzung willigen Sie in diese Datenschutzerklärung und in die Übermittlung Ihrer Daten in die USA "
            "ein.",
        ),
    ],
)
def test_mechanisms_consent_as_one_of_the_users_acts_or_beside_the_terms_is_derogation(scanner, lang, text):
    """Consent to a transfer given as one item of an enumeration of the user's acts ("you (a) acknowledge ..., (b)
    consent to ..."), or joined by "and" to consent to the policy, is Art. 49(1)(a)."""
    assert mechanisms(scanner, text, lang) == {"derogation"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "You agree to these terms and we transfer your data to the United States."),
        ("de", "Sie stimmen diesen Bedingungen zu und wir übermitteln Ihre Daten in die USA."),
    ],
)
def test_mechanisms_consent_to_terms_beside_a_clause_of_transfer_is_none(scanner, lang, text):
    """An "and" that opens a clause of the vendor's own ("and we transfer") adds no transfer to what is agreed to."""
    assert "derogation" not in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Transfer safeguard: [x] Standard contractual clauses (Module 2) [ ] Binding corporate rules [ ] Derogation "
            "under Art. 49 GDPR",
            {"scc"},
        ),
        ("de", "Garantien für Übermittlungen: ☒ Standardvertragsklauseln ☐ BCR ☐ Angemessenheitsbeschluss", {"scc"}),
        (
            "en",
            "Processing outside the EEA: ☒ yes (India) ☐ no | Standard contractual clauses in place: ☒ yes ☐ no",
            {"scc"},
        ),
        ("en", "Binding corporate rules: ☐ yes ☒ no | Standard contractual clauses: ☐ yes ☒ no", set()),
        (
            "en",
            "☐ The processor will transfer personal data to a third country under Standard Contractual Clauses. "
            "☒ The processor will not transfer personal data to a third country.",
            set(),
        ),
        ("en", "Binding Corporate Rules: not applicable – the provider belongs to no group of companies.", set()),
        (
            "de",
            "Anlage 5 – Standardvertragsklauseln: entfällt, da keine Übermittlung in Drittländer vorgesehen ist.",
            set(),
        ),
        ("en", "Schedule 4 – Standard Contractual Clauses: intentionally left blank.", set()),
    ],
)
def test_mechanisms_forms_ticked_options_and_fields_answered_none(scanner, lang, text, expected):
    """In a form the ticked option is the tool relied on; the empty boxes of the options after it, an answer "no"
    left unticked, an unticked option sentence and a field answered none (with or without its reason) are not."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We have begun drafting binding corporate rules for the group."),
        ("en", "Our standard contractual clauses with the new vendor are still under negotiation."),
        ("en", "Our US affiliate has submitted its self-certification under the Data Privacy Framework."),
        ("de", "Eine Zertifizierung nach dem EU-US Data Privacy Framework ist für das kommende Jahr geplant."),
        ("en", "Zestwell Inc. withdrew from the Data Privacy Framework in 2024."),
        ("de", "Die Brindle Inc. hat ihre Teilnahme am Privacy Shield im Jahr 2020 beendet."),
        (
            "en",
            "The school may export data to the video provider only after concluding its own standard contractual "
            "clauses with it.",
        ),
        (
            "de",
            "Exportiert der Kunde Daten in eigene Systeme außerhalb des EWR, ist er selbst dafür verantwortlich, "
            "Standardvertragsklauseln zu vereinbaren.",
        ),
    ],
)
def test_mechanisms_tools_being_made_withdrawn_or_the_customers_own_are_not_relied_on(scanner, lang, text):
    """Tools being drafted, negotiated, applied for or planned, certifications withdrawn, and tools a customer must
    conclude for its own exports rely on nothing."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We give thirty days' notice of a new sub-processor if it is located in a country that is subject to an "
            "adequacy decision, and ninety days in any other case.",
            set(),
        ),
        (
            "en",
            "Where a recipient is in a country that has an adequacy decision, the transfer is based on that decision.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_a_party_located_in_an_adequate_country_moves_no_data(scanner, lang, text, expected):
    """An adequacy decision makes a sentence one about data leaving the EEA only with a word that moves data, not one
    that only places a party."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We rely on the Data Privacy Framework for transfers to the United States. For UK users we will rely on it "
            "only once, respectively, (i) the adequacy regulations for the UK data bridge enter into force.",
            {"dpf"},
        ),
        (
            "de",
            "Für Übermittlungen in die USA stützen wir uns auf das Data Privacy Framework. Für Nutzer im Vereinigten "
            "Königreich gilt dies erst, sobald der Angemessenheitsbeschluss für die britische Datenbrücke in Kraft "
            "tritt.",
            {"dpf"},
        ),
        (
            "en",
            "The adequacy decision for the United States entered into force in July, and we rely on it.",
            {"dpf"},
        ),
    ],
)
def test_mechanisms_a_tool_awaiting_its_entry_into_force_is_not_relied_on(scanner, lang, text, expected):
    """A tool named between "once"/„sobald" and its entry into force is a condition still to be met; one that has
    entered into force ("entered", past) is relied on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The EU-U.S. Data Privacy Framework entered into force on 10 July 2023.", set()),
        ("en", "The Data Privacy Framework is a mechanism under which US companies can self-certify.", set()),
        ("de", "Das EU-US Data Privacy Framework ist am 10. Juli 2023 in Kraft getreten.", set()),
        ("de", "Das Data Privacy Framework ermöglicht es US-Unternehmen, sich selbst zu zertifizieren.", set()),
        ("en", "We rely on the EU-U.S. Data Privacy Framework, which entered into force on 10 July 2023.", {"dpf"}),
        ("en", "Acme Inc. participates in the Data Privacy Framework that took effect in 2023.", {"dpf"}),
        (
            "de",
            "Die Acme Inc. ist nach dem Data Privacy Framework zertifiziert, das 2023 in Kraft getreten ist.",
            {"dpf"},
        ),
    ],
)
def test_mechanisms_a_tool_told_of_as_law_is_not_relied_on(scanner, lang, text, expected):
    """A tool's history or workings in a clause of their own ("entered into force", "is a mechanism under which US
    companies can self-certify", „ermöglicht es US-Unternehmen") describe the law; a sentence where the vendor speaks,
    data moves or a party takes part in the tool still relies on it."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Standard contractual clauses: no. Data Privacy Framework: yes.", {"dpf"}),
        ("en", "BCR status: pending.", set()),
        ("en", "Data Privacy Framework status: not applicable, as the vendor is based in Brazil.", set()),
        ("de", "DPF-Zertifizierung: beantragt.", set()),
        ("de", "Standardvertragsklauseln oder BCR werden bei uns nicht verwendet.", set()),
        ("en", "SCCs and BCRs are not used for this service.", set()),
    ],
)
def test_mechanisms_fields_answered_no_or_not_held_and_lists_denied_after(scanner, lang, text, expected):
    """A tool's field answered no before the next field, or saying the tool is not held (perhaps after a word such as
    "status"), relies on nothing; a negation after a list of tools denies each of them."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We chose not to rely on the DPF and use standard contractual clauses instead.", {"scc"}),
        ("de", "Auf den Datenschutzrahmen stützen wir uns nicht, sondern auf Standardvertragsklauseln.", {"scc"}),
        ("en", "Our analytics vendor is also DPF-certified, but we do not rely on that; we use SCCs with it.", {"scc"}),
        (
            "de",
            "Der Anbieter ist zwar nach dem Datenschutzrahmen zertifiziert, wir stützen uns jedoch nicht darauf.",
            set(),
        ),
        ("en", "We considered binding corporate rules but decided against them.", set()),
        (
            "de",
            "Die DPF-Zertifizierung des Dienstleisters spielt für uns keine Rolle; wir übermitteln auf Grundlage von "
            "Standardvertragsklauseln.",
            {"scc"},
        ),
        ("en", "The Swiss adequacy decision is noted here for completeness only.", set()),
        ("en", "See also the Commission's implementing decision on the EU-U.S. Data Privacy Framework.", set()),
        ("de", "Siehe auch: Durchführungsbeschluss der Kommission über Standardvertragsklauseln.", set()),
        ("en", "We plan to submit binding corporate rules to our lead authority.", set()),
        ("de", "Die Genehmigung unserer BCR durch die Aufsichtsbehörde steht noch aus.", set()),
    ],
)
def test_mechanisms_tools_set_aside_disowned_or_only_referred_to(scanner, lang, text, expected):
    """A tool the vendor disowns by a pronoun, turns down, says matters not, names for completeness or as further
    reading, or has yet to apply for is not relied on; a tool offered in its place is."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Vendor | Country | Safeguard | Orchard Mail Ltd | Guernsey | Adequacy", {"adequacy"}),
        ("de", "Anbieter | Land | Garantie | Birkenhof Ltd | Israel | Angemessenheit (Israel)", {"adequacy"}),
        ("en", "Adequacy is a concept of the GDPR that many readers find hard.", set()),
        ("en", "Our billing data goes to New Zealand, and those transfers rely on adequacy.", {"adequacy"}),
    ],
)
def test_mechanisms_adequacy_as_a_cell_or_in_a_word(scanner, lang, text, expected):
    """ "Adequacy" alone is the tool as a table's cell or as what a transfer relies on, not in running text."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Although Canada has an adequacy decision, we do not send any personal data there.", set()),
        (
            "de",
            "Unser Hostinganbieter ist zwar nach dem Datenschutzrahmen zertifiziert, die Daten werden jedoch nicht in "
            "die USA übermittelt.",
            set(),
        ),
        (
            "en",
            "Transfers to Japan rely on its adequacy decision, but we do not transfer any data to China.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_a_tool_conceded_against_a_denied_transfer(scanner, lang, text, expected):
    """A tool granted in a clause that moves no data, against a transfer denied after it, is not relied on; a clause
    that itself speaks of the transfer still relies on its tool."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Onward transfers within our group rely on our approved binding corporate rules.", {"bcr"}),
        (
            "en",
            "The 2010 model clauses have been replaced by the 2021 SCCs, which govern our transfers to India.",
            {"scc"},
        ),
        ("en", "The Privacy Shield was superseded by the Data Privacy Framework in 2023.", set()),
        ("de", "Der Datenschutzrahmen hat 2023 das Privacy Shield ersetzt.", set()),
        ("en", "Transfers to Peru are covered by the EU modal clauses.", {"scc"}),
        ("en", "Our partner in Singapore has signed the module two clauses with us.", {"scc"}),
    ],
)
def test_mechanisms_onward_reliance_replacements_and_history(scanner, lang, text, expected):
    """Onward transfers that rely on a tool rely on it; the tool that replaced another is relied on, unless the sentence
    only tells the tools' history; the SCCs by a misspelling or by their module."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Binding corporate rules are a tool under Article 47 that group companies may adopt.", set()),
        ("en", "Standard contractual clauses are template contracts issued by the Commission.", set()),
        (
            "de",
            "Standardvertragsklauseln sind von der Kommission vorgegebene Musterverträge; wir haben sie mit unserem "
            "Dienstleister in Indien abgeschlossen.",
            {"scc"},
        ),
        (
            "de",
            "Abkürzungen: BCR = verbindliche interne Datenschutzvorschriften, SCC = Standardvertragsklauseln.",
            set(),
        ),
        ("en", "Transfer tool: [SCCs / BCRs – delete as appropriate]", set()),
        ("de", "Die Standardvertragsklauseln in Anlage 4 bleiben unausgefüllt.", set()),
    ],
)
def test_mechanisms_tools_explained_spelt_out_or_left_to_choose(scanner, lang, text, expected):
    """A sentence explaining what a tool is, a legend spelling out its abbreviation and a template's options or empty
    annex rely on no tool; an explanation the vendor follows with its own use of the tool does."""
    assert mechanisms(scanner, text, lang) == expected


def test_mechanisms_a_term_defined_by_a_tools_absence_names_no_tool(scanner):
    """A term defined as where the tool is not ('"Restricted Country" means a non-adequate country') is no name of the
    tool: the sentences using it do not rely on adequacy."""
    text = (
        '"Restricted Country" means a non-adequate jurisdiction under the GDPR. Where data goes to a Restricted '
        "Country, the parties conclude the standard contractual clauses."
    )
    assert mechanisms(scanner, text, "en", doc_type="dpa") == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Tollbridge Inc. has self-certified to the EU-U.S. Data Privacy Framework. That certification covers only "
            "human-resources data of our staff, and we do not rely on it for any transfer under this DPA.",
        ),
        (
            "de",
            "Die Tollbridge Inc. ist nach dem EU-US-Datenschutzrahmen zertifiziert. Der Auftragnehmer stützt sich für "
            "Übermittlungen nach diesem Vertrag nicht darauf.",
        ),
    ],
)
def test_mechanisms_a_paragraph_that_puts_its_tool_aside_relies_on_nothing(scanner, lang, text):
    """A paragraph naming one tool and then saying that no transfer under the document rests on it relies on none."""
    assert mechanisms(scanner, text, lang, doc_type="dpa") == set()


def test_mechanisms_adequacy_in_a_word_leaves_the_country_a_destination(scanner):
    """ "Transfers to Israel rely on adequacy": the word after the verb of reliance is the tool, and the country before
    the verb stays where data goes (a country right beside a tool's own name would only qualify the tool)."""
    report = scanner.scan_text("Transfers to Israel rely on adequacy.", language="en", doc_type="privacy_policy")
    assert set(report.mechanisms) == {"adequacy"}
    assert "IL" in {m.value for m in report.mentions if m.kind == "destination"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We have signed the SCCs with our provider in India, so it is not necessary to ask for your consent.",
            {"scc"},
        ),
        (
            "de",
            "Mit dem Dienstleister haben wir Standardvertragsklauseln abgeschlossen, daher ist es nicht erforderlich, "
            "Ihre Einwilligung einzuholen.",
            {"scc"},
        ),
        (
            "en",
            "The data importer may make onward transfers only on the basis of an adequacy decision or binding "
            "corporate rules.",
            set(),
        ),
        (
            "en",
            "The importer shall not make onward transfers unless the onward transfer is based on an adequacy decision.",
            set(),
        ),
        ("en", "Onward transfers within the group rely on its binding corporate rules.", {"bcr"}),
    ],
)
def test_mechanisms_a_consequence_disowns_nothing_and_onward_conditions_rely_on_nothing(scanner, lang, text, expected):
    """ "..., so it is not necessary to ask for consent" is a consequence of the tool, not its disowning; the SCCs' own
    conditions for onward transfers ("only on the basis of", "unless ... based on") are no basis of the vendor's,
    while onward transfers said to rely on a tool are."""
    assert mechanisms(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We may transfer personal data to a third country. In that case, we will adopt standard contractual "
            "clauses or other means approved in your country and transfer the data according to the applicable laws.",
        ),
        (
            "de",
            "Wir können personenbezogene Daten in ein Drittland übermitteln. In diesem Fall schließen wir "
            "Standardvertragsklauseln oder andere in Ihrem Land anerkannte Mittel ab.",
        ),
    ],
)
def test_mechanisms_clauses_or_other_means_are_no_definition(scanner, lang, text):
    """ "Clauses or other means" is the noun "means", not a term being defined: the clauses are relied on."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We may transfer your data to our servers in Japan. The European Commission has determined that Japan has "
            "secured sufficient protection standards regarding personal data.",
        ),
        (
            "en",
            "We may transfer your data to our servers in Japan. The European Commission has found that Japan ensures "
            "sufficient protection of personal data.",
        ),
        (
            "de",
            "Wir übermitteln Ihre Daten auf unsere Server in Japan. Die Europäische Kommission hat festgestellt, dass "
            "Japan ein ausreichendes Schutzniveau gewährleistet.",
        ),
        (
            "de",
            "Wir übermitteln Ihre Daten auf unsere Server in Japan. Die Europäische Kommission hat festgestellt, dass "
            "Japan ein angemessenes Datenschutzniveau bietet.",
        ),
    ],
)
def test_mechanisms_the_commissions_finding_of_sufficient_protection_is_adequacy(scanner, lang, text):
    """The Commission's finding that a country secures "sufficient" protection (as translated policies word the
    adequacy decision), the country named between the finding and its level, is adequacy."""
    assert mechanisms(scanner, text, lang) == {"adequacy"}


BASIS_TABLES = {
    "en": (
        "# Privacy Policy\n\nWe store your data with our hosting provider in the United States under standard "
        "contractual clauses.\n\n## How we use your data\n\n| Purpose | Data | Shared with | {heading} |\n"
        "| --- | --- | --- | --- |\n| Sending invoices to customers in other jurisdictions | Name, address | "
        "Affiliates in other jurisdictions | It is necessary for the performance of a contract with you |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir speichern Ihre Daten bei unserem Hosting-Anbieter in den USA auf Grundlage "
        "von Standardvertragsklauseln.\n\n## Wofür wir Ihre Daten nutzen\n\n| Zweck | Daten | Empfänger | "
        "{heading} |\n| --- | --- | --- | --- |\n| Kundendaten an Konzerngesellschaften in den USA übermitteln | "
        "Name, Anschrift | Konzerngesellschaften in den USA | Zur Erfüllung eines Vertrags mit Ihnen erforderlich |\n"
    ),
}


@pytest.mark.parametrize(
    ("lang", "heading", "expected"),
    [
        ("en", "Legal basis", {"scc"}),
        ("en", "Legal basis for the transfer", {"scc", "derogation"}),
        ("de", "Rechtsgrundlage", {"scc"}),
        ("de", "Rechtsgrundlage der Übermittlung", {"scc", "derogation"}),
    ],
)
def test_mechanisms_a_contract_in_a_purposes_tables_legal_basis_column_is_no_derogation(
    scanner, lang, heading, expected
):
    """A contract named in the "Legal basis" column of a table of purposes („Rechtsgrundlage") is the basis of the
    processing (Art. 6 GDPR), not an Art. 49 derogation for the transfer its row speaks of; in a column on the
    legal basis of the transfer it is one."""
    text = BASIS_TABLES[lang].format(heading=heading)
    assert set(scanner.scan_text(text, language=lang, format="markdown").mechanisms) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We send data about our riders to the team in New Zealand under Commission Decision 2013/65/EU.",
            {"adequacy"},
        ),
        (
            "en",
            "We transfer booking data to our office in Seoul in reliance on Implementing Decision (EU) 2022/254.",
            {"adequacy"},
        ),
        (
            "de",
            "Die Übermittlung an unsere Tochter in Israel erfolgt gestützt auf die Entscheidung 2011/61/EU.",
            {"adequacy"},
        ),
        (
            "de",
            "Wir übermitteln Lagerdaten an den Dienstleister in Uruguay auf Grundlage des Beschlusses 2012/484/EU.",
            {"adequacy"},
        ),
        # The DPF's own decision is the DPF, not a country's adequacy.
        ("en", "Transfers to our US parent rely on Commission Implementing Decision (EU) 2023/1795.", {"dpf"}),
        # A number in a list of sources moves no data.
        ("en", "Sources: Commission Decision 2013/65/EU; Commission Decision 2011/61/EU.", set()),
    ],
)
def test_mechanisms_an_adequacy_decision_named_by_its_number(scanner, lang, text, expected):
    """An adequacy decision cited by its number alone in a sentence on a transfer is the tool relied on (the numbers
    come from rules/facts/adequacy.yml)."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Where a sub-processor sits outside the EEA, the transfer follows Articles 45 to 49 of the GDPR."),
        ("en", "Exports of data to other countries are handled under Art. 45-49 GDPR."),
        ("de", "Übermittlungen an Unterauftragnehmer in Drittländern richten sich nach Art. 45 bis 49 DSGVO."),
    ],
)
def test_mechanisms_a_range_of_chapter_v_articles_names_no_tool(scanner, lang, text):
    """An article that opens a range of Chapter V's articles cites the transfer rules as a whole, not adequacy."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Customer must make sure its exports are lawful. That could require Customer, for instance, to sign standard "
            "contractual clauses with the importer it picks.",
            set(),
        ),
        (
            "en",
            "The client remains solely responsible for transfers to its own partners abroad, including signing standard "
            "contractual clauses with them.",
            set(),
        ),
        (
            "en",
            "Customer may only route data to a recipient outside the EEA once Customer has itself ensured an adequate "
            "level of protection there.",
            set(),
        ),
        (
            "de",
            "Der Kunde prüft selbst, ob für das Zielland seiner Exporte ein Angemessenheitsbeschluss vorliegt.",
            set(),
        ),
        (
            "de",
            "Der Auftraggeber schließt mit seinen eigenen Kunden in Drittländern bei Bedarf Standardvertragsklauseln; wir "
            "übermitteln selbst nichts dorthin.",
            set(),
        ),
        # The vendor's own tool stays relied on.
        ("en", "We send support tickets to our team in India under the standard contractual clauses.", {"scc"}),
    ],
)
def test_mechanisms_the_customers_own_tool_is_not_the_vendors(scanner, lang, text, expected):
    """A tool the customer has to conclude, check or provide itself for its own exports is not one the vendor relies on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "[ ] I consent to my CV being transferred to the recruiting team of Talvik Ltd in Canada."),
        ("en", "The parents consent to the transfer of their child's name to the host school in the United States."),
        ("de", "[ ] Ich willige ein, dass meine Bewerbung an die Personalabteilung in Kanada übermittelt wird."),
        ("de", "Die Eltern willigen in die Übermittlung des Namens ihres Kindes an die Gastschule in den USA ein."),
    ],
)
def test_mechanisms_consent_in_the_first_person_or_by_parents_is_derogation(scanner, lang, text):
    """Consent to a transfer worded by the person concerned ("I consent", tick boxes) or by those who consent for a
    child is relied on as Art. 49(1)(a), as "you consent" is."""
    assert mechanisms(scanner, text, lang) == {"derogation"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our payroll provider in Ohio receives data under its DPF certification; should the DPF cease to apply, we "
            "would move that provider to standard contractual clauses.",
            {"dpf"},
        ),
        (
            "en",
            "Transfers to the Jersey back office rest on the adequacy decision for Jersey; if that decision lapses, the "
            "parties will put standard contractual clauses in place.",
            {"adequacy"},
        ),
        (
            "de",
            "Übermittlungen an das Callcenter in Manchester stützen sich auf den Angemessenheitsbeschluss für das "
            "Vereinigte Königreich; sollte dieser entfallen, vereinbaren die Parteien Standardvertragsklauseln.",
            {"adequacy"},
        ),
        # A fallback the parties have already agreed is in force beside today's tool.
        (
            "de",
            "Übermittlungen an den Hoster in Virginia stützen sich auf dessen DPF-Zertifizierung; sollte diese entfallen, "
            "gelten die zwischen den Parteien bereits vereinbarten Standardvertragsklauseln.",
            {"dpf", "scc"},
        ),
    ],
)
def test_mechanisms_the_fallback_for_a_tool_that_may_lapse_is_not_relied_on(scanner, lang, text, expected):
    """The tool the parties would turn to if today's tool fell away is a prospect, not today's basis, unless they have
    already agreed it."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Change log, March 2024: Pinewick Ltd moved from the Privacy Shield to standard contractual clauses.",
            {"scc"},
        ),
        (
            "en",
            "Our basis for the hosting provider in Texas switched from SCCs to the Data Privacy Framework.",
            {"dpf"},
        ),
        (
            "de",
            "Für den Versanddienst in Kanada haben wir vom Privacy Shield auf Standardvertragsklauseln umgestellt.",
            {"scc"},
        ),
        (
            "en",
            "Our analytics vendor was once covered by the Privacy Shield; since 2021 it has signed SCCs with us instead.",
            {"scc"},
        ),
        (
            "de",
            "Der Newsletter lief früher über das Privacy Shield; seitdem gelten stattdessen Standardvertragsklauseln.",
            {"scc"},
        ),
        (
            "en",
            "Before the court ruling we used the Safe Harbor scheme; we then replaced it with model clauses.",
            {"scc"},
        ),
        # Two tools side by side, without a time since then, are both relied on.
        ("en", "We rely on SCCs for our US host, and the DPF instead for its certified affiliate.", {"dpf", "scc"}),
    ],
)
def test_mechanisms_the_tool_left_for_another_is_history(scanner, lang, text, expected):
    """A tool changed from, or taken over by another tool named later with "instead" and a time since then, is not
    relied on; the tool taken, or the one a tool was replaced with, is."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "² See Commission Decision 2011/61/EU on the protection of personal data by the State of Israel."),
        (
            "en",
            "Implementing Decision (EU) 2023/1795 on the EU-U.S. Data Privacy Framework is listed for reference only; "
            "all hosting stays in Sweden.",
        ),
    ],
)
def test_mechanisms_a_decision_number_in_a_reference_relies_on_nothing(scanner, lang, text):
    """A decision's number in a footnote that moves no data, or beside the tool's name that a reference sets aside,
    names no tool relied on."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Claims data goes to our adjuster in Toronto, relying on the Commission's decision finding Canada adequate.",
            {"adequacy"},
        ),
        (
            "en",
            "Payroll files are transferred to Montevideo under the decision recognising Uruguay as offering adequate "
            "protection.",
            {"adequacy"},
        ),
        (
            "en",
            "Archives are copied to a vault in Israel, a country the Commission has found to ensure an adequate level of "
            "protection.",
            {"adequacy"},
        ),
        # A country as the field before the decision in a list's entry is the decision's own country, beside the DPF.
        (
            "de",
            "Empfänger: Larchwood Inc. (USA, DPF), Tsubame Data K.K. (Japan, Angemessenheitsbeschluss).",
            {"adequacy", "dpf"},
        ),
        # A German compound that starts like an English word of lack negates nothing.
        (
            "de",
            "Die Übermittlung an den Wartungsdienst für unsere Lackierstraßen in Japan erfolgt auf Grundlage des "
            "Angemessenheitsbeschlusses für Japan.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_adequacy_said_by_what_the_decision_finds(scanner, lang, text, expected):
    """An adequacy decision named by its finding, or given as a list entry's field after its country, is relied on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The Commission adopted an adequacy decision for the Republic of Korea in December 2021.", set()),
        ("de", "Die Kommission hat im Jahr 2012 für Uruguay einen Angemessenheitsbeschluss erlassen.", set()),
        # Undated, the decision may be the one the next sentence relies on.
        (
            "de",
            "Für Neuseeland hat die Kommission einen Angemessenheitsbeschluss erlassen. Übermittlungen an unsere "
            "Tochter in Auckland stützen wir auf diesen Beschluss.",
            {"adequacy"},
        ),
        # The decision the vendor's transfer rests on stays relied on.
        (
            "de",
            "Kundendaten gehen nach Neuseeland auf Grundlage des dort erlassenen Angemessenheitsbeschlusses.",
            {"adequacy"},
        ),
        (
            "en",
            "The Commission has adopted an adequacy decision for the UK, and our transfers to London rely on it.",
            {"adequacy"},
        ),
    ],
)
def test_mechanisms_the_commissions_act_told_as_news_relies_on_nothing(scanner, lang, text, expected):
    """That the Commission adopted a decision on a date, told without a transfer or a word of the vendor, describes the
    law."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Transfers to our Boston lab rest only on standard contractual clauses, although the lab is also listed under "
            "the Data Privacy Framework.",
            {"scc"},
        ),
        (
            "de",
            "Übermittlungen an das Labor in Boston beruhen allein auf Standardvertragsklauseln, obwohl das Labor auch nach "
            "dem Data Privacy Framework zertifiziert ist.",
            {"scc"},
        ),
        (
            "en",
            "Sub-processor | Country | Safeguard | Mapleworks Inc. | USA | none yet – DPF certification pending",
            set(),
        ),
        (
            "de",
            "Die Anbieterin plant, sich im Frühjahr nach dem Data Privacy Framework zertifizieren zu lassen.",
            set(),
        ),
        ("de", "Unsere Londoner Tochter nimmt nicht an der UK-Erweiterung des Data Privacy Framework teil.", set()),
    ],
)
def test_mechanisms_a_certification_granted_awaited_or_not_joined_is_not_relied_on(scanner, lang, text, expected):
    """A certification granted beside the only tool relied on, still to be obtained, or not joined relies on nothing."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Data sent to our plant in Querétaro, Mexico, is covered by the clauses of 4 June 2021.", {"scc"}),
        (
            "en",
            "Exports to the call centre in Cebu, Philippines, rely on Module Two of the clauses adopted by the European "
            "Commission on June 4, 2021.",
            {"scc"},
        ),
        ("de", "Übermittlungen an das Lager in Ankara beruhen auf den am 4. Juni 2021 erlassenen Klauseln.", {"scc"}),
        # A date with no clauses and no transfer names no tool.
        ("en", "This notice was last updated on 4 June 2021.", set()),
    ],
)
def test_mechanisms_the_sccs_named_by_their_decisions_date(scanner, lang, text, expected):
    """The clauses of an SCC decision's date (rules/facts/scc.yml), in a sentence on a transfer, are the SCCs."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Customer must make sure its own transfers comply with the law. This may require Customer, for example, "
            "to sign standard contractual clauses with the recipient.",
        ),
        ("en", "Exports to the United States might require you to conclude the SCCs with the importer yourself."),
        (
            "de",
            "Für Übermittlungen in Drittländer kann es erforderlich sein, dass der Kunde selbst "
            "Standardvertragsklauseln mit dem Empfänger abschließt.",
        ),
        ("de", "Hierfür muss der Auftraggeber ggf. Standardvertragsklauseln mit dem Empfänger vereinbaren."),
    ],
)
def test_mechanisms_what_the_customers_compliance_may_require_is_not_relied_on(scanner, lang, text):
    """A tool the customer may need for its own transfers is advice to the customer, not the vendor's basis."""
    assert mechanisms(scanner, text, lang, doc_type="dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Transfers of Customer Data to our US hosting provider may require us to rely on the SCCs, and we do."),
        ("de", "Übermittlungen an unseren US-Hoster stützen wir auf Standardvertragsklauseln."),
    ],
)
def test_mechanisms_the_vendors_own_tool_stays_relied_on(scanner, lang, text):
    assert "scc" in mechanisms(scanner, text, lang, doc_type="dpa")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Data Processing Agreement\n\n8.2 Until 2020 these transfers were made under the Privacy Shield "
            "certification of Holt Inc. Since the Schrems II judgment, Holt no longer relies on that framework.\n\n"
            "## Annex 3 - Sub-processors\n\n| Sub-processor | Location | Transfer mechanism |\n|---|---|---|\n"
            "| Pingmail Inc. | Denver, USA | EU-U.S. Privacy Shield Framework |\n",
        ),
        (
            "de",
            "# Auftragsverarbeitungsvertrag\n\n8.2 Auf den EU-US Privacy Shield stützen wir uns seit dem Urteil "
            "des EuGH nicht mehr.\n\n## Anlage 3 - Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Ort | "
            "Garantie |\n|---|---|---|\n| Pingmail Inc. | Denver, USA | EU-US Privacy Shield |\n",
        ),
    ],
)
def test_mechanisms_a_row_still_giving_a_retired_tool_relies_on_it(scanner, lang, text):
    """Prose retiring a tool does not speak for a recipients' table row that still names it as the basis."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert "privacy_shield" in report.mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We no longer rely on the EU-U.S. Privacy Shield. Some providers we use still describe their "
            "participation in the Privacy Shield Framework; we rely on the SCCs.",
        ),
        (
            "de",
            "Auf den EU-US Privacy Shield stützen wir uns nicht mehr. Einige Dienstleister nehmen weiterhin am "
            "Privacy Shield teil; wir stützen uns auf Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_prose_retiring_a_tool_still_voids_it_in_prose(scanner, lang, text):
    assert "privacy_shield" not in mechanisms(scanner, text, lang, doc_type="dpa")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our mail provider is certified under the EU-U.S. Data Privacy Framework, but no data goes to the US "
            "without your consent.",
            "dpf",
        ),
        (
            "en",
            "Our mail provider is certified under the EU-U.S. Data Privacy Framework; however, nothing is transferred "
            "to the US except support tickets.",
            "dpf",
        ),
        (
            "de",
            "Unser Mailanbieter ist nach dem EU-US Data Privacy Framework zertifiziert, jedoch werden Daten nicht in "
            "die USA übermittelt, es sei denn, der Support erfordert es.",
            "dpf",
        ),
        (
            "en",
            "Our mail provider is certified under the EU-U.S. Data Privacy Framework, but no data goes to the US.",
            None,
        ),
    ],
)
def test_mechanisms_a_tool_conceded_before_a_denial_with_an_exception_is_relied_on(scanner, lang, text, expected):
    """A denial with an exception denies nothing: the tool granted before it covers what the exception lets through."""
    found = mechanisms(scanner, text, lang)
    assert (expected in found) if expected else not found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Transfers to sub-processors outside the EEA shall comply with Article 45 to 47 and 49 GDPR."),
        ("en", "Any third-country transfer takes place only in accordance with Art. 45 through 49 GDPR."),
        ("de", "Übermittlungen in Drittländer erfolgen nur nach Maßgabe der Art. 45 bis 49 DSGVO."),
    ],
)
def test_mechanisms_a_range_of_chapter_v_articles_relies_on_no_adequacy(scanner, lang, text):
    """ "Article 45 to 47" cites a range of Chapter V, every tool in it, as "Art. 45 et seq." does: no adequacy."""
    assert "adequacy" not in mechanisms(scanner, text, lang, doc_type="dpa")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Should we in future need to transfer data outside the EEA, we will rely on SCCs signed with the recipient.",
        ),
        (
            "en",
            "If we ever transfer data to a third country, the transfer will be based on the SCCs agreed with that "
            "recipient.",
        ),
        (
            "de",
            "Sollten wir künftig Daten in Drittländer übermitteln, geschieht dies auf Grundlage von mit dem Empfänger "
            "vereinbarten Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_a_tool_agreed_for_an_imagined_transfer_is_not_relied_on(scanner, lang, text):
    """A tool said to be agreed or signed is still no basis of today's transfers where the transfer it is for is only
    imagined; only a fallback agreed for a first tool that may lapse is in force."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# International transfers\n\n| Recipient | Country | Legal basis |\n|---|---|---|\n"
            "| Acme Inc. | United States | Transfer necessary for the performance of the contract with you |\n"
            "| Beta Ltd | India | Your explicit consent |\n",
        ),
        (
            "en",
            "# Our partners\n\n| Recipient | Country | Legal basis |\n|---|---|---|\n"
            "| Acme Inc. | Data transferred to the United States | Necessary for the performance of the contract with "
            "you |\n",
        ),
        (
            "en",
            "# International transfers\n\n| Recipient | Service | Legal basis |\n|---|---|---|\n"
            "| Acme Inc. | Hosting | Necessary for the performance of the contract with you |\n",
        ),
        (
            "de",
            "# Übermittlungen in Drittländer\n\n| Empfänger | Land | Rechtsgrundlage |\n|---|---|---|\n"
            "| Acme Inc. | USA | Die Übermittlung ist zur Erfüllung des Vertrags mit Ihnen erforderlich |\n",
        ),
    ],
)
def test_mechanisms_a_legal_basis_column_of_a_transfers_table_gives_the_derogation(scanner, lang, text):
    """A "Legal basis" column is the basis of processing only in a table of purposes: in a table of recipients and
    their countries, or under a heading on transfers, a contract named in it is the Art. 49 derogation."""
    assert set(scanner.scan_text(text, language=lang, format="markdown").mechanisms) == {"derogation"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Standard Contractual Clauses which the Commission adopted in 2021 apply between the parties."),
        ("de", "Es gelten die von der Kommission 2021 erlassenen Standardvertragsklauseln."),
        ("de", "Die Standardvertragsklauseln, die die Kommission 2021 erlassen hat, gelten zwischen den Parteien."),
    ],
)
def test_mechanisms_a_tools_adoption_told_in_a_clause_on_it_keeps_the_tool(scanner, lang, text):
    """The adoption of a tool told in a relative clause or participle on it says which tool is meant; the sentence
    still applies it."""
    assert mechanisms(scanner, text, lang) == {"scc"}


def test_mechanisms_the_commissions_adoption_as_news_relies_on_nothing(scanner):
    """That the Commission adopted a tool, as the sentence's own news, tells of the law."""
    assert mechanisms(scanner, "In 2021 the Commission adopted new standard contractual clauses.", "en") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Codes of conduct under Art. 40 GDPR let an industry body set rules for its members; Brindle Ltd makes no "
            "transfers to third countries.",
            set(),
        ),
        (
            "en",
            "Where the UK Addendum is needed for a transfer, the Client concludes it itself with its recipient; we do not "
            "transfer any personal data outside the UK.",
            set(),
        ),
        (
            "de",
            "Das Data Privacy Framework gilt für zertifizierte US-Unternehmen; wir übermitteln keine personenbezogenen "
            "Daten in die USA.",
            set(),
        ),
        (
            "de",
            "Die Standardvertragsklauseln mit unserem früheren Dienstleister in Kanada sind ausgelaufen; eine Übermittlung "
            "in Drittländer findet nicht statt.",
            set(),
        ),
        # Hard negatives: the tool's own part relies on it or is scoped; the denial is of other transfers, of another
        # place, of data the tool does not cover, or admits an exception.
        (
            "en",
            "Transfers to our Tokyo office rely on the adequacy decision for Japan; we make no other transfers.",
            {"adequacy"},
        ),
        (
            "en",
            "Transfers to Canada are covered by the adequacy decision; we do not transfer data to the United States.",
            {"adequacy"},
        ),
        (
            "en",
            "Our ISO 27001 certificate is no transfer tool; transfers to the US are made under the SCCs.",
            {"scc"},
        ),
        (
            "de",
            "Unsere verbindlichen internen Datenschutzvorschriften gelten nur für Personaldaten; Kundendaten werden nicht "
            "in Drittländer übermittelt.",
            {"bcr"},
        ),
        (
            "de",
            "Unsere US-Tochter ist nach dem Data Privacy Framework zertifiziert; die Zertifizierung umfasst keine "
            "Gesundheitsdaten, die wir deshalb nicht in die USA übermitteln.",
            {"dpf"},
        ),
        (
            "de",
            "Mit unserem Hoster in den USA haben wir Standardvertragsklauseln geschlossen; ohne sie werden keine Daten "
            "in die USA übermittelt.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_later_part_denying_any_transfer_leaves_the_tool_unused(scanner, lang, text, expected):
    """A tool explained, left to the customer or gone in one part of a sentence, and a later part (after a semicolon)
    that denies any data moving: the tool is named, not relied on. A part that relies on the tool or holds it for some
    data only keeps it, and so does a denial of other transfers, of another place, of data the tool does not cover, or
    one with an exception."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Quillway LLC has self-certified to the EU-U.S. Safe Harbor Framework.", {"safe_harbor"}),
        (
            "en",
            "Our payment partner is a Safe Harbor participant, and we send it card data on that basis.",
            {"safe_harbor"},
        ),
        (
            "en",
            "Brackenfield Inc. complies with the Safe Harbor Privacy Principles of notice, choice, onward transfer and "
            "access.",
            {"safe_harbor"},
        ),
        ("de", "Die Quillway LLC erhält Ihre Daten auf Grundlage ihrer Safe-Harbor-Zertifizierung.", {"safe_harbor"}),
        (
            "de",
            "Die Brackenfield Inc. ist nach dem EU-US- und dem Swiss-US-Privacy-Shield zertifiziert; darauf stützen wir "
            "die Übermittlung.",
            {"privacy_shield"},
        ),
        # Hard negatives: other safe harbours, and a lapsed clause on the framework.
        ("en", "Our app is certified by a COPPA Safe Harbor program that reviews how we treat children's data.", set()),
        ("en", "We de-identify health records under the HIPAA safe harbor method.", set()),
        ("en", "Section 9 (the Supplier's Safe Harbor certification) has no further effect.", set()),
        ("de", "Die Safe-Harbor-Zertifizierung der Quillway LLC ist nicht mehr gültig.", set()),
    ],
)
def test_mechanisms_the_safe_harbor_framework_by_its_own_name_is_the_tool_anywhere(scanner, lang, text, expected):
    """The framework named as such, or a company's certification or participation in it, is the transfer tool even in
    a sentence that names no third country; the list of its principles ("onward transfer") is no onward transfer. A
    German compound names the Privacy Shield after its parties. Other safe harbours and a lapsed clause are none."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We intend to switch to the Data Privacy Framework next spring.", set()),
        ("en", "After the audit, transfers to our Manila team will move from consent to the SCCs.", set()),
        (
            "en",
            "We keep all data in Frankfurt at present. If this changes, we will conclude SCCs with the recipient first.",
            set(),
        ),
        (
            "de",
            "Wir planen, konzerninterne Übermittlungen ab 2027 auf verbindliche interne Datenschutzvorschriften zu stützen.",
            set(),
        ),
        (
            "de",
            "Alle Daten bleiben derzeit in Deutschland. Sollte sich dies ändern, schließen wir vorher "
            "Standardvertragsklauseln ab.",
            set(),
        ),
        # Hard negatives: a change already made, and an intention that is not about the tool.
        ("en", "We moved from the Privacy Shield to the SCCs in 2020 and rely on them for all US transfers.", {"scc"}),
        (
            "de",
            "Übermittlungen in die USA stützen wir auf Standardvertragsklauseln; wir planen keine Änderung.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_tool_planned_or_for_a_changed_state_is_not_yet_relied_on(scanner, lang, text, expected):
    """A tool the vendor plans or intends to move to, and one promised for when the state just told changes, is not the
    basis of today's transfers; a change already made, or a plan about something else, leaves the tool relied on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Where the recipient sits in a country found adequate, we rely on that adequacy decision; otherwise we use "
            "the SCCs.",
            {"adequacy", "scc"},
        ),
        (
            "en",
            "We share booking data with our agent in Zurich and rely on the Commission's decision that Switzerland "
            "provides adequate protection.",
            {"adequacy"},
        ),
        ("de", "Wir stützen uns dabei auf den Angemessenheitsbeschluss der Kommission für Japan.", {"adequacy"}),
        (
            "de",
            "Unser Partner in Zürich erhält die Daten, denn die Schweiz bietet einen angemessenen Schutz nach dem "
            "Beschluss der Kommission.",
            {"adequacy"},
        ),
        # Hard negatives: a party's own promise, a list of states, and reliance denied.
        ("en", "Our partner in India provides adequate protection under its contract with us.", set()),
        ("en", "The Commission's list names the states with adequate protection.", set()),
        (
            "de",
            "Wir stützen uns nicht auf einen Angemessenheitsbeschluss, sondern auf Standardvertragsklauseln.",
            {"scc"},
        ),
        (
            "de",
            "Übermittlungen in die USA stützen wir nicht auf einen Angemessenheitsbeschluss, sondern auf "
            "Standardvertragsklauseln.",
            {"scc"},
        ),
        ("en", "Transfers to the US do not rely on an adequacy decision but on the SCCs.", {"scc"}),
    ],
)
def test_mechanisms_adequacy_taken_by_reliance_or_said_of_a_country_as_subject(scanner, lang, text, expected):
    """An adequacy decision that a verb of reliance takes is relied on though the sentence names no transfer; a country
    that is the subject of its adequate level is the level's country; a party's promise, a list of states and denied
    reliance are none."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our app holds a COPPA Safe Harbor certification from an approved children's privacy body.", set()),
        ("en", "We de-identify patient records under the HIPAA Safe Harbor framework.", set()),
        ("de", "Unsere Kinder-App hat eine Safe-Harbor-Zertifizierung nach COPPA.", set()),
        # The framework itself, named beside no other law, is still the tool.
        ("en", "Quillway LLC has self-certified to the EU-U.S. Safe Harbor Framework.", {"safe_harbor"}),
        ("de", "Die Quillway LLC ist nach dem Safe-Harbor-Abkommen zertifiziert.", {"safe_harbor"}),
    ],
)
def test_mechanisms_a_safe_harbor_of_another_law_is_no_framework(scanner, lang, text, expected):
    """The words that make "Safe Harbor" the EU-U.S. framework anywhere (its certification, framework, participants)
    are also those of COPPA's and HIPAA's safe harbours: named beside such a law, it is that law's."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Your data will move to US servers under the SCCs.", {"scc"}),
        ("en", "We transfer data to the US under the SCCs and plan to use them for all future transfers.", {"scc"}),
        ("en", "We transfer data to the US under the SCCs; we plan to migrate our servers next year.", {"scc"}),
        (
            "de",
            "Soweit wir eine Übermittlung in die USA planen, erfolgt sie auf Grundlage der Standardvertragsklauseln.",
            {"scc"},
        ),
        (
            "de",
            "Übermittlungen in die USA stützen wir auf die Standardvertragsklauseln; unsere Server werden 2026 umgestellt.",
            {"scc"},
        ),
        # The plan's object is the tool: not yet relied on.
        ("en", "We plan to move our US transfers to BCRs in 2027.", set()),
        (
            "de",
            "Wir teilen mit, dass wir Übermittlungen in die USA künftig auf verbindliche interne "
            "Datenschutzvorschriften umstellen werden.",
            set(),
        ),
    ],
)
def test_mechanisms_a_plan_beside_the_tool_leaves_it_relied_on(scanner, lang, text, expected):
    """Words of a planned change frame a tool only as their object: before it in English and in a German main
    clause, after it for a German verb at the end, with no place between (data moving, not the tool changing) and no
    semicolon (a plan about something else)."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Once our BCR application is approved, transfers within the group will switch from the current contracts "
            "to BCRs.",
            set(),
        ),
        (
            "de",
            "Sobald unsere verbindlichen internen Datenschutzvorschriften genehmigt sind, stützen wir konzerninterne "
            "Übermittlungen in die USA darauf.",
            set(),
        ),
        # Approved already, in no clause opened by "once": relied on.
        ("en", "Our BCRs are approved by the Irish authority and cover transfers to our US affiliate.", {"bcr"}),
    ],
)
def test_mechanisms_a_tool_awaiting_its_approval_is_not_yet_relied_on(scanner, lang, text, expected):
    """A tool named in a clause that opens with "once" and closes with its approval awaits it, as one awaiting its
    entry into force does."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers to our US host are made under the SCCs; we do not transfer any data for marketing.", "scc"),
        (
            "en",
            "Data sent to our US host is protected by standard contractual clauses; we never transfer card data.",
            "scc",
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln; zu Werbezwecken "
            "übermitteln wir keine Daten.",
            "scc",
        ),
        # A status, not a basis: nothing moves in the tool's part, so the denial after it stands.
        ("en", "Our email provider is certified under the DPF; we make no transfers to the US.", None),
        (
            "de",
            "Unser Mailanbieter ist unter dem Data Privacy Framework zertifiziert; wir übermitteln keine Daten in "
            "die USA.",
            None,
        ),
    ],
)
def test_mechanisms_a_tool_named_as_the_basis_survives_a_denial_limited_by_purpose(scanner, lang, text, expected):
    """A basis word before the tool ("under", „auf Grundlage der") makes it the basis of the transfer its part names,
    as a verb of reliance does: a later denial of some data or purpose leaves it relied on."""
    found = mechanisms(scanner, text, lang)
    assert (expected in found) if expected else not found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "In an emergency abroad we may send your records to a hospital outside the EEA where this is necessary "
            "to protect your vital interests.",
        ),
        (
            "en",
            "We may transfer parts of a personnel file to our affiliate in the US as far as necessary for the "
            "defence of legal claims.",
        ),
        (
            "de",
            "Meldungen an Behörden in einem Drittstaat erfolgen nur, soweit dies aus wichtigen Gründen des "
            "öffentlichen Interesses erforderlich ist.",
        ),
        ("en", "We will never send your diary entries outside the EEA without your explicit consent."),
        ("de", "Wir übermitteln Ihre Daten niemals ohne Ihre ausdrückliche Einwilligung in die USA."),
        ("en", "Transfers to our partners abroad happen only if you tick the box agreeing to the transfer."),
        (
            "de",
            "Die Übermittlung an Fachärzte in den USA erfolgt nur, nachdem Sie in die Übermittlung eingewilligt haben.",
        ),
    ],
)
def test_mechanisms_other_grounds_of_art_49_and_consent_as_the_transfers_condition(scanner, lang, text):
    """Vital interests, public interest and legal claims named for a transfer out of the EEA are derogations; so is the
    person's consent that a denial's exception ("never ... without") or a transfer "abroad" makes the condition."""
    assert "derogation" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We transfer your data to the US without your consent, on the basis of SCCs."),
        ("en", "We process your data to protect your vital interests."),
    ],
)
def test_mechanisms_no_consent_nor_processing_basis_is_a_derogation(scanner, lang, text):
    """Consent that a transfer goes without, and vital interests as a basis of processing, are no derogation."""
    assert "derogation" not in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our office in Japan receives booking data; Japan is considered by the European Commission to provide "
            "adequate protection, and we rely on that decision.",
        ),
        (
            "en",
            "Files may be processed by our subsidiary in Uruguay, which the European Commission has recognised as "
            "ensuring adequate protection; the transfer relies on that recognition.",
        ),
        ("en", "Our recipients sit in the UK (adequacy decision) and the United States (Data Privacy Framework)."),
        (
            "de",
            "Empfänger sitzen im Vereinigten Königreich (Angemessenheitsbeschluss) und in den USA (Data Privacy "
            "Framework).",
        ),
    ],
)
def test_mechanisms_a_country_found_adequate_by_the_commission(scanner, lang, text):
    """The Commission as the agent of a country's level, the level without an article, and a decision given in
    brackets for its country beside another country's framework are adequacy relied on."""
    assert "adequacy" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our BCR application is currently pending with the lead supervisory authority.", set()),
        (
            "en",
            "We have applied for approval of BCRs. Until those BCRs are approved, transfers within the group are made "
            "under the EU standard contractual clauses.",
            {"scc"},
        ),
        (
            "de",
            "Wir haben die Genehmigung verbindlicher interner Datenschutzvorschriften beantragt. Bis diese BCR genehmigt "
            "sind, erfolgen Übermittlungen in die USA auf Grundlage der Standardvertragsklauseln.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_tool_still_applied_for_is_not_relied_on(scanner, lang, text, expected):
    """An application still pending, and a tool awaited "until those BCRs are approved", are no basis yet."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Standard contractual clauses are template contracts approved by the European Commission that oblige the "
            "recipient to protect data sent outside the EEA.",
        ),
        ("en", "The EU-U.S. Data Privacy Framework is an arrangement under which US companies can self-certify."),
        (
            "en",
            "An adequacy decision is a finding of the European Commission that a third country offers an adequate "
            "level of protection.",
        ),
        (
            "de",
            "Ein Angemessenheitsbeschluss ist eine Feststellung der EU-Kommission, dass ein Drittland ein angemessenes "
            "Datenschutzniveau bietet.",
        ),
        (
            "de",
            "Das Data Privacy Framework ist ein Abkommen, nach dem sich US-Unternehmen selbst zertifizieren können.",
        ),
    ],
)
def test_mechanisms_a_lesson_on_a_tool_relies_on_nothing_it_names(scanner, lang, text):
    """What a tool is, told as an arrangement or a finding, relies on no tool, not even on those its own words name."""
    assert not mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We have concluded the standard contractual clauses with our hosting provider; we do not transfer data "
            "for marketing purposes.",
            "scc",
        ),
        ("en", "Our BCRs bind every group company; no health data leaves the EEA.", "bcr"),
        (
            "de",
            "Wir haben mit unserem Hoster die Standardvertragsklauseln abgeschlossen; zu Werbezwecken übermitteln wir "
            "keine Daten.",
            "scc",
        ),
        # A denial of every transfer still leaves the tool unused.
        ("en", "Our email provider is certified under the DPF; we make no transfers to the US.", None),
    ],
)
def test_mechanisms_a_tool_in_place_survives_a_denial_limited_by_purpose_or_kind(scanner, lang, text, expected):
    """A denial after a semicolon limited to a purpose or a kind of data („zu Werbezwecken", "no health data") leaves
    the tool before it in place, with or without a word naming it as the transfer's basis."""
    found = mechanisms(scanner, text, lang)
    assert (expected in found) if expected else not found


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Data Privacy Framework is an arrangement under which US companies can self-certify; transfers to "
            "Acme Inc. in the US are covered by the standard contractual clauses.",
        ),
        (
            "en",
            "An adequacy decision is a finding of the Commission that a country protects data adequately, and "
            "transfers to our partner in India rely on standard contractual clauses.",
        ),
        (
            "de",
            "Das Data Privacy Framework ist ein Abkommen, nach dem sich US-Unternehmen selbst zertifizieren können; "
            "Übermittlungen an Acme Inc. in den USA sind durch Standardvertragsklauseln abgesichert.",
        ),
    ],
)
def test_mechanisms_a_lesson_on_one_tool_leaves_the_tool_relied_on_after_it(scanner, lang, text):
    """An explanation holds only the tools its own words name, close after it: a tool past a semicolon or further on is
    the one the transfer rests on."""
    assert "scc" in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Where a transfer takes place under the SCCs, you may ask us for a copy; we do not transfer personal data "
            "outside the EEA.",
        ),
        (
            "de",
            "Soweit eine Übermittlung auf Grundlage der Standardvertragsklauseln erfolgt, erhalten Sie auf Anfrage eine "
            "Kopie; wir übermitteln keine personenbezogenen Daten in Drittländer.",
        ),
    ],
)
def test_mechanisms_a_tool_named_as_a_basis_falls_with_a_denial_of_every_transfer(scanner, lang, text):
    """A basis word before the tool ("under", „auf Grundlage der") does not hold it against a later denial of every
    transfer: only a denial limited to some purpose, kind of data or other transfers leaves it standing."""
    assert "scc" not in mechanisms(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We will never sell your data without your consent; your data is stored in the US under the SCCs."),
        (
            "de",
            "Wir verkaufen Ihre Daten niemals ohne Ihre Einwilligung; Ihre Daten werden in den USA auf Grundlage der "
            "Standardvertragsklauseln gespeichert.",
        ),
    ],
)
def test_mechanisms_consent_as_the_condition_of_something_else_is_no_derogation(scanner, lang, text):
    """ "never ... without your consent" makes consent the basis of a transfer only where its clause names the
    transfer; the condition of a sale beside a transfer under the SCCs is none."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers to the US rely on the DPF; our BCR application is currently pending.", {"dpf"}),
        ("en", "Transfers to the US rely on the SCCs; we have applied for DPF certification.", {"scc"}),
        (
            "de",
            "Übermittlungen in die USA stützen wir auf das Data Privacy Framework; unser Antrag auf Genehmigung von "
            "BCR wird derzeit geprüft.",
            {"dpf"},
        ),
        # Words that name no tool of their own still hold the one before them.
        ("en", "We will rely on BCRs; the application is currently pending.", set()),
    ],
)
def test_mechanisms_a_tool_pending_past_a_semicolon_is_the_one_it_names(scanner, lang, text, expected):
    """A pending application after a semicolon that names its own tool leaves the tool relied on before it in force."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We process health data where necessary to protect your vital interests; our servers are in the US and "
            "transfers rely on the SCCs.",
        ),
        (
            "en",
            "We retain invoices for ten years and, where necessary for the defence of legal claims, beyond; our host "
            "in the US stores them under the SCCs.",
        ),
        (
            "de",
            "Wir verarbeiten Gesundheitsdaten, soweit dies zum Schutz lebenswichtiger Interessen erforderlich ist; "
            "unser Hoster in den USA speichert sie auf Grundlage der Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_an_art_49_ground_in_another_part_than_the_transfer_is_no_derogation(scanner, lang, text):
    """Vital interests or legal claims named as the ground of processing in a part of the sentence that sends nothing
    abroad are no derogation for the transfer the next part states."""
    assert mechanisms(scanner, text, lang) == {"scc"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We never share your data with advertisers without your consent; data is stored in the US.", set()),
        (
            "de",
            "Wir geben Ihre Daten nur mit Ihrer Einwilligung an Werbepartner weiter; gespeichert werden sie in den USA.",
            set(),
        ),
        # Consent in the part that sends the data abroad stays the basis of that transfer.
        (
            "en",
            "We transfer your data to the US only with your consent; we never sell it to advertisers.",
            {"derogation"},
        ),
    ],
)
def test_mechanisms_consent_to_a_disclosure_in_one_part_is_no_basis_for_a_place_in_another(
    scanner, lang, text, expected
):
    """Consent in a part of the sentence that passes data to third parties and moves none abroad is the basis of that
    disclosure, not of the storage abroad another part states."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Commission monitors the Data Privacy Framework every year; its last report came out in 2025."),
        ("en", "The Commission reviews the DPF regularly; a report follows each review."),
        ("en", "The adequacy decision for Korea contains a sunset clause and must be renewed by the Commission."),
        ("en", "Binding corporate rules must be approved by the lead supervisory authority."),
        ("en", "The DPF only covers certified companies, not every US business."),
        ("en", "The Swiss-U.S. Privacy Shield was found not to offer adequate protection in 2020."),
        ("en", "The Privacy Shield was struck down in 2020 and succeeded in 2023 by the Data Privacy Framework."),
        ("de", "Die Kommission überprüft den Datenschutzrahmen jedes Jahr; die letzte Prüfung war 2025."),
        ("de", "Der Angemessenheitsbeschluss für Korea enthält eine Verfallsklausel."),
        (
            "de",
            "Verbindliche interne Datenschutzvorschriften müssen von der federführenden Aufsichtsbehörde genehmigt werden.",
        ),
        ("de", "Der Datenschutzrahmen erfasst nur zertifizierte Unternehmen."),
        ("de", "Der BCR-Antrag der Gruppe wurde im Jahr 2022 zurückgezogen."),
        ("de", "Weiterführende Informationen: Beschluss (EU) 2021/914 über Standardvertragsklauseln."),
        (
            "de",
            "Begriff „Angemessenheitsbeschluss“: Entscheidung der Kommission, dass ein Drittland genug Schutz bietet.",
        ),
    ],
)
def test_mechanisms_the_laws_upkeep_of_a_tool_is_no_reliance(scanner, lang, text):
    """How the law keeps a tool (reviews, renewals, approvals, whom it covers, its successor), told where nobody speaks
    for the vendor and nothing is relied on past a semicolon, describes the tool; no transfer rests on it."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # The vendor's own reliance beside the description stays.
        ("en", "Acme Inc. is certified under the DPF; the Commission reviews the framework regularly.", {"dpf"}),
        ("en", "We transfer data to the US under the DPF, which the Commission reviews regularly.", {"dpf"}),
        ("de", "Die Kommission überprüft den Datenschutzrahmen jährlich; wir stützen uns auf ihn.", {"dpf"}),
    ],
)
def test_mechanisms_a_description_beside_reliance_keeps_the_tool(scanner, lang, text, expected):
    """A description of the tool's upkeep beside the vendor relying on it, or past a semicolon that relies on it, leaves
    the reliance as it is."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Enterprise customers may ask for the SCCs, which we then sign with them; they are not part of our standard "
            "terms.",
            set(),
        ),
        ("en", "A UK Addendum can be agreed for single customers and is not included in our standard DPA.", set()),
        (
            "de",
            "Standardvertragsklauseln schließen wir auf Wunsch gesondert ab; Bestandteil unseres Standardvertrags sind "
            "sie nicht.",
            set(),
        ),
        ("de", "Die Standardvertragsklauseln sind nicht Bestandteil unseres Standardvertrags.", set()),
        # Another instrument past the semicolon is the one outside the standard terms.
        ("en", "Transfers to the US rely on the SCCs; the UK Addendum is not part of our standard terms.", {"scc"}),
    ],
)
def test_mechanisms_a_tool_outside_the_standard_terms_is_on_offer(scanner, lang, text, expected):
    """A tool the vendor offers outside its standard terms is not the basis of the transfers those terms describe."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Customer shall make sure that any transfer by Customer to its own recipients abroad meets Chapter V, for "
            "instance by signing SCCs with them.",
        ),
        (
            "de",
            "Der Kunde prüft, ob Übermittlungen, die er selbst an eigene Empfänger im Ausland vornimmt, Kapitel V "
            "genügen, etwa mit Standardvertragsklauseln.",
        ),
    ],
)
def test_mechanisms_the_tool_of_the_customers_own_transfers_is_not_the_vendors(scanner, lang, text):
    """A tool for the transfers the customer makes itself to its own recipients is the customer's, not the vendor's."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Mit unserem Dienstleister in Peru haben wir die EU-Modellvertragsklauseln abgeschlossen.", {"scc"}),
        (
            "de",
            "Übermittlungen an die Tannhag Ltd. in Indien erfolgen auf Basis der EU-Standard-Vertragsklauseln.",
            {"scc"},
        ),
        (
            "de",
            "Die Rotmoos Inc. ist nach dem EU-US Datenschutz-Rahmenwerk zertifiziert; darauf beruht die Übermittlung.",
            {"dpf"},
        ),
        ("de", "Die Übermittlung an die Rotmoos Inc. in den USA beruht auf dem EU-US-Data-Privacy-Framework.", {"dpf"}),
        ("en", "Our analytics vendor Ferngate Inc. is certified under the EU-U.S. Data Privacy Frame work.", {"dpf"}),
    ],
)
def test_mechanisms_tool_names_hyphenated_old_or_misspelt(scanner, lang, text, expected):
    """A tool's name with a prefix and hyphens, its old German name or a split word still names the tool."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Wir übermitteln Daten an die Brauneck Inc. auf Grundlage ihrer Zertifizierung nach dem Data Privacy Framework "
            "und nicht auf Grundlage Ihrer Einwilligung.",
            {"dpf"},
        ),
        ("en", "Transfers to our US host Quillmoor Inc. rely on the SCCs and not on your consent.", {"scc"}),
        # A negation that ends the clause still denies the tool before it.
        ("en", "Transfers to our US host rely on the SCCs; the Data Privacy Framework is not relied on.", {"scc"}),
    ],
)
def test_mechanisms_and_not_denies_what_follows(scanner, lang, text, expected):
    """ "X and not Y": the negation opens a second object; the tool before it stands."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Der Konzern hat BCR beantragt und genehmigt bekommen; sie gelten für Übermittlungen an unsere Gesellschaften "
            "in Brasilien.",
            {"bcr"},
        ),
        (
            "en",
            "The group applied for and obtained approval of its Binding Corporate Rules, which cover transfers to our "
            "offices in Brazil.",
            {"bcr"},
        ),
        (
            "en",
            "The group has applied for approval of Binding Corporate Rules for transfers to our offices in Brazil.",
            set(),
        ),
        ("de", "Der Konzern hat BCR für Übermittlungen nach Brasilien beantragt.", set()),
    ],
)
def test_mechanisms_an_application_granted_is_in_force(scanner, lang, text, expected):
    """A tool applied for and granted is relied on; one only applied for is not."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Kanada verfügt nach Feststellung der EU-Kommission über ein angemessenes Datenschutzniveau; unser Büro in "
            "Toronto erhält die Daten auf dieser Grundlage.",
            {"adequacy"},
        ),
        (
            "en",
            "Onward transfers by our US subsidiary to its vendors follow the principles of the Data Privacy Framework, "
            "under which the subsidiary is certified.",
            {"dpf"},
        ),
        (
            "de",
            "Weiterübermittlungen durch unsere US-Gesellschaft erfolgen nach den Grundsätzen des Data Privacy Framework, "
            "nach dem diese Gesellschaft zertifiziert ist.",
            {"dpf"},
        ),
        # The conditions for onward transfers without a party certified stay conditions.
        (
            "en",
            "The importer may make onward transfers only to recipients certified under the Data Privacy Framework.",
            set(),
        ),
    ],
)
def test_mechanisms_finding_put_between_and_certified_onward(scanner, lang, text, expected):
    """The Commission's finding put between a country and its level keeps the level the country's; onward transfers
    under a framework the sender is certified under rest on it."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Should Supplier in future use a hosting provider outside the EEA, it will first sign standard contractual "
            "clauses with it.",
        ),
        (
            "en",
            "If Customer wishes to have data sent to Supplier's office in Canada, the Parties will agree an addendum, "
            "including standard contractual clauses, beforehand.",
        ),
        (
            "de",
            "Soll künftig ein Rechenzentrum in den USA genutzt werden, vereinbaren die Parteien vorher "
            "Standardvertragsklauseln.",
        ),
        ("en", "Hollowell will consider adopting Binding Corporate Rules once it has offices abroad."),
    ],
)
def test_mechanisms_a_tool_for_an_imagined_transfer_is_not_relied_on(scanner, lang, text):
    """A tool named for a transfer a contract only imagines, or one the vendor may consider one day, is not relied on."""
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The GDPR allows transfers outside the EEA only on certain grounds, for instance an adequacy decision or a "
            "derogation under Article 49.",
            set(),
        ),
        (
            "de",
            "Die DSGVO gestattet Übermittlungen in Drittländer nur unter Bedingungen, zum Beispiel auf Grundlage eines "
            "Angemessenheitsbeschlusses oder einer Ausnahme nach Art. 49 DSGVO.",
            set(),
        ),
        (
            "en",
            "Our legal team follows legal developments concerning the EU-U.S. Data Privacy Framework closely.",
            set(),
        ),
        ("de", "Wir verfolgen die Rechtsentwicklung zum EU-US Data Privacy Framework aufmerksam.", set()),
        # The vendor going on to its own transfers relies on the tool.
        (
            "en",
            "The GDPR allows transfers under standard contractual clauses, and we have signed them with our US host.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_the_law_speaking_or_the_vendor_watching(scanner, lang, text, expected):
    """The GDPR listing the tools it permits, or the vendor watching a tool, relies on none of them."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Although our US parent is certified under the Data Privacy Framework, it does not receive any customer data.",
            set(),
        ),
        (
            "de",
            "Unsere US-Muttergesellschaft ist zwar nach dem DPF zertifiziert, erhält aber keine Kundendaten.",
            set(),
        ),
        ("de", "Unser US-Dienstleister ist nach dem DPF zertifiziert, erhält aber nur verschlüsselte Daten.", {"dpf"}),
        (
            "de",
            "Seit 2023 gibt es den Data Privacy Framework, an dem wir nicht teilnehmen.",
            set(),
        ),
        ("en", "Since 2023 there is the Data Privacy Framework, in which we do not take part.", set()),
        (
            "de",
            "Wir haben uns einem Verhaltenskodex für Cloud-Dienste unterworfen; für Drittlandübermittlungen nutzen wir "
            "diesen Kodex nicht.",
            set(),
        ),
    ],
)
def test_mechanisms_a_tool_granted_then_disowned(scanner, lang, text, expected):
    """A certification granted against a denial that data arrives, or a tool the vendor says it takes no part in or
    does not use for transfers, is not relied on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Sub-processor | Country | Safeguard | Row: Pellworth Inc. | USA | DPF — certification lapsed, service paused",
            set(),
        ),
        (
            "de",
            "Unterauftragsverarbeiter | Land | Garantie | Zeile: Pellworth Inc. | USA | DPF – Zertifizierung abgelaufen",
            set(),
        ),
        (
            "en",
            "Sub-processor | Country | Safeguard | Row: Pellworth Inc. | USA | DPF — certified since 2023",
            {"dpf"},
        ),
    ],
)
def test_mechanisms_a_dash_in_a_cell_qualifies_the_tool(scanner, lang, text, expected):
    """Within a table's cell the words after a dash speak of the tool before it."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Häufige Frage: Sind Sie nach dem Data Privacy Framework zertifiziert? – Nein, das ist nicht nötig.",
            set(),
        ),
        (
            "de",
            "Sind Sie nach dem Data Privacy Framework zertifiziert? – Ja, darauf beruhen unsere Übermittlungen.",
            {"dpf"},
        ),
        (
            "en",
            "Commission Implementing Decision (EU) 2021/914 of 4 June 2021 on standard contractual clauses for the "
            "transfer of personal data to third countries.",
            set(),
        ),
        (
            "de",
            "Durchführungsbeschluss (EU) 2021/914 der Kommission vom 4. Juni 2021 über Standardvertragsklauseln für die "
            "Übermittlung personenbezogener Daten an Drittländer.",
            set(),
        ),
        (
            "en",
            "Commission Implementing Decision (EU) 2021/914 sets out the standard contractual clauses we signed with our "
            "US host.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_question_answered_no_and_a_cited_title(scanner, lang, text, expected):
    """A question whose answer after a dash is "no", and a decision's title cited alone, rely on nothing."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers to Ashby Inc. used to rest on Safe Harbor and later on the Privacy Shield.", set()),
        ("en", "We used to rely on the Privacy Shield and now rely on the Data Privacy Framework.", {"dpf"}),
        (
            "en",
            "Since 2023 Ashby Inc. has been certified under the Data Privacy Framework, and we now rely on that "
            "certification instead of the standard contractual clauses.",
            {"dpf"},
        ),
        ("de", "Wir stützen uns auf den Data Privacy Framework anstelle der Standardvertragsklauseln.", {"dpf"}),
        (
            "de",
            "Auf eine ausdrückliche Einwilligung nach Art. 49 Abs. 1 lit. a DSGVO stützt sich die Anbieterin für keine "
            "Übermittlung.",
            set(),
        ),
        (
            "de",
            "Auf die Standardvertragsklauseln stützt sich die Anbieterin für alle Übermittlungen in die USA.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_history_joined_set_aside_and_reliance_denied(scanner, lang, text, expected):
    """What was joins every tool "and" adds to the first; a tool "instead of" which another is used, and one whose verb
    of reliance is denied after it, are not relied on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Transfers abroad rest on the Commission's adequacy decisions, the Data Privacy Framework for certified US "
            "vendors, or the standard contractual clauses otherwise.",
            {"adequacy", "dpf", "scc"},
        ),
        (
            "de",
            "Übermittlungen ins Ausland beruhen auf den Angemessenheitsbeschlüssen der Kommission, dem Data Privacy "
            "Framework für zertifizierte US-Anbieter oder sonst auf Standardvertragsklauseln.",
            {"adequacy", "dpf", "scc"},
        ),
        # Side by side without a list the decision is the framework's own.
        ("en", "Transfers to the US rely on the Data Privacy Framework and the related adequacy decision.", {"dpf"}),
    ],
)
def test_mechanisms_a_list_of_three_tools_are_alternatives(scanner, lang, text, expected):
    """Tools parted by commas with a third joined by "or" are items of one list; none describes its neighbour."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Only a condition names the third country: the tools of the rule are those a transfer would rest on.
        (
            "de",
            "Sofern wir Daten in einem Drittland verarbeiten, geschieht dies nur auf gesetzlicher Grundlage. Vorbehaltlich "
            "ausdrücklicher Einwilligung verarbeiten wir die Daten nur in Drittländern mit einem anerkannten "
            "Datenschutzniveau, auf Grundlage von Standardschutzklauseln der EU-Kommission oder verbindlicher interner "
            "Datenschutzvorschriften.",
            set(),
        ),
        (
            "en",
            "If we process data in a third country, we do so only on a legal basis. Subject to your explicit consent, we "
            "process the data only in third countries with a recognised level of data protection, under the standard "
            "contractual clauses of the EU Commission or binding corporate rules.",
            set(),
        ),
        # A transfer disclosed elsewhere makes them the tools of that transfer.
        (
            "en",
            "Our host Brindle Inc. stores the data in the United States. Subject to your explicit consent, we process "
            "the data only in third countries with safeguards such as the standard contractual clauses.",
            {"derogation", "scc"},
        ),
    ],
)
def test_mechanisms_tools_of_a_rule_for_third_countries_need_a_disclosed_transfer(scanner, lang, text, expected):
    """The tools of "we process data only in third countries with ..." are relied on only where the document discloses
    a transfer; a third country only a condition names discloses none."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # The vendor's part in the tool denied in the relative clause disowns it; what it does with the text does not.
        (
            "en",
            "We send data to Quillmoor Inc. in the US under standard contractual clauses, which we do not publish.",
            {"scc"},
        ),
        (
            "en",
            "We send data to Quillmoor Inc. in the US under standard contractual clauses, which we cannot share with you.",
            {"scc"},
        ),
        (
            "de",
            "Wir senden Daten an Quillmoor Inc. in den USA auf Grundlage von Standardvertragsklauseln, die wir nicht "
            "veröffentlichen.",
            {"scc"},
        ),
        (
            "en",
            "Data goes to Quillmoor Inc. in the US under the Data Privacy Framework, in which we do not take part "
            "ourselves but Quillmoor does.",
            {"dpf"},
        ),
        ("en", "Since 2023 there is the Data Privacy Framework, in which we do not take part.", set()),
        ("de", "Es gibt den Data Privacy Framework, dem wir nicht beigetreten sind.", set()),
    ],
)
def test_mechanisms_a_relative_clause_disowns_only_the_vendors_part(scanner, lang, text, expected):
    """A relative clause after a tool disowns it where the vendor denies taking part in it, using or signing it; not
    where it denies publishing it, nor where another party takes the part the vendor does not."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A clause after the denial on what does arrive is not read: anonymous statistics are no personal data.
        (
            "en",
            "Although Quillmoor Inc. is certified under the Data Privacy Framework, we do not send it any personal data; "
            "it receives only anonymous usage counts.",
            set(),
        ),
        (
            "de",
            "Quillmoor Inc. ist zwar nach dem DPF zertifiziert, erhält aber keine Klardaten, sondern nur verschlüsselte "
            "Sicherungen in den USA.",
            {"dpf"},
        ),
        (
            "en",
            "Quillmoor Inc. is certified under the DPF, but it does not receive any data beyond names and email "
            "addresses, which we send to the US.",
            {"dpf"},
        ),
        (
            "de",
            "Quillmoor Inc. ist nach dem DPF zertifiziert, erhält aber keine anderen Daten als Namen und "
            "E-Mail-Adressen, die wir in die USA übermitteln.",
            {"dpf"},
        ),
        (
            "de",
            "Unser US-Hoster Quillmoor Inc. ist nach dem DPF zertifiziert, verarbeitet aber keine Daten ohne unsere "
            "Weisung.",
            {"dpf"},
        ),
        # Denied whole, the certification stays named only.
        (
            "en",
            "Although our US parent is certified under the Data Privacy Framework, it does not receive any customer data.",
            set(),
        ),
    ],
)
def test_mechanisms_a_certified_recipient_denied_some_data_still_receives(scanner, lang, text, expected):
    """A certification granted against a denial narrowed right after it to some data (an exception, "beyond", „sondern
    nur") is the basis of what the recipient receives."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We use standard contractual clauses instead of relying on your consent for transfers to Quillmoor Inc. in "
            "the US.",
            {"scc"},
        ),
        (
            "de",
            "Wir nutzen Standardvertragsklauseln anstelle Ihrer Einwilligung für Übermittlungen an Quillmoor Inc. in den "
            "USA.",
            {"scc"},
        ),
        (
            "de",
            "Für Übermittlungen an Quillmoor Inc. in den USA nutzen wir Standardvertragsklauseln, anstatt uns auf Ihre "
            "Einwilligung zu stützen.",
            {"scc"},
        ),
        (
            "en",
            "Instead of the standard contractual clauses, transfers to Quillmoor Inc. in the US rest on your explicit "
            "consent.",
            {"derogation"},
        ),
    ],
)
def test_mechanisms_consent_set_aside_instead_of(scanner, lang, text, expected):
    """Consent "instead of" which another tool is used, even past a verb of reliance, is not relied on."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We process data only in third countries with an adequacy decision; our support partner Tessaly Ltd. in "
            "Canada receives customer data.",
            {"adequacy"},
        ),
        (
            "de",
            "Wir verarbeiten Daten nur in Drittländern mit einem Angemessenheitsbeschluss; unser Supportpartner Tessaly "
            "Ltd. in Kanada erhält Kundendaten.",
            {"adequacy"},
        ),
        (
            "en",
            "We process data only in third countries with an adequate level of protection; for our US host Quillmoor Inc. "
            "we have concluded standard contractual clauses.",
            {"adequacy", "scc"},
        ),
        (
            "en",
            "We process data only in third countries with an adequacy decision or under standard contractual clauses.",
            set(),
        ),
    ],
)
def test_mechanisms_a_rule_for_third_countries_ends_at_its_semicolon(scanner, lang, text, expected):
    """Past a semicolon a sentence opening with "only in third countries with ..." speaks of a transfer of its own."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers to our American hosting partners were based on Safe Harbor and the Privacy Shield.", set()),
        ("en", "Exports to Larchmont Inc. in the US were carried out under the Privacy Shield.", set()),
        (
            "de",
            "Übermittlungen an unsere Partner in den USA erfolgten auf Grundlage von Safe Harbor und dem Privacy Shield.",
            set(),
        ),
        ("de", "Die Safe-Harbor-Zertifizierung der Larchmont Inc. aus dem Jahr 2013 ist gegenstandslos.", set()),
        # Told in the present, the invalidated tool is still presented as the basis.
        ("en", "Transfers to our American hosting partners are based on the Privacy Shield.", {"privacy_shield"}),
        ("de", "Übermittlungen in die USA erfolgen auf Grundlage des Privacy Shield.", {"privacy_shield"}),
    ],
)
def test_mechanisms_an_invalidated_tool_told_in_the_simple_past_is_history(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The transfer to Quillmoor Inc. relies on Commission Implementing Decision (EU) 2023/1795.", {"dpf"}),
        ("en", "Quillmoor Inc. is certified under Implementing Decision (EU) 2023/1795.", {"dpf"}),
        (
            "de",
            "Die Übermittlung an die Quillmoor Inc. stützt sich auf den Durchführungsbeschluss (EU) 2023/1795.",
            {"dpf"},
        ),
        ("de", "Die Quillmoor Inc. ist gemäß dem Durchführungsbeschluss (EU) 2023/1795 zertifiziert.", {"dpf"}),
        # Cited, not relied on.
        ("en", "See Implementing Decision (EU) 2023/1795 for the background.", set()),
        ("de", "Der Durchführungsbeschluss (EU) 2023/1795 wurde am 10. Juli 2023 erlassen.", set()),
    ],
)
def test_mechanisms_the_dpf_named_by_its_decision_number_as_a_basis(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Transfers of your data to countries outside the EEA take place only if you have given your explicit consent.",
            {"derogation"},
        ),
        ("en", "We use consent for transfers to Brazil.", {"derogation"}),
        (
            "de",
            "Die Übermittlung nach Kanada wird nur vorgenommen, wenn Sie uns ausdrücklich darum bitten und hierin "
            "einwilligen.",
            {"derogation"},
        ),
        (
            "de",
            "Eine Übermittlung in Drittländer erfolgt nur, sofern dies für die Vertragserfüllung nötig ist oder Sie uns "
            "Ihre Einwilligung erteilt haben.",
            {"derogation"},
        ),
        ("de", "Wir nutzen die Einwilligung für Übermittlungen nach Brasilien.", {"derogation"}),
        # The customer's consent in a processor's terms is its instruction, not the person's consent.
        ("en", "The processor may transfer data outside the EEA only if the customer has consented in writing.", set()),
        (
            "de",
            "Eine Übermittlung in Drittländer erfolgt nur, wenn der Auftraggeber zuvor schriftlich eingewilligt hat.",
            set(),
        ),
    ],
)
def test_mechanisms_consent_as_the_condition_or_the_vendors_basis_of_a_transfer(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The full text of the Commission's standard contractual clauses is published at https://eur-lex.europa.eu/.",
            set(),
        ),
        (
            "en",
            "The list of companies certified under the Data Privacy Framework is at https://example.org/dpf-list.",
            set(),
        ),
        ("de", "Unter https://eur-lex.europa.eu/ finden Sie den Wortlaut der Standardvertragsklauseln.", set()),
        (
            "de",
            "Die Liste der nach dem Datenschutzrahmen zertifizierten Unternehmen ist unter https://example.org/ abrufbar.",
            set(),
        ),
        # The vendor's own clauses, or a party's certification, with a link: relied on.
        ("en", "A copy of the standard contractual clauses we use is available at https://example.org/scc.", {"scc"}),
        (
            "de",
            "Den Text der von uns verwendeten Standardvertragsklauseln finden Sie unter https://example.org/scc.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_link_to_a_tools_text_or_list_is_no_reliance(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Ostrava Analytics Inc. is certified under the Data Privacy Framework, but we base our transfers to it solely on "
            "the standard contractual clauses we signed with it.",
            {"scc"},
        ),
        (
            "de",
            "Die Ostrava Analytics Inc. ist unter dem Datenschutzrahmen zertifiziert, doch stützen wir unsere Übermittlungen "
            "an sie ausschließlich auf die mit ihr abgeschlossenen Standardvertragsklauseln.",
            {"scc"},
        ),
        # Each tool for its own recipient: both relied on.
        (
            "en",
            "We rely on the DPF for Ostrava Analytics Inc., but only on the SCCs for our support team in India.",
            {"dpf", "scc"},
        ),
        (
            "de",
            "Die Ostrava Analytics Inc. ist nach dem Datenschutzrahmen zertifiziert und wir nutzen zusätzlich "
            "Standardvertragsklauseln.",
            {"dpf", "scc"},
        ),
    ],
)
def test_mechanisms_a_tool_held_before_another_said_to_be_the_only_basis(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Until 2023 we relied on SCCs for transfers to the US; today we rely on the DPF.", {"dpf"}),
        ("en", "Transfers to the US were based on SCCs until 2023; since then they rely on the DPF.", {"dpf"}),
        (
            "de",
            "Bis 2023 erfolgten Übermittlungen in die USA auf Grundlage von Standardvertragsklauseln; heute stützen wir uns "
            "auf den Datenschutzrahmen.",
            {"dpf"},
        ),
        # Both told in the present: both relied on.
        ("en", "Transfers to India are based on SCCs; today we also use the DPF for the US.", {"dpf", "scc"}),
    ],
)
def test_mechanisms_a_tool_relied_on_then_and_another_now(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Sableworth Pay Inc. is currently seeking certification under the EU-U.S. Data Privacy Framework; until then no "
            "card data goes to the US.",
            set(),
        ),
        (
            "de",
            "Die Sableworth Pay Inc. bemüht sich derzeit um eine Zertifizierung nach dem EU-US-Datenschutzrahmen; bis dahin "
            "werden keine Kartendaten in die USA übermittelt.",
            set(),
        ),
        (
            "de",
            "Bis zur Genehmigung unserer Binding Corporate Rules stützen wir konzerninterne Übermittlungen auf "
            "Standardvertragsklauseln.",
            {"scc"},
        ),
        (
            "en",
            "The hosting provider ended its participation in the DPF in 2025; since then transfers rely on SCCs.",
            {"scc"},
        ),
        (
            "de",
            "Der Hosting-Anbieter hat seine Teilnahme am Datenschutzrahmen 2025 beendet; Übermittlungen erfolgen seitdem auf "
            "Grundlage von Standardvertragsklauseln.",
            {"scc"},
        ),
    ],
)
def test_mechanisms_a_tool_sought_awaited_or_left_is_not_relied_on(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our mailing provider Tolvern Inc. is DPF-certified and does not receive health data; it receives contact data "
            "in the US.",
            {"dpf"},
        ),
        (
            "de",
            "Unser Versanddienstleister Tolvern Inc. ist nach dem DPF zertifiziert und erhält keine Gesundheitsdaten; er "
            "erhält Kontaktdaten in den USA.",
            {"dpf"},
        ),
        # No data of the person goes there: the denial stands and no tool is relied on.
        (
            "en",
            "Our mailing provider Tolvern Inc. is DPF-certified and does not receive health data; it receives only "
            "anonymous statistics.",
            set(),
        ),
    ],
)
def test_mechanisms_a_denial_limited_to_some_data_beside_a_transfer_denies_no_tool(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We dispense with standard contractual clauses because all customer data stays in Slovenia."),
        ("de", "Wir verzichten auf Standardvertragsklauseln, da wir Ihre Daten ausschließlich in Slowenien speichern."),
    ],
)
def test_mechanisms_a_tool_the_vendor_does_without_is_not_relied_on(scanner, lang, text):
    assert mechanisms(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "This notice does not cover transfers by third-party websites we link to, which may rely on their own "
            "mechanisms such as SCCs.",
            set(),
        ),
        (
            "de",
            "Diese Erklärung gilt nicht für Übermittlungen durch verlinkte Websites Dritter, die sich gegebenenfalls auf "
            "ihre eigenen Mechanismen wie Standardvertragsklauseln stützen.",
            set(),
        ),
        (
            "en",
            "The standard contractual clauses in Annex 4 are attached only as a template and are completed once a "
            "sub-processor outside the EEA is engaged; none is engaged today.",
            set(),
        ),
        (
            "de",
            "Die Standardvertragsklauseln in Anlage 4 sind nur als Muster beigefügt und werden erst ausgefüllt, wenn ein "
            "Unterauftragsverarbeiter außerhalb des EWR beauftragt wird; derzeit ist keiner beauftragt.",
            set(),
        ),
        # The vendor's own clauses, built on the Commission's model: relied on.
        ("en", "Transfers to our host in Canada and the US rely on standard contractual clauses.", {"scc"}),
    ],
)
def test_mechanisms_another_partys_own_tools_and_a_blank_template_are_not_relied_on(scanner, lang, text, expected):
    assert mechanisms(scanner, text, lang) == expected


def _transfers(scanner, text, lang):
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    return {t.destination: set(t.mechanisms) for t in report.transfers}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A past verb after the tool speaks of the tool itself; the transfer rests on it today.
        (
            "en",
            "We send booking data to the United States under the Privacy Shield, which we have used since 2017 and "
            "which was based on a Commission decision.",
            {"US": {"privacy_shield"}},
        ),
        (
            "de",
            "Wir senden Buchungsdaten auf Grundlage des Privacy Shield in die USA, das wir seit 2017 nutzen und das "
            "auf einem Beschluss der Kommission beruhte.",
            {"US": {"privacy_shield"}},
        ),
        # A past basis joined to its present, or said to hold still.
        (
            "en",
            "Ferngate sends data to the US. These transfers were based on the Privacy Shield and still are.",
            {"US": {"privacy_shield"}},
        ),
        (
            "de",
            "Ferngate sendet Daten in die USA. Die Übermittlung erfolgte und erfolgt auf Grundlage des Privacy Shield.",
            {"US": {"privacy_shield"}},
        ),
        (
            "de",
            "Übermittlungen an Ferngate in den USA erfolgten auf Grundlage des Privacy Shield und erfolgen weiterhin "
            "auf dieser Grundlage.",
            {"US": {"privacy_shield"}},
        ),
        # Still history where another tool takes its place.
        (
            "en",
            "Transfers to Ferngate's US data centre were based on the Privacy Shield and are now made under the SCCs.",
            {"US": {"scc"}},
        ),
        # A tool added to the one relied on before keeps the first.
        (
            "en",
            "We send data to the US. We relied on the SCCs, and since 2024 we also rely on the DPF.",
            {"US": {"scc", "dpf"}},
        ),
        (
            "de",
            "Übermittlungen in die USA erfolgten auf Grundlage der Standardvertragsklauseln; seit 2024 stützen wir sie "
            "zusätzlich auf den DPF.",
            {"US": {"scc", "dpf"}},
        ),
        # Doing without something denies the tool it takes, not a transfer named after it.
        (
            "en",
            "We dispense with printed forms and transfer data to the US under the SCCs.",
            {"US": {"scc"}},
        ),
        (
            "de",
            "Wir verzichten auf Papierformulare und übermitteln Daten auf Grundlage der Standardvertragsklauseln in die "
            "USA.",
            {"US": {"scc"}},
        ),
        ("en", "We send data to India. We dispense with standard contractual clauses.", {"IN": set()}),
        ("de", "Wir übermitteln Daten nach Indien. Wir verzichten auf Standardvertragsklauseln.", {"IN": set()}),
        # Clauses attached as a template and signed are relied on; only a blank or mere template is not.
        (
            "en",
            "We send personal data to the US under the SCCs, attached as a template in Annex 2 and signed by both "
            "parties.",
            {"US": {"scc"}},
        ),
        (
            "de",
            "Wir senden Daten auf Grundlage der Standardvertragsklauseln in die USA, die als Muster in Anlage 3 "
            "beigefügt und von beiden Parteien unterzeichnet sind.",
            {"US": {"scc"}},
        ),
    ],
)
def test_mechanisms_a_past_basis_told_as_still_holding_or_a_tool_added_stays_relied_on(scanner, lang, text, expected):
    assert _transfers(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A denial limited to some data spares a tool before it, not one it takes.
        (
            "en",
            "We do not send data under the Privacy Shield for advertising purposes; we transfer contact data to the US.",
            {"US": set()},
        ),
        (
            "de",
            "Wir übermitteln keine Daten auf Grundlage des Privacy Shield zu Werbezwecken; Kontaktdaten übermitteln wir "
            "in die USA.",
            {"US": set()},
        ),
        (
            "en",
            "Larkspur Inc. in the US is certified under the DPF and does not receive health data; it receives contact "
            "data in the US.",
            {"US": {"dpf"}},
        ),
        (
            "de",
            "Larkspur Inc. in den USA ist unter dem DPF zertifiziert und erhält keine Gesundheitsdaten; sie erhält "
            "Kontaktdaten in den USA.",
            {"US": {"dpf"}},
        ),
    ],
)
def test_mechanisms_a_limited_denial_still_denies_the_tool_it_takes(scanner, lang, text, expected):
    assert _transfers(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # „aus dem Jahr" dates a noun of another clause, not the tool relied on.
        (
            "de",
            "Die Übermittlung an Ferngate in den USA erfolgt auf Grundlage des Privacy Shield; die Zertifizierung von "
            "Ferngate stammt aus dem Jahr 2018 und wird jährlich erneuert.",
            {"US": {"privacy_shield"}},
        ),
        ("de", "Die Safe-Harbor-Zertifizierung der Ferngate Inc. aus dem Jahr 2012 ist gegenstandslos.", {}),
    ],
)
def test_mechanisms_a_year_dating_another_noun_leaves_the_tool_relied_on(scanner, lang, text, expected):
    assert _transfers(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Exports of staff records to Canada and Japan rest on the European Commission's adequacy decisions.",
            {"adequacy"},
        ),
        (
            "en",
            "We rely on the European Commission's adequacy decisions where they exist and on the SCCs elsewhere.",
            {"adequacy", "scc"},
        ),
    ],
)
def test_mechanisms_a_possessive_ending_is_no_word_between_the_verb_and_its_tool(scanner, lang, text, expected):
    """ "the European Commission's": the split "'s" does not push the tool out of the verb of reliance's reach."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our shipments of ticket data to Boston rested on the Privacy Shield until 2020 and now rest on the SCCs.",
            {"scc"},
        ),
        (
            "en",
            "Until 2020, exports to our US office relied on the Privacy Shield, but today they rely on the DPF.",
            {"dpf"},
        ),
        (
            "de",
            "Die Weitergabe an unser Büro in Boston stützte sich bis 2020 auf den Privacy Shield und seither auf die "
            "Standardvertragsklauseln.",
            {"scc"},
        ),
        # The history stays where no word of today opens a clause of its own.
        ("en", "Exports to our US office relied on the SCCs until 2020.", set()),
        ("de", "Die Weitergabe in die USA stützte sich bis 2020 auf die Standardvertragsklauseln.", set()),
    ],
)
def test_mechanisms_a_word_of_today_after_history_opens_the_present_basis(scanner, lang, text, expected):
    """ "until 2020 and now on the SCCs": history told of one tool does not reach the one a word of today opens."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Brindle Corp. has applied for approval of its BCRs and imports EU data under the DPF.", {"dpf"}),
        ("en", "Our BCR application is pending approval and exports to Boston rely on the DPF.", {"dpf"}),
        (
            "de",
            "Die Brindle Corp. hat die Genehmigung ihrer BCR beantragt und erhält Daten aus der EU auf Grundlage des "
            "DPF.",
            {"dpf"},
        ),
        # Both tools the words take stay pending; so do tools joined by a preposition alone.
        ("en", "Brindle Corp. is seeking approval of its BCRs and the DPF for its Boston office.", set()),
        (
            "de",
            "Unsere Partner teilen in ihren eigenen Hinweisen mit, ob sie auf Grundlage des DPF oder von "
            "Standardvertragsklauseln übermitteln.",
            set(),
        ),
    ],
)
def test_mechanisms_a_pending_tool_leaves_the_tool_of_the_next_clause_in_force(scanner, lang, text, expected):
    """ "applied for approval of its BCRs and imports data under the DPF": the application takes the BCRs, not the
    DPF a verb of its own introduces."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Until BCR approval, transfers to our Pune team are made under the SCCs.", {"scc"}),
        ("de", "Bis zur Genehmigung unserer BCR erfolgen Übermittlungen nach Indien auf Grundlage der SCC.", {"scc"}),
    ],
)
def test_mechanisms_a_tool_awaited_right_after_until_is_not_relied_on(scanner, lang, text, expected):
    """ "Until BCR approval": the BCRs are awaited; the SCCs carry the transfers meanwhile."""
    assert mechanisms(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Approval of our BCRs is pending, and so is the DPF certification of our US affiliate."),
        ("en", "Our BCRs are pending approval, as are the SCCs with our new US vendor."),
        ("en", "We have applied for approval of our BCRs and also intend to sign the SCCs with our US affiliate."),
        ("de", "Die Genehmigung unserer BCR ist beantragt, ebenso die Zertifizierung unserer US-Tochter nach dem DPF."),
        (
            "de",
            "Wir haben die Genehmigung unserer BCR beantragt und die Zertifizierung nach dem DPF für unsere US-Tochter "
            "ebenfalls beantragt.",
        ),
    ],
)
def test_mechanisms_a_pending_tool_shared_with_the_next_one_leaves_neither_in_force(scanner, lang, text):
    """ "pending, and so is the DPF certification": words carrying the clause over, or words of its own for the second
    tool, keep it pending; only a clause of its own with a basis in force ("and imports data under the DPF") parts it."""
    assert mechanisms(scanner, text, lang) == set()
