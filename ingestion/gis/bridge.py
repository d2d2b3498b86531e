"""The 2025 area bridge CSV: which old commune went into which new unit, with weights.

Read with the shared CSV reader (encodings, BOM, header aliases) and typed with the shared
column checks; weights are shares of the *old* commune, so they lie in [0, 1].
"""

from __future__ import annotations

from ingestion.common.csv_spec import Column, CsvDataset
from ingestion.gis.config import SOURCE_SYSTEM
from ingestion.gis.layers import COMMUNE_2024_PATTERN, COMMUNE_2025_PATTERN, DISTRICT_PATTERN

BRIDGE = CsvDataset(
    source_system=SOURCE_SYSTEM,
    name="area_bridge",
    description="Old commune -> 2025 commune-level unit, with area and population weights",
    file_pattern=r"^area_bridge.*\.csv$",
    key=("old_commune_code", "new_area_code"),
    columns=(
        Column("old_commune_code", "text", ("Mã xã cũ", "ma_xa_cu"), pattern=COMMUNE_2024_PATTERN),
        Column("old_commune_name", "text", ("Tên xã cũ",), required=False, nullable=True),
        Column("old_district_code", "text", ("Mã huyện cũ", "ma_huyen_cu"), pattern=DISTRICT_PATTERN),
        Column("new_area_code", "text", ("Mã xã mới", "ma_xa_moi"), pattern=COMMUNE_2025_PATTERN),
        Column("new_area_name", "text", ("Tên xã mới",), required=False, nullable=True),
        Column("intersection_km2", "float", ("Diện tích giao", "dien_tich_km2"), unit="km2",
               unit_factors={"ha": 0.01, "m2": 1e-6}, min_value=0, nullable=True),
        Column("area_weight", "float", ("Tỷ lệ diện tích", "ty_le_dien_tich"), min_value=0, max_value=1),
        Column("population_weight", "float", ("Tỷ lệ dân số", "ty_le_dan_so"), min_value=0, max_value=1, nullable=True),
    ),
)
