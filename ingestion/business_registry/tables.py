"""The two registry tables as the connector lands them: columns, keys, and what makes a row bad."""

from __future__ import annotations

import pyarrow as pa

from ingestion.business_registry.config import SOURCE_SYSTEM, URL_ENV_VAR
from ingestion.business_registry.vsic import known_vsic_sql
from ingestion.common.sql_extract import Column, TableSpec

STATUSES = ("active", "suspended", "dissolved")
SIZES = ("micro", "small", "medium", "large")
MAX_PLAUSIBLE_CAPITAL_VND = 10**15   # 1 million billion VND (~40 bn USD): above is a unit error
_STATUS_LIST = ", ".join(f"'{s}'" for s in STATUSES)
_SIZE_LIST = ", ".join(f"'{s}'" for s in SIZES)
_DISTRICTS = ", ".join(f"'{d}'" for d in range(718, 727))

ENTERPRISES = TableSpec(
    source_system=SOURCE_SYSTEM,
    dataset="enterprises",
    table="enterprises",
    key=("enterprise_code",),
    updated_at="updated_at",
    url_env_var=URL_ENV_VAR,
    columns=(
        Column("enterprise_code", pa.string(), nullable=False, aliases=("tax_code", "ma_so_doanh_nghiep")),
        Column("enterprise_name", pa.string(), nullable=False, aliases=("ten_doanh_nghiep",)),
        Column("legal_form", pa.string()),
        Column("vsic_code", pa.string(), aliases=("main_industry_code", "nganh_nghe_chinh")),
        Column("district_code", pa.string()),
        Column("commune_code", pa.string()),
        Column("commune_code_2025", pa.string(), required=False),
        Column("registered_capital_vnd", pa.int64(), aliases=("charter_capital_vnd", "von_dieu_le")),
        Column("is_fdi", pa.bool_()),
        Column("fdi_country", pa.string()),
        Column("employees", pa.int64(), required=False),
        Column("enterprise_size", pa.string()),
        Column("registration_date", pa.date32(), nullable=False),
        Column("status", pa.string(), nullable=False),
        Column("updated_at", pa.timestamp("us"), nullable=False),
    ),
    checks=(
        ("registered_capital_vnd < 0", "negative registered capital"),
        (f"registered_capital_vnd > {MAX_PLAUSIBLE_CAPITAL_VND}",
         "registered capital above 10^15 VND: implausible, likely entered in the wrong unit"),
        (f"vsic_code is not null and not {known_vsic_sql('vsic_code')}", "unknown VSIC 2018 industry code"),
        (f"status not in ({_STATUS_LIST})", "unknown status"),
        (f"enterprise_size not in ({_SIZE_LIST})", "unknown enterprise size"),
        (f"district_code not in ({_DISTRICTS})", "unknown district code (expected 718..726)"),
        ("commune_code_2025 is not null and not regexp_full_match(commune_code_2025, 'BD25-(0[1-9]|[12][0-9]|3[0-6])')",
         "unknown 2025 commune code (expected BD25-01..BD25-36)"),
        ("registration_date > cast(updated_at as date)", "registration_date after updated_at"),
        ("employees < 0", "negative employee count"),
    ),
)

STATUS_HISTORY = TableSpec(
    source_system=SOURCE_SYSTEM,
    dataset="status_history",
    table="enterprise_status_history",
    key=("history_id",),
    updated_at="updated_at",
    url_env_var=URL_ENV_VAR,
    columns=(
        Column("history_id", pa.int64(), nullable=False),
        Column("enterprise_code", pa.string(), nullable=False),
        Column("old_status", pa.string()),
        Column("new_status", pa.string(), nullable=False),
        Column("changed_on", pa.date32(), nullable=False),
        Column("decision_no", pa.string()),
        Column("updated_at", pa.timestamp("us"), nullable=False),
    ),
    checks=(
        (f"new_status not in ({_STATUS_LIST})", "unknown new_status"),
        (f"old_status is not null and old_status not in ({_STATUS_LIST})", "unknown old_status"),
        ("changed_on > cast(updated_at as date)", "changed_on after updated_at"),
    ),
)
