"""Which tables have a GX suite, found from the file names under ``suites/`` — without importing
them (and so without importing great_expectations, ~12 s).

``suites/<schema>/<table>.py`` checks ``<schema>.<table>``; adding a table is adding a file.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from great_expectations import ExpectationSuite

SUITES_DIR = Path(__file__).resolve().parent / "suites"


@dataclass(frozen=True)
class SuiteSpec:
    """A checked table and where its suite is built. The suite is named after the table."""

    table: str  # "<schema>.<table>", as in the DuckDB build file
    module: str  # "expectations.suites.<schema>.<table>"

    @property
    def schema(self) -> str:
        return self.table.split(".", 1)[0]

    @property
    def table_name(self) -> str:
        return self.table.split(".", 1)[1]

    @property
    def suite_name(self) -> str:
        return self.table

    def build(self) -> ExpectationSuite:
        """Import the suite module (imports great_expectations) and build the suite."""
        module: Any = importlib.import_module(self.module)
        suite = module.build_suite()
        if suite.name != self.suite_name:
            raise ValueError(f"{self.module}.build_suite() named its suite {suite.name!r}, expected {self.suite_name!r}")
        return suite


@cache
def suites() -> dict[str, SuiteSpec]:
    """Table name -> spec, sorted by table name."""
    found = {}
    for path in sorted(SUITES_DIR.glob("*/*.py")):
        schema, name = path.parent.name, path.stem
        if name.startswith("_") or schema.startswith("_"):
            continue
        table = f"{schema}.{name}"
        found[table] = SuiteSpec(table=table, module=f"expectations.suites.{schema}.{name}")
    return found


def checked_tables() -> list[str]:
    return list(suites())


def get_spec(table: str) -> SuiteSpec:
    try:
        return suites()[table]
    except KeyError:
        raise KeyError(f"no GX suite for table {table!r}; suites exist for {checked_tables()}") from None
