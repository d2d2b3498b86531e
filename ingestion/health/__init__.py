"""Department of Health (Sở Y tế): monthly CSV exports of facility activity and notifiable diseases.

Configuration: see :mod:`ingestion.health.config` (``IOC_HEALTH_DROP_DIR``).
"""

from ingestion.common.csv_source import csv_drop_source
from ingestion.health.config import SOURCE_SYSTEM, drop_location
from ingestion.health.datasets import DATASETS

SOURCE = csv_drop_source(
    source_system=SOURCE_SYSTEM,
    department="health",
    department_name_vi="Sở Y tế",
    system_description="Monthly reporting system of the Department of Health: one CSV per report "
    "and month dropped into a shared folder (facility activity, infectious diseases).",
    datasets=DATASETS,
    location=drop_location,
)
