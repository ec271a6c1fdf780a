"""dpcheck diff on the readings behind it: recipients named in prose, a notice of other changes in a
sub-processor section, and Privacy Shield called invalid; English and German, our own sentences."""

from __future__ import annotations

import copy
from dataclasses import replace

import pytest

import dpcheck
from dpcheck.changes import compare_reports
from dpcheck.changes.compare import compare
from dpcheck.changes.model import Passage
from dpcheck.changes.snapshot import Item, Named, Terms
from dpcheck.report import report_to_dict


def _report(scanner, text: str, lang: str, doc_type: str = "privacy_policy") -> dict:
    return report_to_dict(
        scanner.report(
            [scanner.scan_text(text, name=f"{doc_type}.md", language=lang, format="markdown", doc_type=doc_type)]
        )
    )


def _changes(scanner, old: str, new: str, lang: str, doc_type: str = "privacy_policy") -> set[tuple[str, str]]:
    comparison = compare_reports(_report(scanner, old, lang, doc_type), _report(scanner, new, lang, doc_type))
    return {(c.kind, c.value) for c in comparison.changes if c.kind != "rating_changed"}


SHARING = {
    "en": (
        "# Privacy Policy\n\nWe share payment details with payment service providers such as {names}, to "
        "process your payments.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nZahlungsdaten geben wir an Zahlungsdienstleister wie {names} weiter, um Ihre "
        "Zahlungen abzuwickeln.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_recipients_named_in_prose_added_and_removed(scanner, lang):
    """A company named as receiving data in one version only is added or removed; one named in both is no change."""
    join = {"en": " and ", "de": " und "}[lang]
    old = SHARING[lang].format(names=join.join(["Tallimo", "Brisk Pay"]))
    new = SHARING[lang].format(names=join.join(["Tallimo", "Quorra Payments"]))
    assert _changes(scanner, old, new, lang) == {
        ("subprocessor_added", "Quorra Payments"),
        ("subprocessor_removed", "Brisk Pay"),
    }


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_and_its_initials_are_one_company(scanner, lang):
    """ "Amazon Web Services" in one version and "AWS" in the other is the same recipient."""
    old = SHARING[lang].format(names="Alder Web Services")
    new = SHARING[lang].format(names="AWS")
    assert _changes(scanner, old, new, lang) == set()


NOTICE = {
    "en": (
        "# Data Processing Agreement\n\n## Sub-processors\n\nCustomer grants a general authorisation for the "
        "sub-processors listed at https://example.com/subprocessors. Processor will notify Customer at least 30 "
        "days before engaging a new sub-processor, and Customer may object to the change.{extra}"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine "
        "allgemeine Genehmigung für die unter https://example.de/unterauftragsverarbeiter aufgeführten "
        "Unterauftragsverarbeiter. Der Auftragnehmer informiert den Auftraggeber mindestens 30 Tage vor dem "
        "Einsatz eines neuen Unterauftragsverarbeiters; der Auftraggeber kann der Änderung widersprechen.{extra}"
    ),
}
OTHER_NOTICE = {
    "en": " We will inform Customer 15 days before we change the description of processing in Annex I.",
    "de": " Wir informieren den Auftraggeber 15 Tage vor einer Änderung der Beschreibung der Verarbeitung in Anhang I.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_notice_of_changes_to_the_processing_description_is_no_sub_processor_notice(scanner, lang):
    """A 15-day notice of changes to Annex I added to the sub-processor section leaves the 30-day notice as it is."""
    old = NOTICE[lang].format(extra="")
    new = NOTICE[lang].format(extra=OTHER_NOTICE[lang])
    assert not {change for change in _changes(scanner, old, new, lang, "dpa") if change[1] == "subprocessors"}


SHIELD = {
    "en": (
        "# Privacy Policy\n\nWe store your data with our provider in the United States. {shield} Transfers to the "
        "United States rely on the standard contractual clauses.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir speichern Ihre Daten bei unserem Dienstleister in den USA. {shield} "
        "Übermittlungen in die USA stützen sich auf die Standardvertragsklauseln.\n"
    ),
}
GONE = {
    "en": "Our provider is certified under the EU-U.S. Privacy Shield, which is no longer a valid transfer mechanism.",
    "de": "Unser Dienstleister ist nach dem EU-US Privacy Shield zertifiziert, der nicht mehr gültig ist.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_privacy_shield_called_invalid_is_not_a_dropped_mechanism(scanner, lang):
    """A version that names Privacy Shield only as no longer valid relied on it no more than one that drops the
    sentence: no mechanism dropped, no flag removed."""
    old = SHIELD[lang].format(shield=GONE[lang])
    new = SHIELD[lang].format(shield="")
    assert _changes(scanner, old, new, lang) == set()


SAID = {
    "en": "Our support team in the Philippines may view account data.",
    "de": "Unser Support-Team auf den Philippinen kann Kontodaten einsehen.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_reading_that_moved_under_unchanged_words_is_no_change(lang):
    """A destination read in one version from a sentence the other version has word for word is no change to
    the terms (only the reading moved); from a sentence the other version lacks, it is added."""
    said = Passage(SAID[lang], "new.md")
    new = Terms("new.md", "yellow", destinations={"PH": (said,)}, passages=(said,), text=f"Intro.\n{SAID[lang]}")
    unchanged = Terms("old.md", "yellow", text=f"Intro.\n{' '.join(SAID[lang].split())}")
    rewritten = Terms("old.md", "yellow", text="Intro. Our support team works from Dublin.")
    assert [c.kind for c in compare(unchanged, new).changes if c.kind != "rating_changed"] == []
    assert [(c.kind, c.value) for c in compare(rewritten, new).changes] == [("destination_added", "PH")]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_service_of_a_company_both_versions_name_is_no_recipient_change(scanner, lang):
    """ "Tallimo Checkout" dropped while "Tallimo" stays a recipient: the company still receives the data."""
    join = {"en": " and ", "de": " und "}[lang]
    old = SHARING[lang].format(names=join.join(["Tallimo", "Tallimo Checkout"]))
    new = SHARING[lang].format(names="Tallimo")
    assert _changes(scanner, old, new, lang) == set()


DISCLAIMED = {
    "en": (
        "# Privacy Policy\n\nWe transfer personal data to the United States. Acme Inc. is certified under the EU-US "
        "Privacy Shield Framework.\n",
        "\nSince the Schrems II judgment we no longer rely on the Privacy Shield; transfers rely on the Standard "
        "Contractual Clauses.\n",
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir übermitteln personenbezogene Daten in die USA. Die Acme Inc. ist unter dem "
        "EU-US Privacy Shield zertifiziert.\n",
        "\nSeit dem Schrems-II-Urteil stützen wir uns nicht mehr auf den Privacy Shield; Übermittlungen erfolgen auf "
        "Grundlage der Standardvertragsklauseln.\n",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_disclaimer_added_beside_unchanged_words_is_a_change(scanner, lang):
    """The certification sentence is unchanged, but the new version disowns the Privacy Shield elsewhere: the
    tool is dropped (and the invalid-tool flag with it), in new words the diff must report."""
    old, added = DISCLAIMED[lang]
    new = old + added
    comparison = compare_reports(_report(scanner, old, lang), _report(scanner, new, lang), old_text=old, new_text=new)
    changes = {(c.kind, c.value) for c in comparison.changes}
    assert {("mechanism_dropped", "privacy_shield"), ("flag_removed", "INVALID_TRANSFER_MECHANISM")} <= changes


PLUG_INS = {
    "en": (
        "# Privacy Policy\n\n## Sharing\n\nWe share payment details with payment service providers such as Tallimo, "
        "to process your payments.{extra}\n\n## Security\n\nYou may share content through social plug-ins (including "
        "those offered by Glintly and Quorra Connect); the social networks run them under their own terms.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Weitergabe\n\nZahlungsdaten geben wir an Zahlungsdienstleister wie Tallimo "
        "weiter, um Ihre Zahlungen abzuwickeln.{extra}\n\n## Sicherheit\n\nSie können Inhalte über Social Plugins "
        "teilen (etwa von Glintly und Quorra Connect); die Netzwerke betreiben sie nach eigenen Bedingungen.\n"
    ),
}
ADVERTISERS = {
    "en": " We share a hashed e-mail address with platforms we advertise with, such as Glintly, to show you our ads.",
    "de": " Wir teilen gehashte E-Mail-Adressen mit Werbepartnern wie Glintly, um Ihnen unsere Werbung zu zeigen.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_company_named_among_plug_ins_that_now_receives_data_is_added(scanner, lang, tmp_path):
    """The old version names Glintly only as a social plug-in the reader may use; the new one shares data with it:
    a recipient added, with the new sentence quoted. The plug-in sentence, unchanged, is no change itself."""
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(PLUG_INS[lang].format(extra=""), encoding="utf-8")
    new.write_text(PLUG_INS[lang].format(extra=ADVERTISERS[lang]), encoding="utf-8")
    comparison = dpcheck.diff(old, new, scanner=scanner)
    assert [(c.kind, c.value) for c in comparison.changes if c.kind != "rating_changed"] == [
        ("subprocessor_added", "Glintly")
    ]
    assert "Glintly" in comparison.changes[0].new[0].quote


LOG_INS = {
    "en": (
        "# Privacy Policy\n\n## Secondary sites\n\nThese sites set functional cookies that let you sign in with "
        "third-party log-in tools (e.g. {name}).\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Nebenseiten\n\nDiese Seiten setzen funktionale Cookies für die Anmeldung über "
        "externe Anbieter wie {name}.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_log_in_tool_swapped_in_a_cookie_sentence_is_no_change(scanner, lang):
    """The example of a log-in tool in a sentence about cookies changes: no recipient is added or removed."""
    old = LOG_INS[lang].format(name="Quorra Connect")
    new = LOG_INS[lang].format(name="Brisk Connect")
    assert _changes(scanner, old, new, lang) == set()


SERVICES = {
    "en": (
        "# Privacy Policy\n\nWe use Tallimo to serve web fonts. We use {service} to measure the reach of our ads.{other}\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir nutzen Tallimo, um Schriftarten auszuliefern. Wir nutzen {service}, um die "
        "Reichweite unserer Werbung zu messen.{other}\n"
    ),
}
OTHER_COMPANY = {
    "en": " We use Quorra Ads to show our ads.",
    "de": " Wir nutzen Quorra Ads, um unsere Werbung auszuspielen.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_another_service_of_a_company_read_on_its_own_is_no_recipient_change(scanner, lang):
    """Old: "Tallimo" and its service "Tallimo Signals"; new: only "Tallimo Ads", another service of Tallimo, which
    still receives the data. A service of another company is still added."""
    old = SERVICES[lang].format(service="Tallimo Signals", other="")
    new = (
        "# Privacy Policy\n\nWe use Tallimo Ads to measure the reach of our ads.{other}\n"
        if lang == "en"
        else "# Datenschutzerklärung\n\nWir nutzen Tallimo Ads, um die Reichweite unserer Werbung zu messen.{other}\n"
    )
    assert _changes(scanner, old, new.format(other=""), lang) == set()
    assert _changes(scanner, old, new.format(other=OTHER_COMPANY[lang]), lang) == {("subprocessor_added", "Quorra Ads")}


REWORDED = {
    "en": {
        "new": "Our servers stand in Ireland and, for members who live there, Japan.",
        "said_again": "To run the service we keep servers in Ireland and (for members who live in Japan) Japan.",
        "other_words": "We keep servers in Ireland. Members in Japan can use the app as well.",
    },
    "de": {
        "new": "Unsere Server stehen in Irland und, für Mitglieder, die dort wohnen, in Japan.",
        "said_again": "Für den Dienst betreiben wir Server in Irland und (für Mitglieder, die in Japan wohnen) in Japan.",
        "other_words": "Wir betreiben Server in Irland. Auch Mitglieder in Japan können die App nutzen.",
    },
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_destination_said_again_in_other_words_is_no_change(lang):
    """A country read in one version from a sentence that the other version says again in other words (most of
    its words, the same country) is no destination added; nor is a flag that rests on that sentence alone. Said
    in words of its own, it is added, flag and all."""
    said = Passage(REWORDED[lang]["new"], "new.md")
    new = Terms(
        "new.md",
        "yellow",
        destinations={"JP": (said,)},
        flags={"TRANSFER_MECHANISM_UNSPECIFIED": (said,)},
        passages=(said,),
        text=f"Intro.\n{REWORDED[lang]['new']}",
    )
    reworded = Terms("old.md", "yellow", text=f"Intro.\n{REWORDED[lang]['said_again']}")
    rewritten = Terms("old.md", "yellow", text=f"Intro.\n{REWORDED[lang]['other_words']}")
    assert [(c.kind, c.value) for c in compare(reworded, new).changes if c.kind != "rating_changed"] == []
    assert [(c.kind, c.value) for c in compare(rewritten, new).changes] == [
        ("destination_added", "JP"),
        ("flag_added", "TRANSFER_MECHANISM_UNSPECIFIED"),
    ]


DENIED = {
    "en": (
        "Our support staff in Japan can see your account data.",
        "Our support staff in Japan cannot see your account data.",
    ),
    "de": (
        "Unser Support-Team in Japan kann Ihre Kontodaten einsehen.",
        "Unser Support-Team in Japan kann Ihre Kontodaten nicht einsehen.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_destination_no_longer_denied_in_nearly_the_same_words_is_added(lang):
    """The other version's sentence holds nearly every word but also a denial ("cannot", "nicht"): it said the
    opposite, so the country is added."""
    now, before = DENIED[lang]
    said = Passage(now, "new.md")
    new = Terms("new.md", "yellow", destinations={"JP": (said,)}, passages=(said,), text=now)
    old = Terms("old.md", "yellow", text=before)
    assert [(c.kind, c.value) for c in compare(old, new).changes] == [("destination_added", "JP")]


TOOL = {
    "en": {
        "new": "Transfers to our hosting provider in the United States rely on its certification under the Data "
        "Privacy Framework.",
        "said_again": "Transfers to our hosting provider in the United States rely on the provider's certification "
        "under the Data Privacy Framework.",
        "conditional": "Where our hosting provider in the United States holds a certification under the Data Privacy "
        "Framework, transfers to it rely on it.",
    },
    "de": {
        "new": "Übermittlungen an unseren Hosting-Anbieter in den USA stützen sich auf dessen Zertifizierung nach dem "
        "Data Privacy Framework.",
        "said_again": "Übermittlungen an unseren Hosting-Anbieter in den USA stützen sich auf die Zertifizierung des "
        "Anbieters nach dem Data Privacy Framework.",
        "conditional": "Soweit unser Hosting-Anbieter in den USA nach dem Data Privacy Framework zertifiziert ist, "
        "stützen sich Übermittlungen an ihn darauf.",
    },
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_tool_said_again_in_other_words_is_no_change_but_one_made_conditional_is(lang):
    """A transfer tool relied on in a sentence the other version says again in other words is no tool added; where
    the other version named it only under a condition ("where", "soweit"), it was offered there, not relied on,
    so relying on it now adds it."""
    said = Passage(TOOL[lang]["new"], "new.md")
    new = Terms("new.md", "yellow", mechanisms={"dpf": (said,)}, passages=(said,), text=TOOL[lang]["new"])
    reworded = Terms("old.md", "yellow", text=TOOL[lang]["said_again"])
    conditional = Terms("old.md", "yellow", text=TOOL[lang]["conditional"])
    assert [(c.kind, c.value) for c in compare(reworded, new).changes] == []
    assert [(c.kind, c.value) for c in compare(conditional, new).changes] == [("mechanism_added", "dpf")]


PLACED = {
    "en": (
        "Norvik Cloud, our hosting provider, keeps the backups on its servers in Canada and the United States.",
        "Our hosting provider Norvik Cloud keeps backups on its servers in Canada and the United States.",
        "Our hosting provider Norvik Cloud keeps backups on its servers in Canada.",
    ),
    "de": (
        "Norvik Cloud, unser Hosting-Anbieter, speichert die Sicherungen auf Servern in Kanada und den USA.",
        "Unser Hosting-Anbieter Norvik Cloud speichert Sicherungen auf Servern in Kanada und den USA.",
        "Unser Hosting-Anbieter Norvik Cloud speichert Sicherungen auf Servern in Kanada.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_placed_in_the_same_countries_in_other_words_has_not_moved(lang):
    """A recipient read in other countries from a sentence that says the same places in other words has not moved
    (only the reading did); one whose sentence drops a country has."""
    before, same_places, fewer_places = PLACED[lang]

    def version(name: str, sentence: str, places: set[str]) -> Terms:
        said = Passage(sentence, name)
        return Terms(
            name,
            "yellow",
            recipients={"norvik cloud": Named("Norvik Cloud", frozenset(places), (said,))},
            passages=(said,),
            text=sentence,
        )

    old = version("old.md", before, {"CA", "US"})
    assert [c.kind for c in compare(old, version("new.md", same_places, {"CA"})).changes] == []
    assert [(c.kind, c.value) for c in compare(old, version("new.md", fewer_places, {"CA"})).changes] == [
        ("subprocessor_moved", "Norvik Cloud")
    ]


CONFIDENTIAL = {
    "en": (
        "The processor binds every person who handles the personal data to confidentiality by written agreement.",
        "By written agreement, the processor binds each person who handles the personal data to confidentiality.",
        "By written agreement, the processor binds each person who handles the personal data to confidentiality "
        "for 12 months.",
    ),
    "de": (
        "Der Auftragnehmer verpflichtet jede Person, die die personenbezogenen Daten verarbeitet, schriftlich zur "
        "Vertraulichkeit.",
        "Schriftlich verpflichtet der Auftragnehmer jede Person zur Vertraulichkeit, die die personenbezogenen "
        "Daten verarbeitet.",
        "Schriftlich verpflichtet der Auftragnehmer jede Person nur für 12 Monate zur Vertraulichkeit, die die "
        "personenbezogenen Daten verarbeitet.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_an_art28_element_said_again_in_other_words_is_no_change(lang):
    """An Art. 28 element found in one version only, from a sentence the other version says again in other words
    (nearly every word), is not weakened: only the reading moved. Said again with a time limit or an "only" set
    apart, it is."""
    before, reworded, limited = CONFIDENTIAL[lang]
    said = Passage(before, "old.md")
    old = Terms(
        "old.md", "yellow", checklist={"confidentiality": Item("present", "", (said,))}, passages=(said,), text=before
    )

    def new(text: str) -> Terms:
        return Terms("new.md", "yellow", checklist={"confidentiality": Item("missing", "", ())}, text=text)

    assert [c.kind for c in compare(old, new(reworded)).changes] == []
    assert [(c.kind, c.value) for c in compare(old, new(limited)).changes] == [("art28_weakened", "confidentiality")]


RENAMED = {
    "en": (
        "We send order data to Halvard Freight Group for delivery.",
        # the same company, its name written another way (case, comma, legal form)
        "Order data goes to HALVARD FREIGHT GROUP, Inc., which delivers your parcels.",
        # another company of the same group is no mention of it
        "Order data goes to Halvard Couriers Ltd, which delivers your parcels.",
    ),
    "de": (
        "Bestelldaten übermitteln wir an Halvard Freight Group für die Zustellung.",
        "Bestelldaten gehen an die HALVARD FREIGHT GROUP, Inc., die Ihre Pakete zustellt.",
        "Bestelldaten gehen an die Halvard Couriers Ltd, die Ihre Pakete zustellt.",
    ),
}


def _recipient_version(name: str, text: str, recipient: str | None) -> Terms:
    said = Passage(text, name)
    recipients = {} if recipient is None else {recipient.lower(): Named(recipient, frozenset(), (said,))}
    return Terms(name, "yellow", recipients=recipients, passages=(said,), text=text)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_the_other_version_names_in_other_spelling_is_no_change(lang):
    """A recipient read in one version only, which the other names all the same with its name written another way
    (capitals, punctuation, legal form), is no recipient added or removed; a name the other version lacks is."""
    before, respelt, other_company = RENAMED[lang]
    old = _recipient_version("old.md", before, "Halvard Freight Group")
    assert [c.kind for c in compare(old, _recipient_version("new.md", respelt, None)).changes] == []
    assert [(c.kind, c.value) for c in compare(old, _recipient_version("new.md", other_company, None)).changes] == [
        ("subprocessor_removed", "Halvard Freight Group")
    ]


ONE_WORD = {
    "en": (
        "We use Tessaly to send our newsletter.",
        "Our newsletter is sent with the help of Tessaly, Inc.",
        "Our newsletter is printed on tessaly, a kind of paper, and sent by post.",
    ),
    "de": (
        "Wir nutzen Tessaly für den Versand unseres Newsletters.",
        "Unser Newsletter wird mithilfe der Tessaly, Inc. versandt.",
        "Unser Newsletter wird auf tessaly-Papier gedruckt und per Post versandt.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_one_word_recipient_is_named_only_as_a_name(lang):
    """A one-word name counts as named in the other version written as a name (capitalised, with or without its
    legal form), not as an ordinary lower-case word."""
    before, as_company, as_word = ONE_WORD[lang]
    new = _recipient_version("new.md", before, "Tessaly")
    assert [c.kind for c in compare(_recipient_version("old.md", as_company, None), new).changes] == []
    assert [(c.kind, c.value) for c in compare(_recipient_version("old.md", as_word, None), new).changes] == [
        ("subprocessor_added", "Tessaly")
    ]


GROUP = {
    "en": (
        "Payments are handled by Orlen Pay LLC, which receives your card details.",
        "Maps are shown with Orlen Cloud Services Ltd; we send them no data about you.",
    ),
    "de": (
        "Zahlungen wickelt die Orlen Pay LLC ab, die Ihre Kartendaten erhält.",
        "Karten zeigen wir mit Orlen Cloud Services Ltd an; dorthin senden wir keine Daten über Sie.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_group_name_at_the_head_of_another_company_is_no_mention(lang):
    """ "Orlen LLC" (its name without legal form one word) is not named by "Orlen Cloud Services Ltd", another
    company of the group: added. Named as "ORLEN, LLC" it is no change."""
    new_text, old_text = GROUP[lang]
    new = _recipient_version("new.md", new_text.replace("Orlen Pay LLC", "Orlen LLC"), "Orlen LLC")
    assert [(c.kind, c.value) for c in compare(_recipient_version("old.md", old_text, None), new).changes] == [
        ("subprocessor_added", "Orlen LLC")
    ]
    respelt = _recipient_version("old.md", old_text.replace("Orlen Cloud Services Ltd", "ORLEN, LLC"), None)
    assert [c.kind for c in compare(respelt, new).changes] == []


ROW = {
    "en": (
        "To take payment for premium features, we pass your card details to our payment partners.",
        "To take payments for premium features we pass your card details on to our payment partners.",
        "To take payments for premium features we pass your card details on to our payment partners, such as "
        "Kestrel Pay.",
    ),
    "de": (
        "Um Zahlungen für Premium-Funktionen abzuwickeln, geben wir Ihre Kartendaten an unsere Zahlungspartner weiter.",
        "Für Zahlungen für Premium-Funktionen geben wir Ihre Kartendaten an unsere Zahlungspartner weiter.",
        "Um Zahlungen für Premium-Funktionen abzuwickeln, geben wir Ihre Kartendaten an unsere Zahlungspartner wie "
        "Kestrel Pay weiter.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_read_from_words_the_other_version_says_again_is_no_change(lang):
    """A "recipient" read in one version only, from a sentence (or table row) the other version says again in
    other words, name and all, is no change: only the reading moved. A company named anew in that sentence is."""
    old_text, reworded, named = ROW[lang]
    old = _recipient_version("old.md", old_text, None)
    row_name = " ".join(reworded.split()[:6])
    assert [c.kind for c in compare(old, _recipient_version("new.md", reworded, row_name)).changes] == []
    assert [(c.kind, c.value) for c in compare(old, _recipient_version("new.md", named, "Kestrel Pay")).changes] == [
        ("subprocessor_added", "Kestrel Pay")
    ]


SET_APART = {
    "en": (
        "Hosting and delivery services (for example Norvik Cloud, Brisk Edge and Tallimo) receive your data.",
        "## Cookies and your choices\n\nYou can refuse cookies in your browser.",
    ),
    "de": (
        "Hosting- und Auslieferungsdienste (zum Beispiel Norvik Cloud, Brisk Edge und Tallimo) erhalten Ihre Daten.",
        "## Cookies und Ihre Wahlmöglichkeiten\n\nSie können Cookies in Ihrem Browser ablehnen.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_words_said_again_are_sought_in_the_whole_text(lang):
    """A recipient read in the new version from a sentence the old version has word for word, though in a part the
    old reading set apart (under a cookie heading: not where a company is named as a party), is no change; the
    sentence is the same terms. Where the old version lacks the sentence, the recipient is added."""
    sentence, cookies = SET_APART[lang]
    said = Passage(sentence, "new.md")
    new = Terms(
        "new.md",
        "yellow",
        recipients={"brisk edge": Named("Brisk Edge", frozenset(), (said,))},
        passages=(said,),
        text=sentence,
        whole=sentence,
    )
    set_apart = Terms("old.md", "yellow", text="Intro.", whole=f"Intro.\n\n{cookies}\n\n{sentence}")
    lacking = Terms("old.md", "yellow", text="Intro.", whole=f"Intro.\n\n{cookies}")
    assert [c.kind for c in compare(set_apart, new).changes] == []
    assert [(c.kind, c.value) for c in compare(lacking, new).changes] == [("subprocessor_added", "Brisk Edge")]


MOVED_OUT = {
    "en": (
        "# Privacy Policy\n\n## Cookies and your choices\n\nYou can refuse cookies in your browser.\n\n{heading}"
        "Hosting and delivery services (for example Norvik Cloud, Brisk Edge and Tallimo) receive your personal "
        "data to run the service.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Cookies und Ihre Wahlmöglichkeiten\n\nSie können Cookies in Ihrem Browser "
        "ablehnen.\n\n{heading}Ihre Daten geben wir an Hosting-Dienstleister wie Norvik Cloud, Brisk Edge und "
        "Tallimo weiter, um den Dienst zu betreiben.\n"
    ),
}
PROVIDERS_HEADING = {"en": "## Service providers\n\n", "de": "## Dienstleister\n\n"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_sentence_read_under_another_heading_is_no_recipient_change(scanner, lang, tmp_path):
    """The same sentence naming three providers, under the cookie heading in the old version (not read as naming
    parties there) and under a heading of its own in the new one (read): the terms are the same, no recipient
    added."""
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(MOVED_OUT[lang].format(heading=""), encoding="utf-8")
    new.write_text(MOVED_OUT[lang].format(heading=PROVIDERS_HEADING[lang]), encoding="utf-8")
    comparison = dpcheck.diff(old, new, scanner=scanner)
    assert [(c.kind, c.value) for c in comparison.changes if c.kind != "rating_changed"] == []


RUN_TOGETHER = {
    "en": (
        "If you link a wallet, we pass your card token to the wallet provider (such as Vela Pay).",
        "If you link a wallet, your card token goes to the wallet provider you chose (for example VelaPay).",
        "If you link a wallet, your card token goes to the wallet provider you chose (for example Vela Cards).",
    ),
    "de": (
        "Wenn Sie eine Wallet verbinden, geben wir Ihr Kartentoken an den Wallet-Anbieter (etwa Vela Pay) weiter.",
        "Verbinden Sie eine Wallet, erhält der gewählte Wallet-Anbieter (zum Beispiel VelaPay) Ihr Kartentoken.",
        "Verbinden Sie eine Wallet, erhält der gewählte Wallet-Anbieter (zum Beispiel Vela Cards) Ihr Kartentoken.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_written_apart_and_run_together_is_one_company(lang):
    """ "Vela Pay" in one version and "VelaPay" in the other is one recipient, read in both or in one only; another
    name is still a change."""
    apart, together, other = RUN_TOGETHER[lang]
    old = _recipient_version("old.md", apart, "Vela Pay")
    assert [c.kind for c in compare(old, _recipient_version("new.md", together, "VelaPay")).changes] == []
    assert [c.kind for c in compare(old, _recipient_version("new.md", together, None)).changes] == []
    assert [
        c.kind
        for c in compare(
            _recipient_version("old.md", apart, None), _recipient_version("new.md", together, "VelaPay")
        ).changes
    ] == []
    assert [(c.kind, c.value) for c in compare(old, _recipient_version("new.md", other, None)).changes] == [
        ("subprocessor_removed", "Vela Pay")
    ]


COMPANY_AND_SERVICES = {
    "en": (
        "We keep your orders on our own servers.",
        "We host your orders with Norrow Cloud and advertise to you through Norrow Ads, both run by Norrow. "
        "Usage data also goes to Pellam Analytics.",
    ),
    "de": (
        "Ihre Bestellungen speichern wir auf eigenen Servern.",
        "Ihre Bestellungen hosten wir bei Norrow Cloud, Werbung zeigen wir Ihnen über Norrow Ads, beide von Norrow. "
        "Nutzungsdaten gehen außerdem an Pellam Analytics.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_services_of_a_company_added_with_it_are_one_recipient(lang):
    """A company and its services named in the new version only ("Norrow", "Norrow Cloud", "Norrow Ads") are one
    recipient added, not one per service; another company added with them is a change of its own. Removed alike."""
    plain, with_them = COMPANY_AND_SERVICES[lang]
    said = Passage(with_them, "new.md")
    names = ("Norrow", "Norrow Cloud", "Norrow Ads", "Pellam Analytics")
    recipients = {n.lower(): Named(n, frozenset(), (said,)) for n in names}
    richer = Terms("new.md", "yellow", recipients=recipients, passages=(said,), text=with_them)
    bare = _recipient_version("old.md", plain, None)
    assert {(c.kind, c.value) for c in compare(bare, richer).changes} == {
        ("subprocessor_added", "Norrow"),
        ("subprocessor_added", "Pellam Analytics"),
    }
    assert {(c.kind, c.value) for c in compare(richer, bare).changes} == {
        ("subprocessor_removed", "Norrow"),
        ("subprocessor_removed", "Pellam Analytics"),
    }


BREACH_DPA = {
    "en": (
        "# Data Processing Agreement\n\n## 1. Subject matter\n\nThe Processor runs the Controller's ticket desk and "
        "processes the personal data of its callers on its documented instructions.\n\n## 6. Personal data breaches\n\n"
        "{breach}\n"
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## 1. Gegenstand\n\nDer Auftragsverarbeiter betreibt den Ticketdienst des "
        "Verantwortlichen und verarbeitet die personenbezogenen Daten der Anrufer nach dessen dokumentierten "
        "Weisungen.\n\n## 6. Datenschutzverletzungen\n\n{breach}\n"
    ),
}
BREACH_SENTENCES = {
    "en": {
        "24": "The Processor notifies the Controller of a personal data breach without undue delay and at the latest "
        "within 24 hours of becoming aware of it.",
        "72": "The Processor notifies the Controller of a personal data breach without undue delay and at the latest "
        "within 72 hours of becoming aware of it.",
        "none": "The Processor notifies the Controller of a personal data breach without undue delay after becoming "
        "aware of it.",
        "reworded": "Should the Processor become aware of a personal data breach, it informs the Controller without "
        "undue delay, in any case within twenty-four hours.",
    },
    "de": {
        "24": "Der Auftragsverarbeiter meldet dem Verantwortlichen Verletzungen des Schutzes personenbezogener Daten "
        "unverzüglich, spätestens binnen 24 Stunden nach Kenntnis.",
        "72": "Der Auftragsverarbeiter meldet dem Verantwortlichen Verletzungen des Schutzes personenbezogener Daten "
        "unverzüglich, spätestens binnen 72 Stunden nach Kenntnis.",
        "none": "Der Auftragsverarbeiter meldet dem Verantwortlichen Verletzungen des Schutzes personenbezogener Daten "
        "unverzüglich nach Kenntnis.",
        "reworded": "Erfährt der Auftragsverarbeiter von einer Datenschutzverletzung, informiert er den "
        "Verantwortlichen unverzüglich, in jedem Fall innerhalb von 24 Stunden.",
    },
}


def _breach_changes(scanner, lang: str, old: str, new: str) -> set[tuple[str, str, str]]:
    texts = [BREACH_DPA[lang].format(breach=BREACH_SENTENCES[lang][v]) for v in (old, new)]
    comparison = compare_reports(*(_report(scanner, t, lang, "dpa") for t in texts))
    return {(c.kind, c.value, c.detail) for c in comparison.changes if c.kind.startswith("art28")}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_longer_breach_limit_weakens_and_a_shorter_one_strengthens(scanner, lang):
    assert _breach_changes(scanner, lang, "24", "72") == {
        ("art28_weakened", "security_assistance", "breach notification 24 hours -> 72 hours")
    }
    assert _breach_changes(scanner, lang, "72", "24") == {
        ("art28_strengthened", "security_assistance", "breach notification 72 hours -> 24 hours")
    }


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_breach_limit_no_longer_stated_weakens(scanner, lang):
    """One change, however the reading words it (the checklist's note or the limit's hours)."""
    changes = _breach_changes(scanner, lang, "24", "none")
    assert {(kind, value) for kind, value, _ in changes} == {("art28_weakened", "security_assistance")}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_the_same_breach_limit_in_other_words_is_no_change(scanner, lang):
    assert _breach_changes(scanner, lang, "24", "reworded") == set()


PLURAL = {
    "en": (
        "We pass contact details to Harbour Events Services so that they can send your tickets.",
        "Contact details go to Harbour Event Service, which sends your tickets.",
    ),
    "de": (
        "Kontaktdaten geben wir an Harbour Events Services weiter, damit sie Ihre Tickets versenden.",
        "Kontaktdaten erhält Harbour Event Service, die Ihre Tickets versendet.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_the_other_version_names_without_a_plural_s_is_no_change(lang):
    """ "Harbour Events Services" read in one version, "Harbour Event Service" only named in the other: one name."""
    plural, singular = PLURAL[lang]
    old = _recipient_version("old.md", plural, "Harbour Events Services")
    assert [c.kind for c in compare(old, _recipient_version("new.md", singular, None)).changes] == []
    other = singular.replace("Harbour Event Service", "Quayside Mail")
    assert [c.kind for c in compare(old, _recipient_version("new.md", other, None)).changes] == ["subprocessor_removed"]


WITHIN = {
    "en": (
        "Outgoing e-mail is sent through Ionix SE in Germany.",
        "Outgoing e-mail is sent through 1&1 Ionix SE in Germany.",
        "Error reports go to Larkspur GmbH in Germany.",
        "Error reports go to Northfield Software Inc. (Larkspur) in the United States.",
    ),
    "de": (
        "Ausgehende E-Mails versenden wir über die Ionix SE in Deutschland.",
        "Ausgehende E-Mails versenden wir über die 1&1 Ionix SE in Deutschland.",
        "Fehlerberichte gehen an die Larkspur GmbH in Deutschland.",
        "Fehlerberichte gehen an die Northfield Software Inc. (Larkspur) in den USA.",
    ),
}


def _read_as(name: str, text: str, recipient: str, places: frozenset[str]) -> Terms:
    said = Passage(text, name)
    return Terms(
        name, "yellow", recipients={recipient.lower(): Named(recipient, places, (said,))}, passages=(said,), text=text
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_name_standing_whole_in_the_other_is_one_company(lang):
    """ "Ionix SE" and "1&1 Ionix SE", legal form and all, are one company; a brand in brackets after another entity
    ("Northfield Software Inc. (Larkspur)" for "Larkspur GmbH") may be another entity, and is still added."""
    short, marked, entity, brand = WITHIN[lang]
    de = frozenset({"DE"})
    assert (
        compare(_read_as("old.md", short, "Ionix SE", de), _read_as("new.md", marked, "1&1 Ionix SE", de)).changes == ()
    )
    changes = compare(
        _read_as("old.md", entity, "Larkspur GmbH", de),
        _read_as("new.md", brand, "Northfield Software Inc. (Larkspur)", frozenset({"US"})),
    ).changes
    assert [(c.kind, c.value) for c in changes] == [("subprocessor_added", "Northfield Software Inc. (Larkspur)")]


STORED = {
    "en": "# Privacy Policy\n\nWe store the data we collect in the United States or in Singapore, {where}.\n",
    "de": "# Datenschutzerklärung\n\nWir speichern die erhobenen Daten in den USA oder in Singapur, {where}.\n",
}
RESIDENCE = {
    "en": ("depending on the country in which you reside", "depending on where you live"),
    "de": ("je nach dem Land, in dem Sie wohnen", "je nachdem, wo Sie leben"),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_the_readers_country_of_residence_is_no_open_destination(scanner, lang):
    """ "depending on the country in which you reside" says whose country decides, not that data goes to countries
    left open: said in other words, the same two destinations and no change."""
    old, new = (STORED[lang].format(where=w) for w in RESIDENCE[lang])
    assert _changes(scanner, old, new, lang) == set()
    assert {t["destination"] for t in _report(scanner, old, lang)["documents"][0]["transfers"]} == {"SG", "US"}


PROVIDERS = {
    "en": "# Privacy Policy\n\nOur service providers store your data in the United States.{extra}\n",
    "de": "# Datenschutzerklärung\n\nUnsere Dienstleister speichern Ihre Daten in den USA.{extra}\n",
}
AGENT = {
    "en": " If you reside in Canada or Texas, you may authorize another person to file a deletion request for you.",
    "de": " Wenn Sie in Kanada ansässig sind, können Sie zustimmen, dass eine andere Person für Sie die Löschung verlangt.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_authorising_an_agent_where_one_lives_is_no_consent_to_a_transfer(scanner, lang):
    """Authorising someone to make a request, said to readers living in a country, consents to no transfer: a
    version without that sentence drops no derogation."""
    old = PROVIDERS[lang].format(extra=AGENT[lang])
    new = PROVIDERS[lang].format(extra="")
    assert _changes(scanner, old, new, lang) == set()
    assert _report(scanner, old, lang)["documents"][0]["mechanisms"] == []


LAWS = {
    "en": (
        " We answer information notices issued under the UK Online Safety Act.",
        " If we disclose data covered by California’s “Shine the Light” law, residents may opt out.",
        " On request we send the standard contractual clauses, with the UK or CH Addendum where it applies.",
        ' Where the law requires it, our U.S. State Privacy Disclosures (the "U.S. Notice") add to this policy.',
    ),
    "de": (
        " Wir beantworten Auskunftsersuchen nach dem UK Online Safety Act.",
        " Auf Anfrage senden wir die Standardvertragsklauseln, samt UK oder CH Addendum, soweit es gilt.",
        " Wo das Gesetz es verlangt, ergänzen unsere Kanada Datenschutzhinweise diese Erklärung.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_country_naming_a_law_or_addendum_is_no_destination(scanner, lang):
    """A country in a law's name ("UK Online Safety Act", "California's 'Shine the Light' law"), in an addendum
    named with another country's code ("UK or CH Addendum") or in the title of a notice for its residents ("U.S.
    State Privacy Disclosures") is no place data goes: adding the sentence adds no destination."""
    base = PROVIDERS[lang].format(extra="")
    for law in LAWS[lang]:
        added = {c for c in _changes(scanner, base, PROVIDERS[lang].format(extra=law), lang) if "destination" in c[0]}
        assert added == set(), law


FRAMEWORK = {
    "en": (
        "Transfers to the USA rely on the Commission's adequacy decision for the DPF under Art. 45 GDPR.",
        "Transfers to the USA rely on the EU-US Data Privacy Framework (adequacy decision of the European "
        "Commission under Art. 45 GDPR).",
    ),
    "de": (
        "Die Übermittlung in die USA erfolgt auf Grundlage des Angemessenheitsbeschlusses der EU-Kommission zum DPF "
        "gemäß Art. 45 DSGVO.",
        "Die Übermittlung in die USA erfolgt auf Grundlage des EU-US Data Privacy Frameworks (Angemessenheitsbeschluss "
        "der EU-Kommission gemäß Art. 45 DSGVO).",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_the_frameworks_adequacy_decision_in_brackets_is_no_added_tool(scanner, lang):
    """The DPF's own adequacy decision, named in brackets after it with the article it rests on, describes the
    framework as "the adequacy decision for the DPF" does: the same one tool, no adequacy added."""
    head = {"en": "# Privacy Policy\n\n", "de": "# Datenschutzerklärung\n\n"}[lang]
    old, new = (head + text + "\n" for text in FRAMEWORK[lang])
    assert _changes(scanner, old, new, lang) == set()
    assert _report(scanner, new, lang)["documents"][0]["mechanisms"] == ["dpf"]


LIST_ELSEWHERE = {
    "en": (
        "# Privacy Policy\n\nWe share payment details with our service providers. {pointer}\n",
        "Our current list of sub-processors is maintained on our trust page at https://example.com/trust.",
        "The following list of sub-processors applies: see below.",
    ),
    "de": (
        "# Datenschutzerklärung\n\nZahlungsdaten geben wir an unsere Dienstleister weiter. {pointer}\n",
        "Die aktuelle Liste unserer Unterauftragsverarbeiter ist unter https://example.de/liste abrufbar.",
        "Es gilt die nachfolgende Liste unserer Unterauftragsverarbeiter.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_list_moved_to_a_page_elsewhere_removes_no_recipient(scanner, lang, tmp_path):
    """A new version that replaces its named providers by a pointer to a list kept on another page no longer says who
    is on the list: nobody is reported removed. Without such a pointer, or with a list said to follow, they are."""
    join = {"en": " and ", "de": " und "}[lang]
    old = tmp_path / "old.md"
    old.write_text(SHARING[lang].format(names=join.join(["Tallimo", "Brisk Pay"])), encoding="utf-8")
    page, elsewhere, inline = LIST_ELSEWHERE[lang]

    def changes(pointer: str) -> set[tuple[str, str]]:
        new = tmp_path / "new.md"
        new.write_text(page.format(pointer=pointer), encoding="utf-8")
        return {
            (c.kind, c.value) for c in dpcheck.diff(old, new, scanner=scanner).changes if c.kind != "rating_changed"
        }

    removed = {("subprocessor_removed", "Tallimo"), ("subprocessor_removed", "Brisk Pay")}
    assert changes(elsewhere) == set()
    assert changes("") == removed
    assert changes(inline) == removed


# A list of providers kept as comma-separated lines, one provider a line; the old one has a row the new one
# dropped, the new one two rows the old one lacks. The row naming Japan stays as it was, or says Japan no more.
ROWS = {
    "en": {
        "head": "Provider,Seat,Task,Where data is processed",
        "stays": '"Kumo Mail Ltd.","Osaka","Sending of our e-mails","Ireland and Japan"',
        "gone": '"Kumo Mail Ltd.","Osaka","Sending of our e-mails","Ireland"',
        "old": ['"Lindholm Hosting AB","Malmö","Hosting","Sweden"'],
        "new": ['"Vestby Backup AS","Oslo","Backups","Norway"', '"Brandt Support GmbH","Kassel","Helpdesk","Germany"'],
    },
    "de": {
        "head": "Anbieter,Sitz,Aufgabe,Ort der Verarbeitung",
        "stays": '"Kumo Mail Ltd.","Osaka","Versand unserer E-Mails","Irland und Japan"',
        "gone": '"Kumo Mail Ltd.","Osaka","Versand unserer E-Mails","Irland"',
        "old": ['"Lindholm Hosting AB","Malmö","Hosting","Schweden"'],
        "new": [
            '"Vestby Backup AS","Oslo","Datensicherung","Norwegen"',
            '"Brandt Support GmbH","Kassel","Helpdesk","Deutschland"',
        ],
    },
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_row_kept_word_for_word_among_changed_rows_keeps_its_country(lang):
    """A table read as one passage gives a country in one version only, though its row stands word for word in
    the other, where rows were added and dropped around it: each line of the passage that names the country is
    said again, so no destination was removed. When the row no longer names it, the country is removed."""
    rows = ROWS[lang]
    old_text = "\n".join([rows["head"], rows["stays"], *rows["old"]])
    said = Passage(old_text, "old.md")
    old = Terms("old.md", "yellow", destinations={"JP": (said,)}, passages=(said,), text=old_text, whole=old_text)
    kept = "\n".join([rows["head"], *rows["new"], rows["stays"]])
    dropped = "\n".join([rows["head"], *rows["new"], rows["gone"]])
    same = Terms("new.md", "yellow", text=kept, whole=kept)
    changed = Terms("new.md", "yellow", text=dropped, whole=dropped)
    assert [(c.kind, c.value) for c in compare(old, same).changes if c.kind != "rating_changed"] == []
    assert [(c.kind, c.value) for c in compare(old, changed).changes if c.kind != "rating_changed"] == [
        ("destination_removed", "JP")
    ]


COMPANY_SERVICE = {
    "en": (
        "We use Quillmark Insights to count how often the app is opened.",
        "Our app uses Quillmark, a platform for app makers, to count app starts and to report crashes.",
        "Our app counts app starts itself; the figures stay on our own servers.",
        "We no longer use Quillmark for anything in the app.",
        "We use Cloud storage of several firms for our backups.",
    ),
    "de": (
        "Wir nutzen Quillmark Insights, um zu zählen, wie oft die App geöffnet wird.",
        "Unsere App nutzt Quillmark, eine Plattform für App-Entwickler, um App-Starts zu zählen und Abstürze zu melden.",
        "Unsere App zählt App-Starts selbst; die Zahlen bleiben auf unseren eigenen Servern.",
        "Quillmark nutzen wir nicht mehr.",
        "Wir nutzen Cloud-Speicher mehrerer Firmen für unsere Sicherungen.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_service_of_a_company_the_other_version_still_uses_is_no_recipient_change(lang):
    """Old: the recipient "Quillmark Insights", a service of Quillmark. A new version that still says it uses
    Quillmark (read as no recipient) removes no recipient: the same company gets the data, and changes count
    companies. A new version that names Quillmark only to say it no longer uses it, or not at all, removes it; a
    named entity ("Quillmark Insights Ltd") may be another company of the group, so it is not taken for its mark; nor
    is a word that starts no name ("Cloud Vault" beside "we use Cloud storage")."""
    service, still_uses, none, denied, generic = COMPANY_SERVICE[lang]

    def version(name: str, text: str, recipient: str | None) -> Terms:
        return replace(_recipient_version(name, text, recipient), whole=text)

    for recipient in ("Quillmark Insights", "Quillmark Insights Ltd"):
        old = version("old.md", service, recipient)
        kept = [(c.kind, c.value) for c in compare(old, version("new.md", still_uses, None)).changes]
        assert kept == ([] if recipient == "Quillmark Insights" else [("subprocessor_removed", recipient)])
        for text in (none, denied):
            assert [(c.kind, c.value) for c in compare(old, version("new.md", text, None)).changes] == [
                ("subprocessor_removed", recipient)
            ]
    added = [
        (c.kind, c.value)
        for c in compare(version("old.md", still_uses, None), version("new.md", service, "Quillmark Insights")).changes
    ]
    assert added == []
    # Said only among the old version's plug-in or embedded-content choices (its whole text, not where it names
    # parties), the company got no data there: its service is added.
    embedded = Terms("old.md", "yellow", text=none, whole=f"{none}\n\n{still_uses}")
    assert [(c.kind, c.value) for c in compare(embedded, version("new.md", service, "Quillmark Insights")).changes] == [
        ("subprocessor_added", "Quillmark Insights")
    ]
    vault = version("old.md", service.replace("Quillmark Insights", "Cloud Vault"), "Cloud Vault")
    assert [(c.kind, c.value) for c in compare(vault, version("new.md", generic, None)).changes] == [
        ("subprocessor_removed", "Cloud Vault")
    ]


EXAMPLE_PROVIDERS = {
    "en": (
        "# Privacy Policy\n\n## Sharing\n\nSome of our main service providers:\n\n"
        "* Support platform, e.g., Helpdeskly (provided by Helpdeskly Inc.)\n"
        "* Payment processing, e.g., {names}\n{extra}"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Empfänger\n\nWir setzen unter anderem folgende Dienstleister ein:\n\n"
        "* Support-Plattform, z. B. Helpdeskly (bereitgestellt von Helpdeskly Inc.)\n"
        "* Zahlungsabwicklung, z. B. {names}\n{extra}"
    ),
}
GROUP_RESIDENTS = {
    "en": (
        "\n## Japan Residents\n\nNorthwind Research Asia Ltd. and its parent company, Northwind Holdings, Inc., which is "
        "located in the United States, together with the other Northwind companies worldwide, respect the local privacy law.\n"
    ),
    "de": (
        "\n## Nutzer in Japan\n\nDie Nordwind Research Asia Ltd. und ihre Muttergesellschaft, die Nordwind Holdings, "
        "Inc., die sich in den USA befindet, achten mit allen anderen Nordwind-Gesellschaften weltweit das örtliche "
        "Datenschutzgesetz.\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_company_added_to_an_items_examples_and_a_residents_section_on_the_group(scanner, lang):
    """A payment company added among the examples of a list item is a recipient added; a new section for one
    country's residents that says where the group's companies sit adds no destination."""
    old = EXAMPLE_PROVIDERS[lang].format(names="Paymora AG, Corvex, Inc.", extra="")
    new = EXAMPLE_PROVIDERS[lang].format(names="Paymora AG, Quillpay B.V., Corvex, Inc.", extra=GROUP_RESIDENTS[lang])
    assert _changes(scanner, old, new, lang) == {("subprocessor_added", "Quillpay B.V.")}


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        (
            "en",
            "# Larkspur sub-processors\n\nWe engage the following sub-processors.\n\n### Cobalt Hosting\n\nCobalt "
            "Hosting runs the data centres that hold your data.\n\n### Quent Storage\n\nQuent Storage keeps backups "
            "of older projects.\n",
            "# Larkspur sub-processors\n\nWe engage the following sub-processors.\n\n### Cobalt Hosting\n\nCobalt "
            "Hosting runs the data centres that hold your data.\n\n### Wendle\n\nWendle sends our notification "
            "e-mails.\n\n### Changes\n\n- Removal of Quent Storage\n- Addition of Wendle\n",
        ),
        (
            "de",
            "# Larkspur Unterauftragsverarbeiter\n\nWir setzen folgende Unterauftragsverarbeiter ein.\n\n### Cobalt "
            "Hosting\n\nCobalt Hosting betreibt die Rechenzentren mit Ihren Daten.\n\n### Quent Storage\n\nQuent "
            "Storage verwahrt Sicherungen älterer Projekte.\n",
            "# Larkspur Unterauftragsverarbeiter\n\nWir setzen folgende Unterauftragsverarbeiter ein.\n\n### Cobalt "
            "Hosting\n\nCobalt Hosting betreibt die Rechenzentren mit Ihren Daten.\n\n### Wendle\n\nWendle versendet "
            "unsere Benachrichtigungen.\n\n### Änderungen\n\n- Entfernung der Quent Storage\n- Hinzufügung von "
            "Wendle\n",
        ),
    ],
)
def test_diff_a_sub_processor_the_change_log_removes_is_removed(scanner, lang, old, new):
    """A sub-processor whose entry is gone and whom the new version's change log names only as removed ("Removal of
    X") is removed: the change log names no party the data goes to."""
    assert _changes(scanner, old, new, lang, "subprocessor_list") == {
        ("subprocessor_added", "Wendle"),
        ("subprocessor_removed", "Quent Storage"),
    }


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Larkspur sub-processors\n\nThe app is a service offered by Larkspur GmbH, a Swiss company based in Chur.\n",
        ),
        (
            "de",
            "# Larkspur Unterauftragsverarbeiter\n\nDie App ist ein Angebot der Larkspur GmbH, eines Schweizer "
            "Unternehmens mit Sitz in Chur.\n",
        ),
    ],
)
def test_a_service_the_vendor_itself_offers_places_no_recipient(scanner, lang, text):
    """ "a service offered by <the vendor>, a Swiss company": the vendor's own seat, no recipient's, so no destination;
    the title gives the vendor's name."""
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="subprocessor_list")
    assert not [m for m in report.mentions if m.kind == "destination"]


@pytest.mark.parametrize(
    ("lang", "old", "new"),
    [
        (
            "en",
            "# Larkspur sub-processors\n\nThe app is a service offered by Larkspur GmbH, a Swiss company based in "
            "Chur.\n\nOur service runs in certified data centres located in Switzerland.\n",
            "# Larkspur sub-processors\n\nThe app is a service offered by Larkspur GmbH, a Swiss company based in "
            "Chur.\n\nWe list our sub-processors and their locations below.\n",
        ),
        (
            "de",
            "# Larkspur Unterauftragsverarbeiter\n\nDie App ist ein Angebot der Larkspur GmbH, eines Schweizer "
            "Unternehmens mit Sitz in Chur.\n\nUnser Dienst läuft in zertifizierten Rechenzentren, die sich in der "
            "Schweiz befinden.\n",
            "# Larkspur Unterauftragsverarbeiter\n\nDie App ist ein Angebot der Larkspur GmbH, eines Schweizer "
            "Unternehmens mit Sitz in Chur.\n\nUnsere Unterauftragsverarbeiter und ihre Standorte nennen wir unten.\n",
        ),
    ],
)
def test_diff_a_country_left_only_as_the_vendors_seat_is_removed(scanner, lang, old, new):
    """Data centres in Switzerland no longer named, the vendor still "a Swiss company": the country is removed, since
    a company's seat says where it sits, not where the data goes."""
    assert ("destination_removed", "CH") in _changes(scanner, old, new, lang, "subprocessor_list")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "# Larkspur data processing agreement\n\nSecond-line support is provided by Larkspur UK Ltd from Belfast, "
            "Northern Ireland.\n",
            {"GB"},
        ),
        (
            "en",
            "# Larkspur data processing agreement\n\nAutomated checks are run by models operated by Larkspur's "
            "affiliate Larkspur Labs LLC in its us-east-1 deployment.\n",
            {"US"},
        ),
        (
            "de",
            "# Larkspur Auftragsverarbeitungsvertrag\n\nDie Fernwartung wird von der Larkspur UK Ltd in Belfast "
            "erbracht, die dafür auf die Kundendaten zugreift.\n",
            {"GB"},
        ),
    ],
)
def test_a_company_of_the_vendors_group_providing_the_service_is_a_recipient(scanner, lang, text, expected):
    """The vendor's brand in a group company's name ("Larkspur UK Ltd") or as a possessive ("Larkspur's affiliate
    Larkspur Labs LLC") names another company of the group, which receives the data where it works; only the vendor
    itself offering its service places no recipient."""
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="dpa")
    assert {t.destination for t in report.transfers} == expected


KINDS = {
    "en": ("Advertising Partners", "| Advertising Partners | We give advertising partners your device identifiers. |"),
    "de": ("Unsere Partner", "| Unsere Partner | Wir geben Ihre Gerätekennungen an unsere Partner weiter. |"),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_kind_of_recipient_read_in_one_layout_only_is_no_change(scanner, lang):
    """A table row headed by a kind of recipient ("Advertising Partners", „Unsere Partner"), read as a recipient in
    one layout (a PDF's table) and not in the other, names no company: no recipient added; a company beside it is."""
    old = _report(scanner, SHARING[lang].format(names="Tallimo"), lang)
    new = copy.deepcopy(old)
    name, row = KINDS[lang]
    evidence = {"quote": row, "page": 3, "start": 0, "end": len(row), "section": [], "reason": "row of a table"}
    for added in (name, "Quorra Payments Ltd"):
        new["documents"][0]["recipients"].append(
            {
                "name": added,
                "role": "processor",
                "purpose": "",
                "locations": [],
                "engaged_by": "",
                "mechanisms": [],
                "evidence": [evidence],
            }
        )
    changes = compare_reports(old, new).changes
    assert {(c.kind, c.value) for c in changes if c.kind != "rating_changed"} == {
        ("subprocessor_added", "Quorra Payments Ltd")
    }


RENAMED_COMPANY = {
    "en": (
        "We share the events of our pixel with Facebook Ireland Limited to measure our campaigns.",
        "We share the events of our pixel with Meta Platforms Ireland Limited to measure our campaigns.",
        "We share the events of our pixel with Corvan Ads Limited to measure our campaigns.",
    ),
    "de": (
        "Die Ereignisse unseres Pixels geben wir an die Facebook Ireland Limited weiter, um Kampagnen zu messen.",
        "Die Ereignisse unseres Pixels geben wir an die Meta Platforms Ireland Limited weiter, um Kampagnen zu messen.",
        "Die Ereignisse unseres Pixels geben wir an die Corvan Ads Limited weiter, um Kampagnen zu messen.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_company_under_its_new_name_is_no_recipient_change(lang):
    """A company that took a new name ("Facebook" became "Meta Platforms", recipients.yml ``renamed``) is the same
    recipient in both versions, read or only named under either name; another company in its place is a change."""
    before, after, other = RENAMED_COMPANY[lang]
    old = _recipient_version("old.md", before, "Facebook Ireland Limited")
    assert compare(old, _recipient_version("new.md", after, "Meta Platforms Ireland Limited")).changes == ()
    assert compare(old, _recipient_version("new.md", after, None)).changes == ()
    assert (
        compare(
            _recipient_version("old.md", before, None),
            _recipient_version("new.md", after, "Meta Platforms Ireland Limited"),
        ).changes
        == ()
    )
    assert {
        (c.kind, c.value) for c in compare(old, _recipient_version("new.md", other, "Corvan Ads Limited")).changes
    } == {
        ("subprocessor_added", "Corvan Ads Limited"),
        ("subprocessor_removed", "Facebook Ireland Limited"),
    }


# A notice for readers in Japan, written by the project, that names the country's English name only in an address.
ANNEX_JA = (
    "アカウントの情報は、サービスの提供のため、シンガポールのサーバーにも保存されます。"
    "お問い合わせ先：Orvane Asia Pte Ltd, 12 Harbour Lane, Singapore 018900"
)
STORED_SG = {
    "en": "We also store your personal data on servers in Singapore.",
    "de": "Wir speichern Ihre personenbezogenen Daten auch auf Servern in Singapur.",
}
SEAT_SG = {
    "en": "Our support is provided by Orvane Asia Pte Ltd, 12 Harbour Lane, Singapore 018900.",
    "de": "Unseren Support leistet die Orvane Asia Pte Ltd, 12 Harbour Lane, Singapore 018900.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_country_still_named_in_an_annex_in_a_script_not_read_is_not_removed(lang):
    """A country the new version no longer names in a sentence the diff reads, but still names in a line of an annex
    written in a script it cannot read, may still be a destination there: no destination removed. Named only as a
    company's seat in a line it reads, the country is removed."""
    said = Passage(STORED_SG[lang], "old.md")
    old_text = f"Intro.\n{STORED_SG[lang]}\n{ANNEX_JA}"
    old = Terms("old.md", "yellow", destinations={"SG": (said,)}, passages=(said,), text=old_text, whole=old_text)
    annexed = Terms("new.md", "yellow", text=f"Intro.\n{ANNEX_JA}", whole=f"Intro.\n{ANNEX_JA}")
    seated = Terms("new.md", "yellow", text=f"Intro.\n{SEAT_SG[lang]}", whole=f"Intro.\n{SEAT_SG[lang]}")
    assert [(c.kind, c.value) for c in compare(old, annexed).changes] == []
    assert [(c.kind, c.value) for c in compare(old, seated).changes] == [("destination_removed", "SG")]


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_country_added_where_the_old_version_named_it_only_in_a_script_not_read_is_added(lang):
    """The old version names Singapore only in a line the diff cannot read (an annex for readers in Japan): what that
    line says of it is unknown, and the transfer the new version adds in a sentence the diff reads is added. A diff
    that took the line for the same terms would hide a new destination behind any address written in that script."""
    said = Passage(STORED_SG[lang], "new.md")
    old = Terms("old.md", "yellow", text=f"Intro.\n{ANNEX_JA}", whole=f"Intro.\n{ANNEX_JA}")
    new_text = f"Intro.\n{STORED_SG[lang]}\n{ANNEX_JA}"
    new = Terms("new.md", "yellow", destinations={"SG": (said,)}, passages=(said,), text=new_text, whole=new_text)
    assert [(c.kind, c.value) for c in compare(old, new).changes] == [("destination_added", "SG")]


HOSTED_BY = {
    "en": (
        "# Privacy Policy\n\nWe use {old} to host our website.\n",
        "# Privacy Policy\n\nWe use {new} to host our website.\n",
    ),
    "de": (
        "# Datenschutzerklärung\n\nWir nutzen die {old} für das Hosting unserer Website.\n",
        "# Datenschutzerklärung\n\nWir nutzen die {new} für das Hosting unserer Website.\n",
    ),
}
FORMS = {"en": "Inc.", "de": "GmbH"}
FORMERLY = {"en": ("formerly", "now"), "de": ("ehemals", "jetzt")}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_under_its_new_name_given_with_the_old_one_is_no_change(scanner, lang):
    """ "Quorra Cloud Inc. (formerly Brisk Hosting Inc.)" where the old version named Brisk Hosting, or "Brisk Hosting
    (now Quorra Cloud)" where the new one names Quorra Cloud: one company renamed, no recipient added or removed. A
    former name the other version never gave, or words that name no other name ("now part of"), leave the change."""
    old, new = HOSTED_BY[lang]
    form = FORMS[lang]
    formerly, now = FORMERLY[lang]
    brisk, quorra, tarnbeck = f"Brisk Hosting {form}", f"Quorra Cloud {form}", f"Tarnbeck {form}"
    assert _changes(scanner, old.format(old=brisk), new.format(new=f"{quorra} ({formerly} {brisk})"), lang) == set()
    assert _changes(scanner, old.format(old=f"{brisk} ({now} {quorra})"), new.format(new=quorra), lang) == set()
    assert _changes(scanner, old.format(old=brisk), new.format(new=f"{quorra} ({formerly} {tarnbeck})"), lang) == {
        ("subprocessor_added", quorra),
        ("subprocessor_removed", brisk),
    }
    if lang == "en":
        assert _changes(scanner, old.format(old=brisk), new.format(new=f"{quorra} (now part of {brisk})"), lang) == {
            ("subprocessor_added", quorra)
        }


GROUP_CENTRES = {
    "en": (
        "# Privacy Notice\n\nWe share your contact details with Quorvel agents to answer your calls.\n",
        "# Privacy Notice\n\nWe share your contact details with Quorvel agents to answer your calls. We may transfer "
        "your data to other Quorvel Group companies (for instance our Quorvel Care Services centres in India, who "
        "answer your calls).\n",
    ),
    "de": (
        "# Datenschutzhinweise\n\nWir teilen Ihre Kontaktdaten mit Quorvel-Mitarbeitern, um Ihre Anrufe zu beantworten.\n",
        "# Datenschutzhinweise\n\nWir teilen Ihre Kontaktdaten mit Quorvel-Mitarbeitern, um Ihre Anrufe zu beantworten. "
        "Wir können Ihre Daten an andere Konzerngesellschaften (z. B. unsere Quorvel Care Services GmbH in Indien) "
        "übermitteln.\n",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_group_company_the_data_now_goes_to_is_added(scanner, lang):
    """A company of the vendor's group given as the example of the group companies data goes to is a recipient, though
    both versions share data under the group's mark: another company of the group (eval/versions/AGREEMENT.md)."""
    old, new = GROUP_CENTRES[lang]
    name = {"en": "Quorvel Care Services", "de": "Quorvel Care Services GmbH"}[lang]
    assert ("subprocessor_added", name) in _changes(scanner, old, new, lang)


SEATED_PROVIDER = {
    "en": ("Tallimo, which takes your payments, is located in the United Kingdom.", "## Payments\n\n"),
    "de": ("Tallimo, das Ihre Zahlungen abwickelt, hat seinen Sitz im Vereinigten Königreich.", "## Zahlungen\n\n"),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_flag_of_an_absence_beside_a_destination_held_back_is_no_change(lang):
    """ "Transfers not addressed" quotes nothing. Where the one destination the old version read stands word for word
    in the new one (read there under another heading, or not at all), the new version's flag follows that reading,
    not the terms: no change. Where the new version no longer says it, the destination and the flag both change."""
    sentence, heading = SEATED_PROVIDER[lang]
    placed = Passage(sentence, "old.md")
    old = Terms("old.md", "yellow", destinations={"GB": (placed,)}, passages=(placed,), whole=sentence)
    kept = Terms("new.md", "red", flags={"TRANSFERS_NOT_ADDRESSED": ()}, whole=heading + sentence)
    assert [(c.kind, c.value) for c in compare(old, kept).changes] == [("rating_changed", "red")]
    gone = replace(kept, whole=heading)
    assert [(c.kind, c.value) for c in compare(old, gone).changes] == [
        ("destination_removed", "GB"),
        ("flag_added", "TRANSFERS_NOT_ADDRESSED"),
        ("rating_changed", "red"),
    ]


RENAMED_PRODUCT = {
    "en": "We use the {name} to measure our campaigns.",
    "de": "Wir setzen das {name} ein, um unsere Kampagnen zu messen.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(
    ("before", "after"), [("Facebook Pixel", "Meta Pixel"), ("G Suite", "Google Workspace"), ("Verizon Media", "Yahoo")]
)
def test_diff_a_product_or_company_under_its_new_name_is_no_recipient_change(lang, before, after):
    """A product renamed with its company ("Facebook Pixel", "Meta Pixel") or on its own ("G Suite", "Google
    Workspace"), recipients.yml ``renamed``: the same recipient in both versions; another product in its place is a
    change."""
    text = RENAMED_PRODUCT[lang]
    old = _recipient_version("old.md", text.format(name=before), before)
    assert compare(old, _recipient_version("new.md", text.format(name=after), after)).changes == ()
    other = _recipient_version("new.md", text.format(name="Corvan Pixel"), "Corvan Pixel")
    assert {(c.kind, c.value) for c in compare(old, other).changes} == {
        ("subprocessor_added", "Corvan Pixel"),
        ("subprocessor_removed", before),
    }


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_flag_of_missing_terms_beside_a_destination_held_back_is_added(lang):
    """Only the absence of a transfer reading follows a destination held back. A list of sub-processors dropped in
    the same new version (its flag quoting nothing, as the DPA no longer speaks of them) is a change of its own."""
    sentence, heading = SEATED_PROVIDER[lang]
    placed = Passage(sentence, "old.md")
    old = Terms("old.md", "yellow", destinations={"GB": (placed,)}, passages=(placed,), whole=sentence)
    flags: dict[str, tuple[Passage, ...]] = {"TRANSFERS_NOT_ADDRESSED": (), "SUBPROCESSOR_LIST_MISSING": ()}
    kept = Terms("new.md", "red", flags=flags, whole=heading + sentence)
    assert [(c.kind, c.value) for c in compare(old, kept).changes] == [
        ("flag_added", "SUBPROCESSOR_LIST_MISSING"),
        ("rating_changed", "red"),
    ]


REPLACED = {
    "en": (
        "We send newsletters with Postwise Inc.",
        "We send newsletters with Mailrun Inc. Previously Postwise Inc. sent them.",
        "We send newsletters with Mailrun Inc. (previously Postwise Inc.).",
        ("Postwise Inc.", "Mailrun Inc."),
    ),
    "de": (
        "Den Newsletter versendet die Postwise GmbH.",
        "Den Newsletter versendet die Mailrun GmbH. Zuvor Postwise GmbH, deren Dienst eingestellt wurde.",
        "Den Newsletter versendet die Mailrun GmbH (vormals Postwise GmbH).",
        ("Postwise GmbH", "Mailrun GmbH"),
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_provider_replaced_in_the_next_sentence_is_added_not_renamed(lang):
    """ "Mailrun Inc. (previously Postwise Inc.)" gives the company's other name: one company renamed. "Mailrun Inc.
    Previously Postwise Inc. sent them" opens the next sentence with the word, which tells of another provider before
    this one: Mailrun is added."""
    old_text, replaced, renamed, (old_name, new_name) = REPLACED[lang]
    old = _recipient_version("old.md", old_text, old_name)
    changes = compare(old, _recipient_version("new.md", replaced, new_name)).changes
    assert ("subprocessor_added", new_name) in [(c.kind, c.value) for c in changes]
    assert compare(old, _recipient_version("new.md", renamed, new_name)).changes == ()
