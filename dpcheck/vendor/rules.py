"""The rules of a dossier (``rules/vendor/*.yml``): loaded and checked like the document rules
(:mod:`dpcheck.checks.rules`), over the features of :mod:`dpcheck.vendor.features`, against their
own schema (``rules/schema/vendor-rule.schema.json``: an example is a dossier of documents).

A vendor rule has no ``core``: it counts towards the vendor's rating by its severity (high: red,
medium: yellow).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator

from dpcheck.checks.features import Feature
from dpcheck.checks.rules import Rule, load_rules
from dpcheck.vendor.features import VENDOR_FEATURE_NAMES, VendorFeature
from dpcheck.vendor.model import Side, VendorFinding

SCHEMA_FILE = Path("schema") / "vendor-rule.schema.json"
FOLDER = "vendor"


def vendor_schema_validator(folder: Path) -> Draft202012Validator:
    return Draft202012Validator(json.loads((folder / SCHEMA_FILE).read_text(encoding="utf-8")))


@cache
def load_vendor_rules(folder: Path) -> tuple[Rule, ...]:
    """The vendor rules of the rules folder ``folder``; raises :class:`~dpcheck.errors.RulesetError`
    listing every problem."""
    return load_rules(folder / FOLDER, VENDOR_FEATURE_NAMES, vendor_schema_validator(folder))


def vendor_findings(
    rules: tuple[Rule, ...], features: dict[str, Feature], lang: str | None
) -> tuple[VendorFinding, ...]:
    """The findings of the rules that fire on a dossier's ``features``, questions in ``lang``."""
    found = []
    for rule in rules:
        if not rule.applies(features):
            continue
        message, question = rule.texts(features, lang)
        sides = tuple(dict.fromkeys(side for name in rule.evidence for side in _sides(features[name])))
        found.append(VendorFinding(rule.id, rule.title, rule.article, rule.severity, message, question, sides))
    return tuple(found)


def _sides(feature: Feature) -> tuple[Side, ...]:
    return feature.sides if isinstance(feature, VendorFeature) else ()
