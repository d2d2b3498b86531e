"""Whose data a check is about (its scope), and what its failure does at the gate.

A scope is a source system (``env_monitoring``, ``health``…: one department's data, the dbt
source name and the landing folder) or ``shared`` (reference data: seeds, ``ref.*``, anything
that cannot be pinned on one department). The rules, from the dbt manifest:

* explicit ``meta.ioc_scope`` on the test/model wins (a source system, ``shared``, or ``rows``:
  the failing rows say it, in their ``source_system`` column — see ``attribution``);
* a seed, a ``ref.*`` model, or a test on one, is ``shared``;
* otherwise the source systems upstream of the node (for a test: of everything it reads): exactly
  one → that system; none or several → ``shared`` (a check on a cross-department table that
  cannot say which department's rows failed must not guess: it blocks, fail closed).

The gate action of a failed check (``gate``):

* ``meta.ioc_gate`` if set (``block`` | ``withhold`` | ``warn``);
* else severity ``warn`` → ``warn`` (recorded, nothing held back);
* else (``error``) → ``block`` for a shared scope, ``withhold`` for a department.

A ``withhold`` failure whose failing rows include a shared/unknown scope blocks. dbt tests on
department data are declared ``severity: warn`` + ``meta: {ioc_gate: withhold}``: warn, so dbt
does not skip the shared marts downstream and Dagster does not skip the publish step; withhold,
so the gate still keeps that department's fresh rows out (docs/publication_and_audit.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any

SHARED = "shared"
ROWS = "rows"  # meta.ioc_scope: the failing rows carry the scope (column ``source_system``)
GATES = ("block", "withhold", "warn")
PUBLISHED_SHARED_SCHEMAS = frozenset({"ref"})


def gate_action(severity: str | None, scope: str | None, explicit: str | None = None) -> str:
    if explicit in GATES:
        return explicit
    if severity == "warn":
        return "warn"
    return "block" if (scope or SHARED) == SHARED else "withhold"


class ManifestScopes:
    """Scope lookups over one dbt manifest (``target/manifest.json`` as a dict)."""

    def __init__(self, manifest: Mapping[str, Any]):
        self.manifest = manifest
        self.nodes: Mapping[str, Any] = manifest.get("nodes", {})
        self.sources: Mapping[str, Any] = manifest.get("sources", {})
        self._systems: dict[str, frozenset[str]] = {}
        self._by_relation = {
            f"{n.get('schema')}.{n.get('alias') or n.get('name')}": uid
            for uid, n in self.nodes.items()
            if n.get("resource_type") in ("model", "seed", "snapshot")
        }

    # --- lineage -------------------------------------------------------------------------

    def upstream_systems(self, unique_id: str) -> frozenset[str]:
        """Source systems (dbt source names) anywhere upstream of ``unique_id``."""
        if unique_id in self._systems:
            return self._systems[unique_id]
        if unique_id in self.sources:
            result = frozenset({self.sources[unique_id]["source_name"]})
        else:
            self._systems[unique_id] = frozenset()  # cycle guard (dbt graphs are acyclic anyway)
            node = self.nodes.get(unique_id, {})
            parents = (node.get("depends_on") or {}).get("nodes") or []
            result = frozenset().union(*(self.upstream_systems(p) for p in parents)) if parents else frozenset()
        self._systems[unique_id] = result
        return result

    def unique_id_of(self, relation: str) -> str | None:
        """The model/seed published as ``schema.name`` (e.g. ``kpi.indicator_values``)."""
        return self._by_relation.get(relation)

    def is_shared_node(self, unique_id: str) -> bool:
        node = self.nodes.get(unique_id, {})
        return node.get("resource_type") == "seed" or node.get("schema") in PUBLISHED_SHARED_SCHEMAS

    # --- scopes --------------------------------------------------------------------------

    def node_scope(self, unique_id: str) -> str:
        """Scope of a model, seed, test or source (``rows`` only from explicit meta)."""
        if unique_id in self.sources:
            return self.sources[unique_id]["source_name"]
        node = self.nodes.get(unique_id, {})
        explicit = _meta(node).get("ioc_scope")
        if explicit:
            return str(explicit)
        if node.get("resource_type") == "test":
            parents = (node.get("depends_on") or {}).get("nodes") or []
            attached = node.get("attached_node")
            if (attached and self.is_shared_node(attached)) or (
                parents and all(self.is_shared_node(p) for p in parents)
            ):
                return SHARED
        elif self.is_shared_node(unique_id):
            return SHARED
        systems = self.upstream_systems(unique_id)
        return next(iter(systems)) if len(systems) == 1 else SHARED

    def relation_systems(self, relation: str) -> frozenset[str] | None:
        """Source systems feeding a published table; None if the manifest does not know it."""
        uid = self.unique_id_of(relation)
        return None if uid is None else self.upstream_systems(uid)

    def relation_scope(self, relation: str) -> str:
        uid = self.unique_id_of(relation)
        return SHARED if uid is None else self.node_scope(uid)

    def explicit_gate(self, unique_id: str) -> str | None:
        gate = _meta(self.nodes.get(unique_id, {})).get("ioc_gate")
        return gate if gate in GATES else None

    def failures_relation(self, unique_id: str) -> str | None:
        """Where dbt stored a test's failing rows (``store_failures``), as ``schema.name``."""
        node = self.nodes.get(unique_id, {})
        config = node.get("config") or {}
        if node.get("resource_type") != "test" or not config.get("store_failures"):
            return None
        return f"{node.get('schema')}.{node.get('alias') or node.get('name')}"


def _meta(node: Mapping[str, Any]) -> Mapping[str, Any]:
    # dbt puts test meta under config.meta; older manifests also at the top level.
    return {**(node.get("meta") or {}), **((node.get("config") or {}).get("meta") or {})}


@cache
def _departments() -> dict[str, str]:
    try:
        from ingestion.registry import discover_sources

        return {s.source_system: s.department_name_vi for s in discover_sources()}
    except Exception:  # display only: never let a connector import break the gate
        return {}


def department_of(scope: str) -> str:
    """The department owning a source system (its Vietnamese name), for display; the scope if unknown."""
    return _departments().get(scope, scope)


def scopes_label(scopes: Iterable[str]) -> str:
    return ", ".join(sorted(set(scopes)))
