"""Per-document language detection with py3langid's bundled model (no download)."""

from __future__ import annotations

import copy

import py3langid.langid as langid

from dpcheck.nlp.pipeline import SUPPORTED

# Restricting the candidates keeps short legal English from being read as, say, Latin.
CANDIDATES = ["en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv", "da"]
# py3langid's code for text in no language at all (base64, PGP armour, random characters).
NO_LANGUAGE = "zxx"
# Below this probability of being in a language dpcheck reads (by the model's 97 languages), a
# text is in another one. Every document of the corpora scores at least 0.9.
READ_FLOOR = 0.05
# Below this probability the model's first guess is no language worth naming.
NAMED_FLOOR = 0.5


class LanguageDetector:
    def __init__(self) -> None:
        self._any = langid.LanguageIdentifier.from_model_file(
            str(langid.MODEL_DIR / langid.MODEL_FILE), norm_probs=True
        )
        self._identifier = copy.deepcopy(self._any)
        self._identifier.set_languages(CANDIDATES)

    def detect(self, text: str, sample: int = 20000) -> str:
        """ISO 639-1 code of the text's main language (a middle sample of the text)."""
        lang, _ = self._identifier.classify(_middle(text, sample))
        return str(lang)

    def unread(self, text: str, sample: int = 5000) -> str | None:
        """The language of a text that is surely in none of :data:`SUPPORTED`: its ISO 639-1
        code, ``zxx`` for text in no language, ``und`` when the model cannot name it; None when
        the text may be in one of them. Its start, middle and end are judged, and all three must
        agree that the text is not in a language dpcheck reads (a policy with a long list in the
        middle is still read)."""
        verdicts = [self._unread(part) for part in _thirds(text, sample)]
        if any(verdict is None for verdict in verdicts):
            return None
        return verdicts[len(verdicts) // 2]

    def _unread(self, text: str) -> str | None:
        ranks = self._any.rank(text)
        if sum(probability for lang, probability in ranks if lang in SUPPORTED) >= READ_FLOOR:
            return None
        lang, probability = ranks[0]
        return str(lang) if probability >= NAMED_FLOOR or lang == NO_LANGUAGE else "und"


def _middle(text: str, sample: int) -> str:
    if len(text) > sample:
        middle = len(text) // 2
        return text[middle - sample // 2 : middle + sample // 2]
    return text


def _thirds(text: str, sample: int) -> list[str]:
    """The start, middle and end of ``text``, ``sample`` characters each (the text once if it is short)."""
    if len(text) <= sample:
        return [text]
    return [text[:sample], _middle(text, sample), text[-sample:]]
