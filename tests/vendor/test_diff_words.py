"""dpcheck diff takes its word lists from the ruleset that read the versions (dpcheck/changes/lexicon.py), not from
files of rules/ it reads itself: a scanner given a rules folder of its own diffs with that folder's words. English
and German, our own sentences."""

from __future__ import annotations

import builtins
import shutil
from pathlib import Path

import pytest

from dpcheck.changes import lexicon
from dpcheck.changes.compare import compare
from dpcheck.changes.lexicon import DiffWords
from dpcheck.changes.model import Passage
from dpcheck.changes.snapshot import Named, Terms, recipient_key
from dpcheck.checks import Ruleset
from dpcheck.dossier import diff
from dpcheck.resources import rules_dir
from dpcheck.scanner import Scanner

# The same mail service before and after it took a new name, which only the folder of its own knows.
SAYS = {
    "en": ("Quorvex Mail Ltd sends our newsletter to you.", "Tallibrook Mail Ltd sends our newsletter to you."),
    "de": (
        "Die Quorvex Mail GmbH versendet unseren Newsletter an Sie.",
        "Die Tallibrook Mail GmbH versendet unseren Newsletter an Sie.",
    ),
}
NOTICE = {
    "en": "Privacy notice: how we process your personal data",
    "de": "Datenschutzhinweise: wie wir Ihre personenbezogenen Daten verarbeiten",
}
NAMES = {"en": ("Quorvex Mail Ltd", "Tallibrook Mail Ltd"), "de": ("Quorvex Mail GmbH", "Tallibrook Mail GmbH")}


@pytest.fixture(scope="module")
def own_rules(tmp_path_factory: pytest.TempPathFactory) -> Ruleset:
    """The shipped rules with one company renamed and one more legal form ("Kollektiv")."""
    folder = tmp_path_factory.mktemp("rules") / "rules"
    shutil.copytree(rules_dir(), folder)
    recipients = folder / "lexicon" / "recipients.yml"
    text = recipients.read_text(encoding="utf-8")
    assert "renamed: [[" in text
    recipients.write_text(text.replace("renamed: [[", "renamed: [[quorvex, tallibrook], [", 1), encoding="utf-8")
    words = folder / "lexicon" / "words.yml"
    text = words.read_text(encoding="utf-8")
    assert "\nlegal_forms: [" in text
    words.write_text(text.replace("\nlegal_forms: [", "\nlegal_forms: [Kollektiv, ", 1), encoding="utf-8")
    return Ruleset.load(folder)


def _version(name: str, lang: str, side: int) -> Terms:
    said = Passage(SAYS[lang][side], name)
    company = NAMES[lang][side]
    return Terms(
        name,
        "yellow",
        recipients={recipient_key(company): Named(company, frozenset({"GB"}), (said,))},
        passages=(said,),
        text=SAYS[lang][side],
        whole=SAYS[lang][side],
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_words_a_rules_folder_of_its_own_renames_a_company(own_rules: Ruleset, lang: str) -> None:
    old, new = _version("old.md", lang, 0), _version("new.md", lang, 1)
    shipped = {c.kind for c in compare(old, new).changes}
    assert shipped == {"subprocessor_added", "subprocessor_removed"}
    assert compare(old, new, words=DiffWords.of(own_rules)).changes == ()


@pytest.mark.parametrize(
    ("name", "key"), [("Brenholt Kollektiv", "brenholt"), ("Die Brenholt Kollektiv", "die brenholt")]
)
def test_diff_words_legal_forms_come_from_the_ruleset(own_rules: Ruleset, name: str, key: str) -> None:
    assert recipient_key(name, DiffWords.of(own_rules).legal_forms) == key
    assert recipient_key(name) == f"{key} kollektiv"


def test_diff_words_are_kept_by_the_scanner_not_by_the_module(own_rules: Ruleset) -> None:
    # A program that loads many rules folders must not pile up every folder's words for as long as it runs.
    assert DiffWords.of(own_rules) == DiffWords.of(own_rules)
    assert DiffWords.of(own_rules) is not DiffWords.of(own_rules)
    scanner = Scanner(rules=own_rules.folder)
    assert scanner.diff_words is scanner.diff_words
    assert scanner.diff_words.renamed != DiffWords.default().renamed


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_words_a_diff_with_a_scanner_loads_no_rules_again(
    own_rules: Ruleset, lang: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    scanner = Scanner(rules=own_rules.folder)
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(f"# {NOTICE[lang]}\n\n{SAYS[lang][0]}\n", encoding="utf-8")
    new.write_text(f"# {NOTICE[lang]}\n\n{SAYS[lang][1]}\n", encoding="utf-8")

    def refuse() -> DiffWords:
        raise AssertionError("the diff loaded the shipped rules beside the scanner's")

    monkeypatch.setattr(lexicon, "_shipped", refuse)
    assert diff(old, new, scanner=scanner).changes == ()


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_words_the_diff_opens_no_rules_file(
    own_rules: Ruleset, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = DiffWords.of(own_rules)
    old, new = _version("old.md", lang, 0), _version("new.md", lang, 1)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"the diff opened a file: {args[:1]}")

    monkeypatch.setattr(builtins, "open", refuse)
    monkeypatch.setattr(Path, "open", refuse)
    monkeypatch.setattr(Path, "read_text", refuse)
    assert compare(old, new, words=words).changes == ()
