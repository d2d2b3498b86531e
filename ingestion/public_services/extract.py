"""Load what changed in the dossier database since the last landed batch, pseudonymised."""

from __future__ import annotations

import dataclasses
import functools

from ingestion.common.pseudonymise import load_key
from ingestion.common.sql_extract import extract_incremental
from ingestion.landing import BatchRecord
from ingestion.public_services import config
from ingestion.public_services.personal_data import pseudonymise_applicants
from ingestion.public_services.tables import DOSSIERS


def load_dossiers() -> BatchRecord | None:
    key = load_key()  # first: without the key nothing personal may be read
    spec = dataclasses.replace(DOSSIERS, prepare=functools.partial(pseudonymise_applicants, key=key))
    return extract_incremental(spec, config.db_url(), overlap=config.overlap())
