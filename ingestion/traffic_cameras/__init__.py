"""Connector for the provincial traffic camera platform (HTTP JSON API, bearer token).

Plain Python, no orchestration imports. Configuration: see :mod:`ingestion.traffic_cameras.config`.
"""

from ingestion.registry import DatasetSpec, SourceSpec, lazy

load_cameras = lazy("ingestion.traffic_cameras.updated_records:load_cameras")
load_incidents = lazy("ingestion.traffic_cameras.updated_records:load_incidents")
load_observations = lazy("ingestion.traffic_cameras.observations:load_observations")
load_observations_window = lazy("ingestion.traffic_cameras.observations:load_observations_window")
probe_observations = lazy("ingestion.traffic_cameras.observations:probe_observations")

SOURCE = SourceSpec(
    source_system="traffic_cameras",
    department="transport_police",
    department_name_vi="Công an tỉnh – Phòng Cảnh sát giao thông / Sở Giao thông Vận tải",
    system_description="Traffic camera platform: camera registry, 5-minute vehicle counts and speeds, incidents",
    native_form="http_api",
    datasets=(
        DatasetSpec("cameras", "Camera registry: location, road, area codes, status (one row per version).",
                    load_cameras, cadence_minutes=1440),
        DatasetSpec("observations", "5-minute counts by vehicle class, average speed (km/h), occupancy, "
                    "camera status, per camera.", load_observations, cadence_minutes=5, partitioning="day",
                    load_window=load_observations_window, probe=probe_observations),
        DatasetSpec("incidents", "Incidents detected or logged on the camera network (one row per version).",
                    load_incidents, cadence_minutes=15),
    ),
)

__all__ = ["SOURCE", "load_cameras", "load_incidents", "load_observations"]
