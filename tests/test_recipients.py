"""Recipients named in running text, in lists and entries, and tables of those who answer for the data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from dpcheck import ingest
from dpcheck.extract.recipients import _phrases, may_name, sentence_recipients
from dpcheck.extract.sentences import read_sentences
from dpcheck.ingest.document import DocumentBuilder
from dpcheck.resources import rules_dir
from dpcheck.scanner import iter_documents

EXAMPLES = yaml.safe_load((rules_dir() / "lexicon" / "recipients.yml").read_text(encoding="utf-8"))["examples"]


def scan(scanner, text, lang, doc_type="privacy_policy"):
    return scanner.scan_text(text, language=lang, format="markdown", doc_type=doc_type)


def named(scanner, text, lang, doc_type="privacy_policy"):
    return {r.name: r.role for r in scan(scanner, text, lang, doc_type).recipients}


@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e['lang']}-{i}" for i, e in enumerate(EXAMPLES)])
def test_recipients_lexicon_examples(scanner, example):
    """Each example sentence of recipients.yml names exactly its recipients, with their roles."""
    assert named(scanner, example["text"], example["lang"]) == (example["recipients"] or {})


def test_recipients_examples_cover_both_languages_and_every_role():
    """The examples hold English and German sentences, sentences that name none, and every role."""
    assert {e["lang"] for e in EXAMPLES} == {"en", "de"}
    assert {role for e in EXAMPLES for role in (e["recipients"] or {}).values()} == {
        "processor",
        "third_party",
        "affiliate",
    }
    assert {e["lang"] for e in EXAMPLES if not e["recipients"]} == {"en", "de"}


LISTS = {
    "en": (
        "# Privacy Policy\n\n## Sharing\n\nWe currently use the following service providers, who handle your "
        "personal data:\n\n* Alderbrook - cloud hosting\n* Beacon Mail: sending e-mails\n* Cobalt Desk (support "
        "tickets)\n* You can ask us for more details.\n* Delta Cloud - backups\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Weitergabe\n\nWir setzen derzeit die folgenden Dienstleister ein, die Ihre "
        "Daten verarbeiten:\n\n* Alderbrook - Hosting\n* Beacon Mail: Versand von E-Mails\n* Cobalt Desk "
        "(Support-Tickets)\n* Weitere Angaben erhalten Sie auf Anfrage.\n* Delta Cloud - Sicherungen\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_list_items_after_a_lead_in_naming_processors(scanner, lang):
    """The items after "the following service providers:" name processors, up to the first item that names none."""
    assert named(scanner, LISTS[lang], lang) == {
        "Alderbrook": "processor",
        "Beacon Mail": "processor",
        "Cobalt Desk": "processor",
    }


ENTRIES = {
    "en": (
        "# Privacy Policy\n\n## Third-party service providers\n\n### Alderbrook\n\nPurpose: cloud hosting\n\n"
        "Location: USA\n\n## Your rights\n\n### Access\n\nPurpose: you may see your data.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Eingesetzte Dienstleister\n\n### Alderbrook\n\nZweck: Hosting\n\n"
        "Standort: USA\n\n## Ihre Rechte\n\n### Auskunft\n\nZweck: Sie können Ihre Daten einsehen.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_headings_of_entries_in_a_recipient_section(scanner, lang):
    """A heading whose entry opens with "Purpose:" names a recipient only in a section about service providers."""
    assert named(scanner, ENTRIES[lang], lang) == {"Alderbrook": "processor"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We use Quillon Verify Ltd. to check your identity. We store data on servers in Ireland."),
        (
            "de",
            "Wir nutzen die Quillon Verify Ltd., um Ihre Identität zu prüfen. Wir speichern Daten auf Servern in Irland.",
        ),
    ],
)
def test_recipients_named_in_prose_make_no_transfer(scanner, lang, text):
    """A recipient named in a sentence has no country of its own: it adds no destination and no path."""
    result = scan(scanner, text, lang)
    assert [(r.name, r.locations) for r in result.recipients] == [("Quillon Verify Ltd.", ())]
    assert {t.destination for t in result.transfers} <= {"IE", "EEA"}


REPRESENTATIVES = {
    "en": (
        "# Privacy Policy\n\nWe store your data on servers in Ireland.\n\n"
        "| Country | Local representative | Postal address |\n|---|---|---|\n"
        "| Serbia | Petrovic Law, attorneys | 1 Example Street, Belgrade |\n"
        "| Turkey | Ekin Legal | 2 Example Street, Istanbul |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir speichern Ihre Daten auf Servern in Irland.\n\n"
        "| Land | Vertreter | Anschrift |\n|---|---|---|\n"
        "| Serbien | Petrovic Law | Beispielstraße 1, Belgrad |\n"
        "| Türkei | Ekin Legal | Beispielstraße 2, Istanbul |\n"
    ),
}
ENTITIES = {
    "en": (
        "# Privacy Policy\n\nWe store your data on servers in Ireland.\n\n"
        "| Entity name | Postal address | Comments |\n|---|---|---|\n"
        "| Fernhop B.V. | 1 Example Street, Amsterdam, The Netherlands | Runs the platform and is the controller. |\n"
        "| Fernhop Rides Ltd. | 2 Example Street, Leeds, United Kingdom | It is the controller for rides. |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir speichern Ihre Daten auf Servern in Irland.\n\n"
        "| Unternehmen | Adresse | Hinweis |\n|---|---|---|\n"
        "| Fernhop B.V. | Beispielstraße 1, Amsterdam, Niederlande | Betreibt die Plattform und ist verantwortlich. |\n"
        "| Fernhop Rides Ltd. | Beispielstraße 2, Leeds, Vereinigtes Königreich | Gemeinsam verantwortlich für Fahrten. |\n"
    ),
}


@pytest.mark.parametrize("tables", [REPRESENTATIVES, ENTITIES], ids=["representatives", "controllers"])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_of_representatives_and_controllers_name_no_recipient_and_no_destination(scanner, tables, lang):
    """A table of the vendor's representatives or of its own controller entities lists who answers for the
    data: neither its companies nor its countries are recipients or destinations."""
    result = scan(scanner, tables[lang], lang)
    assert not result.recipients
    assert {t.destination for t in result.transfers} <= {"IE", "EEA"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_of_sub_processors_still_name_recipients(scanner, lang):
    """A sub-processor table next to those rules is read as before."""
    head = {
        "en": "| Sub-processor | Purpose | Location |\n|---|---|---|\n",
        "de": "| Unterauftragsverarbeiter | Leistung | Standort |\n|---|---|---|\n",
    }[lang]
    row = {"en": "| Alderbrook Inc. | Hosting | United States |\n", "de": "| Alderbrook Inc. | Hosting | USA |\n"}[lang]
    result = scan(scanner, head + row, lang, "dpa")
    assert [(r.name, r.role, r.locations) for r in result.recipients] == [("Alderbrook Inc.", "subprocessor", ("US",))]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Relaywise Privacy Policy\n\nThe service is provided by Relaywise Labs Ltd. We use Quillon Verify Ltd., "
            "Dublin, to check your identity.\n",
        ),
        (
            "de",
            "# Relaywise Datenschutzerklärung\n\nDer Dienst wird betrieben von Relaywise Labs GmbH. Wir nutzen die "
            "Quillon Verify Ltd., Dublin, um Ihre Identität zu prüfen.\n",
        ),
    ],
)
def test_recipients_the_vendor_named_in_the_title_and_a_seat_after_a_comma_are_none(scanner, lang, text):
    """The company the title names is the vendor itself, and a city after "Acme Ltd.," is its seat, not a second name."""
    assert named(scanner, text, lang) == {"Quillon Verify Ltd.": "processor"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We use Your Personal Data and Account Details to run the Services."),
        ("de", "Wir nutzen Ihre Angaben und Ihren Namen, um den Dienst zu erbringen."),
    ],
)
def test_recipients_capitalised_nouns_and_defined_terms_are_no_names(scanner, lang, text):
    """German nouns and defined terms are capitalised too: they name no recipient."""
    assert named(scanner, text, lang) == {}


CHOICES = {
    "en": (
        "# Privacy and Cookie Policy\n\n## Sharing\n\nWe share payment details with payment service providers such "
        "as Tallimo, to process your payments.\n\n## Secondary sites\n\nThese sites set functional cookies that let you "
        "sign in with third-party log-in tools (e.g. Quorra Connect).\n\n## Cookies and consent\n\nWe use Pellmark "
        "Consent to record your consent settings.\n\n## Your choices\n\nOnline tracking opt-out. You can limit the "
        "data our website collects, as summarised below:\n\n* Glintly Analytics. We use Glintly Analytics to see how "
        "visitors use the website.\n"
    ),
    "de": (
        "# Datenschutz- und Cookie-Hinweise\n\n## Weitergabe\n\nZahlungsdaten geben wir an Zahlungsdienstleister "
        "wie Tallimo weiter, um Ihre Zahlungen abzuwickeln.\n\n## Nebenseiten\n\nDiese Seiten setzen funktionale "
        "Cookies, mit denen Sie sich über Social-Login-Dienste (z. B. Quorra Connect) anmelden können.\n\n"
        "## Cookies und Einwilligung\n\nWir nutzen Pellmark Consent, um Ihre Einwilligungen zu speichern.\n\n"
        "## Ihre Wahlmöglichkeiten\n\nWiderspruch gegen Tracking (Opt-out). Sie können einschränken, welche Daten "
        "unsere Website erhebt:\n\n* Glintly Analytics. Wir nutzen Glintly Analytics, um die Nutzung der Website "
        "auszuwerten.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_among_cookie_opt_out_and_plug_in_choices_are_none(scanner, lang):
    """A provider named in a sentence about cookies or log-in plug-ins, under a cookie heading, or in a list led
    in by an opt-out paragraph is a choice the reader has, not a recipient; a title that names the whole notice
    ("Privacy and Cookie Policy") leaves the sharing section's recipients as they are."""
    assert named(scanner, CHOICES[lang], lang) == {"Tallimo": "processor"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Fernhop Holdings is also the parent company of other group brands such as Lakeview Stays and Orrin."),
        ("de", "Die Fernhop Holding ist zudem Muttergesellschaft weiterer Konzerngesellschaften wie Lakeview Stays."),
    ],
)
def test_recipients_group_companies_named_without_data_are_none(scanner, lang, text):
    """Companies of the vendor's group receive data where the text says data goes to them (the recipients.yml
    examples), not where they are only named as members of the group."""
    assert named(scanner, text, lang) == {}


COMPANY_LISTS = {
    "en": (
        "# Privacy Policy\n\n## Recipients\n\nThe following processors handle personal data for us:\n\n"
        "* Brindle Analytics AB (reporting)\n* Harrowgate Savings Bank AB and its branches or Penwick Oy (bike leasing)\n"
        "* Quayside Data Technologies Oy (data platform)\n\no Tarnlow Inc. (add-on for the data platform)\n\n"
        "* Velmora Ltd (e-mail delivery)\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Empfänger\n\nFolgende Dienstleister verarbeiten Daten in unserem Auftrag:\n\n"
        "* Brindle Analytics AB (Auswertungen)\n* Harrowgate Sparbank AB und ihre Filialen oder Penwick Oy (Leasing)\n"
        "* Quayside Data Technologies Oy (Datenplattform)\n\no Tarnlow Inc. (Erweiterung der Datenplattform)\n\n"
        "* Velmora Ltd (E-Mail-Versand)\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_list_items_named_with_a_legal_form_several_names_or_a_typed_bullet(scanner, lang):
    """An item whose name ends in a word like "Technologies" is a company when a legal form closes it; an item
    naming several companies gives the one it opens with; a sub-item typed with an "o" bullet is an item too,
    so none of them ends the list before the items after it."""
    bank = {"en": "Harrowgate Savings Bank AB", "de": "Harrowgate Sparbank AB"}[lang]
    assert named(scanner, COMPANY_LISTS[lang], lang) == {
        "Brindle Analytics AB": "processor",
        bank: "processor",
        "Quayside Data Technologies Oy": "processor",
        "Tarnlow Inc.": "processor",
        "Velmora Ltd": "processor",
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We share your data with our service providers (e.g., Quillon for fraud checks and Parvel for support).",
            {"Quillon": "processor", "Parvel": "processor"},
        ),
        (
            "en",
            "We share data with partners who help us advertise (e.g., Glintly).",
            {"Glintly": "third_party"},
        ),
        (
            "de",
            "Wir geben Ihre Daten an unsere Dienstleister (Quillon, Parvel und Tallimo) weiter.",
            {"Quillon": "processor", "Parvel": "processor", "Tallimo": "processor"},
        ),
        (
            "en",
            "We connect third-party APIs (such as Quillon Search) and share your query with them.",
            {"Quillon Search": "processor"},
        ),
        (
            "de",
            "Wir binden Drittanbieter-Schnittstellen (z. B. Quillon Search) ein und übermitteln Ihre Anfrage dorthin.",
            {"Quillon Search": "processor"},
        ),
        (
            "en",
            "# Privacy Policy\n\n## Recipients\n\nYour data may go to:\n\n- our agents, partners and service providers "
            "(Quillon, Parvel, Tallimo).\n",
            {"Quillon": "processor", "Parvel": "processor", "Tallimo": "processor"},
        ),
        ("en", "We share data within the Fernhop Holdings group (FHG) only.", {}),
        (
            "en",
            "Quillon, Inc. and its U.S. subsidiaries (Parvel Labs, Inc., Tallimo LLC) adhere to the Data Privacy "
            "Framework Principles for personal data transferred from the EU.",
            {},
        ),
        (
            "de",
            "Die Quillon Inc. und ihre Tochtergesellschaften (Parvel Labs, Inc., Tallimo LLC) sind nach dem Data "
            "Privacy Framework zertifiziert; ihnen übermittelte Daten sind geschützt.",
            {},
        ),
        ("de", "Wir geben Daten nur innerhalb der Fernhop-Gruppe (FHG) weiter.", {}),
        (
            "en",
            "In the context of analytics tools (e.g., Glintly Analytics, Quorra Pixel), profiles may be created.",
            {},
        ),
    ],
)
def test_recipients_listed_in_brackets_after_a_category(scanner, lang, text, expected):
    """Companies in brackets after a category name recipients: after "e.g.," even with what each is for between
    them, after a clause about partners, or alone in brackets in a sharing sentence or a section on recipients;
    one short form in brackets is the category's own name, a sentence that sends no data names none, and
    companies in brackets in a sentence on a transfer tool are those the tool covers, not recipients."""
    assert named(scanner, text, lang) == expected


BY_LISTS = {
    "en": (
        "These third parties help us and include:\n\n* Payment processing provided by Tallimo Inc.;\n"
        "* Chat services by Quillon SARL;\n* Affiliate programme solution by Parvel LLC; and\n* government agencies."
    ),
    "de": (
        "Diese Dritten unterstützen uns, darunter:\n\n* Zahlungsabwicklung bereitgestellt von Tallimo GmbH;\n"
        "* Chat-Dienst von Quillon SARL;\n* Partnerprogramm-Lösung von Parvel LLC; und\n* Behörden."
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_service_by_a_company(scanner, lang):
    """ "Chat services by Acme SARL" ("Chat-Dienst von Acme SARL") names the company that provides the service;
    the customer who uses "the services of" the vendor names none."""
    tallimo = {"en": "Tallimo Inc.", "de": "Tallimo GmbH"}[lang]
    assert set(named(scanner, BY_LISTS[lang], lang)) == {tallimo, "Quillon SARL", "Parvel LLC"}
    customer = {
        "en": "This agreement binds the customer who uses the services of Relay Notes.",
        "de": "Dieser Vertrag gilt für den Kunden, der die Dienste von Relay Notes nutzt.",
    }[lang]
    assert named(scanner, customer, lang) == {}


def test_recipients_a_legal_form_closes_a_name_ending_in_a_common_word_only_in_a_list(scanner):
    """In a sentence, "... US Data as is required" ends a phrase with "as", not a company "AS": only a list item
    lets a legal form close a name whose last word closes no name otherwise (German has no such phrase)."""
    text = "We provide the same protection to Quillon Developer Services US Data as is required of us by law."
    assert named(scanner, text, "en") == {}


HEADED_LISTS = {
    "en": (
        "# Sub-processors\n\n## Processors engaged by Northwind:\n\n* Alderbrook\n* Beacon Mail\n"
        "* see the note below\n* Cobalt Desk\n\n## Our offices\n\n* Delta Harbour\n"
    ),
    "de": (
        "# Unterauftragsverarbeiter\n\n## Liste der Unterauftragsverarbeiter\n\n* Alderbrook\n* Beacon Mail\n"
        "* siehe den Hinweis unten\n* Cobalt Desk\n\n## Unsere Standorte\n\n* Delta Harbour\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_bare_names_under_a_heading_that_lists_processors(scanner, lang):
    """A heading that names a list of processors (a list word or a closing colon) leads in the items of its
    section, even an item that is a name and nothing else; an item that names none is passed over, not the
    end of the list; the next section ends it. Items in a section on sub-processors name sub-processors."""
    assert named(scanner, HEADED_LISTS[lang], lang, "subprocessor_list") == {
        "Alderbrook": "subprocessor",
        "Beacon Mail": "subprocessor",
        "Cobalt Desk": "subprocessor",
    }


PLAIN_HEADINGS = {
    "en": (
        "# Trust centre\n\n## Current sub-processors\n\n### Hosting\n\n* Alderbrook\n* **Beacon Mail**: e-mail delivery\n"
        "* Keeps logs for 30 days\n\n## Our offices\n\n* Delta Harbour\n"
    ),
    "de": (
        "# Vertrauenszentrum\n\n## Aktuelle Unterauftragsverarbeiter\n\n### Hosting\n\n* Alderbrook\n"
        "* **Beacon Mail**: E-Mail-Versand\n* Speichert Protokolle 30 Tage\n\n## Unsere Standorte\n\n* Delta Harbour\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_short_heading_that_names_sub_processors_is_the_list(scanner, lang):
    """A short heading ending in the plural word for sub-processors ("Current sub-processors", "Aktuelle
    Unterauftragsverarbeiter") names the list below it, as "List of sub-processors" does: its items, under its
    sub-headings too, are sub-processors when they name a company; the next section ends it."""
    assert named(scanner, PLAIN_HEADINGS[lang], lang, "subprocessor_list") == {
        "Alderbrook": "subprocessor",
        "Beacon Mail": "subprocessor",
    }


CLAUSE_HEADINGS = {
    "en": (
        "# Data Processing Agreement\n\n## Sub-processing\n\n* Alderbrook\n* Beacon Mail\n\n"
        "## How we choose and replace our sub-processors\n\n* Cobalt Desk\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Unterbeauftragung\n\n* Alderbrook\n* Beacon Mail\n\n"
        "## Wie wir unsere Unterauftragsverarbeiter auswählen und ersetzen\n\n* Cobalt Desk\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_clause_heading_on_sub_processing_is_no_lead_in(scanner, lang):
    """A heading on sub-processing as a clause ("Sub-processing", "Unterbeauftragung") or one that says more about
    sub-processors than naming them leads nothing in: its items may be anything."""
    assert named(scanner, CLAUSE_HEADINGS[lang], lang, "dpa") == {}


FIELD_ENTRIES = {
    "en": (
        "# Sub-processors\n\n## List of sub-processors\n\n**Alderbrook Hosting AG**<br>\n_Servers_<br>\n"
        "Seestrasse 4, Zurich, Switzerland<br>\nhttps://alderbrook.example\n\n**Beacon Mail Ltd**<br>\n"
        "_E-mail_<br>\n12 Quay Street, Cork, Ireland\n"
    ),
    "de": (
        "# Unterauftragsverarbeiter\n\n## Liste der Unterauftragsverarbeiter\n\n**Alderbrook Hosting AG**<br>\n"
        "_Server_<br>\nSeestrasse 4, Zürich, Schweiz<br>\nhttps://alderbrook.example\n\n**Beacon Mail Ltd**<br>\n"
        "_E-Mail_<br>\n12 Quay Street, Cork, Irland\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_entries_of_fields_are_placed_where_their_lines_say(scanner, lang):
    """An entry of a list of processors written as lines (name, service, address) names its company first and
    places it in the country its short lines name; a third country is a destination."""
    report = scan(scanner, FIELD_ENTRIES[lang], lang, "subprocessor_list")
    assert {r.name: r.locations for r in report.recipients} == {
        "Alderbrook Hosting AG": ("CH",),
        "Beacon Mail Ltd": ("IE",),
    }
    assert [t.destination for t in report.transfers] == ["CH"]


COMMITMENT_LISTS = {
    "en": (
        "# Data Processing Agreement\n\n## Deletion\n\nThe processor keeps the following time limits:\n\n"
        "- **Logical Deletion**: within 48 hours of the request\n- **Physical Erasure**: within 30 days\n\n"
        "## Sub-processors\n\nThe processor engages these sub-processors:\n\n- **Alderbrook**: hosting\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Löschung\n\nDer Auftragsverarbeiter hält folgende Fristen ein:\n\n"
        "- **Logische Löschung**: binnen 48 Stunden nach der Anfrage\n- **Physische Löschung**: binnen 30 Tagen\n\n"
        "## Unterauftragsverarbeiter\n\nDer Auftragsverarbeiter setzt diese Unterauftragsverarbeiter ein:\n\n"
        "- **Alderbrook**: Hosting\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_processor_committing_to_a_list_is_no_lead_in(scanner, lang):
    """A sentence whose processor commits to "the following time limits:" lists time limits, not processors;
    one that names the sub-processors it engages leads in their entries, sub-processors whether placed or not."""
    assert named(scanner, COMMITMENT_LISTS[lang], lang, "dpa") == {"Alderbrook": "subprocessor"}


INTRODUCED_LISTS = {
    "en": (
        "# Data Processing Agreement\n\n## Annex 2 - Sub-processors\n\nThis list shows the sub-processors we usually "
        "engage. The order form names those of each project. Ask us if one is missing.\n\n"
        "- **Alderbrook Inc.** - code hosting\n- **Beacon Mail Ltd** - e-mail delivery\n\n## Liability\n\n"
        "- **Cobalt Desk** - support\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Anlage 2 - Unterauftragsverarbeiter\n\nDiese Liste nennt die "
        "Sub-Prozessoren, die wir meist einsetzen. Der Auftrag nennt die des einzelnen Projekts. Fragen Sie uns, "
        "wenn einer fehlt.\n\n- **Alderbrook Inc.** - Hosting von Code\n- **Beacon Mail GmbH** - E-Mail-Versand\n\n"
        "## Haftung\n\n- **Cobalt Desk** - Support\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_paragraph_between_a_list_heading_and_its_items_keeps_the_list(scanner, lang):
    """A paragraph of several sentences between a sub-processor heading and its items introduces the list, it does
    not end it: the heading's section is the list, and its items name the DPA's sub-processors, so the DPA lists
    them; the next section ends the list."""
    report = scan(scanner, INTRODUCED_LISTS[lang], lang, "dpa")
    assert {r.name: r.role for r in report.recipients} == {
        "Alderbrook Inc.": "subprocessor",
        "Beacon Mail " + ("Ltd" if lang == "en" else "GmbH"): "subprocessor",
    }
    assert "SUBPROCESSOR_LIST_MISSING" not in {f.rule_id for f in report.findings}


INTRODUCED_BY_A_SENTENCE = {
    "en": (
        "# Data Processing Agreement\n\n## Service\n\nWe use the following sub-processors:\n\nThis is what the "
        "service does. It stores notes and sends reminders.\n\n- **Alderbrook Inc.** - reminders\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Leistung\n\nWir setzen folgende Unterauftragsverarbeiter ein:\n\n"
        "Das leistet der Dienst. Er speichert Notizen und verschickt Erinnerungen.\n\n- **Alderbrook Inc.** - "
        "Erinnerungen\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_paragraph_after_a_lead_in_sentence_ends_its_list(scanner, lang):
    """A lead-in sentence is followed by its items; a paragraph of several sentences after it ends the list, and
    the items after that paragraph are led in by nothing."""
    assert "Alderbrook Inc." not in named(scanner, INTRODUCED_BY_A_SENTENCE[lang], lang, "dpa")


NOT_LIST_HEADINGS = {
    "en": (
        "# Data Processing Agreement\n\n## Appendix 1 to the Clauses (Processors)\n\nEmployees, contractors and "
        "visitors of the exporter\n\n## List of our services\n\n* Northwind Mail\n* Northwind Drive\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Anlage 1 zu den Klauseln (Auftragsverarbeiter)\n\nBeschäftigte, "
        "Auftragnehmer und Besucher des Exporteurs\n\n## Liste unserer Services\n\n* Northwind Mail\n* Northwind Drive\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_annexes_and_lists_of_services_are_no_lists_of_processors(scanner, lang):
    """An annex that names processors heads clauses, and a list of the vendor's services names what it sells:
    neither leads in entries as recipients."""
    assert named(scanner, NOT_LIST_HEADINGS[lang], lang, "dpa") == {}


ROWS_AS_TEXT = {
    "en": (
        "# Privacy Policy\n\n## List of service providers\n\nThe entries read: provider | purpose | location.\n\n"
        "* Alderbrook Cloud, Inc. | Hosting | United States\n* Beacon Mail | E-mail | Ireland\n\n"
        "## Other providers\n\nWe use these service providers to host, back up and deliver the data behind our "
        "Services:\n\n* Cobalt Desk - support\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Liste der Dienstleister\n\nDie Einträge lauten: Dienstleister | Zweck | Ort.\n\n"
        "* Alderbrook Cloud, Inc. | Hosting | USA\n* Beacon Mail | E-Mail | Irland\n\n"
        "## Weitere Dienstleister\n\nWir setzen diese Dienstleister ein, um die Daten hinter unseren Angeboten zu hosten, "
        "zu sichern und als Services auszuliefern:\n\n* Cobalt Desk - Support\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_rows_written_as_list_items_and_a_lead_in_closing_on_services(scanner, lang):
    """Under a list heading, an item written as a row ("name | purpose | place") names its company, with the
    legal form after a comma, placed where the row says; a lead-in that names the providers before it mentions
    the vendor's services still leads in its list."""
    report = scan(scanner, ROWS_AS_TEXT[lang], lang)
    assert {r.name: r.locations for r in report.recipients} == {
        "Alderbrook Cloud, Inc.": ("US",),
        "Beacon Mail": ("IE",),
        "Cobalt Desk": (),
    }


SUBPROCESSOR_ITEMS = {
    "en": "# Data Processing Agreement\n\n## 2. Sub-processors\n\n1. The Customer gives general authorisation for "
    "sub-processors.\n2. Current sub-processors:\n   - **Email delivery**: Samplepost Inc., USA - delivery of "
    "notifications\n   - **Payments**: Coinworks Ltd, United Kingdom - card payments in Euro\n",
    "de": "# Auftragsverarbeitungsvertrag\n\n## § 2 Unterauftragsverhältnisse\n\n1. Der Kunde erteilt die allgemeine "
    "Genehmigung für Unterauftragsverarbeiter.\n2. Derzeit eingesetzte Unterauftragsverarbeiter:\n   - "
    "**E-Mail-Versand**: Beispielpost Inc., USA - Zustellung von Benachrichtigungen\n   - **Zahlungen**: "
    "Münzwerk Ltd, Vereinigtes Königreich - für Zahlungen in Lira\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_labelled_list_items_name_the_company_and_where_it_is(scanner, lang):
    """ "Email delivery: Acme Inc., USA - notifications": a label of what the recipient does, then its name closed
    by its legal form, then where it is; a field in lower case ("für Zahlungen in Lira") says what it does."""
    report = scan(scanner, SUBPROCESSOR_ITEMS[lang], lang, "dpa")
    placed = {r.name: (r.role, r.locations) for r in report.recipients}
    post = "Samplepost Inc." if lang == "en" else "Beispielpost Inc."
    coins = "Coinworks Ltd" if lang == "en" else "Münzwerk Ltd"
    assert placed == {post: ("subprocessor", ("US",)), coins: ("subprocessor", ("GB",))}
    assert "SUBPROCESSOR_LIST_MISSING" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# DPA\n\n## 2. Sub-processors\n\n1. The Customer gives general authorisation for sub-processors.\n"
            "2. Currently engaged: Computeworks GmbH, Frankfurt (hosting).\n",
        ),
        (
            "de",
            "# AVV\n\n## § 2 Unterauftragsverhältnisse\n\n1. Der Kunde erteilt die allgemeine Genehmigung für "
            "Unterauftragsverarbeiter.\n2. Derzeit eingesetzt: Rechenwerk GmbH, Frankfurt (Hosting).\n",
        ),
    ],
)
def test_recipients_one_labelled_entry_in_a_sub_processor_section_is_the_list(scanner, lang, text):
    """A single sub-processor named after a label in the sub-processor section is the list, placed where it says."""
    report = scan(scanner, text, lang, "dpa")
    assert [(r.role, r.locations) for r in report.recipients] == [("subprocessor", ("DE",))]
    assert "SUBPROCESSOR_LIST_MISSING" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Some of our services let you sign in through third-party authentication services, such as Kestrelbook, "
            "Brightlog or Pellam.",
        ),
        (
            "de",
            "Einige unserer Dienste lassen Sie sich über Drittanbieter anmelden, etwa Kestrelbook, Brightlog oder "
            "Pellam; die Anmeldung über diese Konten ist freiwillig.",
        ),
        (
            "en",
            "We refer unresolved privacy complaints to an independent dispute resolution mechanism operated by the "
            "Quorra Mediation Council.",
        ),
        ("de", "Ungelöste Beschwerden legen wir der unabhängigen Schlichtungsstelle Quorra Schlichtungsrat vor."),
        (
            "en",
            "Messages are stored on our own servers so that members can talk, or when a member uses the Spark "
            "function.",
        ),
        (
            "de",
            "Nachrichten liegen auf unseren eigenen Servern, damit Mitglieder schreiben können, oder wenn ein Mitglied "
            "die Spark Funktion nutzt.",
        ),
    ],
)
def test_recipients_sign_in_providers_dispute_bodies_and_features_are_no_recipients(scanner, lang, text):
    """Signing in with another account, an independent body settling complaints and a feature of the service
    receive none of the vendor's data as its recipients (eval/versions AGREEMENT.md category 2)."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert report.recipients == ()


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "| Cookie | Provider | Purpose | Lifetime |\n| --- | --- | --- | --- |\n"
            "| _qsess | Example Analytics Inc. | keeps you signed in | session |\n",
        ),
        (
            "de",
            "| Cookie | Anbieter | Zweck | Laufzeit |\n| --- | --- | --- | --- |\n"
            "| _qsess | Beispiel Analytics GmbH | hält Sie angemeldet | Sitzung |\n",
        ),
    ],
)
def test_recipients_a_cookie_tables_providers_are_no_recipients(scanner, lang, table):
    """The providers of a cookie table set cookies; they are no recipients of the vendor's data."""
    text = "# Privacy Policy\n\n## Cookies\n\n" + table
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert report.recipients == ()


SOURCES = {
    "en": (
        "# Privacy Policy\n\nFor roaming plans, we receive data from our third-party network partners such as "
        "Alderbrook Mobile and Beacon Telecom.\n\nWe use Cobalt Desk to answer your support requests.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nSoweit nötig, verarbeiten wir von anderen Unternehmen oder sonstigen Dritten "
        "(z. B. Alderbrook Mobile, Beacon Telecom) rechtmäßig erhaltene Daten.\n\nWir nutzen Cobalt Desk, um Ihre "
        "Supportanfragen zu beantworten.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_companies_data_comes_from_are_no_recipients(scanner, lang):
    """A sentence saying the vendor gets data from the companies it lists names sources, not recipients; a
    company the vendor uses is still one."""
    assert named(scanner, SOURCES[lang], lang) == {"Cobalt Desk": "processor"}


SOURCES_AND_SHARING = {
    "en": "# Privacy Policy\n\nWe share data with and receive data from our partners such as Alderbrook Mobile.\n",
    "de": "# Datenschutzerklärung\n\nWir übermitteln Daten an unsere Partner wie Alderbrook Mobile und erhalten "
    "von ihnen Daten.\n",
}


USED_AFTER_FROM = {
    "en": "# Privacy Policy\n\nWe collect data from you and use service providers such as Cobalt Desk to answer "
    "requests.\n",
    "de": "# Datenschutzerklärung\n\nWir erhalten Daten von Ihnen und setzen Dienstleister wie Cobalt Desk ein.\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_providers_used_after_a_source_clause_stay_recipients(scanner, lang):
    """ "From you and use providers such as ...": the clause about where data comes from has ended."""
    assert named(scanner, USED_AFTER_FROM[lang], lang) == {"Cobalt Desk": "processor"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_source_the_sentence_also_shares_with_stays_a_recipient(scanner, lang):
    """Where the sentence shares data with those it lists too, they are recipients."""
    assert "Alderbrook Mobile" in named(scanner, SOURCES_AND_SHARING[lang], lang)


DEFINED_VENDOR = {
    "en": (
        "# Privacy Notice\n\nIn this notice, \u201cwe,\u201d \u201cus\u201d and \u201cour\u201d refer to Harrowgate "
        "Homes Inc. and its affiliates and brands, including Lindenfeld Rentals and Quayside Apartments.\n\n"
        "We use Lindenfeld Rentals to list homes and we use Cobalt Desk to answer support requests.\n\n"
        "The streaming service is owned and operated by Harrowgate Homes Inc.\n"
    ),
    "de": (
        "# Datenschutzhinweise\n\nIn diesen Hinweisen meinen \u201ewir\u201c und \u201euns\u201c die Harrowgate "
        "Homes Inc. und ihre Marken, darunter Lindenfeld Rentals und Quayside Apartments.\n\n"
        "Wir nutzen Lindenfeld Rentals, um Wohnungen anzuzeigen, und wir nutzen Cobalt Desk für Supportanfragen.\n\n"
        "Der Streamingdienst wird betrieben von Harrowgate Homes Inc.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_companies_named_where_we_is_defined_are_the_vendor(scanner, lang):
    """The companies of the sentence that defines "we"/„wir“ are the vendor and its brands wherever the text names
    them, no recipients; another company the vendor uses is one."""
    assert named(scanner, DEFINED_VENDOR[lang], lang) == {"Cobalt Desk": "processor"}


FEATURES = {
    "en": (
        "# Privacy Policy\n\nWe may use Local Storage Objects to keep your settings. We use Wayfarer-Signals to count "
        "visits. We use Cobalt Desk to answer your support requests.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir nutzen die Funktion des erweiterten Abgleichs. Bei der Analyse setzen wir "
        "IP-Anonymisierung ein. Wir nutzen Cobalt Desk, um Ihre Supportanfragen zu beantworten.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_feature_or_technique_is_no_company(scanner, lang):
    """What the vendor uses may be a feature or a technique ("Local Storage Objects", "die Funktion",
    "IP-Anonymisierung"), no company: only the company it uses is a recipient."""
    assert named(scanner, FEATURES[lang], lang) == {"Cobalt Desk": "processor"}


CONTENTS = {
    "en": (
        "# Privacy Policy\n\n1. Who We Are\n2. How We Use Your Data and Legal Bases of Processing\n"
        "3. Who We Share Data With\n\nWe use Cobalt Desk to answer your support requests.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n1. Wer Wir Sind\n2. Wofür Wir Nutzen Ihre Daten und Rechtliche Grundlagen\n\n"
        "Wir nutzen Cobalt Desk, um Ihre Supportanfragen zu beantworten.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_use_cue_in_title_case_is_a_headings_wording(scanner, lang):
    """A table of contents line in title case ("How We Use Your Data and Legal Bases of Processing") says no
    company is used; a sentence does."""
    assert named(scanner, CONTENTS[lang], lang) == {"Cobalt Desk": "processor"}


NOT_A_DEFINITION = {
    "en": (
        "# Privacy Policy\n\nHarrowgate Homes Inc. and its affiliates (together, \u201cwe\u201d, \u201cus\u201d) "
        "share your booking details with Quayside Payments Ltd., and we use Nimbus Cloud GmbH to store them.\n\nWe use "
        "Harrowgate Homes Inc. systems to store them.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nDie Harrowgate Homes Inc. und ihre Tochtergesellschaften (zusammen \u201ewir\u201c) "
        "übermitteln Ihre Buchungsdaten an die Quayside Payments Ltd.\n\nWir nutzen Harrowgate Homes Inc. zur "
        "Speicherung.\n"
    ),
}


DEFINED_RECIPIENTS = {"en": {"Quayside Payments Ltd.", "Nimbus Cloud GmbH"}, "de": {"Quayside Payments Ltd."}}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_sentence_sharing_data_defines_no_vendor(scanner, lang):
    """The companies a defining sentence shares data with or uses are recipients; the one it defines as "we" is none."""
    assert set(named(scanner, NOT_A_DEFINITION[lang], lang)) == DEFINED_RECIPIENTS[lang]


OPERATORS = {
    "en": (
        "# Privacy Policy\n\nThe Harrowgate.fr, Harrowgate.de and Quayside.de online platforms are operated by "
        "Harrowgate Homes GmbH, Wallstraße 65, Berlin. Our website is hosted on servers operated by Nimbus Cloud GmbH "
        "in Frankfurt. Card payments go through our payment system, Lindpay, which is operated by Lindpay S.A.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nDiese Website wird betrieben von der Harrowgate Homes GmbH.\n\nZahlungen laufen über "
        "unser Zahlungssystem Lindpay, das betrieben von der Lindpay S.A. wird.\n"
    ),
}


OPERATED = {"en": {"Lindpay S.A.", "Nimbus Cloud GmbH"}, "de": {"Lindpay S.A."}}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_who_operates_the_vendors_website_is_the_vendor(scanner, lang):
    """The company that operates the vendor's own website or platforms answers for the data and is no recipient;
    the operator of a payment system or of servers the vendor uses is one."""
    assert set(named(scanner, OPERATORS[lang], lang)) == OPERATED[lang]


IMPORTED = {
    "en": (
        "# Privacy Policy\n\nIf you move your profile to us from Quayside operated by Quayside Homes S.L., we "
        "transfer it to your new account.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWenn Sie Ihr Profil von Quayside betrieben von der Quayside Homes S.L. zu uns "
        "umziehen, übermitteln wir es in Ihr neues Konto.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_who_operates_a_service_the_data_comes_from_is_no_recipient(scanner, lang):
    """The operator of the service a profile is moved from is where the data comes from, no recipient."""
    assert not named(scanner, IMPORTED[lang], lang)


REPORTS_AND_PLAYERS = {
    "en": (
        "# Privacy Policy\n\nWe use Harrow Analytics and Harrow Interest Reporting to count visits.\n\n"
        "## Embedded video players\n\nWe use Vellum Play to show our videos on our pages.\n\n"
        "## Support\n\nWe use Cobalt Desk to answer your support requests.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir nutzen Harrow Analytics und Harrow Interessen Berichterstattung, um Besuche "
        "zu zählen.\n\n## Eingebettete Videos\n\nWir nutzen Vellum Play, um unsere Videos auf unseren Seiten zu zeigen.\n\n"
        "## Support\n\nWir nutzen Cobalt Desk, um Ihre Supportanfragen zu beantworten.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_tools_reports_and_embedded_players_are_no_recipients(scanner, lang):
    """A report a tool makes ("Harrow Interest Reporting", „Harrow Interessen Berichterstattung") is no company, and a player
    embedded in the vendor's pages is a plug-in the reader plays, as social plug-ins are; the tool's maker and a
    service the vendor uses stay recipients."""
    assert named(scanner, REPORTS_AND_PLAYERS[lang], lang) == {
        "Harrow Analytics": "processor",
        "Cobalt Desk": "processor",
    }


OFFERINGS = {
    "en": (
        "# Privacy Policy\n\nWe may use automated means to check eligibility for our financial products and services, "
        "such as Tallypay. We share payment details with service providers such as Brisk Pay.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir nutzen automatisierte Verfahren, um die Eignung für unsere Produkte und Services "
        "wie Tallypay zu prüfen. Zahlungsdaten geben wir an Dienstleister wie Brisk Pay weiter.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_examples_of_the_vendors_products_and_services_are_its_own(scanner, lang):
    """ "Our products and services, such as Tallypay" lists what the vendor offers, not a provider it uses; "service
    providers such as Brisk Pay" still lists one."""
    assert named(scanner, OFFERINGS[lang], lang) == {"Brisk Pay": "processor"}


APPOSED = {
    "en": (
        "# Privacy Policy\n\nWe share subscriber details with our parent company, Orrin Media Inc., for joint offers. "
        "We share payment details with our payment processor, Brisk Pay Ltd., to take payments. Our sister company, "
        "Talvern Inc., owns the brand. Notices are sent to us with a copy to our parent company, Kessel Holdings Ltd., "
        "1 Sample Road, Leeds.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nAbonnentendaten geben wir an unsere Muttergesellschaft, die Orrin Media Inc., "
        "weiter. Zahlungsdaten geben wir an unseren Zahlungsdienstleister, die Brisk Pay Ltd., weiter. Unsere "
        "Schwestergesellschaft, die Talvern Inc., hält die Marke. Mitteilungen senden Sie an uns mit Kopie an unsere "
        "Muttergesellschaft, die Kessel Holdings Ltd., 1 Sample Road, Leeds.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_company_between_commas_after_its_category_receives_the_data(scanner, lang):
    """A company named between commas right after what it is to the vendor, in a sentence sharing data ("with our
    parent company, Orrin Media Inc., for ..."), is a recipient in that role; one named so where no data goes, or
    followed by an address as a contact for notices, is not."""
    assert named(scanner, APPOSED[lang], lang) == {"Orrin Media Inc.": "affiliate", "Brisk Pay Ltd.": "processor"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We rely on Dutch companies Acmestore and Betahost to store data.", {"Acmestore", "Betahost"}),
        (
            "de",
            "Wir nutzen die niederländischen Unternehmen Acmestore und Betahost, um Daten zu speichern.",
            {"Acmestore", "Betahost"},
        ),
    ],
)
def test_recipients_named_after_a_noun_for_companies(scanner, lang, text, expected):
    """ "We rely on Dutch companies Acme and Beta": the names follow the noun for companies, an adjective of
    nationality before it; German writes the noun itself with a capital („die niederländischen Unternehmen")."""
    assert set(named(scanner, text, lang)) == expected


EMBEDDED_POSTS = {
    "en": (
        "# Privacy Policy\n\n## Embedded posts from Kestrel\n\nWe use Kestrel Feed to show posts on our pages.\n\n"
        "## Support\n\nWe use Cobalt Desk to answer your support requests.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Eingebettete Posts von Kestrel\n\nWir nutzen Kestrel Feed, um Posts auf "
        "unseren Seiten zu zeigen.\n\n## Support\n\nWir nutzen Cobalt Desk, um Ihre Supportanfragen zu beantworten.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_a_network_whose_posts_a_page_embeds_is_no_recipient(scanner, lang):
    """Posts of a social network shown in the vendor's pages are a plug-in the reader views, as embedded videos
    are: the network is no recipient there; a service the vendor uses stays one."""
    assert named(scanner, EMBEDDED_POSTS[lang], lang) == {"Cobalt Desk": "processor"}


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("If you pay with a third-party payment service (e.g. Tallimo or Brisk Pay), its own terms apply.", "en", {}),
        (
            "When you link your social accounts and/or payment providers (e.g. Tallimo), we get your user name.",
            "en",
            {},
        ),
        ("If you buy a ticket our payment providers (e.g. Tallimo) process your card.", "en", {"Tallimo": "processor"}),
        ("If you buy a ticket, payment providers (e.g. Tallimo) process your card.", "en", {"Tallimo": "processor"}),
        (
            "Wenn Sie einen Zahlungsdienst von Drittanbietern (z. B. Tallimo) nutzen, gelten dessen Bedingungen.",
            "de",
            {},
        ),
        (
            "Wenn Sie bestellen, geben wir Ihre Daten an Zahlungsdienstleister wie Tallimo weiter.",
            "de",
            {"Tallimo": "processor"},
        ),
    ],
)
def test_service_the_reader_uses_is_no_recipient(scanner, text, lang, expected):
    """A category in the reader's own clause ("if you pay with a payment service (e.g. ...)", „wenn Sie einen
    Zahlungsdienst ... nutzen") names the service the reader picks; a comma or the vendor's word ends that clause."""
    assert named(scanner, "# Privacy\n\n" + text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Wir nutzen Tallimo für den Newsletter in der App nicht mehr.", "de", {}),
        ("Tallimo setzen wir für den Newsletter nicht mehr ein.", "de", {}),
        ("Wir nutzen Tallimo in der App nicht nur für den Newsletter.", "de", {"Tallimo": "processor"}),
        ("Wir nutzen Tallimo für den Newsletter und nicht für Werbung.", "de", {"Tallimo": "processor"}),
        ("We no longer use Tallimo for the newsletter in the app.", "en", {}),
        ("We use Tallimo for the newsletter and not for ads.", "en", {"Tallimo": "processor"}),
    ],
)
def test_use_denied_at_the_end_of_the_clause_names_no_recipient(scanner, text, lang, expected):
    """A denial ending the clause of a name used („Wir nutzen Tallimo ... nicht mehr") denies the use; "not only" and
    a contrast of a part ("and not for ads") do not."""
    assert named(scanner, "# Privacy\n\n" + text, lang) == expected


SEATED_ITEMS = {
    "en": (
        "# Data Processing Agreement\n\n## 7. Sub-processors\n\nThe processor engages the sub-processors below, which "
        "the controller approves by signing the agreement:\n\n* Quellwerk Inc. (USA) — application hosting.\n"
        "* Loggrund Ltd (UK) — request logging. Data held in the EU.\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## 7. Unterauftragsverarbeiter\n\nDer Auftragsverarbeiter setzt die "
        "folgenden Unterauftragsverarbeiter ein, denen der Verantwortliche mit dem Vertrag zustimmt:\n\n"
        "* Quellwerk Inc. (USA) — Hosting der Anwendung.\n* Loggrund Ltd (UK) — Protokollierung von Anfragen. "
        "Datenhaltung in der EU.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_an_entry_that_keeps_its_data_in_the_eea_is_not_placed_at_its_seat(scanner, lang):
    """ "Loggrund Ltd (UK) — logging. Data held in the EU.": the brackets give the company's seat, the entry says where
    the data is kept, in the EEA; the seat is no destination. An entry that says nothing of where its data is kept
    is still placed where its brackets say."""
    report = scan(scanner, SEATED_ITEMS[lang], lang, "dpa")
    assert {r.name: r.locations for r in report.recipients} == {"Quellwerk Inc.": ("US",), "Loggrund Ltd": ()}
    assert sorted(t.destination for t in report.transfers) == ["US"]


ADDRESSED_ITEMS = {
    "en": (
        "# Privacy Policy\n\n## 4. Processors\n\nFor the optional account we use the following processor:\n\n"
        "**Quillbrook, Inc.**  \n40 Harbour Road, Singapore (server locations EU)  \nPrivacy: https://quillbrook.example\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## 4. Auftragsverarbeiter\n\nFür die optionale Konto-Funktion setzen wir folgenden "
        "Auftragsverarbeiter ein:\n\n**Quillbrook, Inc.**  \n40 Harbour Road, Singapur (Serverstandorte EU)  \n"
        "Datenschutz: https://quillbrook.example\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("held", [True, False])
def test_recipients_an_entry_with_its_servers_in_the_eea_is_not_placed_at_its_address(scanner, lang, held):
    """An entry whose address line abroad says its servers are in the EEA gives the company's seat, no destination;
    without that note the address places it."""
    text = ADDRESSED_ITEMS[lang]
    if not held:
        text = text.replace(" (server locations EU)", "").replace(" (Serverstandorte EU)", "")
    report = scan(scanner, text, lang)
    assert sorted(t.destination for t in report.transfers) == ([] if held else ["SG"])


SUPPORTED_ITEMS = {
    "en": (
        "# Privacy Policy\n\n## 4. Processors\n\nWe use the following processors:\n\n"
        "- Acme Inc. – Support, India. Data held in the EU.\n- Beta Ltd. – Hosting, Germany.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## 4. Auftragsverarbeiter\n\nWir setzen folgende Auftragsverarbeiter ein:\n\n"
        "- Acme Inc. – Support, Indien. Datenhaltung in Deutschland.\n- Beta GmbH – Hosting, Deutschland.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_an_entry_keeping_its_data_in_the_eea_still_places_its_work_abroad(scanner, lang):
    """Data kept in the EEA drops only the company's seat (its address, a bracket after its name); a place after the
    work it does is where it reaches the data from."""
    report = scan(scanner, SUPPORTED_ITEMS[lang], lang)
    assert sorted(t.destination for t in report.transfers) == ["IN"]


DATED_LISTS = {
    "en": "**Northwind Subprocessors**\n\n**Last Updated: May, 5, 2025**\n\n* Alderbrook\n* Beacon Mail\n",
    "de": "**Northwind Unterauftragsverarbeiter**\n\n**Zuletzt Geändert: Mai, 5, 2025**\n\n* Alderbrook\n* Beacon Mail\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_the_date_line_of_a_list_is_no_entry(scanner, lang):
    """A label and its value under the list's title ("Last Updated: May, 5, 2025", „Zuletzt Geändert: Mai, 5, 2025")
    names no company, however its words are capitalised; the names below it do."""
    assert set(named(scanner, DATED_LISTS[lang], lang, "subprocessor_list")) == {"Alderbrook", "Beacon Mail"}


EXAMPLE_ITEMS = {
    "en": (
        "# Privacy Policy\n\n## Sharing\n\nSome of our main service providers:\n\n"
        "* Marketing, analytics and diagnostics, e.g., Countwell (provided by Countwell Inc.)\n"
        "* Payment processing, e.g., Paymora AG, Quillpay B.V., Corvex, Inc., Nordwind JP Co., Ltd\n"
        "* E-mail delivery: Postwise Ltd, Mailbright GmbH\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Empfänger\n\nWir setzen unter anderem folgende Dienstleister ein:\n\n"
        "* Marketing, Analyse und Diagnose, z. B. Countwell (bereitgestellt von Countwell Inc.)\n"
        "* Zahlungsabwicklung, z. B. Paymora AG, Quillpay B.V., Corvex, Inc. und Nordwind JP Co., Ltd\n"
        "* Versand von E-Mails: Postwise Ltd, Mailbright GmbH\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_an_item_giving_companies_as_examples_of_its_category(scanner, lang):
    """An item of a list of processors that opens with a category, a comma or colon and "e.g." / „z. B." names
    every company after it that a legal form closes ("Corvex, Inc.", "Nordwind JP Co., Ltd" whole), and does not
    end the list; a bare brand there ("Countwell") stays unnamed."""
    assert set(named(scanner, EXAMPLE_ITEMS[lang], lang)) == {
        "Countwell Inc.",
        "Paymora AG",
        "Quillpay B.V.",
        "Corvex, Inc.",
        "Nordwind JP Co., Ltd",
        "Postwise Ltd",
        "Mailbright GmbH",
    }


NAMING = {
    "en": [
        "We use Acme Analytics to measure visits.",
        "We share your data with payment providers such as Beta Pay and Gamma Ltd.",
        "Fireworks (our inference provider) hosts the models.",
        "We share your order with Delta Logistics Ltd. to deliver it.",
        "We may share data with our parent company, Epsilon Holdings Inc., for joint offers.",
        "Our partners help us run the service, and we keep your data in Germany.",
    ],
    "de": [
        "Wir nutzen Acme Analytics, um Besuche zu messen.",
        "Wir geben Daten an Zahlungsdienstleister wie Beta Pay und Gamma GmbH weiter.",
        "Parvel (unser Zahlungsdienstleister) wickelt Zahlungen ab.",
        "Wir übermitteln Ihre Bestellung an die Delta Logistik GmbH, um sie zu liefern.",
        "Unsere Partner helfen uns beim Betrieb des Dienstes, und Ihre Daten bleiben in Deutschland.",
    ],
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_named_only_in_sentences_may_name_marks(scanner, lang):
    """may_name marks every sentence sentence_recipients names a recipient in (the prose reader reads no other but
    headings, lead-ins and sections on sub-processors): a use cue, a list after a category, an apposition, a company
    closed by a legal form after a word of sharing or after a category and a comma; a category alone names none."""
    builder = DocumentBuilder("t.md", "markdown")
    for text in NAMING[lang]:
        builder.add("paragraph", text)
    sentences = read_sentences(builder.build(), scanner.pipeline(lang))
    words = scanner._lexicon.recipients
    marked = may_name(sentences, words)
    found = [bool(sentence_recipients(sentence, words)) for sentence in sentences]
    assert all(marked[i] for i, named in enumerate(found) if named)
    assert sum(found) >= 3 and not found[-1] and not marked[-1]


def test_recipients_named_only_in_sentences_may_name_marks_on_corpora(scanner, corpora):
    """On every corpora/ document (EN and DE), sentence_recipients names recipients only in sentences may_name marks."""
    words = scanner._lexicon.recipients
    named = 0
    for path in iter_documents([corpora]):
        document = ingest.load(path)
        sentences = read_sentences(document, scanner.pipeline(scanner.detect_language(document.text)))
        marked = may_name(sentences, words)
        for i, sentence in enumerate(sentences):
            found = bool(sentence_recipients(sentence, words))
            assert marked[i] or not found, (path.name, sentence.text)
            named += found
    assert named


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "When using these tools we are considered “Joint Data Controllers” with Quillon Ireland.",
            {"Quillon Ireland": "third_party"},
        ),
        (
            "en",
            "We are joint controllers with Quillon Platforms Ireland Limited for the data these tools collect.",
            {"Quillon Platforms Ireland Limited": "third_party"},
        ),
        (
            "de",
            "Für diese Daten sind wir gemeinsam Verantwortliche mit der Quillon Ireland Ltd.",
            {"Quillon Ireland Ltd.": "third_party"},
        ),
        ("de", "Wir sind mit Quillon Irland gemeinsam Verantwortliche.", {"Quillon Irland": "third_party"}),
        ("en", "You and we are joint controllers with respect to this data.", {}),
    ],
)
def test_recipients_a_joint_controller_named_after_with(scanner, lang, text, expected):
    """The company the vendor shares controllership with receives the data; a brand with its country ("Quillon
    Ireland") names it there without a legal form."""
    assert named(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Relaywise Privacy Notice\n\nThe Swiss authority no longer accepts transfers to the U.S. Relaywise "
            "Corporation will use other safeguards. We use Quillon Verify Ltd. to check your identity.\n",
        ),
        (
            "de",
            "# Relaywise Datenschutzerklärung\n\nWir teilen Ihre Daten mit der U.S. Relaywise Corporation. Wir nutzen "
            "die Quillon Verify Ltd., um Ihre Identität zu prüfen.\n",
        ),
    ],
)
def test_recipients_the_vendor_after_a_countrys_abbreviation_is_none(scanner, lang, text):
    """ "the U.S. Relaywise Corporation": the vendor the title names, a country's abbreviation before it."""
    assert named(scanner, text, lang) == {"Quillon Verify Ltd.": "processor"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            'You may ask how we use "Sensitive Personal Information" (SPI). Relaywise uses the SPI to provide the '
            "Services. We use Quillon Verify Ltd. to check your identity.",
        ),
        (
            "de",
            "Sie können fragen, wie wir „Besondere Personenbezogene Daten“ (BPD) verwenden. Wir nutzen BPD, um den Dienst "
            "zu erbringen. Wir nutzen die Quillon Verify Ltd., um Ihre Identität zu prüfen.",
        ),
    ],
)
def test_recipients_the_initials_of_a_quoted_term_are_no_company(scanner, lang, text):
    """Initials the document gives a quoted term ('"Sensitive Personal Information" (SPI)') name that term, not a
    company the vendor uses."""
    assert named(scanner, text, lang) == {"Quillon Verify Ltd.": "processor"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Comments\n\nWe use a third-party service provider, Wendle Technologies Ltd, to host "
            "the comment boxes on our articles.\n",
            {"Wendle Technologies Ltd": "processor"},
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Kommentare\n\nWir nutzen einen Dienstleister, die Wendle Technologies GmbH, "
            "für die Kommentarfelder unserer Artikel.\n",
            {"Wendle Technologies GmbH": "processor"},
        ),
    ],
)
def test_recipients_a_capitalised_legal_form_closes_a_name_in_a_sentence(scanner, lang, text, expected):
    """A name ending in a word that often closes a phrase ("Technologies") is a company's where a legal form written
    with a capital follows it, in running text as in a list."""
    assert named(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Direct debit\n\nFor direct debit we provide you with a check of your bank account "
            "through Parro Banking GmbH (Lindenweg 12, 80331 Munich) or Quent GmbH (Ring 4, 10115 Berlin). Your bank "
            "details are transmitted to the provider you choose.\n",
            {"Parro Banking GmbH", "Quent GmbH"},
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Lastschrift\n\nFür die Lastschrift übermitteln wir Ihre Bankdaten zur "
            "Prüfung Ihres Kontos über die Parro Banking GmbH (Lindenweg 12, 80331 München) oder die Quent GmbH (Ring "
            "4, 10115 Berlin).\n",
            {"Parro Banking GmbH", "Quent GmbH"},
        ),
    ],
)
def test_recipients_companies_a_service_is_provided_through(scanner, lang, text, expected):
    """A company closed by its legal form that a service the vendor provides goes "through"/„über" receives the data;
    its postal address in brackets does not end the list, and the full stop after its legal form ends its name."""
    assert set(named(scanner, text, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Video meetings\n\nAudio and video of the meetings are processed only on the servers "
            "of Hostwerk example.de GmbH in Germany.\n",
            {"Hostwerk example.de GmbH": "processor"},
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Videokonferenzen\n\nTon und Bild der Konferenzen werden nur auf den Servern "
            "der Firma Hostwerk example.de GmbH in Deutschland verarbeitet.\n",
            {"Hostwerk example.de GmbH": "processor"},
        ),
    ],
)
def test_recipients_the_company_on_whose_servers_data_is_processed(scanner, lang, text, expected):
    """Data processed on a company's servers goes to that company; „die Firma" before a name is no part of it, and a
    web address inside a name is."""
    assert named(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Sharing with partners\n\nThis includes vendors on our shop and specialist companies "
            "who help us collect reviews of products, namely, Fernvale, Brookhill Consultants Limited and Orrin Direct "
            "Ltd.\n",
            {"Fernvale", "Brookhill Consultants Limited", "Orrin Direct Ltd."},
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Weitergabe an Partner\n\nDazu zählen Händler in unserem Shop und "
            "Fachunternehmen, die uns beim Einholen von Bewertungen helfen, insbesondere Fernvale, Brookhill Beratung "
            "GmbH und Orrin Direkt AG.\n",
            {"Fernvale", "Brookhill Beratung GmbH", "Orrin Direkt AG"},
        ),
    ],
)
def test_recipients_a_list_of_companies_in_a_section_on_recipients(scanner, lang, text, expected):
    """In a section on recipients, the companies given after "namely"/„insbesondere", some closed by a legal form, are
    recipients, however far back the category they exemplify stands."""
    assert set(named(scanner, text, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Larkspur sub-processors\n\nWe engage the following sub-processors.\n\n### Cobalt Hosting\n\nCobalt "
            "Hosting runs the data centres that hold your data.\n\n### Wendle\n\nWendle sends our notification "
            "e-mails.\n\n### Changes\n\n- Removal of Quent Storage\n- Addition of Wendle\n",
        ),
        (
            "de",
            "# Larkspur Unterauftragsverarbeiter\n\nWir setzen folgende Unterauftragsverarbeiter ein.\n\n### Cobalt "
            "Hosting\n\nCobalt Hosting betreibt die Rechenzentren mit Ihren Daten.\n\n### Wendle\n\nWendle versendet "
            "unsere Benachrichtigungen.\n\n### Änderungen\n\n- Entfernung der Quent Storage\n- Hinzufügung von "
            "Wendle\n",
        ),
    ],
)
def test_recipients_entry_headings_and_change_log_of_a_sub_processor_page(scanner, lang, text):
    """A heading over a paragraph that says what the company it names does heads that company's entry; a change
    log's "Removal of X" names no recipient and "Addition of X" names X."""
    assert set(named(scanner, text, lang, "subprocessor_list")) == {"Cobalt Hosting", "Wendle"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Data Processing Agreement\n\n## Appendix 1 – Larkspur Subprocessors\n\n* Cobalt Compute AB (Org nr: "
            "5590-1234), provides services to Larkspur AI AB with regards to servers\n* Quent Net AB (Org nr: "
            "5560-9876), provides network services to Larkspur AI AB\n",
        ),
        (
            "de",
            "# Auftragsverarbeitungsvertrag\n\n## Anlage 1 – Larkspur Unterauftragsverarbeiter\n\n* Cobalt Compute AB "
            "(Org.-Nr. 5590-1234), übermittelt Serverprotokolle an die Larkspur AI AB\n* Quent Net AB (Org.-Nr. "
            "5560-9876), übermittelt Netzprotokolle an die Larkspur AI AB\n",
        ),
    ],
)
def test_recipients_the_company_a_list_heading_names_as_engaging_is_the_vendor(scanner, lang, text):
    """ "Appendix 1 – Larkspur Subprocessors": Larkspur engages them, so "provides services to Larkspur AI AB" names the
    vendor, no recipient, though the document's title does not name it."""
    assert set(named(scanner, text, lang, "dpa")) == {"Cobalt Compute AB", "Quent Net AB"}


def test_phrases_find_what_a_look_behind_before_each_phrase_finds(corpora: Path) -> None:
    """A phrase's first letter written before its look-behind: the same matches as the look-behind first, on the word
    lists of recipients.yml and on every block of ``corpora/`` (lower case, as the readers search), EN and DE."""
    data = yaml.safe_load((rules_dir() / "lexicon" / "recipients.yml").read_text(encoding="utf-8"))

    def former(values: list[str]) -> re.Pattern[str]:
        parts = []
        for value in values:
            body = r"[\s-]+".join(re.escape(w).replace(r"\*", r"\w*") for w in str(value).lower().split())
            parts.append(rf"(?<!\w){body}(?!\w)")
        return re.compile("|".join(parts))

    lists = [
        data["choices"],
        data["log_in"],
        data["notice_heading"],
        data["seats"]["excluded"],
        ["a b", "-x y*", "über*", "x"],
    ]
    texts = [b.text.lower() for path in iter_documents([corpora]) for b in ingest.load(path).blocks]
    texts += [
        "opt out",
        "\nopt out",
        "xopt out",
        "ab",
        "a b",
        "a-b",
        "ba b",
        "über",
        "-x y",
        "cookies",
        "über-alles",
        "",
    ]
    for values in lists:
        new, old = _phrases(values), former(values)
        for text in texts:
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], (values, text)


KINDS_UNDER_A_HEADING = {
    "en": (
        "# Data Processing Agreement\n\n## Annex 3 - Sub-processors\n\nThe processor may engage sub-processors. It "
        "tells the Customer of each change in good time. It engages sub-processors of these kinds.\n\n"
        "- Cloud hosting providers\n- Email delivery services\n- Customer support tools\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Anlage 3 - Unterauftragsverarbeiter\n\nDer Auftragsverarbeiter darf "
        "Unterauftragsverarbeiter einsetzen. Er teilt dem Kunden jede Änderung rechtzeitig mit. Er setzt "
        "Unterauftragsverarbeiter dieser Arten ein.\n\n- Hostinganbieter\n- E-Mail-Versanddienste\n"
        "- Analysewerkzeuge\n- Buchhaltungssoftware\n- Zahlungsdienstleister\n- Support-Tools\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_kinds_of_service_under_a_sub_processor_heading_name_no_sub_processor(scanner, lang):
    """Items naming kinds of service („E-Mail-Versanddienste", "Email delivery services") under a sub-processor
    heading name no company: German capitalises the compound, but it is no name, so the DPA still lists none."""
    report = scan(scanner, KINDS_UNDER_A_HEADING[lang], lang, "dpa")
    assert report.recipients == ()
    assert "SUBPROCESSOR_LIST_MISSING" in {f.rule_id for f in report.findings}


NAMES_UNDER_A_HEADING = {
    "en": (
        "# Data Processing Agreement\n\n## Annex 3 - Sub-processors\n\nThe processor may engage sub-processors. It "
        "tells the Customer of each change in good time. It engages these sub-processors.\n\n"
        "- Mailwell\n- Amazon Web Services\n- Quentor Versanddienste\n- Stackly.io\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Anlage 3 - Unterauftragsverarbeiter\n\nDer Auftragsverarbeiter darf "
        "Unterauftragsverarbeiter einsetzen. Er teilt dem Kunden jede Änderung rechtzeitig mit. Er setzt diese "
        "Unterauftragsverarbeiter ein.\n\n- Mailwell\n- Amazon Web Services\n- Quentor Versanddienste\n"
        "- Stackly.io\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipients_company_names_under_a_sub_processor_heading_stay_sub_processors(scanner, lang):
    """A single word that is no compound of a service noun ("Mailwell"), a name closed by "Services", a name of
    several words ending in a service noun („Quentor Versanddienste") and a domain name companies all the same."""
    report = scan(scanner, NAMES_UNDER_A_HEADING[lang], lang, "dpa")
    assert {r.name: r.role for r in report.recipients} == {
        "Mailwell": "subprocessor",
        "Amazon Web Services": "subprocessor",
        "Quentor Versanddienste": "subprocessor",
        "Stackly.io": "subprocessor",
    }
    assert "SUBPROCESSOR_LIST_MISSING" not in {f.rule_id for f in report.findings}
