"""What a fetch returns, and the page cache that keeps it for reading offline (``--refresh``)."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from newsdiff.core.errors import InputError
from newsdiff.core.files import write_atomic
from newsdiff.core.stamps import human_time

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
_FEED_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.S
)


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
