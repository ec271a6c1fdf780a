"""Language processing: spaCy pipelines for English and German and language detection."""

from dpcheck.nlp.language import LanguageDetector
from dpcheck.nlp.pipeline import SUPPORTED, build_pipeline

__all__ = ["SUPPORTED", "LanguageDetector", "build_pipeline"]
