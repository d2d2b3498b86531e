"""The audit store appends new read-only files and validates records against fixed schemas."""

import stat
from datetime import datetime, timezone

import pytest

from orchestration.publishing import audit_log
from orchestration.publishing.audit_schemas import SCHEMAS

NOW = datetime(2025, 3, 1, 7, 0, tzinfo=timezone.utc)


def record(**over):
    base = dict(run_id="r1", check_name="c", check_kind="custom", severity="error", passed=True, checked_at=NOW)
    return {**base, **over}


def test_each_append_is_a_new_read_only_file(dirs):
    first = audit_log.append("check_results", [record(check_name="a")], audit_dir=dirs.audit)
    second = audit_log.append("check_results", [record(check_name="b")], audit_dir=dirs.audit)
    assert first != second and first.parent == second.parent == dirs.audit / "check_results"
    for path in (first, second):
        assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert sorted(p.name for p in first.parent.iterdir()) == sorted([first.name, second.name])  # no temp left
    assert audit_log.read("check_results", audit_dir=dirs.audit).column("check_name").to_pylist() == ["a", "b"]


def test_json_columns_hold_json_text(dirs):
    audit_log.append("check_results", [record(observed_value={"null_share": 0.1}, details='{"k": 1}')],
                     audit_dir=dirs.audit)
    row = audit_log.read("check_results", audit_dir=dirs.audit).to_pylist()[0]
    assert row["observed_value"] == '{"null_share": 0.1}' and row["details"] == '{"k": 1}'


def test_read_of_empty_table_has_the_schema(dirs):
    assert audit_log.read("withheld", audit_dir=dirs.audit).schema == SCHEMAS["withheld"]
    audit_log.ensure_schema_files(dirs.audit)  # the zero-row file adds no record
    assert audit_log.read("withheld", audit_dir=dirs.audit).num_rows == 0


@pytest.mark.parametrize(
    "bad, message",
    [
        (record(severity="fatal"), "severity"),
        (record(check_kind="sql"), "check_kind"),
        (record(passed=None), "passed is required"),
        (record(oops=1), "unknown columns"),
        (record(checked_at=datetime(2025, 3, 1)), "naive"),
    ],
)
def test_invalid_records_are_refused_and_nothing_is_written(dirs, bad, message):
    with pytest.raises(ValueError, match=message):
        audit_log.append("check_results", [bad], audit_dir=dirs.audit)
    assert not (dirs.audit / "check_results").exists()


def test_unknown_table_is_refused(dirs):
    with pytest.raises(ValueError, match="unknown audit table"):
        audit_log.append("notes", [{}], audit_dir=dirs.audit)
