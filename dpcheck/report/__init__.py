"""Report writers: JSON (stable, for machines) and text (for people)."""

from dpcheck.report.json import document_to_dict, report_to_dict
from dpcheck.report.text import render_text

__all__ = ["document_to_dict", "render_text", "report_to_dict"]
