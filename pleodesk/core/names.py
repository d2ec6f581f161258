"""The one rule for a connection's name, shared by the setup file, the wizard and the store.

A name is shown in lists, window titles, terminal output, the history and log lines, so it must be one
line of visible text: at most ``MAX_NAME_LENGTH`` characters after trimming the spaces around it, and
none of the characters that are not text but instructions to a terminal or a text renderer:

* control characters (``Cc``): a newline, a tab, BEL, ESC sequences that recolour or rewrite a terminal;
* format characters (``Cf``), among them the bidirectional overrides and isolates (U+202A-U+202E,
  U+2066-U+2069) that make a name display as something else; the zero-width (non-)joiners U+200C and
  U+200D are allowed, as Persian, Indic scripts and emoji sequences need them;
* line and paragraph separators (``Zl``, ``Zp``), surrogates, private-use and unassigned code points.
"""

from __future__ import annotations

import unicodedata

MAX_NAME_LENGTH = 100

_REFUSED_CATEGORIES = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn"})
_ALLOWED_FORMAT = frozenset({"\u200c", "\u200d"})


class ConnectionNameError(ValueError):
    """A connection name pleodesk refuses. ``kind``: ``empty``, ``too_long`` or ``invisible``
    (for a message in the user's language); ``str()`` is one English line."""

    def __init__(self, message: str, kind: str, char: str = "") -> None:
        super().__init__(message)
        self.kind = kind
        self.char = char


def refused_character(name: str) -> str | None:
    """The first character of ``name`` that may not be in a name, or None."""
    for ch in name:
        if ch in _ALLOWED_FORMAT:
            continue
        if unicodedata.category(ch) in _REFUSED_CATEGORIES:
            return ch
    return None


def check_connection_name(name: object) -> str:
    """``name`` trimmed, if it is a valid connection name; :class:`ConnectionNameError` saying why not otherwise."""
    if not isinstance(name, str):
        raise ConnectionNameError("The connection name must be text.", "empty")
    name = name.strip()
    if not name:
        raise ConnectionNameError("The connection needs a name.", "empty")
    if len(name) > MAX_NAME_LENGTH:
        raise ConnectionNameError(f"The connection name is {len(name):,} characters long; use at most {MAX_NAME_LENGTH}.",
                         "too_long")
    bad = refused_character(name)
    if bad is not None:
        raise ConnectionNameError(f"The connection name contains {describe(bad)}, which cannot be shown as text; use "
                         "letters, digits, spaces and punctuation only.", "invisible", bad)
    return name


def describe(ch: str) -> str:
    """``U+202E (RIGHT-TO-LEFT OVERRIDE)``, a readable name for a character that is not shown."""
    label = unicodedata.name(ch, "")
    if not label:
        label = {"\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\t": "TAB", "\x07": "BELL", "\x1b": "ESCAPE",
                 "\x00": "NULL"}.get(ch, "a control character")
    return f"U+{ord(ch):04X} ({label})"


__all__ = ["MAX_NAME_LENGTH", "ConnectionNameError", "check_connection_name", "describe", "refused_character"]
