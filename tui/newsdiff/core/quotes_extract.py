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
from newsdiff.core.lexicon import word_set
from newsdiff.core.quotes_names import CAPITAL_RUN, PRONOUNS, Registry, registry_for
from newsdiff.core.tokens import sentence_spans

SPEECH_VERBS = word_set(
    """say says said saying tell tells told telling add adds added adding reply replies replied
replying state states stated stating note notes noted noting declare declares declared declaring ask
asks asked write writes wrote warn warns warned warning explain explains explained insist insists
insisted argue argues argued continue continues continued respond responds responded remark remarked
announce announced announcing remind reminded urge urged vow vows vowed vowing pledge pledged praise
praised praising express expressed expressing call calls called calling describe described quoted
quoting sneer sneered confirm confirmed indicate indicated recall recalled claim claimed admit admitted
acknowledge acknowledged suggest suggested stress stressed emphasize emphasized emphasise emphasised
assert asserted predict predicted promise promised proclaim proclaimed tweet tweeted posted joked
complained boasted cautioned conceded concluded countered demanded observed repeated revealed
shouted told testified whispered"""
)


def _trie_pattern(words: list[str]) -> str:
    """An alternation of ``words`` as a prefix tree ("sa(?:id|ys|y(?:ing)?)"): Python's regex engine
    tries a flat alternation word by word at every position, a tree one letter at a time."""
    tree: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def render(node: dict) -> str:  # type: ignore[type-arg]
        branches = [re.escape(ch) + render(child) for ch, child in sorted(node.items()) if ch]
        optional = "" in node
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if optional else body

    return render(tree)


_VERB = re.compile(r"\b(?<![\-’'])(?:" + _trie_pattern(sorted(SPEECH_VERBS)) + r"|according to)\b")
_VERB_CI = re.compile(_VERB.pattern, re.IGNORECASE)
_LATE = re.compile(r",[ \u00a0]*(?:" + _VERB.pattern + r")[ \u00a0]+(" + CAPITAL_RUN.pattern + ")")

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE = re.compile('[“”„«»"]')
_SINGLE_OPEN = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–-]))[‘']")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?…])[’'](?![\w])")
SCARE_MAX_WORDS = 3
"""A quotation this short needs a speech verb in its sentence, or it is a scare quote or a term."""
_JOIN_MAX_GAP_WORDS = 25
JOIN = " … "
"""Between the parts of a quotation broken by its attribution, where the attribution stood."""
_BLOCK_INTRO_MAX_WORDS = 25
_SUBJECT_MAX_WORDS = 7
_CONTEXT_CHARS = 600


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


@dataclass(frozen=True, slots=True)
class _Raw:
    open: int  # index of the opening mark (or of the first character, for a block quote)
    close: int  # index of the closing mark (or len(text) when none)
    content: tuple[int, int]


def _double_spans(text: str) -> list[_Raw]:
    """Pair double quote marks left to right; an unclosed one at the end runs to the paragraph end
    (the convention for a quotation that continues in the next paragraph)."""
    spans: list[_Raw] = []
    open_at: int | None = None
    for match in _DOUBLE.finditer(text):
        ch, at = match.group(), match.start()
        if open_at is None:
            opener = ch in _DOUBLE_OPEN or ch == '"'
            # A closing mark used as an opener: at the start or after a space, before a letter.
            if (
                ch in _DOUBLE_CLOSE
                and (at == 0 or text[at - 1].isspace())
                and text[at + 1 : at + 2].isalnum()
            ):
                opener = True
            if opener:
                open_at = at
        elif ch in _DOUBLE_CLOSE or ch == '"':
            spans.append(_Raw(open_at, at, (open_at + 1, at)))
            open_at = None
        else:
            open_at = at  # a new opener: the previous one was never closed
    if open_at is not None and len(text[open_at + 1 :].split()) > SCARE_MAX_WORDS:
        spans.append(_Raw(open_at, len(text), (open_at + 1, len(text))))
    return spans


def _single_spans(text: str, start: int, end: int, *, top_level: bool) -> list[tuple[int, int]]:
    """Single-quoted spans in ``text[start:end]``: nested quotes, or short headline-style ones.

    An apostrophe ("Russia's", "Koreas' leaders") is never an opener: an opener follows a space
    or the start; a closer follows a word and is not followed by one.
    """
    found: list[tuple[int, int]] = []
    pos = start
    while True:
        opener = _SINGLE_OPEN.search(text, pos, end)
        if opener is None:
            return found
        if top_level and opener.group() != "‘":
            pos = opener.end()
            continue
        closer = _SINGLE_CLOSE.search(text, opener.end(), end)
        if closer is None:
            return found
        inner = (opener.end(), closer.start())
        if text[inner[0] : inner[0] + 1].isalnum() and (
            not top_level or len(text[inner[0] : inner[1]].split()) <= 12
        ):
            found.append(inner)
            pos = closer.end()
        else:
            pos = opener.end()


def _blank_quotes(text: str, spans: list[_Raw]) -> str:
    """``text`` with quoted content replaced by spaces: verbs and names are looked for outside."""
    chars = list(text)
    for raw in spans:
        for k in range(raw.open, min(raw.close + 1, len(text))):
            chars[k] = " "
    return "".join(chars)


def _sentence_bounds(spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    """The sentence holding offset ``at`` (the one before it when ``at`` falls between two);
    a bisection, as a paragraph may hold thousands of sentences and quotations."""
    if not spans:
        return 0, 0
    k = max(0, bisect.bisect_right(spans, (at, float("inf"))) - 1)
    return spans[k]


@dataclass
class _Context:
    """What attribution of one paragraph needs: the article's people and the last named speaker."""

    registry: Registry
    last_speaker: str | None = None
    last_speaker_paragraph: int = -10
    unread: tuple[int, str] | None = None
    """The latest paragraph without quotations, read for reported speech only when a pronoun
    needs it (most never do; reading every one cost a sixth of the extraction time)."""


_SUBJECT_PHRASE = re.compile(
    r"(?:he|she|(?:the|a|an)[ \u00a0]+[\w’'.\- \u00a0]+|" + CAPITAL_RUN.pattern + r")", re.IGNORECASE
)


def _subject(phrase: str, ctx: _Context, sentence_plain: str, paragraph: int) -> str | None:
    """The speaker a subject phrase names: a pronoun, a person, a role ("the North Korean leader")
    or an institution ("the U.S. State Department")."""
    words = phrase.strip(" ,").split()
    if not words:
        return None
    lowered = [w.lower() for w in words]
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return _pronoun(lowered[0], ctx, sentence_plain, paragraph)
    if lowered[0] in {"the", "a", "an"}:
        role = ctx.registry.role(" ".join(words))
        if role:
            return role
        rest = " ".join(words[1:])
        if CAPITAL_RUN.fullmatch(rest) and len(words) >= 3:
            return rest  # an institution as speaker: "the U.S. State Department said"
        return None
    run = " ".join(words)
    if CAPITAL_RUN.fullmatch(run):
        return ctx.registry.person_at(run) or (
            run if len(words) >= 2 and not ctx.registry.is_place(run) else None
        )
    return None


def _pronoun(pronoun: str, ctx: _Context, sentence_plain: str, paragraph: int) -> str | None:
    """The last named speaker, if recent, of a compatible gender, and the only compatible person
    named in the sentence."""
    if ctx.unread is not None and ctx.unread[0] > ctx.last_speaker_paragraph:
        _reported_speakers(ctx.unread[1], ctx, ctx.unread[0])
    ctx.unread = None
    speaker = ctx.last_speaker
    if speaker is None or paragraph - ctx.last_speaker_paragraph > 1:
        return None
    gender = PRONOUNS[pronoun]
    if ctx.registry.gender.get(speaker, gender) != gender:
        return None
    for run in CAPITAL_RUN.findall(sentence_plain):
        other = ctx.registry.person_at(run)
        if other and other != speaker and ctx.registry.gender.get(other, gender) == gender:
            return None
    return speaker


def _last_verb(plain: str) -> re.Match[str] | None:
    """The speech verb nearest the end; capitalised too, for one opening the sentence ("Asked")."""
    last = None
    for match in _VERB_CI.finditer(plain):
        last = match
    return last


def _person_before(plain: str, limit: int, ctx: _Context) -> str | None:
    """The person named nearest before ``limit`` (places and adjectives skipped)."""
    found = None
    for match in CAPITAL_RUN.finditer(plain, 0, limit):
        person = ctx.registry.person_at(match.group())
        if person:
            found = person
    return found


_CONNECTIVES = word_set(
    "and but or then as by also later had has have was is were been not never again further to"
)


def _verb_subject(before: str, sentence_plain: str, ctx: _Context, paragraph: int) -> str | None:
    """Who does the speaking verb that ends ``before``: the name right before it ("Mr. Putin
    replied"), past an apposition ("James O’Brien, chief of …, sneered"), or for a coordinated
    verb ("… and said", "as saying", ", saying") the first person of the sentence."""
    for _ in range(2):
        stripped = before.rstrip()
        words = stripped.split()
        if not words:
            return None
        last = words[-1].rstrip(",")
        if last.lower() in ("he", "she"):
            return _pronoun(last.lower(), ctx, sentence_plain, paragraph)
        run = re.search("(?:" + CAPITAL_RUN.pattern + r")[ \u00a0]*,?$", stripped)
        if run and not stripped.endswith(","):
            name = run.group().rstrip(" ,")
            return ctx.registry.person_at(name) or _subject(
                stripped[-80:].split(",")[-1], ctx, sentence_plain, paragraph
            )
        if stripped.endswith(",") and stripped.count(",") >= 2:
            # "James O’Brien, chief of sanctions coordination, sneered": drop the apposition.
            earlier = stripped[: stripped.rstrip(",").rfind(",")]
            if re.search("(?:" + CAPITAL_RUN.pattern + ")$", earlier.rstrip()):
                before = earlier
                continue
        if stripped.endswith(",") or last.lower() in _CONNECTIVES or last.lower().endswith("ly"):
            return _clause_subject(sentence_plain, ctx)
        return None
    return None


_SUBORDINATORS = word_set(
    """after before when while as asked despite although though since if once touring speaking in on
    during regarding with without at following unlike like"""
)


def _clause_subject(sentence: str, ctx: _Context) -> str | None:
    """The first person named in the main clause: an opening "After touring … with Putin," or "In
    his opening remarks," is skipped, its people being objects, not the speaker."""
    words = sentence.split()
    if words and words[0].lower() in _SUBORDINATORS and "," in sentence:
        sentence = sentence[sentence.index(",") + 1 :]
    for match in CAPITAL_RUN.finditer(sentence):
        person = ctx.registry.person_at(match.group())
        if person:
            return person
    return None


def _attribute(
    text: str, plain: str, raw: _Raw, sentences: list[tuple[int, int]], ctx: _Context, paragraph: int
) -> str | None:
    """The speaker of one quotation from the sentence around it (see the module docstring)."""
    head_start, _ = _sentence_bounds(sentences, raw.open)
    _, tail_end = _sentence_bounds(sentences, max(raw.close, raw.open))
    # A sentence can be a whole 10 MB paragraph: attribution looks only this far either side.
    head_start = max(head_start, raw.open - _CONTEXT_CHARS)
    tail_end = min(tail_end, raw.close + 1 + _CONTEXT_CHARS)
    head = plain[head_start : raw.open]
    tail = plain[raw.close + 1 : tail_end] if raw.close < len(text) else ""
    sentence_plain = plain[head_start:tail_end]
    # 1. Right after: ",” Mr. Putin said", ",” the North Korean leader said", ",” said Leonid Petrov".
    after = _VERB.search(tail, 0, 100)
    if after and len(tail[: after.start()]) <= 80:
        subject = tail[: after.start()].strip(" ,.;:!?—–-\u00a0")
        if subject and _SUBJECT_PHRASE.fullmatch(subject):
            found = _subject(subject, ctx, sentence_plain, paragraph)
            if found:
                return found
        elif not subject:
            run = CAPITAL_RUN.match(tail[after.end() :].lstrip(" ,\u00a0"))
            if run:
                found = ctx.registry.person_at(run.group()) or _subject(
                    run.group(), ctx, sentence_plain, paragraph
                )
                if found:
                    return found
    # 2. Later in the sentence: "…, said Michael Madden, an expert at …".
    late = _LATE.search(tail)
    if late:
        person = ctx.registry.person_at(late.group(1))
        if person:
            return person
    # 3. Before, in the same sentence: the speech verb nearest the quotation and its subject.
    verb = _last_verb(head)
    if verb is not None:
        before = head[: verb.start()]
        if not before.strip():
            # A participle opening the sentence ("Calling it “a show,” Andrei Lankov …"): its
            # subject comes after it.
            for match in CAPITAL_RUN.finditer(sentence_plain):
                person = ctx.registry.person_at(match.group())
                if person:
                    return person
            return None
        return _verb_subject(before, sentence_plain, ctx, paragraph)
    return None


def _joinable(text: str, first: _Raw, second: _Raw) -> bool:
    """True when the text between two quotations is only their attribution: ``,” he said. “``."""
    inside = text[first.content[0] : first.content[1]].rstrip()
    gap = text[first.close + 1 : second.open]
    if not (inside.endswith((",", "?", "!", "—")) or gap.lstrip().startswith(",")):
        return False
    words = gap.split()
    if not words or len(words) > _JOIN_MAX_GAP_WORDS or not _VERB.search(gap):
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


def _is_scare(text: str, plain: str, raw: _Raw, sentences: list[tuple[int, int]]) -> bool:
    content = text[raw.content[0] : raw.content[1]]
    if len(content.split()) > SCARE_MAX_WORDS:
        return False
    before = text[max(0, raw.open - 12) : raw.open].lower()
    if "so-called" in before or "so called" in before:
        return True
    start, _ = _sentence_bounds(sentences, raw.open)
    _, end = _sentence_bounds(sentences, raw.close if raw.close < len(text) else raw.open)
    start, end = max(start, raw.open - _CONTEXT_CHARS), min(end, raw.close + 1 + _CONTEXT_CHARS)
    return _VERB.search(plain, start, end) is None


def _paragraph_quotes(article: Article, number: int, index: int, ctx: _Context) -> list[Quote]:
    text = article.paragraphs[index].text
    raws = _double_spans(text)
    opens = [raw.open for raw in raws]
    raws += [
        _Raw(start - 1, end, (start, end))
        for start, end in _single_spans(text, 0, len(text), top_level=True)
        if not _inside(start, raws, opens)
    ]
    raws.sort(key=lambda r: r.open)
    if not raws:
        return []
    plain = _blank_quotes(text, raws)
    sentences = sentence_spans(text) or [(0, len(text))]
    kept = [raw for raw in raws if not _is_scare(text, plain, raw, sentences)]
    groups: list[list[_Raw]] = []
    for raw in kept:
        if groups and _joinable(text, groups[-1][-1], raw):
            groups[-1].append(raw)
        else:
            groups.append([raw])
    quotes: list[Quote] = []
    for group in groups:
        speaker = None
        for raw in group:
            speaker = _attribute(text, plain, raw, sentences, ctx, index)
            if speaker:
                break
        parts = tuple(_strip_text(text, raw.content) for raw in group)
        parts = tuple(p for p in parts if p[1] > p[0])
        if not parts:
            continue
        nested = tuple(
            span
            for raw in group
            for span in _single_spans(text, raw.content[0], raw.content[1], top_level=False)
        )
        quote_text = JOIN.join(text[s:e] for s, e in parts)
        quotes.append(Quote(article.path, number, index, parts, quote_text, speaker, nested=nested))
        _remember(ctx, speaker, index, text, group)
    return quotes


def _inside(at: int, raws: list[_Raw], opens: list[int]) -> bool:
    """True when ``at`` is inside one of ``raws`` (in order, not overlapping; ``opens`` their starts)."""
    k = bisect.bisect_left(opens, at) - 1
    return k >= 0 and raws[k].open < at <= raws[k].close


def _remember(ctx: _Context, speaker: str | None, index: int, text: str, group: list[_Raw]) -> None:
    if speaker is None:
        return
    # A pronoun does not make a speaker "named" again; but keeping the same one current is harmless.
    ctx.last_speaker = speaker
    ctx.last_speaker_paragraph = index


def _reported_speakers(text: str, ctx: _Context, index: int) -> None:
    """Track "Kremlin spokesman Dmitry Peskov confirmed that …" in paragraphs without quotations,
    so that a later "he said" is measured against the right last speaker."""
    for match in _VERB.finditer(text):
        person = _person_before(text[max(0, match.start() - 60) : match.start()], 60, ctx)
        if person:
            ctx.last_speaker = person
            ctx.last_speaker_paragraph = index


def _block_quote(article: Article, number: int, index: int, ctx: _Context) -> Quote | None:
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
    if _DOUBLE.search(paragraph.text) or not _VERB.search(intro_text):
        return None
    verb = _last_verb(intro_text)
    assert verb is not None
    before = intro_text[: verb.start()]
    words = before.split()
    if words and words[-1].lower() in PRONOUNS:
        speaker = _pronoun(words[-1].lower(), ctx, intro_text, index)
    else:
        speaker = _person_before(before, len(before), ctx) or _subject(before, ctx, intro_text, index)
    span = _strip_text(paragraph.text, (0, len(paragraph.text)))
    nested = tuple(_single_spans(paragraph.text, span[0], span[1], top_level=False))
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
    ctx = _Context(registry_for([p.text for p in article.body]))
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
