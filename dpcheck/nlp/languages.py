"""The languages dpcheck reads (ISO 639-1): a pipeline and rules in ``rules/`` for each."""

SUPPORTED = ("en", "de")
