"""Stand-in for Binh Duong's automatic environmental monitoring stations.

Writes what the real stations push to the provincial centre: a station registry
(``stations.csv``) and one Circular 10/2021-style text file per station per 5 minutes in a
drop folder, with the faults seen in the field (calibration and fault windows, flat-lined
sensors, gaps, malformed lines, re-sent files, negative readings). Everything is
deterministic for a given seed so tests and demos are reproducible.
"""

from simulators.env_monitoring.simulate import SimulationSummary, simulate

__all__ = ["simulate", "SimulationSummary"]
