"""What "the same article" means when a story is saved and reopened."""

from __future__ import annotations

from newsdiff.core.article import Article


def article_summary(article: Article) -> tuple[object, ...]:
    """Paragraphs, their boilerplate reasons, and the metadata a saved story must keep."""
    return (
        [p.text for p in article.paragraphs],
        [p.boilerplate for p in article.paragraphs],
        article.title,
        article.outlet,
        article.url,
        article.date,
        article.byline,
    )
