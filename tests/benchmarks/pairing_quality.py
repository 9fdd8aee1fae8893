"""Precision and recall of paragraph pairing on the ten hand-labelled seed pairs.

Runs ``newsdiff align --format json A B`` (the installed program, as a user would) for every seed
pair labelled in ``tests/labels`` and scores its pairs against the labels (see
``tests/support/pairing_labels.py`` for how they were made and scored). ``--write`` puts the
table into benchmarks.md under "Pairing quality", keeping the "before" column it already holds.

    python tests/benchmarks/pairing_quality.py [--threshold T] [--write]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from support.pairing_labels import PairLabels, Quality, links_of, load_labels, quality  # noqa: E402

SEEDS = REPO / "seeds"


def seed_path(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def measure(labels: PairLabels, extra: list[str]) -> Quality:
    command = [sys.executable, "-m", "newsdiff", "align", "--format", "json"]
    command += [*extra, str(seed_path(labels.a)), str(seed_path(labels.b))]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return quality(links_of(json.loads(out)["pairs"]), labels)


def table(rows: list[tuple[PairLabels, Quality]]) -> str:
    lines = [
        "| pair | sure links | found | precision | recall (sure) |",
        "|---|---|---|---|---|",
    ]
    for labels, q in rows:
        lines.append(
            f"| {labels.a} vs {labels.b} | {q.sure} | {q.found} | {q.precision:.2f} | {q.recall:.2f} |"
        )
    found = sum(q.found for _, q in rows)
    correct = sum(q.correct for _, q in rows)
    sure = sum(q.sure for _, q in rows)
    sure_found = sum(q.sure_found for _, q in rows)
    lines.append(
        f"| all ten | {sure} | {found} | {correct / found if found else 1:.2f} | {sure_found / sure:.2f} |"
    )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", help="passed on to newsdiff align")
    args = parser.parse_args()
    extra = ["--threshold", args.threshold] if args.threshold else []
    rows = [(labels, measure(labels, extra)) for labels in load_labels()]
    print(table(rows))


if __name__ == "__main__":
    main()
