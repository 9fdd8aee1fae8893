"""Who a quotation's sentence says spoke it (the order of the rules is in ``quotes_extract``)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsdiff.core.lexicon import word_set
from newsdiff.core.quote_marks import QuoteSpan, sentence_bounds
from newsdiff.core.quotes_names import CAPITAL_RUN, PRONOUNS, Registry

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


SPEECH_VERB = re.compile(r"\b(?<![\-’'])(?:" + _trie_pattern(sorted(SPEECH_VERBS)) + r"|according to)\b")
SPEECH_VERB_ANY_CASE = re.compile(SPEECH_VERB.pattern, re.IGNORECASE)
_LATE = re.compile(r",[ \u00a0]*(?:" + SPEECH_VERB.pattern + r")[ \u00a0]+(" + CAPITAL_RUN.pattern + ")")

CONTEXT_CHARS = 600


@dataclass
class SpeakerContext:
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


def subject_speaker(phrase: str, ctx: SpeakerContext, sentence_plain: str, paragraph: int) -> str | None:
    """The speaker a subject phrase names: a pronoun, a person, a role ("the North Korean leader")
    or an institution ("the U.S. State Department")."""
    words = phrase.strip(" ,").split()
    if not words:
        return None
    lowered = [w.lower() for w in words]
    if len(words) == 1 and lowered[0] in PRONOUNS:
        return pronoun_speaker(lowered[0], ctx, sentence_plain, paragraph)
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


def pronoun_speaker(pronoun: str, ctx: SpeakerContext, sentence_plain: str, paragraph: int) -> str | None:
    """The last named speaker, if recent, of a compatible gender, and the only compatible person
    named in the sentence."""
    if ctx.unread is not None and ctx.unread[0] > ctx.last_speaker_paragraph:
        reported_speakers(ctx.unread[1], ctx, ctx.unread[0])
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


def last_verb(plain: str) -> re.Match[str] | None:
    """The speech verb nearest the end; capitalised too, for one opening the sentence ("Asked")."""
    last = None
    for match in SPEECH_VERB_ANY_CASE.finditer(plain):
        last = match
    return last


def person_before(plain: str, limit: int, ctx: SpeakerContext) -> str | None:
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


def _verb_subject(before: str, sentence_plain: str, ctx: SpeakerContext, paragraph: int) -> str | None:
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
            return pronoun_speaker(last.lower(), ctx, sentence_plain, paragraph)
        run = re.search("(?:" + CAPITAL_RUN.pattern + r")[ \u00a0]*,?$", stripped)
        if run and not stripped.endswith(","):
            name = run.group().rstrip(" ,")
            return ctx.registry.person_at(name) or subject_speaker(
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


def _clause_subject(sentence: str, ctx: SpeakerContext) -> str | None:
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


def attribute(
    text: str,
    plain: str,
    raw: QuoteSpan,
    sentences: list[tuple[int, int]],
    ctx: SpeakerContext,
    paragraph: int,
) -> str | None:
    """The speaker of one quotation from the sentence around it (see the module docstring)."""
    head_start, _ = sentence_bounds(sentences, raw.open)
    _, tail_end = sentence_bounds(sentences, max(raw.close, raw.open))
    # A sentence can be a whole 10 MB paragraph: attribution looks only this far either side.
    head_start = max(head_start, raw.open - CONTEXT_CHARS)
    tail_end = min(tail_end, raw.close + 1 + CONTEXT_CHARS)
    head = plain[head_start : raw.open]
    tail = plain[raw.close + 1 : tail_end] if raw.close < len(text) else ""
    sentence_plain = plain[head_start:tail_end]
    # 1. Right after: ",” Mr. Putin said", ",” the North Korean leader said", ",” said Leonid Petrov".
    after = SPEECH_VERB.search(tail, 0, 100)
    if after and len(tail[: after.start()]) <= 80:
        subject = tail[: after.start()].strip(" ,.;:!?—–-\u00a0")
        if subject and _SUBJECT_PHRASE.fullmatch(subject):
            found = subject_speaker(subject, ctx, sentence_plain, paragraph)
            if found:
                return found
        elif not subject:
            run = CAPITAL_RUN.match(tail[after.end() :].lstrip(" ,\u00a0"))
            if run:
                found = ctx.registry.person_at(run.group()) or subject_speaker(
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
    verb = last_verb(head)
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


def remember(ctx: SpeakerContext, speaker: str | None, index: int, text: str, group: list[QuoteSpan]) -> None:
    if speaker is None:
        return
    # A pronoun does not make a speaker "named" again; but keeping the same one current is harmless.
    ctx.last_speaker = speaker
    ctx.last_speaker_paragraph = index


def reported_speakers(text: str, ctx: SpeakerContext, index: int) -> None:
    """Track "Kremlin spokesman Dmitry Peskov confirmed that …" in paragraphs without quotations,
    so that a later "he said" is measured against the right last speaker."""
    for match in SPEECH_VERB.finditer(text):
        person = person_before(text[max(0, match.start() - 60) : match.start()], 60, ctx)
        if person:
            ctx.last_speaker = person
            ctx.last_speaker_paragraph = index
