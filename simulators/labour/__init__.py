"""Stand-in for the Department of Labour and the social insurance office: monthly CSV exports.

``python -m simulators.labour --out DIR --seed 42 [--faults default|none] [--months 30] [--end YYYY-MM-DD]``
"""

from simulators.labour.generate import generate

__all__ = ["generate"]
