"""Scan a vendor's dossier: each document alone, then each DPA with its annexes as one agreement,
then the dossier as a whole (:mod:`dpcheck.vendor`), with what changed between dated versions; and
compare any two versions of a vendor's terms (:func:`diff`).

    >>> report = dpcheck.scan_vendor("vendors/acme/")          # a folder, with or without vendor.toml
    >>> report.rating, [d.country for d in report.destinations], [q.text for q in report.questions]
    >>> dpcheck.diff("dpa-2023.pdf", "dpa-2025.pdf").changes
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dpcheck import ingest
from dpcheck.changes import Comparison, Terms, compare, compare_reports
from dpcheck.changes.lexicon import DiffWords
from dpcheck.errors import IngestError, VendorCode, VendorError
from dpcheck.ingest.document import Document
from dpcheck.models import DocType, DocumentReport
from dpcheck.report.json import document_to_dict, report_to_dict
from dpcheck.report.vendor_json import vendor_to_dict
from dpcheck.scanner import Scanner, iter_documents
from dpcheck.vendor.combine import combine
from dpcheck.vendor.join import plan
from dpcheck.vendor.manifest import MANIFEST, Manifest, ManifestDocument, folder_manifest, read_manifest
from dpcheck.vendor.model import Agreement, VendorReport

# The document type a role is scanned as: an addendum amends a DPA and is read as one.
ROLE_TYPES: dict[str, DocType] = {
    "dpa": "dpa",
    "addendum": "dpa",
    "privacy_policy": "privacy_policy",
    "subprocessor_list": "subprocessor_list",
    "other": "other",
}


@dataclass(frozen=True)
class Source:
    """One document of a dossier, not yet read: how it is listed, how reports name it, how to load it."""

    item: ManifestDocument
    name: str
    load: Callable[[], Document]
    sha256: str


def scan_vendor(
    source: str | os.PathLike[str], *, scanner: Scanner | None = None, shown_as: str | None = None, **options: Any
) -> VendorReport:
    """The vendor report of a dossier: a folder of a vendor's documents (described by the
    ``vendor.toml`` in it, if any), or the path of a ``vendor.toml``. ``options`` build the
    :class:`Scanner` (``as_of=``, ``policy=``, ``rules=``, limits), unless ``scanner`` is given.
    ``shown_as`` names the folder in the report instead of its path, and each document by its path
    inside the folder (the service's answer for an uploaded bundle names no folder of the server).

    Raises :class:`~dpcheck.errors.VendorError` when the folder, its vendor.toml or any document
    in it cannot be found; a document that cannot be read is reported (and fails the rating closed).
    """
    path = Path(source)
    folder = path.parent if path.name == MANIFEST and path.is_file() else path
    if not folder.is_dir():
        raise VendorError(VendorCode.NOT_FOUND, f"{source}: no such folder or {MANIFEST}")
    scanner = scanner or Scanner(**options)
    if (folder / MANIFEST).is_file():
        manifest = read_manifest(folder)
    else:
        manifest = folder_manifest(folder, iter_documents([folder]))
    if not manifest.documents:
        raise VendorError(VendorCode.NO_DOCUMENTS, f"{folder}: no document to read (PDF, HTML, Markdown, text, DOCX)")
    sources = [
        Source(
            item,
            item.path if shown_as is not None else str(folder / item.path),
            _loader(folder / item.path, scanner),
            _sha256(folder / item.path),
        )
        for item in manifest.documents
    ]
    return read_dossier(scanner, manifest, str(folder) if shown_as is None else shown_as, sources)


def scan_vendor_texts(
    documents: Sequence[tuple[str, str | None, str]],
    *,
    name: str = "vendor",
    language: str | None = None,
    scanner: Scanner | None = None,
    **options: Any,
) -> VendorReport:
    """The vendor report of a dossier given as texts: (name, role or None, Markdown text) each, all in
    ``language`` (default: detected per document). For examples and tests."""
    scanner = scanner or Scanner(**options)
    sources = [
        Source(
            ManifestDocument(doc_name, role),
            doc_name,
            _text_loader(text, doc_name, scanner),
            hashlib.sha256(text.encode()).hexdigest(),
        )
        for doc_name, role, text in documents
    ]
    return read_dossier(scanner, Manifest(name, tuple(s.item for s in sources)), name, sources, language=language)


def read_dossier(
    scanner: Scanner, manifest: Manifest, folder: str, sources: Sequence[Source], *, language: str | None = None
) -> VendorReport:
    """Scan each document alone, plan the dossier, read each agreement together, and combine."""
    by_name = {s.name: s for s in sources}
    alone = [(s.item, _scan(scanner, [s], s.item.role, language)[0], s.sha256) for s in sources]
    planned = plan(
        [
            (ManifestDocument(s.name, item.role, item.date, item.url), report, sha)
            for s, (item, report, sha) in zip(sources, alone, strict=True)
        ]
    )
    agreements = []
    for dpa, annexes in planned.agreements:
        readable = tuple(a for a in annexes if next(d for d in planned.documents if d.path == a).report.ok)
        report, parts = _scan(scanner, [by_name[dpa], *(by_name[a] for a in readable)], "dpa", language)
        agreements.append(Agreement(dpa, readable, report, parts))
    reports = {d.path: d.report for d in planned.documents}
    words = scanner.diff_words
    changes = tuple(
        compare(_terms(reports[old], words), _terms(reports[new], words), words=words) for old, new in planned.versions
    )
    return combine(
        name=manifest.name,
        folder=folder,
        documents=planned.documents,
        agreements=tuple(agreements),
        ruleset=scanner.ruleset,
        day=scanner.as_of,
        source=manifest.source,
        changes=changes,
    )


def _scan(
    scanner: Scanner, sources: Sequence[Source], role: str | None, language: str | None
) -> tuple[DocumentReport, tuple[Any, ...]]:
    doc_type = ROLE_TYPES[role] if role is not None else None
    return scanner.scan_together(
        [(s.name, s.load) for s in sources],
        name=" + ".join(s.name for s in sources),
        doc_type=doc_type,
        language=language,
    )


def _terms(report: DocumentReport, words: DiffWords) -> Terms:
    return Terms.of_document(document_to_dict(report, graph=False), words=words)


def _loader(path: Path, scanner: Scanner) -> Callable[[], Document]:
    return lambda: ingest.load(path, limits=scanner.limits)


def _text_loader(text: str, name: str, scanner: Scanner) -> Callable[[], Document]:
    return lambda: ingest.load_text(text, name=name, format="markdown", limits=scanner.limits)


def _sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""  # reported as unreadable by its scan


def diff(
    old: str | os.PathLike[str], new: str | os.PathLike[str], *, scanner: Scanner | None = None, **options: Any
) -> Comparison:
    """What changed from version ``old`` to version ``new``: each a document (scanned), a saved JSON
    report (of one document, or a vendor report) or a vendor folder / vendor.toml (scanned as a
    dossier); both documents or both vendors.

    Raises :class:`~dpcheck.errors.IngestError` for a document that cannot be read,
    :class:`~dpcheck.errors.VendorError` for a dossier that cannot, ValueError otherwise.
    """
    scanner = scanner or Scanner(**options)
    (before, old_text, old_whole), (after, new_text, new_whole) = _version(old, scanner), _version(new, scanner)
    if ("vendor" in before) != ("vendor" in after):
        raise ValueError("compare two documents or two vendors, not one of each")
    return compare_reports(
        before,
        after,
        old_name=str(old),
        new_name=str(new),
        old_text=old_text,
        new_text=new_text,
        old_whole=old_whole,
        new_whole=new_whole,
        words=scanner.diff_words,
    )


def _version(source: str | os.PathLike[str], scanner: Scanner) -> tuple[dict[str, Any], str, str]:
    """One version as a JSON report, and a scanned document's text (read once), so the diff can tell a
    recipient the other version does not name from one it names in another layout; a saved report or a
    vendor folder has no text of its own here. The first text leaves out cookie, opt-out and plug-in choices:
    a company named only there is no recipient (:func:`~dpcheck.extract.recipients.named_text`); the second is
    the whole text, where the diff seeks words said again."""
    from dpcheck.extract.recipients import RecipientWords, named_text

    path = Path(source)
    if path.is_dir() or path.name == MANIFEST or path.suffix.lower() == ".json":
        return read_version(source, scanner), "", ""
    lexicon = scanner.ruleset.lexicon
    words = RecipientWords.from_data(lexicon["recipients"], lexicon["words"])
    texts: list[tuple[str, str]] = []

    def read(document: Document) -> None:
        texts.append((named_text(document, words), "\n\n".join(block.text for block in document.blocks)))

    scanned = scanner.scan_path(path, on_read=read)
    return _document_report(scanner, scanned, path), "".join(t for t, _ in texts), "".join(w for _, w in texts)


def read_version(source: str | os.PathLike[str], scanner: Scanner) -> dict[str, Any]:
    """One version as a JSON report: a saved report as it is, a vendor folder or a document scanned."""
    path = Path(source)
    if path.is_dir() or path.name == MANIFEST:
        return vendor_to_dict(scan_vendor(path, scanner=scanner))
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: not a JSON report: {exc}") from exc
        if not isinstance(data, dict) or not ("vendor" in data or "documents" in data):
            raise ValueError(f"{path}: not a dpcheck JSON report (of a document or a vendor)")
        return data
    return _document_report(scanner, scanner.scan_path(path), path)


def _document_report(scanner: Scanner, scanned: DocumentReport, path: Path) -> dict[str, Any]:
    report = scanner.report([scanned])
    error = report.documents[0].error
    if error is not None:
        raise IngestError(error.code, f"{path}: {error.message}")  # type: ignore[arg-type]
    return report_to_dict(report, graph=False)
