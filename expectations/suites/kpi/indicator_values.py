"""kpi.indicator_values: one value per indicator, area, grain and period."""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.domain import PERIOD_GRAINS
from expectations.severity import blocking, non_blocking

TABLE = "kpi.indicator_values"
KEY = ["indicator_code", "area_code", "period_grain", "period_start"]


def build_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name=TABLE,
        expectations=[
            gxe.ExpectTableRowCountToBeBetween(min_value=1, meta=blocking()),
            *[gxe.ExpectColumnValuesToNotBeNull(column=c, meta=blocking()) for c in [*KEY, "sector_code"]],
            gxe.ExpectCompoundColumnsToBeUnique(
                column_list=KEY, meta=blocking(), description="One value per indicator, area, grain and period."
            ),
            gxe.ExpectColumnValuesToBeInSet(column="period_grain", value_set=list(PERIOD_GRAINS), meta=blocking()),
            # NaN sorts above every number in DuckDB and ±inf lies outside: a finiteness test.
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=-1e12, max_value=1e12, meta=blocking(),
                description="Values are finite numbers (no NaN or infinity).",
            ),
            gxe.ExpectColumnValuesToNotBeNull(
                column="value", meta=non_blocking(), description="A period with observations but no computable value."
            ),
            gxe.ExpectColumnValuesToBeBetween(
                column="value", min_value=0, max_value=100, row_condition=Column("unit") == "%", meta=non_blocking(),
                description="Shares in % lie between 0 and 100.",
            ),
            # 0 is legitimate: a count indicator with nothing to count that day.
            gxe.ExpectColumnValuesToBeBetween(column="n_observations", min_value=0, meta=blocking()),
            gxe.ExpectColumnValuesToNotBeNull(column="unit", meta=non_blocking()),
            gxe.ExpectColumnValuesToNotBeNull(
                column="source_batch_ids", meta=non_blocking(), description="Every value traces back to its landing batches."
            ),
        ],
    )
