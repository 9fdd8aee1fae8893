"""Decoding and sanitising untrusted bytes."""

from __future__ import annotations

import codecs

from newsdiff.core.text import decode, looks_binary, sanitize


def test_decode_handles_boms_and_legacy_encodings() -> None:
    word = "Kim’s café"
    assert decode(codecs.BOM_UTF8 + word.encode("utf-8")) == word
    assert decode(word.encode("utf-16")) == word
    assert decode(word.encode("utf-8")) == word
    assert decode("café".encode("latin-1")) == "café"
    assert decode("“quoted”".encode("cp1252")) == "“quoted”"


def test_sanitize_removes_terminal_controls_and_bidi_overrides() -> None:
    hostile = "red \x1b[31mtext\x1b[0m\x07 title\x1b]0;pwned\x07 \u202eevil\r\nnext\rline\x00"
    clean = sanitize(hostile)
    assert "\x1b" not in clean and "\x07" not in clean and "\x00" not in clean
    assert "\u202e" not in clean
    assert "\r" not in clean
    assert clean.split("\n") == ["red [31mtext[0m title]0;pwned evil", "next", "line"]


def test_sanitize_keeps_tabs_newlines_and_normalises_unicode() -> None:
    assert sanitize("a\tb\nc") == "a\tb\nc"
    assert sanitize("cafe\u0301") == "café"


def test_binary_detection() -> None:
    assert looks_binary(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert not looks_binary(b"plain text\n")
    assert not looks_binary("utf16 text".encode("utf-16"))
    assert not looks_binary(b"")


def test_page_and_line_separators_become_line_breaks_not_glue() -> None:
    assert sanitize("Wednesday.\fThe talks\vended\u2028here") == "Wednesday.\nThe talks\nended\nhere"


def test_invisible_characters_are_removed_but_joiners_kept() -> None:
    assert sanitize("Pu\u200btin\u2060 \ufeffmet\u00ad \u200eKim\u200f") == "Putin met Kim"
    family = "👨\u200d👩\u200d👧"
    assert sanitize(family) == family
    assert sanitize("می\u200cخواهم") == "می\u200cخواهم"


def test_one_line_folds_all_white_space() -> None:
    from newsdiff.core.text import one_line

    assert one_line("  a\nb\t\tc  \n") == "a b c"


def test_utf8_with_a_few_broken_bytes_stays_utf8() -> None:
    data = "“Kim’s visit,” he said — a “sacred fight”.".encode() + b" \xff broken"
    text = decode(data)
    assert text.startswith("“Kim’s visit,” he said — a “sacred fight”.")
    assert "\ufffd" in text and "â€" not in text
