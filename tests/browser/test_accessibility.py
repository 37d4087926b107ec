"""Public page types: no WCAG 2.2 AA axe violation, no sideways scroll at 320 px."""

import pytest

from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import assert_no_horizontal_scroll

pytestmark = pytest.mark.browser

PUBLIC_PAGES = {
    "home": lambda site: site.home.url,
    "neighborhood": lambda site: site.neighborhood.url,
    "update": lambda site: site.update.url,
    "search results": lambda site: "/search/?q=Eastgate",
    "meetings list": lambda site: "/meetings/",
    "standard page": lambda site: site.standard_page.url,
}


# One test per page checks both rules: building the site dominates the run time.
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_page_passes_wcag_aa_rules_at_desktop_and_320_px_widths(
    page, public_site, name
):
    page.goto(PUBLIC_PAGES[name](public_site))
    assert_no_axe_violations(page)

    assert_no_horizontal_scroll(page, 320)
    assert_no_axe_violations(page)  # the stacked, phone-width layout too
