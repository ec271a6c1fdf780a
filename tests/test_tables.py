"""Sub-processor tables read as recipients: header and title rows are no recipients, a name cell
loses the address after the name, and a cell naming only a country names no recipient
(dpcheck/extract/tables.py). Tables written in our own words."""

from __future__ import annotations

import pytest

from dpcheck.report.fides import fides_manifest

TABLES = {
    "en": (
        "# Sub-processors\n\n"
        "We engage the following sub-processors.\n\n"
        "| Hosting sub-processors | | |\n"
        "|---|---|---|\n"
        "| Company | Server location | Purpose |\n"
        "| Brightwave Hosting 14 Harbour Road, Leeds LS1 4AB | United Kingdom | Hosting |\n"
        "| Tellmark Inc., 200 Pine Street, Denver, CO 80202 | United States | Customer support |\n"
        "| Support sub-processors | | |\n"
        "| Company | Location | Purpose |\n"
        "| Orrin Data AB Kungsvägen 12 Malmö | Sweden | Ticket triage |\n"
        "| Canada | Canada | Backups |\n"
    ),
    "de": (
        "# Unterauftragsverarbeiter\n\n"
        "Wir setzen die folgenden Unterauftragsverarbeiter ein.\n\n"
        "| Unternehmen | Standort | Leistung |\n"
        "|---|---|---|\n"
        "| Wolkenhafen GmbH, Musterweg 5, 12345 Berlin | Deutschland (EU) | Hosting |\n"
        "| Unternehmen | | |\n"
        "| Lindqvist Support AG, c/o Bürohaus Nord, Seestrasse 9 | Schweiz | Kundendienst |\n"
        "| Schweiz | Schweiz | Datensicherung |\n"
    ),
}
NAMES = {
    "en": ["Brightwave Hosting", "Tellmark Inc.", "Orrin Data AB"],
    "de": ["Wolkenhafen GmbH", "Lindqvist Support AG"],
}
PLACES = {"en": {"GB", "US", "CA"}, "de": {"CH"}}


FIELD_CARDS = {
    "en": (
        "<h1>Data Processing Agreement</h1><p>The Processor processes Customer Personal Data only on the "
        "Customer's documented instructions.</p><h2>Annex 3 - Sub-processors</h2>"
        "<div><h3>Nightdesk Ltd</h3><dl><dt>Service</dt><dd>Evening support desk</dd>"
        "<dt>Country</dt><dd>Philippines</dd><dt>Safeguard</dt><dd>confidentiality agreement</dd></dl></div>"
    ),
    "de": (
        "<h1>Auftragsverarbeitungsvertrag</h1><p>Der Auftragnehmer verarbeitet personenbezogene Daten nur "
        "auf dokumentierte Weisung des Auftraggebers.</p><h2>Anlage 3 – Unterauftragsverarbeiter</h2>"
        "<div><h3>Textwerk Ltd</h3><dl><dt>Leistung</dt><dd>Versand von Erinnerungen per SMS</dd>"
        "<dt>Land</dt><dd>Serbien</dd><dt>Garantie</dt><dd>Vertraulichkeitsvereinbarung</dd></dl></div>"
    ),
}


@pytest.mark.parametrize(("lang", "place"), [("en", "PH"), ("de", "RS")])
def test_tables_a_card_of_fields_names_its_country(scanner, lang, place):
    """A sub-processor written as a card of fields (an HTML definition list) is read like a table row:
    its country is a destination, and with no tool named the transfer has no mechanism."""
    doc = scanner.scan_bytes(FIELD_CARDS[lang].encode(), name="annex.html", language=lang)
    assert doc.doc_type == "dpa"
    assert place in {t.destination for t in doc.transfers}
    assert "TRANSFER_MECHANISM_UNSPECIFIED" in {f.rule_id for f in doc.findings}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_recipients_are_the_companies_named(scanner, lang):
    """Each company row is one recipient named without its address; header, title and country rows are none."""
    doc = scanner.scan_text(TABLES[lang], name="list.md", language=lang, format="markdown")
    assert [r.name for r in doc.recipients] == NAMES[lang]
    assert {t.destination for t in doc.transfers} >= PLACES[lang]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_fides_systems_are_real_recipients(scanner, lang):
    """The fideslang systems are the vendor, then one per company: no header word, address or country."""
    doc = scanner.scan_text(TABLES[lang], name="list.md", language=lang, format="markdown")
    names = [s["name"] for s in fides_manifest(doc)["system"][1:]]
    assert names == NAMES[lang]
    keys = [s["fides_key"] for s in fides_manifest(doc)["system"]]
    assert not [k for k in keys if any(ch.isdigit() for ch in k) or k.endswith((".company", ".unternehmen"))]


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "# Sub-processors\n\n| Name | Purpose | Provider location | Processing location |\n|---|---|---|---|\n"
            "| Quillmark Ltd. | CRM | United Kingdom | United States |\n"
            "| Captchafy GmbH | Abuse prevention | Germany | Worldwide |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Zweck | Sitz des Anbieters | Ort der Verarbeitung |\n|---|---|---|---|\n"
            "| Quillmark Ltd. | CRM | Vereinigtes Königreich | USA |\n"
            "| Captchafy GmbH | Missbrauchsschutz | Deutschland | weltweit |\n",
        ),
    ],
)
def test_tables_processing_location_wins_over_the_providers_seat(scanner, lang, table):
    """Of a provider's seat and the place of processing, the place of processing is where the data goes."""
    report = scanner.scan_text(table, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Company location | Data centre region | Service |\n"
            "|---|---|---|---|\n"
            "| Brookfen Inc. | Austin, Texas (USA) | EU-West (Dublin, Ireland) | Booking e-mails |\n"
            "| Tarnholt AG | Basel (Switzerland) | Frankfurt (Germany) | Text messages |\n"
            "| Vellamo d.o.o. | Zagreb (Croatia) | Access from Skopje (North Macedonia) | Night-time maintenance |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Sitz des Unternehmens | Rechenzentrumsregion / "
            "Zugriffsort | Leistung |\n|---|---|---|---|\n"
            "| Brookfen Inc. | Austin, Texas (USA) | EU-West (Dublin, Irland) | Buchungsbestätigungen |\n"
            "| Tarnholt AG | Basel (Schweiz) | Frankfurt (Deutschland) | SMS-Versand |\n"
            "| Vellamo d.o.o. | Zagreb (Kroatien) | Zugriff aus Skopje (Nordmazedonien) | Nächtliche Wartung |\n",
        ),
    ],
)
def test_tables_a_seat_column_loses_to_any_other_column_of_where(scanner, lang, table):
    """ "Company location | Data centre region": the second column says where the data is, though its
    header is no word of processing; the seat is only the company's address."""
    report = scanner.scan_text(table, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"MK"}


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Address | Service |\n|---|---|---|\n"
            "| Veldhaven S.A. | 12 Avenue John F. Kennedy, L-1855 Luxembourg | Hosting |\n"
            "| Quarrow Inc. | 80 Pine Street, Phoenix, AZ 85004, USA | Domains |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Adresse | Leistung |\n|---|---|---|\n"
            "| Veldhaven S.A. | 12 Avenue John F. Kennedy, L-1855 Luxemburg | Hosting |\n"
            "| Quarrow Inc. | 80 Pine Street, Phoenix, AZ 85004, USA | Domains |\n",
        ),
    ],
)
def test_tables_an_address_is_in_the_country_it_names_last(scanner, lang, table):
    """In a column of postal addresses a street named after a person may bear a town's name elsewhere ("Kennedy"):
    the address is in the country it ends with."""
    report = scanner.scan_text(table, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Address | Service |\n|---|---|---|\n"
            "| Gamma Data Inc. | 3 Park Lane, Boston, MA 02116, USA; 9 Dock Road, Dublin 2, Ireland | Analytics |\n"
            "| Delta Support Ltd | 5 Quay Street, Vancouver, Canada / 7 Main Road, Cork, Ireland | Support |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Adresse | Leistung |\n|---|---|---|\n"
            "| Gamma Data Inc. | 3 Park Lane, Boston, MA 02116, USA; 9 Dock Road, Dublin 2, Irland | Analyse |\n"
            "| Delta Support Ltd | 5 Quay Street, Vancouver, Kanada / 7 Main Road, Cork, Irland | Support |\n",
        ),
    ],
)
def test_tables_each_address_of_a_cell_is_in_the_country_it_names_last(scanner, lang, table):
    """A cell of two addresses, the one in the EEA last: the first is in its own country, which stays a destination."""
    report = scanner.scan_text(table, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"US", "CA"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Subprocessors\n\n| Name | Purpose | Region |\n|---|---|---|\n| Tallimo | Hosting | United States |\n| Quorra | Caching | Varies |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Zweck | Region |\n|---|---|---|\n| Tallimo | Hosting | USA |\n| Quorra | Caching | Variiert |\n",
        ),
        (
            "en",
            "# Subprocessors\n\n| Name | Purpose | Location |\n|---|---|---|\n| Tallimo | Hosting | United States |\n"
            "| Quorra | Caching | Determined by Quorra's processing locations |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Zweck | Standort |\n|---|---|---|\n| Tallimo | Hosting | USA |\n"
            "| Quorra | Caching | Abhängig von den Verarbeitungsstandorten von Quorra |\n",
        ),
    ],
)
def test_tables_a_location_that_varies_is_open(scanner, lang, text):
    """A location cell that says the place varies, or is whatever the provider decides, names no country: the set
    is open."""
    doc = scanner.scan_text(text, language=lang, format="markdown", doc_type="subprocessor_list")
    assert {t.destination for t in doc.transfers} == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Subprocessors\n\n| Name | Region |\n|---|---|\n| Tallimo | United States |\n| Pseudonymisation | "
            "A random string makes the number vary from website to website, so that visits cannot be matched across "
            "sites; sessions are kept for 24 hours at most. |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Region |\n|---|---|\n| Tallimo | USA |\n| Pseudonymisierung | "
            "Eine zufällige Zeichenkette sorgt dafür, dass die Nummer von Website zu Website variiert, so dass sie nicht "
            "abgeglichen werden kann. |\n",
        ),
    ],
)
def test_tables_a_word_like_varies_inside_prose_is_no_location(scanner, lang, text):
    """ "varies" inside a long cell of prose is not the answer to where the data is."""
    doc = scanner.scan_text(text, language=lang, format="markdown", doc_type="subprocessor_list")
    assert {t.destination for t in doc.transfers} == {"US"}


PURPOSE_TABLES = {
    "en": (
        "# Privacy Policy\n\nWe store your data on servers in Ireland.\n\n"
        "| Why we use your data | Data used | Legal basis (where applicable) |\n|---|---|---|\n"
        "| To run your account | Account details | Contract |\n"
        "| To answer support requests | Messages you send | Legitimate interest |\n\n"
        "| Kind of data | Categories of recipients |\n|---|---|\n"
        "| Contact details | Hosting providers; Marketing partners |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir speichern Ihre Daten auf Servern in Irland.\n\n"
        "| Zweck | Daten | Rechtsgrundlage (wo zutreffend) |\n|---|---|---|\n"
        "| Ihr Konto führen | Kontodaten | Vertrag |\n"
        "| Anfragen beantworten | Ihre Nachrichten | Berechtigtes Interesse |\n\n"
        "| Datenart | Kategorien von Empfängern |\n|---|---|\n"
        "| Kontaktdaten | Hosting-Anbieter; Werbepartner |\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_of_purposes_and_of_recipient_categories_name_no_recipient(scanner, lang):
    """An aside in brackets ("(where applicable)") does not make a location column, and a column of
    categories of recipients names kinds of recipients, no company: neither table lists recipients."""
    result = scanner.scan_text(PURPOSE_TABLES[lang], language=lang, format="markdown", doc_type="privacy_policy")
    assert not result.recipients
    assert {t.destination for t in result.transfers} <= {"IE", "EEA"}


SOURCE_TABLES = {
    "en": (
        "# Privacy Policy\n\nWe store your data on servers in Ireland.\n\n"
        "| Why we use your data | What data we use | Where we get the data | Legal basis |\n|---|---|---|---|\n"
        "| To set up your membership | Name, e-mail address | You give it to us | Contract |\n"
        "| To stop payment fraud | Card holder name, IP address | From your device | Legitimate interest |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir speichern Ihre Daten auf Servern in Irland.\n\n"
        "| Wozu wir Ihre Daten nutzen | Welche Daten | Herkunft und Erhebungsort | Rechtsgrundlage |\n|---|---|---|---|\n"
        "| Mitgliedschaft einrichten | Name, E-Mail-Adresse | Von Ihnen selbst | Vertrag |\n"
        "| Zahlungsbetrug verhindern | Name des Karteninhabers, IP-Adresse | Von Ihrem Gerät | Berechtigtes Interesse |\n"
    ),
}


WHERE_TO = {
    "en": "# Sub-processors\n\n| Provider | Where does the data go? | Purpose |\n|---|---|---|\n"
    "| Nimbus Cloud GmbH | United States | Hosting |\n",
    "de": "# Unterauftragsverarbeiter\n\n| Anbieter | Wo werden die Daten verarbeitet? | Zweck |\n|---|---|---|\n"
    "| Nimbus Cloud GmbH | Vereinigte Staaten | Hosting |\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_a_column_of_where_data_goes_stays_a_location(scanner, lang):
    """A column asking where the data goes is a location column, unlike one of where it comes from."""
    result = scanner.scan_text(WHERE_TO[lang], language=lang, format="markdown", doc_type="subprocessor_list")
    assert [(r.name, r.locations) for r in result.recipients] == [("Nimbus Cloud GmbH", ("US",))]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_a_column_of_where_data_comes_from_is_no_location(scanner, lang):
    """A purposes table's column saying where the data comes from ("Where we get the data", "Herkunft und Erhebungsort")
    is no location column: its rows are purposes, no recipients."""
    result = scanner.scan_text(SOURCE_TABLES[lang], language=lang, format="markdown", doc_type="privacy_policy")
    assert not result.recipients
    assert {t.destination for t in result.transfers} <= {"IE", "EEA"}


OCCASION_TABLES = {
    "en": (
        "# Privacy Policy\n\nWe store your data on servers in Ireland.\n\n## Disclosure of information\n\n"
        "| Circumstances where data may be disclosed | Disclosed data |\n|---|---|\n"
        "| **Moderators** – To review content posted in the app. | Profile and photos |\n"
        "| **Business Transfers** – If our company is sold, we may disclose your data to the buyer. | All data |\n"
        "| **Analytics** – Larkspur Metrics Ltd. measures how the app is used. | Device data |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir speichern Ihre Daten auf Servern in Irland.\n\n## Weitergabe von Daten\n\n"
        "| Fälle, in denen wir Daten weitergeben | Weitergegebene Daten |\n|---|---|\n"
        "| **Moderation** – Zur Prüfung von Inhalten in der App. | Profil und Fotos |\n"
        "| **Unternehmensverkauf** – Wird unser Unternehmen verkauft, geben wir Daten an den Käufer. | Alle Daten |\n"
        "| **Analyse** – Die Larkspur Metrics GmbH misst die Nutzung der App. | Gerätedaten |\n"
    ),
}


@pytest.mark.parametrize(("lang", "company"), [("en", "Larkspur Metrics Ltd."), ("de", "Larkspur Metrics GmbH")])
def test_tables_a_column_of_when_data_is_disclosed_is_no_location(scanner, lang, company):
    """ "Circumstances where data may be disclosed" („Fälle, in denen ...") says when, not where: its rows' bold leads
    are kinds of occasion, no recipients; a company closed by its legal form in such a cell still is one."""
    result = scanner.scan_text(OCCASION_TABLES[lang], language=lang, format="markdown", doc_type="privacy_policy")
    assert [r.name for r in result.recipients] == [company]
    assert {t.destination for t in result.transfers} <= {"IE", "EEA"}


CARDS = {
    "en": (
        "# Data Processing Addendum\n\n## Annex 3 - Subprocessors\n\n|     |\n| --- |\n"
        "| ![Logo](/logo.png)<br><br>Brightwave Hosting<br><br>•<br><br>Cloud hosting<br><br>United States<br><br>"
        "Products: all |\n"
        "| Tellmark<br><br>•<br><br>Customer support<br><br>Worldwide<br><br>Products: all |\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Anlage 3 - Unterauftragsverarbeiter\n\n|     |\n| --- |\n"
        "| ![Logo](/logo.png)<br><br>Wolkenhafen GmbH<br><br>•<br><br>Hosting<br><br>Schweiz<br><br>Produkte: alle |\n"
        "| Lindqvist Support<br><br>•<br><br>Kundendienst<br><br>Kanada<br><br>Produkte: alle |\n"
    ),
}
CARD_NAMES = {
    "en": [("Brightwave Hosting", ("US",)), ("Tellmark", ("UNSPECIFIED",))],
    "de": [("Wolkenhafen GmbH", ("CH",)), ("Lindqvist Support", ("CA",))],
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_sub_processor_cards_one_to_a_row_name_recipients_and_places(scanner, lang):
    """A sub-processor list laid out as cards (one cell a row, its lines the company, what it does, where it is)
    names each company with its place; a one-column table under another heading names none."""
    result = scanner.scan_text(CARDS[lang], language=lang, format="markdown", doc_type="dpa")
    assert [(r.name, r.locations) for r in result.recipients if r.role == "subprocessor"] == CARD_NAMES[lang]
    other = CARDS[lang].replace("Subprocessors", "Security measures").replace("Unterauftragsverarbeiter", "Maßnahmen")
    result = scanner.scan_text(other, language=lang, format="markdown", doc_type="dpa")
    assert not [r for r in result.recipients if r.role == "subprocessor"]


HTML_CARDS = {
    "en": (
        "<h2>3. Who we share it with</h2><p>Our main service providers are:</p><div class='cards'>"
        "<div class='card'><h4>Brightwave Analytics, Inc.</h4><p>Product analytics</p><p>Austin · Texas</p></div>"
        "<div class='card'><h4>Tellmark Labs Pvt. Ltd.</h4><p>Customer support</p><p>Bengaluru</p></div></div>"
        "<h2>4. Your rights</h2><p>You may ask for a copy of your data.</p>"
    ),
    "de": (
        "<h2>3. Empfänger</h2><p>Unsere wichtigsten Dienstleister sind:</p><div class='cards'>"
        "<div class='card'><h4>Brightwave Analytics, Inc.</h4><p>Produktanalyse</p><p>Austin · Texas</p></div>"
        "<div class='card'><h4>Tellmark Labs Pvt. Ltd.</h4><p>Kundensupport</p><p>Bengaluru</p></div></div>"
        "<h2>4. Ihre Rechte</h2><p>Sie können eine Kopie Ihrer Daten verlangen.</p>"
    ),
}


HTML_FIELD_CARDS = {
    "en": (
        "<h2>5. Support</h2><p>Outside business hours tickets are handled by the following partners.</p><div class='g'>"
        "<div class='c'><h3>Sabre Support Inc.</h3><p>Purpose</p><p>Night-shift support</p><p>Access from</p>"
        "<p>Cebu City</p></div><div class='c'><h3>Fjord Support AS</h3><p>Purpose</p><p>Nordic support</p>"
        "<p>Access from</p><p>Bergen</p></div></div>"
    ),
    "de": (
        "<h2>5. Support</h2><p>Außerhalb der Geschäftszeiten bearbeiten folgende Partner die Tickets.</p><div class='g'>"
        "<div class='c'><h3>Sabre Support Inc.</h3><p>Zweck</p><p>Nachtschicht</p><p>Zugriff von</p>"
        "<p>Cebu City</p></div><div class='c'><h3>Fjord Support AS</h3><p>Zweck</p><p>Nordischer Support</p>"
        "<p>Zugriff von</p><p>Bergen</p></div></div>"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_html_cards_of_fields_after_the_following_partners_place_them(scanner, lang):
    """Cards of label and value lines after "the following partners" name each company where its card says."""
    result = scanner.scan_bytes(HTML_FIELD_CARDS[lang].encode(), f"fields-subprocessors-{lang}.html", language=lang)
    assert {t.destination for t in result.transfers} == {"PH"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_html_cards_after_a_lead_in_naming_providers_place_them(scanner, lang):
    """Cards of providers after "Our main service providers are:" name each company where its card says it works."""
    result = scanner.scan_bytes(HTML_CARDS[lang].encode(), f"cards-privacy-{lang}.html", language=lang)
    assert {t.destination for t in result.transfers} == {"US", "IN"}


SHARED_WITH = {
    "en": (
        "# Privacy notice\n\nWe store your data in Sweden.\n\n|   |   |   |\n|---|---|---|\n"
        "| Purpose | Legal basis | Who do we share personal data with? |\n"
        "| Run your subscription | Contract | Quillon Payments Ltd. and Parvel i Sverige AB, which handle payments as "
        "independent controllers |\n"
        "| Answer your questions | Legitimate interest | Tallimo Support Inc. which provides our help desk |\n"
        "| Report to authorities | Legal obligation | The tax authority as controller |\n"
    ),
    "de": (
        "# Datenschutzhinweise\n\nWir speichern Ihre Daten in Schweden.\n\n|   |   |   |\n|---|---|---|\n"
        "| Zweck | Rechtsgrundlage | Empfänger |\n"
        "| Abonnement führen | Vertrag | Quillon Payments Ltd. und Parvel i Sverige AB, die Zahlungen abwickeln |\n"
        "| Fragen beantworten | Berechtigtes Interesse | Tallimo Support Inc., die unseren Helpdesk betreibt |\n"
        "| Meldungen an Behörden | Rechtliche Pflicht | Das Finanzamt als Verantwortlicher |\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_a_column_of_whom_data_is_shared_with_names_its_companies(scanner, lang):
    """In a table of purposes, the column saying whom data is shared with names each company closed by a legal form
    in its cells (an authority named without one is none), and the table's places stay read as prose."""
    result = scanner.scan_text(SHARED_WITH[lang], language=lang, format="markdown", doc_type="privacy_policy")
    assert [r.name for r in result.recipients] == [
        "Quillon Payments Ltd.",
        "Parvel i Sverige AB",
        "Tallimo Support Inc.",
    ]
    assert {t.destination for t in result.transfers} <= {"SE", "EEA"}


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "# Sub-processors\n\n| Name | Purpose | Hosting region | Support access from |\n|---|---|---|---|\n"
            "| Deskline Inc. | Helpdesk | EU (Dublin) | India |\n"
            "| Mailwing GmbH | E-mail | EU (Berlin) | Germany |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Leistung | Hosting-Region | Supportzugriff aus |\n|---|---|---|---|\n"
            "| Deskline Inc. | Helpdesk | EU (Dublin) | Indien |\n"
            "| Mailwing GmbH | E-Mail | EU (Berlin) | Deutschland |\n",
        ),
    ],
)
def test_tables_where_support_accesses_from_is_a_destination(scanner, lang, table):
    """A column of where staff reach the data from, beside the hosting region, names destinations too."""
    report = scanner.scan_text(table, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"IN"}


@pytest.mark.parametrize(
    ("lang", "table", "expected"),
    [
        (
            "de",
            "| Unterauftragsverarbeiter | Leistung | Ort |\n|---|---|---|\n"
            "| Chatly Inc. | Plattform | USA (Drittland; Standardvertragsklauseln) |\n| Nordhost Oy | Hosting | Finnland (EU) |\n",
            {"US"},
        ),
        (
            "en",
            "| Sub-processor | Purpose | Location |\n|---|---|---|\n"
            "| Chatly Inc. | Platform | USA (third country; SCCs) |\n| Nordhost Oy | Hosting | Finland (EU) |\n",
            {"US"},
        ),
        (
            "en",
            "| Sub-processor | Purpose | Hosting region | Transfer mechanism |\n|---|---|---|---|\n"
            "| Boxly Inc. | File storage | EU (multi-region) | Standard Contractual Clauses |\n",
            set(),
        ),
        (
            "de",
            "| Unterauftragsverarbeiter | Zweck | Hosting-Region | Garantie |\n|---|---|---|---|\n"
            "| Boxly Inc. | Dateispeicher | EU (multi-region) | Standardvertragsklauseln |\n",
            set(),
        ),
        (
            "en",
            "| Sub-processor | Purpose | Location |\n|---|---|---|\n| Edgey Inc. | CDN | United States, worldwide |\n",
            {"US", "UNSPECIFIED"},
        ),
    ],
)
def test_tables_open_words_that_describe_the_place_named(scanner, lang, table, expected):
    """ "USA (Drittland)" describes the US and "EU (multi-region)" spreads data within the EU: no open destination;
    "worldwide" beside a country still leaves the set open."""
    text = f"# Sub-processors\n\n{table}"
    doc = scanner.scan_text(text, language=lang, format="markdown", doc_type="subprocessor_list")
    assert {t.destination for t in doc.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Purpose | Location |\n|---|---|---|\n"
            "| Boxly Inc. | Storage | United States |\n| [Add CDN or edge provider] | CDN | [Country] |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unternehmen | Leistung | Standort |\n|---|---|---|\n"
            "| Boxly Inc. | Speicher | USA |\n| <Name des Dienstleisters> | CDN | <Land> |\n",
        ),
    ],
)
def test_tables_a_drafts_placeholder_row_names_no_recipient(scanner, lang, text):
    """A draft's placeholder in the name cell ("[Add CDN or edge provider]") is no recipient."""
    report = scanner.scan_text(text, language=lang, format="markdown")
    assert [r.name for r in report.recipients] == ["Boxly Inc."]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Purpose | Location | Data |\n|---|---|---|---|\n"
            "| Boxly Inc. | Storage | United States | Customer files |\n| Statsy Pte. Ltd. | Uptime checks | Singapore | No personal data |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unternehmen | Leistung | Standort | Daten |\n|---|---|---|---|\n"
            "| Boxly Inc. | Speicher | USA | Kundendateien |\n| Statsy Pte. Ltd. | Verfügbarkeit | Singapur | keine personenbezogenen Daten |\n",
        ),
    ],
)
def test_tables_a_row_receiving_no_personal_data_is_no_destination(scanner, lang, text):
    """A row whose company receives no personal data sends none to its country."""
    report = scanner.scan_text(text, language=lang, format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "| Sub-processor | Service | Country |\n|---|---|---|\n| Alpha Ltd | Support | IN |\n| Beta Inc. | Maps | CA |\n",
        ),
        (
            "de",
            "| Name | Leistung | Land |\n|---|---|---|\n| Alpha Ltd | Support | IN |\n| Beta Inc. | Karten | CA |\n",
        ),
    ],
)
def test_tables_a_location_cell_holding_an_iso_code_names_its_country(scanner, lang, table):
    """ "IN" alone in a country column is India, though "in" in prose is a preposition."""
    report = scanner.scan_text(
        "# Sub-processors\n\n" + table, language=lang, doc_type="subprocessor_list", format="markdown"
    )
    assert {t.destination for t in report.transfers} == {"IN", "CA"}


@pytest.mark.parametrize(
    "lang",
    ["en", "de"],
)
def test_tables_a_state_code_in_an_address_is_no_country(scanner, lang):
    """ "Menlo Park, CA, 94025, USA" in an entry's address: "CA" is California, not Canada."""
    lead = "We use the following services:" if lang == "en" else "Wir nutzen folgende Dienste:"
    text = (
        f"# Privacy\n\n## Services\n\n{lead}\n\n- Examplegram: social network; provider: Examplegram Inc., "
        "1 Willow Road, Menlo Park, CA, 94025, USA\n"
    )
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert "CA" not in {t.destination for t in report.transfers}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n## 1. Current sub-processors\n\n| Sub-processor | Service | Location |\n|---|---|---|\n"
            "| Nimbus Hosting Inc. | Hosting | US |\n\n## 2. Sub-processors no longer engaged\n\n"
            "| Sub-processor | Service | Location |\n|---|---|---|\n| Kumori K.K. | Analytics | Tokyo, Japan |\n\n"
            "## 3. Changes\n\n| Sub-processor | Former location | Removed on |\n|---|---|---|\n"
            "| Ledgerfox Ltd | London, UK | 31 March 2025 |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n## 1. Eingesetzte Unterauftragsverarbeiter\n\n"
            "| Unterauftragsverarbeiter | Leistung | Land |\n|---|---|---|\n| Nimbus Hosting Inc. | Hosting | US |\n\n"
            "## 2. Nicht mehr eingesetzte Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Leistung | Land |\n"
            "|---|---|---|\n| Kumori K.K. | Analyse | Japan |\n\n## 3. Änderungen\n\n"
            "| Unterauftragsverarbeiter | Land | Beendet zum |\n|---|---|---|\n| Ledgerfox Ltd | GB | 31.03.2025 |\n",
        ),
    ],
)
def test_tables_former_sub_processors_are_where_data_went(scanner, lang, text):
    """A table under a heading of sub-processors no longer engaged (in any word of it, after its number) or with a
    column of when they left is a list of where data went, not where it goes."""
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "| Sub-processor | Purpose | Region | Location |\n|---|---|---|---|\n| Lingua Bridge (Pty) Ltd | Captions | EMEA |"
            " Cape Town |\n| Tagwise S.A.S. | Quality checks | Americas | Bogotá |\n| Helpwise Ltd | Identity checks of "
            "merchant representatives | EMEA | Nairobi |\n| Example Group Ltd | Finance (no access to Customer Personal "
            "Data) | APAC | Auckland |\n",
        ),
        (
            "de",
            "| Unterauftragsverarbeiter | Zweck | Region | Standort |\n|---|---|---|---|\n| Lingua Bridge (Pty) Ltd | "
            "Untertitel | EMEA | Kapstadt |\n| Tagwise S.A.S. | Prüfungen | Amerika | Bogotá |\n| Helpwise Ltd | "
            "Identitätsprüfung von Händlern | EMEA | Nairobi |\n| Beispiel Group Ltd | Finanzen (kein Zugriff auf "
            "Kundendaten) | APAC | Auckland |\n",
        ),
    ],
)
def test_tables_where_the_data_is_wins_over_a_providers_region(scanner, lang, table):
    """Of a "Region" column (the region a provider serves) and a location column, the location is where data goes;
    a purpose naming representatives is no representative's row; a row whose company has no access to the data is
    no destination."""
    report = scanner.scan_text(table, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"ZA", "CO", "KE"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_tables_a_cell_text_is_read_once_per_document(scanner, lang, monkeypatch):
    """A country named in row after row is read by the pipeline once per document, and the rows read as before:
    the same recipients with the same places."""
    from dpcheck.extract import tables

    place = {"en": "United Kingdom", "de": "Schweiz"}[lang]
    companies = ["Alderwick Hosting Ltd.", "Brambleton Cloud Ltd.", "Corrigan Mail Ltd.", "Dunmore Backup Ltd."]
    rows = "".join(f"| {company} | {place} | Hosting |\n" for company in companies)
    text = TABLES[lang] + "\n" + "| Company | Location | Purpose |\n|---|---|---|\n" + rows
    expected = scanner.scan_text(text, language=lang, format="markdown", doc_type="dpa").recipients
    read: list[str] = []
    call = tables.Cells.__call__

    def counted(self: tables.Cells, cell: str) -> object:
        if cell not in self._docs:
            read.append(cell)
        return call(self, cell)

    monkeypatch.setattr(tables.Cells, "__call__", counted)
    result = scanner.scan_text(text, language=lang, format="markdown", doc_type="dpa")
    assert result.recipients == expected
    assert read.count(place) == 1 and len(read) == len(set(read))
    assert [r.name for r in result.recipients if r.name in companies] == companies


@pytest.mark.parametrize(
    ("lang", "table"),
    [
        (
            "en",
            "| Sub-processor | Purpose | Location |\n|---|---|---|\n| Company9 Hosting Ltd. | Hosting | United States |\n"
            "| Acme Mail Inc. | Email | Canada |\n",
        ),
        (
            "de",
            "| Unterauftragsverarbeiter | Zweck | Standort |\n|---|---|---|\n| Firma0 Hosting AG | Hosting | USA |\n"
            "| Beispiel Mail AG | E-Mail | Kanada |\n",
        ),
    ],
)
def test_tables_a_company_whose_name_opens_with_a_header_word_is_no_header(scanner, lang, table):
    """ "Company9 Hosting Ltd. | Hosting" is a row, not a second header: a word with a digit is a name's, though it
    opens with a header word ("Company", „Firma"); the rows below keep their location column."""
    report = scanner.scan_text(table, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"US", "CA"}


def _table_destinations(scanner, text, lang):
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list", format="markdown")
    return {t.destination for t in report.transfers}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Service | Storage location | Access from |\n|---|---|---|---|\n"
            "| Ticketfox d.o.o. | Support desk | Ireland | Belgrade |\n| Numbra Pvt Ltd | Payroll checks | none | Pune |\n",
            {"RS", "IN"},
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Leistung | Ort der Speicherung | Zugriff aus |\n"
            "|---|---|---|---|\n| Ticketfox d.o.o. | Ticketsystem | Irland | Belgrad |\n"
            "| Numbra Pvt Ltd | Lohnprüfung | keine Speicherung | Pune |\n",
            {"RS", "IN"},
        ),
    ],
)
def test_tables_an_access_column_names_its_cities(scanner, lang, text, expected):
    """A column of where the data is reached from says where by itself, as a location column does: its cities count."""
    assert _table_destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Current and former sub-processors\n\n| Name | Service | Location | Status |\n|---|---|---|---|\n"
            "| Nimbus Inc. | Hosting | United States | Active |\n"
            "| Brightwell Pte. Ltd. | Enrichment | Singapore | Removed on 30 September 2025 |\n"
            "| Oakfield Ltd | Archive | Canada | until 31 January 2026, replaced by Nimbus Inc. |\n",
        ),
        (
            "de",
            "# Aktuelle und ehemalige Unterauftragsverarbeiter\n\n| Name | Leistung | Ort | Status |\n|---|---|---|---|\n"
            "| Nimbus Inc. | Hosting | USA | aktiv |\n| Brightwell Pte. Ltd. | Anreicherung | Singapur | Entfernt zum 30.09.2025 |\n"
            "| Oakfield Ltd | Archiv | Kanada | bis 31.01.2026 – ersetzt durch Nimbus Inc. |\n",
        ),
    ],
)
def test_tables_a_row_marked_gone_is_no_destination(scanner, lang, text):
    """Under a heading of current and former sub-processors each row says which it is: one removed, or replaced by a
    successor, is where data went."""
    assert _table_destinations(scanner, text, lang) == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors for the EU data region\n\n| Name | Service | Region | Location |\n|---|---|---|---|\n"
            "| Nimbus Inc. | Hosting | EU | United States |\n| Sulbrasa Ltda. | Hosting | Americas only | Brazil |\n"
            "| Kestrel Ltd | E-mail | EU | London, United Kingdom |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter für die EU-Region\n\n| Name | Leistung | Region | Standort |\n|---|---|---|---|\n"
            "| Nimbus Inc. | Hosting | EU | USA |\n| Sulbrasa Ltda. | Hosting | nur Amerika | Brasilien |\n"
            "| Kestrel Ltd | E-Mail | EU | London, Vereinigtes Königreich |\n",
        ),
    ],
)
def test_tables_a_row_serving_another_region_only_is_no_destination(scanner, lang, text):
    """A row that serves only customers of another region never receives EEA customers' data; a region column loses
    to the column of where the data is, also when its header says "hosting"."""
    assert _table_destinations(scanner, text, lang) == {"US", "GB"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Name | Location | Access from | Transfer tool |\n|---|---|---|---|\n"
            "| Kestrel Ltd | London, United Kingdom | None | UK adequacy decision |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Standort | Zugriff aus | Grundlage |\n|---|---|---|---|\n"
            "| Kestrel Ltd | London, Vereinigtes Königreich | keiner | Angemessenheitsbeschluss |\n",
        ),
    ],
)
def test_tables_a_negation_in_one_cell_denies_no_tool_of_another(scanner, lang, text):
    """Each cell of a row is a clause of its own: "None" under "Access from" leaves the adequacy decision relied on."""
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list", format="markdown")
    assert "adequacy" in report.mechanisms


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Entity seat | Hosting region | Remarks |\n|---|---|---|---|\n"
            "| Kestrel Pte. Ltd. | Singapore | none (access only) | Support during APAC hours |\n"
            "| Nimbus Inc. | United States | North America | Product analytics |\n"
            "| Quill Ltd | United Kingdom | EMEA (Dublin) | Sending servers in London |\n"
            "| Orbit GmbH | Germany | EMEA (Frankfurt) | Malware scanning by its affiliate in Cape Town |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Sitz des Unternehmens | Verarbeitungsort | Bemerkungen |\n"
            "|---|---|---|---|\n"
            "| Kestrel Pte. Ltd. | Singapur | keiner (nur Zugriff) | Support in den APAC-Stunden |\n"
            "| Nimbus Inc. | USA | Nordamerika | Produktanalyse |\n"
            "| Quill Ltd | Vereinigtes Königreich | EMEA (Dublin) | Versandserver in London |\n"
            "| Orbit GmbH | Deutschland | EMEA (Frankfurt) | Virenprüfung durch die Schwestergesellschaft in Kapstadt |\n",
        ),
    ],
)
def test_tables_a_seat_column_and_remarks_place_what_the_data_cell_leaves_open(scanner, lang, text):
    """The company's seat counts where the data's own cell names no country ("none (access only)", "North America");
    a remarks cell placing servers or people in a city places the data there too."""
    assert _table_destinations(scanner, text, lang) == {"SG", "US", "UNSPECIFIED", "GB", "ZA"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Service | Location | Remarks |\n|---|---|---|---|\n"
            "| Alpen GmbH | Printing | Austria | Contact person in Zurich by phone only; no access to data from there |\n"
            "| Reef Pte. Ltd. | Screening | Singapore | Not applicable to EEA merchants |\n"
            "| Sable S.A. | Call recording | Mexico | Used only for accounts in the LATAM data region |\n"
            "| Kestrel Pty Ltd | Hosting | Australia | Only for customers who chose APAC hosting |\n"
            "| Nimbus Inc. | Hosting | United States | Backups |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Leistung | Standort | Bemerkungen |\n|---|---|---|---|\n"
            "| Alpen GmbH | Druck | Österreich | Ansprechpartner in Zürich nur telefonisch; von dort kein Datenzugriff |\n"
            "| Reef Pte. Ltd. | Prüfung | Singapur | Daten von Kunden im EWR werden dort nicht verarbeitet |\n"
            "| Sable S.A. | Anrufaufzeichnung | Mexiko | Nur für Konten in der Region LATAM |\n"
            "| Kestrel Pty Ltd | Hosting | Australien | Nur für Kunden, die Hosting in APAC gewählt haben |\n"
            "| Nimbus Inc. | Hosting | USA | Sicherungen |\n",
        ),
    ],
)
def test_tables_remarks_that_deny_or_serve_another_region_place_no_data(scanner, lang, text):
    """A remark that denies anything names no place of the data; a row serving only another region's customers, or
    saying the EEA's data is not processed there, is no destination."""
    assert _table_destinations(scanner, text, lang) == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Annex 3\n\n| No. | Sub-processor | Service | Place of processing | Further sub-processors |\n|---|---|---|---|---|\n"
            "| 1 | Example Solutions d.o.o. | Remote support | Novi Sad | none |\n"
            "| 2 | Example Hosting GmbH | Hosting | Leipzig | Example Labs Pvt. Ltd., Pune (testing; no access to "
            "Customer Data) |\n"
            "| 3 | Example Mail GmbH | E-mail | Leipzig | Example Relay Inc., Boston (fallback relay) |\n",
        ),
        (
            "de",
            "# Anlage 3\n\n| Nr. | Unterauftragsverarbeiter | Leistung | Ort der Verarbeitung | Weitere Unterauftragsverarbeiter |\n"
            "|---|---|---|---|---|\n"
            "| 1 | Example Solutions d.o.o. | Fernwartung | Novi Sad | keine |\n"
            "| 2 | Example Hosting GmbH | Hosting | Leipzig | Example Labs Pvt. Ltd., Pune (Tests; kein Zugriff auf "
            "Kundendaten) |\n"
            "| 3 | Example Mail GmbH | E-Mail | Leipzig | Example Relay Inc., Boston (Ausweichsystem) |\n",
        ),
    ],
)
def test_tables_place_of_processing_and_further_sub_processors_columns(scanner, lang, text):
    """ "Place of processing" is a location column (its cities count), "Further sub-processors" one of onward
    recipients; an onward recipient the cell denies the data is none."""
    assert _table_destinations(scanner, text, lang) == {"RS", "US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Service | Location | Remarks |\n|---|---|---|---|\n"
            "| Kestrel Pte. Ltd. | Follow-the-sun support; APAC hours only | Singapore | – |\n"
            "| Alpen GmbH | Hosting | Germany | none required (EU) |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Leistung | Standort | Bemerkungen |\n"
            "|---|---|---|---|\n"
            "| Kestrel Pte. Ltd. | Support rund um die Uhr; nur in den APAC-Stunden | Singapur | – |\n"
            "| Alpen GmbH | Hosting | Deutschland | keine erforderlich (EU) |\n",
        ),
    ],
)
def test_tables_a_region_named_for_working_hours_or_a_tool_not_needed_keeps_the_row(scanner, lang, text):
    """ "APAC hours only" says when a sub-processor works, not whom it serves; "none required (EU)" beside an EEA data
    centre denies no data: both rows keep their recipient."""
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"SG"}
    assert len(report.recipients) == 2


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Name | Service | Seat | Place of processing | Transfer basis |\n|---|---|---|---|---|\n"
            "| Merrow Archive Ltd | Archiving | London | Frankfurt am Main | Adequacy decision (United Kingdom) |\n"
            "| Alp Invoicing AG | E-invoicing | Zug | Frankfurt am Main | none needed (EU) |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Leistung | Sitz | Ort der Verarbeitung | Grundlage |\n"
            "|---|---|---|---|---|\n"
            "| Merrow Archive Ltd | Archivierung | London | Frankfurt am Main | Angemessenheitsbeschluss Vereinigtes "
            "Königreich |\n"
            "| Alp Invoicing AG | E-Rechnung | Zug | Frankfurt am Main | nicht erforderlich (EU) |\n",
        ),
    ],
)
def test_tables_a_row_relying_on_a_countrys_adequacy_sends_data_there(scanner, lang, text):
    """A row whose transfer basis is the UK's adequacy decision sends its data to the UK, wherever its hosting is; a row
    of a Swiss seat with no transfer named sends none to Switzerland."""
    result = scanner.scan_text(text, language=lang, format="markdown", doc_type="subprocessor_list")
    assert {t.destination for t in result.transfers} == {"GB"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Name | Seat | Location |\n|---|---|---|\n"
            "| Mapview Inc. | Boston, USA | Frankfurt am Main (EU region); no access from the USA |\n"
            "| Postcloud Inc. | Denver, USA | USA |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Sitz | Ort der Verarbeitung |\n|---|---|---|\n"
            "| Mapview Inc. | Boston, USA | Frankfurt am Main (EU-Region); kein Zugriff aus den USA |\n"
            "| Postcloud Inc. | Denver, USA | USA |\n",
        ),
    ],
)
def test_tables_a_place_a_location_cell_denies_is_none_of_the_row(scanner, lang, text):
    """ "Frankfurt am Main; no access from the USA": the denied part of the cell names no place of that row."""
    result = scanner.scan_text(text, language=lang, format="markdown", doc_type="subprocessor_list")
    assert [(r.name, "US" in r.locations) for r in result.recipients] == [
        ("Mapview Inc.", False),
        ("Postcloud Inc.", True),
    ]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Name | Service | Location |\n|---|---|---|\n"
            "| Dataform Inc. | Database | United States (EU region planned for UK/EU users) |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Name | Leistung | Standort |\n|---|---|---|\n"
            "| Dataform Inc. | Datenbank | USA (EU-Region geplant für Kunden in der Schweiz) |\n",
        ),
    ],
)
def test_tables_the_people_a_region_is_for_are_no_place_of_the_row(scanner, lang, text):
    """ "EU region planned for UK/EU users": where those users are is not where the row's data goes."""
    result = scanner.scan_text(text, language=lang, format="markdown", doc_type="subprocessor_list")
    assert {t.destination for t in result.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Sub-processors\n\n| Sub-processor | Purpose | Location | Safeguards |\n|---|---|---|---|\n"
            "| Nimbus Storage GmbH | Hosting | Germany | Standard Contractual Clauses |\n"
            "| Postwise SAS | Email delivery | France | Standard Contractual Clauses |\n"
            "| Helpdeskly Inc. | Support | United States | Standard Contractual Clauses |\n",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n| Unterauftragsverarbeiter | Zweck | Standort | Garantien |\n|---|---|---|---|\n"
            "| Nimbus Storage GmbH | Hosting | Deutschland | Standardvertragsklauseln |\n"
            "| Postwise SAS | E-Mail-Versand | Frankreich | Standardvertragsklauseln |\n"
            "| Helpdeskly Inc. | Support | USA | Standardvertragsklauseln |\n",
        ),
    ],
)
def test_a_tool_in_an_eea_row_makes_no_transfer(scanner, lang, text):
    """SCCs written in the safeguards column of a row in the EEA move nothing out of it: the row's place is where the
    data is, and a tool given for every row by habit names no destination left open. Only the third-country row is a
    transfer, under the tool its row names; the EEA rows keep the tool as what the list says of them."""
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list")
    assert {(t.destination, t.mechanisms) for t in report.transfers} == {("US", ("scc",))}
    assert all(r.mechanisms == ("scc",) for r in report.recipients)
