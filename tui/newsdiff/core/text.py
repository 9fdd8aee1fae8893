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
# A lone surrogate (YAML's "\uD800", a JSON escape) is no character: it cannot be encoded, so any
# write of it (an export, the terminal) would fail. It becomes U+FFFD, as a broken byte does.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


_WESTERN_CODEC = "cp1252"
"""What bytes in a legacy Western encoding are read as: Windows-1252, a superset of Latin-1's
printable characters (browsers read pages labelled Latin-1 the same way)."""
NON_LATIN_SHARE = 0.3
"""A detected non-Latin legacy encoding (Cyrillic, Greek, CJK...) is trusted only when at least
this share of the letters it yields are non-Latin: English or French misread as Cyrillic yields a
few odd letters among many ASCII ones, real Russian or Japanese text almost nothing else."""


def utf16_without_bom(data: bytes) -> str | None:
    """``"utf-16-le"`` or ``"utf-16-be"`` for UTF-16 text that lacks a BOM, else ``None``.

    Text in a Latin or common script has a zero byte in every other position (the high byte of
    ASCII characters), always on the same side; binary data and UTF-8 do not. The decoded sample
    must also be text, not controls.
    """
    sample = data[: 8192 & ~1]
    pairs = len(sample) // 2
    if pairs < 2:
        return None
    zero_even = sample[0::2].count(0) / pairs
    zero_odd = sample[1::2].count(0) / pairs
    if zero_odd >= 0.4 and zero_even <= 0.05:
        codec = "utf-16-le"
    elif zero_even >= 0.4 and zero_odd <= 0.05:
        codec = "utf-16-be"
    else:
        return None
    text = sample.decode(codec, errors="replace")
    controls = sum(1 for ch in text if ch < " " and ch not in "\t\n\r\f") + text.count("\ufffd")
    return codec if controls <= max(2, len(text) // 20) else None


def _non_latin_text(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    foreign = sum(1 for ch in letters if ord(ch) > 0x24F)
    return foreign >= 3 and foreign >= NON_LATIN_SHARE * len(letters)


def _legacy_decode(data: bytes) -> str:
    """Bytes that are not UTF-8: charset-normalizer's guess when it reads as a non-Latin script,
    else Windows-1252.

    charset-normalizer cannot tell the Western code pages apart on news text (it calls English
    with curly quotes cp1250 or cp852, which garbles every quote), so among Latin-script readings
    the web's own default wins; a Cyrillic, Greek or CJK reading is distinct enough to trust.
    """
    from charset_normalizer import from_bytes

    best = from_bytes(data[:262_144]).best()
    if best is not None and best.encoding not in {_WESTERN_CODEC, "latin_1"}:
        try:
            text = data.decode(best.encoding)
        except (UnicodeDecodeError, LookupError):
            text = ""
        if _non_latin_text(text):
            return text
    try:
        return data.decode(_WESTERN_CODEC)
    except UnicodeDecodeError:
        return data.decode("latin-1")


def decode(data: bytes) -> str:
    """Decode bytes by BOM, then UTF-16 without BOM, then UTF-8, then a legacy encoding.

    UTF-8 with a few broken bytes (a bad scrape or a truncated download) stays UTF-8, the broken
    bytes shown as U+FFFD: reading it as Windows-1252 would garble every curly quote in it. Data
    with no valid multi-byte UTF-8 character at all is a legacy encoding: Windows-1252 (and so
    Latin-1), or a non-Latin one charset-normalizer recognises (see ``_legacy_decode``).
    Never raises: the last resort, Latin-1, maps every byte.
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    codec = utf16_without_bom(data)
    if codec:
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    lenient = data.decode("utf-8", errors="replace")
    broken = lenient.count("\ufffd")
    multibyte = sum(1 for ch in lenient if ch > "\x7f") - broken
    if multibyte > broken:
        return lenient
    return _legacy_decode(data)


def looks_binary(data: bytes) -> bool:
    """True when a sample of ``data`` is not text: NULs outside UTF-16, or many control bytes."""
    sample = data[:8192]
    if not sample:
        return False
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or utf16_without_bom(sample):
        return False
    # A few stray NULs in otherwise readable text are tolerated (they are stripped later), but
    # they are control bytes too: compressed or random data has a few NULs and many controls.
    if sample.count(b"\x00") > max(2, len(sample) // 100):
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls > max(2, len(sample) // 20)


def sanitize(text: str) -> str:
    """Normalise line ends to ``\\n``; remove control, bidi-override and invisible characters;
    replace lone surrogates with U+FFFD.

    NFC normalisation makes the same letter compare equal however it was encoded.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BREAKS.sub("\n", text)
    text = _CONTROL.sub("", text)
    text = _INVISIBLE.sub("", text)
    text = _SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", text)


def one_line(text: str) -> str:
    """Text folded onto one line (headers, table cells, error messages): runs of white space,
    newlines included, become one space."""
    return " ".join(text.split())
