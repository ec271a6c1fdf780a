"""A document that amends a data processing agreement: "This Addendum is incorporated by reference
into the Data Processing Addendum", "Diese Ergänzung ist Bestandteil des Auftragsverarbeitungsvertrags".

Such a document (a transfer addendum, an annex published apart) is part of the agreement it names,
not an agreement of its own; a vendor's dossier reads it together with that agreement. The mention
has kind ``amends`` and value ``dpa``. The agreement must be named after the amending words, and not
as the document itself ("the SCCs are incorporated into this DPA" amends nothing).
"""

from __future__ import annotations

from dpcheck.extract.sentences import Sentence
from dpcheck.models import Mention

KIND = "amends"
# Words before an agreement's name that make it the document itself.
SELF = {"this", "these", "dieser", "diese", "diesem", "dieses", "vorliegende", "vorliegenden", "vorliegender"}


def amendment_mentions(sentence: Sentence) -> list[Mention]:
    for cue in sentence.of("AMENDS"):
        for name in sorted(sentence.of("DPA_NAME"), key=lambda c: (c.start, -c.end)):
            before = sentence.span[name.start - 1].lower_ if name.start else ""
            if name.start >= cue.end and before not in SELF:
                return [Mention(KIND, "dpa", sentence.evidence(f"'{cue.text}' the '{name.text}'"))]
    return []
