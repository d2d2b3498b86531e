"""Compile the indicator catalogue: catalogue/families/*.yml -> seeds/ref_indicators.csv.

    uv run python dbt_project/catalogue/compile.py           # write the seed
    uv run python dbt_project/catalogue/compile.py --check   # exit 1 if the committed seed is stale

A family file holds one sector's indicators as compact families:

    sector: health                     # every indicator of the file belongs to this sector
    defaults: {...}                    # fields shared by every family of the file
    dimensions:                        # named breakdowns (one indicator per member)
      disease:
        - {key: dengue, code: DENGUE, vi: sốt xuất huyết, en: dengue}
    families:
      - family: HLT_DISEASE_CASES      # family code (kept in the seed)
        for_each: [disease]            # dimension names ("alias=name", "alias=a+b" allowed),
                                       # or {name: [members]} inline
        code: "HLT_CASES_{disease.code}"
        name_vi: "Số ca mắc {disease.vi}"
        ...                            # any catalogue field; "{dim.attr}" is filled per member

Dimensions used by several files live in ``families/_*.yml`` (a ``dimensions:`` mapping only).
A family without ``for_each`` is one indicator. A member may carry ``set: {field: value}`` to
override fields for the indicators it produces (a target for one school level, say), and a
family may carry ``overrides: {INDICATOR_CODE: {field: value}}`` for one expanded indicator. Templates
are filled repeatedly, so a member attribute may itself be a template ("{key.unit}").

The output is deterministic: files in name order, families in file order, members in the order
listed (the product of several dimensions varies the last one fastest).
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import re
import sys
from pathlib import Path
from types import SimpleNamespace

import yaml

HERE = Path(__file__).resolve().parent
FAMILIES_DIR = HERE / "families"
PROJECT_DIR = HERE.parent
SEED = PROJECT_DIR / "seeds" / "ref_indicators.csv"
SECTORS = PROJECT_DIR / "seeds" / "ref_sectors.csv"

COLUMNS = [
    "indicator_code", "name_vi", "name_en", "sector_code", "family_code", "breakdown_members",
    "definition", "unit", "frequency", "time_aggregation", "area_aggregation", "direction",
    "owner_department", "source_system", "method",
    "metric", "aggregation", "numerator_filter", "denominator_metric", "denominator_filter", "multiplier",
    "breakdown", "source_unit", "valid_min", "valid_max",
    "target", "warning_threshold", "critical_threshold", "target_valid_from", "target_valid_to",
    "valid_from", "valid_to", "iso37120_code", "u4ssc_code", "note",
]
REQUIRED = ["indicator_code", "name_vi", "name_en", "sector_code", "definition", "unit", "frequency",
            "direction", "owner_department", "source_system", "method", "metric", "aggregation", "breakdown"]
ALLOWED = {
    "frequency": {"hourly", "daily", "monthly", "quarterly", "yearly", "school_year"},
    "aggregation": {"avg", "sum", "count", "count_distinct", "max", "min", "share", "ratio"},
    "time_aggregation": {"pooled", "sum", "avg", "max", "min", "last"},
    "area_aggregation": {"pooled"},
    "direction": {"higher_is_better", "lower_is_better", "neutral"},
    "method": {"derived", "reported"},
}
AREA_LEVELS = {"province", "district", "commune"}
FILTER_CONDITION = re.compile(r"^\s*(value|category)\s*(<=|>=|!=|=|<|>)\s*(.+?)\s*$")
DEFAULTS = {"time_aggregation": "pooled", "area_aggregation": "pooled", "multiplier": 1}


class CatalogueError(ValueError):
    pass


def _member(value) -> SimpleNamespace:
    if not isinstance(value, dict):
        value = {"key": value}
    ns = SimpleNamespace(**{k: v for k, v in value.items() if k != "set"})
    ns._set = value.get("set", {}) or {}
    return ns


def _fill(template, members: dict[str, SimpleNamespace]):
    if not isinstance(template, str):
        return template
    text = template
    for _ in range(4):
        try:
            filled = text.format_map(members)
        except (AttributeError, KeyError) as exc:
            raise CatalogueError(f"template {template!r}: unknown placeholder ({exc})") from None
        if filled == text:
            break
        text = filled
    return text


def _dimensions(family: dict, shared: dict) -> list[tuple[str, list[SimpleNamespace]]]:
    spec = family.get("for_each") or []
    if isinstance(spec, dict):
        spec = [spec]
    dims = []
    for item in spec:
        if isinstance(item, str):
            # "name", or "alias=name", or "alias=name1+name2" (members of both, in order)
            alias, _, names = item.partition("=")
            members = []
            for name in (names or alias).split("+"):
                if name not in shared:
                    raise CatalogueError(f"family {family.get('family')}: unknown dimension {name!r}")
                members += shared[name]
            dims.append((alias, [_member(m) for m in members]))
        else:
            for name, members in item.items():
                dims.append((name, [_member(m) for m in members]))
    return dims


def expand_file(doc: dict, library: dict | None = None) -> list[dict]:
    sector = doc["sector"]
    defaults = {**DEFAULTS, **(doc.get("defaults") or {})}
    shared = {**(library or {}), **(doc.get("dimensions") or {})}
    rows = []
    for family in doc.get("families") or []:
        dims = _dimensions(family, shared)
        fields = {k: v for k, v in family.items() if k not in ("family", "for_each", "code", "overrides")}
        overrides = family.get("overrides") or {}
        combos = itertools.product(*[members for _, members in dims]) if dims else [()]
        for combo in combos:
            members = {name: m for (name, _), m in zip(dims, combo)}
            merged = {**defaults, **fields}
            for m in combo:
                merged.update(m._set)
            row = {k: _fill(v, members) for k, v in merged.items()}
            row["indicator_code"] = _fill(family["code"], members)
            row.update(overrides.pop(row["indicator_code"], {}))
            row["sector_code"] = row.get("sector_code") or sector  # a member may move it (set: {sector_code: ...})
            row["family_code"] = family.get("family") or row["indicator_code"]
            row["breakdown_members"] = "; ".join(f"{name}={m.key}" for name, m in members.items())
            rows.append(row)
        if overrides:
            raise CatalogueError(f"family {family.get('family')}: overrides for unknown codes {sorted(overrides)}")
    return rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())


def validate(rows: list[dict], sectors: set[str]) -> None:
    seen = set()
    for row in rows:
        code = row.get("indicator_code")
        unknown = set(row) - set(COLUMNS)
        if unknown:
            raise CatalogueError(f"{code}: unknown field(s) {sorted(unknown)}")
        for field in REQUIRED:
            if _text(row.get(field)) == "":
                raise CatalogueError(f"{code}: {field} is required")
        if code in seen:
            raise CatalogueError(f"{code}: duplicate indicator_code")
        seen.add(code)
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", code):
            raise CatalogueError(f"{code}: codes are upper case letters, digits and _")
        if row["sector_code"] not in sectors:
            raise CatalogueError(f"{code}: unknown sector {row['sector_code']}")
        for field, allowed in ALLOWED.items():
            if _text(row.get(field)) not in allowed:
                raise CatalogueError(f"{code}: {field} {row.get(field)!r} not in {sorted(allowed)}")
        levels = set(_text(row["breakdown"]).split("|"))
        if not levels <= AREA_LEVELS:
            raise CatalogueError(f"{code}: breakdown {row['breakdown']!r} (levels {sorted(AREA_LEVELS)})")
        for field in ("numerator_filter", "denominator_filter"):
            text = _text(row.get(field))
            for condition in filter(None, re.split(r"(?i)\s+and\s+", text)):
                if not FILTER_CONDITION.match(condition):
                    raise CatalogueError(f"{code}: {field} condition {condition!r} is not 'value|category op literal'")
        if row["aggregation"] in ("share", "ratio") and row.get("multiplier") in (None, ""):
            raise CatalogueError(f"{code}: share/ratio needs a multiplier")
        warning, critical = row.get("warning_threshold"), row.get("critical_threshold")
        if warning not in (None, "") and critical not in (None, ""):
            ok = {"higher_is_better": float(critical) <= float(warning),
                  "lower_is_better": float(critical) >= float(warning)}.get(row["direction"], False)
            if not ok:
                raise CatalogueError(f"{code}: thresholds warning {warning} / critical {critical} contradict {row['direction']}")


def compile_catalogue(families_dir: Path = FAMILIES_DIR, sectors_csv: Path = SECTORS) -> str:
    with sectors_csv.open(encoding="utf-8") as f:
        sectors = {r["sector_code"]: int(r["sort_order"]) for r in csv.DictReader(f)}
    library = {}
    for path in sorted(families_dir.glob("_*.yml")):  # shared dimensions (e.g. _dimensions.yml)
        library.update((yaml.safe_load(path.read_text(encoding="utf-8")) or {}).get("dimensions") or {})
    rows = []
    for path in sorted(p for p in families_dir.glob("*.yml") if not p.name.startswith("_")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        try:
            rows += expand_file(doc, library)
        except CatalogueError as exc:
            raise CatalogueError(f"{path.name}: {exc}") from None
    validate(rows, set(sectors))
    rows.sort(key=lambda r: sectors[r["sector_code"]])  # stable: keeps file order within a sector
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({c: _text(row.get(c)) for c in COLUMNS})
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the seed differs from the compiled catalogue")
    parser.add_argument("--out", type=Path, default=SEED)
    args = parser.parse_args(argv)
    compiled = compile_catalogue()
    n = compiled.count("\n") - 1
    if args.check:
        current = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
        if current != compiled:
            print(f"{args.out} is stale: run uv run python dbt_project/catalogue/compile.py", file=sys.stderr)
            return 1
        print(f"{args.out}: {n} indicators, up to date")
        return 0
    args.out.write_text(compiled, encoding="utf-8")
    print(f"{args.out}: {n} indicators")
    return 0


if __name__ == "__main__":
    sys.exit(main())
