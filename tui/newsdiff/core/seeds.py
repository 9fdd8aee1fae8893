"""Where the bundled example story lives, installed or in a source checkout."""

from __future__ import annotations

from pathlib import Path


def seeds_dir() -> Path:
    """The bundled seeds: packaged copy in a wheel install, else the repository's ``seeds/``."""
    packaged = Path(__file__).resolve().parent.parent / "_seeds"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[3] / "seeds"
