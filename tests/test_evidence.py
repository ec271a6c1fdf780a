"""The order of evidence: the sentence that decided a label is quoted first (issue 17, class 7)."""

from __future__ import annotations

import pytest

from dpcheck import ingest
from dpcheck.extract import Lexicon, extract
from dpcheck.extract.evidence import RANKED
from dpcheck.extract.roles import RECIPIENT_SEAT, UNCLAIMED
from dpcheck.models import Evidence, Mention
from dpcheck.report.json import document_to_dict


def scan(scanner, text, lang, doc_type="privacy_policy", fmt="text"):
    return scanner.scan_text(text, language=lang, doc_type=doc_type, format=fmt)


def quotes(scanner, text, lang, destination, doc_type="privacy_policy", fmt="text"):
    (transfer,) = [t for t in scan(scanner, text, lang, doc_type, fmt).transfers if t.destination == destination]
    return [e.quote for e in transfer.evidence]


def finding_quotes(report, rule_id):
    (finding,) = [f for f in report.findings if f.rule_id == rule_id]
    return [e.quote for e in finding.evidence]


def tool_quotes(report, tool):
    """The quotes of a tool's mentions in the JSON report, in its order."""
    data = document_to_dict(report, graph=False)
    return [m["evidence"]["quote"] for m in data["mentions"] if m["kind"] == "mechanism" and m["value"] == tool]


@pytest.mark.parametrize(
    ("lang", "mention", "decisive"),
    [
        ("en", "Our support team is located in Japan.", "We store customer data on servers in Japan."),
        ("de", "Unser Support-Team befindet sich in Japan.", "Wir speichern Kundendaten auf Servern in Japan."),
    ],
)
def test_evidence_storage_statement_before_a_location(scanner, lang, mention, decisive):
    """A sentence saying data is stored in a country is quoted before an earlier one saying only that something is there."""
    found = quotes(scanner, f"{mention} {decisive}", lang, "JP")
    assert found == [decisive, mention]


@pytest.mark.parametrize(
    ("lang", "table", "decisive"),
    [
        (
            "en",
            "| Name | Purpose | Location |\n|---|---|---|\n| Hostco KK | Hosting | Japan |\n",
            "We transfer customer data to Japan.",
        ),
        (
            "de",
            "| Name | Zweck | Standort |\n|---|---|---|\n| Hostco KK | Hosting | Japan |\n",
            "Wir übermitteln Kundendaten nach Japan.",
        ),
    ],
)
def test_evidence_transfer_statement_before_a_table_row(scanner, lang, table, decisive):
    """A sentence stating the transfer is quoted before a sub-processor table row placed above it."""
    found = quotes(scanner, f"# Sub-processors\n\n{table}\n{decisive}\n", lang, "JP", fmt="markdown")
    assert found[0] == decisive
    assert len(found) == 2


DPA_SCC = {
    "en": (
        '"SCCs" means the standard contractual clauses adopted by the European Commission.',
        "If the SCCs conflict with this DPA, the SCCs prevail.",
        "Transfers of personal data to the United States are governed by the SCCs.",
    ),
    "de": (
        '"SCC" bezeichnet die von der Europäischen Kommission erlassenen Standardvertragsklauseln.',
        "Bei Widersprüchen zwischen den SCC und diesem Vertrag gehen die SCC vor.",
        "Übermittlungen personenbezogener Daten in die USA erfolgen auf Grundlage der SCC.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_evidence_tool_in_a_transfer_statement_before_definition_and_conflict_clause(scanner, lang):
    """A tool's first quote is the sentence relying on it for a transfer, not its definition or a conflict clause."""
    definition, conflict, decisive = DPA_SCC[lang]
    report = scan(scanner, f"{definition} {conflict} {decisive}", lang, doc_type="dpa")
    found = tool_quotes(report, "scc")
    assert found[0] == decisive
    assert found[-1] == definition and conflict in found
    assert finding_quotes(report, "SUPPLEMENTARY_MEASURES_UNADDRESSED")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "aside", "decisive"),
    [
        (
            "en",
            "For questions about the Privacy Shield, write to privacy@example.com.",
            "Transfers of personal data to the United States rely on the Privacy Shield.",
        ),
        (
            "de",
            "Fragen zum Privacy Shield richten Sie an privacy@example.com.",
            "Übermittlungen personenbezogener Daten in die USA stützen sich auf den Privacy Shield.",
        ),
    ],
)
def test_evidence_invalid_mechanism_quotes_the_relying_sentence_first(scanner, lang, aside, decisive):
    """The finding on an invalid tool quotes first the sentence relying on it for transfers, not an earlier aside."""
    report = scan(scanner, f"{aside} {decisive}", lang)
    assert finding_quotes(report, "INVALID_TRANSFER_MECHANISM")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "other", "decisive"),
    [
        (
            "en",
            "Transfers to our provider in the United States rely on its certification under the EU-U.S. Data "
            "Privacy Framework.",
            "Transfers to India rest on the standard contractual clauses.",
        ),
        (
            "de",
            "Übermittlungen an unseren Dienstleister in den USA stützen sich auf seine Zertifizierung nach dem "
            "EU-U.S. Data Privacy Framework.",
            "Übermittlungen nach Indien erfolgen auf Grundlage der Standardvertragsklauseln.",
        ),
    ],
)
def test_evidence_supplementary_finding_quotes_the_tools_it_tested(scanner, lang, other, decisive):
    """The finding about SCCs without supplementary measures quotes the SCC sentence, not another tool's."""
    report = scan(scanner, f"{other} {decisive}", lang)
    assert finding_quotes(report, "SUPPLEMENTARY_MEASURES_UNADDRESSED") == [decisive]


@pytest.mark.parametrize(
    ("lang", "consent", "named"),
    [
        (
            "en",
            "By using the service you consent to the transfer of your data to the United States.",
            "Such transfers rely on the derogation of Art. 49(1)(b) GDPR.",
        ),
        (
            "de",
            "Mit der Nutzung des Dienstes willigen Sie in die Übermittlung Ihrer Daten in die USA ein.",
            "Diese Übermittlungen stützen sich auf die Ausnahme nach Art. 49 Abs. 1 lit. b DSGVO.",
        ),
    ],
)
def test_evidence_named_derogation_before_consent_read_from_the_text(scanner, lang, consent, named):
    """A derogation named as such is quoted before an earlier consent sentence it was read from."""
    found = tool_quotes(scan(scanner, f"{consent} {named}", lang), "derogation")
    # The named derogation refers back to the consent sentence ("Such transfers ..."), so it quotes both.
    assert found[0].endswith(named) and found[-1] == consent


@pytest.mark.parametrize(
    ("lang", "statement", "version"),
    [
        (
            "en",
            "All transfers of customer data to the United States are governed by the Model Clauses.",
            "Model Clauses means the standard contractual clauses set out in Commission Decision 2010/87/EU.",
        ),
        (
            "de",
            "Alle Übermittlungen von Kundendaten in die USA erfolgen auf Grundlage der Standardvertragsklauseln.",
            "Standardvertragsklauseln bezeichnet die Klauseln im Anhang des Beschlusses 2010/87/EU der Kommission.",
        ),
    ],
)
def test_evidence_repealed_scc_finding_quotes_the_version_cited_first(scanner, lang, statement, version):
    """The finding that only repealed SCCs are relied on quotes first the sentence citing the version."""
    report = scan(scanner, f"{statement} {version}", lang, doc_type="dpa")
    assert finding_quotes(report, "SCC_REPEALED_VERSION") == [version, statement]


@pytest.mark.parametrize(
    ("lang", "example", "decisive"),
    [
        (
            "en",
            "For transfers outside the EEA we use appropriate safeguards, such as standard contractual clauses.",
            "Transfers to the United States rest on the standard contractual clauses.",
        ),
        (
            "de",
            "Für Übermittlungen in Drittländer nutzen wir geeignete Garantien, wie z. B. Standardvertragsklauseln.",
            "Die Übermittlung in die USA stützen wir auf die Standardvertragsklauseln.",
        ),
    ],
)
def test_evidence_tool_a_transfer_rests_on_before_a_tool_given_as_example(scanner, lang, example, decisive):
    """A tool named only as an example of safeguards ("such as the SCCs") is quoted after the sentence resting a transfer on it."""
    found = tool_quotes(scan(scanner, f"{example} {decisive}", lang), "scc")
    assert found == [decisive, example]


@pytest.mark.parametrize(
    ("lang", "repeated", "other"),
    [
        (
            "en",
            "We host your data in Japan, our Japan office processes it, and backups stay in Japan.",
            "Support staff in Japan may access the data.",
        ),
        (
            "de",
            "Wir hosten Ihre Daten in Japan, unser Büro in Japan verarbeitet sie, und Sicherungen bleiben in Japan.",
            "Mitarbeiter des Supports in Japan können auf die Daten zugreifen.",
        ),
    ],
)
def test_evidence_each_sentence_quoted_once_per_destination(scanner, lang, repeated, other):
    """A sentence naming a country three times is one piece of evidence, so the next sentence still shows."""
    found = quotes(scanner, f"{repeated} {other}", lang, "JP")
    assert found == [repeated, other]


@pytest.mark.parametrize(
    ("lang", "doc_type", "transfer", "basis"),
    [
        (
            "en",
            "privacy_policy",
            "Our hosting provider stores your data in the United States.",
            "Transfers outside the EEA rest on appropriate safeguards as the law requires.",
        ),
        (
            "en",
            "dpa",
            "The Processor uses data centres in the United States.",
            "Any transfer to a third country takes place only under the conditions of Chapter V of the GDPR.",
        ),
        (
            "de",
            "privacy_policy",
            "Unser Hoster speichert Ihre Daten in den USA.",
            "Für Übermittlungen in Drittländer sorgen wir für geeignete Garantien.",
        ),
        (
            "de",
            "dpa",
            "Der Auftragnehmer nutzt Rechenzentren in den USA.",
            "Jede Verlagerung in ein Drittland erfolgt nur unter den Bedingungen des Kapitels V der DSGVO.",
        ),
    ],
)
def test_evidence_no_tool_named_quotes_the_basis_named_without_one_first(scanner, lang, doc_type, transfer, basis):
    """Where no tool is named, the sentence that speaks of the basis without naming one is quoted first,
    then where the data goes; a sentence denying guarantees for data in transit is not taken for it."""
    security = {
        "en": "We make no guarantees that data is secure once transmitted over the internet.",
        "de": "Wir geben keine Garantie, dass Daten bei der Übertragung im Internet sicher sind.",
    }[lang]
    report = scan(scanner, f"{security} {transfer} {basis}", lang, doc_type)
    assert finding_quotes(report, "TRANSFER_MECHANISM_UNSPECIFIED")[:2] == [basis, transfer]


@pytest.mark.parametrize(
    ("lang", "authorisation", "notice"),
    [
        (
            "en",
            "The Customer grants a general authorisation to engage sub-processors.",
            "The Processor will inform the Customer of new sub-processors 30 days in advance.",
        ),
        (
            "de",
            "Der Auftraggeber erteilt eine allgemeine Genehmigung zum Einsatz von Unterauftragsverarbeitern.",
            "Neue Unterauftragsverarbeiter teilt der Auftragnehmer dem Auftraggeber 30 Tage vorab mit.",
        ),
    ],
)
def test_evidence_objection_missing_quotes_the_notice_clause_first(scanner, lang, authorisation, notice):
    """The notice clause is where the missing objection right belongs, so it is quoted before the authorisation."""
    report = scan(scanner, f"{authorisation} {notice}", lang, "dpa")
    assert finding_quotes(report, "SUBPROCESSOR_OBJECTION_MISSING") == [notice, authorisation]


@pytest.mark.parametrize(
    ("lang", "title", "terms"),
    [
        ("en", "6.1 General authorisation.", "The Customer agrees that Acme may engage sub-processors."),
        (
            "de",
            "6.1 Allgemeine Genehmigung.",
            "Der Auftraggeber ist einverstanden, dass Acme Unterauftragsverarbeiter einsetzt.",
        ),
    ],
)
def test_evidence_a_clauses_run_in_title_is_quoted_with_its_terms(scanner, lang, title, terms):
    """A clause's run-in title ("6.1 General authorisation.") names what the clause is about, not what it says: it is
    quoted with the sentence that follows it, never alone."""
    found = finding_quotes(scan(scanner, f"{title} {terms}", lang, "dpa"), "SUBPROCESSOR_OBJECTION_MISSING")
    assert found[0] == f"{title} {terms}"
    assert title not in found


@pytest.mark.parametrize(
    ("lang", "statement", "after"),
    [
        ("en", "7.2 We store data in Japan.", "Backups are encrypted daily."),
        ("de", "7.2 Wir speichern Daten in Japan.", "Sicherungen werden täglich verschlüsselt."),
    ],
)
def test_evidence_a_short_numbered_sentence_is_no_run_in_title(scanner, lang, statement, after):
    """A numbered sentence with a verb of its own says something: it is no title, and it is quoted alone."""
    assert quotes(scanner, f"{statement} {after}", lang, "JP") == [statement]


@pytest.mark.parametrize(
    ("lang", "clause", "other"),
    [
        (
            "en",
            "The Processor may engage sub-processors to provide the Services.",
            "The Processor remains liable for its sub-processors.",
        ),
        (
            "de",
            "Die Beauftragung von Subunternehmen ist nur mit schriftlicher Zustimmung des Auftraggebers zulässig.",
            "Der Auftragnehmer haftet für seine Subunternehmen.",
        ),
    ],
)
def test_evidence_a_missing_list_quotes_the_clause_on_engaging_sub_processors(scanner, lang, clause, other):
    """A DPA that names no sub-processor is quoted where it lets them be engaged: there the names, or the way to
    the list, belong. Each clause is quoted once, though more than one feature holds it."""
    found = finding_quotes(scan(scanner, f"{clause} {other}", lang, "dpa"), "SUBPROCESSOR_LIST_MISSING")
    assert found[0] == clause
    assert len(found) == len(set(found))


@pytest.mark.parametrize(
    ("lang", "before", "after", "destination"),
    [
        (
            "en",
            "We may share your data with partners.",
            "This may involve transferring your data to the United States.",
            "US",
        ),
        ("de", "Für die Telefonie nutzen wir einen Dienstleister.", "Dabei werden Daten in die USA übermittelt.", "US"),
    ],
)
def test_evidence_sentence_going_on_from_the_one_before_is_quoted_with_it(scanner, lang, before, after, destination):
    """A sentence that opens by referring back ("This ...", "Dabei ...") is quoted with the sentence it refers to
    (in a later paragraph too, where the offsets of the two are not the block's)."""
    assert quotes(scanner, f"{before} {after}", lang, destination) == [f"{before} {after}"]
    assert quotes(scanner, f"Privacy notice.\n\nWe are a software company. {before} {after}", lang, destination) == [
        f"{before} {after}"
    ]


@pytest.mark.parametrize(
    ("lang", "statement", "after", "destination"),
    [
        (
            "en",
            "Our booking widget loads from servers in many countries so that it opens quickly for guests.",
            "These servers receive the guests' IP addresses and what they type into the form.",
            "UNSPECIFIED",
        ),
        (
            "de",
            "Die Terminbuchung wird über Server in vielen Ländern ausgeliefert, damit sie überall schnell lädt.",
            "Dabei werden IP-Adressen und die Eingaben im Formular über diese Server geleitet.",
            "UNSPECIFIED",
        ),
        (
            "en",
            "Our chat tool is provided by Parlance Inc. in the United States.",
            "This includes the messages you send and your browser details.",
            "US",
        ),
    ],
)
def test_evidence_destination_quoted_on_with_the_sentence_that_goes_on_from_it(
    scanner, lang, statement, after, destination
):
    """The sentence placing the data is quoted with the one after it that refers back ("This includes ...", „Dabei
    werden ..."): that one says what goes there, and the statement is the two."""
    text = f"Privacy notice.\n\n{statement} {after}\n\nWe are a small firm."
    assert quotes(scanner, text, lang, destination)[0] == f"{statement} {after}"


@pytest.mark.parametrize(
    ("lang", "statement", "lead_in"),
    [
        ("en", "Your data may therefore be sent to the United States.", "For this we proceed as follows:"),
        ("de", "Ihre Daten können deshalb in die USA übermittelt werden.", "Dabei gehen wir wie folgt vor:"),
    ],
)
def test_evidence_destination_not_quoted_on_with_a_lead_in(scanner, lang, statement, lead_in):
    """A sentence going on from the statement only to open a list ("Dabei gehen wir wie folgt vor:") says nothing of
    its own: the statement is quoted alone."""
    text = f"Privacy notice.\n\n{statement} {lead_in}\n\n- We encrypt the data.\n- We check each provider.\n"
    assert quotes(scanner, text, lang, "US", fmt="markdown")[0] == statement


@pytest.mark.parametrize(
    ("lang", "row", "statement", "after"),
    [
        (
            "en",
            "| Postroom Ltd | E-mail delivery | London, United Kingdom | Adequacy decision |",
            "Password e-mails are sent through Postroom Ltd, which processes your address in London.",
            "This transfer relies on the adequacy decision for the United Kingdom.",
        ),
        (
            "de",
            "| Postroom Ltd | E-Mail-Versand | London, Vereinigtes Königreich | Angemessenheitsbeschluss |",
            "Passwort-E-Mails versenden wir über Postroom Ltd, die Ihre Adresse in London verarbeitet.",
            "Diese Übermittlung stützt sich auf den Angemessenheitsbeschluss für das Vereinigte Königreich.",
        ),
    ],
)
def test_evidence_destination_ranked_by_its_own_sentence_before_the_one_going_on(scanner, lang, row, statement, after):
    """The sentence after, quoted on, does not change where the statement ranks: one placing the data comes before a
    row of a table, though the sentence going on from it names what the transfer rests on."""
    head = (
        "| Recipient | Service | Location | Safeguard |\n|---|---|---|---|"
        if lang == "en"
        else ("| Empfänger | Leistung | Ort | Garantie |\n|---|---|---|---|")
    )
    text = f"# Notice\n\n{statement} {after}\n\n# List\n\n{head}\n{row}\n"
    assert quotes(scanner, text, lang, "GB", fmt="markdown")[0].startswith(statement)


@pytest.mark.parametrize(
    ("lang", "text", "destination"),
    [
        ("de", "Wir arbeiten mit Partnern. Sie können der Übermittlung in die USA widersprechen.", "US"),
        ("en", "We work with partners.\n\nThis section explains that data is stored in the United States.", "US"),
    ],
)
def test_evidence_a_you_sentence_or_a_new_paragraph_is_quoted_alone(scanner, lang, text, destination):
    """German "Sie" is "you", not "they"; a sentence is never joined to one in another paragraph."""
    assert quotes(scanner, text, lang, destination) == [text.split(". ", 1)[-1].split("\n\n")[-1]]


@pytest.mark.parametrize(
    ("lang", "table", "row"),
    [
        (
            "en",
            "| Setting | Value |\n|---|---|\n| Data location | Japan (default). An EU region is available on request. |\n",
            "Data location | Japan (default). An EU region is available on request.",
        ),
        (
            "de",
            "| Merkmal | Wert |\n|---|---|\n| Speicherort | Japan (Standard). Eine EU-Region ist auf Anfrage verfügbar. |\n",
            "Speicherort | Japan (Standard). Eine EU-Region ist auf Anfrage verfügbar.",
        ),
    ],
)
def test_evidence_table_row_is_quoted_whole(scanner, lang, table, row):
    """A short table row is one record: its quote is the whole row, not the sentence of a cell."""
    found = quotes(scanner, f"# Locations\n\n{table}", lang, "JP", doc_type="subprocessor_list", fmt="markdown")
    assert found and found[0] == row


@pytest.mark.parametrize(
    ("lang", "text", "decisive"),
    [
        (
            "en",
            "# Privacy policy\n\n## Our services\n\nOur servers are hosted in Japan.\n\n## International transfers\n\n"
            "Your data is stored in Japan by our hosting provider.\n",
            "Your data is stored in Japan by our hosting provider.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Unsere Dienste\n\nUnsere Server werden in Japan gehostet.\n\n"
            "## Übermittlung in Drittländer\n\nIhre Daten werden von unserem Hosting-Anbieter in Japan gespeichert.\n",
            "Ihre Daten werden von unserem Hosting-Anbieter in Japan gespeichert.",
        ),
    ],
)
def test_evidence_a_statement_under_a_transfer_heading_first(scanner, lang, text, decisive):
    """Of two equally plain statements, the one under a heading about transfers is quoted first: it is where a
    reader, and the vendor, put the answer."""
    assert quotes(scanner, text, lang, "JP", fmt="markdown")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "text", "decisive"),
    [
        (
            "en",
            "Where we transfer data outside the EEA, we ensure appropriate safeguards, such as the EU SCCs (Module 2) "
            "and the UK Addendum. Transfers to our host in India rely on the standard contractual clauses.",
            "Transfers to our host in India rely on the standard contractual clauses.",
        ),
        (
            "de",
            "Bei Übermittlungen in Drittländer sorgen wir für geeignete Garantien, etwa die EU-Standardvertragsklauseln "
            "(Modul 2) und das UK-Addendum. Übermittlungen an unseren Hoster in Indien stützen wir auf die "
            "Standardvertragsklauseln.",
            "Übermittlungen an unseren Hoster in Indien stützen wir auf die Standardvertragsklauseln.",
        ),
    ],
)
def test_evidence_a_tool_joined_to_an_example_is_an_example(scanner, lang, text, decisive):
    """ "Such as the SCCs and the UK Addendum": both are examples, so the sentence relying on the tool comes first."""
    assert tool_quotes(scan(scanner, text, lang), "scc")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "text", "decisive"),
    [
        (
            "en",
            "# Privacy policy\n\n## Who receives your data\n\nOur help desk runs on Sakura Desk KK in Osaka, Japan, which "
            "stores your support tickets.\n\n## International transfers\n\nThe European Commission has found that Japan "
            "offers an adequate level of protection, and we rely on that adequacy decision for these transfers.\n",
            "Our help desk runs on Sakura Desk KK in Osaka, Japan, which stores your support tickets.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Empfänger\n\nUnser Helpdesk läuft bei der Sakura Desk KK in Osaka, Japan, die "
            "Ihre Support-Anfragen speichert.\n\n## Übermittlung in Drittländer\n\nFür Japan besteht ein "
            "Angemessenheitsbeschluss der Europäischen Kommission, auf den wir diese Übermittlungen stützen.\n",
            "Unser Helpdesk läuft bei der Sakura Desk KK in Osaka, Japan, die Ihre Support-Anfragen speichert.",
        ),
    ],
)
def test_evidence_a_destination_quotes_where_data_is_placed_before_the_basis_of_the_transfer(
    scanner, lang, text, decisive
):
    """For a destination, the sentence that places the data there comes first; a sentence that names the tool a
    transfer there rests on is the tool's evidence, quoted after it, even under a heading about transfers."""
    found = quotes(scanner, text, lang, "JP", fmt="markdown")
    assert found[0] == decisive
    assert len(found) == 2


@pytest.mark.parametrize(
    ("lang", "table", "decisive"),
    [
        (
            "en",
            "| Name | Purpose | Location |\n|---|---|---|\n| Hostco KK | Hosting | Japan |\n",
            "Transfers to Hostco KK in Japan rely on the adequacy decision for Japan.",
        ),
        (
            "de",
            "| Name | Zweck | Standort |\n|---|---|---|\n| Hostco KK | Hosting | Japan |\n",
            "Übermittlungen an die Hostco KK in Japan stützen wir auf den Angemessenheitsbeschluss für Japan.",
        ),
    ],
)
def test_evidence_a_transfer_sentence_naming_its_tool_still_before_a_table_row(scanner, lang, table, decisive):
    """Where every sentence placing the data also names its tool, the sentence still comes before a table row: only
    a plain statement of where data goes outranks it."""
    found = quotes(scanner, f"# Sub-processors\n\n{table}\n# Transfers\n\n{decisive}\n", lang, "JP", fmt="markdown")
    assert found[0] == decisive


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We process your data at our offices and in other places where our partners operate. This means that it "
            "may be transferred to computers outside your country.",
        ),
        (
            "de",
            "Wir verarbeiten Ihre Daten in unseren Büros und in anderen Ländern, in denen unsere Partner tätig sind. "
            "Dabei können sie auf Rechner außerhalb Ihres Landes übertragen werden.",
        ),
    ],
)
def test_evidence_of_two_quotes_from_the_same_place_the_one_holding_the_other_first(scanner, lang, text):
    """A sentence read alone and again with the sentence that goes on from it start at the same place: the longer
    quote holds the words that decided the label, so it comes first."""
    assert quotes(scanner, text, lang, "UNSPECIFIED")[0] == text


@pytest.mark.parametrize(
    ("lang", "text", "decisive"),
    [
        (
            "en",
            "# Privacy policy\n\n## International transfers\n\nBy using the app, you agree that your data is transferred "
            "to Japan.\n\n## Hosting\n\nOur servers are hosted in Japan.\n",
            "By using the app, you agree that your data is transferred to Japan.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Übermittlung in Drittländer\n\nMit der Nutzung der App willigen Sie ein, dass "
            "Ihre Daten nach Japan übermittelt werden.\n\n## Hosting\n\nUnsere Server werden in Japan gehostet.\n",
            "Mit der Nutzung der App willigen Sie ein, dass Ihre Daten nach Japan übermittelt werden.",
        ),
    ],
)
def test_evidence_consent_to_a_transfer_still_places_the_data(scanner, lang, text, decisive):
    """Consent wraps a statement of the transfer itself ("you agree that your data is sent to Japan"): for the
    destination it counts as a sentence placing the data, not as a tool's sentence quoted after the others."""
    assert quotes(scanner, text, lang, "JP", fmt="markdown")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "pointer", "decisive"),
    [
        (
            "en",
            "Customer data is stored on servers in Japan, as described in section 5.",
            "Our hosting provider stores customer data on servers in Japan.",
        ),
        (
            "de",
            "Kundendaten werden auf Servern in Japan gespeichert, wie in Abschnitt 5 beschrieben.",
            "Unser Hosting-Anbieter speichert Kundendaten auf Servern in Japan.",
        ),
    ],
)
def test_evidence_sentence_pointing_to_the_details_after_the_details(scanner, lang, pointer, decisive):
    """A sentence sending the reader to another section is quoted after the sentence that states the transfer there."""
    assert quotes(scanner, f"{pointer}\n\n{decisive}\n", lang, "JP", fmt="markdown") == [decisive, pointer]


@pytest.mark.parametrize(
    ("lang", "summary", "decisive"),
    [
        (
            "en",
            "In short: we store customer data on servers in Japan.",
            "Our hosting provider stores customer data on servers in Japan.",
        ),
        (
            "de",
            "Kurz gesagt: Wir speichern Kundendaten auf Servern in Japan.",
            "Unser Hosting-Anbieter speichert Kundendaten auf Servern in Japan.",
        ),
    ],
)
def test_evidence_summary_after_the_passage_it_sums_up(scanner, lang, summary, decisive):
    """A summary's lead ("In short:", "Kurz gesagt:") puts its sentence after the full statement below it."""
    assert quotes(scanner, f"{summary}\n\n{decisive}\n", lang, "JP", fmt="markdown") == [decisive, summary]


@pytest.mark.parametrize(("lang", "heading"), [("en", "At a glance"), ("de", "Auf einen Blick")])
def test_evidence_summary_heading_read_as_a_summary(scanner, lang, heading):
    """A sentence under a heading that names a summary is read as one."""
    order = Lexicon.from_data(scanner.ruleset.lexicon).evidence
    assert order.refers_on(Evidence("Data is kept in Japan.", 0, 22, section=(heading,)))
    assert not order.refers_on(Evidence("Data is kept in Japan.", 0, 22, section=("Hosting",)))


@pytest.mark.parametrize(
    ("lang", "address", "statement"),
    [
        (
            "en",
            "Name of the data importing organisation: Hostco Inc. Address: 12 Harbour Road, Chicago, IL 60612",
            "Transfers of personal data to the United States rest on the standard contractual clauses.",
        ),
        (
            "de",
            "Name der datenimportierenden Stelle: Hostco Inc. Anschrift: 12 Harbour Road, Chicago, IL 60612",
            "Übermittlungen personenbezogener Daten in die USA erfolgen auf Grundlage der Standardvertragsklauseln.",
        ),
    ],
)
def test_evidence_postal_address_alone_after_the_transfer(scanner, lang, address, statement):
    """A party's postal address says where it sits, not where data goes: the transfer's sentence, though it names the
    tool, is quoted first; an address in a sentence that sends data there still places it."""
    order = Lexicon.from_data(scanner.ruleset.lexicon).evidence
    seat = Mention("destination", "US", Evidence(address, 0, len(address)), role=RECIPIENT_SEAT)
    start = len(address) + 2
    told = Mention("destination", "US", Evidence(statement, start, start + len(statement)), role="destination")
    tool = Mention("mechanism", "scc", Evidence(statement, start, start + len(statement)), role="transfer")
    ranked = [m for m in order.ranked([seat, told, tool]) if m.kind == "destination"]
    assert ranked == [told, seat]
    assert not order.address_only(f"{address}; data is stored there.")


@pytest.mark.parametrize(
    ("lang", "row", "statement"),
    [
        (
            "en",
            "| Name | Purpose | Location | Safeguard |\n|---|---|---|---|\n"
            "| Hostco Inc. | Hosting | USA | EU-U.S. Data Privacy Framework |\n",
            "Hostco Inc. is certified under the EU-U.S. Data Privacy Framework.",
        ),
        (
            "de",
            "| Name | Zweck | Standort | Garantie |\n|---|---|---|---|\n"
            "| Hostco Inc. | Hosting | USA | EU-U.S. Data Privacy Framework |\n",
            "Hostco Inc. ist nach dem EU-U.S. Data Privacy Framework zertifiziert.",
        ),
    ],
)
def test_evidence_certification_statement_before_a_table_row(scanner, lang, row, statement):
    """A sentence saying the recipient is certified under a tool states what the transfer rests on: it is quoted
    before the table row naming the same tool."""
    report = scan(scanner, f"{row}\n{statement}\n", lang, fmt="markdown")
    assert tool_quotes(report, "dpf")[0] == statement


RANKING_POLICY = {
    "en": (
        "# Privacy Policy\n\n## International transfers\n\nWe transfer account data to our hosting provider in the "
        "United States under the standard contractual clauses. Backups are stored in the United States.\n\n"
        "Our support team in India may access tickets.\n\n## Contact\n\nOur office is located in Canada, which is "
        "recognised as adequate. Support data is also stored in India.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Übermittlung in Drittländer\n\nWir übermitteln Kontodaten an unseren "
        "Hostinganbieter in den USA auf Grundlage der Standardvertragsklauseln. Sicherungen werden in den USA "
        "gespeichert.\n\nUnser Support in Indien kann auf Tickets zugreifen.\n\n## Kontakt\n\nUnser Büro befindet "
        "sich in Kanada. Supportdaten werden auch in Indien gespeichert.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_evidence_ranked_as_rank_orders_them(scanner, lang, monkeypatch):
    """A document's mentions, given in any order, come out as ``rank`` orders them; each quote's words are read
    once however many mentions share it."""
    document = ingest.load_text(RANKING_POLICY[lang], name="policy.md", format="markdown")
    facts = scanner.ruleset.facts
    lexicon = scanner._lexicon
    mentions = extract(
        document, scanner.pipeline(lang), lexicon, facts.eea_places, implied=facts.sole_destinations
    ).mentions
    order = lexicon.evidence
    assert sum(m.kind in RANKED for m in mentions) >= 4
    shuffled = tuple(reversed(mentions))
    basis = frozenset(
        (m.evidence.start, m.evidence.end) for m in shuffled if m.kind == "mechanism" and m.detail != "consent"
    )
    expected = (
        *sorted((m for m in shuffled if m.kind in RANKED), key=lambda m: order.rank(m, basis)),
        *(m for m in shuffled if m.kind not in RANKED),
    )
    asked: list[str] = []
    moving = type(order)._moving
    monkeypatch.setattr(type(order), "_moving", lambda self, quote: asked.append(quote) or moving(self, quote))
    assert order.ranked(shuffled) == expected
    assert sorted(asked) == sorted({m.evidence.quote for m in shuffled if m.kind in RANKED})


@pytest.mark.parametrize(
    ("lang", "elsewhere", "decisive"),
    [
        (
            "en",
            "For customers in the United Kingdom, transfers rest on the standard contractual clauses with the UK "
            "Addendum.",
            "Transfers to our support team in India rest on the standard contractual clauses.",
        ),
        (
            "de",
            "Für Kunden mit Sitz in der Schweiz erfolgen Übermittlungen auf Grundlage der Standardvertragsklauseln "
            "mit den Schweizer Anpassungen.",
            "Übermittlungen an unser Support-Team in Indien erfolgen auf Grundlage der Standardvertragsklauseln.",
        ),
    ],
)
def test_evidence_what_applies_to_customers_elsewhere_after_the_statement(scanner, lang, elsewhere, decisive):
    """A sentence opening on what applies to customers elsewhere names the tool for another case: it is quoted
    after the sentence stating the tool for this one."""
    report = scan(scanner, f"{elsewhere} {decisive}", lang, "dpa")
    assert tool_quotes(report, "scc")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "assessment", "decisive"),
    [
        (
            "en",
            "We have carried out a transfer impact assessment for the transfers to Japan.",
            "Customer data is stored on servers in Japan.",
        ),
        (
            "de",
            "Für die Übermittlungen nach Japan haben wir eine Transfer-Folgenabschätzung durchgeführt.",
            "Kundendaten werden auf Servern in Japan gespeichert.",
        ),
    ],
)
def test_evidence_assessment_of_a_transfer_after_the_transfer(scanner, lang, assessment, decisive):
    """A sentence about assessing the transfers to a country is quoted after the one placing the data there."""
    assert quotes(scanner, f"{assessment} {decisive}", lang, "JP") == [decisive, assessment]


@pytest.mark.parametrize(
    ("lang", "promise", "decisive"),
    [
        (
            "en",
            "Acme will not transfer customer data, or allow it to be accessed, from a country without an adequacy "
            "decision unless the standard contractual clauses are in place with the recipient.",
            "For these transfers Acme has concluded the standard contractual clauses with its support provider in India.",
        ),
        (
            "de",
            "Acme übermittelt Kundendaten nicht in ein Land ohne Angemessenheitsbeschluss und gewährt von dort keinen "
            "Zugriff, es sei denn, mit dem Empfänger bestehen Standardvertragsklauseln.",
            "Für diese Übermittlungen hat Acme mit ihrem Support-Dienstleister in Indien die Standardvertragsklauseln "
            "abgeschlossen.",
        ),
    ],
)
def test_evidence_tool_in_place_before_a_tool_promised(scanner, lang, promise, decisive):
    """A sentence ruling transfers out but for a tool promises it; the one saying the tool was concluded for the
    transfers is quoted first."""
    report = scan(scanner, f"{promise} {decisive}", lang, "dpa")
    assert tool_quotes(report, "scc")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "row", "statement"),
    [
        (
            "en",
            "| Name | Purpose | Location | Safeguard |\n|---|---|---|---|\n"
            "| Hostco KK | Hosting | India | Standard contractual clauses |\n",
            "We have signed the standard contractual clauses with Hostco KK.",
        ),
        (
            "de",
            "| Name | Zweck | Standort | Garantie |\n|---|---|---|---|\n"
            "| Hostco KK | Hosting | Indien | Standardvertragsklauseln |\n",
            "Mit Hostco KK haben wir die Standardvertragsklauseln unterzeichnet.",
        ),
    ],
)
def test_evidence_tool_signed_with_a_recipient_before_a_table_row(scanner, lang, row, statement):
    """A sentence saying the tool was signed with the recipient states what the transfer rests on: it is quoted
    before the table row naming the same tool."""
    report = scan(scanner, f"{row}\n{statement}\n", lang, fmt="markdown")
    assert tool_quotes(report, "scc")[0] == statement


@pytest.mark.parametrize(
    ("lang", "text", "row"),
    [
        (
            "en",
            "# Sub-processors\n\n## Changes\n\n| Date | Change |\n|---|---|\n| 2 May 2025 | Hostco KK moved processing "
            "from Singapore to Japan |\n\n## Current list\n\n| Name | Purpose | Location |\n|---|---|---|\n| Hostco KK | Hosting | "
            "Japan |\n",
            "Hostco KK | Hosting | Japan",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n## Änderungen\n\n| Datum | Änderung |\n|---|---|\n| 02.05.2025 | Hostco KK "
            "hat die Verarbeitung von Singapur nach Japan verlegt |\n\n## Aktuelle Liste\n\n| Name | Zweck | Standort |\n|---|---|---|\n"
            "| Hostco KK | Hosting | Japan |\n",
            "Hostco KK | Hosting | Japan",
        ),
    ],
)
def test_evidence_change_log_row_after_the_list(scanner, lang, text, row):
    """A dated row of a change log tells how the list came to be; the list's own row is quoted first."""
    assert quotes(scanner, text, lang, "JP", doc_type="subprocessor_list", fmt="markdown")[0] == row


@pytest.mark.parametrize(
    ("lang", "basis", "decisive"),
    [
        (
            "en",
            "For this transfer we rely on the Commission's decision that Japan ensures an adequate level of protection.",
            "A backup copy is stored by Hostco KK in Tokyo, Japan.",
        ),
        (
            "de",
            "Für diese Übermittlung stützen wir uns auf den Beschluss der Kommission, dass Japan ein angemessenes "
            "Schutzniveau bietet.",
            "Eine Sicherungskopie wird bei Hostco KK in Tokio, Japan, gespeichert.",
        ),
    ],
)
def test_evidence_sentence_saying_what_a_transfer_rests_on_after_the_place(scanner, lang, basis, decisive):
    """A sentence saying what a transfer rests on, though no tool is read from it, is the basis of the transfer:
    the destination is quoted first from the sentence placing the data there."""
    assert quotes(scanner, f"{basis} {decisive}", lang, "JP")[0] == decisive


ASSESSED = {
    "en": (
        "# Sub-processors\n\n| Name | Purpose | Location | Safeguard |\n|---|---|---|---|\n"
        "| Hostco Pvt Ltd | Hosting | India | SCCs + TIA |\n\n"
        "We have carried out a transfer impact assessment for India.\n"
    ),
    "de": (
        "# Unterauftragsverarbeiter\n\n| Name | Zweck | Standort | Garantie |\n|---|---|---|---|\n"
        "| Hostco Pvt Ltd | Hosting | Indien | SCC + TIA |\n\n"
        "Für Indien haben wir eine Transfer-Folgenabschätzung durchgeführt.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_evidence_assessment_named_in_a_table_row_lists_the_basis(scanner, lang):
    """A row whose cell names an assessment beside the tool ("SCCs + TIA") lists what the transfer rests on and
    keeps its rank; a sentence about the assessment alone is set aside."""
    document = ingest.load_text(ASSESSED[lang], name="subprocessors.md", format="markdown")
    lexicon = scanner._lexicon
    mentions = extract(document, scanner.pipeline(lang), lexicon, scanner.ruleset.facts.eea_places).mentions
    aside = {m.evidence.quote.startswith("Hostco"): lexicon.evidence.aside(m) for m in mentions if m.value == "IN"}
    assert aside == {True: False, False: True}


@pytest.mark.parametrize(
    ("lang", "question", "answer"),
    [
        ("en", "Can I choose a US region?", "Customers can create accounts in the US region, hosted in Oregon."),
        ("de", "Werden Konten in den USA gespeichert?", "Konten der US-Region werden in Oregon gespeichert."),
    ],
)
def test_evidence_a_question_after_its_answer(scanner, tmp_path, lang, question, answer):
    """A question in a list of questions states nothing: the answer that places the data is quoted first."""
    path = tmp_path / f"faq-dpa-{lang}-2026.md"
    path.write_text(f"## FAQ\n\n**{question}** {'Yes' if lang == 'en' else 'Ja'}. {answer}\n", encoding="utf-8")
    (transfer,) = [t for t in scanner.scan_path(path).transfers if t.destination == "US"]
    shown = [e.quote for e in transfer.evidence]
    assert shown[0] == answer
    assert shown[-1] == question


@pytest.mark.parametrize(
    ("lang", "risk", "decisive"),
    [
        (
            "en",
            "Please note that authorities in the United States may access data held there without effective remedies.",
            "Your support tickets are stored on servers in the United States.",
        ),
        (
            "de",
            "Bitte beachten Sie, dass in den USA Behörden ohne wirksame Rechtsbehelfe auf dort gespeicherte Daten "
            "zugreifen können.",
            "Ihre Supportanfragen werden auf Servern in den USA gespeichert.",
        ),
    ],
)
def test_evidence_authorities_access_after_the_sentence_placing_the_data(scanner, lang, risk, decisive):
    """A sentence on public authorities' access says where a risk lies; the sentence that puts the data there is
    quoted first, wherever each stands."""
    shown = quotes(scanner, f"{risk} {decisive}", lang, "US")
    assert shown[0] == decisive


@pytest.mark.parametrize(
    ("lang", "question", "other"),
    [
        ("en", "Why is payroll data transferred to Singapore?", "Our payroll partner is located in Singapore."),
        ("de", "Warum werden Lohndaten nach Singapur übermittelt?", "Unser Lohnabrechnungspartner sitzt in Singapur."),
    ],
)
def test_evidence_a_question_taking_the_transfer_as_given_states_it(scanner, tmp_path, lang, question, other):
    """ "Why is payroll data transferred to Singapore?" takes the transfer as given: it is quoted like a statement,
    in its place, not after every other sentence."""
    path = tmp_path / f"faq-dpa-{lang}-2026.md"
    path.write_text(f"## FAQ\n\n**{question}** {other}\n", encoding="utf-8")
    (transfer,) = [t for t in scanner.scan_path(path).transfers if t.destination == "SG"]
    assert transfer.evidence[0].quote == question


@pytest.mark.parametrize(
    ("lang", "authorisation", "late"),
    [
        (
            "en",
            "Customer grants Acme general authorisation to engage sub-processors.",
            "Where practicable, Acme will inform Customer of any new sub-processor by updating the list.",
        ),
        (
            "de",
            "Der Kunde erteilt Acme die allgemeine Genehmigung, Unterauftragsverarbeiter einzusetzen.",
            "Acme informiert den Kunden über neue Unterauftragsverarbeiter spätestens zwei Wochen nach deren "
            "Beauftragung.",
        ),
    ],
)
def test_evidence_late_notice_of_sub_processors_is_quoted_first(scanner, lang, authorisation, late):
    """Without prior notice the finding quotes the clause that gives notice too late or only where practicable: it
    shows what is missing; the general authorisation comes after it."""
    report = scan(scanner, f"{authorisation} {late}", lang, doc_type="dpa")
    assert finding_quotes(report, "SUBPROCESSOR_OBJECTION_MISSING") == [late, authorisation]


@pytest.mark.parametrize(
    ("lang", "variation", "decisive"),
    [
        (
            "en",
            "To the extent the UK GDPR applies, the standard contractual clauses are amended by the UK Addendum.",
            "Transfers of customer data to our support team in India are made under the standard contractual clauses.",
        ),
        (
            "de",
            "Für Übermittlungen aus der Schweiz gelten die Standardvertragsklauseln mit den Anpassungen nach dem DSG.",
            "Übermittlungen von Kundendaten an unser Support-Team in Indien erfolgen auf Grundlage der "
            "Standardvertragsklauseln.",
        ),
    ],
)
def test_evidence_the_tool_adapted_for_the_uk_or_swiss_regime_after_the_statement(scanner, lang, variation, decisive):
    """A sentence adapting the tool for the UK or Swiss regime is a variation of the statement: the sentence that says
    what the transfers rest on is quoted first."""
    assert tool_quotes(scan(scanner, f"{variation} {decisive}", lang, doc_type="dpa"), "scc")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "basis"),
    [
        (
            "en",
            "Where we transfer personal data to a country that does not benefit from an adequacy decision, we make sure "
            "that appropriate safeguards are in place.",
        ),
        (
            "de",
            "Übermitteln wir Daten in ein Land, für das kein Angemessenheitsbeschluss besteht, sorgen wir für geeignete "
            "Garantien.",
        ),
    ],
)
def test_evidence_safeguards_promised_for_countries_without_a_decision_show_the_unnamed_basis(scanner, lang, basis):
    """A negation in another clause ("does not benefit from an adequacy decision") does not deny the safeguards the
    sentence promises: that sentence shows that no tool is named, before the transfer it concerns."""
    transfer = (
        "Our support engineers in the United States may access customer data."
        if lang == "en"
        else "Unsere Support-Mitarbeiter in den USA können auf Kundendaten zugreifen."
    )
    report = scan(scanner, f"{transfer} {basis}", lang)
    assert finding_quotes(report, "TRANSFER_MECHANISM_UNSPECIFIED")[0] == basis


@pytest.mark.parametrize(
    ("lang", "text", "lead"),
    [
        (
            "en",
            "# Transfers\n\nOur hosting provider stores data in the United States. Where international transfers "
            "occur, we rely on appropriate safeguards, such as:\n\n- European Commission adequacy decisions, and/or\n"
            "- other measures.\n",
            "we rely on appropriate safeguards, such as:",
        ),
        (
            "de",
            "# Übermittlungen\n\nUnser Hoster speichert Daten in den USA. Für Übermittlungen in Drittländer stützen wir "
            "uns auf geeignete Garantien, etwa:\n\n- Angemessenheitsbeschlüsse der Europäischen Kommission oder\n"
            "- weitere Maßnahmen.\n",
            "stützen wir uns auf geeignete Garantien, etwa:",
        ),
    ],
)
def test_evidence_a_list_item_is_quoted_with_its_lead_in(scanner, lang, text, lead):
    """A list's first item that is no sentence of its own is quoted with the lead-in it completes."""
    report = scan(scanner, text, lang, fmt="markdown")
    (quote,) = set(tool_quotes(report, "adequacy"))
    assert lead in quote and quote.rstrip().endswith(("and/or", "oder"))


@pytest.mark.parametrize(
    ("lang", "text", "decisive"),
    [
        (
            "en",
            "Tallimo sends usage data to its provider in the United States. The DPF is a framework between the EU and "
            "the US for data processing in the United States. The provider is certified under the DPF.",
            "The provider is certified under the DPF.",
        ),
        (
            "de",
            "Tallimo übermittelt Nutzungsdaten an seinen Anbieter in den USA. Der DPF ist ein Übereinkommen zwischen "
            "der EU und den USA für Datenverarbeitungen in den USA. Der Anbieter ist nach dem DPF zertifiziert.",
            "Der Anbieter ist nach dem DPF zertifiziert.",
        ),
    ],
)
def test_evidence_a_sentence_saying_what_a_tool_is_comes_after_reliance(scanner, lang, text, decisive):
    """ "The DPF is a framework ...": a description of the tool, quoted after the sentence relying on it."""
    assert tool_quotes(scan(scanner, text, lang), "dpf")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "before", "sentence"),
    [
        (
            "en",
            "Some of our service providers are based outside the European Economic Area.",
            "When we use one of them, your information is processed in the country of the recipient.",
        ),
        (
            "de",
            "Einige unserer Dienstleister haben ihren Sitz außerhalb des Europäischen Wirtschaftsraums.",
            "Wenn wir einen von ihnen einsetzen, werden Ihre Daten im Land des Empfängers verarbeitet.",
        ),
    ],
)
def test_evidence_a_sentence_pointing_back_in_its_opening_clause_quotes_the_one_before(scanner, lang, before, sentence):
    """ "When we use one of them": the quote says who "them" are by taking in the sentence before."""
    found = quotes(scanner, f"We send newsletters.\n\n{before} {sentence}", lang, "UNSPECIFIED")
    assert found[0] == f"{before} {sentence}"


@pytest.mark.parametrize(
    ("lang", "pointer", "statement"),
    [
        (
            "en",
            "Transfers to third countries take place only in the cases described in sections 5 (United Kingdom) and 6.",
            "Bookvale stores your name and booking on servers in the United Kingdom.",
        ),
        (
            "de",
            "Übermittlungen in Drittländer finden nur in den in Ziffer 5 (Vereinigtes Königreich) und Ziffer 6 "
            "beschriebenen Fällen statt.",
            "Bookvale speichert Ihren Namen und Ihre Buchung auf Servern im Vereinigten Königreich.",
        ),
    ],
)
def test_evidence_a_sentence_pointing_to_the_cases_comes_after_the_case(scanner, lang, pointer, statement):
    """ "Only in the cases described in section 5 (UK)": the reader is sent to the case, which is quoted first."""
    found = quotes(scanner, f"{pointer}\n\n{statement}", lang, "GB")
    assert found[0] == statement


@pytest.mark.parametrize(
    ("lang", "instance", "decisive"),
    [
        (
            "en",
            "Where we send data to third countries, suitable safeguards apply, in particular the standard contractual "
            "clauses.",
            "We have concluded standard contractual clauses with each of our providers in the United States.",
        ),
        (
            "en",
            "Ledgerfox may also protect your data by other lawful means, such as standard contractual clauses.",
            "Transfers to our payment provider in Canada are made under standard contractual clauses.",
        ),
        (
            "de",
            "Bei Übermittlungen in Drittländer sorgen wir für geeignete Garantien (insbesondere "
            "Standardvertragsklauseln).",
            "Mit jedem unserer Anbieter in den USA haben wir Standardvertragsklauseln abgeschlossen.",
        ),
    ],
)
def test_evidence_a_tool_named_as_one_of_a_class_comes_after_the_tool_itself(scanner, lang, instance, decisive):
    """ "suitable safeguards, in particular the SCCs": the class is what is said; a sentence naming the tool for the
    transfer is quoted first, wherever it stands."""
    assert tool_quotes(scan(scanner, f"{instance} {decisive}", lang), "scc")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "declined", "decisive"),
    [
        (
            "en",
            "If you do not want your data processed in the United States, our advisers are glad to call you instead.",
            "During a video consultation your name and the picture and sound of the call are processed on servers in "
            "the United States.",
        ),
        (
            "de",
            "Wenn Sie keine Verarbeitung in den USA wünschen, rufen unsere Berater Sie gerne an.",
            "Während einer Videosprechstunde werden Ihr Name sowie Bild und Ton des Gesprächs auf Servern in den USA "
            "verarbeitet.",
        ),
    ],
)
def test_evidence_a_condition_declining_the_transfer_comes_after_the_statement(scanner, lang, declined, decisive):
    """ "If you do not want your data processed in the US, ...": the case in which the transfer does not happen is quoted
    after the sentence stating it, though it stands first (and under the transfer heading)."""
    heading = "International transfers" if lang == "en" else "Übermittlung in Drittländer"
    text = f"# Video\n\n{decisive}\n\n# {heading}\n\n{declined}\n"
    assert quotes(scanner, text, lang, "US", fmt="markdown")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "tool_sentence", "reliance"),
    [
        (
            "en",
            "Brightwick Inc. is certified under the EU-U.S. Data Privacy Framework.",
            "We base the transfer of your data to the United States on this certification.",
        ),
        (
            "de",
            "Die Brightwick Inc. ist nach dem EU-U.S. Data Privacy Framework zertifiziert.",
            "Die Übermittlung Ihrer Daten in die USA stützen wir auf diese Zertifizierung.",
        ),
    ],
)
def test_evidence_a_tool_is_quoted_with_the_next_sentence_relying_on_it(scanner, lang, tool_sentence, reliance):
    """ "... is certified under the DPF. We base the transfer on this certification.": the second sentence decides the
    tool and names it only by pointing back, so the tool's quote holds both."""
    other = "Our website is hosted in Germany." if lang == "en" else "Unsere Website wird in Deutschland gehostet."
    report = scan(scanner, f"{other}\n\n{tool_sentence} {reliance}", lang)
    assert tool_quotes(report, "dpf")[0] == f"{tool_sentence} {reliance}"


@pytest.mark.parametrize(
    ("lang", "tool_sentence", "after"),
    [
        ("en", "Brightwick Inc. is certified under the EU-U.S. Data Privacy Framework.", "It hosts our help centre."),
        (
            "de",
            "Die Brightwick Inc. ist nach dem EU-U.S. Data Privacy Framework zertifiziert.",
            "Sie hostet unser Forum.",
        ),
    ],
)
def test_evidence_a_tool_is_quoted_alone_when_the_next_sentence_does_not_rely_on_it(
    scanner, lang, tool_sentence, after
):
    """A next sentence that does not point back to the tool for the transfer stays out of its quote."""
    assert tool_quotes(scan(scanner, f"{tool_sentence} {after}", lang), "dpf")[0] == tool_sentence


@pytest.mark.parametrize(
    ("lang", "clauses", "decisive"),
    [
        (
            "en",
            "7.1 Customer authorises Larchpoint to engage Sub-processors. 7.2 Larchpoint will update the list of "
            "Sub-processors 10 days before a new Sub-processor starts.",
            "7.3 Customer has no right to object to a new Sub-processor.",
        ),
        (
            "en",
            "7.1 Customer authorises Larchpoint to engage Sub-processors. 7.2 Larchpoint will update the list of "
            "Sub-processors 10 days before a new Sub-processor starts.",
            "7.3 Customer's continued use of the service after that date constitutes its acceptance of the new "
            "Sub-processor.",
        ),
        (
            "de",
            "7.1 Der Auftraggeber erteilt die allgemeine Genehmigung, Unterauftragsverarbeiter einzusetzen. 7.2 "
            "Larchpoint informiert den Auftraggeber 10 Tage vor dem Einsatz eines neuen Unterauftragsverarbeiters.",
            "7.3 Ein Widerspruchsrecht des Auftraggebers besteht nicht.",
        ),
    ],
)
def test_evidence_a_clause_taking_the_objection_away_is_quoted_first(scanner, lang, clauses, decisive):
    """ "Customer has no right to object", "continued use constitutes its acceptance": the clause that shows the right
    to object is missing is quoted before the notice clause and the authorisation."""
    found = finding_quotes(scan(scanner, f"{clauses} {decisive}", lang, "dpa"), "SUBPROCESSOR_OBJECTION_MISSING")
    assert found[0] == decisive


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        (
            "en",
            "7.3 Customer may object to a new Sub-processor within 10 days; if Customer does not object, its "
            "continued use constitutes acceptance.",
        ),
        (
            "de",
            "7.3 Der Auftraggeber kann einem neuen Unterauftragsverarbeiter binnen 10 Tagen widersprechen; "
            "widerspricht er nicht, gilt dies als Zustimmung.",
        ),
    ],
)
def test_evidence_acceptance_after_an_objection_period_grants_the_right(scanner, lang, clause):
    """Acceptance read from silence after a period to object is the right to object, not its absence: no finding."""
    head = (
        "7.1 Customer authorises Larchpoint to engage Sub-processors. 7.2 Larchpoint will notify Customer 10 days "
        "before a new Sub-processor starts."
        if lang == "en"
        else "7.1 Der Auftraggeber erteilt die allgemeine Genehmigung, Unterauftragsverarbeiter einzusetzen. 7.2 "
        "Larchpoint informiert den Auftraggeber 10 Tage vor dem Einsatz eines neuen Unterauftragsverarbeiters."
    )
    report = scan(scanner, f"{head} {clause}", lang, "dpa")
    assert not [f for f in report.findings if f.rule_id == "SUBPROCESSOR_OBJECTION_MISSING"]


@pytest.mark.parametrize(
    ("lang", "statement", "pointer"),
    [
        (
            "en",
            "5.1 Fennrow engages translators who live in the country of the target language or in other countries "
            "outside the European Economic Area.",
            "5.2 The current list of sub-processor companies and of the countries in which translators are located is "
            "published at fennrow.example/subprocessors.",
        ),
        (
            "de",
            "5.1 Fennrow beauftragt Übersetzer, die im Land der Zielsprache oder in anderen Ländern außerhalb des "
            "Europäischen Wirtschaftsraums leben.",
            "5.2 Die aktuelle Liste der Unterauftragsverarbeiter und der Länder, in denen sich die Übersetzer befinden, "
            "ist abrufbar unter fennrow.example/unterauftragsverarbeiter.",
        ),
    ],
)
def test_evidence_a_sentence_saying_where_a_list_is_published_comes_after_the_statement(
    scanner, lang, statement, pointer
):
    """ "The list ... is published at example.com": where to look the places up, quoted after the sentence that
    states where data goes."""
    found = quotes(scanner, f"{statement}\n\n{pointer}", lang, "UNSPECIFIED", doc_type="dpa", fmt="markdown")
    assert found == [statement, pointer]


@pytest.mark.parametrize(
    ("lang", "initial", "notice"),
    [
        (
            "en",
            "The Sub-processors engaged when the agreement is signed are listed in Annex 3 and are deemed approved.",
            "Larchpoint informs Customer of new Sub-processors no later than four weeks after engaging them.",
        ),
        (
            "de",
            "Die bei Vertragsschluss eingesetzten Unterauftragsverarbeiter sind in Anlage 3 aufgeführt und gelten als "
            "genehmigt.",
            "Larchpoint informiert den Auftraggeber über neue Unterauftragsverarbeiter spätestens vier Wochen nach deren "
            "Beauftragung.",
        ),
    ],
)
def test_evidence_the_list_approved_at_signing_is_no_objection_gap(scanner, lang, initial, notice):
    """ "The sub-processors listed at signing are deemed approved" authorises them; it does not take away an objection
    to later changes, so the clause giving notice too late is quoted first."""
    found = finding_quotes(scan(scanner, f"{initial} {notice}", lang, "dpa"), "SUBPROCESSOR_OBJECTION_MISSING")
    assert found[0] == notice


@pytest.mark.parametrize(
    ("lang", "text", "row"),
    [
        (
            "en",
            "# Transfers\n\nTransfers to the United Kingdom rely on the adequacy decision for the United Kingdom.\n\n"
            "# Annex 3: Sub-processors\n\n| Name | Service | Location | Safeguard |\n|---|---|---|---|\n"
            "| Mailpost Ltd | E-mail delivery | Leeds, United Kingdom | Adequacy decision |\n",
            "Mailpost Ltd | E-mail delivery | Leeds, United Kingdom | Adequacy decision",
        ),
        (
            "de",
            "# Übermittlungen\n\nÜbermittlungen in das Vereinigte Königreich stützen sich auf den "
            "Angemessenheitsbeschluss für das Vereinigte Königreich.\n\n# Anlage 3: Unterauftragsverarbeiter\n\n"
            "| Name | Leistung | Ort | Garantie |\n|---|---|---|---|\n"
            "| Mailpost Ltd | E-Mail-Versand | Leeds, Vereinigtes Königreich | Angemessenheitsbeschluss |\n",
            "Mailpost Ltd | E-Mail-Versand | Leeds, Vereinigtes Königreich | Angemessenheitsbeschluss",
        ),
    ],
)
def test_evidence_a_row_naming_recipient_place_and_tool_before_the_tool_sentence_for_the_country(
    scanner, lang, text, row
):
    """For a destination, a sentence saying only what transfers to a country rest on names the country for its tool;
    the row naming the recipient, where it processes and the tool is quoted first, under whatever heading each
    stands. A row naming no tool still comes after that sentence
    (test_evidence_a_transfer_sentence_naming_its_tool_still_before_a_table_row)."""
    assert quotes(scanner, text, lang, "GB", doc_type="dpa", fmt="markdown")[0] == row


@pytest.mark.parametrize(
    ("lang", "text", "row"),
    [
        (
            "en",
            "# Sub-processors\n\n| Name | Service | Location | Safeguard |\n|---|---|---|---|\n"
            "| Hostco KK | Hosting | Tokyo, Japan | Adequacy decision |\n\n## Notes\n\n"
            "Engineers of Hostco KK in Osaka, Japan, access the servers only to repair faults.\n",
            "Hostco KK | Hosting | Tokyo, Japan | Adequacy decision",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Leistung | Ort | Garantie |\n|---|---|---|---|\n"
            "| Hostco KK | Hosting | Tokio, Japan | Angemessenheitsbeschluss |\n\n## Hinweise zu einzelnen "
            "Unterauftragsverarbeitern\n\nTechniker der Hostco KK in Osaka, Japan, greifen nur zur Fehlerbehebung auf die "
            "Server zu.\n",
            "Hostco KK | Hosting | Tokio, Japan | Angemessenheitsbeschluss",
        ),
    ],
)
def test_evidence_a_note_on_a_list_after_the_row_it_comments(scanner, lang, text, row):
    """A sentence under the notes of a list comments on an entry: the row that states where the recipient processes
    the data is quoted first."""
    assert quotes(scanner, text, lang, "JP", doc_type="subprocessor_list", fmt="markdown")[0] == row


@pytest.mark.parametrize(
    ("lang", "text", "row"),
    [
        (
            "en",
            "# Sub-processors\n\n## How to read this list\n\nSafeguard: the standard contractual clauses or the other "
            "tool that transfers to a sub-processor outside the EEA rest on.\n\n## Current list\n\n"
            "| Name | Service | Location | Safeguard |\n|---|---|---|---|\n"
            "| Helpdesk Pvt Ltd | Support | India | Standard contractual clauses |\n",
            "Helpdesk Pvt Ltd | Support | India | Standard contractual clauses",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n## Erläuterung der Spalten\n\nGarantie: die Standardvertragsklauseln oder das "
            "andere Instrument, auf dem Übermittlungen an Unterauftragsverarbeiter außerhalb des EWR beruhen.\n\n"
            "## Aktuelle Liste\n\n| Name | Leistung | Ort | Garantie |\n|---|---|---|---|\n"
            "| Helpdesk Pvt Ltd | Support | Indien | Standardvertragsklauseln |\n",
            "Helpdesk Pvt Ltd | Support | Indien | Standardvertragsklauseln",
        ),
    ],
)
def test_evidence_a_legend_of_the_columns_ranks_with_definitions(scanner, lang, text, row):
    """A legend says what a column of the list means, as a definition says what a term means: the row naming the
    tool is quoted before it."""
    report = scan(scanner, text, lang, "subprocessor_list", fmt="markdown")
    assert tool_quotes(report, "scc")[0] == row


@pytest.mark.parametrize(
    ("lang", "text", "first"),
    [
        (
            "en",
            "# Privacy policy\n\n## Sharing\n\nWe may share data with partners in other countries, for example the "
            "United States, when needed.\n\n## Notes on hosting\n\nAll account data is stored on servers in the United "
            "States.\n",
            "All account data is stored on servers in the United States.",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Weitergabe\n\nWir können Daten bei Bedarf an Partner in anderen Ländern "
            "weitergeben, zum Beispiel in die USA.\n\n## Anmerkungen zum Hosting\n\nAlle Kontodaten werden auf Servern "
            "in den USA gespeichert.\n",
            "Alle Kontodaten werden auf Servern in den USA gespeichert.",
        ),
    ],
)
def test_evidence_a_heading_opening_with_notes_on_a_topic_heads_statements(scanner, lang, text, first):
    """ "Notes on hosting", „Anmerkungen zum Hosting" head statements of their own, unlike the notes under a list
    ("Notes"): the sentence placing the data there is quoted first."""
    assert quotes(scanner, text, lang, "US", fmt="markdown")[0] == first


@pytest.mark.parametrize(
    ("lang", "place", "tool", "tool_name"),
    [
        (
            "en",
            "4.2 Our booking reminders are sent through Tintwhistle Ltd, a messaging provider in London, United Kingdom.",
            "We rely on the Commission's adequacy decision for the United Kingdom for this transfer.",
            "adequacy",
        ),
        (
            "de",
            "4.2 Unsere Terminerinnerungen versendet die Tintwhistle Ltd, ein Nachrichtendienst in London, Vereinigtes "
            "Königreich.",
            "Für diese Übermittlung stützen wir uns auf den Angemessenheitsbeschluss der Kommission für das Vereinigte "
            "Königreich.",
            "adequacy",
        ),
        (
            "en",
            "5.1 When you switch on dictation, your recordings are transferred to Loomquill Inc. in the United States.",
            "We have concluded the Standard Contractual Clauses with Loomquill for that transfer.",
            "scc",
        ),
        (
            "de",
            "5.1 Wenn Sie die Diktierfunktion einschalten, werden Ihre Aufnahmen an die Loomquill Inc. in den USA "
            "übermittelt.",
            "Diese Übermittlung stützt sich auf die Standardvertragsklauseln der Kommission.",
            "scc",
        ),
    ],
)
def test_evidence_a_place_and_its_tool_in_two_sentences_are_quoted_as_one(scanner, lang, place, tool, tool_name):
    """A paragraph placing the data in one sentence and naming the tool of that transfer in the next tells one
    transfer: the destination and the tool are each quoted with both sentences, the statement a reader cites."""
    text = f"{place} {tool}"
    report = scan(scanner, text, lang)
    code = "GB" if tool_name == "adequacy" else "US"
    (transfer,) = [t for t in report.transfers if t.destination == code]
    assert transfer.evidence[0].quote == text
    assert tool_quotes(report, tool_name)[0] == text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "4.2 Our booking reminders are sent through Tintwhistle Ltd, a messaging provider in London, United Kingdom. "
            "Transfers to our payment partner in the United States rest on the Standard Contractual Clauses.",
        ),
        (
            "de",
            "4.2 Unsere Terminerinnerungen versendet die Tintwhistle Ltd, ein Nachrichtendienst in London, Vereinigtes "
            "Königreich. Übermittlungen an unseren Zahlungsdienst in den USA stützen wir auf die Standardvertragsklauseln.",
        ),
    ],
)
def test_evidence_a_tool_sentence_naming_another_place_stands_alone(scanner, lang, text):
    """The next sentence names a tool for another place: it tells another transfer, and neither quote takes in the
    other's sentence."""
    report = scan(scanner, text, lang)
    first, second = text.split(". ", 1)
    (uk,) = [t for t in report.transfers if t.destination == "GB"]
    assert uk.evidence[0].quote == first + "."
    assert tool_quotes(report, "scc")[0] == second


@pytest.mark.parametrize(
    ("lang", "clauses", "decisive"),
    [
        (
            "en",
            "6.1 Customer grants Brindlefax a general authorisation to engage sub-processors. 6.2 The current list of "
            "sub-processors is published at https://brindlefax.example/subprocessors.",
            "6.3 Brindlefax may add or replace sub-processors from time to time by updating that list.",
        ),
        (
            "de",
            "6.1 Der Auftraggeber erteilt Brindlefax die allgemeine Genehmigung, Unterauftragsverarbeiter einzusetzen. "
            "6.2 Die aktuelle Liste steht unter https://brindlefax.example/unterauftragsverarbeiter.",
            "6.3 Der Auftragnehmer kann die eingesetzten Unterauftragsverarbeiter jederzeit austauschen.",
        ),
    ],
)
def test_evidence_a_list_changed_at_will_shows_the_missing_notice(scanner, lang, clauses, decisive):
    """No clause gives notice of new sub-processors, and one lets the processor change them at will: that clause is
    where notice belongs and is missing, quoted before the authorisation."""
    found = finding_quotes(scan(scanner, f"{clauses} {decisive}", lang, "dpa"), "SUBPROCESSOR_OBJECTION_MISSING")
    assert found[0] == decisive


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Data Processing Agreement\n\n## 6. Sub-processors\n\n6.1 General authorisation. The Customer authorises "
            "the Processor to engage the sub-processors listed at https://acme.example/sub. The Processor will notify "
            "the Customer 30 days before engaging a new sub-processor.\n",
        ),
        (
            "de",
            "# Auftragsverarbeitungsvertrag\n\n## 6. Unterauftragsverarbeiter\n\n6.1 Allgemeine Genehmigung. Der "
            "Auftraggeber genehmigt den Einsatz der unter https://acme.example/uav aufgeführten "
            "Unterauftragsverarbeiter. Der Auftragnehmer informiert den Auftraggeber 30 Tage vor dem Einsatz eines "
            "neuen Unterauftragsverarbeiters.\n",
        ),
    ],
)
def test_a_finding_quotes_a_clause_once_with_its_run_in_title(scanner, lang, text):
    """Two features quoting the same clause, one with its run-in title and one without, show it once, with the title
    (the authorisation quoted by the title's words and by its own)."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    finding = next(f for f in report.findings if f.rule_id == "SUBPROCESSOR_OBJECTION_MISSING")
    spans = [(e.start, e.end) for e in finding.evidence]
    assert any(e.quote.startswith("6.1 ") for e in finding.evidence)
    assert not [a for a in spans for b in spans if a != b and b[0] <= a[0] and a[1] <= b[1]]


@pytest.mark.parametrize(
    ("lang", "supposed", "decisive"),
    [
        (
            "en",
            "When we transfer your details to other countries, we protect them as this notice describes.",
            "Your booking details may be transferred to and stored by our partners in countries outside the European "
            "Economic Area.",
        ),
        (
            "de",
            "Soweit wir Ihre Angaben in andere Länder übermitteln, schützen wir sie wie in diesem Hinweis beschrieben.",
            "Ihre Buchungsdaten können an unsere Partner in Ländern außerhalb des Europäischen Wirtschaftsraums "
            "übermittelt und dort gespeichert werden.",
        ),
    ],
)
def test_evidence_a_transfer_told_only_as_a_case_that_may_arise_comes_after_the_statement(
    scanner, lang, supposed, decisive
):
    """ "When we transfer your details to other countries, we ...": a merely conditional clause discloses no
    destination by itself, so the sentence saying that data goes abroad is quoted first, though it stands later."""
    heading = "International transfers" if lang == "en" else "Übermittlung in Drittländer"
    text = f"# {heading}\n\n{supposed}\n\n{decisive}\n"
    assert quotes(scanner, text, lang, "UNSPECIFIED", fmt="markdown")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "supposed", "other"),
    [
        (
            "en",
            "If we transfer your details to Lorvane Inc. in the United States, we rely on the Standard Contractual "
            "Clauses.",
            "Our newsletter is sent by Brindlecast Inc., whose servers are located in the United States.",
        ),
        (
            "de",
            "Wenn wir Ihre Angaben an die Lorvane Inc. in den USA übermitteln, stützen wir uns auf die "
            "Standardvertragsklauseln.",
            "Unser Newsletter wird von der Brindlecast Inc. versandt, deren Server sich in den USA befinden.",
        ),
    ],
)
def test_evidence_a_tool_named_for_a_transfer_that_may_arise_keeps_its_place(scanner, lang, supposed, other):
    """The conditional lead sinks a destination's quote only: for the tool it still says what the transfer rests on,
    and it stays the SCCs' first quote beside a sentence naming no tool."""
    report = scan(scanner, f"{supposed}\n\n{other}\n", lang)
    assert tool_quotes(report, "scc")[0] == supposed


NOTED = {
    "en": (
        "# Sub-processors\n\n"
        "| Sub-processor | Service | Location | Safeguard |\n| --- | --- | --- | --- |\n"
        "| Pinecrest Vault Inc. | Archive copies (1) | Canada | Adequacy decision (Canada) |\n"
        "| Harlow Mailing Ltd | Newsletters | United Kingdom | Adequacy decision |\n\n"
        "(1) Archive copies are kept in Canada only for customers who booked the long-term archive.\n",
        "CA",
        "Pinecrest Vault Inc.",
    ),
    "de": (
        "# Unterauftragsverarbeiter\n\n"
        "| Unterauftragsverarbeiter | Leistung | Ort | Garantie |\n| --- | --- | --- | --- |\n"
        "| Tannfeld Archiv AG | Archivkopien (1) | Schweiz | Angemessenheitsbeschluss |\n"
        "| Harlow Mailing Ltd | Newsletter | Vereinigtes Königreich | Angemessenheitsbeschluss |\n\n"
        "(1) Archivkopien werden nur für Kunden mit gebuchtem Langzeitarchiv in der Schweiz gespeichert.\n",
        "CH",
        "Tannfeld Archiv AG",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_evidence_a_note_on_a_row_comes_after_the_row(scanner, lang):
    """ "(1) Archive copies are kept in Canada only for ...": a note whose marker a table row carries comments on that
    entry, under no heading of notes too; the row stating the place is quoted first."""
    text, place, row = NOTED[lang]
    assert quotes(scanner, text, lang, place, fmt="markdown")[0].startswith(row)


FOOTNOTED = {
    "en": (
        "# 3. Where data is processed\n\n"
        "3.1 We process customer data only in our data centre in Vienna, Austria.¹\n\n"
        "# 4. Recipients outside the EEA\n\n"
        "| Recipient | Country | Purpose | Safeguard |\n| --- | --- | --- | --- |\n"
        "| Quarzbrück Backup AG | Switzerland | Disaster recovery | Adequacy decision |\n\n"
        "# Footnotes\n\n"
        "¹ Encrypted backup copies are stored in the standby data centre of Quarzbrück Backup AG in Basel, "
        "Switzerland.\n",
        "¹ Encrypted backup copies",
    ),
    "de": (
        "# 3. Ort der Verarbeitung\n\n"
        "3.1 Wir verarbeiten Kundendaten ausschließlich in unserem Rechenzentrum in Wien (Österreich).¹\n\n"
        "# 4. Empfänger außerhalb des EWR\n\n"
        "| Empfänger | Land | Zweck | Grundlage |\n| --- | --- | --- | --- |\n"
        "| Quarzbrück Backup AG | Schweiz | Notfallwiederherstellung | Angemessenheitsbeschluss |\n\n"
        "# Fußnoten\n\n"
        "¹ Verschlüsselte Sicherungskopien werden im Ausweichrechenzentrum der Quarzbrück Backup AG in Basel "
        "(Schweiz) gespeichert.\n",
        "¹ Verschlüsselte Sicherungskopien",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_evidence_a_footnote_to_a_sentence_states_the_place(scanner, lang):
    """ "... in Vienna.¹" and under "Footnotes" "¹ Encrypted backup copies are stored ... in Basel, Switzerland": a note
    whose marker stands in a sentence of the text completes that statement, so it is quoted before the table row
    naming the place with its tool (a row naming the tool ranks below a sentence placing the data)."""
    text, note = FOOTNOTED[lang]
    assert quotes(scanner, text, lang, "CH", doc_type="dpa", fmt="markdown")[0].startswith(note)


ELSEWHERE_NOTED = {
    "en": (
        "# Service providers\n\n"
        "| Provider | Service | Location |\n| --- | --- | --- |\n"
        "| Tidewell Helpdesk SE | Customer service by e-mail and phone | EU¹ |\n\n"
        "¹ At night the customer service of Tidewell is run by a team in Nairobi, Kenya, who read your request and "
        "your contact details.\n\n"
        "For the access from Kenya we have agreed the Standard Contractual Clauses with Tidewell.\n",
        "¹ At night",
    ),
    "de": (
        "# Dienstleister\n\n"
        "| Dienstleister | Leistung | Ort |\n| --- | --- | --- |\n"
        "| Tidewell Helpdesk SE | Kundenservice per E-Mail und Telefon | EU¹ |\n\n"
        "¹ Nachts greift ein Team von Tidewell in Nairobi, Kenia, auf Ihre Anfrage und Ihre Kontaktdaten zu.\n\n"
        "Für die Zugriffe aus Kenia haben wir mit Tidewell die Standardvertragsklauseln vereinbart.\n",
        "¹ Nachts",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_evidence_a_note_on_a_row_naming_another_place_states_its_own(scanner, lang):
    """A row placing the provider in the EU and its note "¹ At night ... a team in Nairobi, Kenya": the note is the only
    statement of Kenya, so it is quoted before the sentence naming the tool for that access."""
    text, note = ELSEWHERE_NOTED[lang]
    assert quotes(scanner, text, lang, "KE", fmt="markdown")[0].startswith(note)


GROUPED = {
    "en": (
        "# Sub-processors\n\n"
        "| Sub-processor | Location | Service |\n| --- | --- | --- |\n"
        "| Corravel Cloud Ltd | Ireland (EU customers) United States (US customers) | Hosting |\n"
        "| Quillstone Inc. | United States | Hosting of the mail archive |\n",
        "Quillstone Inc.",
    ),
    "de": (
        "# Unterauftragsverarbeiter\n\n"
        "| Unterauftragsverarbeiter | Ort | Leistung |\n| --- | --- | --- |\n"
        "| Corravel Cloud Ltd | Irland (EU-Kunden) USA (US-Kunden) | Hosting |\n"
        "| Quillstone Inc. | USA | Hosting des Mailarchivs |\n",
        "Quillstone Inc.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_evidence_a_row_placing_data_by_customer_group_comes_after_one_placing_it_for_all(scanner, lang):
    """ "Ireland (EU customers) United States (US customers)": where data rests depends on the customer, so the row
    placing it in the United States for everyone is quoted first, though it stands later."""
    text, row = GROUPED[lang]
    found = quotes(scanner, text, lang, "US", doc_type="subprocessor_list", fmt="markdown")
    assert found[0].startswith(row)
    assert any(q.startswith("Corravel") for q in found)


@pytest.mark.parametrize(
    ("lang", "stated", "aside"),
    [
        (
            "en",
            "When we process your order, we transfer your data to countries outside the EEA.",
            "We protect personal data sent to countries outside the EEA with appropriate safeguards.",
        ),
        (
            "de",
            "Wenn wir Ihre Bestellung abwickeln, übermitteln wir Ihre Daten in Länder außerhalb des EWR.",
            "Personenbezogene Daten, die in Länder außerhalb des EWR gelangen, schützen wir mit geeigneten Garantien.",
        ),
    ],
)
def test_evidence_a_transfer_stated_after_a_condition_on_something_else_keeps_its_place(scanner, lang, stated, aside):
    """„Wenn wir Ihre Bestellung abwickeln, übermitteln wir ...": the condition is on the order, and the main clause
    states the transfer; only a condition that supposes the transfer itself („Soweit wir ... übermitteln, ...") is
    quoted after the statement. The sentence stands later and is still quoted first."""
    heading = "Orders" if lang == "en" else "Bestellungen"
    text = f"# Notice\n\n{aside}\n\n## {heading}\n\n{stated}\n"
    assert quotes(scanner, text, lang, "UNSPECIFIED", fmt="markdown")[0] == stated


FOR_EVERYONE = {
    "en": ("United States (all customers)", "United States (EU and US customers)", "United States"),
    "de": ("USA (alle Kunden)", "USA (EU- und US-Kunden)", "USA"),
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("which", [0, 1])
def test_evidence_a_row_placing_data_for_all_customers_or_eea_ones_keeps_its_place(scanner, lang, which):
    """ "United States (all customers)", "(EU and US customers)": the row places every EEA customer's data there, a
    statement, not a row for another group of customers; it stays first, before a later row."""
    place, later = FOR_EVERYONE[lang][which], FOR_EVERYONE[lang][2]
    header = (
        "| Sub-processor | Location | Service |" if lang == "en" else "| Unterauftragsverarbeiter | Ort | Leistung |"
    )
    text = (
        f"# {'Sub-processors' if lang == 'en' else 'Unterauftragsverarbeiter'}\n\n{header}\n| --- | --- | --- |\n"
        f"| Corravel Cloud Ltd | {place} | Hosting |\n| Quillstone Inc. | {later} | Archive |\n"
    )
    found = quotes(scanner, text, lang, "US", doc_type="subprocessor_list", fmt="markdown")
    assert found[0].startswith("Corravel Cloud Ltd")


@pytest.mark.parametrize(
    ("lang", "supposed", "decisive"),
    [
        (
            "en",
            "Where we rely on standard contractual clauses for a transfer, we also encrypt the data in transit and "
            "keep the keys in Europe.",
            "Transfers to Corbelline Inc. in the United States are made under the standard contractual clauses.",
        ),
        (
            "en",
            "Until Corbelline Inc. is certified under the EU-U.S. Data Privacy Framework, we rely on the standard "
            "contractual clauses for transfers to it.",
            "Transfers to Wendrick Inc. in the United States rest on its certification under the EU-U.S. Data Privacy "
            "Framework.",
        ),
        (
            "de",
            "Soweit wir uns auf Standardvertragsklauseln stützen, haben wir die Rechtslage im Empfängerland geprüft und "
            "verschlüsseln die Daten bei der Übertragung.",
            "Übermittlungen an die Corbelline Inc. in den USA erfolgen auf Grundlage der Standardvertragsklauseln.",
        ),
        (
            "de",
            "Bis die Corbelline Inc. nach dem EU-U.S. Data Privacy Framework zertifiziert ist, stützen wir "
            "Übermittlungen an sie auf die Standardvertragsklauseln.",
            "Übermittlungen an die Wendrick Inc. in den USA stützen sich auf deren Zertifizierung nach dem EU-U.S. "
            "Data Privacy Framework.",
        ),
    ],
)
def test_evidence_a_tool_only_supposed_in_an_opening_condition_comes_after_the_statement(
    scanner, lang, supposed, decisive
):
    """ "Where we rely on the SCCs, we ...", "Until X is certified under the DPF, ...": the opening clause supposes the
    tool (or a state still to come) and the sentence says what goes with it; the sentence saying a transfer rests on
    the tool is quoted first, though it stands later."""
    tool = "dpf" if "Privacy Framework" in decisive else "scc"
    assert tool_quotes(scan(scanner, f"{supposed} {decisive}", lang, "dpa"), tool)[0] == decisive


@pytest.mark.parametrize(
    ("lang", "stated", "other"),
    [
        (
            "en",
            "If we transfer your data to the United States, we rely on the standard contractual clauses.",
            "Transfers to our hosting provider rest on the standard contractual clauses.",
        ),
        (
            "de",
            "Wenn wir Ihre Daten in die USA übermitteln, stützen wir uns auf die Standardvertragsklauseln.",
            "Übermittlungen an unseren Hosting-Anbieter erfolgen auf Grundlage der Standardvertragsklauseln.",
        ),
    ],
)
def test_evidence_a_tool_named_after_the_opening_condition_is_stated(scanner, lang, stated, other):
    """The condition supposes the transfer; the tool stands in the main clause after its comma, so the sentence states
    what the transfer rests on and keeps its place before a later one."""
    assert tool_quotes(scan(scanner, f"{stated} {other}", lang, "dpa"), "scc")[0] == stated


HEADER_ROW_TABLES = {
    "en": (
        "# Annex 2 - Sub-processors\n\n"
        "| Sub-processor | Service | Location | Safeguard |\n| --- | --- | --- | --- |\n"
        "| Brightmoss Inc. | Sending appointment reminders | Denver, USA | – |\n"
    ),
    "de": (
        "# Anlage 2 – Unterauftragsverarbeiter\n\n"
        "| Unterauftragsverarbeiter | Leistung | Standort | Garantie |\n| --- | --- | --- | --- |\n"
        "| Brightmoss Inc. | Versand von Terminerinnerungen | Denver, USA | – |\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_evidence_a_header_row_naming_the_safeguard_column_is_not_the_missing_tools_quote(scanner, lang):
    """A table's header row "... | Safeguard" names the column, not the document's basis for a transfer: the missing
    tool is shown by the row under it, with its empty cell, first."""
    report = scan(scanner, HEADER_ROW_TABLES[lang], lang, "dpa", fmt="markdown")
    found = finding_quotes(report, "TRANSFER_MECHANISM_UNSPECIFIED")
    assert found[0].startswith("Brightmoss Inc.")
    assert not any(q.startswith(("Sub-processor |", "Unterauftragsverarbeiter |")) for q in found)


@pytest.mark.parametrize(
    ("lang", "basis"),
    [
        ("en", "Transfers to third countries rest on appropriate safeguards."),
        ("de", "Übermittlungen in Drittländer erfolgen auf Grundlage geeigneter Garantien."),
    ],
)
def test_evidence_a_sentence_naming_the_basis_without_a_tool_is_still_quoted_first(scanner, lang, basis):
    """A sentence on the transfers' basis that names no tool states the gap itself: it stays the first quote of the
    missing tool, before the rows of the table."""
    text = HEADER_ROW_TABLES[lang].replace("\n\n", f"\n\n{basis}\n\n", 1)
    report = scan(scanner, text, lang, "dpa", fmt="markdown")
    assert finding_quotes(report, "TRANSFER_MECHANISM_UNSPECIFIED")[0] == basis


@pytest.mark.parametrize(
    ("lang", "text", "decisive"),
    [
        (
            "en",
            "# End of the contract\n\nAfter the contract ends we delete the backups stored in Japan within 30 days.\n\n"
            "# Where customer data is stored\n\nA copy of the database is kept by Hostco KK in Tokyo, Japan.\n",
            "A copy of the database is kept by Hostco KK in Tokyo, Japan.",
        ),
        (
            "de",
            "# Ende des Vertrags\n\nNach Vertragsende löschen wir auch die Sicherungen, die in Japan gespeichert sind, "
            "binnen 30 Tagen.\n\n# Wo Ihre Daten gespeichert werden\n\nEine Kopie der Datenbank wird bei der Hostco KK "
            "in Tokio, Japan, gespeichert.\n",
            "Eine Kopie der Datenbank wird bei der Hostco KK in Tokio, Japan, gespeichert.",
        ),
    ],
)
def test_evidence_a_statement_under_a_location_heading_before_one_in_passing(scanner, lang, text, decisive):
    """A heading naming where data is kept ("Where customer data is stored", „Wo Ihre Daten gespeichert werden") is
    where a reader looks, as under "International transfers": its statement is quoted before an earlier deletion
    clause naming the place in passing."""
    assert quotes(scanner, text, lang, "JP", fmt="markdown")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n## Changes\n\n| No. | Date | Change |\n|---|---|---|\n| 2025/1 | 2 May 2025 | Hostco KK "
            "moved processing from Singapore to Japan |\n\n## Current list\n\n| Name | Purpose | Location |\n|---|---|---|\n"
            "| Hostco KK | Hosting | Japan |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n## Änderungen\n\n| Nr. | Datum | Änderung |\n|---|---|---|\n| 2025/1 | "
            "02.05.2025 | Hostco KK hat die Verarbeitung von Singapur nach Japan verlegt |\n\n## Aktuelle Liste\n\n"
            "| Name | Zweck | Standort |\n|---|---|---|\n| Hostco KK | Hosting | Japan |\n",
        ),
    ],
)
def test_evidence_a_numbered_change_log_row_after_the_list(scanner, lang, text):
    """A change log's row led by its entry number and then its date ("2025/1 | 2 May 2025 | ...") is history as a row
    led by the date is: the list's own row is quoted first."""
    assert (
        quotes(scanner, text, lang, "JP", doc_type="subprocessor_list", fmt="markdown")[0]
        == "Hostco KK | Hosting | Japan"
    )


@pytest.mark.parametrize(
    ("lang", "supposed", "decisive"),
    [
        (
            "en",
            "(1) Where a sub-processor processes data in a third country or accesses data from a third country, the "
            "Processor ensures that suitable safeguards are in place.",
            "(2) Maintenance and support services may also be provided from third countries, in particular by group "
            "companies.",
        ),
        (
            "de",
            "(1) Soweit Unterauftragsverarbeiter Daten in einem Drittland verarbeiten oder aus einem Drittland auf Daten "
            "zugreifen, stellt der Auftragnehmer geeignete Garantien sicher.",
            "(2) Wartungs- und Supportleistungen können auch aus Drittstaaten heraus erbracht werden, insbesondere durch "
            "Konzerngesellschaften.",
        ),
    ],
)
def test_evidence_a_sub_processor_transfer_told_only_as_a_case_comes_after_the_statement(
    scanner, lang, supposed, decisive
):
    """ "Where a sub-processor processes data in a third country, ...": the condition supposes the processing abroad,
    told by the place and the verb it was read by, so the sentence saying that services come from abroad is quoted
    first for the unnamed destination."""
    heading = "Place of processing" if lang == "en" else "Ort der Verarbeitung"
    text = f"# {heading}\n\n{supposed}\n\n{decisive}\n"
    assert quotes(scanner, text, lang, "UNSPECIFIED", doc_type="dpa", fmt="markdown")[0] == decisive


@pytest.mark.parametrize(
    ("lang", "sentence", "row", "rests"),
    [
        (
            "en",
            "Our help desk is provided by Deskwell Inc., which stores the tickets, and what users write in them, in the "
            "United States.",
            "Deskwell Inc. | Help desk | United States | Standard Contractual Clauses",
            True,
        ),
        (
            "de",
            "Unser Helpdesk wird von der Deskwell Inc. bereitgestellt, die die Tickets, und was Nutzer darin schreiben, in "
            "den USA speichert.",
            "Deskwell Inc. | Helpdesk | USA | Standardvertragsklauseln",
            True,
        ),
        (
            "en",
            "Transfers to third countries such as the United States are subject to this section.",
            "Deskwell Inc. | Help desk | United States | Standard Contractual Clauses",
            False,
        ),
        (
            "de",
            "Übermittlungen in Drittländer wie die USA unterliegen diesem Abschnitt.",
            "Deskwell Inc. | Helpdesk | USA | Standardvertragsklauseln",
            False,
        ),
    ],
)
def test_evidence_a_place_in_a_transfer_context_saying_where_data_rests_ranks_as_a_statement(
    scanner, lang, sentence, row, rests
):
    """A place named only in a transfer context comes after a row naming its recipient, place and tool, unless its
    sentence says the data is stored, hosted, processed or accessed there: then it tells where the data rests, and
    the prose under the transfer heading is quoted before the annex row."""
    order = Lexicon.from_data(scanner.ruleset.lexicon).evidence
    heading = ("Transfers to third countries",)
    told = Mention("destination", "US", Evidence(sentence, 0, len(sentence), section=heading), role=UNCLAIMED)
    start = len(sentence) + 2
    annex = ("Annex 3",)
    listed = Mention(
        "destination", "US", Evidence(row, start, start + len(row), section=annex), role="table", detail="table"
    )
    tool = Mention("mechanism", "scc", Evidence(row, start, start + len(row), section=annex), role="table")
    ranked = [m for m in order.ranked([listed, told, tool]) if m.kind == "destination"]
    assert ranked == ([told, listed] if rests else [listed, told])


def _openings(items) -> set[str]:
    """The characters a parsed pattern can open with (literals, sets, repeats, groups and alternations only)."""
    from re import _constants as c  # type: ignore[attr-defined]

    op, av = items[0]
    if op is c.LITERAL:
        return {chr(av)}
    if op is c.IN:
        assert all(kind is c.LITERAL for kind, _ in av), av
        return {chr(code) for _, code in av}
    if op in (c.MAX_REPEAT, c.MIN_REPEAT) and av[0] >= 1:
        return _openings(av[2])
    if op is c.SUBPATTERN:
        return _openings(av[-1])
    if op is c.BRANCH:
        return set().union(*(_openings(branch) for branch in av[1]))
    raise AssertionError(f"NOTE_MARK opens with {op}: teach _openings, and NOTE_MARK_OPENING, what it is")


def test_note_refs_looks_only_at_texts_holding_a_marks_first_character():
    """note_refs skips a text without NOTE_MARK_OPENING: every alternative of NOTE_MARK opens with one of its
    characters (read from NOTE_MARK's parse tree, so that a new kind of marker cannot be skipped unseen)."""
    from re import _parser  # type: ignore[attr-defined]

    from dpcheck.extract.evidence import NOTE_MARK, NOTE_MARK_OPENING, NOTE_REFERS, note_refs

    openings = _openings(_parser.parse(NOTE_MARK))
    assert openings and all(NOTE_MARK_OPENING.fullmatch(ch) for ch in openings)
    texts = [
        "Backups in Canada (1) | Storage",
        "Rechenzentrum Deutschland¹",
        "Support from India [2]",
        "Hosting in the United States**",
        "Hosting in the United States (EU region).",
        "No note refers to this row",
    ]
    blocks = [(text, 10 * i, 10 * i + 9, True) for i, text in enumerate(texts)]
    refs = note_refs(blocks)
    assert set(refs) == {"(1)", "¹", "[2]", "**"}
    assert refs == {m.group(1): ((10 * i, 10 * i + 9),) for i, t in enumerate(texts) for m in NOTE_REFERS.finditer(t)}
