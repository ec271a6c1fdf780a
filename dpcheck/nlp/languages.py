"""The languages dpcheck reads (ISO 639-1): a pipeline and rules in ``rules/`` for each."""

SUPPORTED = ("en", "de")


_ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"})


def swiss(german: str) -> str:
    """German as written in Switzerland, which has no "ß" ("ausserhalb", "gemäss"): every word list and phrase of
    the German rules matches both spellings."""
    return german.replace("ß", "ss")


def ascii_german(german: str) -> str:
    """German written without umlauts, as plain-text and machine-made documents do ("Uebermittlung", "Vereinigtes
    Koenigreich", "Massnahmen"): every word list and phrase of the German rules matches this spelling too."""
    return german.translate(_ASCII)


def spellings(german: str) -> dict[str, None]:
    """The spellings of a German word or phrase, as written first (an ordered set)."""
    return dict.fromkeys((german, swiss(german), ascii_german(german)))
