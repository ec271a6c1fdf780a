"""dpcheck diff across layouts of the same words: a word a PDF split at a line end, a tag a plain-text export kept,
a list joined into one paragraph. What the versions say is the same, so nothing changed, whatever each layout let a
reading find; English and German, our own sentences."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from dpcheck.changes.compare import compare
from dpcheck.changes.model import Passage
from dpcheck.changes.snapshot import Named, Terms
from dpcheck.dossier import diff as compare_versions

TOOLS = {
    "en": "Where we send data abroad, we rely on the standard contractual clauses or binding corporate rules.",
    "de": "Wo wir Daten ins Ausland senden, stützen wir uns auf Standardvertragsklauseln oder verbindliche "
    "interne Datenschutzvorschriften.",
}
# The same sentence as a PDF's text layer may give it: a word broken at the end of a line, without a hyphen.
SPLIT = {
    "en": TOOLS["en"].replace("binding", "bindi ng"),
    "de": TOOLS["de"].replace("verbindliche", "verbindl iche"),
}
OTHER = {
    "en": "Our office answers questions by e-mail within a week.",
    "de": "Unser Büro beantwortet Fragen per E-Mail innerhalb einer Woche.",
}


def _terms(name: str, whole: str, tools: dict[str, tuple[Passage, ...]], rating: str = "yellow") -> Terms:
    passages = tuple(p for ps in tools.values() for p in ps)
    return Terms(name, rating, mechanisms=tools, passages=passages, text=whole, whole=whole)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_the_same_letters_in_another_layout_are_no_change(lang):
    """Two versions whose words are the same letter for letter (one from a PDF that split a word at a line end and
    kept a "<br>" tag) state the same terms: no change, though a reading of one found a tool the other's did not,
    and no change of rating. A word changed anywhere makes them two texts again."""
    said = Passage(TOOLS[lang], "old.md")
    old = _terms("old.md", f"{OTHER[lang]}\n\n{TOOLS[lang]}", {"scc": (said,), "bcr": (said,)}, "green")
    same = _terms("new.pdf", f"{OTHER[lang]}<br>\n{SPLIT[lang]}", {"scc": (Passage(SPLIT[lang], "new.pdf"),)})
    assert compare(old, same).changes == ()
    reworded = _terms("new.pdf", f"{OTHER[lang].replace('e', 'a', 1)}\n\n{SPLIT[lang]}", same.mechanisms)
    assert [c.kind for c in compare(old, reworded).changes] != []


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_passage_whose_letters_stand_in_the_other_version_is_no_change(lang):
    """A tool read in one version from a sentence the other has letter for letter (a word split at a line end in
    one layout) is no tool dropped, though the two texts differ elsewhere; the sentence gone, the tool is dropped."""
    said = Passage(TOOLS[lang], "old.md")
    old = _terms("old.md", f"{OTHER[lang]}\n\n{TOOLS[lang]}", {"scc": (said,), "bcr": (said,)})
    split = _terms("new.pdf", f"Intro.\n\n{SPLIT[lang]}", {"scc": (Passage(SPLIT[lang], "new.pdf"),)})
    assert compare(old, split).changes == ()
    gone = _terms("new.pdf", f"Intro.\n\n{OTHER[lang]}", {"scc": (Passage(OTHER[lang], "new.pdf"),)})
    assert ("mechanism_dropped", "bcr") in {(c.kind, c.value) for c in compare(old, gone).changes}


HOSTED = {
    "en": "We keep your account data with our hosting provider in {}.",
    "de": "Wir speichern Ihre Kontodaten bei unserem Hosting-Anbieter in {}.",
}
LIMIT = {
    "en": "We report a personal data breach to you within {} hours of learning of it.",
    "de": "Eine Verletzung des Schutzes personenbezogener Daten melden wir Ihnen binnen {} Stunden.",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_letters_that_stand_inside_other_words_or_numbers_are_a_change(lang):
    """A passage's letters stand in the other version only from the start of a word to the end of one: "in Niger" is
    not said in "in Nigeria". Two versions whose letters differ only in how numbers are split ("4-8 hours", "48
    hours") are two texts: a rating that changed is reported. The same passage split inside a word stays no change."""
    niger, nigeria = HOSTED[lang].format("Niger"), HOSTED[lang].format("Nigeria")
    old = Terms("old.md", "yellow", destinations={"NE": (Passage(niger, "old.md"),)}, text=niger, whole=niger)
    new = Terms("new.md", "yellow", destinations={"NG": (Passage(nigeria, "new.md"),)}, text=nigeria, whole=nigeria)
    assert {(c.kind, c.value) for c in compare(old, new).changes} == {
        ("destination_added", "NG"),
        ("destination_removed", "NE"),
    }
    split = niger.replace("Hosting", "Hos ting")
    same = Terms("new.pdf", "yellow", destinations={"NE": (Passage(split, "new.pdf"),)}, text=split, whole=split)
    assert compare(old, same).changes == ()
    before, after = LIMIT[lang].format("48"), LIMIT[lang].format("4-8")
    rated = compare(
        Terms("old.md", "green", text=before, whole=before), Terms("new.md", "yellow", text=after, whole=after)
    )
    assert [c.kind for c in rated.changes] == ["rating_changed"]
    wrapped = before.replace(" ", "\n", 3)
    assert (
        compare(Terms("old.md", "green", text=before, whole=before), Terms("new.txt", "yellow", whole=wrapped)).changes
        == ()
    )


LOG_IN = {
    "en": (
        "Log in with another account\n\nYou may log in with an account you hold with one of these providers:",
        ["Corvan Connect (Corvan Platforms Ltd.)", "Brisk ID (Brisk Identity GmbH)"],
    ),
    "de": (
        "Anmeldung mit einem anderen Konto\n\nSie können sich mit einem Konto bei einem dieser Anbieter anmelden:",
        ["Corvan Connect (Corvan Platforms Ltd.)", "Brisk ID (Brisk Identity GmbH)"],
    ),
}


def _recipients(name: str, whole: str, found: dict[str, Named]) -> Terms:
    passages = tuple(p for r in found.values() for p in r.passages)
    return Terms(name, "yellow", recipients=found, passages=passages, text=whole, whole=whole)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_recipient_read_from_words_the_other_version_has_is_no_change(lang):
    """A list of log-in providers set apart under its heading in one layout, and joined into one paragraph without
    that heading in another, read as naming a recipient there: the other version has the same words, so no recipient
    is added. Where the other version lacks them, it is; a passage that does not name the recipient ("Location:
    USA", a line of any card) shows nothing either way."""
    lead, providers = LOG_IN[lang]
    old_whole = "\n\n".join([f"## {lead}", *(f"* {p}" for p in providers), OTHER[lang]])
    joined = " ".join(providers)
    said = Passage(joined, "new.txt")
    corvan = {"corvan connect": Named("Corvan Connect", frozenset(), (said,))}
    new = _recipients("new.txt", f"{lead}\n\n{joined}\n\n{OTHER[lang]} Extra.", corvan)
    # The old reading left the list out of the text where companies are named as parties: it is among choices.
    old = replace(_recipients("old.md", old_whole, {}), text=OTHER[lang])
    assert compare(old, new).changes == ()
    lacking = _recipients("old.md", f"{lead}\n\n{OTHER[lang]}", {})
    assert [(c.kind, c.value) for c in compare(lacking, new).changes] == [("subprocessor_added", "Corvan Connect")]
    card = Passage("Location: USA, hosting of our service", "new.txt")
    carded = _recipients("new.txt", f"{OTHER[lang]}\n\n{card.quote}", {"norvik": Named("Norvik", frozenset(), (card,))})
    assert [(c.kind, c.value) for c in compare(_recipients("old.md", card.quote, {}), carded).changes] == [
        ("subprocessor_added", "Norvik")
    ]


MARKDOWN = {
    "en": (
        "# Privacy Policy\n\n## 4. Transfers\n\nWe store customer data with our provider in the United States under "
        "the standard contractual clauses.\n\n## 5. Log in with another account\n\nYou may log in with an account "
        "you hold with one of these providers:\n\n* Corvan Connect (Corvan Platforms Ltd.)\n* Brisk ID (Brisk "
        "Identity GmbH)\n"
    ),
    "de": (
        "# Datenschutzerklärung\n\n## 4. Übermittlungen\n\nWir speichern Kundendaten bei unserem Dienstleister in den "
        "USA auf Grundlage der Standardvertragsklauseln.\n\n## 5. Anmeldung mit einem anderen Konto\n\nSie können "
        "sich mit einem Konto bei einem dieser Anbieter anmelden:\n\n* Corvan Connect (Corvan Platforms Ltd.)\n* "
        "Brisk ID (Brisk Identity GmbH)\n"
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_a_document_and_its_plain_text_are_no_change(scanner, lang, tmp_path):
    """A Markdown document and the same words as plain text (no heading marks, the list joined into a paragraph,
    lines wrapped, the transfer tool's word split at a line end as a PDF's text layer may split it) give no change,
    whatever either reading found."""
    markdown = MARKDOWN[lang]
    plain = re.sub(r"(?m)^#+ ", "", markdown).replace("\n* ", " ").replace("contractual", "contrac\ntual")
    plain = plain.replace("Standardvertragsklauseln", "Standardvertrags\nklauseln")
    (tmp_path / "old.md").write_text(markdown, encoding="utf-8")
    (tmp_path / "new.txt").write_text(plain, encoding="utf-8")
    assert compare_versions(tmp_path / "old.md", tmp_path / "new.txt", scanner=scanner).changes == ()
