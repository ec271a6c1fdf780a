"""Document type: the title decides, the type named first wins, the body decides otherwise."""

from __future__ import annotations

import pytest

from dpcheck.extract.doctype import classify
from dpcheck.ingest import load_text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("# Privacy Policy\n\nTerms\n\nCurrent Subprocessors List\n\nWe collect your email address.", "privacy_policy"),
        ("# Datenschutzerklärung\n\nWir erheben Ihre E-Mail-Adresse.", "privacy_policy"),
        ("# Data Processing Addendum\n\nThe Processor shall process Customer Personal Data.", "dpa"),
        ("# Vereinbarung zur Auftragsverarbeitung\n\nDer Auftragnehmer verarbeitet Daten im Auftrag.", "dpa"),
        ("# Sub-processors\n\n| Name | Location |\n|---|---|\n| Cloudy Inc. | United States |", "subprocessor_list"),
        ("# Anlage 2\n\n## Unterauftragsverhältnisse\n\nHostwerk GmbH, Rechenzentrum in Nürnberg", "subprocessor_list"),
        ("# Security Whitepaper\n\nOur platform encrypts data at rest.", "other"),
        ("# Acme Processors\n\n| Name | Location |\n|---|---|\n| Cloudy Inc. | United States |", "subprocessor_list"),
        ("# Unsere Auftragsverarbeiter\n\n| Name | Standort |\n|---|---|\n| Wolke AG | Schweiz |", "subprocessor_list"),
    ],
)
def test_doctype_from_title_and_body(text, expected):
    """Titles in English and German decide the type; the one named first wins."""
    assert classify(load_text(text, format="markdown")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# Acme Data Protection Agreement\n\n## Data Protection Statement\n\nWe collect your email address. "
            "Your rights: you can ask us for a copy of your personal data.",
            "privacy_policy",
        ),
        (
            "# Vereinbarung zur Auftragsverarbeitung\n\n## Datenschutzerklärung\n\nWir erheben Ihre E-Mail-Adresse. "
            "Ihre Rechte: Sie können Auskunft verlangen.",
            "privacy_policy",
        ),
        (
            "# Data Processing Agreement\n\n## Privacy Policy of the Customer\n\nThe Processor shall process "
            "Customer Personal Data only on documented instructions. The Processor shall engage sub-processors "
            "only with authorisation.",
            "dpa",
        ),
        (
            "# Datenschutzerklärung und Auftragsverarbeitung\n\nDer Auftragnehmer verarbeitet die Daten nur auf "
            "Weisung des Auftraggebers. Der Auftragnehmer setzt Subunternehmer nur mit Zustimmung ein.",
            "dpa",
        ),
    ],
)
def test_doctype_title_naming_agreement_and_policy_is_decided_by_the_body(text, expected):
    """A vendor page titled both ways ("Data Protection Agreement" over a "Data Protection Statement")
    is what its text says it is, in either order."""
    assert classify(load_text(text, format="markdown")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# Acme Developer Data Sharing Agreement\n\n1.1 These Controller to Controller Data Terms apply to data "
            "you receive. The data exporter and the data importer each act as a controller.",
            "other",
        ),
        (
            "# Vereinbarung über die gemeinsame Verantwortlichkeit nach Art. 26 DSGVO\n\nDie Parteien legen die "
            "Zwecke gemeinsam fest. Der Auftraggeber und der Auftragnehmer informieren die Betroffenen.",
            "other",
        ),
        (
            "# Data Processing Agreement\n\nThis agreement is not a data sharing agreement: the Processor shall "
            "process Customer Personal Data only on instructions.",
            "dpa",
        ),
    ],
)
def test_doctype_terms_between_controllers_are_no_dpa(text, expected):
    """A data sharing or joint-controller agreement sets no Art. 28 terms: it is not judged as a DPA, whatever
    its body's vocabulary."""
    assert classify(load_text(text, format="markdown")) == expected


@pytest.mark.parametrize(
    "text",
    [
        "# Datenschutz\n\n## Verarbeitete Daten\n\nDer Verein speichert Name und Anschrift der Mitglieder.\n\n"
        "## Auskunft\n\nMitglieder können Auskunft über die gespeicherten Daten verlangen.\n",
        "# Privacy\n\n## Data processed\n\nThe club stores the names and addresses of its members.\n\n"
        "## Access\n\nMembers may ask which data is stored about them.\n",
    ],
)
def test_doctype_a_document_titled_privacy_is_a_policy(text):
    """A document titled with the one word "Datenschutz" or "Privacy" is a privacy notice, even when it speaks of
    the data subjects in the third person (no "your rights" for the body to find)."""
    assert classify(load_text(text, format="markdown")) == "privacy_policy"


_CLAUSES = {
    "en": "The Processor shall process Customer Personal Data only on the documented instructions of the Controller. "
    "The Processor shall keep Customer Personal Data confidential. The Processor shall assist the Controller. The "
    "Processor shall delete Customer Personal Data at the end of the services. The Processor shall make available "
    "all information needed to show compliance.",
    "de": "Der Auftragnehmer verarbeitet die Daten nur auf Weisung des Auftraggebers. Der Auftragnehmer wahrt die "
    "Vertraulichkeit. Der Auftragnehmer unterstützt den Auftraggeber. Der Auftragnehmer löscht die Daten nach Ende "
    "des Auftrags. Der Auftraggeber kann die Einhaltung prüfen; der Auftragnehmer wirkt mit.",
}


@pytest.mark.parametrize(
    ("lang", "title", "section"),
    [
        ("en", "Data Protection Terms", "2. Sub-processors"),
        ("en", "GDPR Addendum", "2. Sub-processors"),
        ("de", "Vereinbarung über die Verarbeitung personenbezogener Daten im Auftrag", "2. Unterauftragsverarbeiter"),
        ("de", "Datenschutzvereinbarung", "2. Subunternehmer"),
    ],
)
def test_doctype_an_agreement_whose_section_names_sub_processors_is_an_agreement(lang, title, section):
    """A sub-processor heading below an agreement's title is one of its sections, not the document's type."""
    text = f"# {title}\n\n## 1. Processing\n\n{_CLAUSES[lang]}\n\n## {section}\n\n{_CLAUSES[lang]}\n"
    assert classify(load_text(text, format="markdown")) == "dpa"


@pytest.mark.parametrize(
    ("lang", "page_title", "heading"),
    [("en", "Privacy", "Data Processing Agreement"), ("de", "Datenschutz", "Auftragsverarbeitungsvertrag")],
)
def test_doctype_the_visible_title_comes_before_the_files_own(lang, page_title, heading):
    """An HTML page titled with the site's section ("Datenschutz") whose visible heading names an agreement is that
    agreement."""
    html = (
        f"<html><head><title>{page_title}</title></head><body><h1>{heading}</h1><p>{_CLAUSES[lang]}</p></body></html>"
    )
    assert classify(load_text(html, format="html")) == "dpa"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# Introduction\n\nPublic health bodies and the firms that build their apps often ask how to share work on a "
            "new app fairly. The notes below walk through the choices they face, from who holds which records to how "
            "long anything is kept, and what each side should check before the app goes live for the public. "
            "This model data protection agreement "
            "(“DPA”) may be adapted.\n\n## 1. Definitions\n\n“Client” means the public body. This DPA binds both "
            "parties.",
            "dpa",
        ),
        (
            "# Einleitung\n\nGesundheitsämter und die Firmen, die ihre Apps bauen, fragen oft, wie sie die Arbeit an "
            "einer neuen App fair aufteilen. Die folgenden Notizen gehen die Fragen durch, von der Frage, wer welche "
            "Unterlagen führt, bis zur Frage, wie lange etwas aufbewahrt wird und was vor dem Start zu prüfen ist. "
            "Dieser AVV kann angepasst werden.\n\n## 1. "
            "Begriffe\n\n„Kunde“ ist die Behörde.",
            "dpa",
        ),
        (
            "# Introduction\n\nPublic health bodies and the firms that build their apps often ask how to share work on a "
            "new app fairly. The notes below walk through the choices they face, from who holds which records to how "
            "long anything is kept, and what each side should check before the app goes live for the public. "
            "This Privacy Notice explains what the app does with the details it keeps.",
            "privacy_policy",
        ),
        (
            "# Einleitung\n\nGesundheitsämter und die Firmen, die ihre Apps bauen, fragen oft, wie sie die Arbeit an "
            "einer neuen App fair aufteilen. Die folgenden Notizen gehen die Fragen durch, von der Frage, wer welche "
            "Unterlagen führt, bis zur Frage, wie lange etwas aufbewahrt wird und was vor dem Start zu prüfen ist. "
            "Diese Datenschutzhinweise erklären, was die App mit den gespeicherten Angaben tut.",
            "privacy_policy",
        ),
    ],
)
def test_doctype_a_document_that_names_itself_where_no_title_does(text, expected):
    """Where no title says what the document is, the text calling itself "this DPA"/„dieser AVV" or "this Privacy
    Notice"/„diese Datenschutzhinweise" does, before the body's vocabulary."""
    assert classify(load_text(text, format="markdown")) == expected
