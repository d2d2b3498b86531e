"""What the platform's records must look like to land (API v1.4, field names as it sends them).

``aliases`` are names earlier or later API versions used for the same field.
"""

from __future__ import annotations

import pyarrow as pa

from ingestion.common.json_records import JsonField

TIMESTAMP = pa.timestamp("us", tz="UTC")
DISTRICTS = tuple(str(code) for code in range(718, 727))
COMMUNE_PATTERN = r"^BD25-(0[1-9]|[12][0-9]|3[0-6])$"
LONGITUDE = dict(min_value=106.2, max_value=107.1)  # former Binh Duong, with a margin
LATITUDE = dict(min_value=10.75, max_value=11.6)
MAX_COUNT_PER_INTERVAL = 3000
MAX_SPEED_KMH = 150.0
SPEED_UNIT_FACTORS = {"km/h": 1.0, "kmh": 1.0, "kph": 1.0, "m/s": 3.6, "mph": 1.609344}

CAMERA_FIELDS = (
    JsonField("camera_id", pa.string(), required=True),
    JsonField("camera_name", pa.string()),
    JsonField("location_id", pa.string(), required=True),
    JsonField("location_name", pa.string()),
    JsonField("road_name", pa.string()),
    JsonField("direction", pa.string(), accepted=("inbound", "outbound", "both")),
    JsonField("camera_type", pa.string()),
    JsonField("vendor", pa.string()),
    JsonField("functions", pa.list_(pa.string())),
    JsonField("longitude", pa.float64(), required=True, **LONGITUDE),
    JsonField("latitude", pa.float64(), required=True, **LATITUDE),
    JsonField("district_code", pa.string(), accepted=DISTRICTS),
    JsonField("commune_code_2025", pa.string()),
    JsonField("installed_on", pa.date32()),
    JsonField("status", pa.string(), required=True, accepted=("active", "inactive")),
    JsonField("updated_at", TIMESTAMP, required=True),
)

OBSERVATION_FIELDS = (
    JsonField("camera_id", pa.string(), required=True),
    JsonField("observed_at", TIMESTAMP, required=True),
    JsonField("interval_s", pa.int32(), min_value=60, max_value=3600),
    *(JsonField(f"{kind}_count", pa.int32(), min_value=0, max_value=MAX_COUNT_PER_INTERVAL)
      for kind in ("motorbike", "car", "truck", "bus")),
    JsonField("avg_speed", pa.float64()),              # in speed_unit; converted to km/h on landing
    JsonField("speed_unit", pa.string()),
    JsonField("occupancy", pa.float64(), aliases=("occupancy_ratio",), min_value=0.0, max_value=1.0),
    JsonField("camera_status", pa.string(), required=True,
              accepted=("online", "offline", "maintenance", "degraded")),
)

INCIDENT_FIELDS = (
    JsonField("incident_id", pa.string(), required=True),
    JsonField("incident_type", pa.string(), required=True,
              accepted=("congestion", "accident", "vehicle_breakdown", "flooding", "fire", "illegal_parking")),
    JsonField("severity", pa.string(), accepted=("low", "medium", "high")),
    JsonField("status", pa.string(), required=True, accepted=("active", "cleared")),
    JsonField("camera_id", pa.string()),
    JsonField("road_name", pa.string()),
    JsonField("location_name", pa.string()),
    JsonField("longitude", pa.float64(), **LONGITUDE),
    JsonField("latitude", pa.float64(), **LATITUDE),
    JsonField("district_code", pa.string(), accepted=DISTRICTS),
    JsonField("commune_code_2025", pa.string()),
    JsonField("started_at", TIMESTAMP, required=True),
    JsonField("detected_at", TIMESTAMP),
    JsonField("cleared_at", TIMESTAMP),
    JsonField("description", pa.string()),
    JsonField("updated_at", TIMESTAMP, required=True),
)
