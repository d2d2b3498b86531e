"""Loading the code location imports the connectors' declarations, not their dependencies.

Connectors name their loaders lazily (``ingestion.registry.lazy``), so the heavy libraries they
use are imported when a loader runs, not on every code-location load (Dagster reloads it often).
"""

import os
import subprocess
import sys
from pathlib import Path

from ingestion.registry import LazyCallable, discover_sources

REPO = Path(__file__).resolve().parents[2]
HEAVY_AT_RUN_TIME_ONLY = ("pandas", "sqlalchemy", "openpyxl", "pyarrow")


def test_loading_definitions_does_not_import_connector_dependencies(tmp_path):
    (tmp_path / "dh").mkdir()
    probe = (
        "import sys\n"
        "import orchestration.definitions\n"
        f"print(' '.join(m for m in {HEAVY_AT_RUN_TIME_ONLY!r} if m in sys.modules))\n"
    )
    env = {**os.environ, "IOC_DATA_DIR": str(tmp_path / "data"), "DAGSTER_HOME": str(tmp_path / "dh")}
    out = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr[-3000:]
    imported = out.stdout.split()
    assert not imported, f"imported when loading the code location: {imported} (see `python -X importtime`)"


def test_every_lazy_loader_resolves():
    """A misspelt "module:function" would otherwise only fail when the asset runs."""
    lazies = [
        (source.source_system, dataset.name, loader)
        for source in discover_sources()
        for dataset in source.datasets
        for loader in (dataset.load, dataset.load_window, dataset.probe)
        if isinstance(loader, LazyCallable)
    ]
    assert lazies
    for system, dataset, loader in lazies:
        assert callable(loader.resolve()), f"{system}/{dataset}: {loader.target}"
