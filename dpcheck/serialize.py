"""The one internal (de)serialisation of a document's report, for batch workers and the cache.

Plain JSON data that rebuilds the :class:`~dpcheck.models.DocumentReport` exactly, data flow
included; it follows the result types field by field (msgspec, which checks every field's type,
literals such as a rating included, as it builds them) and is no public format: the published one
is the JSON report (:mod:`dpcheck.report.json`).
"""

from __future__ import annotations

from typing import Any

import msgspec

from dpcheck.models import DocumentReport


def document_to_data(doc: DocumentReport) -> dict[str, Any]:
    data: dict[str, Any] = msgspec.to_builtins(doc)
    return data


def document_from_data(data: dict[str, Any]) -> DocumentReport:
    """The inverse of :func:`document_to_data`; raises msgspec.ValidationError on data of another shape."""
    return msgspec.convert(data, DocumentReport)
