"""Mends of round 30's destination shapes (issue 17): an entry line naming a recipient and its seat, nouns and longer
objects of sending, staff working from a place, „in die" after a time, a denial over a list of bare verbs, and places
of offices set against data kept only in the EEA.

Every sentence is written for these tests (fictional vendors).
"""

from __future__ import annotations

import pytest


def destinations(scanner, text, lang):
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    return {t.destination for t in report.transfers}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A label of the work, a colon, the company by its legal form and where it is.
        ("en", "Invoice scanning: Parchment Works Ltd., Leeds, United Kingdom.", {"GB"}),
        ("de", "Belegerfassung: Parchment Works Ltd., Leeds, Vereinigtes Königreich.", {"GB"}),
        ("en", "Offsite backups: Vaultline AG, Basel, Switzerland (encrypted copies of the database).", {"CH"}),
        ("de", "Externe Sicherung: Vaultline AG, Basel, Schweiz (verschlüsselte Kopien der Datenbank).", {"CH"}),
        ("en", "Translation (language provider): Wordbridge Inc., Austin, USA – the texts you submit.", {"US"}),
        # Under a label naming work, places alone; a city the gazetteer lacks stands beside its country.
        ("en", "Helpdesk support: Brno (Czechia), Cebu (Philippines).", {"PH"}),
        ("de", "Support: Brünn (Tschechien), Cebu (Philippinen).", {"PH"}),
        # Nouns of sending to a party.
        ("en", "Forwarding of your passport details to the consulate agency in Ghana is needed for the visa.", {"GH"}),
        ("en", "Provision of claim data to the loss adjuster in Bermuda happens once a quarter.", {"BM"}),
        ("de", "Die Bereitstellung der Schadendaten an den Gutachter auf den Bermudas erfolgt quartalsweise.", {"BM"}),
        ("de", "Die Weiterleitung Ihrer Passdaten an die Visaagentur in Ghana ist für das Visum nötig.", {"GH"}),
        # A longer object, or a purpose, between the verb and its recipient.
        (
            "de",
            "Melden Sie sich zum Austausch an, senden wir Ihren Lebenslauf und Ihre Zeugnisse an die Gastschule in Kanada.",
            {"CA"},
        ),
        ("en", "X-ray images may be uploaded for an expert review to a dental specialist in Canada.", {"CA"}),
        # People logging in to a system, or who will see the data, where they are.
        (
            "en",
            "The ticketing tool is hosted in Dublin, but the vendor's engineers in Belgrade may log in to it.",
            {"RS"},
        ),
        # Staff named otherwise than a team, working from a place.
        ("en", "Our claims staff work from Warsaw and Nairobi.", {"KE"}),
        ("de", "Unsere Mitarbeiter arbeiten von Warschau und Nairobi aus.", {"KE"}),
        # „in die" after a time goes towards the country as „nach" does.
        ("de", "Wir schicken die Reisedaten nach Ihrer Anmeldung in die USA.", {"US"}),
        ("de", "Wir senden Ihre Unterlagen nach der Prüfung in den Iran und in die Türkei.", {"IR", "TR"}),
    ],
)
def test_a_recipient_named_in_these_shapes_is_a_destination(scanner, lang, text, expected):
    """Each shape names where the data goes."""
    assert expected <= destinations(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The vendor's own seat or contact under an entry's label.
        ("en", "Owner: Kestrel Media Inc., Boston, USA."),
        ("en", "Controller: Kestrel Media Ltd., Leeds, United Kingdom."),
        ("de", "Verantwortlicher: Kestrel Media AG, Basel, Schweiz."),
        ("en", "Offices: Leeds (UK), Boston (USA)."),
        # "provision" of a service, not of data.
        ("en", "The provision of our app to users in Canada follows the same terms."),
        # A company saying what it is and where it works from.
        ("en", "We are a small design studio operating from Belgrade."),
        ("en", "Kestrel is a family company working from Nairobi."),
        # The time's event where it takes place (dative), and a journey's destination.
        ("de", "Wir senden die Rechnung nach Ihrer Buchung in der Schweiz."),
        ("de", "Wir senden die Bestätigung nach Ihrer Buchung der Rundreise in die USA."),
        # One negation over bare verbs listed with commas.
        ("en", "We do not lease, trade or transfer customer data to Canada."),
        ("en", "We do not lease, trade and transfer customer data to Canada."),
        # Sending the system prevents.
        ("en", "Forwarding of logs to the parent company in Canada is technically blocked."),
        ("de", "Eine Weiterleitung der Protokolle an die Muttergesellschaft in Kanada ist technisch unterbunden."),
        # Offices or members placed, the data kept only in the EEA.
        (
            "en",
            "The network has partner schools in France, Canada and Brazil; the pupils' data, however, is stored only in Lyon.",
        ),
        (
            "de",
            "Die Gruppe hat Standorte in Graz, Basel und Turin; die Kundendaten werden jedoch ausschließlich in Graz verarbeitet.",
        ),
        (
            "en",
            "We advise clients in Canada and Japan, but survey data from the EU is kept only on our servers in Lisbon.",
        ),
    ],
)
def test_these_shapes_name_no_destination(scanner, lang, text):
    """Each shape names a place the data does not go to."""
    assert not destinations(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A part saying who works on the data keeps its place beside data kept in the EEA elsewhere.
        (
            "en",
            "Our offices are in Paris and Toronto, and our Toronto team reads support tickets; data is stored only in Paris.",
            "CA",
        ),
        # A denial ends at a verb with words of its own.
        ("en", "We do not sell data, but we transfer it to our processor in Canada.", "CA"),
        # A screening bureau that works on the data from where it operates.
        ("en", "Tenant applications are reviewed by a vetting agency operating from Belgrade.", "RS"),
    ],
)
def test_what_the_mends_leave_standing(scanner, lang, text, expected):
    """The narrower readings keep the destinations they are not about."""
    assert expected in destinations(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # People whose work is on the data, placed with a word that only says where they are: where the data is reached
        # from, beside the place it rests in.
        (
            "en",
            "Our claims analysts are located in South Africa; policy data is held only in our Dublin data centre.",
            {"ZA"},
        ),
        (
            "de",
            "Unsere Servicemitarbeiterinnen befinden sich in Serbien; die Vertragsdaten liegen ausschließlich in Wien.",
            {"RS"},
        ),
        # The company's people in general, or its offices: its footprint, set against the data's resting place.
        (
            "en",
            "Our employees are located in Mexico and Chile; policy data is held only in our Dublin data centre.",
            set(),
        ),
        (
            "de",
            "Unsere Mitarbeiter befinden sich in Mexiko und Chile; die Vertragsdaten liegen ausschließlich in Wien.",
            set(),
        ),
    ],
)
def test_people_at_work_placed_beside_data_kept_in_the_eea(scanner, lang, text, expected):
    """A part placing people who work on the data ("analysts", „Servicemitarbeiterinnen") is not set against the
    EEA place the data is kept in, however plainly it places them; employees in general are."""
    assert destinations(scanner, text, lang) == expected
