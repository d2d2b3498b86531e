"""Department of Labour, Invalids and Social Affairs (with the provincial social insurance office):
monthly CSV exports of employment and social insurance.

Configuration: see :mod:`ingestion.labour.config` (``IOC_LABOUR_DROP_DIR``).
"""

from ingestion.common.csv_source import csv_drop_source
from ingestion.labour.config import SOURCE_SYSTEM, drop_location
from ingestion.labour.datasets import DATASETS

SOURCE = csv_drop_source(
    source_system=SOURCE_SYSTEM,
    department="labour_social_insurance",
    department_name_vi="Sở Lao động - Thương binh và Xã hội",
    system_description="Monthly CSV exports of the Department of Labour and the provincial social "
    "insurance office dropped into a shared folder (employment, social insurance).",
    datasets=DATASETS,
    location=drop_location,
)
