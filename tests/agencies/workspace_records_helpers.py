"""Shared by the market, subject and case screen tests.

``records_scene`` builds the Eastgate market (led by the 3rd Precinct, the
county prosecutor as partner) with two police-owned subjects: one shared with
the county prosecutor and probation, one shared with nobody; a case on the
shared subject, shared with the US attorney only (who then sees the case but
not its subject); and the 5th Precinct's own market, which nobody else sees.

``statuses`` asks one URL as every role of the matrix in one test (the
partnership is built once) and returns {person: status code}.
"""

import re
from types import SimpleNamespace

from agencies.services import sharing
from tests import workspace
from tests.agencies.workspace_notes_helpers import ANONYMOUS, EVERYONE, sign_in

MISSING = 987654  # an id no record has


def records_scene(team):
    market = workspace.market(team, lead="police", partners=("county",))
    shared = workspace.subject(
        team, market, full_name="Darnell Example", aliases="Dee, Big D"
    )
    private = workspace.subject(team, market, full_name="Marcus Hidden", aliases="Moe")
    for key in ("county", "probation"):
        sharing.record_share(
            record=shared,
            by=team.police_lead,
            agency=team.agencies[key],
            reason="Joint review",
        )
    case = workspace.case(team, shared, title="Sales on 5th Street")
    sharing.record_share(
        record=case,
        by=team.police_lead,
        agency=team.agencies["federal"],
        reason="Federal charging review",
    )
    other_market = workspace.market(
        team, lead="other_police", partners=(), name="Westside market"
    )
    return SimpleNamespace(
        market=market,
        shared=shared,
        private=private,
        case=case,
        other_market=other_market,
    )


CSRF_TOKEN = re.compile(rb'(csrf[-_a-z]*"? ?(?:value)?=")[^"]+"', re.IGNORECASE)


def same_page(first, second) -> bool:
    """Two responses alike but for their (per-render, masked) CSRF tokens."""
    return CSRF_TOKEN.sub(rb"\1", first.content) == CSRF_TOKEN.sub(
        rb"\1", second.content
    )


def statuses(client, team, url, data=None, *, people=EVERYONE) -> dict:
    """{person: status} for a GET (or a POST of ``data``) by each person."""
    seen = {}
    for person in people:
        sign_in(client, team, person)
        response = client.post(url, data) if data is not None else client.get(url)
        seen[person] = response.status_code
    return seen


def matrix(default: int, **by_person) -> dict:
    """Every role with ``default``, except the named ones; anonymous → 302."""
    return {
        person: by_person.get(person, 302 if person == ANONYMOUS else default)
        for person in EVERYONE
    }
