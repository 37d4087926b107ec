"""A joint call-in from planning to a provider's referral, in a real browser.

The 3rd Precinct's lead schedules a call-in through the screens, brings in
the US Attorney's office and staff of two agencies, who reply from their own
browsers; two sellers are invited, their follow-up plans agreed, the call-in
marked ready; at the door one attends and one does not; the attended one is
referred to a directory service with consent to share the name; the report
is written and the call-in closed. The provider's staff member sees the
referral (the name, nothing from the record) and moves it on, and the host
sees the new status. A police officer of another precinct gets "not found".

Every distinct page is checked with axe (WCAG 2.2 AA) and for console errors
(the ``page`` fixture and ``page_errors`` fail the test on any).
"""

import re

import pytest
from django.core import mail

from meetings.models import CallIn
from tests.browser.axe import assert_no_axe_violations
from tests.browser.call_in_story import (
    ATTENDED,
    CALL_IN_TITLE,
    INFLUENTIAL,
    NO_SHOW,
    OUTCOME,
    PLACE,
    PLAN,
    RECORD_WORDS,
    SERVICE,
    browser_of,
    flash,
    main_text,
    seed,
    sign_in,
    submit,
    tick,
)
from tests.browser.helpers import path_of
from tests.meetings.call_in_builders import evening

pytestmark = pytest.mark.browser


def form_for(page, action_suffix):
    return page.locator(f"form[action$='{action_suffix}']")


def plan_the_call_in(page, story) -> int:
    """New draft, schedule, a second agency, two agencies' staff; the call-in's id."""
    page.goto("/workspace/call-ins/")
    assert page.locator("h1").inner_text() == "Call-ins"
    assert_no_axe_violations(page)  # call-in list
    page.get_by_role("link", name="Schedule a call-in").click()
    page.wait_for_url("**/workspace/call-ins/new/")
    assert_no_axe_violations(page)  # new call-in form

    starts = evening(days=10)
    form = page.locator("form[action='/workspace/call-ins/new/']")
    form.get_by_label("Market").select_option(label=story.market.name)
    form.get_by_label("Working title").fill(CALL_IN_TITLE)
    form.get_by_label("Date").fill(starts.strftime("%Y-%m-%d"))
    form.get_by_label("Starts at").fill("18:00")
    form.get_by_label("Ends at").fill("20:00")
    form.get_by_label("Place").fill(PLACE)
    tick(form, story.agency("county"))
    tick(form, "Interpretation")
    submit(form, "Save draft")
    assert flash(page) == "Call-in saved as a draft."
    pk = int(re.search(r"/workspace/call-ins/(\d+)/$", page.url).group(1))

    page.get_by_role("link", name="Schedule", exact=True).click()
    page.wait_for_url(f"**/workspace/call-ins/{pk}/schedule/")
    assert_no_axe_violations(page)  # schedule confirmation
    submit(page, "Schedule the call-in")
    assert path_of(page.url) == f"/workspace/call-ins/{pk}/"
    assert "Call-in scheduled" in flash(page)

    agencies = form_for(page, f"/{pk}/agencies/add/")
    agencies.get_by_label("Agency to add").select_option(label=story.agency("federal"))
    submit(agencies, "Add agency")
    assert flash(page) == "Agency added: its staff now see the call-in."

    for username, agency in (
        ("county_prosecutor", "county"),
        ("federal_prosecutor", "federal"),
    ):
        staff = form_for(page, f"/{pk}/staff/add/")
        staff.get_by_label("Staff member").select_option(
            label=f"{username} ({story.agency(agency)})"
        )
        submit(staff, "Add staff member")
        assert flash(page) == "Staff member added."
    # Being added to a scheduled call-in tells the person, never saying where.
    told = [m for m in mail.outbox if "county_prosecutor@example.org" in m.to]
    assert told and PLACE not in told[-1].body

    call_in = CallIn.objects.get(pk=pk)
    assert (call_in.status, call_in.location) == ("scheduled", PLACE)
    assert set(call_in.agencies.values_list("name", flat=True)) == {
        story.agency(key) for key in ("police", "county", "federal")
    }
    return pk


def reply_as(browsers, user, pk, answer):
    with browsers(user) as staff_page:
        staff_page.goto(f"/workspace/call-ins/{pk}/")
        reply = form_for(staff_page, f"/{pk}/reply/")
        reply.locator("label.usa-radio__label", has_text=answer).click()
        submit(reply, "Save my reply")
        assert flash(staff_page) == "Your reply was saved."


def invite_and_agree_plans(page, pk) -> dict:
    """Both sellers invited, a letter delivered to one, both plans agreed; ids."""
    invitee_ids = {}
    for name in (ATTENDED, NO_SHOW):
        page.goto(f"/workspace/call-ins/{pk}/")
        page.get_by_role("link", name="Invite a subject").click()
        page.wait_for_url(f"**/workspace/call-ins/{pk}/invitees/add/")
        if name == ATTENDED:
            assert_no_axe_violations(page)  # invite form
        page.get_by_label("Person to invite").select_option(label=name)
        submit(page, "Invite")
        assert flash(page) == "Invitation recorded."
        page.locator("#invitees").get_by_role("link", name=name, exact=True).click()
        page.wait_for_url(re.compile(r"/workspace/call-ins/invitees/\d+/$"))
        invitee_ids[name] = int(re.search(r"/invitees/(\d+)/$", page.url).group(1))
        if name == ATTENDED:
            assert_no_axe_violations(page)  # invitee page, before the meeting
            record_invitation(page, invitee_ids[name])
        plan = form_for(page, f"/invitees/{invitee_ids[name]}/plan/")
        plan.get_by_label("If they do not attend").fill(PLAN)
        plan.get_by_label("If they keep dealing").fill("Activate and file the case.")
        submit(plan, "Agree the plan")
        assert flash(page) == "Follow-up plan agreed."

    page.goto(f"/workspace/call-ins/{pk}/")
    submit(page.locator("#meeting"), "Mark ready")
    assert flash(page) == "The call-in is ready."
    return invitee_ids


def record_invitation(page, invitee_pk):
    influential = form_for(page, f"/invitees/{invitee_pk}/influentials/add/")
    influential.get_by_label("Name").fill(INFLUENTIAL)
    influential.get_by_label("Relation").fill("aunt")
    submit(influential, "Add")
    assert flash(page) == "Person added."
    attempt = form_for(page, f"/invitees/{invitee_pk}/attempts/add/")
    attempt.get_by_label("How").select_option(label="Letter")
    attempt.get_by_label("When").fill(
        evening(days=-1, hour=10).strftime("%Y-%m-%dT%H:%M")
    )
    attempt.get_by_label("Delivered?").select_option(label="Delivered: they got it")
    submit(attempt, "Record the attempt")
    assert flash(page) == "Invitation attempt recorded."


def check_in_at_the_door(page, pk, invitee_ids):
    page.goto(f"/workspace/call-ins/{pk}/")
    page.get_by_role("link", name="Check-in at the door").click()
    page.wait_for_url(f"**/workspace/call-ins/{pk}/check-in/")
    assert_no_axe_violations(page)  # check-in page
    for name, attendance, came_with in (
        (ATTENDED, "Attended", f"{INFLUENTIAL} (aunt)"),
        (NO_SHOW, "Did not come", ""),
    ):
        door = form_for(page, f"/invitees/{invitee_ids[name]}/check-in/")
        door.get_by_label("Attendance").select_option(label=attendance)
        door.get_by_label("Came with").fill(came_with)
        submit(door, f"Save {name}")
        assert re.fullmatch(r"Invitee #\d checked in\.", flash(page))
    assert CallIn.objects.get(pk=pk).status == "held"


def outcome_and_referral(page, invitee_pk):
    page.goto(f"/workspace/call-ins/invitees/{invitee_pk}/")
    outcome = form_for(page, f"/invitees/{invitee_pk}/outcome/")
    outcome.get_by_label("Outcome").fill(OUTCOME)
    submit(outcome, "Save the outcome")
    assert flash(page) == "Outcome recorded."
    referral = form_for(page, f"/invitees/{invitee_pk}/referrals/add/")
    referral.get_by_label("Service").select_option(label=SERVICE)
    tick(referral, "The person agreed the provider sees their name")
    submit(referral, "Record the referral")
    assert flash(page) == "Referral recorded."
    referrals = page.locator("section[aria-labelledby=referrals]")
    assert "Status: Referred." in referrals.inner_text()
    assert_no_axe_violations(page)  # invitee page, after the meeting


def close_the_call_in(page, story, pk):
    page.goto(f"/workspace/call-ins/{pk}/")
    page.locator("#meeting").get_by_role("link", name="Closing report").click()
    page.wait_for_url(f"**/workspace/call-ins/{pk}/closing-report/")
    assert_no_axe_violations(page)  # closing report
    report = form_for(page, f"/{pk}/closing-report/")
    report.get_by_label("What was said").fill(
        "The chief set out the deal; two services spoke; one person came."
    )
    for key in ("police", "county", "federal"):
        tick(report, story.agency(key))
    submit(report, "Save the report")
    assert path_of(page.url) == f"/workspace/call-ins/{pk}/close/"
    assert flash(page) == "Closing report saved."
    assert_no_axe_violations(page)  # close page
    submit(form_for(page, f"/{pk}/close/"), "Close the call-in")
    assert path_of(page.url) == f"/workspace/call-ins/{pk}/"
    assert flash(page) == "The call-in is closed."
    facts = page.locator("dl.dmi-facts").inner_text()
    assert "Closed" in facts
    assert_no_axe_violations(page)  # call-in page, closed, with its panels


def leaked(provider) -> list[str]:
    """Words of the call-in or the record found anywhere in the provider's page."""
    html = provider.content()
    return [word for word in RECORD_WORDS if word in html]


def provider_moves_referral_on(provider):
    assert provider.locator("h1").inner_text() == "Referrals"
    row = provider.locator("table tbody tr").filter(has_text=SERVICE)
    assert row.count() == 1
    assert ATTENDED in row.inner_text() and "Referred" in row.inner_text()
    assert not leaked(provider)
    assert_no_axe_violations(provider)  # provider's referral list

    row.get_by_role("link", name=ATTENDED).click()
    provider.wait_for_url(re.compile(r"/referrals/\d+/$"))
    assert provider.locator("h1").inner_text() == ATTENDED
    assert not leaked(provider)
    assert_no_axe_violations(provider)  # provider's referral page
    status = provider.locator("form[action$='/status/']")
    status.get_by_label("New status").select_option(label="First contact")
    submit(status, "Change status")
    assert flash(provider) == "Referral status changed."
    facts = provider.locator("dl.dmi-facts").inner_text()
    assert re.search(r"Status\s+First contact", facts)


def test_call_in_from_planning_to_a_providers_referral(
    browser_context, chromium_browser, live_server, page, page_errors
):
    story = seed()
    team = story.team

    def browsers(user, **sign_in_args):
        return browser_of(
            chromium_browser, live_server, page_errors, user, **sign_in_args
        )

    sign_in(page, team.police_lead)
    pk = plan_the_call_in(page, story)
    assert_no_axe_violations(page)  # call-in page, scheduled

    # Staff of two agencies answer from their own browsers.
    reply_as(browsers, team.county_prosecutor, pk, "Accepted")
    reply_as(browsers, team.federal_prosecutor, pk, "Tentative")
    page.reload()
    staff_rows = page.locator("section[aria-labelledby=call-in-staff-heading] tbody")
    for username, reply in (
        ("county_prosecutor", "Accepted"),
        ("federal_prosecutor", "Tentative"),
    ):
        assert reply in staff_rows.locator("tr", has_text=username).inner_text()

    invitee_ids = invite_and_agree_plans(page, pk)
    check_in_at_the_door(page, pk, invitee_ids)
    outcome_and_referral(page, invitee_ids[ATTENDED])
    close_the_call_in(page, story, pk)

    # The provider's staff member: the referral, the name, nothing else.
    with browsers(story.provider_user, next_url="/referrals/") as provider:
        provider_moves_referral_on(provider)

    # The host sees the provider's update on the person's page.
    page.goto(f"/workspace/call-ins/invitees/{invitee_ids[ATTENDED]}/")
    referrals = page.locator("section[aria-labelledby=referrals]").inner_text()
    assert "Status: First contact." in referrals

    # The host's calendar feed and the market's figures.
    page.goto("/workspace/call-ins/calendar/")
    assert_no_axe_violations(page)  # calendar feed page, no address yet
    page.get_by_role("link", name="Make my feed address").click()
    submit(page, "Yes, make a new address")
    feed_url = page.get_by_label("Feed address").input_value()
    assert_no_axe_violations(page)  # calendar feed page, new address shown
    feed = page.request.get(feed_url)
    assert feed.status == 200 and f"call-in-{pk}@" in feed.text()
    assert ATTENDED not in feed.text()

    page.goto("/workspace/call-ins/figures/")
    row = page.locator("table tbody tr").filter(has_text=story.market.name)
    figures = [cell.strip() for cell in row.locator("td").all_inner_texts()]
    # invited, attended, referred, engaged (first contact is not yet), activated
    assert figures == ["2", "1", "1", "0", "0"]
    assert_no_axe_violations(page)  # figures page

    # A police officer of another precinct: the call-in does not exist for them.
    page_errors.allow("status of 404")  # Chromium logs the 404 response itself
    with browsers(team.other_precinct_officer) as other:
        for url in (
            f"/workspace/call-ins/{pk}/",
            f"/workspace/call-ins/invitees/{invitee_ids[ATTENDED]}/",
        ):
            response = other.goto(url)
            assert response.status == 404
            assert other.locator("h1").inner_text() == "We can’t find that page"
            assert CALL_IN_TITLE not in other.content()
            assert ATTENDED not in other.content()
        other.goto("/workspace/call-ins/?when=past")
        assert CALL_IN_TITLE not in main_text(other)
        other.goto("/workspace/call-ins/")
        assert CALL_IN_TITLE not in main_text(other)
