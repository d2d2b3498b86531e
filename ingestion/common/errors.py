"""Errors every connector raises the same way: the system, what went wrong, what to check.

A connector that cannot read its departmental system at all raises
:class:`SourceUnavailableError`; one that reads it but no longer finds what it needs raises
:class:`SchemaDriftError`. Either way nothing of that run is committed, the other sources still
load, and the message is enough for an operator to act on::

    traffic_cameras: GET …/api/v1/cameras failed 6 times, last: HTTP 503.
    Check: that the system is up and reachable at IOC_TRAFFIC_CAMERAS_URL=https://…
"""

from __future__ import annotations


class SourceError(RuntimeError):
    """``<system>: <problem>. Check: <check>``; the parts stay available as attributes."""

    def __init__(self, system: str, problem: str, check: str):
        self.system = system
        self.problem = problem
        self.check = check
        super().__init__(f"{system}: {problem}. Check: {check}")

    def __reduce__(self):  # picklable although __init__ takes three arguments
        return type(self), (self.system, self.problem, self.check)


class SourceUnavailableError(SourceError):
    """The departmental system cannot be read: folder not mounted, database or API down, token refused."""


class SchemaDriftError(SourceError):
    """The source no longer has something the connector needs (a column renamed or dropped)."""
