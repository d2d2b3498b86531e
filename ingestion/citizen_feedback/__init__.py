"""Connector for the citizen feedback system (phản ánh hiện trường / hotline 1022), HTTP JSON API.

Plain Python, no orchestration imports. Reporter names and phones are pseudonymised before
landing. Configuration: see :mod:`ingestion.citizen_feedback.config`.
"""

from ingestion.registry import DatasetSpec, SourceSpec, lazy

load_reports = lazy("ingestion.citizen_feedback.reports:load_reports")
load_reports_window = lazy("ingestion.citizen_feedback.reports:load_reports_window")
probe_reports = lazy("ingestion.citizen_feedback.reports:probe_reports")

SOURCE = SourceSpec(
    source_system="citizen_feedback",
    department="citizen_feedback",
    department_name_vi="Trung tâm Giám sát, điều hành thông minh – Tổng đài 1022 / Phản ánh hiện trường",
    system_description="Citizen feedback (app, hotline 1022, web, Zalo): reports and their handling",
    native_form="http_api",
    datasets=(
        DatasetSpec("reports", "Citizen reports: category, channel, place, handling agency, status, "
                    "satisfaction; one row per change; reporters pseudonymised.",
                    load_reports, cadence_minutes=60, partitioning="day",
                    load_window=load_reports_window, probe=probe_reports),  # changes of the day, by updated_at
    ),
)

__all__ = ["SOURCE", "load_reports"]
