"""The pipeline in one place: ingest → nlp → extract → flows → checks → assemble → policy.

A :class:`Scanner` loads the rules and builds the spaCy pipelines once and can then scan
any number of documents; it holds no state that one scan leaves for the next.
"""

from __future__ import annotations

import copy
import gc
import hashlib
import logging
import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pycountry

from dpcheck.checks import Ruleset
from dpcheck.collector import fewer_collections
from dpcheck.errors import ErrorCode, IngestError, describe
from dpcheck.limits import Limits, checkpoint, enforce
from dpcheck.models import DOC_TYPES, DocType, DocumentReport, Report, Skipped
from dpcheck.nlp import SUPPORTED
from dpcheck.policy import Policy
from dpcheck.resources import rules_dir
from dpcheck.version import REPORT_FORMAT, TOOL_VERSION
from dpcheck.walk import Walk, iter_documents

# The stages that read a document (ingest's parsers; spaCy in nlp and extract) are imported where a
# document is first read, not here: a scan answered from the cache, `dpcheck rules`, `render` or
# `--version` never needs them, and importing them is most of a short run's time.
if TYPE_CHECKING:
    from spacy.language import Language

    from dpcheck.changes import DiffWords
    from dpcheck.extract import Lexicon
    from dpcheck.ingest.document import Document, Format
    from dpcheck.nlp.language import LanguageDetector
    from dpcheck.vendor.together import Part

__all__ = ["REPORT_FORMAT", "TOOL_VERSION", "Scanner", "iter_documents"]

logger = logging.getLogger(__name__)

# The process whose objects were last frozen out of the cyclic collector's reach (see Scanner._prepare).
_FROZEN_IN: int | None = None


def _language_name(code: str) -> str:
    language = pycountry.languages.get(alpha_2=code)
    return f"{language.name} ({code})" if language is not None else code


class Scanner:
    """Scans documents with one loaded ruleset.

    >>> scanner = Scanner()
    >>> report = scanner.scan(["vendor-dpa.pdf", "policies/"])
    """

    def __init__(
        self,
        *,
        rules: str | os.PathLike[str] | None = None,
        as_of: date | None = None,
        limits: Limits | None = None,
        max_bytes: int | None = None,
        max_pages: int | None = None,
        policy: str | os.PathLike[str] | Policy | None = None,
        lang: str | None = None,
    ) -> None:
        """``as_of``: judge documents by the law in force on that day (default: today), and
        acceptances of ``policy`` (a buyer's policy file or a loaded :class:`Policy`) by it too.
        ``lang``: write messages and questions for the vendor in this language ("en", "de";
        default: each document's own).

        ``limits`` bound what one document may cost (see :class:`~dpcheck.limits.Limits`);
        ``max_bytes`` and ``max_pages`` are shorthands that override those two of them.
        """
        limits = limits or Limits()
        if max_bytes is not None or max_pages is not None:
            limits = replace(limits, max_bytes=max_bytes or limits.max_bytes, max_pages=max_pages or limits.max_pages)
        self.limits = limits
        self.lang = lang
        folder = Path(rules) if rules is not None else rules_dir()
        self.as_of = as_of or date.today()
        self.ruleset = Ruleset.load(folder)
        self.policy = (
            policy if policy is None or isinstance(policy, Policy) else Policy.load(policy, ruleset=self.ruleset)
        )
        self._pipelines: dict[str, Language] = {}
        self._detector: LanguageDetector | None = None

    @cached_property
    def _lexicon(self) -> Lexicon:
        from dpcheck.extract import Lexicon

        return Lexicon.from_data(self.ruleset.lexicon)

    @cached_property
    def diff_words(self) -> DiffWords:
        """The word lists ``dpcheck diff`` reads, of this scanner's rules: built once, kept as long as the scanner."""
        from dpcheck.changes import DiffWords

        return DiffWords.of(self.ruleset)

    def pipeline(self, lang: str) -> Language:
        from dpcheck.nlp.pipeline import build_pipeline

        lang = lang if lang in SUPPORTED else "en"
        if lang not in self._pipelines:
            nlp = build_pipeline(lang, self.ruleset.lexicon)
            nlp.max_length = 10**8  # blocks are fed one by one; the limit guards memory per block only
            self._pipelines[lang] = nlp
        return self._pipelines[lang]

    def detect_language(self, text: str) -> str:
        return self._language_detector().detect(text)

    def _language_detector(self) -> LanguageDetector:
        if self._detector is None:
            from dpcheck.nlp.language import LanguageDetector

            self._detector = LanguageDetector()
        return self._detector

    def _unread_language(self, text: str) -> tuple[ErrorCode, str] | None:
        """The error of a text in a language dpcheck does not read, or in no language at all."""
        from dpcheck.nlp.language import NO_LANGUAGE

        code = self._language_detector().unread(text)
        if code is None:
            return None
        if code == NO_LANGUAGE:
            return (
                ErrorCode.NOT_PRIVACY,
                "not a privacy or data-protection document: its text is in no language "
                "(encoded or random characters, such as base64 or a PGP block); not assessed",
            )
        read = " and ".join(_language_name(c) for c in SUPPORTED)
        named = _language_name(code) if code != "und" else "a language dpcheck cannot name"
        return (
            ErrorCode.LANGUAGE_NOT_READ,
            f"the document is in {named}; dpcheck reads only {read}: "
            "not assessed, have it read by a person who reads it",
        )

    def with_limits(self, limits: Limits) -> Scanner:
        """A scanner with other limits that shares this one's ruleset and pipelines (no rebuild)."""
        other = copy.copy(self)
        other.limits = limits
        return other

    def with_as_of(self, day: date) -> Scanner:
        """A scanner judging by the law of ``day`` that shares this one's ruleset and pipelines."""
        other = copy.copy(self)
        other.as_of = day
        return other

    def build(self, formats: Iterable[Format] | None = None) -> None:
        """Import the readers of ``formats`` (of every format by default) and build the language detector,
        the lexicon and every pipeline now (later calls cost nothing): before workers fork from this
        process, they share them."""
        from dpcheck import ingest

        # Building leaves some 200,000 container objects that live as long as the scanner: at CPython's default
        # threshold the collector ran about 1,000 collections meanwhile, walking them again and again, for a few
        # objects in cycles (a fifth of start-up).
        with fewer_collections():
            ingest.import_parsers(formats)
            self._language_detector()
            self._lexicon  # noqa: B018 - a cached property, built here
            for lang in SUPPORTED:
                self.pipeline(lang)

    def _prepare(self, formats: Iterable[Format] | None = ()) -> None:
        """Build everything before a document's time starts: a timeout is for the document, and a
        build cut short would be retried by every next one. ``formats``: the parsers the document will
        likely need (a parser it needs besides is imported when it is read)."""
        built = self._detector is None or any(lang not in self._pipelines for lang in SUPPORTED)
        self.build(formats)
        global _FROZEN_IN
        if built or _FROZEN_IN != os.getpid():
            # Pipelines, lexicons and the language model are a few hundred thousand objects that live
            # as long as the scanner: left to the cyclic collector, its full collections walk them all
            # (a twentieth of a scan's time). Frozen when built, and once in a forked worker.
            gc.freeze()
            _FROZEN_IN = os.getpid()

    def report(self, documents: Iterable[DocumentReport], skipped: Iterable[Skipped] = ()) -> Report:
        return Report(
            tuple(documents),
            TOOL_VERSION,
            self.ruleset.version,
            self.as_of.isoformat(),
            REPORT_FORMAT,
            facts_as_of=self.ruleset.facts.as_of,
            policy=self.policy.ref if self.policy else None,
            skipped=tuple(skipped),
        )

    def scan(
        self, paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]], *, follow_symlinks: bool = False
    ) -> Report:
        """Scan files and folders; unreadable documents are reported, never raised, and files of
        the folders left out are listed in the report's ``skipped``."""
        if isinstance(paths, str | os.PathLike):
            paths = [paths]
        walk = Walk(paths, follow_symlinks=follow_symlinks)
        documents = [self.scan_path(p) for p in walk]
        return self.report(documents, walk.skipped)

    def scan_path(
        self,
        path: str | os.PathLike[str],
        *,
        doc_type: DocType | None = None,
        on_read: Callable[[Document], None] | None = None,
    ) -> DocumentReport:
        """Scan one file; the report's path is ``path`` exactly as given, and its ``sha256`` that of
        the bytes read (read once: what was hashed is what was scanned); ``doc_type`` overrides the
        classifier when the caller knows it (a role in vendor.toml); ``on_read`` is given the document as
        read, within the limits (the diff's recipient check reads its text without reading the file again)."""
        from dpcheck import ingest

        _check_arguments(doc_type=doc_type)
        name = str(path)
        digest: list[str] = []

        def scan() -> DocumentReport:
            data = ingest.read_file(name, self.limits.max_bytes)
            digest.append(hashlib.sha256(data).hexdigest())
            document = ingest.load(data, name=name, limits=self.limits)
            if on_read is not None:
                on_read(document)
            return self.scan_document(document, path=name, doc_type=doc_type)

        report = self._guarded(name, scan, ingest.named_formats(name))
        return replace(report, sha256=digest[0]) if digest else report

    def scan_together(
        self,
        parts: Sequence[tuple[str, Callable[[], Document]]],
        *,
        name: str,
        doc_type: DocType | None = None,
        language: str | None = None,
    ) -> tuple[DocumentReport, tuple[Part, ...]]:
        """Scan documents as one, in order (an agreement with its addenda and annexes: see
        :mod:`dpcheck.vendor.together`): each part is a name and what loads it. Returns the report
        (named ``name``) and where each part sits in it (nothing if it cannot be read)."""
        from dpcheck.vendor.together import join

        _check_arguments(language, doc_type)
        placed: list[Part] = []

        def scan() -> DocumentReport:
            joined = join([(part, load()) for part, load in parts])
            placed.extend(joined.parts)
            return self.scan_document(joined.document, path=name, language=language, doc_type=doc_type)

        report = self._guarded(name, scan)
        return report, tuple(placed) if report.ok else ()

    def scan_bytes(self, data: bytes, name: str, *, language: str | None = None) -> DocumentReport:
        from dpcheck import ingest

        _check_arguments(language)
        return self._guarded(
            name,
            lambda: self.scan_document(ingest.load(data, name=name, limits=self.limits), path=name, language=language),
            ingest.named_formats(name),
        )

    def scan_text(
        self,
        text: str,
        *,
        name: str = "<text>",
        language: str | None = None,
        format: str = "text",
        doc_type: DocType | None = None,
    ) -> DocumentReport:
        """Scan text already in hand; ``doc_type`` overrides the classifier when the caller knows it."""
        from dpcheck import ingest

        _check_arguments(language, doc_type)
        if format not in ("text", "markdown"):
            raise ValueError(f"format {format!r} is not 'text' or 'markdown'")
        fmt: Literal["text", "markdown"] = "markdown" if format == "markdown" else "text"
        return self._guarded(
            name,
            lambda: self.scan_document(
                ingest.load_text(text, name=name, format=fmt, limits=self.limits),
                path=name,
                language=language,
                doc_type=doc_type,
            ),
            (fmt,),
        )

    def _guarded(
        self, name: str, scan: Callable[[], DocumentReport], formats: Iterable[Format] | None = None
    ) -> DocumentReport:
        """Run one document's scan within its limits; whatever goes wrong becomes an error report.
        ``formats``: those it will likely be read as (every format's parser is imported if unknown)."""
        self._prepare(formats)
        try:
            with fewer_collections(), enforce(self.limits):
                return scan()
        except IngestError as exc:
            return DocumentReport.failed(name, exc.code, exc.message)
        except RecursionError as exc:
            return DocumentReport.failed(name, ErrorCode.INTERNAL, f"{describe(exc)}: the document nests too deeply")
        except MemoryError:
            return DocumentReport.failed(name, ErrorCode.MEMORY, "ran out of memory reading the document")
        except Exception as exc:  # one broken document must not end a batch scan
            logger.exception("internal error scanning %s", name)
            return DocumentReport.failed(name, ErrorCode.INTERNAL, f"{describe(exc)} (please report this)")

    def scan_document(
        self, document: Document, *, path: str, language: str | None = None, doc_type: DocType | None = None
    ) -> DocumentReport:
        from dpcheck.assemble import assemble, fail_closed
        from dpcheck.extract import extract
        from dpcheck.extract.subject import not_about_privacy
        from dpcheck.flows import build_flow

        _check_arguments(language, doc_type)
        if not document.text.strip():
            return DocumentReport.failed(path, ErrorCode.NO_TEXT, "the document contains no text to read")
        self._prepare()
        facts = self.ruleset.facts
        with fewer_collections(), enforce(self.limits):
            if language is None and (refused := self._unread_language(document.text)) is not None:
                return DocumentReport.failed(path, *refused)
            lang = language or self.detect_language(document.text)
            checkpoint()
            extraction = extract(
                document,
                self.pipeline(lang),
                self._lexicon,
                facts.eea_places,
                doc_type=doc_type,
                implied=facts.sole_destinations,
            )
            # A caller who names the document type knows it is a privacy document; and what was not
            # read (scanned pages) may be one, so a partial read is assessed and never green instead.
            partial = any(notice.partial for notice in document.notices)
            reason = (
                None
                if doc_type is not None or partial
                else not_about_privacy(
                    extraction.subject, extraction.mentions, extraction.recipients, extraction.transfers_addressed
                )
            )
            if reason is not None:
                return DocumentReport.failed(
                    path,
                    ErrorCode.NOT_PRIVACY,
                    f"not a privacy or data-protection document: {reason}; not assessed, read it yourself",
                )
            checkpoint()
            flow = build_flow(extraction, facts, self.as_of)
            checked = self.ruleset.check(extraction, flow, self.as_of, self.lang or lang)
        report = assemble(
            document,
            path=path,
            language=lang,
            extraction=extraction,
            flow=flow,
            checked=checked,
            rating=self.ruleset.rating(checked.findings),
        )
        # The buyer's policy comes after detection, so the GDPR findings are the same with or without it.
        return fail_closed(self.policy.apply(report, self.as_of) if self.policy else report)


def _check_arguments(language: str | None = None, doc_type: str | None = None) -> None:
    """A language or document type the caller names that dpcheck does not know is the caller's mistake,
    reported at once: read with the English pipeline, or as a type no rule applies to, a document would be
    judged by the wrong rules and could come out green."""
    if language is not None and language not in SUPPORTED:
        raise ValueError(f"language {language!r} is not one dpcheck reads ({', '.join(SUPPORTED)})")
    if doc_type is not None and doc_type not in DOC_TYPES:
        raise ValueError(f"doc_type {doc_type!r} is not one of {', '.join(DOC_TYPES)}")
