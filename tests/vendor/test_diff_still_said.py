"""dpcheck diff: a value one version's reading found that the other version's text still says in the same role
is no change (dpcheck/changes/still.py); English and German, our own sentences."""

from __future__ import annotations

import pytest

from dpcheck.changes.compare import compare
from dpcheck.changes.model import Passage
from dpcheck.changes.snapshot import Named, Terms

ROW = {"en": "| Tessaly | USA | Newsletter delivery |", "de": "| Tessaly | USA | Versand des Newsletters |"}

# The old version's sentences about Tessaly: (said in the same role, not said so).
OLD_SAYS = {
    "en": (
        [
            "## Your choices\n\nWe use Tessaly to send our newsletter; you can opt out of it at any time.",
            "## Advertising\n\nOur partner Tessaly receives your details to show you ads; you can opt out in your settings.",
            "## Newsletter\n\nWe use Tessaly for our newsletter and not for ads.",
        ],
        [
            "## Your choices\n\nOpt-out links: Tessaly, Brisk Ads.",
            "## Sharing\n\nWe do not share your details with Tessaly.",
            "## Newsletter\n\nWe no longer use Tessaly for our newsletter in the app.",
            "## Sources\n\nWe add details we receive from Tessaly to your profile.",
            "## Plug-ins\n\nYou may choose to share posts through buttons offered by Tessaly.",
            "## Cookies\n\nTessaly cookies count visits so that we can see which of our many pages people use most.",
        ],
    ),
    "de": (
        [
            "## Ihre Wahl\n\nWir nutzen Tessaly für den Versand unseres Newsletters; Sie können ihn jederzeit abbestellen.",
            "## Werbung\n\nDie Weitergabe Ihrer Daten an Tessaly können Sie in den Einstellungen abwählen; wir teilen "
            "sie sonst mit Tessaly.",
            "## Newsletter\n\nWir nutzen Tessaly für den Newsletter und nicht für Werbung.",
        ],
        [
            "## Ihre Wahl\n\nLinks zum Abmelden: Tessaly, Brisk Ads.",
            "## Weitergabe\n\nWir geben Ihre Daten nicht an Tessaly weiter.",
            "## Newsletter\n\nWir nutzen Tessaly für den Newsletter in der App seit dem Frühjahr nicht mehr.",
            "## Quellen\n\nDaten, die wir von Tessaly erhalten, ergänzen Ihr Profil.",
            "## Plug-ins\n\nSie können Beiträge über Schaltflächen selbst teilen, die Tessaly anbietet.",
            "## Cookies\n\nTessaly-Cookies zählen Besuche, damit wir sehen, welche unserer vielen Seiten die Leute am "
            "häufigsten nutzen.",
        ],
    ),
}


def _with_recipient(name: str, row: str) -> Terms:
    said = Passage(row, name)
    return Terms(
        name,
        "yellow",
        recipients={"tessaly": Named("Tessaly", frozenset({"US"}), (said,))},
        passages=(said,),
        text=row,
        whole=row,
    )


def _without(name: str, whole: str) -> Terms:
    # The party text leaves out choices sections, as dpcheck.dossier does: only the whole text has them.
    return Terms(name, "yellow", text="Intro.", whole=f"Intro.\n\n{whole}")


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_the_other_version_still_shares_with_is_no_change(lang):
    """A company read as a recipient in one version only, which the other version's text still names a few words from
    a word of sharing data with it or using it (under an opt-out heading too), is no change, added or removed. Named
    only in a list of links, in a denial, as a source, in a sentence about what the reader shares, or far from such
    a word, it is a change."""
    row, (same_role, other_role) = ROW[lang], OLD_SAYS[lang]
    new = _with_recipient("new.md", row)
    for whole in same_role:
        assert [c.kind for c in compare(_without("old.md", whole), new).changes] == [], whole
        assert [c.kind for c in compare(new, _without("old.md", whole)).changes] == [], whole
    for whole in other_role:
        assert [(c.kind, c.value) for c in compare(_without("old.md", whole), new).changes] == [
            ("subprocessor_added", "Tessaly")
        ], whole


PLACES = {
    "en": (
        "We transfer your account data to our hosting provider in Japan.",
        [
            "Backups of your account are stored on servers in Japan.",
            "Our support team may access data hosted in Japan.",
            "Calls may be answered for us by other teams (for example our support centres based in Japan).",
            "Data collected here will be processed in and subject to the laws of Japan, which may not protect it as well.",
        ],
        [
            "If you live in Japan, local rules on your rights apply.",
            "If you are located in Japan, local rules on your rights apply.",
            "This section applies to data of data subjects located in Japan.",
            "We do not transfer your data to Japan.",
            "Data we transfer from Japan is protected by the same measures.",
            "We may need to transfer your data out of Japan to serve you.",
            "Japan is where our founders first met, long before we began to store any data.",
        ],
    ),
    "de": (
        "Wir übermitteln Ihre Kontodaten an unseren Hosting-Anbieter in Japan.",
        [
            "Sicherungskopien Ihres Kontos werden auf Servern in Japan gespeichert.",
            "Unser Support kann auf Daten zugreifen, die in Japan gehostet werden.",
            "Anrufe beantworten für uns auch andere Teams (etwa unsere in Japan ansässigen Support-Zentren).",
            "Hier erhobene Daten werden in Japan verarbeitet, dessen Recht sie nicht ebenso schützt.",
        ],
        [
            "Wenn Sie in Japan wohnen, gelten für Ihre Rechte örtliche Regeln.",
            "Wenn Sie sich in Japan befinden, gelten für Ihre Rechte örtliche Regeln.",
            "Dieser Abschnitt gilt für Kunden, die in Japan ansässig sind.",
            "Wir übermitteln Ihre Daten nicht nach Japan.",
            "Daten, die wir aus Japan übermitteln, schützen wir ebenso.",
            "Es kann nötig sein, Ihre Daten außerhalb von Japan zu speichern.",
            "In Japan haben sich unsere Gründer kennengelernt, lange bevor wir überhaupt irgendwelche Daten gespeichert haben.",
        ],
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_destination_the_other_version_still_sends_to_is_no_change(lang):
    """A country read as a destination in one version only, which the other version's text still names in a sentence
    that sends or keeps data there (a negation later in the sentence aside), is no change; named as where the
    reader lives, in a denial, as where data comes from, or far from such a word, it is."""
    sentence, same_role, other_role = PLACES[lang]
    said = Passage(sentence, "new.md")
    new = Terms("new.md", "yellow", destinations={"JP": (said,)}, passages=(said,), text=sentence, whole=sentence)
    for whole in same_role:
        old = Terms("old.md", "yellow", text=whole, whole=whole)
        assert [c.kind for c in compare(old, new).changes] == [], whole
    for whole in other_role:
        old = Terms("old.md", "yellow", text=whole, whole=whole)
        assert [(c.kind, c.value) for c in compare(old, new).changes] == [("destination_added", "JP")], whole
