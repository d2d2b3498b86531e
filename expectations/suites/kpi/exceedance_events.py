"""kpi.exceedance_events: runs of consecutive periods where a parameter broke its QCVN limit."""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.domain import LIMIT_AVERAGINGS, LIMIT_KINDS, STATION_TYPES
from expectations.severity import blocking

TABLE = "kpi.exceedance_events"
REQUIRED = ["event_id", "station_code", "station_type", "param", "averaging", "limit_kind", "event_start",
            "event_end", "hours", "observed_max", "limit_value", "unit", "regulation"]


def build_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name=TABLE,
        expectations=[
            # No exceedance in the period is a normal outcome: an empty table passes.
            gxe.ExpectTableRowCountToBeBetween(min_value=0, meta=blocking()),
            *[gxe.ExpectColumnValuesToNotBeNull(column=c, meta=blocking()) for c in REQUIRED],
            gxe.ExpectColumnValuesToBeUnique(column="event_id", meta=blocking()),
            gxe.ExpectColumnValuesToBeInSet(column="station_type", value_set=list(STATION_TYPES), meta=blocking()),
            gxe.ExpectColumnValuesToBeInSet(column="averaging", value_set=list(LIMIT_AVERAGINGS), meta=blocking()),
            gxe.ExpectColumnValuesToBeInSet(column="limit_kind", value_set=list(LIMIT_KINDS), meta=blocking()),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="event_end", column_B="event_start", or_equal=True,
                ignore_row_if="either_value_is_missing", meta=blocking(), description="An event ends at or after its start.",
            ),
            gxe.ExpectColumnValuesToBeBetween(column="hours", min_value=1, meta=blocking()),
            gxe.ExpectColumnValuesToBeBetween(column="limit_value", min_value=0, meta=blocking()),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="observed_max", column_B="limit_value", row_condition=Column("limit_kind") == "max",
                ignore_row_if="either_value_is_missing", meta=blocking(),
                description="An upper limit is exceeded from above.",
            ),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="limit_value", column_B="observed_max", row_condition=Column("limit_kind") == "min",
                ignore_row_if="either_value_is_missing", meta=blocking(),
                description="A lower limit (pH) is exceeded from below.",
            ),
        ],
    )
