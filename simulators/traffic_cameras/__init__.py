"""Stand-in for the provincial traffic camera platform (police / Dept. of Transport).

A token-protected JSON API on 127.0.0.1 serving the camera registry (~421 cameras at ~205
locations on QL13, QL1K, ĐT741–ĐT747, Đại lộ Bình Dương, Mỹ Phước–Tân Vạn…), 5-minute
observations per camera (vehicle counts by class, average speed, occupancy, camera status) and
incidents. Generate its store with ``python -m simulators.traffic_cameras``, serve it with
``python -m simulators.traffic_cameras serve`` or :func:`start_server`.
"""

from __future__ import annotations

import os
import secrets

from simulators.traffic_cameras.server import TOKEN_ENV, start_server

URL_ENV = "IOC_TRAFFIC_CAMERAS_URL"
DEFAULT_PORT = 18741


def start_demo_server():
    """Serve ``sources_dir()/traffic_cameras`` on a free port and point the connector at it."""
    from ingestion import settings

    if not os.environ.get(TOKEN_ENV):
        os.environ[TOKEN_ENV] = secrets.token_urlsafe(24)  # demo only: protects nothing real
    server, base_url = start_server(settings.sources_dir() / "traffic_cameras")
    os.environ[URL_ENV] = base_url
    return server


__all__ = ["DEFAULT_PORT", "TOKEN_ENV", "URL_ENV", "start_demo_server", "start_server"]
