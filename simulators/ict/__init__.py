"""Stand-in for the Department of Information and Communications: monthly CSV exports in a drop folder.

``python -m simulators.ict --out DIR --seed 42 [--faults default|none] [--months 30] [--end YYYY-MM-DD]``
"""

from simulators.ict.generate import generate

__all__ = ["generate"]
