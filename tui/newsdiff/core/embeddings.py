"""Static word embeddings for meaning-level similarity, shipped offline with the ``wordllama`` package.

WordLlama's ``l2_supercat_256`` model is a 32,000 x 256 token embedding table distilled from large
language models (its wheel carries the weights, 16 MB, and the tokenizer): a text's vector is the
mean of its tokens' vectors. That is fast (no neural network runs) and knows that "fight" and
"struggle", "handshake" and "shook hands" are close, which word overlap cannot.

The model files are read here with ``tokenizers`` and ``safetensors`` (wordllama's own
dependencies) rather than through ``wordllama.WordLlama.load``, because importing ``wordllama``
configures the root logger at INFO on stderr (so every httpx request would be printed over the
terminal UI), pulls in pydantic (about 1 s of import), and its 0.4.0.post1 loader looks for the
tokenizer in a wrong folder and then tries to download it. Nothing is ever downloaded here: the
files are located inside the installed package without importing it.
"""

from __future__ import annotations

import functools
import importlib.util
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from newsdiff.core.errors import InputError

if TYPE_CHECKING:
    from tokenizers import Tokenizer

MODEL = "l2_supercat_256"
_TOKENS_PER_CHUNK = 200_000
"""Token vectors gathered at once: bounds memory (200,000 x 256 floats, 200 MB) on huge inputs."""
MAX_CHARS = 20_000
"""Characters of a text that are embedded (about 4,000 words): the mean of its token vectors has
long settled by then, and a 10 MB paragraph would otherwise cost gigabytes and seconds."""


class ModelMissingError(InputError):
    """The wordllama package (a declared dependency) or its model files are not installed: a broken
    install, told as one line like any other error the user can fix."""


def _package_dir() -> Path:
    spec = importlib.util.find_spec("wordllama")
    if spec is None or not spec.submodule_search_locations:
        raise ModelMissingError("the wordllama package is not installed (pip install wordllama)")
    return Path(next(iter(spec.submodule_search_locations)))


_LOADING = threading.Lock()


def _model() -> tuple[Tokenizer, np.ndarray]:
    """The tokenizer and the vector table, loaded once: the app's warm-up thread and a comparison
    may ask at the same moment, and the second waits for the first instead of loading again."""
    with _LOADING:
        return _load()


@functools.cache
def _load() -> tuple[Tokenizer, np.ndarray]:
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    root = _package_dir()
    tokenizer_file = root / "tokenizers" / "l2_supercat_tokenizer_config.json"
    weights_file = root / "weights" / f"{MODEL}.safetensors"
    if not tokenizer_file.is_file() or not weights_file.is_file():
        raise ModelMissingError(f"wordllama's {MODEL} model files are missing from {root}")
    tokenizer = Tokenizer.from_file(str(tokenizer_file))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    table = load_file(str(weights_file))["embedding.weight"].astype(np.float32)
    return tokenizer, table


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length mean token vectors of ``texts`` (one row each; a text with no token is all zeros)."""
    out = np.zeros((len(texts), 256), dtype=np.float32)
    if not texts:
        return out
    tokenizer, table = _model()
    encodings = tokenizer.encode_batch([t[:MAX_CHARS] for t in texts], add_special_tokens=False)
    start = 0
    while start < len(encodings):
        # Gather the token vectors of a chunk of texts and sum them per text (reduceat).
        stop, tokens = start, 0
        while stop < len(encodings) and (
            tokens == 0 or tokens + len(encodings[stop].ids) <= _TOKENS_PER_CHUNK
        ):
            tokens += len(encodings[stop].ids)
            stop += 1
        lengths = np.fromiter((len(e.ids) for e in encodings[start:stop]), dtype=np.int64, count=stop - start)
        if tokens:
            ids = np.fromiter((i for e in encodings[start:stop] for i in e.ids), dtype=np.int64, count=tokens)
            np.clip(ids, 0, len(table) - 1, out=ids)
            vectors = table[ids]
            offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
            has = lengths > 0
            out[start:stop][has] = np.add.reduceat(vectors, offsets[has], axis=0)
        start = stop
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    result: np.ndarray = out / norms
    return result
