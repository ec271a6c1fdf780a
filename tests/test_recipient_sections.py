"""A section about recipients is known by its headings' words in one pass (dpcheck/extract/recipients.py): the
answer is that of looking for each word in turn."""

from __future__ import annotations

import random

from dpcheck.extract import Lexicon


def test_recipient_sections_as_word_by_word(scanner):
    words = Lexicon.from_data(scanner.ruleset.lexicon).recipients
    paths = [
        ("Privacy Policy", "5. Sharing with other companies", "Service Providers we use"),
        ("Datenschutzerklärung", "Empfänger Ihrer Daten"),
        ("DPA", "Annex 3: Sub-Processors"),
        ("Auftragsverarbeitungsvertrag", "Unterauftragsverhältnisse"),
        ("Privacy Policy", "Your rights"),
        ("Datenschutzerklärung", "Ihre Rechte"),
        (),
    ]
    rng = random.Random(11)
    pieces = [*words.sections, "THIRD PART", "Anbieter", "the ", "our ", "Daten ", "rights", "-", " "]
    paths += [
        tuple("".join(rng.choice(pieces) for _ in range(rng.randint(0, 3))) for _ in range(2)) for _ in range(500)
    ]
    for path in paths:
        assert words.recipient_section(path) is any(part in h.lower() for h in path for part in words.sections)
    assert sum(words.recipient_section(p) for p in paths[:6]) == 4
