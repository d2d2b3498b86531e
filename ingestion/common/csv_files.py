"""Read one departmental CSV export into canonical, all-string columns, in bulk with pyarrow.

What departments actually send, and what this reader does about it:
- any of UTF-8, UTF-8 with BOM, Windows-1258 or TCVN3 (see :mod:`csv_encoding`); the detected
  encoding is returned so every landed row can record it;
- ``,`` or ``;`` or tab delimiters (Vietnamese-locale Excel writes ``;`` and decimal commas);
- a title line or two above the header: the header is the line naming the most known columns;
- headers that drift: matching is accent/case/punctuation-insensitive through a per-dataset
  alias map, and a trailing ``(unit)`` is split off and returned so the caller can convert;
- columns nobody declared: kept verbatim in an ``_extra`` JSON column, never dropped.

Anything that makes the whole file unusable raises :class:`FileRejectedError` with a reason the
sender can act on; the caller quarantines every data line of that file with it.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Mapping, Sequence

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from ingestion.common.csv_encoding import UndecodableFileError, detect_and_decode

HEADER_SEARCH_LINES = 10
DELIMITERS = (",", ";", "\t")
_UNIT_SUFFIX = re.compile(r"^(?P<label>.*?)\s*[\(\[](?P<unit>[^\)\]]*)[\)\]]\s*$")


class FileRejectedError(ValueError):
    """The whole file cannot be loaded; the message says what the sender must fix.

    ``lines`` holds the file's data lines when the reader knows them, for quarantine.
    """

    def __init__(self, reason: str, lines: "DataLines | None" = None):
        super().__init__(reason)
        self.lines = lines


def normalise_label(text: str) -> str:
    """'Số giường  thực kê' -> 'so_giuong_thuc_ke': accent-, case- and spacing-insensitive."""
    text = text.replace("đ", "d").replace("Đ", "D")
    text = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def split_unit(header: str) -> tuple[str, str | None]:
    """'Lao động (nghìn người)' -> ('Lao động', 'nghìn người')."""
    match = _UNIT_SUFFIX.match(header.strip())
    if not match or not match.group("label"):
        return header.strip(), None
    return match.group("label"), match.group("unit").strip() or None


def alias_lookup(aliases: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """{canonical: [headers...]} -> {normalised header: canonical}; the canonical name matches itself."""
    lookup: dict[str, str] = {}
    for canonical, names in aliases.items():
        for name in (canonical, *names):
            lookup[normalise_label(split_unit(name)[0])] = canonical
    return lookup


@dataclass
class CsvRead:
    columns: dict[str, pa.Array]           # canonical name -> string values
    units: dict[str, str | None]           # canonical name -> unit written in the header
    headers: dict[str, str]                # canonical name -> header as written
    extra_json: pa.Array                   # JSON of undeclared columns per row (null when none)
    extra_headers: list[str]
    line_numbers: np.ndarray               # physical line of each row in the file (1-based)
    raw_lines: list[str]                   # decoded text of each row, for quarantine
    encoding: str
    delimiter: str
    rejected_rows: list[tuple[int, str, str]] = field(default_factory=list)  # (line, text, reason)

    @property
    def num_rows(self) -> int:
        return len(self.line_numbers)


@dataclass(frozen=True)
class DataLines:
    """Lines after the header: what counts as records read, even when the file is rejected."""

    numbers: list[int]
    texts: list[str]


def split_lines(text: str) -> list[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _header_candidates(lines: list[str], lookup: dict[str, str]) -> tuple[int, str, list[str]] | None:
    """Pick (line index, delimiter, cells) of the line that names the most known columns."""
    best, best_hits = None, 1
    for index, line in enumerate(lines[:HEADER_SEARCH_LINES]):
        if not line.strip():
            continue
        for delimiter in DELIMITERS:
            cells = next(csv.reader([line], delimiter=delimiter))
            hits = len({lookup[k] for k in (normalise_label(split_unit(c)[0]) for c in cells) if k in lookup})
            if hits > best_hits:
                best, best_hits = (index, delimiter, cells), hits
    return best


def data_lines_after(lines: list[str], header_index: int) -> DataLines:
    numbers = [i + 1 for i in range(header_index + 1, len(lines)) if lines[i].strip()]
    return DataLines(numbers, [lines[n - 1] for n in numbers])


def read_csv_bytes(raw: bytes, aliases: Mapping[str, Sequence[str]]) -> tuple[CsvRead | None, DataLines]:
    """Parse a file's bytes. Returns (None, lines) for a file with no data rows.

    Raises FileRejectedError (with the data lines attached as ``.lines``) for an unusable file.
    """
    try:
        decoded = detect_and_decode(raw)
    except UndecodableFileError as exc:
        lines = split_lines(raw.decode("cp1258", errors="replace"))
        raise FileRejectedError(str(exc), data_lines_after(lines, 0)) from None
    lines = split_lines(decoded.text)
    lookup = alias_lookup(aliases)
    found = _header_candidates(lines, lookup)
    if found is None:
        raise FileRejectedError(
            f"no header row: none of the first {HEADER_SEARCH_LINES} lines names two known columns "
            f"(expected e.g. {', '.join(list(aliases)[:4])})",
            data_lines_after(lines, -1),
        )
    header_index, delimiter, header_cells = found
    data = data_lines_after(lines, header_index)
    if not data.numbers:
        return None, data
    table, rejected, kept = _parse_rows(data, delimiter, len(header_cells))
    mapped: dict[str, int] = {}
    extra: list[int] = []
    for position, cell in enumerate(header_cells):
        canonical = lookup.get(normalise_label(split_unit(cell)[0]))
        if canonical is None:
            if cell.strip() or pc.any(pc.not_equal(table.column(position), "")).as_py():
                extra.append(position)
            continue
        if canonical in mapped:
            raise FileRejectedError(
                f"columns {header_cells[mapped[canonical]]!r} and {cell!r} both mean {canonical!r}", data
            )
        mapped[canonical] = position
    extra_headers = [header_cells[p].strip() or f"column_{p + 1}" for p in extra]
    return (
        CsvRead(
            columns={name: table.column(p).combine_chunks() for name, p in mapped.items()},
            units={name: split_unit(header_cells[p])[1] for name, p in mapped.items()},
            headers={name: header_cells[p] for name, p in mapped.items()},
            extra_json=_extra_json(table, extra, extra_headers),
            extra_headers=extra_headers,
            line_numbers=np.asarray([data.numbers[i] for i in kept], dtype=np.int64),
            raw_lines=[data.texts[i] for i in kept],
            encoding=decoded.encoding,
            delimiter=delimiter,
            rejected_rows=rejected,
        ),
        data,
    )


def _parse_rows(data: DataLines, delimiter: str, width: int) -> tuple[pa.Table, list, list[int]]:
    """Bulk-parse the data lines as strings; rows with the wrong field count are set aside."""
    names = [f"c{i}" for i in range(width)]
    bad_texts: list[str] = []

    def on_invalid(row) -> str:
        bad_texts.append(row.text)
        return "skip"

    table = pacsv.read_csv(
        io.BytesIO("\n".join(data.texts).encode("utf-8")),
        read_options=pacsv.ReadOptions(column_names=names, use_threads=False),
        parse_options=pacsv.ParseOptions(delimiter=delimiter, invalid_row_handler=on_invalid),
        convert_options=pacsv.ConvertOptions(
            column_types={n: pa.string() for n in names}, strings_can_be_null=False, quoted_strings_can_be_null=False
        ),
    )
    rejected, kept = [], list(range(len(data.texts)))
    for text in bad_texts:  # few by nature; matched back to their line to keep line numbers exact
        index = next(i for i in kept if data.texts[i] == text)
        kept.remove(index)
        fields = len(next(csv.reader([text], delimiter=delimiter)))
        rejected.append((data.numbers[index], text, f"expected {width} fields, found {fields}"))
    if table.num_rows != len(kept):  # a quoted field spanning lines: fall back to row order
        kept = list(range(table.num_rows))
    return table, rejected, kept


def _extra_json(table: pa.Table, positions: list[int], headers: list[str]) -> pa.Array:
    if not positions:
        return pa.nulls(table.num_rows, pa.string())
    extra = pa.table([table.column(p) for p in positions], names=[f"e{i}" for i in range(len(positions))])
    pairs = ", ".join(f"{_sql_literal(h)} := e{i}" for i, h in enumerate(headers))
    con = duckdb.connect()
    con.register("extra", extra)
    query = f"select to_json(struct_pack({pairs}))::varchar as j from extra"
    return con.sql(query).to_arrow_table().column("j").combine_chunks()


def _sql_literal(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
