"""Publishing: append-only audit log, publication gate, atomic swap of the published file.

Plain Python (no Dagster import): the orchestration layer wraps ``publish`` in an asset.
"""

from orchestration.publishing.audit_log import append, read
from orchestration.publishing.code_version import current_code_version
from orchestration.publishing.content_hash import table_content_hash
from orchestration.publishing.gate import GateDecision, decide
from orchestration.publishing.publisher import PostCommitError, PublicationResult, publish

__all__ = [
    "GateDecision",
    "PostCommitError",
    "PublicationResult",
    "append",
    "current_code_version",
    "decide",
    "publish",
    "read",
    "table_content_hash",
]
