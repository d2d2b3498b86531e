"""Where the Department of Industry and Trade's survey and industrial-park exports are read from.

Environment variables:
    IOC_INDUSTRY_TRADE_DROP_DIR   folder the department's system exports its CSV files into
                                  (default: ``<IOC_SOURCES_DIR>/industry_trade``, where the stand-in writes them).

No credentials: the folder is a share the IOC server mounts; access is granted by the mount,
not by this connector.
"""

from __future__ import annotations

from ingestion.common.file_drop import DropLocation, env_drop_location

SOURCE_SYSTEM = "industry_trade"
DROP_DIR_VARIABLE = "IOC_INDUSTRY_TRADE_DROP_DIR"


def drop_location() -> DropLocation:
    return env_drop_location(SOURCE_SYSTEM, DROP_DIR_VARIABLE)
