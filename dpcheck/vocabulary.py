"""How the report's keys read to a person: ``scc`` → "standard contractual clauses", ``US`` →
"United States", ``UNSPECIFIED`` → "countries not named", in English or German.

The words are data (``rules/vocabulary.yml``); country names come from pycountry. Rule messages,
vendor questions and every human output format read them here, so that one key reads the same
everywhere; the JSON report keeps the keys.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from dpcheck.errors import RulesetError
from dpcheck.resources import load_yaml, rules_dir

VOCABULARY_FILE = "vocabulary.yml"
LANGUAGES = ("en", "de")
SECTIONS = ("mechanisms", "places", "countries", "doc_types", "elements")


@cache
def _german_countries() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["de"], fallback=True)


@dataclass(frozen=True)
class Vocabulary:
    """Display words by section, key and language (see ``rules/vocabulary.yml``)."""

    words: dict[str, dict[str, dict[str, str]]]

    @classmethod
    def load(cls, folder: Path | None = None) -> Vocabulary:
        """The vocabulary of the rules ``folder`` (default: the bundled one); a folder without
        a vocabulary file uses the bundled words."""
        path = (folder or rules_dir()) / VOCABULARY_FILE
        if not path.is_file():
            return bundled()
        return cls.parse(load_yaml(path), str(path))

    @classmethod
    def parse(cls, data: Any, where: str) -> Vocabulary:
        problems = []
        if not isinstance(data, dict):
            raise RulesetError([f"{where}: a vocabulary is a mapping of {', '.join(SECTIONS)}"])
        words: dict[str, dict[str, dict[str, str]]] = {}
        for section in SECTIONS:
            entries = data.get(section) or {}
            words[section] = {}
            for key, texts in entries.items():
                if (
                    not isinstance(texts, dict)
                    or set(texts) != set(LANGUAGES)
                    or not all(isinstance(t, str) and t for t in texts.values())
                ):
                    problems.append(
                        f"{where}: {section}.{key} needs a non-empty text for each of {', '.join(LANGUAGES)}"
                    )
                    continue
                words[section][str(key)] = dict(texts)
        unknown = sorted(set(data) - set(SECTIONS))
        if unknown:
            problems.append(f"{where}: unknown sections {', '.join(unknown)}; known: {', '.join(SECTIONS)}")
        if problems:
            raise RulesetError(problems)
        return cls(words)

    def _word(self, section: str, key: str, lang: str) -> str | None:
        texts = self.words[section].get(key)
        return None if texts is None else texts.get(lang, texts["en"])

    def mechanism(self, key: str, lang: str = "en") -> str:
        return self._word("mechanisms", key, lang) or key

    def mechanisms(self, keys: Iterable[str], lang: str = "en") -> str:
        """Tools as a list in words ("standard contractual clauses, binding corporate rules"), or "none"."""
        return ", ".join(self.mechanism(k, lang) for k in keys) or ("keiner" if lang == "de" else "none")

    def place(self, code: str, lang: str = "en") -> str:
        """A destination in words: a country's name, or what a place that is no country means."""
        word = self._word("places", code, lang) or self._word("countries", code, lang)
        if word is not None:
            return word
        country = pycountry.countries.get(alpha_2=code) if len(code) == 2 else None
        if country is None:
            return code
        if lang == "de":
            return _german_countries().gettext(country.name).split(", ")[0]
        return str(getattr(country, "common_name", None) or country.name)

    def places(self, codes: Iterable[str], lang: str = "en") -> str:
        """Destinations as a list in words, named countries first and places left open last."""
        ordered = sorted(codes, key=lambda c: (c in self.words["places"], self.place(c, lang)))
        return ", ".join(self.place(c, lang) for c in ordered) or ("keine" if lang == "de" else "none")

    def doc_type(self, key: str | None, lang: str = "en") -> str:
        return self._word("doc_types", key or "other", lang) or (key or "")

    def element(self, key: str, lang: str = "en") -> str:
        """An Art. 28 checklist element in words."""
        return self._word("elements", key, lang) or key.replace("_", " ")

    def value(self, key: str, lang: str = "en") -> str:
        """Any key a rule's message may name: a tool, a place or a document type; else as it is."""
        for section in ("mechanisms", "places", "countries", "doc_types"):
            word = self._word(section, key, lang)
            if word is not None:
                return word
        return self.place(key, lang) if key.isupper() and len(key) == 2 else key


@cache
def bundled() -> Vocabulary:
    """The vocabulary shipped in dpcheck's own rules folder (read once)."""
    path = rules_dir() / VOCABULARY_FILE
    return Vocabulary.parse(load_yaml(path), str(path))
