"""Hostile inputs (issue 16): each stage's cost now, against the code path it replaced, in one run.

    python tests/benchmarks/hostile_bench.py          # print the table
    python tests/benchmarks/hostile_bench.py --quick  # smaller sizes, for a smoke test

The old paths are re-created here (the byline pattern, the character ratio over whole units,
trafilatura on a page's raw text, httpx's own inflating, --pick's list search) at sizes where they
finish, and their growth is said; nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import gzip
import random
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from rapidfuzz import fuzz

from newsdiff.core.feeds import parse_picks
from newsdiff.core.fetch_guard import decoded
from newsdiff.core.html_article import _bounded, extract_page
from newsdiff.core.metadata import read_text_metadata

OLD_BYLINE = re.compile(r"^(?:By (?P<byline>[A-Z][\w.’' -]+(?:(?:,| and) [A-Z][\w.’' -]+)*)$)")


def seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def peak_mb(work: Callable[[], object]) -> tuple[float, float]:
    """Seconds and peak traced memory (MB) of ``work``."""
    tracemalloc.start()
    start = time.perf_counter()
    work()
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return elapsed, peak


def bench_byline(lines: int) -> tuple[str, str, str]:
    hostile = "By " + " and ".join(["Ab"] * 17) + ","
    sample = 20
    old = seconds(lambda: [OLD_BYLINE.match(hostile) for _ in range(sample)]) / sample * lines
    new = seconds(lambda: read_text_metadata([hostile] * lines))
    return (
        f"byline pattern, {lines:,} lines 'By Ab and Ab …,'",
        f"{old:.1f} s (extrapolated)",
        f"{new:.3f} s",
    )


def bench_ratio(chars: int) -> tuple[str, str, str]:
    """Two different one-word paragraphs: the character ratio over them, as the aligner computed it
    (``cdist``, quadratic in the lengths), against the whole comparison now."""
    import numpy as np
    from rapidfuzz import process

    from newsdiff.core.comparison.model import compare
    from newsdiff.core.loader import parse_article

    rng = random.Random(16)
    word, other = ("".join(rng.choice("abcdefghij") for _ in range(chars)) for _ in range(2))
    old = seconds(lambda: process.cdist([word], [other], scorer=fuzz.ratio, dtype=np.float32, workers=1))
    lead = "The council approved the new budget on Tuesday evening after a long debate."
    a, b = parse_article(f"{lead}\n\n{word}\n", "a"), parse_article(f"{lead}\n\n{other}\n", "b")
    new = seconds(lambda: compare(a, b))
    at_5mb = old * (5_000_000 / chars) ** 2 / 60
    return (
        f"two {chars:,}-character words",
        f"{old:.2f} s for their ratio alone (5 MB: ~{at_5mb:.0f} min)",
        f"{new:.2f} s, the whole comparison",
    )


def bench_table(cells: int) -> tuple[str, str, str]:
    import trafilatura

    lead = "<p>" + "The council approved the budget on Tuesday after a long debate, officials said. " * 3
    row = f"<table><tr>{'<td>x</td>' * cells}</tr></table>"
    page = f"<html><body><article>{lead}</p>{row}</article></body></html>"
    options = {"include_tables": True, "favor_precision": True, "fast": True}
    old = seconds(lambda: trafilatura.bare_extraction(page, **options))
    capped = seconds(lambda: trafilatura.bare_extraction(_bounded(page), **options))
    whole = seconds(lambda: extract_page(page.encode(), path=Path("t.html")))
    return (
        f"table row of {cells:,} cells (trafilatura)",
        f"{old:.2f} s (quadratic)",
        f"{capped:.2f} s ({whole:.2f} s whole page)",
    )


def bench_bomb(megabytes: int, limit: int) -> tuple[str, str, str]:
    """A one-layer bomb through httpx's decoder (what a fetch did) and through ``decoded``, fed in
    the 64 kB pieces a socket gives. Two layers ("gzip, gzip") are refused outright now."""
    from httpx._decoders import GZipDecoder

    body = gzip.compress(b"\0" * (megabytes * 1_000_000), 9)
    pieces = [body[i : i + 65536] for i in range(0, len(body), 65536)]

    def httpx_way() -> None:
        decoder = GZipDecoder()
        for piece in pieces:
            decoder.decode(piece)  # each piece inflated whole, whatever it becomes

    def ours() -> None:
        sum(len(piece) for piece in decoded(pieces, "gzip", limit))

    old_s, old_mb = peak_mb(httpx_way)
    new_s, new_mb = peak_mb(ours)
    return (
        f"gzip bomb: {len(body):,} bytes inflating to {megabytes} MB, {limit // 1_000_000} MB limit",
        f"{old_s:.2f} s, peak {old_mb:.0f} MB (httpx, all of it inflated)",
        f"{new_s:.3f} s, peak {new_mb:.0f} MB, stopped at the limit",
    )


def bench_picks(count: int) -> tuple[str, str, str]:
    def old_way() -> None:
        picks: list[int] = []
        picks.extend(i - 1 for i in range(1, count + 1) if i - 1 not in picks)

    old = seconds(old_way)
    new = seconds(lambda: parse_picks(f"1-{count}", count))
    return (f"--pick 1-{count:,}", f"{old:.2f} s (quadratic)", f"{new:.4f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    quick = parser.parse_args().quick
    rows = [
        bench_byline(200 if quick else 2_000),
        bench_ratio(50_000 if quick else 300_000),
        bench_table(5_000 if quick else 20_000),
        bench_bomb(50 if quick else 500, 10_000_000),
        bench_picks(5_000 if quick else 20_000),
    ]
    print("| input | before | now |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
