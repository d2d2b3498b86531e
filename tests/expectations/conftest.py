from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from builddb import make_build_db  # noqa: E402


@pytest.fixture(scope="session")
def gx():
    """great_expectations, imported once per test process (~10 s)."""
    import great_expectations

    return great_expectations


@pytest.fixture(scope="session")
def valid_db(tmp_path_factory) -> Path:
    """A build file every suite passes on. Read-only for the tests."""
    return make_build_db(tmp_path_factory.mktemp("valid") / "build.duckdb")


@pytest.fixture
def gx_dir(tmp_path) -> Path:
    return tmp_path / "gx"
