"""The GIS department's layers as the connector lands them: files, properties, geometry kinds.

Each layer file is a full snapshot of the layer; a new version of a file (new content hash) is
landed again in full, and staging keeps the latest version of each feature.
"""

from __future__ import annotations

from dataclasses import dataclass

DISTRICT_PATTERN = r"^(71[89]|72[0-6])$"
COMMUNE_2024_PATTERN = r"^(71[89]|72[0-6])-\d{2}$"
COMMUNE_2025_PATTERN = r"^BD25-(0[1-9]|[12][0-9]|3[0-6])$"
AREA_PATTERN = r"^(74|71[89]|72[0-6]|(71[89]|72[0-6])-\d{2}|BD|BD25-(0[1-9]|[12][0-9]|3[0-6]))$"
POLYGONS = ("Polygon", "MultiPolygon")
POINTS = ("Point",)


@dataclass(frozen=True)
class Prop:
    name: str
    kind: str = "text"                  # text | int | float | date
    required: bool = False              # a feature without it is quarantined
    aliases: tuple[str, ...] = ()       # property names the department has used for it
    pattern: str | None = None          # regex a text value must match
    min_value: float | None = None


@dataclass(frozen=True)
class Layer:
    dataset: str
    description: str
    file_pattern: str                   # regex on file names (case-insensitive)
    key: tuple[str, ...]
    props: tuple[Prop, ...]
    geometry_types: tuple[str, ...]


_AREAS = (
    Prop("district_code", pattern=DISTRICT_PATTERN, aliases=("ma_huyen",)),
    Prop("commune_code", pattern=COMMUNE_2024_PATTERN, aliases=("ma_xa",)),
    Prop("commune_code_2025", pattern=COMMUNE_2025_PATTERN, aliases=("ma_xa_2025",)),
)

LAYERS = (
    Layer("admin_units", "Administrative units: province, districts and communes before 2025-07-01, the 36 units after",
          r"^admin_.*\.(geo)?json$", ("area_code", "geography"), (
              Prop("area_code", required=True, pattern=AREA_PATTERN, aliases=("ma_dvhc",)),
              Prop("name_vi", required=True, aliases=("ten_dvhc", "name")),
              Prop("area_level", required=True, aliases=("cap",)),
              Prop("parent_code", aliases=("ma_cha",)),
              Prop("geography", required=True),
              Prop("official_code"),
              Prop("valid_from", "date", required=True),
              Prop("valid_to", "date"),
              Prop("area_km2", "float", min_value=0),
              Prop("population", "int", min_value=0, aliases=("dan_so",)),
          ), POLYGONS),
    Layer("monitoring_stations", "Automatic environmental monitoring stations", r"^monitoring_stations.*\.(geo)?json$",
          ("station_code",), (
              Prop("station_code", required=True, aliases=("ma_tram",)),
              Prop("station_name", aliases=("ten_tram",)),
              Prop("station_type"),
              *_AREAS,
          ), POINTS),
    Layer("traffic_cameras", "Traffic and surveillance cameras", r"^traffic_cameras.*\.(geo)?json$", ("camera_code",), (
        Prop("camera_code", required=True, aliases=("ma_camera",)),
        Prop("location_code"),
        Prop("camera_type"),
        Prop("installed_on", "date"),
        *_AREAS,
    ), POINTS),
    Layer("schools", "Schools", r"^schools.*\.(geo)?json$", ("school_code",), (
        Prop("school_code", required=True, aliases=("ma_truong",)),
        Prop("school_name", aliases=("ten_truong",)),
        Prop("school_level", aliases=("cap_hoc",)),
        Prop("ownership"),
        *_AREAS,
    ), POINTS),
    Layer("health_facilities", "Hospitals, health centres and commune health stations", r"^health_facilities.*\.(geo)?json$",
          ("facility_code",), (
              Prop("facility_code", required=True, aliases=("ma_co_so",)),
              Prop("facility_name", aliases=("ten_co_so",)),
              Prop("facility_type"),
              Prop("beds", "int", min_value=0),
              *_AREAS,
          ), POINTS),
    Layer("industrial_parks", "Industrial park boundaries", r"^industrial_parks.*\.(geo)?json$", ("park_code",), (
        Prop("park_code", required=True, aliases=("ma_kcn",)),
        Prop("park_name", aliases=("ten_kcn",)),
        Prop("area_ha", "float", min_value=0),
        Prop("district_code", pattern=DISTRICT_PATTERN),
        Prop("commune_code_2025", pattern=COMMUNE_2025_PATTERN),
    ), POLYGONS),
)
