"""Performance harness for issue 7: ratios against the physical limit and against what users
would do instead, measured in one run on one machine (see docs/performance.md).

``uv run python -m benchmarks --scale small|month|year [--repeat N] [--out FILE]``
"""
