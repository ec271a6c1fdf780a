"""Destinations read from single sentences: transfer shapes and non-destination roles (issue 17; round 29).

Every sentence is written for these tests (fictional vendors); each shape has a sentence that must give the place and
one sharing its words that must not.
"""

from __future__ import annotations

import pytest


def destinations(scanner, text, lang):
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    return {t.destination for t in report.transfers}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # City names in the spellings in use, so that a list of cities goes on past them.
        ("en", "Nightly snapshots are kept at the recovery sites in Reykjavik and Montreal.", "CA"),
        ("de", "Die Reisekostenabrechnung wird von unseren Servicezentren in Krakau und Chennai erstellt.", "IN"),
        (
            "de",
            "Die Mahnungen erledigt unsere Tochtergesellschaft in Luzern, die dafür Ihre Rechnungsdaten erhält.",
            "CH",
        ),
        ("de", "Unser Entwicklungsteam in Kyjiw hat Lesezugriff auf die Datenbank der Plattform.", "UA"),
        ("de", "Die Sicherungskopien liegen bei einem Anbieter im asiatisch-pazifischen Raum.", "UNSPECIFIED"),
        # Verbs and nouns of moving or working on the data.
        ("en", "Claimant details may be communicated to our settlement agent in Canada.", "CA"),
        ("de", "Die Bearbeitung der Mitgliederdaten erfolgt in Kanada.", "CA"),
        ("de", "Der Abruf der Kundendaten durch Techniker der kanadischen Konzerngesellschaft ist erlaubt.", "CA"),
        ("de", "Die Angaben, die unser Reparaturpartner in Japan benötigt, leiten wir ihm zu.", "JP"),
        ("de", "Die Kartendaten werden von einem Dienstleister in Singapur tokenisiert.", "SG"),
        ("en", "Card numbers are tokenised by a payment provider in Singapore.", "SG"),
        ("en", "Our review team in Nairobi listens to recorded support calls.", "KE"),
        ("de", "Vorgesehen ist die Akteneinsicht durch unseren Partner in Kanada.", "CA"),
        ("de", "Die pseudonymisierten Messwerte der Studie sind für Forschende in Kanada abrufbar.", "CA"),
        # Parties at work named by what they are, by their members, or by where they work from.
        ("de", "Die Schadenfotos sichtet ein Team von Gutachtern in Kapstadt.", "ZA"),
        ("en", "Damage photos are checked by a team of loss adjusters in Cape Town.", "ZA"),
        ("en", "Interview notes are transcribed by an agency whose staff work from Manila.", "PH"),
        ("de", "Die Gesprächsinhalte erhält ein Dolmetschdienst, dessen Personal von der Türkei aus tätig ist.", "TR"),
        ("en", "Rental applications are checked by a screening bureau operating from Glasgow.", "GB"),
        ("de", "Bei Großschäden prüft der Rückversicherer auf den Bermudas die Schadenakte.", "BM"),
        # Access from a place, a provider's seat and an island.
        ("de", "Die Fernwartung der Anlage erfolgt durch den Hersteller über eine VPN-Verbindung aus Kanada.", "CA"),
        ("de", "Das Modul eines Analyseanbieters aus Toronto überträgt Nutzungsdaten an dessen Server.", "CA"),
        ("de", "Ihre Angaben werden an den von Ihnen gewählten Makler auf der Isle of Man weitergeleitet.", "IM"),
        # Staff reaching "Ihr Konto" are not users reaching their own.
        ("de", "Mitarbeitende unseres Büros in Toronto können nachts auf Ihr Konto zugreifen.", "CA"),
        # A recipient's seat set off by commas, the recipient then receiving tickets.
        ("en", "Our localisation vendor, headquartered in Lviv, receives support tickets with customers' names.", "UA"),
        # Sub-processors placed in a country with an adequacy decision, data mirrored to a "tower", an address stored.
        ("en", "The Processor may engage Sub-processors in Switzerland, relying on the Swiss adequacy decision.", "CH"),
        ("en", "Order data is mirrored to our forwarder's control tower in Singapore.", "SG"),
        ("en", "We store your billing address in Canada.", "CA"),
        ("de", "Wir speichern Ihre Rechnungsadresse in Kanada.", "CA"),
        # People working from a place who handle the data there.
        ("de", "Unser Kundendienst ist von Tunis aus tätig und beantwortet Ihre Nachrichten.", "TN"),
        # A negation denies its own predicate, not a second one after "and" that sends data.
        ("en", "We do not ask for your consent and base transfers to India on the standard contractual clauses.", "IN"),
        (
            "de",
            "Wir holen keine Einwilligung ein und stützen Übermittlungen nach Indien auf Standardvertragsklauseln.",
            "IN",
        ),
    ],
)
def test_destination_shapes_give_the_place(scanner, lang, text, expected):
    assert expected in destinations(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # „nach" opening a time, not the country after it.
        ("de", "Wir senden die Rechnung nach Ihrer Buchung der Rundreise nach Kanada."),
        # A page anyone may open names no party at work.
        ("de", "Die Datenschutzerklärung der kanadischen Tochtergesellschaft ist auf deren Website abrufbar."),
        ("de", "Fotos vom Vereinsfest sind auf unserer Website weltweit abrufbar."),
        # Providers from a country the sentence only names as partners of business, or does without.
        ("de", "Wir verzichten bewusst auf Dienstleister aus Kanada."),
        ("de", "Unsere Kanzlei berät bei grenzüberschreitenden Geschäften, auch mit Vertragspartnern aus Kanada."),
        # Users reaching their own accounts from where they are.
        ("de", "Nutzer können überall auf der Welt auf ihr Konto zugreifen."),
        # An address delivered to, not stored.
        ("en", "We ship your order to your billing address in Canada."),
        ("de", "Wir liefern an Ihre Lieferadresse in Kanada."),
        # Communicated to the reader, not to a party.
        ("en", "Changes in Canada will be communicated to you by email."),
        # A company or a person working from a place, nothing said of data there.
        ("de", "Wir sind ein Familienbetrieb, der von Izmir aus tätig ist."),
        ("de", "Unsere Gründerin war viele Jahre von Singapur aus tätig."),
        # One negation over verbs joined bare, or over a passive's two participles.
        ("en", "We do not rent and transfer customer data to India."),
        ("de", "Wir vermieten und übermitteln keine Kundendaten nach Indien."),
        ("en", "Customer data is not rented to brokers and transferred to India."),
    ],
)
def test_destination_shapes_that_name_no_destination(scanner, lang, text):
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # An open word or a country inside a company's name ("Worldwide", "Global", a brand's domain before "China").
        (
            "en",
            "Support is provided by our partners Tarvel Worldwide SAS (Colombia) and Quorn Global Ltd (Egypt).",
            {"CO", "EG"},
        ),
        ("de", "Unser Partner Tarvel Worldwide SAS (Kolumbien) beantwortet Ihre Supportanfragen.", {"CO"}),
        ("en", "Fraud checks are run by service providers such as SHOPFOX.COM CHINA LIMITED.", set()),
        ("de", "Betrugsprüfungen übernehmen Dienstleister wie die Shopfox.com China Limited.", set()),
        # The open word itself still opens the places where data goes.
        ("en", "We use Tarvel Worldwide Ltd, which stores the data worldwide.", {"UNSPECIFIED"}),
        ("de", "Wir geben Ihre Daten weltweit an Dienstleister weiter.", {"UNSPECIFIED"}),
    ],
)
def test_destination_shapes_a_company_name_holding_a_place_names_none(scanner, lang, text, expected):
    """A place or an open word written into a company's name says nothing of where data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Within the EU, Orbix Ireland is a \u2018joint controller\u2019, and within the UK, Orbix Platforms is a "
            "\u2018joint controller\u2019, with us for processing where we collect information about you:",
        ),
        ("en", 'Within the UK, Orbix Platforms is a "joint controller" with us for the data its buttons collect.'),
        (
            "de",
            "Innerhalb des Vereinigten Königreichs ist Orbix Platforms \u201egemeinsam verantwortlich\u201c mit uns, "
            "soweit wir Daten über Sie erheben.",
        ),
    ],
)
def test_destination_shapes_a_controllers_status_in_quotation_marks_places_nothing(scanner, lang, text):
    """The status of a controller within a territory, quoted as the law's term, is where it applies, not where data
    goes."""
    assert destinations(scanner, text, lang) == set()
