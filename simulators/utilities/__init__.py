"""Stand-in for the water (BIWASE) and power (PC Bình Dương) companies' monthly JSON exports.

``water_YYYY_MM.json`` (produced and billed m³, non-revenue water, households served/total,
connections by area and plant) and ``power_YYYY_MM.json`` (energy by sector with its unit,
customers, outage hours, SAIDI/SAIFI by area) dropped into one folder. With ``--faults default``:
schema drift (renamed keys, added fields), a month in kWh, impossible figures, a missing field,
an area exported twice, a byte-order mark, an empty file, a copied file, a truncated upload and
a late correction of a closed month.
"""

from simulators.utilities.generate import Generated, generate

__all__ = ["Generated", "generate"]
