"""Query-parameter parsing: a bad value becomes a ParamError (400), never a 500."""

import math
import re
import uuid
from datetime import datetime, time

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

DEFAULT_PER_PAGE = 25
MAX_PER_PAGE = 100
MAX_PROXIMITY_METRES = 100_000
WORD = re.compile(r"\w+")


class ParamError(ValueError):
    """A query parameter the API cannot use; ``parameter`` names it."""

    def __init__(self, parameter: str, message: str):
        super().__init__(message)
        self.parameter = parameter
        self.message = message


def _integer(params, name, default, minimum, maximum):
    raw = params.get(name, "").strip()
    if raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        message = _("%(name)s must be a whole number.") % {"name": name}
        raise ParamError(name, message) from None
    if value < minimum or value > maximum:
        raise ParamError(
            name,
            _("%(name)s must be between %(low)s and %(high)s.")
            % {"name": name, "low": minimum, "high": maximum},
        )
    return value


def page_number(params) -> int:
    return _integer(params, "page", 1, 1, 1_000_000)


def per_page(params) -> int:
    return _integer(params, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE)


def uuid_value(params, name):
    """The UUID in ``name``, or None when absent."""
    raw = params.get(name, "").strip()
    if raw == "":
        return None
    try:
        return uuid.UUID(raw)
    except ValueError:
        message = _("%(name)s must be a UUID.") % {"name": name}
        raise ParamError(name, message) from None


def search_words(params) -> str:
    """Only the words: FTS5 and PostgreSQL read quotes and stars as operators."""
    return " ".join(WORD.findall(params.get("search", "")[:200].lower()))


def modified_after(params):
    """An aware datetime from an ISO 8601 date or date-time (local time if naive)."""
    raw = params.get("modified_after", "").strip()
    if raw == "":
        return None
    try:
        moment = parse_datetime(raw.replace(" ", "+"))
        if moment is None:
            day = parse_date(raw)
            moment = datetime.combine(day, time.min) if day else None
    except ValueError:
        moment = None
    if moment is None:
        raise ParamError(
            "modified_after",
            _("modified_after must be an ISO 8601 date or date-time."),
        )
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def boolean(params, name) -> bool:
    raw = params.get(name, "").strip().lower()
    if raw in ("", "false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise ParamError(name, _("%(name)s must be true or false.") % {"name": name})


def _number(raw, name, low, high):
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < low or value > high:
        raise ParamError(
            name,
            _("%(name)s must be a number between %(low)s and %(high)s.")
            % {"name": name, "low": low, "high": high},
        )
    return value


def proximity(params):
    """(latitude, longitude, metres) or None.

    HSDS defines ``proximity`` as metres from a postcode's centroid; we hold no
    postcode centroids, so the origin is given by the ``lat`` and ``long``
    parameters (an extension, described in our OpenAPI document).
    """
    raw = params.get("proximity", "").strip()
    if raw == "":
        if params.get("lat") or params.get("long"):
            raise ParamError("proximity", _("lat and long need proximity (metres)."))
        return None
    metres = _number(raw, "proximity", 1, MAX_PROXIMITY_METRES)
    if not params.get("lat") or not params.get("long"):
        raise ParamError(
            "proximity",
            _("proximity needs lat and long: the point to measure from."),
        )
    latitude = _number(params["lat"], "lat", -90, 90)
    longitude = _number(params["long"], "long", -180, 180)
    return latitude, longitude, metres


def postcode(params) -> str:
    raw = params.get("postcode", "").strip()
    if len(raw) > 20:
        raise ParamError("postcode", _("postcode is too long."))
    return raw
