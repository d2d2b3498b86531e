"""Why each row is rejected, computed in bulk with pyarrow: one string per row, null when fine.

A check yields ``reason_where(bad, message)``; :func:`join_reasons` joins all the reasons of a
row with ``"; "``. Its result always has exactly one entry per row, so reason ``i`` stays the
reason of row ``i`` when the rows are split into landed and quarantined.

Not ``pc.binary_join_element_wise(*reasons, "; ", null_handling="skip")``: in pyarrow 26.0.1 it
drops the rows whose inputs are all null (the clean rows), returning a shorter array whose
reasons no longer line up with their rows (``tests/ingestion/test_reasons.py``). Joining two
arrays at a time with the default ``emit_null`` and keeping whichever side is present is exact
and stays linear in rows x checks.
"""

from __future__ import annotations

from typing import Sequence

import pyarrow as pa
import pyarrow.compute as pc


def reason_where(bad, message) -> pa.Array:
    """``message`` where ``bad`` is true, else null (also where ``bad`` is null).

    ``message`` is a text, or a list of texts and string arrays concatenated row by row (a null
    value prints as an empty string), e.g. ``[f"{name}='", values, "' is not a number"]``.
    """
    parts = [message] if isinstance(message, str) else message
    parts = [pc.fill_null(p, "") if isinstance(p, (pa.Array, pa.ChunkedArray)) else p for p in parts]
    text = pc.binary_join_element_wise(*parts, "") if len(parts) > 1 else pa.scalar(parts[0], pa.string())
    return pc.if_else(pc.fill_null(bad, False), text, pa.scalar(None, pa.string()))


def join_non_null(arrays: Sequence[pa.Array | pa.ChunkedArray], separator: str) -> pa.Array:
    """The non-null values of each row joined by ``separator``; null where all are null."""
    arrays = [a.combine_chunks() if isinstance(a, pa.ChunkedArray) else a for a in arrays]
    joined = arrays[0]
    for more in arrays[1:]:
        joined = pc.coalesce(pc.binary_join_element_wise(joined, more, separator), joined, more)
    return joined


def join_reasons(reasons: Sequence[pa.Array | pa.ChunkedArray], n: int) -> pa.Array:
    """All reasons of each of the ``n`` rows, ``"; "``-separated; null for a row without any."""
    return join_non_null(reasons, "; ") if reasons else pa.nulls(n, pa.string())
