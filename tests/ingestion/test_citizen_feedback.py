"""The citizen feedback connector against its stand-in: a real HTTP server on loopback.

The store spans the 2025-07-01 reform (district codes before, commune codes after) and the
API upgrade that renamed a field; the server's clock is set per test. Expected results are
computed from the store, independently of the connector's code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from ingestion.citizen_feedback import SOURCE, load_reports
from ingestion.common.errors import SourceUnavailableError
from ingestion.common.pseudonymise import PseudonymisationKeyError
from simulators.citizen_feedback.generate import DRIFT_DAYS, generate
from simulators.citizen_feedback.server import start_server
from simulators.common.http_stand_in import ServerFaults
from simulators.common.local_time import local_midnight

END_DATE = date(2025, 8, 31)
PERIOD_END = local_midnight(END_DATE + timedelta(days=1))
TOKEN = "test-token-feedback"
KEY = "test-pseudonymisation-key-" + "x" * 40
VN = timezone(timedelta(hours=7))
PSEUDONYM = re.compile(r"[0-9a-f]{64}")


class Clock:
    def __init__(self, epoch: float):
        self.epoch = epoch

    def __call__(self) -> float:
        return self.epoch


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("feedback")
    generate(out, seed=5, days=120, per_day=15, end_date=END_DATE, faults=True)
    return out


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("IOC_LANDING_DIR", raising=False)
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_TOKEN", TOKEN)
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_BACKOFF_S", "0.01")
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_MAX_RETRIES", "3")
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_TIMEOUT_S", "2")
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_PAGE_SIZE", "400")
    monkeypatch.setenv("IOC_PSEUDONYMISATION_KEY", KEY)
    return tmp_path / "data" / "landing" / "citizen_feedback"


def serve(store: Path, monkeypatch, clock: Clock, faults: ServerFaults | None = None):
    server, url = start_server(store, token=TOKEN, faults=faults or ServerFaults(), clock=clock)
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_URL", url)
    return server


def run(store: Path, monkeypatch, *epochs: float, faults: ServerFaults | None = None):
    """One load per clock reading, against one server."""
    clock = Clock(epochs[0])
    server = serve(store, monkeypatch, clock, faults)
    try:
        results = []
        for epoch in epochs:
            clock.epoch = epoch
            results.append(load_reports())
        return results
    finally:
        server.stop()


def sql(query: str) -> list[tuple]:
    with duckdb.connect() as con:
        return con.execute(query).fetchall()


def landed(landing: Path) -> str:
    return f"read_parquet('{landing}/batches/*/reports.parquet', union_by_name=true)"


def quarantine(landing: Path) -> str:
    return f"read_parquet('{landing}/batches/*/quarantine.parquet')"


def served(store: Path, now: float) -> list[dict]:
    """What the API shows at ``now``: each report's latest version, re-sent ones twice."""
    versions = pq.read_table(store / "reports.parquet").to_pylist()
    latest: dict[str, dict] = {}
    for v in sorted(versions, key=lambda v: v["_updated_epoch"]):
        if v["_updated_epoch"] <= now:
            latest[v["report_id"]] = v
    return [v for v in latest.values() for _ in range(2 if v["_sent_twice"] else 1)]


def all_landed_text(landing: Path) -> str:
    values = []
    for path in landing.rglob("*.parquet"):
        table = pq.read_table(path)
        for column in table.columns:
            if pa.types.is_string(column.type):
                values.extend(v for v in set(column.to_pylist()) if v and not PSEUDONYM.fullmatch(v))
    return "\n".join(values)


def national(phone: str) -> str:
    digits = re.sub(r"\D", "", phone)
    return "0" + digits[2:] if digits.startswith("84") and len(digits) == 11 else digits


def test_source_spec():
    assert SOURCE.department == "citizen_feedback" and [d.name for d in SOURCE.datasets] == ["reports"]


def test_first_run_lands_every_report_with_conservation_and_no_personal_data(store, env, monkeypatch):
    now = PERIOD_END + 3600
    (batch,) = run(store, monkeypatch, now)
    expected = served(store, now)
    assert batch.rows_read == len(expected) == batch.rows_landed + batch.rows_quarantined
    assert batch.rows_landed == sql(f"select count(distinct (report_id, updated_at)) from {landed(env)}")[0][0]
    text = all_landed_text(env)
    people = {v["reporter_name"] for v in expected if v["reporter_name"]}
    phones = {v["reporter_phone"] for v in expected if v["reporter_phone"]}
    assert len(people) > 50 and len(phones) > 50
    leaked = [p for p in people | {unicodedata.normalize("NFC", p).strip().lower() for p in people} if p in text]
    leaked += [p for p in phones | {national(p) for p in phones} if p in text]
    assert leaked == []
    columns = pq.read_schema(next(env.glob("batches/*/reports.parquet"))).names
    assert "reporter_phone" not in columns and "reporter_phone_pseudonym" in columns


def test_one_person_one_pseudonym_whatever_the_channel_wrote(store, env, monkeypatch):
    run(store, monkeypatch, PERIOD_END + 3600)
    source = {v["report_id"]: v["reporter_phone"] for v in served(store, PERIOD_END + 3600) if v["reporter_phone"]}
    pseudonyms = dict(sql(f"select report_id, any_value(reporter_phone_pseudonym) from {landed(env)} group by 1"))
    written_forms: dict[str, set[str]] = {}
    for report_id, phone in source.items():
        if report_id in pseudonyms:
            written_forms.setdefault(national(phone), set()).add(phone)
            expected = hmac.new(KEY.encode(), national(phone).encode(), hashlib.sha256).hexdigest()
            assert pseudonyms[report_id] == expected
    assert any(len(forms) > 1 for forms in written_forms.values())  # the same phone, written two ways


def test_missing_key_fetches_nothing_and_lands_nothing(store, env, monkeypatch):
    monkeypatch.delenv("IOC_PSEUDONYMISATION_KEY")
    server = serve(store, monkeypatch, Clock(PERIOD_END))
    try:
        with pytest.raises(PseudonymisationKeyError, match="IOC_PSEUDONYMISATION_KEY"):
            load_reports()
        assert server.requests_seen == 0
    finally:
        server.stop()
    assert not env.exists()


def test_later_runs_land_only_new_versions_and_latest_state_matches_the_system(store, env, monkeypatch):
    t1, t2 = PERIOD_END - 20 * 86400, PERIOD_END + 3600
    first, second, third = run(store, monkeypatch, t1, t2, t2)
    assert third is None  # nothing changed since: an empty window lands nothing
    t1_utc = datetime.fromtimestamp(t1, timezone.utc)
    assert sql(f"select count(*) from {landed(env)} where _batch_id = '{second.batch_id}' "
               f"and updated_at <= '{t1_utc.isoformat()}'")[0][0] == 0
    assert sql(f"select count(*) - count(distinct (report_id, updated_at)) from {landed(env)}")[0][0] == 0
    latest = dict(sql(f"select report_id, arg_max(status, updated_at) from {landed(env)} group by 1"))
    truth = {v["report_id"]: v["status"] for v in served(store, t2)}
    quarantined = {json.loads(r[0]).get("report_id") for r in sql(f"select raw_record from {quarantine(env)}")}
    mismatched = {r for r, s in latest.items() if truth[r] != s}
    assert len(latest) > 1000 and mismatched <= quarantined


def test_late_backlog_lands_flagged_with_its_reporting_period(store, env, monkeypatch):
    run(store, monkeypatch, PERIOD_END + 3600)
    flagged = dict(sql(f"select report_id, strftime(any_value(reporting_period), '%Y-%m') from {landed(env)} "
                       "where is_late_for_period group by 1"))
    expected = {}
    for v in served(store, PERIOD_END + 3600):
        received = datetime.fromisoformat(v["received_at"]).astimezone(VN)
        next_month = (received.replace(day=1) + timedelta(days=32)).replace(day=1, hour=0, minute=0, second=0)
        if datetime.fromisoformat(v["created_at"]) > next_month + timedelta(days=5):
            expected[v["report_id"]] = received.strftime("%Y-%m")
    assert expected and flagged.items() <= expected.items()
    assert set(expected) - set(flagged) <= {json.loads(r[0]).get("report_id") for r in sql(f"select raw_record from {quarantine(env)}")}


def test_schema_drift_rename_is_mapped_and_new_personal_field_is_withheld(store, env, monkeypatch):
    run(store, monkeypatch, PERIOD_END + 3600)
    drift = datetime.fromtimestamp(PERIOD_END - DRIFT_DAYS * 86400, timezone.utc).isoformat()
    after = f"updated_at >= '{drift}' and status <> 'received'"
    assert sql(f"select count(*), count(handling_agency) from {landed(env)} where {after}")[0] == \
        sql(f"select count(*), count(*) from {landed(env)} where {after}")[0]
    assert sql(f"select count(*) from {landed(env)} where channel = 'zalo' and updated_at >= '{drift}' "
               "and _withheld_fields = 'zalo_user_id'")[0][0] > 0
    zalo_ids = {v["zalo_user_id"] for v in pq.read_table(store / "reports.parquet").to_pylist() if v["zalo_user_id"]}
    text = all_landed_text(env)
    assert not [z for z in zalo_ids if z in text]
    assert all("zalo_user_id" not in pq.read_schema(p).names for p in env.glob("batches/*/reports.parquet"))


def test_bad_values_are_quarantined_with_reasons_and_redacted(store, env, monkeypatch):
    (batch,) = run(store, monkeypatch, PERIOD_END + 3600)
    rows = sql(f"select reason, raw_record from {quarantine(env)}")
    reasons = "\n".join(r for r, _ in rows)
    for expected in ("satisfaction=0 outside [1, 5]", "satisfaction=6 outside [1, 5]", "longitude=0 outside",
                     "resolved_at is before received_at", "duplicate of an earlier record", "missing value for report_id"):
        assert expected in reasons
    assert len(rows) == batch.rows_quarantined
    for _, raw in rows:
        record = json.loads(raw)
        assert "reporter_phone" not in record and "reporter_name" not in record
        assert record.get("zalo_user_id") in (None, "<withheld: undeclared field>")


def test_api_errors_timeouts_and_page_size_changes_change_nothing(store, env, monkeypatch, tmp_path):
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_TIMEOUT_S", "0.3")
    faults = ServerFaults(error_first=1, error_every=4, slow_every=11, slow_seconds=0.6, page_size_after_first=33)
    (batch,) = run(store, monkeypatch, PERIOD_END + 3600, faults=faults)
    assert batch.rows_read == len(served(store, PERIOD_END + 3600))
    assert batch.files_loaded >= (batch.rows_read - 400) // 34  # 400 on the first page, ~33 on each next one
    assert sql(f"select count(*) - count(distinct (report_id, updated_at)) from {landed(env)}")[0][0] == 0


def test_outage_lands_nothing_then_the_next_run_lands_everything(store, env, monkeypatch):
    clock = Clock(PERIOD_END + 3600)
    server = serve(store, monkeypatch, clock, ServerFaults(outage_after=3))
    try:
        with pytest.raises(SourceUnavailableError, match=r"citizen_feedback: .*HTTP 503.*IOC_CITIZEN_FEEDBACK_URL"):
            load_reports()
        assert not list(env.glob("batches/*"))
        server.faults = ServerFaults()
        batch = load_reports()
    finally:
        server.stop()
    assert batch.rows_read == len(served(store, PERIOD_END + 3600))


def test_unreachable_system_gives_an_actionable_error(env, monkeypatch):
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("IOC_CITIZEN_FEEDBACK_MAX_RETRIES", "1")
    with pytest.raises(SourceUnavailableError, match=r"citizen_feedback: .*cannot connect.*IOC_CITIZEN_FEEDBACK_URL"):
        load_reports()


def test_a_required_field_dropped_by_the_api_quarantines_everything(store, env, monkeypatch, tmp_path):
    drifted = tmp_path / "drifted"
    drifted.mkdir()
    pq.write_table(pq.read_table(store / "reports.parquet").drop(["received_at"]), drifted / "reports.parquet")
    (batch,) = run(drifted, monkeypatch, PERIOD_END + 3600)
    assert batch.rows_landed == 0 and batch.rows_quarantined == batch.rows_read > 0
    assert np.all(["field received_at missing from the response" in r for (r,) in sql(f"select reason from {quarantine(env)}")])


def test_area_codes_follow_the_2025_reform(store, env, monkeypatch):
    run(store, monkeypatch, PERIOD_END + 3600)
    reform = datetime(2025, 7, 1, tzinfo=VN).isoformat()
    before = sql(f"select count(*), count(district_code), count(commune_code_2025) from {landed(env)} where received_at < '{reform}'")[0]
    after = sql(f"select count(*), count(district_code), count(commune_code_2025) from {landed(env)} where received_at >= '{reform}'")[0]
    assert before[0] > 0 and before[1] == before[0] and before[2] == 0
    assert after[0] > 0 and after[1] == 0 and after[2] == after[0]
