"""The history shows a sub-processor list as every report does: not rated, never green — a scan stored before
report_format 1.8 (which called a list without findings green) included, and with no rating change between the
two."""

from __future__ import annotations

import copy
import hashlib
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from click.testing import CliRunner

from dpcheck.cli import main
from dpcheck.history import Entry, History

# Lists written for these tests: two processors each, one of them abroad.
LISTS = {
    "en": (
        "# Sub-processors of Millpond Forms Ltd\n\nAs of 3 June 2026 Millpond Forms engages these sub-processors.\n\n"
        "| Sub-processor | Service | Location |\n|---|---|---|\n"
        "| Reedbank Hosting GmbH | Servers | Germany |\n"
        "| Heron Mailer Inc. | Email delivery | United States |\n"
    ),
    "de": (
        "# Unterauftragsverarbeiter der Mühlteich Formulare GmbH\n\nStand 3. Juni 2026 setzt die Mühlteich Formulare "
        "GmbH diese Unterauftragsverarbeiter ein.\n\n"
        "| Unterauftragsverarbeiter | Leistung | Standort |\n|---|---|---|\n"
        "| Schilfufer Hosting GmbH | Server | Deutschland |\n"
        "| Reiher Versand Inc. | Versand von E-Mails | USA |\n"
    ),
}
POLICY = "# Privacy Policy\n\nWe keep all personal data in Germany and never send it outside the EEA."
DAY = datetime(2026, 6, 3, tzinfo=UTC)


def _as_before_1_8(report: dict[str, Any]) -> dict[str, Any]:
    """The report as dpcheck wrote it before 1.8: no rated, a list without red findings green."""
    old = copy.deepcopy(report)
    old["report_format"] = "1.7.0"
    doc = old["documents"][0]
    doc.pop("rated")
    if doc["rating"] == "yellow":
        doc["rating"] = "green"
    return old


@pytest.mark.parametrize("lang", ["en", "de"])
def test_history_rated_a_list_stored_green_is_shown_not_rated(db_url, scanner, lang):
    """A list stored green by an older dpcheck, then scanned now: both scans are unrated and yellow in the timeline,
    nothing changed, and `dpcheck history` says "not rated (annex)", never green; a policy beside it stays green."""
    text = LISTS[lang]
    now = Entry.of(
        scanner.report([scanner.scan_text(text, name="list.md")]),
        vendor="Millpond",
        name="list.md",
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        scanned_at=DAY + timedelta(days=1),
    )
    assert now.document["rated"] is False and now.document["rating"] == "yellow"
    before = Entry("Millpond", "list.md", now.sha256, _as_before_1_8(dict(now.report)), role=now.role, scanned_at=DAY)
    assert before.document["rating"] == "green"
    policy = Entry.of(
        scanner.report([scanner.scan_text(POLICY, name="privacy.md")]),
        vendor="Millpond",
        name="privacy.md",
        sha256=hashlib.sha256(POLICY.encode()).hexdigest(),
        scanned_at=DAY,
    )
    with History(db_url) as history:
        history.record([before, now, policy])
        timeline = history.timeline("Millpond")
    lists = [e for e in timeline if e.document == "list.md"]
    assert [(e.rating, e.rated) for e in lists] == [("yellow", False), ("yellow", False)]
    assert not lists[1].changed and lists[1].change is not None and lists[1].change.rating is None
    assert [(e.rating, e.rated) for e in timeline if e.document == "privacy.md"] == [("green", True)]
    shown = CliRunner().invoke(main, ["history", "Millpond", "--db", db_url])
    assert shown.exit_code == 0, shown.output
    list_lines = [line for line in shown.output.splitlines() if "  list.md  " in line]
    assert len(list_lines) == 2 and all("  not rated (annex)  " in line for line in list_lines)
    assert "green" not in "\n".join(list_lines)
