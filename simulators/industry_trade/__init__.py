"""Stand-in for the Department of Industry and Trade: survey and industrial-park CSV exports.

``python -m simulators.industry_trade --out DIR --seed 42 [--faults default|none] [--months 36] [--end YYYY-MM-DD]``
"""

from simulators.industry_trade.generate import generate

__all__ = ["generate"]
