"""Class 1: a document that is no privacy document, or is in a language dpcheck does not read, is
not assessed (E140, E141): never green, counted in the summary, and it fails a CI run."""

from __future__ import annotations

import base64
import csv
import io
import json
import random
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from fpdf import FPDF

from dpcheck import Scanner
from dpcheck.report import render

from .conftest import pdf_bytes

# The shared corpus beside the checkout (``../shared/corpus``), or beside a folder holding it (a worktree), as
# test_evaluate.py finds the evaluation kit.
SHARED = next(
    (
        docs
        for parent in Path(__file__).resolve().parents[2].parents
        if (docs := parent / "shared" / "corpus" / "docs").is_dir()
    ),
    Path("shared") / "corpus" / "docs",
)

LOGIN = (
    "<!doctype html><html><head><title>Sign in – Example Cloud</title></head><body><main><h1>Sign in</h1>"
    "<p>Email address</p><p>Password</p><p>Forgot your password?</p><p>Remember me</p></main>"
    "<footer><a href='/privacy'>Privacy</a> · <a href='/cookies'>Cookie settings</a></footer></body></html>"
)
NOT_FOUND = (
    "<html><head><title>404</title></head><body><h1>404 – Page not found</h1><p>The page you are "
    "looking for does not exist or was removed.</p><p><a href='/'>Back to the home page</a> · "
    "<a href='/privacy'>Privacy</a></p></body></html>"
)
JS_SHELL = (
    "<html><head><title>Example App</title><script src='/app.js'></script></head><body>"
    "<div id='root'>Loading…</div><p>This app needs JavaScript: please enable JavaScript.</p></body></html>"
)
MOVED = (
    "# This page has moved\n\nOur privacy policy has moved to https://example.invalid/legal/privacy. "
    "You will be redirected in five seconds.\n"
)
MOVED_DE = "# Seite umgezogen\n\nDiese Seite wurde verschoben. Sie werden weitergeleitet.\n"
FRENCH = (
    "# Politique de confidentialité\n\nNous transférons vos données personnelles aux États-Unis et en Inde, "
    "sans garanties. Vous pouvez exercer vos droits en écrivant à notre délégué.\n"
)
SPANISH = (
    "Política de privacidad. Transferimos sus datos personales a los Estados Unidos y a la India sin "
    "garantías adecuadas. Puede ejercer sus derechos escribiéndonos."
)
RECIPE = (
    "Apple cake\n\nMix the flour, the sugar and three eggs. Bake for forty minutes at 180 degrees. Serve the cake "
    "warm with cream.\n"
)


def _pdf(text: str) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", "", 11)
    pdf.multi_cell(0, 6, text=text)
    return pdf_bytes(pdf)


def _docx(text: str) -> bytes:
    document = docx.Document()
    for paragraph in text.split("\n\n"):
        document.add_paragraph(paragraph.strip("# \n"))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _pgp() -> str:
    lines = [base64.b64encode(random.Random(7).randbytes(48)).decode() for _ in range(30)]
    return "-----BEGIN PGP MESSAGE-----\n\n" + "\n".join(lines) + "\n-----END PGP MESSAGE-----\n"


# (file name, bytes, expected code): every format a non-document can come in.
NOT_DOCUMENTS = [
    ("login.html", LOGIN.encode(), "E140-not-a-privacy-document"),
    ("not-found.html", NOT_FOUND.encode(), "E140-not-a-privacy-document"),
    ("app-shell.html", JS_SHELL.encode(), "E140-not-a-privacy-document"),
    ("moved.md", MOVED.encode(), "E140-not-a-privacy-document"),
    ("verschoben.md", MOVED_DE.encode(), "E140-not-a-privacy-document"),
    ("message.txt.asc.txt", _pgp().encode(), "E140-not-a-privacy-document"),
    ("blob.md", base64.b64encode(random.Random(3).randbytes(3000)), "E140-not-a-privacy-document"),
    ("junk.txt", b"Qx7!zK9#pL", "E140-not-a-privacy-document"),
    ("recipe.pdf", _pdf(RECIPE), "E140-not-a-privacy-document"),
    ("recipe.docx", _docx(RECIPE), "E140-not-a-privacy-document"),
    ("politique.md", FRENCH.encode(), "E141-language-not-read"),
    ("politique.docx", _docx(FRENCH), "E141-language-not-read"),
    ("privacidad.txt", SPANISH.encode(), "E141-language-not-read"),
]


@pytest.mark.parametrize(("name", "data", "code"), NOT_DOCUMENTS, ids=[n for n, _, _ in NOT_DOCUMENTS])
def test_not_a_policy_is_not_assessed(scanner: Scanner, name: str, data: bytes, code: str) -> None:
    """A non-document or a document in another language is an error with its own code, red, never green."""
    doc = scanner.scan_bytes(data, name)
    assert doc.status == "error" and doc.rating == "red", (doc.error, doc.doc_type, doc.rating)
    assert doc.error is not None and doc.error.code == code and "not assessed" in doc.error.message, doc.error


def test_not_a_policy_every_human_format_says_so(scanner: Scanner) -> None:
    """Text, Markdown, HTML, CSV and JSON name the code; the summary counts it by code."""
    report = scanner.report(
        [scanner.scan_bytes(LOGIN.encode(), "login.html"), scanner.scan_bytes(FRENCH.encode(), "politique.md")]
    )
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert "E140-not-a-privacy-document" in out and "E141-language-not-read" in out, fmt
    assert not any(line.startswith("GREEN") for line in render(report, "text").splitlines())
    rows = list(csv.DictReader(io.StringIO(render(report, "csv"))))
    assert {r["error_code"] for r in rows} == {"E140-not-a-privacy-document", "E141-language-not-read"}
    summary = json.loads(render(report, "json"))["summary"]
    assert summary["green"] == 0 and summary["errors_by_code"] == {
        "E140-not-a-privacy-document": 1,
        "E141-language-not-read": 1,
    }


def test_not_a_policy_fails_the_cli_run(tmp_path: Path) -> None:
    """`dpcheck scan --fail-on yellow` over a folder of such files never exits 0."""
    for name, data, _ in NOT_DOCUMENTS[:3] + NOT_DOCUMENTS[-1:]:
        (tmp_path / name).write_bytes(data)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "dpcheck",
            "scan",
            str(tmp_path),
            "--fail-on",
            "yellow",
            "--format",
            "json",
            "--no-cache",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    summary = json.loads(result.stdout)["summary"]
    assert summary["green"] == 0 and summary["errors"] == 4


def test_not_a_policy_genuine_other_documents_are_judged(scanner: Scanner, corpora: Path) -> None:
    """A security whitepaper and a Privacy Shield notice (type other) are judged as before."""
    for name in ("tidalforge-security-whitepaper-en-2024.pdf", "parcelpilot-privacy-shield-notice-en-2019.md"):
        doc = scanner.scan_path(corpora / name)
        assert doc.status == "ok" and doc.doc_type == "other", (name, doc.error)


def test_not_a_policy_short_real_notices_are_judged(scanner: Scanner) -> None:
    """A one-line policy and a one-entry sub-processor annex, in English and German, are read."""
    for text, name in [
        ("# Privacy policy\n\nWe do not collect any personal data.\n", "tiny-en.md"),
        ("# Datenschutz\n\nWir speichern keine personenbezogenen Daten.\n", "tiny-de.md"),
        (
            "# Anlage 2\n\n**Unterauftragsverhältnisse**\n\n## Beispiel Hosting GmbH\n\n"
            "Leistung: Betrieb der Server\n\nAdresse: Musterstraße 1, 10115 Berlin, Deutschland\n",
            "anlage.md",
        ),
    ]:
        doc = scanner.scan_bytes(text.encode(), name)
        assert doc.status == "ok", (name, doc.error)


def _documents(folder: Path) -> list[Path]:
    return sorted(
        p
        for p in folder.iterdir()
        if p.suffix.lower() in {".pdf", ".md", ".html", ".docx", ".txt"} and p.name != "README.md"
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "folder",
    [
        pytest.param("corpora", id="corpora"),
        pytest.param(
            "shared",
            id="shared-corpus",
            marks=pytest.mark.skipif(not SHARED.is_dir(), reason="the shared corpus is not on this machine"),
        ),
    ],
)
def test_not_a_policy_never_fires_on_a_real_document(scanner: Scanner, corpora: Path, folder: str) -> None:
    """No privacy policy, DPA, sub-processor list or notice of corpora/ or the shared corpus is refused."""
    refused = []
    for path in _documents(corpora if folder == "corpora" else SHARED):
        doc = scanner.scan_path(path)
        if doc.error is not None and doc.error.code in ("E140-not-a-privacy-document", "E141-language-not-read"):
            refused.append((path.name, doc.error.message))
    assert refused == []
