"""Public page types: no WCAG 2.2 AA axe violation, no sideways scroll at 320 px."""

import pytest

from tests.browser.axe import axe_violations, describe_violations
from tests.browser.helpers import NARROWEST_PHONE, scroll_width

pytestmark = pytest.mark.browser

PUBLIC_PAGES = {
    "home": lambda site: site.home.url,
    "neighborhoods list": lambda site: site.index.url,
    "neighborhood": lambda site: site.neighborhood.url,
    "update": lambda site: site.update.url,
    "search results": lambda site: "/search/?q=Eastgate",
    "meetings list": lambda site: "/meetings/",
    "meeting": lambda site: site.meeting.get_absolute_url(),
    "standard page": lambda site: site.standard_page.url,
}


def problems_on(page, url) -> list[str]:
    problems = []
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url)
    if violations := axe_violations(page):
        problems.append(f"at 1280 px:\n{describe_violations(violations)}")
    page.set_viewport_size({"width": NARROWEST_PHONE, "height": 800})
    if (width := scroll_width(page)) > NARROWEST_PHONE:
        problems.append(f"scrolls sideways at 320 px (scrollWidth {width})")
    if violations := axe_violations(page):
        problems.append(f"at 320 px:\n{describe_violations(violations)}")
    return problems


# One site for every page: building it dominates the run time, and the failure
# message lists each page's problems, so nothing is lost by looping.
def test_public_pages_pass_wcag_aa_rules_and_fit_320_px(page, public_site):
    report = []
    for name, url_of in PUBLIC_PAGES.items():
        report += [
            f"{name} page {problem}"
            for problem in problems_on(page, url_of(public_site))
        ]
    assert not report, "\n".join(report)
