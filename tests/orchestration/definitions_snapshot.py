"""The reviewed shape of the Dagster graph: every asset's key, group, owners, partitions, deps and
checks, and the jobs, schedules and sensors. ``test_definitions_snapshot`` compares the code
location with the committed ``definitions_snapshot.json``; after an intended change, regenerate:

    uv run python -m tests.orchestration.definitions_snapshot --update

and commit the diff with the change, so the reviewer sees what the graph gained or lost.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import dagster as dg

SNAPSHOT = Path(__file__).with_name("definitions_snapshot.json")


def describe_partitions(partitions_def: dg.PartitionsDefinition | None) -> str | None:
    """Stable text: no key list (the current day/month/school year moves with the calendar)."""
    if partitions_def is None:
        return None
    if isinstance(partitions_def, dg.TimeWindowPartitionsDefinition):
        return (f"{partitions_def.cron_schedule} from {partitions_def.start:%Y-%m-%d} ({partitions_def.timezone})"
                + (f" end_offset={partitions_def.end_offset}" if partitions_def.end_offset else ""))
    if isinstance(partitions_def, dg.StaticPartitionsDefinition):
        return f"static from {partitions_def.get_partition_keys()[0]}"
    return type(partitions_def).__name__


def snapshot(defs: dg.Definitions) -> dict:
    graph = defs.resolve_asset_graph()
    checks_by_asset: dict[str, list[str]] = {}
    for check_key in graph.asset_check_keys:
        checks_by_asset.setdefault(check_key.asset_key.to_user_string(), []).append(check_key.name)
    assets = {}
    for key in sorted(graph.get_all_asset_keys(), key=lambda k: k.to_user_string()):
        node = graph.get(key)
        if not node.is_materializable:
            continue
        assets[key.to_user_string()] = {
            "group": node.group_name,
            "owners": sorted(node.owners),
            "kinds": sorted(node.kinds),
            "partitions": describe_partitions(node.partitions_def),
            "deps": sorted(k.to_user_string() for k in node.parent_keys),
            "checks": sorted(checks_by_asset.get(key.to_user_string(), [])),
        }
    jobs = {job.name: describe_partitions(job.partitions_def)
            for job in sorted(defs.resolve_all_job_defs(), key=lambda j: j.name) if not job.name.startswith("__")}
    schedules = {s.name: f"{s.cron_schedule} {s.execution_timezone} -> {s.job_name}"
                 for s in sorted(defs.schedules or [], key=lambda s: s.name)}
    sensors = sorted(s.name for s in defs.sensors or [])
    return {"assets": assets, "jobs": jobs, "schedules": schedules, "sensors": sensors}


def render(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main(argv: list[str]) -> int:
    from orchestration.definitions import defs

    text = render(snapshot(defs))
    if "--update" in argv:
        SNAPSHOT.write_text(text, encoding="utf-8")
        print(f"wrote {SNAPSHOT} ({len(json.loads(text)['assets'])} assets)")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
