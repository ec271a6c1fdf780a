"""Batch scans: folders, worker processes, input order, the result cache, streaming and exit codes."""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import shutil
import signal
import sys
import threading
from concurrent.futures import ProcessPoolExecutor
from datetime import date
from pathlib import Path

import msgspec
import pytest
from click.testing import CliRunner

import dpcheck
from dpcheck.cache import ResultCache, cacheable, scan_context
from dpcheck.cli import main
from dpcheck.flows.graph import to_node_link
from dpcheck.report.json import document_to_dict
from dpcheck.resources import rules_dir
from dpcheck.scanner import Scanner, iter_documents
from dpcheck.serialize import document_from_data, document_to_data

EXAMPLE_POLICY = Path(__file__).resolve().parent.parent / "examples" / "buyer-policy.toml"
POLICY = "# Privacy Policy\n\nWe store all data in Germany and never transfer it outside the EEA.\n"


@pytest.mark.skipif(sys.platform == "win32", reason="FIFOs and symlinks as on POSIX")
def test_batch_fifo_symlink_loop_and_broken_link(tmp_path):
    """A FIFO is reported unreadable (not opened), a symlink loop is not followed, a broken link is an error."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "policy.md").write_text(POLICY, encoding="utf-8")
    (tmp_path / "a" / "up").symlink_to("..")
    (tmp_path / "gone.md").symlink_to(tmp_path / "missing.md")
    os.mkfifo(tmp_path / "pipe.md")
    report = dpcheck.scan(tmp_path)
    by_name = {os.path.basename(d.path): d for d in report.documents}
    assert by_name["policy.md"].status == "ok"
    assert by_name["pipe.md"].status == "error" and by_name["pipe.md"].error.code == "E101-unreadable"
    assert by_name["gone.md"].status == "error" and by_name["gone.md"].rating != "green"
    assert sum(1 for d in report.documents if d.path.endswith("policy.md")) == 1
    assert CliRunner().invoke(main, ["scan", str(tmp_path)]).exit_code == 2


# --- many documents: order, workers, cache, streaming, exit codes --------------------------------

DOCS = {
    "a-policy.md": "# Privacy Policy\n\nWe transfer personal data to our hosting provider in the United States "
    "under the standard contractual clauses.\n",
    "b-avv.md": "# Auftragsverarbeitungsvertrag\n\nDer Auftragsverarbeiter übermittelt Daten an Unterauftragnehmer "
    "in Indien.\n",
    "c-broken.pdf": "%PDF-1.7\nnot really a pdf",
    "d-policy.md": "# Privacy Policy\n\nYour data may be processed by providers outside the EEA.\n",
    "e-policy.md": POLICY,
}


def _folder(root, docs=DOCS):
    root.mkdir(exist_ok=True)
    for name, text in docs.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _dicts(documents):
    return [json.dumps(document_to_dict(d), sort_keys=True) for d in documents]


def _dying_on_poison(scan_path):
    """``scan_path`` that kills its own process (as the OS would) on a document named 'poison'."""

    def scan(self, path):
        if "poison" in str(path):
            os.kill(os.getpid(), signal.SIGKILL)
        return scan_path(self, path)

    return scan


def _poison_worker():
    """Worker initializer: this worker process dies on a 'poison' document."""
    Scanner.scan_path = _dying_on_poison(Scanner.scan_path)


@pytest.mark.slow
def test_batch_serialize_round_trips_every_corpus_document(scanner, corpora):
    """document_from_data(document_to_data(doc)) through JSON equals doc, evidence and data flow included."""
    for doc in scanner.scan(corpora).documents:
        back = document_from_data(json.loads(json.dumps(document_to_data(doc))))
        assert back == doc, doc.path
        assert (back.flow is None) == (doc.flow is None)
        if doc.flow is not None:
            assert json.dumps(to_node_link(back.flow)) == json.dumps(to_node_link(doc.flow))
    with_policy = Scanner(policy=EXAMPLE_POLICY).scan(corpora).documents
    assert any(f.acceptance is not None or f.origin == "policy" for doc in with_policy for f in doc.findings)
    for doc in with_policy:
        assert document_from_data(json.loads(json.dumps(document_to_data(doc)))) == doc, doc.path


def test_batch_scan_many_keeps_input_order_and_reports_errors(tmp_path):
    """Two workers give the serial results in input order; a broken file is an error, the rest go on."""
    _folder(tmp_path)
    serial = list(dpcheck.scan_many(tmp_path, workers=1))
    parallel = list(dpcheck.scan_many(tmp_path, workers=2, window=1))
    assert [os.path.basename(d.path) for d in serial] == sorted(DOCS)
    assert _dicts(parallel) == _dicts(serial)
    broken = serial[sorted(DOCS).index("c-broken.pdf")]
    assert broken.status == "error" and broken.error.code == "E111-pdf-corrupt"
    assert sum(d.ok for d in serial) == len(DOCS) - 1
    chosen = dpcheck.scan_many(tmp_path, workers=1, include=["*.md"], exclude=["b-*"])
    assert [os.path.basename(d.path) for d in chosen] == ["a-policy.md", "d-policy.md", "e-policy.md"]


def test_batch_scan_many_is_lazy_with_a_bounded_window(tmp_path):
    """Results stream from an endless input: only a window of documents is ever in flight."""
    path = tmp_path / "p.md"
    path.write_text(POLICY, encoding="utf-8")
    first = list(itertools.islice(dpcheck.scan_many(itertools.repeat(path), workers=2, window=3), 7))
    assert len(first) == 7 and all(d.ok and d.path == str(path) for d in first)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="worker processes forked from the test's")
def test_batch_worker_death_reports_only_the_culprit(tmp_path, monkeypatch):
    """A document that kills its worker is E198-worker-died; the others in flight with it are scanned again."""
    if threading.active_count() > 1:
        pytest.skip("another thread runs, so workers are not forked and would not see the poison")
    docs = {f"{i:02d}-policy.md": POLICY for i in range(8)} | {"01-poison.md": POLICY}
    _folder(tmp_path, docs)
    monkeypatch.setattr(Scanner, "scan_path", _dying_on_poison(Scanner.scan_path))
    results = list(dpcheck.scan_many(tmp_path, workers=2, window=4, cache=tmp_path / "cache"))
    names = [os.path.basename(d.path) for d in results]
    assert names == sorted(docs)
    poisoned = results[names.index("01-poison.md")]
    assert poisoned.status == "error" and poisoned.error.code == "E198-worker-died"
    assert all(d.ok for d in results if d is not poisoned)
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1  # the ok ones share their bytes; no death cached


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_batch_broken_executor_goes_on_in_a_fresh_pool(tmp_path):
    """When the caller's process pool breaks, the batch goes on in a pool of dpcheck's own, nothing lost."""
    docs = {f"{i:02d}-policy.md": POLICY for i in range(6)} | {"01-poison.md": POLICY}
    _folder(tmp_path, docs)
    pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("fork"), initializer=_poison_worker)
    with pool:
        results = list(dpcheck.scan_many(tmp_path, executor=pool, workers=1, window=3))
    assert [os.path.basename(d.path) for d in results] == sorted(docs)
    assert all(d.ok for d in results)


def test_batch_cache_hits_misses_and_repairs(tmp_path):
    """A re-scan reads the cache; a corrupt entry is rescanned and rewritten; moved files still hit."""
    docs = _folder(tmp_path / "docs")
    cache = tmp_path / "cache"
    cold = list(dpcheck.scan_many(docs, workers=1, cache=cache))
    entries = sorted((cache).rglob("*.json"))
    assert len(entries) == len(DOCS)  # every report here is decided by the content
    warm = list(dpcheck.scan_many(docs, workers=2, cache=cache))
    assert _dicts(warm) == _dicts(cold)
    # Proof that the warm scan read the cache: an edited entry shows through.
    entry = json.loads(entries[0].read_text(encoding="utf-8"))
    entry["document"]["characters"] = 123456789
    entries[0].write_text(json.dumps(entry), encoding="utf-8")
    assert 123456789 in [d.characters for d in dpcheck.scan_many(docs, workers=1, cache=cache)]
    entries[0].write_text("{not json", encoding="utf-8")
    assert _dicts(dpcheck.scan_many(docs, workers=1, cache=cache)) == _dicts(cold)
    assert json.loads(entries[0].read_text(encoding="utf-8"))["document"]["characters"] != 123456789
    moved = tmp_path / "moved"
    docs.rename(moved)
    again = list(dpcheck.scan_many(moved, workers=1, cache=cache))
    assert [d.path for d in again] == [str(moved / name) for name in sorted(DOCS)]
    broken = again[sorted(DOCS).index("c-broken.pdf")]
    assert str(moved) in broken.error.message and str(docs) not in broken.error.message
    assert len(list(cache.rglob("*.json"))) == len(entries)


def test_batch_cache_key_follows_rules_options_and_content(tmp_path):
    """A changed rule or policy file, another as_of day or other bytes give another key; the same inputs the
    same key."""
    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    doc = tmp_path / "p.md"
    doc.write_text(POLICY, encoding="utf-8")
    store = ResultCache(tmp_path / "cache")
    day = date(2025, 1, 1)
    key = store.key(doc, scan_context({"rules": rules, "as_of": day}))
    assert key == store.key(doc, scan_context({"rules": rules, "as_of": day}))
    assert key != store.key(doc, scan_context({"rules": rules, "as_of": date(2019, 1, 1)}))
    flag = next((rules / "flags").glob("*.yml"))
    flag.write_text(flag.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    edited = store.key(doc, scan_context({"rules": rules, "as_of": day}))
    assert edited != key
    doc.write_text(POLICY + "\nMore text.\n", encoding="utf-8")
    assert store.key(doc, scan_context({"rules": rules, "as_of": day})) not in (key, edited)
    assert store.key(tmp_path, scan_context({"as_of": day})) is None
    policy = tmp_path / "policy.toml"
    shutil.copy(EXAMPLE_POLICY, policy)
    with_policy = store.key(doc, scan_context({"as_of": day, "policy": policy}))
    policy.write_text(policy.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert store.key(doc, scan_context({"as_of": day, "policy": policy})) != with_policy
    assert scan_context({"as_of": day, "policy": None}) == scan_context({"as_of": day})


def test_batch_cache_key_follows_the_policy_rules(tmp_path):
    """The buyer's-policy rules are rule files of the rules folder: editing one is another key (and ruleset version)."""
    from dpcheck.checks import Ruleset

    rules = tmp_path / "rules"
    shutil.copytree(rules_dir(), rules)
    doc = tmp_path / "p.md"
    doc.write_text(POLICY, encoding="utf-8")
    store = ResultCache(tmp_path / "cache")
    options = {"rules": rules, "as_of": date(2025, 1, 1), "policy": EXAMPLE_POLICY}
    key, version = store.key(doc, scan_context(options)), Ruleset.load(rules).version
    rule = rules / "policy" / "POLICY_COUNTRY_REFUSED.yml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("severity: high", "severity: medium"), encoding="utf-8")
    assert store.key(doc, scan_context(options)) != key
    assert Ruleset.load(rules).version != version


def test_batch_cache_stores_only_content_decided_reports(tmp_path):
    """Reports that were read and content errors are cached; unreadable files and internal errors are not."""
    assert cacheable({"status": "ok"})
    assert cacheable({"status": "error", "error": {"code": "E111-pdf-corrupt", "message": ""}})
    for code in ("E101-unreadable", "E199-internal-error", "E198-worker-died", "E150-timeout"):
        assert not cacheable({"status": "error", "error": {"code": code, "message": ""}})


def test_batch_cli_include_exclude_jsonl_and_fail_on_severity(tmp_path):
    """--include/--exclude choose files; jsonl has one line per document; --fail-on takes a severity."""
    _folder(tmp_path)
    runner = CliRunner()
    base = ["scan", str(tmp_path), "--no-cache", "-j", "1", "--format", "jsonl"]
    result = runner.invoke(main, [*base, "--include", "*.md", "--exclude", "b-*"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [os.path.basename(d["path"]) for d in lines] == ["a-policy.md", "d-policy.md", "e-policy.md"]
    severities = {f["severity"] for d in lines for f in d["findings"]}
    assert "high" in severities
    assert runner.invoke(main, [*base, "--include", "*.md", "--fail-on", "high"]).exit_code == 1
    assert runner.invoke(main, [*base, "--include", "a-*", "--fail-on", "high"]).exit_code == 0
    assert runner.invoke(main, [*base, "--include", "a-*", "--fail-on", "info"]).exit_code == 1
    assert runner.invoke(main, [*base, "--fail-on", "high"]).exit_code == 2  # c-broken.pdf: unreadable wins
    assert runner.invoke(main, [*base, "--workers", "0"]).exit_code == 2


@pytest.mark.slow
def test_batch_json_is_byte_identical_across_workers_and_cache(tmp_path, corpora):
    """corpora/ gives the same JSON bytes with 1 or 2 workers, with no cache, a cold cache and a warm one."""
    runner = CliRunner()
    cache = tmp_path / "cache"
    runs = {
        "1 worker, no cache": ["-j", "1", "--no-cache"],
        "2 workers, cold cache": ["-j", "2", "--cache-dir", str(cache)],
        "2 workers, warm cache": ["-j", "2", "--cache-dir", str(cache)],
        "1 worker, warm cache": ["-j", "1", "--cache-dir", str(cache)],
    }
    outputs = {}
    for label, flags in runs.items():
        result = runner.invoke(main, ["scan", str(corpora), "--format", "json", "--as-of", "2026-01-01", *flags])
        assert result.exit_code == 0, (label, result.output[-2000:])
        outputs[label] = result.output
    baseline = outputs["1 worker, no cache"]
    assert len(set(outputs.values())) == 1, [label for label, output in outputs.items() if output != baseline]
    assert len(json.loads(baseline)["documents"]) == len(list(iter_documents([corpora])))


def test_batch_cli_and_library_share_cache_entries_for_the_same_scan(tmp_path):
    """The command line spells out the default limits; the library leaves them out: one scan, one key."""
    from dpcheck.batch import resolve_options
    from dpcheck.limits import Limits

    day = date(2025, 1, 1)
    cli = scan_context(resolve_options({"rules": None, "as_of": day, "policy": None, "limits": Limits()}))
    assert cli == scan_context(resolve_options({"as_of": day}))
    assert cli != scan_context(resolve_options({"as_of": day, "limits": Limits(max_pages=10)}))


@pytest.mark.parametrize(
    ("field", "bad"),
    [("quote", 7), ("start", "12"), ("page", 1.5), ("section", "Transfers"), ("relied_upon", "yes"), ("role", None)],
)
def test_batch_serialize_refuses_mentions_and_evidence_of_another_shape(scanner, field, bad):
    """Quotes and mentions of another shape are refused, with an error the cache treats as a miss."""
    doc = scanner.scan_text("We store customer data in the United States under the SCCs.", language="en")
    data = json.loads(json.dumps(document_to_data(doc)))
    mention = data["mentions"][0]
    (mention if field in ("relied_upon", "role") else mention["evidence"])[field] = bad
    with pytest.raises(msgspec.ValidationError):
        document_from_data(data)
