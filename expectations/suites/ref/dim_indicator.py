"""ref.dim_indicator: the indicator catalogue every published value is read against.

Shared reference data: a failed blocking expectation blocks the whole publication.
"""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe

from expectations.severity import blocking, non_blocking

TABLE = "ref.dim_indicator"
FREQUENCIES = ["daily", "monthly", "quarterly", "yearly", "school_year"]
DIRECTIONS = ["higher_is_better", "lower_is_better", "neutral"]
# the aggregations the indicator mechanism computes (seeds/_seeds.yml, ref_indicators.aggregation)
AGGREGATIONS = ["avg", "sum", "count", "count_distinct", "max", "min", "share", "ratio"]


def build_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name=TABLE,
        expectations=[
            gxe.ExpectTableRowCountToBeBetween(min_value=1, meta=blocking()),
            *[gxe.ExpectColumnValuesToNotBeNull(column=c, meta=blocking())
              for c in ["indicator_code", "name_vi", "sector_code", "unit", "frequency", "source_system", "aggregation"]],
            gxe.ExpectColumnValuesToBeUnique(column="indicator_code", meta=blocking()),
            gxe.ExpectColumnValuesToBeInSet(column="frequency", value_set=FREQUENCIES, meta=blocking()),
            gxe.ExpectColumnValuesToBeInSet(column="aggregation", value_set=AGGREGATIONS, meta=blocking(),
                                            description="The indicator mechanism knows how to compute it."),
            gxe.ExpectColumnValuesToBeInSet(column="direction", value_set=DIRECTIONS, meta=non_blocking()),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="valid_to", column_B="valid_from", or_equal=True, ignore_row_if="either_value_is_missing",
                meta=blocking(), description="An indicator's validity ends after it starts.",
            ),
            gxe.ExpectColumnValuesToNotBeNull(column="name_en", meta=non_blocking()),
            gxe.ExpectColumnValuesToNotBeNull(column="owner_department", meta=non_blocking()),
        ],
    )
