"""Case note screens: the list, a note's page, adding and amending notes."""

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from agencies.models import AuditEntry, CaseNote
from agencies.services import sharing
from tests import workspace

pytestmark = pytest.mark.django_db


def render_notes_block(user, record):
    request = RequestFactory().get("/workspace/somewhere/")
    request.user = user
    template = Template(
        '{% include "agencies/workspace/notes/_notes_for.html" with record=record %}'
    )
    return template.render(Context({"request": request, "record": record}))


def test_notes_block_shows_only_notes_the_viewer_may_see(team):
    market = workspace.market(team, partners=("county",))
    own = workspace.note(team, market, text="Police only note")
    shared = workspace.note(team, market, text="Shared with county")
    sharing.record_share(
        record=shared, by=team.police_lead, agency=team.agencies["county"], reason="Need"
    )
    html = render_notes_block(team.county_prosecutor, market)
    assert "Shared with county" in html
    assert "Police only note" not in html
    assert f"/workspace/notes/add/market/{market.pk}/" in html
    police_html = render_notes_block(team.police_officer, market)
    assert "Police only note" in police_html and own.pk
