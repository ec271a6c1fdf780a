"""Filled-in forms: the boxes ticked or left empty before an option, and a field answered "no".

DPA annexes are often forms ("Safeguard: [ ] SCCs [x] DPF", „Übermittlung in ein Drittland: ☐ ja ☒ nein"): an
option whose box is empty is not chosen, and a field whose ticked answer is "no" denies what it asks.
"""

from __future__ import annotations

from collections.abc import Sequence

from dpcheck.extract.sentences import Word

# A box as the tokens before an option read, joined without spaces ("[ ]" is "[" and "]").
TICKED = frozenset({"[x]", "[X]", "(x)", "(X)", "[✓]", "[✔]", "☒", "☑", "✓", "✔", "✅", "⊠"})
UNTICKED = frozenset({"[]", "()", "☐", "□", "⬜", "○"})
# The widest box in tokens ("[", "x", "]").
BOX_TOKENS = 3
NO = frozenset({"no", "nein", "none", "keine"})
YES = frozenset({"yes", "ja"})


def box_before(tokens: Sequence[Word], i: int) -> bool | None:
    """Whether the box right before token ``i`` is ticked (True), empty (False), or there is none (None)."""
    for width in range(1, BOX_TOKENS + 1):
        j = i - width
        if j < 0:
            break
        text = "".join(t.text for t in tokens[j:i])
        if text in TICKED:
            return True
        if text in UNTICKED:
            return False
    return None


def answered_no(tokens: Sequence[Word]) -> bool:
    """A field whose ticked answer is "no" ("Transfer outside the EEA: [ ] Yes [x] No", „☐ ja ☒ nein")."""
    ticked = {tokens[i].lower_ for i in range(len(tokens)) if box_before(tokens, i)}
    return bool(ticked & NO) and not ticked & YES


def nothing_ticked(tokens: Sequence[Word]) -> bool:
    """Options offered in boxes, none of them ticked ("Supplementary measures: ☐ encryption ☐ pseudonymisation")."""
    boxes = [box_before(tokens, i) for i in range(len(tokens))]
    return False in boxes and True not in boxes
