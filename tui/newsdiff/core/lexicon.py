"""Word lists shared by the scorers: one place, so two modules never disagree on what a word is worth."""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """The white-space separated words of ``text``, as a set (lists below are written as prose)."""
    return frozenset(text.split())


STOPWORDS = word_set(
    """a an the of to in on at by for with and or but as is was are were be been being it its that this
    these those he she they we i you his her their our my your him them us me from has have had not no
    will would shall should can could may might must do does did so than then also which who
    whom whose what when where while if into about over after before up out just very all any some such
    more most other only own same too"""
)
"""Function words: they carry no report of their own, so they never count as shared content."""
