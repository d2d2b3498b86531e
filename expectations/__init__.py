"""Great Expectations 1.x suites as code, run against the DuckDB build file.

- ``registry``: which tables have a suite (``suites/<schema>/<table>.py``), without importing GX.
- ``runner.run_suite(db_path, table, *, run_id, context_dir=None) -> SuiteOutcome``.
- ``data_docs``: build (and serve) the Data Docs site of every persisted run.
- ``duckdb_sqlalchemy``: the duckdb-engine dialect GX needs (see docs/great_expectations.md).

Importing this package, ``registry``, ``runner`` or ``data_docs`` never imports
great_expectations (~12 s); only running a suite or building Data Docs does.
"""
