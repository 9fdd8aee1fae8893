"""OPML in newsboat's shape: what export writes, what import takes, and hostile files."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from newsdiff.core.errors import InputError
from newsdiff.core.opml import Outline, parse_opml, render_opml

NEWSBOAT_EXPORT = b"""<?xml version="1.0"?>
<opml version="1.0">
  <head>
    <title>Newsboat - Exported Feeds</title>
  </head>
  <body>
    <outline type="rss" xmlUrl="https://a.example/rss" htmlUrl="https://a.example/" title="Outlet A"/>
    <outline text="World">
      <outline type="rss" xmlUrl="https://b.example/atom.xml" text="Outlet B"/>
      <outline type="rss" xmlUrl="https://a.example/rss" title="Outlet A again"/>
    </outline>
    <outline type="rss" xmlUrl="query:Unread:unread = &quot;yes&quot;" title="Unread"/>
    <outline type="rss" xmlUrl="file:///etc/passwd" title="local"/>
    <outline type="rss" url="http://c.example/feed" title="Outlet C"/>
  </body>
</opml>
"""


def test_a_newsboat_export_is_read_flattened_without_repeats_or_non_web_feeds() -> None:
    parsed = parse_opml(NEWSBOAT_EXPORT, "subs.opml")
    assert parsed.feeds == (
        Outline("https://a.example/rss", "Outlet A"),
        Outline("https://b.example/atom.xml", "Outlet B"),
        Outline("http://c.example/feed", "Outlet C"),
    )
    assert parsed.skipped == (
        'query:Unread:unread = "yes": skipped (only http:// and https:// feeds can be subscribed)',
        "file:///etc/passwd: skipped (only http:// and https:// feeds can be subscribed)",
    )


def test_export_is_newsboat_s_shape_and_hostile_titles_round_trip() -> None:
    feeds = [
        Outline("https://a.example/rss?x=1&y=2", 'Tom & "Jerry" <script>alert(1)</script>'),
        Outline("https://b.example/feed", None),
    ]
    text = render_opml(feeds)
    root = etree.fromstring(text.encode("utf-8"))
    assert root.tag == "opml" and root.get("version") == "1.0"
    assert root.findtext("head/title") == "newsdiff - Exported Feeds"
    outlines = root.findall("body/outline")
    assert [o.get("type") for o in outlines] == ["rss", "rss"]
    assert outlines[0].get("xmlUrl") == "https://a.example/rss?x=1&y=2"
    assert outlines[0].get("title") == feeds[0].title
    assert "<script>" not in text
    assert outlines[1].get("title") == "https://b.example/feed"  # no title known: the URL stands in
    assert parse_opml(text.encode("utf-8"), "x").feeds == (feeds[0], Outline(feeds[1].url, feeds[1].url))


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "not an OPML file"),
        (b"<rss version='2.0'><channel/></rss>", "not an OPML file (no <opml> element)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not an OPML file"),
        (b"<opml><body><outline xmlUrl='https://a.example/'>", "not an OPML file"),
    ],
)
def test_a_file_that_is_not_opml_is_one_line(data: bytes, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_opml(data, "subs.opml")
    message = str(caught.value)
    assert message.startswith(f"subs.opml: {reason}")
    assert "\n" not in message


_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
  <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<opml version="1.0"><body><outline xmlUrl="https://a.example/rss" title="&c;"/></body></opml>"""


def test_a_file_with_a_dtd_is_refused_in_one_line_never_expanded() -> None:
    with pytest.raises(InputError) as caught:
        parse_opml(_LAUGHS, "subs.opml")
    assert str(caught.value) == "subs.opml: refused: the file declares a DTD, which OPML never needs"


def test_an_external_entity_never_reads_a_local_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    for reference in (
        "<outline xmlUrl='https://a.example/rss'>&s;</outline>",
        "<outline xmlUrl='https://b.example/rss' title='&s;'/>",
    ):
        data = f"""<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY s SYSTEM "file://{secret}">]>
<opml version="1.0"><body>{reference}</body></opml>""".encode()
        with pytest.raises(InputError) as caught:
            parse_opml(data, "subs.opml")
        assert "TOP-SECRET" not in str(caught.value)
        assert str(caught.value).startswith("subs.opml: ")
