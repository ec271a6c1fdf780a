"""Terms: what counts as addressing supplementary measures and government access (Schrems II)."""

from __future__ import annotations

import pytest

SMU = "SUPPLEMENTARY_MEASURES_UNADDRESSED"
SCC_EN = "Transfers of personal data to the United States rely on the standard contractual clauses. "
SCC_DE = "Übermittlungen personenbezogener Daten in die USA stützen sich auf die Standardvertragsklauseln. "


def flags(scanner, text, lang, doc_type="dpa"):
    return {f.rule_id for f in scanner.scan_text(text, language=lang, doc_type=doc_type).findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", SCC_EN + "We respond to valid legal process, including requests from law enforcement."),
        ("en", SCC_EN + "We disclose data to authorities when required by law."),
        (
            "en",
            SCC_EN
            + "We may share information with government agencies if we believe in good faith that the law requires it.",
        ),
        ("en", SCC_EN + "We will notify the competent supervisory authority of a personal data breach."),
        ("de", SCC_DE + "Wir geben Daten an Behörden heraus, soweit wir gesetzlich dazu verpflichtet sind."),
        (
            "de",
            SCC_DE
            + "Sie können sich bei der zuständigen Aufsichtsbehörde beschweren; wir informieren Sie über Ihre Rechte.",
        ),
    ],
)
def test_terms_boilerplate_on_authorities_leaves_supplementary_measures_unaddressed(scanner, lang, text):
    """Answering legal process or disclosing "as required by law" commits to nothing: the flag stays."""
    assert SMU in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", SCC_EN + "We will challenge any request from a public authority that we consider unlawful."),
        (
            "en",
            SCC_EN
            + "If a government agency asks for Customer Data, we will notify the Customer unless the law forbids it.",
        ),
        ("en", SCC_EN + "We disclose only the minimum necessary when a court order compels us to hand over data."),
        ("en", SCC_EN + "We publish a transparency report twice a year."),
        ("en", SCC_EN + "We have completed a transfer impact assessment for each destination."),
        ("en", SCC_EN + "Data is encrypted with customer-managed keys that we cannot read."),
        (
            "de",
            SCC_DE + "Anfragen von Behörden prüfen wir auf ihre Rechtmäßigkeit und fechten unrechtmäßige Anfragen an.",
        ),
        (
            "de",
            SCC_DE + "Erhalten wir eine Anfrage einer Behörde, werden wir den Auftraggeber unverzüglich informieren.",
        ),
        ("de", SCC_DE + "Wir haben für jedes Zielland eine Transfer-Folgenabschätzung durchgeführt."),
        ("de", SCC_DE + "Die Daten sind Ende-zu-Ende-verschlüsselt; die Schlüssel verbleiben beim Kunden."),
        ("en", SCC_EN + "We hand over data to law enforcement only upon a valid court order."),
        ("en", SCC_EN + "Where necessary, we add additional protective measures to those clauses."),
        ("de", SCC_DE + "Wo nötig, ergreifen wir zusätzliche Schutzmaßnahmen zu diesen Klauseln."),
        (
            "de",
            SCC_DE + "Für eine Herausgabe an Strafverfolgungsbehörden verlangen wir eine rechtsverbindliche Anordnung.",
        ),
    ],
)
def test_terms_concrete_commitment_addresses_supplementary_measures(scanner, lang, text):
    """A concrete step (challenge, notify the customer, minimise, report, assess, encrypt) addresses Schrems II."""
    assert SMU not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            SCC_EN + "\n\nThe processor will promptly tell the data exporter about:\n\n"
            "(a) any binding request for disclosure of the data by a law enforcement agency;\n\n(b) any security incident.",
        ),
        (
            "de",
            SCC_DE + "\n\nDer Auftragnehmer wird den Auftraggeber unverzüglich informieren über:\n\n"
            "a) jedes Ersuchen einer Strafverfolgungsbehörde um Herausgabe der Daten;\n\nb) jede Sicherheitsverletzung.",
        ),
        (
            "en",
            SCC_EN
            + "\n\nGovernments sometimes ask us for user data. Before we disclose anything, we notify the affected users.",
        ),
        (
            "de",
            SCC_DE
            + "\n\nBehörden fragen uns manchmal nach Nutzerdaten. Vor jeder Herausgabe benachrichtigen wir die betroffenen Nutzer.",
        ),
    ],
)
def test_terms_notice_commitment_reads_its_list_lead_in_and_paragraph(scanner, lang, text):
    """ "Notify the customer of: (a) any request by authorities" and a paragraph about requests both commit to notice."""
    assert SMU not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# DPA\n\n## Sub-processors\n\nThe Customer agrees to the use of sub-processors. The current list is "
            "available at https://example.com/list. Changes are published on that page.\n",
        ),
        (
            "de",
            "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber stimmt dem Einsatz von Unterauftragsverarbeitern "
            "zu. Die aktuelle Liste ist unter https://example.com/liste abrufbar. Änderungen werden auf dieser Seite "
            "veröffentlicht.\n",
        ),
    ],
)
def test_terms_list_pointed_to_in_its_section_and_consent_by_a_separable_verb(scanner, lang, text):
    """A sub-processor section's list need not name the sub-processors again; "stimmt ... zu" authorises them in
    general; with no right to object, the objection flag is due."""
    found = {f.rule_id for f in scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown").findings}
    assert "SUBPROCESSOR_LIST_MISSING" not in found
    assert "SUBPROCESSOR_OBJECTION_MISSING" in found


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "The Processor may engage sub-processors only with prior consent. Currently no sub-processors are engaged.",
            False,
        ),
        (
            "de",
            "Unterauftragnehmer nur mit vorheriger Zustimmung. Derzeit sind keine Unterauftragnehmer eingesetzt.",
            False,
        ),
        (
            "en",
            "The Processor may engage sub-processors only with prior consent. No sub-processor may be engaged otherwise.",
            True,
        ),
        (
            "de",
            "Unterauftragnehmer nur mit vorheriger Zustimmung. Kein Unterauftragnehmer darf ohne Zustimmung tätig werden.",
            True,
        ),
    ],
)
def test_terms_no_sub_processor_engaged_now_is_an_empty_list(scanner, lang, text, missing):
    """A DPA saying no sub-processors are engaged now has an (empty) list; a rule forbidding them without consent
    does not say which are engaged."""
    assert ("SUBPROCESSOR_LIST_MISSING" in flags(scanner, text, lang)) is missing


NOTICE_EN = (
    "# DPA\n\n## Sub-processors\n\nCustomer authorises the use of sub-processors. The current list is at "
    "https://example.com/subprocessors. Example will inform Customer of each new sub-processor by email {when}. "
    "Customer may object to a new sub-processor within 14 days of receiving that email.\n"
)
NOTICE_DE = (
    "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung für "
    "Unterauftragsverarbeiter. Die Liste steht unter https://example.com/uav. Der Auftragnehmer informiert den "
    "Auftraggeber {when} per E-Mail. Der Auftraggeber kann innerhalb von 14 Tagen widersprechen.\n"
)


@pytest.mark.parametrize(
    ("lang", "when", "missing"),
    [
        ("en", "no later than 30 days after that sub-processor has started to process Customer data", True),
        ("en", "after its engagement", True),
        ("en", "at least 30 days before that sub-processor starts to process Customer data", False),
        ("de", "spätestens 30 Tage nach dem Einsatz eines neuen Unterauftragsverarbeiters", True),
        ("de", "nachträglich über jeden neuen Unterauftragsverarbeiter", True),
        ("de", "mindestens 30 Tage vor dem Einsatz eines neuen Unterauftragsverarbeiters", False),
    ],
)
def test_terms_notice_after_the_sub_processor_starts_is_no_prior_notice(scanner, lang, when, missing):
    """Notice once a new sub-processor is at work leaves nothing to object to in advance (Art. 28(2)); the time
    to object ("within 14 days of receiving that email") is no notice of its own."""
    text = (NOTICE_EN if lang == "en" else NOTICE_DE).format(when=when)
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, text, lang)) is missing


@pytest.mark.parametrize(
    ("lang", "when", "missing"),
    [
        ("en", "within four weeks after their engagement", True),
        ("en", "four weeks before their engagement", False),
        ("de", "spätestens vier Wochen nach deren Beauftragung", True),
        ("de", "vier Wochen vor deren Beauftragung", False),
    ],
)
def test_terms_objection_to_a_late_notice_gives_no_notice(scanner, lang, when, missing):
    """ "May object within two weeks of this notice" after a notice given only once the sub-processor is engaged
    refers to that late notice: no prior notice either."""
    text = {
        "en": "# DPA\n\n## Sub-processors\n\nCustomer gives general authorisation to engage sub-processors. The list is at "
        "https://example.com/sub. Provider informs Customer of each new "
        f"sub-processor {when} through the customer portal. Customer may raise objections within two weeks of this "
        "notice.\n",
        "de": "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung für "
        "Unterauftragsverarbeiter. Die Liste steht unter https://example.com/uav. Der Auftragnehmer "
        f"unterrichtet den Auftraggeber über neue Unterauftragsverarbeiter {when} durch eine Mitteilung im Kundenportal. "
        "Der Auftraggeber kann innerhalb von zwei Wochen nach dieser Mitteilung Einwände erheben.\n",
    }[lang]
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, text, lang)) is missing


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "# DPA\n\n## Sub-processors\n\nCustomer may object to a new sub-processor within 14 days.\n"),
        ("de", "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber kann innerhalb von 14 Tagen widersprechen.\n"),
    ],
)
def test_terms_time_to_object_in_either_word_order(scanner, lang, text):
    """The period of an objection sentence is the time to object, before or after the verb."""
    doc = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    objections = [m for m in doc.mentions if m.kind == "subprocessor_objection"]
    assert [m.detail for m in objections] == ["14"]
    assert not [m for m in doc.mentions if m.kind == "subprocessor_notice"]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", SCC_EN + "We publish a quarterly transparency report on service availability and uptime."),
        ("de", SCC_DE + "Über Störungen und Wartungsfenster informiert der monatliche Transparenzbericht."),
        (
            "en",
            SCC_EN
            + "If we consider that an instruction of the Customer infringes the law, we assess the legality of the "
            "request and inform the Customer.",
        ),
        (
            "de",
            SCC_DE
            + "Hält der Auftragnehmer eine Anordnung des Auftraggebers für rechtswidrig, prüft er die Rechtmäßigkeit der Anordnung.",
        ),
        ("en", SCC_EN + "We verify the identity of the data subject and the validity of the request."),
        (
            "en",
            SCC_EN
            + "Where the Customer is a government authority, we will notify the Customer of the hosting location on request.",
        ),
        (
            "de",
            SCC_DE
            + "Ist der Auftraggeber eine öffentliche Stelle, informiert der Auftragnehmer den Auftraggeber auf Anfrage über den Speicherort.",
        ),
        (
            "de",
            SCC_DE
            + "Nach einem Angriff erstattet der Auftragnehmer Strafanzeige, arbeitet mit den Strafverfolgungsbehörden zusammen und informiert den Auftraggeber.",
        ),
        ("en", SCC_EN + "Messages are not end-to-end encrypted."),
        ("de", SCC_DE + "Eine Ende-zu-Ende-Verschlüsselung der Inhalte bietet der Dienst nicht."),
    ],
)
def test_terms_look_alikes_of_a_measure_leave_supplementary_measures_unaddressed(scanner, lang, text):
    """A transparency report on uptime, the legality of the customer's instruction, a data subject's request, a
    customer that is a public body, police the vendor calls in, a measure the text denies: none addresses
    authorities' access to transferred data."""
    assert SMU in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", SCC_EN + "We publish a transparency report on the requests we receive from government authorities."),
        ("de", SCC_DE + "Anfragen von Behörden veröffentlichen wir jährlich in einem Transparenzbericht."),
        ("en", SCC_EN + "When a public authority requests Customer data, we review the legality of the request."),
        ("de", SCC_DE + "Bei Anfragen von Behörden prüfen wir die Rechtmäßigkeit der Anfrage."),
        ("en", SCC_EN + "All content is end-to-end encrypted."),
    ],
)
def test_terms_the_same_words_about_authorities_address_it(scanner, lang, text):
    """The same words about authorities' requests, or a measure in place, address supplementary measures."""
    assert SMU not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# DPA\n\n## Sub-processors\n\nCustomer authorises sub-processors. Annex 3 lists the categories of sub-processors we use.\n",
        ),
        (
            "en",
            "# DPA\n\n## Sub-processors\n\nCustomer authorises sub-processors. The types of sub-processors we use are described in Annex 3.\n",
        ),
        (
            "de",
            "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber genehmigt Unterauftragsverarbeiter. Anlage 3 nennt die Kategorien der Unterauftragsverarbeiter.\n",
        ),
    ],
)
def test_terms_a_list_of_kinds_of_sub_processors_is_no_list(scanner, lang, text):
    """A list of the categories or types of sub-processors does not say who processes the data."""
    assert "SUBPROCESSOR_LIST_MISSING" in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# DPA\n\n## Sub-processors\n\nCustomer authorises sub-processors; the list is at https://example.com/sub. We "
            "notify Customer 30 days before a new sub-processor is engaged. Customer may object within that period; an "
            "objection does not prevent the engagement but will be recorded.\n",
        ),
        (
            "de",
            "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber genehmigt Unterauftragsverarbeiter; die Liste steht "
            "unter https://example.com/uav. Wir informieren den Auftraggeber 30 Tage vor dem Einsatz eines neuen "
            "Unterauftragsverarbeiters. Ein Widerspruch steht der Beauftragung nicht entgegen.\n",
        ),
    ],
)
def test_terms_an_objection_without_effect_is_no_objection_right(scanner, lang, text):
    """An objection that does not stop the engagement gives the controller nothing to object with (Art. 28(2))."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "Customer may object to a new sub-processor within 14 days of our notice. An objection leaves Provider's right "
            "to engage that sub-processor unaffected.",
            True,
        ),
        (
            "en",
            "Customer may object to a new sub-processor within 14 days of our notice. Objections do not affect the "
            "Provider's right to engage that sub-processor, but Provider will record them.",
            True,
        ),
        (
            "en",
            "Customer may object to a new sub-processor within 14 days of our notice. An objection leaves Customer the "
            "right to end the agreement without penalty.",
            False,
        ),
        (
            "de",
            "Der Auftraggeber kann dem neuen Unterauftragsverarbeiter binnen 14 Tagen widersprechen. Ein Widerspruch lässt "
            "das Recht des Auftragnehmers, diesen Unterauftragsverarbeiter einzusetzen, unberührt.",
            True,
        ),
        (
            "de",
            "Der Auftraggeber kann dem neuen Unterauftragsverarbeiter binnen 14 Tagen widersprechen. Ein Widerspruch lässt "
            "dem Auftraggeber das Recht, den Vertrag ohne Vertragsstrafe zu kündigen.",
            False,
        ),
    ],
)
def test_terms_an_objection_left_without_effect_in_its_own_sentence_voids_the_right(scanner, lang, text, missing):
    """A later sentence that leaves the vendor's right to engage the sub-processor as it was takes the effect from the
    objection another sentence grants: there is nothing to object with."""
    head = (
        "# DPA\n\n## Sub-processors\n\nCustomer grants a general authorisation to engage the sub-processors listed at "
        "https://example.com/sub. We notify Customer 30 days before a new sub-processor is engaged. "
        if lang == "en"
        else "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung für die unter "
        "https://example.com/uav genannten Unterauftragsverarbeiter. Wir informieren ihn 30 Tage vor dem Einsatz eines "
        "neuen Unterauftragsverarbeiters. "
    )
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, head + text + "\n", lang)) is missing


@pytest.mark.parametrize(
    "text",
    [
        "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung für "
        "Unterauftragsverarbeiter; die Liste steht unter https://example.com/uav. Der Auftragnehmer kündigt die "
        "Hinzuziehung eines neuen Unterauftragsverarbeiters 30 Tage vorher per E-Mail an. Der Auftraggeber kann "
        "innerhalb dieser Frist widersprechen.\n",
        "# AVV\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung für "
        "Unterauftragsverarbeiter; die Liste steht unter https://example.com/uav. Der Auftragnehmer teilt dem "
        "Auftraggeber jeden neuen Unterauftragsverarbeiter vorab mit. Der Auftraggeber kann widersprechen.\n",
    ],
)
def test_terms_a_german_notice_verb_split_around_its_object(scanner, text):
    """ "kündigt ... an" and "teilt ... mit" give notice: "kündigt" announces here, it terminates nothing."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in flags(scanner, text, "de")


def test_terms_an_english_notice_and_objection_right(scanner):
    """The English counterpart: notice before a new sub-processor and a right to object clear the flag."""
    text = (
        "# DPA\n\n## Sub-processors\n\nCustomer gives general authorisation for sub-processors; the list is at "
        "https://example.com/sub. We announce each new sub-processor 30 days in advance by email. Customer may object.\n"
    )
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in flags(scanner, text, "en")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            SCC_EN + '\n\n"Transfer Impact Assessment" or "TIA" means an assessment of the laws of a third country.',
        ),
        (
            "de",
            SCC_DE + "\n\n„Transfer Impact Assessment“ oder „TIA“ bezeichnet die Prüfung der Rechtslage im Drittland.",
        ),
    ],
)
def test_terms_a_measure_only_defined_is_not_taken(scanner, lang, text):
    """Defining a transfer impact assessment does not carry one out."""
    assert SMU in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            SCC_EN + "If a court or supervisory authority calls these clauses into question, we will carry out a "
            "transfer impact assessment.",
        ),
        (
            "de",
            SCC_DE + "Sollte ein Gericht oder eine Aufsichtsbehörde diese Klauseln in Frage stellen, führen wir eine "
            "Transferfolgenabschätzung durch.",
        ),
        ("en", SCC_EN + "Should we ever move data elsewhere, we would assess the laws and practices of the country."),
        ("en", SCC_EN + "Supplementary measures: none."),
        ("de", SCC_DE + "Ergänzende Maßnahmen: keine."),
    ],
)
def test_terms_a_measure_awaited_or_labelled_absent_leaves_it_unaddressed(scanner, lang, text):
    """A measure promised only once an outside event happens or for a transfer the text imagines, and a field
    "Supplementary measures" whose value says there are none, take no measure today."""
    assert SMU in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            SCC_EN
            + "Where personal data is transferred to a third country, we carry out a transfer impact assessment.",
        ),
        ("de", SCC_DE + "Vor jeder Übermittlung in ein Drittland führen wir eine Transferfolgenabschätzung durch."),
    ],
)
def test_terms_a_measure_on_the_vendors_own_transfers_addresses_it(scanner, lang, text):
    """A measure tied to the vendor's own transfers is taken whenever they happen."""
    assert SMU not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "header", "cell", "unaddressed"),
    [
        (
            "en",
            "| Sub-processor | Location | Supplementary measures |",
            "| Streamly Inc. | United States | None |",
            True,
        ),
        ("de", "| Unternehmen | Standort | Ergänzende Maßnahmen |", "| Streamly Inc. | USA | entfällt |", True),
        (
            "en",
            "| Sub-processor | Location | Supplementary measures |",
            "| Streamly Inc. | United States | Transfer impact assessment done in 2025 |",
            False,
        ),
    ],
)
def test_terms_a_measures_column_counts_by_its_cells(scanner, lang, header, cell, unaddressed):
    """A column titled with the measures addresses them only where a cell below the title names one."""
    text = f"# DPA\n\n## Transfers\n\n{SCC_EN if lang == 'en' else SCC_DE}\n\n{header}\n|---|---|---|\n{cell}\n"
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert (SMU in {f.rule_id for f in report.findings}) is unaddressed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Sub-processors\n\nThe Customer authorises the sub-processors listed in Annex 2. Example Ltd informs "
            "the Customer of planned changes. The Customer may object to a change.",
        ),
        (
            "de",
            "## Unterauftragsverhältnisse\n\nDer Kunde genehmigt die in Anlage 2 genannten Unterauftragsverarbeiter. "
            "Die Beispiel GmbH teilt dem Kunden geplante Änderungen mit. Der Kunde kann der Änderung widersprechen.",
        ),
    ],
)
def test_terms_notice_of_planned_changes_without_a_period_is_prior_notice(scanner, lang, text):
    """Art. 28(2) asks for notice of intended changes, not for a period: with a right to object it is no defect."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our sub-processor Samplecloud Inc. hosts the data in the United States. The transfer rests on the standard "
            "contractual clauses, used only after an internal assessment has concluded that the transfer meets the "
            "level of protection of the GDPR.",
        ),
        (
            "de",
            "Unser Unterauftragsverarbeiter Musterwolke Inc. speichert die Daten in den USA. Die Übermittlung stützt "
            "sich auf die Standardvertragsklauseln, sofern eine interne Prüfung ergeben hat, dass sie ein der DSGVO "
            "gleichwertiges Schutzniveau gewährleistet.",
        ),
    ],
)
def test_terms_an_internal_transfer_assessment_addresses_supplementary_measures(scanner, lang, text):
    """An internal assessment of the transfer's level of protection is a transfer impact assessment."""
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED" not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "unaddressed"),
    [
        (
            "en",
            "Samplecloud Inc. hosts the data in the United States under the standard contractual clauses. We carry out "
            "regular assessments of transfer risks.",
            False,
        ),
        (
            "de",
            "Musterwolke Inc. speichert die Daten in den USA auf Grundlage der Standardvertragsklauseln. Eine Bewertung "
            "der Übermittlungsrisiken nehmen wir jährlich vor.",
            False,
        ),
        # Risks of something else assessed are no transfer impact assessment.
        (
            "en",
            "Samplecloud Inc. hosts the data in the United States under the standard contractual clauses. We carry out "
            "regular assessments of security risks.",
            True,
        ),
    ],
)
def test_terms_an_assessment_of_transfer_risks_addresses_supplementary_measures(scanner, lang, text, unaddressed):
    """An assessment named by what it weighs, the risks of the transfers, is a transfer impact assessment."""
    assert ("SUPPLEMENTARY_MEASURES_UNADDRESSED" in flags(scanner, text, lang)) is unaddressed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Sub-processors\n\nThe Processor announces new sub-processors at least 30 days in advance by e-mail; the "
            "Controller may object within that period.",
        ),
        (
            "de",
            "## Unterauftragsbearbeiter\n\nDer Auftragsbearbeiter kündigt neue Unterauftragsbearbeiter mindestens 30 Tage "
            "im Voraus per E-Mail an; der Verantwortliche kann innert dieser Frist widersprechen.",
        ),
    ],
)
def test_terms_a_separable_notice_verb_closing_its_clause_gives_notice(scanner, lang, text):
    """„kündigt … an; der Verantwortliche kann …“: the particle closes the clause, not the sentence."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Sub-processors\n\nThe Customer gives general authorisation to engage sub-processors. Further "
            "sub-processors may be engaged by the Processor at any time by updating Annex 3. The Processor announces "
            "the replacement of a sub-processor 30 days in advance; the Customer may object to the replacement.",
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt die allgemeine Genehmigung zum Einsatz von "
            "Unterauftragsverarbeitern. Weitere Unterauftragsverarbeiter kann der Auftragnehmer jederzeit durch "
            "Aktualisierung der Anlage 3 hinzuziehen. Den Austausch eines Unterauftragsverarbeiters kündigt der "
            "Auftragnehmer 30 Tage vorher an; der Auftraggeber kann dem Austausch widersprechen.",
        ),
    ],
)
def test_terms_notice_of_replacements_only_is_no_prior_notice_of_new_sub_processors(scanner, lang, text):
    """Sub-processors added "at any time" while only a replacement is announced: new ones come without notice."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, text, lang)
    announced = text.replace(
        " Further sub-processors may be engaged by the Processor at any time by updating Annex 3.", ""
    )
    announced = announced.replace(
        " Weitere Unterauftragsverarbeiter kann der Auftragnehmer jederzeit durch Aktualisierung der Anlage 3 hinzuziehen.",
        "",
    )
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in flags(scanner, announced, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Transfers\n\nExample Analytics Inc. processes usage data in the United States under the standard "
            "contractual clauses.\n\n## Transparency\n\nWe publish a transparency report under the Digital Services Act "
            "on the notices and the orders from Member State authorities we receive about illegal content.",
        ),
        (
            "de",
            "## Übermittlungen\n\nDie Beispiel Analytics Inc. verarbeitet Nutzungsdaten in den USA auf Grundlage der "
            "Standardvertragsklauseln.\n\n## Transparenz\n\nWir veröffentlichen jährlich einen Transparenzbericht nach dem "
            "Digital Services Act über Meldungen und Anordnungen zu rechtswidrigen Inhalten.",
        ),
    ],
)
def test_terms_a_content_moderation_transparency_report_addresses_no_government_access(scanner, lang, text):
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert "SUPPLEMENTARY_MEASURES_UNADDRESSED" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Sub-processors\n\nCustomer gives general authorisation. The list is at example.com/subprocessors. "
            "Example Ltd may engage a new sub-processor at any time and will publish it on that page. Customer may "
            "object within 30 days of publication.",
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung. Die Liste steht unter "
            "beispiel.de/unterauftragsverarbeiter. Die Beispiel GmbH kann jederzeit neue Unterauftragsverarbeiter "
            "einsetzen und veröffentlicht sie auf dieser Seite. Der Auftraggeber kann binnen 30 Tagen nach der "
            "Veröffentlichung widersprechen.",
        ),
        (
            "en",
            "## Sub-processors\n\nCustomer gives general authorisation; the list is in Annex 3. For customers on the "
            "Enterprise plan, Example Ltd gives 30 days' prior notice of new sub-processors and the customer may object.",
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung; die Liste steht in "
            "Anlage 3. Kunden im Tarif Premium informiert die Beispiel GmbH 30 Tage vor dem Einsatz neuer "
            "Unterauftragsverarbeiter; diese Kunden können widersprechen.",
        ),
    ],
)
def test_terms_posting_after_the_fact_or_notice_for_one_tier_is_no_prior_notice(scanner, lang, text):
    """A sub-processor engaged "at any time" and then posted, or notice for the Enterprise plan only, gives the
    DPA's customers no prior notice to object on."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "## Sub-processors\n\nCustomer gives general authorisation. Example Ltd notifies Customer 30 days before it "
            "engages a new sub-processor. Customer may raise concerns about the new sub-processor, which Example Ltd "
            "will consider in good faith.",
            True,
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung. Der Auftragnehmer "
            "informiert den Auftraggeber 30 Tage vor dem Einsatz neuer Unterauftragsverarbeiter. Der Auftraggeber kann "
            "innerhalb dieser Frist Bedenken äußern, die der Auftragnehmer nach Treu und Glauben berücksichtigt.",
            True,
        ),
        (
            "en",
            "## Sub-processors\n\nCustomer gives general authorisation. Example Ltd notifies Customer 30 days before it "
            "engages a new sub-processor. Customer may raise concerns, and Example Ltd will not engage the "
            "sub-processor while they stand.",
            False,
        ),
    ],
)
def test_terms_concerns_only_considered_in_good_faith_are_no_objection(scanner, lang, text, missing):
    """Voicing concerns the vendor only weighs in good faith is consultation; concerns that stop the engagement
    object."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in {f.rule_id for f in report.findings}) is missing


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## 5. Sub-processors\n\n5.1 Customer grants Example Ltd a general written authorisation to engage the "
            "sub-processors listed in Annex 3. Example Ltd gives 30 days' notice of new sub-processors; Customer may "
            "object.\n\n## Annex 3 – Sub-processors\n\n[To be completed by the parties before signature.]\n",
        ),
        (
            "de",
            "## 5. Unterauftragsverarbeiter\n\n5.1 Der Auftraggeber genehmigt allgemein den Einsatz der in Anlage 3 "
            "genannten Unterauftragsverarbeiter. Über neue Unterauftragsverarbeiter informiert der Auftragnehmer 30 Tage "
            "vorher; der Auftraggeber kann widersprechen.\n\n## Anlage 3 – Unterauftragsverarbeiter\n\nDiese Anlage "
            "bleibt frei und wird nachgereicht.\n",
        ),
        (
            "en",
            "## 5. Sub-processors\n\n5.1 Customer grants Example Ltd a general written authorisation to engage the "
            "sub-processors listed in Annex 3. Example Ltd gives 30 days' notice of new sub-processors; Customer may "
            "object.\n\n## Annex 3 – Sub-processors\n\nThe list of approved sub-processors will be sent separately "
            "after signature.\n",
        ),
        (
            "de",
            "## 5. Unterauftragsverarbeiter\n\n5.1 Der Auftraggeber genehmigt allgemein den Einsatz der in Anlage 3 "
            "genannten Unterauftragsverarbeiter. Über neue Unterauftragsverarbeiter informiert der Auftragnehmer 30 Tage "
            "vorher; der Auftraggeber kann widersprechen.\n\n## Anlage 3 – Unterauftragsverarbeiter\n\nDie Liste der "
            "genehmigten Unterauftragsverarbeiter wird dem Auftraggeber nach Vertragsschluss gesondert übermittelt.\n",
        ),
    ],
)
def test_terms_a_pointer_to_an_empty_annex_is_no_list(scanner, lang, text):
    """ "listed in Annex 3" where Annex 3 is a placeholder, or says the list will be sent separately, points to no list
    of sub-processors."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_LIST_MISSING" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "## 4. Sub-processors\n\n4.1 Example Ltd may engage the sub-processors named at [insert URL] (the "
            '"Sub-processor List"). Before a sub-processor is added to the Sub-processor List, Example Ltd informs '
            "Customer by email or in its online portal, and Customer may object within 14 days.\n",
            True,
        ),
        (
            "de",
            "## 4. Unterauftragsverarbeiter\n\n4.1 Der Auftragnehmer darf die unter [Link einfügen] aufgeführten "
            "Unterauftragsverarbeiter einsetzen (die „Liste“). Bevor er die Liste ändert, informiert er den "
            "Auftraggeber per E-Mail oder im Kundenportal; der Auftraggeber kann binnen 14 Tagen widersprechen.\n",
            True,
        ),
        # A link of its own elsewhere is the list, whatever the template left unfilled.
        (
            "en",
            "## 4. Sub-processors\n\n4.1 Example Ltd may engage the sub-processors named at [insert URL]. The current "
            "list of sub-processors is available at https://example.com/legal/subprocessors, and Customer may object "
            "to new ones within 14 days of notice.\n",
            False,
        ),
        (
            "de",
            "## 4. Unterauftragsverarbeiter\n\n4.1 Der Auftragnehmer darf die unter [Link einfügen] aufgeführten "
            "Unterauftragsverarbeiter einsetzen. Die aktuelle Liste ist unter https://example.com/unterauftragnehmer "
            "abrufbar; gegen neue kann der Auftraggeber binnen 14 Tagen nach Mitteilung widersprechen.\n",
            False,
        ),
    ],
)
def test_terms_a_link_left_to_fill_in_is_no_list(scanner, lang, text, missing):
    """A list "available at [insert URL]" leads nowhere, and so do later clauses that only refer to that list ("before
    a sub-processor is added to the Sub-processor List", „bevor er die Liste ändert"); a link of the document's own
    elsewhere still points to a list."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert ("SUBPROCESSOR_LIST_MISSING" in {f.rule_id for f in report.findings}) is missing


@pytest.mark.parametrize(
    ("words", "expected"),
    [("the Sub-processors listed in Annex 3 and Schedule B", {"annex 3", "schedule b"}), ("in Anlage 2", {"anlage 2"})],
)
def test_terms_annexes_a_sentence_points_to(words, expected):
    from dpcheck.extract.annexes import annexes_named

    assert annexes_named(words, {"annex", "schedule", "anlage"}) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "## 6. Subauftragsverarbeiter\n\nDer Auftraggeber erteilt die allgemeine Genehmigung, Subauftragsverarbeiter "
            "beizuziehen. Die Liste steht in Anlage 3.",
        ),
        (
            "en",
            "## 6. Sub-processors\n\nCustomer gives its general authorisation to engage sub-processors. The list is in "
            "Annex 3.",
        ),
    ],
)
def test_terms_austrian_sub_processors_are_sub_processors(scanner, lang, text):
    """„Subauftragsverarbeiter“ (Austria) are sub-processors: a general authorisation without notice or objection
    is flagged as anywhere else."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Verantwortliche genehmigt den Einsatz von Unterauftragsverarbeitern "
            "allgemein. Änderungen bei Unterauftragsverarbeitern werden dem Verantwortlichen vorab mitgeteilt "
            "(Widerspruchsrecht innerhalb von 14 Tagen).",
        ),
        (
            "en",
            "## Sub-processors\n\nThe controller gives general authorisation for sub-processors. Changes to "
            "sub-processors are announced to the controller in advance (right to object within 14 days).",
        ),
    ],
)
def test_terms_notice_given_in_a_participle_and_an_objection_right_as_a_noun(scanner, lang, text):
    """„vorab mitgeteilt (Widerspruchsrecht innerhalb von 14 Tagen)“ gives prior notice and a right to object."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Sub-processors\n\nThe Customer gives general authorisation for sub-processors. The Processor informs the "
            "Customer 30 days before a new sub-processor starts processing. The Customer's right to object is excluded.",
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine Genehmigung. Der Auftragsverarbeiter "
            "informiert den Auftraggeber 30 Tage vor dem Einsatz eines neuen Unterauftragsverarbeiters. Ein "
            "Widerspruchsrecht des Auftraggebers besteht nicht.",
        ),
    ],
)
def test_terms_an_objection_right_excluded_at_the_end_is_none(scanner, lang, text):
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "Processor may engage sub-processors. Processor will inform Customer of updates to the list of sub-processors "
            "30 days in advance, and Customer may object.",
            True,
        ),
        (
            "en",
            "Processor may engage sub-processors. The current list of sub-processors is available in the customer portal. "
            "Processor will inform Customer of changes 30 days in advance, and Customer may object.",
            False,
        ),
        (
            "en",
            "This addendum applies where transfers of Customer Data are made to its subprocessor Example Cloud, Inc. "
            "Processor will inform Customer of new sub-processors 30 days in advance, and Customer may object.",
            False,
        ),
        (
            "de",
            "Der Auftragnehmer darf Unterauftragsverarbeiter einsetzen. Über Änderungen der Liste der "
            "Unterauftragsverarbeiter informiert er den Auftraggeber 30 Tage vorher; der Auftraggeber kann widersprechen.",
            True,
        ),
        (
            "de",
            "Der Auftragnehmer darf Unterauftragsverarbeiter einsetzen. Die Liste der Unterauftragsverarbeiter ist im "
            "Kundenportal abrufbar. Über Änderungen informiert er den Auftraggeber 30 Tage vorher; der Auftraggeber kann "
            "widersprechen.",
            False,
        ),
    ],
)
def test_terms_a_list_only_mentioned_is_no_list(scanner, lang, text, missing):
    """ "Updates to the list of sub-processors" says there is a list, not where: only a sentence saying where it is
    (a portal, an annex, a link, on request) or naming a sub-processor answers SUBPROCESSOR_LIST_MISSING."""
    assert ("SUBPROCESSOR_LIST_MISSING" in flags(scanner, text, lang)) is missing


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Der Auftragnehmer darf weitere Unterauftragnehmer beauftragen, soweit er dies dem Auftraggeber vier Wochen "
            "vorher in Textform anzeigt und der Auftraggeber nicht bis zum Beginn der Verarbeitung widerspricht. Die "
            "aktuelle Liste ist im Kundenportal abrufbar.",
        ),
        (
            "de",
            "Die Liste der Unterauftragnehmer ist im Kundenportal abrufbar. Bei Änderungen wird der Auftraggeber vier Wochen "
            "vorher informiert; die Änderungen gelten als akzeptiert, wenn der Auftraggeber nicht innerhalb von vier Wochen "
            "widerspricht.",
        ),
        (
            "en",
            "The current list of sub-processors is available in the customer portal. Processor notifies Customer four weeks "
            "in advance of a new sub-processor; the change is accepted unless Customer objects within that time.",
        ),
    ],
)
def test_terms_notice_shown_and_objection_conjugated(scanner, lang, text):
    """„anzeigen" gives notice and „widerspricht" objects: a clause deeming a change accepted unless the customer
    objects grants the right to object."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "Customer gives general written authorisation to engage sub-processors listed at https://example.com/sub. "
            "Provider updates that page when it engages a new sub-processor; it will not always be practicable to give "
            "advance notice, and the page may be updated at the time of, or after, the engagement. Customer may terminate "
            "by written notice within 15 days after the update.",
            True,
        ),
        (
            "en",
            "Customer gives general written authorisation to engage sub-processors listed at https://example.com/sub. "
            "Provider notifies Customer of new sub-processors 30 days in advance where practicable, and Customer may "
            "object.",
            True,
        ),
        (
            "en",
            "Customer gives general written authorisation to engage sub-processors listed at https://example.com/sub. If "
            "Customer does not object to a new sub-processor within 2 weeks after being informed, it is approved.",
            False,
        ),
        (
            "de",
            "Der Auftraggeber erteilt die allgemeine Genehmigung zum Einsatz der unter https://example.com/sub genannten "
            "Unterauftragsverarbeiter. Eine vorherige Information ist nicht immer möglich; die Liste wird zeitgleich oder "
            "nachträglich aktualisiert. Der Auftraggeber kann durch schriftliche Mitteilung kündigen.",
            True,
        ),
        (
            "de",
            "Der Auftraggeber erteilt die allgemeine Genehmigung zum Einsatz der unter https://example.com/sub genannten "
            "Unterauftragsverarbeiter. Widerspricht der Auftraggeber nicht innerhalb von zwei Wochen, nachdem er informiert "
            "wurde, gilt der neue Unterauftragsverarbeiter als genehmigt.",
            False,
        ),
    ],
)
def test_terms_notice_only_where_practicable_or_after_the_engagement_is_none(scanner, lang, text, missing):
    """Advance notice "where practicable", or a page updated "at the time of, or after" the engagement, is no prior
    notice; "terminate by written notice" is the customer's notice; "after being informed" refers to the vendor's."""
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, text, lang)) is missing


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "Provider may engage sub-processors under the following conditions, which Customer accepts. Provider informs "
            "Customer of new sub-processors 30 days in advance, and Customer may object.",
            True,
        ),
        (
            "en",
            "Provider engages the following sub-processors: Nimbus Hosting Inc. (hosting). Provider informs Customer of new "
            "sub-processors 30 days in advance, and Customer may object.",
            False,
        ),
        (
            "de",
            'Der Anbieter (nachfolgend „Dienstleister" genannt) darf Unterauftragsverarbeiter einsetzen. Über neue '
            "Unterauftragsverarbeiter informiert er den Auftraggeber 30 Tage vorher; der Auftraggeber kann widersprechen.",
            True,
        ),
        (
            "de",
            "Der Auftragnehmer darf die in der Liste genannten Unterauftragsverarbeiter einsetzen. Über neue "
            "Unterauftragsverarbeiter informiert er den Auftraggeber 30 Tage vorher; der Auftraggeber kann widersprechen.",
            False,
        ),
    ],
)
def test_terms_a_definition_following_is_no_list_that_follows(scanner, lang, text, missing):
    """„(nachfolgend „Dienstleister" genannt)" defines a name; "the following" and „nachfolgend" point to a list only
    with a colon after them; „die in der Liste genannten" points to one."""
    assert ("SUBPROCESSOR_LIST_MISSING" in flags(scanner, text, lang)) is missing


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Customer grants general written authorisation to engage the sub-processors listed in Annex 3. Provider informs "
            "customers of new sub-processors in the quarterly newsletter that follows the change. If Customer does not "
            "agree, its sole remedy is to terminate by giving 30 days' written notice.",
        ),
        (
            "de",
            "Der Auftraggeber erteilt die allgemeine Genehmigung zum Einsatz der in Anlage 3 aufgeführten "
            "Unterauftragsverarbeiter. Über neue Unterauftragsverarbeiter informiert der Anbieter im Newsletter nach der "
            "Änderung. Der Auftraggeber kann durch schriftliche Kündigung mit einer Frist von 30 Tagen widersprechen.",
        ),
    ],
)
def test_terms_notice_after_the_change_and_a_customers_notice_period_are_no_prior_notice(scanner, lang, text):
    """A newsletter "that follows the change", „nach der Änderung", announces nothing in advance; "terminate by giving
    30 days' written notice" is the customer's notice."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "sentence", "unaddressed"),
    [
        ("en", "We may disclose Customer Data where required by applicable law or by valid legal process.", True),
        (
            "de",
            "Wir können Kundendaten offenlegen, soweit gesetzlich vorgeschrieben, auch auf rechtsgültigen Beschluss.",
            True,
        ),
        ("en", "We disclose Customer Data to public authorities only in response to valid legal process.", False),
        ("de", "Wir geben Kundendaten an Behörden nur auf Grundlage eines rechtsgültigen Beschlusses heraus.", False),
    ],
)
def test_terms_disclosure_the_law_permits_is_no_condition_set_by_the_vendor(scanner, lang, sentence, unaddressed):
    """ "May disclose where required by law or valid legal process" says what permits a disclosure; only a vendor that
    discloses "only" upon binding legal process sets a condition on authorities (a supplementary measure)."""
    transfer = {
        "en": "Provider transfers Customer Data to its affiliate in India under the standard contractual clauses. ",
        "de": "Der Anbieter übermittelt Kundendaten an sein Tochterunternehmen in Indien auf Grundlage der "
        "Standardvertragsklauseln. ",
    }[lang]
    found = flags(scanner, f"# DPA\n\n## Transfers\n\n{transfer}{sentence}\n", lang)
    assert ("SUPPLEMENTARY_MEASURES_UNADDRESSED" in found) is unaddressed


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "The up-to-date list of our subcontractors is available at https://example.com/sub.",
            True,
        ),
        (
            "de",
            "Die aktuelle Liste unserer Unterauftragsverarbeiter ist unter https://example.com/uav abrufbar.",
            True,
        ),
        (
            "en",
            "Customer authorises the sub-processors listed at https://example.com/sub. Provider informs Customer 30 days "
            "before engaging a new sub-processor; Customer may object, and if it does, the new sub-processor remains "
            "unaffected by the objection.",
            True,
        ),
        (
            "de",
            "Der Auftraggeber genehmigt die unter https://example.com/uav genannten Unterauftragsverarbeiter. Der "
            "Auftragnehmer informiert ihn 30 Tage vor dem Einsatz eines neuen Unterauftragsverarbeiters; der Auftraggeber "
            "kann widersprechen, die Beauftragung bleibt vom Widerspruch unberührt.",
            True,
        ),
    ],
)
def test_terms_a_list_kept_current_authorises_in_general(scanner, lang, text, missing):
    """A list "kept up to date" changes without the customer's consent to each change: a general authorisation, which
    needs notice and an objection right; an objection the engagement "remains unaffected by" is none."""
    heading = "# DPA\n\n## Sub-processors\n\n" if lang == "en" else "# AVV\n\n## Unterauftragsverarbeiter\n\n"
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, heading + text + "\n", lang)) is missing


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "## Sub-processors\n\nWe tell you by email at least 30 days before a new sub-processor starts. If you say no "
            "within those 30 days and we find no solution, you may end the contract; until then the new sub-processor "
            "does not work with your data.",
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nWir informieren Sie mindestens 30 Tage bevor ein neuer "
            "Unterauftragsverarbeiter beginnt. Wenn Sie innerhalb dieser Frist nein sagen und wir keine Lösung finden, "
            "können Sie den Vertrag beenden; bis dahin setzen wir ihn nicht ein.",
        ),
        (
            "en",
            "## Sub-processors\n\nWe email you at least 30 days before a new sub-processor starts handling your data. "
            "If you do not agree: tell us within those 30 days. We will then not use that sub-processor for your data, "
            "or you may end the affected part of your subscription.",
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nWir informieren Sie mindestens 30 Tage bevor ein neuer "
            "Unterauftragsverarbeiter Ihre Daten verarbeitet. Wenn Sie nicht einverstanden sind, teilen Sie uns das "
            "innerhalb dieser Frist mit; wir setzen ihn dann für Ihre Daten nicht ein.",
        ),
    ],
)
def test_terms_an_objection_in_plain_words(scanner, lang, text):
    """ "If you say no within those 30 days", "if you do not agree", „wenn Sie nein sagen": the right to object in plain
    words."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Customer grants general written authorisation to engage the sub-processors named below:\n\n"
            "Acme Hosting Inc. - hosting in the EU region.\n\nBeta Mail Ltd - transactional e-mail.",
        ),
        (
            "de",
            "Der Auftraggeber stimmt der Einschaltung der nachstehend genannten Unterauftragsverarbeiter als allgemeine "
            "Genehmigung zu:\n\nAcme Hosting Inc. - Hosting in der EU-Region.\n\nBeta Mail Ltd - Transaktions-E-Mails.",
        ),
    ],
)
def test_terms_sub_processors_named_after_a_lead_in_are_a_list(scanner, lang, text):
    """ "the sub-processors named below:", „der nachstehend genannten Unterauftragsverarbeiter": the entries that
    follow are the list."""
    assert "SUBPROCESSOR_LIST_MISSING" not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "addressed"),
    [
        (
            "en",
            SCC_EN + "\n\nCustomer shall not upload health data unless the parties have agreed in writing on "
            "additional safeguards.",
            False,
        ),
        (
            "de",
            SCC_DE + "\n\nGesundheitsdaten darf der Kunde nur hochladen, wenn die Parteien schriftlich "
            "zusätzliche Schutzmaßnahmen vereinbart haben.",
            False,
        ),
        ("en", SCC_EN + "For these transfers we have put additional safeguards in place, such as encryption.", True),
        (
            "de",
            SCC_DE
            + "Für diese Übermittlungen haben wir zusätzliche Schutzmaßnahmen wie eine Verschlüsselung getroffen.",
            True,
        ),
    ],
)
def test_terms_additional_safeguards_address_transfers_only_where_transfers_are_spoken_of(
    scanner, lang, text, addressed
):
    """Measures called only "additional" are supplementary measures in a sentence or paragraph about transfers;
    elsewhere (extra care for special categories) they say nothing of government access to transferred data."""
    assert (SMU not in flags(scanner, text, lang)) is addressed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Some providers store data in the United States under the standard contractual clauses. Where "
            "appropriate, we also use additional safeguards.",
        ),
        (
            "de",
            "Einige Anbieter speichern Daten in den USA auf Grundlage der Standardvertragsklauseln. Wo nötig, "
            "treffen wir zusätzliche Schutzmaßnahmen.",
        ),
    ],
)
def test_terms_additional_safeguards_in_a_paragraph_about_transfers_address_them(scanner, lang, text):
    """ "Where appropriate, we also use additional safeguards" right after a sentence on transfers takes them."""
    assert SMU not in flags(scanner, text, lang, doc_type="privacy_policy")


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        (
            "en",
            SCC_EN
            + "Like any company, we may disclose personal data to public authorities where we receive valid legal "
            "process requiring us to do so.",
            True,
        ),
        (
            "de",
            SCC_DE + "Wir geben Daten an Behörden heraus, wenn wir eine rechtsgültige Anordnung erhalten, die uns dazu "
            "verpflichtet.",
            True,
        ),
        (
            "en",
            SCC_EN + "We disclose personal data to public authorities only where we receive valid legal process "
            "requiring us to do so.",
            False,
        ),
        (
            "en",
            SCC_EN + "We tell you on the consent screen that U.S. law may not protect your recordings in the same way, "
            "in particular against access by U.S. authorities.",
            True,
        ),
        (
            "de",
            SCC_DE
            + "Wir weisen Sie darauf hin, dass in den USA kein vergleichbares Schutzniveau gegenüber dem Zugriff "
            "von Behörden besteht, und informieren Sie darüber vor Ihrer Einwilligung.",
            True,
        ),
        (
            "en",
            SCC_EN + "We will notify you of any request by U.S. authorities, although U.S. law may not protect your "
            "data in the same way.",
            False,
        ),
    ],
)
def test_terms_process_demanding_disclosure_and_risk_warnings_commit_to_nothing(scanner, lang, text, flagged):
    """ "Valid legal process requiring us to do so" is the law's demand, not one the vendor makes; a warning of the
    risk is information, not a promise to tell of requests. "Only where" legal process demands it still commits."""
    assert (SMU in flags(scanner, text, lang, "privacy_policy")) is flagged


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Customer grants a general authorisation to engage sub-processors. The list is at example.com/subprocessors. "
            "We inform Customer of new sub-processors where practicable. Customer may raise concerns about a new "
            "sub-processor; raising a concern does not suspend the engagement and does not entitle Customer to "
            "terminate the Agreement.",
        ),
        (
            "de",
            "Der Auftraggeber erteilt eine allgemeine Genehmigung für Unterauftragsverarbeiter. Die Liste steht unter "
            "example.com/unterauftragsverarbeiter. Wir informieren über neue Unterauftragsverarbeiter 30 Tage vorher. "
            "Der Auftraggeber kann Bedenken äußern; dies setzt die Beauftragung nicht aus und berechtigt den "
            "Auftraggeber nicht zur Kündigung.",
        ),
    ],
)
def test_terms_a_concern_without_effect_is_no_objection(scanner, lang, text):
    """A concern that neither suspends the engagement nor lets the customer leave is no right to object."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "flagged"),
    [
        (
            "en",
            "Customer authorises the use of sub-processors. Sub-processors may process Customer Data in any country "
            "in which they or their affiliates maintain facilities.",
            True,
        ),
        (
            "de",
            "Der Auftraggeber genehmigt den Einsatz von Unterauftragsverarbeitern. Unterauftragsverarbeiter dürfen "
            "Daten in jedem Land verarbeiten, in dem sie Einrichtungen unterhalten.",
            True,
        ),
        (
            "en",
            "Customer authorises the use of sub-processors. Where Customer asks for copies of sub-processor "
            "agreements, Acme may first redact commercial terms, recitals, schedules, annexes and appendices.",
            True,
        ),
        (
            "en",
            "Customer authorises the use of sub-processors. They are listed in Annex 3.",
            False,
        ),
    ],
)
def test_terms_no_list_in_open_onward_places_or_counted_off_parts(scanner, lang, text, flagged):
    """Sub-processors in general sending data anywhere name nobody; parts of a document counted off one after
    another ("schedules, annexes") point to no list."""
    assert ("SUBPROCESSOR_LIST_MISSING" in flags(scanner, text, lang)) is flagged


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The data processor shall remain fully responsible to the data controller for the performance of the "
            "sub-processor's obligations. Customer gives a general authorisation for sub-processors, listed in Annex 3, "
            "and the processor imposes on each the same obligations as under this DPA.",
        ),
        (
            "de",
            "Der Auftragnehmer bleibt gegenüber dem Auftraggeber voll verantwortlich für die Erfüllung der Pflichten "
            "des Unterauftragsverarbeiters. Der Auftraggeber erteilt eine allgemeine Genehmigung für die in Anlage 3 "
            "aufgeführten Unterauftragsverarbeiter, denen der Auftragnehmer dieselben Pflichten auferlegt.",
        ),
    ],
)
def test_terms_fully_responsible_is_the_processors_liability(scanner, lang, text):
    """ "Remain fully responsible to the controller" for a sub-processor is the liability Art. 28(4) asks."""
    assert "ART28_SUBPROCESSOR_TERMS_INCOMPLETE" not in flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text", "unaddressed"),
    [
        ("en", SCC_EN + "We base any such transfer or access on additional safeguards.", True),
        ("de", SCC_DE + "Für diesen Fall stützen wir eine etwaige Übermittlung auf zusätzliche Garantien.", True),
        ("en", SCC_EN + "On top of them we have put additional safeguards in place, such as encryption.", False),
        ("de", SCC_DE + "Darüber hinaus haben wir zusätzliche Garantien wie eine Verschlüsselung getroffen.", False),
    ],
)
def test_terms_safeguards_a_transfer_rests_on_are_its_tool(scanner, lang, text, unaddressed):
    """Generic "additional safeguards" that a transfer is said to be based on are the transfer tool itself, not
    supplementary measures; the same words for safeguards put in place beside the tool address them."""
    assert (SMU in flags(scanner, text, lang)) is unaddressed


@pytest.mark.parametrize(
    ("lang", "text", "unaddressed"),
    [
        ("en", SCC_EN + "If we are legally required to disclose data, we will. We will tell you first.", False),
        (
            "de",
            SCC_DE + "Sind wir gesetzlich verpflichtet, Daten herauszugeben, tun wir das. Wir informieren Sie vorher.",
            False,
        ),
        ("en", SCC_EN + "If we are legally required to disclose data, we will.", True),
        ("de", SCC_DE + "Sind wir gesetzlich verpflichtet, Daten herauszugeben, tun wir das.", True),
    ],
)
def test_terms_compelled_disclosure_without_an_authority_named_sets_the_topic(scanner, lang, text, unaddressed):
    """ "If we are legally required to disclose data" speaks of authorities' demands without naming them: a promise
    to tell the user first, in the next sentence, is how such a demand is handled; the disclosure alone is not."""
    assert (SMU in flags(scanner, text, lang, "privacy_policy")) is unaddressed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            SCC_EN + "The importer will tell the data exporter without delay about:\n\n"
            "- any binding demand by a police authority to hand over the data;\n- any breach of security.",
        ),
        (
            "de",
            SCC_DE + "Der Datenimporteur unterrichtet den Datenexporteur unverzüglich über:\n\n"
            "- jede verbindliche Aufforderung einer Polizeibehörde, die Daten herauszugeben;\n- jede Sicherheitsverletzung.",
        ),
    ],
)
def test_terms_markdown_list_items_keep_their_lead_in(scanner, lang, text):
    """Markdown keeps no marker in a list item's text: the item still belongs to the lead-in telling the
    customer of requests from authorities."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert SMU not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text", "unaddressed"),
    [
        (
            "en",
            SCC_EN + "On our website you can check to which countries transfers are allowed because they offer an "
            "essentially equivalent level of protection.",
            True,
        ),
        (
            "de",
            SCC_DE
            + "Bitte prüfen Sie vor jeder Übermittlung an uns, ob Ihre eigenen Übermittlungen ein gleichwertiges "
            "Schutzniveau wahren.",
            True,
        ),
        (
            "en",
            SCC_EN + "Please note that we verify for each transfer that the recipient keeps an essentially equivalent "
            "level of protection.",
            False,
        ),
        (
            "de",
            SCC_DE + "Für jede Übermittlung prüfen wir laufend, ob beim Empfänger ein im Wesentlichen gleichwertiges "
            "Schutzniveau besteht.",
            False,
        ),
    ],
)
def test_terms_an_equivalence_check_left_to_the_reader_is_none(scanner, lang, text, unaddressed):
    """The check Schrems II asks for is the exporter's: a reader told to check which countries keep an equivalent level
    („prüfen Sie") assesses nothing for the vendor."""
    assert (SMU in flags(scanner, text, lang, "privacy_policy")) is unaddressed


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        ("en", "The Provider uses Microsoft Teams as well as approved sub-processors to deliver the service.", True),
        ("de", "Der Anbieter setzt Microsoft Teams und mehr als drei Unterauftragsverarbeiter ein.", True),
        ("en", "The provider uses Northwind Cloud and Contoso Compute as its hosting sub-processors.", False),
        ("de", "Der Anbieter setzt Nordwind Hosting und Kontoso Mail als Unterauftragsverarbeiter ein.", False),
    ],
)
def test_terms_a_name_joined_by_as_well_as_is_no_sub_processor(scanner, lang, text, missing):
    """„As" gives a name the role of sub-processor; in "as well as", „mehr als" it only joins two things."""
    assert ("SUBPROCESSOR_LIST_MISSING" in flags(scanner, text, lang)) is missing


MESSENGER = {
    "en": (
        "# Privacy Policy\n\n## Hosting\n\n{scc}\n\n## Communication via messenger\n\nWe answer enquiries through the "
        "Parlo messenger. {encrypted}\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Hosting\n\n{scc}\n\n## Kommunikation via Messenger\n\nWir beantworten Anfragen "
        "über den Messenger Parlo. {encrypted}\n"
    ),
}


@pytest.mark.parametrize(
    ("lang", "encrypted", "unaddressed"),
    [
        ("en", "The contents of your messages are end-to-end encrypted.", True),
        ("de", "Die Übertragung der Nachrichteninhalte erfolgt Ende-zu-Ende-verschlüsselt.", True),
        # Where the messenger section speaks of data going abroad, the encryption protects that transfer.
        ("en", "Messages sent to its servers in third countries are end-to-end encrypted.", False),
        ("de", "Nachrichten an seine Server in Drittländern werden Ende-zu-Ende-verschlüsselt übermittelt.", False),
    ],
)
def test_terms_a_messengers_end_to_end_encryption_is_no_transfer_measure(scanner, lang, encrypted, unaddressed):
    """A messenger section's end-to-end encrypted chats are what the messenger does, no measure of the vendor's on its
    transfers, unless the sentence speaks of data going abroad."""
    scc = (SCC_EN if lang == "en" else SCC_DE).strip()
    text = MESSENGER[lang].format(scc=scc, encrypted=encrypted)
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="privacy_policy")
    assert (SMU in {f.rule_id for f in report.findings}) is unaddressed


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "# Privacy Policy\n\n## Security\n\n{scc}\n\nFiles you upload are end-to-end encrypted.\n"),
        (
            "de",
            "# Datenschutzerklärung\n\n## Sicherheit\n\n{scc}\n\nHochgeladene Dateien sind Ende-zu-Ende-verschlüsselt.\n",
        ),
    ],
)
def test_terms_end_to_end_encryption_outside_a_messenger_section_addresses_it(scanner, lang, text):
    """End-to-end encryption of the vendor's own service addresses supplementary measures wherever it is said."""
    report = scanner.scan_text(
        text.format(scc=(SCC_EN if lang == "en" else SCC_DE).strip()),
        language=lang,
        format="markdown",
        doc_type="privacy_policy",
    )
    assert SMU not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Chats: our instant messaging app keeps the texts on the phone.", True),
        ("Der Nachrichtendienst verschlüsselt jede Textnachricht.", True),
        ("We encrypt backups before they leave the data centre.", False),
        ("Wir verschlüsseln Sicherungen, bevor sie das Rechenzentrum verlassen.", False),
    ],
)
def test_terms_a_messenger_named_is_remembered_per_text(text, names):
    """The answer remembered for a block's text or heading is MESSENGER's, asked again or not."""
    from dpcheck.extract.terms import MESSENGER, _names_messenger

    assert _names_messenger(text) is names is (MESSENGER.search(text) is not None)
    assert _names_messenger(text) is names


@pytest.mark.parametrize(
    ("lang", "text", "objection_missing"),
    [
        (
            "en",
            "## Sub-processors\n\nThe Processor shall not engage (or pass any Customer data to) any sub-processor unless "
            "required or authorised by the Customer.",
            False,
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftragnehmer darf keinen Unterauftragsverarbeiter beauftragen (oder "
            "ihm Daten des Auftraggebers übermitteln), es sei denn, der Auftraggeber hat zugestimmt.",
            False,
        ),
        # A bracket that gives leave of its own is a clause of its own, and ends the negation's reach.
        (
            "en",
            "## Sub-processors\n\nThe Processor shall not pass Customer data to third parties (and may appoint new "
            "sub-processors as it sees fit) unless the Customer has given its consent.",
            True,
        ),
        (
            "de",
            "## Unterauftragsverarbeiter\n\nDer Auftragnehmer darf keine Unterauftragsverarbeiter (außer Konzerngesellschaften "
            "oder Rechenzentren, die er jederzeit hinzuziehen darf) ohne Zustimmung des Auftraggebers beauftragen.",
            True,
        ),
        # A bracket does not join the leave after it to the negation before it.
        (
            "en",
            "## Sub-processors\n\nThe Processor shall not engage any sub-processor (or pass data to one) and may engage "
            "sub-processors at will.",
            True,
        ),
    ],
)
def test_terms_a_bracket_inside_a_consent_condition_keeps_it(scanner, lang, text, objection_missing):
    """ "shall not engage (or pass data to) any sub-processor unless authorised": the "or" inside the bracket ends no
    clause, so each engagement still waits for the controller's consent (a specific authorisation)."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in {f.rule_id for f in report.findings}) is objection_missing
