"""The one timestamp format of fetches, the store and stories: UTC to the second, ``2026-11-23T19:04:05Z``.

It sorts as text, so the store compares and orders times without parsing them.
"""

from __future__ import annotations

import datetime as dt

STAMP_FORMAT = "%Y-%m-%dT%H:%M:%SZ"


def now_stamp() -> str:
    return stamp(dt.datetime.now(dt.UTC))


def stamp(when: dt.datetime) -> str:
    return when.strftime(STAMP_FORMAT)


def parse_stamp(text: str) -> dt.datetime:
    return dt.datetime.strptime(text, STAMP_FORMAT).replace(tzinfo=dt.UTC)


def human_time(text: str) -> str:
    """``2026-11-23T19:04:05Z`` as ``2026-11-23 19:04 UTC`` (anything else unchanged)."""
    try:
        when = dt.datetime.strptime(text, STAMP_FORMAT)
    except ValueError:
        return text
    return when.strftime("%Y-%m-%d %H:%M UTC")
