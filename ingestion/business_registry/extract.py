"""Load what changed in the business registry since the last landed batch."""

from __future__ import annotations

from ingestion.business_registry import config
from ingestion.business_registry.tables import ENTERPRISES, STATUS_HISTORY
from ingestion.common.sql_extract import extract_incremental
from ingestion.landing import BatchRecord


def load_enterprises() -> BatchRecord | None:
    return extract_incremental(ENTERPRISES, config.db_url(), overlap=config.overlap())


def load_status_history() -> BatchRecord | None:
    return extract_incremental(STATUS_HISTORY, config.db_url(), overlap=config.overlap())
