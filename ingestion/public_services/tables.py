"""The dossier table as the connector lands it: columns, key, checks, reporting-period flags."""

from __future__ import annotations

import pyarrow as pa

from ingestion.common.sql_extract import Column, TableSpec
from ingestion.public_services import personal_data as pd
from ingestion.public_services.config import SOURCE_SYSTEM, URL_ENV_VAR

STATUSES = ("received", "processing", "resolved_on_time", "resolved_late", "returned", "withdrawn")
# A month's report is compiled on the 5th of the next month: a dossier entered after that is late
# for its period. It is landed all the same, flagged, with the period it belongs to.
PERIOD_CLOSE_DAYS_AFTER_MONTH_END = 5

_STATUS_LIST = ", ".join(f"'{s}'" for s in STATUSES)
_DISTRICTS = ", ".join(f"'{d}'" for d in range(718, 727))

DOSSIERS = TableSpec(
    source_system=SOURCE_SYSTEM,
    dataset="dossiers",
    table="dossiers",
    key=("dossier_id",),
    updated_at="updated_at",
    url_env_var=URL_ENV_VAR,
    keep_unknown_columns=False,  # a column added to this table may well be personal data
    columns=(
        Column("dossier_id", pa.string(), nullable=False, aliases=("ma_ho_so",)),
        Column("procedure_code", pa.string(), nullable=False, aliases=("ma_thu_tuc",)),
        Column("procedure_name", pa.string()),
        Column("field", pa.string(), aliases=("linh_vuc",)),
        Column("agency_code", pa.string(), nullable=False),
        Column("agency_name", pa.string()),
        Column("channel", pa.string(), nullable=False),
        Column("online_level", pa.string()),
        Column("received_at", pa.timestamp("us"), nullable=False),
        Column("due_at", pa.timestamp("us")),
        Column("resolved_at", pa.timestamp("us")),
        Column("status", pa.string(), nullable=False),
        Column("district_code", pa.string()),
        Column("commune_code", pa.string()),
        Column("commune_code_2025", pa.string(), required=False),
        Column(pd.NAME, pa.string(), aliases=("applicant_name", "ho_ten")),
        Column(pd.CITIZEN_ID, pa.string(), aliases=("applicant_citizen_id", "so_cccd")),
        Column(pd.PHONE, pa.string(), aliases=("applicant_phone", "so_dien_thoai")),
        Column(pd.CITIZEN_ID_KIND, pa.string(), required=False),   # filled by personal_data
        Column(pd.PHONE_VALID, pa.bool_(), required=False),         # filled by personal_data
        Column("created_at", pa.timestamp("us"), required=False),
        Column("updated_at", pa.timestamp("us"), nullable=False),
    ),
    checks=(
        (f"status not in ({_STATUS_LIST})", "unknown status"),
        ("channel not in ('online', 'offline')", "unknown channel"),
        ("online_level is not null and online_level not in ('full', 'partial')", "unknown online service level"),
        ("due_at < received_at", "due_at before received_at"),
        ("resolved_at < received_at", "resolved_at before received_at"),
        ("status in ('resolved_on_time', 'resolved_late') and resolved_at is null", "resolved status without resolved_at"),
        ("received_at > updated_at", "received_at after updated_at"),
        (f"district_code not in ({_DISTRICTS})", "unknown district code (expected 718..726)"),
        ("commune_code_2025 is not null and not regexp_full_match(commune_code_2025, 'BD25-(0[1-9]|[12][0-9]|3[0-6])')",
         "unknown 2025 commune code (expected BD25-01..BD25-36)"),
    ),
    derived=(
        ("reporting_period", "strftime(received_at, '%Y-%m')"),
        ("is_late_entry", f"coalesce(created_at >= date_trunc('month', received_at) + interval 1 month "
                          f"+ interval {PERIOD_CLOSE_DAYS_AFTER_MONTH_END} day, false)"),
    ),
)
