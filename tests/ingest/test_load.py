"""The load() entry point: paths, bytes, limits and error codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from dpcheck.errors import ErrorCode, IngestError
from dpcheck.ingest import load, load_text
from dpcheck.limits import Limits

from .conftest import assert_consistent


def test_load_path_and_pathlike(tmp_path: Path) -> None:
    """A path (str or PathLike) is read, sniffed by content and labelled with the path."""
    path = tmp_path / "policy.md"
    path.write_text("# Transfers\n\nWe use SCCs.\n", encoding="utf-8")
    for source in (path, str(path)):
        doc = load(source)
        assert doc.format == "markdown" and doc.source == str(path)
        assert [b.kind for b in doc.blocks] == ["heading", "paragraph"]


def test_load_missing_file_not_found(tmp_path: Path) -> None:
    """A path that does not exist is NOT_FOUND."""
    with pytest.raises(IngestError) as err:
        load(tmp_path / "nope.pdf")
    assert err.value.code == ErrorCode.NOT_FOUND
    assert "nope.pdf" in err.value.message


def test_load_directory_unreadable(tmp_path: Path) -> None:
    """A directory is UNREADABLE."""
    with pytest.raises(IngestError) as err:
        load(tmp_path)
    assert err.value.code == ErrorCode.UNREADABLE


def test_load_too_large_file_and_bytes(tmp_path: Path) -> None:
    """Input over max_bytes is TOO_LARGE, for files (checked by size) and for bytes."""
    path = tmp_path / "big.txt"
    path.write_bytes(b"word " * 1000)
    for source in (path, path.read_bytes()):
        with pytest.raises(IngestError) as err:
            load(source, name="big.txt", limits=Limits(max_bytes=1000))
        assert err.value.code == ErrorCode.TOO_LARGE


def test_load_empty_file(tmp_path: Path) -> None:
    """An empty file is EMPTY."""
    path = tmp_path / "empty.html"
    path.write_bytes(b"")
    with pytest.raises(IngestError) as err:
        load(path)
    assert err.value.code == ErrorCode.EMPTY


def test_load_html_without_text_is_no_text() -> None:
    """HTML whose only content is scripts, styles and templates is NO_TEXT."""
    with pytest.raises(IngestError) as err:
        load(
            b"<html><head><style>p {}</style></head><body><script>x()</script><template>T</template></body></html>",
            name="a.html",
        )
    assert err.value.code == ErrorCode.NO_TEXT


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "a.txt"), ("utf-16-le", "a.txt"), ("cp1252", "a.txt"), ("utf-8-sig", "a.md"), ("latin-1", None)],
)
def test_load_text_encodings(encoding: str, name: str | None) -> None:
    """UTF-16, cp1252, latin-1 and UTF-8 with BOM decode to the same text."""
    text = "Übermittlung in Drittländer gemäß § 5 – Unterauftragsverhältnisse."
    if encoding == "latin-1":
        text = text.replace("–", "-")
    doc = load(text.encode(encoding), name=name)
    assert doc.blocks[0].text == text


def test_load_bytes_label_and_name() -> None:
    """Bytes are labelled by their name, or "<bytes>" without one."""
    assert load(b"Some words.").source == "<bytes>"
    assert load(b"Some words.", name="x.txt").source == "x.txt"


def test_load_text_markdown_format() -> None:
    """load_text reads Markdown when asked to and names the document."""
    doc = load_text("## Heading\n\ntext", name="inline", format="markdown")
    assert doc.source == "inline" and doc.blocks[0].kind == "heading"
    assert_consistent(doc)
