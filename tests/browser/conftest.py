"""Browser-test harness: one headless Debian Chromium per session, a fresh
context per test, against pytest-django's live server.

Fixtures for new tests: ``page`` (a 1280 px page on the live server whose
console errors and uncaught exceptions fail the test), ``offline_page`` (the
same without a server, for ``set_content()``), ``page_errors`` (that collector,
to watch extra pages or to allow an expected message), ``public_site`` (a small
published site with a meeting) and ``chromium_browser``.
"""

import os
import time
from types import SimpleNamespace

import pytest

from portal.demo.pages import COMPARISON_TABLE
from tests import factories
from tests.browser.launch import CHROMIUM_PATH, LAUNCH_ARGS, chromium_decision

# Playwright's sync API runs an event loop in the test thread, which makes
# Django's async-safety check refuse ORM calls made from that thread.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

DESKTOP = {"width": 1280, "height": 800}


class PageErrors:
    """Console errors and uncaught exceptions from every page it watches."""

    def __init__(self):
        self.messages: list[str] = []
        self._allowed: list[str] = []

    def watch(self, page):
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self._record(f"uncaught: {error}"))
        return page

    def allow(self, text: str):
        """Ignore messages containing ``text`` (for a test expecting an error)."""
        self._allowed.append(text)

    def _on_console(self, message):
        if message.type == "error":
            url = message.location.get("url")
            self._record(f"console: {message.text}" + (f" ({url})" if url else ""))

    def _record(self, text):
        if not any(allowed in text for allowed in self._allowed):
            self.messages.append(text)


@pytest.fixture(scope="session")
def chromium_browser():
    decision = chromium_decision()
    if decision.action == "skip":
        pytest.skip(decision.message)
    if decision.action == "fail":
        pytest.fail(decision.message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM_PATH), headless=True, args=LAUNCH_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page_errors():
    return PageErrors()


@pytest.fixture
def browser_context(chromium_browser, live_server):
    context = chromium_browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    context.set_default_timeout(10_000)
    yield context
    # Stop background requests (admin autosave, preview refresh) and let the
    # live server finish any in flight before the test database is flushed.
    for open_page in context.pages:
        open_page.goto("about:blank")
    time.sleep(0.3)
    context.close()


@pytest.fixture
def page(browser_context, page_errors):
    return page_errors.watch(browser_context.new_page())


@pytest.fixture
def offline_page(chromium_browser, page_errors):
    """A page with no server or database behind it, for checking markup and CSS
    given with ``page.set_content()``: much faster than a live-server test."""
    context = chromium_browser.new_context(viewport=DESKTOP)
    yield page_errors.watch(context.new_page())
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    result = yield
    errors = item.funcargs.get("page_errors")
    if errors is not None and errors.messages:
        listed = "\n".join(f"  {message}" for message in errors.messages)
        pytest.fail(f"The page reported errors:\n{listed}", pytrace=False)
    return result


@pytest.fixture
def public_site(browser_context):
    """Home, a neighborhood with an update and a meeting, and a standard page."""
    factories.wagtail_tree_root()
    home = factories.site_with_home(body=[("table", COMPARISON_TABLE)])
    index = factories.neighborhood_index(home, show_in_menus=True)
    neighborhood = factories.neighborhood(index, title="Eastgate")
    update = factories.update(neighborhood, title="Cases are being built")
    meeting = factories.community_meeting(neighborhood)
    about = factories.standard_page(
        home,
        title="About the partnership",
        slug="about",
        show_in_menus=True,
        body=[
            ("heading", {"text": "Who takes part", "level": "h2"}),
            ("paragraph", "<p>Police, prosecutors, service providers, neighbors.</p>"),
            ("table", COMPARISON_TABLE),
        ],
    )
    home.refresh_from_db()  # pick up the children added since it was built
    home.directory_page = about
    factories.publish(home)
    return SimpleNamespace(
        home=home,
        index=index,
        neighborhood=neighborhood,
        update=update,
        meeting=meeting,
        standard_page=about,
    )
