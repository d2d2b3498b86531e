"""Stand-in for the citizen feedback system (phản ánh hiện trường, hotline 1022).

A token-protected JSON API on 127.0.0.1 serving citizen reports — category, channel (app,
hotline, web, Zalo), location and area codes, received / assigned / resolved times, status,
satisfaction, handling agency, and the reporter's name and phone — each report reappearing
whenever its status changes. Generate with ``python -m simulators.citizen_feedback``, serve with
``python -m simulators.citizen_feedback serve`` or :func:`start_server`.
"""

from __future__ import annotations

import os
import secrets

from simulators.citizen_feedback.server import TOKEN_ENV, start_server

URL_ENV = "IOC_CITIZEN_FEEDBACK_URL"
DEFAULT_PORT = 18742


def start_demo_server():
    """Serve ``sources_dir()/citizen_feedback`` on a free port and point the connector at it."""
    from ingestion import settings

    if not os.environ.get(TOKEN_ENV):
        os.environ[TOKEN_ENV] = secrets.token_urlsafe(24)  # demo only: protects nothing real
    server, base_url = start_server(settings.sources_dir() / "citizen_feedback")
    os.environ[URL_ENV] = base_url
    return server


__all__ = ["DEFAULT_PORT", "TOKEN_ENV", "URL_ENV", "start_demo_server", "start_server"]
