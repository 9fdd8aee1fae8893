"""A tiny threaded HTTP server on 127.0.0.1 that sends exactly the bytes a test scripts.

pytest-httpserver (werkzeug) writes well-formed replies; a hostile server does not: a reason
phrase with escape sequences, headers or a body sent a byte at a time, stacked encodings. Each
reply is a list of byte strings with a pause after each, so a test scripts the trickle too.
"""

from __future__ import annotations

import itertools
import socket
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

Script = Sequence[bytes]


@contextmanager
def raw_server(pieces: Script, pause: float = 0.0, forever: bytes = b"") -> Iterator[str]:
    """Serve ``pieces`` (sent in order, ``pause`` seconds after each), then ``forever`` again and
    again if given, to every connection; yields the base URL (``http://127.0.0.1:PORT``). A client
    that hangs up ends its reply early."""
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def reply(conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            try:
                conn.recv(65536)  # the request; its content does not matter
                for piece in itertools.chain(pieces, itertools.repeat(forever) if forever else ()):
                    if stop.is_set():
                        return
                    conn.sendall(piece)
                    if pause:
                        time.sleep(pause)
            except OSError:
                return

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            threading.Thread(target=reply, args=(conn,), daemon=True).start()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(2)
        listener.close()


def response(body: bytes, *, status: bytes = b"200 OK", headers: Sequence[tuple[str, str]] = ()) -> bytes:
    """One whole HTTP/1.1 reply (``Connection: close``, a Content-Length unless given)."""
    lines = [b"HTTP/1.1 " + status]
    names = {name.lower() for name, _ in headers}
    head = [*headers]
    if "content-type" not in names:
        head.append(("Content-Type", "text/html; charset=utf-8"))
    if "content-length" not in names:
        head.append(("Content-Length", str(len(body))))
    head.append(("Connection", "close"))
    lines += [f"{name}: {value}".encode("latin-1") for name, value in head]
    return b"\r\n".join(lines) + b"\r\n\r\n" + body
