"""The cyclic collector's first threshold is raised while a document is read, and the caller's comes back."""

from __future__ import annotations

import gc
import threading

import pytest

from dpcheck.collector import READING_THRESHOLD, fewer_collections

POLICY = {
    "en": "# Privacy Policy\n\nWe store account data in Germany. Our support provider in India may read tickets.\n",
    "de": "# Datenschutzerklärung\n\nWir speichern Kontodaten in Deutschland. Unser Dienstleister in Indien liest Tickets.\n",
}


@pytest.fixture
def thresholds():
    saved = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*saved)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_collector_threshold_raised_while_a_document_is_read(scanner, lang, tmp_path, thresholds):
    path = tmp_path / f"policy-{lang}.md"
    path.write_text(POLICY[lang], encoding="utf-8")
    seen = []
    report = scanner.scan_path(path, on_read=lambda _: seen.append(gc.get_threshold()))
    assert report.ok and report.language == lang
    assert seen == [(READING_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)
    assert scanner.scan_text(POLICY[lang], name="policy.md", format="markdown").language == lang
    assert gc.get_threshold() == (700, 10, 10)


def test_collector_nested_and_threaded_readers_restore_once_all_leave(thresholds):
    entered, leave = threading.Event(), threading.Event()

    def other() -> None:
        with fewer_collections():
            entered.set()
            leave.wait(5)

    with fewer_collections():
        with fewer_collections():
            assert gc.get_threshold()[0] == READING_THRESHOLD
        thread = threading.Thread(target=other)
        thread.start()
        entered.wait(5)
    assert gc.get_threshold()[0] == READING_THRESHOLD  # the other reader is still inside
    leave.set()
    thread.join()
    assert gc.get_threshold() == (700, 10, 10)


def test_collector_leaves_a_callers_own_setting_alone(thresholds):
    gc.set_threshold(0)  # collector switched off by the caller
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold()[0] == 0
    gc.set_threshold(100_000, 10, 10)  # higher already
    with fewer_collections():
        assert gc.get_threshold()[0] == 100_000
    gc.set_threshold(700, 10, 10)
    with fewer_collections():
        gc.set_threshold(2000, 5, 5)  # changed while a document was read: the caller's change stands
    assert gc.get_threshold() == (2000, 5, 5)


def test_collector_threshold_raised_while_a_scanner_is_built(thresholds, monkeypatch):
    from dpcheck.nlp import pipeline
    from dpcheck.scanner import Scanner

    built = {}
    build = pipeline.build_pipeline

    def spy(lang, lexicon):
        built[lang] = gc.get_threshold()
        return build(lang, lexicon)

    monkeypatch.setattr(pipeline, "build_pipeline", spy)
    scanner = Scanner()
    scanner.build()
    assert built == {"en": (READING_THRESHOLD, 10, 10), "de": (READING_THRESHOLD, 10, 10)}
    assert gc.get_threshold() == (700, 10, 10)
    for lang in ("en", "de"):  # the scanner built so reads both languages, and the caller's threshold is back
        assert scanner.scan_text(POLICY[lang], name="policy.md", format="markdown").language == lang
        assert gc.get_threshold() == (700, 10, 10)
