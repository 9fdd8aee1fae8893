"""The export formats by name, for the ``export`` command and the app's export dialog alike."""

from __future__ import annotations

from pathlib import Path

from newsdiff.core.comparison.model import Comparison

FORMATS = {"md": "Markdown", "html": "HTML", "json": "JSON"}
"""Format name -> what the reader is shown; the name is also the file extension."""
DEFAULT_FORMAT = "md"
_EXTENSIONS = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".json": "json"}


def format_of(path: Path | str | None) -> str | None:
    """The format a file name asks for by its extension (``cmp.html`` -> ``html``), else None."""
    if path is None:
        return None
    return _EXTENSIONS.get(Path(path).suffix.lower())


def with_extension(path: str, fmt: str) -> str:
    """``path`` with the format's extension, replacing another format's (``x.md`` -> ``x.html``)."""
    suffix = Path(path).suffix
    stem = path[: -len(suffix)] if suffix.lower() in _EXTENSIONS else path
    return f"{stem}.{fmt}"


def render(comparison: Comparison, fmt: str) -> str:
    """The comparison as the text of an export in format ``fmt`` (one of ``FORMATS``)."""
    if fmt == "html":
        from newsdiff.core.render.html import to_html

        return to_html(comparison)
    if fmt == "json":
        from newsdiff.core.render.json import comparison_json
        from newsdiff.core.untrusted import json_text

        return json_text(comparison_json(comparison))
    if fmt == "md":
        from newsdiff.core.render.markdown import to_markdown

        return to_markdown(comparison)
    raise ValueError(f"unknown export format {fmt!r} (one of {', '.join(FORMATS)})")
