"""Which code produced a publication: the git commit if we run from a checkout, else the package version."""

from __future__ import annotations

import subprocess
from importlib import metadata

from ingestion.settings import REPO_ROOT


def current_code_version() -> str:
    try:
        sha = subprocess.run(
            ["git", "rev-parse", "HEAD"], cwd=REPO_ROOT, capture_output=True, text=True, timeout=10, check=True
        ).stdout.strip()
        if sha:
            return f"git:{sha}"
    except (OSError, subprocess.SubprocessError):
        pass  # deployed as a package, no checkout: fall back to the version
    try:
        return f"package:ioc-warehouse=={metadata.version('ioc-warehouse')}"
    except metadata.PackageNotFoundError:
        return "unknown"
