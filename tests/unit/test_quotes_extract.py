"""Quote extraction and attribution, checked against the seeds' own sentences and small constructed texts."""

from __future__ import annotations

import pytest

from newsdiff.core.article import Article
from newsdiff.core.loader import parse_article
from newsdiff.core.quotes_extract import JOIN, Quote, extract_quotes


def _quotes(article: Article) -> list[Quote]:
    return extract_quotes(article)


def _one(article: Article, paragraph: int, starts: str) -> Quote:
    found = [q for q in _quotes(article) if q.paragraph == paragraph and q.text.startswith(starts)]
    assert len(found) == 1, [q.text for q in _quotes(article) if q.paragraph == paragraph]
    return found[0]


def _story(*paragraphs: str) -> Article:
    return parse_article("\n\n".join(paragraphs) + "\n", "story.txt")


# (seed, paragraph index as in `newsdiff align`'s JSON, first words of the quote, speaker, the sentence).
ATTRIBUTED = [
    ("002", 7, "That’s exactly why we came here", "Vladimir Putin",
     "Asked whether Russia would be prepared to offer satellite technologies to Mr. Kim, Mr. Putin replied, "
     "“That’s exactly why we came here.”"),
    ("003", 2, "That’s why we came here", "Vladimir Putin",
     "When reporters … asked about Russia helping North Korea develop satellite technology, Putin replied, "
     "“That’s why we came here.”"),
    ("001", 22, "that’s why we have come here", "Vladimir Putin",
     "Putin was quoted by Russian state media as saying “that’s why we have come here. …”"),
    ("001", 16, "Russia is waging a sacred fight", "Kim Jong Un",
     "“Russia is waging a sacred fight …,” the North Korean leader said."),
    ("000", 4, "great interest in rocket engineering", "Vladimir Putin",
     "Mr. Kim showed “great interest in rocket engineering,” Mr. Putin told reporters."),
    ("000", 12, "would have the authority", "Michael Madden",
     "… a surrogate “would have the authority to launch a nuclear counterstrike on his behalf” if Mr. Kim is "
     "killed or incommunicado, said Michael Madden, a North Korea expert …"),
    ("000", 18, "something between their two countries", "Mao Ning",
     "Regarding Mr. Kim’s trip to Russia, this was “something between their two countries,” she said."),
    ("000", 19, "are friendly neighbours", "Mao Ning",
     "China and North Korea “are friendly neighbours …,” Ms. Mao added. “Our bilateral relations …”"),
    ("002", 36, "I think Putin is as toxic as Kim", "Leonid Petrov",
     "“I think Putin is as toxic as Kim,” said Leonid Petrov, a Russian-born North Korea expert …"),
    ("002", 38, "Kim is probably the leading world symbol", "Leonid Petrov",
     "“Kim is probably the leading world symbol …,” he said. (¶37: “…,” Mr. Petrov said.)"),
    ("002", 10, "The vast agenda", "Vladimir Putin",
     "“The vast agenda …,” he said, … (¶9: Mr. Putin indicated that …)"),
    ("002", 34, "If Russia, in efforts to get short-term gains", "Andrei Lankov",
     "“If Russia, in efforts to get short-term gains, …,” Mr. Lankov said."),
    ("003", 16, "scraping the bottom of the barrel", "James O’Brien",
     "James O’Brien, chief of sanctions coordination at the State Department, sneered that Russia was "
     "“scraping the bottom of the barrel looking for help” …"),
    ("003", 15, "Any transfer of arms", "U.S. State Department",
     "“Any transfer of arms …,” the U.S. State Department said on Tuesday."),
    ("003", 19, "any form of cooperation", "Antonio Guterres",
     "U.N. Secretary-General Antonio Guterres reminded Russia that “any form of cooperation …”"),
    ("001", 11, "situation in the region", "Vladimir Putin",
     "In his opening remarks, Putin welcomed Kim to Russia and said he was glad to see him, saying the talks "
     "would cover … and the “situation in the region.\""),
    ("001", 6, "anti-imperialist", "Kim Jong Un",
     "After touring launch pads with Putin …, Kim expressed “full and unconditional support” and said "
     "Pyongyang will always stand with Moscow on the “anti-imperialist” front."),
]  # fmt: skip


@pytest.mark.parametrize(("seed", "paragraph", "starts", "speaker", "sentence"), ATTRIBUTED)
def test_speakers_the_text_names(
    seeds: dict[str, Article], seed: str, paragraph: int, starts: str, speaker: str, sentence: str
) -> None:
    quote = _one(seeds[seed], paragraph, starts)
    assert quote.speaker == speaker, sentence


def test_the_quote_stands_where_it_says(seeds: dict[str, Article]) -> None:
    """Paragraph indices count all paragraphs, boilerplate included; spans point at the quoted words."""
    for article in seeds.values():
        for quote in _quotes(article):
            text = article.paragraphs[quote.paragraph].text
            assert JOIN.join(text[s:e] for s, e in quote.parts) == quote.text
            assert quote.start < quote.end <= len(text)
    kim = _one(seeds["001"], 16, "Russia is waging")
    assert seeds["001"].paragraphs[0].boilerplate is not None  # the index counts the section label too
    assert "the North Korean leader said" in seeds["001"].paragraphs[kim.paragraph].text


def test_quote_broken_by_attribution_is_one_utterance(seeds: dict[str, Article]) -> None:
    quote = _one(seeds["002"], 31, "There are certain restrictions")
    assert len(quote.parts) == 2
    assert quote.text.startswith("There are certain restrictions. Russia is following all of them")
    assert quote.text.endswith("We’re discussing them.")
    assert "Mr. Putin said" not in quote.text
    petrov = _one(seeds["002"], 36, "I think Putin")
    assert len(petrov.parts) == 2 and "There is not much left" in petrov.text


def test_two_answers_in_one_paragraph_stay_apart(seeds: dict[str, Article]) -> None:
    """001 ¶22: a full stop in the text between them means a new sentence, not an attribution."""
    first = _one(seeds["001"], 22, "that’s why")
    second = _one(seeds["001"], 22, "we will talk about all issues")
    assert "There is time" not in first.text and second.speaker == "Vladimir Putin"


def test_colon_block_quote(seeds: dict[str, Article]) -> None:
    quote = _one(seeds["003"], 9, "Russia is now rising to the sacred struggle")
    assert quote.block
    assert quote.speaker == "Kim Jong-un"  # "Kim continued:"
    assert quote.text.endswith("in the fight against imperialism.")


def test_headline_single_quotes_and_apostrophes(seeds: dict[str, Article]) -> None:
    headline = _one(seeds["001"], 1, "sacred fight")
    assert headline.text == "sacred fight"
    assert (
        headline.speaker == "Kim Jong Un"
    )  # "North Korea's Kim vows full support for Russia's ‘sacred fight'"
    assert not _quotes(_story("The Koreas' leaders met at Kim's train; Russia's space base was busy."))


def test_nested_quote() -> None:
    article = _story(
        "Mayor Jane Smith spoke on Monday.",
        "“They told us ‘never again’ and we believed them,” Smith said.",
    )
    [quote] = _quotes(article)
    text = article.paragraphs[1].text
    assert quote.text == "They told us ‘never again’ and we believed them"
    assert [text[s:e] for s, e in quote.nested] == ["never again"]
    assert quote.speaker == "Jane Smith"


def test_straight_quotes() -> None:
    article = _story('Mayor Jane Smith said "we will rebuild the bridge by spring" at the meeting.')
    [quote] = _quotes(article)
    assert quote.text == "we will rebuild the bridge by spring"
    assert quote.speaker == "Jane Smith"


def test_scare_quotes_dropped_partial_quotes_kept(seeds: dict[str, Article]) -> None:
    texts = {q.text for q in _quotes(seeds["000"])}
    assert "dual use" not in texts  # so-called “dual use” materials
    assert "launched automatically" not in texts  # no speech verb in the sentence
    assert "sacred fight" in texts  # Kim Jong-un said … the “sacred fight”: a partial quote
    assert "Korean Peninsula issues" in texts  # three words, but "said" is in the sentence


def test_pronoun_left_unattributed_when_ambiguous() -> None:
    article = _story(
        "Governor Tom Reed spoke to Mr. Dan Hale on Friday.",
        "“We will not raise taxes this year,” Mr. Reed said.",
        "After Mr. Hale left the room, “the budget is settled now,” he said.",
    )
    quotes = _quotes(article)
    assert quotes[0].speaker == "Tom Reed"
    assert quotes[1].speaker is None  # "he" could be Reed or Hale, both named in the sentence


def test_pronoun_not_resolved_to_the_other_gender() -> None:
    article = _story(
        "“Prices will fall,” said Mr. Tom Reed, the chief economist.",
        "“Nobody believes that,” she said.",
    )
    assert [q.speaker for q in _quotes(article)] == ["Tom Reed", None]


def test_unclosed_quote_runs_to_the_end_of_the_paragraph() -> None:
    article = _story("Mayor Jane Smith said: “We will rebuild the bridge and the road by spring")
    [quote] = _quotes(article)
    assert quote.text == "We will rebuild the bridge and the road by spring"
