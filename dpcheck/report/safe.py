"""Text from outside shown to a person: control characters are made visible, never obeyed.

A file name, a quote from a document or a name in a buyer's policy is not ours: a newline in it
could start a forged "GREEN" line in the text report, an ESC sequence could recolour or erase a
terminal's lines, a right-to-left override could turn ``fdp.exe`` round. :func:`visible` writes
each such character as an escape (``\\n``, ``\\x1b``, ``\\u202e``) so that it shows, and every
human format (text, Markdown, HTML, CSV) and the command line's log lines pass outside text
through it. JSON, JSON Lines and SARIF escape control characters by their own syntax.
"""

from __future__ import annotations

import html
import unicodedata

# Control characters (C0, DEL, C1), format characters (bidi overrides and isolates, zero-width
# characters) and line and paragraph separators: they change how a line shows.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str) -> str:
    """``text`` with every control, format and separator character written as an escape."""
    if text.isprintable():  # in C, and true of nearly every text: none of those characters is printable
        return text
    return "".join(_escape(char) if unicodedata.category(char) in _HIDDEN else char for char in text)


def html_text(text: str) -> str:
    """Outside text for HTML and SVG: control characters made visible, then markup characters escaped."""
    return html.escape(visible(text))


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
