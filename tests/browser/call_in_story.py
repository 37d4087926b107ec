"""The preconditions and small browser steps of the call-in story (test_call_ins.py).

Only what a person cannot do through the call-in screens is built here: the
partnership, a market, two low-risk sellers with approved decisions and
banked cases, a directory organization with a service and a member of its
provider group, and everyone's authenticator app. The rest happens in
Chromium.
"""

from contextlib import contextmanager
from dataclasses import dataclass

from allauth.mfa.totp.internal.auth import TOTP

from tests import factories, workspace
from tests.browser.conftest import DESKTOP
from tests.meetings import call_in_builders as build
from tests.security import signin

MARKET = "Larkspur Row market"
CALL_IN_TITLE = "Larkspur Row call-in"
PLACE = "Juniper Hall, Room 4"
SERVICE = "Walk-in counseling"
PROVIDER = "Riverton Recovery Center"
ATTENDED = "Ann Larkspur"
NO_SHOW = "Bo Larkspur"
INFLUENTIAL = "Mae Larkspur"
PLAN = "Activate the banked case within a week."
OUTCOME = "Took the offer; wants counseling."
# What the provider must never read: the call-in, the market, the record
# (the banked case's title), the other invitee, the plan, the outcome.
RECORD_WORDS = (
    CALL_IN_TITLE,
    PLACE,
    MARKET,
    "Sales on 5th Street",
    NO_SHOW,
    INFLUENTIAL,
    PLAN,
    OUTCOME,
)


@dataclass
class Story:
    team: object
    market: object
    attended: object
    no_show: object
    provider_user: object

    def agency(self, key) -> str:
        return self.team.agencies[key].name


def seed() -> Story:
    home = factories.site_with_home()  # as in every deployment: the site's settings
    team = workspace.partnership()
    market = workspace.market(team, lead="police", partners=("county",), name=MARKET)
    attended = build.seller(team, market, full_name=ATTENDED)
    no_show = build.seller(team, market, full_name=NO_SHOW)
    organization = factories.organization(
        factories.directory_page(home), title=PROVIDER
    )
    factories.service(organization, title=SERVICE)
    provider_user = factories.provider_user(
        organization, username="recovery_staff", password=workspace.PASSWORD
    )
    return Story(team, market, attended, no_show, provider_user)


def sign_in(page, user, *, next_url="/workspace/"):
    """The real sign-in form, then the code from the person's authenticator app.

    allauth refuses a code used before by the same person, so each person
    signs in once per test (different people may share the current code).
    """
    TOTP.activate(user, signin.SECRET)
    page.goto(f"/accounts/login/?next={next_url}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(workspace.PASSWORD)
    page.locator("label[for=id_acknowledge]").click()  # USWDS hides the box itself
    page.locator("form").get_by_role("button", name="Sign in").click()
    page.locator("input[name=code]").fill(signin.totp_code())
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(f"**{next_url}")


@contextmanager
def browser_of(chromium_browser, live_server, page_errors, user, **sign_in_args):
    """A browser of ``user``'s own (a fresh context), signed in."""
    context = chromium_browser.new_context(base_url=live_server.url, viewport=DESKTOP)
    context.set_default_timeout(10_000)
    try:
        page = page_errors.watch(context.new_page())
        sign_in(page, user, **sign_in_args)
        yield page
    finally:
        for open_page in context.pages:
            open_page.goto("about:blank")
        context.close()


def tick(scope, label: str) -> None:
    """Tick a USWDS checkbox by its label (the box itself is drawn by CSS)."""
    scope.locator("label.usa-checkbox__label", has_text=label).click()


def submit(scope, name: str) -> None:
    """Press a form's button and wait for the page the server answers with."""
    page = scope.page if hasattr(scope, "page") else scope
    with page.expect_navigation():
        scope.get_by_role("button", name=name, exact=True).click()


def flash(page) -> str:
    """The confirmation the page shows after a write."""
    return page.get_by_role("status").first.inner_text().strip()


def main_text(page) -> str:
    return page.locator("main").inner_text()
