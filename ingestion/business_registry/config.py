"""Where the business registration database is, read from the environment at call time.

Environment:
    IOC_BUSINESS_REGISTRY_DB_URL      SQLAlchemy URL of the registry database. Default: the
                                      stand-in's SQLite file, <sources>/business_registry/
                                      business_registry.sqlite. In production e.g.
                                      postgresql+psycopg://ioc_reader:<password>@dkkd-db/dkkd or
                                      mssql+pyodbc://...; the password lives only in this variable
                                      (set by the deployment's secret store), never in code.
    IOC_BUSINESS_REGISTRY_OVERLAP_MINUTES
                                      how far behind the landed watermark each run re-reads
                                      (default 60), see ingestion/common/sql_extract.py.
"""

from __future__ import annotations

import os
from datetime import timedelta

from ingestion import settings

SOURCE_SYSTEM = "business_registry"
URL_ENV_VAR = "IOC_BUSINESS_REGISTRY_DB_URL"
OVERLAP_ENV_VAR = "IOC_BUSINESS_REGISTRY_OVERLAP_MINUTES"


def db_url() -> str:
    default = settings.sources_dir() / SOURCE_SYSTEM / "business_registry.sqlite"
    return os.environ.get(URL_ENV_VAR) or f"sqlite:///{default}"


def overlap() -> timedelta:
    return timedelta(minutes=float(os.environ.get(OVERLAP_ENV_VAR, "60")))
