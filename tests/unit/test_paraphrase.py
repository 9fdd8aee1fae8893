"""The paraphrase scorer's parts: offline embeddings, normalised lemmas, and what it must not pair."""

from __future__ import annotations

import socket
from pathlib import Path

import numpy as np
import pytest

from newsdiff.core.align import align, align_texts
from newsdiff.core.article import Article
from newsdiff.core.embeddings import embed
from newsdiff.core.errors import Cancelled
from newsdiff.core.paraphrase import conflicting_names, lemmas, log_odds, names


def test_embeddings_are_unit_vectors_that_know_paraphrase() -> None:
    vectors = embed(["a sacred fight", "a sacred struggle", "rain is expected on the weekend", ""])
    assert vectors.shape == (4, 256)
    assert np.allclose(np.linalg.norm(vectors[:3], axis=1), 1.0, atol=1e-5)
    assert not vectors[3].any()  # no token, no direction
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_the_model_loads_without_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the embedding model tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    from newsdiff.core import embeddings

    embeddings._load.cache_clear()
    assert embed(["Kim met Putin"]).any()


def test_lemmas_meet_across_hyphens_inflection_demonyms_and_abbreviations() -> None:
    assert lemmas("Kim Jong-un") == lemmas("Kim Jong Un")
    assert lemmas("two missiles were fired") == lemmas("two missile fire")
    assert names("Troops of the Syrian army") == names("Troops of the Syria army") == {"syria"}
    assert lemmas("the U.S. warned") == lemmas("the United States warned")
    assert "the" not in lemmas("the talks") and "talk" in lemmas("the talks")


def test_the_same_template_with_other_facts_is_not_a_pair() -> None:
    a = ["Death toll rises to 42 in Russia plane crash near Moscow, officials say."]
    b = ["Death toll rises to 17 in Italy coach crash near Venice, officials say."]
    pairs, only_a, only_b = align_texts(a, b, paraphrase=True)
    assert pairs == [] and only_a == [0] and only_b == [0]


def test_a_report_in_other_words_is_the_likeliest_counterpart() -> None:
    a = [
        "He was greeted by a smiling Mr. Putin, who shook his hand at the spaceport.",
        "North Korea fired two short-range ballistic missiles into the sea on Wednesday.",
    ]
    b = [
        "Pyongyang launched a pair of ballistic missiles toward the sea hours before the summit.",
        "Putin welcomed Kim at the entrance of the spaceport with a long handshake.",
    ]
    odds, likeness = log_odds(a, b)
    assert odds.shape == likeness.shape == (2, 2)
    assert odds[0, 1] > odds[0, 0] and odds[1, 0] > odds[1, 1]
    assert likeness.min() >= 0.0 and likeness.max() <= 1.0


def test_a_template_is_told_apart_only_when_names_differ() -> None:
    assert conflicting_names(
        "Death toll rises to 42 in Russia plane crash near Moscow, officials say.",
        "Death toll rises to 17 in Italy coach crash near Venice, officials say.",
    )
    assert not conflicting_names(
        "Death toll rises to 42 in Russia plane crash near Moscow, officials say.",
        "Death toll rises to 44 in Russia plane crash near Moscow, officials say.",
    )
    # one name, or a weekday, changed: a discrepancy within one report, shown side by side
    assert not conflicting_names(
        "The council met on Tuesday, officials said.", "The council met on Wednesday."
    )
    assert not conflicting_names("Kim met Putin in Moscow.", "Kim met Putin in Vladivostok.")
    assert not conflicting_names(
        "The crash happened near Moscow, police said.", "The crash happened near Kazan."
    )


def test_one_long_paragraph_each_is_not_paired_by_meaning_alone(seeds: dict[str, Article]) -> None:
    """With one candidate a side, every margin feature is at its best: the scorer does not run
    (two unrelated texts of one paragraph each were paired at log-odds -0.47)."""
    story = " ".join(p.text for p in seeds["000"].body)
    manual = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    prose = " ".join(manual.split()[200:1200])
    pairs, only_a, only_b = align_texts([story], [prose], paraphrase=True)
    assert pairs == [] and only_a == [0] and only_b == [0]


def test_an_identical_paragraph_scores_one_however_its_sentences_split() -> None:
    one = "Kim met Putin at the spaceport on Wednesday and the two leaders toured the rocket site together"
    three = (
        "Kim met Putin at the spaceport. On Wednesday and the two leaders toured. The rocket site together"
    )
    other = ["Seoul and Washington watched the meeting closely.", "Markets barely moved.", "Rain fell."]
    pairs, _, _ = align_texts([one, *other], [three.replace(".", ""), *other], paraphrase=True)
    assert pairs[0].a == (0,) and pairs[0].b == (0,) and pairs[0].score == 1.0
    pairs, _, _ = align_texts([one, *other], [three, *other], paraphrase=True)
    assert pairs[0].a == (0,) and pairs[0].b == (0,) and pairs[0].score == 1.0  # was 0.77


def test_the_paraphrase_pass_can_be_cancelled(seeds: dict[str, Article]) -> None:
    seen: list[float] = []

    def cancel() -> bool:
        return bool(seen) and seen[-1] > 0.92  # inside the paraphrase pass (0.9 to 0.98)

    with pytest.raises(Cancelled):
        align(seeds["000"], seeds["001"], cancel=cancel, progress=seen.append)
    assert 0.92 < seen[-1] < 0.98
