"""``python -m ingestion.env_monitoring``: land the station registry, then new station files."""

from __future__ import annotations

import argparse
import time
from dataclasses import asdict
from pathlib import Path

from ingestion.env_monitoring import load_station_files, load_station_registry


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m ingestion.env_monitoring", description=__doc__.splitlines()[0])
    parser.add_argument("--drop-dir", type=Path, help="default: settings.env_drop_dir()")
    parser.add_argument("--registry", type=Path, help="default: settings.env_station_registry()")
    parser.add_argument("--landing-dir", type=Path, help="default: settings.landing_dir()")
    parser.add_argument("--max-files", type=int, help="cap on files per readings batch")
    parser.add_argument("--chunk-files", type=int, help="files read and written at a time (default: IOC_ENV_CHUNK_FILES or 20000)")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    stations = load_station_registry(args.registry, args.landing_dir)
    print("stations:", _describe(stations))
    readings = load_station_files(args.drop_dir, args.landing_dir, args.max_files, chunk_files=args.chunk_files)
    print("readings:", _describe(readings) if readings else "nothing new in the drop folder")
    print(f"done in {time.perf_counter() - began:.1f}s")


def _describe(record) -> str:
    return ", ".join(f"{k}={v}" for k, v in asdict(record).items())


if __name__ == "__main__":
    main()
