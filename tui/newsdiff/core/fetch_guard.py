"""Two limits httpx does not give, for a server that is hostile rather than slow.

A **total deadline** on every read and write of the connection (``DeadlineBackend``): httpx's
timeouts are per read, so a server sending a byte a second, of the headers or of the body, would
hold a fetch for ever; here each read may wait only for what is left of the deadline.

**Decoding with an output cap** (``decoded``): httpx inflates each compressed piece whole, so 3 kB
of doubly gzipped zeros become gigabytes in memory before any size check can run. Here the body is
read raw and inflated at most one byte past the size limit; only one encoding is accepted (a stack
such as ``gzip, gzip`` is refused: no real server needs one), and only those we ask for.
"""

from __future__ import annotations

import time
import zlib
from collections.abc import Iterable, Iterator
from typing import Any

ACCEPT_ENCODING = "gzip, deflate"
"""What requests say they accept; the only encodings ``decoded`` inflates."""
_GZIP = ("gzip", "x-gzip")
_GZIP_MAGIC = b"\x1f\x8b"


class EncodingError(ValueError):
    """The body's Content-Encoding is stacked, unknown, or its data corrupt (the message says)."""


def content_encoding(header: str) -> str:
    """The one encoding a ``Content-Encoding`` header names ("" for none or identity)."""
    names = [name.strip().lower() for name in header.split(",") if name.strip()]
    names = [name for name in names if name != "identity"]
    if len(names) > 1:
        raise EncodingError(f"stacked content encodings ({', '.join(names)[:60]}) refused")
    if names and names[0] not in (*_GZIP, "deflate"):
        raise EncodingError(f"content encoding {names[0][:40]!r} not supported")
    return names[0] if names else ""


def decoded(raw: Iterable[bytes], encoding: str, limit: int) -> Iterator[bytes]:
    """The body's bytes from its ``raw`` pieces as sent, inflating ``encoding`` (see
    ``content_encoding``); never more than ``limit + 1`` bytes in all, so the caller sees a body
    over its limit, however small its compressed form, without holding more."""
    if not encoding:
        yield from raw
        return
    wbits = 16 + zlib.MAX_WBITS if encoding in _GZIP else zlib.MAX_WBITS
    inflater: Any = zlib.decompressobj(wbits)
    produced = 0
    started = False
    for piece in raw:
        pending = piece
        while pending and produced <= limit:
            try:
                out = inflater.decompress(pending, limit + 1 - produced)
            except zlib.error:
                if encoding == "deflate" and not started:
                    # Some servers send "deflate" without the zlib header: raw deflate.
                    wbits, inflater, started = -zlib.MAX_WBITS, zlib.decompressobj(-zlib.MAX_WBITS), True
                    continue
                raise EncodingError(f"the {encoding} data is corrupt") from None
            started = True
            produced += len(out)
            if out:
                yield out
            if inflater.eof:
                pending = inflater.unused_data
                if not (encoding in _GZIP and pending.startswith(_GZIP_MAGIC)):
                    return  # the end; what follows (not another gzip member) is ignored, as browsers do
                inflater = zlib.decompressobj(wbits)
            else:
                pending = inflater.unconsumed_tail
        if produced > limit:
            return


class DeadlineBackend:
    """An httpcore network backend whose every read, write and handshake ends by ``deadline_at``
    (a ``time.monotonic`` value): a read that would wait past it times out (``httpcore.ReadTimeout``)."""

    def __init__(self, deadline_at: float) -> None:
        import httpcore

        self.deadline_at = deadline_at
        self._backend = httpcore.SyncBackend()

    def left(self, timeout: float | None) -> float:
        import httpcore

        remaining = self.deadline_at - time.monotonic()
        if remaining <= 0:
            raise httpcore.ReadTimeout("the deadline has passed")
        return remaining if timeout is None else min(timeout, remaining)

    def connect_tcp(self, host: str, port: int, timeout: float | None = None, **options: Any) -> Any:
        return _DeadlineStream(self._backend.connect_tcp(host, port, self.left(timeout), **options), self)

    def connect_unix_socket(self, path: str, timeout: float | None = None, **options: Any) -> Any:
        return _DeadlineStream(self._backend.connect_unix_socket(path, self.left(timeout), **options), self)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _DeadlineStream:
    """A network stream whose waits are cut to what is left of the backend's deadline."""

    def __init__(self, stream: Any, backend: DeadlineBackend) -> None:
        self._stream = stream
        self._backend = backend

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        data: bytes = self._stream.read(max_bytes, self._backend.left(timeout))
        return data

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, self._backend.left(timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> Any:
        upgraded = self._stream.start_tls(ssl_context, server_hostname, self._backend.left(timeout))
        return _DeadlineStream(upgraded, self._backend)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


def install_deadline(client: Any, deadline_at: float) -> bool:
    """Put a ``DeadlineBackend`` under every connection pool of an ``httpx.Client``; False if this
    httpx keeps its pools elsewhere (then only the checks between body pieces hold the deadline)."""
    transports = [getattr(client, "_transport", None), *getattr(client, "_mounts", {}).values()]
    installed = False
    for transport in transports:
        pool = getattr(transport, "_pool", None)
        if pool is not None and hasattr(pool, "_network_backend"):
            pool._network_backend = DeadlineBackend(deadline_at)
            installed = True
    return installed
