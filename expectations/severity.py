"""Severity of an expectation, carried in its ``meta``: ``{"severity": "error"}`` or ``"warn"``.

- ``error``: blocking. A failure fails the suite, and the publication waits.
- ``warn``: non-blocking. A failure is reported (and shown in Data Docs) but the suite passes.

An expectation without a recognised severity is treated as ``error`` (fail safe). An expectation
that GX could not evaluate is blocking whatever its severity: a check that did not run is not a
pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

ERROR = "error"
WARN = "warn"
SEVERITIES = (ERROR, WARN)


def blocking(**extra: Any) -> dict[str, Any]:
    """``meta`` of a blocking expectation; ``extra`` keys are kept (e.g. ``why="..."``)."""
    return {"severity": ERROR, **extra}


def non_blocking(**extra: Any) -> dict[str, Any]:
    """``meta`` of a non-blocking (warning) expectation."""
    return {"severity": WARN, **extra}


def severity_of(meta: Mapping[str, Any] | None) -> str:
    value = (meta or {}).get("severity")
    return value if value in SEVERITIES else ERROR
