"""Typed, path-aware access to untrusted JSON: every problem becomes a DeliveryError."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import NoReturn

from carerouter.ingest.channels.errors import DeliveryError

MAX_BODY_BYTES = 10 * 1024 * 1024
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not JSON")


def parse_json(raw: bytes, path: str = "") -> Node:
    """Parse a body (UTF-8 JSON) into a root Node."""
    where = path or "$"
    if len(raw) > MAX_BODY_BYTES:
        raise DeliveryError(where, f"body larger than {MAX_BODY_BYTES} bytes")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DeliveryError(where, f"not UTF-8 (byte {exc.start})") from None
    try:
        value = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise DeliveryError(where, f"invalid JSON: {exc.msg} at char {exc.pos}") from None
    except RecursionError:
        raise DeliveryError(where, "JSON nested too deeply") from None
    except ValueError as exc:  # huge integers, NaN/Infinity
        raise DeliveryError(where, f"invalid JSON: {exc}") from None
    return Node(value, path)


def describe(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return type(value).__name__


@dataclass(frozen=True, slots=True)
class Node:
    """A JSON value and the path it was found at."""

    value: object
    path: str

    # --- navigation -----------------------------------------------------------------

    def child_path(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, problem: str, key: str | None = None) -> NoReturn:
        raise DeliveryError(self.child_path(key) if key is not None else self.path, problem)

    def obj(self) -> Mapping[str, object]:
        if not isinstance(self.value, dict):
            self.fail(f"expected an object, got {describe(self.value)}")
        return self.value

    def has(self, key: str) -> bool:
        return self.opt(key) is not None

    def opt(self, key: str) -> Node | None:
        """The member ``key`` of this object, or None when absent or null."""
        value = self.obj().get(key)
        return None if value is None else Node(value, self.child_path(key))

    def req(self, key: str) -> Node:
        node = self.opt(key)
        if node is None:
            self.fail("missing" if key not in self.obj() else "must not be null", key)
        return node

    def first(self, *keys: str) -> Node | None:
        """The first of ``keys`` that is present and not null."""
        for key in keys:
            node = self.opt(key)
            if node is not None:
                return node
        return None

    def items(self) -> Iterator[Node]:
        if not isinstance(self.value, list):
            self.fail(f"expected an array, got {describe(self.value)}")
        for index, value in enumerate(self.value):
            yield Node(value, f"{self.path}[{index}]")

    def members(self) -> Iterator[tuple[str, Node]]:
        for key, value in self.obj().items():
            yield key, Node(value, self.child_path(key))

    def is_obj(self) -> bool:
        return isinstance(self.value, dict)

    def is_list(self) -> bool:
        return isinstance(self.value, list)

    # --- scalars --------------------------------------------------------------------

    def string(self) -> str:
        """A string without lone surrogates (which no platform sends in valid UTF-8)."""
        if not isinstance(self.value, str):
            self.fail(f"expected a string, got {describe(self.value)}")
        if _LONE_SURROGATE.search(self.value):
            self.fail("contains an unpaired UTF-16 surrogate")
        return self.value

    def text(self) -> str:
        """Free text: a string, where unpaired surrogates become U+FFFD."""
        if not isinstance(self.value, str):
            self.fail(f"expected a string, got {describe(self.value)}")
        return _LONE_SURROGATE.sub("\ufffd", self.value)

    def ident(self) -> str:
        """An id: a non-empty string, or a JSON integer (older Meta and X payloads)."""
        value = self.value
        if isinstance(value, int) and not isinstance(value, bool):
            if value < 0 or value >= 10**40:
                self.fail("not a valid numeric id")
            return str(value)
        if not isinstance(value, str):
            self.fail(f"expected an id (string or integer), got {describe(value)}")
        ident = self.string().strip()
        if not ident:
            self.fail("must not be empty")
        if len(ident) > 256:
            self.fail("longer than 256 characters")
        return ident

    def integer(self) -> int:
        value = self.value
        if isinstance(value, bool) or not isinstance(value, int | str):
            self.fail(f"expected an integer, got {describe(value)}")
        if isinstance(value, str):
            if not re.fullmatch(r"-?\d{1,19}", value.strip()):
                self.fail("expected an integer")
            return int(value.strip())
        return value

    def boolean(self) -> bool:
        """A boolean; the strings "true"/"false" are accepted too (X sends both)."""
        value = self.value
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return value.strip().lower() == "true"
        if isinstance(value, int) and value in (0, 1):
            return bool(value)
        self.fail(f"expected a boolean, got {describe(value)}")


def opt_text(node: Node, key: str) -> str:
    """Free text of an optional member; "" when absent or null."""
    child = node.opt(key)
    return "" if child is None else child.text()


def opt_ident(node: Node, key: str) -> str | None:
    child = node.opt(key)
    return None if child is None else child.ident()
