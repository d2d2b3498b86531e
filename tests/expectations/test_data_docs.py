"""Data Docs are built from every persisted run, and can be served on 127.0.0.1."""

from __future__ import annotations

import threading
import urllib.request

from builddb import make_build_db

from expectations.data_docs import build_data_docs, main, make_server
from expectations.runner import run_suite


def test_site_shows_every_run(gx, tmp_path, gx_dir, capsys):
    good = make_build_db(tmp_path / "good.duckdb")
    bad = make_build_db(tmp_path / "bad.duckdb", "UPDATE ref.dim_area SET area_level = 'ward' WHERE area_code = '718'")
    assert run_suite(good, "ref.dim_area", run_id="run-a", context_dir=gx_dir).success
    assert not run_suite(bad, "ref.dim_area", run_id="run-b", context_dir=gx_dir).success

    assert main(["--context-dir", str(gx_dir)]) == 0
    index = build_data_docs(gx_dir)
    assert capsys.readouterr().out.strip() == str(index)
    assert index.name == "index.html" and index.is_file()

    pages = {p.relative_to(index.parent).parts[3]: p for p in index.parent.glob("validations/ref/dim_area/*/*/*.html")}
    assert set(pages) == {"run-a", "run-b"}
    html = index.read_text(encoding="utf-8")
    assert "validations/ref/dim_area/run-a/" in html and "validations/ref/dim_area/run-b/" in html
    failed_page = pages["run-b"].read_text(encoding="utf-8")
    assert "ward" in failed_page  # the unexpected value is shown


def test_site_is_served_on_loopback(tmp_path):
    (tmp_path / "index.html").write_text("<html>IOC data docs</html>", encoding="utf-8")
    server = make_server(tmp_path, port=0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        assert host == "127.0.0.1"
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=10) as response:
            assert b"IOC data docs" in response.read()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)
