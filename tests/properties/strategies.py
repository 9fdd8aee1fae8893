"""Hypothesis strategies for hostile, messy article text."""

from __future__ import annotations

from hypothesis import strategies as st

# Words drawn from a small vocabulary collide often, so generated articles share sentences and
# exercise alignment, not just the "nothing in common" case.
_VOCAB = [
    "Kim",
    "Putin",
    "met",
    "the",
    "summit",
    "missiles",
    "two",
    "four",
    "40",
    "seconds",
    "said",
    "Russia",
    "North",
    "Korea",
    "sacred",
    "fight",
    "struggle",
    "[bold]",
    "[/]",
    "<script>",
    "#",
    "|",
    "`",
    "**",
    "“quoted”",
    '"quoted"',
    "don’t",
    "U.S.",
    "café",
    "日本",
    "مرحبا",
    "🙂",
    "[@click=app.quit]",
    "\\",
    "&amp;",
    "1,000",
    "Soyuz-2",
    "—",
    "...",
]
words = st.one_of(
    st.sampled_from(_VOCAB),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8),
)
sentences = st.tuples(st.lists(words, min_size=1, max_size=14), st.sampled_from([".", "!", "?", ""])).map(
    lambda parts: " ".join(parts[0]) + parts[1]
)
paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
articles = st.lists(paragraphs, min_size=0, max_size=12)


def as_text(paras: list[str], separator: str = "\n\n") -> str:
    return separator.join(paras)
