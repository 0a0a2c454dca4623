"""structlog configuration: one JSON line per event, personal data masked on the way out.

All services log through :func:`get_logger`; the redaction processor is the single
choke point that keeps e-mail addresses, card-like digit runs and phone numbers out
of the logs, whatever a caller passes in.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Mapping, MutableMapping
from typing import Any

import structlog

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Seven or more digits, optionally grouped by spaces, dots, dashes or a parenthesised
# area code: cards, IBAN tails, phone numbers, account numbers. Platform ids (which are
# long digit runs on X) are logged only under the safe keys below.
_DIGITS = re.compile(r"(?<![\w])\+?\(?\d(?:\)?[ .\-]?\(?\d){6,}(?![\w])")
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b")


def redact_text(text: str) -> str:
    """Mask personal data patterns in free text."""
    text = _EMAIL.sub("[email]", text)
    text = _IBAN.sub("[iban]", text)
    return _DIGITS.sub("[number]", text)


def _redact(value: Any) -> Any:
    if isinstance(value, str):
        return redact_text(value)
    if isinstance(value, Mapping):
        return {k: _redact(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(_redact(v) for v in value)
    return value


# Keys whose values are our own identifiers and safe to log verbatim.
_SAFE_KEYS = frozenset(
    {
        "timestamp",
        "level",
        "logger",
        "service",
        "topic",
        "partition",
        "offset",
        "event_id",
        "case_id",
        "action_id",
        "queue",
        "port",
        "bootstrap_servers",
        "duration_ms",
        "count",
    }
)


def redaction_processor(
    _logger: Any, _method: str, event_dict: MutableMapping[str, Any]
) -> MutableMapping[str, Any]:
    for key, value in list(event_dict.items()):
        if key not in _SAFE_KEYS:
            event_dict[key] = _redact(value)
    return event_dict


def configure_logging(level: str = "INFO", fmt: str = "json", service: str = "carerouter") -> None:
    """Configure structlog and the stdlib root logger (faust, aiokafka) once per process."""
    numeric = logging.getLevelName(level)
    logging.basicConfig(stream=sys.stderr, level=numeric, format="%(message)s", force=True)
    # Libraries are chatty at INFO (every rebalance table); keep them at WARNING.
    for noisy in ("aiokafka", "faust", "mode", "kafka"):
        logging.getLogger(noisy).setLevel(max(numeric, logging.WARNING))
    renderer: Any = (
        structlog.processors.JSONRenderer()
        if fmt == "json"
        else structlog.dev.ConsoleRenderer(colors=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            redaction_processor,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.bind_contextvars(service=service)


def get_logger(name: str) -> structlog.typing.FilteringBoundLogger:
    logger: structlog.typing.FilteringBoundLogger = structlog.get_logger(name)
    return logger
