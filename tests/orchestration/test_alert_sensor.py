"""The exceedance alert sensor against a real HTTP receiver on 127.0.0.1: one alert per event."""

import http.server
import json
import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from orchestration.alerts import log
from orchestration.alerts.views import create_alert_views
from orchestration.defs.alerts import exceedance_alert_sensor

LOCAL = timezone(timedelta(hours=7))


class Receiver:
    """A webhook receiver on loopback that records every POST; ``fail_next`` answers 503 that many times."""

    def __init__(self):
        self.posts: list[dict] = []
        self.fail_next = 0
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if receiver.fail_next:
                    receiver.fail_next -= 1
                    self.send_response(503)
                    self.end_headers()
                    return
                receiver.posts.append({"body": body, "idempotency_key": self.headers.get("Idempotency-Key")})
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/ioc-alerts"

    def close(self):
        self.server.shutdown()


@pytest.fixture
def receiver():
    r = Receiver()
    yield r
    r.close()


@pytest.fixture
def data_dir(tmp_path, monkeypatch, receiver) -> Path:
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path))
    for name in ("IOC_PUBLISHED_DIR", "IOC_ALERTS_DIR"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("IOC_ALERT_WEBHOOK_URL", receiver.url)
    monkeypatch.setenv("IOC_ALERT_WEBHOOK_BACKOFF_S", "0.01")
    (tmp_path / "published").mkdir()
    return tmp_path


def publish(data_dir: Path, exceedances: list[tuple], aqi_hours: list[tuple]) -> None:
    """A stand-in for a publication: the two published tables the sensor reads, swapped in whole."""
    path = data_dir / "published" / "ioc.duckdb"
    tmp = path.with_name(".ioc.tmp.duckdb")
    tmp.unlink(missing_ok=True)
    with duckdb.connect(str(tmp)) as con:
        con.execute("create schema kpi")
        con.execute("""create table kpi.exceedance_events (event_id varchar, station_code varchar, station_type varchar,
            facility_name varchar, param varchar, averaging varchar, limit_kind varchar, regulation varchar,
            regulation_version varchar, hours integer, observed_max double, limit_value double, unit varchar,
            event_start timestamp, event_end timestamp)""")
        con.executemany("insert into kpi.exceedance_events values (?, ?, 'wastewater', 'KCN Sóng Thần', ?, '1h', 'max', "
                        "'QCVN 40', 'QCVN 40:2025', ?, ?, 30, 'mg/L', ?, ?)", exceedances)
        con.execute("""create table kpi.air_quality_hourly (station_code varchar, hour_start timestamp, aqi integer,
            aqi_band_code varchar, aqi_band_vi varchar, dominant_param varchar)""")
        if aqi_hours:
            con.executemany("insert into kpi.air_quality_hourly values (?, ?, ?, ?, 'Xấu', 'PM2.5')", aqi_hours)
    tmp.replace(path)


def tick(instance) -> str:
    result = exceedance_alert_sensor(dg.build_sensor_context(instance=instance))
    return result.skip_message if isinstance(result, dg.SkipReason) else str(result)


def hour(hours_ago: int) -> datetime:
    now = datetime.now(LOCAL).replace(minute=0, second=0, microsecond=0, tzinfo=None)
    return now - timedelta(hours=hours_ago)


def test_alerts_fire_once_per_event_and_reach_the_webhook(data_dir, receiver):
    # an exceedance that began 3 h ago (2 h so far), an AQI episode > 150 over the last 2 hours,
    # an AQI hour of 140 ("Kém", not alerted) and an exceedance that ended three days ago
    exceedance = ("ev-cod-1", "BD_WW_01", "COD", 2, 61.0, hour(3), hour(2))
    old = ("ev-old", "BD_WW_02", "TSS", 1, 90.0, hour(75), hour(75))
    aqi = [("BD_AIR_01", hour(2), 163, "bad"), ("BD_AIR_01", hour(1), 171, "bad"), ("BD_AIR_02", hour(1), 140, "poor")]
    publish(data_dir, [exceedance, old], aqi)
    receiver.fail_next = 1  # the first POST meets a 503: retried with backoff within the same evaluation

    with dg.instance_for_test() as instance:
        message = tick(instance)
        assert "3 new alert(s) (2 to send), 2 delivered" in message
        assert len(receiver.posts) == 2
        kinds = sorted(p["body"]["kind"] for p in receiver.posts)
        assert kinds == ["aqi_bad", "qcvn_exceedance"]
        assert all(p["idempotency_key"] == p["body"]["alert_id"] for p in receiver.posts)
        aqi_alert = next(p["body"] for p in receiver.posts if p["body"]["kind"] == "aqi_bad")
        assert aqi_alert["station_code"] == "BD_AIR_01" and aqi_alert["observed_value"] == 171

        # the same publication again: nothing new
        assert tick(instance) == "no new exceedance or AQI alert"
        # both events grow (same event id; the episode gains an hour): still the same two events
        grown = ("ev-cod-1", "BD_WW_01", "COD", 4, 75.0, hour(3), hour(0))
        publish(data_dir, [grown, old], [*aqi, ("BD_AIR_01", hour(0), 182, "bad")])
        assert tick(instance) == "no new exceedance or AQI alert"
        # late data moves the exceedance's start an hour earlier: a new event id, the same ongoing event
        moved = ("ev-cod-1-moved", "BD_WW_01", "COD", 5, 75.0, hour(4), hour(0))
        publish(data_dir, [moved, old], [*aqi, ("BD_AIR_01", hour(0), 182, "bad")])
        assert tick(instance) == "no new exceedance or AQI alert"
        assert len(receiver.posts) == 2

        # a new exceedance at another station is a new alert
        other = ("ev-nh4-9", "BD_WW_03", "NH4", 1, 12.0, hour(1), hour(1))
        publish(data_dir, [moved, old, other], aqi)
        assert "1 new alert(s) (1 to send), 1 delivered" in tick(instance)
        assert [p["body"]["station_code"] for p in receiver.posts][-1] == "BD_WW_03"
        assert len(receiver.posts) == 3

    # the append-only log, as the published file exposes it
    with duckdb.connect() as con:
        create_alert_views(con)
        rows = con.execute("select event_key, notify, delivered from alerts.exceedance_alerts order by event_key").fetchall()
    assert len(rows) == 4  # three exceedances and one AQI episode, each once
    assert {r[0] for r in rows} >= {"ev-cod-1", "ev-nh4-9", "ev-old"}
    assert [r for r in rows if r[0] == "ev-old"] == [("ev-old", False, False)]  # historical: logged, not sent
    assert all(r[2] for r in rows if r[1])


def test_an_undelivered_alert_is_retried_at_the_next_evaluation(data_dir, receiver, monkeypatch):
    monkeypatch.setenv("IOC_ALERT_WEBHOOK_RETRIES", "1")
    publish(data_dir, [("ev-1", "BD_WW_01", "COD", 1, 61.0, hour(1), hour(1))], [])
    receiver.fail_next = 2  # both attempts of the first evaluation fail
    with dg.instance_for_test() as instance:
        assert "1 new alert(s) (1 to send), 0 delivered, 1 delivery(ies) failed" in tick(instance)
        assert receiver.posts == []
        assert "0 new alert(s) (0 to send), 1 delivered" in tick(instance)  # no new alert; the old one delivered
    assert len(receiver.posts) == 1
    deliveries = log.read("alert_deliveries")
    assert [d["delivered"] for d in sorted(deliveries, key=lambda d: d["attempted_at"])] == [False, True]
    assert len(log.read("exceedance_alerts")) == 1


def test_the_sensor_evaluates_within_one_five_minute_cycle():
    assert exceedance_alert_sensor.minimum_interval_seconds <= 300
