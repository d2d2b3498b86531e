"""The one ``DbtProject`` shared by the dbt assets, the dbt resource and the publish gate.

The manifest is produced by a build step (``make prepare`` → ``dbt parse``), never at import;
``prepare_if_dev`` only re-parses under ``dagster dev`` so edits show up while developing.
"""

from __future__ import annotations

import json
import os
from functools import cache, lru_cache
from pathlib import Path

from ingestion import settings

DBT_PROJECT_DIR = settings.REPO_ROOT / "dbt_project"
MANIFEST_PATH = DBT_PROJECT_DIR / "target" / "manifest.json"
PUBLISHED_SCHEMAS = ("kpi", "ref")


def ensure_dbt_environment() -> None:
    """dbt reads its paths from the environment (profiles.yml / sources use env_var)."""
    os.environ.setdefault("IOC_BUILD_DB", str(settings.build_db()))
    os.environ.setdefault("IOC_LANDING_DIR", str(settings.landing_dir()))
    settings.build_db().parent.mkdir(parents=True, exist_ok=True)


@cache
def dbt_project():
    from dagster_dbt import DbtProject  # keeps the ~7 s import out of modules that do not need it

    project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
    project.prepare_if_dev()
    return project


def load_manifest(path: Path = MANIFEST_PATH) -> dict:
    """The parsed manifest, shared and read-only: several defs modules read it at load, and
    parsing it is a large part of the load time. Re-read when the file changes (``dbt parse``)."""
    if not path.exists():
        raise FileNotFoundError(
            f"dbt manifest not found at {path}. Run `make prepare` (dbt parse) before loading "
            "the code location; the manifest is a build artefact, not produced at import."
        )
    stat = path.stat()
    return _parsed_manifest(path.resolve(), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=2)
def _parsed_manifest(path: Path, mtime_ns: int, size: int) -> dict:
    return json.loads(path.read_text())


def published_models(manifest: dict) -> list[dict]:
    """dbt models whose schema is part of the published contract (kpi.*, ref.*)."""
    return [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] in ("model", "seed") and node["schema"] in PUBLISHED_SCHEMAS
    ]
