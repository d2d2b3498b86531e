"""The Dagster code location: every module under ``orchestration/defs`` contributes a ``defs()``.

Nothing here lists sources or models: ingestion assets come from the connector registry, dbt
assets from the dbt manifest (prepared by ``make prepare``, never parsed at import).
"""

import importlib
import pkgutil

import dagster as dg

from orchestration import defs as defs_package


def _load_all() -> dg.Definitions:
    parts = []
    for module in sorted(pkgutil.iter_modules(defs_package.__path__), key=lambda m: m.name):
        mod = importlib.import_module(f"{defs_package.__name__}.{module.name}")
        if hasattr(mod, "defs"):
            parts.append(mod.defs())
    return dg.Definitions.merge(*parts)


defs = _load_all()
