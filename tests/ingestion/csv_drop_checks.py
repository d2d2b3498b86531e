"""The tests every CSV-drop system shares (health, ict, industry_trade, labour), written once.

A system's test module subclasses ``CsvDropConnectorTests`` with its ``System`` (connector,
stand-in, datasets) and adds only the checks peculiar to it. The stand-in writes its drop folder
twice, with the default faults and without any, from the same seed: a period's figures do not
depend on the faults, so every row that a fault file lands must equal the row the clean file
lands. Which file carries which fault comes from the stand-in's own plan, so no file name or
value is hard-coded here; a dataset whose stand-in leaves out an optional fault skips its test.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import ClassVar
from datetime import date
from pathlib import Path
from typing import Callable

import duckdb
import pytest

from ingestion.common import csv_drop
from ingestion.common.csv_spec import CsvDataset
from ingestion.common.errors import SourceUnavailableError
from ingestion.registry import SourceSpec
from simulators.csv_drop.dataset import DropDataset, add_months

END = date(2026, 3, 20)  # 12 months back spans the 2025-07-01 switch from districts to communes


@dataclass(frozen=True)
class System:
    source: SourceSpec
    generate: Callable
    drop_variable: str
    datasets: dict[str, tuple[CsvDataset, DropDataset]]  # landing dataset -> (connector spec, stand-in)
    months: int = 12

    @property
    def name(self) -> str:
        return self.source.source_system

    def datasets_with(self, fault: str) -> list[str]:
        """Datasets whose stand-in injects ``fault`` (the unit and impossible faults are optional)."""
        return [name for name, (_, sim) in self.datasets.items() if getattr(sim.targets, fault, True) is not None]


@dataclass
class Landed:
    system: System
    root: Path
    plans: dict[str, dict[str, str]]

    def landing(self, variant: str) -> Path:
        return self.root / variant / "data" / "landing"

    def plan(self, dataset: str) -> dict[str, str]:
        return self.plans[self.system.datasets[dataset][1].file_prefix]

    def rows(self, dataset: str, variant: str = "faulty", where: str = "true") -> list[dict]:
        glob = f"{self.landing(variant)}/{self.system.name}/batches/*/{dataset}.parquet"
        return query(f"select * from read_parquet('{glob}', union_by_name = true) where {where}")

    def table(self, name: str, dataset: str, variant: str = "faulty") -> list[dict]:
        """Rows of ``quarantine`` / ``files`` / ``batch`` belonging to ``dataset``'s batches."""
        base = f"{self.landing(variant)}/{self.system.name}/batches"
        batches = {b["batch_id"] for b in query(f"select * from read_parquet('{base}/*/batch.parquet')")
                   if b["dataset"] == dataset}
        return [r for r in query(f"select * from read_parquet('{base}/*/{name}.parquet')") if r["batch_id"] in batches]


def query(sql: str) -> list[dict]:
    relation = duckdb.sql(sql)
    return [dict(zip(relation.columns, row)) for row in relation.fetchall()]


def simulate(system: System, out: Path, faults: str, end: date = END):
    return system.generate(out, seed=7, faults=faults, months=system.months, end=end)


def load_all(system: System, data_dir: Path, drop_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list:
    """Run every dataset's registered ``load`` the way the orchestration does: config from the environment."""
    monkeypatch.setenv("IOC_DATA_DIR", str(data_dir))
    monkeypatch.delenv("IOC_LANDING_DIR", raising=False)
    monkeypatch.setenv(system.drop_variable, str(drop_dir))
    return [spec.load() for spec in system.source.datasets]


def land(system: System, tmp_path_factory: pytest.TempPathFactory) -> Landed:
    root = tmp_path_factory.mktemp(system.name)
    plans = {}
    with pytest.MonkeyPatch.context() as monkeypatch:
        for variant in ("faulty", "clean"):
            simulation = simulate(system, root / variant / "drop", "default" if variant == "faulty" else "none")
            plans = plans or simulation.faults
            load_all(system, root / variant / "data", root / variant / "drop", monkeypatch)
    return Landed(system, root, plans)


# --- comparisons -------------------------------------------------------------------------------

def numeric_columns(spec: CsvDataset) -> list[str]:
    return [c.name for c in spec.columns if c.kind in ("int", "float")]


def by_key(rows: list[dict], spec: CsvDataset) -> dict[tuple, dict]:
    return {tuple(r[k] for k in spec.key): r for r in rows}


def assert_same_as_clean(landed: Landed, dataset: str, faulty_file: str, clean_file: str | None = None,
                         expected_missing: int = 0) -> list[dict]:
    """Rows landed from ``faulty_file`` equal those the clean stand-in landed from ``clean_file``."""
    spec = landed.system.datasets[dataset][0]
    faulty = landed.rows(dataset, where=f"_source_file = '{faulty_file}'")
    clean = landed.rows(dataset, "clean", where=f"_source_file = '{clean_file or faulty_file}'")
    assert faulty, f"nothing landed from {faulty_file}"
    assert len(faulty) == len(clean) - expected_missing
    clean_by_key = by_key(clean, spec)
    for key, row in by_key(faulty, spec).items():
        for column in numeric_columns(spec):
            expected, got = clean_by_key[key][column], row[column]
            assert (expected is None and got is None) or math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-9), (
                f"{faulty_file} {key} {column}: {got} != {expected}")
    return faulty


def quarantine_of(landed: Landed, dataset: str, file_name: str) -> list[dict]:
    return [q for q in landed.table("quarantine", dataset) if q["source_file"] == file_name]


def check_encoding(landed: Landed, dataset: str, fault: str, encoding: str) -> None:
    file_name = landed.plan(dataset)[fault]
    rows = assert_same_as_clean(landed, dataset, file_name)
    assert {r["source_encoding"] for r in rows} == {encoding}
    if encoding != "tcvn3":  # TCVN3 has no toned capitals: names may come back in lower case
        spec = landed.system.datasets[dataset][0]
        texts = [c.name for c in spec.columns if c.kind in ("text", "category")]
        clean = by_key(landed.rows(dataset, "clean", where=f"_source_file = '{file_name}'"), spec)
        for key, row in by_key(rows, spec).items():
            assert {c: row[c] for c in texts} == {c: clean[key][c] for c in texts}


def only_where_injected(fault: str):
    """Run the decorated test only on the datasets whose stand-in injects the optional ``fault``."""
    def mark(test):
        test.fault = fault
        return test
    return mark


class CsvDropConnectorTests:
    """One test per fault, per dataset of ``system``, plus the behaviour over several runs."""

    system: ClassVar[System]

    def pytest_generate_tests(self, metafunc: pytest.Metafunc) -> None:
        if "dataset" in metafunc.fixturenames:
            fault = getattr(metafunc.function, "fault", None)
            metafunc.parametrize("dataset", self.system.datasets_with(fault) if fault else list(self.system.datasets))

    @pytest.fixture(scope="class")
    @classmethod
    def landed(cls, tmp_path_factory):
        return land(cls.system, tmp_path_factory)

    # --- one check per fault ---------------------------------------------------------------------

    def test_utf8_bom(self, landed, dataset):
        check_encoding(landed, dataset, "bom", "utf-8-sig")

    def test_cp1258_with_semicolons_and_decimal_commas(self, landed, dataset):
        check_encoding(landed, dataset, "cp1258", "cp1258")

    def test_tcvn3_is_decoded_and_flagged(self, landed, dataset):
        check_encoding(landed, dataset, "tcvn3", "tcvn3")

    def test_title_lines_above_header(self, landed, dataset):
        assert_same_as_clean(landed, dataset, landed.plan(dataset)["preamble"])

    def test_renamed_column_maps_back(self, landed, dataset):
        column = landed.system.datasets[dataset][1].targets.renamed[0]
        first_renamed = landed.plan(dataset)["renamed_column"]
        rows = assert_same_as_clean(landed, dataset, first_renamed)
        assert all(r[column] is not None for r in rows)

    def test_added_column_kept_in_extra(self, landed, dataset):
        file_name = landed.plan(dataset)["added_column"]
        rows = assert_same_as_clean(landed, dataset, file_name)
        assert all(set(json.loads(r["_extra"])) == {"Ghi chú"} for r in rows)
        others = landed.rows(dataset, where=f"_source_file <> '{file_name}'")
        assert others and all(r["_extra"] is None for r in others)

    def test_missing_column_quarantines_file_and_corrected_file_loads(self, landed, dataset):
        plan = landed.plan(dataset)
        dropped = landed.system.datasets[dataset][1].targets.dropped
        broken = plan["missing_column"]
        assert not landed.rows(dataset, where=f"_source_file = '{broken}'")
        quarantined = quarantine_of(landed, dataset, broken)
        clean_count = len(landed.rows(dataset, "clean", where=f"_source_file = '{broken}'"))
        assert len(quarantined) == clean_count
        assert all("missing required column" in q["reason"] and dropped in q["reason"] for q in quarantined)
        assert_same_as_clean(landed, dataset, plan["missing_column_fixed"], clean_file=broken)

    def test_duplicated_rows_within_file(self, landed, dataset):
        file_name = landed.plan(dataset)["duplicate_rows"]
        rows = assert_same_as_clean(landed, dataset, file_name)
        spec = landed.system.datasets[dataset][0]
        assert len(by_key(rows, spec)) == len(rows)
        reasons = [q["reason"] for q in quarantine_of(landed, dataset, file_name)]
        assert len(reasons) == 4
        assert sum(r.startswith("duplicate row: identical to line ") for r in reasons) == 3
        assert sum(r.startswith("conflicting duplicate of line ") for r in reasons) == 1

    def test_resent_file_is_skipped(self, landed, dataset):
        plan = landed.plan(dataset)
        files = {f["source_file"]: f for f in landed.table("files", dataset)}
        assert files[plan["resent"]]["skipped_reason"] == f"duplicate of {plan['resent_original']}"
        assert files[plan["resent"]]["content_sha256"] == files[plan["resent_original"]]["content_sha256"]
        assert not landed.rows(dataset, where=f"_source_file = '{plan['resent']}'")
        assert landed.rows(dataset, where=f"_source_file = '{plan['resent_original']}'")

    def test_late_file_for_closed_month_is_flagged(self, landed, dataset):
        spec, sim = landed.system.datasets[dataset]
        late_file = landed.plan(dataset)["late"]
        original = late_file.replace("_bosung.csv", ".csv")
        late = landed.rows(dataset, where=f"_source_file = '{late_file}'")
        assert late and all(r["is_late"] for r in late)
        originals = by_key(landed.rows(dataset, "clean", where=f"_source_file = '{original}'"), spec)
        periods = {r["reporting_period"] for r in originals.values()}
        assert {r["reporting_period"] for r in late} == periods  # landed with its own, closed period
        assert not landed.rows(dataset, where=f"is_late and _source_file <> '{late_file}'")
        revised = sim.targets.revised
        assert all(r[revised] != originals[k][revised] for k, r in by_key(late, spec).items())

    @only_where_injected("unit")
    def test_thousands_unit_is_converted(self, landed, dataset):
        rows = assert_same_as_clean(landed, dataset, landed.plan(dataset)["unit"])
        column = landed.system.datasets[dataset][1].targets.unit[0]
        assert all(r[column] is not None for r in rows)

    @only_where_injected("impossible")
    def test_impossible_percentage_is_quarantined(self, landed, dataset):
        column, value = landed.system.datasets[dataset][1].targets.impossible
        file_name = landed.plan(dataset)["impossible"]
        quarantined = quarantine_of(landed, dataset, file_name)
        assert len(quarantined) == 2
        assert all(q["reason"].startswith(f"{column}={value:g} outside [0, 100]") for q in quarantined)
        assert_same_as_clean(landed, dataset, file_name, expected_missing=2)

    def test_empty_and_header_only_files(self, landed, dataset):
        plan = landed.plan(dataset)
        files = {f["source_file"]: f for f in landed.table("files", dataset)}
        assert files[plan["empty"]]["skipped_reason"] == "empty file: 0 bytes"
        assert files[plan["empty"]]["size_bytes"] == 0
        assert files[plan["header_only"]]["skipped_reason"] == "empty file: header only, no data rows"
        assert not landed.rows(dataset, where=f"_source_file in ('{plan['empty']}', '{plan['header_only']}')")

    def test_conservation(self, landed, dataset):
        for batch in landed.table("batch", dataset):
            assert batch["rows_read"] == batch["rows_landed"] + batch["rows_quarantined"] > 0
            base = landed.landing("faulty") / landed.system.name / "batches" / batch["batch_id"]
            landed_rows = query(f"select count(*) n from read_parquet('{base}/{dataset}.parquet')")[0]["n"]
            quarantined = query(f"select count(*) n from read_parquet('{base}/quarantine.parquet')")[0]["n"]
            assert (landed_rows, quarantined) == (batch["rows_landed"], batch["rows_quarantined"])
        for f in landed.table("files", dataset):
            assert f["lines_read"] == f["rows_landed"] + f["rows_quarantined"]

    # --- behaviour over several runs ------------------------------------------------------------

    def test_incremental_runs_land_only_new_files(self, tmp_path, monkeypatch):
        """A second run lands nothing; a month later only the new files land."""
        system, drop, data = self.system, tmp_path / "drop", tmp_path / "data"
        simulate(system, drop, "none")
        first = load_all(system, data, drop, monkeypatch)
        assert all(b is not None and b.rows_landed > 0 for b in first)
        assert load_all(system, data, drop, monkeypatch) == [None] * len(first)
        before = {p.name for p in drop.iterdir()}
        simulate(system, drop, "none", end=add_months(END, 3).replace(day=END.day))
        new_files = {p.name for p in drop.iterdir()} - before
        later = [b for b in load_all(system, data, drop, monkeypatch) if b is not None]
        assert later and new_files
        landed_files = {f["source_file"] for b in later
                        for f in query(f"select * from read_parquet('{b.path}/files.parquet')")}
        prefixes = tuple(sim.file_prefix + "_" for _, sim in system.datasets.values())
        assert landed_files == {n for n in new_files if n.startswith(prefixes)}

    def test_crash_mid_run_loses_and_duplicates_nothing(self, tmp_path, monkeypatch):
        """A crash in the middle of a run commits nothing; the next run lands everything exactly once."""
        system, drop, data = self.system, tmp_path / "drop", tmp_path / "data"
        simulate(system, drop, "default")
        real_land_file, calls = csv_drop._land_file, []

        def crash_on_third_file(*args, **kwargs):
            calls.append(1)
            if len(calls) == 3:
                raise OSError("share disconnected")
            return real_land_file(*args, **kwargs)

        monkeypatch.setattr(csv_drop, "_land_file", crash_on_third_file)
        with pytest.raises(SourceUnavailableError, match=f"{system.name}: lost access .*share disconnected"):
            load_all(system, data, drop, monkeypatch)
        source_dir = data / "landing" / system.name
        assert not list(source_dir.glob("batches/*")) and not list(source_dir.glob(".staging/*"))
        monkeypatch.setattr(csv_drop, "_land_file", real_land_file)
        for spec, batch in zip(system.source.datasets, load_all(system, data, drop, monkeypatch)):
            connector_spec, sim = system.datasets[spec.name]
            rows = query(f"select * from read_parquet('{batch.path}/{spec.name}.parquet')")
            keys = [(tuple(r[k] for k in connector_spec.key), r["_source_file"]) for r in rows]
            assert len(keys) == len(set(keys)) == batch.rows_landed
            listed = {f["source_file"] for f in query(f"select * from read_parquet('{batch.path}/files.parquet')")}
            assert listed == {p.name for p in drop.iterdir() if p.name.startswith(sim.file_prefix + "_")}

    def test_unmounted_drop_folder_is_a_clear_error(self, tmp_path, monkeypatch):
        system, missing = self.system, tmp_path / "not_mounted"
        with pytest.raises(SourceUnavailableError) as error:
            load_all(system, tmp_path / "data", missing, monkeypatch)
        message = str(error.value)
        assert system.name in message and system.drop_variable in message and str(missing) in message
        assert not (tmp_path / "data" / "landing" / system.name / "batches").exists()
