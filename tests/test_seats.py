"""A recipient's seat given in another passage than the one where it receives data (dpcheck/extract/seats.py)."""

from __future__ import annotations

import pytest

from dpcheck.extract.recipients import RecipientWords
from dpcheck.extract.seats import _names
from dpcheck.scanner import Scanner


def scan(scanner: Scanner, text: str, lang: str):
    return scanner.scan_text(text, language=lang, format="markdown", doc_type="privacy_policy")


def destinations(scanner: Scanner, text: str, lang: str) -> set[str]:
    return {t.destination for t in scan(scanner, text, lang).transfers}


NAMED = {
    "en": (
        "# Tollomir Privacy Policy\n\n## 1. Controller\n\nTollomir GmbH, Hafenweg 3, 20457 Hamburg, Germany, is the "
        "controller.\n\n## 4. Support\n\nYour support tickets are handled by our sister company Tollomir Labs Pte. "
        "Ltd., which has access to your ticket history.\n\n## 11. Addresses\n\nTollomir Labs Pte. Ltd., 14 Quarry Lane, "
        "Singapore 049315.\n"
    ),
    "de": (
        "# Datenschutzhinweise der Tollomir GmbH\n\n## 1. Verantwortlicher\n\nTollomir GmbH, Hafenweg 3, 20457 "
        "Hamburg.\n\n## 4. Support\n\nIhre Supportanfragen werden an die Tollomir Labs Pte. Ltd. übermittelt, die "
        "sie beantwortet.\n\n## 11. Anschriften\n\nTollomir Labs Pte. Ltd., 14 Quarry Lane, Singapur 049315.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_seats_a_named_recipient_sits_where_its_address_elsewhere_says(scanner, lang):
    """A company named as receiving data in one section, with its address in another: its country is a destination,
    quoted from the passage that names it, with a reason naming the address too."""
    report = scan(scanner, NAMED[lang], lang)
    assert {t.destination for t in report.transfers} == {"SG"}
    (transfer,) = report.transfers
    evidence = transfer.evidence[0]
    assert "handled by" in evidence.quote or "übermittelt" in evidence.quote
    assert "14 Quarry Lane" in evidence.reason and "11." in evidence.reason and "4. Support" in evidence.reason


LAYOUTS = {
    "en": "Your support tickets are handled by Tollomir Labs Pte. Ltd., which has access to your ticket history.",
    "de": "Ihre Supportanfragen werden an die Tollomir Labs Pte. Ltd. übermittelt, die sie beantwortet.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_seats_an_address_on_lines_of_its_own(scanner, lang):
    """An address set line by line under the company's name, as an imprint sets it (the text joins its lines)."""
    country = {"en": "Singapore", "de": "Singapur"}[lang]
    text = (
        f"# Tollomir\n\n## 4. Support\n\n{LAYOUTS[lang]}\n\n## 11. Contact\n\n"
        f"Tollomir Labs Pte. Ltd.\n14 Quarry Lane\n{country} 049315\n"
    )
    assert destinations(scanner, text, lang) == {"SG"}


GROUP = {
    "en": (
        "# Quorvant Privacy Notice\n\n## 3. Who receives your data\n\nOther companies of the Quorvant group run our "
        "help desk. For this they access your account and your messages.\n\n## 9. Quorvant group companies\n\n"
        "- Quorvant Ltd, 5 Mill Street, Cork, Ireland: controller.\n"
        "- Quorvant Services Inc., 200 Lake Road, Toronto, Ontario M5J 2N1, Canada: help desk.\n"
        "- Quorvant Tech Pvt. Ltd., 12 Ring Road, Bengaluru 560001, India: help desk at night.\n"
        "- Quorvant Media Ltd, 8 Vine Street, London, United Kingdom: brand marketing; it does not access customer "
        "data.\n"
    ),
    "de": (
        "# Datenschutzerklärung der Quorvant GmbH\n\n## 3. Empfänger\n\nIhre Anfragen werden an die in Ziffer 9 "
        "genannten Gesellschaften der Quorvant-Gruppe weitergegeben.\n\n## 9. Gesellschaften der Quorvant-Gruppe\n\n"
        "- Quorvant GmbH, Lindenallee 7, 04109 Leipzig (Verantwortlicher)\n"
        "- Quorvant Services Inc., 200 Lake Road, Toronto, Ontario M5J 2N1, Kanada (Kundendienst)\n"
        "- Quorvant Tech Pvt. Ltd., 12 Ring Road, Bengaluru 560001, Indien (Kundendienst in der Nacht)\n"
        "- Quorvant Media Ltd, 8 Vine Street, London, Vereinigtes Königreich (Marketing; kein Zugriff auf "
        "Kundendaten)\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_seats_the_group_companies_receiving_data_sit_where_their_list_says(scanner, lang):
    """The group's companies said to receive data, and a list of them with addresses: each listed company outside the
    EEA is a destination, but not the controller (in the EEA) nor a company the list says receives no data."""
    report = scan(scanner, GROUP[lang], lang)
    assert {t.destination for t in report.transfers} == {"CA", "IN"}
    # The passage on the group names no company: the entry that names it is the quote.
    india = next(t for t in report.transfers if t.destination == "IN")
    assert india.evidence[0].quote.startswith("Quorvant Tech Pvt. Ltd., 12 Ring Road")


GUARDS = {
    "en": [
        # The group's companies are listed, but no passage says they receive data.
        "# Quorvant Privacy Notice\n\n## 3. About us\n\nQuorvant is a family of companies.\n\n## 9. Our group "
        "companies\n\n- Quorvant Services Inc., 200 Lake Road, Toronto, Ontario M5J 2N1, Canada: sales.\n",
        # A representative and a supervisory authority with their addresses.
        "# Quorvant Privacy Notice\n\n## 3. Sharing\n\nWe share your data with Halvern Rep Ltd only where the law "
        "requires it.\n\n## 9. Representative\n\nHalvern Rep Ltd, 3 Dock Road, London E1 7AA, United Kingdom, is "
        "our representative in the United Kingdom.\n",
        # A former company of the group.
        "# Quorvant Privacy Notice\n\n## 3. Sharing\n\nWe share your data with Quorvant Labs Inc.\n\n## 9. Group\n\n"
        "- Quorvant Labs Inc., 9 Pine Street, Austin, TX 78701, United States: former subsidiary.\n",
        # The passage denies that the company receives data.
        "# Quorvant Privacy Notice\n\n## 3. Sharing\n\nQuorvant Labs Inc. does not receive or access your data.\n\n"
        "## 9. Group\n\n- Quorvant Labs Inc., 9 Pine Street, Austin, TX 78701, United States: research.\n",
    ],
    "de": [
        "# Datenschutzerklärung\n\n## 3. Über uns\n\nDie Quorvant GmbH gehört zur Quorvant-Gruppe.\n\n## 9. "
        "Gesellschaften der Quorvant-Gruppe\n\n- Quorvant Services Inc., 200 Lake Road, Toronto, Ontario M5J 2N1, "
        "Kanada (Vertrieb)\n",
        "# Datenschutzerklärung\n\n## 3. Weitergabe\n\nIhre Daten werden an die Halvern Rep Ltd weitergegeben, "
        "soweit das Gesetz es verlangt.\n\n## 9. Vertreter\n\nHalvern Rep Ltd, 3 Dock Road, London E1 7AA, "
        "Vereinigtes Königreich (unser Vertreter im Vereinigten Königreich)\n",
        "# Datenschutzerklärung\n\n## 3. Weitergabe\n\nIhre Daten werden an die Quorvant Labs Inc. übermittelt.\n\n"
        "## 9. Gruppe\n\n- Quorvant Labs Inc., 9 Pine Street, Austin, TX 78701, USA (ehemalige Tochtergesellschaft)\n",
        "# Datenschutzerklärung\n\n## 3. Weitergabe\n\nDie Quorvant Labs Inc. erhält keine Daten und hat keinen "
        "Zugriff auf Ihre Daten.\n\n## 9. Gruppe\n\n- Quorvant Labs Inc., 9 Pine Street, Austin, TX 78701, USA "
        "(Forschung)\n",
    ],
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in GUARDS.items() for text in texts], ids=lambda v: v[:2]
)
def test_seats_no_destination_without_data_or_for_a_party_that_receives_none(scanner, lang, text):
    """An address alone, a representative's, a former company's, or one of a company said to receive no data gives
    no destination."""
    assert destinations(scanner, text, lang) == set()


def test_seats_the_controllers_own_address_is_no_destination(scanner):
    """The vendor that processes the data itself sits where it sits: its own address is no recipient's seat."""
    text = (
        "# Brinlow Privacy Policy\n\nBrinlow Inc. (\u201cBrinlow\u201d, \u201cwe\u201d) provides the Brinlow app.\n\n"
        "## Processing\n\nBrinlow Inc. processes your data to provide the app.\n\n## Contact\n\nBrinlow Inc., "
        "77 Harbor Drive, Boston, MA 02110, United States.\n"
    )
    assert "US" not in destinations(scanner, text, "en")


def test_seats_names_in_a_sentence_keep_their_legal_form(scanner):
    """A sentence's company names are read as runs of capitalised words closed by a legal form, a comma before the
    form included ("Acme, Inc."), so a brand alone ("Quorvant is ...") is told from a company."""
    words = scanner._lexicon.recipients
    assert isinstance(words, RecipientWords)
    names = list(_names("Requests go to Quorvant Labs Pte. Ltd. (see Section 9) and Dalwick, Inc.", words))
    assert ("quorvant labs", True) in names and ("dalwick", True) in names
    assert ("quorvant", False) in list(_names("Quorvant is a family of companies.", words))


def test_seats_a_processor_commissioned_by_us_is_not_excluded_as_an_officer(scanner):
    """„von uns beauftragte" is how German introduces a processor; only the officers' titles
    („Datenschutzbeauftragte", „Landesbeauftragte") exclude an entry."""
    text = (
        "# Datenschutzerklärung\n\n## 4. Weitergabe\n\nIhre Bestelldaten werden an die von uns beauftragte Tollomir Labs "
        "Pte. Ltd. übermittelt.\n\n## 12. Anschriften\n\n- Tollomir Labs Pte. Ltd., 8 Marina View, Singapur 018960, "
        "Singapur\n"
    )
    assert destinations(scanner, text, "de") == {"SG"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Processors\n\nPaper forms are scanned by our service provider Quillmere Data "
            "Pvt. Ltd., which receives the scanned documents.\n\n## Addresses\n\nQuillmere Data Pvt. Ltd., "
            "Koramangala, Bengaluru 560034, India\n",
            {"IN"},
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Dienstleister\n\nPapierformulare werden an die Quillmere Data Pvt. Ltd. "
            "übermittelt, die sie erfasst.\n\n## Anschriften\n\nQuillmere Data Pvt. Ltd., Koramangala, Bengaluru "
            "560034, Indien\n",
            {"IN"},
        ),
        (
            "en",
            "# Privacy Policy\n\n## Processors\n\nWe share your data with Quillmere Data.\n\n## Partners\n\n"
            "Quillmere Data, Brightwell Labs, Northcote Studio, India\n",
            set(),
        ),
    ],
)
def test_seats_an_address_whose_first_part_follows_the_legal_form(scanner, lang, text, expected):
    """A legal form before the first comma closes the name, though another word follows it ("... Pvt. Ltd.,
    Koramangala, ..."); without a legal form, words between commas list names, not an address."""
    assert destinations(scanner, text, lang) == expected


GLOSSARIES = {
    "en": (
        "# Privacy notice\n\n## 3. Features\n\nNightly copies of your routes are kept by our backup provider (see the "
        "glossary).\n\n## 4. Transfers\n\nIf a provider named in the glossary processes data outside the EEA, we rely on the "
        "adequacy decision for its country.\n\n## 9. Glossary\n\n"
        "Backup provider: Ferncliff Storage Inc., Halifax; the copies are kept in a data centre in Vancouver (Canada).\n\n"
        "Route: the series of points your device records on a hike.\n\n"
        "Transfer country: any country outside the EEA, such as Japan.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## 3. Funktionen\n\nNächtliche Kopien Ihrer Routen liegen bei unserem "
        "Backup-Dienstleister (siehe Glossar).\n\n## 4. Übermittlungen\n\nSoweit ein im Glossar genannter Dienstleister "
        "außerhalb des EWR tätig ist, stützen wir uns auf den Angemessenheitsbeschluss für sein Land.\n\n## 9. Glossar\n\n"
        "Backup-Dienstleister: Ferncliff Storage Inc., Halifax; die Kopien liegen in einem Rechenzentrum in Vancouver "
        "(Kanada).\n\n"
        "Route: die Folge von Punkten, die Ihr Gerät auf einer Wanderung aufzeichnet.\n\n"
        "Übermittlungsland: jedes Land außerhalb des EWR, etwa Japan.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_seats_a_glossary_entry_for_a_provider_places_it(scanner, lang):
    """A glossary's entry for the provider the text refers to by its role names the company and where it keeps the
    data: that is where the data goes, though the entry has the form of a definition; the glossary's other entries
    define words and place nothing."""
    report = scan(scanner, GLOSSARIES[lang], lang)
    assert {t.destination for t in report.transfers} == {"CA"}


OWN_CONTROLLER = {
    "en": [
        "# Privacy Notice\n\nThe Pellworth Foundation, a Swiss foundation, located at Seestrasse 12, 8002 Zurich, "
        "Switzerland (\u201cwe\u201d, \u201cus\u201d) is the operator of the pellworth.org websites.\n",
        "# Privacy Notice\n\nTarnlow Holdings Ltd (a company incorporated under the laws of the Republic of "
        "Seychelles, address at Suite 4, Victoria, Mahe, Seychelles) is your operating entity and data controller.\n",
    ],
    "de": [
        "# Datenschutz\n\nDie Pellworth-Stiftung, eine Schweizer Stiftung mit Adresse Seestrasse 12, 8002 Zürich, "
        "Schweiz (\u201ewir\u201c, \u201euns\u201c), ist die Betreiberin dieser Website.\n",
        "# Datenschutz\n\nDie Tarnlow Holdings Ltd (eingetragen nach dem Recht der Seychellen, Anschrift Suite 4, "
        "Victoria, Seychellen) ist Ihr Verantwortlicher und betreibt die Plattform.\n",
    ],
}


@pytest.mark.parametrize(
    ("lang", "text"), [(lang, text) for lang, texts in OWN_CONTROLLER.items() for text in texts], ids=lambda v: v[:2]
)
def test_seats_the_readers_own_controller_sits_where_it_sits(scanner, lang, text):
    """A sentence saying who the reader's controller is ("is your data controller", or the speaker defined as "we")
    gives its seat, which counts as no destination."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Notice\n\nTarnlow Holdings Ltd, based in the Seychelles, is your data controller and stores "
            "your data in the Seychelles.\n",
        ),
        (
            "en",
            "# Privacy Notice\n\nThe Pellworth plug-in is run by Quillon LLC, located in the USA, which is the "
            "operator of the plug-in and receives your IP address.\n",
        ),
        (
            "de",
            "# Datenschutz\n\nDie Tarnlow Holdings Ltd mit Sitz auf den Seychellen ist Ihr Verantwortlicher und "
            "speichert Ihre Daten auf den Seychellen.\n",
        ),
    ],
)
def test_seats_a_controller_that_keeps_the_data_where_it_sits_places_it_there(scanner, lang, text):
    """Where the sentence naming the controller also keeps or sends the data, its place stays a destination; so does a
    plug-in operator's seat."""
    assert destinations(scanner, text, lang) - {"UNSPECIFIED"} != set()


USERS_ELSEWHERE = {
    "en": (
        "# Privacy Policy\n\n## 7. Users from the United States\n\nIf you live in the United States, your account data "
        "is stored in the United States.\n\n## 8. Visitors from Brazil\n\nYour account data will be stored in the "
        "United States.\n\n## 9. Visitors from the European Economic Area and the UK\n\nYour account data will be "
        "stored in Singapore.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## 7. Nutzer aus den USA\n\nWenn Sie in den USA wohnen, speichern wir Ihre "
        "Kontodaten in den USA.\n\n## 8. Nutzer aus Brasilien\n\nIhre Kontodaten werden in den USA gespeichert.\n\n"
        "## 9. Nutzer aus dem EWR und der Schweiz\n\nIhre Kontodaten werden in Singapur gespeichert.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_seats_storage_for_the_users_of_a_place_outside_the_eea_exports_nothing(scanner, lang):
    """A section for users of places outside the EEA speaks of data collected there: where it keeps that data is no
    export from the EEA; a section naming the EEA still places its users' data."""
    assert destinations(scanner, USERS_ELSEWHERE[lang], lang) == {"SG"}


USERS_UNDER_AN_EXPORT_REGIME = {
    "en": (
        "# Privacy Policy\n\n## 7. Users in the United Kingdom\n\nYour account data is stored in Singapore under the UK "
        "Addendum to the standard contractual clauses.\n\n## 8. Users in Switzerland\n\nYour account data is stored "
        "in Zurich.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## 7. Nutzer im Vereinigten Königreich\n\nIhre Kontodaten werden in Singapur "
        "gespeichert.\n\n## 8. Nutzerinnen und Nutzer in der Schweiz\n\nWir speichern Ihre Kontodaten in "
        "Zürich.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_seats_storage_for_users_in_the_uk_or_switzerland_still_counts(scanner, lang):
    """The UK and Switzerland restrict exports as Chapter V does: a section for their users discloses transfers."""
    assert destinations(scanner, USERS_UNDER_AN_EXPORT_REGIME[lang], lang) >= {"SG", "CH"}


OVER_A_POLICY_FOR_ITS_USERS = {
    "en": (
        "# Privacy Policy for users of the Quillmoor app\n\n## 5. Transfers to the United States\n\nWe transfer your "
        "account data to our hosting provider in the United States.\n"
    ),
    "de": (
        "# Datenschutzhinweise für Kunden im Quillmoor-Shop\n\n## 5. Datenübermittlung an Dienstleister in den USA\n\n"
        "Wir übermitteln Ihre Kontodaten an unseren Hostinganbieter in den USA.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_seats_a_title_for_the_apps_users_heads_no_section_for_users_elsewhere(scanner, lang):
    """A title naming the users of an app or shop, over a section naming the country data is sent to, is a policy for
    everyone: that country is where the data goes, not where the section's readers live."""
    assert destinations(scanner, OVER_A_POLICY_FOR_ITS_USERS[lang], lang) == {"US"}


USERS_NAMED_OTHERWISE = {
    "en": (
        "# Privacy Policy\n\n## Users from Brazil and Mexico\n\nYour account data will be stored in the United States."
        "\n\n## California Residents\n\nYour account data will be stored in Canada.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Wenn Sie in Brasilien wohnen\n\nIhre Kontodaten werden in den USA gespeichert."
        "\n\n## Nutzer aus Mexiko und Peru\n\nIhre Kontodaten werden in Kanada gespeichert.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_seats_users_of_a_list_of_places_or_named_after_their_place_read_as_before(scanner, lang):
    """Users of each place of a list, or named after their place, head a section for users outside the EEA."""
    assert destinations(scanner, USERS_NAMED_OTHERWISE[lang], lang) == set()


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("# Privacy Policy\n\n## US Users\n\nYour account data will be stored in the United States.\n", "US"),
        (
            "# Privacy Policy\n\n## Information for Canadian customers\n\nWe transfer your account data to our host "
            "in Canada.\n",
            "CA",
        ),
    ],
)
def test_seats_a_country_before_a_plain_users_word_heads_no_section_for_users_elsewhere(scanner, text, country):
    """A plain users word after a country ("US Users", "Canadian customers") is not read as residence (only "…
    Residents" is), so the country the section sends data to stays a destination, as before the users-section rule.
    (German headings naming a country, „Hinweise für kanadische Kunden", are held back earlier, by the rule for a
    place a heading repeats: no German case here.)"""
    assert destinations(scanner, text, "en") == {country}
