"""newsdiff's benchmarks: newsdiff against naive baselines, measured in the same run.

    python tests/benchmarks/run.py            # print the table
    python tests/benchmarks/run.py --write    # also refresh benchmarks.md at the repository root
    python tests/benchmarks/run.py --quick    # smaller sizes, for a smoke test
    python tests/benchmarks/run.py --only store   # one group: align, app, store (see --help)

Inputs are generated reproducibly from the seeds (``corpus.py``): document B rewrites document A
with planted, known correspondences (reworded, shuffled, split, merged, dropped, added).
Whole-process figures run ``newsdiff`` as a child process and read its peak memory from the
kernel (``wait4``); nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import SEEDS, planted, write

from newsdiff.core.tokens import tokenize
from newsdiff.core.worddiff import diff_words

REPO = Path(__file__).resolve().parents[2]
HERE = Path(__file__).parent


def run_measured(args: list[str]) -> tuple[float, int, bytes]:
    """Wall time (s), peak resident memory (MB) and stdout of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read() if proc.stdout else b""
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"{args[:4]} failed: {err.decode(errors='replace')[-500:]}")
    return elapsed, usage.ru_maxrss // 1024, out


def naive_seconds(a: list[str], b: list[str], sample_rows: int) -> float:
    """All-pairs difflib ``SequenceMatcher.ratio`` over paragraphs, extrapolated from sample rows."""
    rows = random.Random(1).sample(range(len(a)), min(sample_rows, len(a)))
    start = time.perf_counter()
    for i in rows:
        for text in b:
            difflib.SequenceMatcher(None, a[i], text).ratio()
    per_row = (time.perf_counter() - start) / len(rows)
    return per_row * len(a)


def bench_align(n: int, repeats: int, sample_rows: int, tmp: Path) -> dict[str, object]:
    doc = planted(n)
    path_a = write(doc.a, tmp / f"a{n}.txt")
    path_b = write(doc.b, tmp / f"b{n}.txt")
    cmd = [
        sys.executable,
        "-m",
        "newsdiff",
        "align",
        str(path_a),
        str(path_b),
        "--format",
        "json",
        "--max-size",
        "1G",
    ]
    times: list[float] = []
    peak = 0
    out = b""
    for _ in range(repeats):
        elapsed, rss, out = run_measured(cmd)
        times.append(elapsed)
        peak = max(peak, rss)
    data = json.loads(out)
    found = {(i, j) for pair in data["pairs"] for i in pair["a"] for j in pair["b"]}
    recall = len(found & doc.links) / len(doc.links)
    precision = len(found & doc.links) / len(found) if found else 0.0
    baseline = naive_seconds(doc.a, doc.b, sample_rows)
    median = statistics.median(times)
    return {
        "what": f"align {n:,} x {len(doc.b):,} paragraphs (whole process)",
        "newsdiff": median,
        "baseline": baseline,
        "baseline_note": f"difflib all pairs, extrapolated from {sample_rows} rows",
        "ratio": baseline / median,
        "peak_mb": peak,
        "recall": recall,
        "precision": precision,
    }


def bench_worddiff(n_pairs: int) -> list[dict[str, object]]:
    doc = planted(n_pairs)
    pairs = [(doc.a[i], doc.b[j]) for i, j in sorted(doc.links)]
    tokens = sum(len(tokenize(a)) + len(tokenize(b)) for a, b in pairs)
    start = time.perf_counter()
    for a, b in pairs:
        diff_words(a, b)
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for a, b in pairs:
        difflib.SequenceMatcher(
            None, [t.text for t in tokenize(a)], [t.text for t in tokenize(b)]
        ).get_opcodes()
    base = time.perf_counter() - start
    rng = random.Random(3)
    words = [f"w{rng.randrange(5000)}" for _ in range(20_000)]
    other = words[:]
    rng.shuffle(other)
    left, right = " ".join(words), " ".join(other)
    start = time.perf_counter()
    diff_words(left, right)
    patho = time.perf_counter() - start
    start = time.perf_counter()
    difflib.SequenceMatcher(None, left.split(), right.split()).get_opcodes()
    patho_base = time.perf_counter() - start
    return [
        {
            "what": f"word diff, {len(pairs):,} typical pairs ({tokens:,} tokens)",
            "newsdiff": ours,
            "baseline": base,
            "baseline_note": "difflib SequenceMatcher on the same tokens (incl. tokenising)",
            "ratio": base / ours,
            "extra": f"{tokens / ours / 1e6:.2f} M tokens/s (difflib {tokens / base / 1e6:.2f} M)",
        },
        {
            "what": "word diff, pathological 20,000-token pair (shuffled)",
            "newsdiff": patho,
            "baseline": patho_base,
            "baseline_note": "difflib SequenceMatcher (autojunk on: not minimal)",
            "ratio": patho_base / patho,
        },
    ]


def _tmux_wait(session: str, pattern: str, timeout: float = 120.0) -> float:
    """Seconds until ``pattern`` shows in the pane."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        screen = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True, check=False
        ).stdout
        if pattern in screen:
            return time.perf_counter() - start
        time.sleep(0.01)
    raise TimeoutError(pattern)


def bench_scroll_in_tmux(a: Path, b: Path, rows: int) -> dict[str, object]:
    """The real program in a real (tmux) terminal: key presses until the screen shows them."""
    session = f"newsdiff-bench-{os.getpid()}"
    newsdiff = str(Path(sys.executable).with_name("newsdiff"))
    subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", newsdiff, str(a), str(b)],
        check=True,
    )
    try:
        _tmux_wait(session, "2 articles")
        opened = 0.0
        for _ in range(50):  # "c" is greyed out until loading finishes
            subprocess.run(["tmux", "send-keys", "-t", session, "c"], check=True)
            try:
                opened = _tmux_wait(session, f"row 1 of {rows}", timeout=5.0)
                break
            except TimeoutError:
                continue
        subprocess.run(["tmux", "send-keys", "-t", session, *["j"] * 100], check=True)
        hundred = _tmux_wait(session, f"row 101 of {rows}")
        subprocess.run(["tmux", "send-keys", "-t", session, "G"], check=True)
        end = _tmux_wait(session, f"row {rows} of {rows}")
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True, check=False)
    return {
        "what": f"{rows:,}-row comparison in tmux: open / 100 x j / G to the end",
        "newsdiff": opened,
        "extra": f"{hundred * 10:.0f} ms per j (shown on screen); G to the end {end:.2f} s",
    }


def _launch_to_story(probe: str) -> float:
    """Seconds from launching the process to the story table filled: what a user waits for. Not
    the child's whole wall time, which also counts the app's shutdown and the interpreter's exit."""
    env = {**os.environ, "PROBE_LAUNCHED_AT": repr(time.time())}
    out = subprocess.run([sys.executable, probe, "start"], env=env, capture_output=True, check=True).stdout
    return float(json.loads(out)["seconds"])


def bench_app(tmp: Path, big: tuple[Path, Path] | None = None) -> list[dict[str, object]]:
    probe = str(HERE / "app_probe.py")
    starts = [_launch_to_story(probe) for _ in range(5)]
    opens = [json.loads(run_measured([sys.executable, probe, "compare"])[2])["seconds"] for _ in range(7)]
    results: list[dict[str, object]] = [
        {
            "what": "app start to story table filled (seeds, headless, from the launch)",
            "newsdiff": statistics.median(starts),
            "extra": f"median of {len(starts)}; range {min(starts) * 1000:.0f}-{max(starts) * 1000:.0f} ms",
        },
        {
            "what": "open a comparison of two seeds (press c -> first line of rows drawn, headless)",
            "newsdiff": statistics.median(opens),
            "extra": f"median of {len(opens)}; range {min(opens) * 1000:.0f}-{max(opens) * 1000:.0f} ms",
        },
    ]
    if big is not None:
        cancel = json.loads(run_measured([sys.executable, probe, "cancel", str(big[0]), str(big[1])])[2])
        results.append(
            {
                "what": "leave (escape) 1 s into aligning 20,000 paragraphs: until the worker stopped",
                "newsdiff": cancel["leave_seconds"],
                "extra": f"quitting instead: the app exits in {cancel['quit_seconds'] * 1000:.0f} ms",
            }
        )
    if shutil.which("tmux"):
        doc = planted(5000)
        a = write(doc.a, tmp / "scroll_a.txt")
        b = write(doc.b, tmp / "scroll_b.txt")
        from newsdiff.core.comparison.model import compare
        from newsdiff.core.loader import load_article

        total = len(compare(load_article(a), load_article(b)).rows)
        results.append(bench_scroll_in_tmux(a, b, total))
    return results


def _probe(*args: str) -> dict[str, float]:
    result: dict[str, float] = json.loads(
        run_measured([sys.executable, str(HERE / "app_probe.py"), *args])[2]
    )
    return result


def _pair_folder(folder: Path, a: str, b: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(a, encoding="utf-8")
    (folder / "b.txt").write_text(b, encoding="utf-8")
    return folder


def bench_responsiveness(tmp: Path) -> list[dict[str, object]]:
    """What tests/app/test_app_huge.py and test_app_reader.py check by the order of events, in
    seconds, each against the work a screen that waited for it would wait for (measured here)."""
    from newsdiff.core.comparison.model import compare
    from newsdiff.core.loader import load_article
    from newsdiff.core.worddiff import diff_words

    pick = random.Random(7).choice
    words = ["council", "budget", "mayor", "vote", "river", "bridge", "school", "tax", "rent", "court"]
    tiny = [f"Item {i} {pick(words)} {pick(words)}." for i in range(10_000)]
    folder = _pair_folder(
        tmp / "tiny", "\n\n".join(tiny), "\n\n".join(p.replace("river", "lake") for p in tiny)
    )
    start = time.perf_counter()
    compare(load_article(folder / "a.txt"), load_article(folder / "b.txt"))
    aligning = time.perf_counter() - start
    huge = _probe("huge", str(folder))
    rng = random.Random(8)
    line = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(100_000))
    long_folder = _pair_folder(tmp / "line", line, line[:50_000] + "XYZ" + line[50_003:])
    start = time.perf_counter()
    pair = compare(load_article(long_folder / "a.txt"), load_article(long_folder / "b.txt"))
    diff_words(pair.a.paragraphs[0].text, pair.b.paragraphs[0].text)
    line_core = time.perf_counter() - start
    line_open = _probe("compare", str(long_folder))["seconds"]
    paragraph = " ".join(f"word{k % 97}" for k in range(50)) + "."
    book = tmp / "book"
    book.mkdir()
    (book / "long.txt").write_text(
        "A very long report.\n\n" + "\n\n".join([paragraph] * 1000), encoding="utf-8"
    )
    (book / "short.txt").write_text("Short one.\n\nTwo paragraphs.\n", encoding="utf-8")
    read = _probe("reader", str(book))
    return [
        {
            "what": "a key (?) while aligning 10,000 x 10,000 tiny paragraphs: until the help shows",
            "newsdiff": huge["help_seconds"],
            "baseline": aligning,
            "baseline_note": "the alignment itself, which a screen that waited for it would wait for"
            + ("" if huge["during"] else " (it finished first this time)"),
            "ratio": aligning / huge["help_seconds"],
            "extra": f"the comparison opened in {huge['open_seconds']:.2f} s; G i g space j "
            f"{huge['keys_seconds']:.2f} s",
        },
        {
            "what": "open one 100,000-character line without spaces (press c -> rows drawn, headless)",
            "newsdiff": line_open,
            "baseline": line_core,
            "baseline_note": "the core's alignment and word diff of the pair alone, nothing drawn",
        },
        {
            "what": "open a 50,000-word article in the reader (enter -> first screens laid out)",
            "newsdiff": read["first_seconds"],
            "baseline": read["whole_seconds"],
            "baseline_note": "until all of it is wrapped (in a thread, after the first paint)",
            "ratio": read["whole_seconds"] / read["first_seconds"],
        },
    ]


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = f"{platform.system()} {platform.machine()}"
    return f"{os.cpu_count()} cores, {cpu}, Python {platform.python_version()}, {system}"


def fmt(seconds: object) -> str:
    if not isinstance(seconds, float):
        return "—"
    return f"{seconds * 1000:.0f} ms" if seconds < 1 else f"{seconds:.2f} s"


def table(results: list[dict[str, object]]) -> str:
    lines = [
        "| benchmark | newsdiff | naive baseline | speed-up | peak memory | recall / precision | notes |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        ratio = r.get("ratio")
        ratio = "—" if not isinstance(ratio, float) else f"{ratio:,.0f}x" if ratio >= 1 else f"{ratio:.2f}x"
        peak = f"{r['peak_mb']} MB" if "peak_mb" in r else "—"
        quality = f"{r['recall']:.3f} / {r['precision']:.3f}" if "recall" in r else "—"
        notes = "; ".join(str(x) for x in (r.get("baseline_note"), r.get("extra")) if x)
        cells = [str(r["what"]), fmt(r["newsdiff"]), fmt(r.get("baseline")), ratio, peak, quality, notes]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--write", action="store_true", help="refresh benchmarks.md")
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument(
        "--only",
        choices=("align", "app", "store"),
        help="one group (no --write: the file's table holds them all): align and word diff; the app; "
        "the subscription store (refresh and the stories screen, SQLite and PostgreSQL)",
    )
    args = parser.parse_args()
    if args.only and args.write:
        parser.error("--write rewrites the whole table: run every group")
    results: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        if args.only in (None, "align", "app"):
            sizes = [(500, 3, 5)] if args.quick else [(2000, 5, 5), (20000, 1, 2)]
            for n, repeats, sample in sizes:
                results.append(bench_align(n, repeats, sample, tmp))
                print(table(results[-1:]).splitlines()[-1], flush=True)
        if args.only in (None, "align"):
            results.extend(bench_worddiff(300 if args.quick else 2000))
        if args.only in (None, "app"):
            big = (tmp / "a20000.txt", tmp / "b20000.txt")
            results.extend(bench_app(tmp, None if args.quick else big))
            results.extend(bench_responsiveness(tmp))
        if args.only in (None, "store"):
            from store_rows import bench_store

            results.extend(bench_store(args.quick))
    print()
    print(f"Machine: {machine()}")
    print(table(results))
    if args.write:
        text = (
            "# Benchmarks\n\n"
            "Made by `python tests/benchmarks/run.py --write` (inputs generated from `seeds/`; "
            "see the script's docstring). Medians; whole-process figures include Python start-up "
            "and imports.\n\n"
            f"Machine: {machine()}. Measured {time.strftime('%Y-%m-%d')}.\n\n" + table(results) + "\n"
        )
        target = REPO / "benchmarks.md"
        # Sections written by hand or by other scripts ("## ...") follow the table: keep them.
        old = target.read_text(encoding="utf-8") if target.exists() else ""
        kept = old[old.index("\n## ") :] if "\n## " in old else ""
        target.write_text(text + kept, encoding="utf-8")
        print(f"\nwrote {target}")


if __name__ == "__main__":
    _ = SEEDS
    main()
