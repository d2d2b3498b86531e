"""The gate fails closed: blocking failures and checks that did not run both block."""

from orchestration.publishing.gate import decide


def result(name, passed=True, severity="error", **extra):
    return dict(check_name=name, severity=severity, passed=passed, **extra)


def test_all_passed_is_allowed():
    decision = decide([result("a"), result("b")], expected_checks={"a", "b"})
    assert decision.allowed and not decision.failed_blocking and not decision.failed_warnings


def test_failed_error_check_blocks_and_names_it():
    decision = decide([result("a"), result("b", passed=False, target="kpi.t", unexpected_count=3)], {"a", "b"})
    assert not decision.allowed
    assert [r["check_name"] for r in decision.failed_blocking] == ["b"]
    assert "check b on kpi.t failed (3 unexpected)" in decision.reason


def test_warning_failure_does_not_block_but_is_reported():
    decision = decide([result("a"), result("w", passed=False, severity="warn")], {"a", "w"})
    assert decision.allowed
    assert [r["check_name"] for r in decision.failed_warnings] == ["w"]
    assert "w" in decision.reason


def test_missing_expected_check_blocks():
    decision = decide([result("a")], expected_checks={"a", "b"})
    assert not decision.allowed
    assert decision.reason == "check b did not run"
    assert decision.missing_checks == ["b"]


def test_unknown_passed_or_severity_counts_as_blocking_failure():
    # A check that returned no verdict, or an unrecognised severity, has not proven anything.
    assert not decide([result("a", passed=None)]).allowed
    assert not decide([result("a", passed=False, severity="critical")]).allowed


def test_no_expectation_means_only_failures_matter():
    assert decide([], expected_checks=None).allowed
