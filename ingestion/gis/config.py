"""Where the GIS department publishes its layers, read from the environment at call time.

Environment:
    IOC_GIS_DIR     folder (a mounted share or a synced copy of the department's open-data
                    publication) holding the GeoJSON layers and the 2025 area bridge CSV.
                    Default: the stand-in's folder <sources>/gis. No credentials: the share is
                    mounted by the host.
"""

from __future__ import annotations

from ingestion.common.file_drop import DropLocation, env_drop_location

SOURCE_SYSTEM = "gis"
DIR_ENV_VAR = "IOC_GIS_DIR"


def location() -> DropLocation:
    return env_drop_location(SOURCE_SYSTEM, DIR_ENV_VAR)
