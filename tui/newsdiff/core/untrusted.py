"""Strings from outside newsdiff (server replies, file names, metadata) made safe to show.

Article text is cleaned once by ``text.sanitize``, which removes control characters; a file name,
an HTTP reason phrase or a path inside an error message must instead stay recognisable, so here
each unsafe character is written as a visible escape (``\\x1b``, ``\\u202e``): nothing that could
start a terminal sequence (C0 and C1 controls, DEL), reorder the line (bidi overrides and
isolates), break it (line and paragraph separators) or fail to encode (a lone surrogate, as a file
name that is not UTF-8 decodes to) ever reaches a terminal, the app or an export.
"""

from __future__ import annotations

import json
import re
from typing import Any

from newsdiff.core.text import one_line

# DEL and C1 controls, bidi marks, overrides and isolates, line separators, lone surrogates.
_BEYOND_C0 = r"\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ud800-\udfff"
_UNSAFE = re.compile(rf"[\x00-\x1f{_BEYOND_C0}]")
# In JSON text the C0 controls are already escaped by the encoder; the rest is escaped the JSON way.
_JSON_UNSAFE = re.compile(rf"[{_BEYOND_C0}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every unsafe character written as a visible escape (``\\x1b``, ``\\u202e``)."""
    return _UNSAFE.sub(_escape, text)


def safe_line(text: str) -> str:
    """One line that is safe to print: white space (newlines included) folded to single spaces,
    then what is left unsafe escaped (so a file name cannot forge a second ``newsdiff:`` line)."""
    return printable(one_line(text))


def json_text(data: Any) -> str:
    """``data`` as indented JSON (UTF-8 text kept readable) with no raw C1 control, bidi override or
    lone surrogate: those are written as ``\\u`` escapes, which a JSON reader turns back into the
    same string, so the output can be printed to a terminal and always encodes."""
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"
