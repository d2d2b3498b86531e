"""`make ui`: the Dagster UI, with the HTTP stand-ins running so runs launched there can ingest.

The stand-ins listen on 127.0.0.1 and export their URLs and demo tokens into this process's
environment, which ``dagster dev`` and its code server inherit. Against real systems, set the
``IOC_*_URL`` / ``IOC_*_TOKEN`` variables instead and run ``dagster dev`` directly.
"""

from __future__ import annotations

import os
import subprocess
import sys

from ingestion import settings
from orchestration.demo_environment import apply_demo_environment
from orchestration.demo_simulation import start_http_stand_ins


def main() -> int:
    apply_demo_environment()
    servers = start_http_stand_ins() if settings.sources_dir().exists() else []
    cmd = [sys.executable, "-m", "dagster", "dev", "-w", "workspace.yaml", "-h", "127.0.0.1", "-p",
           os.environ.get("IOC_UI_PORT", "3000")]
    try:
        return subprocess.call(cmd, cwd=settings.REPO_ROOT)
    except KeyboardInterrupt:
        return 0
    finally:
        for server in servers:
            server.shutdown()


if __name__ == "__main__":
    sys.exit(main())
