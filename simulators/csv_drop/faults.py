"""The faults real departmental CSV drops show, injected deterministically into a stand-in's files.

Modifications of a regular monthly file each take a different period (chosen by the seeded
generator, never the latest one, which stays a clean reference); when there are fewer periods
than faults the lowest-priority faults are left out. Extra files (re-sent copy, late
supplement, empty exports) are added beside the regular ones. :func:`inject` returns which file
carries which fault so tests check outcomes without hard-coding names.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import numpy as np

from simulators.csv_drop.dataset import DropDataset
from simulators.csv_drop.export import Export

# In priority order: when periods are scarce, the last ones are dropped.
FILE_FAULTS = ("missing_column", "bom", "cp1258", "duplicate_rows", "unit", "impossible", "added_column",
               "tcvn3", "preamble")
NOTES = np.array(["", "Số liệu ước tính", "Đã hiệu chỉnh theo báo cáo quý", "Chưa đủ số liệu tuyến xã"], dtype=object)


def inject(
    dataset: DropDataset, exports: list[Export], rng: np.random.Generator, end: datetime
) -> tuple[list[Export], dict[str, str]]:
    targets = dataset.targets
    plan: dict[str, str] = {}
    if targets is None or len(exports) < 2:
        return exports, plan
    out = list(exports)
    drift_from = len(out) // 3
    column = _column_index(dataset, targets.renamed[0])
    for i in range(drift_from, len(out)):
        headers = list(out[i].headers)
        headers[column] = _with_unit(targets.renamed[1], headers[column])
        out[i] = replace(out[i], headers=tuple(headers))
    clean = list(out)

    slots = rng.permutation(len(out) - 1).tolist()
    extras: list[Export] = []
    applicable = [f for f in FILE_FAULTS if getattr(targets, f, True) is not None]
    for fault, slot in zip(applicable, slots):
        out[slot], added = _apply(fault, out[slot], dataset, rng)
        extras.extend(added)
        plan[fault] = out[slot].name
        if fault == "missing_column":
            plan["missing_column_fixed"] = added[0].name

    slotted = set(plan.values())
    plan["renamed_column"] = next(e.name for e in out[drift_from:] if e.name not in slotted)  # drift alone
    latest = out[-1]
    resent = replace(latest, name=latest.name.replace(".csv", "_gui_lai.csv"), content=latest.to_bytes(),
                     delivered_at=latest.delivered_at + timedelta(hours=1))
    middle = out[len(out) // 2]
    empty = replace(middle, name=middle.name.replace(".csv", " (1).csv"), content=b"",
                    delivered_at=middle.delivered_at + timedelta(hours=1))
    header_only = replace(middle.with_rows(np.array([], dtype=np.int64)),
                          name=middle.name.replace(".csv", "_dieu_chinh.csv"),
                          delivered_at=middle.delivered_at + timedelta(days=5))
    late = _late_supplement(dataset, clean, rng, end)
    extras += [resent, empty, header_only] + ([late] if late else [])
    plan.update(resent=resent.name, resent_original=latest.name, empty=empty.name, header_only=header_only.name)
    if late:
        plan["late"] = late.name
    return out + extras, plan


def _apply(fault: str, export: Export, dataset: DropDataset, rng: np.random.Generator) -> tuple[Export, list[Export]]:
    targets = dataset.targets
    if fault == "bom":
        return replace(export, encoding="utf-8-sig"), []
    if fault == "cp1258":
        return replace(export, encoding="cp1258", delimiter=";"), []
    if fault == "tcvn3":
        return replace(export, encoding="tcvn3"), []
    if fault == "preamble":
        return replace(export, preamble=(dataset.title, f"Kỳ báo cáo: {export.columns[0][0]}", "")), []
    if fault == "added_column":
        notes = NOTES[rng.integers(0, len(NOTES), export.num_rows)]
        return replace(export, headers=export.headers + ("Ghi chú",), columns=export.columns + (notes,),
                       kinds=export.kinds + ("text",)), []
    if fault == "missing_column":
        keep = [i for i in range(len(export.headers)) if i != _column_index(dataset, targets.dropped)]
        broken = replace(export, headers=tuple(export.headers[i] for i in keep),
                         columns=tuple(export.columns[i] for i in keep), kinds=tuple(export.kinds[i] for i in keep))
        fixed = replace(export, name=export.name.replace(".csv", "_v2.csv"),
                        delivered_at=export.delivered_at + timedelta(days=3))
        return broken, [fixed]
    if fault == "duplicate_rows":
        n = export.num_rows
        picked = rng.choice(n, size=min(4, n), replace=False)
        doubled = export.with_rows(np.concatenate([np.arange(n), picked]))
        column = _column_index(dataset, targets.revised)
        values = np.asarray(doubled.columns[column], dtype=np.float64).copy()
        values[-1] = values[-1] + max(1.0, round(abs(values[-1]) * 0.07))  # last copy conflicts
        return replace(doubled, columns=_replaced(doubled.columns, column, values)), []
    if fault == "unit":
        name, unit, factor = targets.unit
        column = _column_index(dataset, name)
        headers = list(export.headers)
        headers[column] = f"{headers[column].split(' (')[0]} ({unit})"
        values = np.asarray(export.columns[column], dtype=np.float64) / factor
        kinds = list(export.kinds)
        kinds[column] = "%.3f" if factor > 1 else "%.1f"
        return replace(export, headers=tuple(headers), columns=_replaced(export.columns, column, values),
                       kinds=tuple(kinds)), []
    if fault == "impossible":
        name, value = targets.impossible
        column = _column_index(dataset, name)
        values = np.asarray(export.columns[column], dtype=np.float64).copy()
        candidates = np.flatnonzero(~np.isnan(values))
        values[rng.choice(candidates, size=min(2, len(candidates)), replace=False)] = value
        return replace(export, columns=_replaced(export.columns, column, values)), []
    raise ValueError(f"unknown fault {fault!r}")


def _late_supplement(dataset: DropDataset, clean: list[Export], rng: np.random.Generator, end: datetime):
    """A corrected report for a period that closed long ago, arriving just before ``end``."""
    if len(clean) < 4:
        return None
    original = clean[-4]
    rows = np.sort(rng.choice(original.num_rows, size=min(5, original.num_rows), replace=False))
    supplement = original.with_rows(rows)
    column = _column_index(dataset, dataset.targets.revised)
    values = np.round(np.asarray(supplement.columns[column], dtype=np.float64) * 1.05 + 1)
    return replace(supplement, name=original.name.replace(".csv", "_bosung.csv"),
                   columns=_replaced(supplement.columns, column, values),
                   delivered_at=end - timedelta(days=2))


def _column_index(dataset: DropDataset, name: str) -> int:
    return 1 + [f.name for f in dataset.fields].index(name)  # 0 is the period column


def _with_unit(label: str, header: str) -> str:
    return f"{label} ({header.split(' (', 1)[1]}" if " (" in header else label


def _replaced(columns: tuple, index: int, values: np.ndarray) -> tuple:
    return tuple(values if i == index else c for i, c in enumerate(columns))
