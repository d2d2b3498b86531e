"""A change to the asset graph is a reviewed diff: the code location must match the committed snapshot."""

import difflib

from orchestration.definitions import defs
from tests.orchestration.definitions_snapshot import SNAPSHOT, render, snapshot

REGENERATE = "uv run python -m tests.orchestration.definitions_snapshot --update"


def test_definitions_match_the_committed_snapshot():
    current = render(snapshot(defs))
    committed = SNAPSHOT.read_text(encoding="utf-8") if SNAPSHOT.exists() else ""
    if current != committed:
        diff = "".join(difflib.unified_diff(committed.splitlines(True), current.splitlines(True),
                                            "definitions_snapshot.json (committed)", "code location (now)", n=2))
        lines = diff.splitlines()
        shown = "\n".join(lines[:200]) + (f"\n… {len(lines) - 200} more diff lines" if len(lines) > 200 else "")
        raise AssertionError(
            f"The Dagster graph changed (assets, groups, owners, partitions, deps, checks, jobs, schedules or "
            f"sensors). If the change is intended, regenerate the snapshot and commit it with the change:\n\n"
            f"    {REGENERATE}\n\n{shown}"
        )


def test_every_asset_has_an_owner_and_a_group():
    data = snapshot(defs)
    assert not [k for k, a in data["assets"].items() if not a["owners"] or not a["group"]]
