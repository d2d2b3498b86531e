"""The publication gate: may this build be published, given the check results?

Fails closed. A check that failed with severity 'error' blocks; so does an expected check that
did not run, because a check that was skipped (library missing, asset not materialised,
selection typo) has proven nothing and must not count as passed. Anything other than
``passed is True`` is a failure, and any severity other than 'warn' is blocking.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class GateDecision:
    allowed: bool
    reason: str
    failed_blocking: list[dict] = field(default_factory=list)
    failed_warnings: list[dict] = field(default_factory=list)
    missing_checks: list[str] = field(default_factory=list)


def decide(check_results: Iterable[dict], expected_checks: Iterable[str] | None = None) -> GateDecision:
    results = list(check_results)
    failed = [r for r in results if r.get("passed") is not True]
    failed_warnings = [r for r in failed if r.get("severity") == "warn"]
    failed_blocking = [r for r in failed if r.get("severity") != "warn"]
    ran = {r.get("check_name") for r in results}
    missing = sorted(set(expected_checks or ()) - ran)

    problems = [f"check {name} did not run" for name in missing]
    problems += [f"check {_label(r)} failed{_detail(r)}" for r in failed_blocking]
    if problems:
        return GateDecision(False, "; ".join(problems), failed_blocking, failed_warnings, missing)

    reason = f"{len(results)} checks ran, no blocking failure"
    if failed_warnings:
        reason += "; warnings: " + ", ".join(_label(r) for r in failed_warnings)
    return GateDecision(True, reason, failed_blocking, failed_warnings, missing)


def _label(result: dict) -> str:
    target = result.get("target")
    return f"{result.get('check_name')} on {target}" if target else str(result.get("check_name"))


def _detail(result: dict) -> str:
    parts = []
    if result.get("unexpected_count") is not None:
        parts.append(f"{result['unexpected_count']} unexpected")
    if result.get("description"):
        parts.append(str(result["description"]))
    return f" ({'; '.join(parts)})" if parts else ""
