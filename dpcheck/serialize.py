"""The one internal (de)serialisation of a document's report, for batch workers and the cache.

Plain JSON data that rebuilds the :class:`~dpcheck.models.DocumentReport` exactly, data flow
included; it follows the result types field by field (cattrs) and is no public format: the
published one is the JSON report (:mod:`dpcheck.report.json`).
"""

from __future__ import annotations

from typing import Any

from cattrs.preconf.json import make_converter

from dpcheck.models import DocumentReport

_converter = make_converter()


def document_to_data(doc: DocumentReport) -> dict[str, Any]:
    data: dict[str, Any] = _converter.unstructure(doc)
    return data


def document_from_data(data: dict[str, Any]) -> DocumentReport:
    """The inverse of :func:`document_to_data`; raises on data of another shape."""
    return _converter.structure(data, DocumentReport)
