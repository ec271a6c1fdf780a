"""Per-document language detection with py3langid's bundled model (no download)."""

from __future__ import annotations

import py3langid.langid as langid

# Restricting the candidates keeps short legal English from being read as, say, Latin.
CANDIDATES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da"]


class LanguageDetector:
    def __init__(self) -> None:
        self._identifier = langid.LanguageIdentifier.from_model_file(
            str(langid.MODEL_DIR / langid.MODEL_FILE), norm_probs=True
        )
        self._identifier.set_languages(CANDIDATES)

    def detect(self, text: str, sample: int = 20000) -> str:
        """ISO 639-1 code of the text's main language (a middle sample of the text)."""
        if len(text) > sample:
            middle = len(text) // 2
            text = text[middle - sample // 2 : middle + sample // 2]
        lang, _ = self._identifier.classify(text)
        return str(lang)
