"""HSDS's ``Page`` envelope around one page of results."""

import math


def page_slice(total: int, page_number: int, per_page: int) -> tuple[int, int]:
    start = (page_number - 1) * per_page
    return start, min(start + per_page, max(total, start))


def envelope(*, contents: list, total: int, page_number: int, per_page: int) -> dict:
    total_pages = math.ceil(total / per_page) if total else 0
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page_number,
        "size": len(contents),
        "first_page": page_number == 1,
        "last_page": page_number >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
