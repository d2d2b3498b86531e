"""kpi.air_quality_hourly: hourly VN_AQI per ambient-air station (Decision 1459/QĐ-TCMT)."""

from __future__ import annotations

import great_expectations as gx
import great_expectations.expectations as gxe
from great_expectations.expectations.row_conditions import Column

from expectations.domain import AQI_BAND_CODES, AQI_BAND_LABELS_VI, AQI_BANDS, AQI_PARAMS, AQI_SCALE_MAX
from expectations.severity import blocking, non_blocking

TABLE = "kpi.air_quality_hourly"


def build_suite() -> gx.ExpectationSuite:
    band_matches_aqi = [
        gxe.ExpectColumnValuesToBeBetween(
            column="aqi", min_value=low, max_value=high, row_condition=Column("aqi_band_code") == code,
            meta=blocking(), description=f"Band {code} ({label}) covers AQI {low}-{high or ''}.",
        )
        for low, high, code, label in AQI_BANDS
    ]
    return gx.ExpectationSuite(
        name=TABLE,
        expectations=[
            gxe.ExpectTableRowCountToBeBetween(min_value=1, meta=blocking()),
            gxe.ExpectColumnValuesToNotBeNull(column="station_code", meta=blocking()),
            gxe.ExpectColumnValuesToNotBeNull(column="hour_start", meta=blocking()),
            gxe.ExpectCompoundColumnsToBeUnique(
                column_list=["station_code", "hour_start"], meta=blocking(), description="One row per station and hour."
            ),
            gxe.ExpectColumnValuesToBeBetween(column="aqi", min_value=0, meta=blocking()),
            # Above 500 is extrapolated past the VN_AQI scale: legitimate in a severe episode, so
            # it must not hold back the publication, but it is flagged for review.
            gxe.ExpectColumnValuesToBeBetween(
                column="aqi", max_value=AQI_SCALE_MAX, meta=non_blocking(),
                description="AQI within the VN_AQI scale (0-500); above is extrapolated.",
            ),
            gxe.ExpectColumnValuesToNotBeNull(
                column="aqi", meta=non_blocking(), description="Hours without enough data for an AQI (data sufficiency)."
            ),
            gxe.ExpectColumnValuesToBeInSet(column="aqi_band_code", value_set=list(AQI_BAND_CODES), meta=blocking()),
            gxe.ExpectColumnValuesToBeInSet(column="aqi_band_vi", value_set=list(AQI_BAND_LABELS_VI), meta=blocking()),
            gxe.ExpectColumnPairValuesToBeInSet(
                column_A="aqi_band_code", column_B="aqi_band_vi",
                value_pairs_set=[(code, label) for _, _, code, label in AQI_BANDS],
                ignore_row_if="either_value_is_missing", meta=blocking(),
            ),
            *band_matches_aqi,
            gxe.ExpectColumnValuesToBeInSet(column="dominant_param", value_set=list(AQI_PARAMS), meta=blocking()),
            gxe.ExpectColumnValuesToBeBetween(column="pm25_nowcast", min_value=0, meta=blocking()),
            gxe.ExpectColumnValuesToBeBetween(column="pm10_nowcast", min_value=0, meta=blocking()),
            gxe.ExpectColumnValuesToNotBeNull(column="district_code", meta=non_blocking()),
            gxe.ExpectColumnValuesToNotBeNull(column="commune_code_2025", meta=non_blocking()),
        ],
    )
