"""The confidential workspace in a real browser, signed in with password + TOTP.

A county prosecutor writes a note on a high-risk subject and shares it with
the US Attorney's office; a federal prosecutor sees it; a police officer of
another precinct does not. Every workspace page visited is checked with axe
(WCAG 2.2 AA) and for console errors (the ``page`` fixture fails on any).
"""

import re

import pytest
from allauth.mfa.totp.internal.auth import TOTP

from agencies.choices import RiskTier
from agencies.models import CaseNote
from agencies.services.decisions import decision_approve, decision_propose
from agencies.services.sharing import record_share
from tests import factories, workspace
from tests.browser.axe import assert_no_axe_violations
from tests.browser.helpers import path_of
from tests.security import signin

pytestmark = pytest.mark.browser

NOTE_TEXT = "Sold to the undercover officer twice at the laundromat on 5th."
SHARE_REASON = "Federal charges are being considered."


def sign_in_to_workspace(page, user):
    """The real sign-in form, then the code from the person's authenticator app."""
    TOTP.activate(user, signin.SECRET)
    page.goto("/accounts/login/?next=/workspace/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(workspace.PASSWORD)
    page.locator("label[for=id_acknowledge]").click()  # USWDS hides the box itself
    page.locator("form").get_by_role("button", name="Sign in").click()
    page.locator("input[name=code]").fill(signin.totp_code())
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url("**/workspace/")


def high_risk_subject(team):
    """Police market with the county as partner; subject shared with the county
    and approved as high risk for the county to prosecute."""
    market = workspace.market(team, lead="police", partners=("county",))
    subject = workspace.subject(team, market, full_name="Darnell Example")
    record_share(
        record=subject,
        by=team.police_lead,
        agency=team.agencies["county"],
        reason="Prosecution review",
    )
    decision = decision_propose(
        subject=subject,
        by=team.police_officer,
        tier=RiskTier.HIGH,
        major_dealer=True,
        prosecuting_office="county",
        rationale="Repeated sales near a school.",
    )
    decision_approve(decision=decision, by=team.police_lead, rationale="UC buys")
    decision = decision_approve(
        decision=decision, by=team.county_prosecutor, rationale="Evidence holds"
    )
    assert decision.status == "approved"
    return subject


def test_county_note_shared_with_federal_office_only(
    browser_context, chromium_browser, live_server, page, page_errors
):
    factories.site_with_home()  # as in every deployment: the site's settings
    team = workspace.partnership()
    subject = high_risk_subject(team)

    # The county prosecutor writes the note from the subject page.
    sign_in_to_workspace(page, team.county_prosecutor)
    assert_no_axe_violations(page)  # dashboard
    page.goto(f"/workspace/subjects/{subject.pk}/")
    assert_no_axe_violations(page)
    note_form = page.locator("form[aria-labelledby=add-note-heading]")
    note_form.locator("textarea[name=text]").fill(NOTE_TEXT)
    note_form.get_by_role("button", name="Add note").click()
    page.wait_for_load_state()
    assert path_of(page.url).startswith(f"/workspace/subjects/{subject.pk}/")
    assert "Note added" in page.get_by_role("status").first.inner_text()
    note = CaseNote.objects.get(text=NOTE_TEXT)
    assert note.agency == team.agencies["county"]

    page.get_by_role("link", name=f"Note {note.pk}", exact=True).first.click()
    page.wait_for_url(f"**/workspace/notes/{note.pk}/")
    assert NOTE_TEXT in page.locator("main").inner_text()
    assert_no_axe_violations(page)

    # Share it with the US Attorney's office, with the reason.
    page.goto(f"/workspace/share/note/{note.pk}/")
    assert_no_axe_violations(page)
    share_form = page.locator("form[aria-labelledby=share-form-heading]")
    share_form.locator("select[name=agency]").select_option(
        label=team.agencies["federal"].name
    )
    share_form.locator("textarea[name=reason]").fill(SHARE_REASON)
    share_form.get_by_role("button", name="Share").click()
    # The form comes back to the page it was sent from, with the confirmation.
    page.get_by_role("status").first.wait_for()
    assert path_of(page.url) == f"/workspace/share/note/{note.pk}/"
    assert page.get_by_role("status").first.inner_text().strip() == "Shared."
    page.goto(f"/workspace/notes/{note.pk}/")
    shared_row = page.locator("table tbody tr").filter(
        has_text=team.agencies["federal"].name
    )
    assert SHARE_REASON in shared_row.inner_text()
    assert shared_row.locator("td strong").inner_text() == "Shared"
    assert_no_axe_violations(page)

    page.goto("/workspace/notes/")
    assert NOTE_TEXT in page.locator("main").inner_text()
    assert_no_axe_violations(page)
    page.goto(f"/workspace/binder/{subject.pk}/")
    assert NOTE_TEXT in page.locator("main").inner_text()
    assert_no_axe_violations(page)

    # A federal prosecutor, in a browser of their own, sees it.
    federal_context = chromium_browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 800}
    )
    try:
        federal = page_errors.watch(federal_context.new_page())
        sign_in_to_workspace(federal, team.federal_prosecutor)
        federal.goto("/workspace/notes/")
        assert NOTE_TEXT in federal.locator("main").inner_text()
        assert_no_axe_violations(federal)
        response = federal.goto(f"/workspace/notes/{note.pk}/")
        assert response.status == 200
        assert NOTE_TEXT in federal.locator("main").inner_text()
        assert_no_axe_violations(federal)
    finally:
        federal_context.close()

    # A police officer of another precinct does not: the note is "not found".
    page_errors.allow("status of 404")  # Chromium logs the 404 response itself
    other_context = chromium_browser.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 800}
    )
    try:
        other = page_errors.watch(other_context.new_page())
        sign_in_to_workspace(other, team.other_precinct_officer)
        response = other.goto(f"/workspace/notes/{note.pk}/")
        assert response.status == 404
        assert other.locator("h1").inner_text() == "We can’t find that page"
        assert NOTE_TEXT not in other.content()
        other.goto("/workspace/notes/")
        assert other.locator("h1").inner_text() == "Notes"
        assert NOTE_TEXT not in other.content()
        assert not re.search(rf"Note {note.pk}\b", other.locator("main").inner_text())
    finally:
        other_context.close()
