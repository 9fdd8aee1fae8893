"""Fetching web pages and feeds over HTTP(S), with limits, and keeping a copy on disk.

The open web is hostile input like any file: every fetch has a timeout (per connect and read, and
a total deadline, so a server dripping a byte a second cannot hold us), a size cap (the body is
streamed and dropped at the cap), a redirect cap, and only ``http``/``https`` are spoken: a
redirect to ``file://``, ``ftp://`` or ``javascript:`` is refused rather than followed. Every
failure is one ``InputError`` line naming the URL.

Fetched pages are kept in an on-disk cache (platformdirs' user cache dir, or NEWSDIFF_CACHE_DIR),
one file per URL written atomically, so a story opened once reopens offline. httpx and
platformdirs are imported only when something is fetched: this module is imported by the loader
for ``is_url``, which must stay cheap.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from http import HTTPStatus
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import urlsplit

from newsdiff import __version__
from newsdiff.core.errors import Cancelled, InputError
from newsdiff.core.fetch_guard import (
    ACCEPT_ENCODING,
    EncodingError,
    content_encoding,
    decoded,
    install_deadline,
)
from newsdiff.core.files import write_atomic
from newsdiff.core.options import DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT, LoadOptions
from newsdiff.core.reading import size_text
from newsdiff.core.text import one_line

if TYPE_CHECKING:
    import ssl

    import httpx

    from newsdiff.core.article import Article

USER_AGENT = f"newsdiff/{__version__} (+https://github.com/newsdiff/newsdiff)"
DEFAULT_DEADLINE = 60.0
"""Seconds for a whole fetch, redirects included."""
DEFAULT_MAX_REDIRECTS = 5
ALLOWED_SCHEMES = ("http", "https")
PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/feed+xml",
    }
)
Accept = Literal["page", "feed", "any"]
"""What a caller can use: an HTML page, a feed, or either (the app's open prompt)."""

_SCHEME = re.compile(r"\A[A-Za-z][A-Za-z0-9+.-]*://")
_FEED_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.S
)
_SHOWN = 80
"""At most this much of what a server says (a reason phrase, a content type) is quoted in a message."""


def is_url(value: object) -> bool:
    """True for ``http://…``, ``https://…`` and any other ``scheme://`` (refused later, by name),
    so ``ftp://x`` is reported as a URL newsdiff will not fetch rather than a missing file."""
    return isinstance(value, str) and bool(_SCHEME.match(value))


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def human_time(stamp: str) -> str:
    """``2026-11-23T19:04:05Z`` as ``2026-11-23 19:04 UTC`` (anything else unchanged)."""
    try:
        when = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ")
    except ValueError:
        return stamp
    return when.strftime("%Y-%m-%d %H:%M UTC")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body and where it really came from (``final_url``, after redirects)."""

    url: str
    final_url: str
    content_type: str
    body: bytes
    fetched_at: str
    from_cache: bool = False
    etag: str = ""
    last_modified: str = ""
    not_modified: bool = False
    """The server answered 304 to a conditional request (``headers`` of ``fetch``): no body."""

    @property
    def mime(self) -> str:
        return self.content_type.split(";", 1)[0].strip().lower()

    @property
    def is_feed(self) -> bool:
        """By the declared type, or by the first element when the server says something generic."""
        if self.mime in FEED_TYPES and self.mime not in ("application/xml", "text/xml"):
            return True
        return bool(_FEED_START.match(self.body[:2048]))

    @property
    def note(self) -> str | None:
        """What to tell the reader about a copy from the cache, or None for a fresh fetch."""
        return f"from cache, fetched {human_time(self.fetched_at)}" if self.from_cache else None


# -- the cache -------------------------------------------------------------------------------------


def cache_dir() -> Path:
    """NEWSDIFF_CACHE_DIR if set, else the platform's user cache folder for newsdiff."""
    override = os.environ.get("NEWSDIFF_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_cache_dir("newsdiff")) / "pages"


class Cache:
    """One file per URL: a JSON header line (URLs, content type, fetch time), then the body.

    One file, replaced atomically, so a reader never sees a body with another fetch's header;
    writing is best effort (a read-only or full disk only loses the offline copy).
    """

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder if folder is not None else cache_dir()

    def path_for(self, url: str) -> Path:
        return self.folder / (hashlib.sha256(url.encode("utf-8")).hexdigest() + ".page")

    def get(self, url: str) -> Fetched | None:
        try:
            data = self.path_for(url).read_bytes()
            header, _, body = data.partition(b"\n")
            meta = json.loads(header)
            return Fetched(
                url=url,
                final_url=str(meta["final_url"]),
                content_type=str(meta["content_type"]),
                body=body,
                fetched_at=str(meta["fetched_at"]),
                from_cache=True,
            )
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, fetched: Fetched) -> None:
        header = {
            "url": fetched.url,
            "final_url": fetched.final_url,
            "content_type": fetched.content_type,
            "fetched_at": fetched.fetched_at,
        }
        data = json.dumps(header, ensure_ascii=True).encode("ascii") + b"\n" + fetched.body
        target = self.path_for(fetched.url)
        with contextlib.suppress(OSError, InputError):  # a cache that cannot be written is no cache
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(target, data, force=True, mode=0o600)


# -- fetching --------------------------------------------------------------------------------------


def _check_scheme(url: str, original: str) -> None:
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ALLOWED_SCHEMES:
        if url == original:
            raise InputError(f"{original}: only http:// and https:// URLs can be opened")
        raise InputError(
            f"{original}: redirected to a {scheme or 'relative'}: URL, refused (only http and https)"
        )


def _connect_message(exc: Exception) -> str:
    text = one_line(str(exc))
    lowered = text.lower()
    if any(
        s in lowered
        for s in ("name or service not known", "nodename nor servname", "getaddrinfo", "no address")
    ):
        return "cannot find the server (DNS lookup failed)"
    if "refused" in lowered:
        return "connection refused"
    return f"cannot connect: {text or type(exc).__name__}"


def _reason(status: int, phrase: str) -> str:
    """The standard phrase ("Not Found"), whatever case or wording the server chose; for a code
    with none, the server's own, shortened (``InputError`` makes it safe to show)."""
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return one_line(phrase)[:_SHOWN] or "error"


def _type_allowed(mime: str, accept: Accept) -> bool:
    if not mime:
        return True  # no declared type: judged by what the body holds
    if accept == "page":
        return mime in PAGE_TYPES
    if accept == "feed":
        # Feeds are often served with generic text types; feedparser decides what is a feed.
        return mime in FEED_TYPES or mime.startswith("text/")
    return mime in PAGE_TYPES or mime in FEED_TYPES


def _refuse_type(url: str, mime: str, accept: Accept) -> InputError:
    wanted = {"page": "an HTML page", "feed": "a feed", "any": "an HTML page or a feed"}[accept]
    return InputError(f"{url}: not {wanted} (the server says {mime[:_SHOWN]})")


def _read_body(
    response: httpx.Response,
    url: str,
    max_bytes: int,
    started: float,
    deadline: float,
    should_stop: Callable[[], bool] | None,
) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
        raise InputError(
            f"{url}: the page is {size_text(int(declared))}, over the {size_text(max_bytes)} limit"
        )
    try:
        encoding = content_encoding(response.headers.get("content-encoding", ""))
    except EncodingError as exc:
        raise InputError(f"{url}: {exc}") from None
    chunks: list[bytes] = []
    size = 0
    try:
        # Raw pieces as they arrive, inflated here with a cap (fetch_guard.decoded), never by httpx.
        for chunk in decoded(response.iter_raw(), encoding, max_bytes):
            size += len(chunk)
            if size > max_bytes:
                raise InputError(f"{url}: more than the {size_text(max_bytes)} limit")
            chunks.append(chunk)
            if time.monotonic() - started > deadline:
                raise _deadline_error(url, deadline)
            if should_stop is not None and should_stop():
                raise Cancelled()
    except EncodingError as exc:
        raise InputError(f"{url}: {exc}") from None
    return b"".join(chunks)


def _deadline_error(url: str, deadline: float) -> InputError:
    return InputError(f"{url}: timed out (still downloading after {deadline:g} s)")


@cache
def _tls_context() -> ssl.SSLContext:
    """Built once (it loads the CA certificates, about 0.1 s) and shared by every fetch."""
    import httpx

    return httpx.create_ssl_context()


def _download(
    url: str,
    *,
    timeout: float,
    deadline: float,
    max_bytes: int,
    max_redirects: int,
    accept: Accept,
    should_stop: Callable[[], bool] | None,
    extra_headers: Mapping[str, str] | None = None,
) -> Fetched:
    import httpx

    _check_scheme(url, url)
    started = time.monotonic()
    current = url
    headers = {
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5",
        "Accept-Encoding": ACCEPT_ENCODING,
        **(extra_headers or {}),
    }

    def refuse_other_schemes(response: httpx.Response) -> None:
        # A hook, because httpx builds the next request (and chokes on "javascript:") before
        # returning a redirect to us.
        location = response.headers.get("location", "").strip() if response.is_redirect else ""
        scheme = urlsplit(location).scheme.lower()
        if scheme and scheme not in ALLOWED_SCHEMES:
            raise InputError(f"{url}: redirected to a {scheme}: URL, refused (only http and https)")

    hooks = {"response": [refuse_other_schemes]}
    try:
        with httpx.Client(
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
            headers=headers,
            event_hooks=hooks,
            verify=_tls_context(),
        ) as client:
            install_deadline(client, started + deadline)  # every read, headers included, ends by then
            for _ in range(max_redirects + 1):
                with client.stream("GET", current) as response:
                    if response.is_redirect and "location" in response.headers:
                        target = str(response.url.join(response.headers["location"].strip()))
                        _check_scheme(target, url)
                        current = target
                        if time.monotonic() - started > deadline:
                            raise InputError(f"{url}: timed out after {deadline:g} s of redirects")
                        continue
                    if response.status_code == HTTPStatus.NOT_MODIFIED and extra_headers:
                        return _not_modified(url, response)
                    if response.status_code >= 400:
                        reason = _reason(response.status_code, response.reason_phrase)
                        raise InputError(f"{url}: {response.status_code} {reason}")
                    content_type = response.headers.get("content-type", "")
                    mime = content_type.split(";", 1)[0].strip().lower()
                    if not _type_allowed(mime, accept):
                        raise _refuse_type(url, mime, accept)
                    body = _read_body(response, url, max_bytes, started, deadline, should_stop)
                    etag, modified = _validators(response)
                    return Fetched(url, str(response.url), content_type, body, _now(), False, etag, modified)
            raise InputError(f"{url}: too many redirects (more than {max_redirects})")
    except httpx.TimeoutException:
        if time.monotonic() - started >= deadline:
            raise _deadline_error(url, deadline) from None
        raise InputError(f"{url}: timed out after {timeout:g} s") from None
    except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
        raise InputError(f"{url}: not a valid URL ({one_line(str(exc))})") from None
    except httpx.ConnectError as exc:
        raise InputError(f"{url}: {_connect_message(exc)}") from None
    except httpx.HTTPError as exc:
        raise InputError(f"{url}: network error: {one_line(str(exc)) or type(exc).__name__}") from None
    except ValueError as exc:  # httpx raises plain ValueError for some malformed URLs
        raise InputError(f"{url}: not a valid URL ({one_line(str(exc))})") from None


_VALIDATOR = re.compile(r"[\x21-\x7e][\x20-\x7e]{0,500}")
"""An ETag or Last-Modified worth sending back: printable ASCII, one line, not huge."""


def _validators(response: httpx.Response) -> tuple[str, str]:
    """The response's ETag and Last-Modified, or "" for one that is missing or could not be sent back
    as a request header (it comes from the server: untrusted)."""
    found = (response.headers.get("etag", "").strip(), response.headers.get("last-modified", "").strip())
    etag, modified = (value if _VALIDATOR.fullmatch(value) else "" for value in found)
    return etag, modified


def _not_modified(url: str, response: httpx.Response) -> Fetched:
    etag, modified = _validators(response)
    content_type = response.headers.get("content-type", "")
    return Fetched(url, str(response.url), content_type, b"", _now(), False, etag, modified, True)


def conditional_headers(etag: str, last_modified: str) -> dict[str, str]:
    """The request headers that let a server answer 304 Not Modified (RFC 9110 section 13)."""
    headers = {}
    if etag and _VALIDATOR.fullmatch(etag):
        headers["If-None-Match"] = etag
    if last_modified and _VALIDATOR.fullmatch(last_modified):
        headers["If-Modified-Since"] = last_modified
    return headers


def fetch(
    url: str,
    *,
    timeout: float | None = None,
    deadline: float = DEFAULT_DEADLINE,
    max_bytes: int | None = None,
    max_redirects: int = DEFAULT_MAX_REDIRECTS,
    cache: Cache | bool = True,
    prefer_cache: bool = False,
    accept: Accept = "page",
    should_stop: Callable[[], bool] | None = None,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """Fetch ``url`` (http or https only) within the limits, or raise a one-line ``InputError``.

    ``cache``: True for the default on-disk cache, False for none, or a ``Cache``. With
    ``prefer_cache`` a cached copy is used without asking the network (how pages of a story are
    reopened, identical and offline); otherwise the network is asked first and the cached copy
    serves only when the network fails (the result says ``from_cache``). A successful fetch
    always refreshes the cache. ``should_stop`` is polled while the body streams (raises
    ``Cancelled``). ``timeout`` and ``max_bytes`` not given are the defaults (``core.options``).
    ``headers`` are sent with the request: with ``conditional_headers`` a server may answer 304,
    returned as ``not_modified`` with no body (and not cached).
    """
    store = Cache() if cache is True else (cache or None)
    if store is not None and prefer_cache:
        kept = store.get(url)
        if kept is not None and _type_allowed(kept.mime, accept):
            return kept
    try:
        fetched = _download(
            url,
            timeout=timeout if timeout is not None else DEFAULT_TIMEOUT,
            deadline=deadline,
            max_bytes=max_bytes or DEFAULT_MAX_BYTES,
            max_redirects=max_redirects,
            accept=accept,
            should_stop=should_stop,
            extra_headers=headers,
        )
    except InputError as exc:
        kept = store.get(url) if store is not None and _network_failure(str(exc)) else None
        if kept is not None and _type_allowed(kept.mime, accept):
            return kept
        raise
    if store is not None and not fetched.not_modified:
        store.put(fetched)
    return fetched


_NETWORK_FAILURES = (
    "timed out",
    "cannot find the server",
    "connection refused",
    "cannot connect",
    "network error",
)


def _network_failure(message: str) -> bool:
    """The site could not be reached (or answered 5xx): a cached copy is better than nothing. A 404
    or a refused redirect is an answer, and is reported."""
    return any(part in message for part in _NETWORK_FAILURES) or bool(re.search(r": 5\d\d ", message))


# -- pages as articles -----------------------------------------------------------------------------


def article_from_fetched(fetched: Fetched, meta: dict[str, str] | None = None) -> Article:
    """A fetched page as an article: ``path`` is the URL as given, ``url`` where it ended up, and
    ``extra`` records when it was fetched (``fetched-at``) and whether from the cache."""
    from newsdiff.core.assemble import article_from_blocks
    from newsdiff.core.html_article import extract_page

    if fetched.is_feed:
        raise InputError(f"{fetched.url}: is a feed, not an article (list it with 'newsdiff feed URL')")
    try:
        paragraphs, stated = extract_page(fetched.body, path=Path(fetched.url))
    except InputError as exc:
        # extract_page names a Path, which folds "//"; name the URL as the reader typed it.
        reason = str(exc).removeprefix(f"{Path(fetched.url)}: ")
        raise InputError(f"{fetched.url}: {reason}") from None
    stated["url"] = fetched.final_url
    stated["fetched-at"] = fetched.fetched_at
    if fetched.from_cache:
        stated["from-cache"] = "yes"
    return article_from_blocks(paragraphs, fetched.url, meta, stated)


def load_url(url: str, options: LoadOptions | None = None) -> Article:
    """One article from a URL, as the loader opens a file: the cached copy if there is one (unless
    ``options.refresh``, from ``--refresh``), so a story reopens the same and offline."""
    options = options or LoadOptions()
    fetched = fetch(
        url, timeout=options.timeout, max_bytes=options.max_bytes, prefer_cache=not options.refresh
    )
    return article_from_fetched(fetched)
