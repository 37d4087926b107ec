"""The visitor's list of chosen services, kept in their session.

Why the session and not ids in the URL: the list survives going back to the
search, paging and new searches without JavaScript or hidden fields on every
link, and what help a person is looking for (methadone, a shelter) never ends
up in a URL, a referrer, a proxy log or a shared link. Pages showing the
"Add to my list" button carry a CSRF token, so the page cache leaves them alone.
"""

import uuid

SESSION_KEY = "directory_print_list"
MAX_SERVICES = 30


def _valid_ids(values) -> list[uuid.UUID]:
    ids = []
    for value in values:
        try:
            ids.append(uuid.UUID(str(value)))
        except ValueError:
            continue  # a tampered value is ignored, not an error page
    return ids


def chosen(request) -> list[uuid.UUID]:
    """The chosen services' HSDS ids, oldest first."""
    return _valid_ids(request.session.get(SESSION_KEY, []))


def add(request, values) -> list[uuid.UUID]:
    """Add services by HSDS id; returns the ones that were new."""
    current = chosen(request)
    new = [value for value in _valid_ids(values) if value not in current]
    updated = (current + new)[:MAX_SERVICES]
    request.session[SESSION_KEY] = [str(value) for value in updated]
    return [value for value in new if value in updated]


def remove(request, values) -> None:
    dropped = set(_valid_ids(values))
    request.session[SESSION_KEY] = [
        str(value) for value in chosen(request) if value not in dropped
    ]


def clear(request) -> None:
    request.session.pop(SESSION_KEY, None)
