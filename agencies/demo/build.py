"""Apply the demo data through the workspace's own services.

Everything goes through ``agencies.services`` so that grants, case history
and audit entries are real, and each step is first checked against
``agencies.permissions``: the demo never shows something the rules would
refuse. A market is built whole or not at all (the caller holds one
transaction), so a market that exists is left alone: a second run creates
nothing and writes no audit entry.
"""

import datetime

from django.contrib.auth.models import Group
from django.db.models import Count, Q
from django.utils import timezone

from agencies import permissions
from agencies.choices import MembershipRole, Sensitivity, ShareStatus
from agencies.demo.markets import MARKETS
from agencies.demo.notes import NOTES
from agencies.demo.people import ensure_demo_agencies, ensure_demo_people
from agencies.demo.subjects import SUBJECTS
from agencies.models import Agency, Case, CaseNote, Market, Membership, Share, Subject
from agencies.permissions import AUDITORS_GROUP
from agencies.services import decisions, notes, records, sharing
from portal.demo.pages import months_ago
from portal.models import NeighborhoodPage

APPROVAL_RATIONALE = {
    "police": "Buys, history and criteria reviewed with the precinct; agreed.",
    "prosecutor": "Reviewed the file and the criteria; agreed.",
}


class DemoRuleError(RuntimeError):
    """The demo data asks for something the permission layer would refuse."""


def _check(allowed: bool, what: str) -> None:
    if not allowed:
        raise DemoRuleError(f"Demo data breaks a workspace rule: {what}")


def ensure_demo_workspace() -> dict:
    """Agencies, people, both markets with their subjects, cases and notes."""
    agencies = ensure_demo_agencies()
    people = ensure_demo_people(agencies)
    built = []
    for slug, spec in MARKETS.items():
        if Market.objects.filter(name=spec["name"]).exists():
            continue
        market = _market(slug, spec, agencies, people)
        subjects = {
            item["key"]: _subject(market, item, agencies, people)
            for item in SUBJECTS
            if item["market"] == slug
        }
        for item in NOTES[slug]:
            _note(item, market, subjects, agencies, people)
        built.append(market)
    return {"agencies": agencies, "people": people, "markets": built}


def _lead(agency_key: str, people):
    return people[f"{agency_key}_{MembershipRole.LEAD.value}"]


def _market(slug, spec, agencies, people) -> Market:
    dates = {field: months_ago(months) for field, months in spec["months"].items()}
    return records.market_create(
        by=_lead(spec["lead"], people),
        name=spec["name"],
        neighborhood=NeighborhoodPage.objects.filter(slug=slug).first(),
        phase=spec["phase"],
        selection_reasons=spec["selection_reasons"],
        partners=[agencies[key] for key in spec["partners"]],
        **dates,
    )


def _subject(market, item, agencies, people) -> Subject:
    owner = MARKETS[item["market"]]["lead"]
    member, lead = people[f"{owner}_member"], _lead(owner, people)
    _check(permissions.can_view(member, market), "member sees the market")
    subject = records.subject_create(
        by=member,
        market=market,
        full_name=item["full_name"],
        aliases=item["aliases"],
        date_of_birth=item["born"],
        description=f"Fictional demo person. {item['description']}",
    )
    for number, buy in enumerate(item["buys"], start=1):
        _buy(subject, item["key"], number, buy, by=member)
    case = None
    if item["case"]:
        case = records.case_create(by=member, subject=subject, title=item["case"])
    for agency_key, reason in item["shares"]:
        for record in filter(None, (subject, case)):
            sharing.record_share(
                record=record, by=lead, agency=agencies[agency_key], reason=reason
            )
    if item["decision"]:
        _decide(subject, item, member=member, lead=lead, people=people)
    for status, username, activation_reason, comment in item["moves"]:
        actor = people[username]
        _check(
            permissions.can_change_case_status(actor, case),
            f"{username} moves case of {item['key']}",
        )
        records.case_status_change(
            case=case,
            to_status=status,
            by=actor,
            activation_reason=activation_reason,
            comment=comment,
        )
    return subject


def _buy(subject, key, number, buy, *, by) -> None:
    days_ago, place, substance, amount, net = buy
    precinct = "3P" if key.startswith("MC") else "5P"
    day = timezone.localtime() - datetime.timedelta(days=days_ago)
    lab = f"{substance}, {net} (Harbor County Crime Lab)" if net else "Pending"
    records.controlled_buy_create(
        by=by,
        subject=subject,
        occurred_at=day.replace(
            hour=17 + number % 4, minute=10 * number, second=0, microsecond=0
        ),
        place=place,
        # Alternate an undercover officer's badge and an informant's number.
        officer_reference=f"UC {precinct}-0417" if number % 2 else f"CI {precinct}-118",
        substance=substance,
        amount=amount,
        evidence_reference=f"EV-{precinct}-{key}-{number:02d}",
        video_reference=f"BWC-{precinct}-{key}-{number:02d}",
        lab_result=lab,
    )


def _decide(subject, item, *, member, lead, people) -> None:
    tier, office, criteria = item["decision"]
    _check(permissions.can_propose_decision(member, subject), "member proposes")
    decision = decisions.decision_propose(
        subject=subject,
        by=member,
        tier=tier,
        prosecuting_office=office,
        rationale=f"{item['description']} Criteria reviewed at the risk meeting.",
        **criteria,
    )
    approvers = {
        "police": lead,
        # The prosecuting office approves; low risk: the county, which banks it.
        "prosecutor": _lead(office or "county", people),
    }
    for role in item["approvals"]:
        approver = approvers[role]
        _check(
            permissions.can_approve_decision(approver, decision),
            f"{role} lead approves the decision on {item['key']}",
        )
        decision = decisions.decision_approve(
            decision=decision, by=approver, rationale=APPROVAL_RATIONALE[role]
        )


def _note(item, market, subjects, agencies, people) -> CaseNote:
    about = market
    if isinstance(item["about"], tuple):
        key, kind = item["about"]
        subject = subjects[key]
        about = subject if kind == "subject" else subject.cases.get()
    author = people[item["by"]]
    _check(permissions.can_add_note(author, about), f"{item['by']} writes a note")
    note = notes.case_note_create(
        about=about,
        author=author,
        text=item["text"],
        sensitivity=item.get("sensitivity", Sensitivity.STANDARD),
    )
    lead = _lead(item["by"].rsplit("_", 1)[0], people)
    for agency_key in [*item.get("share", []), *item.get("revoke", [])]:
        sharing.record_share(
            record=note, by=lead, agency=agencies[agency_key], reason=_why(item)
        )
    for username in item.get("share_user", []):
        sharing.record_share(
            record=note, by=lead, user=people[username], reason=_why(item)
        )
    for agency_key in item.get("revoke", []):
        share = Share.objects.get(
            note=note, agency=agencies[agency_key], status=ShareStatus.ACTIVE
        )
        sharing.share_revoke(
            share=share,
            by=lead,
            reason="Shared with the wrong office: the county holds banked cases.",
        )
    for agency_key in [*item.get("propose", []), *item.get("decline", [])]:
        sharing.share_propose(
            record=note, by=author, agency=agencies[agency_key], reason=_why(item)
        )
    for agency_key in item.get("decline", []):
        share = Share.objects.get(
            note=note, agency=agencies[agency_key], status=ShareStatus.PROPOSED
        )
        sharing.share_decide(share=share, by=lead, approve=False)
    if "amend" in item:
        username, text = item["amend"]
        _check(permissions.can_amend(people[username], note), f"{username} amends")
        notes.case_note_amend(note=note, author=people[username], text=text)
    return note


def _why(item) -> str:
    """The need to know, from what the note is about (never a person's name)."""
    about = item["about"]
    if isinstance(about, str):
        return "Partner in this market's intervention"
    return f"Works on this {about[1]} with us"


def workspace_summary() -> str:
    """One line of counts for load_demo_data (the same on every run)."""
    shares = Share.objects.aggregate(
        active=Count("pk", filter=Q(status=ShareStatus.ACTIVE)),
        proposed=Count("pk", filter=Q(status=ShareStatus.PROPOSED)),
        declined=Count("pk", filter=Q(status=ShareStatus.DECLINED)),
        revoked=Count("pk", filter=Q(status=ShareStatus.REVOKED)),
    )
    auditors = Group.objects.filter(name=AUDITORS_GROUP).aggregate(n=Count("user"))
    auditors = f"{auditors['n'] or 0} auditor" + ("" if auditors["n"] == 1 else "s")
    return (
        f"Agencies: {Agency.objects.count()} agencies, "
        f"{Membership.objects.count()} staff, {auditors}, "
        f"{Market.objects.count()} markets, {Subject.objects.count()} subjects, "
        f"{Case.objects.count()} cases, {CaseNote.objects.count()} notes "
        f"({shares['active']} shares, {shares['proposed']} proposed, "
        f"{shares['declined']} declined, {shares['revoked']} revoked)."
    )
