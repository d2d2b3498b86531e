"""Department of Industry and Trade connector against its stand-in's drop folder (real files in tmp_path)."""

from __future__ import annotations

from csv_drop_checks import CsvDropConnectorTests, System
from ingestion.industry_trade import SOURCE
from ingestion.industry_trade import datasets as connector
from simulators.industry_trade import datasets as standin
from simulators.industry_trade.generate import generate


class TestIndustryTrade(CsvDropConnectorTests):
    system = System(
        source=SOURCE,
        generate=generate,
        drop_variable="IOC_INDUSTRY_TRADE_DROP_DIR",
        datasets={
            "dx_survey": (connector.DX_SURVEY, standin.DX_SURVEY),
            "industrial_parks": (connector.INDUSTRIAL_PARKS, standin.INDUSTRIAL_PARKS),
        },
        months=36,  # the survey is quarterly: 12 waves give every fault its own file
    )
