"""Generic driver: one export file -> checked rows of one dataset, or quarantine with a reason."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Callable

import pyarrow as pa

from ingestion.common import areas
from ingestion.common.file_drop import DropFile, ParsedFile
from ingestion.utilities.export_file import Envelope, EnvelopeError, open_export
from ingestion.utilities.fields import Field, pick

ENVELOPE_COLUMNS = [
    ("period_month", pa.date32()),
    ("exported_at", pa.timestamp("us", tz="UTC")),
    ("is_late", pa.bool_()),              # exported after the month closed (see config.close_after_days)
    ("schema_version", pa.string()),
    ("source_encoding", pa.string()),     # utf-8 | utf-8-sig | cp1258 | tcvn3 | ascii
    ("extra_fields", pa.string()),        # JSON of keys the connector does not know yet (schema drift)
]


@dataclass(frozen=True)
class DatasetRules:
    record_keys: tuple[str, ...]                          # where the record list sits in the document
    fields: tuple[Field, ...]
    key: tuple[str, ...]                                  # unique within one file
    schema: pa.Schema
    explode: Callable[[Envelope], list[dict]] = lambda env: env.records
    check: Callable[[dict, Envelope], str | None] = lambda values, env: None   # may convert values in place


def _area_problem(code: str, env: Envelope) -> str | None:
    if areas.is_known_code(code, env.period) and code != areas.province_code_for(env.period):
        return None
    expected = "communes BD25-01..36" if env.period >= areas.REFORM_DATE else "districts 718-726"
    return f"unknown area code {code!r} for {env.period:%Y-%m} (expected {expected})"


def parse_export(f: DropFile, rules: DatasetRules, close_after_days: int) -> ParsedFile:
    try:
        env = open_export(f.path, f.name, rules.record_keys)
    except EnvelopeError as exc:
        return ParsedFile(quarantine=[dict(line_number=0, raw_record=json.dumps({"file": f.name}), reason=str(exc))])
    items = rules.explode(env)
    if not items:
        return ParsedFile(skipped_reason="no records in the export")
    out, landed, first_line = ParsedFile(), [], {}
    envelope = dict(period_month=env.period, exported_at=env.exported_at, is_late=env.is_late(close_after_days),
                    schema_version=env.schema_version, source_encoding=env.encoding)
    for line, record in enumerate(items, start=1):
        record = record if isinstance(record, dict) else {"_value": record}
        values, problem, extra = pick(record, rules.fields)
        problem = record.get("_problem") or problem or _area_problem(values["area_code"], env) or rules.check(values, env)
        key = tuple(values.get(k) for k in rules.key)
        if problem is None and key in first_line:
            problem = f"duplicate of record {first_line[key]} ({', '.join(map(str, key))})"
        if problem:
            out.quarantine.append(dict(line_number=line, raw_record=json.dumps(record, ensure_ascii=False, default=str),
                                       reason=problem))
            continue
        first_line[key] = line
        landed.append({**values, **envelope, "extra_fields": extra})
        out.line_numbers.append(line)
    out.rows = pa.Table.from_pylist(landed, schema=rules.schema) if landed else None
    return out
