"""Fit the paraphrase scorer's weights (``core/paraphrase.py``) on the hand-labelled seed pairs.

A logistic regression (plain gradient descent, L2 penalty 1e-3, standardised features) of "sure
link" against every body paragraph pair of the ten labelled seed pairs. Prints the weights with the
standardisation folded in, ready to paste into ``paraphrase.WEIGHTS``/``BIAS``, and the
leave-one-pair-out check: fitted on nine pairs, links above the cut-off counted on the tenth (one
link per paragraph pair, before the aligner's grouping), so the reported quality is not only that
of the data the weights were fitted on.

    python tests/benchmarks/fit_paraphrase.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests"))

from newsdiff.core.loader import load_paths  # noqa: E402
from newsdiff.core.paraphrase import DEFAULT_CUTOFF, FEATURES, features  # noqa: E402
from support.pairing_labels import load_labels  # noqa: E402


def dataset() -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray]]:
    articles = {Path(a.path).name[:3]: a for a in load_paths([REPO / "seeds"]).articles}
    out = []
    for labels in load_labels():
        body_a = [p for p in articles[labels.a].paragraphs if p.is_body]
        body_b = [p for p in articles[labels.b].paragraphs if p.is_body]
        x = features([p.text for p in body_a], [p.text for p in body_b]).reshape(-1, len(FEATURES))
        keys = [(p.index, q.index) for p in body_a for q in body_b]
        sure = np.array([k in labels.sure for k in keys])
        ok = np.array([k in labels.sure or k in labels.possible for k in keys])
        out.append((f"{labels.a} vs {labels.b}", x, sure, ok))
    return out


def fit(x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, float]:
    mu, sd = x.mean(axis=0), x.std(axis=0)
    sd[sd == 0] = 1.0
    xn = (x - mu) / sd
    w, b = np.zeros(x.shape[1]), 0.0
    for _ in range(3000):
        p = 1.0 / (1.0 + np.exp(-(xn @ w + b)))
        g = p - y
        w -= 0.2 * (xn.T @ g / len(y) + 1e-3 * w)
        b -= 0.2 * float(g.mean())
    return w / sd, b - float((w * mu / sd).sum())


def main() -> None:
    data = dataset()
    weights, bias = fit(np.concatenate([d[1] for d in data]), np.concatenate([d[2] for d in data]))
    print("WEIGHTS = np.array([" + ", ".join(f"{w:.4f}" for w in weights) + "])")
    print(f"BIAS = {bias:.4f}")
    found = correct = sure = sure_found = 0
    for k, (name, x, y, ok) in enumerate(data):
        rest = [d for j, d in enumerate(data) if j != k]
        w, b = fit(np.concatenate([d[1] for d in rest]), np.concatenate([d[2] for d in rest]))
        pred = x @ w + b >= DEFAULT_CUTOFF
        found, correct = found + int(pred.sum()), correct + int((pred & ok).sum())
        sure, sure_found = sure + int(y.sum()), sure_found + int((pred & y).sum())
        print(
            f"  held out {name}: precision {(pred & ok).sum() / max(pred.sum(), 1):.2f}, "
            f"recall {(pred & y).sum() / max(y.sum(), 1):.2f}"
        )
    print(
        f"leave-one-pair-out, links above {DEFAULT_CUTOFF}: precision {correct / max(found, 1):.3f}, "
        f"recall {sure_found / sure:.3f}"
    )


if __name__ == "__main__":
    main()
