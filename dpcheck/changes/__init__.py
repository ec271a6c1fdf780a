"""What changed between two versions of a vendor's terms: a semantic diff, not a text diff (``dpcheck diff``).

Both versions are read as dpcheck reads them (a JSON report of a document, or of a vendor), and
compared on what a buyer acts on: destinations, transfer tools, recipients and their countries,
the Art. 28 checklist, the core flags and the rating. Rewording, reflowing, renumbering or another
file format change none of these, so they are no change.

The package is ``changes``, not ``diff``: importing a submodule ``dpcheck.diff`` would replace the
function :func:`dpcheck.diff` in the package's namespace.

    >>> from dpcheck.changes import compare_reports
    >>> comparison = compare_reports(old_json, new_json, old="dpa-2023.pdf", new="dpa-2025.pdf")
    >>> [(c.kind, c.value, c.detail) for c in comparison.changes]
"""

from dpcheck.changes.compare import compare, compare_reports
from dpcheck.changes.lexicon import DiffWords
from dpcheck.changes.model import KINDS, Change, ChangeKind, Comparison, Passage
from dpcheck.changes.snapshot import Terms, recipient_key, same_recipient

__all__ = [
    "KINDS",
    "Change",
    "ChangeKind",
    "Comparison",
    "DiffWords",
    "Passage",
    "Terms",
    "compare",
    "compare_reports",
    "recipient_key",
    "same_recipient",
]
