"""Gazetteer: every ISO 3166-1 country and territory in English and German, cities as seats,
and the names that are ordinary words kept from becoming places."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pycountry
import pytest
from babel import Locale

from dpcheck.nlp.gazetteer import GATED, LOCATION, resolve

ROOT = Path(__file__).resolve().parent.parent


def _codes(scanner, lang: str, text: str) -> list[str]:
    return [e.kb_id_ for e in scanner.pipeline(lang)(text).ents]


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("en", "Data is stored in the US.", "US"),
        ("en", "Data is stored in the U.S. and nowhere else.", "US"),
        ("en", "Data is stored in the USA.", "US"),
        ("en", "Data is stored in the United States of America.", "US"),
        ("de", "Die Daten liegen in den Vereinigten Staaten.", "US"),
        ("de", "Wir beauftragen einen amerikanischen Dienstleister.", "US"),
        ("en", "Our reseller operates from the British Virgin Islands.", "VG"),
        ("de", "Der Vertriebspartner arbeitet von den Britischen Jungferninseln aus.", "VG"),
        ("en", "Support is provided from the UAE.", "AE"),
        ("de", "Der Support sitzt in den Vereinigten Arabischen Emiraten.", "AE"),
        ("en", "A backup copy is kept in the Cayman Islands.", "KY"),
        ("de", "Eine Sicherungskopie liegt auf den Kaimaninseln.", "KY"),
        ("en", "Our payment partner works from the Isle of Man.", "IM"),
        ("en", "Call centres in Côte d'Ivoire answer calls.", "CI"),
        ("de", "Ein Rechenzentrum steht in Hongkong.", "HK"),
        ("en", "Our office in Puerto Rico handles billing.", "PR"),
        ("de", "Die Abrechnung erfolgt über Mauritius.", "MU"),
        # Formal names that catalogues write inverted ("Korea, Republic of").
        ("en", "Our support centre in the Republic of Korea reads tickets.", "KR"),
        ("de", "Unser Supportteam in der Republik Korea liest Tickets.", "KR"),
        ("en", "A partner in the Democratic Republic of the Congo processes claims.", "CD"),
        ("de", "Ein Partner in der Arabischen Republik Syrien erhält Daten.", "SY"),
    ],
)
def test_gazetteer_country_and_territory_names_in_english_and_german(scanner, lang, text, code):
    """Names, short forms and adjectives of countries and territories become their ISO codes."""
    assert code in _codes(scanner, lang, text)


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("en", "Falcon FZ-LLC, seated in Dubai, hosts the service.", "AE"),
        ("de", "Die Falcon FZ-LLC mit Sitz in Dubai betreibt den Dienst.", "AE"),
        ("en", "Our support partner is based in Lagos.", "NG"),
        ("de", "Unser Supportpartner ist ansässig in Lagos.", "NG"),
        ("en", "The analytics provider is headquartered in San Francisco.", "US"),
        ("de", "Der Analysedienst hat seinen Sitz in Tokio.", "JP"),
        ("en", "Our developers are located in Bengaluru and Pune.", "IN"),
        ("en", "Customers may choose data centres in Frankfurt, Dublin or London.", "GB"),
        ("de", "Kunden wählen Rechenzentren in Frankfurt, Dublin oder London.", "GB"),
        ("en", "Our engineers work in three locations: Berlin, Boston (United States) and Pune.", "IN"),
        ("de", "Standorte: Berlin, Lagos und Pune.", "NG"),
        ("de", "Die Entwickler sind niedergelassen in Peking.", "CN"),
        ("en", "The holding company is incorporated in Road Town.", "VG"),
        ("en", "Files are stored on our provider's servers in the US, Canada, Singapore, or Abu Dhabi.", "AE"),
        ("de", "Die Dateien liegen auf Servern in den USA, Kanada, Singapur oder Abu Dhabi.", "AE"),
        ("en", "Candidates are screened by our sourcing team in Cebu.", "PH"),
        ("de", "Die Zustellavis übernimmt unser Dienstleister in Tanger.", "MA"),
    ],
)
def test_gazetteer_cities_in_a_seat_or_location_phrase(scanner, lang, text, code):
    """A city after "seated in", "Sitz in" or "based in" names its country."""
    assert code in _codes(scanner, lang, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "It was nice to meet the Nice team last spring."),
        ("en", "Our Mobile app and the Reading list are free."),
        ("en", "Chad from our sales team will contact you."),
        ("en", "Jordan signed the order form."),
        ("en", "The Lagos meeting was moved to Monday."),
        ("en", "Georgia peaches are not personal data."),
        ("de", "Herr Jordan aus dem Vertrieb meldet sich bei Ihnen."),
        ("de", "Das Jersey unserer Mannschaft ist blau."),
        ("de", "Das Lagos-Treffen wurde verschoben."),
    ],
)
def test_gazetteer_ambiguous_words_and_cities_outside_a_location_phrase_are_no_places(scanner, lang, text):
    """Cities and country names that are ordinary words or first names count only in a location phrase or after a
    preposition of place."""
    assert _codes(scanner, lang, text) == []


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("en", "Our design studio in Sydney can view your project files.", "AU"),
        ("en", "Our meeting in Lagos was moved to Monday.", "NG"),
        ("de", "Unser Partner aus Kapstadt bearbeitet Ihre Supportanfragen.", "ZA"),
        ("de", "Unser Fertigungspartner in Shenzhen erhält Ihre Lieferdaten.", "CN"),
        ("en", "Our infrastructure provider, Cloudhaven Inc. of Denver, hosts the service.", "US"),
    ],
)
def test_gazetteer_a_city_after_a_preposition_of_place_is_a_place(scanner, lang, text, code):
    """ "in Sydney", „aus Kapstadt", "Inc. of Denver": a city as written after a preposition of place is a place,
    as a country is; whether data goes there is the sentence's role (test_roles, test_extract)."""
    assert _codes(scanner, lang, text) == [code]


@pytest.mark.parametrize(
    ("lang", "text"), [("en", "Our conference in Georgia was moved."), ("de", "Unser Büro liegt in Georgia.")]
)
def test_gazetteer_a_preposition_alone_leaves_a_state_homonym_ungated(scanner, lang, text):
    """ "in Georgia" may be the US state: a preposition does not make the country of it."""
    assert _codes(scanner, lang, text) == []


def test_gazetteer_new_jersey_is_a_us_state_not_jersey(scanner):
    """The longest name wins: "New Jersey" is the United States, "Jersey" only in a seat phrase."""
    assert _codes(scanner, "en", "Our office in New Jersey hosts the database.") == ["US"]
    assert _codes(scanner, "en", "The fund administrator is seated in Jersey.") == ["JE"]


@pytest.mark.parametrize(
    ("lang", "header"), [("en", "| Name | Purpose | Location |"), ("de", "| Name | Zweck | Standort |")]
)
def test_gazetteer_cities_in_a_table_location_column(scanner, lang, header):
    """A sub-processor table's location cell names a place by a city alone."""
    text = f"# Sub-processors\n\n{header}\n|---|---|---|\n| Helpy Ltd | Support | Lagos |\n"
    report = scanner.scan_text(text, language=lang, format="markdown")
    assert {t.destination for t in report.transfers} == {"NG"}
    assert {r.name: r.locations for r in report.recipients}["Helpy Ltd"] == ("NG",)


@pytest.mark.parametrize(
    ("lang", "header", "cell"),
    [
        ("en", "| Name | Purpose | Location |", "200 Example Street, San Francisco, CA 94107, United States"),
        ("de", "| Name | Zweck | Standort |", "Market Street 1, San Francisco, Kalifornien, USA"),
    ],
)
def test_gazetteer_a_name_inside_a_longer_one_is_no_place(scanner, lang, header, cell):
    """ "San" is a town in Mali, but not inside "San Francisco": the longest name wins."""
    text = f"# Sub-processors\n\n{header}\n|---|---|---|\n| Edgey Inc. | CDN | {cell} |\n"
    report = scanner.scan_text(text, language=lang, format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


def test_gazetteer_resolve_keeps_the_longest_of_overlapping_names():
    """Of names that overlap, the longest is the place; one inside it is not even left out."""
    words = ["located", "in", "san", "francisco", ";", "san", "jose"]
    matches = [(LOCATION, 0, 2), (GATED + "ML", 2, 3), (GATED + "US", 2, 4), (GATED + "ML", 5, 6), (GATED + "US", 5, 7)]
    places, left_out = resolve(matches, words)
    assert places == [("US", 2, 4)]
    assert left_out == [("US", 5, 7)]


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("en", "Write to Dance Hall LLC, PO Box 10, Cardiff By The Sea, CA 92007.", ["US"]),
        ("en", "Write to Dance Hall LLC, PO Box 10, CA 92007 Cardiff By The Sea.", ["US"]),
        ("en", "Messages go through Postwing Inc., 300 Harbor Street, San Francisco, CA 94111-2202.", ["US"]),
        ("en", "Our partner sits at 1 George Street, Sydney NSW 2000.", ["AU"]),
        ("en", "Our partner sits at 410 Lake Avenue, Seattle, WA 98109.", ["US"]),
        ("en", "Our partner sits at 12 Hay Street, WA 6000.", ["AU"]),
        ("de", "Unser Partner sitzt in der 410 Lake Avenue, Seattle, WA 98109.", ["US"]),
        ("en", "Tickets go to Ticketmarrow Pvt. Ltd., Baner Road, Pune 411045.", ["IN"]),
        ("de", "Der Dienstleister sitzt in der Musterstraße 1, 80331 München.", ["DE"]),
        ("de", "Der Empfänger ist die Postwing Inc., 300 Harbor Street, San Francisco, CA 94111.", ["US"]),
        ("en", "Call our CA office on weekdays.", []),
        ("en", "The Lagos meeting of 2024 was moved.", []),
        ("en", "TikTak Inc., Legal Department 5800 Bristol Parkway, Suite 100, Culver City, CA 90230.", ["US"]),
    ],
)
def test_gazetteer_postal_codes_and_postcodes(scanner, lang, text, codes):
    """A region's postal code right before a postcode names its country ("CA 94111" is in the United States, even
    before "Cardiff By The Sea"), the postcode's digits deciding between countries that share the code ("WA" is
    Washington before five, Western Australia before four); a city beside a postcode is a place of the address."""
    assert _codes(scanner, lang, text) == codes


def test_gazetteer_resolve_opens_the_gate_only_right_after_a_location_phrase():
    """A gated name right after a location phrase is a place; elsewhere it is left out."""
    words = ["based", "in", "lagos", ",", "accra", "or", "nairobi", ";", "lagos", "or", "berlin"]
    matches = [
        (LOCATION, 0, 2),
        (GATED + "NG", 2, 3),
        (GATED + "GH", 4, 5),
        (GATED + "KE", 6, 7),
        (GATED + "NG", 8, 9),
        (GATED + "DE", 10, 11),
    ]
    places, left_out = resolve(matches, words)
    assert places == [("NG", 2, 3), ("GH", 4, 5), ("KE", 6, 7)]
    assert left_out == [("NG", 8, 9), ("DE", 10, 11)]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_gazetteer_every_iso_code_is_found_by_its_cldr_name(scanner, lang):
    """Every ISO 3166-1 alpha-2 code is reached from its English and German CLDR name."""
    names = Locale(lang).territories
    template = "The recipient is seated in {}." if lang == "en" else "Der Empfänger hat seinen Sitz in {}."
    nlp = scanner.pipeline(lang)
    missed = []
    for country in pycountry.countries:
        name = names[country.alpha_2]
        doc = nlp(template.format(name))
        if country.alpha_2 not in {e.kb_id_ for e in doc.ents}:
            missed.append((country.alpha_2, name))
    assert not missed, missed


@pytest.mark.slow
def test_gazetteer_places_file_is_what_the_packages_give():
    """rules/lexicon/places.yml is exactly what scripts/build_places.py makes of CLDR, pycountry and GeoNames."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_places.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_gazetteer_names_serve_a_buyers_policy_too(scanner, tmp_path):
    """A policy may name countries by their CLDR names in English or German and by short forms."""
    from dpcheck.policy import Policy

    path = tmp_path / "policy.toml"
    path.write_text(
        'transfers.refused_countries = ["Vereinigte Arabische Emirate", "British Virgin Islands", '
        '"Kaimaninseln", "Russland"]\n[policy]\nname = "No offshore"\n',
        encoding="utf-8",
    )
    assert Policy.load(path, ruleset=scanner.ruleset).refused_countries == ("AE", "VG", "KY", "RU")


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("en", "Customer data is stored in us-east-1.", "US"),
        ("en", "Backups go to the ap-southeast-2 region.", "AU"),
        ("en", "We host in Azure centralindia for that plan.", "IN"),
        ("en", "The workload runs in europe-west3.", "DE"),
        ("de", "Die Kundendaten liegen in us-east-1.", "US"),
        ("de", "Sicherungskopien liegen in der Region eu-west-2 in London.", "GB"),
    ],
)
def test_gazetteer_cloud_region_identifiers_name_their_country(scanner, lang, text, code):
    """A cloud provider's region identifier stands for the country it is in, in either language and at a
    sentence's end (German keeps the full stop on a word ending in a digit)."""
    assert code in _codes(scanner, lang, text)


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("de", "Dabei werden Daten an die Example Web Services, Inc. in Seattle übermittelt.", "US"),
        ("de", "Für den Newsletter nutzen wir einen Dienst der Example Group LLC, Atlanta.", "US"),
        ("en", "Payments are handled by Example Payments Ltd, Singapore.", "SG"),
        ("en", "Error analysis is carried out by Example d.o.o. Belgrade.", "RS"),
        ("de", "Die Fehleranalyse erfolgt durch die Example d.o.o. Belgrad.", "RS"),
    ],
)
def test_gazetteer_city_after_a_company_legal_form_is_its_seat(scanner, lang, text, code):
    """A city right after a company's legal form ("Inc. in Seattle", "LLC, Atlanta", "d.o.o. Belgrade") is the company's
    seat."""
    assert code in _codes(scanner, lang, text)


@pytest.mark.parametrize(
    ("lang", "text", "code"),
    [
        ("en", "Our analytics partner processes usage data in Tel Aviv.", "IL"),
        ("de", "Unser Partner verarbeitet Nutzungsdaten in Bangalore.", "IN"),
        ("en", "Support tickets are processed in Manila.", "PH"),
    ],
)
def test_gazetteer_city_where_data_is_processed(scanner, lang, text, code):
    """A city after "processed in" or "data in" is where data is."""
    assert code in _codes(scanner, lang, text)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Support tickets are handled by a Philippine contact-centre operator. Serbian developers access the "
            "database for maintenance. Our American parent company hosts the backups.",
        ),
        (
            "de",
            "Supportanfragen bearbeitet ein philippinischer Callcenter-Betreiber. Serbische Entwickler greifen zur "
            "Wartung auf die Datenbank zu. Unsere amerikanische Muttergesellschaft speichert die Sicherungen.",
        ),
    ],
)
def test_gazetteer_adjectives_of_nationality_place_who_they_describe(scanner, lang, text):
    """A company or team described by its nationality ("a Philippine operator", „serbische Entwickler“) is there."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert {t.destination for t in report.transfers} == {"PH", "RS", "US"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Backups are kept in our secondary region in Tokyo. The disaster recovery site is operated by Serverwall "
            "Sdn Bhd in Kuala Lumpur.",
            {"JP", "MY"},
        ),
        (
            "de",
            "Die Vorauswahl übernimmt unser Recruiting-Team in Istanbul, das dafür Ihre Bewerbungsunterlagen einsieht. "
            "Ein Security Operations Center unseres Dienstleisters Nocwatch in Belgrad greift auf Protokolldaten zu.",
            {"RS", "TR"},
        ),
    ],
)
def test_gazetteer_a_city_where_a_team_region_or_company_works_is_a_place(scanner, lang, text, expected):
    """A city alone counts after the words that say who or what is there: "region in", "team in", a company's legal
    form ("Sdn Bhd in"), „Dienstleisters X in“; and a team "in Istanbul, das ... einsieht" handles the data there."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Services we use:\n\n- 🇩🇪 Hosting: Examplehost GmbH\n- 🇺🇸 E-mail delivery: Examplemail Inc.\n",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Dienste, die wir nutzen:\n\n- 🇩🇪 Hosting: Nordhost GmbH\n- 🇺🇸 E-Mail-Versand: Beispielmail Inc.\n",
        ),
    ],
)
def test_gazetteer_a_flag_emoji_names_its_country(scanner, lang, text):
    """A provider list marking each entry with its country's flag places the provider there."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "cells", "expected"),
    [
        ("en", ["Atlanta, Georgia", "London, Ontario", "Dublin, Ohio", "Pune, India"], {"US", "CA", "IN"}),
        ("de", ["Atlanta, Georgia", "London, Ontario", "Tiflis, Georgien", "Pune, Indien"], {"US", "CA", "GE", "IN"}),
    ],
)
def test_gazetteer_a_city_and_its_region_are_one_place(scanner, lang, cells, expected):
    """ "Atlanta, Georgia" is in the US, "London, Ontario" in Canada, "Dublin, Ohio" in the US: the region after a
    city's comma decides, and a country's name that is also a state of the city's country names that state."""
    header = "| Sub-processor | Service | Location |" if lang == "en" else "| Name | Leistung | Standort |"
    rows = "".join(f"| Example {i} Inc. | Support | {cell} |\n" for i, cell in enumerate(cells))
    text = f"# Sub-processors\n\n{header}\n|---|---|---|\n{rows}"
    report = scanner.scan_text(text, language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Recordings are sent to Example Inc., San José, California, and stored there for one day.", {"US"}),
        ("en", "We process data in Tokyo, India, and the US.", {"JP", "IN", "US"}),
        (
            "de",
            "Aufzeichnungen werden an die Example Inc., San José, Kalifornien, übermittelt und dort gespeichert.",
            {"US"},
        ),
        ("de", "Wir verarbeiten Daten in Tokio, Indien und den USA.", {"JP", "IN", "US"}),
        ("en", "We use Example Inc. in San José (California) for transcription.", {"US"}),
        ("de", "Für die Transkription nutzen wir die Example Inc. in San José (Kalifornien).", {"US"}),
    ],
)
def test_gazetteer_a_region_closing_its_clause_places_the_city(scanner, lang, text, expected):
    """ "San José, California, and stored": the comma after the region goes on with the sentence, not with a list of
    places, so the region says where the city is (not Costa Rica); so does a region in a bracket after the city."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == expected


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("en", "Customer may choose the hosting region, including Dublin, Frankfurt, or London.", {"IE", "DE", "GB"}),
        ("de", "Der Kunde wählt die Hosting-Region, einschließlich Dublin, Frankfurt oder London.", {"IE", "DE", "GB"}),
    ],
)
def test_gazetteer_cities_given_as_examples_after_including_are_places(scanner, lang, text, codes):
    """ "The region, including Dublin, Frankfurt, or London": the cities after "including" are places, as after "in"."""
    assert codes <= set(_codes(scanner, lang, text))


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("en", "Engineers at our Tallinn office read the logs.", ["EE"]),
        ("en", "Engineers at our Montevideo support office read the logs.", ["UY"]),
        ("en", "Our Chennai engineering hub runs the nightly jobs.", ["IN"]),
        ("de", "Unser Team in Lagos liest die Protokolle.", ["NG"]),
        ("en", "Our Montevideo and the support office are separate.", []),
        ("en", "We visited Montevideo last year.", []),
    ],
)
def test_gazetteer_a_city_between_a_possessive_and_a_site_one_word_apart(scanner, lang, text, codes):
    """A city names a site of the party's own between a possessive and a noun for the site, with at most one word
    between the city and that noun ("our Chennai engineering hub"); German says it with a preposition ("unser Team in
    Lagos"). A city with no possessive and no site noun after it stays gated."""
    assert _codes(scanner, lang, text) == codes


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("en", "Order data may be viewed by buyers in our Lagos and Nairobi offices.", ["NG", "KE"]),
        ("de", "Bestelldaten sehen auch Einkäufer in unserem Lagos und Nairobi Büro.", ["NG", "KE"]),
        ("en", "Our Lagos and Nairobi are two cities we admire.", []),
        ("en", "We visited Lagos and Nairobi last year.", []),
    ],
)
def test_gazetteer_a_list_of_cities_between_a_possessive_and_a_site(scanner, lang, text, codes):
    """A site noun after a list of cities that a possessive opens names a site in each city ("our Lagos and Nairobi
    offices"); without the site noun the cities stay gated."""
    assert _codes(scanner, lang, text) == codes


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("en", "Example Archive AG, Basel – storage of scanned contracts", ["CH"]),
        ("de", "Beispiel Hosting S.A., Lausanne – Speicherung der Kundendaten", ["CH"]),
        ("de", "Lohnabrechnung – Gehaltsdaten – Basel (CH)", ["CH"]),
        ("en", "Backups – Nairobi (KE)", ["KE"]),
        ("en", "Backups – Nairobi (Example)", []),
        ("de", "Backups – Basel (IT)", []),
    ],
)
def test_gazetteer_a_city_after_a_legal_form_and_comma_or_before_its_own_code(scanner, lang, text, codes):
    """A city after a company's legal form and a comma ("X AG, Basel") is its seat, as after "Ltd,"; a city before a
    bracket holding its own country's code ("Basel (CH)") is a place. Another word or another code in the bracket
    leaves it gated."""
    assert _codes(scanner, lang, text) == codes


@pytest.mark.parametrize(
    ("lang", "text", "codes"),
    [
        ("de", "Die Broschüre wird ins Englische und Türkische übersetzt.", []),
        ("de", "Urkunden übersetzen wir aus dem Russischen ins Deutsche.", []),
        ("en", "Your request is translated into Turkish by a sworn translator.", []),
        ("en", "Reports are translated from Japanese into English.", []),
        # An adjective before a noun still places what it describes.
        ("de", "Die Daten werden ins türkische Rechenzentrum übertragen.", ["TR"]),
        ("en", "Backups are copied into Russian data centres.", ["RU"]),
    ],
)
def test_gazetteer_a_language_named_by_a_country_adjective_is_no_place(scanner, lang, text, codes):
    """A language after a word of translating ("ins Türkische", "into Turkish", „aus dem Russischen") names the text's
    language, no place; the same adjective before a noun ("ins türkische Rechenzentrum") places the noun."""
    assert _codes(scanner, lang, text) == codes


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our translation agency is based in Kosovo."),
        ("de", "Unser Übersetzungsbüro hat seinen Sitz im Kosovo."),
        ("en", "Tickets are answered by our contractor in Pristina."),
        ("de", "Die Buchhaltung erledigt ein Dienstleister in Pristina."),
    ],
)
def test_gazetteer_knows_a_country_outside_iso_3166(scanner, lang, text):
    """Kosovo has no ISO 3166-1 code but is a country texts name (XK, as CLDR and GeoNames write it); so is its
    capital a place in it."""
    assert _codes(scanner, lang, text) == ["XK"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Tickets are answered by our contractor in Prishtina."),
        ("en", "Invoices are checked by a bookkeeping firm in Mitrovica."),
        ("de", "Die Buchhaltung erledigt ein Dienstleister in Priština."),
        ("de", "Unser Callcenter in Prishtinë beantwortet Ihre Anfragen."),
    ],
)
def test_gazetteer_knows_the_spellings_of_kosovo_cities_in_use(scanner, lang, text):
    """GeoNames gives one spelling of each ("Pristina", "Mitrovicë"); texts write the capital "Prishtina", "Priština"
    or „Prishtinë" and the city "Mitrovica" as often."""
    assert _codes(scanner, lang, text) == ["XK"]
