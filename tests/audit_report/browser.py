"""Headless Chromium from Debian's package, isolated from the network and from any profile."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(),
    reason="headless Chromium not installed (apt-get install -y chromium); CI installs it",
)

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
         "--virtual-time-budget=5000"]


def chromium(url: str, *, screenshot: Path | None = None, window: tuple[int, int] = (1280, 1600)) -> str:
    """Load ``url``; returns the DOM after its scripts ran, and writes ``screenshot`` if given."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        base = [str(CHROMIUM), *FLAGS, f"--user-data-dir={profile}", f"--window-size={window[0]},{window[1]}"]
        if screenshot is not None:
            subprocess.run([*base, f"--screenshot={screenshot}", url], check=True, capture_output=True, timeout=120)
        dom = subprocess.run([*base, "--dump-dom", url], check=True, capture_output=True, text=True, timeout=120)
    return dom.stdout


def is_png(path: Path) -> bool:
    return path.is_file() and path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 10_000
