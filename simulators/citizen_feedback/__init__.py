"""Stand-in for the citizen feedback system (phản ánh hiện trường, hotline 1022).

A token-protected JSON API on 127.0.0.1 serving citizen reports — category, channel (app,
hotline, web, Zalo), location and area codes, received / assigned / resolved times, status,
satisfaction, handling agency, and the reporter's name and phone — each report reappearing
whenever its status changes. Generate with ``python -m simulators.citizen_feedback``, serve with
``python -m simulators.citizen_feedback serve`` or :func:`start_server`.
"""

from __future__ import annotations

from simulators.citizen_feedback.server import STAND_IN, TOKEN_ENV, start_server

URL_ENV = STAND_IN.url_env
DEFAULT_PORT = STAND_IN.default_port
start_demo_server = STAND_IN.start_demo  # for the demo: serves the default store, exports URL_ENV

__all__ = ["DEFAULT_PORT", "TOKEN_ENV", "URL_ENV", "start_demo_server", "start_server"]
