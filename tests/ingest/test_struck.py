"""Struck-through text (what a marked-up version deletes) is left out, with a notice, in HTML, Markdown and DOCX."""

from __future__ import annotations

import io

import docx
import pytest

from dpcheck.ingest import load

KEPT = {"en": "Customer data is stored in Ireland.", "de": "Kundendaten werden in Irland gespeichert."}
STRUCK = {
    "en": "Transfers to the United States rely on the Privacy Shield.",
    "de": "Übermittlungen in die USA beruhen auf dem Privacy Shield.",
}


def _docx(lang: str, double: bool = False) -> bytes:
    document = docx.Document()
    paragraph = document.add_paragraph(KEPT[lang] + " ")
    run = paragraph.add_run(STRUCK[lang])
    if double:
        run.font.double_strike = True
    else:
        run.font.strike = True
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


FORMS = [
    ("html", lambda lang: f"<html><body><p>{KEPT[lang]} <del>{STRUCK[lang]}</del></p></body></html>".encode()),
    ("html", lambda lang: f"<html><body><p>{KEPT[lang]}</p><p><s>{STRUCK[lang]}</s></p></body></html>".encode()),
    (
        "html",
        lambda lang: (
            f'<html><body><p>{KEPT[lang]}</p><p style="text-decoration: line-through">{STRUCK[lang]}</p></body></html>'
        ).encode(),
    ),
    ("md", lambda lang: f"# Policy\n\n{KEPT[lang]} ~~{STRUCK[lang]}~~\n".encode()),
    ("docx", _docx),
    ("docx", lambda lang: _docx(lang, double=True)),
]


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(("suffix", "make"), FORMS, ids=[f"{s}-{i}" for i, (s, _) in enumerate(FORMS)])
def test_struck_text_is_left_out_with_a_notice(tmp_path, lang, suffix, make):
    path = tmp_path / f"policy.{suffix}"
    path.write_bytes(make(lang))
    document = load(str(path))
    assert KEPT[lang] in document.text
    assert "Privacy Shield" not in document.text
    (notice,) = [n for n in document.notices if n.code == "struck-text"]
    assert not notice.partial and "Privacy Shield" in notice.message


def test_struck_privacy_shield_is_not_relied_on(scanner):
    """A marked-up policy whose struck sentence relied on the Privacy Shield relies on it no more."""
    text = "# Policy\n\nOur provider in the United States is certified under the EU-U.S. Data Privacy Framework. "
    text += "~~Transfers to the United States rely on the Privacy Shield.~~\n"
    report = scanner.scan_text(text, language="en", format="markdown")
    assert set(report.mechanisms) == {"dpf"}
    assert "INVALID_TRANSFER_MECHANISM" not in {f.rule_id for f in report.findings}
