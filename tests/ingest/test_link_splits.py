"""A sentence split into blocks by a link on a line of its own is one block again (dpcheck.ingest.document)."""

from __future__ import annotations

import pytest

from dpcheck.ingest import load, load_text

from .conftest import assert_consistent

MARKDOWN = {
    "en": "# Privacy\n\nFor sending newsletters we rely on\n\n[Postwise](https://postwise.example)\n\nbased in the United "
    "States.\n\n| Service | Place |\n|---|---|\n| Mail | United States |\n",
    "de": "# Datenschutz\n\nFür den Versand von Newslettern nutzen wir\n\n[Postwise](https://postwise.example)\n\nmit "
    "Sitz in den USA.\n\n| Dienst | Ort |\n|---|---|\n| Mail | USA |\n",
}
HTML = {
    "en": "<h1>Privacy</h1><p>For sending newsletters we rely on</p>\n<a href='https://postwise.example'>Postwise</a>\n"
    "<p>based in the United States.</p>",
    "de": "<h1>Datenschutz</h1><p>Für den Versand von Newslettern nutzen wir</p>\n<a href='https://postwise.example'>"
    "Postwise</a>\n<p>mit Sitz in den USA.</p>",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_link_on_its_own_line_leaves_its_sentence_one_block(lang):
    doc = load_text(MARKDOWN[lang], format="markdown")
    assert_consistent(doc)
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 1 and "Postwise" in paragraphs[0] and paragraphs[0].endswith(".")
    # What follows moves up with the text: the table still starts where its first row does.
    assert doc.tables and doc.text[doc.tables[0].start :].startswith(doc.tables[0].header[0])


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_link_between_html_paragraphs_of_one_sentence(lang, tmp_path):
    path = tmp_path / "policy.html"
    path.write_text(f"<html><body>{HTML[lang]}</body></html>", encoding="utf-8")
    doc = load(path)
    assert_consistent(doc)
    paragraphs = [b.text for b in doc.blocks if b.kind == "paragraph"]
    assert len(paragraphs) == 1 and "Postwise" in paragraphs[0] and paragraphs[0].endswith(".")


@pytest.mark.parametrize(
    "text",
    [
        # The first block ends its sentence: the link and the line after it are blocks of their own.
        "For details see our page.\n\n[Postwise](https://postwise.example)\n\nand more text.\n",
        "Für Einzelheiten siehe unsere Seite.\n\n[Postwise](https://postwise.example)\n\nund weiterer Text.\n",
        # The block after the link opens a new sentence.
        "We send newsletters with\n\n[Postwise](https://postwise.example)\n\nPostwise stores them in Ireland.\n",
        "Newsletter versenden wir mit\n\n[Postwise](https://postwise.example)\n\nDie Daten liegen in Irland.\n",
        # A line that is no link's text.
        "We send newsletters with\n\nPostwise\n\nbased in Ireland.\n",
    ],
)
def test_blocks_around_a_link_stay_apart_where_no_sentence_runs_through(text):
    doc = load_text(text, format="markdown")
    assert_consistent(doc)
    assert len(doc.blocks) == 3
