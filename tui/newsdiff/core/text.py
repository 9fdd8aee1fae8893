"""Turning untrusted bytes into safe, normalised text.

Articles come from scrapes and the open web: any encoding, CRLF line ends, stray NULs and terminal
control sequences. Everything downstream (display, diff, export) assumes the text produced here.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

# Characters that separate lines or pages: kept as line breaks so words do not merge.
_BREAKS = re.compile(r"[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
# C0 and C1 controls except tab and newline, plus DEL. An ESC byte is how a terminal escape
# sequence starts, so removing these makes article text inert in any terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Bidi overrides/isolates can reorder what the reader sees ("Trojan source"); invisible format
# characters (zero-width space, word joiner, BOM, soft hyphen, direction marks) would make
# differences nobody can see. All are removed; the zero-width (non-)joiners stay, as emoji
# sequences and Persian or Indic spelling need them.
_INVISIBLE = re.compile(r"[\u202a-\u202e\u2066-\u2069\u200b\u200e\u200f\u061c\u2060-\u2064\ufeff\u00ad]")


def decode(data: bytes) -> str:
    """Decode bytes by BOM, then UTF-8, then Windows-1252 (a Latin-1 superset in practice).

    UTF-8 with a few broken bytes (a bad scrape or a truncated download) stays UTF-8, the broken
    bytes shown as U+FFFD: reading it as Windows-1252 would garble every curly quote in it. Data
    with no valid multi-byte UTF-8 character at all is a legacy encoding.
    Raises ``UnicodeDecodeError`` only if no reading fits, which for cp1252 with its few undefined
    bytes means the data is almost certainly binary.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ch > "\x7f") - broken
    if multibyte > broken:
        return lenient
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def looks_binary(data: bytes) -> bool:
    """True when a sample of ``data`` is not text: NULs outside UTF-16, or many control bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    # A few stray NULs in otherwise readable text are tolerated (they are stripped later), but
    # they are control bytes too: compressed or random data has a few NULs and many controls.
    if sample.count(b"\x00") > max(2, len(sample) // 100):
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(2, len(sample) // 20)


def sanitize(text: str) -> str:
    """Normalise line ends to ``\\n``; remove control, bidi-override and invisible characters.

    NFC normalisation makes the same letter compare equal however it was encoded.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    return unicodedata.normalize("NFC", text)


def one_line(text: str) -> str:
    """Text folded onto one line (headers, table cells, error messages): runs of white space,
    newlines included, become one space."""
    return " ".join(text.split())
