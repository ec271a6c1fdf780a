"""Features of a buyer's policy: which transfers its stance refuses, leaves outside or does not accept.

The rules of ``rules/policy/`` test these (the policy stage, :mod:`dpcheck.policy`, applies them
after the GDPR rules). A policy that leaves a key out has no opinion on it: its features are then
empty, and its rule cannot fire.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from dpcheck.checks.features import Feature, FeatureRegistry
from dpcheck.models import EEA_REGION, UNSPECIFIED, Evidence, Transfer, distinct_places

# allowed_destinations: any country whose adequacy decision covers a vendor's transfer on the scan's day
# (no scope limit, or one every commercial service provider meets: rules/facts/adequacy.yml, covers)
ADEQUATE = "ADEQUATE"
# A policy finding quotes this many places at most.
MAX_EVIDENCE = 5


@dataclass(frozen=True)
class Stance:
    """What a buyer's policy says about transfers (None: no opinion)."""

    refused_countries: tuple[str, ...] = ()
    allowed_destinations: tuple[str, ...] | None = None
    accepted_mechanisms: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Judged:
    """A document's transfers under a stance; ``eea``: the member states of the EEA."""

    stance: Stance
    transfers: tuple[Transfer, ...]
    eea: frozenset[str]

    @cached_property
    def refused(self) -> list[Transfer]:
        return [t for t in self.transfers if t.destination in self.stance.refused_countries]

    @cached_property
    def outside(self) -> list[Transfer]:
        allowed = self.stance.allowed_destinations
        return [] if allowed is None else [t for t in self.transfers if not self._allowed(t, allowed)]

    @cached_property
    def unaccepted(self) -> list[tuple[Transfer, set[str]]]:
        """Transfers resting only on tools outside the accepted ones; a fully adequate destination
        is covered by its adequacy decision whatever the text names."""
        accepted = self.stance.accepted_mechanisms
        if accepted is None:
            return []
        return [
            (t, tools)
            for t in self.transfers
            if (tools := set(t.mechanisms) | ({"adequacy"} if t.adequate else set())) and not tools & set(accepted)
        ]

    def _allowed(self, transfer: Transfer, allowed: tuple[str, ...]) -> bool:
        dest = transfer.destination
        return dest != UNSPECIFIED and (
            dest in allowed
            or (EEA_REGION in allowed and dest in self.eea)
            or (ADEQUATE in allowed and transfer.adequate)
        )


BUYER_FEATURES: FeatureRegistry[Judged] = FeatureRegistry()
feature = BUYER_FEATURES.feature


def _quoted(transfers: Iterable[Transfer]) -> tuple[Evidence, ...]:
    """Each place the transfers quote, once, in document order."""
    return distinct_places(sorted((e for t in transfers for e in t.evidence), key=lambda e: e.start), MAX_EVIDENCE)


@feature("refused_destinations", "refused_countries")
def _refused(doc: Judged) -> dict[str, Feature]:
    return {
        "refused_destinations": Feature({t.destination for t in doc.refused}, _quoted(doc.refused)),
        "refused_countries": Feature(set(doc.stance.refused_countries)),
    }


@feature("disallowed_destinations", "allowed_destinations")
def _outside(doc: Judged) -> dict[str, Feature]:
    allowed = doc.stance.allowed_destinations
    return {
        "allowed_destinations": Feature(set(allowed or ())),
        "disallowed_destinations": Feature({t.destination for t in doc.outside}, _quoted(doc.outside)),
    }


@feature("unaccepted_destinations", "unaccepted_mechanisms", "accepted_mechanisms")
def _unaccepted(doc: Judged) -> dict[str, Feature]:
    transfers = [t for t, _ in doc.unaccepted]
    return {
        "unaccepted_destinations": Feature({t.destination for t in transfers}, _quoted(transfers)),
        "unaccepted_mechanisms": Feature({m for _, tools in doc.unaccepted for m in tools}),
        "accepted_mechanisms": Feature(set(doc.stance.accepted_mechanisms or ())),
    }


BUYER_FEATURE_NAMES = BUYER_FEATURES.names
