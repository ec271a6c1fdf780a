"""Core flags on wording that is easily misread: a region's working hours, the fields a notice fills in, and a
company's seat in brackets (dpcheck.extract.destinations)."""

from __future__ import annotations

import pytest

from dpcheck.models import UNSPECIFIED


def _scan(scanner, text, lang, doc_type="dpa"):
    report = scanner.scan_text(text, language=lang, doc_type=doc_type)
    return {t.destination for t in report.transfers}, {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text", "country"),
    [
        ("en", "Tickets raised outside EU office hours are handled by our support team in Canada.", "CA"),
        (
            "en",
            "If a request arrives outside EEA working hours, our contractor Harbourline Support Inc. in Cebu, "
            "Philippines, may access Customer Personal Data to answer it.",
            "PH",
        ),
        (
            "de",
            "Anfragen außerhalb der EU Geschäftszeiten bearbeitet unser Dienstleister Beispiel Inc. in Manila, "
            "Philippinen.",
            "PH",
        ),
    ],
)
def test_region_words_qualifying_working_hours_leave_no_destination_open(scanner, lang, text, country):
    """Whose working day it is says when the named provider steps in, not that data goes anywhere else."""
    destinations, flags = _scan(scanner, text, lang)
    assert destinations == {country}
    assert "TRANSFER_DESTINATION_UNSPECIFIED" not in flags


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our staff may access Customer Data from outside the EU 24 hours a day."),
        ("de", "Unsere Mitarbeiter greifen rund um die Uhr auch von außerhalb der EU auf die Kundendaten zu."),
    ],
)
def test_access_from_outside_the_region_around_the_clock_stays_open(scanner, lang, text):
    destinations, flags = _scan(scanner, text, lang)
    assert UNSPECIFIED in destinations
    assert "TRANSFER_DESTINATION_UNSPECIFIED" in flags


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Each notice names the new sub-processor, the services it provides and the country where it will "
            "process Customer Data.",
        ),
        (
            "en",
            "Each notice states the new sub-processor's name, the work it will do and the country where it will "
            "process Customer Data.",
        ),
        (
            "en",
            "Each notice states the new sub-processor's name, the processing it will carry out and the country where "
            "it will process Customer Data.",
        ),
        (
            "en",
            "The notification will state the name of the sub-processor and the countries in which it will process "
            "Customer Data.",
        ),
        (
            "de",
            "Die Mitteilung nennt den neuen Unterauftragsverarbeiter und die Länder, in denen er Kundendaten "
            "verarbeiten wird.",
        ),
    ],
)
def test_the_fields_of_a_notice_leave_no_destination_open(scanner, lang, text):
    """What a notice of a new sub-processor will tell the customer is a field it fills in, no transfer."""
    destinations, flags = _scan(scanner, text, lang)
    assert UNSPECIFIED not in destinations
    assert "TRANSFER_DESTINATION_UNSPECIFIED" not in flags


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We will transfer Customer Data to the country where the sub-processor is located."),
        ("en", "The list names our providers; we transfer Customer Data to the countries where they are located."),
        ("de", "Wir übermitteln Kundendaten in die Länder, in denen unsere Dienstleister ansässig sind."),
    ],
)
def test_sending_data_to_the_providers_countries_stays_open(scanner, lang, text):
    destinations, _ = _scan(scanner, text, lang)
    assert UNSPECIFIED in destinations


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "To check your spelling, the text you enter is sent to the interface of Example Lingo Ltd. "
            "(Dublin, Ireland).",
        ),
        (
            "de",
            "Für die Auswertung werden die hochgeladenen Texte an die Schnittstelle der Beispiel KI Ltd. "
            "(Dublin, Irland) übermittelt.",
        ),
    ],
)
def test_a_recipients_seat_in_brackets_does_not_address_transfers(scanner, lang, text):
    """The bracket after a legal form is the company's letterhead: it does not say where data is kept or whether it
    leaves the EEA."""
    _, flags = _scan(scanner, text, lang, "privacy_policy")
    assert "TRANSFERS_NOT_ADDRESSED" in flags


@pytest.mark.parametrize(
    ("lang", "text", "addressed"),
    [
        ("en", "The text you enter is sent to Example Lingo Inc. (San Francisco, USA).", "US"),
        ("de", "Die Texte werden an die Beispiel Inc. (San Francisco, USA) übermittelt.", "US"),
        ("en", "All data is stored on servers of our host in Germany.", None),
        ("de", "Alle Daten werden auf Servern in Deutschland gespeichert.", None),
    ],
)
def test_a_third_country_seat_or_servers_in_the_eea_still_address_transfers(scanner, lang, text, addressed):
    destinations, flags = _scan(scanner, text, lang, "privacy_policy")
    assert "TRANSFERS_NOT_ADDRESSED" not in flags
    assert destinations == ({addressed} if addressed else set())


LISTED = {
    "en": "The Processor uses the following sub-processors:\n\n- Example Hosting GmbH, Germany, hosting\n\n",
    "de": "Der Auftragnehmer bedient sich folgender Unterauftragsverarbeiter:\n\n- Beispiel Hosting GmbH, Deutschland, "
    "Hosting\n\n",
}


def _subprocessor_flags(scanner, text, lang):
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    return {f.rule_id for f in report.findings if "SUBPROCESSOR" in f.rule_id}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_closed_list_of_sub_processors_in_use_authorises_those_listed(scanner, lang):
    """A contract that lists the sub-processors in use and says nothing of changing them authorises each of them: no
    right to object to new ones is missing, and the Art. 28(2) authorisation is there."""
    flags = _subprocessor_flags(scanner, LISTED[lang], lang)
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in flags
    assert "ART28_SUBPROCESSORS_MISSING" not in flags


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "The Processor may update its sub-processors from time to time."),
        ("en", "The Processor will inform the Customer of any new sub-processor 30 days in advance."),
        ("en", "The Processor will inform the Customer of new sub-processors once they have been engaged."),
        ("en", "The Customer may object to a new sub-processor within 14 days."),
        (
            "de",
            "Über neue Unterauftragsverarbeiter informiert der Auftragnehmer den Auftraggeber vier Wochen im Voraus.",
        ),
        ("de", "Der Auftraggeber kann der Beauftragung neuer Unterauftragsverarbeiter widersprechen."),
    ],
)
def test_a_list_in_use_with_a_clause_on_changes_is_a_general_authorisation(scanner, lang, clause):
    """Once the contract speaks of new sub-processors, the list is where a general authorisation starts: notice and
    objection must both be there."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, LISTED[lang] + clause, lang)


HEADED = {
    "en": "## Sub-processors\n\n" + LISTED["en"],
    "de": "## Unterauftragsverarbeiter\n\n" + LISTED["de"],
}


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "The Processor may amend this list at any time."),
        ("en", "This list may be updated from time to time."),
        ("en", "The Processor will inform the Customer of any changes."),
        ("de", "Der Auftragnehmer kann diese Liste jederzeit ändern."),
        ("de", "Der Auftragnehmer kann weitere Unterauftragsverarbeiter hinzuziehen."),
        ("de", "Die Liste wird bei Bedarf angepasst."),
        ("de", "Über Änderungen informiert der Auftragnehmer den Auftraggeber."),
    ],
)
def test_a_list_in_use_that_may_change_is_no_closed_list(scanner, lang, clause):
    """A clause under the sub-processor heading that lets the list change, without naming new sub-processors or with
    no notice at all, makes the list the start of a general authorisation: the right to object must be there."""
    report = scanner.scan_text(HEADED[lang] + clause, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "Changes to this DPA must be made in writing."),
        ("de", "Änderungen dieser Vereinbarung bedürfen der Schriftform."),
    ],
)
def test_changes_of_the_agreement_leave_a_list_in_use_closed(scanner, lang, clause):
    """Changes of the contract itself say nothing of the sub-processors: the list still authorises those on it."""
    report = scanner.scan_text(HEADED[lang] + clause, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The list of sub-processors includes Example Cloud Inc., which processes Customer Data outside the EEA.",
        ),
        ("en", "Our notice also states that we transfer personal data to countries outside the EU."),
        (
            "de",
            "Die Liste der Unterauftragsverarbeiter enthält die Beispiel Inc., die Daten in Drittländern verarbeitet.",
        ),
        ("de", "Das Verzeichnis nennt Dienstleister, an die wir Daten in Drittstaaten übermitteln."),
        # A transfer word between the list's verb and the open words, and "States" as a noun, not a verb.
        ("en", "The register shows all data flows, including transfers to third countries."),
        ("de", "Das Verzeichnis nennt alle Datenflüsse, auch Übermittlungen in Drittländer."),
        ("en", "The list covers EU Member States and third countries."),
    ],
)
def test_open_words_in_a_clause_of_their_own_after_a_list_stay_open(scanner, lang, text):
    """A clause of its own after what a list or notice holds ("which processes", "that we transfer", „an die wir")
    says where data goes: no field of the list."""
    destinations, _ = _scan(scanner, text, lang)
    assert UNSPECIFIED in destinations


UNHEADED = {
    "en": "## Performance\n\n" + LISTED["en"],
    "de": "## Leistungserbringung\n\n" + LISTED["de"],
}


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "The Processor will inform the Customer of any changes."),
        ("de", "Über Änderungen informiert der Auftragnehmer den Auftraggeber."),
        ("de", "Über Änderungen wird der Auftraggeber rechtzeitig informiert."),
    ],
)
def test_a_change_notice_right_after_a_list_in_use_outside_a_sub_processor_section(scanner, lang, clause):
    """The paragraph right after the list speaks of the sub-processors listed, whatever the section's heading: the
    changes it announces are theirs, so the list is a general authorisation and the right to object is missing."""
    report = scanner.scan_text(UNHEADED[lang] + clause, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" in {f.rule_id for f in report.findings}


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "The Processor keeps its staff bound to confidentiality. Changes to this DPA must be made in writing."),
        ("de", "Der Auftragnehmer verpflichtet sein Personal auf Vertraulichkeit."),
        # A notice period to end the contract is no notice of, nor objection to, a new sub-processor.
        ("en", "Either party may terminate this Agreement on 30 days' notice."),
        ("de", "Jede Partei kann diesen Vertrag mit einer Frist von 30 Tagen kündigen."),
    ],
)
def test_other_terms_after_a_list_in_use_leave_it_closed(scanner, lang, clause):
    report = scanner.scan_text(UNHEADED[lang] + clause, language=lang, doc_type="dpa", format="markdown")
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in {f.rule_id for f in report.findings}


AUTHORISED = {
    "en": "The Customer grants the Processor a general authorisation to engage sub-processors. The sub-processors "
    "engaged at signature are listed in Annex 2. ",
    "de": "Der Auftraggeber erteilt dem Auftragnehmer die allgemeine Genehmigung, Unterauftragsverarbeiter "
    "einzusetzen. Die bei Vertragsschluss eingesetzten Unterauftragsverarbeiter sind in Anlage 2 aufgeführt. ",
}


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "The Processor publishes changes in its changelog once the new sub-processor has started its work."),
        (
            "en",
            "The Processor announces changes by updating its sub-processor page; the authorisation is deemed "
            "given upon publication.",
        ),
        (
            "de",
            "Änderungen veröffentlicht der Auftragnehmer im Changelog, sobald der neue Unterauftragsverarbeiter "
            "seine Tätigkeit aufgenommen hat.",
        ),
        (
            "de",
            "Über Änderungen informiert der Auftragnehmer durch Aktualisierung der Übersicht unter "
            "www.beispiel.de/unterauftragnehmer; die Genehmigung gilt mit der Veröffentlichung als erteilt.",
        ),
    ],
)
def test_a_change_announced_once_it_stands_is_no_prior_notice(scanner, lang, clause):
    """Notice once the new sub-processor is at work, or an authorisation that stands the moment the change is
    published, leaves the customer nothing to object to in advance (Art. 28(2)), whatever objection clause follows."""
    objection = {
        "en": " The Customer may object to a new sub-processor within 14 days.",
        "de": " Der Auftraggeber kann einem neuen Unterauftragsverarbeiter binnen 14 Tagen widersprechen.",
    }
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(
        scanner, AUTHORISED[lang] + clause + objection[lang], lang
    )


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "The Processor informs the Customer 30 days before the new sub-processor starts its work."),
        (
            "de",
            "Der Auftragnehmer informiert den Auftraggeber 30 Tage, bevor der neue Unterauftragsverarbeiter seine "
            "Tätigkeit aufnimmt.",
        ),
        # Announced in advance first: the list updated once the work began, or the authorisation standing on
        # publication, does not make that notice late.
        (
            "en",
            "The Processor informs the Customer 30 days before a new sub-processor starts and updates the list once "
            "the new sub-processor has started its work.",
        ),
        (
            "en",
            "The Processor publishes each new sub-processor on its sub-processor page 30 days before it starts; the "
            "authorisation is deemed given upon publication.",
        ),
        (
            "de",
            "Der Auftragnehmer informiert den Auftraggeber 30 Tage, bevor ein neuer Unterauftragsverarbeiter tätig "
            "wird, und aktualisiert die Liste, sobald er seine Tätigkeit aufgenommen hat.",
        ),
        (
            "de",
            "Der Auftragnehmer veröffentlicht neue Unterauftragsverarbeiter 30 Tage vor ihrem Einsatz; die "
            "Genehmigung gilt mit der Veröffentlichung als erteilt.",
        ),
    ],
)
def test_notice_before_the_work_begins_is_prior_notice(scanner, lang, clause):
    objection = {
        "en": " The Customer may object to a new sub-processor within 14 days.",
        "de": " Der Auftraggeber kann einem neuen Unterauftragsverarbeiter binnen 14 Tagen widersprechen.",
    }
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(
        scanner, AUTHORISED[lang] + clause + objection[lang], lang
    )


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Customer generally authorises sub-processors of the types described in Annex 3."),
        ("en", "The Processor uses sub-processors of the following categories: hosting, email delivery, support."),
        (
            "de",
            "Der Auftraggeber genehmigt allgemein den Einsatz von Unterauftragsverarbeitern der in Anlage 3 "
            "beschriebenen Art.",
        ),
        (
            "de",
            "Der Auftragnehmer setzt Unterauftragsverarbeiter der folgenden Kategorien ein: Hosting, E-Mail-Versand.",
        ),
    ],
)
def test_sub_processors_named_by_kind_are_no_list(scanner, lang, text):
    """A kind of sub-processor, whether before the word or after it, does not say who processes the data; the finding
    quotes the clause that names them by kind."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    missing = [f for f in report.findings if f.rule_id == "SUBPROCESSOR_LIST_MISSING"]
    assert missing
    assert missing[0].evidence[0].quote == text


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        ("en", "A list of sub-processors will be included in the final DPA.", True),
        ("en", "The list of sub-processors is to be added at a later date.", True),
        ("de", "Die Liste der Unterauftragsverarbeiter wird nachgereicht.", True),
        ("de", "Eine Liste der Unterauftragsverarbeiter folgt in der endgültigen Fassung dieses Vertrags.", True),
        ("en", "The list of sub-processors is available at https://example.com/subprocessors.", False),
        ("en", "The list of sub-processors will be provided on request.", False),
        ("de", "Die Liste der Unterauftragsverarbeiter ist in Anlage 3 enthalten.", False),
        ("en", "List of sub-processors: to follow.", True),
        # Something else promised for later, in a clause of its own or one on changes to the list, keeps the list.
        (
            "en",
            "The current sub-processors are listed in Annex 3; further sub-processors may be added at a later date.",
            False,
        ),
        (
            "en",
            "The sub-processors currently engaged are listed in Annex 3, which the Provider will update in a future "
            "version of this DPA.",
            False,
        ),
        (
            "de",
            "Die aktuellen Unterauftragsverarbeiter sind in Anlage 3 aufgeführt; weitere kommen zu einem späteren "
            "Zeitpunkt hinzu.",
            False,
        ),
    ],
)
def test_a_list_promised_for_later_is_no_list(scanner, lang, text, missing):
    """A placeholder that promises the list for a later version names nobody now; a place where the list is kept,
    or its delivery on request, points to it."""
    opening = {
        "en": "The Provider engages sub-processors for hosting and email delivery. ",
        "de": "Der Anbieter setzt Unterauftragsverarbeiter für Hosting und E-Mail-Versand ein. ",
    }
    report = scanner.scan_text(opening[lang] + text, language=lang, doc_type="dpa")
    found = [f for f in report.findings if f.rule_id == "SUBPROCESSOR_LIST_MISSING"]
    assert bool(found) is missing
    if missing:
        assert found[0].evidence[0].quote == text


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        (
            "en",
            "The Processor announces new sub-processors 30 days in advance. The Customer may object to a new "
            "sub-processor within 14 days; a right to object to approved sub-processors does not exist.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Der Auftraggeber kann einem "
            "neuen Unterauftragsverarbeiter binnen 14 Tagen widersprechen; ein Widerspruchsrecht gegen genehmigte "
            "Unterauftragsverarbeiter besteht nicht.",
        ),
    ],
)
def test_a_right_to_object_granted_then_narrowed_stands(scanner, lang, clause):
    """A right to object to new sub-processors granted in one part of the sentence, and denied for those already
    approved in the next, is the right Art. 28(2) asks for: the denial narrows it."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(scanner, AUTHORISED[lang] + clause, lang)


@pytest.mark.parametrize(
    ("lang", "definition", "clause"),
    [
        (
            "en",
            '"Sub-processor Page" means the web page at https://example.com/subprocessors, as updated from time to '
            "time.",
            "The Processor will update the Sub-processor Page when it engages a new sub-processor.",
        ),
        (
            "de",
            "„Unterauftragsverarbeiter-Seite“ bezeichnet die Webseite unter https://beispiel.de/uav, wie sie von Zeit "
            "zu Zeit aktualisiert wird.",
            "Der Auftragnehmer aktualisiert die Unterauftragsverarbeiter-Seite, wenn er einen neuen "
            "Unterauftragsverarbeiter einsetzt.",
        ),
    ],
)
def test_a_definition_is_no_place_for_the_missing_notice(scanner, lang, definition, clause):
    """A clause letting the list change shows where notice of the change belongs; a definition only says what a word
    means, so the finding quotes the clause that changes the list first, not the definition."""
    report = scanner.scan_text(f"{definition} {AUTHORISED[lang]}{clause}", language=lang, doc_type="dpa")
    missing = [f for f in report.findings if f.rule_id == "SUBPROCESSOR_OBJECTION_MISSING"]
    assert missing
    assert missing[0].evidence[0].quote == clause
    assert definition not in {e.quote for e in missing[0].evidence}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Processor engages the sub-processors listed in Annex 3 and, for peak loads, sub-processors of the "
            "following types: cloud hosting and email delivery.",
        ),
        (
            "de",
            "Der Auftragnehmer setzt die in Anlage 3 aufgeführten Unterauftragsverarbeiter ein sowie bei Lastspitzen "
            "Unterauftragsverarbeiter der folgenden Kategorien: Hosting und E-Mail-Versand.",
        ),
    ],
)
def test_a_list_of_sub_processors_beside_their_kinds_is_a_list(scanner, lang, text):
    """Sub-processors named by kind in one part of the sentence leave the list the other part points to: the list
    words stand with the sub-processors themselves, no kind between them."""
    opening = {
        "en": "The Customer grants a general authorisation to engage sub-processors. ",
        "de": "Der Auftraggeber erteilt die allgemeine Genehmigung zum Einsatz von Unterauftragsverarbeitern. ",
    }
    assert "SUBPROCESSOR_LIST_MISSING" not in _subprocessor_flags(scanner, opening[lang] + text, lang)


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        (
            "en",
            "The Processor announces new sub-processors 30 days in advance. A right to object does not exist; the "
            "Customer may still terminate the agreement for convenience.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Ein Widerspruchsrecht des "
            "Auftraggebers besteht nicht; das Recht zur ordentlichen Kündigung bleibt dem Auftraggeber unbenommen.",
        ),
    ],
)
def test_a_right_to_object_denied_first_stays_denied(scanner, lang, clause):
    """A denial that opens the sentence takes the right away; the way out of the contract left after it is no
    objection to a sub-processor."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, AUTHORISED[lang] + clause, lang)


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "Liability and changes. The Processor is liable for its sub-processors as for its own acts."),
        (
            "de",
            "Haftung und Änderungen. Der Auftragnehmer haftet für seine Unterauftragsverarbeiter wie für sich selbst.",
        ),
    ],
)
def test_a_run_in_title_naming_changes_leaves_a_closed_list_closed(scanner, lang, clause):
    """A clause's run-in title ("Liability and changes.") names what the clause is about; it says nothing of changing
    the sub-processors, so the closed list before it still authorises those listed."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(scanner, LISTED[lang] + clause, lang)


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "Liability and changes. The Processor may replace sub-processors at any time."),
        ("de", "Haftung und Änderungen. Der Auftragnehmer kann Unterauftragsverarbeiter jederzeit austauschen."),
    ],
)
def test_the_terms_after_such_a_title_still_open_the_list(scanner, lang, clause):
    """The terms under the title are read as ever: sub-processors replaced at will make the list a general
    authorisation with no notice."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, LISTED[lang] + clause, lang)


@pytest.mark.parametrize(
    ("lang", "clause", "missing"),
    [
        (
            "en",
            "The Processor engages the sub-processors listed in Annex 3 and further sub-processors may be added at a "
            "later date.",
            False,
        ),
        (
            "de",
            "Der Auftragnehmer setzt die in Anlage 3 aufgeführten Unterauftragsverarbeiter ein und weitere "
            "Unterauftragsverarbeiter können zu einem späteren Zeitpunkt folgen.",
            False,
        ),
        ("en", "The list of sub-processors will be provided at a later date.", True),
        ("de", "Die Liste der Unterauftragsverarbeiter wird zu einem späteren Zeitpunkt bereitgestellt.", True),
    ],
)
def test_more_sub_processors_later_is_no_list_promised_later(scanner, lang, clause, missing):
    """Sub-processors besides the listed ones coming later keep the list there is now, with a comma or without one;
    the list itself promised for later is none yet."""
    assert ("SUBPROCESSOR_LIST_MISSING" in _subprocessor_flags(scanner, clause, lang)) is missing


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        (
            "en",
            "The Processor announces new sub-processors 30 days in advance. The Customer may object to such changes "
            "within 14 days; the Customer waives any right to object.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Der Auftraggeber kann "
            "solchen Änderungen binnen 14 Tagen widersprechen; der Auftraggeber verzichtet auf jedes Widerspruchsrecht.",
        ),
    ],
)
def test_a_right_to_object_taken_back_whole_in_the_same_sentence_is_none(scanner, lang, clause):
    """A right to object granted and then waived without limit in the next part of the sentence contradicts itself:
    the customer cannot rely on it, unlike a denial limited to sub-processors already approved."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, AUTHORISED[lang] + clause, lang)


PRICED = {
    "en": "The Processor announces new sub-processors 30 days in advance. It uses the following sub-processors:\n\n"
    "- Example Hosting GmbH, Germany, hosting\n\n",
    "de": "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Er bedient sich folgender "
    "Unterauftragsverarbeiter:\n\n- Beispiel Hosting GmbH, Deutschland, Hosting\n\n",
}


@pytest.mark.parametrize(
    ("lang", "clause", "flagged"),
    [
        (
            "en",
            "The Processor may change its prices with 30 days' notice. If the Customer objects to a price change, it "
            "may terminate the agreement.",
            True,
        ),
        (
            "de",
            "Der Auftragnehmer kann seine Preise mit einer Frist von 30 Tagen ändern. Widerspricht der Auftraggeber "
            "einer Preisanpassung, kann er den Vertrag kündigen.",
            True,
        ),
        ("en", "The Customer may object to a new sub-processor within 14 days.", False),
        ("de", "Der Auftraggeber kann einem neuen Unterauftragsverarbeiter binnen 14 Tagen widersprechen.", False),
    ],
)
def test_an_objection_to_a_price_change_is_no_right_to_object_to_sub_processors(scanner, lang, clause, flagged):
    """After a list of sub-processors, a price change with its notice and a way out for a customer who objects to it
    is the price's matter: the right to object to new sub-processors is still missing."""
    flags = _subprocessor_flags(scanner, PRICED[lang] + clause, lang)
    assert ("SUBPROCESSOR_OBJECTION_MISSING" in flags) is flagged


@pytest.mark.parametrize(
    ("lang", "text", "countries"),
    [
        ("de", "Gäste können an Kursen in Kanada teilnehmen oder wandern gehen.", set()),
        ("de", "Teilnehmer können an Workshops in Japan teilnehmen und danach einkaufen gehen.", set()),
        ("en", "Guests may take part in courses in Canada or go hiking.", set()),
        # The verb of going closing a clause on data still sends it, its place up to six words on.
        ("de", "Befunde können an eine Fachklinik in der Schweiz gehen.", {"CH"}),
        ("de", "Zahlungsdaten können an Kartenorganisationen in den USA gehen.", {"US"}),
        ("en", "Payment data may be passed on to card schemes in the United States.", {"US"}),
    ],
)
def test_going_after_another_verb_sends_no_data(scanner, lang, text, countries):
    """„wandern gehen" is a verb of its own: the object of the verb before it („an Kursen in Kanada teilnehmen") is no
    party data goes to."""
    assert _scan(scanner, text, lang, "privacy_policy")[0] == countries


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "After a serious incident the Processor may call in a forensics firm that inspects the affected customer "
            "Systems from outside the EU.",
        ),
        (
            "de",
            "Nach einem Sicherheitsvorfall kann der Auftragnehmer eine Forensikfirma hinzuziehen, die die betroffenen "
            "Systeme auch von außerhalb der EU untersucht.",
        ),
    ],
)
def test_a_word_for_people_qualifying_a_noun_names_no_one_acting_from_the_region(scanner, lang, text):
    """„die betroffenen Systeme", "customer Systems": the systems reached from outside the region, not people there."""
    destinations, flags = _scan(scanner, text, lang)
    assert UNSPECIFIED in destinations
    assert "TRANSFER_DESTINATION_UNSPECIFIED" in flags


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Data subjects may use the app from outside the EU."),
        ("de", "Die betroffenen Personen können die App auch von außerhalb der EU nutzen."),
    ],
)
def test_people_acting_from_the_region_stay_where_they_are(scanner, lang, text):
    destinations, _ = _scan(scanner, text, lang)
    assert UNSPECIFIED not in destinations


@pytest.mark.parametrize(
    ("lang", "text", "open_"),
    [
        (
            "en",
            "Our backups are kept in Canada. If you book a coach based outside the EEA, your booking is shared with "
            "the coach in the country where they live.",
            True,
        ),
        (
            "de",
            "Unsere Sicherungen liegen in Kanada. Buchen Sie einen Coach außerhalb des EWR, wird Ihre Buchung an den "
            "Coach in dem Land, in dem er lebt, weitergegeben.",
            True,
        ),
        (
            "en",
            "Our backups are kept in Canada. You can complain to the supervisory authority in the country where you live.",
            False,
        ),
        (
            "de",
            "Unsere Sicherungen liegen in Kanada. Sie können sich bei der Aufsichtsbehörde in dem Land, in dem Sie "
            "leben, beschweren.",
            False,
        ),
    ],
)
def test_the_country_where_the_recipient_lives_is_left_open(scanner, lang, text, open_):
    """Data shared with a person in the country where that person lives goes wherever they live, beside the countries
    the text names; the reader's own country is where the reader complains, not where data goes."""
    destinations, _ = _scan(scanner, text, lang, doc_type="privacy_policy")
    assert (UNSPECIFIED in destinations) is open_


@pytest.mark.parametrize(
    ("lang", "text", "open_"),
    [
        ("en", "A Sub-processor may engage its own sub-processors wherever those are located.", True),
        (
            "de",
            "Ein Unterauftragsverarbeiter darf weitere Unterauftragsverarbeiter einsetzen, gleich wo diese ansässig sind.",
            True,
        ),
        ("en", "The Service may be used by Customer's employees wherever those are located.", False),
    ],
)
def test_onward_recipients_wherever_they_are_leave_the_destination_open(scanner, lang, text, open_):
    """The sub-processors just named, wherever they are: destinations left open; the customer's own people, wherever they
    are, send data nowhere."""
    destinations, _ = _scan(scanner, text, lang)
    assert (UNSPECIFIED in destinations) is open_


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        (
            "en",
            "The Processor announces new sub-processors 30 days in advance. A right to object to individual "
            "sub-processors does not exist.",
        ),
        (
            "en",
            "The Processor announces new sub-processors 30 days in advance. A right to object to sub-processors "
            "does not exist.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Ein Widerspruchsrecht "
            "gegen einzelne Unterauftragsverarbeiter besteht nicht.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Ein Widerspruchsrecht "
            "des Auftraggebers ist ausgeschlossen.",
        ),
        (
            "en",
            "The Processor announces new sub-processors 30 days in advance. The announcement does not give the "
            "Controller a right to object.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Ein Widerspruchsrecht "
            "ist mit dieser Ankündigung nicht verbunden.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Ein Einspruchsrecht "
            "wird dem Auftraggeber nicht eingeräumt.",
        ),
    ],
)
def test_a_right_to_object_denied_at_the_clause_end(scanner, lang, clause):
    """What the right would be against may stand between it and the words that deny it: no right to object."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, AUTHORISED[lang] + clause, lang)


ORDINARY_TERMINATION_KEPT = {
    "en": "The Processor announces new sub-processors 30 days in advance. If the Controller does not agree with a "
    "change, its right of ordinary termination of the main contract remains unaffected.",
    "de": "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Ist der Auftraggeber mit "
    "der Änderung nicht einverstanden, bleibt ihm das Recht zur ordentlichen Kündigung des Hauptvertrags unberührt.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_ordinary_termination_kept_is_no_right_to_object(scanner, lang):
    """The contract's ordinary way out, kept as it was, is what every customer has: no right to object to a change."""
    text = AUTHORISED[lang] + ORDINARY_TERMINATION_KEPT[lang]
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "objection"),
    [
        ("en", " The Controller may object to a new sub-processor within 14 days of the announcement."),
        ("de", " Der Auftraggeber kann einem neuen Unterauftragsverarbeiter binnen 14 Tagen widersprechen."),
    ],
)
def test_ordinary_termination_kept_beside_a_right_to_object(scanner, lang, objection):
    """The saving clause beside a real right to object takes nothing from it."""
    text = AUTHORISED[lang] + ORDINARY_TERMINATION_KEPT[lang] + objection
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "en",
            "The Processor announces new sub-processors 30 days in advance; the Controller may object to a new "
            "sub-processor within 14 days, and its right of ordinary termination remains unaffected.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an; der Auftraggeber kann binnen "
            "14 Tagen widersprechen, sein Recht zur ordentlichen Kündigung bleibt unberührt.",
        ),
    ],
)
def test_ordinary_termination_kept_in_the_sentence_granting_the_right(scanner, lang, sentence):
    """The saving clause in the very sentence that grants the right to object takes nothing from it either."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(scanner, AUTHORISED[lang] + sentence, lang)


@pytest.mark.parametrize(
    ("lang", "text", "countries"),
    [
        (
            "en",
            "We share your booking with the event venue. Ticket prices are shown in the currency of the event's "
            "location, for example euros or Swiss francs.",
            set(),
        ),
        (
            "en",
            "Prices are shown in Swiss francs. We transfer booking data to our ticketing partner in Switzerland.",
            {"CH"},
        ),
        (
            "de",
            "Die Preise werden in Schweizer Franken angezeigt. Buchungsdaten übermitteln wir an unseren Ticketpartner "
            "in der Schweiz.",
            {"CH"},
        ),
        ("en", "Backups are copied from Ireland to Japan and Brazil real-time by our cloud provider.", {"JP", "BR"}),
        ("en", "We share listing data with our partners in the US real estate market.", {"US"}),
        ("de", "Rechnungen stellen wir in US-Dollar oder in Schweizer Franken aus.", set()),
    ],
)
def test_a_currency_named_after_a_country_is_no_destination(scanner, lang, text, countries):
    """ "Swiss francs" is money; the partner in Switzerland is a destination, and so are places before "real-time" or
    "real estate"."""
    destinations, _ = _scan(scanner, text, lang, doc_type="privacy_policy")
    assert destinations == countries


@pytest.mark.parametrize(
    ("lang", "text", "countries"),
    [
        (
            "en",
            "Our support desk has engaged Palmyra Helpdesk Private Limited, Pune, India, to answer tickets at night.",
            {"IN"},
        ),
        (
            "de",
            "Unser Support beauftragt die Palmyra Helpdesk Private Limited, Pune, Indien, mit der Beantwortung "
            "nächtlicher Tickets.",
            {"IN"},
        ),
        ("en", "The Customer has engaged the Processor to provide the Services.", set()),
    ],
)
def test_a_provider_engaged_at_its_address_is_where_it_works(scanner, lang, text, countries):
    """A company engaged for the work, named with its address, receives the data there."""
    destinations, _ = _scan(scanner, text, lang, doc_type="subprocessor_list")
    assert destinations == countries


@pytest.mark.parametrize(
    ("lang", "text", "missing"),
    [
        (
            "en",
            "The Customer authorises the Processor to engage sub-processors.\n\nAnnex 2 – Sub-processors\n\nThis list covers "
            "the sub-processors the Processor may engage for customer projects.",
            False,
        ),
        (
            "de",
            "Der Auftraggeber genehmigt den Einsatz von Unterauftragsverarbeitern.\n\nAnlage 2 – Unterauftragsverarbeiter\n\n"
            "Diese Liste bezieht sich auf die Sub-Prozessoren, die bei Kundenprojekten zum Einsatz kommen.",
            False,
        ),
        ("en", "The Customer authorises the Processor to engage sub-processors.", True),
        (
            "en",
            "The Customer authorises the Processor to engage sub-processors. The Processor keeps a record of its "
            "sub-processors and tells the Customer of changes to this list.",
            True,
        ),
        (
            "de",
            "Der Auftraggeber genehmigt den Einsatz von Unterauftragsverarbeitern. Der Auftragnehmer führt ein Verzeichnis "
            "seiner Unterauftragsverarbeiter und informiert über Änderungen dieser Liste.",
            True,
        ),
    ],
)
def test_this_list_of_sub_processors_is_the_list_at_hand(scanner, lang, text, missing):
    """ "This list", „Diese Liste" saying what it holds: the list the document holds right there; "changes to this list"
    of a record the text only names places no list."""
    assert ("SUBPROCESSOR_LIST_MISSING" in _subprocessor_flags(scanner, text, lang)) is missing


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Processor processes personal data only on documented instructions, including with regard to transfers "
            "to third countries, unless required by EU, UK, Swiss, or other applicable law.",
        ),
        (
            "de",
            "Der Auftragsverarbeiter verarbeitet Daten nur auf dokumentierte Weisung, auch bei Übermittlungen in "
            "Drittländer, sofern er nicht durch EU-, UK- oder sonstiges anwendbares Recht dazu verpflichtet ist.",
        ),
    ],
)
def test_places_naming_the_law_a_list_ends_with_are_no_destinations(scanner, lang, text):
    """ "UK, Swiss, or other applicable law": laws that may require processing, not places data goes to."""
    destinations, _ = _scan(scanner, text, lang)
    assert not destinations & {"GB", "CH"}


@pytest.mark.parametrize(
    ("lang", "text", "countries"),
    [
        ("en", "We may host customer records in Canada and other local data centres of our cloud provider.", {"CA"}),
        ("en", "Support files are kept in India, and other relevant data may be mirrored in Singapore.", {"IN", "SG"}),
        ("en", "Records are kept in Ireland; EU, UK, or other applicable data protection law governs them.", set()),
        (
            "de",
            "Wir übermitteln Kundendaten nach Kanada und in die anderen nationalen Rechenzentren unseres Cloud-Anbieters.",
            {"CA"},
        ),
        ("de", "Es gilt EU-, UK- oder sonstiges anwendbares Datenschutzrecht; die Daten liegen in Irland.", set()),
    ],
)
def test_places_before_other_data_centres_or_data_stay_destinations(scanner, lang, text, countries):
    """Only a law closes the list: "Canada and other regional data centres" is where data rests, "India, and other
    relevant data" the data themselves."""
    destinations, _ = _scan(scanner, text, lang)
    assert destinations == countries


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Transfers to sub-processors rely on the SCCs, Module Three.\n\n[COUNSEL: select the modules at signature. "
            "If the parent company is in a third country (e.g., Bermuda), Module Two governs.]",
        ),
        (
            "de",
            "Übermittlungen an Unterauftragsverarbeiter stützen sich auf die Standardvertragsklauseln, Modul 3.\n\n"
            "[RECHTSABTEILUNG: Module bei Unterzeichnung wählen. Sitzt die Muttergesellschaft in einem Drittland (z. B. "
            "Bermuda), gilt Modul 2.]",
        ),
    ],
)
def test_a_place_in_a_later_sentence_of_an_editors_note_is_no_destination(scanner, lang, text):
    """The note the editor left for the lawyer holds every sentence up to its closing bracket."""
    destinations, _ = _scan(scanner, text, lang)
    assert "BM" not in destinations


@pytest.mark.parametrize(
    ("lang", "text", "denial"),
    [
        (
            "en",
            "Support staff of our affiliate in Pune, India, access Customer Data remotely at night. Standard contractual "
            "clauses are not concluded with the affiliate.",
            "Standard contractual clauses are not concluded",
        ),
        (
            "de",
            "Mitarbeiter unserer Konzerngesellschaft in Pune, Indien, greifen nachts per Fernzugriff auf die Kundendaten "
            "zu. Standardvertragsklauseln werden mit der Konzerngesellschaft nicht abgeschlossen.",
            "Standardvertragsklauseln werden",
        ),
    ],
)
def test_a_denied_tool_is_quoted_first_for_a_missing_mechanism(scanner, lang, text, denial):
    """The sentence denying the only tool named shows why the transfer rests on none."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    finding = next(f for f in report.findings if f.rule_id == "TRANSFER_MECHANISM_UNSPECIFIED")
    assert finding.evidence[0].quote.startswith(denial)


LEGEND_LISTS = {
    "en": (
        "# Sub-processors\n\nThe table lists each sub-processor, the place where it processes Customer Data and the "
        "transfer mechanism where processing takes place outside the European Economic Area.\n\n"
        "| Sub-processor | Service | Processing location | Transfer mechanism |\n|---|---|---|---|\n"
        "| Quayside Watch Inc. | Incident response | Global (follow-the-sun) | Standard Contractual Clauses |\n"
    ),
    "de": (
        "# Unterauftragsverarbeiter\n\nDie Tabelle nennt für jeden Unterauftragsverarbeiter den Ort der Verarbeitung und "
        "das Übermittlungsinstrument, wenn die Verarbeitung außerhalb des Europäischen Wirtschaftsraums stattfindet.\n\n"
        "| Unterauftragsverarbeiter | Leistung | Ort der Verarbeitung | Übermittlungsinstrument |\n|---|---|---|---|\n"
        "| Quayside Watch Inc. | Vorfallsbearbeitung | Weltweit (rund um die Uhr) | Standardvertragsklauseln |\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_sentence_telling_what_the_columns_hold_is_quoted_after_the_rows(scanner, lang):
    """ "The table lists ... where processing takes place outside the EEA" says what a column means; the row that
    leaves the place open is the evidence."""
    report = scanner.scan_text(LEGEND_LISTS[lang], language=lang, doc_type="subprocessor_list", format="markdown")
    open_ = next(t for t in report.transfers if t.destination == UNSPECIFIED)
    assert open_.evidence[0].quote.startswith("Quayside Watch Inc.")


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        (
            "en",
            "The Processor announces new sub-processors 30 days in advance. The Customer may object to such changes "
            "within 14 days; thereafter the Customer waives any right to object.",
        ),
        (
            "de",
            "Der Auftragnehmer kündigt neue Unterauftragsverarbeiter 30 Tage im Voraus an. Der Auftraggeber kann "
            "solchen Änderungen binnen 14 Tagen widersprechen; ein späterer Widerspruch ist ausgeschlossen.",
        ),
    ],
)
def test_a_right_to_object_waived_after_its_period_stands(scanner, lang, clause):
    """A denial limited to the time after the period granted ("thereafter", „später") narrows the right as one limited
    to approved sub-processors does: the right to object within the period is there."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(scanner, AUTHORISED[lang] + clause, lang)


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        (
            "en",
            "The Processor will inform the Customer of any changes 30 days in advance, price changes included. The "
            "Customer may object to such changes within 14 days.",
        ),
        (
            "de",
            "Der Auftragnehmer informiert den Auftraggeber 30 Tage im Voraus über Änderungen, auch über "
            "Preisanpassungen. Der Auftraggeber kann solchen Änderungen binnen 14 Tagen widersprechen.",
        ),
    ],
)
def test_notice_of_any_changes_price_changes_among_them_is_notice(scanner, lang, clause):
    """Notice of every change, the price's among them, is notice of new sub-processors too; only a sentence whose
    changes are all the price's gives the price notice alone."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(scanner, AUTHORISED[lang] + clause, lang)


NOTICE_GIVEN = {
    "en": AUTHORISED["en"] + "The Processor informs the Customer of new sub-processors 30 days in advance. ",
    "de": AUTHORISED["de"] + "Der Auftragnehmer informiert den Auftraggeber 30 Tage im Voraus über neue "
    "Unterauftragsverarbeiter. ",
}


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "No new sub-processor is engaged without any right to object for the Customer."),
        ("en", "A new sub-processor is never engaged without a right to object."),
        ("de", "Kein neuer Unterauftragsverarbeiter wird ohne jedes Widerspruchsrecht des Auftraggebers eingesetzt."),
        (
            "de",
            "Kein neuer Unterauftragsverarbeiter wird eingesetzt, ohne dass dem Auftraggeber ein Widerspruchsrecht zusteht.",
        ),
    ],
)
def test_a_negation_before_without_grants_the_right_to_object(scanner, lang, clause):
    """Two negations cancel: no sub-processor comes without the right, so each comes with it."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(scanner, NOTICE_GIVEN[lang] + clause, lang)


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        ("en", "New sub-processors are engaged without any right to object."),
        ("en", "The Processor does not ask the Customer and engages new sub-processors without any right to object."),
        ("de", "Neue Unterauftragsverarbeiter werden ohne jedes Widerspruchsrecht des Auftraggebers eingesetzt."),
        (
            "de",
            "Der Auftragnehmer fragt nicht nach und setzt neue Unterauftragsverarbeiter ohne jedes Widerspruchsrecht ein.",
        ),
    ],
)
def test_without_a_right_to_object_alone_or_in_another_clause_denies_it(scanner, lang, clause):
    """ "without any right to object" with no negation before it, or one in a clause of its own joined by "and",
    takes the right away."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, NOTICE_GIVEN[lang] + clause, lang)


GRANTED = {
    "en": "The Customer may object to a new sub-processor within 14 days. ",
    "de": "Der Auftraggeber kann einem neuen Unterauftragsverarbeiter binnen 14 Tagen widersprechen. ",
}


@pytest.mark.parametrize(
    ("lang", "waiver", "missing"),
    [
        ("en", "The Customer waives any right to object.", True),
        ("de", "Ein Widerspruchsrecht des Auftraggebers besteht nicht.", True),
        # Limited to the time after the period, or to the sub-processors already listed: the grant stands.
        ("en", "Thereafter the Customer waives any right to object.", False),
        ("en", "The Customer waives any right to object to the sub-processors listed in Annex 2.", False),
        ("de", "Danach ist ein Widerspruch ausgeschlossen.", False),
        ("de", "Ein Widerspruchsrecht gegen die in Anlage 2 genannten Unterauftragsverarbeiter besteht nicht.", False),
    ],
)
def test_a_waiver_in_a_sentence_of_its_own_takes_back_a_granted_right(scanner, lang, waiver, missing):
    """A grant, then a sentence that takes the right away whole, leaves no right to rely on, as within one sentence;
    a waiver limited to some sub-processors or to the time after the period narrows the right instead. Either order."""
    for text in (GRANTED[lang] + waiver, waiver + " " + GRANTED[lang]):
        flags = _subprocessor_flags(scanner, NOTICE_GIVEN[lang] + text, lang)
        assert ("SUBPROCESSOR_OBJECTION_MISSING" in flags) is missing


INLINE_LIST = {
    "en": (
        "The Processor uses the following sub-processors{colon} Quillby Hosting Inc. (hosting, Germany) and Tarnwell "
        "GmbH (support, Austria). The Customer may audit the Processor once a year."
    ),
    "de": (
        "Der Auftragnehmer bedient sich folgender Unterauftragsverarbeiter{colon} Quillby Hosting GmbH (Hosting, "
        "Deutschland) und Tarnwell GmbH (Support, Österreich). Der Auftraggeber darf den Auftragnehmer einmal jährlich "
        "prüfen."
    ),
}
CHANGE_AT_WILL = {
    "en": " The Processor may add further sub-processors at any time.",
    "de": " Der Auftragnehmer kann jederzeit weitere Unterauftragsverarbeiter hinzuziehen.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("colon", [":", ""])
def test_a_list_of_sub_processors_running_on_in_its_sentence_is_closed(scanner, lang, colon):
    """The names right after the word for them, with a colon or without, list the sub-processors in use as a list
    after a lead-in ending in a colon does: those are authorised, and the audit clause after it is no entry of the
    list nor a change. A clause letting the list change makes it a general authorisation again."""
    text = INLINE_LIST[lang].format(colon=colon)
    assert "SUBPROCESSOR_OBJECTION_MISSING" not in _subprocessor_flags(scanner, text, lang)
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, text + CHANGE_AT_WILL[lang], lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The Processor uses sub-processors to provide the Services. The Customer may audit the Processor."),
        ("de", "Der Auftragnehmer bedient sich Unterauftragsverarbeiter Dritter. Der Auftraggeber darf ihn prüfen."),
    ],
)
def test_sub_processors_named_by_no_name_are_no_closed_list(scanner, lang, text):
    """Without names after the word (a German noun has a capital too, but no legal form or bracket follows), the
    sentence lists nobody: a general authorisation, with the right to object missing."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The Processor uses in particular the following sub-processors Quillby Hosting Inc. (hosting) and Tarnwell "
            "Ltd (support). The Customer may audit the Processor once a year.",
        ),
        (
            "de",
            "Der Auftragnehmer bedient sich insbesondere folgender Unterauftragsverarbeiter: Quillby Hosting GmbH "
            "(Hosting) und Tarnwell GmbH (Support). Der Auftraggeber darf den Auftragnehmer einmal jährlich prüfen.",
        ),
    ],
)
def test_an_inline_list_opened_as_examples_is_a_general_authorisation(scanner, lang, text):
    """Names run on in the sentence after "in particular the following" are some of the sub-processors, as they are
    after a lead-in ending in a colon: the others are authorised in general, and the right to object is missing."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "clause"),
    [
        (
            "en",
            "The Processor need not obtain consent before engaging new sub-processors without any right to object.",
        ),
        ("en", "The Processor need not obtain consent, engaging new sub-processors without any right to object."),
    ],
)
def test_a_negation_of_another_predicate_leaves_without_a_right_to_object_a_denial(scanner, lang, clause):
    """The negation denies the consent, not the "without": a comma or a word opening another predicate between them
    keeps them apart, and the sub-processors come without the right."""
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, NOTICE_GIVEN[lang] + clause, lang)


def test_a_negation_before_a_comma_leaves_ohne_widerspruchsrecht_a_denial(scanner):
    """„nicht erforderlich, ... ohne jedes Widerspruchsrecht": the comma ends the negation's clause; the denial stands."""
    text = (
        "Eine Zustimmung ist nicht erforderlich, neue Unterauftragsverarbeiter werden ohne jedes Widerspruchsrecht "
        "eingesetzt."
    )
    report = scanner.scan_text(text, language="de", doc_type="dpa")
    kinds = {m.kind for m in report.mentions}
    assert "subprocessor_objection_denied" in kinds
    assert "subprocessor_objection" not in kinds


@pytest.mark.parametrize(
    ("lang", "waiver"),
    [
        ("en", "The Customer irrevocably waives any right to object to new sub-processors."),
        ("de", "Der Auftraggeber verzichtet auf jedes Widerspruchsrecht gegen neue Unterauftragsverarbeiter."),
    ],
)
def test_a_waiver_for_every_new_sub_processor_takes_back_the_right(scanner, lang, waiver):
    """Naming the sub-processors as every new one limits the waiver to nothing: it takes back the granted right."""
    for text in (GRANTED[lang] + waiver, waiver + " " + GRANTED[lang]):
        assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, NOTICE_GIVEN[lang] + text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Der Auftragnehmer verarbeitet Daten im Auftrag des Auftraggebers. Der Auftraggeber wird vorher nicht "
            "gefragt, weitere Unterauftragsverarbeiter werden ohne jedes Widerspruchsrecht eingesetzt.",
        ),
        (
            "de",
            "Der Auftragnehmer verarbeitet Daten im Auftrag des Auftraggebers. Eine Genehmigung ist nicht nötig, neue "
            "Unterauftragsverarbeiter werden ohne jegliches Widerspruchsrecht eingesetzt.",
        ),
        (
            "en",
            "The Processor processes data on behalf of the Customer. The Customer's consent is not needed; new "
            "sub-processors are engaged without any right to object.",
        ),
    ],
)
def test_a_negation_in_another_clause_makes_ohne_no_consent_condition(scanner, lang, text):
    """The negation denies the asking or the need for consent, in a clause of its own: the "ohne"/"without" after the
    comma or semicolon takes the right to object away and makes no engagement wait for consent. Sub-processors are
    authorised in general, without the right to object."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert "specific_authorisation" not in {m.kind for m in report.mentions}
    assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "Der Auftragnehmer darf Unterauftragsverarbeiter nicht ohne vorherige Zustimmung des Auftraggebers einsetzen.",
        ),
        (
            "en",
            "The Processor shall not engage any sub-processor, whether inside the EU or not, without the Customer's "
            "prior consent.",
        ),
    ],
)
def test_a_negation_reaching_its_without_still_asks_consent(scanner, lang, text):
    """A negation in the clause of the "without", or one before an insertion closed by a comma right before it, makes
    each engagement wait for the controller's consent."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa")
    assert "specific_authorisation" in {m.kind for m in report.mentions}


@pytest.mark.parametrize(
    ("lang", "waiver"),
    [
        ("en", "The Customer hereby waives its objection right for all sub-processors."),
        ("en", "The Customer waives any right of objection."),
        ("de", "Der Kunde verzichtet hiermit auf jegliches Widerspruchsrecht für alle Unterauftragsverarbeiter."),
        ("de", "Der Kunde verzichtet auf sein Einspruchsrecht."),
    ],
)
def test_a_waiver_of_the_objection_right_named_as_a_noun_takes_it_back(scanner, lang, waiver):
    """ "waives its objection right", „verzichtet auf jegliches Widerspruchsrecht": the right named as a noun is waived
    as "the right to object" is; before or after a grant, nothing is left to rely on."""
    for text in (GRANTED[lang] + waiver, waiver + " " + GRANTED[lang]):
        assert "SUBPROCESSOR_OBJECTION_MISSING" in _subprocessor_flags(scanner, NOTICE_GIVEN[lang] + text, lang)
