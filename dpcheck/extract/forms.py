"""Filled-in forms: the boxes ticked or left empty before an option, and a field answered "no" or "none".

DPA annexes are often forms ("Safeguard: [ ] SCCs [x] DPF", „Übermittlung in ein Drittland: ☐ ja ☒ nein"): an
option whose box is empty is not chosen, and a field whose ticked answer is "no" denies what it asks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dpcheck.extract.sentences import Tokens, Word

# A box as the tokens before an option read, joined without spaces ("[ ]" is "[" and "]").
TICKED = frozenset({"[x]", "[X]", "(x)", "(X)", "[✓]", "[✔]", "☒", "☑", "✓", "✔", "✅", "⊠"})
UNTICKED = frozenset({"[]", "()", "☐", "□", "⬜", "○"})
# The widest box in tokens ("[", "x", "]").
BOX_TOKENS = 3
NO = frozenset({"no", "nein", "none", "keine"})
YES = frozenset({"yes", "ja"})
_BOX_ENDS = frozenset(box[-1] for box in TICKED | UNTICKED)
# Any box in a text, its tokens perhaps apart ("[ x ]"): a field or list of options is rare, and a text without a box
# is not walked token by token.
_BOX = re.compile("|".join(r"\s*".join(map(re.escape, box)) for box in sorted(TICKED | UNTICKED)))


def box_before(tokens: Sequence[Word], i: int) -> bool | None:
    """Whether the box right before token ``i`` is ticked (True), empty (False), or there is none (None)."""
    # Every box ends as the token before ``i`` does: most tokens end in no box's last character, and the tokens
    # before them are not made and joined.
    if 0 < i <= len(tokens) and (last := tokens[i - 1].text) and last[-1] not in _BOX_ENDS:
        return None
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
    if not _holds_box(tokens):
        return False
    ticked = {tokens[i].lower_ for i in range(len(tokens)) if box_before(tokens, i)}
    return bool(ticked & NO) and not ticked & YES


def nothing_ticked(tokens: Sequence[Word]) -> bool:
    """Options offered in boxes, none of them ticked ("Supplementary measures: ☐ encryption ☐ pseudonymisation")."""
    if not _holds_box(tokens):
        return False
    boxes = [box_before(tokens, i) for i in range(len(tokens))]
    return False in boxes and True not in boxes


def _holds_box(tokens: Sequence[Word]) -> bool:
    """The tokens may hold a box: between tokens a text has only spaces, so a box read from tokens joined is one
    the text shows with spaces or none between its characters."""
    text = tokens.text if isinstance(tokens, Tokens) else " ".join(t.text for t in tokens)
    return _BOX.search(text) is not None


def labelled_absent(after: Tokens, absent: re.Pattern[str]) -> bool:
    """The words before ``after`` are the label of a field whose value says there is none ("Supplementary measures:
    none.", "Standard Contractual Clauses: not applicable", „Transfer-Folgenabschätzung durchgeführt: ☐ ja ☒ nein");
    ``absent``: ``absent_value`` of rules/lexicon/words.yml."""
    if answered_no(after) or nothing_ticked(after):
        return True
    rest = after.text.strip()
    return rest.startswith(":") and bool(absent.fullmatch(rest[1:].strip()))
