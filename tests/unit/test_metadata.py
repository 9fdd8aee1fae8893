"""Title, outlet, date and byline: from the text first, then the metadata file, then the name."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdiff.core.article import Article
from newsdiff.core.errors import InputError
from newsdiff.core.loader import load_paths, parse_article
from newsdiff.core.metadata import METADATA_FILE, iso_date, load_metadata_file


def test_outlets_of_the_seeds(seeds: dict[str, Article]) -> None:
    assert seeds["001"].outlet == "The Associated Press"  # "Copyright The Associated Press"
    assert seeds["002"].outlet == "The Washington Times"  # masthead line
    assert seeds["000"].outlet == "The Globe and Mail"  # from seeds/newsdiff.toml
    assert seeds["003"].outlet is None
    assert seeds["003"].name == "003_1fa9d7612fe68434.txt"  # falls back to the file name


def test_titles_dates_bylines_of_the_seeds(seeds: dict[str, Article]) -> None:
    assert seeds["001"].title.startswith("North Korea's Kim vows full support")
    # 002 states no headline: the lead's first sentence, without the dateline, stands in.
    assert seeds["002"].title.startswith("Washington and Seoul nervously monitored")
    assert seeds["002"].date == "2023-09-13"  # stated in the masthead
    assert seeds["002"].byline == "Andrew Salmon"
    assert all(a.date == "2023-09-13" for a in seeds.values())
    assert all(a.title and len(a.title) <= 120 for a in seeds.values())


def test_text_wins_over_metadata_file_for_outlet_but_not_title(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body of the story here.\n\nCopyright Reuters", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Another story body.", encoding="utf-8")
    (tmp_path / METADATA_FILE).write_text(
        '["a.txt"]\noutlet = "Wrong"\ntitle = "Chosen title"\n["b.txt"]\noutlet = "Daily Planet"\n',
        encoding="utf-8",
    )
    result = load_paths([tmp_path])
    a, b = result.articles
    assert (a.outlet, a.title) == ("Reuters", "Chosen title")
    assert b.outlet == "Daily Planet"


def test_broken_metadata_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / METADATA_FILE).write_text("[unclosed", encoding="utf-8")
    with pytest.raises(InputError, match="cannot read metadata file"):
        load_metadata_file(tmp_path)


def test_byline_and_copyright_forms() -> None:
    article = parse_article(
        "By Jane Roe and John Doe\n\nThe story.\n\n© 2023 Example Daily. All rights reserved.", "x"
    )
    assert article.byline == "Jane Roe and John Doe"
    assert article.outlet == "Example Daily"


@pytest.mark.parametrize(
    ("text", "iso"),
    [("September 13, 2023", "2023-09-13"), ("Sept. 13, 2023", "2023-09-13"), ("13 Sept 2023", "2023-09-13")],
)
def test_dates_are_normalised(text: str, iso: str) -> None:
    assert iso_date(text) == iso
