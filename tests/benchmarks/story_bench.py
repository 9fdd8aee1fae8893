"""Story-wide views (coverage, lineage) over a folder of 2,000 articles: time, memory, quality.

    python tests/benchmarks/story_bench.py              # 2,000 articles (~60,000 paragraphs)
    python tests/benchmarks/story_bench.py --articles 300   # smaller, for a smoke test
    python tests/benchmarks/story_bench.py --write  # also (re)write "Story-wide views" in benchmarks.md

The folder is generated reproducibly from the seeds with ``corpus.Writer`` (70% of each seed
sentence's words replaced): ``FAMILIES`` wire originals of 42 paragraphs, then rewrites, each of an
original or of an earlier rewrite of the same family (paragraphs reworded, a quarter dropped, some
split or moved, two new ones), so
every paragraph's origin and every article's parent are known. Each measured step runs in a child
process whose peak resident memory the kernel reports (``wait4``); times are wall-clock inside the
child (loading, then the view). The naive baseline is the pairwise aligner on every pair of
articles, timed on a sample of pairs and extrapolated to all n(n-1)/2 pairs (said in the output).
If H-quotes' ``story_bench_quotes.py`` is present, it is run too.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from corpus import Writer

from newsdiff.core.tokens import sentences

HERE = Path(__file__).parent
REPO = HERE.parents[1]
SECTION = "## Story-wide views"
FAMILIES = 40
PARAGRAPHS = 42
TARGET_SECONDS, TARGET_MB = 20.0, 2_000


class StoryWriter(Writer):
    """Seed sentences with most words replaced: unrelated articles of a real story do not share
    60% of a sentence's words, as ``Writer``'s two-paragraph documents may."""

    MUTATION = 0.7


def _rewrite(
    writer: Writer, rng: random.Random, parent: list[tuple[str, int]], new_id: list[int]
) -> list[tuple[str, int]]:
    """A rewrite of ``parent`` (paragraphs with their origin ids); new paragraphs get fresh ids."""
    out: list[tuple[str, int]] = []
    for text, origin in parent:
        roll = rng.random()
        if roll < 0.25:
            continue  # dropped: a rewrite condenses
        if roll < 0.16:
            parts = sentences(text)
            half = max(1, len(parts) // 2)
            out.append((writer.reword(" ".join(parts[:half])), origin))
            if parts[half:]:
                out.append((writer.reword(" ".join(parts[half:])), origin))
            continue
        out.append((writer.reword(text), origin))
    for _ in range(2):
        new_id[0] += 1
        out.insert(rng.randrange(len(out) + 1), (writer.paragraph(), new_id[0]))
    for _ in range(3):  # a few paragraphs move
        i, j = rng.randrange(len(out)), rng.randrange(len(out))
        out[i], out[j] = out[j], out[i]
    return out


def generate(folder: Path, n_articles: int, seed: int = 11) -> dict[str, object]:
    """Write the story folder; return the truth: each article's parent and paragraph origins."""
    rng = random.Random(seed)
    writer = StoryWriter(rng)
    new_id = [0]
    docs: list[list[tuple[str, int]]] = []
    parents: list[int | None] = []
    family: list[int] = []
    for k in range(n_articles):
        if k < FAMILIES:
            doc = []
            for _ in range(PARAGRAPHS):
                new_id[0] += 1
                doc.append((writer.paragraph(), new_id[0]))
            parents.append(None)
            family.append(k)
        else:
            fam = rng.randrange(FAMILIES)
            members = [i for i in range(k) if family[i] == fam]
            parent = fam if rng.random() < 0.5 else rng.choice(members)
            doc = _rewrite(writer, rng, docs[parent], new_id)
            parents.append(parent)
            family.append(fam)
        docs.append(doc)
        (folder / f"{k:04d}.txt").write_text("\n\n".join(text for text, _ in doc) + "\n", encoding="utf-8")
    return {"parents": parents, "origins": [[o for _, o in doc] for doc in docs]}


def child(view: str, folder: str) -> None:
    """Run in the child process: load the folder, compute one view, print timings as JSON."""
    from newsdiff.core.loader import load_paths

    start = time.perf_counter()
    articles = load_paths([Path(folder)]).articles
    loaded = time.perf_counter()
    cpu = time.process_time()
    result: dict[str, object] = {"load": loaded - start, "articles": len(articles)}
    result["paragraphs"] = sum(len(a.body) for a in articles)
    if view == "coverage":
        from newsdiff.core.coverage import coverage

        cov = coverage(articles)
        result["reports"] = [[(m.article, m.paragraph) for m in r.members] for r in cov.reports]
    elif view == "lineage":
        from newsdiff.core.lineage import lineage

        lin = lineage(articles)
        result["pairs"] = [[p.a, p.b, p.a_reuses_b, p.b_reuses_a, p.direction] for p in lin.pairs]
    result["view"] = time.perf_counter() - loaded
    result["view_cpu"] = time.process_time() - cpu
    print(json.dumps(result))


def run_child(view: str, folder: Path) -> tuple[dict[str, object], int]:
    proc = subprocess.Popen(
        [sys.executable, __file__, "--child", view, str(folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    if status != 0:
        raise RuntimeError(err.decode(errors="replace")[-2000:])
    return json.loads(out), usage.ru_maxrss // 1024


def coverage_quality(reports: list[list[list[int]]], truth: dict[str, object]) -> tuple[float, float]:
    """Pair recall and precision of reports against the planted origins (same origin = same report).

    Paragraph indices in the files equal body positions here (the generated text has no boilerplate).
    """
    origins: list[list[int]] = truth["origins"]  # type: ignore[assignment]
    report_of: dict[tuple[int, int], int] = {}
    for k, members in enumerate(reports):
        for article, paragraph in members:
            report_of[(article, paragraph)] = k
    by_origin: dict[int, list[tuple[int, int]]] = {}
    for a, doc in enumerate(origins):
        for p, origin in enumerate(doc):
            by_origin.setdefault(origin, []).append((a, p))
    rng = random.Random(3)
    true_pairs = [pair for group in by_origin.values() for pair in combinations(group, 2)]
    sample = rng.sample(true_pairs, min(200_000, len(true_pairs)))
    recall = sum(report_of.get(x, -1) == report_of.get(y, -2) for x, y in sample) / max(1, len(sample))
    in_report = [pair for members in reports for pair in combinations([tuple(m) for m in members], 2)]
    sample = rng.sample(in_report, min(200_000, len(in_report)))
    precise = sum(origins[x[0]][x[1]] == origins[y[0]][y[1]] for x, y in sample) / max(1, len(sample))
    return recall, precise


def lineage_quality(pairs: list[list[object]], truth: dict[str, object]) -> tuple[float, float]:
    """Of the planted parent/child pairs: share found, and share of those with the right direction."""
    parents: list[int | None] = truth["parents"]  # type: ignore[assignment]
    found = {(int(p[0]), int(p[1])): str(p[4]) for p in pairs}  # type: ignore[call-overload]
    planted = [(child, parent) for child, parent in enumerate(parents) if parent is not None]
    hits = right = 0
    for child_id, parent in planted:
        key = (min(child_id, parent), max(child_id, parent))
        if key in found:
            hits += 1
            expected = "a_from_b" if child_id < parent else "b_from_a"
            right += found[key] == expected
    return hits / max(1, len(planted)), right / max(1, hits)


def naive_seconds(folder: Path, n_articles: int, sample_pairs: int = 30) -> float:
    """The pairwise aligner on a sample of article pairs, extrapolated to all pairs."""
    from newsdiff.core.align import align
    from newsdiff.core.loader import load_paths

    files = sorted(folder.glob("*.txt"))
    rng = random.Random(5)
    picks = [tuple(rng.sample(range(len(files)), 2)) for _ in range(sample_pairs)]
    articles = {i: load_paths([files[i]]).articles[0] for pair in picks for i in pair}
    start = time.perf_counter()
    for i, j in picks:
        align(articles[i], articles[j])
    per_pair = (time.perf_counter() - start) / len(picks)
    return per_pair * n_articles * (n_articles - 1) / 2


def write_section(body: str, section: str = SECTION) -> None:
    """Replace (or add) one section of benchmarks.md (by default the story-wide one), leaving the
    rest as it is."""
    path = REPO / "benchmarks.md"
    text = path.read_text(encoding="utf-8")
    start = text.find(section)
    if start < 0:
        text = text.rstrip() + "\n\n" + body
    else:
        end = text.find("\n## ", start + len(section))
        text = text[:start] + body + (text[end + 1 :] if end >= 0 else "")
    path.write_text(text.rstrip() + "\n", encoding="utf-8")


def machine() -> str:
    import platform

    load = os.getloadavg()[0]
    return (
        f"{os.cpu_count()} cores, {platform.processor() or platform.machine()}, Python "
        f"{platform.python_version()}; load average {load:.1f} when the run ended"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--child", nargs=2, metavar=("VIEW", "FOLDER"))
    parser.add_argument("--keep", type=Path, default=None, help="write the folder here and keep it")
    parser.add_argument("--write", action="store_true", help="write the results into benchmarks.md")
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp) / "story"
        folder.mkdir(parents=True, exist_ok=True)
        start = time.perf_counter()
        truth = generate(folder, args.articles)
        print(f"generated {args.articles} articles in {time.perf_counter() - start:.1f} s -> {folder}")
        loaded, load_mb = run_child("load", folder)
        print(f"paragraphs: {loaded['paragraphs']:,}; load {loaded['load']:.2f} s, peak {load_mb} MB")
        rows: list[tuple[str, dict[str, Any], int, str]] = []
        cov, cov_mb = run_child("coverage", folder)
        recall, precision = coverage_quality(cov["reports"], truth)  # type: ignore[arg-type]
        rows.append(("coverage", cov, cov_mb, f"recall {recall:.3f} / precision {precision:.3f}"))
        lin, lin_mb = run_child("lineage", folder)
        found, right = lineage_quality(lin["pairs"], truth)  # type: ignore[arg-type]
        rows.append(("lineage", lin, lin_mb, f"parents found {found:.3f}, direction right {right:.3f}"))
        naive = naive_seconds(folder, args.articles)
        pairs = args.articles * (args.articles - 1) // 2
        lines = [
            SECTION,
            "",
            f"Made by `python tests/benchmarks/story_bench.py --write`: a folder of {args.articles:,} "
            f"articles, {loaded['paragraphs']:,} body paragraphs, generated from the seeds ({FAMILIES} "
            "wire originals and chains of condensed rewrites with known paragraph origins and parents; "
            "see the script's docstring). Each view runs in its own process: it loads the folder, then "
            "computes the view from scratch (the index included); peak memory is the whole process's "
            f"(kernel ru_maxrss). Targets: under {TARGET_SECONDS:.0f} s and {TARGET_MB:,} MB.",
            "",
            f"Machine: {machine()}. Measured {time.strftime('%Y-%m-%d %H:%M')}.",
            "",
            "| view | compute, wall (CPU) | loading | peak memory (process) | quality on planted truth |",
            "|---|---|---|---|---|",
        ]
        for name, got, mb, quality in rows:
            lines.append(
                f"| {name} | {got['view']:.2f} s ({got['view_cpu']:.2f} s of CPU) | {got['load']:.2f} s "
                f"| {mb} MB | {quality} |"
            )
        lines += [
            "",
            f"Naive baseline: the pairwise aligner on all {pairs:,} article pairs, extrapolated from "
            f"30 sampled pairs: {naive:,.0f} s ({naive / max(1e-9, float(cov['view'])):,.0f}x the "
            "coverage time). Coverage recall/precision: of pairs of paragraphs with the same planted "
            "origin, the share put in one report / of pairs in one report, the share with the same "
            "origin (200,000 sampled pairs each). Lineage: planted parent/child pairs listed, and "
            "the share of those whose direction names the parent as the source.",
        ]
        body = "\n".join(lines) + "\n"
        print()
        print(body)
        if args.write:
            write_section(body)
            print(f"wrote {REPO / 'benchmarks.md'}")
        quotes = HERE / "story_bench_quotes.py"
        if quotes.exists():
            subprocess.run([sys.executable, str(quotes), str(folder)], check=False)


if __name__ == "__main__":
    main()
