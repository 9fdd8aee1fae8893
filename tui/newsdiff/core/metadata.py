"""Who published an article, when, under what title: from the text, else from a metadata file.

The metadata file is optional: ``newsdiff.toml`` beside the articles, one table per file name::

    ["000_95466348c53fcc14.txt"]
    outlet = "The Globe and Mail"
    title = "..."
    date = "2023-09-13"
    byline = "..."
    url = "https://..."

What the article's own text states wins over the file, except for the title, where the file wins
(a hand-written title is more deliberate than a guessed headline).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsdiff.core.clean import line_rule
from newsdiff.core.errors import InputError
from newsdiff.core.reading import read_small_file

METADATA_FILE = "newsdiff.toml"
_FIELDS = ("outlet", "title", "date", "byline", "url")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_DATE = re.compile(rf"\b(?:{_MONTH} \d{{1,2}}, \d{{4}}|\d{{1,2}} {_MONTH} \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")
_COPYRIGHT_OUTLET = re.compile(
    r"^(?:copyright|©)\s*(?:©\s*)?(?:\d{4}\s*)?(?P<outlet>[A-Z][\w&.’' -]{1,60}?)"
    r"(?:[.,;]|\s+all rights reserved|$)",
    re.I,
)
_MASTHEAD_OUTLET = re.compile(r"^[-–—|] (?P<outlet>.{2,60}?) [-–—|] ")
# "SEOUL, South Korea — " or "WASHINGTON (AP) — " before the lead.
_DATELINE = re.compile(r"^[A-Z][A-Z .'’-]{2,40}(?:, [\w .'’-]{2,40})?(?: \([\w .]{1,20}\))? [—–-]{1,2} ")
# Names are separated by ", " only: " and Name" is already a run of name characters, and allowing
# it as a separator too made the pattern ambiguous, exponential in the names of a line ("By Ab and
# Ab and …," took 30 ms a line at 110 characters). The language matched is the same.
_BYLINE = re.compile(
    r"^(?:By (?P<byline>[A-Z][\w.’' -]+(?:, [A-Z][\w.’' -]+)*)$|"
    r"[•*·-]?\s*(?P<contact>[A-Z][\w.’' -]{1,60}) can be (?:reached|contacted) at )"
)


@dataclass(frozen=True, slots=True)
class TextMetadata:
    """What the text itself says about the article."""

    title_index: int | None
    outlet: str | None
    date: str | None
    byline: str | None


def find_title(blocks: Sequence[str]) -> int | None:
    """Index of the headline among the first blocks: a heading-like line followed by text.

    A headline has no sentence-final period and is followed by a longer paragraph; one-to-four
    word labels before it ("Russia") are section names, not titles.
    """
    for i, block in enumerate(blocks[:4]):
        words = len(block.split())
        if "\n" in block or not 5 <= words <= 25 or line_rule(block):
            continue
        if re.search(r"[.:;][\"'”’]?$", block.strip()):
            continue
        if i + 1 < len(blocks) and len(blocks[i + 1].split()) > words:
            return i
    return None


def read_text_metadata(blocks: Sequence[str]) -> TextMetadata:
    """Outlet, date and byline as the text states them; the headline's index if there is one."""
    outlet = date = byline = None
    for block in blocks:
        line = block.strip()
        if outlet is None and (m := _COPYRIGHT_OUTLET.match(line) or _MASTHEAD_OUTLET.match(line)):
            candidate = m.group("outlet").strip(" .,-")
            if not re.fullmatch(r"(?i)\d{4}|the|all rights reserved", candidate):
                outlet = candidate
        if byline is None and len(line) < 120 and (m := _BYLINE.match(line)):
            byline = m.group("byline") or m.group("contact")
    for block in blocks[:3]:
        if len(block) < 200 and (m := _DATE.search(block)):
            date = iso_date(m.group())
            break
    return TextMetadata(find_title(blocks), outlet, date, byline)


def iso_date(text: str) -> str:
    """``2023-09-13`` for a stated date such as "Sept. 13, 2023"; the text itself if unparsable.

    One format keeps dates sortable and comparable across outlets that write them differently.
    """
    cleaned = re.sub(r"\.", "", text).replace("Sept ", "Sep ")
    for fmt in ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(cleaned, fmt).date().isoformat()
        except ValueError:
            continue
    return text


def lead_title(text: str, limit: int = 90) -> str:
    """A title made from the lead when the article states none: its first sentence, shortened."""
    from newsdiff.core.tokens import sentences

    first = _DATELINE.sub("", (sentences(text) or [text])[0].strip(), count=1)
    if len(first) <= limit:
        return first
    cut = first[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def load_metadata_file(folder: Path) -> dict[str, dict[str, str]]:
    """The ``newsdiff.toml`` of ``folder`` as {file name: {field: value}}; empty if absent.

    A malformed file is an input error with the TOML parser's own location, not a silent default.
    """
    path = folder / METADATA_FILE
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(read_small_file(path).decode("utf-8"))
    except OSError as exc:
        raise InputError(f"{path}: cannot read metadata file: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise InputError(f"{path}: cannot read metadata file: {exc}") from None
    except RecursionError:  # tomllib recurses once per level of nesting: [[[[…]]]]
        raise InputError(f"{path}: cannot read metadata file: nested too deeply") from None
    result: dict[str, dict[str, str]] = {}
    for name, table in data.items():
        if isinstance(table, dict):
            result[name] = {k: str(v) for k, v in table.items() if k in _FIELDS}
    return result
