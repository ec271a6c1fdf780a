"""A section about recipients is known by its headings' words in one pass (dpcheck/extract/recipients.py): the
answer is that of looking for each word in turn."""

from __future__ import annotations

import random

import pytest

from dpcheck.extract import Lexicon


def test_recipient_sections_as_word_by_word(scanner):
    words = Lexicon.from_data(scanner.ruleset.lexicon).recipients
    paths = [
        ("Privacy Policy", "5. Sharing with other companies", "Service Providers we use"),
        ("Datenschutzerklärung", "Empfänger Ihrer Daten"),
        ("DPA", "Annex 3: Sub-Processors"),
        ("Auftragsverarbeitungsvertrag", "Unterauftragsverhältnisse"),
        ("Privacy Policy", "Your rights"),
        ("Datenschutzerklärung", "Ihre Rechte"),
        (),
    ]
    rng = random.Random(11)
    pieces = [*words.sections, "THIRD PART", "Anbieter", "the ", "our ", "Daten ", "rights", "-", " "]
    paths += [
        tuple("".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(2)) for _ in range(500)
    ]
    for path in paths:
        assert words.recipient_section(path) is any(part in h.lower() for h in path for part in words.sections)
    assert sum(words.recipient_section(p) for p in paths[:6]) == 4


HEADED_LISTS = {
    "en": (
        "# Sub-processors\n\nWe use the sub-processors below to run the service.\n\n"
        "## Sub-processors located in the EU\n\n- Brightwell: hosting of the application.\n- Quorn: e-mail.\n\n"
        "## Sub-processors located outside the EU\n\n- Tallimo: the support desk.\n- Pennyrate: payments.\n\n"
        "## Sub-processors in Canada\n\nNone at present.\n"
    ),
    "de": (
        "# Unterauftragsverarbeiter\n\nWir setzen die folgenden Unterauftragsverarbeiter ein.\n\n"
        "## Unterauftragsverarbeiter in der EU\n\n- Brightwell: Hosting der Anwendung.\n- Quorn: E-Mail-Versand.\n\n"
        "## Unterauftragsverarbeiter außerhalb der EU\n\n- Tallimo: Kundensupport.\n- Pennyrate: Zahlungen.\n\n"
        "## Unterauftragsverarbeiter in Kanada\n\nDerzeit keine.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipient_sections_a_heading_places_the_entries_listed_under_it(scanner, lang):
    """A heading naming sub-processors and where they are, over a list of them, says where each entry is: the list
    under "outside the EU" goes somewhere left open. A heading over prose only names the section's subject."""
    report = scanner.scan_text(HEADED_LISTS[lang], language=lang, doc_type="subprocessor_list", format="markdown")
    assert {t.destination for t in report.transfers} == {"UNSPECIFIED"}


PLACED_LISTS = {
    "en": (
        "# Data Processing Agreement\n\n## § 6 Sub-processors\n\n### 6.1 Approval\n\n"
        "| Sub-processor | Location | Service |\n|---|---|---|\n"
        "| Pellworth Inc. | USA | Hosting |\n| Marrow Ltd | United Kingdom | Support desk |\n"
        "| Ostrava Mail s.r.o. | Czechia | E-mail |\n\n"
        "### 6.2 Standard Contractual Clauses + EU-US DPF\n\nFor transfers to third countries (in particular the USA) the "
        "following apply:\n"
        "- **EU Standard Contractual Clauses** (Commission Decision 2021/914), and/or\n"
        "- **EU-US Data Privacy Framework** for certified providers.\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## § 6 Unterauftragsverarbeiter\n\n### 6.1 Genehmigung\n\n"
        "| Unterauftragsverarbeiter | Standort | Leistung |\n|---|---|---|\n"
        "| Pellworth Inc. | USA | Hosting |\n| Marrow Ltd | Vereinigtes Königreich | Kundensupport |\n"
        "| Ostrava Mail s.r.o. | Tschechien | E-Mail-Versand |\n\n"
        "### 6.2 Standardvertragsklauseln + EU-US DPF\n\nFür Datenübermittlungen in Drittländer (insbesondere USA) "
        "gelten:\n"
        "- **EU-Standardvertragsklauseln** (Beschluss (EU) 2021/914), und/oder\n"
        "- **EU-US Data Privacy Framework** für zertifizierte Anbieter.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_recipient_sections_countries_given_as_examples_beside_a_list_placing_every_sub_processor(scanner, lang):
    """Among the terms on sub-processors, "third countries (in particular the USA)" gives an example of the countries
    their list names in full: where that list places every one, nothing is left open. The tools listed after it are
    no recipients."""
    report = scanner.scan_text(PLACED_LISTS[lang], language=lang, doc_type="dpa", format="markdown")
    assert {t.destination for t in report.transfers} == {"US", "GB"}
    assert not [
        r.name for r in report.recipients if "Framework" in r.name or "Clauses" in r.name or "klauseln" in r.name
    ]
