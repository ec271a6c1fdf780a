"""dpcheck diff (and the readings behind it) on shapes of real policies: recipients given as lettered entries of prose
after a lead-in, lists that end or are led in again, log-in providers in a table of tools or sent data in a log-in
sentence, and countries whose laws are called adequate; English and German, our own sentences and fictional
companies."""

from __future__ import annotations

import pytest

import dpcheck

LETTERED = {
    "en": (
        "# Privacy Policy\n\n## Who processes your data\n\n"
        "3.4. Data Processors. When processing your data, we may use the following data processors:\n\n"
        "(a) Quorra Mail service is represented by Quorra Mail Ltd, with its registered office at 4 Harbour Lane, "
        "Valletta, to send e-mails. Quorra Mail describes its own processing in its policy.\n\n"
        "(b) Tallimo Inc., to send verification codes. Tallimo says more on its website.\n\n"
        "{extra}"
        "3.5. Retention. We keep your data for as long as your account is open.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Wer Ihre Daten verarbeitet\n\n"
        "3.4. Auftragsverarbeiter. Bei der Verarbeitung Ihrer Daten setzen wir folgende Auftragsverarbeiter ein:\n\n"
        "(a) Dienst Quorra Mail, vertreten durch die Quorra Mail GmbH, Hafenweg 4, Hamburg, zum Versand von E-Mails. "
        "Quorra Mail beschreibt seine Verarbeitung in seiner Erklärung.\n\n"
        "(b) Tallimo AG, zum Versand von Bestätigungscodes. Tallimo informiert auf seiner Website.\n\n"
        "{extra}"
        "3.5. Speicherdauer. Wir speichern Ihre Daten, solange Ihr Konto besteht.\n"
    ),
}
LETTERED_EXTRA = {
    "en": (
        "(c) Brisk Analytics service which may be represented by Brisk Analytics Corp., with its registered address "
        "in Denver, for A/B testing. Brisk says more in its policy.\n\n"
    ),
    "de": (
        "(c) Dienst Brisk Analytics, betrieben von der Brisk Analytics GmbH, Wien, für A/B-Tests. Brisk informiert "
        "in seiner Erklärung.\n\n"
    ),
}


def _names(scanner, text: str, lang: str) -> set[str]:
    report = scanner.scan_text(text, name="policy.md", language=lang, format="markdown", doc_type="privacy_policy")
    return {r.name for r in report.recipients}


def _diff(scanner, tmp_path, old: str, new: str) -> set[tuple[str, str]]:
    before, after = tmp_path / "old.md", tmp_path / "new.md"
    before.write_text(old, encoding="utf-8")
    after.write_text(new, encoding="utf-8")
    comparison = dpcheck.diff(before, after, scanner=scanner)
    return {(c.kind, c.value) for c in comparison.changes if c.kind != "rating_changed"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_lettered_entries_after_a_lead_in_name_their_companies(scanner, lang):
    """Paragraphs lettered "(a)", "(b)" after a lead-in naming processors are the list's entries, several sentences
    each: the company that runs a service ("represented by", „vertreten durch") is the recipient, not the service."""
    expected = {"en": {"Quorra Mail Ltd", "Tallimo Inc."}, "de": {"Quorra Mail GmbH", "Tallimo AG"}}[lang]
    assert _names(scanner, LETTERED[lang].format(extra=""), lang) >= expected


@pytest.mark.parametrize("lang", ["en", "de"])
def test_lettered_paragraphs_without_a_lead_in_name_no_recipient(scanner, lang):
    """The same lettered paragraphs under a lead-in that names no processors (tips to the reader) are no list of
    recipients."""
    lead = {
        "en": "When processing your data, we may use the following data processors:",
        "de": "Bei der Verarbeitung Ihrer Daten setzen wir folgende Auftragsverarbeiter ein:",
    }[lang]
    other = {
        "en": "Please keep the following tips in mind:",
        "de": "Bitte beachten Sie folgende Hinweise:",
    }[lang]
    names = _names(scanner, LETTERED[lang].format(extra="").replace(lead, other), lang)
    assert not names & {"Quorra Mail Ltd", "Quorra Mail GmbH", "Tallimo Inc.", "Tallimo AG"}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_lettered_entry_added_is_a_recipient_added(scanner, lang, tmp_path):
    """A new lettered entry adds the company that runs its service; the entries both versions keep are no change."""
    added = {"en": "Brisk Analytics Corp.", "de": "Brisk Analytics GmbH"}[lang]
    old = LETTERED[lang].format(extra="")
    new = LETTERED[lang].format(extra=LETTERED_EXTRA[lang])
    assert ("subprocessor_added", added) in _diff(scanner, tmp_path, old, new)
    assert not {k for k, _ in _diff(scanner, tmp_path, old, old)}


TOOLS = {
    "en": (
        "# Privacy Policy\n\n## Tools in our app\n\nBesides our processors, other companies process your data "
        "through the tools in our app:\n\n"
        "| Tool | Supplier | Purpose |\n| --- | --- | --- |\n"
        "| Tallimo Crash Kit | Tallimo Inc. | We use Tallimo to trace crashes of the app. |\n"
        "{row}"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Werkzeuge in unserer App\n\nNeben unseren Auftragsverarbeitern verarbeiten "
        "andere Unternehmen Ihre Daten über die Werkzeuge in unserer App:\n\n"
        "| Werkzeug | Lieferant | Zweck |\n| --- | --- | --- |\n"
        "| Tallimo Crash Kit | Tallimo Inc. | Wir nutzen Tallimo, um Abstürze der App zu finden. |\n"
        "{row}"
    ),
}
LOG_IN_ROW = {
    "en": "| Quorra Login | Quorra Holdings Limited | We use Quorra to enable you to login via your Quorra account and "
    "to chat in the China region only. |\n",
    "de": "| Quorra Login | Quorra Holdings Limited | Wir nutzen Quorra für den Login mit Ihrem Quorra-Konto und den "
    "Chat nur in China. |\n",
}
HOSTING_ROW = {
    "en": "| Quorra Cloud | Quorra Holdings Limited | We use Quorra to store your profile data on servers in "
    "China. |\n",
    "de": "| Quorra Cloud | Quorra Holdings Limited | Wir nutzen Quorra, um Ihre Profildaten auf Servern in China zu "
    "speichern. |\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_log_in_provider_dropped_from_a_table_is_no_change(scanner, lang, tmp_path):
    """A row whose tool lets the reader log in with another account ("login via your Quorra account", „Login mit
    Ihrem Quorra-Konto") names a log-in the reader chooses: neither the provider nor the region said of it is a
    recipient or destination removed when the row goes (Task B leaves log-in providers and their countries out)."""
    old = TOOLS[lang].format(row=LOG_IN_ROW[lang])
    new = TOOLS[lang].format(row="")
    assert _diff(scanner, tmp_path, old, new) == set()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_hosting_provider_dropped_from_a_table_is_a_change(scanner, lang, tmp_path):
    """The same table losing a row of a provider that stores the data in China: its country is a destination removed."""
    old = TOOLS[lang].format(row=HOSTING_ROW[lang])
    new = TOOLS[lang].format(row="")
    assert ("destination_removed", "CN") in _diff(scanner, tmp_path, old, new)


ADEQUATE = {
    "en": "# Privacy Policy\n\n## Transfers\n\nWe transfer your personal data to countries outside the European "
    "Economic Area which have adequate laws to protect personal data, as determined by the European Commission.\n",
    "de": "# Datenschutzerklärung\n\n## Übermittlungen\n\nWir übermitteln Ihre personenbezogenen Daten nur in "
    "Drittländer mit angemessenen Datenschutzgesetzen, wie die Europäische Kommission sie festgestellt hat.\n",
}
NOT_ADEQUATE = {
    "en": "# Privacy Policy\n\n## Transfers\n\nWe may transfer your personal data to countries outside the European "
    "Economic Area which do not have adequate laws to protect personal data.\n",
    "de": "# Datenschutzerklärung\n\n## Übermittlungen\n\nWir können Ihre personenbezogenen Daten in Drittländer "
    "ohne angemessene Datenschutzgesetze übermitteln.\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_countries_whose_laws_are_adequate_are_adequacy(scanner, lang):
    """Data sent to countries "which have adequate laws" („mit angemessenen Datenschutzgesetzen") rests on adequacy;
    countries that do not have them are no tool."""
    scan = scanner.scan_text
    yes = scan(ADEQUATE[lang], name="p.md", language=lang, format="markdown", doc_type="privacy_policy")
    no = scan(NOT_ADEQUATE[lang], name="p.md", language=lang, format="markdown", doc_type="privacy_policy")
    assert "adequacy" in yes.mechanisms
    assert "adequacy" not in no.mechanisms


SELF_JUDGED = {
    "en": [
        "# Privacy Policy\n\n## Transfers\n\nWe transfer your data to Norvella Inc. in the United States and to its "
        "team in India, which have adequate laws in our view.\n",
        "# Privacy Policy\n\n## Transfers\n\nWe transfer your data to countries outside the European Economic Area, "
        "only some of which have adequate laws.\n",
    ],
    "de": [
        "# Datenschutzerklärung\n\n## Übermittlungen\n\nWir übermitteln Ihre Daten an die Norvella Inc. in den USA "
        "und nach Indien, beides Länder mit angemessenen Gesetzen.\n",
    ],
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_laws_called_adequate_of_named_countries_or_some_of_them_are_no_adequacy(scanner, lang):
    """Laws called adequate of countries the sentence names (the vendor's own view), or of only some of the
    countries data goes to, are no adequacy: the transfer keeps its missing tool."""
    for text in SELF_JUDGED[lang]:
        report = scanner.scan_text(text, name="p.md", language=lang, format="markdown", doc_type="privacy_policy")
        assert "adequacy" not in report.mechanisms, text
        assert "TRANSFER_MECHANISM_UNSPECIFIED" in {f.rule_id for f in report.findings}, text


LOGIN_TRANSFER = {
    "en": (
        "# Privacy Policy\n\n## Your account\n\nWe keep your account data on servers in Germany.\n\n{extra}",
        "For login via single sign-on, we transfer your e-mail address to Keyloom Inc., which stores it in the "
        "United States.\n",
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Ihr Konto\n\nWir speichern Ihre Kontodaten auf Servern in Deutschland.\n\n{extra}",
        "Für den Login über Single Sign-on übermitteln wir Ihre E-Mail-Adresse an die Keyloom Inc. in den USA.\n",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_transfer_beside_a_log_in_is_a_change(scanner, lang, tmp_path):
    """A sentence that sends data abroad itself says where data goes, though it names a log-in: its place added is a
    destination added (only a log-in provider's own region, with no data sent, is held back)."""
    shape, extra = LOGIN_TRANSFER[lang]
    changes = _diff(scanner, tmp_path, shape.format(extra=""), shape.format(extra=extra))
    assert ("destination_added", "US") in changes
    assert ("flag_added", "TRANSFER_MECHANISM_UNSPECIFIED") in changes


PLACED_LETTERED = {
    "en": "(c) Pellucid Inc., United States, to send newsletters. Pellucid says more in its policy.\n\n",
    "de": "(c) Pellucid Inc., USA, zum Versand von Newslettern.\n\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_lettered_entry_that_opens_with_its_company_and_a_place_is_placed(scanner, lang):
    """A lettered entry opening as a list's item does ("(c) X Inc., USA, to send ...") is placed as that item is: the
    place is the recipient's, and a destination."""
    text = LETTERED[lang].format(extra=PLACED_LETTERED[lang])
    report = scanner.scan_text(text, name="p.md", language=lang, format="markdown", doc_type="privacy_policy")
    assert ("Pellucid Inc.", ("US",)) in {(r.name, tuple(r.locations)) for r in report.recipients}
    assert "US" in {t.destination for t in report.transfers}


RESTARTED = {
    "en": "(a) Zentho Bank plc is the bank our founders chose. It never sees your data.\n\n",
    "de": "(a) Zentho Bank AG ist die Hausbank unserer Gründer. Sie sieht Ihre Daten nie.\n\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_lettered_list_ends_where_its_first_letter_comes_again(scanner, lang):
    """Lettering that starts again at "(a)" after a lettered list of processors starts another list: the company its
    first entry opens with is no recipient of the first list."""
    names = _names(scanner, LETTERED[lang].format(extra=RESTARTED[lang]), lang)
    assert names >= {"en": {"Quorra Mail Ltd", "Tallimo Inc."}, "de": {"Quorra Mail GmbH", "Tallimo AG"}}[lang]
    assert not {n for n in names if n.startswith("Zentho")}


SECOND_LEAD = {
    "en": "We also use the following processors in the United States:",
    "de": "In den USA setzen wir außerdem folgende Auftragsverarbeiter ein:",
}
SECOND_LEAD_IN = {
    "en": (
        "# Privacy Policy\n\n## Who processes your data\n\nWe use the following processors:\n\n"
        "{first}\n\n{lead}\n\n{second}\n\n"
        "## Retention\n\nWe keep your data for as long as your account is open.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Wer Ihre Daten verarbeitet\n\nWir setzen folgende Auftragsverarbeiter ein:"
        "\n\n{first}\n\n{lead}\n\n{second}\n\n"
        "## Speicherdauer\n\nWir speichern Ihre Daten, solange Ihr Konto besteht.\n"
    ),
}
SECOND_ITEMS = {
    "en": {
        "bullets": (
            "- Quorra Mail Ltd, to send e-mails\n- Tallimo Inc., to send codes",
            "- Gammon Files Inc., hosting",
        ),
        "letters": (
            "(a) Quorra Mail Ltd, to send e-mails. Quorra says more in its policy.\n\n"
            "(b) Tallimo Inc., to send codes. Tallimo says more on its site.",
            "(a) Gammon Files Inc., to host files. Gammon says more in its policy.",
        ),
    },
    "de": {
        "bullets": (
            "- Quorra Mail GmbH, E-Mail-Versand\n- Tallimo AG, Versand von Codes",
            "- Gammon Files Inc., Hosting",
        ),
        "letters": (
            "(a) Quorra Mail GmbH, zum Versand von E-Mails. Quorra informiert in seiner Erklärung.\n\n"
            "(b) Tallimo AG, zum Versand von Codes. Tallimo informiert auf seiner Website.",
            "(a) Gammon Files Inc., zum Speichern von Dateien. Gammon informiert in seiner Erklärung.",
        ),
    },
}


@pytest.mark.parametrize("shape", ["bullets", "letters"])
@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_second_lead_in_right_after_a_list_leads_in_the_next(scanner, lang, shape):
    """A list of processors split in two by a second lead-in ("We also use the following processors in the United
    States:") keeps the companies of both parts: the lead-in ends the first list and leads in the second."""
    first, second = SECOND_ITEMS[lang][shape]
    names = _names(scanner, SECOND_LEAD_IN[lang].format(first=first, lead=SECOND_LEAD[lang], second=second), lang)
    assert "Gammon Files Inc." in names
    assert {"en": "Tallimo Inc.", "de": "Tallimo AG"}[lang] in names


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_list_split_in_two_by_a_lead_in_is_no_change(scanner, lang, tmp_path):
    """The same processors listed once, then split under two lead-ins: no recipient added or removed."""
    first, second = SECOND_ITEMS[lang]["bullets"]
    old = SECOND_LEAD_IN[lang].format(first=f"{first}\n{second}", lead="", second="")
    new = SECOND_LEAD_IN[lang].format(first=first, lead=SECOND_LEAD[lang], second=second)
    assert "Gammon Files Inc." in _names(scanner, old, lang)
    assert not {k for k, _ in _diff(scanner, tmp_path, old, new) if k.startswith("subprocessor_")}


LOG_IN_SHARING = {
    "en": (
        "# Privacy Policy\n\n## Who receives your data\n\nWe host your account with Tallimo Inc.\n\n{extra}"
        "## Retention\n\nWe keep your data for as long as your account is open.\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## Wer Ihre Daten erhält\n\nIhr Konto liegt bei der Tallimo AG.\n\n{extra}"
        "## Speicherdauer\n\nWir speichern Ihre Daten, solange Ihr Konto besteht.\n"
    ),
}
LOG_IN_SENDS = {
    "en": "If you log in with your Korvex account, we also share your order history with Korvex Systems Inc.\n\n",
    "de": "Bei der Anmeldung über Korvex übermitteln wir Ihre Bestellhistorie an die Korvex Systems Inc.\n\n",
}
LOG_IN_RECEIVES = {
    "en": "If you log in with your Korvex account, Korvex Systems Inc. shares your name and e-mail address with us.\n\n",
    "de": "Bei der Anmeldung über Korvex übermittelt uns die Korvex Systems Inc. Ihren Namen.\n\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_log_in_sentence_that_shares_data_names_whom_it_shares_it_with(scanner, lang):
    """A log-in the reader chooses names no recipient, but a log-in sentence that shares data on names the company it
    shares the data with; one where that company sends data to the vendor names none."""
    assert "Korvex Systems Inc." in _names(scanner, LOG_IN_SHARING[lang].format(extra=LOG_IN_SENDS[lang]), lang)
    assert "Korvex Systems Inc." not in _names(scanner, LOG_IN_SHARING[lang].format(extra=LOG_IN_RECEIVES[lang]), lang)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_data_shared_in_a_new_log_in_sentence_is_a_recipient_added(scanner, lang, tmp_path):
    """A version that starts sharing data with the log-in provider adds it as a recipient; one that only adds the
    provider sending data to the vendor adds none."""
    old = LOG_IN_SHARING[lang].format(extra="")
    assert ("subprocessor_added", "Korvex Systems Inc.") in _diff(
        scanner, tmp_path, old, LOG_IN_SHARING[lang].format(extra=LOG_IN_SENDS[lang])
    )
    assert not _diff(scanner, tmp_path, old, LOG_IN_SHARING[lang].format(extra=LOG_IN_RECEIVES[lang]))


OWN_NOTICE = {
    "en": (
        "# Privacy Policy\n\nThis notice covers the Plenth website and newsletter.",
        "For Plenth Trading (powered by Zelto Markets), please refer to the privacy notice on the Zelto Markets "
        "website.",
    ),
    "de": (
        "# Datenschutzerklärung\n\nDiese Erklärung gilt für die Website und den Newsletter von Plenth.",
        "Für Plenth Pay (betrieben von Zelto Markets) lesen Sie bitte die Datenschutzerklärung auf der Website von "
        "Zelto Markets.",
    ),
}
OWN_NOTICE_SHARED = {
    "en": "For Plenth Trading (powered by Zelto Markets) we share your account data with Zelto Markets; please refer "
    "to its privacy notice.",
    "de": "Für Plenth Pay (betrieben von Zelto Markets) geben wir Ihre Kontodaten an Zelto Markets weiter; lesen Sie "
    "bitte dessen Datenschutzerklärung.",
}
USED_WITH_NOTICE = {
    "en": "We use Zelto Markets to send our newsletter; please see the privacy notice of Zelto Markets.",
    "de": "Wir nutzen Zelto Markets für unseren Newsletter; siehe die Datenschutzerklärung von Zelto Markets.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_service_another_company_runs_under_its_own_notice_names_no_recipient(scanner, lang):
    """A sentence sending the reader to the privacy notice of the company that runs another service ("For Plenth
    Trading (powered by Zelto Markets), please refer to the privacy notice ...") says no data goes to that company;
    one that shares data with it, or says the vendor uses it, names it still."""
    head, pointer = OWN_NOTICE[lang]
    assert "Zelto Markets" not in _names(scanner, f"{head} {pointer}\n", lang)
    assert "Zelto Markets" in _names(scanner, f"{head} {OWN_NOTICE_SHARED[lang]}\n", lang)
    assert "Zelto Markets" in _names(scanner, f"{head} {USED_WITH_NOTICE[lang]}\n", lang)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_pointer_to_another_companys_notice_added_is_no_change(scanner, lang, tmp_path):
    """A new version that only adds a pointer to the notice of a company running another service adds no recipient."""
    head, pointer = OWN_NOTICE[lang]
    changes = _diff(scanner, tmp_path, f"{head}\n", f"{head} {pointer}\n")
    assert not {k for k, _ in changes if k.startswith("subprocessor_")}
