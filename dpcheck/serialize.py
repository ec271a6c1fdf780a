"""The one internal (de)serialisation of a document's report, for batch workers and the cache.

Plain JSON data that rebuilds the :class:`~dpcheck.models.DocumentReport` exactly, data flow
included; it follows the result types field by field (cattrs) and is no public format: the
published one is the JSON report (:mod:`dpcheck.report.json`).
"""

from __future__ import annotations

from typing import Any

from cattrs.preconf.json import make_converter

from dpcheck.models import DocumentReport, Evidence, Mention

_converter = make_converter()


def _evidence(data: Any, _: type) -> Evidence:
    # A report holds thousands of quotes: built directly they cost a third of what the generic hooks do, which
    # is most of a cached re-scan. The checks keep a damaged cache entry from passing as a report.
    quote, start, end, page, section, reason = (
        data["quote"],
        data["start"],
        data["end"],
        data["page"],
        data["section"],
        data["reason"],
    )
    if not (
        isinstance(quote, str)
        and type(start) is int
        and type(end) is int
        and (page is None or type(page) is int)
        and isinstance(section, list)
        and all(isinstance(part, str) for part in section)
        and isinstance(reason, str)
    ):
        raise TypeError("evidence of another shape")
    return Evidence(quote, start, end, page, tuple(section), reason)


def _mention(data: Any, _: type) -> Mention:
    kind, value, relied, detail, role = data["kind"], data["value"], data["relied_upon"], data["detail"], data["role"]
    if not (
        isinstance(kind, str)
        and isinstance(value, str)
        and type(relied) is bool
        and isinstance(detail, str)
        and isinstance(role, str)
    ):
        raise TypeError("mention of another shape")
    return Mention(kind, value, _evidence(data["evidence"], Evidence), relied, detail, role)


_converter.register_structure_hook(Evidence, _evidence)
_converter.register_structure_hook(Mention, _mention)


def document_to_data(doc: DocumentReport) -> dict[str, Any]:
    data: dict[str, Any] = _converter.unstructure(doc)
    return data


def document_from_data(data: dict[str, Any]) -> DocumentReport:
    """The inverse of :func:`document_to_data`; raises on data of another shape."""
    return _converter.structure(data, DocumentReport)
