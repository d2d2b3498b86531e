"""One module per checked table: ``suites/<schema>/<table>.py`` with ``build_suite()``.

Each module imports great_expectations at module level; only ``expectations.registry`` knows
them, by file name, so listing the checks never imports GX.
"""
