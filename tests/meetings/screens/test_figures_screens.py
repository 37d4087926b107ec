"""Call-in figures: the page (every market the viewer sees, as a captioned
table), the block on the market page, and the dashboard link."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agencies.models import AuditAction, AuditEntry
from tests import workspace
from tests.meetings import call_in_builders as build

pytestmark = pytest.mark.django_db

PAGE = "/workspace/call-ins/figures/"


@pytest.fixture
def held(call_in_scene, team):
    """Two people invited to a held Eastgate call-in; one came."""
    s = call_in_scene
    sellers = [
        build.seller(team, s.market, full_name=name) for name in ("Ann Doe", "Bo Roe")
    ]
    build.held_call_in(
        team,
        s.market,
        sellers,
        attendance={1: "no_show"},
        title="Held call-in",
        location="Held hall",
        starts_at=build.evening(days=3),
    )
    return s


def figures_row(html, market_name):
    row = html.split(market_name, 1)[1].split("</tr>", 1)[0]
    return [cell.split("</td>")[0] for cell in row.split("<td>")[1:]]


def test_figures_page_counts_people_per_visible_market(held, signed_in):
    response = signed_in("county_member").get(PAGE)
    html = response.content.decode()
    assert "<caption>Call-in figures by market" in html
    assert '<th scope="col">Invited</th>' in html
    assert figures_row(html, held.market.name) == ["2", "1", "0", "0", "0"]
    assert held.other_market.name not in html
    entry = AuditEntry.objects.filter(action=AuditAction.RECORD_LISTED).latest("pk")
    assert entry.details["list"] == "call_in_figures"


def test_figures_of_another_agencys_market_are_not_shown(held, signed_in):
    html = signed_in("other_precinct_officer").get(PAGE).content.decode()
    assert held.market.name not in html
    assert figures_row(html, held.other_market.name) == ["0"] * 5


def test_market_page_shows_its_figures(held, signed_in):
    html = signed_in("police_lead").get(f"/workspace/markets/{held.market.pk}/")
    html = html.content.decode()
    assert "People invited to this market" in html
    block = html.split("market-call-in-figures-heading", 1)[1].split("</table>")[0]
    assert [c.split("</td>")[0] for c in block.split("<td>")[1:]] == [
        "2",
        "1",
        "0",
        "0",
        "0",
    ]
    assert f"/workspace/call-ins/?market={held.market.pk}" in html


def test_dashboard_links_to_call_ins_and_figures(call_in_scene, signed_in):
    html = signed_in("federal_prosecutor").get("/workspace/").content.decode()
    assert 'href="/workspace/call-ins/"' in html
    assert f'href="{PAGE}"' in html


def test_figures_page_queries_do_not_grow_with_markets(call_in_scene, signed_in, team):
    client = signed_in("police_lead")
    client.get(PAGE)
    with CaptureQueriesContext(connection) as few:
        client.get(PAGE)
    for number in range(6):
        market = workspace.market(team, name=f"Market {number}", partners=())
        build.call_in(team, market, agencies=(), location=f"Hall {number}")
    with CaptureQueriesContext(connection) as many:
        html = client.get(PAGE).content.decode()
    assert "Market 5" in html
    assert len(many) == len(few)
