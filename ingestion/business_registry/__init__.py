"""Connector for the Dept. of Planning and Investment's business registration database.

A relational database reached through SQLAlchemy (URL in ``IOC_BUSINESS_REGISTRY_DB_URL``, see
``config``); tables are extracted incrementally by their ``updated_at`` watermark.
"""

from ingestion.registry import DatasetSpec, SourceSpec, lazy

load_enterprises = lazy("ingestion.business_registry.extract:load_enterprises")
load_status_history = lazy("ingestion.business_registry.extract:load_status_history")

SOURCE = SourceSpec(
    source_system="business_registry",
    department="planning_investment",
    department_name_vi="Sở Kế hoạch và Đầu tư",
    system_description="Business registration database: enterprises and their status changes",
    native_form="sql_database",
    datasets=(
        DatasetSpec("enterprises", "Registered enterprises (latest state per change)", load_enterprises, cadence_minutes=60),
        DatasetSpec("status_history", "Enterprise status changes (suspension, resumption, dissolution)",
                    load_status_history, cadence_minutes=60),
    ),
)

__all__ = ["SOURCE", "load_enterprises", "load_status_history"]
