"""Places a privacy policy names around its transfers: a heading naming where data goes, "Mainland China", and a
table of the vendor's local representatives (dpcheck/extract/sentences.py, destinations.py, tables.py). Texts written
in our own words for fictional vendors."""

from __future__ import annotations

import pytest


def destinations(scanner, text: str, lang: str) -> set[str]:
    doc = scanner.scan_text(text, name="policy.md", language=lang, doc_type="privacy_policy", format="markdown")
    return {t.destination for t in doc.transfers}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "# Datenschutzerklärung\n\n## Hinweis zur Datenweitergabe in die USA\n\n"
            "Auf dieser Website nutzen wir Werkzeuge der Lumora Inc. Ihre personenbezogenen Daten können dabei an die "
            "US-Server von Lumora weitergegeben werden.\n",
        ),
        (
            "en",
            "# Privacy notice\n\n## Personal data sent into the USA\n\n"
            "When the chat widget of Lumora Inc. is active, your personal data is passed to servers in the USA.\n",
        ),
    ],
)
def test_heading_naming_where_data_goes_is_no_local_section(scanner, lang, text):
    """A heading naming the country data goes into heads a section on that transfer, not one for the country's
    residents: the country its sentences send data to is a destination."""
    assert destinations(scanner, text, lang) == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "# Datenschutzerklärung\n\n## Hinweise für Nutzer in den USA\n\n"
            "Wenn Sie in den USA wohnen, gelten für Ihre personenbezogenen Daten zusätzlich die Gesetze der USA.\n",
        ),
        (
            "en",
            "# Privacy notice\n\n## Notice for residents of the USA\n\n"
            "If you live in the USA, the laws of the USA also apply to the personal data we process about you.\n",
        ),
    ],
)
def test_heading_for_a_countrys_residents_stays_a_local_section(scanner, lang, text):
    """A section for one country's residents names the country for its local rules, not as a destination."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "# Datenschutzerklärung\n\n## Verarbeitung in Kanada\n\n"
            "Wir leiten Ihre Buchungsdaten an unseren Abrechnungsdienstleister in Kanada weiter.\n",
            {"CA"},
        ),
        (
            "en",
            "# Privacy notice\n\n## Working with our affiliates in Japan\n\n"
            "We disclose your booking details to our sister company in Japan.\n",
            {"JP"},
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Zusammenarbeit mit Konzernunternehmen in Japan\n\n"
            "Ihre Buchungsdaten übermitteln wir an unsere Tochtergesellschaft in Japan.\n",
            {"JP"},
        ),
        # The party only works there, for that country's own users: still the section's local matter.
        (
            "en",
            "# Privacy notice\n\n## Information for Japan\n\n"
            "Our partner in Japan answers support requests from Japanese customers.\n",
            set(),
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Hinweise für Kanada\n\n"
            "Unser Partner in Kanada bearbeitet Anfragen kanadischer Kunden.\n",
            set(),
        ),
        # A marker with no sending word before it ("apply to") sends nothing to the party after it; the word of access
        # after the marker names the service.
        (
            "en",
            "# Privacy notice\n\n## Additional rights in Canada\n\n"
            "These rights apply to subscribers of our home internet access service in Canada.\n",
            set(),
        ),
    ],
)
def test_a_party_the_data_is_sent_to_counts_under_its_countrys_heading(scanner, lang, text, expected):
    """A heading naming a country, but not one on transfers, keeps the country where the sentence itself sends the
    data to a party there ("disclose ... to our sister company in Japan"); a party only at work there is the section's
    local matter."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Engineers of our group located in Mainland China have remote access to the personal data.", {"CN"}),
        ("de", "Techniker unserer Gruppe in Mainland China haben Fernzugriff auf die personenbezogenen Daten.", {"CN"}),
        ("en", "Personal data is hosted by Mainland Hosting Ltd in Ireland.", set()),
    ],
)
def test_mainland_china_is_china(scanner, lang, text, expected):
    """ "Mainland China" is the country, not the end of a company named "Mainland ..."."""
    assert destinations(scanner, text, lang) == expected


REPRESENTATIVES = {
    "en": (
        "# Privacy notice\n\nWe process your personal data only in Ireland.\n\n## How to contact us\n\n"
        "If you have questions about how we process your personal data, write to our local representative:\n\n"
        "|   |   |   |\n| --- | --- | --- |\n"
        "| Jurisdiction | Representative | Address |\n"
        "| Japan | Kumori Desk KK | 4-5-6 Minato, Tokyo, Japan |\n"
        "| Canada | Northbay Agents Ltd | 12 Harbour Street, Toronto, Canada |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir verarbeiten Ihre personenbezogenen Daten nur in Irland.\n\n## Kontakt\n\n"
        "Bei Fragen zur Verarbeitung Ihrer personenbezogenen Daten wenden Sie sich an unseren Vertreter vor Ort:\n\n"
        "|   |   |   |\n| --- | --- | --- |\n"
        "| Land | Vertreter | Adresse |\n"
        "| Japan | Kumori Desk KK | 4-5-6 Minato, Tokio, Japan |\n"
        "| Kanada | Northbay Agents Ltd | 12 Harbour Street, Toronto, Kanada |\n"
    ),
}
PROCESSORS = {
    "en": (
        "# Privacy notice\n\n## Our processors\n\n"
        "|   |   |   |\n| --- | --- | --- |\n"
        "| Processor | Purpose | Location |\n"
        "| Kumori Cloud KK | Hosting of personal data | Japan |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Unsere Auftragsverarbeiter\n\n"
        "|   |   |   |\n| --- | --- | --- |\n"
        "| Auftragsverarbeiter | Zweck | Standort |\n"
        "| Kumori Cloud KK | Hosting personenbezogener Daten | Japan |\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_representatives_headed_by_the_first_row_are_no_recipients(scanner, lang):
    """A table of local representatives answers for the data and receives none, also when its first row, not its
    header, says so; a table of processors headed the same way places its rows."""
    assert destinations(scanner, REPRESENTATIVES[lang], lang) == set()
    assert destinations(scanner, PROCESSORS[lang], lang) == {"JP"}


SERVERS = {
    "en": (
        "# Privacy notice\n\nWe process the personal data of our players.\n\n## Where our servers are\n\n"
        "|   |   |\n| --- | --- |\n"
        "| **Our services** | **Location(s) of servers** |\n"
        "| Star Harbour<br><br>Moon Harbour | United States<br><br>Japan |\n"
        "| Tide Tales | Japan |\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir verarbeiten personenbezogene Daten unserer Spieler.\n\n## Serverstandorte\n\n"
        "|   |   |\n| --- | --- |\n"
        "| **Leistung** | **Serverstandort** |\n"
        "| Sternhafen<br><br>Mondhafen | Vereinigte Staaten<br><br>Japan |\n"
        "| Gezeitengeschichten | Japan |\n"
    ),
}
# The same first row with a column that says nothing of where the data is: no table of places.
NO_SERVERS = {
    "en": SERVERS["en"].replace("Location(s) of servers", "Release year").replace("United States<br><br>Japan", "2021"),
    "de": SERVERS["de"]
    .replace("Serverstandort", "Erscheinungsjahr")
    .replace("Vereinigte Staaten<br><br>Japan", "2021"),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_services_beside_a_column_of_server_locations_head_a_table_of_places(scanner, lang):
    """A first row naming the services and where their servers are heads the rows below it: each row's places are
    where its service keeps the data; with no column of where, the same table places nothing."""
    assert destinations(scanner, SERVERS[lang], lang) == {"US", "JP"}
    assert destinations(scanner, NO_SERVERS[lang].replace("Japan", "2020"), lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Please read our additional Oregon-specific disclosures about how we share personal data.", set()),
        ("en", "Our Oregon-based support team accesses personal data to answer tickets.", {"US"}),
        (
            "de",
            "Bitte lesen Sie unsere zusätzlichen Oregon-spezifischen Hinweise zur Weitergabe personenbezogener Daten.",
            set(),
        ),
        (
            "de",
            "Unser Support-Team in Oregon greift auf personenbezogene Daten zu. Die Oregon-spezifischen Hinweise "
            "finden Sie unten.",
            {"US"},
        ),
    ],
)
def test_a_place_hyphened_to_specific_says_whom_a_text_is_for(scanner, lang, text, expected):
    """ "Oregon-specific disclosures" are the texts for Oregon's residents, not data sent to Oregon; a team based
    there is at work on the data there."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We share personal data with service providers in Canada. If you are from the European Union, these "
            "service providers can be located outside your country of residence.",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "en",
            "We share personal data with service providers in Canada. If you agree, these service providers can "
            "process your data outside your country of residence.",
            {"CA"},
        ),
        (
            "de",
            "Wir geben personenbezogene Daten an Dienstleister in Kanada weiter. Wenn Sie in der EU wohnen, können "
            "diese Dienstleister Ihre Daten auch außerhalb der EU verarbeiten.",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "de",
            "Wir geben personenbezogene Daten an Dienstleister in Kanada weiter. Wenn Sie einwilligen, können diese "
            "Dienstleister Ihre Daten auch außerhalb der EU verarbeiten.",
            {"CA"},
        ),
    ],
)
def test_a_condition_on_where_the_reader_lives_leaves_the_transfer_stated(scanner, lang, text, expected):
    """ "If you are from the EU, providers can be outside your country" says whom the leave is for: the destinations
    stay open beside the country named. A condition on anything else ("if you agree") keeps it a case that may arise."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We transfer personal data to recipients, and the transfer is permitted under UK and/or European data "
            "protection laws.",
            set(),
        ),
        ("en", "We transfer personal data to recipients in the UK and European data centres.", {"GB"}),
        (
            "de",
            "Wir übermitteln personenbezogene Daten an Empfänger; die Übermittlung ist nach britischem und "
            "europäischem Recht zulässig.",
            set(),
        ),
        (
            "de",
            "Wir übermitteln personenbezogene Daten an Empfänger; die Übermittlung ist nach UK- und europäischem "
            "Datenschutzrecht zulässig.",
            set(),
        ),
        (
            "de",
            "Wir übermitteln personenbezogene Daten an Empfänger in Großbritannien und europäischen Ländern.",
            {"GB"},
        ),
    ],
)
def test_a_country_beside_european_law_names_the_law(scanner, lang, text, expected):
    """ "UK and/or European data protection laws" are laws, not a place data goes; "the UK and European data
    centres" are places."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Your personal data is processed by our servers in Japan. We are committed to maintaining the privacy and "
            "integrity of your personal information no matter where it is stored.",
            {"JP"},
        ),
        (
            "en",
            "Your personal data is processed by our servers in Japan and may be stored in other countries.",
            {"JP", "UNSPECIFIED"},
        ),
        (
            "de",
            "Ihre personenbezogenen Daten werden auf unseren Servern in Japan verarbeitet. Wir wahren die "
            "Vertraulichkeit und Integrität Ihrer Daten, unabhängig davon, wo sie gespeichert sind.",
            {"JP"},
        ),
        (
            "de",
            "Ihre personenbezogenen Daten werden auf unseren Servern in Japan verarbeitet und können auch in anderen "
            "Ländern gespeichert werden.",
            {"JP", "UNSPECIFIED"},
        ),
    ],
)
def test_protecting_two_qualities_of_data_wherever_it_is_leaves_no_place_open(scanner, lang, text, expected):
    """ "the privacy and integrity of your data no matter where it is stored" promises how data is kept, as "the
    privacy of your data" does; data "stored in other countries" leaves the destinations open."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Vexlo keeps the personal data of its customers on Japan-specific servers run by Kumori KK.", {"JP"}),
        ("en", "Our Singapore-specific cloud region holds the account data of every user.", {"SG"}),
        ("en", "Vexlo also publishes Brazil-specific privacy information for its users there.", set()),
        ("de", "Vexlo veröffentlicht zusätzlich Brasilien-spezifische Hinweise für Nutzer dort.", set()),
    ],
)
def test_a_place_hyphened_to_specific_servers_is_where_data_goes(scanner, lang, text, expected):
    """ "Japan-specific servers" hold the data in Japan: "specific" says whom a text is for only when what it makes
    specific holds no data."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Vexlo transfers your account data to the United States and European data protection law keeps protecting it.",
            {"US"},
        ),
        ("en", "Vexlo shares your data only as permitted under Swiss and European data protection laws.", set()),
        (
            "de",
            "Vexlo übermittelt Ihre Kontodaten in die USA und europäisches Datenschutzrecht schützt sie dort weiter.",
            {"US"},
        ),
        (
            "de",
            "Vexlo gibt Ihre Daten nur weiter, soweit es nach britischem und europäischem Recht zulässig ist.",
            set(),
        ),
    ],
)
def test_a_country_data_is_sent_to_before_european_law_stays_a_destination(scanner, lang, text, expected):
    """After "to"/„in die", "and European data protection law ..." opens a clause of its own: the country before it is
    where data goes. After "under"/„nach" the list ends with the law it names."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Vexlo shares personal data with support firms in Canada. If you are in the EU, these firms can be located "
            "outside your country.",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "en",
            "Vexlo shares personal data with support firms in Canada. If you order from our web shop, these firms can "
            "process your data outside the EEA.",
            {"CA"},
        ),
        (
            "de",
            "Vexlo gibt personenbezogene Daten an Supportfirmen in Kanada weiter. Wenn Sie sich in der EU befinden, "
            "können diese Firmen Ihre Daten auch außerhalb der EU verarbeiten.",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "de",
            "Vexlo gibt personenbezogene Daten an Supportfirmen in Kanada weiter. Wenn Sie Waren aus unserem Shop "
            "bestellen, können diese Firmen Ihre Daten auch außerhalb der EU verarbeiten.",
            {"CA"},
        ),
    ],
)
def test_where_the_reader_is_said_by_a_preposition_only_before_a_place(scanner, lang, text, expected):
    """ "If you are in the EU" is on where the reader is, as "if you live in" is; "if you order from our web shop" is
    a condition on what the reader does, which leaves the transfer a case that may arise."""
    assert destinations(scanner, text, lang) == expected
