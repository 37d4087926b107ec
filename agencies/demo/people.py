"""Riverton's partnership: its agencies, one demo login per agency and role, an auditor.

Plain data plus the two builders that apply it. Every name is fictional.
Agencies are found by name and people by username, so a second run creates
nothing and writes no audit entry.
"""

from django.contrib.auth.models import Group

from agencies.choices import AgencyKind, MembershipRole
from agencies.models import Agency, Membership
from agencies.permissions import AUDITORS_GROUP
from agencies.services.memberships import agency_create, membership_set
from portal.demo.users import ensure_demo_user

# key -> (name, kind, jurisdiction, what its staff see in the demo)
AGENCIES = {
    "police": (
        "Riverton Police Department, 3rd Precinct",
        AgencyKind.POLICE,
        "Riverton, 3rd Precinct (Mill Creek, Eastgate)",
        "the Mill Creek market it leads, its subjects, buys, cases and the "
        "precinct's notes; nothing of Harbor Heights",
    ),
    "precinct5": (
        "Riverton Police Department, 5th Precinct",
        AgencyKind.POLICE,
        "Riverton, 5th Precinct (Harbor Heights, Old Orchard)",
        "the Harbor Heights market it leads, its subjects, buys, cases and the "
        "precinct's notes; nothing of Mill Creek",
    ),
    "city": (
        "Riverton City Attorney's Office",
        AgencyKind.CITY_PROSECUTOR,
        "City of Riverton",
        "both markets; the one Mill Creek subject and case it files, and the "
        "notes shared with it",
    ),
    "county": (
        "Harbor County Prosecuting Attorney",
        AgencyKind.COUNTY_PROSECUTOR,
        "Harbor County",
        "both markets; the subjects and cases shared for risk review, banking "
        "and county prosecution, and the notes shared with it",
    ),
    "federal": (
        "U.S. Attorney's Office, Western District",
        AgencyKind.FEDERAL_PROSECUTOR,
        "Western District",
        "both markets; the two high-risk subjects it prosecutes and the notes "
        "shared with it",
    ),
    "probation": (
        "Harbor County Probation",
        AgencyKind.PROBATION,
        "Harbor County",
        "both markets; the subjects it supervises and the notes shared with it",
    ),
    "recovery": (
        "Riverton Recovery Center",
        AgencyKind.SERVICE_PROVIDER,
        "Riverton",
        "both markets and the notes shared with it; no subject or case",
    ),
    "jobs": (
        "Second Chance Works",
        AgencyKind.SERVICE_PROVIDER,
        "Riverton",
        "the Mill Creek market and the notes shared with it; no subject or case",
    ),
    "community": (
        "Riverton Neighbors Together",
        AgencyKind.COMMUNITY,
        "Riverton",
        "both markets and the notes shared with it; no subject or case",
    ),
}

# username prefix of each agency's two demo people (police_lead, police_member…)
STAFF = [
    (f"{key}_{role.value}", key, role)
    for key in AGENCIES
    for role in (MembershipRole.LEAD, MembershipRole.MEMBER)
]

AUDITOR = "auditor"
AUDITOR_ROLE = (
    "Auditor: searches and exports the workspace audit log; sees no market, "
    "subject, case or note"
)

# A fictional given name per person, so the workspace shows who wrote what.
GIVEN_NAMES = {
    "police_lead": "Dana",
    "police_member": "Sam",
    "precinct5_lead": "Lou",
    "precinct5_member": "Kit",
    "city_lead": "Robin",
    "city_member": "Alex",
    "county_lead": "Morgan",
    "county_member": "Jesse",
    "federal_lead": "Taylor",
    "federal_member": "Quinn",
    "probation_lead": "Jamie",
    "probation_member": "Drew",
    "recovery_lead": "Casey",
    "recovery_member": "Rowan",
    "jobs_lead": "Ari",
    "jobs_member": "Sky",
    "community_lead": "Pat",
    "community_member": "Noor",
    AUDITOR: "Reese",
}


DECIDING_KINDS = (
    AgencyKind.POLICE,
    AgencyKind.CITY_PROSECUTOR,
    AgencyKind.COUNTY_PROSECUTOR,
    AgencyKind.FEDERAL_PROSECUTOR,
)


def _role_text(key, role) -> str:
    """One line for `demo_logins`: agency, role, what they may do and see."""
    name, kind, _jurisdiction, sees = AGENCIES[key]
    if role == MembershipRole.LEAD:
        can = ["shares and revokes", "decides proposed shares"]
        if kind in DECIDING_KINDS:
            can.append("approves risk decisions")
    else:
        can = ["writes notes", "proposes shares"]
        if kind in DECIDING_KINDS:
            can.append("proposes risk decisions")
    return f"Workspace {role.label.lower()}, {name}: {', '.join(can)}. Sees {sees}"


# username -> role line, for `manage.py demo_logins` (portal.demo.users).
DEMO_ROLES = {
    **{username: _role_text(key, role) for username, key, role in STAFF},
    AUDITOR: AUDITOR_ROLE,
}


def ensure_demo_agencies() -> dict:
    """key -> Agency, created through the audited service when missing."""
    agencies = {}
    for key, (name, kind, jurisdiction, _sees) in AGENCIES.items():
        agency = Agency.objects.filter(name=name).first()
        if agency is None:
            agency = agency_create(name=name, kind=kind, jurisdiction=jurisdiction)
        agencies[key] = agency
    return agencies


def ensure_demo_people(agencies) -> dict:
    """username -> User: one lead and one member per agency, and the auditor.

    A person who already belongs to an agency keeps it (an administrator may
    have moved them while trying the demo); only people without one join.
    """
    people = {}
    for username, key, role in STAFF:
        user = ensure_demo_user(
            username, first_name=GIVEN_NAMES[username], last_name="Demo"
        )
        if not Membership.objects.filter(user=user).exists():
            membership_set(user=user, agency=agencies[key], role=role)
        people[username] = user
    Group.objects.get_or_create(name=AUDITORS_GROUP)
    people[AUDITOR] = ensure_demo_user(
        AUDITOR,
        groups=[AUDITORS_GROUP],
        first_name=GIVEN_NAMES[AUDITOR],
        last_name="Demo",
    )
    return people
