"""Realistic web pages for the seed articles: the body in ``<article>``, wrapped in site chrome.

Each page holds the seed's body paragraphs (those the plain-text loader does not set aside) as
``<p>`` elements, plus everything a real news page carries around them: navigation, a logo, share
buttons, a "Related stories" box, a cookie banner, a newsletter box, a footer, scripts, styles and
meta tags. Extraction tests check that the body comes out exactly and none of ``CHROME_STRINGS``
does; the network tests serve the same pages over HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape
from pathlib import Path

from newsdiff.core.article import Article
from newsdiff.core.loader import load_paths

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True, slots=True)
class PageMeta:
    """What the page's meta tags say. Outlets 003 and 004 are unknown (see seeds/newsdiff.toml), so
    their pages carry invented site names: these are fixtures, not claims about the articles."""

    site_name: str
    author: str
    date: str
    slug: str


SITES: dict[str, PageMeta] = {
    "000": PageMeta("The Globe and Mail", "Nathan VanderKlippe", "2023-09-13", "world/kim-putin-fight"),
    "001": PageMeta("The Associated Press", "Dasha Litvinova", "2023-09-13", "world-news/kim-putin-summit"),
    "002": PageMeta("The Washington Times", "Andrew Salmon", "2023-09-13", "news/kim-putin-cosmodrome"),
    "003": PageMeta("Harbour Ledger", "Riley Okafor", "2023-09-13", "world/kim-jong-un-putin-satellites"),
    "004": PageMeta("Morning Wire Digest", "Sam Ortega", "2023-09-13", "asia/kim-arrives-cosmodrome"),
}

CHROME_STRINGS: tuple[str, ...] = (
    "Subscribe now",
    "Sign in to your account",
    "Skip to main content",
    "Share on Facebook",
    "Share on X",
    "Copy link",
    "Related stories",
    "Markets rally as central bank holds rates steady",
    "Heatwave breaks records across southern Europe",
    "Ten recipes for a quick weeknight dinner",
    "We use cookies to personalise content and ads",
    "Accept all cookies",
    "Manage preferences",
    "Get the morning briefing in your inbox",
    "All rights reserved",
    "Privacy policy",
    "Terms of use",
    "Advertisement",
    "window.dataLayer",
    "font-family",
    "Most read",
)
"""Texts of the page chrome; none may ever reach an extracted paragraph."""

_TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{description}">
<meta name="author" content="{author}">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{site}">
<meta property="og:url" content="https://news.example/{slug}">
<meta property="article:published_time" content="{date}T09:30:00Z">
<meta property="article:author" content="{author}">
<link rel="canonical" href="https://news.example/{slug}">
<style>
  body {{ font-family: Georgia, serif; margin: 0; }}
  .cookie-banner {{ position: fixed; bottom: 0; }}
</style>
<script>
  window.dataLayer = window.dataLayer || [];
  function gtag() {{ dataLayer.push(arguments); }}
  gtag("config", "G-EXAMPLE");
</script>
</head>
<body>
<a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header">
  <a class="logo" href="/"><img src="/logo.svg" alt="{site} logo"></a>
  <nav class="main-nav" aria-label="Sections">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/world">World</a></li>
      <li><a href="/politics">Politics</a></li>
      <li><a href="/business">Business</a></li>
      <li><a href="/opinion">Opinion</a></li>
    </ul>
  </nav>
  <div class="account"><a href="/subscribe">Subscribe now</a>
    <a href="/login">Sign in to your account</a></div>
</header>
<div class="ad-slot" id="ad-top"><span>Advertisement</span></div>
<main id="main">
<article class="article">
  <header class="article-header">
    <h1 class="headline">{title}</h1>
    <p class="byline">By <a rel="author" href="/authors/{author_slug}">{author}</a></p>
    <time datetime="{date}T09:30:00Z">{date}</time>
    <div class="share">
      <a href="https://facebook.com/sharer" class="share-facebook">Share on Facebook</a>
      <a href="https://x.com/intent/tweet" class="share-x">Share on X</a>
      <button class="copy-link">Copy link</button>
    </div>
  </header>
  <div class="article-body">
{paragraphs}
  </div>
</article>
<aside class="related" aria-label="Related stories">
  <h2>Related stories</h2>
  <ul>
    <li><a href="/business/markets-rally">Markets rally as central bank holds rates steady</a></li>
    <li><a href="/world/heatwave">Heatwave breaks records across southern Europe</a></li>
    <li><a href="/life/recipes">Ten recipes for a quick weeknight dinner</a></li>
  </ul>
</aside>
<aside class="most-read"><h2>Most read</h2>
  <ol><li><a href="/a">One</a></li><li><a href="/b">Two</a></li></ol></aside>
</main>
<div class="newsletter"><h2>Get the morning briefing in your inbox</h2>
  <form><input type="email" placeholder="Email"><button>Sign up</button></form></div>
<div class="cookie-banner" id="cookie-consent" role="dialog">
  <p>We use cookies to personalise content and ads, and to analyse our traffic.</p>
  <button>Accept all cookies</button> <button>Manage preferences</button>
</div>
<footer class="site-footer">
  <nav><a href="/privacy">Privacy policy</a> · <a href="/terms">Terms of use</a>
    · <a href="/contact">Contact</a></nav>
  <p>© 2023 {site}. All rights reserved.</p>
</footer>
<script src="/static/app.js" defer></script>
</body>
</html>
"""


@cache
def _seed_articles() -> dict[str, Article]:
    result = load_paths([SEEDS])
    assert not result.errors, result.errors
    return {Path(a.path).name[:3]: a for a in result.articles}


def seed_names() -> list[str]:
    """The seeds' number prefixes, ``"000"`` to ``"004"``."""
    return sorted(_seed_articles())


def expected_paragraphs(name: str) -> list[str]:
    """The body paragraphs of seed ``name`` (``"000"``...): what extraction of its page must give."""
    return [p.text for p in _seed_articles()[name].body]


def page_meta(name: str) -> PageMeta:
    return SITES[name]


def seed_title(name: str) -> str:
    """The headline the page states (the seed loader's title, without a trailing ellipsis)."""
    return _seed_articles()[name].title.rstrip("…").strip()


def seed_page(name: str) -> str:
    """The HTML page of seed ``name`` (``"000"`` ... ``"004"``)."""
    return news_page(SITES[name], seed_title(name), expected_paragraphs(name))


def news_page(meta: PageMeta, title: str, body: list[str]) -> str:
    """A page in the site chrome with this headline and these body paragraphs."""
    paragraphs = "\n".join(f"    <p>{escape(text, quote=False)}</p>" for text in body)
    return _TEMPLATE.format(
        title=escape(title),
        description=escape(body[0][:150]),
        site=escape(meta.site_name),
        author=escape(meta.author),
        author_slug=meta.author.lower().replace(" ", "-"),
        date=meta.date,
        slug=meta.slug,
        paragraphs=paragraphs,
    )


def seed_pages() -> dict[str, str]:
    """Every seed's page, keyed by file name (``"000.html"`` ...), ready to write or serve."""
    return {f"{name}.html": seed_page(name) for name in seed_names()}
