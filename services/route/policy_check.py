"""Check a care-policy YAML file and report every problem with its file, line and key path.

``carerouter policy check FILE`` builds on :func:`check_policy_file`. The YAML is composed
into a node tree first, so that every key and value keeps its position in the file; the
Python data built from that tree (with ``yaml.safe_load`` semantics) is then validated by
:class:`~carerouter.route.policy.Policy`, and each validation error is traced back through
the tree to the line it is about. Duplicate mapping keys, which ``safe_load`` silently
resolves by keeping the last one, are reported as problems too.
"""

from __future__ import annotations

import difflib
import re
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

if TYPE_CHECKING:
    from carerouter.route.policy import Policy

__all__ = ["PolicyProblem", "check_policy_file", "check_policy_text", "format_problems"]

Segment = str | int
KeyOf = Callable[[Node], object]
_MERGE_TAG = "tag:yaml.org,2002:merge"
_NULL_TAG = "tag:yaml.org,2002:null"
_PLAIN_KEY = re.compile(r"^[A-Za-z_][\w-]*$")
# A key path at the start of a validator's message: "rules[2] (name): ...", "default_queue ...".
_MESSAGE_PATH = re.compile(
    r"^(?P<path>[A-Za-z_][\w-]*(?:\[\d+\]|\.[A-Za-z_][\w-]*)*)"
    r"(?:\s*\([^)]*\))?(?P<sep>:\s*|\s+|$)"
)
_PATH_PART = re.compile(r"\[(\d+)\]|\.?([A-Za-z_][\w-]*)")
_QUOTED = re.compile(r"'([^']*)'|\"([^\"]*)\"")
_PYDANTIC_PREFIXES = ("Value error, ", "Assertion failed, ")


@dataclass(frozen=True)
class PolicyProblem:
    """One thing wrong with a policy file; ``line`` and ``column`` are 1-based."""

    file: str
    line: int | None
    column: int | None
    key: str
    message: str

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        if self.key:
            return f"{where}: {self.key}: {self.message}"
        return f"{where}: {self.message}"


def format_problems(problems: Iterable[PolicyProblem]) -> str:
    """One problem a line, in the ``file:line:column: key: message`` form editors follow."""
    return "\n".join(str(problem) for problem in problems)


def check_policy_file(path: Path) -> tuple[Policy | None, list[PolicyProblem]]:
    """Check the policy file at ``path``; the policy is returned only when there is no problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return None, [PolicyProblem(str(path), None, None, "", f"cannot read the file: {reason}")]
    return check_policy_text(text, file=str(path))


def check_policy_text(
    text: str, file: str = "<policy>"
) -> tuple[Policy | None, list[PolicyProblem]]:
    """Check policy YAML ``text``; ``file`` names it in the problems.

    Returns the validated policy and no problems, or ``None`` and every problem found.
    """
    from carerouter.route.policy import Policy  # noqa: PLC0415 - policy may import this module

    try:
        return _Checker(text, file).run(Policy)
    except RecursionError:
        return None, [PolicyProblem(file, None, None, "", "the YAML is nested too deeply")]


class _Checker:
    def __init__(self, text: str, file: str) -> None:
        self.text = text
        self.file = file
        # Builds Python values from nodes; it never reads a stream of its own.
        self.constructor = yaml.SafeLoader("")
        self.problems: list[PolicyProblem] = []

    def run(self, model: type[Policy]) -> tuple[Policy | None, list[PolicyProblem]]:
        try:
            root = yaml.compose(self.text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as exc:
            return None, [self._yaml_problem(exc)]
        if root is None or (
            isinstance(root, ScalarNode) and root.tag == _NULL_TAG and not root.value
        ):
            message = "the file is empty; expected a mapping of policy settings"
            return None, [PolicyProblem(self.file, 1, None, "", message)]
        if isinstance(root, ScalarNode) and root.tag == _NULL_TAG:
            message = "the document is empty (null); expected a mapping of policy settings"
            return None, [self._at(root, (), message)]
        if not isinstance(root, MappingNode):
            kind = "a list" if isinstance(root, SequenceNode) else "a single value"
            message = f"expected a mapping of policy settings at the top level, found {kind}"
            return None, [self._at(root, (), message)]

        self._find_duplicate_keys(root, (), set())
        try:
            data = self.constructor.construct_document(root)
        except yaml.YAMLError as exc:
            return None, [*self.problems, self._yaml_problem(exc)]

        policy: Policy | None = None
        try:
            policy = model.model_validate(data)
        except ValidationError as exc:
            for error in exc.errors(include_url=False):
                self.problems.append(self._validation_problem(root, model, error))
        self.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        return (None if self.problems else policy), self.problems

    # -- YAML -------------------------------------------------------------------------------

    def _yaml_problem(self, exc: yaml.YAMLError) -> PolicyProblem:
        if isinstance(exc, yaml.MarkedYAMLError):
            mark = exc.problem_mark or exc.context_mark
            message = f"invalid YAML: {exc.problem or exc.context or 'cannot parse'}"
            if exc.context and exc.problem:
                context_line = exc.context_mark.line if exc.context_mark is not None else None
                same_line = context_line is None or (mark is not None and context_line == mark.line)
                near = "" if same_line or context_line is None else f" (line {context_line + 1})"
                message = f"invalid YAML: {exc.context}{near}: {exc.problem}"
            if mark is None:
                return PolicyProblem(self.file, None, None, "", message)
            return PolicyProblem(self.file, mark.line + 1, mark.column + 1, "", message)
        if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.position, int):
            line = self.text.count("\n", 0, exc.position) + 1
            column = exc.position - (self.text.rfind("\n", 0, exc.position) + 1) + 1
            character = exc.character
            shown = f"#x{character:04x}" if isinstance(character, int) else repr(character)
            message = f"invalid YAML: {exc.reason} ({shown})"
            return PolicyProblem(self.file, line, column, "", message)
        return PolicyProblem(self.file, None, None, "", f"invalid YAML: {exc}")

    def _key(self, node: Node) -> object:
        """The Python value of a scalar mapping key (as safe_load builds it)."""
        try:
            return self.constructor.construct_object(node)
        except yaml.YAMLError:
            return node.value

    def _find_duplicate_keys(
        self, node: Node, path: tuple[Segment, ...], seen_nodes: set[int]
    ) -> None:
        if id(node) in seen_nodes:  # an alias of a node already looked at
            return
        seen_nodes.add(id(node))
        if isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                self._find_duplicate_keys(item, (*path, index), seen_nodes)
        elif isinstance(node, MappingNode):
            first: dict[object, Node] = {}
            for key_node, value_node in node.value:
                if key_node.tag == _MERGE_TAG:  # "<<: *defaults" may be overridden on purpose
                    self._find_duplicate_keys(value_node, path, seen_nodes)
                    continue
                key = self._key(key_node) if isinstance(key_node, ScalarNode) else None
                if not _hashable(key) or key is None:
                    self._find_duplicate_keys(value_node, path, seen_nodes)
                    continue
                key_path = (*path, _segment(key))
                earlier = first.get(key)
                if earlier is not None:
                    message = (
                        f"duplicate key {key!r}: first defined on line "
                        f"{earlier.start_mark.line + 1}, again on line "
                        f"{key_node.start_mark.line + 1} (only the last one would be used)"
                    )
                    self.problems.append(self._at(key_node, key_path, message))
                else:
                    first[key] = key_node
                self._find_duplicate_keys(value_node, key_path, seen_nodes)

    # -- validation errors -------------------------------------------------------------------

    def _validation_problem(
        self, root: Node, model: type[BaseModel], error: ErrorDetails
    ) -> PolicyProblem:
        loc: tuple[Segment, ...] = tuple(error["loc"])
        kind: str = error["type"]
        message: str = error["msg"]
        for prefix in _PYDANTIC_PREFIXES:
            message = message.removeprefix(prefix)

        found = _walk(root, loc, self._key)
        if kind == "missing" and found.missing:
            message = "this required key is missing"
        elif kind == "extra_forbidden" and found.key_node is not None:
            message = f"unknown key {found.path[-1]!r}"
            suggestion = _suggest(model, found.path)
            if suggestion:
                message += f"; did you mean {suggestion!r}?"
            return self._at(found.key_node, found.path, message)
        elif kind in ("value_error", "assertion_error"):
            found, message = self._follow_message(found, message)
        elif _is_plain(error.get("input")):
            message += f" (got {error['input']!r})"
        return self._at(found.node, (*found.path, *found.missing), message, found.key_node)

    def _follow_message(self, found: _Found, message: str) -> tuple[_Found, str]:
        """Narrow a validator's error down by the key path its message starts with."""
        match = _MESSAGE_PATH.match(message)
        if match is None:
            return found, message
        parts = _parse_path(match["path"])
        inner = _walk(found.node, parts, self._key)
        if len(inner.missing) == len(parts):
            return found, message  # the leading words are not a key path after all
        node, key_node = inner.node, inner.key_node or found.key_node
        path = (*found.path, *inner.path)
        if match["sep"].startswith(":"):
            message = message[match.end() :] or message
        hit = self._find_quoted_value(node, message)
        if hit is not None:
            node, key_node, path = hit[0], None, (*path, *hit[1])
        return _Found(node, key_node, path, found.missing), message

    def _find_quoted_value(
        self, node: Node, message: str
    ) -> tuple[Node, tuple[Segment, ...]] | None:
        """The value below ``node`` that the message quotes, as in "unknown queue 'billing'"."""
        quoted = {a or b for a, b in _QUOTED.findall(message)}
        if not quoted:
            return None
        candidates = [
            (found, subpath)
            for found, subpath in _scalars(node, (), set(), self._key)
            if isinstance(self._key(found), str) and self._key(found) in quoted
        ]
        if not candidates:
            return None
        words = set(re.findall(r"[A-Za-z_]\w*", message))
        for found, subpath in candidates:
            if subpath and isinstance(subpath[-1], str) and subpath[-1] in words:
                return found, subpath
        return candidates[0]

    def _at(
        self, node: Node, path: Sequence[Segment], message: str, key_node: Node | None = None
    ) -> PolicyProblem:
        # A block mapping or list is reported where its key is, not at its first entry.
        at_key = key_node is not None and isinstance(node, MappingNode | SequenceNode)
        mark = key_node.start_mark if at_key and key_node is not None else node.start_mark
        line = mark.line + 1 if mark is not None else None
        column = mark.column + 1 if mark is not None else None
        return PolicyProblem(self.file, line, column, _format_path(path), message)


# -- the node tree ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Found:
    node: Node  # the deepest node reached
    key_node: Node | None  # the key of ``node`` when it is a mapping's value
    path: tuple[Segment, ...]  # the segments that were reached
    missing: tuple[Segment, ...]  # the segments that lead nowhere (a missing key, say)


def _walk(node: Node, loc: Sequence[Segment], key_of: KeyOf) -> _Found:
    """Follow ``loc`` (a pydantic error location) from ``node`` as far as the tree allows."""
    key_node: Node | None = None
    path: list[Segment] = []
    for index, segment in enumerate(loc):
        if segment == "[key]":  # the error is about a dict key itself
            node = key_node or node
            continue
        child = _child(node, segment, key_of)
        if child is not None:
            key_node, node = child
            path.append(segment)
        elif isinstance(segment, str) and ("[" in segment or "(" in segment):
            continue  # a union member's tag, such as "list[str]": not part of the file
        else:
            rest = [s for s in loc[index:] if not (isinstance(s, str) and "[" in s)]
            return _Found(node, key_node, tuple(path), tuple(rest))
    return _Found(node, key_node, tuple(path), ())


def _child(node: Node, segment: Segment, key_of: KeyOf) -> tuple[Node | None, Node] | None:
    if isinstance(node, SequenceNode):
        if isinstance(segment, int) and 0 <= segment < len(node.value):
            item: Node = node.value[segment]
            return None, item
        return None
    if not isinstance(node, MappingNode):
        return None
    pairs: list[tuple[Node, Node]] = [p for p in node.value if p[0].tag != _MERGE_TAG]
    for key_node, value_node in reversed(pairs):  # the last of duplicate keys wins
        if isinstance(key_node, ScalarNode):
            key = key_of(key_node)
            if key == segment and type(key) is type(segment):
                return key_node, value_node
    for key_node, value_node in reversed(pairs):
        if isinstance(key_node, ScalarNode) and key_node.value == segment:
            return key_node, value_node
    return None


def _scalars(
    node: Node, path: tuple[Segment, ...], seen: set[int], key_of: KeyOf
) -> Iterator[tuple[Node, tuple[Segment, ...]]]:
    """Every scalar value (not key) below ``node``, in document order, with its path."""
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, ScalarNode):
        yield node, path
    elif isinstance(node, SequenceNode):
        for index, item in enumerate(node.value):
            yield from _scalars(item, (*path, index), seen, key_of)
    elif isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode):
                key = key_of(key_node)
                if _hashable(key):
                    yield from _scalars(value_node, (*path, _segment(key)), seen, key_of)


def _parse_path(text: str) -> tuple[Segment, ...]:
    return tuple(int(index) if index else name for index, name in _PATH_PART.findall(text))


def _format_path(path: Iterable[Segment]) -> str:
    """``("rules", 2, "then", "queue")`` as ``rules[2].then.queue``."""
    out = ""
    for segment in path:
        if isinstance(segment, int):
            out += f"[{segment}]"
        elif _PLAIN_KEY.match(segment):
            out += f".{segment}" if out else segment
        else:
            out += f"[{segment!r}]"
    return out


def _segment(key: object) -> Segment:
    return key if isinstance(key, str | int) and not isinstance(key, bool) else str(key)


def _hashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _is_plain(value: object) -> bool:
    return value is None or isinstance(value, str | int | float | bool)


# -- suggestions for misspelled keys -----------------------------------------------------------


def _suggest(model: type[BaseModel], path: Sequence[Segment]) -> str | None:
    """The known key closest to the unknown last key of ``path``, if one is close."""
    if not path or not isinstance(path[-1], str):
        return None
    owner = _model_at(model, path[:-1])
    if owner is None:
        return None
    close = difflib.get_close_matches(path[-1], list(owner.model_fields), n=1, cutoff=0.6)
    return close[0] if close else None


def _model_at(model: type[BaseModel], path: Sequence[Segment]) -> type[BaseModel] | None:
    current: Any = model
    for segment in path:
        current = _unwrap(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(segment))
            if field is None:
                return None
            current = field.annotation
            continue
        origin, args = typing.get_origin(current), typing.get_args(current)
        if origin is list and isinstance(segment, int) and args:
            current = args[0]
        elif origin is dict and len(args) == 2:
            current = args[1]
        else:
            return None
    current = _unwrap(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return current
    return None


def _unwrap(annotation: Any) -> Any:
    """``X | None`` and ``Annotated[X, ...]`` as ``X``."""
    while True:
        origin = typing.get_origin(annotation)
        args = typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
        elif origin in (typing.Union, types.UnionType):
            members = [a for a in args if a is not type(None)]
            if len(members) != 1:
                return annotation
            annotation = members[0]
        else:
            return annotation
