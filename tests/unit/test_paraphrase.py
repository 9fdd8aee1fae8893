"""The paraphrase scorer's parts: offline embeddings, normalised lemmas, and what it must not pair."""

from __future__ import annotations

import socket

import numpy as np
import pytest

from newsdiff.core.align import align_texts
from newsdiff.core.embeddings import embed
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

    embeddings._model.cache_clear()
    assert embed(["Kim met Putin"]).any()


def test_lemmas_meet_across_hyphens_inflection_demonyms_and_abbreviations() -> None:
    assert lemmas("Kim Jong-un") == lemmas("Kim Jong Un")
    assert lemmas("two missiles were fired") == lemmas("two missile fire")
    assert names("Troops of the Syrian army") == names("Troops of the Syria army") == {"syria"}
    assert {"united", "state"} <= lemmas("the U.S. warned") or {"unite", "state"} <= lemmas("the U.S. warned")
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
