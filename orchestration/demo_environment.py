"""Demo-only settings for the stand-ins. A real deployment sets these in its environment.

Values are set only when absent, so an operator's environment always wins. The tokens and the
pseudonymisation key below protect nothing real: they exist so the stand-ins can demand them the
way the real systems do.
"""

from __future__ import annotations

import os
import sys

DEMO_ENVIRONMENT = {
    "IOC_PSEUDONYMISATION_KEY": "demo-only-key-change-me-in-production-0123456789",
}


def apply_demo_environment() -> None:
    for name, value in DEMO_ENVIRONMENT.items():
        if name not in os.environ:
            os.environ[name] = value
            print(f"demo: {name} not set, using the demo value", file=sys.stderr)
