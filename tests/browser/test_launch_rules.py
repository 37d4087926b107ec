"""The missing-Chromium rule: skip locally, fail in CI (REQUIRE_BROWSER=1)."""

from tests.browser import launch
from tests.browser.launch import (
    LAUNCH_ARGS,
    MISSING_MESSAGE,
    browser_required,
    decide_when_browser_missing,
)


def test_browser_tests_run_when_chromium_is_installed():
    decision = decide_when_browser_missing(chromium_exists=True, required=True)
    assert decision.action == "run"


def test_missing_chromium_skips_with_install_hint_by_default():
    decision = decide_when_browser_missing(chromium_exists=False, required=False)
    assert decision.action == "skip"
    assert decision.message == (
        "Chromium not found at /usr/bin/chromium: install the Debian package "
        "`chromium` to run browser tests"
    )


def test_missing_chromium_fails_when_browser_is_required():
    decision = decide_when_browser_missing(chromium_exists=False, required=True)
    assert decision.action == "fail"
    assert MISSING_MESSAGE in decision.message


def test_only_require_browser_equal_to_one_makes_it_required():
    assert browser_required({"REQUIRE_BROWSER": "1"})
    assert not browser_required({"REQUIRE_BROWSER": "0"})
    assert not browser_required({"REQUIRE_BROWSER": ""})
    assert not browser_required({})


def test_chromium_is_started_headless_without_background_services():
    assert LAUNCH_ARGS == [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
    ]


def test_absent_chromium_binary_is_detected(monkeypatch, tmp_path):
    monkeypatch.setattr(launch, "CHROMIUM_PATH", tmp_path / "no-chromium-here")
    monkeypatch.delenv("REQUIRE_BROWSER", raising=False)
    assert launch.chromium_decision().action == "skip"
    monkeypatch.setenv("REQUIRE_BROWSER", "1")
    assert launch.chromium_decision().action == "fail"
