"""Report writers: ``render(report, fmt)`` for every output format named in :data:`FORMATS`.

JSON (stable, for machines, with a JSON Schema), JSONL, CSV, SARIF 2.1.0, Markdown, HTML and
text; fideslang system manifests per document come from :mod:`dpcheck.report.fides`.
"""

from dpcheck.report.formats import FORMATS, OutputFormat, RenderOptions, render
from dpcheck.report.json import document_to_dict, report_to_dict
from dpcheck.report.text import render_text

__all__ = ["FORMATS", "OutputFormat", "RenderOptions", "document_to_dict", "render", "render_text", "report_to_dict"]
