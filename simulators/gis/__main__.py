"""``python -m simulators.gis``: publish the GIS department's layers (GeoJSON + bridge CSV).

Default out: settings.sources_dir()/gis. Run it after the other stand-ins so station codes are
read from env_monitoring's registry when present.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ingestion import settings
from simulators.gis.simulate import simulate


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m simulators.gis", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="output folder")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--faults", choices=("default", "none"), default="default")
    parser.add_argument("--schools", type=int, default=900, help="school points")
    args = parser.parse_args(argv)
    out = args.out or settings.sources_dir() / "gis"
    summary = simulate(out, seed=args.seed, faults=args.faults == "default", schools=args.schools)
    print(f"gis: {len(summary.files)} files -> {out} in {summary.seconds:.1f}s: {summary.files}", file=sys.stderr)


if __name__ == "__main__":
    main()
