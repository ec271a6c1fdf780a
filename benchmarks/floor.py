"""The floor of a document: what no scanner can skip, its text extracted and tokenized by spaCy.

Extraction is pypdfium2 for PDF, bs4 + lxml for HTML, python-docx for DOCX and the file itself for
Markdown and text. ``batch.py`` times it in its own process; run as a script it is the floor as a
whole process, which imports only what the given files need:

    python benchmarks/floor.py FILE...
"""

from __future__ import annotations

import re
import sys
from pathlib import Path


def extract_text(path: Path) -> tuple[str, int]:
    """The text of ``path`` and its number of pages (0 unless a PDF)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        import pypdfium2

        pdf = pypdfium2.PdfDocument(str(path))
        try:
            return "\n\n".join(page.get_textpage().get_text_range() for page in pdf), len(pdf)
        finally:
            pdf.close()
    if suffix in (".html", ".htm"):
        from bs4 import BeautifulSoup

        return BeautifulSoup(path.read_bytes(), "lxml").get_text("\n\n"), 0
    if suffix == ".docx":
        import docx

        return "\n\n".join(p.text for p in docx.Document(str(path)).paragraphs), 0
    return path.read_text(encoding="utf-8", errors="replace"), 0


class Floor:
    """spaCy's blank English and German tokenizers, built once like a scanner's pipelines."""

    def __init__(self) -> None:
        import spacy

        self.tokenizers = {"en": spacy.blank("en").tokenizer, "de": spacy.blank("de").tokenizer}

    def run(self, files: list[Path]) -> tuple[int, int]:
        """Extract and tokenize ``files`` block by block; their words and (PDF) pages."""
        words = pages = 0
        for path in files:
            text, n = extract_text(path)
            pages += n
            words += len(text.split())
            # A guess at the language good enough to pick a tokenizer, and nearly free.
            lang = "de" if re.search(r"-de[-.]|\b(der|die|und)\b", path.name + text[:2000]) else "en"
            for block in text.split("\n\n"):
                self.tokenizers[lang](block)
        return words, pages


if __name__ == "__main__":
    Floor().run([Path(p) for p in sys.argv[1:]])
