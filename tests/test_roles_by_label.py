"""The roles of a sentence's cues are looked up by label (dpcheck/extract/roles.py): a role's own label gives that
role, and a label of cues.yml gives the first role that borrows it."""

from __future__ import annotations

from dpcheck.extract import Lexicon
from dpcheck.nlp.components import CUES
from dpcheck.nlp.pipeline import ROLE_PREFIX


def test_roles_by_cue_label_as_prefix_then_borrowed(scanner):
    roles = Lexicon.from_data(scanner.ruleset.lexicon).roles
    labels = {
        *scanner.pipeline("en").get_pipe(CUES).matcher.labels,
        *scanner.pipeline("de").get_pipe(CUES).matcher.labels,
        *roles.by_label,
    }
    labels |= {f"{ROLE_PREFIX}{name}" for name in roles.roles} | {f"{ROLE_PREFIX}no_such_role", "NO_SUCH_LABEL"}
    for label in labels:
        expected = (
            roles.roles.get(label[len(ROLE_PREFIX) :]) if label.startswith(ROLE_PREFIX) else roles.by_label.get(label)
        )
        assert roles.by_cue_label.get(label) is expected, label
    assert sum(label in roles.by_cue_label for label in labels) > len(roles.roles)
