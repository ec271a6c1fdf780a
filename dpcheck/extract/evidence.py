"""Which evidence decides a label: the one order in which a document's mentions are quoted.

A label (a destination, a transfer tool, a finding built on them) is shown with its mentions
decisive first, ranked by the clause role of the sentence each was read in (see
:mod:`dpcheck.extract.roles`), then by document order:

1. mentions the text relies on before those it only names as lapsed or disavowed;
2. a transfer, storage or access statement naming the destination, or the seat of a recipient
   that receives the data; then a row of a sub-processor table; then a place named only in a
   transfer context (its argument ``unclaimed``);
3. a transfer tool named in a sentence that states a transfer ("transfers to the US rest on the
   SCCs") before one named elsewhere (an order of precedence, a conflict clause), and a
   definition ("'SCCs' means ...") last;
4. within a role, a tool named by its name before one read from consent to the transfer, and a
   sentence saying that data moves or rests somewhere (``moves`` in rules/lexicon/roles.yml:
   "transferred", "stored", "gespeichert") before one saying only where something is
   ("located", "operates", "betrieben").

:func:`tool_role` gives a tool's mention the role of its sentence; :meth:`EvidenceOrder.ranked`
orders the mentions once, when extraction ends, and every later view keeps that order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dpcheck.extract.roles import RECIPIENT_SEAT, UNCLAIMED, SentenceRoles
from dpcheck.extract.sentences import Sentence
from dpcheck.models import Mention

# Roles a tool's mention takes from its sentence (for a destination the role is its argument role).
TRANSFER = "transfer"
DEFINITION = "definition"
# Details readers give: a row of a sub-processor table; a tool read from consent to the transfer.
TABLE = "table"
CONSENT = "consent"
# Tiers, decisive first; a mention whose role is not named here sits between named and definitions.
ORDER = ("destination", RECIPIENT_SEAT, TRANSFER, TABLE, UNCLAIMED, "", DEFINITION)
_TIER = {role: tier for tier, role in enumerate(ORDER)}


def tool_role(sentence: Sentence, roles: SentenceRoles, mention: Mention) -> str:
    """The role of the sentence a transfer tool is named in: a definition, a statement that data
    moves (its roles give a place a transferring argument, or it speaks of third countries), or
    neither ("")."""
    if mention.detail == DEFINITION or sentence.is_definition:
        return DEFINITION
    if roles.states_transfer or sentence.has("THIRD_COUNTRY"):
        return TRANSFER
    return ""


@dataclass(frozen=True)
class EvidenceOrder:
    """The order of evidence, with the words of rules/lexicon/roles.yml that say data moves."""

    moves: re.Pattern[str]

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> EvidenceOrder:
        words = sorted({str(w).lower() for phrases in data["moves"].values() for w in phrases})
        parts = (re.escape(w).replace(r"\*", r"\w*") for w in words)
        return cls(re.compile(r"\b(?:" + "|".join(parts) + r")\b", re.I))

    def rank(self, mention: Mention) -> tuple[bool, int, bool, bool, int]:
        """How decisive ``mention`` is as evidence (lower first; see the module docstring), then where it stands."""
        tier = TABLE if mention.detail == TABLE else mention.role
        return (not mention.relied_upon, _TIER.get(tier, _TIER[""]), mention.detail == CONSENT,
                not self.moves.search(mention.evidence.quote), mention.evidence.start)

    def ranked(self, mentions: Iterable[Mention]) -> tuple[Mention, ...]:
        """``mentions`` decisive first."""
        return tuple(sorted(mentions, key=self.rank))
