"""Stand-in for the Department of Health's reporting system: monthly CSV exports in a drop folder.

``python -m simulators.health --out DIR --seed 42 [--faults default|none] [--months 30] [--end YYYY-MM-DD]``
"""

from simulators.health.generate import generate

__all__ = ["generate"]
