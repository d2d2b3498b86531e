"""Connector for the provincial GIS department's published layers (GeoJSON + bridge CSV).

Files are read from the folder in ``IOC_GIS_DIR`` (see ``config``) and landed incrementally by
file name and content hash; features become rows (properties as columns, geometry as WKT).
"""

from __future__ import annotations

import functools

from typing import TYPE_CHECKING

from ingestion.gis import config
from ingestion.gis.bridge import BRIDGE
from ingestion.gis.layers import LAYERS
from ingestion.registry import DatasetSpec, SourceSpec

if TYPE_CHECKING:
    from ingestion.landing import BatchRecord


def load(dataset_name: str) -> BatchRecord | None:
    """Land the new files of one dataset (a layer name or 'area_bridge')."""
    from ingestion.gis.land import land_new_files  # imported on use: discovering SOURCE stays light

    dataset = BRIDGE if dataset_name == BRIDGE.name else next(layer for layer in LAYERS if layer.dataset == dataset_name)
    return land_new_files(dataset, config.location())


SOURCE = SourceSpec(
    source_system=config.SOURCE_SYSTEM,
    department="gis",
    department_name_vi="Trung tâm GIS (Sở Tài nguyên và Môi trường)",
    system_description="Administrative boundaries (pre- and post-2025), the 2025 area bridge, facility locations",
    native_form="geojson",
    datasets=tuple(
        DatasetSpec(layer.dataset, layer.description, functools.partial(load, layer.dataset), cadence_minutes=7 * 24 * 60)
        for layer in LAYERS
    ) + (DatasetSpec(BRIDGE.name, BRIDGE.description, functools.partial(load, BRIDGE.name), cadence_minutes=7 * 24 * 60),),
)

__all__ = ["SOURCE", "load"]
