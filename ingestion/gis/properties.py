"""Feature properties -> typed columns, with a reason for every value that cannot be used.

Layers hold hundreds to a few thousand features, so a plain loop per feature is fine here.
Property names are resolved per file through the layer's aliases; undeclared properties are
kept as text columns so nothing the department adds is lost.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pyarrow as pa

from ingestion.gis.layers import Layer, Prop

ARROW = {"text": pa.string(), "int": pa.int64(), "float": pa.float64(), "date": pa.date32()}


def _convert(value, prop: Prop):
    if prop.kind == "text":
        return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if prop.kind == "date":
        return date.fromisoformat(str(value)[:10])
    if isinstance(value, bool):
        raise ValueError("boolean")
    number = float(str(value).replace(",", ".")) if isinstance(value, str) else float(value)
    if prop.kind == "int":
        if not number.is_integer():
            raise ValueError("not a whole number")
        return int(number)
    return number


def _resolve(layer: Layer, present: set[str]) -> dict[str, str | None]:
    return {p.name: next((n for n in (p.name, *p.aliases) if n in present), None) for p in layer.props}


def typed_properties(layer: Layer, properties: list[dict]) -> tuple[pa.Table, list[list[str]]]:
    present = {k for props in properties for k in props}
    source = _resolve(layer, present)
    extras = sorted(present - {s for s in source.values() if s})
    columns: dict[str, list] = {p.name: [] for p in layer.props} | {e: [] for e in extras}
    reasons: list[list[str]] = [[] for _ in properties]
    for i, props in enumerate(properties):
        for prop in layer.props:
            value = props.get(source[prop.name]) if source[prop.name] else None
            if value in (None, ""):
                if prop.required:
                    reasons[i].append(f"missing required property {prop.name}")
                columns[prop.name].append(None)
                continue
            try:
                typed = _convert(value, prop)
            except (TypeError, ValueError):
                reasons[i].append(f"{prop.name}: cannot read {str(value)[:40]!r} as {prop.kind}")
                typed = None
            if typed is not None and prop.pattern and not re.match(prop.pattern, typed):
                reasons[i].append(f"{prop.name}: unknown code {typed!r}")
            if typed is not None and prop.min_value is not None and typed < prop.min_value:
                reasons[i].append(f"{prop.name}: {typed} below {prop.min_value}")
            columns[prop.name].append(typed)
        for extra in extras:
            value = props.get(extra)
            columns[extra].append(None if value is None else value if isinstance(value, str) else json.dumps(value))
    schema = pa.schema([(p.name, ARROW[p.kind]) for p in layer.props] + [(e, pa.string()) for e in extras])
    return pa.table(columns, schema=schema), reasons
