"""The indicator catalogue: compiled from catalogue/families/*.yml, committed as a seed."""

from __future__ import annotations

import csv
import importlib.util
import io
from collections import Counter
from pathlib import Path

import pytest

DBT_PROJECT = Path(__file__).resolve().parents[2] / "dbt_project"


def _compiler():
    spec = importlib.util.spec_from_file_location("catalogue_compile", DBT_PROJECT / "catalogue" / "compile.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_seed_is_the_compiled_catalogue():
    compiled = _compiler().compile_catalogue()
    committed = (DBT_PROJECT / "seeds" / "ref_indicators.csv").read_text(encoding="utf-8")
    assert committed == compiled, "seeds/ref_indicators.csv is stale: run uv run python dbt_project/catalogue/compile.py"


def test_catalogue_has_22_sectors_and_at_least_611_indicators():
    rows = list(csv.DictReader(io.StringIO(_compiler().compile_catalogue())))
    with (DBT_PROJECT / "seeds" / "ref_sectors.csv").open(encoding="utf-8") as f:
        sectors = {r["sector_code"] for r in csv.DictReader(f)}
    per_sector = Counter(r["sector_code"] for r in rows)
    assert len(sectors) == 22
    assert set(per_sector) == sectors, sectors - set(per_sector)
    assert len(rows) >= 611
    assert len({r["indicator_code"] for r in rows}) == len(rows)


def test_every_row_carries_the_fields_an_auditor_expects():
    rows = list(csv.DictReader(io.StringIO(_compiler().compile_catalogue())))
    for field in ("name_vi", "name_en", "definition", "unit", "frequency", "direction", "owner_department",
                  "source_system", "method", "metric", "aggregation", "breakdown", "family_code"):
        assert all(r[field] for r in rows), field
    ratios = [r for r in rows if r["aggregation"] in ("share", "ratio")]
    assert all(r["multiplier"] for r in ratios)


def test_the_compiler_refuses_a_contradictory_row(tmp_path):
    compiler = _compiler()
    families = tmp_path / "families"
    families.mkdir()
    (families / "bad.yml").write_text(
        "sector: health\n"
        "defaults: {owner_department: Sở Y tế, source_system: health, method: reported, frequency: monthly,"
        " breakdown: province}\n"
        "families:\n"
        "  - {family: X, code: HLT_X, name_vi: x, name_en: x, definition: x, unit: '%', metric: m,"
        " aggregation: avg, direction: higher_is_better, warning_threshold: 80, critical_threshold: 90}\n",
        encoding="utf-8",
    )
    with pytest.raises(compiler.CatalogueError, match="contradict"):
        compiler.compile_catalogue(families, DBT_PROJECT / "seeds" / "ref_sectors.csv")


def test_families_expand_one_indicator_per_breakdown_member(tmp_path):
    compiler = _compiler()
    families = tmp_path / "families"
    families.mkdir()
    (families / "health.yml").write_text(
        "sector: health\n"
        "defaults: {owner_department: Sở Y tế, source_system: health, method: reported, frequency: monthly,"
        " breakdown: province, direction: lower_is_better}\n"
        "dimensions:\n"
        "  disease: [{key: dengue, code: DENGUE, vi: sốt xuất huyết}, {key: measles, code: MEASLES, vi: sởi}]\n"
        "families:\n"
        "  - family: HLT_CASES\n"
        "    for_each: [disease]\n"
        "    code: 'HLT_CASES_{disease.code}'\n"
        "    name_vi: 'Số ca mắc {disease.vi}'\n"
        "    name_en: '{disease.key} cases'\n"
        "    definition: cases\n"
        "    unit: cases\n"
        "    metric: health_disease_cases\n"
        "    aggregation: sum\n"
        "    numerator_filter: 'category = {disease.key}'\n",
        encoding="utf-8",
    )
    rows = list(csv.DictReader(io.StringIO(compiler.compile_catalogue(families, DBT_PROJECT / "seeds" / "ref_sectors.csv"))))
    assert [(r["indicator_code"], r["numerator_filter"], r["breakdown_members"]) for r in rows] == [
        ("HLT_CASES_DENGUE", "category = dengue", "disease=dengue"),
        ("HLT_CASES_MEASLES", "category = measles", "disease=measles"),
    ]
