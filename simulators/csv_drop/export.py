"""One CSV file as a department's system exports it: header labels, values, encoding, delimiter.

Vietnamese-locale Excel writes ``;`` with decimal commas, and the legacy Windows code page
(cp1258) goes with it; modern exports are UTF-8 with ``,``. Lines end in CRLF (Windows).
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import numpy as np

from ingestion.common.csv_encoding import encode_cp1258, encode_tcvn3

FLOAT_FORMAT = "%.1f"


@dataclass(frozen=True)
class Export:
    name: str
    delivered_at: datetime                  # UTC; written as the file's modification time
    headers: tuple[str, ...]
    columns: tuple[np.ndarray, ...]         # one array per header; NaN / None -> empty cell
    kinds: tuple[str, ...]                  # int | float | text, drives formatting
    encoding: str = "utf-8"                 # utf-8 | utf-8-sig | cp1258 | tcvn3
    delimiter: str = ","
    preamble: tuple[str, ...] = ()          # title lines above the header
    content: bytes | None = field(default=None, repr=False)  # verbatim bytes (empty / re-sent files)

    @property
    def num_rows(self) -> int:
        return len(self.columns[0]) if self.columns else 0

    def with_rows(self, index: np.ndarray) -> "Export":
        return replace(self, columns=tuple(c[index] for c in self.columns))

    def to_bytes(self) -> bytes:
        if self.content is not None:
            return self.content
        decimal_comma = self.delimiter == ";"
        cells = [format_cells(c, k, decimal_comma) for c, k in zip(self.columns, self.kinds)]
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=self.delimiter, lineterminator="\r\n")
        for line in self.preamble:
            buffer.write(line + "\r\n")
        writer.writerow(self.headers)
        writer.writerows(zip(*cells))
        return encode(buffer.getvalue(), self.encoding)

    def write(self, folder: Path) -> Path:
        path = folder / self.name
        path.write_bytes(self.to_bytes())
        stamp = self.delivered_at.timestamp()
        os.utime(path, (stamp, stamp))
        return path


def encode(text: str, encoding: str) -> bytes:
    if encoding == "cp1258":
        return encode_cp1258(text)
    if encoding == "tcvn3":
        return encode_tcvn3(text)
    return text.encode(encoding)


def format_cells(values: np.ndarray, kind: str, decimal_comma: bool) -> list[str]:
    if kind == "text":
        return ["" if v is None else str(v) for v in values.tolist()]
    numbers = np.asarray(values, dtype=np.float64)
    if numbers.size == 0:  # np.char.replace cannot size its output for an empty array
        return []
    missing = np.isnan(numbers)
    if kind == "int":
        text = np.char.mod("%d", np.where(missing, 0, np.round(numbers)).astype(np.int64))
    else:
        text = np.char.mod(FLOAT_FORMAT if kind == "float" else kind, np.where(missing, 0.0, numbers))
        if decimal_comma:
            text = np.char.replace(text, ".", ",")
    return np.where(missing, "", text).tolist()
