"""Listing the checks is cheap (no GX import); every suite is well-formed."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from expectations.outcome import expectation_label
from expectations.registry import checked_tables, get_spec
from expectations.severity import SEVERITIES

TABLES = ["kpi.air_quality_hourly", "kpi.exceedance_events", "kpi.indicator_values", "kpi.station_hourly",
          "ref.dim_area", "ref.dim_indicator"]


def test_importing_the_package_does_not_import_great_expectations():
    code = (
        "import json, sys\n"
        "import expectations, expectations.registry, expectations.runner, expectations.outcome\n"
        "import expectations.data_docs, expectations.severity, expectations.domain, expectations.suites\n"
        "tables = expectations.registry.checked_tables()\n"
        "print(json.dumps({'tables': tables, 'gx': sorted(m for m in sys.modules if m.split('.')[0] == 'great_expectations')}))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen == {"tables": TABLES, "gx": []}


def test_registry_lists_one_suite_per_checked_table():
    assert checked_tables() == TABLES
    spec = get_spec("kpi.air_quality_hourly")
    assert (spec.schema, spec.table_name, spec.suite_name) == ("kpi", "air_quality_hourly", "kpi.air_quality_hourly")
    assert spec.module == "expectations.suites.kpi.air_quality_hourly"
    with pytest.raises(KeyError, match="no GX suite for table 'kpi.nope'"):
        get_spec("kpi.nope")


@pytest.mark.parametrize("table", TABLES)
def test_suite_is_named_after_its_table_and_every_expectation_has_a_severity(gx, table):
    suite = get_spec(table).build()
    assert suite.name == table
    assert suite.expectations
    for expectation in suite.expectations:
        assert (expectation.meta or {}).get("severity") in SEVERITIES, expectation
    labels = [expectation_label(e.expectation_type, e.configuration.kwargs) for e in suite.expectations]
    assert len(set(labels)) == len(labels), labels  # labels name audit check rows: must be unique
    types = [e.expectation_type for e in suite.expectations]
    assert "expect_table_row_count_to_be_between" in types  # gives evaluated_row_count
    assert any(e.meta["severity"] == "error" for e in suite.expectations)
