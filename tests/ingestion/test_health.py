"""Department of Health connector against its stand-in's drop folder (real files in tmp_path)."""

from __future__ import annotations

from csv_drop_checks import CsvDropConnectorTests, System
from ingestion.health import SOURCE
from ingestion.health import datasets as connector
from simulators.health import datasets as standin
from simulators.health.generate import generate


class TestHealth(CsvDropConnectorTests):
    system = System(
        source=SOURCE,
        generate=generate,
        drop_variable="IOC_HEALTH_DROP_DIR",
        datasets={
            "facility_reports": (connector.FACILITY_REPORTS, standin.FACILITY_REPORTS),
            "disease_cases": (connector.DISEASE_CASES, standin.DISEASE_CASES),
        },
    )

    def test_bed_occupancy_above_100_is_real_and_lands(self, landed):
        # Vietnamese public hospitals run above 100 % (two patients per bed): not an error.
        assert landed.rows("facility_reports", where="bed_occupancy_pct > 100")
        assert not [q for q in landed.table("quarantine", "facility_reports") if "bed_occupancy_pct" in q["reason"]]
