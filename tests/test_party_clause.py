"""A party placed at work counts only by what its own clause says, and a use only contemplated is no destination
(issue 17; round 29).

Every sentence is written for these tests (fictional vendors): an office, team or partner abroad is where data goes
when its own clause has someone handle the data, not when another clause of the sentence does; a sub-processor a
vendor may one day engage is a plan.
"""

from __future__ import annotations

import pytest


def destinations(scanner, text, lang):
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy")
    return {t.destination for t in report.transfers}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # The party's own clause has it work on the data, whatever another clause denies.
        ("en", "Our partner in Serbia reviews the support tickets.", {"RS"}),
        ("en", "Support staff in Manila can access your account data.", {"PH"}),
        ("en", "We do not sell data, and our team in India reviews support tickets.", {"IN"}),
        ("de", "Wir verkaufen keine Daten, und unser Team in Indien bearbeitet die Supportanfragen.", {"IN"}),
        ("en", "Our testers in Vietnam, however, access your account data to reproduce errors.", {"VN"}),
        ("de", "Alle Daten liegen in Frankfurt; unser Team in Kanada greift jedoch darauf zu.", {"CA"}),
        ("en", "We host all data in Frankfurt, and our engineers in Canada can access it for support.", {"CA"}),
        # A later clause pointing back to the party's place ("there", „dorthin") sends the data there.
        (
            "en",
            "We send login codes through a text-message gateway in Kenya; your phone number is passed there.",
            {"KE"},
        ),
        (
            "de",
            "Codes verschicken wir über einen SMS-Dienst aus Kenia; Ihre Mobilnummer wird dazu dorthin übertragen.",
            {"KE"},
        ),
        (
            "de",
            "Mitglieder können in Partnerstudios in Kanada trainieren; dabei wird ihr Foto an das Studio übermittelt.",
            {"CA"},
        ),
        # A provider the vendor engages handles the data another clause names.
        ("en", "All client data stays in the EU; for text messages, however, we use a provider in the UK.", {"GB"}),
        (
            "de",
            "Sämtliche Mitgliederdaten liegen in der EU; lediglich der Versand erfolgt über einen Dienstleister in der Schweiz.",
            {"CH"},
        ),
        # Offices and branches listed before the clause that says where the data is.
        (
            "en",
            "Lumenfold has offices in Dublin, Toronto and Sydney, but all customer data is hosted in Frankfurt.",
            set(),
        ),
        ("en", "Our firm has branches in Graz, Zurich and Milan; client files are processed only in Graz.", set()),
        ("de", "Wir haben ein Büro in Kanada, aber Ihre Daten werden in Frankfurt gespeichert.", set()),
        ("de", "Alle Daten hosten wir in Frankfurt; Kollegen in Kanada helfen.", set()),
        ("en", "Lumenfold runs an office in Canada; no personal data is sent there.", set()),
        # Staff who touch no personal data after a denial.
        ("de", "Wir übermitteln keine Daten, und unser Team in Indien liest nur Handbücher.", set()),
        ("en", "We transfer no data abroad, and our studio in Japan only draws the icons.", set()),
    ],
)
def test_party_is_placed_by_its_own_clause(scanner, lang, text, expected):
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A use the vendor only contemplates, whoever is named as its subject.
        ("en", "Should Provider in future engage a sub-processor in India, it will inform Customer first.", set()),
        (
            "de",
            "Sollte der Anbieter künftig einen Unterauftragsverarbeiter in Indien einsetzen, informiert er vorab.",
            set(),
        ),
        ("en", "If Quillmark in future uses a hosting provider in Canada, it will update this notice.", set()),
        # What the vendor may do now, and a current provider after the plan, still count.
        ("en", "Provider may engage a sub-processor in India.", {"IN"}),
        ("de", "Der Anbieter darf einen Unterauftragsverarbeiter in Indien einsetzen.", {"IN"}),
        (
            "en",
            "Should Provider in future engage new sub-processors, it will inform Customer; "
            "its current hosting provider stores data in the United States.",
            {"US"},
        ),
    ],
)
def test_contemplated_engagement_is_no_destination(scanner, lang, text, expected):
    assert destinations(scanner, text, lang) == expected


WORKING_ABROAD = {
    "en": (
        "If one of our providers operates outside the EEA, we rely on the adequacy decision for its country.",
        "Where support staff must access the data from outside the EEA, we rely on the SCCs.",
    ),
    "de": (
        "Soweit einer unserer Dienstleister außerhalb des EWR tätig ist, stützen wir uns auf den "
        "Angemessenheitsbeschluss für sein Land.",
        "Soweit Support-Mitarbeitende von außerhalb des EWR auf die Daten zugreifen müssen, stützen wir uns auf die SCC.",
    ),
}
HOSTED = {
    "en": "# Privacy notice\n\n## Transfers\n\nOur hosting provider Ferncliff Inc. stores the data in Canada.\n\n",
    "de": "# Datenschutzerklärung\n\n## Übermittlungen\n\nUnser Hosting-Anbieter Ferncliff Inc. speichert die Daten in Kanada.\n\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_party_clause_a_provider_working_abroad_under_a_condition_stays_a_condition(scanner, lang):
    """A provider that "operates"/„tätig ist" outside the EEA under a condition says where it works: with a country
    named elsewhere the condition adds no open destination. Staff who must reach the data from outside the EEA do,
    whatever condition frames it."""
    works, reaches = WORKING_ABROAD[lang]
    for sentence, want in ((works, {"CA"}), (reaches, {"CA", "UNSPECIFIED"})):
        report = scanner.scan_text(
            HOSTED[lang] + sentence + "\n", language=lang, format="markdown", doc_type="privacy_policy"
        )
        assert {t.destination for t in report.transfers} == want, sentence


@pytest.mark.parametrize(
    ("lang", "heading", "line"),
    [
        (
            "en",
            "# Sub-processors\n\n## Helpline Ltd\n\n",
            "Location: Dublin, Ireland; second-line agents in Cape Town.",
        ),
        (
            "de",
            "# Unterauftragsverarbeiter\n\n## Helpline Ltd\n\n",
            "Standort: Dublin, Irland; Support-Mitarbeitende in Kapstadt.",
        ),
    ],
)
def test_party_clause_a_field_label_governs_every_item_of_its_line(scanner, lang, heading, line):
    """A field's label opening the line ("Location:", „Standort:") governs each item after its colon, a semicolon
    between them or not: the agents in Cape Town are where the sub-processor works on the data."""
    report = scanner.scan_text(heading + line + "\n", language=lang)
    assert {t.destination for t in report.transfers} == {"ZA"}
