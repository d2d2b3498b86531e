"""Land every new file of one GIS dataset: GeoJSON layers as feature rows, the bridge CSV as rows.

New = a (file name, content hash) not yet in a committed batch of the dataset. A file whose
content was already landed under another name is recorded as skipped ('duplicate of ...'); an
empty file as skipped ('empty file'); a file that cannot be parsed at all is one quarantined
record with the reason. Records read = features (or CSV lines) of the loaded files.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pyarrow as pa

from ingestion.common.csv_drop import FileOutcome, new_files, skip_reason
from ingestion.common.csv_files import FileRejectedError, read_csv_bytes
from ingestion.common.csv_spec import CsvDataset, coerce
from ingestion.common.file_drop import DropFile, DropLocation
from ingestion.gis.geojson_reader import read_geojson
from ingestion.gis.geometry_checks import check_geometries
from ingestion.gis.layers import Layer
from ingestion.gis.properties import typed_properties
from ingestion.landing import BatchRecord, BatchWriter, with_lineage

log = logging.getLogger(__name__)


def land_new_files(dataset: Layer | CsvDataset, location: DropLocation, landing_dir: Path | None = None) -> BatchRecord | None:
    name = dataset.dataset if isinstance(dataset, Layer) else dataset.name
    new, first_by_hash = new_files(location, name, dataset.file_pattern, landing_dir)
    if not new:
        return None
    with BatchWriter(location.source_system, dataset=name, source_ref=str(location.path), landing_dir=landing_dir) as writer:
        rows_read = 0
        for drop_file in new:
            skip = skip_reason(drop_file, first_by_hash)
            first_by_hash.setdefault(drop_file.sha256, drop_file.name)
            if skip:
                writer.add_file(drop_file.name, content_sha256=drop_file.sha256, size_bytes=drop_file.size_bytes, skipped_reason=skip)
                continue
            land = _land_layer_file if isinstance(dataset, Layer) else _land_bridge_file
            outcome = land(writer, dataset, drop_file)
            rows_read += outcome.lines_read
            writer.add_file(drop_file.name, content_sha256=drop_file.sha256, size_bytes=drop_file.size_bytes,
                            lines_read=outcome.lines_read, rows_landed=outcome.rows_landed,
                            rows_quarantined=outcome.rows_quarantined)
        return writer.commit(rows_read)


def _reject(writer: BatchWriter, drop_file: DropFile, head: str, reason: str) -> FileOutcome:
    log.warning("gis: %s rejected: %s", drop_file.name, reason)
    writer.add_quarantine(source_file=[drop_file.name], line_number=[0], raw_record=[head], reason=[f"file rejected: {reason}"])
    return FileOutcome(lines_read=1, rows_quarantined=1)


def _land_layer_file(writer: BatchWriter, layer: Layer, drop_file: DropFile) -> FileOutcome:
    raw = drop_file.path.read_bytes()
    try:
        parsed = read_geojson(raw)
    except FileRejectedError as exc:
        return _reject(writer, drop_file, raw[:2000].decode("utf-8", errors="replace"), str(exc))
    features = parsed.features
    not_feature = [not (isinstance(f, dict) and f.get("type") == "Feature") for f in features]
    properties = [(f.get("properties") or {}) if isinstance(f, dict) else {} for f in features]
    props, prop_reasons = typed_properties(layer, properties)
    geometry, geom_reasons = check_geometries([f.get("geometry") if isinstance(f, dict) else None for f in features],
                                              layer.geometry_types, parsed.crs)
    reasons = [(["not a GeoJSON Feature"] if nf else []) + p + g for nf, p, g in zip(not_feature, prop_reasons, geom_reasons)]
    _flag_repeated_keys(props, layer.key, reasons)
    good = np.array([not r for r in reasons], dtype=bool)
    line_numbers = np.arange(1, len(features) + 1)
    table = pa.Table.from_arrays(props.columns + geometry.columns, names=props.column_names + geometry.column_names)
    table = table.append_column("source_encoding", pa.array([parsed.encoding] * table.num_rows, pa.string()))
    landed = with_lineage(table.filter(pa.array(good)), batch_id=writer.batch_id, loaded_at=writer.loaded_at,
                          source_file=drop_file.name, line_number=pa.array(line_numbers[good]))
    if landed.num_rows:
        writer.add_rows(layer.dataset, landed)
    bad = np.flatnonzero(~good)
    writer.add_quarantine(source_file=[drop_file.name] * len(bad), line_number=line_numbers[bad].tolist(),
                          raw_record=[json.dumps(features[i], ensure_ascii=False)[:20000] for i in bad],
                          reason=["; ".join(reasons[i]) for i in bad])
    return FileOutcome(lines_read=len(features), rows_landed=int(good.sum()), rows_quarantined=len(bad))


def _flag_repeated_keys(props: pa.Table, key: tuple[str, ...], reasons: list[list[str]]) -> None:
    first: dict[tuple, int] = {}
    for i, values in enumerate(zip(*[props[k].to_pylist() for k in key])):
        if reasons[i] or None in values:
            continue
        if values in first:
            reasons[i].append(f"duplicate {'/'.join(key)} {'/'.join(map(str, values))} (first at feature {first[values] + 1})")
        else:
            first[values] = i


def _land_bridge_file(writer: BatchWriter, dataset: CsvDataset, drop_file: DropFile) -> FileOutcome:
    raw = drop_file.path.read_bytes()
    try:
        read, lines = read_csv_bytes(raw, dataset.aliases)
        if read is None:
            return FileOutcome()
        coerced = coerce(read, dataset)
    except FileRejectedError as exc:
        return _reject(writer, drop_file, raw[:2000].decode("utf-8", errors="replace"), str(exc))
    reasons = [[r] if r else [] for r in coerced.reason.to_pylist()]
    _flag_repeated_keys(coerced.table, dataset.key, reasons)
    good = pa.array([not r for r in reasons])
    table = coerced.table.append_column("source_encoding", pa.array([read.encoding] * read.num_rows, pa.string()))
    line_numbers = pa.array(read.line_numbers)
    landed = with_lineage(table.filter(good), batch_id=writer.batch_id, loaded_at=writer.loaded_at,
                          source_file=drop_file.name, line_number=line_numbers.filter(good))
    if landed.num_rows:
        writer.add_rows(dataset.name, landed)
    bad = np.flatnonzero(~good.to_numpy(zero_copy_only=False))
    quarantined_lines = [int(read.line_numbers[i]) for i in bad] + [r[0] for r in read.rejected_rows]
    writer.add_quarantine(source_file=[drop_file.name] * len(quarantined_lines), line_number=quarantined_lines,
                          raw_record=[read.raw_lines[i] for i in bad] + [r[1] for r in read.rejected_rows],
                          reason=["; ".join(reasons[i]) for i in bad] + [r[2] for r in read.rejected_rows])
    lines_read = read.num_rows + len(read.rejected_rows)
    return FileOutcome(lines_read=lines_read, rows_landed=landed.num_rows, rows_quarantined=len(quarantined_lines))
