"""Mechanisms: consent to a transfer is a derogation, notice and a customer's instruction are not."""

from __future__ import annotations

import pytest


def mechanisms(scanner, text, lang, doc_type="privacy_policy"):
    return set(scanner.scan_text(text, language=lang, doc_type=doc_type).mechanisms)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "By using the app you consent to the transfer of your information to the United States."),
    ("en", "Our servers are in the United States. By signing up you agree to this transfer."),
    ("en", "By using the service you authorise us to transfer, store and process your data in the United States."),
    ("en", "If you send us content, you are agreeing to it being hosted and read in the United States."),
    ("de", "Wir übermitteln Daten nur dann in Drittländer, wenn Sie in diese Übermittlung einwilligen."),
    ("de", "Mit der Nutzung der App erklären Sie sich mit der Übermittlung Ihrer Daten in die USA einverstanden."),
])
def test_mechanisms_user_consent_to_a_transfer_is_derogation(scanner, lang, text):
    """The person concerned consenting, agreeing or authorising a transfer is relied on as Art. 49(1)(a)."""
    assert mechanisms(scanner, text, lang) == {"derogation"}


@pytest.mark.parametrize(("lang", "text", "doc_type"), [
    ("en", "You acknowledge that your data may be transferred to the United States.", "privacy_policy"),
    ("en", "You understand that your information may be stored in countries other than your own.", "privacy_policy"),
    ("de", "Sie nehmen zur Kenntnis, dass Ihre Daten in die USA übermittelt werden können.", "privacy_policy"),
    ("en", "Customer authorises the Processor to transfer Customer Personal Data to the United States.", "dpa"),
    ("en", "You agree that the Processor may transfer Customer Data to the United States to provide the Services.", "dpa"),
    ("de", "Der Auftraggeber genehmigt die Übermittlung der Daten in die USA.", "dpa"),
    ("en", "When you consent to Example Costa Rica processing your data, you may withdraw that consent at any time.",
     "privacy_policy"),
    ("de", "Rechtsgrundlage der Übermittlung in die USA ist Art. 6 Abs. 1 lit. b DSGVO (Vertragserfüllung).", "privacy_policy"),
])
def test_mechanisms_notice_instruction_and_lawful_basis_are_no_derogation(scanner, lang, text, doc_type):
    """Notice that data may move, a customer's authorisation in a DPA and an Art. 6 basis name no transfer tool."""
    assert "derogation" not in mechanisms(scanner, text, lang, doc_type)
