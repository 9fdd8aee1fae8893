"""``newsdiff coverage`` and ``newsdiff lineage`` from the command line (in process, via main)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsdiff.cli import main

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.fixture(autouse=True)
def _no_user_config(monkeypatch: pytest.MonkeyPatch) -> None:
    """coverage and lineage read the settings file: an empty one, not the developer's own."""
    monkeypatch.setenv("NEWSDIFF_CONFIG", os.devnull)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_coverage_json_on_the_seed_folder(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "coverage", str(SEEDS), "--format", "json")
    assert code == 0 and err == ""
    data = json.loads(out)
    assert len(data["articles"]) == 5
    assert data["reports"][0]["sources"] >= data["reports"][-1]["sources"]
    assert "The Washington Times" in data["exclusive"]


def test_coverage_markdown_is_the_default(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "coverage", str(SEEDS / "001_ee081a7865b12ef2.txt"), str(SEEDS / "004_0585261c54842d1b.txt")
    )
    assert code == 0
    assert out.startswith("# Coverage\n") and "| # | sources | 1 | 2 | report |" in out


def test_lineage_json_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lineage", str(SEEDS), "--format", "json")
    assert code == 0
    data = json.loads(out)
    top = data["pairs"][0]
    assert {Path(top["a"]).name[:3], Path(top["b"]).name[:3]} == {"001", "004"}
    assert "004_0585261c54842d1b.txt condenses The Associated Press" in top["sentence"]
    code, out, _ = run(capsys, "lineage", str(SEEDS))
    assert code == 0 and out.startswith("# Rewrite lineage") and "condenses" in out


def test_bad_input_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "lineage", str(SEEDS / "000_95466348c53fcc14.txt"))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "needs at least two" in err
    code, _, err = run(capsys, "coverage", str(tmp_path / "missing.txt"), str(SEEDS))
    assert code == 0 and "skipped" in err and "missing.txt" in err
    code, _, err = run(capsys, "coverage", str(SEEDS), "--format", "xml")
    assert code == 2 and err.startswith("newsdiff: ")
