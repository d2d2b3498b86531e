"""Stand-in for the provincial traffic camera platform (police / Dept. of Transport).

A token-protected JSON API on 127.0.0.1 serving the camera registry (~421 cameras at ~205
locations on QL13, QL1K, ĐT741–ĐT747, Đại lộ Bình Dương, Mỹ Phước–Tân Vạn…), 5-minute
observations per camera (vehicle counts by class, average speed, occupancy, camera status) and
incidents. Generate its store with ``python -m simulators.traffic_cameras``, serve it with
``python -m simulators.traffic_cameras serve`` or :func:`start_server`.
"""

from __future__ import annotations

from simulators.traffic_cameras.server import STAND_IN, TOKEN_ENV, start_server

URL_ENV = STAND_IN.url_env
DEFAULT_PORT = STAND_IN.default_port
start_demo_server = STAND_IN.start_demo  # for the demo: serves the default store, exports URL_ENV

__all__ = ["DEFAULT_PORT", "TOKEN_ENV", "URL_ENV", "start_demo_server", "start_server"]
