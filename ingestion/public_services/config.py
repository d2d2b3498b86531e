"""Where the public-service dossier database is, read from the environment at call time.

Environment:
    IOC_PUBLIC_SERVICES_DB_URL        SQLAlchemy URL of the service center's database. Default:
                                      the stand-in's SQLite file <sources>/public_services/
                                      public_services.sqlite. In production e.g.
                                      mssql+pyodbc://ioc_reader:<password>@dvc-db/dvc?driver=...;
                                      the password lives only in this variable (secret store).
    IOC_PUBLIC_SERVICES_OVERLAP_MINUTES
                                      how far behind the landed watermark each run re-reads
                                      (default 60), see ingestion/common/sql_extract.py.
    IOC_PSEUDONYMISATION_KEY          secret key for the applicants' personal data, see
                                      ingestion/common/pseudonymise.py. Required: without it
                                      nothing is read.
"""

from __future__ import annotations

import os
from datetime import timedelta

from ingestion import settings

SOURCE_SYSTEM = "public_services"
URL_ENV_VAR = "IOC_PUBLIC_SERVICES_DB_URL"
OVERLAP_ENV_VAR = "IOC_PUBLIC_SERVICES_OVERLAP_MINUTES"


def db_url() -> str:
    default = settings.sources_dir() / SOURCE_SYSTEM / "public_services.sqlite"
    return os.environ.get(URL_ENV_VAR) or f"sqlite:///{default}"


def overlap() -> timedelta:
    return timedelta(minutes=float(os.environ.get(OVERLAP_ENV_VAR, "60")))
