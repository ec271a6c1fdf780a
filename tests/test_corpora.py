"""Golden end-to-end test: scan the bundled corpora/ and score it against corpora/gold.json."""

from __future__ import annotations

import json
from pathlib import PurePath

import pytest

from dpcheck.report.json import document_to_dict

EEA = set("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE IS LI NO".split())
CORE = {"TRANSFERS_NOT_ADDRESSED", "TRANSFER_DESTINATION_UNSPECIFIED", "TRANSFER_MECHANISM_UNSPECIFIED",
        "INVALID_TRANSFER_MECHANISM", "SUPPLEMENTARY_MEASURES_UNADDRESSED", "SUBPROCESSOR_LIST_MISSING",
        "SUBPROCESSOR_OBJECTION_MISSING"}
# Measured on 2026-11-26; a drop below these is a regression (see README "Accuracy").
MINIMUM = {"destinations": 0.95, "mechanisms": 0.93, "flags": 0.78, "rating": 0.85, "doc_type": 0.95}


def _f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0


@pytest.fixture(scope="module")
def scored(scanner, corpora):
    gold = {g["id"]: g for g in json.loads((corpora / "gold.json").read_text(encoding="utf-8"))}
    report = scanner.scan(corpora)
    docs = {PurePath(d.path).name.split(".")[0]: document_to_dict(d, graph=False) for d in report.documents}
    return gold, docs


def test_corpora_every_gold_document_is_scanned_ok(scored):
    """All bundled documents (every format) are read without error."""
    gold, docs = scored
    assert set(gold) <= set(docs)
    assert all(docs[i]["status"] == "ok" for i in gold)


def test_corpora_scores_meet_minimum(scored):
    """Destinations, mechanisms, flags, rating and doc type match the gold labels."""
    gold, docs = scored
    counts = {k: [0, 0, 0] for k in ("destinations", "mechanisms", "flags")}
    rating = doc_type = 0
    for doc_id, g in gold.items():
        d = docs[doc_id]
        got = {
            "destinations": {t["destination"] for t in d["transfers"]} - EEA,
            "mechanisms": set(d["mechanisms"]) | {m for t in d["transfers"] for m in t["mechanisms"]},
            "flags": {f["rule_id"] for f in d["findings"]} & CORE,
        }
        for key, c in counts.items():
            want = set(g[key])
            c[0] += len(want & got[key])
            c[1] += len(got[key] - want)
            c[2] += len(want - got[key])
        want_flags = set(g["flags"])
        want_rating = ("red" if want_flags & {"INVALID_TRANSFER_MECHANISM", "TRANSFER_MECHANISM_UNSPECIFIED"}
                       else "yellow" if want_flags else "green")
        rating += g["doc_type"] == "subprocessor_list" or d["rating"] == want_rating
        doc_type += d["doc_type"] == g["doc_type"]
    figures = {k: _f1(*c) for k, c in counts.items()}
    figures["rating"] = rating / len(gold)
    figures["doc_type"] = doc_type / len(gold)
    short = {k: round(v, 3) for k, v in figures.items() if v < MINIMUM[k]}
    assert not short, f"below minimum: {short} (all: {figures})"
