"""The harness itself: page errors are caught, allowed ones are not."""

import pytest

pytestmark = pytest.mark.browser

BROKEN_PAGE = """<!DOCTYPE html><html lang="en"><head><title>Broken</title></head>
<body><script>console.error("expected boom"); console.error("ignorable noise");
setTimeout(() => { throw new Error("uncaught boom"); });</script></body></html>"""


def test_console_errors_and_uncaught_exceptions_are_collected(
    offline_page, page_errors
):
    page_errors.allow("ignorable noise")
    offline_page.set_content(BROKEN_PAGE)
    offline_page.wait_for_timeout(100)  # let the thrown error surface

    collected = list(page_errors.messages)
    # Cleared so this test, which wants the errors, does not fail on them.
    page_errors.messages.clear()
    assert any("expected boom" in message for message in collected)
    assert any("uncaught boom" in message for message in collected)
    assert not any("ignorable noise" in message for message in collected)
