"""The vendor of last resort is a company first named in the opening (dpcheck/extract/parties.py): a document whose
opening names none is not read further, and one whose opening names it counts it in the whole text."""

from __future__ import annotations

import pytest

from dpcheck import ingest
from dpcheck.extract import Lexicon
from dpcheck.extract.parties import OPENING_CHARS, frequent_company

FILLER = {
    "en": "We keep records of support requests so that we can answer them and improve the help we give.",
    "de": "Wir bewahren Anfragen an den Support auf, um sie zu beantworten und unsere Hilfe zu verbessern.",
}
NAMED = {
    "en": ("Harbourlight Pty Ltd", "{} keeps your account data."),
    "de": ("Harbourlicht GmbH", "Die {} speichert Ihre Kontodaten."),
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize("in_opening", [True, False])
def test_parties_opening_decides_the_company_of_last_resort(scanner, lang, in_opening):
    words = Lexicon.from_data(scanner.ruleset.lexicon).parties
    name, sentence = NAMED[lang]
    filler = "\n\n".join([FILLER[lang]] * (OPENING_CHARS // len(FILLER[lang]) + 2))
    named = "\n\n".join([sentence.format(name)] * 3)
    text = f"{named}\n\n{filler}\n\n{named}" if in_opening else f"{filler}\n\n{named}\n\n{named}"
    found = frequent_company(ingest.load_text(text, name="notice.md", format="markdown"), words)
    if in_opening:
        assert found is not None and found.value == name and "(6 times)" in found.evidence.reason
    else:
        assert found is None
