"""No Content-Security-Policy violation on the pages people use most.

Chromium reports each violation as a console error (which the ``page``
fixture turns into a failure); the ``securitypolicyviolation`` events are
also collected by a script injected before any page script runs, so a
violation cannot go unnoticed.
"""

import pytest

from tests import factories, workspace
from tests.browser.accounts import sign_in_as_administrator
from tests.browser.test_workspace import sign_in_to_workspace

pytestmark = pytest.mark.browser

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} ` +
    `(${event.sourceFile}:${event.lineNumber})`
  );
});
"""


@pytest.fixture
def csp_page(page):
    page.add_init_script(COLLECT_VIOLATIONS)
    return page


def assert_no_violation(page, path):
    page.goto(path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__cspViolations") == [], path
    policy = page.evaluate("document.querySelector('meta[http-equiv]')")
    assert policy is None  # the policy comes from the header, not the markup


def test_home_page_has_no_csp_violation(csp_page, public_site):
    assert_no_violation(csp_page, "/")


def test_neighborhood_page_has_no_csp_violation(csp_page, public_site):
    assert_no_violation(csp_page, public_site.neighborhood.url)


def test_sign_in_page_has_no_csp_violation(csp_page, public_site):
    assert_no_violation(csp_page, "/accounts/login/")


def test_admin_dashboard_and_page_editor_have_no_csp_violation(
    csp_page, page_errors, public_site
):
    # Wagtail's table block loads Handsontable, which logs that it has no "en"
    # translation: a console message, not a policy violation.
    page_errors.allow("docs.handsontable.com/i18n/missing-language-code")
    sign_in_as_administrator(csp_page)
    assert_no_violation(csp_page, "/admin/")
    assert_no_violation(csp_page, f"/admin/pages/{public_site.home.pk}/edit/")
    # Signed in, the public pages also carry the time-out script.
    assert_no_violation(csp_page, "/")


def test_admin_preview_panel_shows_the_page_in_its_iframe(
    csp_page, page_errors, public_site
):
    """Frame protection must leave Wagtail's same-origin preview working."""
    page_errors.allow("docs.handsontable.com/i18n/missing-language-code")
    sign_in_as_administrator(csp_page)
    csp_page.goto(f"/admin/pages/{public_site.home.pk}/edit/")
    csp_page.get_by_role("button", name="Toggle preview").click()
    frame = csp_page.frame_locator("iframe#w-preview-iframe")
    frame.locator("h1").first.wait_for()
    assert "Riverton DMI" in frame.locator("h1").first.inner_text()
    assert csp_page.evaluate("window.__cspViolations") == []


def test_directory_pages_have_no_csp_violation(csp_page, public_site):
    directory = factories.directory_page(public_site.home)
    organization = factories.organization(directory)
    service = factories.service(organization, title="Walk-in counseling")
    for path in [directory.url, "/directory/search/?q=counseling", service.url]:
        assert_no_violation(csp_page, path)


def test_workspace_dashboard_has_no_csp_violation(csp_page):
    factories.site_with_home()
    team = workspace.partnership()
    the_market = workspace.market(team, lead="police", partners=("county",))
    workspace.note(team, the_market, by="police_officer")
    sign_in_to_workspace(csp_page, team.police_lead)
    assert_no_violation(csp_page, "/workspace/")
    assert_no_violation(csp_page, "/workspace/notes/")
