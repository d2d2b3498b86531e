"""kpi.station_hourly: hourly averages per monitoring station and parameter (env_monitoring).

A department's table: a failed blocking expectation withholds the environmental data (last good
values stay published, marked stale); it does not block the other departments.
"""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.domain import STATION_TYPES
from expectations.severity import blocking, non_blocking

TABLE = "kpi.station_hourly"
KEY = ["station_code", "param", "hour_start"]
# dbt var env_min_hour_completeness (dbt_project.yml): a valid hour has >= 75 % of its readings
MIN_VALID_HOUR_COMPLETENESS = 0.75


def build_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name=TABLE,
        expectations=[
            gxe.ExpectTableRowCountToBeBetween(min_value=1, meta=blocking()),
            *[gxe.ExpectColumnValuesToNotBeNull(column=c, meta=blocking()) for c in [*KEY, "station_type"]],
            gxe.ExpectCompoundColumnsToBeUnique(column_list=KEY, meta=blocking(), description="One row per station, parameter and hour."),
            gxe.ExpectColumnValuesToBeInSet(column="station_type", value_set=list(STATION_TYPES), meta=blocking()),
            gxe.ExpectColumnValuesToBeBetween(column="completeness", min_value=0, max_value=1, meta=blocking()),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="n_received", column_B="n_valid", or_equal=True, ignore_row_if="either_value_is_missing",
                meta=blocking(), description="Valid readings are a subset of the readings received.",
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="completeness", min_value=MIN_VALID_HOUR_COMPLETENESS, row_condition=Column("is_valid_hour") == True,  # noqa: E712
                meta=blocking(), description="A valid hour has at least 75 % of its expected readings.",
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="max_value", column_B="min_value", or_equal=True, ignore_row_if="either_value_is_missing",
                meta=blocking(), description="The hour's maximum is not below its minimum.",
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="unit", meta=non_blocking()),
            gxe.ExpectColumnValuesToBeInSet(
                column="is_stuck", value_set=[False], meta=non_blocking(),
                description="Flat-lined sensors (identical values for an hour or more) to follow up.",
            ),
        ],
    )
