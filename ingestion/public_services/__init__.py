"""Connector for the Public Administration Service Center's dossier database (dịch vụ công).

A relational database reached through SQLAlchemy (URL in ``IOC_PUBLIC_SERVICES_DB_URL``);
dossiers are extracted incrementally by ``updated_at``; applicants' personal data is replaced by
keyed pseudonyms (``IOC_PSEUDONYMISATION_KEY``) before anything is written.
"""

from ingestion.registry import DatasetSpec, SourceSpec, lazy

load_dossiers = lazy("ingestion.public_services.extract:load_dossiers")

SOURCE = SourceSpec(
    source_system="public_services",
    department="public_administration",
    department_name_vi="Trung tâm Phục vụ hành chính công",
    system_description="Administrative procedure dossiers: reception, deadlines, outcome, channel",
    native_form="sql_database",
    datasets=(
        DatasetSpec("dossiers", "Administrative dossiers, one row per status change (applicants pseudonymised)",
                    load_dossiers, cadence_minutes=30, partitioning="month"),
    ),
)

__all__ = ["SOURCE", "load_dossiers"]
