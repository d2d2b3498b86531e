"""Pick the fields of a record by name, tolerating the renames the companies make over time.

Keys are compared case-insensitively with spaces/hyphens as underscores. A key no field claims
(a field the company added) is kept in ``extra_fields`` rather than dropped.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from ingestion.common.excel import parse_number


@dataclass(frozen=True)
class Field:
    name: str
    aliases: tuple[str, ...] = ()
    kind: str = "number"          # "text" | "number" | "count" (whole number)
    required: bool = True


def _key(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(name).strip().lower())


def pick(record: dict, fields: tuple[Field, ...]) -> tuple[dict, str | None, str | None]:
    """(values by field name, problem or None, extra fields as JSON or None)."""
    by_key = {_key(k): k for k in record}
    values, claimed = {}, set()
    for f in fields:
        key = next((by_key[a] for a in (f.name, *f.aliases) if a in by_key), None)
        raw = None if key is None else record[key]
        if key is not None:
            claimed.add(key)
        if raw is None or raw == "":
            if f.required:
                return values, f"missing field {f.name!r}" + (f" (or {', '.join(f.aliases)})" if f.aliases else ""), None
            values[f.name] = None
            continue
        if f.kind == "text":
            values[f.name] = str(raw).strip()
            continue
        try:
            number = parse_number(raw) if not isinstance(raw, (dict, list)) else None
        except ValueError:
            number = None
        if number is None:
            return values, f"{f.name}: not a number: {raw!r}", None
        if f.kind == "count" and not float(number).is_integer():
            return values, f"{f.name}: {number:g} is not a whole number", None
        values[f.name] = int(number) if f.kind == "count" else number
    extra = {k: v for k, v in record.items() if k not in claimed and not isinstance(v, (list, dict))}
    return values, None, json.dumps(extra, ensure_ascii=False, sort_keys=True) if extra else None
