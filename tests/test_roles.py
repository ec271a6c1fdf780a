"""Clause roles: the role set as data, its examples, and the transfers roles make (issue 17, classes 1, 2, 3, 7)."""

from __future__ import annotations

import json

import pytest
import yaml
from jsonschema import Draft202012Validator

from dpcheck import ingest
from dpcheck.errors import RulesetError
from dpcheck.extract.roles import UNCLAIMED, RoleSet, assign
from dpcheck.extract.sentences import sentences
from dpcheck.report.json import document_to_dict
from dpcheck.resources import rules_dir

ROLES_FILE = rules_dir() / "lexicon" / "roles.yml"
ROLES = yaml.safe_load(ROLES_FILE.read_text(encoding="utf-8"))


def scan(scanner, text, lang, doc_type="privacy_policy"):
    return scanner.scan_text(text, language=lang, doc_type=doc_type)


def destinations(scanner, text, lang, doc_type="privacy_policy"):
    return {t.destination for t in scan(scanner, text, lang, doc_type).transfers}


def roles_of(scanner, text, lang):
    """The roles of the one sentence ``text``, and its places' argument roles by code."""
    nlp = scanner.pipeline(lang)
    (sentence,) = list(sentences(ingest.load_text(text), nlp))
    roles = assign(sentence, RoleSet.from_data(ROLES))
    arguments = {p.code: roles.argument(p.start, p.end).role for p in sentence.places}
    for cue in sentence.of("OPEN_DESTINATION"):
        arguments.setdefault("UNSPECIFIED", roles.argument(cue.start, cue.end, open_region=True).role)
    return roles.roles, arguments


def test_roles_data_matches_its_schema():
    """rules/lexicon/roles.yml is valid against rules/schema/roles.schema.json."""
    schema = json.loads((rules_dir() / "schema" / "roles.schema.json").read_text(encoding="utf-8"))
    errors = [e.message for e in Draft202012Validator(schema).iter_errors(ROLES)]
    assert errors == []


def test_roles_every_role_gives_a_declared_argument():
    """Each role's argument is one of the declared argument roles, so the set stays closed."""
    assert {entry["argument"] for entry in ROLES["roles"].values()} <= set(ROLES["arguments"])
    assert UNCLAIMED in ROLES["arguments"]


def test_roles_undeclared_argument_is_refused():
    """A role naming an argument the data does not declare is a ruleset error."""
    broken = {**ROLES, "roles": {**ROLES["roles"], "odd": {**ROLES["roles"]["liability"], "argument": "elsewhere"}}}
    with pytest.raises(RulesetError, match="elsewhere"):
        RoleSet.from_data(broken)


@pytest.mark.parametrize("example", ROLES["examples"], ids=lambda e: f"{e['lang']}:{e['text'][:40]}")
def test_roles_examples(scanner, example):
    """Each example of roles.yml gets (at least) its roles, and each of its places the argument role given."""
    roles, arguments = roles_of(scanner, example["text"], example["lang"])
    assert set(example["roles"]) <= roles
    assert {code: arguments.get(code) for code in example["arguments"]} == example["arguments"]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Customer data is hosted in Canada.", "destination"),
        ("de", "Kundendaten werden in Kanada gehostet.", "destination"),
        ("en", "Users in Canada may contact us at any time.", "origin"),
        ("de", "Nutzer in Kanada können uns jederzeit kontaktieren.", "origin"),
        ("en", "Disputes are settled by the courts of Canada.", "law_forum"),
        ("de", "Gerichtsstand ist Kanada.", "law_forum"),
    ],
)
def test_roles_nearest_cue_gives_the_argument(scanner, lang, text, expected):
    """A place takes the argument role of the nearest role cue that reaches it."""
    assert roles_of(scanner, text, lang)[1]["CA"] == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Data collected from users in Canada is stored in Japan."),
        ("de", "Daten von Nutzern aus Kanada werden nach Japan übermittelt."),
    ],
)
def test_roles_barrier_stops_a_cue(scanner, lang, text):
    """An origin cue does not reach past "to"/"nach": the second country is where data goes."""
    _, arguments = roles_of(scanner, text, lang)
    assert arguments == {"CA": "origin", "JP": "destination"}


def test_roles_place_without_cue_is_unclaimed(scanner):
    """A country no role cue reaches is left to the sentence's context."""
    assert roles_of(scanner, "Kanada.", "de")[1] == {"CA": UNCLAIMED}


# Class 1: open, onward and conditional destinations are UNSPECIFIED, in DPAs and policies alike.
@pytest.mark.parametrize(
    ("lang", "doc_type", "text"),
    [
        (
            "en",
            "privacy_policy",
            "Where we transfer your information outside the EEA, we protect it with suitable safeguards.",
        ),
        (
            "en",
            "dpa",
            "Where the Processor transfers Customer Data outside the EEA, it shall ensure an adequate level of protection.",
        ),
        ("en", "dpa", "Our sub-processors may make onward transfers to a third party located outside the EEA."),
        ("en", "privacy_policy", "Records may be kept wherever we or our vendors run facilities."),
        ("en", "privacy_policy", "Your details may be processed in countries different from your own."),
        ("en", "privacy_policy", "Account data may be sent to a destination outside the EEA."),
        (
            "de",
            "privacy_policy",
            "Sofern wir Daten außerhalb des EWR übermitteln, schützen wir sie mit geeigneten Garantien.",
        ),
        (
            "de",
            "dpa",
            "Soweit der Auftragnehmer Kundendaten außerhalb des EWR verarbeitet, stellt er ein angemessenes Schutzniveau sicher.",
        ),
        (
            "de",
            "dpa",
            "Unsere Unterauftragsverarbeiter dürfen Daten an Dritte mit Sitz außerhalb des EWR weiterübermitteln.",
        ),
        (
            "de",
            "privacy_policy",
            "Die Daten können überall dort gespeichert werden, wo wir oder unsere Partner Rechenzentren betreiben.",
        ),
        ("de", "privacy_policy", "Ihre Daten können in andere Länder als Ihr Wohnsitzland übermittelt werden."),
        (
            "de",
            "privacy_policy",
            "Kontodaten können an ein Ziel außerhalb des EWR gesendet und dort gespeichert werden.",
        ),
        ("en", "privacy_policy", "Support notes may be sent on to other jurisdictions when we work with partners."),
        (
            "de",
            "privacy_policy",
            "Supportnotizen können in andere Gerichtsbarkeiten übertragen werden, wenn wir mit Partnern arbeiten.",
        ),
        ("en", "privacy_policy", "Backups may be kept on servers throughout the world."),
        ("de", "privacy_policy", "Sicherungen können auf Servern auf der ganzen Welt aufbewahrt werden."),
        ("en", "privacy_policy", "Your profile may also be maintained in other regions."),
        ("de", "privacy_policy", "Ihr Profil kann auch in anderen Regionen gespeichert werden."),
        ("en", "privacy_policy", "Account details may be read from locations where our engineers work."),
        (
            "de",
            "privacy_policy",
            "Kontodaten können an Standorten, an denen unsere Techniker arbeiten, abgerufen werden.",
        ),
        # Parity of the English and German word lists: each open wording in both languages.
        ("en", "privacy_policy", "Usage logs may be sent abroad to our analytics partners."),
        ("de", "privacy_policy", "Nutzungsprotokolle können in unterschiedliche Länder übermittelt werden."),
        ("en", "privacy_policy", "Contact details may be stored all over the world."),
        ("de", "privacy_policy", "Kontaktdaten können auf der ganzen Welt gespeichert werden."),
        ("en", "privacy_policy", "Billing data is also transferred to non-EU countries."),
        ("de", "privacy_policy", "Rechnungsdaten werden auch in Nicht-EU-Länder übermittelt."),
        ("en", "privacy_policy", "Logs may be transferred to countries in which partners of ours have offices."),
        (
            "de",
            "privacy_policy",
            "Protokolle können in Staaten, in denen Partner von uns Büros haben, übermittelt werden.",
        ),
        (
            "en",
            "privacy_policy",
            "Profiles may be transferred to places with a lower level of data protection than your home country.",
        ),
        (
            "de",
            "privacy_policy",
            "Profile können an Orte mit einem niedrigeren Schutzniveau als Ihr Heimatland übermittelt werden.",
        ),
        ("en", "privacy_policy", "Backups may be kept in other regions as well."),
        ("de", "privacy_policy", "Sicherungen können auch in anderen Regionen gespeichert werden."),
        ("en", "privacy_policy", "Support staff may access tickets from outside Europe."),
        ("de", "privacy_policy", "Supportmitarbeitende können von außerhalb Europas auf Tickets zugreifen."),
    ],
)
def test_roles_open_destinations_are_unspecified(scanner, lang, doc_type, text):
    """Open, onward and conditional destinations leave the destination UNSPECIFIED."""
    assert destinations(scanner, text, lang, doc_type) == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We do not generally transfer your data to third countries. Exceptions are our payment provider and our "
            "newsletter service, which also process your data in Japan.",
        ),
        (
            "de",
            "Wir übermitteln Ihre Daten grundsätzlich nicht in Drittländer. Ausnahmen sind unser Zahlungsdienstleister "
            "und unser Newsletter-Dienst, die Ihre Daten auch in Japan verarbeiten.",
        ),
    ],
)
def test_roles_a_weakened_denial_with_named_exceptions_names_them(scanner, lang, text):
    """The exceptions a hedged denial names are its answer: the open set closes on them."""
    assert destinations(scanner, text, lang) == {"JP"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The data subjects are Customer's employees and the respondents to Customer's surveys, who may be located "
            "in Japan, Canada or Brazil.",
        ),
        (
            "de",
            "Betroffene Personen sind Beschäftigte des Auftraggebers, die sich auch in Japan, in Kanada oder in "
            "Brasilien befinden können.",
        ),
    ],
)
def test_roles_where_the_data_subjects_are_is_no_destination(scanner, lang, text):
    """A DPA's categories of data subjects say where people are; "located" there places people, not data (class 2)."""
    assert destinations(scanner, text, lang, doc_type="dpa") == set()


def test_roles_the_data_subjects_sentence_leaves_storage_a_destination(scanner):
    """A storage statement after the data subjects still places data."""
    text = "The data subjects are customers of the Customer. Customer data is stored in Japan."
    assert destinations(scanner, text, "en", doc_type="dpa") == {"JP"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We do not transfer personal data outside the EEA."),
        ("de", "Wir übermitteln keine personenbezogenen Daten in Länder außerhalb des EWR."),
        ("en", "Any transfer of customer data to the United States is prohibited."),
        ("de", "Eine Übermittlung von Kundendaten in die USA ist verboten."),
    ],
)
def test_roles_denied_transfer_makes_none(scanner, lang, text):
    """A sentence with the negation role makes no transfer."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The platform is hosted in Brazil, and if you do not want your data processed in Brazil, "
            "please choose another region.",
        ),
        (
            "de",
            "Die Plattform wird in Brasilien gehostet, und wenn Ihre Daten nicht in Brasilien verarbeitet werden "
            "sollen, wählen Sie bitte eine andere Region.",
        ),
    ],
)
def test_roles_negation_inside_a_condition_denies_nothing(scanner, lang, text):
    """A negation in an if-clause states a condition, not that data stays at home."""
    assert destinations(scanner, text, lang) == {"BR"}


# Class 2: countries that are not destinations.
@pytest.mark.parametrize(
    ("lang", "doc_type", "text"),
    [
        (
            "en",
            "dpa",
            "This addendum is governed by the laws of Switzerland and the courts of Zurich have jurisdiction.",
        ),
        ("en", "dpa", "Each party's liability is capped as allowed by the laws of a state of the United States."),
        ("en", "privacy_policy", "You may lodge a complaint about our processing with the ICO in the United Kingdom."),
        ("en", "privacy_policy", "This part covers personal data we process subject to the UK GDPR."),
        (
            "en",
            "privacy_policy",
            "We process the data of individuals in the EEA, Switzerland and the UK as set out below.",
        ),
        ("en", "privacy_policy", "Users in Canada can opt out of advertising cookies through the link below."),
        ("en", "privacy_policy", "Reviews you publish on the site can be read from anywhere, including Japan."),
        ("de", "dpa", "Dieser Vertrag unterliegt dem Recht der Schweiz; Gerichtsstand ist Zürich."),
        ("de", "dpa", "Die Haftung der Parteien richtet sich nach den Gesetzen der Vereinigten Staaten."),
        (
            "de",
            "privacy_policy",
            "Sie können sich über unsere Verarbeitung bei der Aufsichtsbehörde im Vereinigten Königreich beschweren.",
        ),
        (
            "de",
            "privacy_policy",
            "Wir verarbeiten die Daten von Personen in der Schweiz und im Vereinigten Königreich wie unten beschrieben.",
        ),
        ("de", "privacy_policy", "Nutzer in Kanada können Werbe-Cookies über den folgenden Link ablehnen."),
        ("de", "privacy_policy", "Bewertungen, die Sie veröffentlichen, sind überall abrufbar, auch in Japan."),
        ("en", "privacy_policy", "Orders from consumers in Canada are stored for six months."),
        ("de", "privacy_policy", "Bestellungen von Verbraucherinnen in Kanada werden sechs Monate gespeichert."),
        ("en", "privacy_policy", "You may complain about our processing to the regulator in the United Kingdom."),
        (
            "de",
            "privacy_policy",
            "Sie können sich über unsere Verarbeitung bei der Regulierungsbehörde im Vereinigten Königreich beschweren.",
        ),
        ("en", "privacy_policy", "Our processing follows the data protection laws of Switzerland."),
        ("de", "privacy_policy", "Für unsere Verarbeitung gilt das Datenschutzrecht der Schweiz."),
        # Where users are, an open region right after them: "users around the world", "Nutzern weltweit".
        (
            "en",
            "privacy_policy",
            "We give the same protection to all our users around the world, whatever their location.",
        ),
        (
            "de",
            "privacy_policy",
            "Wir gewähren allen Nutzern weltweit denselben Schutz, unabhängig von ihrem Standort.",
        ),
        # Whose data the clauses protect: the Swiss regulator's wording for legal entities.
        (
            "en",
            "dpa",
            "The Standard Contractual Clauses shall also protect the data of Switzerland legal entities until the "
            "revised FADP enters into force.",
        ),
        (
            "en",
            "dpa",
            "The Standard Contractual Clauses shall also protect the data of legal entities in Switzerland until the "
            "revised FADP enters into force.",
        ),
        (
            "de",
            "dpa",
            "Die Standardvertragsklauseln schützen auch übermittelte Daten juristischer Personen in der Schweiz, bis "
            "das revidierte DSG in Kraft tritt.",
        ),
        # "in denen wir" after cases, not countries, names no place.
        (
            "en",
            "privacy_policy",
            "This applies only in cases in which we base data processing on a legitimate interest.",
        ),
        (
            "de",
            "privacy_policy",
            "Dies gilt nur in Fällen, in denen wir eine Datenverarbeitung auf ein berechtigtes Interesse stützen.",
        ),
        # Content on the public internet is readable anywhere: "worldwide" says where its readers are.
        ("en", "privacy_policy", "Note that photos published on the internet may be stored and accessible worldwide."),
        (
            "de",
            "privacy_policy",
            "Bitte beachten Sie, dass im Internet veröffentlichte Fotos weltweit gespeichert und abgerufen werden können.",
        ),
        ("en", "privacy_policy", "Example Ltd., headquartered in Canada, processes requests in its own name."),
        (
            "de",
            "privacy_policy",
            "Die Beispiel Ltd. hat ihren Hauptsitz in Kanada und verarbeitet Anfragen in eigenem Namen.",
        ),
    ],
)
def test_roles_countries_that_are_not_destinations(scanner, lang, doc_type, text):
    """Forum, liability, complaint, scope, origin, cookie and publication clauses name no destination."""
    assert destinations(scanner, text, lang, doc_type) == set()


# Class 3 (seats): the seat of a recipient that receives data is a destination; a sender's is not.
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We send support tickets to Helpdesk Ltd., seated in Singapore, which answers them.", {"SG"}),
        ("en", "Backups are transferred to Vault Corp., based in Canada.", {"CA"}),
        ("de", "Wir übermitteln Support-Anfragen an die Helpdesk Ltd., Sitz in Singapur.", {"SG"}),
        ("de", "Sicherungen werden an die Vault Corp. mit Sitz in Kanada übertragen.", {"CA"}),
        # A service the text uses, with its provider's address or seat: the provider receives the data.
        ("en", "We use the ticket system of Example Inc., 12 Main Street, Springfield, IL 62701, USA.", {"US"}),
        ("en", "We use a web analytics tool offered by Example LLC, 1 Sample Road, Austin, TX 78701, USA.", {"US"}),
        (
            "de",
            "Wir nutzen für Anfragen das Ticketsystem der Beispiel Inc., 12 Main Street, Springfield, IL 62701, USA.",
            {"US"},
        ),
        ("de", "Für die Telefonie nutzen wir die Beispiel Inc. (Sitz: USA).", {"US"}),
        # A sub-processor receives data by definition: its seat is where data goes.
        ("en", "These sub-processors are all headquartered in the United States.", {"US"}),
        ("de", "Diese Unterauftragsverarbeiter haben ihren Sitz in den USA.", {"US"}),
        (
            "de",
            "Wir setzen ein Analysewerkzeug ein. Anbieter ist die Beispiel LLC, 1 Sample Road, Austin, TX 78701, USA.",
            {"US"},
        ),
    ],
)
def test_roles_seat_of_a_receiving_recipient_is_a_destination(scanner, lang, text, expected):
    """ "transferred to X, seated in Y" makes Y a destination."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Example Ltd., based in Canada, is the controller of your data."),
        ("de", "Die Beispiel GmbH mit Sitz in Kanada ist die Verantwortliche für Ihre Daten."),
    ],
)
def test_roles_seat_without_a_transfer_is_no_destination(scanner, lang, text):
    """A company's seat with no data sent to it is not a destination."""
    assert destinations(scanner, text, lang) == set()


# Class 7: the evidence shown first is the role-bearing sentence, with its role as the reason.
@pytest.mark.parametrize(
    ("lang", "text", "decisive"),
    [
        (
            "en",
            "International transfers\n\nThis section covers our providers in Japan.\n\n"
            "Customer data is stored on servers in Japan.",
            "Customer data is stored on servers in Japan.",
        ),
        (
            "de",
            "Internationale Übermittlungen\n\nDieser Abschnitt betrifft unsere Dienstleister in Japan.\n\n"
            "Kundendaten werden auf Servern in Japan gespeichert.",
            "Kundendaten werden auf Servern in Japan gespeichert.",
        ),
    ],
)
def test_roles_first_evidence_is_the_deciding_sentence(scanner, lang, text, decisive):
    """The first quote of a destination is the sentence whose role cue decided it, and says so."""
    (transfer,) = scan(scanner, text, lang).transfers
    first = transfer.evidence[0]
    assert first.quote == decisive
    assert "destination of a transfer statement" in first.reason


@pytest.mark.parametrize(
    ("lang", "text", "role"),
    [
        ("en", "Customer data is stored in Japan.", "destination"),
        ("de", "Wir übermitteln Daten an die Vault Corp. mit Sitz in Japan.", "recipient_seat"),
        ("en", "We transfer data to Vault Corp., headquartered in Japan.", "recipient_seat"),
        ("de", "Wir übermitteln Daten an die Vault Corp. mit Firmensitz in Japan.", "recipient_seat"),
    ],
)
def test_roles_mentions_carry_their_role_in_json(scanner, lang, text, role):
    """Each destination mention in the JSON report carries its argument role."""
    out = document_to_dict(scan(scanner, text, lang), graph=False)
    assert [(m["value"], m["role"]) for m in out["mentions"] if m["kind"] == "destination"] == [("JP", role)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "If you are located in Norway, Switzerland, or the United Kingdom, we send newsletters only with consent.",
            {"CH": "origin", "GB": "origin"},
        ),
        (
            "de",
            "Für Nutzer aus Norwegen, der Schweiz und dem Vereinigten Königreich verarbeiten wir Anfragen auf Deutsch.",
            {"CH": "origin", "GB": "origin"},
        ),
        (
            "en",
            "We send your booking to the hotel in the destination country, for example Thailand, South Africa or Peru.",
            {"TH": "destination", "ZA": "destination", "PE": "destination"},
        ),
        (
            "de",
            "Wir übermitteln Ihre Buchung in das Reiseland, z. B. nach Thailand, Südafrika oder Peru.",
            {"TH": "destination", "ZA": "destination", "PE": "destination"},
        ),
    ],
)
def test_roles_places_of_one_list_share_its_argument(scanner, lang, text, expected):
    """Places joined into one list ("Norway, Switzerland or the UK") take the argument of the cue that claims the list."""
    _, arguments = roles_of(scanner, text, lang)
    assert {code: arguments[code] for code in expected} == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "You may complain through our privacy representative, Example Rep, located in Switzerland.",
            {"CH": "representative"},
        ),
        (
            "de",
            "Ihr Ansprechpartner für Datenschutzfragen ist unser Vertreter, der sich in der Schweiz befindet.",
            {"CH": "representative"},
        ),
        ("en", "Our support team, located in India, can access your data.", {"IN": "destination"}),
        (
            "de",
            "Unser Support-Team, das sich in Indien befindet, kann auf Ihre Daten zugreifen.",
            {"IN": "destination"},
        ),
    ],
)
def test_roles_located_says_where_a_party_is(scanner, lang, text, expected):
    """ "our representative, located in Switzerland" places the representative; with no party's cue, "located" still places data."""
    _, arguments = roles_of(scanner, text, lang)
    assert {code: arguments[code] for code in expected} == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "When we transfer data outside the country in which it was made available to us (e.g. Switzerland or the UK), "
            "we use standard contractual clauses.",
        ),
        (
            "de",
            "Wenn wir Daten außerhalb des Landes übermitteln, in dem sie uns bereitgestellt wurden (z. B. der Schweiz "
            "oder dem Vereinigten Königreich), nutzen wir Standardvertragsklauseln.",
        ),
    ],
)
def test_roles_where_data_was_provided_is_its_origin(scanner, lang, text):
    """Countries given for where data was made available to us are its origin, not where it goes."""
    _, arguments = roles_of(scanner, text, lang)
    assert {arguments["CH"], arguments["GB"]} == {"origin"}
    assert not {"CH", "GB"} & destinations(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "For UK to non-UK transfers we sign the UK Addendum; customer data is stored in Japan."),
        (
            "en",
            "Transfers from Switzerland to Japan rest on the standard contractual clauses; the Swiss to Japan route is rare.",
        ),
        ("de", "Für Übermittlungen in Nicht-UK-Länder gilt das UK-Addendum; Kundendaten werden in Japan gespeichert."),
        ("de", "Übermittlungen Schweiz nach Japan stützen sich auf die Standardvertragsklauseln."),
    ],
)
def test_roles_place_data_leaves_is_no_destination(scanner, lang, text):
    """A place followed by "to" and another place, a "non-" place and a country naming a tool are where data
    starts or the law it follows, not where it goes."""
    assert destinations(scanner, text, lang, "dpa") == {"JP"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Will my data be stored worldwide when I use the app? Our providers store it in Japan.",
        ),
        (
            "de",
            "Werden meine Daten weltweit verarbeitet, wenn ich die App nutze? Unsere Dienstleister speichern sie in Japan.",
        ),
    ],
)
def test_roles_question_discloses_no_open_destination(scanner, lang, text):
    """A question whether data goes anywhere in the world asks; the answer names where it goes."""
    assert destinations(scanner, text, lang) == {"JP"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The service is meant for visitors located within Canada, and we store their data in Japan."),
        ("de", "Das Angebot richtet sich an Besucher in Kanada, und wir speichern ihre Daten in Japan."),
    ],
)
def test_roles_where_visitors_are_is_their_origin(scanner, lang, text):
    """Where the visitors a service is meant for are is where data comes from, not where it goes."""
    assert destinations(scanner, text, lang) == {"JP"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our servers are in the United States. Your details may be moved to computers located outside of your "
            "state, province or country, where the laws may differ from those of your country.",
        ),
        (
            "de",
            "Unsere Server stehen in den USA. Ihre Daten können auf Rechner außerhalb Ihres Landes übertragen werden, "
            "deren Gesetze weniger umfassend als die in Ihrem Land sein können.",
        ),
    ],
)
def test_roles_open_region_is_read_before_laws_that_differ(scanner, lang, text):
    """Data "moved outside your country" is left open, whatever the same sentence says of the laws there."""
    assert destinations(scanner, text, lang) == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We are a global company. This means that your details may be kept on computers located in Brazil."),
        (
            "de",
            "Wir sind ein globales Unternehmen. Das bedeutet, dass Ihre Daten auf Rechnern in Brasilien gespeichert werden.",
        ),
    ],
)
def test_roles_an_explanation_is_not_a_definition(scanner, lang, text):
    """ "This means that ..." explains what the text said; unlike a definition it can state a transfer."""
    assert destinations(scanner, text, lang) == {"BR"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We store your data in Japan. By posting content you grant us a worldwide, non-exclusive, royalty-free "
            "licence to host, store and display it.",
        ),
        (
            "de",
            "Wir speichern Ihre Daten in Japan. Mit dem Hochladen räumen Sie uns ein weltweites, unentgeltliches "
            "Nutzungsrecht ein, die Inhalte zu speichern und anzuzeigen.",
        ),
    ],
)
def test_roles_territory_of_a_licence_is_no_destination(scanner, lang, text):
    """A worldwide licence to users' content says where the licence runs, not where personal data goes."""
    assert destinations(scanner, text, lang) == {"JP"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our main data centre is in Japan. Customer authorises the Processor and its sub-processors to make "
            "international transfers of Customer Data in line with this DPA.",
        ),
        (
            "de",
            "Unser Rechenzentrum steht in Japan. Der Auftraggeber ermächtigt den Auftragnehmer, Daten in Drittländer zu "
            "übermitteln, soweit dieser Vertrag eingehalten wird.",
        ),
    ],
)
def test_roles_leave_to_transfer_internationally_is_open(scanner, lang, text):
    """A DPA authorising international transfers without naming where leaves the destinations open."""
    assert destinations(scanner, text, lang, "dpa") == {"JP", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our engineers based in Bangalore can access customer data to fix faults.", {"IN"}),
        ("en", "Example Ltd, seated in the British Virgin Islands, processes Customer Data on our behalf.", {"VG"}),
        ("de", "Die Beispiel FZ-LLC mit Sitz in Dubai verarbeitet die Kundendaten in unserem Auftrag.", {"AE"}),
        ("de", "Unsere Entwickler mit Sitz in Bangalore können auf die Kundendaten zugreifen.", {"IN"}),
        # The verb says the party receives the data.
        ("de", "Die Beispiel Pay Ltd. mit Sitz in Singapur erhält die Rechnungsdaten für Erstattungen.", {"SG"}),
        ("en", "Example Pay Ltd., seated in Singapore, receives the billing details for refunds.", {"SG"}),
        ("de", "Die Beispiel Pay Ltd. mit Sitz in Singapur erhält Ihre Anfrage und beantwortet sie.", set()),
        ("en", "Acme Inc., headquartered in the United States, stores Customer Data only in Frankfurt.", set()),
        ("en", "Our parent company, based in the United States, owns all shares of Acme GmbH.", set()),
        ("de", "Die Acme Inc. mit Sitz in den USA hält alle Anteile und speichert keine Kundendaten.", set()),
    ],
)
def test_roles_seat_of_a_party_that_handles_the_data_is_a_destination(scanner, lang, text, expected):
    """A seated party that itself stores, processes or accesses the data sends it to its seat; a seat whose
    verb has a place of its own, is a noun, or handles no data does not."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Customer data is replicated worldwide for resilience.", {"UNSPECIFIED"}),
        ("de", "Kundendaten werden zur Ausfallsicherheit weltweit gespiegelt.", {"UNSPECIFIED"}),
        ("en", "The processor may engage sub-processors worldwide.", {"UNSPECIFIED"}),
        ("de", "Der Auftragnehmer darf Unterauftragsverarbeiter weltweit einsetzen.", {"UNSPECIFIED"}),
        ("en", "Our sub-processors in India provide second-line support.", {"IN"}),
        ("de", "Wir können Ihre Daten mit Konzerngesellschaften rund um den Globus teilen.", {"UNSPECIFIED"}),
        ("en", "Customers in Japan may object to a new sub-processor.", set()),
    ],
)
def test_roles_replication_and_where_sub_processors_are(scanner, lang, text, expected):
    """Data replicated, mirrored or backed up somewhere goes there; where sub-processors are is where data
    goes; the customers' location beside a sub-processor clause is not."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Data stays in the EU. Only our support team in the United States can view support tickets.", {"US"}),
        ("de", "Daten bleiben in der EU. Nur unser Support-Team in den USA kann Support-Tickets einsehen.", {"US"}),
        ("en", "In our view, the United States offers good service.", set()),
    ],
)
def test_roles_viewing_data_from_abroad_is_access(scanner, lang, text, expected):
    """A team abroad that can view (einsehen) the data accesses it from there; "in our view" is an opinion."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Any relocation to a third country requires the Customer's prior written consent.", set()),
        ("de", "Jede Verlagerung in ein Drittland bedarf der vorherigen Zustimmung des Auftraggebers.", set()),
        (
            "en",
            "The Processor stores Customer Data in the United States; any other relocation to a third country requires "
            "the Customer's prior consent.",
            {"US"},
        ),
        (
            "de",
            "Der Auftragnehmer speichert Daten in den USA; jede weitere Verlagerung in ein Drittland bedarf der "
            "vorherigen Zustimmung des Auftraggebers.",
            {"US"},
        ),
        ("en", "We may transfer your data to third countries only with your prior consent.", {"UNSPECIFIED"}),
    ],
)
def test_roles_transfers_made_to_depend_on_the_customers_consent(scanner, lang, text, expected):
    """A DPA making transfers to third countries depend on the customer's consent restricts them and discloses no
    open destination (a country it names still counts); a user's consent to transfers still leaves them open."""
    assert (
        destinations(scanner, text, lang, "dpa" if "Customer" in text or "Auftrag" in text else "privacy_policy")
        == expected
    )


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Data is not stored outside the EU, but it may be accessed by our support staff in India.", {"IN"}),
        (
            "de",
            "Daten werden nicht außerhalb der EU gespeichert, können aber von unserem Team in Indien eingesehen werden.",
            {"IN"},
        ),
        (
            "en",
            "Your data will not be transferred to third countries without safeguards such as the SCCs.",
            {"UNSPECIFIED"},
        ),
        ("de", "Ihre Daten werden nicht ohne geeignete Garantien in Drittländer übermittelt.", {"UNSPECIFIED"}),
        ("en", "Data is not stored outside the EU, but we keep it encrypted.", set()),
        ("de", "Daten werden nicht außerhalb der EU gespeichert, aber verschlüsselt aufbewahrt.", set()),
    ],
)
def test_roles_a_denial_with_a_contrast_or_denied_itself(scanner, lang, text, expected):
    """A denial followed by "but" and a third country names where data does go; "not ... without safeguards"
    says transfers happen, with them; a contrast that names no third country leaves the denial standing."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We store no customer data outside the EU and our maintenance partner in Serbia repairs faults remotely.",
            {"RS"},
        ),
        (
            "de",
            "Der Anbieter speichert keine Daten außerhalb der EU und sein Wartungsdienstleister in Serbien greift "
            "per Fernzugriff auf das System zu.",
            {"RS"},
        ),
        ("en", "We store no data outside the EU and our partner in Serbia has no access to it.", set()),
        ("en", "We do not store customer data in the United States, but our partner in India can access it.", {"IN"}),
        (
            "de",
            "Kundendaten werden nie in den USA gespeichert; jedoch kann unser Partner in Indien darauf zugreifen.",
            {"IN"},
        ),
        (
            "de",
            "Wir speichern keine Daten außerhalb der EU und unser Partner in Serbien hat keinen Zugriff darauf.",
            set(),
        ),
        ("en", "We do not transfer personal data to the United States and the United Kingdom.", set()),
        ("de", "Wir übermitteln keine personenbezogenen Daten in die USA und die Schweiz.", set()),
    ],
)
def test_roles_a_denial_joined_to_a_clause_of_its_own(scanner, lang, text, expected):
    """ "... and our partner in Serbia accesses ...": a second clause with a subject of its own, placed in a third
    country, says where data does go, unless it is denied too; "and the US" only extends the denial. What stands
    before such a turn (or a "but") stays denied: "not stored in the US, but accessed from India" is India only."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Personal data may be made available to our parent company in Japan.", {"JP"}),
        ("en", "Customer support is outsourced to a partner in the Philippines.", {"PH"}),
        ("de", "Die Lohnabrechnung haben wir an einen Dienstleister in Indien ausgelagert.", {"IN"}),
        ("en", "Your data is handled by our team in Serbia.", {"RS"}),
        ("de", "Ihre Daten werden von unserem Team in Serbien bearbeitet.", {"RS"}),
        ("en", "We work with Example, Inc. (San Francisco, California) to manage customer relationships.", {"US"}),
        ("en", "Requests from residents of California are handled by our privacy team in Germany.", set()),
        ("de", "Anfragen von Nutzern aus der Schweiz bearbeitet unser Datenschutzteam in Deutschland.", set()),
        ("en", "Complaints are handled by the supervisory authority in Ireland or the UK.", set()),
    ],
)
def test_roles_data_made_available_outsourced_or_handled_abroad(scanner, lang, text, expected):
    """Data made available to, outsourced to or handled by a team abroad goes there; where requesters live and
    a complaint route do not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Fehlerberichte gehen an einen Dienst in den USA.", {"US"}),
        ("en", "Error reports are sent to a service in the United States.", {"US"}),
        ("de", "Beschwerden gehen an die Aufsichtsbehörde in Irland.", set()),
    ],
)
def test_roles_reports_that_go_to_a_service_abroad(scanner, lang, text, expected):
    """Data that goes ("gehen an") to a service abroad goes there; a complaint route does not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Posts you publish on the internet are stored on our servers in the United States.", {"US"}),
        ("de", "Beiträge, die Sie im Internet veröffentlichen, speichern wir auf Servern in den USA.", {"US"}),
        ("en", "We store your data in all countries in which we operate.", {"UNSPECIFIED"}),
        ("de", "Wir speichern Ihre Daten in allen Ländern in denen wir tätig sind.", {"UNSPECIFIED"}),
        ("en", "Data of our customers worldwide is hosted in Canada.", {"CA"}),
        ("de", "Die Daten unserer Kunden weltweit werden in Kanada gehostet.", {"CA"}),
    ],
)
def test_roles_public_content_and_users_keep_named_destinations(scanner, lang, text, expected):
    """Public content and where users are claim only the open region beside them: a country the data is
    stored in stays a destination, and countries "in which we operate" stay open."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our servers are in Japan. Because of the federated network, it is possible that some posts are "
            "transferred to servers outside the EU.",
        ),
        (
            "de",
            "Unsere Server stehen in Japan. Wegen des föderierten Netzes ist es möglich, dass einige Beiträge an "
            "Server außerhalb der EU übertragen werden.",
        ),
    ],
)
def test_roles_a_possible_transfer_outside_the_eea_is_open(scanner, lang, text):
    """ "It is possible that data is transferred outside the EU" grants leave like "may": the region stays
    open beside the countries the document names."""
    assert destinations(scanner, text, lang) == {"JP", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our servers are in Japan. We transfer personal data only to third countries for which the Commission "
            "has found an adequate level of protection.",
            {"JP", "UNSPECIFIED"},
        ),
        (
            "de",
            "Unsere Server stehen in Japan. Wir übermitteln personenbezogene Daten nur in Drittländer, für die die "
            "EU-Kommission ein angemessenes Schutzniveau festgestellt hat.",
            {"JP", "UNSPECIFIED"},
        ),
        ("en", "Our servers are in Japan. If we transfer personal data to third countries, we use the SCCs.", {"JP"}),
        ("de", "Unsere Server stehen in Japan. Wenn wir Daten in Drittländer übermitteln, nutzen wir die SCC.", {"JP"}),
    ],
)
def test_roles_vendor_stating_transfers_to_third_countries_leaves_them_open(scanner, lang, text, expected):
    """ "We transfer data only to third countries that ..." states transfers to countries it does not name;
    under a condition ("if we transfer ...") the third countries are those the document names."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Your information may be transferred to a service provider located overseas."),
        ("de", "Ihre Daten können an einen Dienstleister in Übersee übermittelt werden."),
        ("en", "Your information may be stored outside of the jurisdiction in which you are located."),
        ("de", "Ihre Daten können außerhalb des Landes, in dem Sie sich befinden, gespeichert werden."),
        ("en", "We may engage third parties (in or outside of Japan) to store your data."),
        ("de", "Wir können Dritte (innerhalb oder außerhalb Japans) mit der Speicherung Ihrer Daten beauftragen."),
    ],
)
def test_roles_overseas_and_outside_your_own_country_are_open(scanner, lang, text):
    """ "Overseas", "outside the jurisdiction in which you are located" and "in or outside of X" leave the
    destinations open (class 1): a policy that says only this is not silent on transfers."""
    assert "UNSPECIFIED" in destinations(scanner, text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We do not generally transfer your personal data outside the European Economic Area."),
        ("de", "Wir übermitteln personenbezogene Daten grundsätzlich nicht in Drittländer."),
        ("en", "Customer data is not transferred outside the EEA, save where our support partners require access."),
        ("de", "Die Daten des Kunden verlassen den EWR nur in Ausnahmefällen."),
        ("en", "It cannot be excluded that sub-processors process customer data outside the EEA."),
        ("de", "Eine Verarbeitung der Daten außerhalb des EWR ist nicht ausgeschlossen."),
    ],
)
def test_roles_a_weakened_denial_discloses_open_destinations(scanner, lang, text):
    """A denial that admits exceptions (hedged, excepted, or itself denied) says data does leave, sometimes, to
    places it does not name (class 1)."""
    assert destinations(scanner, text, lang) == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We do not transfer personal data outside the EEA."),
        ("de", "Die Daten verlassen den EWR nicht."),
        ("en", "We mainly store data in Germany and do not transfer it outside the EEA."),
        ("de", "Wir speichern Daten überwiegend in Deutschland und übermitteln sie nicht in Drittländer."),
    ],
)
def test_roles_a_plain_denial_stays_a_denial(scanner, lang, text):
    """Without hedge or exception, "we do not transfer ... outside the EEA" discloses nothing; a hedge in another
    clause ("we mainly store data in Germany") weakens nothing."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Acme may engage its affiliates and partners, wherever located, to store and process customer data."),
        (
            "de",
            "Acme darf verbundene Unternehmen, gleich wo diese ansässig sind, mit der Speicherung der Kundendaten "
            "beauftragen.",
        ),
    ],
)
def test_roles_wherever_located_is_open(scanner, lang, text):
    """ "Wherever located", "gleich wo": the places of the parties handling data are left open."""
    assert destinations(scanner, text, lang, doc_type="dpa") == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our support team in Manila handles chat conversations with you.", {"PH"}),
        ("en", "Our partner in Colombo can access your data to review support tickets.", {"LK"}),
        ("de", "Unser Dienstleister in Kapstadt verarbeitet Ihre Daten.", {"ZA"}),
        ("de", "Unser Support-Team in Lemberg bearbeitet Ihre Anfragen.", {"UA"}),
    ],
)
def test_roles_a_team_or_provider_in_a_city_places_data(scanner, lang, text, expected):
    """A team or provider "in" a city that handles the data puts it in that city's country (class 3), with the
    German exonyms and the cities GeoNames gives to a namesake elsewhere."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "In the event of a restricted transfer of personal data from the EEA to a country not recognised as "
            "providing an adequate level of protection, the parties will enter into the SCCs.",
        ),
        (
            "de",
            "Werden personenbezogene Daten in Länder ohne angemessenes Datenschutzniveau übermittelt, schließen die "
            "Parteien die Standardvertragsklauseln ab.",
        ),
        (
            "en",
            "If personal data is transferred to another territory not recognized by the competent regulatory authority "
            "as providing an adequate level of protection, the parties will agree to the SCCs.",
        ),
        (
            "de",
            "Werden Daten in ein Land ohne Angemessenheitsbeschluss übermittelt, vereinbaren die Parteien die "
            "Standardvertragsklauseln.",
        ),
    ],
)
def test_roles_countries_without_adequate_protection_are_open(scanner, lang, text):
    """ "A country not recognised as providing an adequate level of protection", "Länder ohne angemessenes
    Datenschutzniveau": third countries the DPA does not name (class 1)."""
    assert destinations(scanner, text, lang, doc_type="dpa") == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Acting only on Customer's documented instructions, our support partner in Japan accesses Customer Data "
            "remotely to resolve errors.",
        ),
        ("de", "Unser Dienstleister in Japan bearbeitet Ihre Anfragen ausschließlich nach unseren Weisungen."),
    ],
)
def test_roles_a_country_in_a_sentence_on_instructions_still_counts(scanner, lang, text):
    """The Art. 28(3)(a) wording ("only on instructions, including with regard to transfers") discloses no open
    region, but a country it names is still where data goes."""
    assert destinations(scanner, text, lang, doc_type="dpa") == {"JP"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "If you travel outside the EEA, the app still uploads your recordings only to our servers in Germany."),
        (
            "de",
            "Wenn Sie sich außerhalb des EWR aufhalten, lädt die App Ihre Aufnahmen weiterhin nur auf unsere Server in "
            "Deutschland.",
        ),
    ],
)
def test_roles_where_the_user_travels_is_no_destination(scanner, lang, text):
    """The user's own stay outside the EEA says where the user is, not where the data goes (class 2)."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Their engineers can access your account data from India to fix errors."),
        ("de", "Deren Techniker können zur Fehlerbehebung von Indien aus auf Ihre Kontodaten zugreifen."),
    ],
)
def test_roles_access_from_a_country_is_a_destination(scanner, lang, text):
    """Data reached from a country ("access your data from India", "von Indien aus zugreifen") is accessed there,
    with the object standing between the verb and "from" (class 1)."""
    assert destinations(scanner, text, lang) == {"IN"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The UK Controller to Processor SCCs apply where Acme processes Customer Data. Customer Data is hosted "
            "in Japan.",
        ),
        (
            "de",
            "Die britischen Standardvertragsklauseln für Verantwortliche an Auftragsverarbeiter gelten, wo Acme "
            "Kundendaten verarbeitet. Die Kundendaten werden in Japan gehostet.",
        ),
    ],
)
def test_roles_a_country_naming_a_module_of_the_sccs_is_no_destination(scanner, lang, text):
    """ "UK Controller to Processor SCCs" names the UK's version of a module, not a place data goes."""
    assert destinations(scanner, text, lang, doc_type="dpa") == {"JP"}


def test_roles_a_cue_in_the_same_word_as_a_place_claims_it(scanner):
    """ "US-Handelsministeriums" is one word: the authority's role is the country's, before the access verb next
    to it (the ministry's website is where one reads a certification, not where data goes)."""
    text = "Die Zertifizierung können Sie auf der Website des US-Handelsministeriums einsehen."
    assert destinations(scanner, text, "de") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Your data is hosted in Japan under standard contractual clauses."),
        ("de", "Ihre Daten werden in Japan gemäß Standardvertragsklauseln gespeichert."),
    ],
)
def test_roles_a_country_before_under_a_tool_is_a_destination(scanner, lang, text):
    """ "Hosted in Japan under the SCCs": a word between country and tool makes the country a place again,
    unlike "Japan SCCs" or "SCCs (Japan)", where it names the clauses' law."""
    assert destinations(scanner, text, lang) == {"JP"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Customer data is hosted in Germany. Swiss data subjects may exercise third-party beneficiary rights in "
            "Switzerland under the SCCs as adapted.",
        ),
        (
            "de",
            "Kundendaten werden in Deutschland gespeichert. Betroffene Personen können Drittbegünstigtenrechte in der "
            "Schweiz nach den angepassten Standardvertragsklauseln geltend machen.",
        ),
    ],
)
def test_roles_where_rights_are_exercised_is_no_destination(scanner, lang, text):
    """Where data subjects exercise rights is where they sue, not where data goes (class 2)."""
    assert destinations(scanner, text, lang, doc_type="dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Personal data may be transferred from the EU Member States, the EEA countries (Norway and Iceland), "
            "the United Kingdom to countries that offer an adequate level of protection. Data is hosted in Germany.",
        ),
        (
            "de",
            "Personenbezogene Daten dürfen aus den EU-Mitgliedstaaten, dem Vereinigten Königreich nach Ländern mit "
            "angemessenem Schutzniveau übermittelt werden. Die Daten liegen in Deutschland.",
        ),
    ],
)
def test_roles_a_place_before_to_countries_is_an_origin(scanner, lang, text):
    """ "From the EEA, the UK to countries that ...": a place followed by "to" and countries is where data starts."""
    assert "GB" not in destinations(scanner, text, lang, doc_type="dpa")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "When personal data is transferred to countries outside the EU/EEA, we rely on standard contractual "
            "clauses and on the EU-U.S. Data Privacy Framework.",
        ),
        (
            "de",
            "Wenn personenbezogene Daten in Länder außerhalb der EU/des EWR übermittelt werden, stützen wir uns auf "
            "Standardvertragsklauseln und das EU-U.S. Data Privacy Framework.",
        ),
    ],
)
def test_roles_a_country_a_tool_implies_leaves_the_region_open(scanner, lang, text):
    """The DPF implies the US, but the text names no country: the countries outside the EEA stay open."""
    assert destinations(scanner, text, lang) == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Data in the US region is hosted in the United States. Where our staff must access EU-region data from "
            "outside the EEA, for example for support, they do so under standard contractual clauses.",
        ),
        (
            "de",
            "Daten der US-Region werden in den USA gespeichert. Support-Teams außerhalb der Europäischen Union müssen "
            "möglicherweise auf die Daten zugreifen; dies geschieht auf Grundlage von Standardvertragsklauseln.",
        ),
    ],
)
def test_roles_access_from_outside_the_eea_leaves_it_open(scanner, lang, text):
    """People outside the EEA reaching the data, under whatever condition, say data is accessed from places the
    text does not name; the US named for one region does not name them."""
    assert destinations(scanner, text, lang, doc_type="dpa") == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Your data may be stored on servers in or outside of Japan.", True),
        ("de", "Ihre Daten können auf Servern innerhalb oder außerhalb Japans gespeichert werden.", True),
        ("en", "Our servers are in Germany. Customers located in or outside of Japan can reach our support.", False),
        (
            "de",
            "Unsere Server stehen in Deutschland. Kunden mit Sitz in oder außerhalb Japans erreichen unseren Support.",
            False,
        ),
    ],
)
def test_roles_in_or_outside_of_a_country_names_it(scanner, lang, text, expected):
    """ "Stored in or outside of Japan" says data may be in Japan as well as elsewhere; the destination word
    before "or outside" decides, so "customers located in or outside of Japan" still names where people are."""
    assert ("JP" in destinations(scanner, text, lang)) is expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We collect your name, your email address and the country in which you are located."),
        ("de", "Wir erheben Ihren Namen, Ihre E-Mail-Adresse und das Land, in dem Sie sich befinden."),
        (
            "en",
            "The website is maintained with the help of Example Cloud (Singapore) Private Limited and stored in "
            "Germany.",
        ),
        (
            "de",
            "Die Website wird mit Hilfe der Example Cloud (Singapore) Pte. Ltd. gepflegt und in Deutschland "
            "gespeichert.",
        ),
        (
            "en",
            "Transfers to our providers rely on the Standard Contractual Clauses; for certifications, see the list of "
            "the U.S. Department of Commerce.",
        ),
        (
            "de",
            "Übermittlungen an unsere Dienstleister stützen sich auf Standardvertragsklauseln; Zertifizierungen listet "
            "das Handelsministerium der USA.",
        ),
    ],
)
def test_roles_own_country_bracketed_names_and_authorities_are_no_destinations(scanner, lang, text):
    """The user's own country among the data collected, a country in brackets inside a company's name before
    its legal form, and a country's ministry name no destination (class 2)."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Where Customer Personal Data is transferred outside the UK / EEA, the parties rely on the SCCs."),
        ("en", "Where personal data is transferred outside the United Kingdom or the EEA, we use the SCCs."),
        ("en", "Data sent outside of Switzerland and the European Economic Area is covered by the SCCs."),
        (
            "de",
            "Werden Kundendaten außerhalb des Vereinigten Königreichs, des EWR oder Marokkos übermittelt, gelten die SCC.",
        ),
        ("de", "Werden Daten außerhalb der Schweiz oder des EWR verarbeitet, gelten die Standardvertragsklauseln."),
    ],
)
def test_roles_the_eea_named_after_the_uk_or_switzerland_is_still_left(scanner, lang, text):
    """ "Outside the UK / EEA": the EEA named second in the set is still the region data leaves."""
    assert "UNSPECIFIED" in destinations(scanner, text, lang, "dpa")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Transfers from the UK rely on the IDTA. UK country's law that governs the IDTA: England and Wales."),
        (
            "de",
            "Übermittlungen aus dem Vereinigten Königreich stützen sich auf das IDTA, das dem Recht von England unterliegt.",
        ),
    ],
)
def test_roles_the_country_whose_law_governs_a_tool_is_no_destination(scanner, lang, text):
    """The country whose law governs the IDTA is a law, not a place data goes."""
    assert destinations(scanner, text, lang, "dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "3. „Drittland“ ist jedes Land außerhalb des Europäischen Wirtschaftsraums (EWR).", set()),
        ("de", "Drittland im Sinne dieses Vertrags ist jeder Staat außerhalb des EWR.", set()),
        ("en", "Third Country: any country outside the European Economic Area.", set()),
        ("en", '2. A "Third Country" is any country outside the EEA.', set()),
        (
            "de",
            "(2) „Zulässige Verarbeitungsorte“ sind die Mitgliedstaaten der EU, das Vereinigte Königreich und Kanada.",
            {"GB", "CA"},
        ),
        (
            "en",
            '"Permitted Locations" means the countries in which Customer Personal Data may be processed: the EEA, the '
            "United Kingdom and Canada.",
            {"GB", "CA"},
        ),
        ("en", "Note: any transfer outside the EEA needs the Customer's approval.", {"UNSPECIFIED"}),
    ],
)
def test_roles_definitions_of_third_country_and_of_permitted_places(scanner, lang, text, expected):
    """A definition of "third country" in any of its forms (numbered, quoted with "is", "im Sinne ... ist", a
    glossary's "Term: any ...") discloses no transfer; a definition of the places data may be processed names
    them; a note is no glossary term."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We share your data with Lingomatch d.o.o. in Serbia and Rupeeway Payments Pvt. Ltd. in India.",
            {"RS", "IN"},
        ),
        ("en", "Payroll is outsourced to Kinabalu Payroll Sdn. Bhd. in Malaysia.", {"MY"}),
        ("de", "Wir übermitteln Ihre Daten an die Lingomatch d.o.o. in Serbien.", {"RS"}),
        ("de", "Die Lohnabrechnung haben wir an die Rupeeway Payments Pvt. Ltd. in Indien ausgelagert.", {"IN"}),
    ],
)
def test_roles_a_legal_form_with_dots_ends_no_sentence(scanner, lang, text, expected):
    """ "d.o.o.", "Pvt. Ltd.", "Sdn. Bhd.": a company's legal form keeps the place after it in its sentence."""
    assert destinations(scanner, text, lang) == expected


LEAD_IN = {
    "en": (
        "## Recipients\n\nWe share your personal data with the following recipients:\n\n"
        "- Rupeeway Payments Pvt Ltd (India), for payments by UPI;\n- Lingomatch d.o.o. (Serbia), our tutoring partner.\n"
    ),
    "de": (
        "## Empfänger\n\nWir geben Ihre Daten an folgende Empfänger weiter:\n\n"
        "- Rupeeway Payments Pvt Ltd (Indien) für Zahlungen per UPI,\n- Lirapay Ödeme A.Ş. (Türkei) für Zahlungen in Lira.\n"
    ),
}


@pytest.mark.parametrize(("lang", "expected"), [("en", {"IN", "RS"}), ("de", {"IN", "TR"})])
def test_roles_list_items_under_a_recipients_lead_in_are_placed(scanner, lang, expected):
    """An item of a list led in by sharing data with "the following recipients" names one that receives it: its
    country in brackets is where the data goes."""
    assert destinations(scanner, LEAD_IN[lang], lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "## Our offices\n\nOur service is offered in the following countries:\n\n- India\n- Serbia\n"),
        ("de", "## Standorte\n\nUnsere Leistungen bieten wir in folgenden Ländern an:\n\n- Indien\n- Serbien\n"),
    ],
)
def test_roles_list_items_under_another_lead_in_are_not(scanner, lang, text):
    """A list led in by anything but sharing with recipients places no data."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The chat platform Chatly Inc. (USA) is not a sub-processor of ours; the Customer chose it.", set()),
        ("en", "We do not use Chatly Inc. (USA) as a sub-processor.", set()),
        ("de", "Die Chatplattform Chatly Inc. (USA) ist kein Unterauftragsverarbeiter des Anbieters.", set()),
        (
            "de",
            "Chatly Inc. (USA) ist die vom Auftraggeber selbst gewählte Plattform und kein Unterauftragsverarbeiter.",
            set(),
        ),
        (
            "en",
            "We host Customer data with Amazon Web Services in the United States and Chatly is not a sub-processor.",
            {"US"},
        ),
    ],
)
def test_roles_a_party_denied_the_processor_role_is_no_recipient(scanner, lang, text, expected):
    """A party the text says is not a (sub-)processor of the vendor receives no data from it: its seat is no
    destination; a place a transfer verb claims in the same sentence still is."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We disclose your personal data to the following recipients:\n\n"
            "- Returnly Solutions Inc. (Philippines), returns and complaints;\n- Nets A/S (Denmark), payments.\n",
            {"PH"},
        ),
        (
            "de",
            "## Empfänger\n\nEmpfänger Ihrer Daten sind:\n\n"
            "- Rupeeway Payments Pvt Ltd (Indien), Zahlungsabwicklung,\n- Hetzner Online GmbH (Deutschland), Hosting.\n",
            {"IN"},
        ),
    ],
)
def test_roles_a_listed_recipients_bracketed_country_is_its_seat(scanner, lang, text, expected):
    """In a recipients' list ("Empfänger Ihrer Daten sind:" needs no verb), a country in brackets after a company's
    legal form is that recipient's seat, whatever its service ("returns and complaints" is no complaint route)."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We cooperate with investigations by law enforcement authorities of the United States when legally required.",
        ),
        (
            "de",
            "Mit Ermittlungsbehörden der Vereinigten Staaten arbeiten wir zusammen, soweit wir gesetzlich dazu verpflichtet sind.",
        ),
        ("en", "We check registration data against the sanctions of the United States and other countries."),
        ("de", "Wir gleichen Registrierungsdaten mit den Sanktionslisten der Vereinigten Staaten ab."),
        ("en", "The service runs in France; authorised users can access their accounts anywhere in the world."),
        (
            "de",
            "Der Dienst läuft in Frankreich; berechtigte Nutzer können überall auf der Welt auf ihr Konto zugreifen.",
        ),
    ],
)
def test_roles_authorities_sanctions_and_users_abroad_are_no_destinations(scanner, lang, text):
    """A country's authorities or sanctions, and users reaching their own accounts from anywhere, say nothing of where
    the vendor sends data."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "# Privacy Policy\n\n## Services we use\n\n- Hosting: Nordhost GmbH, Germany\n- E-mail delivery: Examplemail Inc., USA (notifications only)\n",
        ),
        (
            "de",
            "# Datenschutzerklärung\n\n## Dienste, die wir nutzen\n\n- Hosting: Nordhost GmbH, Deutschland\n- E-Mail-Versand: Beispielmail Inc., USA (nur Benachrichtigungen)\n",
        ),
    ],
)
def test_roles_items_under_a_heading_of_services_used_are_placed(scanner, lang, text):
    """Under a heading naming the services the vendor uses, a country after a company's legal form is its seat."""
    report = scanner.scan_text(text, language=lang, format="markdown", doc_type="privacy_policy")
    assert {t.destination for t in report.transfers} == {"US"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Example SAS may transfer your personal data to another country, for example for support.",
            {"UNSPECIFIED"},
        ),
        ("de", "Die Beispiel SAS kann Ihre personenbezogenen Daten in ein anderes Land übermitteln.", {"UNSPECIFIED"}),
        ("en", "If you move to another country, you can still use the app.", set()),
    ],
)
def test_roles_another_country_is_open(scanner, lang, text, expected):
    """Data sent "to another country" goes somewhere unnamed; a user moving there is where people are."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Verlagerung des Hostings aus den USA nach Frankfurt; Beendigung aller Übermittlungen in Drittländer.",
            set(),
        ),
        ("en", "In 2024 we ended all transfers to third countries.", set()),
        ("de", "Die Daten werden nicht mehr in den USA, sondern in Frankfurt gespeichert.", set()),
        ("en", "Your data is stored not in the United States but in Ireland.", set()),
        ("en", "Your data is not stored in the EU but in the United States.", {"US"}),
    ],
)
def test_roles_transfers_ended_or_contrasted_away(scanner, lang, text, expected):
    """Transfers ended ("Beendigung aller Übermittlungen", "ended all transfers") and a place negated and set against
    another ("nicht mehr in den USA, sondern in Frankfurt") are where data no longer goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our source code is hosted by GitHub Inc. in the United States; no user data is sent there.", set()),
        ("en", "We store no customer data outside the EU and our partner in Serbia repairs faults remotely.", {"RS"}),
        ("de", "Der Quellcode liegt bei GitHub Inc. in den USA; es werden keine Nutzerdaten übermittelt.", set()),
        ("en", "Personal data is processed under the GDPR and the Swiss LPD; all data is stored in Dublin.", set()),
        ("de", "Wir übermitteln Kundendaten an unseren Dienstleister in den USA.", {"US"}),
    ],
)
def test_roles_no_personal_data_and_law_names_place_nothing(scanner, lang, text, expected):
    """A recipient said to receive no personal data is no destination, nor is the country in a law's name ("Swiss
    LPD"); a recipient that receives customer data is."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Where a shop owner in Canada writes to support, the ticket is handled and stored in the EU.", set()),
        (
            "de",
            "Wenn ein Händler aus Kanada den Support anschreibt, wird das Ticket bearbeitet und in der EU gespeichert.",
            set(),
        ),
        ("en", "Our engineers in India handle the tickets and store them in Ireland.", {"IN"}),
        ("de", "Unsere Techniker in Indien bearbeiten die Tickets und speichern sie in Irland.", {"IN"}),
    ],
)
def test_roles_a_verb_with_its_own_place_does_not_reach_back(scanner, lang, text, expected):
    """A verb that names where it happens right after it ("stored in the EU") does not reach back to a place before
    it, which is where the data comes from; a party in a place that handles the data still sends it there."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We run the app on rented servers based in the United States.", {"US"}),
        ("de", "Wir betreiben die App auf gemieteten Servern mit Standort in den USA.", {"US"}),
        ("en", "Our payment provider, a company based in the United States, receives no personal data.", set()),
        (
            "de",
            "Unser Zahlungsanbieter, ein Unternehmen mit Sitz in den USA, erhält keine personenbezogenen Daten.",
            set(),
        ),
    ],
)
def test_roles_the_seat_of_a_server_is_where_the_data_is(scanner, lang, text, expected):
    """ "Servers based in the US" place the data; a seated company that receives no data does not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Shipments to or from Switzerland and the United Kingdom are handled on our platform in Frankfurt."),
        ("de", "Sendungen nach oder von der Schweiz werden auf unserer Plattform in Frankfurt bearbeitet."),
        (
            "en",
            "We sell to shoppers everywhere, and when a shop based in Canada signs up, its account is stored in Frankfurt.",
        ),
        (
            "de",
            "Wir verkaufen an Kunden überall, und wenn sich ein Shop mit Sitz in Kanada anmeldet, wird sein Konto in "
            "Frankfurt gespeichert.",
        ),
    ],
)
def test_roles_routes_and_customers_seats_are_no_destinations(scanner, lang, text):
    """Goods going "to or from" a country, and the seat of a customer far from any word sending data to it, say
    nothing about where the data goes."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Example has no sub-processors in China or in Russia.\n\nOur host in Canada stores the data.", {"CA"}),
        (
            "de",
            "Example setzt keine Unterauftragsverarbeiter in China ein.\n\nUnser Hosting-Anbieter in Kanada speichert die Daten.",
            {"CA"},
        ),
        (
            "en",
            "To the extent our agents access your data from outside the EEA, including from the United States, we use "
            "standard contractual clauses.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Soweit unsere Mitarbeiter von außerhalb des EWR, insbesondere aus den USA, auf Ihre Daten zugreifen, nutzen "
            "wir Standardvertragsklauseln.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "en",
            "Some of our service providers are located outside the European Economic Area. Our host in Canada stores "
            "the data.",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "de",
            "Einige unserer Dienstleister befinden sich außerhalb des EWR. Unser Hosting-Anbieter in Kanada speichert die Daten.",
            {"CA", "UNSPECIFIED"},
        ),
        (
            "en",
            "We do not transfer personal data outside the EEA. If we ever plan to change this, we will tell you before "
            "any personal data leaves the EEA.",
            set(),
        ),
        (
            "de",
            "Wir übermitteln keine Daten außerhalb des EWR. Sollten wir jemals planen, dies zu ändern, informieren wir "
            "Sie, bevor Daten den EWR verlassen.",
            set(),
        ),
    ],
)
def test_roles_denials_examples_and_providers_placed_outside(scanner, lang, text, expected):
    """ "No sub-processors in China" denies; "including from the US" gives an example of where data is reached
    from; providers "located outside the EEA" leave the set open beside a named country; a plan the vendor may one
    day have discloses nothing."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Orders shipping to Australia are printed at our partner's press in Ireland.", set()),
        ("de", "Bestellungen nach Australien druckt unser Partner in Irland.", set()),
        (
            "en",
            "For delivery addresses in North America, the order data is sent to our print partner in Toronto, Canada.",
            {"CA"},
        ),
        (
            "de",
            "Für Lieferadressen in Nordamerika werden die Bestelldaten an unseren Druckpartner in Toronto, Kanada, "
            "übermittelt.",
            {"CA"},
        ),
        (
            "en",
            "Monitoring is done by Example Technologies Private Limited, a company incorporated in Pune, whose analysts "
            "access the data remotely.",
            {"IN"},
        ),
        (
            "de",
            "Die Überwachung übernimmt die Example Technologies Private Limited, ansässig in Pune, deren Analysten aus der "
            "Ferne auf die Daten zugreifen.",
            {"IN"},
        ),
        (
            "en",
            "For transfers to our host in Canada we concluded the standard contractual clauses for the transfer of personal "
            "data to processors established in third countries.",
            {"CA"},
        ),
        (
            "de",
            "Für die Übermittlung an unseren Hoster in Kanada gelten die Standardvertragsklauseln für die Übermittlung "
            "personenbezogener Daten an Auftragsverarbeiter in Drittländern.",
            {"CA"},
        ),
        (
            "en",
            "8.4 Until 16 July 2020, transfers to our former host in the United States relied on another tool.",
            set(),
        ),
        (
            "de",
            "8.4 Bis zum 16. Juli 2020 stützten sich Übermittlungen an unseren früheren Hoster in den USA darauf.",
            set(),
        ),
        ("en", "Our services are offered by the British Example Corporation, which hosts your data in Ireland.", set()),
        (
            "de",
            "Unsere Dienste erbringt die Deutsche Example Gesellschaft mbH, die Ihre Daten in Irland hostet.",
            set(),
        ),
    ],
)
def test_roles_routes_titles_history_and_names(scanner, lang, text, expected):
    """Goods shipped to a country and delivery addresses are routes; a seat word before a relative clause that
    handles the data is a destination; third countries in a tool's title, a transfer that ended before a clause's
    number and date, and a country opening a company's name are not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "# Datenschutzerklaerung\n\n## Uebermittlung\n\nWir uebermitteln Ihre Daten an unseren Dienstleister im "
            "Vereinigten Koenigreich und in die Tuerkei.",
            {"GB", "TR"},
        ),
        (
            "# Datenschutzerklärung\n\n## Übermittlung\n\nWir übermitteln Ihre Daten an unseren Dienstleister im "
            "Vereinigten Königreich und in die Türkei.",
            {"GB", "TR"},
        ),
    ],
)
def test_roles_german_without_umlauts_is_read_as_german(scanner, text, expected):
    """German written without umlauts ("Koenigreich", "uebermitteln") is read as with them."""
    assert destinations(scanner, text, "de") == expected


def test_roles_english_spelling_is_untouched_by_german_variants(scanner):
    """The German spellings are added to German phrases only: an English text reads as before."""
    text = "# Privacy\n\n## Transfers\n\nWe transfer your data to our provider in the United Kingdom and Turkey."
    assert destinations(scanner, text, "en") == {"GB", "TR"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Static files are delivered through the global content delivery network of our host."),
        ("de", "Statische Dateien werden im globalen Edge-Netzwerk unseres Hosters gespeichert."),
    ],
)
def test_roles_a_global_delivery_network_leaves_the_places_open(scanner, lang, text):
    """A global edge network or CDN serves the data from wherever its nodes are: the destinations are open."""
    assert destinations(scanner, text, lang) == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "answer", "expected"),
    [
        (
            "en",
            "as part of the provider's infrastructure; safeguarded by standard contractual clauses.",
            {"UNSPECIFIED", "US"},
        ),
        ("en", "none.", {"US"}),
        (
            "de",
            "im Rahmen der Infrastruktur des Anbieters; Absicherung durch Standardvertragsklauseln.",
            {"UNSPECIFIED", "US"},
        ),
        ("de", "keine.", {"US"}),
    ],
)
def test_roles_an_annex_field_on_third_country_transfers_answered(scanner, lang, answer, expected):
    """A field of an annex on transfers to third countries answered with anything but a denial states transfers to
    countries it leaves open; "none" states none."""
    text = {
        "en": "# DPA\n\n## Annex 2 Sub-processors\n\nSub-processor A: Example Ireland Limited, Dublin, messaging.\n\n"
        f"Transfers to third countries: {answer}\n\nSub-processor B: Example Cloud LLC (USA), hosting.\n",
        "de": "# AVV\n\n## Anlage 2 Unterauftragsverarbeiter\n\nSubunternehmer A: Beispiel Ireland Limited, Dublin, "
        f"Nachrichtenversand.\n\nÜbermittlung in Drittländer: {answer}\n\nSubunternehmer B: Beispiel Cloud LLC (USA), "
        "Hosting.\n",
    }[lang]
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We keep your data safe and protect your data no matter where it is stored.", set()),
        ("de", "Wir halten Ihre Daten sicher und schützen Ihre Daten, gleich wo sie gespeichert sind.", set()),
        (
            "en",
            "We may store your information in other countries, and we protect your data no matter where it is stored.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Wir speichern Daten auch in anderen Ländern außerhalb der EU und schützen Ihre Daten, gleich wo sie "
            "gespeichert sind.",
            {"UNSPECIFIED"},
        ),
        (
            "en",
            "Partners operating on our website place pixels that collect identifiers, which may be deemed a sale of "
            "personal information in California.",
            set(),
        ),
        ("de", "Wir übermitteln Kennungen an Werbepartner, was in Kalifornien als Verkauf gelten kann.", set()),
        ("en", "We send usage data to ad partners in the United States, which may be deemed a sale.", {"US"}),
        ("de", "Wir übermitteln Nutzungsdaten an Werbepartner in den USA, was als Verkauf gelten kann.", {"US"}),
    ],
)
def test_roles_a_promise_to_protect_anywhere_and_a_sale_law_send_no_data(scanner, lang, text, expected):
    """ "Protect your data no matter where it is stored" says how data is kept, and "deemed a sale ... in California"
    where a law applies: neither sends data anywhere. Places the sentence sends data to stay destinations."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # People placed through a belief, a relative clause or one at a time are where they are.
        (
            "en",
            "Individuals we believe to be located in the EEA, the United Kingdom or Switzerland: we process their "
            "personal data under the GDPR.",
            set(),
        ),
        ("en", "Users who are located in Canada or Australia can ask us for a copy of the data we process.", set()),
        ("en", "As a data subject located in Brazil, you have rights under the LGPD.", set()),
        ("en", "For hosts in India, we may run background checks where the law permits.", set()),
        (
            "de",
            "Für Personen, die sich nach unserer Kenntnis im EWR, im Vereinigten Königreich oder in der Schweiz "
            "aufhalten, verarbeiten wir Daten nach der DSGVO.",
            set(),
        ),
        ("en", "Users whose data is located in the United States can ask us for a copy.", {"US"}),
        ("de", "Für Kunden verarbeiten wir personenbezogene Daten in den USA.", {"US"}),
        # A country naming a law, a legal process or a tool, also in a list or before a bracketed short name.
        ("en", "We disclose information only where required by valid Australian legal process.", set()),
        (
            "de",
            "Wir geben Informationen nur heraus, wenn ein gültiges australisches Gerichtsverfahren es verlangt.",
            set(),
        ),
        (
            "en",
            "Where applicable, we use the UK and EEA standard contractual clauses for cross-border transfers.",
            set(),
        ),
        ("de", "Wo nötig, nutzen wir die UK- und EU-Standardvertragsklauseln für Übermittlungen.", set()),
        (
            "en",
            'Under European Union ("EU") and United Kingdom ("UK") data protection laws, every processing needs a '
            "lawful basis.",
            set(),
        ),
        (
            "de",
            'Nach dem Recht der Europäischen Union ("EU") und dem Datenschutzrecht des Vereinigten Königreichs ("UK") '
            "braucht jede Verarbeitung eine Rechtsgrundlage.",
            set(),
        ),
        (
            "en",
            "Northwind complies with the EU-U.S. Privacy Shield Framework and the Swiss – U.S. Privacy Shield "
            "Framework.",
            {"US"},
        ),
        # Reached "from outside" a country is not reached from it.
        (
            "en",
            "Where our website is accessed from outside Japan, the handling of personal information is governed by "
            "the laws of Japan.",
            set(),
        ),
        ("de", "Beim Zugriff von außerhalb Japans richtet sich die Verarbeitung nach japanischem Recht.", set()),
        ("en", "Our support staff may access your data from India.", {"IN"}),
        # A pointer to the sections for some places.
        (
            "en",
            "Please see the sections below specific to California, Nevada, Europe and the UK to understand your "
            "rights in different regions.",
            set(),
        ),
        (
            "de",
            "Bitte lesen Sie die Abschnitte unten, die spezifisch für Kalifornien und das Vereinigte Königreich sind.",
            set(),
        ),
        # The reader's own country left is an open destination.
        ("en", "We may transfer your personal data to countries outside your own.", {"UNSPECIFIED"}),
        ("de", "Wir können Ihre Daten außerhalb Ihres eigenen Landes verarbeiten.", {"UNSPECIFIED"}),
    ],
)
def test_roles_round16_people_laws_and_pointers(scanner, lang, text, expected):
    """Places of people, laws, tools and pointers to other sections are no destinations; where the sentence sends
    or reaches data, the place stays one."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # A party the text says is gone; the one that replaced it stays.
        (
            "de",
            "Der frühere Dienstleister für die Belegerfassung in Pune wurde 2024 durch einen Anbieter in Graz ersetzt.",
            set(),
        ),
        ("en", "Our former support provider in Manila was replaced in 2024 by a provider in Vienna.", set()),
        (
            "de",
            "Der frühere Anbieter in Wien wurde durch einen Dienstleister in Pune ersetzt, der nun die Belege verarbeitet.",
            {"IN"},
        ),
        # Data moved from a former party to a place: the place is where it goes, not the former party's.
        ("en", "Your data is transferred from our former processor to servers in the United States.", {"US"}),
        (
            "en",
            "We transfer your data from the previous system to our cloud provider in Canada and Japan.",
            {"CA", "JP"},
        ),
        ("de", "Ihre Daten werden von unserem früheren Auftragsverarbeiter nach Kanada übertragen.", {"CA"}),
        # People at work in a place, seeing the data.
        ("en", "Our support partner works from Cape Town and can view customer data.", {"ZA"}),
        ("de", "Unser Supportpartner arbeitet von Kapstadt aus und kann Kundendaten einsehen.", {"ZA"}),
        ("en", "If you work from Brazil, you can view your own account data at any time.", set()),
        # The data subjects wherever they may be.
        (
            "en",
            "Survey respondents invited by the customer may be located anywhere in the world, including the United "
            "Kingdom and Switzerland.",
            set(),
        ),
        (
            "de",
            "Die vom Kunden eingeladenen Befragten können sich überall auf der Welt befinden, auch im Vereinigten "
            "Königreich und in der Schweiz.",
            set(),
        ),
        # A tool's national amendments name the tool.
        (
            "en",
            "Transfers subject to the FADP to Northwind Labs Inc. in the United States are made under the standard "
            "contractual clauses with the Swiss amendments.",
            {"US"},
        ),
        # Generic wording that points to the list naming the countries leaves nothing open.
        (
            "en",
            "The following recipients process or access customer data outside the EEA.\n\nNorthwind Inc., Seattle, "
            "United States: hosting.",
            {"US"},
        ),
        (
            "de",
            "Die folgenden Dienstleister verarbeiten Kundendaten außerhalb des EWR.\n\nNorthwind Inc., Seattle, USA: "
            "Hosting.",
            {"US"},
        ),
        # A German modal closing the clause grants leave as "may" does.
        (
            "de",
            "Wir übermitteln Ihre Anfragen an unseren Kundenservice in Indien.\n\nSie nehmen zur Kenntnis, dass unsere "
            "Dienstleister Ihre Daten auch in Ländern außerhalb der Europäischen Union verarbeiten können.",
            {"IN", "UNSPECIFIED"},
        ),
        (
            "de",
            "Wir übermitteln Ihre Anfragen an unseren Kundenservice in Indien.\n\nUnsere Dienstleister dürfen Ihre "
            "Daten nur dann außerhalb der EU verarbeiten, wenn Sie eingewilligt haben.",
            {"IN"},
        ),
        # A denial nobody vouches for; a denied level of protection is no denied transfer.
        (
            "en",
            "When the videos load, personal information is collected. It cannot be guaranteed that no data is "
            "transferred to servers in a third country.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Es kann nicht garantiert werden, dass dabei keine Daten an Server in einem Drittland übermittelt werden.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Findet eine Verarbeitung in Ausnahmefällen in Ländern außerhalb der EU statt, geschieht dies nur mit "
            "deiner Einwilligung.\n\nIn den meisten Ländern außerhalb der EU entspricht das Datenschutzniveau nicht "
            "den EU-Standards.",
            {"UNSPECIFIED"},
        ),
        (
            "en",
            "In exceptional cases we may process data in countries outside the EU.\n\nIn most countries outside the "
            "EU, data protection does not meet EU standards.",
            {"UNSPECIFIED"},
        ),
        ("en", "We guarantee that no data is transferred to servers in a third country.", set()),
        # The vendor by its name using a provider at a foreign address.
        (
            "en",
            "Northwind currently uses the service provider Ravelox (Ravelox Technology Ltd., 12 Old Street, London, "
            "England, EC1V 9BP) for fraud prevention purposes.",
            {"GB"},
        ),
        (
            "de",
            "Northwind nutzt den Dienstleister Ravelox (Ravelox Technology Ltd., 12 Old Street, London, England) zur "
            "Betrugsprävention.",
            {"GB"},
        ),
        (
            "de",
            "Die Erfassung erfolgt durch die Beispiel Co., Ltd. in Ho-Chi-Minh-Stadt, die dazu die Belegdaten erhält.",
            {"VN"},
        ),
    ],
)
def test_roles_round16_gone_parties_workers_pointers_and_denials(scanner, lang, text, expected):
    """Former parties, people at work, data subjects, pointers to lists, German modals and denials, each read for
    where data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "doc_type", "text", "expected"),
    [
        ("en", "dpa", "No transfers outside the EEA without standard contractual clauses.", {"UNSPECIFIED"}),
        (
            "en",
            "subprocessor_list",
            "Sub-processors\n\nNorthwind Cloud\n\nPurpose: Hosting\n\nData Processing Regions: Global (with EU data "
            "residency options)\n",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "subprocessor_list",
            "Unterauftragsverarbeiter\n\nNorthwind Cloud\n\nZweck: Hosting\n\nRegionen: weltweit\n",
            {"UNSPECIFIED"},
        ),
    ],
)
def test_roles_round16_global_regions(scanner, lang, doc_type, text, expected):
    """A region field answered "Global" is an open destination, as generic wording is."""
    assert destinations(scanner, text, lang, doc_type) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "The data is hosted and services are provided by Northwind LLC, including, where applicable, outside of "
            "the European Economic Area (EEA), Switzerland, and the UK, including in the United States.",
            {"UNSPECIFIED", "US"},
        ),
        (
            "de",
            "Die Daten werden von der Northwind LLC bereitgestellt, gegebenenfalls auch außerhalb der EU, der Schweiz "
            "und des Vereinigten Königreichs, etwa in den USA.",
            {"UNSPECIFIED", "US"},
        ),
        (
            "en",
            "For users within the European Economic Area and Switzerland, Northwind Services Limited is your operating "
            "entity.",
            set(),
        ),
        (
            "de",
            "Für Nutzer innerhalb des EWR und der Schweiz ist die Northwind Services Limited Ihr Vertragspartner.",
            set(),
        ),
        (
            "en",
            "If you are a registered member and you are from Hong Kong or Taiwan, you contract with Northwind Hong "
            "Kong Limited.",
            set(),
        ),
        ("en", "Our support team in Zurich, Switzerland, can access your data.", {"CH"}),
    ],
)
def test_roles_round16_places_left_out_and_users_within(scanner, lang, text, expected):
    """A list of places after "outside of" is left out, a recipient's seat included; users within a region are
    where they are."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "doc_type", "text", "expected"),
    [
        (
            "en",
            "privacy_policy",
            "The app is distributed through the Apple App Store and Google Play in the EEA, the United Kingdom, the "
            "United States and Canada.",
            set(),
        ),
        (
            "de",
            "privacy_policy",
            "Die App wird über den App Store und Google Play im EWR, im Vereinigten Königreich und in Kanada vertrieben.",
            set(),
        ),
        ("en", "privacy_policy", "Our app stores your data on servers in the United States.", {"US"}),
        (
            "en",
            "dpa",
            "Northwind uses sub-processors in Germany and Ireland only. Northwind does not use sub-processors in any "
            "other country.",
            set(),
        ),
        (
            "de",
            "dpa",
            "Northwind setzt Unterauftragsverarbeiter nur in Deutschland ein. Northwind setzt keine "
            "Unterauftragsverarbeiter in anderen Ländern ein.",
            set(),
        ),
        (
            "en",
            "dpa",
            "Until 16 July 2020 our former US affiliate, 1 Main Street, Springfield, IL 62701, was certified under the "
            "Privacy Shield.",
            set(),
        ),
    ],
)
def test_roles_round16_app_stores_denied_subprocessors_and_past_importers(scanner, lang, doc_type, text, expected):
    """Markets an app is sold in, sub-processors denied for other countries and a past importer's address name no
    destination; an app that stores data somewhere still does."""
    assert destinations(scanner, text, lang, doc_type) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Instagram: Soziales Netzwerk; Dienstanbieter: Northwind Social Inc., 1601 Willow Road, Menlo Park, CA, "
            "94025, USA; Website: https://social.example.",
            {"US"},
        ),
        (
            "de",
            "Fanpage: Profil im sozialen Netzwerk; Dienstanbieter: Northwind Social Ireland Limited, 4 Grand Canal "
            "Square, Dublin 2, Irland.",
            set(),
        ),
        (
            "en",
            "Video calls: Service provider: Northwind Video Inc., 55 Market Street, San Francisco, CA 94105, USA; "
            "Privacy policy: https://video.example/privacy.",
            {"US"},
        ),
        ("en", "Contact: our office, 12 Old Street, London, England.", set()),
    ],
)
def test_roles_round16_provider_field_of_a_service_entry(scanner, lang, text, expected):
    """A service entry's provider field with a foreign address names the recipient's seat; a contact address does
    not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our second-line support partner, Northwind Service Desk Inc., answers support tickets from Manila and can "
            "view the account information needed to resolve them.",
            {"PH"},
        ),
        ("de", "Unser Supportpartner bearbeitet Tickets von Manila aus und kann die Kontodaten einsehen.", {"PH"}),
        ("en", "Customers from Manila can pay in pesos.", set()),
        ("en", "Our founder moved from Boston to Berlin in 2019.", set()),
    ],
)
def test_roles_round16_city_after_from(scanner, lang, text, expected):
    """A city after "from" is a place as after "in": reached from there when people work on the data, where people
    come from otherwise."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Call recordings are sent to our transcription sub-processor, Tonwerk Inc., registered in Wilmington, "
            "Delaware, which turns them into text.",
            {"US"},
        ),
        (
            "de",
            "Die Aufnahmen werden an unseren Unterauftragsverarbeiter, die Tonwerk Inc., eingetragen in Wilmington, "
            "Delaware, übermittelt.",
            {"US"},
        ),
        ("en", "We send invoices to our customers, registered in the United Kingdom, by post.", set()),
        (
            "en",
            "The processor is Example Ltd, registered in England and Wales under company number 123456. Customer "
            "data is transferred to the processor.",
            set(),
        ),
        ("de", "Die Beispiel Ltd, eingetragen in England, ist Verantwortliche für Ihre Daten.", set()),
    ],
)
def test_roles_the_register_of_a_company_data_is_sent_to_is_its_seat(scanner, lang, text, expected):
    """ "sent to ..., X Inc., registered in Wilmington, Delaware": the register of a company named right before it, in
    a sentence sending it data, is a recipient's seat; a register with no data sent to the company is not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The 'Transfer tool' column names the safeguard we rely on where customer data leaves the EEA."),
        ("en", "Each row names the entity, the country where it is incorporated and where it stores the data."),
        ("de", "Die Spalte „Zugriff von“ nennt die Orte außerhalb des EWR, von denen aus Personal auf Daten zugreift."),
        ("de", "Jede Zeile nennt den Anbieter und das Land, in dem er die Daten speichert, etwa die USA."),
    ],
)
def test_roles_a_tables_legend_places_no_data(scanner, lang, text):
    """A sentence explaining a table's columns or rows says what the table holds, not where data goes."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Two teams outside the EEA may access the data: our parent Acme Inc., headquartered in Austin, Texas, and "
            "Beta Ltd, based in Singapore.",
            {"US", "SG"},
        ),
        (
            "de",
            "Zwei Teams außerhalb des EWR können auf die Daten zugreifen: die Acme Inc. mit Sitz in Austin, Texas, und "
            "die Beta Ltd mit Sitz in Singapur.",
            {"US", "SG"},
        ),
        ("en", "Our offices: Acme Inc., headquartered in Austin, Texas; Beta Ltd, based in Singapore.", set()),
    ],
)
def test_roles_seats_listed_after_a_statement_of_transfer_are_recipients(scanner, lang, text, expected):
    """A colon after "may access the data" opens a list of the parties that receive it: their seats are where it
    goes; a list of offices receives nothing."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "We do not use any sub-processor located in the People's Republic of China or in Russia, and no customer "
            "data is stored outside the EU except cached copies on our CDN.",
        ),
        (
            "de",
            "Wir setzen keine Unterauftragsverarbeiter in der Volksrepublik China oder in Russland ein, und Kundendaten "
            "werden außerhalb der EU nur als Zwischenkopien im CDN gespeichert.",
        ),
    ],
)
def test_roles_places_of_sub_processors_there_are_none_of(scanner, lang, text):
    """Places of sub-processors a sentence says there are none of are no destinations, whatever its other clause
    admits."""
    assert not destinations(scanner, text, lang) & {"CN", "RU"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Premium customers are supported by our affiliate Fernwhistle Pty Ltd from its Melbourne office, which can "
            "access customer data for that purpose.",
            {"AU"},
        ),
        ("en", "The Phoenix team at our Berlin headquarters reviews every release.", set()),
        ("de", "Unsere Phoenix-Gruppe prüft jede Version in unserer Zentrale.", set()),
    ],
)
def test_roles_a_city_before_an_office_of_the_party(scanner, lang, text, expected):
    """A city between a possessive and a word for a site ("its Melbourne office") is a place; not a team's name."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Outside core hours our hotline and chat are handled by Sahrline Connect FZ-LLC, seated in Dubai."),
        ("de", "Unsere Hotline wird außerhalb der Kernzeiten von der Sahrline Connect FZ-LLC, Sitz in Dubai, betreut."),
    ],
)
def test_roles_a_service_handled_by_a_seated_company(scanner, lang, text):
    """A service handled by a company with its seat: the company receives the data there."""
    assert destinations(scanner, text, lang) == {"AE"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Acme may store and process Personal Data in the United States or anywhere Acme or its subprocessors "
            "maintain facilities.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Acme speichert Daten in den USA oder überall dort, wo Acme oder seine Dienstleister Rechenzentren "
            "betreiben.",
            {"US", "UNSPECIFIED"},
        ),
        ("en", "You can use the app in Germany or anywhere in the EU.", set()),
    ],
)
def test_roles_or_anywhere_after_a_place(scanner, lang, text, expected):
    """ "In the United States or anywhere ..." leaves the set open."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            'This addendum applies to Personal Data of data subjects located in the European Economic Area ("EEA") or '
            'Switzerland ("EU Personal Data"), the United Kingdom ("UK") ("UK Personal Data") and individuals '
            "located in California. Acme processes Personal Data in the United States.",
            {"US"},
        ),
        (
            "de",
            'Dieser Anhang gilt für Daten betroffener Personen mit Wohnsitz im Europäischen Wirtschaftsraum ("EWR") '
            'oder in der Schweiz ("EU-Daten"), im Vereinigten Königreich ("UK-Daten") und in Kalifornien. Acme '
            "verarbeitet die Daten in den USA.",
            {"US"},
        ),
        (
            "en",
            "To the extent that processing involves a UK Restricted Transfer, the UK Addendum applies. Acme processes "
            "Personal Data in the United States.",
            {"US"},
        ),
    ],
)
def test_roles_places_in_defined_terms_and_lists_past_them(scanner, lang, text, expected):
    """A list of places runs on past the terms a bracket defines; a place inside such a term ("UK Personal Data")
    or before "Restricted Transfer" names the term, not where data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Remote maintenance by a device maker in the United States was discontinued in 2020.", set()),
        ("de", "Die Fernwartung durch einen Gerätehersteller in den USA wurde im Jahr 2020 eingestellt.", set()),
        (
            "en",
            "Our provider in the United States stores the data; the contract is terminated when the agreement ends.",
            {"US"},
        ),
    ],
)
def test_roles_a_processing_said_to_have_ended(scanner, lang, text, expected):
    """A place where a processing was discontinued is history; "is terminated when" is no end yet."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We store these data in Finland: Locations, based on IP address (e.g. Indonesia, Canada)."),
        (
            "de",
            "Wir speichern diese Daten in Finnland: Standorte, anhand der IP-Adresse ermittelt (z. B. Indonesien, Kanada).",
        ),
    ],
)
def test_roles_visitor_locations_read_from_the_ip_address(scanner, lang, text):
    """Countries read from visitors' IP addresses are values of the data, not where it goes."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Alle Daten werden in Deutschland verarbeitet. Eine Übermittlung in Drittländer erfolgt nur unter den "
            "Voraussetzungen der Art. 44 ff. DSGVO.",
            set(),
        ),
        (
            "en",
            "All data is processed in Germany. Transfers to third countries take place only under the conditions of "
            "Art. 44 et seq. GDPR.",
            set(),
        ),
        (
            "en",
            "Where any of our other service providers process your data outside the European Economic Area, we have "
            "signed the standard contractual clauses with them. Our host stores data in the United States.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Soweit weitere Dienstleister Ihre Daten außerhalb des EWR verarbeiten, haben wir mit ihnen "
            "Standardvertragsklauseln geschlossen. Unser Hoster speichert Daten in den USA.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Unser Hoster speichert Daten in den USA. Keiner der genannten Unterauftragsverarbeiter setzt seinerseits "
            "weitere Unterauftragsverarbeiter außerhalb der Europäischen Union ein.",
            {"US"},
        ),
    ],
)
def test_roles_rules_for_transfers_and_other_recipients(scanner, lang, text, expected):
    """A rule for transfers that may come discloses none; recipients besides those named leave the places open,
    unless the sentence denies them."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We delete Customer Data, including backups in us-east-1, within 35 days. Snapshots are copied to the AWS "
            "region us-east-1.",
            {"US"},
        ),
        (
            "de",
            "Wir löschen Kundendaten, einschließlich Sicherungen in us-east-1, binnen 35 Tagen. Kopien liegen in der "
            "AWS-Region us-east-1.",
            {"US"},
        ),
        ("en", "6.4 Other regions.\n\nOur data is stored in the United States.", {"US"}),
        ("de", "6.4 Andere Regionen.\n\nUnsere Daten werden in den USA gespeichert.", {"US"}),
    ],
)
def test_roles_including_data_and_a_clause_title(scanner, lang, text, expected):
    """ "Including backups in us-east-1" gives examples of the data, not of places; "6.4 Other regions." is a title."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Störungen bearbeitet die Konzerngesellschaft Veldhain Soft TOV mit Sitz in Lwiw, deren Entwickler im "
            "Einzelfall und nur nach Freigabe durch den Auftragnehmer auf die Daten des Auftraggebers zugreifen können.",
            {"UA"},
        ),
        (
            "en",
            "Faults are handled by our affiliate Veldhain Soft TOV in Lviv, whose developers access customer data in "
            "individual cases.",
            {"UA"},
        ),
    ],
)
def test_roles_a_long_relative_clause_closing_with_its_verb(scanner, lang, text, expected):
    """A German relative clause says what the seated party does with its last verb, however long it is."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Das Hosting erfolgt durch die Lichtacker GmbH in Frankfurt, die keinen Zugriff auf die Anwendungsdaten "
            "hat; der Versand von Nachrichten erfolgt über die Postwing Inc., 300 Harbor Street, San Francisco, CA "
            "94111, der hierzu Name und E-Mail-Adresse übermittelt werden; das Ticketsystem wird von der Ticketmarrow "
            "Pvt. Ltd., Baner Road, Pune 411045, betrieben, deren Mitarbeiter auf Kontodaten zugreifen.",
            {"US", "IN"},
        ),
        (
            "en",
            "Hosting is provided by Lichtacker GmbH in Frankfurt, which has no access to the data; messages are sent "
            "through Postwing Inc., 300 Harbor Street, San Francisco, CA 94111, which receives names and e-mail "
            "addresses.",
            {"US"},
        ),
        (
            "de",
            "Der Hoster in Frankfurt hat keinen Zugriff auf die Daten; eine Übermittlung in das Vereinigte Königreich "
            "findet nicht statt.",
            set(),
        ),
    ],
)
def test_roles_clauses_after_a_semicolon_and_postal_addresses(scanner, lang, text, expected):
    """A denial ends at a semicolon unless the clause after it denies too; a US state's code before a ZIP code, and a
    city beside a postcode, place the company whose address they close."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We currently use, in particular, the following sub-processors:\n\n- Northwind Inc., USA, for hosting\n"
            "- Contoso Ltd., Ireland, for e-mail\n",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Zum Zeitpunkt des Vertragsschlusses sind insbesondere folgende Unterauftragsverarbeiter eingesetzt:\n\n"
            "- Nordwind Inc., USA, Hosting\n- Kontoso Ltd., Irland, E-Mail\n",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Zum Zeitpunkt des Vertragsschlusses sind insbesondere folgende Unterauftragsverarbeiter eingesetzt:\n\n"
            "- Kontoso Ltd., Irland, E-Mail\n",
            set(),
        ),
        (
            "de",
            "Unser Hosting-Anbieter speichert Daten in den USA. Diese Datenkategorien verarbeiten wir bei unseren "
            "Dienstleistern; es sind insbesondere die folgenden Daten:\n\n- Stammdaten\n- Kontaktdaten\n",
            {"US"},
        ),
    ],
)
def test_roles_sub_processors_listed_as_examples(scanner, lang, text, expected):
    """A list of sub-processors given as examples leaves the others' places open where it places any outside the
    EEA (GUIDELINES: "including the US"); one placing all inside the EEA discloses no transfer."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our partner usually works in Germany; during night shifts its team in Podgorica may also access the "
            "production system (access only through a jump server in Cologne, no local storage).",
            {"ME"},
        ),
        (
            "de",
            "Unser Partner arbeitet in Deutschland; in der Rufbereitschaft kann auch sein Team in Podgorica auf die "
            "Produktivumgebung zugreifen (Zugriff nur über einen Sprungserver in Köln, keine lokale Speicherung).",
            {"ME"},
        ),
        ("de", "Wir übermitteln keine Daten in Drittländer (auch nicht in die USA).", set()),
        (
            "en",
            "Acme engages Northwind Inc., Seattle, WA - USA, as another processor (while, however, the personal data "
            "are not transferred or processed outside of the European Economic Area).",
            set(),
        ),
        (
            "de",
            "Acme setzt die Nordwind Inc., Seattle, USA, als weiteren Auftragsverarbeiter ein (wobei die Daten jedoch "
            "nicht außerhalb des Europäischen Wirtschaftsraums verarbeitet werden).",
            set(),
        ),
    ],
)
def test_roles_a_negation_in_an_aside_denies_only_the_aside(scanner, lang, text, expected):
    """ "(no local storage)" in brackets denies nothing the sentence says outside them; a bracket that denies data
    leaving the EEA denies it for the sentence."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Customer's drivers may be located in the European Union, Norway and the United Kingdom."),
        ("de", "Die Fahrer des Kunden können sich in der EU, in Norwegen und im Vereinigten Königreich aufhalten."),
        (
            "en",
            "Data protection law means all laws relating to privacy in force from time to time in the UK, including "
            "the UK GDPR.",
        ),
    ],
)
def test_roles_drivers_where_they_are_and_laws_in_force_there(scanner, lang, text):
    """Where the people a service concerns are, and the laws in force in a country, place no data."""
    assert destinations(scanner, text, lang, "dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Our affiliate Tallowmere Payroll Inc., Congress Avenue 600, Austin, Texas, provides second-line support "
            "and may access Customer Personal Data remotely.",
        ),
        (
            "de",
            "Unsere Konzerngesellschaft Tallowmere Payroll Inc., Congress Avenue 600, Austin, Texas, leistet den Support "
            "und darf dafür aus der Ferne auf Kundendaten zugreifen.",
        ),
    ],
)
def test_roles_an_address_of_a_party_that_accesses_the_data(scanner, lang, text):
    """A country closing the address of a party the sentence lets access the data is where the data is reached."""
    assert destinations(scanner, text, lang, "dpa") == {"US"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "de",
            "# Übermittlungen in Drittländer\n\nUnser Hoster speichert Daten in den USA.\n\nEdge-Funktionen weltweit\n",
        ),
        (
            "en",
            "# Transfers outside the EEA\n\nOur host stores data in the United States.\n\nEdge-functions worldwide\n",
        ),
    ],
)
def test_roles_a_hyphenated_word_beside_an_open_region_is_no_title(scanner, lang, text):
    """ "Edge-Funktionen weltweit" says where something runs; only a clause's number beside the region makes a title."""
    report = scanner.scan_text(text, language=lang, doc_type="privacy_policy", format="markdown")
    assert {t.destination for t in report.transfers} == {"US", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We may transfer your personal data internationally to provide the service."),
        ("de", "Wir können Ihre personenbezogenen Daten international übermitteln, um den Dienst zu erbringen."),
        (
            "en",
            "Data may be processed through Brindle Cloud infrastructure in accordance with Brindle's applicable "
            "transfer mechanisms.",
        ),
        (
            "de",
            "Daten können über die Infrastruktur von Brindle gemäß den jeweiligen Übermittlungsmechanismen von Brindle "
            "verarbeitet werden.",
        ),
    ],
)
def test_roles_transfers_taken_for_granted_leave_the_destination_open(scanner, lang, text):
    """Data sent "internationally", or processed under a provider's "applicable transfer mechanisms", leaves the
    EEA for places the text does not name."""
    assert destinations(scanner, text, lang, "dpa") == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "If a transfer mechanism is held invalid, the parties will agree on a valid mechanism."),
        ("de", "Wird ein Übermittlungsmechanismus für ungültig erklärt, vereinbaren die Parteien einen gültigen."),
        ("en", "Transfer safeguard: the transfer tool relied on for the sub-processor."),
    ],
)
def test_roles_a_transfer_tool_in_the_abstract_is_no_transfer(scanner, lang, text):
    """A clause about what happens to a transfer tool, or a column legend naming one, discloses no transfer."""
    assert destinations(scanner, text, lang, "dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Personal data will only be transferred to third countries with the explicit consent of the Controller.",
        ),
        (
            "de",
            "Personenbezogene Daten werden nur mit ausdrücklicher Zustimmung des Verantwortlichen in Drittländer übermittelt.",
        ),
        (
            "en",
            "For the transfer to or access from third countries, it is required that appropriate safeguards are "
            "complied with.",
        ),
        ("de", "Eine Übermittlung in Drittländer setzt voraus, dass geeignete Garantien bestehen."),
    ],
)
def test_roles_a_rule_for_transfers_the_controller_must_allow_discloses_none(scanner, lang, text):
    """Transfers to third countries only with the controller's explicit consent, or only where a requirement is
    met, are a rule for transfers that may come: no open destination."""
    assert destinations(scanner, text, lang, "dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The provider's support and sub-processing structures may involve international data processing."),
        (
            "de",
            "Die Support- und Unterauftragsstrukturen des Anbieters können internationale Datenverarbeitungen umfassen.",
        ),
    ],
)
def test_roles_international_processing_leaves_the_destination_open(scanner, lang, text):
    """ "International data processing" takes data out of the EEA without saying where."""
    assert destinations(scanner, text, lang, "dpa") == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Data is hosted in Canada. Other sub-processor locations are shown on our sub-processor list."),
        ("de", "Die Daten liegen in Kanada. Andere Standorte der Unterauftragsverarbeiter zeigt unsere Liste."),
    ],
)
def test_roles_other_locations_of_sub_processors_leave_the_set_open(scanner, lang, text):
    """The sub-processors' "other locations", kept on a list outside the text, are places it does not name."""
    assert destinations(scanner, text, lang, "dpa") == {"CA", "UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "addressed"),
    [
        ("en", "# DPA\n\n## 6. International transfers\n\nProvider carries out no transfer of End-User Data.\n", True),
        (
            "de",
            "# AVV\n\n## 6. Internationale Übermittlungen\n\nDer Anbieter nimmt keine Übermittlung von Nutzerdaten vor.\n",
            True,
        ),
        ("en", "# DPA\n\n## 6. Security\n\nProvider does not transfer End-User Data to advertisers.\n", False),
    ],
)
def test_roles_a_transfer_denied_in_the_transfer_section_addresses_transfers(scanner, lang, text, addressed):
    """Denying any transfer under the heading on international transfers says where data goes: nowhere else; the
    same denial in another section speaks of recipients, not of places."""
    report = scanner.scan_text(text, language=lang, doc_type="dpa", format="markdown")
    assert ("TRANSFERS_NOT_ADDRESSED" not in {f.rule_id for f in report.findings}) is addressed
    assert not report.transfers


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "A sub-processor may let its support staff reach Customer Data from a jurisdiction for which no adequacy "
            "decision exists.",
        ),
        (
            "de",
            "Ihre Daten werden in die USA sowie in weitere Länder übermittelt, in denen unsere Dienstleister tätig sind.",
        ),
    ],
)
def test_roles_countries_without_adequacy_and_further_countries_are_open(scanner, lang, text):
    """A jurisdiction "for which no adequacy decision exists" and "weitere Länder" are third countries the text
    does not name."""
    assert "UNSPECIFIED" in destinations(scanner, text, lang, "dpa")


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "A Japanese translation is provided for customers in the Asia-Pacific region.", set()),
        ("de", "Für Kunden in der Region Asien-Pazifik gibt es eine japanische Übersetzung.", set()),
        ("en", "Support hours for the Asia-Pacific region are published in Singapore Time.", set()),
        ("en", "Customer Data is stored in the hosting region Customer selects: the United States or Germany.", {"US"}),
        ("de", "Region: USA. Die Kundendaten liegen dort.", {"US"}),
    ],
)
def test_roles_a_region_of_the_world_is_no_hosting_region(scanner, lang, text, expected):
    """Customers or support hours "in the Asia-Pacific region" say where people are; only a region of the service
    ("hosting region", "Region: USA") places data."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "No personnel of Brindle Payments Ltd. in the United Kingdom have access to Customer Data.", set()),
        ("de", "Niemand im Vereinigten Königreich hat Zugriff auf Kundendaten.", set()),
        ("en", "The Services may be used by Customer's employees and contractors wherever they are located.", set()),
        ("de", "Die Dienste können von den Nutzern genutzt werden, wo auch immer sie sich befinden.", set()),
        (
            "en",
            "Data is transferred to third countries. The Parties warrant that they have no reason to believe that the "
            "laws in the third country of destination applicable to the processing prevent the importer from "
            "fulfilling its obligations.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Daten werden in Drittländer übermittelt. Die Parteien sichern zu, dass sie keinen Grund zu der Annahme "
            "haben, dass die für die Verarbeitung geltenden Rechtsvorschriften im Bestimmungsdrittland den Importeur "
            "an der Erfüllung seiner Pflichten hindern.",
            {"UNSPECIFIED"},
        ),
        ("en", "Our engineers may access Customer Data wherever they are located.", {"UNSPECIFIED"}),
        ("de", "Unsere Techniker greifen auf Kundendaten zu, wo auch immer sie sich befinden.", {"UNSPECIFIED"}),
    ],
)
def test_roles_people_denied_access_and_the_customers_people_anywhere(scanner, lang, text, expected):
    """Nobody there with access denies the place, a denial of people reaching past their employer; "no reason to
    believe" (the SCCs' Clause 14) denies no transfer; the customer's own people or users "wherever they are" say
    where they are; the vendor's engineers reaching the data wherever they are leave the destination open."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Tallimo hosts Customer Data for EEA Customers in its Montreal data centre.", {"CA"}),
        ("de", "Tallimo hostet die Kundendaten in seinem Montreal Data Center.", {"CA"}),
        ("en", "Data is processed under the UK data protection law.", set()),
    ],
)
def test_roles_a_city_before_a_data_centre_is_no_law(scanner, lang, text, expected):
    """ "Its Montreal data centre" places the data; "the UK data protection law" names a law."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Acme may subcontract to a sub-processor based in the United States, only by way of a written agreement "
            "imposing obligations no less rigorous than these.",
            {"US"},
        ),
        ("de", "Unser Dienstleister in Indien greift nicht weniger als einmal pro Woche auf die Daten zu.", {"IN"}),
        ("de", "Seit März 2025 findet eine Übermittlung in die Türkei nicht mehr statt.", set()),
    ],
)
def test_roles_a_negated_comparison_denies_nothing(scanner, lang, text, expected):
    """ "No less rigorous than", „nicht weniger als": a comparison, not a denial of the transfer; „nicht mehr" is "no
    longer", a denial."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "If you use our Services from the European Union or other regions of the world, you transfer your data "
            "to the United States.",
        ),
        (
            "de",
            "Wenn Sie unsere Dienste aus der EU oder anderen Ländern nutzen, übermitteln Sie Ihre Daten in die USA.",
        ),
    ],
)
def test_roles_a_list_of_places_users_come_from_ends_in_an_open_region(scanner, lang, text):
    """ "From the EU or other regions": the open region closing the list of where users are is no destination."""
    assert destinations(scanner, text, lang) == {"US"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We use Acme Inc. in the United States for support. The tickets are pseudonymised before they leave the EEA.",
            {"US"},
        ),
        ("en", "Support tickets are pseudonymised before they leave the EEA.", {"UNSPECIFIED"}),
        (
            "de",
            "Wir nutzen Acme Inc. in den USA für den Support. Die Anfragen werden pseudonymisiert, bevor sie außerhalb "
            "des EWR verarbeitet werden.",
            {"US"},
        ),
        ("de", "Die Anfragen werden pseudonymisiert, bevor sie außerhalb des EWR verarbeitet werden.", {"UNSPECIFIED"}),
    ],
)
def test_roles_when_data_leaves_the_eea_is_not_where_it_goes(scanner, lang, text, expected):
    """ "Before they leave the EEA", „bevor sie außerhalb des EWR verarbeitet werden": the moment of the transfers the
    document names; the region stays open only where it names none."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Where our US provider is certified under the EU-U.S. DPF (or the corresponding frameworks for Switzerland "
            "and the United Kingdom), the transfer to the US rests on that adequacy decision.",
            {"US"},
        ),
        ("en", "We transfer support tickets to our teams in Switzerland and the United Kingdom.", {"CH", "GB"}),
        (
            "de",
            "Soweit der US-Dienstleister unter dem EU-U.S. DPF (oder entsprechenden Rahmenwerken für die Schweiz und das "
            "Vereinigte Königreich) zertifiziert ist, erfolgt die Übermittlung in die USA auf dieser Grundlage.",
            {"US"},
        ),
        (
            "de",
            "Wir übermitteln Supportanfragen an unsere Teams in der Schweiz und im Vereinigten Königreich.",
            {"CH", "GB"},
        ),
    ],
)
def test_roles_places_a_framework_is_for_are_no_destinations(scanner, lang, text, expected):
    """ "The corresponding frameworks for Switzerland and the UK", „Rahmenwerke für die Schweiz und das Vereinigte
    Königreich": the places name the frameworks, not where data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Acme CDN processes data worldwide (EU data stays in the EU).", set()),
        ("en", "Acme CDN processes data worldwide (for example in the US).", {"UNSPECIFIED", "US"}),
        ("de", "Acme CDN verarbeitet Daten weltweit (EU-Daten verbleiben in der EU).", set()),
        ("de", "Acme CDN verarbeitet Daten weltweit (zum Beispiel in den USA).", {"UNSPECIFIED", "US"}),
    ],
)
def test_roles_an_open_region_that_keeps_eea_data_home_is_none(scanner, lang, text, expected):
    """ "Worldwide (EU data stays in the EU)": the bracket keeps the data the document is about in the EEA."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Where the Customer itself exports personal data from the platform to its own offices, for example in Turkey "
            "or Morocco, this is outside the scope of this Agreement.",
            set(),
        ),
        ("en", "The Customer itself chooses the region; we then store the data in the United States.", {"US"}),
        (
            "de",
            "Soweit der Verantwortliche selbst personenbezogene Daten an eigene Niederlassungen, etwa in der Türkei oder in "
            "Marokko, exportiert, ist dies nicht Gegenstand dieser Vereinbarung.",
            set(),
        ),
        ("de", "Der Auftraggeber selbst wählt die Region; wir speichern die Daten dann in den USA.", {"US"}),
    ],
)
def test_roles_the_customers_own_exports_are_not_the_vendors(scanner, lang, text, expected):
    """ "Where the Customer itself exports data to its offices in Turkey": the customer's transfers, on its own account;
    where the vendor speaks in the same sentence ("we then store"), its places stay."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "By way of example only, an onward disclosure to a hypothetical service provider in Brazil would be a "
            "Third-Country Transfer.",
            set(),
        ),
        ("en", "By way of example, we send support tickets to our service provider in Brazil.", {"BR"}),
        (
            "de",
            "Beispielsweise wäre die Weitergabe an einen hypothetischen Dienstleister in Brasilien eine "
            "Drittlandübermittlung.",
            set(),
        ),
        ("de", "Beispielsweise erhält unser Dienstleister in Brasilien die Supportanfragen.", {"BR"}),
    ],
)
def test_roles_a_place_an_example_imagines_is_none(scanner, lang, text, expected):
    """ "A hypothetical service provider in Brazil": an example of what a term means, no place data goes."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Engineers of Example Tech LLC, based in Tbilisi, access customer data over secured connections.",
            {"GE"},
        ),
        ("en", "Example Holding Ltd, based in London, holds all shares and has no access to customer data.", set()),
        (
            "de",
            "Neben unseren Mitarbeitenden greifen auch Mitarbeitende der Example Tech LLC mit Sitz in Tiflis über "
            "gesicherte Verbindungen auf Kundendaten zu.",
            {"GE"},
        ),
        (
            "de",
            "Die Example Holding Ltd. mit Sitz in London hält sämtliche Anteile und hat keinen Zugriff auf Kundendaten.",
            set(),
        ),
    ],
)
def test_roles_the_seat_of_a_company_whose_people_reach_the_data_is_a_destination(scanner, lang, text, expected):
    """ "Mitarbeitende der X LLC mit Sitz in Tiflis greifen auf Kundendaten zu": its people work where the company sits;
    a holding company with no access is only seated there."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "## 6. Transfers to third countries\n\nOur support team in India can access the data.\n\nUntil March 2025 "
            "first-level support was provided by a provider in Manila; that contract is ended.\n",
            {"IN"},
        ),
        (
            "de",
            "## 6. Übermittlung in Drittländer\n\nUnser Support-Team in Indien kann auf die Daten zugreifen.\n\nBis März "
            "2025 wurde der Support durch einen Dienstleister in Manila erbracht; dieses Vertragsverhältnis ist beendet.\n",
            {"IN"},
        ),
    ],
)
def test_roles_a_time_frame_that_ended_stays_past_when_today_says_it_ended(scanner, lang, text, expected):
    """ "Until March 2025 ...; that contract is ended": "is" speaks of today only to say the processing ended."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We use Acme Inc. in the United States for email. A sub-processor may, where necessary for its service, make "
            "an onward transfer of personal data to a recipient established outside the EEA.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Wir nutzen die Acme Inc. in den USA für den E-Mail-Versand. Ein Unterauftragsverarbeiter darf, soweit für "
            "seine Leistung erforderlich, personenbezogene Daten an einen Empfänger außerhalb des EWR übermitteln.",
            {"US", "UNSPECIFIED"},
        ),
        ("en", "Data subjects: Customer's website visitors and end users, wherever located.", set()),
        ("de", "Betroffene: Besucher und Nutzer der Website, wo auch immer ansässig.", set()),
    ],
)
def test_roles_leave_granted_under_a_condition_still_opens_the_region(scanner, lang, text, expected):
    """ "May, where necessary, make an onward transfer ... outside the EEA": the condition after the leave says when it is
    used, so the transfer is disclosed. People "wherever located" are where they are."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Example Technologies Private Limited in Hyderabad, India, provides third-line engineering support.",
            {"IN"},
        ),
        ("de", "Die Example Software Pvt. Ltd in Pune, Indien, erbringt den Support der dritten Ebene.", {"IN"}),
    ],
)
def test_roles_a_company_providing_a_service_where_it_sits_is_a_destination(scanner, lang, text, expected):
    """ "X Ltd in Hyderabad, India, provides support": the company works on the data it needs where it sits."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We process all personal data in the United States; our vendors may process data outside of the United "
            "States or the European Union.",
            {"US", "UNSPECIFIED"},
        ),
        (
            "de",
            "Wir verarbeiten alle Daten in den USA; unsere Dienstleister können Daten auch außerhalb der USA oder der EU "
            "verarbeiten.",
            {"US", "UNSPECIFIED"},
        ),
    ],
)
def test_roles_outside_the_vendors_home_and_the_eu_is_open(scanner, lang, text, expected):
    """ "Outside of the United States or the European Union": neither the vendor's home nor the EU, so anywhere else."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Example Corporation (and our servers) are based in the United States.", {"US"}),
        ("en", "Our servers are in Frankfurt; Example Corporation is based in the United States.", set()),
        ("de", "Die Example Corporation (und auch unsere Server) sind in den USA ansässig.", {"US"}),
        ("de", "Nutzer, die in den USA ansässig sind, haben weitere Rechte.", set()),
    ],
)
def test_roles_a_seat_said_of_the_servers_is_where_data_is_kept(scanner, lang, text, expected):
    """ "X Corp (and our servers) are based in the US": the servers sit there, so the data does; a company's seat in a
    clause of its own, or residents, place no data."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Der Support wird von der Example GmbH mit Sitz in Belgrad erbracht, deren Mitarbeiter auf die Daten "
            "zugreifen können.",
            {"RS"},
        ),
        (
            "en",
            "Support is provided by Example Ltd, seated in Belgrade, whose staff can access the data.",
            {"RS"},
        ),
        (
            "de",
            "Der Vertrag wird mit der Example GmbH mit Sitz in Belgrad geschlossen, deren Gesellschafter wir sind.",
            set(),
        ),
    ],
)
def test_roles_a_relative_clause_after_the_verbs_closing_a_seat_clause_says_who_handles_data(
    scanner, lang, text, expected
):
    """„… mit Sitz in Belgrad erbracht, deren Mitarbeiter … zugreifen": the German clause's verb stands between the seat
    and the relative clause that says the company's people reach the data."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "The exporter may terminate if a petition is presented for the winding up of the data importer, or any "
            "equivalent event in any jurisdiction occurs.",
        ),
        (
            "de",
            "Der Exporteur kann kündigen, wenn ein Insolvenzverfahren über den Importeur eröffnet wird oder ein "
            "gleichwertiges Ereignis in anderen Ländern eintritt.",
        ),
    ],
)
def test_roles_an_insolvency_event_in_any_jurisdiction_is_no_destination(scanner, lang, text):
    """ "Winding up ... or any equivalent event in any jurisdiction": where the event may happen, not where data goes."""
    assert destinations(scanner, text, lang, "dpa") == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Analytics event data does not leave the European Economic Area.", set()),
        ("en", "Event data never leaves the EEA.", set()),
        (
            "en",
            "In the event that we transfer data outside the EEA, we use the SCCs. Our support partner in India accesses "
            "tickets.",
            {"IN"},
        ),
        ("de", "Analytics-Event-Daten verlassen den EWR nicht.", set()),
    ],
)
def test_roles_a_noun_of_condition_states_one_only_after_the(scanner, lang, text, expected):
    """ "Analytics event data does not leave the EEA" denies the transfer; "event" opens a condition only in "in the
    event that"."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our CDN processes EU traffic at EU edge locations where possible.", set()),
        ("en", "Data may be processed in the countries where our providers operate.", {"UNSPECIFIED"}),
        (
            "en",
            "Customer Data is processed in the locations listed in Annex 2, which include the United States and the "
            "European Union.",
            {"US"},
        ),
        ("en", "Customer Data is processed in several countries, including the United States.", {"US", "UNSPECIFIED"}),
        (
            "de",
            "Die Kundendaten werden an den in Anlage 2 aufgeführten Standorten verarbeitet, darunter die USA und die EU.",
            {"US"},
        ),
        ("de", "Die Kundendaten werden in mehreren Ländern verarbeitet, darunter die USA.", {"US", "UNSPECIFIED"}),
    ],
)
def test_roles_a_hedge_after_where_and_a_listed_set_leave_nothing_open(scanner, lang, text, expected):
    """ "Locations where possible" hedges; "the locations listed in Annex 2, which include the US" names members of a
    list given elsewhere, so the set is closed; "several countries, including the US" stays open."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Für die Analyse nutzen wir den Dienst der Example Inc.. Bei der Example Inc. handelt es sich um ein nach dem "
            "Recht des Bundesstaates Delaware der Vereinigten Staaten von Amerika gegründetes Unternehmen.",
            {"US"},
        ),
        (
            "en",
            "For analytics we use the service of Example Inc.. Example Inc. is a company incorporated under the laws of "
            "the State of Delaware, United States.",
            {"US"},
        ),
        (
            "en",
            "Example Holding Inc., a company incorporated under the laws of Delaware, owns all shares of the vendor.",
            set(),
        ),
    ],
)
def test_roles_the_incorporation_of_a_company_whose_service_is_used_is_a_recipients_seat(scanner, lang, text, expected):
    """„Wir nutzen den Dienst der X Inc. … ein nach dem Recht des Bundesstaates Delaware … gegründetes Unternehmen": the
    company whose service is used receives the data where it is incorporated; a holding company that only owns the
    vendor receives none."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Northwind Labs Ltd. and its parent company, Northwind Holdings, Inc., which is located in the United "
            "States, together with the other Northwind companies worldwide, respect the local privacy law.",
        ),
        (
            "de",
            "Die Nordwind Labs GmbH und ihre Muttergesellschaft, die Nordwind Holdings, Inc., die sich in den USA "
            "befindet, achten mit allen anderen Nordwind-Gesellschaften weltweit das örtliche Datenschutzgesetz.",
        ),
        ("en", "Northwind Research Asia Ltd. may send you e-mails about your licence."),
        ("de", "Die Nordwind Research Asia Ltd. kann Ihnen E-Mails zu Ihrer Lizenz senden."),
        (
            "en",
            "Our group honours the Act on the Protection of Personal Information and the Law Concerning the Proper "
            "Transmission of Specified Electronic Mail in Japan.",
        ),
    ],
)
def test_roles_a_company_located_by_a_relative_clause_or_named_with_a_region_is_no_destination(scanner, lang, text):
    """ "X Inc., which is located in the US" / „die X Inc., die sich in den USA befindet" says where a company sits
    (GUIDELINES.md: a seat alone is no destination), and a sentence whose only transfer word does that moves no data
    to the places it names; a region inside a company's name ("Research Asia Ltd.") and a transfer word inside a
    law's title-case name ("the Proper Transmission of ...") name no destination either."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We send your order data to Northwind Holdings, Inc., which is located in the United States."),
        ("en", "We use Northwind Holdings, Inc., which is located in the United States, to host our website."),
        ("de", "Wir übermitteln Ihre Bestelldaten an die Nordwind Holdings, Inc., die sich in den USA befindet."),
        ("de", "Wir nutzen die Nordwind Holdings, Inc., die sich in den USA befindet, für das Hosting."),
        ("en", "Our hosting provider is located in the United States."),
        ("de", "Unsere Server befinden sich in den USA."),
    ],
)
def test_roles_a_located_company_that_receives_the_data_is_a_destination(scanner, lang, text):
    """The seat of a company the sentence sends data to or whose service it uses counts (GUIDELINES.md), and where a
    provider or servers are located is where the data goes, as before."""
    assert destinations(scanner, text, lang) == {"US"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our current partner is Lumbre Nómina S.A.S., which operates from Bogotá for workers in Colombia.",
            {"CO"},
        ),
        ("en", "Our current partner is Lumbre Nómina S.A.S., which is located in Bogotá.", set()),
        ("de", "Unser derzeitiger Partner ist die Lumbre Nómina S.A.S., die sich in Bogotá befindet.", set()),
    ],
)
def test_roles_a_company_operating_from_a_place_works_on_the_data_there(scanner, lang, text, expected):
    """ "X, which operates from Bogotá" says where the company works, so where the data it works on goes; "X, which is
    located in Bogotá" („die sich in Bogotá befindet") only where it sits: a seat alone is no destination
    (GUIDELINES.md)."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Chargeback disputes are examined by our payments team in Casablanca.", {"MA"}),
        ("en", "A transcription vendor in Accra, Ghana, transcribes the voicemails you leave us.", {"GH"}),
        ("en", "Uploaded receipts are checked by a contractor in Colombo before we book them.", {"LK"}),
        ("en", "Our Santiago support office answers tickets in Spanish.", {"CL"}),
        (
            "en",
            "Escalated tickets, with the attached log files, are reviewed by the manufacturer's studio in Osaka.",
            {"JP"},
        ),
        ("de", "Rückbuchungen prüft unser Zahlungsteam in Casablanca.", {"MA"}),
        ("de", "Ihre Sprachnachrichten transkribiert ein Dienstleister in Accra (Ghana).", {"GH"}),
        ("de", "Die Belege erfasst ein Auftragnehmer in Colombo, bevor wir sie buchen.", {"LK"}),
    ],
)
def test_roles_a_party_placed_somewhere_at_work_on_the_data(scanner, lang, text, expected):
    """A team, office, vendor or contractor "in" a place, said to review, check, transcribe or answer what the data
    holds, works on the data there (GUIDELINES.md: processed or accessed from): the place is a destination."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our team in Casablanca cannot see any customer records.", set()),
        ("en", "Our development team in Accra works only with synthetic test data.", set()),
        ("en", "Our parent company in Osaka receives only anonymous statistics.", set()),
        ("en", "Requests from customers in Chile are answered by our team in Vienna.", set()),
        ("de", "Unser Team in Casablanca hat keinen Zugriff auf Kundendaten.", set()),
        ("de", "Unser Entwicklungsteam in Accra arbeitet ausschließlich mit synthetischen Testdaten.", set()),
        ("de", "Anfragen aus Chile beantwortet unser Team in Wien.", set()),
        ("en", "We have offices in Casablanca and Accra.", set()),
    ],
)
def test_roles_a_party_placed_somewhere_that_works_on_no_personal_data_is_no_destination(scanner, lang, text, expected):
    """The same party denied the data, working on anonymous or synthetic data, or only named where it is, places no
    data; and the place its work names as the origin of requests ("customers in Chile") stays an origin."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Until 2020 some call recordings were kept in Ohio; all of them have since been deleted.", set()),
        ("en", "The helpdesk used to run on servers in Oregon; they were decommissioned last spring.", set()),
        ("en", "We stopped using our Canadian survey tool and now run surveys on our own EU servers.", set()),
        ("en", "A move of our archive to Switzerland is being evaluated; today it stays in Vienna.", set()),
        ("en", "A Canadian hosting option is on our roadmap but not yet available.", set()),
        ("en", "We stopped using our US provider; your files are now hosted by a company in Canada.", {"CA"}),
        ("de", "Bis 2020 lagen einzelne Gesprächsaufzeichnungen in Ohio; sie sind inzwischen vernichtet.", set()),
        ("de", "Das kanadische Umfragetool nutzen wir seit 2023 nicht mehr.", set()),
        ("de", "Eine Verlagerung unseres Archivs in die Schweiz wird geprüft; derzeit liegt es in Wien.", set()),
        ("de", "Den US-Anbieter nutzen wir nicht mehr; Ihre Dateien speichert jetzt ein Anbieter in Kanada.", {"CA"}),
    ],
)
def test_roles_a_place_whose_processing_ended_or_is_only_weighed_is_no_destination(scanner, lang, text, expected):
    """A sentence saying that processing at a place has ended ("have since been deleted", "decommissioned", "nutzen wir
    nicht mehr") or is only weighed ("is being evaluated", "on our roadmap", „wird geprüft") names where data was or
    may once go, after the place or in its clause; a place named after that in another clause is where data goes
    now."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Your account data may be transferred to countries whose privacy laws are not equivalent to those of the EU.",
        ),
        ("en", "We may store your files in countries whose laws are less protective than those of your home country."),
        (
            "de",
            "Ihre Kontodaten können in Staaten verarbeitet werden, deren Datenschutzrecht nicht dem der EU entspricht.",
        ),
        ("de", "Ihre Dateien können in Ländern gespeichert werden, die kein gleichwertiges Datenschutzniveau bieten."),
    ],
)
def test_roles_countries_whose_laws_are_not_equivalent_are_open_destinations(scanner, lang, text):
    """A negation that describes the countries ("whose laws are not equivalent", „deren Datenschutzrecht nicht dem der
    EU entspricht") leaves the transfer standing: data goes to countries the text leaves open."""
    assert destinations(scanner, text, lang) == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Customer data is stored in AWS us-east-1.", {"US"}),
        ("en", "Our data warehouse runs in AWS ap-south-1 (Mumbai).", {"IN"}),
        ("en", "The application is hosted in the Azure region West US 2.", {"US"}),
        ("en", "We are evaluating a move of our archive to a Canadian provider.", set()),
        ("de", "Die Kundendaten liegen in GCP europe-west2 (London).", {"GB"}),
        ("de", "Die Anwendung läuft in der Azure-Region westus2.", {"US"}),
        ("de", "Die Daten werden in der Azure-Region „East US 2“ gespeichert.", {"US"}),
        ("de", "Wir prüfen derzeit einen Umzug unseres Archivs zu einem kanadischen Anbieter.", set()),
    ],
)
def test_roles_cloud_regions_after_their_provider_and_systems_running_there(scanner, lang, text, expected):
    """A cloud region's identifier after its provider's name ("AWS us-east-1") is the region, not the end of a company's
    name, and so is a display name opened by a point of the compass ("West US 2"); a system that runs or „läuft" in a
    region keeps its data there; a move still being evaluated („wir prüfen derzeit") sends nothing yet."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Recorded oral exams are reviewed by invigilators in Ghana.", {"GH"}),
        ("en", "Your contracts are prepared by our paralegal consultants in Manila.", {"PH"}),
        ("en", "Incoming paper mail is digitised by a scanning agency in Tunis.", {"TN"}),
        ("de", "Die Prüfungsaufnahmen sichten Gutachter in Ghana.", {"GH"}),
        ("de", "Eingehende Papierpost wird von einem Scan-Dienstleister in Tunis digitalisiert.", {"TN"}),
        ("de", "Ihre Videos werden von einer Agentur in Indien geschnitten und untertitelt.", {"IN"}),
    ],
)
def test_roles_people_at_work_by_their_trade(scanner, lang, text, expected):
    """People named by their trade (invigilators, consultants, Gutachter) or an agency in a place, said to prepare,
    digitise, cut or subtitle what the data holds, work on it there."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Ein Fernzugriff aus Indien ist nur für Wartungszwecke vorgesehen.", {"IN"}),
        ("de", "Die Möglichkeit eines Fernzugriffs aus Singapur besteht im Supportfall.", {"SG"}),
        ("de", "Die Fernwartung der Server erfolgt aus Serbien.", {"RS"}),
        ("de", "Ein Fernzugriff aus Drittländern findet nicht statt.", set()),
        ("en", "Remote access from India is possible for maintenance only.", {"IN"}),
        ("en", "Remote access from third countries does not take place.", set()),
    ],
)
def test_roles_remote_access_from_a_place_in_german_as_in_english(scanner, lang, text, expected):
    """„Fernzugriff aus Indien", „Fernwartung aus Serbien": the compound nouns of remote access say where the data is
    reached from, as "remote access from India" does; denied, they place nothing."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Order confirmations are passed to our fulfilment partner in Nairobi.", {"KE"}),
        ("en", "Parcel labels are exchanged with the carrier's depot in Almaty.", {"KZ"}),
        ("en", "Payroll records are uploaded to the portal of our holding company in Toronto.", {"CA"}),
        ("en", "A copy of the source code and admin contacts is deposited with an escrow agent in Guernsey.", {"GG"}),
        ("en", "We make your records available to our sister company in Toronto.", {"CA"}),
        ("en", "The new law was passed in Canada last year.", set()),
        (
            "de",
            "Beim Login über ein soziales Netzwerk werden Profildaten mit dem Netzwerk in Kanada ausgetauscht.",
            {"CA"},
        ),
    ],
)
def test_roles_verbs_that_hand_data_to_a_recipient(scanner, lang, text, expected):
    """ "passed to", "exchanged with", "uploaded to", "deposited with", "make ... available to", „ausgetauscht": verbs
    that hand the data to a party place it where that party is; a law "passed" in a country moves nothing."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Billing data may be viewed by the vendor's support engineers based in Hanoi, Vietnam, to fix errors.",
            {"VN"},
        ),
        ("en", "Claims are checked by consultants working from Accra, Ghana.", {"GH"}),
        ("en", "Customer's employees based in Canada may use the portal, which is hosted in Frankfurt.", set()),
        ("de", "Ihre Belege werden von Buchhaltungsmitarbeitern in Manila erfasst.", {"PH"}),
        ("de", "Die Kontrolle der Übersetzungen lassen wir durch Mitarbeitende auf Mauritius durchführen.", {"MU"}),
    ],
)
def test_roles_people_at_work_based_or_working_somewhere(scanner, lang, text, expected):
    """People at work named with where they are based or work from ("support engineers based in Hanoi", "consultants
    working from Accra"), and staff by any compound and case or on an island state („Buchhaltungsmitarbeitern in
    Manila", „Mitarbeitende auf Mauritius"), work on the data there; a customer's employees are its data subjects."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our shipping partner, which is established in Serbia, receives your name and delivery address.",
            {"RS"},
        ),
        ("en", "The contest sponsor, based in Singapore, will receive the winners' contact details.", {"SG"}),
        ("de", "Der Empfänger mit Sitz in Lagos, Nigeria, erhält die in Anlage 2 genannten Daten.", {"NG"}),
        ("de", "Unser Hostinganbieter hat seinen Sitz in Kanada und speichert Ihre E-Mail-Adresse dort.", {"CA"}),
        ("en", "Our shipping partner, which is established in Serbia, receives no personal data.", set()),
        ("de", "Der Anbieter hat seinen Sitz in Kanada, speichert die Daten aber ausschließlich in Wien.", set()),
    ],
)
def test_roles_a_seat_set_off_by_commas_before_the_verb_of_handling(scanner, lang, text, expected):
    """A party whose seat commas set off, then a verb saying it handles the data ("..., which is established in Serbia,
    receives your name", "..., based in Singapore, will receive", „mit Sitz in Lagos, Nigeria, erhält die ... Daten"),
    receives the data where it sits; not where it receives none, nor where the verb names a place of its own."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Buchungsdaten werden an Reiseveranstalter weitergegeben, von denen manche in Ägypten ansässig sind.",
            {"EG"},
        ),
        (
            "de",
            "Wir arbeiten mit Versanddienstleistern zusammen, die in Serbien ansässig sind und Ihre Lieferdaten dort "
            "verarbeiten.",
            {"RS"},
        ),
        ("de", "Wir senden den Newsletter an Kunden, die in der Schweiz ansässig sind.", set()),
        ("de", "Die Daten von Nutzern, die in Kanada ansässig sind, werden in Frankfurt gespeichert.", set()),
    ],
)
def test_roles_a_german_relative_clause_seats_the_recipients(scanner, lang, text, expected):
    """„an Reiseveranstalter weitergegeben, von denen manche in Ägypten ansässig sind": a relative clause after the
    recipients the data goes to seats them, so the place is a destination; one after customers or users says where
    the data subjects live."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Lohndaten werden von Mitarbeitern unserer Niederlassung in Kairo geprüft.", {"EG"}),
        ("de", "Die Rechnungen werden an unsere Niederlassung in Mexiko übermittelt.", {"MX"}),
    ],
)
def test_roles_a_branch_whose_people_handle_the_data(scanner, lang, text, expected):
    """„Niederlassung in Kairo" names a company's branch; where the sentence has someone handle the data there, it is a
    party at work and the place a destination."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Supplier shall not store Customer Data outside the EU without the Customer's prior written approval."),
        ("en", "The vendor will not move any personal data to a third country without prior written consent."),
        (
            "de",
            "Der Dienstleister verarbeitet Daten nur dann außerhalb der EU, wenn der Kunde dem vorab schriftlich "
            "zugestimmt hat.",
        ),
        ("de", "Eine Speicherung außerhalb des EWR erfolgt nicht ohne vorherige Zustimmung des Kunden."),
    ],
)
def test_roles_a_transfer_ruled_out_without_the_customers_consent_is_no_destination(scanner, lang, text):
    """ "shall not store ... outside the EU without the Customer's prior written approval", „nur dann ..., wenn der
    Kunde dem vorab schriftlich zugestimmt hat": a transfer made to wait for the customer's consent discloses none."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Tidewater Logistics Ltd | Parcel tracking notifications | Auckland, New Zealand", {"NZ"}),
        ("en", "Corvina Labs Inc. – crash report analysis – Canada – device identifiers", {"CA"}),
        ("en", "Pelican Data Pvt. Ltd. | Data entry | Chennai, India | SCC Module 2", {"IN"}),
        ("de", "Sundial Services Pte. Ltd. | Telefonsupport | Singapur", {"SG"}),
        ("de", "Ostwind Hosting GmbH | Rechenzentrum | Wien, Österreich", set()),
        ("en", "Support hours | Monday to Friday | Canada and the US", set()),
        ("en", "Maplecrest Inc. | 400 Harbour Street, Suite 12 | Toronto, Canada", set()),
    ],
)
def test_roles_a_line_of_cells_naming_a_company_and_its_place(scanner, lang, text, expected):
    """A row of a recipients' list read alone ("X Ltd | Parcel tracking | Auckland, New Zealand", "X Inc. – crash
    report analysis – Canada – ...") places the company named by its legal form in the cell that holds only its place,
    a tool in a cell of its own beside it ("| SCC Module 2") or not; not a row without a company, nor one in the EEA,
    nor a postal address."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "For New Zealand, an adequacy decision of the European Commission exists.", set()),
        ("de", "Für Japan besteht ein Angemessenheitsbeschluss der Europäischen Kommission.", set()),
        ("en", "Lindenfield Ltd | Payroll support | United Kingdom | Adequacy decision", {"GB"}),
        ("en", "Account data is hosted in Canada, for which an adequacy decision exists.", {"CA"}),
    ],
)
def test_roles_countries_named_with_an_adequacy_decision_in_a_sentence_moving_no_data(scanner, lang, text, expected):
    """A country named with an adequacy decision, before or after it, in a sentence that moves no data ("For New
    Zealand, an adequacy decision exists") is what the decision is about, not a destination; a listed recipient's seat
    or a place the sentence hosts data in stays one."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Between 2017 and 2019, payroll files were processed by a bureau in Colombo.", set()),
        ("de", "Von 2016 bis 2018 wurden Lohndaten von einem Dienstleister in Kairo verarbeitet.", set()),
        ("en", "Between 2025 and 2028 our backups will be stored in Canada.", {"CA"}),
    ],
)
def test_roles_a_sentence_opening_with_a_closed_span_of_years_tells_of_the_past(scanner, lang, text, expected):
    """ "Between 2017 and 2019, ...", „Von 2016 bis 2018 ...": a span of years opening a sentence in the past tense
    tells of processing that has ended; one in the future tense states a plan that places data."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Onward transfers to third countries: none.", set()),
        ("de", "Übermittlung in Drittstaaten: keine", set()),
        ("en", "Transfers to third countries: United States.", {"US"}),
    ],
)
def test_roles_a_field_of_transfers_whose_value_is_none(scanner, lang, text, expected):
    """A field naming transfers whose value says there are none ("...: none.", „...: keine") denies them."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A data centre in Canada is planned for 2027."),
        ("en", "A storage region in Australia will become available next spring."),
        ("de", "Ein Standort in Kanada befindet sich in der Pilotphase."),
        ("de", "Eine Speicherregion in Kanada ist für 2027 geplant."),
        ("de", "Wir prüfen eine Verlagerung der Backups nach Kanada."),
        ("de", "Sollten wir künftig Dienstleister außerhalb des EWR einsetzen, informieren wir Sie vorab."),
        ("en", "Should we in future use servers outside the EEA, we will update this notice first."),
    ],
)
def test_roles_planned_or_trialled_places_are_no_destinations(scanner, lang, text):
    """A place only planned ("is planned for 2027", "will become available"), in a trial („in der Pilotphase") or
    weighed („Wir prüfen eine Verlagerung"), and a future use announced in advance („Sollten wir künftig ..."), take
    no data yet."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "Where we send data to a country that the European Commission has not recognised as adequate, we use the SCCs.",
        ),
        ("en", "When data goes to a country that isn't considered adequate, we rely on the SCCs."),
        (
            "en",
            "We sign the SCCs where we transfer data to countries that have not been found to provide adequate protection.",
        ),
    ],
)
def test_roles_countries_not_recognised_as_adequate_are_open_destinations(scanner, lang, text):
    """ "a country that the European Commission has not recognised as adequate", "that isn't considered adequate",
    "that have not been found to provide adequate protection": third countries the text leaves open."""
    assert destinations(scanner, text, lang) == {"UNSPECIFIED"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Unsere Kundenbetreuer in Accra sehen Ihre Bestellungen.", {"GH"}),
        ("de", "Die Techniker des Herstellers in Osaka greifen per VPN auf die Anlage und ihre Daten zu.", {"JP"}),
        ("en", "Your tickets may be reviewed by engineers of Brightforge Ltd in Lagos.", {"NG"}),
        ("de", "Unsere Datenanalysten in Lima prüfen anonyme Statistiken.", set()),
    ],
)
def test_roles_people_of_a_company_at_work_where_they_are(scanner, lang, text, expected):
    """People at work named by any compound („Kundenbetreuer", „Datenanalysten") or with their company between them and
    the place („die Techniker des Herstellers in Osaka", "engineers of Brightforge Ltd in Lagos") work on the data
    there; not where it is anonymous."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Invoices are sent to a billing platform operated from Toronto, Canada.", {"CA"}),
        ("en", "Second-level support is rendered from Manila, with access to account details.", {"PH"}),
        ("en", "If you use the app from Canada, your data is stored in Frankfurt.", set()),
    ],
)
def test_roles_a_system_operated_or_a_service_rendered_from_a_place(scanner, lang, text, expected):
    """A system "operated from" or a service "rendered from" a place is run there, with the data it holds; a user who
    uses the service "from Canada" is where the user is."""
    assert destinations(scanner, text, lang) == expected


def test_roles_a_german_relative_clause_after_a_separable_verb_seats_the_recipients(scanner):
    """„Wir geben Ihre Daten an Versicherer weiter, die in Kanada ansässig sind": the particle closing the verb before
    the comma still sends the data to the recipients the relative clause seats."""
    text = "Wir geben Ihre Daten an Versicherer weiter, die in Kanada ansässig sind und die Daten dort verarbeiten."
    assert destinations(scanner, text, "de") == {"CA"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "'Disclosure' includes making personal data readable to a party in another country.", set()),
        ("de", "Der Begriff „Speicherung“ umfasst auch Sicherungskopien in einem Drittstaat.", set()),
        ("de", "Im Sinne dieser Vereinbarung gilt auch Kanada als Drittland.", set()),
        ("de", "Als „Zielland“ gilt im Sinne dieses Vertrags jeder Staat, in den Daten übermittelt werden.", set()),
        ("de", "Mit „Auslandsübermittlung“ meinen wir, dass Daten in einen anderen Staat geschickt werden.", set()),
        ("en", "Our 'Backup Service' also stores copies in Canada.", {"CA"}),
    ],
)
def test_roles_what_a_quoted_term_covers_for_the_agreement_is_a_definition(scanner, lang, text, expected):
    """A quoted term and what it "includes" or „umfasst", what something „gilt" as „im Sinne dieser Vereinbarung", and
    what „wir meinen" with a term define words; they send no data anywhere. A quoted name in a statement does not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "All data is stored in AWS eu-west-1 (Ireland); no other regions are used.", set()),
        ("en", "Providers must keep data protection standards no less protective than those in this agreement.", set()),
        ("en", "Data is stored in Ireland and replicated to other regions.", {"UNSPECIFIED"}),
    ],
)
def test_roles_open_words_after_a_negation_name_no_place(scanner, lang, text, expected):
    """ "no other regions", "no less protective than": a negation right before the open words names none, or a
    comparison that holds; without it the open words leave the places open."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Where a sub-processor is established in a third country, we sign the SCCs with it.", {"UNSPECIFIED"}),
        ("en", "Our sub-processor is established in Canada and hosts the ticket archive.", {"CA"}),
        ("en", "The company is established in Canada.", set()),
    ],
)
def test_roles_the_seat_of_a_sub_processor_is_where_data_goes(scanner, lang, text, expected):
    """ "a sub-processor established in a third country": a sub-processor receives data by definition, so where it is
    established is where the data goes; a company's seat alone is not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Auswertung erfolgt in der AWS-Region ca-central-1.", {"CA"}),
        ("de", "Als Notfallregion dient Azure „Canada Central“.", {"CA"}),
        ("de", "Protokolle werden täglich in die Region ap-southeast-2 kopiert.", {"AU"}),
        ("de", "Bilder werden in der Region ap-southeast-2 zwischengespeichert.", {"AU"}),
        ("en", "Nightly snapshots are copied to AWS ap-southeast-2.", {"AU"}),
    ],
)
def test_roles_cloud_regions_by_german_compounds_and_data_copied_there(scanner, lang, text, expected):
    """A cloud region named by a German compound („AWS-Region", „Notfallregion"), and data „kopiert", "copied to" or
    „zwischengespeichert" there, places the data in the region."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers from the UK rely on the UK International Data Transfer Addendum.", set()),
        ("en", "Your account data is hosted in India under the International Data Transfer Agreement.", {"IN"}),
        (
            "de",
            "Für Übermittlungen aus dem Vereinigten Königreich gilt das UK International Data Transfer Addendum.",
            set(),
        ),
        ("en", "International data transfers rely on the standard contractual clauses.", {"UNSPECIFIED"}),
    ],
)
def test_roles_open_words_in_a_tools_own_name_are_no_place(scanner, lang, text, expected):
    """ "the UK International Data Transfer Addendum": the open words are part of the tool's name; the same words
    standing alone still speak of transfers out of the EEA."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We host data only in the countries listed in Annex 2 and will not host it in any other country "
            "without giving notice under Clause 5.",
            set(),
        ),
        ("en", "We will not move your data to a third country without prior notice to you.", set()),
        ("en", "We may move your data to other countries without prior notice.", {"UNSPECIFIED"}),
        ("de", "Eine Verlagerung in ein Drittland erfolgt nicht, ohne den Auftraggeber vorher zu informieren.", set()),
        ("de", "Wir können Daten ohne vorherige Mitteilung in andere Staaten übermitteln.", {"UNSPECIFIED"}),
        (
            "en",
            "The Processor may transfer data to third countries without the Controller's prior written consent.",
            {"UNSPECIFIED"},
        ),
        (
            "en",
            "The Processor shall not transfer data to third countries without the Controller's prior written consent.",
            set(),
        ),
        ("en", "The Processor may transfer data to Third-Party Countries without prior approval.", {"UNSPECIFIED"}),
        (
            "de",
            "Der Auftragnehmer darf Daten ohne vorherige Zustimmung des Auftraggebers in Drittländer übermitteln.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Der Auftragnehmer darf Daten nicht ohne vorherige Zustimmung des Auftraggebers in Drittländer übermitteln.",
            set(),
        ),
    ],
)
def test_roles_no_other_place_without_notice_is_a_transfer_still_to_come(scanner, lang, text, expected):
    """After a negation, "without prior notice" / „ohne vorherige Zustimmung" makes any place not yet named one that
    notice or consent must come before; without the negation it is leave to transfer unannounced or unasked, which
    leaves the places open ("Third-Party Countries" is a drafter's third countries)."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Before any access from the third country, the data is pseudonymised.", set()),
        ("de", "Vor dem Zugriff aus dem Drittland werden die Daten pseudonymisiert.", set()),
        ("en", "Data may be transferred to a third country.", {"UNSPECIFIED"}),
        ("de", "Wir übermitteln Daten in ein Drittland.", {"UNSPECIFIED"}),
        ("de", "Daten werden in das Drittland Indien übermittelt.", {"IN"}),
        ("en", "Data is transferred to the third country India.", {"IN"}),
    ],
)
def test_roles_the_third_country_refers_back(scanner, lang, text, expected):
    """ "the third country", „dem Drittland": a definite singular points back to a place named before, or names the
    country that follows it („das Drittland Indien", where the noun is no company's name); "a third country" opens
    the set."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "If you pick US (Ohio) or Asia-Pacific (Singapore), your builds run in that region.", {"SG", "US"}),
        ("de", "Die Daten werden in der Region Asien-Pazifik (Singapur) gespeichert.", {"SG"}),
        ("en", "Your builds run in Asia-Pacific.", {"UNSPECIFIED"}),
    ],
)
def test_roles_a_region_named_by_its_country_in_brackets(scanner, lang, text, expected):
    """ "Asia-Pacific (Singapore)": the brackets name the country the region stands for."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "If any authority outside the EEA demands access to Customer Data, we will challenge the demand.",
            set(),
        ),
        (
            "de",
            "Verlangt eine Behörde außerhalb des EWR Zugang zu den Daten, prüft der Auftragnehmer das Ersuchen.",
            set(),
        ),
        ("en", "Our support partners outside the EEA may access Customer Data.", {"UNSPECIFIED"}),
        ("de", "Daten können an Stellen außerhalb Europas gelangen.", {"UNSPECIFIED"}),
        ("en", "If you are a national of Switzerland, we process your data on the following legal bases.", set()),
        # The laws that compel a disclosure are where they are in force.
        (
            "en",
            "We hand over account data where the law requires it, including laws outside your country of residence.",
            set(),
        ),
        ("de", "Wir geben Kontodaten heraus, wenn Gesetze außerhalb des EWR es verlangen.", set()),
        ("en", "We may also store account data outside your country of residence.", {"UNSPECIFIED"}),
        # A law that compels nothing says how data is sent, not whose demand it is: the place is where data goes.
        ("en", "Account data may be moved in line with applicable law outside the EEA.", {"UNSPECIFIED"}),
        ("de", "Kontodaten werden unter Beachtung der Gesetze außerhalb der EU gespeichert.", {"UNSPECIFIED"}),
    ],
)
def test_roles_public_bodies_and_nationals_abroad_are_no_destination(scanner, lang, text, expected):
    """An authority outside the EEA whose demand a government-access clause answers, a law outside the user's country
    that compels a disclosure, and the nationality of a data subject, say whose request or whose data it is, not where
    the vendor sends data."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "The booking portal is run without any data transfer to third countries.", set()),
        ("de", "Das Portal wird ohne jede Datenübermittlung in Drittländer betrieben.", set()),
        ("en", "Without any delay, we may transfer your data to India.", {"IN"}),
        ("en", "Recipients in third countries: none (every recipient is based in the EU).", set()),
        ("de", "Empfänger in Drittländern: keine (alle Empfänger sitzen in der EU).", set()),
    ],
)
def test_roles_without_any_transfer_and_a_field_answered_none_deny(scanner, lang, text, expected):
    """ "without any data transfer", „ohne jede Datenübermittlung" deny a transfer ("without any delay" does not); a
    field answered none keeps its answer when a note in brackets and a full stop close it."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Wir können deine Daten ins Vereinigte Königreich, in die Schweiz und in die USA übermitteln.",
            {"CH", "GB", "US"},
        ),
        (
            "de",
            "Angaben können wir an Gutachter in Kanada, in der Schweiz und in Japan weitergeben.",
            {"CA", "CH", "JP"},
        ),
        ("de", "Wenn ein Händler in Kanada den Support kontaktiert, wird das Gespräch in der EU gespeichert.", set()),
        (
            "en",
            "Where a shop owner in Canada contacts support, the conversation is handled and stored in the EU.",
            set(),
        ),
    ],
)
def test_roles_a_comma_inside_a_list_of_places_opens_no_clause(scanner, lang, text, expected):
    """„ins Vereinigte Königreich, in die Schweiz und in die USA übermitteln": the comma before the next place of a
    list joins the list, so the verb at the end reaches every place; a comma opening a clause with a place of its own
    still keeps the place before it apart."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Rechnungsdaten werden an die Versicherung in Winterthur (Schweiz) bekanntgegeben.", {"CH"}),
        ("de", "Für die Transkription werden Audiodateien in die USA geschickt.", {"US"}),
        ("en", "Lead data is synced to our sales office in Toronto.", {"CA"}),
        ("en", "When you pay by card, your data may also reach card networks in the USA.", {"US"}),
        ("en", "Our engineers in Israel may log into your workspace to fix faults.", {"IL"}),
        ("en", "You can log into your account from Canada.", set()),
        ("en", "Our office in Toronto is easy to reach by train.", set()),
        ("en", "If you sign in with it, Example Login (USA) receives your e-mail address.", {"US"}),
        ("de", "Der Hersteller erhält die Gerätedaten über seine Plattform in Kanada.", {"CA"}),
        ("de", "Wir erhalten Ihre Daten von Partnern in Kanada.", set()),
    ],
)
def test_roles_verbs_that_move_data_sync_reach_log_in_hand_over(scanner, lang, text, expected):
    """Data "synced to", "may reach" a party, people who "log into" the system, a party that "receives" / „erhält"
    it, „bekanntgegeben", „geschickt", „weitergeben": verbs that move data or reach it where they name a place; a
    user logging in from abroad, an office easy to reach and „wir erhalten ... von" (where data comes from) do not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Support staff in the Philippines may access Customer Data. Where Customer Data is accessed from outside "
            "the EEA in accordance with Clauses 7.2 and 7.3, the parties rely on the SCCs.",
            {"PH"},
        ),
        (
            "en",
            "Support staff in the Philippines may access Customer Data. Where Customer Data is accessed from outside "
            "the EEA, the parties rely on the SCCs.",
            {"PH", "UNSPECIFIED"},
        ),
        (
            "de",
            "Unser Support in Serbien greift auf die Daten zu. Soweit Daten gemäß Ziffer 7.2 aus Drittländern "
            "abgerufen werden, gelten die Standardvertragsklauseln.",
            {"RS"},
        ),
        (
            "en",
            "Where Customer Data is accessed from outside the EEA in accordance with Clause 7.2, the parties rely on "
            "the SCCs.",
            {"UNSPECIFIED"},
        ),
    ],
)
def test_roles_open_words_the_document_specifies_in_its_own_clauses(scanner, lang, text, expected):
    """Access from outside the EEA "in accordance with Clauses 7.2 and 7.3", „gemäß Ziffer 7.2": the document's own
    clauses say from where, so the places it names are all of them; without such a reference, or with no place
    named, the access leaves the places open."""
    assert destinations(scanner, text, lang, "dpa") == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Who can see my data? Support staff in Canada, when you open a ticket.", {"CA"}),
        ("de", "Wer hat Zugriff auf meine Daten? Unser Support-Team in Serbien.", {"RS"}),
        ("de", "Kann der Anbieter meine Daten sehen? Nur Mitarbeitende des Kundendienstes in Kanada.", {"CA"}),
        ("en", "Is my data stored in the US? No, we only use data centres in Amsterdam and Paris.", set()),
        ("en", "Where is our office? In Toronto, Canada.", set()),
    ],
)
def test_roles_the_answer_to_a_question_on_transfers_places_the_data(scanner, lang, text, expected):
    """An answer that names places without a verb of its own ("Who can see my data? Support staff in Canada.") says
    where the data goes, as the question asks; an answer opening with "no" denies, and a question about something
    other than data asks nothing of transfers."""
    assert destinations(scanner, text, lang) == expected


def test_roles_a_sentence_after_a_question_that_names_nobody_at_work_is_no_answer(scanner):
    """Only an answer naming who works on the data where places it; any other sentence after a question on transfers
    keeps its own reading."""
    assert destinations(scanner, "Is my data transferred outside the EU? Our founders met in Canada.", "en") == {
        "UNSPECIFIED"
    }


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Prüfprotokolle werden nach Genf übertragen.", {"CH"}),
        ("en", "The audit trail is copied to Toronto every night.", {"CA"}),
        ("en", "Our workspace data lives in the region ca-central (Montreal).", {"CA"}),
        ("de", "Die Sicherungen liegen in der Region „Ostasien (Osaka)“.", {"JP"}),
        ("en", "Chat transcripts are kept in our Chicago archive.", {"US"}),
        ("de", "Die Rechnungen werden in Schottland archiviert.", {"GB"}),
        ("en", "Usage logs are stored in the us-west region.", {"US"}),
        ("de", "Die Suchindizes werden in der Region uk-south gehalten und dort gespeichert.", {"GB"}),
        ("en", "Replication runs from eu-central to me-south.", {"BH"}),
        # A city in brackets names no place where nothing moves data, and a word that is also a name stays a word.
        ("en", "Our founders (Toronto) met at a conference.", set()),
        ("en", "According to Reading Weekly, the service is popular.", set()),
    ],
)
def test_roles_cities_after_nach_and_to_in_brackets_before_sites_and_short_regions(scanner, lang, text, expected):
    """A city is a place after „nach" and "to", alone in a bracket, between "our" and a site such as an archive or a
    lab; the UK's nations by their German names; a cloud region written as a country code and a direction."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Unser Dienstleister überträgt die Rohdaten an sein Labor in Kanada.", {"CA"}),
        ("de", "Die Auswertung der Fragebögen nimmt ein Institut in Chicago entgegen und wertet sie dort aus.", {"US"}),
        ("de", "Die Umfrageergebnisse mit Namen wertet ein Institut in Chicago aus.", {"US"}),
        ("de", "Kundenanrufe hören Mitarbeitende in Marokko zur Schulung ab.", {"MA"}),
        ("de", "Die Mitgliederliste wird mit unserem Büro in Kanada synchronisiert.", {"CA"}),
        ("de", "Die Stammdaten werden im Gruppen-CRM in Brasilien gepflegt.", {"BR"}),
        ("de", "Die Lernstände bewahrt ein Archivanbieter in Kanada für zehn Jahre auf.", {"CA"}),
        ("de", "Zur Zweitmeinung können Ihre Röntgenbilder an eine Praxis in Australien gehen.", {"AU"}),
        ("en", "Contract files are retained by our records team in Singapore.", {"SG"}),
        ("en", "Event logs are written to a bucket in Singapore.", {"SG"}),
        ("en", "Member profiles are consolidated in our database in Canada.", {"CA"}),
        ("en", "Weekly exports are shipped to our analytics region in Singapore.", {"SG"}),
        ("en", "Orders shipped to Australia are packed in Berlin.", set()),
        ("en", "Your workspace is provisioned in the uk-south region.", {"GB"}),
    ],
)
def test_roles_verbs_that_send_keep_or_gather_data_there(scanner, lang, text, expected):
    """Verbs that send, keep or gather data where a place puts it: „überträgt" with its vowel changed, separable verbs
    whose particle closes the clause („wertet ... aus", „hören ... ab", „nimmt ... entgegen", „bewahrt ... auf"),
    „synchronisiert", „gepflegt", data going „an ... gehen"; "retained", "written to", "consolidated in", data (not
    goods) "shipped to", "provisioned"."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Your voice notes are transcribed in Kenya.", {"KE"}),
        ("en", "Loyalty card purchases are analysed in Canada.", {"CA"}),
        ("de", "Ihre Reisepässe werden in Singapur gegen Sperrlisten geprüft.", {"SG"}),
        ("de", "Die Mitschnitte werden in Kenia transkribiert.", {"KE"}),
        # Where the requests come from, whose tools they are, or what can be seen anywhere: no place of the work.
        ("de", "Anfragen aus Kanada beantwortet unser Team in Wien.", set()),
        ("de", "Auf kanadische Analysedienste verzichten wir; alle Daten bleiben in Wien.", set()),
        ("en", "Once you publish your review, it can be viewed worldwide.", set()),
    ],
)
def test_roles_work_on_the_data_right_at_a_place(scanner, lang, text, expected):
    """Work on the data (analysing, checking, transcribing) done "in" a place a few words away places the data
    there; not a place the work's requests come from, an adjective naming a tool's country, or an open region the
    work does not reach."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Only anonymised booking totals are sent to our partner in Canada.", set()),
        ("en", "Only aggregated, anonymous figures are shared with our investor in the US.", set()),
        ("de", "An die Stiftung in Kanada geben wir nur anonymisierte Kennzahlen weiter.", set()),
        ("de", "An unseren Partner in Kanada senden wir ausschließlich aggregierte und anonyme Auswertungen.", set()),
        ("en", "Booking details are sent to our partner in Canada.", {"CA"}),
    ],
)
def test_roles_only_anonymous_figures_go_nowhere(scanner, lang, text, expected):
    """A sentence sending "only anonymous" or „nur anonymisierte" figures sends no personal data anywhere."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Ihre Angaben können in Staaten gespeichert werden, in denen unsere Partner Niederlassungen haben.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Kundendaten können in Ländern verarbeitet werden, in denen kein vergleichbarer Schutz besteht.",
            {"UNSPECIFIED"},
        ),
        ("en", "Your profile may be stored in countries whose laws give less protection.", {"UNSPECIFIED"}),
        ("de", "Wir entsenden Beschäftigte zeitweise nach Kanada; ihre Daten bleiben in Wien.", set()),
        ("en", "Staff seconded to Canada keep their payroll in Vienna.", set()),
    ],
)
def test_roles_countries_a_relative_clause_describes_and_people_posted_abroad(scanner, lang, text, expected):
    """Countries described only by a relative clause („in Ländern, in denen ...", "in countries whose ...") leave the
    destinations open; a country staff are posted or seconded to is where the data subjects are, not where data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Harbourline Support | Ticket triage | Manila, Philippines", {"PH"}),
        ("en", "Payroll provider – salary slips – Cape Town, South Africa", {"ZA"}),
        ("de", "Nordlicht Software Pvt. Ltd.; Fehleranalyse; Chennai, Indien", {"IN"}),
        ("en", "Spring fair – music and food – Toronto, Canada", set()),
    ],
)
def test_roles_lines_of_a_recipients_list_without_a_legal_form(scanner, lang, text, expected):
    """A line of cells whose other cells name a provider or its work on the data, and one cell only places, is a
    recipient's entry even without a legal form, and a semicolon may divide it; a line about anything else is not."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Round-the-clock support means that agents in Canada may view your booking.", {"CA"}),
        ("en", "Using the reader app means your notes go to our servers in Canada.", {"CA"}),
        ("de", "Rund-um-die-Uhr-Support bedeutet, dass Mitarbeitende in Kanada Ihre Buchung sehen.", {"CA"}),
        ("en", '"Restricted Country" means any country without an adequacy decision.', set()),
    ],
)
def test_roles_means_that_states_a_consequence_not_a_definition(scanner, lang, text, expected):
    """ "X means that ...", "X means your data goes ...", „X bedeutet, dass ...": a consequence, which may place data;
    a term that "means" something is still a definition."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our claims desk may forward the damage photos to our adjuster in Canada.", {"CA"}),
        ("en", "Our on-call engineers in Kenya may connect to the system at night.", {"KE"}),
        ("de", "Unsere Berater in Kanada können sich auf Ihren Wunsch in Ihr Konto einloggen.", {"CA"}),
    ],
)
def test_roles_data_forwarded_to_a_party_and_people_connecting_to_the_system(scanner, lang, text, expected):
    """Data forwarded, the object between verb and "to", to a party somewhere; people connecting to or logging into
    the system („einloggen") from where they are."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our mail provider is certified under the Data Privacy Framework; however, no data is sent to the US.",
            set(),
        ),
        (
            "de",
            "Unser Mailanbieter ist nach dem Data Privacy Framework zertifiziert, jedoch werden keine Daten in die USA übermittelt.",
            set(),
        ),
        ("en", "Data is not stored outside the EU, but our support staff in India may access it.", {"IN"}),
        (
            "de",
            "Die Daten werden nicht außerhalb der EU gespeichert, aber unser Support in Indien kann darauf zugreifen.",
            {"IN"},
        ),
    ],
)
def test_roles_a_contrast_turning_to_a_denial_turns_to_no_place(scanner, lang, text, expected):
    """A contrast names where data goes only where no denial stands between it and the place."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We work with a sports-science group at a university in Canada. We share with it only aggregated "
            "statistics, which do not identify you.",
            set(),
        ),
        (
            "de",
            "Wir arbeiten mit einem Forschungsinstitut in Kanada zusammen. Mit ihm teilen wir ausschließlich "
            "anonymisierte Statistiken.",
            set(),
        ),
        (
            "en",
            "We work with a research institute in Canada. We share with it your training history and aggregated "
            "statistics.",
            {"CA"},
        ),
        (
            "de",
            "Wir arbeiten mit einem Forschungsinstitut in Kanada zusammen. Ihm übermitteln wir Ihre Trainingsdaten.",
            {"CA"},
        ),
        ("en", "We store your data in the US. It is only anonymised after 30 days.", {"US"}),
    ],
)
def test_roles_a_recipient_limited_to_anonymous_data_by_the_next_sentence(scanner, lang, text, expected):
    """The next sentence, pointing back to the recipient, may limit what it gets to data that identifies no one: its
    place is then where no personal data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # "Only anonymous figures" voids the places of its own clause, not the sentence's others.
        (
            "en",
            "We share your personal data with Acme Inc. in the United States; only aggregated statistics are shared "
            "with advertisers.",
            {"US"},
        ),
        (
            "en",
            "Your support tickets are stored by Acme Inc. in the United States, and only anonymised usage figures go "
            "to our partner in Canada.",
            {"US"},
        ),
        (
            "de",
            "Wir übermitteln Ihre Daten an die Acme Inc. in den USA, an Werbepartner nur anonymisierte Daten.",
            {"US"},
        ),
        ("en", "We send only aggregated statistics to our research partner in Canada.", set()),
        ("de", "Unser Partner in Kanada erhält ausschließlich anonymisierte Statistiken.", set()),
        # The next sentence limits nothing where it adds to a transfer, or speaks to the reader („Ihnen").
        (
            "en",
            "We transfer your account data to Acme Inc. in the United States. We also share with them only anonymous "
            "usage statistics.",
            {"US"},
        ),
        (
            "de",
            "Ihre Kundendaten werden von der Acme Inc. in den USA gespeichert. Auf Wunsch senden wir Ihnen nur "
            "anonymisierte Auswertungen.",
            {"US"},
        ),
        # Everyday verbs that move no data, and where data comes from.
        ("de", "Wir pflegen enge Geschäftsbeziehungen zu Hotels in der Türkei und in Ägypten.", set()),
        ("de", "Ihr Wohnsitz muss in der Schweiz gemeldet sein.", set()),
        ("de", "Ihre Kontaktdaten werden im Konzern-CRM in Mexiko gepflegt.", {"MX"}),
        ("en", "Usage data generated in Canada is covered by this policy.", set()),
        # Semicolons join prose clauses: no cells of a recipient's line, no seat standing for "a third country".
        (
            "en",
            "We look forward to welcoming guests from Canada; our hotel partners handle bookings; United States.",
            set(),
        ),
        (
            "en",
            "Our parent company is based in Switzerland; any transfer to a third country relies on SCCs.",
            {"UNSPECIFIED"},
        ),
    ],
)
def test_roles_review_of_round_24_rules_fire_only_where_they_say(scanner, lang, text, expected):
    """Rules of round 24 as their comments state them: clause-scoped "only anonymous", a limiting next sentence that
    neither adds nor addresses the reader, verbs that move data, semicolons in prose."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Diese Seite wird auf Servern der Quillbrook Inc., 12 Harbor Lane, Portland, OR 97201, USA gehostet.",
            {"US"},
        ),
        ("en", "This site is hosted on servers of Quillbrook Inc., 12 Harbor Lane, Portland, OR 97201, USA.", {"US"}),
        # A postal address to write to places no data.
        ("de", "Bei Fragen schreiben Sie an Quillbrook Inc., 12 Harbor Lane, Portland, OR 97201, USA.", set()),
        ("en", "For questions, write to Quillbrook Inc., 12 Harbor Lane, Portland, OR 97201, USA.", set()),
    ],
)
def test_roles_a_host_at_its_postal_address(scanner, lang, text, expected):
    """A host named with its postal address keeps the site's data there, in German as in English; an address to write
    to is no place of data."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Intelligence agencies of the United States may request access to stored messages.", {"US"}),
        ("de", "US-Sicherheitsbehörden können auf Ihre Daten zugreifen.", {"US"}),
        # Authorities of no country, or of every country but one, and a country as the benchmark of fair rules.
        (
            "en",
            "We will not cooperate with law enforcement unless compelled, or where their rules are as fair as in the US.",
            set(),
        ),
        (
            "en",
            "We will not cooperate with non-US law enforcement unless we are convinced its law is as just as US standards.",
            set(),
        ),
        (
            "de",
            "Mit Strafverfolgungsbehörden arbeiten wir nur zusammen, wenn ihre Regeln so gerecht sind wie in den USA.",
            set(),
        ),
        (
            "de",
            "Mit Nicht-US-Strafverfolgungsbehörden arbeiten wir nur zusammen, wenn ihre Regeln so gerecht sind wie in den USA.",
            set(),
        ),
    ],
)
def test_roles_public_authorities_state_a_transfer_only_through_their_country(scanner, lang, text, expected):
    """Government access is to the country whose authorities the text names; authorities named by no country, or by
    the one they are not of ("non-US law enforcement"), make no other country of the sentence a destination."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Hosting: Quillbrook Inc., 40 Harbour Road, Singapur (Serverstandorte EU).", set()),
        ("en", "Hosting: Quillbrook Inc., Portland, USA (servers in the EU).", set()),
        # Servers outside the EEA too, and a bracket after where data is hosted, not after a seat.
        ("de", "Hosting: Quillbrook Inc., Portland, USA (Serverstandorte EU und USA).", {"US"}),
        ("en", "We host data with Quillbrook Inc. in the USA (and a backup in Ireland).", {"US"}),
        # A bracket after the seat placing a part of the data, not where the company handles it.
        ("en", "Data is hosted by Quillbrook Inc., Seattle, USA (backups stored in Ireland).", {"US"}),
        (
            "de",
            "Das Hosting übernimmt die Quillbrook Inc., Seattle, USA (Sicherungskopien in Irland gespeichert).",
            {"US"},
        ),
        ("en", "Hosting: Quillbrook Inc., Portland, USA (data stored in the EU).", set()),
    ],
)
def test_roles_a_recipients_seat_with_its_servers_in_the_eea(scanner, lang, text, expected):
    """A bracket after a recipient's seat that puts its servers in the EEA alone leaves the seat only where the company
    sits (policies40's rule: a processor placed abroad counts unless the text says it processes in the EEA)."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "These transfers are secured by standard contractual clauses and other measures allowing data transfers "
            "from the EU to other countries.",
            set(),
        ),
        (
            "de",
            "Diese Übermittlungen sind durch Standardvertragsklauseln gesichert, die Datenübermittlungen aus der EU in "
            "andere Länder ermöglichen.",
            set(),
        ),
        # The vendor allowed by the tool to send data there: a transfer left open.
        (
            "en",
            "We rely on standard contractual clauses, which allow us to transfer your data to other countries.",
            {"UNSPECIFIED"},
        ),
        (
            "de",
            "Wir nutzen Standardvertragsklauseln, die es uns ermöglichen, Ihre Daten in andere Länder zu übermitteln.",
            {"UNSPECIFIED"},
        ),
    ],
)
def test_roles_what_a_transfer_tool_allows(scanner, lang, text, expected):
    """Open words describing what a tool allows name no destination; the vendor saying the tool lets it send data
    there does."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "However, the online shop with which you use your login may operate outside the EU/EEA.", set()),
        ("de", "Der Anbieter, bei dem Sie Ihre ID verwenden, kann sich jedoch außerhalb der EU befinden.", set()),
        # The user's counterpart handling the data there, or the vendor's own provider placed there.
        (
            "en",
            "The provider with which you use your account may transfer your data outside the EU/EEA.",
            {"UNSPECIFIED"},
        ),
        ("de", "Unser Hoster befindet sich außerhalb der EU.", {"UNSPECIFIED"}),
    ],
)
def test_roles_a_party_the_user_deals_with_itself(scanner, lang, text, expected):
    """A party named by what the user does with it, and only placed outside the EEA, is the user's own counterpart:
    the vendor sends it nothing."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Within the EU, Example Ireland is a joint controller, and within the UK, Example Platforms is a joint "
            "controller, with us for processing where we collect information about you.",
            set(),
        ),
        (
            "de",
            "Innerhalb der EU ist Example Ireland gemeinsam mit uns verantwortlich, innerhalb des Vereinigten "
            "Königreichs ist Example Platforms gemeinsam mit uns verantwortlich, soweit wir Daten über Sie erheben.",
            set(),
        ),
        # A place the data is stored in stays one, whoever is a controller there.
        ("en", "Your data is stored within the UK by Acme Ltd, a joint controller with us.", {"GB"}),
        # A party named by its status, whose verb says the data is kept there.
        ("en", "Within the United States, Acme Inc., a joint controller, stores your data.", {"US"}),
        (
            "de",
            "Innerhalb der USA speichert die Acme Inc., die gemeinsam mit uns verantwortlich ist, Ihre Daten.",
            {"US"},
        ),
        ("en", "Within the UK, Acme Platforms acts as a controller of your data.", set()),
        (
            "de",
            "Ihre Daten werden innerhalb des Vereinigten Königreichs von der Acme Ltd gespeichert, die gemeinsam mit uns "
            "verantwortlich ist.",
            {"GB"},
        ),
    ],
)
def test_roles_who_is_a_controller_within_a_territory(scanner, lang, text, expected):
    """A fronted "within the UK" scoping who is a (joint) controller there names where a legal status applies, not
    where data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Wir setzen Werkzeuge von Firmen mit Sitz in den USA oder sonstigen datenschutzrechtlich nicht sicheren "
            "Drittstaaten ein.",
            {"US", "UNSPECIFIED"},
        ),
        ("en", "We use tools of companies based in the USA or other unsafe third countries.", {"US", "UNSPECIFIED"}),
        # Denied, the others are no destination either.
        ("de", "Wir übermitteln keine Daten in die USA oder sonstige Drittstaaten.", set()),
        ("en", "We do not transfer data to the USA or other unsafe third countries.", set()),
    ],
)
def test_roles_other_third_countries_beside_a_named_one(scanner, lang, text, expected):
    """ "Other" third countries beside a named one leave the set open, with an adjective between them too."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "In your settings you can choose EEA or non-EEA residency.", set()),
        ("de", "In den Einstellungen wählen Sie einen EWR-Wohnsitz oder einen Nicht-EWR-Wohnsitz.", set()),
        # Where data is kept, and a transfer beside a person's residency.
        ("en", "With US data residency, your data is stored in the United States.", {"US"}),
        ("de", "Wir übermitteln Ihre Daten in die USA, wenn Sie einen US-Wohnsitz haben.", {"US"}),
    ],
)
def test_roles_a_persons_residency_by_its_place(scanner, lang, text, expected):
    """A residency named by its place is where a person lives; "data residency" is where data is kept."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # German verbs that hand data to a party named with its place, the verb closing the clause or far from it.
        ("de", "Störungsmeldungen der Kassensysteme werden an den Hersteller in Kanada gemeldet.", {"CA"}),
        ("de", "Abstürze der App werden an unser Entwicklerteam in Indien gemeldet.", {"IN"}),
        ("en", "Crash reports from the app are sent to our development team in India.", {"IN"}),
        (
            "de",
            "Ihre Vertragsdaten werden dem Versicherer in Liechtenstein und der Rückversicherung in Bermuda zur "
            "Verfügung gestellt.",
            {"BM"},
        ),
        ("de", "Die Schadensfotos stellen wir unserem Gutachterbüro in Serbien zur Bewertung zur Verfügung.", {"RS"}),
        ("de", "Über den Webshop fließen Bestelldaten an den Logistikpartner in Norwegen und der Türkei.", {"TR"}),
        ("de", "Eingescannte Zeugnisse senden wir an die Anerkennungsstelle in Kanada.", {"CA"}),
        ("de", "Ihr Anruf wird nachts von einem Callcenter in Tunesien entgegengenommen.", {"TN"}),
        ("de", "Die Zählerstände werden vom Servicepartner in Serbien aus der Ferne ausgelesen.", {"RS"}),
        # Not a verb of handing data: a service offered, news sent to the reader, a residence registered.
        ("de", "Unser Beratungsteam in Zürich steht Ihnen werktags zur Verfügung.", set()),
        ("de", "Wir senden Ihnen Angebote unserer Partnerhotels in der Türkei.", set()),
        ("de", "Ihr Wohnsitz muss in der Schweiz gemeldet sein.", set()),
        # English: data read by, risks underwritten by, or systems reached remotely by a party at work where it is.
        ("en", "Claims files are underwritten by our partner's team in Toronto.", {"CA"}),
        ("en", "Meter readings may be read by the vendor's support team in Serbia.", {"RS"}),
        ("en", "Engineers at our support centre in Tunis may connect remotely to your kiosk.", {"TN"}),
        ("en", "Staff at our office in Toronto remotely monitor the alarm panels.", {"CA"}),
        # A policy read, and data a team cannot read remotely, are handled nowhere.
        ("en", "Our team in Toronto read this policy before it was published.", set()),
        ("en", "Your messages cannot be read by our support team in Toronto, not even remotely.", set()),
    ],
)
def test_roles_verbs_handing_data_to_a_party_at_its_place(scanner, lang, text, expected):
    """Verbs that hand data to a party or have it work on the data where it is: German participles and separable verbs
    closing the clause („an ... gemeldet", „zur Verfügung gestellt", „entgegengenommen", „ausgelesen", „fließen an",
    „senden ... an"), English "read by", "underwritten by", "connect remotely", "remotely monitor"; not the same words
    where nothing is handed over."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Claims of customers resident in Austria are handled by our service centre in Serbia.", {"RS"}),
        ("de", "Anfragen von Kunden aus Österreich bearbeitet unser Servicezentrum in Serbien.", {"RS"}),
        # The cue's own list still takes every place of it, and a place right after the cue stays where people are.
        ("en", "Customers in the UK, Switzerland or Norway may call our hotline.", set()),
        ("de", "Kunden in der Schweiz und im Vereinigten Königreich erreichen unsere Hotline kostenlos.", set()),
        ("en", "If you live in Canada, your data is handled by our team in Ireland.", set()),
        # A place that names the first more closely is still the cue's.
        ("en", "Residents of the US state of Oregon may opt out of the sale of their data.", set()),
        ("de", "Einwohner des US-Bundesstaats Oregon können dem Verkauf ihrer Daten widersprechen.", set()),
    ],
)
def test_roles_a_cue_that_moves_no_data_stops_at_its_own_place(scanner, lang, text, expected):
    """A cue of a role that moves no data ("resident in", „Kunden aus") claims the place it names first and that
    place's list; a place well after it outside the list is another cue's ("handled by our service centre in Serbia"),
    one a few words after it names the first more closely ("the US state of Oregon")."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Q: Are backups kept outside the EEA? A: No, they stay in our data centre in Austria.", set()),
        ("de", "Frage: Greifen Dienstleister aus Drittländern zu? Antwort: Nein, nur unser Team in Wien.", set()),
        # Answered yes, the question states what it asks and the answer names where.
        ("en", "Q: Are backups kept outside the EEA? A: Yes, backups are kept in Canada.", {"CA"}),
        ("de", "Frage: Werden Daten in den USA gespeichert? Antwort: Ja, beim Hosting-Anbieter in den USA.", {"US"}),
    ],
)
def test_roles_a_question_answered_after_a_label_and_colon(scanner, lang, text, expected):
    """A questionnaire's answer opens with a one-word label and a colon ("A: No", „Antwort: Nein"): the answer is the word
    after it, so a question answered no denies what it asks."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Binding corporate rules are a tool under Article 47 for transfers to third countries within a group.",
            set(),
        ),
        ("en", "The Data Privacy Framework is a self-certification scheme for US organisations.", set()),
        (
            "de",
            "Standardvertragsklauseln sind von der Kommission erlassene Musterklauseln für Übermittlungen in "
            "Drittländer.",
            set(),
        ),
        ("de", "Das Data Privacy Framework ist ein Selbstzertifizierungsverfahren für US-Unternehmen.", set()),
        # The vendor speaking of its own use of the tool moves data.
        (
            "en",
            "The Data Privacy Framework is a self-certification scheme under which our host in the US receives "
            "your data.",
            {"US"},
        ),
        (
            "de",
            "Standardvertragsklauseln sind Musterklauseln, die wir mit unserem Dienstleister in Kanada "
            "abgeschlossen haben, der Ihre Daten speichert.",
            {"CA"},
        ),
        # Nor does a company named by its legal form, whose place the tool serves.
        (
            "en",
            "Standard contractual clauses are model clauses that govern the transfer of customer data to Acme Inc. "
            "in India.",
            {"IN"},
        ),
        (
            "de",
            "Standardvertragsklauseln sind Musterklauseln, die die Übermittlung von Kundendaten an die Acme Inc. in "
            "Indien regeln.",
            {"IN"},
        ),
    ],
)
def test_roles_a_tool_explained_moves_no_data(scanner, lang, text, expected):
    """A sentence that opens with a tool's name and says what the tool is („sind ... Musterklauseln", "is a
    self-certification scheme") moves no data, unless the vendor speaks in it of its own transfers or it names a
    company."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Our licensor, headquartered in Toronto, receives quarterly usage reports naming each subscriber.",
            {"CA"},
        ),
        (
            "de",
            "Der Lizenzgeber mit Hauptsitz in Toronto erhält vierteljährliche Nutzungsberichte mit Namen der "
            "Abonnenten.",
            {"CA"},
        ),
        # No report received, or one the seated party publishes, hands it no data.
        ("en", "Our licensor, headquartered in Toronto, receives no reports about subscribers.", set()),
        ("de", "Der Lizenzgeber mit Hauptsitz in Toronto veröffentlicht jährlich Geschäftsberichte.", set()),
    ],
)
def test_roles_a_seated_party_receiving_reports_on_people(scanner, lang, text, expected):
    """Reports and lists naming people („Nutzungsberichte mit Namen", "usage reports naming each subscriber") are data
    that a party, right after its seat, is said to receive."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Data subjects in Switzerland may sue for their rights in Switzerland under these clauses.", set()),
        ("de", "Betroffene in der Schweiz können ihre Rechte auch vor Gerichten in der Schweiz geltend machen.", set()),
        (
            "en",
            "Where Canadian law (and not the law in any EEA jurisdiction or Switzerland) governs the transfer, the "
            "addendum applies.",
            set(),
        ),
    ],
)
def test_roles_a_cue_that_moves_no_data_keeps_its_country_named_again_and_its_joined_place(
    scanner, lang, text, expected
):
    """A cue that moves no data still claims its own country named again later ("in Switzerland ... in Switzerland") and
    a place joined to its own a few words on ("the law in any EEA jurisdiction or Switzerland")."""
    assert destinations(scanner, text, lang) == expected


# Round 26, real privacy policies: a country that only names a law, a territory, a programme or a requester is no
# destination; data taken "out of" a place or "across national borders" goes somewhere open.
@pytest.mark.parametrize(
    ("lang", "text"),
    [
        # US state law sections: the state as lawmaker, by its possessive law, and a country's state-specific rules.
        ("en", "In some cases, Ohio requires that we describe our categories of information with other names."),
        ("de", "In manchen Fällen verlangt Kalifornien, dass wir die Kategorien der Daten anders benennen."),
        ("en", "Oregon's Consumer Privacy Act gives residents the right to ask which data we hold."),
        ("en", "Please see the U.S. state-specific privacy notices further below."),
        ("en", "Some rights depend on US state privacy laws that differ from one another."),
        # A heading limited to places in a bracket.
        ("en", "Your Choices (EEA, UK and Switzerland only): you may object to our processing at any time."),
        ("de", "Ihre Rechte (nur EWR und Schweiz): Sie können der Verarbeitung jederzeit widersprechen."),
        # Where the people asking are, in figures on privacy requests.
        ("en", "We publish how many of the privacy requests we received and processed in Canada were granted."),
        # A programme run in a place, and a country that recognises another's protection.
        ("en", "Data used for our loyalty programme in Canada is described in a separate notice."),
        ("de", "Die Daten zu unserem Bonusprogramm in Kanada beschreibt ein eigener Hinweis."),
        (
            "en",
            "The data processed for the operation of that delivery robot programme in Canada is described elsewhere.",
        ),
        (
            "en",
            "Where data goes to a country not recognized by Switzerland as adequate, we sign contractual clauses.",
        ),
        # The EEA's EFTA states in a list of where people are: the UK beside them is where they are too.
        (
            "en",
            "If you are in the European Union, the EFTA States or the United Kingdom and have concerns about our data "
            "processing, you may contact your supervisory authority.",
        ),
        # A provider by its country, said to be subject to that country's law.
        ("de", "Als kanadischer Anbieter unterliegt die Beispiel Inc. dem kanadischen Recht."),
    ],
)
def test_roles_places_of_laws_headings_programmes_and_requests_are_no_destinations(scanner, lang, text):
    """A state's law, a bracketed heading's territory, a programme's market and where requests come from name no
    destination."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "To run the service we may need to move your personal data out of the EEA.", {"UNSPECIFIED"}),
        ("en", "We may have to transfer your information out of Japan to serve you.", {"UNSPECIFIED"}),
        ("en", "Your details may be transferred across national borders to our partners.", {"UNSPECIFIED"}),
        ("en", "Where we send your data beyond the European Union, we use contractual clauses.", {"UNSPECIFIED"}),
        ("de", "Ihre Daten können zu diesem Zweck grenzüberschreitend übermittelt werden.", {"UNSPECIFIED"}),
        ("de", "Benachrichtigungen können dabei technisch bedingt global geroutet werden.", {"UNSPECIFIED"}),
        # What an authority's guidance says of transfers is a rule, not a disclosure.
        (
            "en",
            "The data protection board has issued guidance that data transferred out of the EU must keep the same "
            "protection.",
            set(),
        ),
        (
            "de",
            "Der Datenschutzausschuss hat Leitlinien herausgegeben, wonach außerhalb der EU übermittelte Daten gleich "
            "geschützt bleiben müssen.",
            set(),
        ),
        # A named place keeps its role beside these cues.
        ("en", "Transfers to Canada require that we sign contractual clauses.", {"CA"}),
        (
            "de",
            "Die Daten werden an unseren Anbieter in den USA übermittelt und unterliegen dort dem CLOUD Act.",
            {"US"},
        ),
        ("en", "We store the data of our loyalty programme on servers in Canada.", {"CA"}),
        # A programme the data is shared with receives it there; a country recognised by another is where data goes.
        ("en", "We share your data with our loyalty programme in the United States.", {"US"}),
        ("de", "Wir geben Ihre Daten an unser Partnerprogramm in den USA weiter.", {"US"}),
        ("en", "We send your data to our partners in Japan, recognised by the European Commission.", {"JP"}),
        ("de", "Wir übermitteln Ihre Daten nach Kanada, anerkannt von der EU-Kommission als angemessen.", {"CA"}),
        # A bracket that says where data is, not only which places a passage is for.
        ("en", "Your data is stored in Germany (backups in the United States only).", {"US"}),
        ("en", "Customer Data is stored in Frankfurt (support access from India only).", {"IN"}),
        ("de", "Die Sicherungskopien werden gespeichert (nur in den USA).", {"US"}),
    ],
)
def test_roles_data_taken_out_of_a_place_or_across_borders_is_open(scanner, lang, text, expected):
    """ "out of the EEA", "out of Japan", "across national borders", "beyond the EU", „grenzüberschreitend übermittelt"
    and „global geroutet" say that data goes somewhere the text does not name."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Lernplattform wird Nutzern in der Türkei zur Verfügung gestellt.", set()),
        ("de", "Die Vorlesen-Funktion wird den Nutzern in den USA zur Verfügung gestellt.", set()),
        ("en", "The reading feature is made available to users in the United States.", set()),
        # Data put at a party's disposal still goes there.
        ("de", "Ihre Bestelldaten werden unserem Versandpartner in der Türkei zur Verfügung gestellt.", {"TR"}),
        ("en", "Your order data is made available to our shipping partner in Turkey.", {"TR"}),
    ],
)
def test_roles_a_place_s_article_does_not_put_a_cue_before_it_further_away(scanner, lang, text, expected):
    """The article of a place („in der Türkei") is the place's: people named right before it ("users in") claim it as
    near as a verb closing the clause right after it („zur Verfügung gestellt"), and a tie goes to the cue before."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Erlöse aus dem Ticketverkauf fließen an eine Stiftung in der Schweiz.", set()),
        ("de", "Ein Teil der Einnahmen fließt an unsere Partnerorganisation in Kenia.", set()),
        ("de", "Spenden leiten wir vollständig an ein Kinderhilfswerk in Peru weiter.", set()),
        ("de", "Unsere Kataloge senden wir kostenlos an Interessenten in den USA.", set()),
        ("en", "All proceeds from the raffle flow to a wildlife charity in Kenya.", set()),
        ("en", "A share of the subscription revenue goes to our content partner in Canada.", set()),
        ("en", "Donations are sent to a relief foundation in the United States each quarter.", set()),
        ("en", "Our quarterly magazine is read by architects in Norway and the United States.", set()),
        # Data flowing or sent beside money still goes there.
        ("de", "Dabei fließen Ihre Nutzungsdaten an den Anbieter in den USA.", {"US"}),
        ("de", "Ihre Spendenquittung und Ihren Namen senden wir an die Partnerstiftung in den USA.", {"US"}),
        ("en", "Your name and the amount you give are sent to our partner charity in the United States.", {"US"}),
        # Money moved with the personal data named beside it: the data goes there too.
        ("de", "Spenden leiten wir mit Namen und Anschrift der Spender an eine Stiftung in den USA weiter.", {"US"}),
        ("en", "Donations are sent to a foundation in the USA together with the donor's name and address.", {"US"}),
    ],
)
def test_roles_money_or_printed_goods_moved_send_no_data(scanner, lang, text, expected):
    """A sentence that moves money or printed goods („Erlöse fließen an", "donations are sent to", "the magazine is read
    by") sends no data to the party it names at its place, unless it names personal data that goes along ("with the
    donor's name")."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We offer remote sessions to clients in Switzerland and Austria.", set()),
        ("en", "Remote access for customers in Canada is set up by our Berlin office.", set()),
        ("de", "Unsere Kundenbetreuung berät Praxen in Österreich auch aus der Ferne.", set()),
        # Reached from a place, or by a party at work there.
        ("en", "Our engineers may remotely access the system from Ukraine.", {"UA"}),
        ("en", "The vendor's technicians can connect remotely to the system from Turkey.", {"TR"}),
        ("en", "Our support engineers in Serbia may remotely access your account.", {"RS"}),
        ("de", "Der Hersteller wartet die Geräte aus der Ferne aus Taiwan.", {"TW"}),
        ("de", "Techniker des Herstellers in Serbien greifen bei Störungen aus der Ferne auf die Anlage zu.", {"RS"}),
    ],
)
def test_roles_work_from_afar_is_where_the_people_reaching_the_data_are(scanner, lang, text, expected):
    """Access from afar ("remote sessions", „aus der Ferne") places the data where the people reaching it are, a place
    "from" („aus") names or a party at work there; not where those it serves are."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Nachts werden die Aufnahmen der Hofkameras an einen Wachdienst in Marokko gestreamt.", {"MA"}),
        ("de", "Die Messwerte der Waage werden in die Cloud des Anbieters in Oregon hochgeladen.", {"US"}),
        (
            "de",
            "Im Herbst werden die Kundenkonten zu einem neuen Rechenzentrumsbetreiber nach Serbien umgezogen.",
            {"RS"},
        ),
        ("de", "Fotos, die Sie auf Reisen in Brasilien aufnehmen, können Sie jederzeit in Ihr Album hochladen.", set()),
        ("de", "Schadensmeldungen können an die Rechtsabteilung des Rückversicherers in Japan gehen.", {"JP"}),
        ("de", "Beantragen Sie ein Visum, geht Ihr Antrag an die Agentur mit Sitz in Indien, die ihn prüft.", {"IN"}),
        ("en", "Our gate readers upload badge scans to the installer's portal in Mexico.", {"MX"}),
        ("en", "You can upload holiday photos to your album while travelling in Brazil.", set()),
        # Not „es" or a time between the verb and „an", nor an infinitive's "to" after the upload.
        ("de", "Danach geht es an die Arbeit in unserem Büro in der Schweiz.", set()),
        ("de", "Der Preis geht in diesem Jahr an ein Team aus Kanada.", set()),
        ("de", "Unser Newsletter geht monatlich an Abonnenten in Österreich und der Schweiz.", set()),
        ("de", "Im Schadensfall gehen Ihre personenbezogenen Daten an unseren Rückversicherer in Japan.", {"JP"}),
        # A subject that is data without its article, and the verb denied.
        ("de", "Nachts gehen Anfragen an unser Team in Manila.", {"PH"}),
        ("en", "At night, support tickets are passed to our team in Manila.", {"PH"}),
        ("de", "Die Aufnahmen bleiben in Irland; sie gehen nicht an Dienstleister in den USA.", set()),
        ("en", "The recordings stay in Ireland; they are not passed to providers in the USA.", set()),
        # Nor a verb closing a clause after „an ..." that ends before it („teilnehmen oder danach wandern gehen").
        ("de", "Sie können an Führungen in der Schweiz teilnehmen oder danach wandern gehen.", set()),
        ("en", "Creators upload short clips to reach audiences in Mexico.", set()),
        ("en", "The cameras stream footage to a monitoring firm in Morocco.", {"MA"}),
    ],
)
def test_roles_data_streamed_uploaded_or_moved_to_a_place(scanner, lang, text, expected):
    """Data streamed, uploaded or moved to a party („gestreamt", „hochgeladen", „umgezogen", "upload ... to"), a German
    verb after a long party („an die Rechtsabteilung des Rückversicherers in Japan gehen") or before its subject („geht Ihr
    Antrag an") go where the sentence puts them."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Transfers to the US are made under the SCCs; we do not transfer data for marketing purposes.", {"US"}),
        ("en", "Our support team in Manila can access your tickets; no health data is transferred.", {"PH"}),
        ("en", "Our support team in India can access your data; we make no other transfers outside the EEA.", {"IN"}),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln; zu Werbezwecken "
            "übermitteln wir keine Daten.",
            {"US"},
        ),
        (
            "de",
            "Unser Support in Indien kann auf Ihre Tickets zugreifen; Gesundheitsdaten übermitteln wir nicht.",
            {"IN"},
        ),
        # A part that moves no data places nothing for the denial to leave standing.
        (
            "en",
            "The lamps are built for us by a contract manufacturer in Taiwan; no customer data is shared with the "
            "manufacturer for production purposes.",
            set(),
        ),
        (
            "de",
            "Die Lampen werden von einem Auftragsfertiger in Taiwan gebaut; Kundendaten geben wir für Produktionszwecke "
            "nicht an den Hersteller weiter.",
            set(),
        ),
        # The limited denial still denies the places of its own clause.
        ("en", "Transfers to the US are made under the SCCs; we do not transfer health data to China.", {"US"}),
        (
            "de",
            "Übermittlungen in die USA erfolgen auf Grundlage der Standardvertragsklauseln; nach China übermitteln "
            "wir keine Gesundheitsdaten.",
            {"US"},
        ),
        # A denial of all transfers beside a place, or a limited one with no place beside it, denies as before.
        ("en", "We do not transfer data to the US; we do not transfer data for marketing purposes.", set()),
        ("de", "Wir übermitteln keine Daten in die USA; Gesundheitsdaten verarbeiten wir nicht.", set()),
    ],
)
def test_roles_a_denial_limited_by_purpose_or_kind_leaves_the_place_beside_it(scanner, lang, text, expected):
    """A part after a semicolon that denies transfers for a purpose or of a kind of data ("for marketing purposes",
    „Gesundheitsdaten") or other transfers only denies those: the place another part sends data to stands, as it does
    when a full stop parts the two."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Our helpdesk team in Manila can read your tickets.", {"PH"}),
        ("en", "Our helpdesk team in Manila can read your tickets; no payment data is shared.", {"PH"}),
        ("en", "Voice samples are evaluated by linguists working for our contractor in Ghana.", {"GH"}),
        ("en", "At weekends, calls to our service line are diverted to a call centre in Morocco.", {"MA"}),
        ("de", "Unser Helpdesk-Team in Manila kann Ihre Tickets lesen.", {"PH"}),
        ("de", "Unsere Administratoren in Belgrad lesen die Serverprotokolle jede Nacht aus.", {"RS"}),
        ("de", "Der Verein lagert die Mitgliederverwaltung an eine Servicegesellschaft in Albanien aus.", {"AL"}),
        ("de", "Kundendaten werden von der Filiale an ihre Rechtsabteilung in Tirana weitergereicht.", {"AL"}),
        (
            "de",
            "Am Wochenende werden Anrufe bei unserer Servicenummer auf ein Callcenter in Marokko umgeleitet.",
            {"MA"},
        ),
        (
            "de",
            "Verdachtsfälle tauschen wir mit unserem Dienstleister für Zahlungssicherheit in Singapur aus.",
            {"SG"},
        ),
        ("de", "Ihre Belege werden in einem Dokumentenspeicher in Seoul abgelegt.", {"KR"}),
        ("de", "Die Kontaktdaten der Händler stellen wir unserem Großhändler in Serbien bereit.", {"RS"}),
        (
            "de",
            "Auf Ihren Wunsch schaltet sich ein Techniker aus unserem Servicecenter in Manila auf Ihren Rechner auf.",
            {"PH"},
        ),
        # Reading an infinitive or a document names no one at work on the data.
        ("en", "You can read our annual report in English.", set()),
        ("de", "Die Produktbeschreibung können Sie in Ihrer Sprache lesen.", set()),
        ("en", "Employees in India can read the handbook.", set()),
        ("de", "Mitarbeitende in Indien können das Handbuch lesen.", set()),
        ("de", "Unser Vertriebsteam in Singapur liest die Produktpläne.", set()),
        ("en", "Our team in Manila can read the support tickets.", {"PH"}),
        ("de", "Unser Team in Manila liest eingehende Kundenanfragen.", {"PH"}),
    ],
)
def test_roles_a_party_reading_judging_or_taking_over_the_data_is_where_it_goes(scanner, lang, text, expected):
    """A party at work that reads, evaluates or takes over the data ("can read your tickets", "diverted to a call
    centre", „lagert ... aus", „liest ... aus", „tauschen ... aus", „stellen wir ... bereit") puts the data where it is,
    however far the particle closing the German clause stands."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Ab Mai stellen wir Nutzern in Brasilien eine eigene App bereit.", set()),
        ("de", "Wir tauschen uns mit Nutzern in Kanada über neue Funktionen aus.", set()),
        ("de", "Die Kundendaten stellen wir unserer Muttergesellschaft in den USA bereit.", {"US"}),
        ("de", "Verdachtsfälle tauschen wir mit unserem Dienstleister für Zahlungssicherheit in Singapur aus.", {"SG"}),
    ],
)
def test_roles_people_inside_a_german_verb_and_its_particle_keep_their_place(scanner, lang, text, expected):
    """„stellen wir Nutzern in Brasilien eine App bereit": the verb and its particle close around the place, but the
    people named right before it are where they are; a party there („unserer Muttergesellschaft in den USA") still
    receives the data."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We migrated all backups from our old data centre in Virginia to a provider in Frankfurt.", set()),
        ("en", "We moved from our former host in Germany to a data centre in Canada.", {"CA"}),
        ("de", "Wir sind vom alten US-Hoster zu einem Anbieter in Frankfurt umgezogen.", set()),
        ("de", "Wir sind von unserem früheren Anbieter in Kanada zu einem Anbieter in den USA umgezogen.", {"US"}),
        # Nothing moves: staff at work from a former site are where the data goes.
        ("en", "Support engineers access customer data from the old support centre in Manila.", {"PH"}),
        ("de", "Unsere Techniker greifen vom alten Standort in Manila aus per Fernwartung auf die Daten zu.", {"PH"}),
    ],
)
def test_roles_a_place_data_moves_away_from_is_no_destination(scanner, lang, text, expected):
    """ "from our old data centre in ...", „vom alten US-Hoster": the data leaves that place; where it moves to stands.
    Only where data moves: "access the data from the old support centre in ..." reaches it from there."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Apart from order data, we share no data with our courier in Canada.", {"CA"}),
        ("en", "We pass only booking details and never payment data to our partner hotel in Serbia.", {"RS"}),
        ("en", "We do not share any data other than booking details with our partner in Serbia.", {"RS"}),
        ("en", "We do not share booking data with our partner in Serbia.", set()),
        ("de", "Außer Buchungsdaten übermitteln wir keine Daten an unser Partnerhotel in Serbien.", {"RS"}),
    ],
)
def test_roles_a_denial_that_leaves_out_some_data_in_one_clause_keeps_its_place(scanner, lang, text, expected):
    """A denial in one clause that names the data it leaves out ("apart from order data ... no data", "only booking
    details and never payment data") still sends that data to the place."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Server logs with IP addresses are shipped to a monitoring service in Oregon.", {"US"}),
        ("en", "Orders are shipped to customers in Norway.", set()),
    ],
)
def test_roles_data_described_before_it_is_shipped_goes_there(scanner, lang, text, expected):
    """Logs shipped, their content described between ("logs with IP addresses are shipped to"), are data, not goods."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Sie können Ihre Urlaubsbilder auch unterwegs in Thailand hochladen.", set()),
        ("de", "Die Lesungen werden aus einem Tonstudio in Kanada gestreamt.", set()),
        ("de", "Die Scans werden auf einen Server des Anbieters in Kanada hochgeladen.", {"CA"}),
        ("de", "Die Fahrtenbücher werden zu einem Dienstleister in Indien hochgeladen.", {"IN"}),
        # „nach" far from the verb is a time, not a direction.
        ("de", "Die Fotos werden nach Ihrem Urlaub in Thailand hochgeladen.", set()),
        ("de", "Die Aufnahmen werden jede Nacht nach Sri Lanka hochgeladen.", {"LK"}),
    ],
)
def test_roles_german_upload_or_stream_goes_only_towards_a_place(scanner, lang, text, expected):
    """„hochladen", „gestreamt" send data to a place named with „an", „zu", „nach" or „in"/„auf" and the accusative; not
    to where the user is („unterwegs in Thailand hochladen") or the stream comes from („aus einem Tonstudio in Kanada")."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Gewinnt ein Verein aus Peru, geht der Pokal an ein Team aus Peru.", set()),
        ("de", "Im Schadensfall geht der Antrag an unseren Rückversicherer in Japan.", {"JP"}),
        ("de", "Nachts gehen die Kundenanfragen an unser Team in Manila.", {"PH"}),
    ],
)
def test_roles_german_verb_first_goes_to_a_party_only_with_data_as_subject(scanner, lang, text, expected):
    """„geht der Antrag an ...": the verb before its subject sends data when the subject after the article is data or a
    record of it, not a cup or a prize („geht der Pokal an ein Team aus Peru")."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Background screening is carried out by Vettora Ltd., Manchester, which receives your name.", {"GB"}),
        ("en", "Background screening is carried out by Vettora Ltd., Manchester, which has its own website.", set()),
        (
            "de",
            "Die Belege werden von einem Prüfdienst auf den Bermudas geprüft, der dafür die Rechnungsdaten erhält.",
            {"BM"},
        ),
        (
            "de",
            "Die Prüfung führt die Vettora Ltd. mit Sitz in Manchester durch, der wir Ihren Namen mitteilen.",
            {"GB"},
        ),
        (
            "de",
            "Den Druck übernimmt die Printora LLC, eine Gesellschaft nach dem Recht von Delaware, die dafür Namen, "
            "Anschrift und Bestellnummer erhält.",
            {"US"},
        ),
        ("de", "Die Printora LLC ist eine Gesellschaft nach dem Recht von Delaware, die Bücher druckt.", set()),
    ],
)
def test_roles_a_party_a_relative_clause_has_receive_the_data_is_where_it_goes(scanner, lang, text, expected):
    """A party whose place a relative clause after it has receive or handle the data is a recipient where it sits, however
    the place is tied to it ("X Ltd., Manchester, which ...", „auf den Bermudas, der ...", „nach dem Recht von Delaware,
    die ...", „der wir ... mitteilen"); "carried out by", „von einem ... geprüft" make it no source."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Attachments are kept in our ticketing tool, whose data resides in Canada.", {"CA"}),
        ("en", "Your personal data will reside in Canada.", {"CA"}),
        ("en", "Customers who reside in Canada can reach our support team by phone.", set()),
    ],
)
def test_roles_data_residing_somewhere_is_kept_there(scanner, lang, text, expected):
    """ "resides in" names where people live, unless data resides there."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Bestellungen senden wir nach Neuseeland.", {"NZ"}),
        ("de", "Wir schicken Ihre Fotos zur Bearbeitung nach Kanada.", {"CA"}),
        ("de", "Wir senden Ihnen einmal im Monat einen Newsletter.", set()),
    ],
)
def test_roles_german_sending_to_a_country(scanner, lang, text, expected):
    """„senden"/„schicken" with „nach" send data to the country, as with „an" a party."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Die Fertigung lagern wir an ein Werk in Vietnam aus.", set()),
        ("de", "Die Buchhaltung lagern wir an einen Dienstleister in Vietnam aus.", {"VN"}),
        ("en", "We outsource production to a plant in Vietnam.", set()),
    ],
)
def test_roles_manufacturing_handed_to_a_plant_moves_no_data(scanner, lang, text, expected):
    """Production outsourced to a plant is goods, not personal data; other work outsourced still is."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We process the personal data of members residing in Peru when they book a course.", set()),
        ("en", "We process the contact data of guests living in Peru.", set()),
        ("en", "Your booking data will normally reside in Peru.", {"PE"}),
        ("de", "Wir verarbeiten die Buchungsdaten von Mitgliedern, die in Peru leben.", set()),
    ],
)
def test_roles_data_of_people_residing_somewhere_comes_from_there(scanner, lang, text, expected):
    """ "the data of members residing in Peru": the people reside there, which is where the data comes from; only data
    that is itself the subject, a modal or adverb between at most, resides where it is kept."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "We obtain your postal address from Listora Inc. in Peru, which receives it from public registers.",
            set(),
        ),
        (
            "de",
            "Wir erhalten Ihre Anschrift von einem Adressverlag in Peru, der sie aus öffentlichen Verzeichnissen erhält.",
            set(),
        ),
        (
            "de",
            "Wir erhalten Ihre Bestellung und übermitteln sie an einen Versender in Peru, der die Lieferdaten erhält.",
            {"PE"},
        ),
        ("en", "Your order is received from you by Kestrel Inc. in Peru, which stores it.", {"PE"}),
    ],
)
def test_roles_a_party_the_vendor_receives_data_from_is_a_source(scanner, lang, text, expected):
    """The party after "we obtain ... from", „wir erhalten ... von" is where the data comes from, whatever its relative
    clause says it receives; a party the data is passed on to after being received, or the one "by" whom it is
    received, is a recipient still."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("de", "Unser Versanddienstleister speichert Ihre Adresse in Kanada.", {"CA"}),
        ("de", "Die Brieftaube Mail Inc. speichert Ihre Adresse in den USA.", {"US"}),
        ("de", "Wir übermitteln Ihre Anschrift in die USA.", {"US"}),
        ("de", "Unser Dienstleister speichert Ihre neue Postanschrift und Ihren Namen in Kanada.", {"CA"}),
        ("en", "Brieftaube Mail Inc. stores your mailing address in the United States.", {"US"}),
        ("en", "Our fulfilment partner processes your postal address in Canada.", {"CA"}),
        # An address with no verb storing or sending it, or one goods are sent to, is where someone lives.
        ("de", "Ihre Adresse in Kanada geben Sie bei der Bestellung an.", set()),
        ("de", "Wir senden Ihre Bestellung an Ihre Adresse in Kanada.", set()),
        ("en", "Your postal address in Canada is entered at checkout.", set()),
        ("en", "We send your parcel to your mailing address in Canada.", set()),
    ],
)
def test_roles_an_address_stored_or_sent_is_data_not_a_seat(scanner, lang, text, expected):
    """„speichert Ihre Adresse in Kanada", "stores your mailing address in the US": the address after a storing or
    sending verb is the data, and the place after it where the data is; an address given or delivered to stays one."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "We rely on Quillpost, based in the United States, for sending newsletters.", {"US"}),
        ("en", "For sending newsletters we rely on Quillpost based in Australia.", {"AU"}),
        ("de", "Für den Versand stützen wir uns auf Quillpost mit Sitz in den USA.", {"US"}),
        ("de", "Wir stützen uns dabei auf die Quillpost Pty Ltd mit Sitz in Australien.", {"AU"}),
    ],
)
def test_roles_a_company_relied_on_is_one_used(scanner, lang, text, expected):
    """ "we rely on X, based in the US", „wir stützen uns auf X mit Sitz in den USA": a company relied on for the work
    is a service used, its seat where the data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected", "tool"),
    [
        ("en", "We rely on the SCCs for transfers to the US.", {"US"}, "scc"),
        ("en", "We rely on the adequacy decision for Japan.", set(), "adequacy"),
        ("de", "Wir stützen uns auf den Angemessenheitsbeschluss für Japan.", set(), "adequacy"),
        ("de", "Für Übermittlungen in die USA stützen wir uns auf die Standardvertragsklauseln.", {"US"}, "scc"),
    ],
)
def test_roles_a_tool_relied_on_stays_a_tool(scanner, lang, text, expected, tool):
    """A tool relied on names no recipient: its places are the transfer's, or the tool's own."""
    report = scan(scanner, text, lang)
    assert {t.destination for t in report.transfers} == expected
    assert set(report.mechanisms) == {tool}
    assert not report.recipients


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "We rely on this certification for the data we receive from Switzerland."),
        ("de", "Wir stützen uns auf diese Zertifizierung für Daten, die wir aus der Schweiz erhalten."),
    ],
)
def test_roles_reliance_for_data_received_places_no_recipient(scanner, lang, text):
    """Where the sentence receives the data, the place after "rely on" is where it comes from."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Records sent to the United States require us to sign SCCs with Brightwick.", {"US"}),
        ("en", "Data sent to Japan requires us to keep a transfer log.", {"JP"}),
        ("de", "Daten, die Tallowby in die USA sendet, erfordern Standardvertragsklauseln.", {"US"}),
        ("en", "In some cases, California requires that Brightwick use other names.", set()),
        ("en", "The GDPR requires us to sign SCCs for transfers.", set()),
        ("de", "Kalifornien verlangt, dass Tallowby andere Namen verwendet.", set()),
    ],
)
def test_roles_a_place_after_a_preposition_makes_no_law(scanner, lang, text, expected):
    """ "California requires that ...": a place as the subject of "requires" is a lawmaker; after a preposition ("sent to
    the United States requires us to use SCCs") it is where the data goes."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Order data may go to our fulfilment partner in Singapore.", {"SG"}),
        ("en", "Account details can also go to our support centre in India.", {"IN"}),
        ("en", "Your refund may go through within a few days in Singapore.", set()),
    ],
)
def test_roles_data_that_may_go_somewhere_goes_there(scanner, lang, text, expected):
    """ "payment data may go to our processor in the US": data that may go to a party goes where it is; a payment that
    goes through moves no data."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("en", "Brightwick keeps your mailing address in Australia.", {"AU"}),
        ("en", "We keep the customer records in Canada.", {"CA"}),
        ("en", "We keep you informed about our shops in Australia.", set()),
        ("de", "Tallowby speichert Ihren Namen und Ihre Anschrift in Kanada.", {"CA"}),
        ("de", "Wir speichern Ihre E-Mail-Adresse, Ihren Namen und Ihre Adresse in Australien.", {"AU"}),
        ("en", "We store your name and your address in Canada.", {"CA"}),
        ("de", "Wir senden Ihre Bestellung und Ihre Rechnung an Ihre Adresse in Kanada.", set()),
        ("de", "Ihren Namen und Ihre Adresse in Kanada geben Sie bei der Bestellung an.", set()),
    ],
)
def test_roles_an_address_kept_or_listed_is_stored(scanner, lang, text, expected):
    """ "we keep your address in Australia", „speichert Ihren Namen und Ihre Anschrift in Kanada": an address kept, or
    later in a list of stored objects, is data stored there, not where someone lives; an address goods go to stays one."""
    assert destinations(scanner, text, lang) == expected


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "en",
            "In Argentina, the Agency for Access to Public Records, as the supervisory authority, deals with "
            "complaints about the protection of personal data.",
        ),
        (
            "de",
            "In Argentinien ist die Agentur für Zugang zu Öffentlichen Akten als Aufsichtsbehörde für Beschwerden "
            "zuständig.",
        ),
    ],
)
def test_roles_a_transfer_word_in_a_public_bodys_name_is_no_destination(scanner, lang, text):
    """ "the Agency for Access to Public Records" / „die Agentur für Zugang zu ...": a transfer word ("Access",
    „Zugang zu") capitalised inside the title-case name of a public body names the body, which hears complaints and
    receives no data (GUIDELINES.md: a complaint authority is no destination)."""
    assert destinations(scanner, text, lang) == set()


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Our support office in Argentina may Access your account data to answer your questions."),
        ("de", "Unser Support-Büro in Argentinien hat Zugang zu Ihren Kontodaten, um Ihre Fragen zu beantworten."),
    ],
)
def test_roles_access_from_a_country_outside_a_bodys_name_is_a_destination(scanner, lang, text):
    """The same transfer words said of staff reaching the data from a country, in no body's name, place it there."""
    assert destinations(scanner, text, lang) == {"AR"}


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "All Customer Data Is Transferred To The Velmora Council Servers In Singapore."),
        ("de", "Alle Kundendaten Werden Übermittelt An Die Velmora Behörde Server In Singapur."),
    ],
)
def test_roles_a_transfer_word_before_a_bodys_word_in_title_case_is_a_destination(scanner, lang, text):
    """A body's word after the transfer word ("Transferred To The Velmora Council Servers") is where data goes, not the
    name the word is part of: only a body's word before it ("the Agency for Access to ...") makes it a name."""
    assert destinations(scanner, text, lang) == {"SG"}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Customer data is hosted by Examplehost SAS in France, superseding the host in Zurich, Switzerland.",
            set(),
        ),
        (
            "de",
            "Die Kundendaten speichert die Beispielhost SAS in Frankreich, anstelle des Anbieters in Zürich, Schweiz.",
            set(),
        ),
        # The place after the one replaced is the new party's.
        ("de", "Die Kundendaten werden statt in Frankfurt künftig in den USA gespeichert.", {"US"}),
        # The party brought in with "with" or named after "statt" is the new one.
        ("en", "We are replacing our French host with Examplehost Inc. in the United States.", {"US"}),
        (
            "de",
            "Die Kundendaten speichert statt eines Anbieters in Frankreich nun die Beispielhost Inc. in den USA.",
            {"US"},
        ),
    ],
)
def test_roles_the_party_a_new_one_supersedes_is_gone(scanner, lang, text, expected):
    """ "superseding the host in Zurich, Switzerland", „anstelle des Anbieters in Zürich, Schweiz": the place, city and
    country, is that of the party replaced, not where data goes."""
    assert destinations(scanner, text, lang) == expected
