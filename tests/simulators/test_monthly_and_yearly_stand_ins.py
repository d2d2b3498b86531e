"""The statistics, education and utilities stand-ins are reproducible and keep their history."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from simulators import education, statistics_office, utilities

RUNS = {
    "statistics_office": lambda out, seed, n: statistics_office.generate(out, seed=seed, months=n, end_month=date(2025, 8, 1)),
    "education": lambda out, seed, n: education.generate(out, seed=seed, years=n, schools=50, last_start_year=2023 + n),
    "utilities": lambda out, seed, n: utilities.generate(out, seed=seed, months=n, end_month=date(2024, 12 + n, 1) if n < 1
                                                        else date(2025, n, 1)),
}


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("system", sorted(RUNS))
def test_same_seed_same_bytes_other_seed_other_figures(system, tmp_path):
    run = RUNS[system]
    run(tmp_path / "a", 42, 2), run(tmp_path / "b", 42, 2), run(tmp_path / "c", 43, 2)
    a, b, c = (_contents(tmp_path / x) for x in "abc")
    assert a == b and a.keys() == c.keys() and a != c


@pytest.mark.parametrize("system", ["statistics_office", "utilities"])
def test_a_later_run_does_not_rewrite_history(system, tmp_path):
    """Asking for one more month (the next run of the demo) leaves earlier months' files unchanged."""
    run = RUNS[system]
    run(tmp_path / "short", 42, 2)
    run(tmp_path / "long", 42, 3)
    short, long = _contents(tmp_path / "short"), _contents(tmp_path / "long")
    extras = ("revised", "bo_sung", "Copy", "(1)", "dieu_chinh", "partial")
    clean = {n for n in short if not any(s in n for s in extras)}
    assert clean and all(short[n] == long[n] for n in clean if n in long)
