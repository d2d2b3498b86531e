"""Rejection reasons stay aligned with their rows, whatever pyarrow does with all-null rows."""

import pyarrow as pa
import pyarrow.compute as pc
import pytest

from ingestion.common.csv_files import read_csv_bytes
from ingestion.common.csv_spec import Column, CsvDataset, coerce
from ingestion.common.reasons import join_non_null, join_reasons, reason_where

# rows 1 and 3 have no reason at all: the rows a "skip" join loses
FIRST = pa.array(["a", None, None, None, "e"])
SECOND = pa.array([None, None, "c", None, "f"])


@pytest.mark.xfail(strict=False, reason="pyarrow 26.0.1: null_handling='skip' drops rows whose inputs are all null; "
                                        "when this passes, join_reasons could use it")
def test_pyarrow_skip_join_keeps_one_value_per_row():
    joined = pc.binary_join_element_wise(FIRST, SECOND, "; ", null_handling="skip")
    assert joined.to_pylist() == ["a", None, "c", None, "e; f"]


def test_join_reasons_keeps_every_row_and_its_own_reasons():
    assert join_reasons([FIRST, SECOND], 5).to_pylist() == ["a", None, "c", None, "e; f"]
    assert join_reasons([FIRST, pa.chunked_array([SECOND[:2], SECOND[2:]])], 5).to_pylist() == ["a", None, "c", None, "e; f"]
    assert join_reasons([pa.nulls(3, pa.string())] * 2, 3).to_pylist() == [None, None, None]
    assert join_reasons([], 2).to_pylist() == [None, None]
    assert join_non_null([FIRST, SECOND, FIRST], ",").to_pylist() == ["a,a", None, "c", None, "e,f,e"]


def test_reason_where_formats_only_the_bad_rows():
    values = pa.array(["x", None, "z"])
    bad = pa.array([True, True, None])
    assert reason_where(bad, ["v='", values, "' is bad"]).to_pylist() == ["v='x' is bad", "v='' is bad", None]
    assert reason_where(bad, "bad").to_pylist() == ["bad", "bad", None]


def test_csv_rows_without_problems_between_bad_rows_keep_the_reasons_aligned():
    dataset = CsvDataset(
        source_system="t", name="t", description="", file_pattern=".*", key=("code",),
        columns=(Column("code", "text", ("Mã",), pattern=r"^[A-Z]$"), Column("n", "int", ("Số",), min_value=0)),
    )
    read, _ = read_csv_bytes("Mã,Số\nA,1\nbb,-2\nC,3\nD,x\nE,4\n".encode(), dataset.aliases)
    reasons = coerce(read, dataset).reason
    assert len(reasons) == read.num_rows == 5
    assert reasons.to_pylist() == [None, "code='bb' is not a valid code; n=-2 outside [0, ...]", None,
                                   "n='x' is not a number", None]
