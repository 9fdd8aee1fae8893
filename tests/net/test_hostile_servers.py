"""Servers that attack rather than fail (issue 16: items 1, 3, 6), on 127.0.0.1 with scripted bytes.

Limits are the fetch's own parameters made small (a deadline of a fraction of a second, a size
cap of kilobytes), so each test is quick; what is asserted is the outcome and its message, never
how long it took.
"""

from __future__ import annotations

import gzip
import os
import zlib

import pytest
from raw_server import raw_server, response

from newsdiff.cli import main
from newsdiff.core.errors import InputError
from newsdiff.core.fetch import fetch
from newsdiff.core.fetch_guard import decoded
from support.hang_guard import finishes

PAGE = (
    b"<html><head><title>Budget</title></head><body><article><p>The council approved the new "
    b"budget on Tuesday evening after a long debate, officials said in a statement.</p></article>"
    b"</body></html>"
)
ESCAPES = b"\x1b]2;PWN\x07\x1b[2J\x1bc"
RAW = ("\x1b", "\x07", "\x9b")


def error_of(url: str, **options: object) -> str:
    with pytest.raises(InputError) as caught:
        fetch(url, cache=False, **options)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and message.startswith(url), message
    return message


# -- 1: what a server says is shown as text ---------------------------------------------------------


def test_a_reason_phrase_with_escapes_is_shown_escaped() -> None:
    with raw_server([response(b"no", status=b"599 " + ESCAPES + b" bad")]) as base:
        message = error_of(base + "/x")
    assert not any(ch in message for ch in RAW)
    assert message.endswith("599 \\x1b]2;PWN\\x07\\x1b[2J\\x1bc bad")


def test_a_content_type_with_escapes_is_shown_escaped() -> None:
    kind = "image/png\x1b]2;PWN\x07" + "x" * 500
    with raw_server([response(b"PNG", headers=[("Content-Type", kind)])]) as base:
        message = error_of(base + "/x")
    assert not any(ch in message for ch in RAW)
    assert message.endswith("(the server says image/png\\x1b]2)")  # the type, up to its ";"


def test_the_command_line_prints_no_server_escape(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSDIFF_CONFIG", os.devnull)
    with raw_server([response(b"no", status=b"599 " + ESCAPES)]) as base:
        assert main(["diff", base + "/a", base + "/b"]) == 1
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "599 \\x1b]2;PWN" in err
    assert not any(ch in err for ch in RAW)


# -- 3: compression bombs -----------------------------------------------------------------------------


def bomb(size: int, layers: int) -> bytes:
    data = b"\0" * size
    for _ in range(layers):
        data = gzip.compress(data, 9)
    return data


def test_stacked_encodings_are_refused() -> None:
    body = bomb(50_000_000, 2)  # a few kilobytes on the wire; 50 MB once inflated twice
    assert len(body) < 10_000
    headers = [("Content-Encoding", "gzip, gzip")]
    with raw_server([response(body, headers=headers)]) as base:
        message = error_of(base + "/bomb", max_bytes=1_000_000)
    assert message.endswith("stacked content encodings (gzip, gzip) refused")


def test_a_gzip_bomb_is_cut_at_the_limit_without_inflating_it_all() -> None:
    body = bomb(50_000_000, 1)
    with raw_server([response(body, headers=[("Content-Encoding", "gzip")])]) as base:
        assert error_of(base + "/bomb", max_bytes=100_000).endswith("more than the 100 kB limit")
    # The decoder itself produces only one byte past the limit, whatever the ratio.
    produced = sum(len(piece) for piece in decoded([body], "gzip", 100_000))
    assert produced == 100_001


@pytest.mark.parametrize(
    ("encoding", "compress"),
    [
        ("gzip", lambda d: gzip.compress(d)),
        ("x-gzip", lambda d: gzip.compress(d[:50]) + gzip.compress(d[50:])),  # two members
        ("deflate", zlib.compress),
        ("deflate", lambda d: zlib.compress(d, wbits=-15)),  # raw deflate, as some servers send
        ("identity", lambda d: d),
    ],
)
def test_compressed_pages_still_read(encoding: str, compress: object) -> None:
    body = compress(PAGE)  # type: ignore[operator]
    headers = [("Content-Encoding", encoding)]
    with raw_server([response(body, headers=headers)]) as base:
        assert fetch(base + "/p", cache=False).body == PAGE


def test_an_unknown_or_corrupt_encoding_is_one_line() -> None:
    with raw_server([response(PAGE, headers=[("Content-Encoding", "br")])]) as base:
        assert error_of(base + "/p").endswith("content encoding 'br' not supported")
    with raw_server([response(b"\x1f\x8bnot gzip at all", headers=[("Content-Encoding", "gzip")])]) as base:
        assert error_of(base + "/p").endswith("the gzip data is corrupt")


# -- 6: the total deadline holds against a trickle ---------------------------------------------------


def deadline_error(url: str) -> str:
    """The error of a fetch with a deadline of 0.3 s (and 5 s per read), run under a guard: before
    the fix, an endless trickle held the fetch for ever."""
    messages: list[str] = []
    assert finishes(lambda: messages.append(error_of(url, timeout=5, deadline=0.3)))
    return messages[0]


def test_a_body_trickled_byte_by_byte_stops_at_the_deadline() -> None:
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>"
    with raw_server([head], pause=0.02, forever=b"x") as base:
        assert deadline_error(base + "/drip").endswith("timed out (still downloading after 0.3 s)")


def test_headers_trickled_byte_by_byte_stop_at_the_deadline() -> None:
    with raw_server([b"HTTP/1.1 200 OK\r\nX-Drip: "], pause=0.02, forever=b"x") as base:
        assert deadline_error(base + "/drip").endswith("timed out (still downloading after 0.3 s)")


def test_a_prompt_server_is_unaffected_by_the_deadline_guard() -> None:
    with raw_server([response(PAGE)]) as base:
        assert fetch(base + "/p", cache=False, deadline=5).body == PAGE


# -- decided: a redirect to a private or loopback address is followed -------------------------------


def test_a_redirect_to_a_loopback_address_is_followed() -> None:
    """The README's decision: newsdiff sends a plain GET with no cookies or credentials, and says
    where the page ended up (the article's URL), so such a redirect is followed like any other."""
    with raw_server([response(PAGE)]) as inner:
        moved = response(b"", status=b"302 Found", headers=[("Location", inner + "/private")])
        with raw_server([moved]) as outer:
            fetched = fetch(outer + "/public", cache=False)
    assert fetched.final_url == inner + "/private" and fetched.body == PAGE
