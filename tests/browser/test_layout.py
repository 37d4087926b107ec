"""Layout rules the axe and width checks cannot see: columns and colours."""

import pytest

from portal.choices import Phase
from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import stylesheets_inline

pytestmark = pytest.mark.browser


def box(page, selector):
    return page.locator(selector).bounding_box()


def test_home_aside_sits_beside_main_column_on_wide_screens_and_below_on_phones(
    page, public_site
):
    page.goto("/")
    main_column = box(page, "main .grid-row > div")
    aside = box(page, "main .grid-row > aside")
    assert aside["x"] >= main_column["x"] + main_column["width"]
    assert aside["y"] == pytest.approx(main_column["y"], abs=1)

    page.set_viewport_size({"width": 320, "height": 800})
    main_column = box(page, "main .grid-row > div")
    aside = box(page, "main .grid-row > aside")
    assert aside["y"] >= main_column["y"] + main_column["height"]


def test_every_phase_tag_is_readable_and_has_its_own_colour(offline_page):
    tags = "".join(
        f'<p><span class="usa-tag dmi-phase dmi-phase--{phase.value}">'
        f"{phase.label}</span></p>"
        for phase in Phase
    )
    offline_page.set_content(
        f'<!DOCTYPE html><html lang="en"><head><title>Phases</title>'
        f"{stylesheets_inline()}</head><body><main>{tags}</main></body></html>"
    )
    assert_no_axe_violations(offline_page)
    backgrounds = offline_page.eval_on_selector_all(
        ".dmi-phase", "tags => tags.map(t => getComputedStyle(t).backgroundColor)"
    )
    assert len(set(backgrounds)) == len(Phase)
