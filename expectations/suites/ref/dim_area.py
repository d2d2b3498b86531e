"""ref.dim_area: pre-2025 province/districts and post-2025 communes of former Binh Duong."""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.domain import AREA_LEVELS, GEOGRAPHIES
from expectations.severity import blocking, non_blocking

TABLE = "ref.dim_area"


def build_suite() -> gx.ExpectationSuite:
    return gx.ExpectationSuite(
        name=TABLE,
        expectations=[
            gxe.ExpectTableRowCountToBeBetween(min_value=1, meta=blocking()),
            *[gxe.ExpectColumnValuesToNotBeNull(column=c, meta=blocking())
              for c in ["area_code", "area_name_vi", "area_level", "geography"]],
            gxe.ExpectColumnValuesToBeUnique(column="area_code", meta=blocking()),
            gxe.ExpectColumnValuesToBeInSet(column="area_level", value_set=list(AREA_LEVELS), meta=blocking()),
            gxe.ExpectColumnValuesToBeInSet(column="geography", value_set=list(GEOGRAPHIES), meta=blocking()),
            gxe.ExpectColumnPairValuesAToBeGreaterThanB(
                column_A="valid_to", column_B="valid_from", or_equal=True,
                ignore_row_if="either_value_is_missing", meta=blocking(),
            ),
            gxe.ExpectColumnValuesToNotBeNull(
                column="parent_area_code", row_condition=Column("area_level") != "province", meta=non_blocking(),
                description="Every district and commune has a parent area.",
            ),
        ],
    )
