"""Which files in the drop folder to read, and which of those are re-sent duplicates.

Already loaded = named in a committed batch's files.parquet: such a file is never read
again. A new file whose content was already loaded (or that repeats a file earlier in the
same batch) is a duplicate: it is recorded with ``skipped_reason`` and its lines are not
landed. Duplicates are matched on (station in the file name, content sha256), not on the
hash alone, because the lines carry no station code: two stations in the same fault state
can send byte-identical files that are still two different measurements. Files with no
non-blank line are never called duplicates (two empty files are not a re-send).

Memory: a year of one drop folder is millions of small files, so nothing here keeps a Python
object per file beyond one chunk. The listing is an Arrow table of names; the files are read
``chunk_files`` at a time (:func:`iter_chunks`); what was loaded is remembered in a
:class:`ContentIndex` of about 60 bytes per file (numpy arrays, not a dict of tuples).
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ingestion.env_monitoring.file_names import parse_file_names

log = logging.getLogger(__name__)
LOCAL = timezone(timedelta(hours=7))  # file names carry Vietnamese wall-clock time (no DST)
LISTING_SCHEMA = pa.schema([("name", pa.string()), ("station", pa.string()), ("slot", pa.timestamp("us"))])
_LIST_BATCH = 100_000
_INDEX_SLICE = 250_000


@dataclass(frozen=True)
class DropFile:
    name: str
    content: bytes
    sha256: str
    station_code: str | None  # None: the name is not <STATION>_<YYYYMMDDhhmmss>.txt
    slot: datetime | None
    duplicate_of: str | None  # name of the file already holding this content


class ContentIndex:
    """(station, content sha256) → the first loaded file holding it, for millions of files.

    Kept as sorted runs of numpy arrays (a 64-bit key, the four 64-bit words of the digest, a
    station id) with an Arrow array of names; runs are merged as they grow (log of them).
    Lookups compare the whole digest and the station, so equal keys never confuse two files.
    """

    def __init__(self) -> None:
        self._runs: list[tuple[np.ndarray, np.ndarray, np.ndarray, pa.Array]] = []
        self._ids: dict[str | None, int] = {}
        self._salts: list[int] = []

    def __len__(self) -> int:
        return sum(len(run[0]) for run in self._runs)

    def station_ids(self, stations: list[str | None]) -> np.ndarray:
        for s in set(stations) - self._ids.keys():
            self._ids[s] = len(self._salts)
            seed = b"\x00" if s is None else s.encode()
            self._salts.append(int.from_bytes(hashlib.blake2b(seed, digest_size=8).digest(), "little"))
        return np.fromiter((self._ids[s] for s in stations), np.int64, len(stations))

    def _keys(self, words: np.ndarray, ids: np.ndarray) -> np.ndarray:
        return words[:, 0] ^ np.array(self._salts, np.uint64)[ids] if len(ids) else np.empty(0, np.uint64)

    def find(self, words: np.ndarray, ids: np.ndarray) -> list[str | None]:
        """The holder's name per row (``words``: (n, 4) uint64 digests), None where there is none."""
        n = len(ids)
        found: list[str | None] = [None] * n
        if not n or not self._runs:
            return found
        keys = self._keys(words, ids)
        for run_keys, run_words, run_ids, run_names in self._runs:
            pos = np.searchsorted(run_keys, keys)
            inside = pos < len(run_keys)
            hit = np.zeros(n, bool)
            hit[inside] = run_keys[pos[inside]] == keys[inside]
            for i in np.flatnonzero(hit).tolist():  # only files whose key is already known
                j = int(pos[i])
                while j < len(run_keys) and run_keys[j] == keys[i]:
                    if run_ids[j] == ids[i] and np.array_equal(run_words[j], words[i]):
                        found[i] = run_names[j].as_py()
                        break
                    j += 1
        return found

    def add(self, words: np.ndarray, ids: np.ndarray, names: pa.Array) -> None:
        """Register files as holders (each (station, digest) not known yet, and distinct)."""
        if not len(ids):
            return
        keys = self._keys(words, ids)
        order = np.argsort(keys, kind="stable")
        self._runs.append((keys[order], words[order], ids[order], names.take(pa.array(order))))
        while len(self._runs) > 1 and len(self._runs[-2][0]) <= 2 * len(self._runs[-1][0]):
            (k1, w1, i1, n1), (k2, w2, i2, n2) = self._runs[-2:]
            keys, words, ids = np.concatenate([k1, k2]), np.concatenate([w1, w2]), np.concatenate([i1, i2])
            order = np.argsort(keys, kind="stable")
            merged = pa.concat_arrays([n1, n2]).take(pa.array(order))
            self._runs[-2:] = [(keys[order], words[order], ids[order], merged)]


_HEX = np.full(256, 255, np.uint8)
_HEX[np.frombuffer(b"0123456789abcdef", np.uint8)] = np.arange(16, dtype=np.uint8)
_HEX[np.frombuffer(b"ABCDEF", np.uint8)] = np.arange(10, 16, dtype=np.uint8)


def digest_words(sha_hex: pa.Array) -> np.ndarray:
    """Hex sha256 texts → (n, 4) uint64, decoded in bulk (a text that is no sha256 gets zeros)."""
    if isinstance(sha_hex, pa.ChunkedArray):
        sha_hex = sha_hex.combine_chunks()
    n = len(sha_hex)
    if not n:
        return np.zeros((0, 4), np.uint64)
    well_formed = pc.fill_null(pc.equal(pc.utf8_length(sha_hex), 64), False)
    text = pc.if_else(well_formed, sha_hex, "0" * 64).cast(pa.large_string())
    offsets = np.frombuffer(text.buffers()[1], np.int64)[text.offset: text.offset + n + 1]
    nibbles = _HEX[np.frombuffer(text.buffers()[2], np.uint8)[offsets[0]: offsets[-1]]].reshape(n, 64)
    good = well_formed.to_numpy(zero_copy_only=False) & (nibbles != 255).all(axis=1)
    raw = ((nibbles[:, 0::2] << 4) | nibbles[:, 1::2]).astype(np.uint8)
    raw[~good] = 0
    return np.ascontiguousarray(raw).view(np.uint64)


def committed_index(committed: pa.Table | Iterable[pa.RecordBatch]) -> tuple[pa.Array, ContentIndex]:
    """Names already loaded, and the index of loaded content, from the committed files.parquet rows
    (a table, or record batches in the order the batches were written, read a slice at a time)."""
    if isinstance(committed, pa.Table):
        committed = committed.to_batches(max_chunksize=_INDEX_SLICE)
    names: list[pa.Array] = []
    index = ContentIndex()
    for rows in committed:
        names.append(rows.column("source_file"))
        holds = pc.and_(pc.is_null(rows.column("skipped_reason")), pc.fill_null(pc.greater(rows.column("lines_read"), 0), False))
        holders = rows.filter(holds)
        if not holders.num_rows:
            continue
        holder_names = holders.column("source_file")
        station, _ = parse_file_names(holder_names)
        ids = index.station_ids(station.to_pylist())
        words = digest_words(holders.column("content_sha256"))
        # the first file of each (station, content), in the order the batches were written
        key = np.ascontiguousarray(np.column_stack([ids.astype(np.uint64), words]))
        _, first = np.unique(key.view(np.dtype((np.void, key.dtype.itemsize * 5))).ravel(), return_index=True)
        first.sort()
        words, ids, holder_names = words[first], ids[first], holder_names.take(pa.array(first))
        new = np.array([f is None for f in index.find(words, ids)], bool)
        index.add(words[new], ids[new], holder_names.filter(pa.array(new)))
    loaded = pa.concat_arrays(names) if names else pa.array([], pa.string())
    return loaded, index


def list_new_files(
    drop_dir: Path, loaded_names: pa.Array, window: tuple[datetime, datetime] | None = None,
    max_files: int | None = None,
) -> pa.Table:
    """New ``*.txt`` files (name, station, slot), oldest slot first so that a capped batch drains
    a backlog in order; names that carry no slot sort last. Other extensions are ignored: FTP
    clients upload to ``.tmp``/``.part`` names first. With ``window`` (local wall-clock
    ``[start, end)``), only the files whose slot falls in it; a file whose name carries no slot
    goes by its modification time."""
    parts = []  # parsed and filtered per slice of the listing, so the transient arrays stay small
    with os.scandir(drop_dir) as entries:
        batch: list[str] = []
        for e in entries:
            if e.name.endswith(".txt") and e.is_file():
                batch.append(e.name)
                if len(batch) >= _LIST_BATCH:
                    parts.append(_listed(drop_dir, pa.array(batch, pa.string()), window))
                    batch = []
        parts.append(_listed(drop_dir, pa.array(batch, pa.string()), window))
    listing = pa.concat_tables(parts)
    del parts
    if len(loaded_names) and listing.num_rows:
        listing = listing.filter(pc.invert(pc.is_in(listing.column("name"), value_set=loaded_names)))
    order = pc.sort_indices(listing, sort_keys=[("slot", "ascending", "at_end"), ("name", "ascending", "at_end")])
    if max_files is not None:
        order = order[:max_files]
    return listing.take(order)


def _listed(drop_dir: Path, names: pa.Array, window: tuple[datetime, datetime] | None) -> pa.Table:
    station, slot = parse_file_names(names)
    listing = pa.table([names, station, slot], schema=LISTING_SCHEMA)
    if window is not None:
        stamp = slot
        unnamed = np.flatnonzero(pc.is_null(slot).to_numpy(zero_copy_only=False))
        if len(unnamed):  # no slot in the name: when the file was written, local wall clock
            stamps = slot.to_numpy(zero_copy_only=False).astype("datetime64[us]")
            root = str(drop_dir)
            for i in unnamed.tolist():
                try:
                    written = os.stat(os.path.join(root, names[i].as_py())).st_mtime
                except OSError:  # vanished: left out (NaT), the next run sees whether it is back
                    continue
                stamps[i] = np.datetime64(datetime.fromtimestamp(written, LOCAL).replace(tzinfo=None), "us")
            stamp = pa.array(stamps, pa.timestamp("us"), from_pandas=True)
        inside = pc.and_(pc.greater_equal(stamp, pa.scalar(window[0], pa.timestamp("us"))),
                         pc.less(stamp, pa.scalar(window[1], pa.timestamp("us"))))
        listing = listing.filter(pc.fill_null(inside, False))
    return listing


def read_files(drop_dir: Path, listing: pa.Table, index: ContentIndex) -> list[DropFile]:
    """Read one chunk of the listing and mark duplicates against ``index``, then register the
    chunk's new content in it. A file that vanished or cannot be read is left for the next run."""
    root = str(drop_dir)  # plain strings: pathlib costs more than the read itself here
    read = []
    for name, station, slot in zip(*(listing.column(c).to_pylist() for c in LISTING_SCHEMA.names), strict=True):
        try:
            with open(os.path.join(root, name), "rb") as f:
                content = f.read()
        except OSError as exc:
            log.warning("cannot read %s: %s", name, exc)
            continue
        read.append((name, station, slot, content, hashlib.sha256(content)))
    records = [i for i, r in enumerate(read) if r[3].strip()]  # blank files are never duplicates
    words = np.frombuffer(b"".join(read[i][4].digest() for i in records), np.uint8).reshape(-1, 32)
    words = np.ascontiguousarray(words).view(np.uint64)
    ids = index.station_ids([read[i][1] for i in records])
    found = index.find(words, ids)
    position = {i: k for k, i in enumerate(records)}
    first_in_chunk: dict[tuple[str | None, bytes], str] = {}
    new_holders: list[int] = []  # positions in ``records``
    planned = []
    for i, (name, station, slot, content, digest) in enumerate(read):
        duplicate_of = None
        k = position.get(i)
        if k is not None:
            duplicate_of = found[k] or first_in_chunk.setdefault((station, digest.digest()), name)
            if duplicate_of == name:
                duplicate_of = None
                new_holders.append(k)
        planned.append(DropFile(name, content, digest.hexdigest(), station, slot, duplicate_of))
    if new_holders:
        rows = np.array(new_holders)
        index.add(words[rows], ids[rows], pa.array([read[records[k]][0] for k in new_holders], pa.string()))
    return planned


def iter_chunks(
    drop_dir: Path, committed: pa.Table | Iterable[pa.RecordBatch], *, max_files: int | None = None,
    window: tuple[datetime, datetime] | None = None, chunk_files: int | None = None,
) -> Iterator[list[DropFile]]:
    """The new files, read ``chunk_files`` at a time (all at once if None), duplicates marked.
    ``committed`` is the files.parquet rows of the committed readings batches."""
    loaded_names, index = committed_index(committed)
    del committed  # millions of manifest rows after a year: only the compact index is kept
    listing = list_new_files(drop_dir, loaded_names, window, max_files)
    del loaded_names
    step = chunk_files or max(listing.num_rows, 1)
    for start in range(0, listing.num_rows, step):
        files = read_files(drop_dir, listing.slice(start, step), index)
        if files:
            yield files


def plan_batch(
    drop_dir: Path, committed: pa.Table, max_files: int | None = None, window: tuple[datetime, datetime] | None = None
) -> list[DropFile]:
    """Read the new files (at most ``max_files``; with ``window``, only those of its slots) and mark
    duplicates, all in one list (small folders; :func:`iter_chunks` reads large ones in chunks)."""
    return [f for chunk in iter_chunks(drop_dir, committed, max_files=max_files, window=window) for f in chunk]
