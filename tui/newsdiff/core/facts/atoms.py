"""Atoms: word tokens split at hyphens, so "18-month-old" reads like "18 month old".

Figures are read from atoms, not tokens: a hyphenated compound states its parts ("two-year",
"Hwasong-15"), and each atom remembers whether a hyphen joined it to the one before.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from newsdiff.core.tokens import token_table

REACH = 60
"""How far (characters) from a changed stretch a figure touching it may begin or end ("Sept. 13,
2023" changed at "2023"; "two short-range ballistic missiles" changed at "two")."""


@dataclass(frozen=True, slots=True)
class Atom:
    """``text`` at ``start:end`` (``lower`` is its lower case), ``hyphen`` when joined to the
    previous atom by a hyphen."""

    text: str
    lower: str
    start: int
    end: int
    hyphen: bool


def split_atoms(text: str, near: tuple[list[int], list[int]] | None = None) -> list[Atom]:
    """The atoms of ``text``; with ``near`` (starts and ends of changed stretches) only those
    within ``REACH`` characters of one, each window closed by a break atom that no figure spans."""
    keys, starts = token_table(text)
    windows = [(0, len(keys))] if near is None else _windows(starts, *near)
    atoms: list[Atom] = []
    for lo, hi in windows:
        _add_atoms(atoms, keys[lo:hi], starts[lo:hi])
        if near is not None:
            atoms.append(Atom("\n", "\n", starts[hi - 1], starts[hi - 1], False))
    return atoms


def _windows(starts: list[int], changed_starts: list[int], changed_ends: list[int]) -> list[tuple[int, int]]:
    """Token index ranges around the changed stretches, merged where they overlap."""
    windows: list[tuple[int, int]] = []
    for begin, end in zip(changed_starts, changed_ends, strict=True):
        lo = bisect_left(starts, begin - REACH)
        hi = bisect_right(starts, end + REACH)
        if lo >= hi:
            continue
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _add_atoms(atoms: list[Atom], keys: list[str], starts: list[int]) -> None:
    for key, start in zip(keys, starts, strict=True):
        if "-" in key and key[0].isalnum():
            offset = start
            for k, part in enumerate(key.split("-")):
                if part:
                    atoms.append(Atom(part, part.lower(), offset, offset + len(part), k > 0))
                offset += len(part) + 1
        else:
            atoms.append(Atom(key, key.lower(), start, start + len(key), False))
