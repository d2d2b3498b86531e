"""The publication gate: may this build be published, and which departments are held back?

Fails closed. Each failed check acts by its ``gate`` (see ``scopes``):

* ``block``: nothing is published (a shared/reference check, or anything not attributable);
* ``withhold``: the departments in ``failing_scopes`` (else ``scope``) are withheld — their rows
  are replaced by the last good published values — while the others publish fresh; a failing
  scope that is ``shared`` (or unknown) blocks instead;
* ``warn``: recorded and reported, nothing held back.

A row without ``gate`` gets one from its severity and scope: ``warn`` → warn, otherwise block
unless it names a department. An expected check that did not run blocks, because a check that
was skipped (library missing, asset not materialised, selection typo) has proven nothing.
Anything other than ``passed is True`` is a failure, and any severity other than 'warn' is
treated as an error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from orchestration.publishing.scopes import ROWS, SHARED, gate_action


@dataclass(frozen=True)
class GateDecision:
    allowed: bool
    reason: str
    failed_blocking: list[dict] = field(default_factory=list)
    failed_warnings: list[dict] = field(default_factory=list)
    missing_checks: list[str] = field(default_factory=list)
    # department scope -> the failed checks that withhold it (only meaningful when allowed)
    withheld: dict[str, list[dict]] = field(default_factory=dict)

    def summary(self) -> dict:
        """JSON-able verdict for ``audit.publications.gate_summary``."""
        return {
            "allowed": self.allowed,
            "blocked_by": [_label(r) for r in self.failed_blocking],
            "missing_checks": self.missing_checks,
            "withheld": {s: sorted({str(r.get("check_name")) for r in rs}) for s, rs in sorted(self.withheld.items())},
            "warnings": sorted({_label(r) for r in self.failed_warnings}),
            # how each failed check was attributed, as the gate saw it (a check row recorded before
            # attribution keeps no scope of its own; this is what the audit report shows for it)
            "failed": {
                str(r.get("check_name")): {
                    "scope": r.get("scope"), "gate": effective_gate(r),
                    "failing_scopes": list(r.get("failing_scopes") or []) or None,
                }
                for r in [*self.failed_blocking, *self.failed_warnings, *(x for rs in self.withheld.values() for x in rs)]
            },
        }


def effective_gate(result: dict) -> str:
    return result.get("gate") or gate_action(result.get("severity"), result.get("scope"))


def decide(check_results: Iterable[dict], expected_checks: Iterable[str] | None = None) -> GateDecision:
    results = list(check_results)
    failed = [r for r in results if r.get("passed") is not True]
    failed_warnings, failed_blocking = [], []
    withheld: dict[str, list[dict]] = {}
    for r in failed:
        gate = effective_gate(r)
        if gate == "warn":
            failed_warnings.append(r)
            continue
        scopes = withheld_scopes(r) if gate == "withhold" else None
        if not scopes:
            failed_blocking.append(r)
            continue
        for scope in scopes:
            withheld.setdefault(scope, []).append(r)
    ran = {r.get("check_name") for r in results}
    missing = sorted(set(expected_checks or ()) - ran)

    problems = [f"check {name} did not run" for name in missing]
    problems += [f"check {_label(r)} failed{_detail(r)}" for r in failed_blocking]
    if problems:
        return GateDecision(False, "; ".join(problems), failed_blocking, failed_warnings, missing, withheld)

    reason = f"{len(results)} checks ran, no blocking failure"
    for scope, rows in sorted(withheld.items()):
        names = sorted({str(r.get("check_name")) for r in rows})
        reason += f"; withheld {scope}: {len(names)} failed check(s) ({', '.join(names[:3])}{', …' if len(names) > 3 else ''})"
    if failed_warnings:
        reason += "; warnings: " + ", ".join(_label(r) for r in failed_warnings)
    return GateDecision(True, reason, failed_blocking, failed_warnings, missing, withheld)


def withheld_scopes(result: dict) -> list[str] | None:
    """Departments a failed ``withhold`` check holds back; None if any is shared/unknown (block)."""
    scopes = list(result.get("failing_scopes") or []) or [result.get("scope")]
    if any(s in (None, "", SHARED, ROWS) for s in scopes):
        return None
    return sorted(set(scopes))


def _label(result: dict) -> str:
    target = result.get("target")
    return f"{result.get('check_name')} on {target}" if target else str(result.get("check_name"))


def _detail(result: dict) -> str:
    parts = []
    if result.get("unexpected_count") is not None:
        parts.append(f"{result['unexpected_count']} unexpected")
    if result.get("description"):
        parts.append(str(result["description"]))
    if result.get("scope") and result.get("scope") != SHARED:
        parts.append(f"scope {', '.join(result.get('failing_scopes') or [result['scope']])}")
    return f" ({'; '.join(parts)})" if parts else ""
