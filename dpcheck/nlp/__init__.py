"""Language processing: spaCy pipelines for English and German and language detection.

The pipelines and the detector are imported on first use (spaCy and the language model take most
of a short run's start-up); :data:`SUPPORTED` names the languages at no cost.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from dpcheck.nlp.languages import SUPPORTED

if TYPE_CHECKING:
    from dpcheck.nlp.language import LanguageDetector
    from dpcheck.nlp.pipeline import build_pipeline

__all__ = ["SUPPORTED", "LanguageDetector", "build_pipeline"]


def __getattr__(name: str) -> Any:
    if name == "LanguageDetector":
        from dpcheck.nlp.language import LanguageDetector

        return LanguageDetector
    if name == "build_pipeline":
        from dpcheck.nlp.pipeline import build_pipeline

        return build_pipeline
    raise AttributeError(f"module 'dpcheck.nlp' has no attribute {name!r}")
