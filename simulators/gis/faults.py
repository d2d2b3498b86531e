"""What goes wrong in the GIS department's publications, each fault one small function.

Feature faults change the features before writing; file faults change how a file is written
or add files next to it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import shapely


def bow_tie_park(features: list[dict], index: int = 0) -> None:
    """A park boundary digitised with crossing edges: a self-intersecting polygon."""
    x0, y0, x1, y1 = features[index]["geometry"].bounds
    features[index]["geometry"] = shapely.Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1), (x0, y0)])


def swapped_coordinates(features: list[dict], index: int = 0) -> None:
    p = features[index]["geometry"]
    features[index]["geometry"] = shapely.Point(p.y, p.x)


def missing_property(features: list[dict], prop: str, index: int = 1) -> None:
    features[index]["properties"].pop(prop, None)


def missing_geometry(features: list[dict], index: int = 2) -> None:
    features[index]["geometry"] = None


def renamed_property(features: list[dict], old: str, new: str) -> None:
    for f in features:
        f["properties"] = {(new if k == old else k): v for k, v in f["properties"].items()}


def resent_copy(path: Path, copy_name: str) -> Path:
    """The same file mailed again under another name."""
    target = path.with_name(copy_name)
    shutil.copyfile(path, target)
    return target


def empty_file(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_bytes(b"")
    return path
