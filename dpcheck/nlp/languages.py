"""The languages dpcheck reads (ISO 639-1): a pipeline and rules in ``rules/`` for each."""

SUPPORTED = ("en", "de")


def swiss(german: str) -> str:
    """German as written in Switzerland, which has no "ß" ("ausserhalb", "gemäss"): every word list and phrase of
    the German rules matches both spellings."""
    return german.replace("ß", "ss")
