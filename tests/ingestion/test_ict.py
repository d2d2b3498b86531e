"""Department of Information and Communications connector against its stand-in's drop folder
(real files in tmp_path)."""

from __future__ import annotations

from csv_drop_checks import CsvDropConnectorTests, System
from ingestion.ict import SOURCE
from ingestion.ict import datasets as connector
from simulators.ict import datasets as standin
from simulators.ict.generate import generate


class TestIct(CsvDropConnectorTests):
    system = System(
        source=SOURCE,
        generate=generate,
        drop_variable="IOC_ICT_DROP_DIR",
        datasets={
            "telecom_infrastructure": (connector.TELECOM_INFRASTRUCTURE, standin.TELECOM_INFRASTRUCTURE),
            "digital_government": (connector.DIGITAL_GOVERNMENT, standin.DIGITAL_GOVERNMENT),
        },
    )
