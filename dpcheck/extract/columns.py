"""Tables with a column per transfer tool: the heading names the tool, the cells under it answer for each row.

Sub-processor annexes often give each tool a column of its own ("Sub-processor | Country | SCC | DPF | BCR", a row
"Kestrel Mail Inc. | United States | yes | no | no", „ja“/„nein“, "✓"/"–"). Such a heading names a tool without saying
anyone relies on it: the cells under it do. A table flattened into one line by text extraction (its header's cells,
then its one row's, as a one-row table reads in plain text) is read the same way, cell for cell.
"""

from __future__ import annotations

import re

from dpcheck.extract.sentences import Sentence

_FIRST_WORD = re.compile(r"[^\s(,;:]+")
# What a heading may add to the tool's name and still be only that tool's column ("SCC?", "DPF*"): a heading with
# words of its own ("DPF certified?") asks its own question, which the cells' field reading answers.
_HEADING_REST = re.compile(r"[\s?:*()]*")
CELL_BAR = " | "


def cell_answer(cell: str, yes: frozenset[str], no: frozenset[str]) -> bool | None:
    """Whether a cell under a tool's heading says the tool is used (True: its first word is one of ``yes``), not used
    (False: one of ``no``, or an empty cell: a column of ticks leaves the rows without one blank), or neither (None);
    the words are words.yml ``cell_yes`` and ``cell_no``."""
    found = _FIRST_WORD.match(cell.strip())
    if found is None:
        return False
    word = found.group().lower().rstrip(".")
    return True if word in yes else False if word in no else None


def column_answer(sentence: Sentence, start: int, end: int, yes: frozenset[str], no: frozenset[str]) -> bool | None:
    """What the cells under the tool named by tokens ``start``..``end`` answer (:func:`cell_answer`), where that name
    is a column's whole heading: True when a row says the tool is used, False when every row says it is not, None when
    the name is no such heading or the cells answer nothing."""
    block = sentence.block
    lo = sentence.span.char(start)
    hi = sentence.span.char(end - 1) + len(sentence.span[end - 1].text)
    cells = block.text.split(CELL_BAR)
    if len(cells) < 2:
        return None
    bounds, at = [], 0
    for cell in cells:
        bounds.append((at, at + len(cell)))
        at += len(cell) + len(CELL_BAR)
    column = next((k for k, (a, b) in enumerate(bounds) if a <= lo and hi <= b), None)
    if column is None:
        return None
    a, b = bounds[column]
    if _HEADING_REST.fullmatch(block.text[a:lo]) is None or _HEADING_REST.fullmatch(block.text[hi:b]) is None:
        return None
    if block.table is None:
        rows = _flattened_row(cells, column)
    else:
        # A header with an empty cell lost it in the row's text: its columns no longer line up with the rows'.
        rows = sentence.table_body()
        rows = rows if all(len(row) == len(cells) for row in rows) else ()
    answers = [cell_answer(row[column], yes, no) if column < len(row) else None for row in rows]
    if any(a is True for a in answers):
        return True
    return False if answers and all(a is False for a in answers) else None


def _flattened_row(cells: list[str], column: int) -> tuple[tuple[str, ...], ...]:
    """A line of header cells and then as many row cells: the row, when ``column`` is among the header's."""
    half, odd = divmod(len(cells), 2)
    if odd or column >= half:
        return ()
    return (tuple(cells[half:]),)
