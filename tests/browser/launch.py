"""Where Chromium lives, how it is started, and what to do when it is missing.

Kept free of Playwright so the skip/fail rule can be unit-tested without a browser.
"""

import os
from dataclasses import dataclass
from pathlib import Path

CHROMIUM_PATH = Path("/usr/bin/chromium")

# Headless Debian Chromium, never a downloaded browser; these flags keep it from
# phoning home (updates, sync, field trials) so tests run offline and quickly.
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

MISSING_MESSAGE = (
    f"Chromium not found at {CHROMIUM_PATH}: install the Debian package "
    "`chromium` to run browser tests"
)


@dataclass(frozen=True)
class MissingBrowserDecision:
    """What a browser test does when Chromium is absent: run, skip or fail."""

    action: str  # "run", "skip" or "fail"
    message: str = ""


def browser_required(environ=None) -> bool:
    """CI sets REQUIRE_BROWSER=1 so a missing Chromium fails instead of skipping."""
    environ = os.environ if environ is None else environ
    return environ.get("REQUIRE_BROWSER", "").strip() == "1"


def decide_when_browser_missing(
    *, chromium_exists: bool, required: bool
) -> MissingBrowserDecision:
    if chromium_exists:
        return MissingBrowserDecision("run")
    if required:
        return MissingBrowserDecision("fail", f"REQUIRE_BROWSER=1: {MISSING_MESSAGE}")
    return MissingBrowserDecision("skip", MISSING_MESSAGE)


def chromium_decision() -> MissingBrowserDecision:
    return decide_when_browser_missing(
        chromium_exists=CHROMIUM_PATH.is_file() and os.access(CHROMIUM_PATH, os.X_OK),
        required=browser_required(),
    )
