"""The four CSV-drop stand-ins: deterministic by seed, faults only on request, a working CLI."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from simulators.health.generate import generate as health
from simulators.ict.generate import generate as ict
from simulators.industry_trade.generate import generate as industry_trade
from simulators.labour.generate import generate as labour

STANDINS = {"health": health, "ict": ict, "industry_trade": industry_trade, "labour": labour}
END = date(2026, 2, 10)


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in folder.iterdir()}


@pytest.mark.parametrize("name", STANDINS)
def test_same_arguments_give_identical_files(name, tmp_path):
    generate = STANDINS[name]
    generate(tmp_path / "a", seed=3, months=12, end=END)
    generate(tmp_path / "b", seed=3, months=12, end=END)
    generate(tmp_path / "c", seed=4, months=12, end=END)
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")
    assert snapshot(tmp_path / "a") != snapshot(tmp_path / "c")


@pytest.mark.parametrize("name", STANDINS)
def test_without_faults_every_file_is_a_plain_utf8_report(name, tmp_path):
    simulation = STANDINS[name](tmp_path, seed=3, faults="none", months=12, end=END)
    assert simulation.faults == {}
    for path in simulation.files:
        text = path.read_bytes().decode("utf-8")
        assert not text.startswith("\ufeff") and text.count("\r\n") > 1
        assert path.stat().st_mtime < END.toordinal() * 86400  # delivered before the simulated today


def test_cli_writes_into_out(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "simulators.labour", "--out", str(tmp_path), "--seed", "42", "--months", "3",
         "--end", "2026-02-28", "--faults", "none"],
        capture_output=True, text=True, check=True,
    )
    assert "labour:" in result.stderr
    assert sorted(p.name.split("_20")[0] for p in tmp_path.iterdir()) == ["BHXH_BaoCao"] * 3 + ["SLDTBXH_LaoDong"] * 3
