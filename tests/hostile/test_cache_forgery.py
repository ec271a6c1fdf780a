"""Classes 8 and 9: the cache holds reports of the bytes that were scanned, is used only in a folder
no one else can write, and any entry that is not sound is a miss, never a traceback."""

from __future__ import annotations

import functools
import hashlib
import json
import logging
import os
import tempfile
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dpcheck
from dpcheck.batch import scan_document_task
from dpcheck.cache import ResultCache

RED = "# Privacy Policy\n\nWe transfer personal data to providers in any country, relying on the Privacy Shield.\n"
GREEN = "# Privacy Policy\n\nWe store all personal data in Germany and never transfer it outside the EEA.\n"


class _SwappingExecutor(Executor):
    """Runs each task here, after replacing the file's bytes: what an attacker does between the hash
    taken at submission and the worker's read."""

    def __init__(self, swap: str) -> None:
        self.swap = swap

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        Path(args[0]).write_text(self.swap, encoding="utf-8")
        future: Future[Any] = Future()
        future.set_result(fn(*args, **kwargs))
        return future


def _rating(path: Path, cache: Path, **kw: Any) -> str:
    (doc,) = dpcheck.scan_many([path], cache=cache, **kw)
    return doc.rating


def test_cache_race_stores_the_bytes_scanned(tmp_path: Path) -> None:
    """Red bytes swapped for green ones after the hash are stored under the green bytes: the red
    file is never served green afterwards."""
    doc, cache = tmp_path / "policy.md", tmp_path / "cache"
    doc.write_text(RED, encoding="utf-8")
    assert _rating(doc, cache, executor=_SwappingExecutor(GREEN)) == "green"  # the bytes scanned were green
    doc.write_text(RED, encoding="utf-8")
    assert _rating(doc, cache, workers=1) == "red"
    assert _rating(doc, cache, workers=1) == "red"  # and now from the cache, still red
    doc.write_text(GREEN, encoding="utf-8")
    assert _rating(doc, cache, workers=1) == "green"


def test_cache_report_carries_the_digest_of_the_bytes_read(tmp_path: Path) -> None:
    """A worker's report names the sha256 of what it read, and the entry is filed under it."""
    doc = tmp_path / "policy.md"
    doc.write_text(GREEN, encoding="utf-8")
    data = scan_document_task(str(doc), {})
    assert data["sha256"] == hashlib.sha256(doc.read_bytes()).hexdigest()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX owners and modes")
@pytest.mark.parametrize("mode", [0o777, 0o775, 0o757])
def test_cache_folder_others_may_write_is_not_used(tmp_path: Path, caplog: pytest.LogCaptureFixture, mode: int) -> None:
    """A cache folder that group or others may write is not used (a warning), and the scan goes on."""
    doc, cache = tmp_path / "policy.md", tmp_path / "cache"
    doc.write_text(RED, encoding="utf-8")
    cache.mkdir(mode=0o700)
    cache.chmod(mode)
    with caplog.at_level(logging.WARNING):
        assert _rating(doc, cache, workers=1) == "red"
    assert "not using the cache folder" in caplog.text and "others may write" in caplog.text
    assert not list(cache.rglob("*.json"))


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0, reason="chown to another user needs root")
def test_cache_folder_or_entry_of_another_user_is_not_used(tmp_path: Path) -> None:
    """A folder or an entry owned by someone else is not trusted."""
    doc, cache = tmp_path / "policy.md", tmp_path / "cache"
    doc.write_text(RED, encoding="utf-8")
    assert _rating(doc, cache, workers=1) == "red"
    (entry,) = cache.rglob("*.json")
    _forge(entry, rating="green")
    os.chown(entry, 12345, 12345)
    assert _rating(doc, cache, workers=1) == "red"
    os.chown(cache, 12345, 12345)
    assert not ResultCache(cache).usable()


def _forge(entry: Path, **document: Any) -> None:
    data = json.loads(entry.read_text(encoding="utf-8"))
    data["document"].update(document)
    entry.write_text(json.dumps(data), encoding="utf-8")


FORGERIES = {
    "bad-rating": lambda e: _forge(e, rating="emerald"),
    "unknown-severity": lambda e: _forge(
        e,
        findings=[
            {"rule_id": "X", "article": "", "severity": "catastrophic", "title": "", "message": "", "question": ""}
        ],
    ),
    "other-bytes": lambda e: _forge(e, sha256="0" * 64, rating="green", findings=[]),
    "error-rated-green": lambda e: _forge(
        e, status="error", error={"code": "E111-pdf-corrupt", "message": "x"}, rating="green"
    ),
    # A field of another type is no report of ours, not something to coerce ("12" is no character count).
    "text-for-a-number": lambda e: _forge(e, characters="12"),
    "number-for-a-quote": lambda e: _forge(
        e, vendor={"kind": "vendor", "value": "X", "evidence": {"quote": 5, "start": 0, "end": 1}}
    ),
    "deep-json": lambda e: e.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8"),
    "deep-document": lambda e: _forge(e, findings=json.loads("[" * 900 + "]" * 900)),
    "not-an-object": lambda e: e.write_text("[1, 2]", encoding="utf-8"),
    "oversized": lambda e: e.write_bytes(b" " * (65 * 2**20)),
    "not-utf8": lambda e: e.write_bytes(b"\xff\xfe{}"),
    "a-folder": lambda e: (e.unlink(), e.mkdir()),
}


@pytest.mark.parametrize("forge", FORGERIES.values(), ids=list(FORGERIES))
def test_cache_unsound_entry_is_a_miss(tmp_path: Path, forge: Any, caplog: pytest.LogCaptureFixture) -> None:
    """Each malformed or forged entry is ignored with a warning and the document scanned again."""
    doc, cache = tmp_path / "policy.md", tmp_path / "cache"
    doc.write_text(RED, encoding="utf-8")
    assert _rating(doc, cache, workers=1) == "red"
    (entry,) = cache.rglob("*.json")
    forge(entry)
    with caplog.at_level(logging.WARNING):
        assert _rating(doc, cache, workers=1) == "red"
    assert "ignoring unusable cache entry" in caplog.text


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
_FIELDS = st.sampled_from(
    [
        "status",
        "rating",
        "error",
        "findings",
        "doc_type",
        "partial",
        "flow",
        "mentions",
        "sha256",
        "path",
        "checklist",
        "warnings",
        "policy",
        "characters",
    ]
)
_ENTRY = ["key", "path", "document"]


@functools.cache
def _red_data() -> dict[str, Any]:
    """The report data of the red policy, scanned once for all examples."""
    with tempfile.TemporaryDirectory() as folder:
        doc = Path(folder) / "policy.md"
        doc.write_text(RED, encoding="utf-8")
        return scan_document_task(str(doc), {})


@given(
    st.dictionaries(_FIELDS, _JSON, max_size=5),
    st.dictionaries(st.sampled_from(_ENTRY), _JSON, max_size=2),
    st.sampled_from([*_ENTRY, None]),
)
def test_cache_any_entry_is_a_report_or_a_miss(
    tmp_path_factory: pytest.TempPathFactory, fields: dict[str, Any], replaced: dict[str, Any], drop: str | None
) -> None:
    """Whatever an entry holds, reading it gives a sound report of the bytes in hand or a miss, never a traceback."""
    folder = tmp_path_factory.mktemp("cache")
    doc = folder / "policy.md"
    doc.write_text(RED, encoding="utf-8")
    store = ResultCache(folder / "cache")
    assert store.usable()
    data = {**_red_data(), "path": str(doc)}
    key = "ab" + "0" * 62
    entry = {"key": key, "path": str(doc), "document": {**data, **fields}, **replaced}
    if drop is not None:
        entry.pop(drop, None)
    store.put(key, data)
    (file,) = (folder / "cache").rglob("*.json")
    file.write_text(json.dumps(entry), encoding="utf-8")
    report = store.get(key, str(doc), data["sha256"])
    if report is not None:
        assert report.sha256 == data["sha256"] and report.path == str(doc)
        assert report.status != "error" or report.rating == "red"
        assert not (report.partial and report.rating == "green")
