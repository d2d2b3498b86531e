"""Department of Information and Communications (Sở Thông tin và Truyền thông): monthly CSV exports.

Configuration: see :mod:`ingestion.ict.config` (``IOC_ICT_DROP_DIR``).
"""

from ingestion.common.csv_source import csv_drop_source
from ingestion.ict.config import SOURCE_SYSTEM, drop_location
from ingestion.ict.datasets import DATASETS

SOURCE = csv_drop_source(
    source_system=SOURCE_SYSTEM,
    department="information_communications",
    department_name_vi="Sở Thông tin và Truyền thông",
    system_description="Monthly reports of the Department of Information and Communications dropped "
    "as CSV into a shared folder (telecom infrastructure by operator, digital government).",
    datasets=DATASETS,
    location=drop_location,
)
