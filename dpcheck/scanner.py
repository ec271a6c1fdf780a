"""The pipeline in one place: ingest → nlp → extract → graph → checks → report.

A :class:`Scanner` loads the rules and builds the spaCy pipelines once and can then scan
any number of documents; it holds no state that one scan leaves for the next.
"""

from __future__ import annotations

import copy
import gc
import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import date
from fnmatch import fnmatch
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Literal

from spacy.language import Language

from dpcheck import ingest
from dpcheck.checks import Ruleset
from dpcheck.checks.art28 import assess as assess_art28
from dpcheck.errors import ErrorCode, IngestError, describe
from dpcheck.extract import Extraction, Lexicon, extract, mechanisms_near
from dpcheck.graph import build_graph
from dpcheck.ingest.document import Document
from dpcheck.limits import Limits, checkpoint, enforce
from dpcheck.models import DocType, DocumentReport, Report, ScanError, Transfer, TransferPath
from dpcheck.nlp import SUPPORTED, LanguageDetector, build_pipeline
from dpcheck.nlp.gazetteer import EEA_REGION, UNSPECIFIED
from dpcheck.policy import Policy
from dpcheck.resources import load_yaml, rules_dir

logger = logging.getLogger(__name__)

# The process whose objects were last frozen out of the cyclic collector's reach (see Scanner._prepare).
_FROZEN_IN: int | None = None

REPORT_FORMAT = "1.1.0"  # 1.1: art28_checklist; partial, warnings; summary ok, partial, errors_by_code
DOCUMENT_SUFFIXES = {".pdf", ".html", ".htm", ".xhtml", ".md", ".markdown", ".txt", ".text", ".docx"}
SKIPPED_NAMES = ("readme", "license", "licence", "changelog")

try:
    TOOL_VERSION = version("dpcheck")
except PackageNotFoundError:  # running from a source tree that was never installed
    TOOL_VERSION = "0+unknown"


def iter_documents(paths: Iterable[str | os.PathLike[str]], *, include: Sequence[str] = (),
                   exclude: Sequence[str] = ()) -> Iterator[Path]:
    """Files to scan: given files as they are, folders walked for document files (sorted).

    In folders, ``include`` globs (if any) replace the default choice of document suffixes, and
    files matching an ``exclude`` glob are left out; a glob is matched against the path below the
    folder and against the file name (``*.pdf``, ``archive/*``, ``*-2019.*``).
    """
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            # Special files (pipes, sockets) are listed too, so that the report names them as unreadable.
            for child in sorted(p for p in path.rglob("*") if not p.is_dir()):
                rel = child.relative_to(path)
                if any(part.startswith(".") for part in rel.parts):
                    continue
                if include:
                    chosen = _matches(rel, include)
                else:
                    chosen = (child.suffix.lower() in DOCUMENT_SUFFIXES
                              and not child.name.lower().startswith(SKIPPED_NAMES))
                if chosen and not _matches(rel, exclude):
                    yield child
        else:
            yield path


def _matches(rel: Path, globs: Sequence[str]) -> bool:
    posix = rel.as_posix()
    return any(fnmatch(posix, glob) or fnmatch(rel.name, glob) for glob in globs)


class Scanner:
    """Scans documents with one loaded ruleset.

    >>> scanner = Scanner()
    >>> report = scanner.scan(["vendor-dpa.pdf", "policies/"])
    """

    def __init__(self, *, rules: str | os.PathLike[str] | None = None, as_of: date | None = None,
                 limits: Limits | None = None, max_bytes: int | None = None, max_pages: int | None = None,
                 policy: str | os.PathLike[str] | Policy | None = None) -> None:
        """``as_of``: judge documents by the law in force on that day (default: today), and
        acceptances of ``policy`` (a buyer's policy file or a loaded :class:`Policy`) by it too.

        ``limits`` bound what one document may cost (see :class:`~dpcheck.limits.Limits`);
        ``max_bytes`` and ``max_pages`` are shorthands that override those two of them.
        """
        limits = limits or Limits()
        if max_bytes is not None or max_pages is not None:
            limits = replace(limits, max_bytes=max_bytes or limits.max_bytes, max_pages=max_pages or limits.max_pages)
        self.limits = limits
        folder = Path(rules) if rules is not None else rules_dir()
        self.as_of = as_of or date.today()
        self.ruleset = Ruleset.load(folder)
        self._lexicon = {p.stem: load_yaml(p) for p in sorted((folder / "lexicon").glob("*.yml"))}
        if policy is None or isinstance(policy, Policy):
            self.policy = policy
        else:
            self.policy = Policy.load(policy, ruleset=self.ruleset,
                                      country_aliases=self._lexicon.get("countries", {}).get("aliases", {}))
        self._extraction_lexicon = Lexicon.from_data(self._lexicon)
        self._pipelines: dict[str, Language] = {}
        self._detector: LanguageDetector | None = None

    def pipeline(self, lang: str) -> Language:
        lang = lang if lang in SUPPORTED else "en"
        if lang not in self._pipelines:
            nlp = build_pipeline(lang, self._lexicon)
            nlp.max_length = 10**8  # blocks are fed one by one; the limit guards memory per block only
            self._pipelines[lang] = nlp
        return self._pipelines[lang]

    def detect_language(self, text: str) -> str:
        if self._detector is None:
            self._detector = LanguageDetector()
        return self._detector.detect(text)

    def with_limits(self, limits: Limits) -> Scanner:
        """A scanner with other limits that shares this one's ruleset and pipelines (no rebuild)."""
        other = copy.copy(self)
        other.limits = limits
        return other

    def _prepare(self) -> None:
        """Build the language detector and every pipeline before a document's time starts:
        a timeout is for the document, and a build cut short would be retried by every next one."""
        built = self._detector is None or any(lang not in self._pipelines for lang in SUPPORTED)
        if self._detector is None:
            self._detector = LanguageDetector()
        for lang in SUPPORTED:
            self.pipeline(lang)
        global _FROZEN_IN
        if built or _FROZEN_IN != os.getpid():
            # Pipelines, lexicons and the language model are a few hundred thousand objects that live
            # as long as the scanner: left to the cyclic collector, its full collections walk them all
            # (a twentieth of a scan's time). Frozen when built, and once in a forked worker.
            gc.freeze()
            _FROZEN_IN = os.getpid()

    def report(self, documents: Iterable[DocumentReport]) -> Report:
        return Report(tuple(documents), TOOL_VERSION, self.ruleset.version, self.as_of.isoformat(), REPORT_FORMAT,
                      facts_as_of=self.ruleset.facts.as_of, policy=self.policy.ref if self.policy else None)

    def scan(self, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]]) -> Report:
        """Scan files and folders; unreadable documents are reported, never raised."""
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        return self.report(self.scan_path(p) for p in iter_documents(paths))

    def scan_path(self, path: str | os.PathLike[str]) -> DocumentReport:
        """Scan one file; the report's path is ``path`` exactly as given."""
        return self._guarded(str(path), lambda: self.scan_document(ingest.load(path, limits=self.limits),
                                                                  path=str(path)))

    def scan_bytes(self, data: bytes, name: str, *, language: str | None = None) -> DocumentReport:
        return self._guarded(name, lambda: self.scan_document(ingest.load(data, name=name, limits=self.limits),
                                                              path=name, language=language))

    def scan_text(self, text: str, *, name: str = "<text>", language: str | None = None,
                  format: str = "text", doc_type: DocType | None = None) -> DocumentReport:
        """Scan text already in hand; ``doc_type`` overrides the classifier when the caller knows it."""
        fmt: Literal["text", "markdown"] = "markdown" if format == "markdown" else "text"
        return self._guarded(name, lambda: self.scan_document(
            ingest.load_text(text, name=name, format=fmt, limits=self.limits),
            path=name, language=language, doc_type=doc_type))

    def _guarded(self, name: str, scan: Callable[[], DocumentReport]) -> DocumentReport:
        """Run one document's scan within its limits; whatever goes wrong becomes an error report."""
        self._prepare()
        try:
            with enforce(self.limits):
                return scan()
        except IngestError as exc:
            return _error(name, exc.code, exc.message)
        except RecursionError as exc:
            return _error(name, ErrorCode.INTERNAL, f"{describe(exc)}: the document nests too deeply")
        except MemoryError:
            return _error(name, ErrorCode.MEMORY, "ran out of memory reading the document")
        except Exception as exc:  # noqa: BLE001 - one broken document must not end a batch scan
            logger.exception("internal error scanning %s", name)
            return _error(name, ErrorCode.INTERNAL, f"{describe(exc)} (please report this)")

    def scan_document(self, document: Document, *, path: str, language: str | None = None,
                      doc_type: DocType | None = None) -> DocumentReport:
        if not document.text.strip():
            return _error(path, ErrorCode.NO_TEXT, "the document contains no text to read")
        self._prepare()
        with enforce(self.limits):
            lang = language or self.detect_language(document.text)
            eea = set(self.ruleset.facts.eea) | {EEA_REGION}
            checkpoint()
            extraction = extract(document, self.pipeline(lang), self._extraction_lexicon, eea,
                                 doc_type=doc_type)
            checkpoint()
            transfers = self._transfers(extraction)
            recipients = tuple(extraction.recipients)
            flowdown = {m.value for m in extraction.flowdown}
            graph = build_graph(transfers, recipients, flowdown=flowdown, eea=eea)
            features, findings = self.ruleset.check(extraction, self.as_of, lang, graph)
            paths = features["transfer_paths"].value
            transfers = tuple(_as_reached(t, paths) for t in transfers)
            checklist = assess_art28(extraction, self.ruleset.facts).items if extraction.doc_type == "dpa" else ()
        report = DocumentReport(
            path=path, status="ok", doc_type=extraction.doc_type, language=lang, format=document.format,
            transfers=transfers, mechanisms=tuple(sorted(extraction.relied_mechanisms)), recipients=recipients,
            mentions=tuple(extraction.mentions), findings=findings, paths=paths,
            rating=self.ruleset.rating(findings), pages=document.page_count, characters=len(document.text),
            checklist=checklist, partial=document.partial, warnings=document.warnings, graph=graph,
        )
        # The buyer's policy comes after detection, so the GDPR findings are the same with or without it.
        return _fail_closed(self.policy.apply(report, self.as_of) if self.policy else report)

    def _transfers(self, extraction: Extraction) -> tuple[Transfer, ...]:
        relied = extraction.relied_mechanisms
        facts = self.ruleset.facts
        transfers = []
        for destination, mentions in sorted(extraction.destinations.items()):
            same_sentence = mechanisms_near(tuple(m.evidence for m in mentions), relied)
            mechanisms = same_sentence or set(relied)
            adequate = destination != UNSPECIFIED and facts.fully_adequate(destination, self.as_of)
            recipients = tuple(r.name for r in extraction.recipients if destination in r.locations)
            transfers.append(Transfer(destination, tuple(sorted(mechanisms)), recipients, adequate,
                                      tuple(m.evidence for m in mentions[:5])))
        return tuple(transfers)


def _as_reached(transfer: Transfer, paths: tuple[TransferPath, ...]) -> Transfer:
    """A destination's mechanisms are those of the hops that reach it: a sub-processor's onward
    transfer does not borrow the tools the vendor names for its own."""
    reaching = [p for p in paths if p.country == transfer.destination]
    if not reaching:
        return transfer
    return replace(transfer, mechanisms=tuple(sorted({m for p in reaching for m in p.mechanisms})))


def _fail_closed(report: DocumentReport) -> DocumentReport:
    """A document read only in part is never green, whatever the rules or the buyer's policy
    say: the lost part may hold the terms that matter."""
    return replace(report, rating="yellow") if report.partial and report.rating == "green" else report


def _error(path: str, code: str, message: str) -> DocumentReport:
    # An unreadable document is never rated green: it is red until a person reads it.
    return DocumentReport(path=path, status="error", error=ScanError(str(code), message), rating="red")
