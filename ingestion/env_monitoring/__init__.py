"""Connector for the automatic environmental monitoring stations (Circular 10/2021 files).

Plain Python, no orchestration imports: Dagster assets and tests call these directly.
Paths come from ``ingestion.settings`` (env_drop_dir, env_station_registry, landing_dir).
"""

from ingestion.registry import DatasetSpec, SourceSpec, lazy

load_station_files = lazy("ingestion.env_monitoring.readings:load_station_files")
load_station_files_window = lazy("ingestion.env_monitoring.readings:load_station_files_window")
load_station_registry = lazy("ingestion.env_monitoring.registry:load_station_registry")

SOURCE = SourceSpec(
    source_system="env_monitoring",
    department="natural_resources_environment",
    department_name_vi="Sở Tài nguyên và Môi trường – Trung tâm Quan trắc",
    system_description="Automatic monitoring stations (ambient air, wastewater, stack emissions): "
    "Circular 10/2021 text files pushed every 5 minutes, plus the station registry",
    native_form="file_drop",
    datasets=(
        DatasetSpec(
            "readings",
            "5-minute station readings (parameter, value, unit, local time, device status), one row per line.",
            load_station_files,
            cadence_minutes=5,
            partitioning="day",
            load_window=load_station_files_window,  # the day's files, by the slot in their name
        ),
        DatasetSpec(
            "stations",
            "Station registry snapshot: type, facility, coordinates, district and 2025 commune, QCVN column.",
            load_station_registry,
            cadence_minutes=1440,
        ),
    ),
)

__all__ = ["SOURCE", "load_station_files", "load_station_files_window", "load_station_registry"]
