"""Every departmental connector declares itself with a ``SOURCE`` spec; nothing lists them centrally.

A connector package ``ingestion/<source_system>/`` exposes ``SOURCE = SourceSpec(...)`` in its
``__init__``. The orchestration discovers them with :func:`discover_sources` and builds one
Dagster asset per dataset, grouped by department, so adding a system adds no code elsewhere.

A spec names its loaders with :func:`lazy` ("module:function"): discovering the sources (every
code-location load) then imports only the declarations, not pandas, SQLAlchemy, pyarrow or
openpyxl; a connector's modules are imported when one of its loaders first runs.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, Callable, Sequence

import ingestion

if TYPE_CHECKING:
    from ingestion.landing import BatchRecord


@dataclass(frozen=True)
class LazyCallable:
    """A function named ``"package.module:function"`` (with leading ``args`` bound), imported when
    called. Looked up at each call, not cached, so a test's monkeypatch of the target applies."""

    target: str
    args: tuple[Any, ...] = ()

    def resolve(self) -> Callable:
        module, _, name = self.target.partition(":")
        return getattr(importlib.import_module(module), name)

    def __call__(self, *args, **kwargs):
        return self.resolve()(*self.args, *args, **kwargs)


def lazy(target: str, *args: Any) -> LazyCallable:
    """``lazy("ingestion.x.load:load_items", arg)`` behaves as ``functools.partial(load_items, arg)``."""
    module, sep, name = target.partition(":")
    if not (module and sep and name):
        raise ValueError(f"expected 'package.module:function', got {target!r}")
    return LazyCallable(target, args)


@dataclass(frozen=True)
class DatasetSpec:
    name: str                   # landing dataset name, e.g. "readings"
    description: str
    load: Callable[[], Sequence[BatchRecord] | BatchRecord | None]
    """Extract everything new from the system and land it; returns the committed batches."""
    cadence_minutes: int        # how often the system produces new data (drives schedules, freshness)
    partitioning: str = "none"  # "day" | "month" | "school_year" | "none"
    load_window: Callable[[datetime, datetime], Sequence[BatchRecord] | BatchRecord | None] | None = None
    """Land what the system holds for the window ``[start, end)`` (timezone-aware) that no committed
    batch holds yet, and nothing outside it: a partition of the orchestration is exactly its window,
    and running it again lands nothing twice. A dataset is partitioned (``partitioning``) only when
    it has one; ``load`` stays the unpartitioned "everything new" path."""
    probe: Callable[[], str | None] | None = None
    """A cheap poll (one small request): a token naming new data waiting in the system (e.g. the
    committed window end it follows), or None when there is nothing new. Sensors poll it."""


@dataclass(frozen=True)
class SourceSpec:
    source_system: str          # landing folder name, e.g. "env_monitoring"
    department: str             # Dagster group name, e.g. "natural_resources_environment"
    department_name_vi: str     # e.g. "Sở Tài nguyên và Môi trường"
    system_description: str
    native_form: str            # "file_drop" | "http_api" | "sql_database" | "excel" | "csv" | "json" | "geojson"
    datasets: tuple[DatasetSpec, ...] = field(default_factory=tuple)


def discover_sources() -> list[SourceSpec]:
    """Import every ``ingestion.<pkg>`` that defines ``SOURCE``; sorted for a stable graph."""
    specs = []
    for module in pkgutil.iter_modules(ingestion.__path__):
        if not module.ispkg:
            continue
        mod = importlib.import_module(f"ingestion.{module.name}")
        spec = getattr(mod, "SOURCE", None)
        if isinstance(spec, SourceSpec):
            specs.append(spec)
    return sorted(specs, key=lambda s: s.source_system)
