"""What a report must look like to land (API v2; ``aliases`` are names other versions used)."""

from __future__ import annotations

import pyarrow as pa

from ingestion.common.json_records import JsonField

TIMESTAMP = pa.timestamp("us", tz="UTC")
CATEGORIES = ("traffic", "environment", "urban_order", "power_water", "public_services",
              "land_construction", "security_order", "health_education")
CHANNELS = ("app", "hotline", "web", "zalo")
STATUSES = ("received", "assigned", "in_progress", "resolved", "rejected")
DISTRICTS = tuple(str(code) for code in range(718, 727))
COMMUNE_PATTERN = r"^BD25-(0[1-9]|[12][0-9]|3[0-6])$"
PERSONAL_FIELDS = ("reporter_name", "reporter_phone")

REPORT_FIELDS = (
    JsonField("report_id", pa.string(), required=True),
    JsonField("category", pa.string(), required=True, accepted=CATEGORIES),
    JsonField("category_name", pa.string()),
    JsonField("channel", pa.string(), required=True, accepted=CHANNELS),
    JsonField("title", pa.string()),
    JsonField("longitude", pa.float64(), min_value=106.2, max_value=107.1),
    JsonField("latitude", pa.float64(), min_value=10.75, max_value=11.6),
    JsonField("district_code", pa.string(), accepted=DISTRICTS),
    JsonField("commune_code_2025", pa.string()),
    JsonField("received_at", TIMESTAMP, required=True),
    JsonField("created_at", TIMESTAMP),
    JsonField("assigned_at", TIMESTAMP),
    JsonField("resolved_at", TIMESTAMP),
    JsonField("status", pa.string(), required=True, accepted=STATUSES),
    JsonField("handling_agency", pa.string(), aliases=("handling_unit",)),
    JsonField("satisfaction", pa.int8(), min_value=1, max_value=5),
    JsonField("reporter_name", pa.string()),
    JsonField("reporter_phone", pa.string()),
    JsonField("updated_at", TIMESTAMP, required=True),
)
