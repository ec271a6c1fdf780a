"""dpcheck.vendor.together: several documents read as one."""

from __future__ import annotations

from dpcheck.ingest.document import Document, Notice
from dpcheck.vendor.together import SEPARATOR, join


def test_together_keeps_each_documents_notices_with_its_name_and_place():
    """A notice of the second document stays a notice, named after it, at its page and offset in the whole."""
    first = Document("dpa.pdf", "pdf", "Main agreement.", (), page_starts=(0,))
    hidden = Notice("hidden-text", "Text drawn in white was left out.", partial=True, pages=(1,), positions=(4,))
    second = Document("annex.pdf", "pdf", "Annex text.", (), page_starts=(0,), notices=(hidden,))
    joined = join([("dpa.pdf", first), ("annex.pdf", second)]).document
    assert joined.partial
    assert joined.warnings == ("annex.pdf: Text drawn in white was left out.",)
    (notice,) = joined.notices
    assert notice.code == "hidden-text"
    assert notice.pages == (2,)
    assert notice.positions == (len("Main agreement.") + len(SEPARATOR) + 4,)
