"""Small page checks shared by browser tests."""

import re

from django.conf import settings

NARROWEST_PHONE = 320


def scroll_width(page) -> int:
    return page.evaluate("document.scrollingElement.scrollWidth")


def assert_no_horizontal_scroll(page, width: int = NARROWEST_PHONE) -> None:
    """At ``width`` px the document must not be wider than the viewport."""
    page.set_viewport_size({"width": width, "height": 800})
    actual = scroll_width(page)
    if actual > width:
        culprits = page.evaluate(
            """(width) => [...document.querySelectorAll('body *')]
                .filter(el => el.getBoundingClientRect().right > width + 0.5)
                .slice(0, 8)
                .map(el => el.tagName.toLowerCase() + (el.className ? '.' +
                     String(el.className).trim().split(/\\s+/).join('.') : ''))""",
            width,
        )
        raise AssertionError(
            f"{page.url} scrolls sideways at {width} px (scrollWidth {actual}); "
            f"widest elements: {culprits}"
        )


def focused_element(page) -> dict:
    # textContent, not innerText: CSS may upper-case what is shown.
    return page.evaluate(
        """() => { const el = document.activeElement;
            return {tag: el.tagName.toLowerCase(), id: el.id,
                    className: String(el.className),
                    text: (el.textContent || "").trim()}; }"""
    )


def path_of(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def stylesheets_inline() -> str:
    """USWDS and the portal's CSS as <style> elements, for ``set_content()``."""
    sheets = [
        settings.BASE_DIR / "static/vendor/uswds/css/uswds.min.css",
        settings.BASE_DIR / "static/css/portal.css",
    ]
    return "".join(f"<style>{sheet.read_text()}</style>" for sheet in sheets)
