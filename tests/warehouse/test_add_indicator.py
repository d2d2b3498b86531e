"""Adding an indicator is one catalogue row: a copy of the project gains one and publishes it."""

from __future__ import annotations

import shutil
import subprocess
import sys

from tests.warehouse.conftest import copy_project, run_dbt

NEW_FAMILY = """\
sector: health
defaults: {owner_department: Sở Y tế, source_system: health, method: reported, frequency: monthly,
           breakdown: province|district|commune, valid_from: 2024-01-01}
families:
  - family: HLT_TEST_DENGUE_SHARE
    code: HLT_TEST_DENGUE_SHARE_OF_CASES
    name_vi: Tỷ trọng ca sốt xuất huyết trong các ca bệnh truyền nhiễm được giám sát
    name_en: Dengue share of the monitored communicable-disease cases
    definition: Dengue cases / cases of all monitored diseases x 100.
    unit: "%"
    direction: lower_is_better
    metric: health_disease_cases
    aggregation: ratio
    numerator_filter: category = dengue
    denominator_metric: health_disease_cases
    multiplier: 100
"""


def test_one_catalogue_row_is_published_with_values(warehouse, tmp_path):
    project = copy_project(tmp_path / "dbt_project")
    (project / "catalogue" / "families" / "zz_test_added.yml").write_text(NEW_FAMILY, encoding="utf-8")
    compiled = subprocess.run([sys.executable, str(project / "catalogue" / "compile.py")], capture_output=True, text=True)
    assert compiled.returncode == 0, compiled.stderr
    build_db = tmp_path / "build.duckdb"
    shutil.copy(warehouse.build_db, build_db)

    built = run_dbt(project, build_db, warehouse.landing, "build", "--select", "ref_indicators+", "--exclude", "test_type:data")
    assert built.returncode == 0, built.stdout[-4000:]

    import duckdb

    with duckdb.connect(str(build_db), read_only=True) as con:
        listed = con.execute("select sector_code from ref.dim_indicator where indicator_code = 'HLT_TEST_DENGUE_SHARE_OF_CASES'").fetchall()
        values = con.execute(
            "select area_level, count(*), min(value), max(value) from kpi.indicator_values "
            "where indicator_code = 'HLT_TEST_DENGUE_SHARE_OF_CASES' group by all"
        ).fetchall()
    assert listed == [("health",)]
    levels = {level: (n, lo, hi) for level, n, lo, hi in values}
    assert {"province", "district", "commune"} <= set(levels)
    assert all(0 <= lo <= hi <= 100 for _, lo, hi in levels.values())
