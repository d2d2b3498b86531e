"""Water (BIWASE) and power (PC Bình Dương) utilities: monthly JSON exports (file drop).

``water_YYYY_MM.json`` and ``power_YYYY_MM.json`` land as three datasets. See ``config`` for the
environment variables.
"""

from functools import partial

from ingestion.registry import DatasetSpec, SourceSpec, lazy

load_water_supply = lazy("ingestion.utilities.load:load_water_supply")
load_power_consumption = lazy("ingestion.utilities.load:load_power_consumption")
load_power_service = lazy("ingestion.utilities.load:load_power_service")

_MONTHLY = 30 * 24 * 60


def _load_months(load, start, end):
    """``load`` for the exports of the months starting in ``[start, end)`` (a partition)."""
    return load(window=(start, end))


def windowed(load):
    return partial(_load_months, load)


SOURCE = SourceSpec(
    source_system="utilities",
    department="utilities",
    department_name_vi="BIWASE và Công ty Điện lực Bình Dương",
    system_description="Monthly JSON exports of the water company (BIWASE) and the power company (PC Bình Dương)",
    native_form="json",
    datasets=(
        DatasetSpec(name="water_supply", load=load_water_supply, load_window=windowed(load_water_supply), cadence_minutes=_MONTHLY, partitioning="month",
                    description=("Water produced and billed (m³) by area and plant, non-revenue water %, "
                                 "households served / total, connections; late exports flagged.")),
        DatasetSpec(name="power_consumption", load=load_power_consumption, load_window=windowed(load_power_consumption), cadence_minutes=_MONTHLY,
                    partitioning="month",
                    description="Electricity consumption (MWh, converted from the unit exported) by area and sector."),
        DatasetSpec(name="power_service", load=load_power_service, load_window=windowed(load_power_service), cadence_minutes=_MONTHLY, partitioning="month",
                    description="Power customers, outage hours, SAIDI (minutes) and SAIFI by area."),
    ),
)
