"""Mends of round 29's destination shapes (issue 17): a „nach" of time after a sending cue drops no country of a list
nor one with a „nach" of its own; a provider's place is no seat when the data comes to us from it.

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
        # A list the cue's own „nach" opens goes on past its first country.
        ("de", "Die Bestelldaten gehen nach Vietnam und in die Türkei.", {"VN", "TR"}),
        ("de", "Wir senden die Lieferscheine nach Kenia, Peru und Chile.", {"KE", "PE", "CL"}),
        ("en", "We send the delivery notes to Kenya, Peru and Chile.", {"KE", "PE", "CL"}),
        # After a time, a country with a „nach" of its own is where the data goes; so is the rest of its list.
        ("de", "Die Reklamationen gehen nach Prüfung durch unseren Kundendienst nach Vietnam.", {"VN"}),
        ("de", "Wir senden die Belege nach der Freigabe nach Kenia oder Peru.", {"KE", "PE"}),
        ("en", "After approval by our staff, the receipts are sent to Kenya or Peru.", {"KE", "PE"}),
    ],
)
def test_a_time_after_the_cue_drops_no_country_the_data_goes_to(scanner, lang, text, expected):
    assert expected <= destinations(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # The journey after the time is where the reader travels.
        ("de", "Wir senden den Reiseplan nach Ihrer Anmeldung zur Kreuzfahrt nach Peru und Chile."),
        ("en", "We email the itinerary after you book your cruise to Peru and Chile."),
    ],
)
def test_a_journey_after_a_time_is_no_destination(scanner, lang, text):
    assert not destinations(scanner, text, lang) & {"PE", "CL"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A provider's place the data comes to us from is its source, not its seat.
        ("de", "Ein Auskunfteianbieter aus den USA übermittelt uns Ihre Bonitätsdaten."),
        ("de", "Die Messdaten eines Sensoranbieters aus den USA übertragen wir an unsere Server in Frankfurt."),
        ("en", "A credit agency from the United States sends us your credit score."),
    ],
)
def test_a_provider_sending_to_us_is_a_source(scanner, lang, text):
    assert "US" not in destinations(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # A provider's own servers still receive what its code sends (the seat the round-29 rule reads).
        ("de", "Das SDK eines Analyseanbieters aus den USA überträgt Nutzungsdaten an dessen Server."),
        ("en", "The SDK of an analytics provider from California transmits usage data to its servers."),
    ],
)
def test_a_provider_receiving_on_its_servers_keeps_its_place(scanner, lang, text):
    assert "US" in destinations(scanner, text, lang)
