"""dpcheck diff: a semantic diff of two versions. Each change kind in English and German, no change for
rewording, renumbering or another file format, and the outputs."""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from dpcheck.changes import KINDS, compare_reports
from dpcheck.cli import main
from dpcheck.dossier import diff as compare_versions
from dpcheck.report import report_to_dict
from dpcheck.report.diff_formats import DIFF_FORMATS, render_diff
from dpcheck.report.schema import diff_schema

ROOT = Path(__file__).resolve().parents[2]

US_SCC = {
    "en": "We store customer data with our provider in the United States under the standard contractual clauses.",
    "de": "Wir speichern Kundendaten bei unserem Dienstleister in den USA auf Grundlage der Standardvertragsklauseln.",
}
US_IN_SCC = {
    "en": "We store customer data with our providers in the United States and India under the standard "
    "contractual clauses.",
    "de": "Wir speichern Kundendaten bei unseren Dienstleistern in den USA und in Indien auf Grundlage der "
    "Standardvertragsklauseln.",
}
SHIELD = {
    "en": "Our provider stores customer data in the United States; the transfer relies on its certification "
    "under the EU-U.S. Privacy Shield.",
    "de": "Unser Dienstleister speichert Kundendaten in den USA; die Übermittlung stützt sich auf seine "
    "Zertifizierung nach dem EU-US Privacy Shield.",
}
DPF = {
    "en": "Our provider stores customer data in the United States; the transfer relies on its certification "
    "under the EU-U.S. Data Privacy Framework.",
    "de": "Unser Dienstleister speichert Kundendaten in den USA; die Übermittlung stützt sich auf seine "
    "Zertifizierung nach dem EU-US Data Privacy Framework.",
}
TABLE_HEAD = {
    "en": "| Sub-processor | Purpose | Location |\n|---|---|---|\n",
    "de": "| Unterauftragsverarbeiter | Leistung | Standort |\n|---|---|---|\n",
}
ROWS_OLD = {
    "en": "| Alderbrook Inc. | Hosting | United States |\n| Beacon Mail Ltd. | E-mail | Ireland |\n",
    "de": "| Alderbrook Inc. | Hosting | USA |\n| Beacon Mail Ltd. | E-Mail | Irland |\n",
}
ROWS_NEW = {
    "en": "| Alderbrook Inc. | Hosting | India |\n| Cobalt Support GmbH | Support | Germany |\n",
    "de": "| Alderbrook Inc. | Hosting | Indien |\n| Cobalt Support GmbH | Support | Deutschland |\n",
}
NOTICE = {
    "en": (
        "# Data Processing Agreement\n\n## Sub-processors\n\nCustomer grants a general authorisation for the "
        "sub-processors listed at https://example.com/subprocessors. Processor will notify Customer at least "
        "{days} days before engaging a new sub-processor, and Customer may object to the change."
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine "
        "allgemeine Genehmigung für die unter https://example.de/unterauftragsverarbeiter aufgeführten "
        "Unterauftragsverarbeiter. Der Auftragnehmer informiert den Auftraggeber mindestens {days} Tage vor "
        "dem Einsatz eines neuen Unterauftragsverarbeiters; der Auftraggeber kann der Änderung widersprechen."
    ),
}
TITLE = {"en": "# Privacy Policy\n\n", "de": "# Datenschutzerklärung\n\n"}


def _policy(lang: str, body: str) -> tuple[str, str, str]:
    return TITLE[lang] + body, "privacy_policy", lang


def _cases() -> list[pytest.param]:
    """(old, new, doc type) per language, and the (kind, value) the diff must list."""
    cases = []
    for lang in ("en", "de"):
        pairs = {
            "destination_added": (US_SCC[lang], US_IN_SCC[lang], "IN"),
            "destination_removed": (US_IN_SCC[lang], US_SCC[lang], "IN"),
            "mechanism_added": (SHIELD[lang], DPF[lang], "dpf"),
            "mechanism_dropped": (SHIELD[lang], DPF[lang], "privacy_shield"),
            "subprocessor_added": (
                TABLE_HEAD[lang] + ROWS_OLD[lang],
                TABLE_HEAD[lang] + ROWS_NEW[lang],
                "Cobalt Support GmbH",
            ),
            "subprocessor_removed": (
                TABLE_HEAD[lang] + ROWS_OLD[lang],
                TABLE_HEAD[lang] + ROWS_NEW[lang],
                "Beacon Mail Ltd.",
            ),
            "subprocessor_moved": (
                TABLE_HEAD[lang] + ROWS_OLD[lang],
                TABLE_HEAD[lang] + ROWS_NEW[lang],
                "Alderbrook Inc.",
            ),
            "flag_added": (DPF[lang], SHIELD[lang], "INVALID_TRANSFER_MECHANISM"),
            "flag_removed": (SHIELD[lang], DPF[lang], "INVALID_TRANSFER_MECHANISM"),
            "rating_changed": (SHIELD[lang], DPF[lang], "green"),
        }
        for kind, (old, new, value) in pairs.items():
            cases.append(pytest.param(_policy(lang, old), _policy(lang, new), kind, value, id=f"{kind}-{lang}"))
        for kind, days, value in (
            ("art28_weakened", ("30", "14"), "subprocessors"),
            ("art28_strengthened", ("14", "30"), "subprocessors"),
        ):
            old, new = (NOTICE[lang].format(days=d) for d in days)
            cases.append(pytest.param((old, "dpa", lang), (new, "dpa", lang), kind, value, id=f"{kind}-{lang}"))
    return cases


def _report(scanner, text: str, doc_type: str, lang: str, name: str) -> dict:
    return report_to_dict(
        scanner.report([scanner.scan_text(text, name=name, language=lang, format="markdown", doc_type=doc_type)])
    )


def test_diff_cases_cover_every_kind_in_english_and_german():
    """Each change kind is tested below in both languages."""
    assert {(c.id.rsplit("-", 1)[0], c.id.rsplit("-", 1)[1]) for c in _cases()} == {
        (k, lang) for k in KINDS for lang in ("en", "de")
    }


@pytest.mark.parametrize(("old", "new", "kind", "value"), _cases())
def test_diff_lists_the_change_with_quotes_of_both_versions(scanner, old, new, kind, value):
    """The change is listed with its value; each version it is said in is quoted."""
    comparison = compare_reports(_report(scanner, *old, "old.md"), _report(scanner, *new, "new.md"))
    found = [c for c in comparison.changes if c.kind == kind and c.value == value]
    assert found, [(c.kind, c.value) for c in comparison.changes]
    change = found[0]
    if kind == "rating_changed":
        assert change.detail == "red -> green"
        return
    quoted = [*change.old, *change.new]
    assert quoted and all(p.document in ("old.md", "new.md") and p.quote for p in quoted)
    if kind in ("subprocessor_moved", "art28_weakened", "art28_strengthened", "mechanism_dropped"):
        assert change.old and not any(p.closest for p in change.old)
    if kind in ("subprocessor_moved", "art28_weakened", "art28_strengthened", "mechanism_added"):
        assert change.new and not any(p.closest for p in change.new)


REWORDED = {
    "en": (
        "# Privacy Policy\n\n## 4. International transfers\n\n4.1 We store customer data with our provider in the "
        "United States under the standard contractual clauses, and we have carried out a transfer impact "
        "assessment.\n\n## 5. Your rights\n\nYou may request access to your data.",
        "# Privacy Policy\n\n## 7 Transfers abroad\n\nOur provider in the United States stores customer data;\n"
        "the standard contractual clauses apply to the transfer, and a transfer impact assessment has been "
        "carried out.\n\n## 8 Rights\n\nYou have the right to request access to your data.",
    ),
    "de": (
        "# Datenschutzerklärung\n\n## 4. Übermittlungen in Drittländer\n\n4.1 Wir speichern Kundendaten bei unserem "
        "Dienstleister in den USA auf Grundlage der Standardvertragsklauseln; eine Transfer-Folgenabschätzung "
        "wurde durchgeführt.\n\n## 5. Ihre Rechte\n\nSie haben ein Recht auf Auskunft.",
        "# Datenschutzerklärung\n\n## VII Datenübermittlung ins Ausland\n\nUnser Dienstleister in den USA "
        "speichert Kundendaten;\ngrundlage sind die Standardvertragsklauseln, und eine Transfer-Folgenabschätzung "
        "liegt vor.\n\n## VIII Rechte\n\nSie können Auskunft verlangen.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_rewording_renumbering_and_reflowing_are_no_change(scanner, lang):
    """The same terms, reworded, with other section numbers and line breaks: no change."""
    old, new = REWORDED[lang]
    comparison = compare_reports(
        _report(scanner, old, "privacy_policy", lang, "a.md"), _report(scanner, new, "privacy_policy", lang, "b.md")
    )
    assert not comparison, [(c.kind, c.value) for c in comparison.changes]


NAMED_IN_PROSE = {
    "en": "| Alderbrook Inc. | Hosting | United States |\n\nNewsletters leave our systems through Beacon "
    "Mail Ltd., which runs our mailing in Ireland.\n",
    "de": "| Alderbrook Inc. | Hosting | USA |\n\nNewsletter verlassen unsere Systeme über Beacon Mail "
    "Ltd., die unseren Versand in Irland betreibt.\n",
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_recipient_the_other_version_still_names_is_no_change(scanner, tmp_path, lang):
    """A recipient moved from the table into a sentence not read as a recipient is still named: no change;
    dropped from the text altogether, it is removed."""
    old, moved, dropped = tmp_path / "old.md", tmp_path / "moved.md", tmp_path / "dropped.md"
    old.write_text(TITLE[lang] + TABLE_HEAD[lang] + ROWS_OLD[lang], encoding="utf-8")
    moved.write_text(TITLE[lang] + TABLE_HEAD[lang] + NAMED_IN_PROSE[lang], encoding="utf-8")
    dropped.write_text(TITLE[lang] + TABLE_HEAD[lang] + ROWS_OLD[lang].splitlines()[0] + "\n", encoding="utf-8")
    assert not compare_versions(old, moved, scanner=scanner)
    assert compare_versions(old, dropped, scanner=scanner).values("subprocessor_removed") == ("Beacon Mail Ltd.",)


def test_diff_reads_each_document_version_once(scanner, tmp_path, monkeypatch):
    """Each version's bytes are read once: what is scanned is what the recipient check reads."""
    from dpcheck import ingest

    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(US_SCC["en"], encoding="utf-8")
    new.write_text(US_IN_SCC["en"], encoding="utf-8")
    reads: list[str] = []
    read_file = ingest.read_file

    def counted(path: str, max_bytes: int) -> bytes:
        reads.append(Path(path).name)
        return read_file(path, max_bytes)

    monkeypatch.setattr(ingest, "read_file", counted)
    assert compare_versions(old, new, scanner=scanner).values("destination_added") == ("IN",)
    assert sorted(reads) == ["new.md", "old.md"]


def _make_corpora():
    spec = importlib.util.spec_from_file_location("make_corpora", ROOT / "scripts" / "make_corpora.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_corpora"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.parametrize(
    ("document", "lang"),
    [("lumenfield/lumenfield-dpa-en-2025.md", "en"), ("nordlicht/nordlicht-avv-de-2024.md", "de")],
    ids=["en", "de"],
)
def test_diff_same_document_as_markdown_pdf_and_docx_is_no_change(scanner, corpora, tmp_path, document, lang):
    """A DPA rendered to PDF and DOCX (scripts/make_corpora.py, with page heads and footers) has the same
    terms as its Markdown: no change between any two."""
    make = _make_corpora()
    markdown = corpora / document
    source = tmp_path / f"{markdown.stem}.txt"
    source.write_text(
        f"id: {markdown.stem}\nformat: pdf\nlang: {lang}\ntitle: {markdown.stem}\nauthor: dpcheck\n"
        f"date: 2025-01-01\nrunning_head: {markdown.stem}\n---\n" + markdown.read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    parsed = make.parse(source)
    make.build_pdf(parsed, tmp_path / f"{markdown.stem}.pdf")
    make.build_docx(parsed, tmp_path / f"{markdown.stem}.docx")
    versions = [markdown, tmp_path / f"{markdown.stem}.pdf", tmp_path / f"{markdown.stem}.docx"]
    reports = {p.suffix: report_to_dict(scanner.report([scanner.scan_path(p)])) for p in versions}
    assert reports[".md"]["documents"][0]["transfers"], "the document has terms to compare"
    for old, new in ((".md", ".pdf"), (".md", ".docx"), (".pdf", ".docx")):
        comparison = compare_reports(reports[old], reports[new])
        assert not comparison, (old, new, [(c.kind, c.value) for c in comparison.changes])


def test_diff_of_two_vendor_reports(tmp_path, corpora, scanner):
    """Two dossiers of one vendor (its 2023 and 2025 DPA with the same policy) compare as vendors."""
    for year in ("2023", "2025"):
        folder = tmp_path / year
        folder.mkdir()
        shutil.copy(corpora / "lumenfield" / f"lumenfield-dpa-en-{year}.md", folder / "dpa.md")
        shutil.copy(corpora / "lumenfield" / "lumenfield-privacy-en-2025.md", folder / "privacy.md")
        (folder / "vendor.toml").write_text(
            'name = "Lumenfield"\n[[documents]]\npath = "dpa.md"\nrole = "dpa"\n'
            '[[documents]]\npath = "privacy.md"\nrole = "privacy_policy"\n',
            encoding="utf-8",
        )
    comparison = compare_versions(tmp_path / "2023", tmp_path / "2025", scanner=scanner)
    assert comparison.subject == "vendor"
    changes = {(c.kind, c.value) for c in comparison.changes}
    assert {
        ("mechanism_dropped", "privacy_shield"),
        ("destination_added", "IN"),
        ("subprocessor_moved", "Vaultline Inc."),
        ("art28_weakened", "subprocessors"),
        ("flag_removed", "INVALID_TRANSFER_MECHANISM"),
    } <= changes
    moved = next(c for c in comparison.changes if c.kind == "subprocessor_moved")
    assert moved.detail == "US -> CA" and moved.old[0].document.endswith("dpa.md")


def test_diff_outputs_and_json_schema(dossiers):
    """Every format renders a comparison; the JSON validates against its schema; HTML escapes quotes."""
    [comparison] = dossiers["nordlicht"].changes
    validator = jsonschema.Draft202012Validator(diff_schema())
    for fmt in DIFF_FORMATS:
        out = render_diff(comparison, fmt)
        assert comparison.changes[0].value in out or fmt == "text"
    data = json.loads(render_diff(comparison, "json"))
    assert not list(validator.iter_errors(data))
    assert data["changed"] and {c["kind"] for c in data["changes"]} >= {"mechanism_dropped", "art28_weakened"}
    page = render_diff(comparison, "html")
    assert "<script" not in page and "Content-Security-Policy" in page


def test_cli_diff_exit_codes_and_dossier_versions(corpora, tmp_path):
    """--fail-on-change exits 1 when the terms changed, 0 when not; one vendor folder compares its
    dated versions; an unreadable version exits 2."""
    runner = CliRunner()
    old, new = corpora / "nordlicht" / "nordlicht-avv-de-2022.md", corpora / "nordlicht" / "nordlicht-avv-de-2024.md"
    changed = runner.invoke(main, ["diff", str(old), str(new), "--fail-on-change", "--format", "json"])
    assert changed.exit_code == 1, changed.output
    assert json.loads(changed.output)["new"] == str(new)
    same = runner.invoke(main, ["diff", str(new), str(new), "--fail-on-change"])
    assert same.exit_code == 0 and "no change" in same.output
    folder = runner.invoke(main, ["diff", str(corpora / "lumenfield"), "--format", "markdown"])
    assert folder.exit_code == 0 and "Transfer tool dropped" in folder.output
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 nothing")
    assert runner.invoke(main, ["diff", str(broken), str(new)]).exit_code == 2
    assert runner.invoke(main, ["diff", str(new), str(corpora / "nordlicht")]).exit_code == 2


def test_diff_function_called_twice_after_the_changes_package_is_imported(corpora, scanner):
    """dpcheck.diff stays the function however often it runs (its package is dpcheck.changes, whose
    import cannot replace it)."""
    import dpcheck
    import dpcheck.changes  # the import that must not shadow the function

    old, new = corpora / "nordlicht" / "nordlicht-avv-de-2022.md", corpora / "nordlicht" / "nordlicht-avv-de-2024.md"
    first = dpcheck.diff(old, new, scanner=scanner)
    second = dpcheck.diff(old, new, scanner=scanner)
    assert first.changes and second.changes == first.changes


LIST_ENTRIES = {
    "en": (
        "# Sub-processors of Northwind\n\n## List of sub-processors\n\n**Beacon Mail Ltd**<br>\n_E-mail_<br>\n"
        "12 Quay Street, Cork, Ireland\n",
        "\n**Alderbrook Hosting AG**<br>\n_Servers_<br>\nSeestrasse 4, Zurich, Switzerland\n",
    ),
    "de": (
        "# Unterauftragsverarbeiter der Northwind\n\n## Liste der Unterauftragsverarbeiter\n\n**Beacon Mail Ltd**<br>\n"
        "_E-Mail_<br>\n12 Quay Street, Cork, Irland\n",
        "\n**Alderbrook Hosting AG**<br>\n_Server_<br>\nSeestrasse 4, Zürich, Schweiz\n",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_entry_added_to_a_list_of_processors(scanner, tmp_path, lang):
    """An entry added to a list of processors (name, service and address on lines of their own) is a recipient
    added, and its third country a destination added."""
    head, entry = LIST_ENTRIES[lang]
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(head, encoding="utf-8")
    new.write_text(head + entry, encoding="utf-8")
    comparison = compare_versions(old, new, scanner=scanner)
    assert [(c.kind, c.value) for c in comparison.changes if c.kind != "rating_changed"] == [
        ("destination_added", "CH"),
        ("subprocessor_added", "Alderbrook Hosting AG"),
    ]


SAME_WORDS_DPA = {
    "en": (
        "# Data Processing Agreement\n\n## 1. Scope\n\nThis agreement governs the processing of personal data by "
        "Northwind for the customer.\n\n## {heading}\n\n{types}\n\n## 3. Sub-processors\n\nNorthwind will notify the "
        "customer 30 days before engaging a new sub-processor, and the customer may object.\n",
        ("2. Types of personal data", "2. Annex"),
        "The data concern names, e-mail addresses and login times.",
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## 1. Gegenstand\n\nDieser Vertrag regelt die Verarbeitung "
        "personenbezogener Daten durch Northwind für den Kunden.\n\n## {heading}\n\n{types}\n\n## 3. "
        "Unterauftragsverarbeiter\n\nNorthwind informiert den Kunden 30 Tage vor dem Einsatz eines neuen "
        "Unterauftragsverarbeiters; der Kunde kann widersprechen.\n",
        ("2. Datenarten", "2. Anlage"),
        "Die Daten umfassen Namen, E-Mail-Adressen und Anmeldezeiten.",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_art28_element_read_one_way_in_the_same_words_is_no_change(scanner, tmp_path, lang):
    """The sentence that sets out an element stands word for word in both versions, read as that element in one
    only (a heading above it renamed): the terms did not change. The sentence deleted is a weakening."""
    text, (named, plain), types = SAME_WORDS_DPA[lang]
    old, renamed, deleted = tmp_path / "old.md", tmp_path / "renamed.md", tmp_path / "deleted.md"
    old.write_text(text.format(heading=named, types=types), encoding="utf-8")
    renamed.write_text(text.format(heading=plain, types=types), encoding="utf-8")
    deleted.write_text(text.format(heading=named, types=""), encoding="utf-8")
    assert not compare_versions(old, renamed, scanner=scanner).of("art28_weakened")
    assert compare_versions(old, deleted, scanner=scanner).values("art28_weakened") == ("data_types",)


SAME_ROW = {
    "en": (
        ("| Sub-processor | Purpose | Location |", "| Sub-processor | Purpose | Remarks |"),
        "| Alderbrook Inc. | Hosting, with support staff in India | United States |\n",
        "| Alderbrook Inc. | Hosting | India |\n",
    ),
    "de": (
        ("| Unterauftragsverarbeiter | Leistung | Standort |", "| Unterauftragsverarbeiter | Leistung | Bemerkungen |"),
        "| Alderbrook Inc. | Hosting, mit Support-Mitarbeitern in Indien | USA |\n",
        "| Alderbrook Inc. | Hosting | Indien |\n",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_recipient_placed_otherwise_in_the_same_words_has_not_moved(scanner, tmp_path, lang):
    """The same row in both versions, its places read otherwise (a renamed column): no move; the row's country
    changed, it moved."""
    (head, other_head), row, moved_row = SAME_ROW[lang]
    old, renamed, moved = tmp_path / "old.md", tmp_path / "renamed.md", tmp_path / "moved.md"
    old.write_text(TITLE[lang] + head + "\n|---|---|---|\n" + row, encoding="utf-8")
    renamed.write_text(TITLE[lang] + other_head + "\n|---|---|---|\n" + row, encoding="utf-8")
    moved.write_text(TITLE[lang] + head + "\n|---|---|---|\n" + moved_row, encoding="utf-8")
    assert not compare_versions(old, renamed, scanner=scanner).of("subprocessor_moved")
    assert compare_versions(old, moved, scanner=scanner).values("subprocessor_moved") == ("Alderbrook Inc.",)


EEA_MOVES = {
    "en": (
        "| Beacon Mail Ltd. | E-mail | Ireland |\n",
        "| Beacon Mail Ltd. | E-mail | Germany |\n",
        "| Beacon Mail Ltd. | E-mail | Ireland, United States |\n",
    ),
    "de": (
        "| Beacon Mail Ltd. | E-Mail | Irland |\n",
        "| Beacon Mail Ltd. | E-Mail | Deutschland |\n",
        "| Beacon Mail Ltd. | E-Mail | Irland, USA |\n",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_recipient_moved_within_the_eea_has_not_moved(scanner, tmp_path, lang):
    """A sub-processor moved from one EEA country to another sends nothing out of the EEA: no move; one that
    now processes in the United States too has moved."""
    row, eea_row, abroad_row = EEA_MOVES[lang]
    old, within, abroad = tmp_path / "old.md", tmp_path / "within.md", tmp_path / "abroad.md"
    for path, body in ((old, row), (within, eea_row), (abroad, abroad_row)):
        path.write_text(TITLE[lang] + TABLE_HEAD[lang] + body, encoding="utf-8")
    assert not compare_versions(old, within, scanner=scanner).of("subprocessor_moved")
    assert compare_versions(old, abroad, scanner=scanner).values("subprocessor_moved") == ("Beacon Mail Ltd.",)


RESPELT = {
    "en": (
        "| Alderbrook Workspaces | E-mail and files | United States |\n",
        "| Alderbrook Workspace | E-mail and files | United States |\n",
    ),
    "de": (
        "| Alderbrook Workspaces | E-Mail und Dateien | USA |\n",
        "| Alderbrook Workspace | E-Mail und Dateien | USA |\n",
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_diff_recipient_respelt_with_a_plural_is_no_change(scanner, tmp_path, lang):
    """A sub-processor's name written once with a plural "s" and once without is one company: no change."""
    before, after = RESPELT[lang]
    old, new = tmp_path / "old.md", tmp_path / "new.md"
    old.write_text(TITLE[lang] + TABLE_HEAD[lang] + before, encoding="utf-8")
    new.write_text(TITLE[lang] + TABLE_HEAD[lang] + after, encoding="utf-8")
    comparison = compare_versions(old, new, scanner=scanner)
    assert not comparison, [(c.kind, c.value) for c in comparison.changes]


WINDOW = {
    "en": (
        "# Data Processing Agreement\n\n## Sub-processors\n\nCustomer grants a general authorisation for the "
        "sub-processors listed at https://example.com/subprocessors. Processor will notify Customer at least 30 days "
        "before engaging a new sub-processor. Customer may object to a new sub-processor within {days} days."
    ),
    "de": (
        "# Auftragsverarbeitungsvertrag\n\n## Unterauftragsverarbeiter\n\nDer Auftraggeber erteilt eine allgemeine "
        "Genehmigung für die unter https://example.de/uav aufgeführten Unterauftragsverarbeiter. Der Auftragnehmer "
        "informiert den Auftraggeber mindestens 30 Tage vor dem Einsatz eines neuen Unterauftragsverarbeiters. Der "
        "Auftraggeber kann innerhalb von {days} Tagen widersprechen."
    ),
}


@pytest.mark.parametrize("lang", ["en", "de"])
@pytest.mark.parametrize(("days", "kind"), [(("15", "10"), "art28_weakened"), (("10", "15"), "art28_strengthened")])
def test_diff_time_to_object_shortened_or_lengthened(scanner, lang, days, kind):
    """Less time to object to a new sub-processor weakens Art. 28(2), more strengthens it; both quoted."""
    old, new = (WINDOW[lang].format(days=d) for d in days)
    comparison = compare_reports(
        _report(scanner, old, "dpa", lang, "old.md"), _report(scanner, new, "dpa", lang, "new.md")
    )
    found = [c for c in comparison.changes if c.kind == kind and c.value == "subprocessors"]
    assert found, [(c.kind, c.value, c.detail) for c in comparison.changes]
    assert found[0].detail == f"time to object {days[0]} -> {days[1]} days"
    assert found[0].old and found[0].new
