"""Quote tracker speed on a story of 2,000 articles: extraction + clustering, timed apart from loading.

    python tests/benchmarks/story_bench_quotes.py                 # generate 2,000 articles, time them
    python tests/benchmarks/story_bench_quotes.py --articles 300  # smaller, for a smoke test
    python tests/benchmarks/story_bench_quotes.py FOLDER          # time an existing folder

The generated folder grows from the seeds the way ``corpus.Writer`` does: each article is a seed
article with about 30% of every paragraph's words replaced by other seed words or dropped, so
each of the seeds' quotations comes back in hundreds of mutated renderings (a worst case for
clustering: every utterance has ~400 candidate partners). Not a pass/fail test: it prints numbers.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import SEEDS, Writer

from newsdiff.core.loader import load_paths
from newsdiff.core.quotes import find_quote_clusters
from newsdiff.core.quotes_extract import extract_quotes

REWORD_SHARE = 0.3


def generate(folder: Path, n_articles: int, seed: int = 5) -> None:
    rng = random.Random(seed)
    writer = Writer(rng)
    originals = [[p.text for p in a.paragraphs] for a in load_paths([SEEDS]).articles]
    for k in range(n_articles):
        source = originals[k % len(originals)]
        text = "\n\n".join(writer.reword(p, REWORD_SHARE) for p in source)
        (folder / f"{k:05d}.txt").write_text(text + "\n", encoding="utf-8")


def measure(folder: Path) -> None:
    start = time.perf_counter()
    articles = load_paths([folder]).articles
    loaded = time.perf_counter()
    paragraphs = sum(len(a.paragraphs) for a in articles)
    quotes = sum(len(extract_quotes(a, n)) for n, a in enumerate(articles))
    extracted = time.perf_counter()
    cpu = time.process_time()
    clusters = find_quote_clusters(articles)
    done = time.perf_counter()
    cpu = time.process_time() - cpu
    shared = sum(1 for c in clusters if not c.single_outlet)
    biggest = max((c.articles for c in clusters), default=0)
    print(f"quotes: {len(articles):,} articles, {paragraphs:,} paragraphs, {quotes:,} quotations")
    print(f"quotes: loading {loaded - start:.1f} s (not counted)")
    print(f"quotes: extraction alone {extracted - loaded:.1f} s")
    print(
        f"quotes: extraction + clustering (find_quote_clusters) {done - extracted:.1f} s "
        f"({cpu:.1f} s of CPU; more wall time means other processes had the CPU) -> "
        f"{len(clusters):,} clusters, {shared:,} across outlets, largest {biggest:,} outlets"
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", nargs="?", type=Path)
    parser.add_argument("--articles", type=int, default=2_000)
    args = parser.parse_args()
    if args.folder is not None:
        measure(args.folder)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        generate(folder, args.articles)
        measure(folder)


if __name__ == "__main__":
    main()
