"""vendor.toml: one parser for the CLI, the library and the HTTP service's bundles."""

from __future__ import annotations

from datetime import date

import pytest

from dpcheck.errors import VendorCode, VendorError
from dpcheck.vendor.manifest import folder_manifest, name_date, path_problem, read_manifest

GOOD = """
name = "Acme Cloud"
source = "https://acme.example/legal"
[[documents]]
path = "dpa.md"
role = "dpa"
date = 2025-01-01
url = "https://acme.example/legal/dpa"
[[documents]]
path = "lists/subprocessors.md"
role = "subprocessor_list"
date = "2025-02-03"
"""


def _folder(tmp_path, manifest: str, files=("dpa.md", "lists/subprocessors.md")):
    for name in files:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("# Data Processing Agreement\n", encoding="utf-8")
    (tmp_path / "vendor.toml").write_text(manifest, encoding="utf-8")
    return tmp_path


def test_manifest_reads_name_roles_dates_and_urls(tmp_path):
    """Every documents table becomes a document with its role, date (TOML date or text) and URL."""
    manifest = read_manifest(_folder(tmp_path, GOOD))
    assert manifest.name == "Acme Cloud" and manifest.source == "https://acme.example/legal"
    assert [(d.path, d.role, d.date, d.url) for d in manifest.documents] == [
        ("dpa.md", "dpa", date(2025, 1, 1), "https://acme.example/legal/dpa"),
        ("lists/subprocessors.md", "subprocessor_list", date(2025, 2, 3), None),
    ]


def test_manifest_lists_every_problem_at_once(tmp_path):
    """A bad manifest is refused with E301 and every problem named with its key."""
    bad = """
name = ""
colour = "blue"
[[documents]]
path = "missing.md"
role = "contract"
date = "last year"
[[documents]]
path = "dpa.md"
role = "dpa"
[[documents]]
path = "dpa.md"
role = "dpa"
"""
    with pytest.raises(VendorError) as caught:
        read_manifest(_folder(tmp_path, bad))
    assert caught.value.code == VendorCode.MANIFEST
    problems = "\n".join(caught.value.problems)
    for expected in (
        "name:",
        "colour: unknown key",
        "documents[0].path: 'missing.md'",
        "documents[0].role",
        "documents[0].date",
        "'dpa.md' is listed twice",
    ):
        assert expected in problems


@pytest.mark.parametrize("path", ["../secret.md", "/etc/passwd", "C:\\dpa.md", "a/../../b.md", "dpa\x00.md"])
def test_manifest_refuses_paths_that_leave_the_folder(tmp_path, path):
    """A document path is relative and stays inside the folder (the HTTP service relies on it too)."""
    assert path_problem(path) is not None
    with pytest.raises(VendorError, match="plain relative path"):
        read_manifest(_folder(tmp_path, f'name = "x"\n[[documents]]\npath = {path!r}\nrole = "dpa"\n'))


def test_manifest_invalid_toml_and_missing_file(tmp_path):
    """Not TOML: E301; no vendor.toml at all: E300."""
    with pytest.raises(VendorError) as caught:
        read_manifest(_folder(tmp_path, "name = "))
    assert caught.value.code == VendorCode.MANIFEST
    with pytest.raises(VendorError) as missing:
        read_manifest(tmp_path / "nowhere")
    assert missing.value.code == VendorCode.NOT_FOUND


@pytest.mark.parametrize(
    ("stem", "day"),
    [
        ("dpa-2024-05-01", date(2024, 5, 1)),
        ("avv_2023", date(2023, 1, 1)),
        ("policy-2022-11", date(2022, 11, 1)),
        ("acme-dpa-en-2025", date(2025, 1, 1)),
        ("dpa", None),
        ("dpa-v2", None),
        ("report-1999x", None),
    ],
)
def test_manifest_folder_dates_from_file_names(stem, day):
    """Without vendor.toml a document's date is the day, month or year its file name ends in."""
    assert name_date(stem) == day


def test_manifest_of_a_folder_leaves_roles_to_the_documents(tmp_path):
    """A folder without manifest: every document, named after the folder, roles read later."""
    files = [tmp_path / "dpa-2024.md", tmp_path / "privacy.md"]
    for f in files:
        f.write_text("# x\n", encoding="utf-8")
    manifest = folder_manifest(tmp_path, files)
    assert manifest.name == tmp_path.name
    assert [(d.path, d.role, d.date) for d in manifest.documents] == [
        ("dpa-2024.md", None, date(2024, 1, 1)),
        ("privacy.md", None, None),
    ]
