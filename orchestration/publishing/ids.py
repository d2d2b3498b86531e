"""Identifiers that sort by time, so a plain ``ls`` or ``ORDER BY`` lists events in order.

Same shape as landing batch ids (``YYYYMMDDTHHMMSSffffffZ-<8 hex>``): the UTC timestamp gives
the order, the random suffix makes two ids minted in the same microsecond distinct.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timezone


def sortable_id(now: datetime | None = None) -> str:
    now = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    return f"{now.strftime('%Y%m%dT%H%M%S%fZ')}-{secrets.token_hex(4)}"
