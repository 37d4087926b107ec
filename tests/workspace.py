"""Builders for the confidential workspace: a partnership of agencies and their staff.

``Partnership`` holds one agency of each kind and one person per role the
authorization matrix names; ``mfa_client`` signs a client in as if the
person had proved their second factor (the MFA gate is tested on its own).
"""

import time
from dataclasses import dataclass, field

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.models import Group

from agencies.choices import AgencyKind, MembershipRole, Sensitivity
from agencies.permissions import AUDITORS_GROUP
from agencies.services import notes, records
from agencies.services.memberships import agency_create, membership_set
from tests import factories

PASSWORD = "correct-horse-battery-staple"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"

AGENCIES = {
    "police": ("Riverton Police, 3rd Precinct", AgencyKind.POLICE),
    "other_police": ("Riverton Police, 5th Precinct", AgencyKind.POLICE),
    "city": ("Riverton City Attorney", AgencyKind.CITY_PROSECUTOR),
    "county": ("Harbor County Prosecutor", AgencyKind.COUNTY_PROSECUTOR),
    "federal": ("US Attorney, Western District", AgencyKind.FEDERAL_PROSECUTOR),
    "probation": ("Harbor County Probation", AgencyKind.PROBATION),
    "provider": ("Riverton Recovery Services", AgencyKind.SERVICE_PROVIDER),
    "community": ("Eastgate Neighbors United", AgencyKind.COMMUNITY),
}

# person -> (agency key, role)
STAFF = {
    "police_lead": ("police", MembershipRole.LEAD),
    "police_officer": ("police", MembershipRole.MEMBER),
    "other_precinct_officer": ("other_police", MembershipRole.MEMBER),
    "city_prosecutor": ("city", MembershipRole.LEAD),
    "county_prosecutor": ("county", MembershipRole.LEAD),
    "county_member": ("county", MembershipRole.MEMBER),
    "federal_prosecutor": ("federal", MembershipRole.LEAD),
    "federal_member": ("federal", MembershipRole.MEMBER),
    "probation_officer": ("probation", MembershipRole.MEMBER),
    "provider_staff": ("provider", MembershipRole.MEMBER),
}


@dataclass
class Partnership:
    agencies: dict = field(default_factory=dict)
    people: dict = field(default_factory=dict)

    def __getattr__(self, name):
        people = self.__dict__.get("people", {})
        if name in people:
            return people[name]
        raise AttributeError(name)


def partnership() -> Partnership:
    built = Partnership()
    for key, (name, kind) in AGENCIES.items():
        built.agencies[key] = agency_create(
            name=name, kind=kind, jurisdiction="Riverton"
        )
    for username, (agency_key, role) in STAFF.items():
        person = factories.user(username, password=PASSWORD)
        membership_set(user=person, agency=built.agencies[agency_key], role=role)
        built.people[username] = person
    auditor = factories.user("auditor", password=PASSWORD)
    auditor.groups.add(Group.objects.get_or_create(name=AUDITORS_GROUP)[0])
    built.people["auditor"] = auditor
    built.people["administrator"] = factories.user(
        "administrator", password=PASSWORD, is_staff=True, is_superuser=True
    )
    built.people["public_editor"] = factories.user("public_editor", password=PASSWORD)
    return built


def mfa_client(client, user):
    """``client`` signed in as ``user`` with a second factor proved this session."""
    if not Authenticator.objects.filter(user=user).exists():
        TOTP.activate(user, TOTP_SECRET)
    client.force_login(user)
    session = client.session
    session["account_authentication_methods"] = [
        {"method": "mfa", "type": "totp", "at": time.time()}
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.save()
    return client


def market(team: Partnership, *, lead="police", partners=("county",), **fields):
    author = _lead_of(team, lead)
    return records.market_create(
        by=author,
        name=fields.pop("name", "Eastgate market"),
        selection_reasons=fields.pop("selection_reasons", "Calls for service"),
        partners=[team.agencies[key] for key in partners],
        **fields,
    )


def _lead_of(team, agency_key):
    for username, (key, role) in STAFF.items():
        if key == agency_key and role == MembershipRole.LEAD:
            return team.people[username]
    for username, (key, _) in STAFF.items():
        if key == agency_key:
            return team.people[username]
    raise KeyError(agency_key)


def subject(team, the_market, *, by="police_officer", **fields):
    return records.subject_create(
        by=team.people[by],
        market=the_market,
        full_name=fields.pop("full_name", "Darnell Example"),
        **fields,
    )


def case(team, the_subject, *, by="police_officer", title="Sales on 5th Street"):
    return records.case_create(by=team.people[by], subject=the_subject, title=title)


def note(team, about, *, by="police_officer", text="Seen selling at the corner.", **kw):
    return notes.case_note_create(
        about=about,
        author=team.people[by],
        text=text,
        sensitivity=kw.get("sensitivity", Sensitivity.STANDARD),
    )
