"""Department of Labour (and social insurance office) connector against its stand-in's drop folder
(real files in tmp_path)."""

from __future__ import annotations

from csv_drop_checks import CsvDropConnectorTests, System
from ingestion.labour import SOURCE
from ingestion.labour import datasets as connector
from simulators.labour import datasets as standin
from simulators.labour.generate import generate


class TestLabour(CsvDropConnectorTests):
    system = System(
        source=SOURCE,
        generate=generate,
        drop_variable="IOC_LABOUR_DROP_DIR",
        datasets={
            "employment": (connector.EMPLOYMENT, standin.EMPLOYMENT),
            "social_insurance": (connector.SOCIAL_INSURANCE, standin.SOCIAL_INSURANCE),
        },
    )
