"""Department of Industry and Trade (Sở Công Thương): survey and industrial-park CSV exports.

Configuration: see :mod:`ingestion.industry_trade.config` (``IOC_INDUSTRY_TRADE_DROP_DIR``).
"""

from ingestion.common.csv_source import csv_drop_source
from ingestion.industry_trade.config import SOURCE_SYSTEM, drop_location
from ingestion.industry_trade.datasets import DATASETS

SOURCE = csv_drop_source(
    source_system=SOURCE_SYSTEM,
    department="industry_trade",
    department_name_vi="Sở Công Thương",
    system_description="CSV exports of the Department of Industry and Trade dropped into a shared "
    "folder: quarterly business digital-transformation survey, monthly industrial-park production.",
    datasets=DATASETS,
    location=drop_location,
)
