"""Publishing: append-only audit log, publication gate, atomic swap of the published file.

Plain Python (no Dagster import): the orchestration layer wraps ``publish`` in an asset.

The names below are imported on first use (PEP 562): the code location imports
``publishing.scopes`` at load, and that must not pull in DuckDB and pyarrow with the publisher.
"""

import importlib

_EXPORTS = {
    "append": "audit_log",
    "read": "audit_log",
    "current_code_version": "code_version",
    "table_content_hash": "content_hash",
    "GateDecision": "gate",
    "decide": "gate",
    "PostCommitError": "publisher",
    "PublicationResult": "publisher",
    "publish": "publisher",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_EXPORTS[name]}"), name)
