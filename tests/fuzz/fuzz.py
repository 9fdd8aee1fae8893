"""Coverage-guided fuzzing of the core with atheris.

    python tests/fuzz/fuzz.py tests/fuzz/corpus -max_total_time=60

New inputs that reach new code are added to the corpus folder; a crash writes ``crash-*`` and exits
non-zero. Keep interesting corpus files in the repo: ``test_corpus.py`` replays them on every run,
and a crash, once fixed, becomes a corpus file (a regression test).
"""

from __future__ import annotations

import sys

import atheris

with atheris.instrument_imports(include=["newsdiff"]):
    from target import exercise  # type: ignore[import-not-found]


def main() -> None:
    atheris.Setup(sys.argv, exercise)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
