"""Direct quotations in an article, and who the article says spoke them.

What counts as a quotation:

- text between double quotes, curly or straight (mixed pairs too: ``“situation in the region."``);
  single quotes only inside them (nested, reported as ``nested`` spans) or, at the top level, as
  headline-style short quotes opened by ``‘`` (``Russia's ‘sacred fight'``);
- a quotation broken by its attribution, ``“…,” Putin said. “…”``: one utterance in two parts;
- a block quotation: a paragraph with no quote marks after a short paragraph that introduces it
  with a colon ("Kim continued:");
- not a scare quote: one to three words with no speech verb in the sentence, or after
  "so-called", are the writer's irony or a term, not speech. A partial quotation in a sentence
  with a speech verb (Kim vowed support for Russia's “sacred fight”) is kept.

Attribution looks, in this order, right after the quotation (``,” Mr. Putin said``, ``,” said
Leonid Petrov``, ``,” the North Korean leader said``), then before it in the same sentence (the
speech verb nearest the quotation and the person nearest before that verb: ``Putin replied, “``),
then later in the sentence (``…, said Michael Madden``). "he"/"she" resolve to the last named
speaker of this or the previous paragraph, and only when no other person of a compatible gender
is named in the sentence; otherwise the speaker stays ``None``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from newsdiff.core.article import Article
from newsdiff.core.quote_marks import (
    DOUBLE,
    SCARE_MAX_WORDS,
    QuoteSpan,
    blank_quotes,
    double_spans,
    sentence_bounds,
    single_spans,
)
from newsdiff.core.quote_speakers import (
    CONTEXT_CHARS,
    SPEECH_VERB,
    SpeakerContext,
    attribute,
    last_verb,
    person_before,
    pronoun_speaker,
    remember,
    subject_speaker,
)
from newsdiff.core.quotes_names import PRONOUNS, registry_for
from newsdiff.core.tokens import sentence_spans

"""A quotation this short needs a speech verb in its sentence, or it is a scare quote or a term."""
_JOIN_MAX_GAP_WORDS = 25
JOIN = " … "
"""Between the parts of a quotation broken by its attribution, where the attribution stood."""
_BLOCK_INTRO_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class Quote:
    """One direct quotation: where it stands and who said it.

    ``parts`` are the spans of the quoted words in the paragraph's text (quote marks excluded); a
    quotation broken by its attribution has two or more. ``start``/``end`` cover them all.
    ``paragraph`` indexes all the article's paragraphs, boilerplate included (as ``align``'s JSON).
    """

    path: str
    article: int
    paragraph: int
    parts: tuple[tuple[int, int], ...]
    text: str
    speaker: str | None
    block: bool = False
    nested: tuple[tuple[int, int], ...] = ()

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def _joinable(text: str, first: QuoteSpan, second: QuoteSpan) -> bool:
    """True when the text between two quotations is only their attribution: ``,” he said. “``."""
    inside = text[first.content[0] : first.content[1]].rstrip()
    gap = text[first.close + 1 : second.open]
    if not (inside.endswith((",", "?", "!", "—")) or gap.lstrip().startswith(",")):
        return False
    words = gap.split()
    if not words or len(words) > _JOIN_MAX_GAP_WORDS or not SPEECH_VERB.search(gap):
        return False
    body = gap.strip().rstrip(".,:;")
    # One clause only: a full stop inside the gap (not an abbreviation's) means a new sentence.
    return not re.search(r"[a-z]{3,}[.!?]\s+[A-Z]", body)


def _strip_text(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without surrounding white space and the comma that belongs to the sentence."""
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


def _is_scare(text: str, plain: str, raw: QuoteSpan, sentences: list[tuple[int, int]]) -> bool:
    content = text[raw.content[0] : raw.content[1]]
    if len(content.split()) > SCARE_MAX_WORDS:
        return False
    before = text[max(0, raw.open - 12) : raw.open].lower()
    if "so-called" in before or "so called" in before:
        return True
    start, _ = sentence_bounds(sentences, raw.open)
    _, end = sentence_bounds(sentences, raw.close if raw.close < len(text) else raw.open)
    start, end = max(start, raw.open - CONTEXT_CHARS), min(end, raw.close + 1 + CONTEXT_CHARS)
    return SPEECH_VERB.search(plain, start, end) is None


def _paragraph_quotes(article: Article, number: int, index: int, ctx: SpeakerContext) -> list[Quote]:
    text = article.paragraphs[index].text
    raws = double_spans(text)
    opens = [raw.open for raw in raws]
    raws += [
        QuoteSpan(start - 1, end, (start, end))
        for start, end in single_spans(text, 0, len(text), top_level=True)
        if not _inside(start, raws, opens)
    ]
    raws.sort(key=lambda r: r.open)
    if not raws:
        return []
    plain = blank_quotes(text, raws)
    sentences = sentence_spans(text) or [(0, len(text))]
    kept = [raw for raw in raws if not _is_scare(text, plain, raw, sentences)]
    groups: list[list[QuoteSpan]] = []
    for raw in kept:
        if groups and _joinable(text, groups[-1][-1], raw):
            groups[-1].append(raw)
        else:
            groups.append([raw])
    quotes: list[Quote] = []
    for group in groups:
        speaker = None
        for raw in group:
            speaker = attribute(text, plain, raw, sentences, ctx, index)
            if speaker:
                break
        parts = tuple(_strip_text(text, raw.content) for raw in group)
        parts = tuple(p for p in parts if p[1] > p[0])
        if not parts:
            continue
        nested = tuple(
            span
            for raw in group
            for span in single_spans(text, raw.content[0], raw.content[1], top_level=False)
        )
        quote_text = JOIN.join(text[s:e] for s, e in parts)
        quotes.append(Quote(article.path, number, index, parts, quote_text, speaker, nested=nested))
        remember(ctx, speaker, index, text, group)
    return quotes


def _inside(at: int, raws: list[QuoteSpan], opens: list[int]) -> bool:
    """True when ``at`` is inside one of ``raws`` (in order, not overlapping; ``opens`` their starts)."""
    k = bisect.bisect_left(opens, at) - 1
    return k >= 0 and raws[k].open < at <= raws[k].close


def _block_quote(article: Article, number: int, index: int, ctx: SpeakerContext) -> Quote | None:
    """The paragraph at ``index`` as a block quotation, if the previous one introduces it."""
    if index == 0:
        return None
    intro = article.paragraphs[index - 1]
    paragraph = article.paragraphs[index]
    if not (intro.is_body and paragraph.is_body):
        return None
    intro_text = intro.text.rstrip()
    if not intro_text.endswith(":") or len(intro_text.split()) > _BLOCK_INTRO_MAX_WORDS:
        return None
    if DOUBLE.search(paragraph.text) or not SPEECH_VERB.search(intro_text):
        return None
    verb = last_verb(intro_text)
    assert verb is not None
    before = intro_text[: verb.start()]
    words = before.split()
    if words and words[-1].lower() in PRONOUNS:
        speaker = pronoun_speaker(words[-1].lower(), ctx, intro_text, index)
    else:
        speaker = person_before(before, len(before), ctx) or subject_speaker(before, ctx, intro_text, index)
    span = _strip_text(paragraph.text, (0, len(paragraph.text)))
    nested = tuple(single_spans(paragraph.text, span[0], span[1], top_level=False))
    if speaker:
        ctx.last_speaker, ctx.last_speaker_paragraph = speaker, index
    return Quote(
        article.path, number, index, (span,), paragraph.text[span[0] : span[1]], speaker, True, nested
    )


def extract_quotes(article: Article, number: int = 0) -> list[Quote]:
    """Every direct quotation of ``article`` in reading order, attributed where the text says who.

    ``number`` is the article's place in the story, kept on each quote for clustering. Only body
    paragraphs are read: a caption or a related-links box quotes nothing the article says.
    """
    ctx = SpeakerContext(registry_for([p.text for p in article.body]))
    quotes: list[Quote] = []
    for paragraph in article.paragraphs:
        if not paragraph.is_body:
            continue
        block = _block_quote(article, number, paragraph.index, ctx)
        if block is not None:
            quotes.append(block)
            continue
        found = _paragraph_quotes(article, number, paragraph.index, ctx)
        if not found:
            ctx.unread = (paragraph.index, paragraph.text)
        quotes.extend(found)
    return quotes
